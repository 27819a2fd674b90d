/*
 * main-loop.c: the main loop, fd handlers, bottom halves and the BQL.
 *
 * Implements include/qemu/main-loop.h on glib's default GMainContext.
 *
 * One iteration of main_loop_wait():
 *   1. run the poll hooks;
 *   2. pick the timeout: 0 if non-blocking or bottom halves are pending,
 *      else the nearest timer deadline of the running clocks
 *      (qemu_clock_deadline_ns_all(), rounded up to ms), else forever;
 *   3. prepare/query the glib context ourselves (instead of
 *      g_main_context_iteration) so that the timeout is ours, drop the
 *      BQL, poll, retake the BQL, then check/dispatch: glib sources, our
 *      fd handlers among them, run with the BQL held;
 *   4. run expired timers of every clock, then the bottom halves.
 * qemu_notify_event() wakes a blocked poll through the context's own
 * wakeup fd (g_main_context_wakeup), which stays signalled until the next
 * check, so a wakeup sent before the poll is never lost.
 *
 * fd handlers: one GSource per fd, polling the fd with
 * g_source_add_unix_fd.  Read handlers fire on IN/HUP/ERR, write handlers
 * on OUT/ERR.  Handlers may remove or replace any handler, their own
 * included: glib skips destroyed sources and our dispatch re-checks the
 * handler after the read callback.  The fd table is protected by the BQL
 * (callers hold it, or run before any other thread exists).
 *
 * Bottom halves: a FIFO under bh_lock, in scheduling order.  Each
 * scheduling takes a sequence number; qemu_bh_poll() only runs those
 * scheduled before it started, so a BH scheduled by a BH runs on the next
 * poll.  qemu_bh_schedule() may be called from any thread; qemu_bh_delete()
 * from the main loop thread (with the BQL), even while scheduled.
 *
 * Missing: AioContext and iothreads, aio_poll-style polling mode,
 * event notifiers, Win32 support, poll hook removal.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/timer.h"

#include <signal.h>

/* The big QEMU lock. */
static QemuMutex bql;
static __thread bool bql_held;

/* Bottom halves. */
struct QEMUBH {
    QEMUBHFunc *cb;
    void *opaque;
    GList link;         /* in bh_queue while scheduled; data is the BH */
    uint64_t seq;       /* scheduling order, for qemu_bh_poll's cutoff */
    bool scheduled;
};

static QemuMutex bh_lock;
static GQueue bh_queue = G_QUEUE_INIT;
static uint64_t bh_next_seq;

/* fd handlers, keyed by fd; under the BQL. */
typedef struct FdSource {
    GSource source;
    gpointer tag;
    IOHandler *fd_read;
    IOHandler *fd_write;
    void *opaque;
} FdSource;

static GHashTable *fd_sources;

/* Poll hooks and the poll array; main loop thread only. */
typedef struct PollHook {
    MainLoopPollHook *fn;
    void *opaque;
} PollHook;

static GArray *poll_hooks;
static GPollFD *poll_fds;
static int poll_fds_alloc;

static void __attribute__((constructor)) main_loop_init_locks(void)
{
    qemu_mutex_init(&bql);
    qemu_mutex_init(&bh_lock);
}

/* A caller broke the locking rules: a bug, not a runtime condition. */
static QEMU_NORETURN void main_loop_die(const char *func, const char *why)
{
    fprintf(stderr, "qemu: %s: %s\n", func, why);
    abort();
}

/* The big QEMU lock. */

void qemu_mutex_lock_iothread(void)
{
    if (bql_held) {
        main_loop_die(__func__, "BQL already held by this thread");
    }
    qemu_mutex_lock(&bql);
    bql_held = true;
}

void qemu_mutex_unlock_iothread(void)
{
    if (!bql_held) {
        main_loop_die(__func__, "BQL not held by this thread");
    }
    bql_held = false;
    qemu_mutex_unlock(&bql);
}

bool qemu_mutex_iothread_locked(void)
{
    return bql_held;
}

/* Setup and wakeup. */

int qemu_init_main_loop(Error **errp)
{
    struct sigaction sa = { .sa_handler = SIG_IGN };

    /* A closed socket or pipe must give EPIPE to its writer, not kill us */
    if (sigaction(SIGPIPE, &sa, NULL) < 0) {
        error_setg_errno(errp, errno, "failed to ignore SIGPIPE");
        return -1;
    }
    qemu_timer_set_notify(qemu_notify_event);
    g_main_context_default();
    return 0;
}

void qemu_notify_event(void)
{
    g_main_context_wakeup(NULL);
}

/* Bottom halves. */

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = g_new0(QEMUBH, 1);

    bh->cb = cb;
    bh->opaque = opaque;
    bh->link.data = bh;
    return bh;
}

void qemu_bh_schedule(QEMUBH *bh)
{
    bool wake = false;

    qemu_mutex_lock(&bh_lock);
    if (!bh->scheduled) {
        bh->scheduled = true;
        bh->seq = bh_next_seq++;
        g_queue_push_tail_link(&bh_queue, &bh->link);
        wake = true;
    }
    qemu_mutex_unlock(&bh_lock);

    if (wake) {
        qemu_notify_event();
    }
}

void qemu_bh_cancel(QEMUBH *bh)
{
    qemu_mutex_lock(&bh_lock);
    if (bh->scheduled) {
        g_queue_unlink(&bh_queue, &bh->link);
        bh->scheduled = false;
    }
    qemu_mutex_unlock(&bh_lock);
}

void qemu_bh_delete(QEMUBH *bh)
{
    if (bh) {
        qemu_bh_cancel(bh);
        g_free(bh);
    }
}

static bool bh_pending(void)
{
    bool pending;

    qemu_mutex_lock(&bh_lock);
    pending = !g_queue_is_empty(&bh_queue);
    qemu_mutex_unlock(&bh_lock);
    return pending;
}

int qemu_bh_poll(void)
{
    uint64_t limit;
    int count = 0;

    qemu_mutex_lock(&bh_lock);
    limit = bh_next_seq;
    for (;;) {
        GList *head = g_queue_peek_head_link(&bh_queue);
        QEMUBH *bh = head ? head->data : NULL;
        QEMUBHFunc *cb;
        void *opaque;

        if (!bh || bh->seq >= limit) {
            break;
        }
        g_queue_unlink(&bh_queue, head);
        bh->scheduled = false;
        cb = bh->cb;
        opaque = bh->opaque;

        /* The callback may reschedule, cancel or delete any BH */
        qemu_mutex_unlock(&bh_lock);
        cb(opaque);
        count++;
        qemu_mutex_lock(&bh_lock);
    }
    qemu_mutex_unlock(&bh_lock);
    return count;
}

/* fd handlers. */

static gboolean fd_source_dispatch(GSource *source, GSourceFunc callback,
                                   gpointer user_data)
{
    FdSource *s = (FdSource *)source;
    GIOCondition revents = g_source_query_unix_fd(source, s->tag);

    if ((revents & (G_IO_IN | G_IO_HUP | G_IO_ERR)) && s->fd_read) {
        s->fd_read(s->opaque);
    }
    /* The read handler may have removed this fd's handlers */
    if (!g_source_is_destroyed(source) &&
        (revents & (G_IO_OUT | G_IO_ERR)) && s->fd_write) {
        s->fd_write(s->opaque);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs fd_source_funcs = {
    .dispatch = fd_source_dispatch,
};

static void fd_source_remove(gpointer data)
{
    GSource *source = data;

    g_source_destroy(source);
    g_source_unref(source);
}

static GIOCondition fd_handler_events(IOHandler *fd_read, IOHandler *fd_write)
{
    GIOCondition events = G_IO_HUP | G_IO_ERR;

    if (fd_read) {
        events |= G_IO_IN;
    }
    if (fd_write) {
        events |= G_IO_OUT;
    }
    return events;
}

void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque)
{
    GIOCondition events = fd_handler_events(fd_read, fd_write);
    FdSource *s;

    if (!fd_sources) {
        fd_sources = g_hash_table_new_full(NULL, NULL, NULL,
                                           fd_source_remove);
    }
    if (!fd_read && !fd_write) {
        g_hash_table_remove(fd_sources, GINT_TO_POINTER(fd));
        return;
    }

    s = g_hash_table_lookup(fd_sources, GINT_TO_POINTER(fd));
    if (s) {
        s->fd_read = fd_read;
        s->fd_write = fd_write;
        s->opaque = opaque;
        g_source_modify_unix_fd(&s->source, s->tag, events);
        return;
    }

    s = (FdSource *)g_source_new(&fd_source_funcs, sizeof(FdSource));
    g_source_set_name(&s->source, "qemu-fd-handler");
    s->fd_read = fd_read;
    s->fd_write = fd_write;
    s->opaque = opaque;
    s->tag = g_source_add_unix_fd(&s->source, fd, events);
    g_hash_table_insert(fd_sources, GINT_TO_POINTER(fd), s);
    g_source_attach(&s->source, NULL);
}

/* Poll hooks. */

void main_loop_add_poll_hook(MainLoopPollHook *fn, void *opaque)
{
    PollHook hook = { .fn = fn, .opaque = opaque };

    if (!poll_hooks) {
        poll_hooks = g_array_new(FALSE, FALSE, sizeof(PollHook));
    }
    g_array_append_val(poll_hooks, hook);
}

static void main_loop_run_poll_hooks(void)
{
    guint i;

    /* Index and copy: a hook may add hooks and so move the array */
    for (i = 0; poll_hooks && i < poll_hooks->len; i++) {
        PollHook hook = g_array_index(poll_hooks, PollHook, i);

        hook.fn(hook.opaque);
    }
}

/* The iteration. */

/* Poll timeout in ms for the next timer deadline; -1 for none. */
static int main_loop_timer_timeout(void)
{
    int64_t ns = qemu_clock_deadline_ns_all();
    int64_t ms;

    if (ns < 0) {
        return -1;
    }
    /* Round up: waking before the deadline would just spin once more */
    ms = ns / SCALE_MS + (ns % SCALE_MS != 0);
    return MIN(ms, INT_MAX);
}

/* The sooner of two poll timeouts, where -1 means forever. */
static int timeout_min(int a, int b)
{
    if (a < 0) {
        return b;
    }
    if (b < 0) {
        return a;
    }
    return MIN(a, b);
}

/* Fill poll_fds for the context; returns the count, updates *timeout. */
static int main_loop_query(GMainContext *ctx, int max_priority, int *timeout)
{
    int glib_timeout;
    int n;

    for (;;) {
        n = g_main_context_query(ctx, max_priority, &glib_timeout,
                                 poll_fds, poll_fds_alloc);
        if (n <= poll_fds_alloc) {
            break;
        }
        poll_fds_alloc = n;
        poll_fds = g_renew(GPollFD, poll_fds, poll_fds_alloc);
    }
    *timeout = timeout_min(*timeout, glib_timeout);
    return n;
}

static void main_loop_glib_iteration(int timeout)
{
    GMainContext *ctx = g_main_context_default();
    int max_priority;
    int n;

    if (!g_main_context_acquire(ctx)) {
        main_loop_die(__func__, "main context owned by another thread");
    }
    g_main_context_prepare(ctx, &max_priority);
    n = main_loop_query(ctx, max_priority, &timeout);

    qemu_mutex_unlock_iothread();
    g_poll(poll_fds, n, timeout);
    qemu_mutex_lock_iothread();

    if (g_main_context_check(ctx, max_priority, poll_fds, n)) {
        g_main_context_dispatch(ctx);
    }
    g_main_context_release(ctx);
}

void main_loop_wait(int nonblocking)
{
    int timeout;

    if (!bql_held) {
        main_loop_die(__func__, "called without the BQL");
    }
    main_loop_run_poll_hooks();

    if (nonblocking || bh_pending()) {
        timeout = 0;
    } else {
        timeout = main_loop_timer_timeout();
    }
    main_loop_glib_iteration(timeout);

    qemu_clock_run_all_timers();
    qemu_bh_poll();
}
