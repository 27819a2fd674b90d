/*
 * qemu-timer.c: the four clocks and their timer lists.
 *
 * Implements include/qemu/timer.h.
 *
 * Clocks:
 * - REALTIME: CLOCK_MONOTONIC.  HOST: CLOCK_REALTIME (may jump).
 * - VIRTUAL and VIRTUAL_RT: host monotonic time plus an offset, stopped
 *   while "ticks" are disabled.  Ticks start DISABLED, as in QEMU where
 *   vm_start() enables them: until the first cpu_enable_ticks() both
 *   virtual clocks read 0.  cpu_disable_ticks() freezes the current value;
 *   cpu_enable_ticks() moves the offset so the clock resumes from the
 *   frozen value without a jump.  Without icount, VIRTUAL_RT is the same
 *   clock as VIRTUAL.
 * - qtest mode: both virtual clocks read a counter that only
 *   qtest_clock_warp() moves (forward only).  The warp runs the virtual
 *   timers one expiry at a time, with the counter set to each timer's
 *   expiry while it runs, then leaves the counter at the destination.
 *
 * Timers:
 * - One list per clock sorted by expiry (FIFO among equal expiries), all
 *   under timer_lock, because a vCPU thread may timer_mod() while the main
 *   loop computes its deadline.  Callbacks run with the lock released, so
 *   they may re-arm or delete any timer, including themselves.
 * - qemu_clock_run_timers() first moves every timer that has expired at
 *   entry onto the clock's "due" list, then runs the due list.  A timer
 *   re-armed by a callback goes back onto the sorted list, so even a
 *   re-arm into the past runs at the next call, not again in this one.
 * - Virtual-clock timers run only while the virtual clock runs (ticks
 *   enabled, or in qtest mode): a stopped VM sees no timer callbacks.
 * - Re-arming a timer at the head of its list calls the notify hook (the
 *   main loop's wakeup) so a sleeping loop recomputes its timeout.
 * - qemu_clock_deadline_ns_all() counts REALTIME and HOST always, the
 *   virtual clocks only while ticks are enabled, and in qtest mode only
 *   virtual timers that are already due (deadline 0), which the main
 *   loop can run without the counter moving.
 * - timer_expire_time_ns() returns nanoseconds whatever the timer's
 *   scale, as its name and QEMU say (the header comment says "in the
 *   timer's scale"; identical for the usual ns timers).
 *
 * Missing: icount, record/replay, per-AioContext timer lists, timer
 * attributes (QEMU_TIMER_ATTR_EXTERNAL), qemu_clock_enable() and clock
 * reset notifiers for a jumping HOST clock.
 */
#include "qemu/osdep.h"
#include "qemu/thread.h"
#include "qemu/timer.h"

#include <time.h>

typedef struct TimerList {
    QEMUTimer *active;      /* pending, sorted by expire_time */
    QEMUTimer *due;         /* expired, being run by qemu_clock_run_timers */
} TimerList;

static QemuMutex timer_lock;
static TimerList timer_lists[QEMU_CLOCK_MAX];
static void (*timer_notify)(void);

/* Virtual clock state, under ticks_lock. */
static QemuMutex ticks_lock;
static bool ticks_enabled;
/* Frozen value while disabled; offset from get_clock() while enabled. */
static int64_t ticks_offset;

/* qtest: read with atomics (vCPU threads), written by the main loop. */
static bool qtest_mode;
static int64_t qtest_clock_ns;

static void __attribute__((constructor)) qemu_timer_init_locks(void)
{
    qemu_mutex_init(&timer_lock);
    qemu_mutex_init(&ticks_lock);
}

void qemu_timer_set_notify(void (*notify)(void))
{
    __atomic_store_n(&timer_notify, notify, __ATOMIC_SEQ_CST);
}

static void timer_kick(void)
{
    void (*notify)(void) = __atomic_load_n(&timer_notify, __ATOMIC_SEQ_CST);

    if (notify) {
        notify();
    }
}

/* Host clocks. */

static int64_t timespec_ns(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

int64_t get_clock(void)
{
    return timespec_ns(CLOCK_MONOTONIC);
}

int64_t get_clock_realtime(void)
{
    return timespec_ns(CLOCK_REALTIME);
}

/* Virtual clock. */

static int64_t virtual_clock_ns(void)
{
    int64_t ns;

    qemu_mutex_lock(&ticks_lock);
    ns = ticks_enabled ? get_clock() + ticks_offset : ticks_offset;
    qemu_mutex_unlock(&ticks_lock);
    return ns;
}

void cpu_disable_ticks(void)
{
    qemu_mutex_lock(&ticks_lock);
    if (ticks_enabled) {
        ticks_offset += get_clock();
        ticks_enabled = false;
    }
    qemu_mutex_unlock(&ticks_lock);
}

void cpu_enable_ticks(void)
{
    qemu_mutex_lock(&ticks_lock);
    if (!ticks_enabled) {
        ticks_offset -= get_clock();
        ticks_enabled = true;
    }
    qemu_mutex_unlock(&ticks_lock);
    /* Virtual deadlines count again: let a sleeping main loop re-plan */
    timer_kick();
}

bool cpu_ticks_enabled(void)
{
    bool enabled;

    qemu_mutex_lock(&ticks_lock);
    enabled = ticks_enabled;
    qemu_mutex_unlock(&ticks_lock);
    return enabled;
}

void qemu_clock_set_qtest(bool enabled)
{
    __atomic_store_n(&qtest_mode, enabled, __ATOMIC_SEQ_CST);
}

bool qemu_clock_is_qtest(void)
{
    return __atomic_load_n(&qtest_mode, __ATOMIC_SEQ_CST);
}

static bool clock_is_virtual(QEMUClockType type)
{
    return type == QEMU_CLOCK_VIRTUAL || type == QEMU_CLOCK_VIRTUAL_RT;
}

/* Whether timers of this clock may run (and count for the main loop). */
static bool clock_is_running(QEMUClockType type)
{
    return !clock_is_virtual(type) || qemu_clock_is_qtest() ||
           cpu_ticks_enabled();
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    case QEMU_CLOCK_VIRTUAL:
    case QEMU_CLOCK_VIRTUAL_RT:
        if (qemu_clock_is_qtest()) {
            return __atomic_load_n(&qtest_clock_ns, __ATOMIC_SEQ_CST);
        }
        return virtual_clock_ns();
    default:
        g_error("qemu_clock_get_ns: invalid clock type %d", type);
    }
}

/* Timer lists (all _locked functions need timer_lock). */

static void timer_unlink_from(QEMUTimer **head, QEMUTimer *ts)
{
    QEMUTimer **p;

    for (p = head; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            ts->next = NULL;
            return;
        }
    }
}

static void timer_del_locked(QEMUTimer *ts)
{
    TimerList *tl = &timer_lists[ts->type];

    if (ts->expire_time < 0) {
        return;
    }
    timer_unlink_from(&tl->active, ts);
    timer_unlink_from(&tl->due, ts);
    ts->expire_time = -1;
}

/* Insert after timers with the same expiry; true if ts is now the head. */
static bool timer_insert_locked(QEMUTimer *ts, int64_t expire_ns)
{
    QEMUTimer **p = &timer_lists[ts->type].active;

    while (*p && (*p)->expire_time <= expire_ns) {
        p = &(*p)->next;
    }
    ts->expire_time = expire_ns;
    ts->next = *p;
    *p = ts;
    return p == &timer_lists[ts->type].active;
}

/* Earliest expiry of a clock in ns, or -1. */
static int64_t timer_list_first_locked(QEMUClockType type)
{
    TimerList *tl = &timer_lists[type];

    if (tl->due) {
        return tl->due->expire_time;
    }
    return tl->active ? tl->active->expire_time : -1;
}

/* Timers. */

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque)
{
    g_assert(type >= 0 && type < QEMU_CLOCK_MAX && scale > 0);
    ts->expire_time = -1;
    ts->type = type;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->scale = scale;
    ts->next = NULL;
}

QEMUTimer *timer_new_full(QEMUClockType type, int scale, QEMUTimerCB *cb,
                          void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    timer_init_full(ts, type, scale, cb, opaque);
    return ts;
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns)
{
    bool first;

    /* -1 means "not pending", so the past is clamped to 0 */
    expire_time_ns = MAX(expire_time_ns, 0);

    qemu_mutex_lock(&timer_lock);
    timer_del_locked(ts);
    first = timer_insert_locked(ts, expire_time_ns);
    qemu_mutex_unlock(&timer_lock);

    if (first) {
        timer_kick();
    }
}

/* Scale to ns, saturating instead of overflowing. */
static int64_t timer_scale_to_ns(QEMUTimer *ts, int64_t expire_time)
{
    if (expire_time > INT64_MAX / ts->scale) {
        return INT64_MAX;
    }
    if (expire_time < 0) {
        return 0;
    }
    return expire_time * ts->scale;
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_ns(ts, timer_scale_to_ns(ts, expire_time));
}

void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time)
{
    int64_t expire_ns = timer_scale_to_ns(ts, expire_time);
    bool first = false;

    qemu_mutex_lock(&timer_lock);
    if (ts->expire_time < 0 || expire_ns < ts->expire_time) {
        timer_del_locked(ts);
        first = timer_insert_locked(ts, expire_ns);
    }
    qemu_mutex_unlock(&timer_lock);

    if (first) {
        timer_kick();
    }
}

void timer_del(QEMUTimer *ts)
{
    qemu_mutex_lock(&timer_lock);
    timer_del_locked(ts);
    qemu_mutex_unlock(&timer_lock);
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

bool timer_pending(QEMUTimer *ts)
{
    return timer_expire_time_ns(ts) >= 0;
}

bool timer_expired(QEMUTimer *ts, int64_t current_time)
{
    int64_t expire_ns = timer_expire_time_ns(ts);

    return expire_ns >= 0 &&
           expire_ns <= timer_scale_to_ns(ts, current_time);
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    int64_t expire_ns;

    qemu_mutex_lock(&timer_lock);
    expire_ns = ts->expire_time;
    qemu_mutex_unlock(&timer_lock);
    return expire_ns;
}

/* Running timers. */

/* Move the timers expired at now from the sorted list to the due list. */
static void timer_list_collect_due_locked(TimerList *tl, int64_t now)
{
    QEMUTimer **tail = &tl->due;

    while (*tail) {
        tail = &(*tail)->next;
    }
    while (tl->active && tl->active->expire_time <= now) {
        QEMUTimer *ts = tl->active;

        tl->active = ts->next;
        ts->next = NULL;
        *tail = ts;
        tail = &ts->next;
    }
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    TimerList *tl = &timer_lists[type];
    int64_t now;
    bool ran = false;

    if (!clock_is_running(type)) {
        return false;
    }
    now = qemu_clock_get_ns(type);

    qemu_mutex_lock(&timer_lock);
    timer_list_collect_due_locked(tl, now);
    while (tl->due) {
        QEMUTimer *ts = tl->due;
        QEMUTimerCB *cb = ts->cb;
        void *opaque = ts->opaque;

        tl->due = ts->next;
        ts->next = NULL;
        ts->expire_time = -1;

        /* The callback may re-arm, delete or free any timer */
        qemu_mutex_unlock(&timer_lock);
        cb(opaque);
        ran = true;
        qemu_mutex_lock(&timer_lock);
    }
    qemu_mutex_unlock(&timer_lock);
    return ran;
}

bool qemu_clock_run_all_timers(void)
{
    bool ran = false;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        ran |= qemu_clock_run_timers(type);
    }
    return ran;
}

/* Deadlines. */

int64_t qemu_clock_deadline_ns(QEMUClockType type)
{
    int64_t first;

    qemu_mutex_lock(&timer_lock);
    first = timer_list_first_locked(type);
    qemu_mutex_unlock(&timer_lock);

    if (first < 0) {
        return -1;
    }
    return MAX(first - qemu_clock_get_ns(type), 0);
}

/* The earlier of two deadlines where -1 means "none". */
static int64_t deadline_min(int64_t a, int64_t b)
{
    if (a < 0) {
        return b;
    }
    if (b < 0) {
        return a;
    }
    return MIN(a, b);
}

int64_t qemu_clock_deadline_ns_all(void)
{
    int64_t deadline = -1;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        int64_t d;

        /* A stopped virtual clock does not advance: never wait for it */
        if (!clock_is_running(type)) {
            continue;
        }
        d = qemu_clock_deadline_ns(type);
        /*
         * Nor does a qtest clock, but timers that are already due count:
         * the main loop runs them.
         */
        if (clock_is_virtual(type) && qemu_clock_is_qtest() && d != 0) {
            continue;
        }
        deadline = deadline_min(deadline, d);
    }
    return deadline;
}

int64_t qemu_clock_next_deadline_virtual(void)
{
    int64_t first;

    qemu_mutex_lock(&timer_lock);
    first = timer_list_first_locked(QEMU_CLOCK_VIRTUAL);
    qemu_mutex_unlock(&timer_lock);
    return first;
}

/* qtest. */

/* Earliest expiry over both virtual clocks, or -1. */
static int64_t qtest_first_virtual_timer(void)
{
    int64_t first;

    qemu_mutex_lock(&timer_lock);
    first = deadline_min(timer_list_first_locked(QEMU_CLOCK_VIRTUAL),
                         timer_list_first_locked(QEMU_CLOCK_VIRTUAL_RT));
    qemu_mutex_unlock(&timer_lock);
    return first;
}

void qtest_clock_warp(int64_t dest)
{
    int64_t first;

    g_assert(qemu_clock_is_qtest());

    for (;;) {
        int64_t now = __atomic_load_n(&qtest_clock_ns, __ATOMIC_SEQ_CST);

        first = qtest_first_virtual_timer();
        if (first < 0 || first > dest) {
            break;
        }
        /* The counter never goes backwards, even for overdue timers */
        __atomic_store_n(&qtest_clock_ns, MAX(now, first), __ATOMIC_SEQ_CST);
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL_RT);
    }
    if (dest > __atomic_load_n(&qtest_clock_ns, __ATOMIC_SEQ_CST)) {
        __atomic_store_n(&qtest_clock_ns, dest, __ATOMIC_SEQ_CST);
    }
    timer_kick();
}
