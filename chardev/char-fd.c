/*
 * char-fd.c: the abstract "chardev-fd" -- a chardev on an input and an
 * output file descriptor.  stdio, file, pipe and serial derive from it.
 *
 * Input is read only while the frontend can take it (char-io.h).  End
 * of file or a read error stops reading and raises CHR_EVENT_CLOSED, as
 * QEMU's fd chardevs do.  Output that would block is reported as a
 * short write; write_all waits in poll().
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fd.h"

static void fd_chr_read(void *opaque)
{
    Chardev *chr = opaque;
    FDChardev *s = FD_CHARDEV(chr);
    uint8_t buf[CHR_READ_BUF_LEN];
    int n = chr_fd_read(chr, s->fd_in, buf, sizeof(buf));

    if (n == -EAGAIN) {
        return;
    }
    if (n <= 0) {
        chr_input_watch_remove(&s->watch);
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
        return;
    }
    qemu_chr_be_write(chr, buf, n);
}

void qemu_chr_fd_attach(Chardev *chr, int fd_in, int fd_out, bool own_fds)
{
    FDChardev *s = FD_CHARDEV(chr);

    s->fd_in = fd_in;
    s->fd_out = fd_out;
    s->own_fds = own_fds;
    if (fd_in >= 0) {
        s->watch = chr_input_watch_add(chr, fd_in, fd_chr_read, chr);
    }
}

static int fd_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    FDChardev *s = FD_CHARDEV(chr);

    if (s->fd_out < 0) {
        return len;
    }
    return chr_fd_write(s->fd_out, buf, len);
}

static void fd_chr_wait_writable(Chardev *chr)
{
    FDChardev *s = FD_CHARDEV(chr);

    if (s->fd_out >= 0) {
        chr_fd_wait_writable(s->fd_out);
    }
}

static void fd_chr_instance_init(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    s->fd_in = -1;
    s->fd_out = -1;
}

static void fd_chr_instance_finalize(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    chr_input_watch_remove(&s->watch);
    if (s->own_fds) {
        if (s->fd_in >= 0) {
            close(s->fd_in);
        }
        if (s->fd_out >= 0 && s->fd_out != s->fd_in) {
            close(s->fd_out);
        }
    }
}

static void fd_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = fd_chr_write;
    cc->chr_wait_writable = fd_chr_wait_writable;
}

static const TypeInfo fd_chr_type_info = {
    .name = TYPE_CHARDEV_FD,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(FDChardev),
    .instance_init = fd_chr_instance_init,
    .instance_finalize = fd_chr_instance_finalize,
    .class_init = fd_chr_class_init,
    .abstract = true,
};

static void fd_chr_register_types(void)
{
    type_register_static(&fd_chr_type_info);
}

type_init(fd_chr_register_types)
