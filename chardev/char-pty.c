/*
 * char-pty.c: the "pty" chardev -- a new pseudo-terminal whose slave
 * (/dev/pts/N) a user opens with a terminal program.
 *
 * As QEMU: the slave's name is printed as "char device redirected to
 * /dev/pts/N (label LABEL)" and shown by "info chardev" as
 * "pty:/dev/pts/N".  We close our slave descriptor, so the master sees a
 * hang-up while nobody has the slave open; that is "disconnected":
 * output is discarded and input not polled.  A timer checks once a
 * second for a peer (a write checks at once) and the chardev then raises
 * CHR_EVENT_OPENED; a peer closing the slave raises CHR_EVENT_CLOSED.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-io.h"

#include <poll.h>
#include <pty.h>
#include <termios.h>

#define PTY_POLL_MS 1000

typedef struct PtyChardev {
    Chardev parent;

    int fd;                      /* the master */
    bool connected;
    ChrInputWatch *watch;
    QEMUTimer *timer;            /* looks for a peer while disconnected */
} PtyChardev;

#define PTY_CHARDEV(obj) OBJECT_CHECK(PtyChardev, (obj), TYPE_CHARDEV_PTY)

/* Someone has the slave open: the master does not report a hang-up. */
static bool pty_has_peer(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLOUT };

    return poll(&pfd, 1, 0) >= 0 && !(pfd.revents & POLLHUP);
}

static void pty_chr_poll_later(PtyChardev *s, int64_t delay_ms)
{
    timer_mod(s->timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + delay_ms);
}

static void pty_chr_read(void *opaque);

static void pty_chr_set_connected(PtyChardev *s, bool connected)
{
    Chardev *chr = CHARDEV(s);

    if (s->connected == connected) {
        return;
    }
    s->connected = connected;
    if (connected) {
        timer_del(s->timer);
        s->watch = chr_input_watch_add(chr, s->fd, pty_chr_read, s);
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    } else {
        chr_input_watch_remove(&s->watch);
        pty_chr_poll_later(s, PTY_POLL_MS);
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    }
}

static void pty_chr_timer(void *opaque)
{
    PtyChardev *s = opaque;

    if (pty_has_peer(s->fd)) {
        pty_chr_set_connected(s, true);
    } else {
        pty_chr_poll_later(s, PTY_POLL_MS);
    }
}

static void pty_chr_read(void *opaque)
{
    PtyChardev *s = opaque;
    Chardev *chr = CHARDEV(s);
    uint8_t buf[CHR_READ_BUF_LEN];
    int n = chr_fd_read(chr, s->fd, buf, sizeof(buf));

    if (n == -EAGAIN) {
        return;
    }
    if (n <= 0) {
        /* EIO: the last holder of the slave closed it */
        pty_chr_set_connected(s, false);
        return;
    }
    qemu_chr_be_write(chr, buf, n);
}

static int pty_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    PtyChardev *s = PTY_CHARDEV(chr);
    int n;

    if (!s->connected) {
        if (!pty_has_peer(s->fd)) {
            return len;
        }
        /* A peer arrived: let the main loop announce it */
        pty_chr_poll_later(s, 0);
    }
    n = chr_fd_write(s->fd, buf, len);
    /* The peer left mid-write: the read side will notice; drop the rest */
    return n < 0 ? len : n;
}

static void pty_chr_wait_writable(Chardev *chr)
{
    chr_fd_wait_writable(PTY_CHARDEV(chr)->fd);
}

static bool pty_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    PtyChardev *s = PTY_CHARDEV(chr);
    char name[PATH_MAX];
    struct termios tty;
    int slave;

    if (openpty(&s->fd, &slave, name, NULL, NULL) < 0) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        return false;
    }
    /* Raw by default so that a reader sees the guest's bytes unchanged */
    if (tcgetattr(slave, &tty) == 0) {
        cfmakeraw(&tty);
        tcsetattr(slave, TCSAFLUSH, &tty);
    }
    close(slave);
    fcntl(s->fd, F_SETFD, FD_CLOEXEC);
    chr_fd_set_nonblock(s->fd, true);

    chr->filename = g_strdup_printf("pty:%s", name);
    error_printf("char device redirected to %s (label %s)\n", name,
                 chr->label);
    s->timer = timer_new_ms(QEMU_CLOCK_REALTIME, pty_chr_timer, s);
    pty_chr_poll_later(s, PTY_POLL_MS);
    *be_opened = false;
    return true;
}

static void pty_chr_instance_init(Object *obj)
{
    PTY_CHARDEV(obj)->fd = -1;
}

static void pty_chr_instance_finalize(Object *obj)
{
    PtyChardev *s = PTY_CHARDEV(obj);

    chr_input_watch_remove(&s->watch);
    timer_free(s->timer);
    if (s->fd >= 0) {
        close(s->fd);
    }
}

static void pty_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = pty_chr_open;
    cc->chr_write = pty_chr_write;
    cc->chr_wait_writable = pty_chr_wait_writable;
}

static const TypeInfo pty_chr_type_info = {
    .name = TYPE_CHARDEV_PTY,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(PtyChardev),
    .instance_init = pty_chr_instance_init,
    .instance_finalize = pty_chr_instance_finalize,
    .class_init = pty_chr_class_init,
};

static void pty_chr_register_types(void)
{
    type_register_static(&pty_chr_type_info);
}

type_init(pty_chr_register_types)
