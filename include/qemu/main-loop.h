/*
 * main-loop.h: the main loop, bottom halves, fd handlers, the big lock.
 *
 * The main loop runs on glib's default GMainContext in the main thread.
 * It dispatches fd handlers, expired timers and bottom halves with the
 * big QEMU lock (BQL) held.  Any thread may schedule a bottom half; it
 * then runs on the main thread soon after.  A vCPU thread takes the BQL
 * when it leaves guest code to touch a device.
 */
#ifndef QEMU_MAIN_LOOP_H
#define QEMU_MAIN_LOOP_H

/* Set up the loop (signals, wakeup notifier).  Call once before use. */
int qemu_init_main_loop(Error **errp);

/*
 * One iteration: wait for events (at most until the next timer deadline,
 * or not at all if nonblocking) and dispatch them.  Called with the BQL
 * held; drops it while sleeping.
 */
void main_loop_wait(int nonblocking);

/* Wake the main loop from any thread (e.g. after queueing work). */
void qemu_notify_event(void);

/* The big QEMU lock. */
void qemu_mutex_lock_iothread(void);
void qemu_mutex_unlock_iothread(void);
bool qemu_mutex_iothread_locked(void);
#define bql_lock qemu_mutex_lock_iothread
#define bql_unlock qemu_mutex_unlock_iothread
#define bql_locked qemu_mutex_iothread_locked

/* Bottom halves: callbacks run once on the main loop after scheduling. */
typedef void QEMUBHFunc(void *opaque);
typedef struct QEMUBH QEMUBH;
QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque);
/* Thread-safe; scheduling an already scheduled BH is a no-op. */
void qemu_bh_schedule(QEMUBH *bh);
void qemu_bh_cancel(QEMUBH *bh);
void qemu_bh_delete(QEMUBH *bh);
/* Run scheduled bottom halves now (main thread); returns count run. */
int qemu_bh_poll(void);

/*
 * File descriptor handlers: fd_read is called when fd is readable,
 * fd_write when writable.  Passing NULL for both removes the handler.
 * A handler's can_read-style gating is the caller's business: set the
 * read handler to NULL while the consumer cannot take data.
 */
typedef void IOHandler(void *opaque);
void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque);

/*
 * Handlers run in main_loop_wait() before sleeping, e.g. to flush
 * pending output.  Return nothing; they must not block.
 */
typedef void MainLoopPollHook(void *opaque);
void main_loop_add_poll_hook(MainLoopPollHook *fn, void *opaque);

#endif
