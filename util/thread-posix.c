/*
 * thread-posix.c: threads and synchronisation on top of POSIX threads.
 *
 * Implements include/qemu/thread.h.  Every wrapper checks the pthread
 * return code and aborts with the function name and strerror() when it
 * is not one the API can report (EINVAL, EDEADLK, EPERM, ...): those mean
 * a programming error such as unlocking a mutex this thread does not
 * hold, never a guest or user error, so callers need not check.
 *
 * Design:
 * - QemuMutex is an error-checking pthread mutex, so self-deadlock and
 *   unlocking from the wrong thread abort instead of hanging silently.
 * - Condition variables measure timeouts on CLOCK_MONOTONIC, so a wall
 *   clock jump does not shorten or stretch qemu_cond_timedwait().
 * - Semaphores and events are a mutex, a condition variable and a
 *   counter/flag; no sem_t, so the timed wait shares the monotonic clock.
 * - New threads start with all signals blocked: asynchronous signals
 *   (SIGINT, SIGTERM, SIGCHLD) are then delivered to the main thread,
 *   which owns signal handling.  A thread that wants a signal (e.g. a
 *   vCPU kick) unblocks it itself.
 * - Thread names are set from inside the new thread before its start
 *   routine runs, truncated to the 15 bytes Linux allows.
 *
 * Missing: thread affinity, priorities, stack size control and
 * qemu_thread_atexit-style per-thread destructors.
 */
#include "qemu/osdep.h"
#include "qemu/thread.h"

#include <signal.h>
#include <time.h>

/* Linux limit for thread names, excluding the terminating NUL. */
#define THREAD_NAME_MAX 15

/*
 * fprintf rather than error_report(): the error-report path may itself
 * take a QemuMutex (monitor output), and this must not recurse.
 */
static QEMU_NORETURN void thread_die(int err, const char *func)
{
    fprintf(stderr, "qemu: %s: %s\n", func, strerror(err));
    abort();
}

static void thread_check(int err, const char *func)
{
    if (unlikely(err != 0)) {
        thread_die(err, func);
    }
}

/* Mutexes. */

void qemu_mutex_init(QemuMutex *mutex)
{
    pthread_mutexattr_t attr;

    thread_check(pthread_mutexattr_init(&attr), __func__);
    thread_check(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK),
                 __func__);
    thread_check(pthread_mutex_init(&mutex->lock, &attr), __func__);
    pthread_mutexattr_destroy(&attr);
}

void qemu_mutex_destroy(QemuMutex *mutex)
{
    thread_check(pthread_mutex_destroy(&mutex->lock), __func__);
}

void qemu_mutex_lock(QemuMutex *mutex)
{
    thread_check(pthread_mutex_lock(&mutex->lock), __func__);
}

bool qemu_mutex_trylock(QemuMutex *mutex)
{
    int err = pthread_mutex_trylock(&mutex->lock);

    if (err == EBUSY) {
        return false;
    }
    thread_check(err, __func__);
    return true;
}

void qemu_mutex_unlock(QemuMutex *mutex)
{
    thread_check(pthread_mutex_unlock(&mutex->lock), __func__);
}

/* Recursive mutexes. */

void qemu_rec_mutex_init(QemuRecMutex *mutex)
{
    pthread_mutexattr_t attr;

    thread_check(pthread_mutexattr_init(&attr), __func__);
    thread_check(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE),
                 __func__);
    thread_check(pthread_mutex_init(&mutex->lock, &attr), __func__);
    pthread_mutexattr_destroy(&attr);
}

void qemu_rec_mutex_destroy(QemuRecMutex *mutex)
{
    thread_check(pthread_mutex_destroy(&mutex->lock), __func__);
}

void qemu_rec_mutex_lock(QemuRecMutex *mutex)
{
    thread_check(pthread_mutex_lock(&mutex->lock), __func__);
}

void qemu_rec_mutex_unlock(QemuRecMutex *mutex)
{
    thread_check(pthread_mutex_unlock(&mutex->lock), __func__);
}

/* Condition variables. */

void qemu_cond_init(QemuCond *cond)
{
    pthread_condattr_t attr;

    thread_check(pthread_condattr_init(&attr), __func__);
    thread_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC), __func__);
    thread_check(pthread_cond_init(&cond->cond, &attr), __func__);
    pthread_condattr_destroy(&attr);
}

void qemu_cond_destroy(QemuCond *cond)
{
    thread_check(pthread_cond_destroy(&cond->cond), __func__);
}

void qemu_cond_signal(QemuCond *cond)
{
    thread_check(pthread_cond_signal(&cond->cond), __func__);
}

void qemu_cond_broadcast(QemuCond *cond)
{
    thread_check(pthread_cond_broadcast(&cond->cond), __func__);
}

void qemu_cond_wait(QemuCond *cond, QemuMutex *mutex)
{
    thread_check(pthread_cond_wait(&cond->cond, &mutex->lock), __func__);
}

/* Absolute CLOCK_MONOTONIC time ms milliseconds from now (ms < 0 -> 0). */
static struct timespec thread_deadline_ms(int ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    if (ms > 0) {
        ts.tv_sec += ms / 1000;
        ts.tv_nsec += (long)(ms % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
    }
    return ts;
}

/* Wait until the absolute deadline; false on timeout. */
static bool cond_timedwait_abs(QemuCond *cond, QemuMutex *mutex,
                               const struct timespec *deadline)
{
    int err = pthread_cond_timedwait(&cond->cond, &mutex->lock, deadline);

    if (err == ETIMEDOUT) {
        return false;
    }
    thread_check(err, "qemu_cond_timedwait");
    return true;
}

bool qemu_cond_timedwait(QemuCond *cond, QemuMutex *mutex, int ms)
{
    struct timespec deadline = thread_deadline_ms(ms);

    return cond_timedwait_abs(cond, mutex, &deadline);
}

/* Semaphores. */

void qemu_sem_init(QemuSemaphore *sem, int init)
{
    if (init < 0) {
        thread_die(EINVAL, __func__);
    }
    qemu_mutex_init(&sem->mutex);
    qemu_cond_init(&sem->cond);
    sem->count = init;
}

void qemu_sem_destroy(QemuSemaphore *sem)
{
    qemu_cond_destroy(&sem->cond);
    qemu_mutex_destroy(&sem->mutex);
}

void qemu_sem_post(QemuSemaphore *sem)
{
    qemu_mutex_lock(&sem->mutex);
    if (sem->count == UINT_MAX) {
        thread_die(EOVERFLOW, __func__);
    }
    sem->count++;
    qemu_cond_signal(&sem->cond);
    qemu_mutex_unlock(&sem->mutex);
}

void qemu_sem_wait(QemuSemaphore *sem)
{
    qemu_mutex_lock(&sem->mutex);
    while (sem->count == 0) {
        qemu_cond_wait(&sem->cond, &sem->mutex);
    }
    sem->count--;
    qemu_mutex_unlock(&sem->mutex);
}

int qemu_sem_timedwait(QemuSemaphore *sem, int ms)
{
    /* One deadline for the whole wait: spurious wakeups must not extend it */
    struct timespec deadline = thread_deadline_ms(ms);
    int ret = -1;

    qemu_mutex_lock(&sem->mutex);
    while (sem->count == 0) {
        if (!cond_timedwait_abs(&sem->cond, &sem->mutex, &deadline)) {
            break;
        }
    }
    if (sem->count > 0) {
        sem->count--;
        ret = 0;
    }
    qemu_mutex_unlock(&sem->mutex);
    return ret;
}

/* Events. */

void qemu_event_init(QemuEvent *ev, bool init)
{
    qemu_mutex_init(&ev->mutex);
    qemu_cond_init(&ev->cond);
    ev->set = init;
}

void qemu_event_destroy(QemuEvent *ev)
{
    qemu_cond_destroy(&ev->cond);
    qemu_mutex_destroy(&ev->mutex);
}

void qemu_event_set(QemuEvent *ev)
{
    qemu_mutex_lock(&ev->mutex);
    ev->set = true;
    qemu_cond_broadcast(&ev->cond);
    qemu_mutex_unlock(&ev->mutex);
}

void qemu_event_reset(QemuEvent *ev)
{
    qemu_mutex_lock(&ev->mutex);
    ev->set = false;
    qemu_mutex_unlock(&ev->mutex);
}

void qemu_event_wait(QemuEvent *ev)
{
    qemu_mutex_lock(&ev->mutex);
    while (!ev->set) {
        qemu_cond_wait(&ev->cond, &ev->mutex);
    }
    qemu_mutex_unlock(&ev->mutex);
}

/* Threads. */

typedef struct ThreadStart {
    void *(*fn)(void *);
    void *arg;
    char name[THREAD_NAME_MAX + 1];
} ThreadStart;

static void *thread_trampoline(void *opaque)
{
    ThreadStart start = *(ThreadStart *)opaque;

    g_free(opaque);
    if (start.name[0]) {
        /* Cosmetic (ps, gdb): a failure here is not worth stopping for */
        pthread_setname_np(pthread_self(), start.name);
    }
    return start.fn(start.arg);
}

void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *), void *arg,
                        int mode)
{
    ThreadStart *start = g_new0(ThreadStart, 1);
    pthread_attr_t attr;
    sigset_t all, old;
    int err;

    start->fn = start_routine;
    start->arg = arg;
    if (name) {
        g_strlcpy(start->name, name, sizeof(start->name));
    }

    thread_check(pthread_attr_init(&attr), __func__);
    if (mode == QEMU_THREAD_DETACHED) {
        thread_check(pthread_attr_setdetachstate(&attr,
                                                 PTHREAD_CREATE_DETACHED),
                     __func__);
    }

    /* The new thread inherits the mask in force at pthread_create() */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    err = pthread_create(&thread->thread, &attr, thread_trampoline, start);
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    pthread_attr_destroy(&attr);
    thread_check(err, __func__);
}

void *qemu_thread_join(QemuThread *thread)
{
    void *ret;

    thread_check(pthread_join(thread->thread, &ret), __func__);
    return ret;
}

void qemu_thread_get_self(QemuThread *thread)
{
    thread->thread = pthread_self();
}

bool qemu_thread_is_self(QemuThread *thread)
{
    return pthread_equal(pthread_self(), thread->thread);
}

void qemu_thread_exit(void *retval)
{
    pthread_exit(retval);
}
