/*
 * test-main-loop.c: unit tests for qemu/main-loop.h (util/main-loop.c).
 *
 * The test thread plays the main thread: it initialises the loop, takes
 * the BQL and calls main_loop_wait() itself.  Tests that need a blocking
 * wait to be woken loop "while (!done) main_loop_wait(false)": a missing
 * wakeup hangs (and the harness timeout fails the test), an early return
 * just goes round again, so nothing depends on timing.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/timer.h"

/* Spin the loop (non-blocking) enough for anything ready to dispatch. */
static void spin_nonblocking(void)
{
    int i;

    for (i = 0; i < 5; i++) {
        main_loop_wait(true);
    }
}

/* fd handlers. */

typedef struct PipeState {
    int fds[2];
    int reads;
    int writes;
    bool bql_held;
} PipeState;

static void pipe_open(PipeState *p)
{
    memset(p, 0, sizeof(*p));
    g_assert_cmpint(pipe(p->fds), ==, 0);
    g_assert_cmpint(fcntl(p->fds[0], F_SETFL, O_NONBLOCK), ==, 0);
}

static void pipe_close(PipeState *p)
{
    qemu_set_fd_handler(p->fds[0], NULL, NULL, NULL);
    qemu_set_fd_handler(p->fds[1], NULL, NULL, NULL);
    close(p->fds[0]);
    close(p->fds[1]);
}

static void pipe_put(PipeState *p, const char *bytes)
{
    g_assert_cmpint(write(p->fds[1], bytes, strlen(bytes)), ==,
                    strlen(bytes));
}

/* Drain; returns the number of bytes read. */
static int pipe_drain(PipeState *p)
{
    char buf[64];
    ssize_t n = read(p->fds[0], buf, sizeof(buf));

    return n > 0 ? n : 0;
}

static void read_cb(void *opaque)
{
    PipeState *p = opaque;

    p->bql_held = qemu_mutex_iothread_locked();
    p->reads += pipe_drain(p) > 0;
}

static void test_fd_read(void)
{
    PipeState p;

    pipe_open(&p);
    qemu_set_fd_handler(p.fds[0], read_cb, NULL, &p);
    spin_nonblocking();
    g_assert_cmpint(p.reads, ==, 0);

    pipe_put(&p, "x");
    while (p.reads == 0) {
        main_loop_wait(false);
    }
    g_assert_cmpint(p.reads, ==, 1);
    g_assert_true(p.bql_held);

    /* Removed: data no longer reaches the handler */
    qemu_set_fd_handler(p.fds[0], NULL, NULL, NULL);
    pipe_put(&p, "y");
    spin_nonblocking();
    g_assert_cmpint(p.reads, ==, 1);
    pipe_close(&p);
}

static void read_once_cb(void *opaque)
{
    PipeState *p = opaque;

    p->reads++;
    qemu_set_fd_handler(p->fds[0], NULL, NULL, NULL);
}

static void test_fd_remove_in_handler(void)
{
    PipeState p;

    pipe_open(&p);
    qemu_set_fd_handler(p.fds[0], read_once_cb, NULL, &p);
    pipe_put(&p, "x");
    while (p.reads == 0) {
        main_loop_wait(false);
    }
    /* Not drained, still readable: only a removed handler stays quiet */
    spin_nonblocking();
    g_assert_cmpint(p.reads, ==, 1);
    pipe_close(&p);
}

/* Two readable fds whose handlers each remove both handlers. */
typedef struct PairState {
    PipeState a, b;
    int calls;
} PairState;

static void remove_both_cb(void *opaque)
{
    PairState *s = opaque;

    s->calls++;
    qemu_set_fd_handler(s->a.fds[0], NULL, NULL, NULL);
    qemu_set_fd_handler(s->b.fds[0], NULL, NULL, NULL);
}

static void test_fd_remove_other_in_handler(void)
{
    PairState s = { .calls = 0 };

    pipe_open(&s.a);
    pipe_open(&s.b);
    qemu_set_fd_handler(s.a.fds[0], remove_both_cb, NULL, &s);
    qemu_set_fd_handler(s.b.fds[0], remove_both_cb, NULL, &s);
    pipe_put(&s.a, "a");
    pipe_put(&s.b, "b");
    while (s.calls == 0) {
        main_loop_wait(false);
    }
    spin_nonblocking();
    g_assert_cmpint(s.calls, ==, 1);
    pipe_close(&s.a);
    pipe_close(&s.b);
}

static void second_read_cb(void *opaque)
{
    PipeState *p = opaque;

    p->writes++;       /* counts calls of the replacement handler */
    pipe_drain(p);
}

static void replace_self_cb(void *opaque)
{
    PipeState *p = opaque;

    p->reads++;
    pipe_drain(p);
    qemu_set_fd_handler(p->fds[0], second_read_cb, NULL, p);
}

static void test_fd_replace_in_handler(void)
{
    PipeState p;

    pipe_open(&p);
    qemu_set_fd_handler(p.fds[0], replace_self_cb, NULL, &p);
    pipe_put(&p, "1");
    while (p.reads == 0) {
        main_loop_wait(false);
    }
    pipe_put(&p, "2");
    while (p.writes == 0) {
        main_loop_wait(false);
    }
    g_assert_cmpint(p.reads, ==, 1);
    g_assert_cmpint(p.writes, ==, 1);
    pipe_close(&p);
}

static void write_cb(void *opaque)
{
    PipeState *p = opaque;

    p->writes++;
    pipe_put(p, "w");
    /* Nothing more to send: stop asking for writability */
    qemu_set_fd_handler(p->fds[1], NULL, NULL, NULL);
}

static void test_fd_write(void)
{
    PipeState p;

    pipe_open(&p);
    qemu_set_fd_handler(p.fds[1], NULL, write_cb, &p);
    while (p.writes == 0) {
        main_loop_wait(false);
    }
    spin_nonblocking();
    g_assert_cmpint(p.writes, ==, 1);
    g_assert_cmpint(pipe_drain(&p), ==, 1);

    /* Switching an fd from read to write handling */
    qemu_set_fd_handler(p.fds[1], read_cb, NULL, &p);
    qemu_set_fd_handler(p.fds[1], NULL, write_cb, &p);
    while (p.writes == 1) {
        main_loop_wait(false);
    }
    g_assert_cmpint(p.reads, ==, 0);
    pipe_close(&p);
}

/* Bottom halves. */

static GArray *bh_log;

static void log_bh(void *opaque)
{
    int id = GPOINTER_TO_INT(opaque);

    g_assert_true(qemu_mutex_iothread_locked());
    g_array_append_val(bh_log, id);
}

static void bh_log_reset(void)
{
    if (!bh_log) {
        bh_log = g_array_new(FALSE, FALSE, sizeof(int));
    }
    g_array_set_size(bh_log, 0);
}

static void assert_bh_log(const int *ids, guint n)
{
    guint i;

    g_assert_cmpuint(bh_log->len, ==, n);
    for (i = 0; i < n; i++) {
        g_assert_cmpint(g_array_index(bh_log, int, i), ==, ids[i]);
    }
}

static void test_bh_order(void)
{
    QEMUBH *bh[3];
    static const int expect[] = { 2, 0, 1 };
    int i;

    bh_log_reset();
    for (i = 0; i < 3; i++) {
        bh[i] = qemu_bh_new(log_bh, GINT_TO_POINTER(i));
    }
    qemu_bh_schedule(bh[2]);
    qemu_bh_schedule(bh[0]);
    qemu_bh_schedule(bh[1]);
    qemu_bh_schedule(bh[2]);    /* already scheduled: keeps its place */
    main_loop_wait(false);      /* pending BHs: does not block */
    assert_bh_log(expect, 3);

    /* Each ran once and is no longer scheduled */
    main_loop_wait(true);
    g_assert_cmpint(qemu_bh_poll(), ==, 0);
    assert_bh_log(expect, 3);
    for (i = 0; i < 3; i++) {
        qemu_bh_delete(bh[i]);
    }
}

static void test_bh_cancel_delete(void)
{
    QEMUBH *cancelled = qemu_bh_new(log_bh, GINT_TO_POINTER(1));
    QEMUBH *deleted = qemu_bh_new(log_bh, GINT_TO_POINTER(2));
    QEMUBH *kept = qemu_bh_new(log_bh, GINT_TO_POINTER(3));
    static const int expect[] = { 3, 1 };

    bh_log_reset();
    qemu_bh_schedule(cancelled);
    qemu_bh_schedule(deleted);
    qemu_bh_schedule(kept);
    qemu_bh_cancel(cancelled);
    qemu_bh_delete(deleted);
    g_assert_cmpint(qemu_bh_poll(), ==, 1);

    /* A cancelled BH can be scheduled again */
    qemu_bh_schedule(cancelled);
    g_assert_cmpint(qemu_bh_poll(), ==, 1);
    assert_bh_log(expect, 2);
    qemu_bh_delete(cancelled);
    qemu_bh_delete(kept);
    qemu_bh_delete(NULL);
}

typedef struct ChainState {
    QEMUBH *self;
    QEMUBH *other;
    int runs;
} ChainState;

/* Schedules another BH and itself: both must wait for the next poll. */
static void chain_bh(void *opaque)
{
    ChainState *s = opaque;

    s->runs++;
    qemu_bh_schedule(s->other);
    qemu_bh_schedule(s->self);
}

static void test_bh_scheduled_from_bh(void)
{
    ChainState s = { .runs = 0 };
    static const int none[] = { 0 };
    static const int one[] = { 7 };

    bh_log_reset();
    s.self = qemu_bh_new(chain_bh, &s);
    s.other = qemu_bh_new(log_bh, GINT_TO_POINTER(7));
    qemu_bh_schedule(s.self);

    g_assert_cmpint(qemu_bh_poll(), ==, 1);
    g_assert_cmpint(s.runs, ==, 1);
    assert_bh_log(none, 0);

    g_assert_cmpint(qemu_bh_poll(), ==, 2);
    g_assert_cmpint(s.runs, ==, 2);
    assert_bh_log(one, 1);

    qemu_bh_delete(s.self);
    qemu_bh_delete(s.other);
    g_assert_cmpint(qemu_bh_poll(), ==, 0);
}

typedef struct DeleteState {
    QEMUBH *victim;
    QEMUBH *self;
} DeleteState;

static void delete_bh(void *opaque)
{
    DeleteState *s = opaque;

    log_bh(GINT_TO_POINTER(1));
    qemu_bh_delete(s->victim);
    qemu_bh_delete(s->self);
}

static void test_bh_delete_from_bh(void)
{
    DeleteState s;
    static const int expect[] = { 1 };

    bh_log_reset();
    s.self = qemu_bh_new(delete_bh, &s);
    s.victim = qemu_bh_new(log_bh, GINT_TO_POINTER(2));
    qemu_bh_schedule(s.self);
    qemu_bh_schedule(s.victim);
    g_assert_cmpint(qemu_bh_poll(), ==, 1);
    assert_bh_log(expect, 1);
}

/* Cross-thread wakeups. */

typedef struct WakeState {
    QemuSemaphore go;
    QEMUBH *bh;
    QEMUTimer *timer;
    int done;
    bool thread_saw_bql;
} WakeState;

static void set_done(void *opaque)
{
    WakeState *s = opaque;

    g_assert_true(qemu_mutex_iothread_locked());
    __atomic_store_n(&s->done, 1, __ATOMIC_SEQ_CST);
}

static bool is_done(WakeState *s)
{
    return __atomic_load_n(&s->done, __ATOMIC_SEQ_CST);
}

static void *schedule_bh_thread(void *opaque)
{
    WakeState *s = opaque;

    qemu_sem_wait(&s->go);
    s->thread_saw_bql = qemu_mutex_iothread_locked();
    /* Give the main thread time to block; correctness does not need it */
    g_usleep(10 * 1000);
    qemu_bh_schedule(s->bh);
    return NULL;
}

static void *notify_thread(void *opaque)
{
    WakeState *s = opaque;

    qemu_sem_wait(&s->go);
    g_usleep(10 * 1000);
    __atomic_store_n(&s->done, 1, __ATOMIC_SEQ_CST);
    qemu_notify_event();
    return NULL;
}

static void *timer_mod_thread(void *opaque)
{
    WakeState *s = opaque;

    qemu_sem_wait(&s->go);
    g_usleep(10 * 1000);
    /* As a vCPU would: under the BQL, which the sleeping loop dropped */
    qemu_mutex_lock_iothread();
    timer_mod(s->timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME));
    qemu_mutex_unlock_iothread();
    return NULL;
}

static void run_wake_test(WakeState *s, void *(*fn)(void *))
{
    QemuThread t;

    qemu_sem_init(&s->go, 0);
    qemu_thread_create(&t, "waker", fn, s, QEMU_THREAD_JOINABLE);
    qemu_sem_post(&s->go);
    while (!is_done(s)) {
        main_loop_wait(false);
    }
    qemu_thread_join(&t);
    qemu_sem_destroy(&s->go);
}

static void test_bh_from_thread(void)
{
    WakeState s = { .done = 0 };

    s.bh = qemu_bh_new(set_done, &s);
    run_wake_test(&s, schedule_bh_thread);
    g_assert_false(s.thread_saw_bql);
    qemu_bh_delete(s.bh);
}

static void test_notify_wakes(void)
{
    WakeState s = { .done = 0 };

    run_wake_test(&s, notify_thread);
}

static void test_timer_mod_from_thread(void)
{
    WakeState s = { .done = 0 };

    s.timer = timer_new_ms(QEMU_CLOCK_REALTIME, set_done, &s);
    run_wake_test(&s, timer_mod_thread);
    timer_free(s.timer);
}

/* Timers and hooks. */

static void test_realtime_timer(void)
{
    WakeState s = { .done = 0 };
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, set_done, &s);
    int64_t armed = qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 5;

    /* The blocking wait's timeout comes from the timer's deadline */
    timer_mod(t, armed);
    while (!is_done(&s)) {
        main_loop_wait(false);
    }
    g_assert_cmpint(qemu_clock_get_ms(QEMU_CLOCK_REALTIME), >=, armed);
    g_assert_false(timer_pending(t));
    timer_free(t);
}

static int hook_runs;

static void count_hook(void *opaque)
{
    g_assert_true(opaque == &hook_runs);
    hook_runs++;
}

static void test_poll_hooks(void)
{
    int before;

    main_loop_add_poll_hook(count_hook, &hook_runs);
    before = hook_runs;
    main_loop_wait(true);
    g_assert_cmpint(hook_runs, ==, before + 1);
    main_loop_wait(true);
    g_assert_cmpint(hook_runs, ==, before + 2);
}

static gboolean idle_cb(gpointer opaque)
{
    (*(int *)opaque)++;
    return G_SOURCE_REMOVE;
}

static void test_glib_sources(void)
{
    int runs = 0;

    /* Other glib sources on the default context dispatch too */
    g_idle_add(idle_cb, &runs);
    while (runs == 0) {
        main_loop_wait(false);
    }
    spin_nonblocking();
    g_assert_cmpint(runs, ==, 1);
}

static void test_bql(void)
{
    g_assert_true(qemu_mutex_iothread_locked());
    qemu_mutex_unlock_iothread();
    g_assert_false(qemu_mutex_iothread_locked());
    qemu_mutex_lock_iothread();
    g_assert_true(bql_locked());
}

static void test_bql_recursive_lock_dies(void)
{
    if (g_test_subprocess()) {
        qemu_mutex_lock_iothread();
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*BQL already held*");
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    g_assert_cmpint(qemu_init_main_loop(&error_abort), ==, 0);
    qemu_mutex_lock_iothread();

    g_test_add_func("/main-loop/fd/read", test_fd_read);
    g_test_add_func("/main-loop/fd/remove-in-handler",
                    test_fd_remove_in_handler);
    g_test_add_func("/main-loop/fd/remove-other-in-handler",
                    test_fd_remove_other_in_handler);
    g_test_add_func("/main-loop/fd/replace-in-handler",
                    test_fd_replace_in_handler);
    g_test_add_func("/main-loop/fd/write", test_fd_write);
    g_test_add_func("/main-loop/bh/order", test_bh_order);
    g_test_add_func("/main-loop/bh/cancel-delete", test_bh_cancel_delete);
    g_test_add_func("/main-loop/bh/scheduled-from-bh",
                    test_bh_scheduled_from_bh);
    g_test_add_func("/main-loop/bh/delete-from-bh", test_bh_delete_from_bh);
    g_test_add_func("/main-loop/wake/bh-from-thread", test_bh_from_thread);
    g_test_add_func("/main-loop/wake/notify", test_notify_wakes);
    g_test_add_func("/main-loop/wake/timer-mod-from-thread",
                    test_timer_mod_from_thread);
    g_test_add_func("/main-loop/timer/realtime", test_realtime_timer);
    g_test_add_func("/main-loop/poll-hooks", test_poll_hooks);
    g_test_add_func("/main-loop/glib-sources", test_glib_sources);
    g_test_add_func("/main-loop/bql", test_bql);
    g_test_add_func("/main-loop/bql/recursive-lock-dies",
                    test_bql_recursive_lock_dies);
    ret = g_test_run();

    qemu_mutex_unlock_iothread();
    return ret;
}
