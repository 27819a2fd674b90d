/*
 * timer.h: clocks and timers.
 *
 * QEMU_CLOCK_REALTIME  host monotonic time; runs always (UI, monitor).
 * QEMU_CLOCK_VIRTUAL   guest time; stops while the VM is stopped.  Under
 *                      qtest it advances only by clock_step/clock_set.
 * QEMU_CLOCK_HOST      host wall-clock time (RTC base); may jump.
 * QEMU_CLOCK_VIRTUAL_RT like VIRTUAL but never stopped by icount.
 *
 * Timers fire on the main loop thread, with the big lock held.  timer_mod()
 * may be called from any thread that holds the big lock; it kicks the main
 * loop when the new deadline is earlier than the one it sleeps on.
 */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

#define NANOSECONDS_PER_SECOND 1000000000LL
#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

typedef enum QEMUClockType {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_VIRTUAL_RT = 3,
    QEMU_CLOCK_MAX
} QEMUClockType;

typedef void QEMUTimerCB(void *opaque);

typedef struct QEMUTimer {
    int64_t expire_time;       /* in ns; -1 when not pending */
    QEMUClockType type;
    QEMUTimerCB *cb;
    void *opaque;
    int scale;
    struct QEMUTimer *next;    /* in the clock's list sorted by expiry */
} QEMUTimer;

/* Current time of a clock in nanoseconds. */
int64_t qemu_clock_get_ns(QEMUClockType type);
static inline int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}
static inline int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}

/* Host monotonic clock in ns (not stopped). */
int64_t get_clock(void);
/* Host wall clock in ns since the epoch. */
int64_t get_clock_realtime(void);

/* Stop / restart the virtual clocks (the runstate does this). */
void cpu_disable_ticks(void);
void cpu_enable_ticks(void);
bool cpu_ticks_enabled(void);

/*
 * qtest mode: the virtual clock is a counter advanced by
 * qtest_clock_warp().  qemu_clock_set_qtest(true) must be called before
 * the first read of the virtual clock.
 */
void qemu_clock_set_qtest(bool enabled);
bool qemu_clock_is_qtest(void);
/* Advance the qtest virtual clock to dest ns, firing timers on the way. */
void qtest_clock_warp(int64_t dest);

/* Timers. */
void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque);
QEMUTimer *timer_new_full(QEMUClockType type, int scale, QEMUTimerCB *cb,
                          void *opaque);
static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_NS, cb, opaque);
}
static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_US, cb, opaque);
}
static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_MS, cb, opaque);
}
/* Arm to fire at expire_time (in the timer's scale); re-arming moves it. */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns);
/* Arm only if not pending or if earlier than the pending time. */
void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time);
void timer_del(QEMUTimer *ts);
void timer_free(QEMUTimer *ts);
bool timer_pending(QEMUTimer *ts);
bool timer_expired(QEMUTimer *ts, int64_t current_time);
/* Expiry in nanoseconds, or -1 when not pending. */
int64_t timer_expire_time_ns(QEMUTimer *ts);

/*
 * Run expired timers of a clock; returns true if any ran.  The main loop
 * calls this; tests may too.
 */
bool qemu_clock_run_timers(QEMUClockType type);
bool qemu_clock_run_all_timers(void);
/* Nanoseconds until the earliest pending timer of the clock, or -1. */
int64_t qemu_clock_deadline_ns(QEMUClockType type);
/* Earliest deadline across the clocks that are running, or -1. */
int64_t qemu_clock_deadline_ns_all(void);
/* Absolute time of the next virtual-clock timer, or -1. */
int64_t qemu_clock_next_deadline_virtual(void);

/* Hook the main loop installs: called when a deadline moves earlier. */
void qemu_timer_set_notify(void (*notify)(void));

#endif
