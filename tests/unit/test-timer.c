/*
 * test-timer.c: unit tests for qemu/timer.h (util/qemu-timer.c).
 *
 * Host-clock tests check the virtual clock's stop/start arithmetic
 * against the host monotonic clock read around it (exact bounds, no
 * timing assumptions) and run REALTIME timers whose expiry is already in
 * the past.  qtest-mode tests each run in a fresh subprocess, because qtest
 * mode must be chosen before the virtual clock is first read; there the
 * clock moves only by qtest_clock_warp(), so every expectation is exact.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"

/* What fired, in order, and the virtual time each callback saw. */
typedef struct Firing {
    int id;
    int64_t vclock;
} Firing;

static GArray *firings;

static void firings_reset(void)
{
    if (!firings) {
        firings = g_array_new(FALSE, FALSE, sizeof(Firing));
    }
    g_array_set_size(firings, 0);
}

static void record_cb(void *opaque)
{
    Firing f = {
        .id = GPOINTER_TO_INT(opaque),
        .vclock = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL),
    };

    g_array_append_val(firings, f);
}

static void assert_firing(guint idx, int id, int64_t vclock)
{
    Firing *f;

    g_assert_cmpuint(idx, <, firings->len);
    f = &g_array_index(firings, Firing, idx);
    g_assert_cmpint(f->id, ==, id);
    if (vclock >= 0) {
        g_assert_cmpint(f->vclock, ==, vclock);
    }
}

/* Host clocks and the virtual clock. */

static void test_initial_state(void)
{
    if (g_test_subprocess()) {
        /* Ticks start stopped (vm_start enables them) at virtual time 0 */
        g_assert_false(cpu_ticks_enabled());
        g_assert_false(qemu_clock_is_qtest());
        g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
        g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL_RT), ==, 0);
        g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, -1);
        g_assert_cmpint(qemu_clock_next_deadline_virtual(), ==, -1);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
}

static void test_host_clocks(void)
{
    int64_t a = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    int64_t b = get_clock();
    int64_t wall = qemu_clock_get_ns(QEMU_CLOCK_HOST);
    int64_t glib_wall = g_get_real_time() * SCALE_US;

    g_assert_cmpint(a, <=, b);
    g_assert_cmpint(qemu_clock_get_ms(QEMU_CLOCK_REALTIME), >=, a / SCALE_MS);
    /* Same wall clock as glib's, give or take a generous minute */
    g_assert_cmpint(llabs(wall - glib_wall), <, 60 * NANOSECONDS_PER_SECOND);
    g_assert_cmpint(llabs(get_clock_realtime() - glib_wall), <,
                    60 * NANOSECONDS_PER_SECOND);
}

static void check_stop_start(QEMUClockType type)
{
    int64_t v0, v1, frozen, resumed, r0, r1;

    cpu_enable_ticks();
    g_assert_true(cpu_ticks_enabled());
    v0 = qemu_clock_get_ns(type);
    g_usleep(2 * 1000);
    v1 = qemu_clock_get_ns(type);
    g_assert_cmpint(v1, >, v0);

    cpu_disable_ticks();
    cpu_disable_ticks();        /* idempotent */
    g_assert_false(cpu_ticks_enabled());
    frozen = qemu_clock_get_ns(type);
    g_assert_cmpint(frozen, >=, v1);
    g_usleep(20 * 1000);
    g_assert_cmpint(qemu_clock_get_ns(type), ==, frozen);

    /* Resuming continues from the frozen value: no jump for the pause */
    r0 = get_clock();
    cpu_enable_ticks();
    cpu_enable_ticks();         /* idempotent */
    resumed = qemu_clock_get_ns(type);
    r1 = get_clock();
    g_assert_cmpint(resumed, >=, frozen);
    g_assert_cmpint(resumed - frozen, <=, r1 - r0);
    cpu_disable_ticks();
}

static void test_virtual_stop_start(void)
{
    check_stop_start(QEMU_CLOCK_VIRTUAL);
    check_stop_start(QEMU_CLOCK_VIRTUAL_RT);
}

static void test_virtual_timers_wait_for_ticks(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_VIRTUAL, record_cb,
                                GINT_TO_POINTER(1));

    firings_reset();
    cpu_disable_ticks();
    timer_mod(t, 0);
    /* A stopped VM runs no virtual timers and the loop does not wait */
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_false(qemu_clock_run_all_timers());
    g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, -1);
    g_assert_cmpuint(firings->len, ==, 0);
    g_assert_true(timer_pending(t));

    cpu_enable_ticks();
    g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, 0);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpuint(firings->len, ==, 1);
    g_assert_false(timer_pending(t));
    cpu_disable_ticks();
    timer_free(t);
}

/* REALTIME timers whose expiry is long past: run_timers is exact. */

static QEMUTimer *rt_timers[3];

static void delete_other_cb(void *opaque)
{
    record_cb(opaque);
    timer_del(rt_timers[0]);
}

static void free_self_cb(void *opaque)
{
    record_cb(opaque);
    timer_free(rt_timers[2]);
    rt_timers[2] = NULL;
}

static void test_realtime_run_order(void)
{
    int i;

    firings_reset();
    rt_timers[0] = timer_new_ns(QEMU_CLOCK_REALTIME, record_cb,
                                GINT_TO_POINTER(0));
    rt_timers[1] = timer_new_ns(QEMU_CLOCK_REALTIME, delete_other_cb,
                                GINT_TO_POINTER(1));
    rt_timers[2] = timer_new_ns(QEMU_CLOCK_REALTIME, free_self_cb,
                                GINT_TO_POINTER(2));
    timer_mod(rt_timers[0], 30);
    timer_mod(rt_timers[1], 10);
    timer_mod(rt_timers[2], 20);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_REALTIME), ==, 0);

    /* Expiry order; 1 deletes 0 before its turn; 2 frees itself */
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_REALTIME));
    g_assert_cmpuint(firings->len, ==, 2);
    assert_firing(0, 1, -1);
    assert_firing(1, 2, -1);
    g_assert_false(timer_pending(rt_timers[0]));
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_REALTIME));
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_REALTIME), ==, -1);

    for (i = 0; i < 3; i++) {
        timer_free(rt_timers[i]);
    }
}

static int rearm_count;

static void rearm_past_cb(void *opaque)
{
    rearm_count++;
    timer_mod(opaque, 0);
}

static void test_rearm_into_past(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_REALTIME, rearm_past_cb, NULL);

    t->opaque = t;
    rearm_count = 0;
    timer_mod(t, 1);
    /* Each call runs each expired timer once, even if it re-arms */
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_REALTIME));
    g_assert_cmpint(rearm_count, ==, 1);
    g_assert_true(timer_pending(t));
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_REALTIME));
    g_assert_cmpint(rearm_count, ==, 2);
    timer_free(t);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_REALTIME));
}

static int notify_count;

static void count_notify(void)
{
    notify_count++;
}

static void test_notify_hook(void)
{
    QEMUTimer *a = timer_new_ms(QEMU_CLOCK_REALTIME, record_cb, NULL);
    QEMUTimer *b = timer_new_ms(QEMU_CLOCK_REALTIME, record_cb, NULL);
    int64_t now_ms = qemu_clock_get_ms(QEMU_CLOCK_REALTIME);

    notify_count = 0;
    qemu_timer_set_notify(count_notify);

    timer_mod(a, now_ms + 3600 * 1000);
    g_assert_cmpint(notify_count, ==, 1);     /* new earliest deadline */
    timer_mod(b, now_ms + 7200 * 1000);
    g_assert_cmpint(notify_count, ==, 1);     /* later: nobody to wake */
    timer_mod(b, now_ms + 1800 * 1000);
    g_assert_cmpint(notify_count, ==, 2);     /* earlier again */
    timer_mod_anticipate(a, now_ms + 600 * 1000);
    g_assert_cmpint(notify_count, ==, 3);

    qemu_timer_set_notify(NULL);
    timer_free(a);
    timer_free(b);
}

static void test_realtime_deadline(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_REALTIME, record_cb, NULL);
    int64_t hour = 3600 * NANOSECONDS_PER_SECOND;
    int64_t d;

    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_REALTIME), ==, -1);
    timer_mod_ns(t, get_clock() + hour);
    d = qemu_clock_deadline_ns(QEMU_CLOCK_REALTIME);
    g_assert_cmpint(d, >, 0);
    g_assert_cmpint(d, <=, hour);
    d = qemu_clock_deadline_ns_all();
    g_assert_cmpint(d, >, 0);
    g_assert_cmpint(d, <=, hour);
    timer_del(t);
    g_assert_false(timer_pending(t));
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_REALTIME), ==, -1);
    g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, -1);
    timer_free(t);
}

static void test_scales(void)
{
    QEMUTimer *ms = timer_new_ms(QEMU_CLOCK_REALTIME, record_cb, NULL);
    QEMUTimer *us = timer_new_us(QEMU_CLOCK_REALTIME, record_cb, NULL);
    QEMUTimer ns;

    timer_init_full(&ns, QEMU_CLOCK_HOST, SCALE_NS, record_cb, NULL);
    g_assert_false(timer_pending(&ns));
    g_assert_cmpint(timer_expire_time_ns(&ns), ==, -1);

    timer_mod(ms, 5);
    timer_mod(us, 7);
    timer_mod(&ns, 9);
    g_assert_cmpint(timer_expire_time_ns(ms), ==, 5 * SCALE_MS);
    g_assert_cmpint(timer_expire_time_ns(us), ==, 7 * SCALE_US);
    g_assert_cmpint(timer_expire_time_ns(&ns), ==, 9);

    /* timer_expired() takes the time in the timer's own scale */
    g_assert_false(timer_expired(ms, 4));
    g_assert_true(timer_expired(ms, 5));
    g_assert_true(timer_expired(us, 8));

    /* Out-of-range expiries saturate rather than wrap */
    timer_mod(ms, INT64_MAX / 2);
    g_assert_cmpint(timer_expire_time_ns(ms), ==, INT64_MAX);
    timer_mod(us, -5);
    g_assert_cmpint(timer_expire_time_ns(us), ==, 0);
    timer_mod_ns(&ns, -1);
    g_assert_true(timer_pending(&ns));
    g_assert_cmpint(timer_expire_time_ns(&ns), ==, 0);

    timer_del(&ns);
    g_assert_false(timer_expired(&ns, INT64_MAX));
    timer_free(ms);
    timer_free(us);
    timer_free(NULL);
}

/* qtest mode, each in a fresh process. */

static void qtest_subprocess(gconstpointer data)
{
    void (*body)(void) = data;

    if (g_test_subprocess()) {
        qemu_clock_set_qtest(true);
        g_assert_true(qemu_clock_is_qtest());
        firings_reset();
        body();
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
}

static QEMUTimer *vtimer(QEMUClockType type, int id)
{
    return timer_new_ns(type, record_cb, GINT_TO_POINTER(id));
}

static void qtest_warp_order(void)
{
    QEMUTimer *a = vtimer(QEMU_CLOCK_VIRTUAL, 1);
    QEMUTimer *b = vtimer(QEMU_CLOCK_VIRTUAL, 2);
    QEMUTimer *c = vtimer(QEMU_CLOCK_VIRTUAL, 3);
    QEMUTimer *rt = vtimer(QEMU_CLOCK_VIRTUAL_RT, 4);
    QEMUTimer *late = vtimer(QEMU_CLOCK_VIRTUAL, 5);

    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
    timer_mod(a, 300);
    timer_mod(b, 100);
    timer_mod(c, 200);
    timer_mod(rt, 150);
    timer_mod(late, 500);

    /* Each callback sees the clock at its own expiry */
    qtest_clock_warp(400);
    g_assert_cmpuint(firings->len, ==, 4);
    assert_firing(0, 2, 100);
    assert_firing(1, 4, 150);
    assert_firing(2, 3, 200);
    assert_firing(3, 1, 300);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 400);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL_RT), ==, 400);
    g_assert_true(timer_pending(late));

    /* The destination is inclusive */
    qtest_clock_warp(500);
    g_assert_cmpuint(firings->len, ==, 5);
    assert_firing(4, 5, 500);
    g_assert_false(timer_pending(late));

    /* The counter never runs backwards */
    qtest_clock_warp(100);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 500);

    timer_free(a);
    timer_free(b);
    timer_free(c);
    timer_free(rt);
    timer_free(late);
}

static void qtest_ticks_ignored(void)
{
    cpu_enable_ticks();
    g_usleep(2 * 1000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
    qtest_clock_warp(1234);
    cpu_disable_ticks();
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 1234);
    g_assert_cmpint(qemu_clock_get_us(QEMU_CLOCK_VIRTUAL), ==, 1);
}

static QEMUTimer *periodic;

static void periodic_cb(void *opaque)
{
    record_cb(opaque);
    timer_mod(periodic, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + 100);
}

static void qtest_warp_periodic(void)
{
    int i;

    periodic = timer_new_ns(QEMU_CLOCK_VIRTUAL, periodic_cb, NULL);
    timer_mod(periodic, 100);
    qtest_clock_warp(1000);
    g_assert_cmpuint(firings->len, ==, 10);
    for (i = 0; i < 10; i++) {
        assert_firing(i, 0, (i + 1) * 100);
    }
    g_assert_cmpint(timer_expire_time_ns(periodic), ==, 1100);
    timer_free(periodic);
}

static void qtest_scaled_timers(void)
{
    QEMUTimer *ms = timer_new_ms(QEMU_CLOCK_VIRTUAL, record_cb,
                                 GINT_TO_POINTER(1));
    QEMUTimer *us = timer_new_us(QEMU_CLOCK_VIRTUAL, record_cb,
                                 GINT_TO_POINTER(2));

    timer_mod(ms, 2);
    timer_mod(us, 1500);
    g_assert_cmpint(qemu_clock_next_deadline_virtual(), ==, 1500 * SCALE_US);

    qtest_clock_warp(2 * SCALE_MS - 1);
    g_assert_cmpuint(firings->len, ==, 1);
    assert_firing(0, 2, 1500 * SCALE_US);
    g_assert_true(timer_pending(ms));
    g_assert_false(timer_expired(ms, 1));

    qtest_clock_warp(2 * SCALE_MS);
    g_assert_cmpuint(firings->len, ==, 2);
    assert_firing(1, 1, 2 * SCALE_MS);
    timer_free(ms);
    timer_free(us);
}

static void qtest_mod_and_del(void)
{
    QEMUTimer *t = vtimer(QEMU_CLOCK_VIRTUAL, 1);
    QEMUTimer *gone = vtimer(QEMU_CLOCK_VIRTUAL, 2);

    /* Earlier: fires once, at the new time */
    timer_mod(t, 500);
    timer_mod(t, 200);
    g_assert_cmpint(timer_expire_time_ns(t), ==, 200);
    qtest_clock_warp(300);
    g_assert_cmpuint(firings->len, ==, 1);
    assert_firing(0, 1, 200);

    /* Later: does not fire at the old time */
    timer_mod(t, 400);
    timer_mod(t, 800);
    qtest_clock_warp(600);
    g_assert_cmpuint(firings->len, ==, 1);
    g_assert_cmpint(timer_expire_time_ns(t), ==, 800);

    /* Deleted: never fires */
    timer_mod(gone, 700);
    timer_del(gone);
    timer_del(gone);
    g_assert_false(timer_pending(gone));
    qtest_clock_warp(1000);
    g_assert_cmpuint(firings->len, ==, 2);
    assert_firing(1, 1, 800);

    timer_free(t);
    timer_free(gone);
}

static void qtest_anticipate(void)
{
    QEMUTimer *t = vtimer(QEMU_CLOCK_VIRTUAL, 1);

    timer_mod_anticipate(t, 900);       /* not pending: arms */
    g_assert_cmpint(timer_expire_time_ns(t), ==, 900);
    timer_mod_anticipate(t, 950);       /* later: ignored */
    g_assert_cmpint(timer_expire_time_ns(t), ==, 900);
    timer_mod_anticipate(t, 300);       /* earlier: moves */
    g_assert_cmpint(timer_expire_time_ns(t), ==, 300);

    qtest_clock_warp(1000);
    g_assert_cmpuint(firings->len, ==, 1);
    assert_firing(0, 1, 300);
    timer_free(t);
}

static void qtest_deadlines(void)
{
    QEMUTimer *t = vtimer(QEMU_CLOCK_VIRTUAL, 1);

    qtest_clock_warp(1000);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_assert_cmpint(qemu_clock_next_deadline_virtual(), ==, -1);

    timer_mod(t, 1250);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 250);
    g_assert_cmpint(qemu_clock_next_deadline_virtual(), ==, 1250);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL_RT), ==, -1);
    /* The qtest clock only moves by warps: the main loop must not wait */
    g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, -1);

    /* ... but a timer that is already due makes it not sleep */
    timer_mod(t, 1000);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
    g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, 0);
    g_assert_true(qemu_clock_run_all_timers());
    assert_firing(0, 1, 1000);
    g_assert_cmpint(qemu_clock_deadline_ns_all(), ==, -1);
    timer_free(t);
}

static void qtest_run_rearm_no_loop(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_VIRTUAL, rearm_past_cb, NULL);

    t->opaque = t;
    rearm_count = 0;
    qtest_clock_warp(50);
    timer_mod(t, 10);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(rearm_count, ==, 1);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(rearm_count, ==, 2);
    timer_free(t);
}

static void add_qtest(const char *name, void (*body)(void))
{
    g_autofree char *path = g_strdup_printf("/timer/qtest/%s", name);

    g_test_add_data_func(path, body, qtest_subprocess);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timer/virtual/initial-state", test_initial_state);
    g_test_add_func("/timer/host-clocks", test_host_clocks);
    g_test_add_func("/timer/virtual/stop-start", test_virtual_stop_start);
    g_test_add_func("/timer/virtual/wait-for-ticks",
                    test_virtual_timers_wait_for_ticks);
    g_test_add_func("/timer/realtime/run-order", test_realtime_run_order);
    g_test_add_func("/timer/realtime/rearm-into-past", test_rearm_into_past);
    g_test_add_func("/timer/realtime/deadline", test_realtime_deadline);
    g_test_add_func("/timer/notify-hook", test_notify_hook);
    g_test_add_func("/timer/scales", test_scales);
    add_qtest("warp-order", qtest_warp_order);
    add_qtest("ticks-ignored", qtest_ticks_ignored);
    add_qtest("warp-periodic", qtest_warp_periodic);
    add_qtest("scaled-timers", qtest_scaled_timers);
    add_qtest("mod-and-del", qtest_mod_and_del);
    add_qtest("anticipate", qtest_anticipate);
    add_qtest("deadlines", qtest_deadlines);
    add_qtest("run-rearm-no-loop", qtest_run_rearm_no_loop);
    return g_test_run();
}
