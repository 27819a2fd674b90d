/*
 * thread.h: threads, mutexes, condition variables, semaphores, events.
 *
 * Thin wrappers over POSIX threads that abort on the "cannot happen"
 * errors (EINVAL, EDEADLK) so callers need not check.
 */
#ifndef QEMU_THREAD_H
#define QEMU_THREAD_H

#include <pthread.h>
#include <semaphore.h>

typedef struct QemuMutex {
    pthread_mutex_t lock;
} QemuMutex;

typedef struct QemuRecMutex {
    pthread_mutex_t lock;
} QemuRecMutex;

typedef struct QemuCond {
    pthread_cond_t cond;
} QemuCond;

typedef struct QemuSemaphore {
    QemuMutex mutex;
    QemuCond cond;
    unsigned int count;
} QemuSemaphore;

/* A manual-reset event: set wakes all waiters until reset. */
typedef struct QemuEvent {
    QemuMutex mutex;
    QemuCond cond;
    bool set;
} QemuEvent;

typedef struct QemuThread {
    pthread_t thread;
} QemuThread;

#define QEMU_THREAD_JOINABLE 0
#define QEMU_THREAD_DETACHED 1

void qemu_mutex_init(QemuMutex *mutex);
void qemu_mutex_destroy(QemuMutex *mutex);
void qemu_mutex_lock(QemuMutex *mutex);
bool qemu_mutex_trylock(QemuMutex *mutex);
void qemu_mutex_unlock(QemuMutex *mutex);

void qemu_rec_mutex_init(QemuRecMutex *mutex);
void qemu_rec_mutex_destroy(QemuRecMutex *mutex);
void qemu_rec_mutex_lock(QemuRecMutex *mutex);
void qemu_rec_mutex_unlock(QemuRecMutex *mutex);

void qemu_cond_init(QemuCond *cond);
void qemu_cond_destroy(QemuCond *cond);
void qemu_cond_signal(QemuCond *cond);
void qemu_cond_broadcast(QemuCond *cond);
void qemu_cond_wait(QemuCond *cond, QemuMutex *mutex);
/* Returns false on timeout. */
bool qemu_cond_timedwait(QemuCond *cond, QemuMutex *mutex, int ms);

void qemu_sem_init(QemuSemaphore *sem, int init);
void qemu_sem_destroy(QemuSemaphore *sem);
void qemu_sem_post(QemuSemaphore *sem);
void qemu_sem_wait(QemuSemaphore *sem);
/* Returns 0 when taken, -1 on timeout. */
int qemu_sem_timedwait(QemuSemaphore *sem, int ms);

void qemu_event_init(QemuEvent *ev, bool init);
void qemu_event_destroy(QemuEvent *ev);
void qemu_event_set(QemuEvent *ev);
void qemu_event_reset(QemuEvent *ev);
void qemu_event_wait(QemuEvent *ev);

/* name is shown in ps/gdb (truncated to 15 chars as Linux requires). */
void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *), void *arg,
                        int mode);
void *qemu_thread_join(QemuThread *thread);
void qemu_thread_get_self(QemuThread *thread);
bool qemu_thread_is_self(QemuThread *thread);
QEMU_NORETURN void qemu_thread_exit(void *retval);

#endif
