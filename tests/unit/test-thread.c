/*
 * test-thread.c: unit tests for qemu/thread.h (util/thread-posix.c).
 *
 * Covers mutex exclusion under contention, trylock, recursive mutexes,
 * condition variable hand-off and timeout, semaphores, events, thread
 * names, join values, detached threads and the initial signal mask.
 * Sleeps only give other threads a chance to misbehave; no result
 * depends on how long anything takes.
 */
#include "qemu/osdep.h"
#include "qemu/thread.h"

#include <signal.h>

#define CONTENTION_THREADS 4
#define CONTENTION_ITERS 100000

/* Mutex contention. */

typedef struct Counter {
    QemuMutex lock;
    long value;
} Counter;

static void *contention_thread(void *opaque)
{
    Counter *c = opaque;
    int i;

    for (i = 0; i < CONTENTION_ITERS; i++) {
        qemu_mutex_lock(&c->lock);
        c->value++;
        qemu_mutex_unlock(&c->lock);
    }
    return NULL;
}

static void test_mutex_contention(void)
{
    QemuThread threads[CONTENTION_THREADS];
    Counter c = { .value = 0 };
    int i;

    qemu_mutex_init(&c.lock);
    for (i = 0; i < CONTENTION_THREADS; i++) {
        qemu_thread_create(&threads[i], "contend", contention_thread, &c,
                           QEMU_THREAD_JOINABLE);
    }
    for (i = 0; i < CONTENTION_THREADS; i++) {
        qemu_thread_join(&threads[i]);
    }
    g_assert_cmpint(c.value, ==, (long)CONTENTION_THREADS * CONTENTION_ITERS);
    qemu_mutex_destroy(&c.lock);
}

/* trylock. */

static void *trylock_thread(void *opaque)
{
    QemuMutex *m = opaque;

    return GINT_TO_POINTER(qemu_mutex_trylock(m));
}

static void test_mutex_trylock(void)
{
    QemuMutex m;
    QemuThread t;

    qemu_mutex_init(&m);
    qemu_mutex_lock(&m);
    qemu_thread_create(&t, "trylock", trylock_thread, &m,
                       QEMU_THREAD_JOINABLE);
    g_assert_false(GPOINTER_TO_INT(qemu_thread_join(&t)));
    qemu_mutex_unlock(&m);

    g_assert_true(qemu_mutex_trylock(&m));
    qemu_mutex_unlock(&m);
    qemu_mutex_destroy(&m);
}

/* Unlocking a mutex this thread does not hold is a bug: abort, say where. */
static void test_mutex_unlock_unheld(void)
{
    if (g_test_subprocess()) {
        QemuMutex m;

        qemu_mutex_init(&m);
        qemu_mutex_unlock(&m);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*qemu_mutex_unlock*");
}

/* Recursive mutex. */

typedef struct RecState {
    QemuRecMutex lock;
    int acquired;
} RecState;

static void *rec_thread(void *opaque)
{
    RecState *s = opaque;

    qemu_rec_mutex_lock(&s->lock);
    __atomic_store_n(&s->acquired, 1, __ATOMIC_SEQ_CST);
    qemu_rec_mutex_unlock(&s->lock);
    return NULL;
}

static void test_rec_mutex(void)
{
    RecState s = { .acquired = 0 };
    QemuThread t;

    qemu_rec_mutex_init(&s.lock);
    qemu_rec_mutex_lock(&s.lock);
    qemu_rec_mutex_lock(&s.lock);
    qemu_rec_mutex_lock(&s.lock);
    qemu_thread_create(&t, "rec", rec_thread, &s, QEMU_THREAD_JOINABLE);

    qemu_rec_mutex_unlock(&s.lock);
    qemu_rec_mutex_unlock(&s.lock);
    /* Still held once: the other thread must not get in, however long */
    g_usleep(20 * 1000);
    g_assert_cmpint(__atomic_load_n(&s.acquired, __ATOMIC_SEQ_CST), ==, 0);

    qemu_rec_mutex_unlock(&s.lock);
    qemu_thread_join(&t);
    g_assert_cmpint(s.acquired, ==, 1);
    qemu_rec_mutex_destroy(&s.lock);
}

/* Condition variable ping-pong. */

#define PINGPONG_ROUNDS 1000

typedef struct PingPong {
    QemuMutex lock;
    QemuCond cond;
    int turn;           /* even: main thread's turn, odd: worker's */
} PingPong;

static void *pingpong_thread(void *opaque)
{
    PingPong *p = opaque;
    int i;

    qemu_mutex_lock(&p->lock);
    for (i = 0; i < PINGPONG_ROUNDS; i++) {
        while (p->turn % 2 == 0) {
            qemu_cond_wait(&p->cond, &p->lock);
        }
        p->turn++;
        qemu_cond_broadcast(&p->cond);
    }
    qemu_mutex_unlock(&p->lock);
    return NULL;
}

static void test_cond_pingpong(void)
{
    PingPong p = { .turn = 0 };
    QemuThread t;
    int i;

    qemu_mutex_init(&p.lock);
    qemu_cond_init(&p.cond);
    qemu_thread_create(&t, "pingpong", pingpong_thread, &p,
                       QEMU_THREAD_JOINABLE);

    qemu_mutex_lock(&p.lock);
    for (i = 0; i < PINGPONG_ROUNDS; i++) {
        while (p.turn % 2 == 1) {
            qemu_cond_wait(&p.cond, &p.lock);
        }
        p.turn++;
        qemu_cond_broadcast(&p.cond);
    }
    while (p.turn != 2 * PINGPONG_ROUNDS) {
        qemu_cond_wait(&p.cond, &p.lock);
    }
    qemu_mutex_unlock(&p.lock);

    qemu_thread_join(&t);
    qemu_cond_destroy(&p.cond);
    qemu_mutex_destroy(&p.lock);
}

static void test_cond_timedwait(void)
{
    QemuMutex m;
    QemuCond c;
    int tries = 0;

    qemu_mutex_init(&m);
    qemu_cond_init(&c);
    qemu_mutex_lock(&m);
    /* Nobody signals: it must time out (spurious wakeups are allowed) */
    while (qemu_cond_timedwait(&c, &m, 5)) {
        g_assert_cmpint(++tries, <, 1000);
    }
    /* A zero or negative timeout returns at once */
    while (qemu_cond_timedwait(&c, &m, 0)) {
        g_assert_cmpint(++tries, <, 1000);
    }
    while (qemu_cond_timedwait(&c, &m, -1)) {
        g_assert_cmpint(++tries, <, 1000);
    }
    qemu_mutex_unlock(&m);
    qemu_cond_destroy(&c);
    qemu_mutex_destroy(&m);
}

/* Semaphores. */

#define SEM_POSTS 1000

static void *sem_post_thread(void *opaque)
{
    QemuSemaphore *sem = opaque;
    int i;

    for (i = 0; i < SEM_POSTS; i++) {
        qemu_sem_post(sem);
    }
    return NULL;
}

static void test_sem_handoff(void)
{
    QemuSemaphore sem;
    QemuThread t;
    int i;

    qemu_sem_init(&sem, 0);
    qemu_thread_create(&t, "sem", sem_post_thread, &sem,
                       QEMU_THREAD_JOINABLE);
    for (i = 0; i < SEM_POSTS; i++) {
        qemu_sem_wait(&sem);
    }
    qemu_thread_join(&t);
    /* Every post was consumed exactly once */
    g_assert_cmpint(qemu_sem_timedwait(&sem, 0), ==, -1);
    qemu_sem_destroy(&sem);
}

static void test_sem_initial_count(void)
{
    QemuSemaphore sem;

    qemu_sem_init(&sem, 2);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 0), ==, 0);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 1000), ==, 0);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 5), ==, -1);
    qemu_sem_post(&sem);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 0), ==, 0);
    qemu_sem_destroy(&sem);
}

static void *sem_late_post_thread(void *opaque)
{
    g_usleep(10 * 1000);
    qemu_sem_post(opaque);
    return NULL;
}

static void test_sem_timedwait_wakes(void)
{
    QemuSemaphore sem;
    QemuThread t;

    qemu_sem_init(&sem, 0);
    qemu_thread_create(&t, "sem-late", sem_late_post_thread, &sem,
                       QEMU_THREAD_JOINABLE);
    /* The timeout is only an upper bound for a broken wakeup */
    g_assert_cmpint(qemu_sem_timedwait(&sem, 30 * 1000), ==, 0);
    qemu_thread_join(&t);
    qemu_sem_destroy(&sem);
}

/* Events. */

#define EVENT_WAITERS 4

typedef struct EventState {
    QemuEvent ev;
    QemuSemaphore started;
} EventState;

static void *event_wait_thread(void *opaque)
{
    EventState *s = opaque;

    qemu_sem_post(&s->started);
    qemu_event_wait(&s->ev);
    return GINT_TO_POINTER(1);
}

static void test_event_broadcast(void)
{
    QemuThread threads[EVENT_WAITERS];
    EventState s;
    int i;

    qemu_event_init(&s.ev, false);
    qemu_sem_init(&s.started, 0);
    for (i = 0; i < EVENT_WAITERS; i++) {
        qemu_thread_create(&threads[i], "event", event_wait_thread, &s,
                           QEMU_THREAD_JOINABLE);
    }
    for (i = 0; i < EVENT_WAITERS; i++) {
        qemu_sem_wait(&s.started);
    }
    qemu_event_set(&s.ev);
    for (i = 0; i < EVENT_WAITERS; i++) {
        g_assert_cmpint(GPOINTER_TO_INT(qemu_thread_join(&threads[i])), ==, 1);
    }

    /* Still set: a new waiter passes straight through */
    qemu_event_wait(&s.ev);
    qemu_event_destroy(&s.ev);
    qemu_sem_destroy(&s.started);
}

static void test_event_reset(void)
{
    EventState s;
    QemuThread t;

    qemu_event_init(&s.ev, true);
    qemu_sem_init(&s.started, 0);
    qemu_event_wait(&s.ev);
    qemu_event_reset(&s.ev);

    qemu_thread_create(&t, "event-reset", event_wait_thread, &s,
                       QEMU_THREAD_JOINABLE);
    qemu_sem_wait(&s.started);
    qemu_event_set(&s.ev);
    g_assert_cmpint(GPOINTER_TO_INT(qemu_thread_join(&t)), ==, 1);
    qemu_event_destroy(&s.ev);
    qemu_sem_destroy(&s.started);
}

/* Threads. */

static void *name_thread(void *opaque)
{
    char name[64] = "";

    g_assert_cmpint(pthread_getname_np(pthread_self(), name, sizeof(name)),
                    ==, 0);
    return g_strdup(name);
}

static void test_thread_name(void)
{
    QemuThread t;
    char *name;

    qemu_thread_create(&t, "worker", name_thread, NULL,
                       QEMU_THREAD_JOINABLE);
    name = qemu_thread_join(&t);
    g_assert_cmpstr(name, ==, "worker");
    g_free(name);

    /* Linux allows 15 bytes: longer names are cut, not refused */
    qemu_thread_create(&t, "a-very-long-thread-name", name_thread, NULL,
                       QEMU_THREAD_JOINABLE);
    name = qemu_thread_join(&t);
    g_assert_cmpstr(name, ==, "a-very-long-thr");
    g_free(name);
}

static void *exit_thread(void *opaque)
{
    if (opaque) {
        qemu_thread_exit(opaque);
    }
    return GINT_TO_POINTER(7);
}

static void test_thread_join_value(void)
{
    QemuThread t;
    int token;

    qemu_thread_create(&t, "ret", exit_thread, NULL, QEMU_THREAD_JOINABLE);
    g_assert_cmpint(GPOINTER_TO_INT(qemu_thread_join(&t)), ==, 7);

    qemu_thread_create(&t, "exit", exit_thread, &token,
                       QEMU_THREAD_JOINABLE);
    g_assert_true(qemu_thread_join(&t) == &token);
}

typedef struct SelfState {
    QemuThread creator;
    QemuThread self;
    bool is_self;
    bool creator_is_self;
} SelfState;

static void *self_thread(void *opaque)
{
    SelfState *s = opaque;

    qemu_thread_get_self(&s->self);
    s->is_self = qemu_thread_is_self(&s->self);
    s->creator_is_self = qemu_thread_is_self(&s->creator);
    return NULL;
}

static void test_thread_self(void)
{
    SelfState s;
    QemuThread t;

    qemu_thread_get_self(&s.creator);
    g_assert_true(qemu_thread_is_self(&s.creator));
    qemu_thread_create(&t, "self", self_thread, &s, QEMU_THREAD_JOINABLE);
    g_assert_false(qemu_thread_is_self(&t));
    qemu_thread_join(&t);

    g_assert_true(s.is_self);
    g_assert_false(s.creator_is_self);
    g_assert_true(pthread_equal(s.self.thread, t.thread));
}

static void *detached_thread(void *opaque)
{
    qemu_sem_post(opaque);
    return NULL;
}

static void test_thread_detached(void)
{
    QemuSemaphore done;
    QemuThread t;

    qemu_sem_init(&done, 0);
    qemu_thread_create(&t, "detached", detached_thread, &done,
                       QEMU_THREAD_DETACHED);
    qemu_sem_wait(&done);
    /* POSIX lets us destroy it once the wait returned: post is complete */
    qemu_sem_destroy(&done);
}

static void *sigmask_thread(void *opaque)
{
    sigset_t mask;

    pthread_sigmask(SIG_SETMASK, NULL, &mask);
    return GINT_TO_POINTER(sigismember(&mask, SIGINT) &&
                           sigismember(&mask, SIGTERM));
}

static void test_thread_sigmask(void)
{
    QemuThread t;
    sigset_t mask;

    /* Asynchronous signals belong to the main thread */
    qemu_thread_create(&t, "sigmask", sigmask_thread, NULL,
                       QEMU_THREAD_JOINABLE);
    g_assert_true(GPOINTER_TO_INT(qemu_thread_join(&t)));

    /* ... and creating a thread leaves the creator's mask alone */
    pthread_sigmask(SIG_SETMASK, NULL, &mask);
    g_assert_false(sigismember(&mask, SIGINT));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/thread/mutex/contention", test_mutex_contention);
    g_test_add_func("/thread/mutex/trylock", test_mutex_trylock);
    g_test_add_func("/thread/mutex/unlock-unheld", test_mutex_unlock_unheld);
    g_test_add_func("/thread/rec-mutex", test_rec_mutex);
    g_test_add_func("/thread/cond/pingpong", test_cond_pingpong);
    g_test_add_func("/thread/cond/timedwait", test_cond_timedwait);
    g_test_add_func("/thread/sem/handoff", test_sem_handoff);
    g_test_add_func("/thread/sem/initial-count", test_sem_initial_count);
    g_test_add_func("/thread/sem/timedwait-wakes", test_sem_timedwait_wakes);
    g_test_add_func("/thread/event/broadcast", test_event_broadcast);
    g_test_add_func("/thread/event/reset", test_event_reset);
    g_test_add_func("/thread/create/name", test_thread_name);
    g_test_add_func("/thread/create/join-value", test_thread_join_value);
    g_test_add_func("/thread/create/self", test_thread_self);
    g_test_add_func("/thread/create/detached", test_thread_detached);
    g_test_add_func("/thread/create/sigmask", test_thread_sigmask);
    return g_test_run();
}
