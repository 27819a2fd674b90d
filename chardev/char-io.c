/*
 * char-io.c: descriptor helpers shared by the chardev backends.
 *
 * Input watches implement the flow control that QEMU's chardevs get from
 * their glib "io watch poll" sources: a backend's descriptor is polled
 * only while the frontend can take bytes.  Here one main-loop poll hook
 * walks every watch before the loop sleeps and installs or removes the
 * fd's read handler to match qemu_chr_be_can_write().  Nothing is read
 * that the frontend cannot take, so no input is ever dropped, and a full
 * frontend leaves its fd unpolled, so the loop never spins on it.
 *
 * Output helpers treat EAGAIN as "wrote 0" and let write_all callers
 * wait in poll(), as QEMU blocks in qemu_chr_write_all().
 *
 * Missing: watches on a GMainContext other than the main loop's.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"
#include "chardev/char-io.h"

#include <poll.h>

struct ChrInputWatch {
    Chardev *chr;
    int fd;
    IOHandler *fd_read;
    void *opaque;
    bool armed;                  /* our read handler is installed */
};

static GList *input_watches;
static bool poll_hook_added;

static void chr_input_watch_dispatch(void *opaque)
{
    ChrInputWatch *w = opaque;

    /* The frontend may have filled up since the hook armed us */
    if (qemu_chr_be_can_write(w->chr) > 0) {
        w->fd_read(w->opaque);
    }
}

static void chr_input_watch_arm(ChrInputWatch *w, bool arm)
{
    if (w->armed != arm) {
        w->armed = arm;
        qemu_set_fd_handler(w->fd, arm ? chr_input_watch_dispatch : NULL,
                            NULL, w);
    }
}

/* Before the main loop sleeps: poll exactly the fds with a taker. */
static void chr_input_watch_poll_hook(void *opaque)
{
    GList *l, *next;

    for (l = input_watches; l; l = next) {
        ChrInputWatch *w = l->data;

        next = l->next;
        chr_input_watch_arm(w, qemu_chr_be_can_write(w->chr) > 0);
    }
}

ChrInputWatch *chr_input_watch_add(Chardev *chr, int fd, IOHandler *fd_read,
                                   void *opaque)
{
    ChrInputWatch *w = g_new0(ChrInputWatch, 1);

    w->chr = chr;
    w->fd = fd;
    w->fd_read = fd_read;
    w->opaque = opaque;
    input_watches = g_list_append(input_watches, w);
    if (!poll_hook_added) {
        poll_hook_added = true;
        main_loop_add_poll_hook(chr_input_watch_poll_hook, NULL);
    }
    /* A loop sleeping in another thread must re-run its hook */
    qemu_notify_event();
    return w;
}

void chr_input_watch_remove(ChrInputWatch **pw)
{
    ChrInputWatch *w = pw ? *pw : NULL;

    if (!w) {
        return;
    }
    chr_input_watch_arm(w, false);
    input_watches = g_list_remove(input_watches, w);
    g_free(w);
    *pw = NULL;
}

int chr_fd_read(Chardev *chr, int fd, uint8_t *buf, int len)
{
    int room = qemu_chr_be_can_write(chr);
    ssize_t n;

    len = MIN(len, room);
    if (len <= 0) {
        return -EAGAIN;
    }
    do {
        n = read(fd, buf, len);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && errno == EAGAIN) {
        return -EAGAIN;
    }
    return n;
}

int chr_fd_write(int fd, const uint8_t *buf, int len)
{
    ssize_t n;

    do {
        n = write(fd, buf, len);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return errno == EAGAIN ? 0 : -1;
    }
    return n;
}

void chr_fd_wait_writable(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLOUT };

    while (poll(&pfd, 1, -1) < 0 && errno == EINTR) {
        continue;
    }
}

bool chr_fd_write_all(int fd, const uint8_t *buf, int len)
{
    while (len > 0) {
        int n = chr_fd_write(fd, buf, len);

        if (n < 0) {
            return false;
        }
        if (n == 0) {
            chr_fd_wait_writable(fd);
        }
        buf += n;
        len -= n;
    }
    return true;
}

void qemu_chr_wait_writable(Chardev *chr)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);

    if (cc->chr_wait_writable) {
        cc->chr_wait_writable(chr);
    }
}

void chr_fd_set_nonblock(int fd, bool nonblock)
{
    int flags = fcntl(fd, F_GETFL);

    if (flags < 0) {
        return;
    }
    flags = nonblock ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
    fcntl(fd, F_SETFL, flags);
}
