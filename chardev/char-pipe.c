/*
 * char-pipe.c: the "pipe" chardev -- named pipes PATH.in (input) and
 * PATH.out (output), or PATH alone for both when those do not exist.
 *
 * As QEMU, PATH.in is opened read-write so that it never reaches end of
 * file when a writer goes away, and opening PATH.out waits for a reader
 * (a FIFO's open semantics).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char-fd.h"

static bool pipe_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    g_autofree char *path_in = NULL;
    g_autofree char *path_out = NULL;
    int fd_in, fd_out;

    if (!path) {
        error_setg(errp, "chardev: pipe: no device path given");
        return false;
    }
    path_in = g_strdup_printf("%s.in", path);
    path_out = g_strdup_printf("%s.out", path);
    fd_in = open(path_in, O_RDWR | O_CLOEXEC);
    fd_out = fd_in < 0 ? -1 : open(path_out, O_WRONLY | O_CLOEXEC);
    if (fd_out < 0) {
        if (fd_in >= 0) {
            close(fd_in);
        }
        fd_in = fd_out = open(path, O_RDWR | O_CLOEXEC);
        if (fd_in < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", path);
            return false;
        }
    }
    qemu_chr_fd_attach(chr, fd_in, fd_out, true);
    return true;
}

static void pipe_chr_class_init(ObjectClass *oc, void *data)
{
    CHARDEV_CLASS(oc)->open = pipe_chr_open;
}

static const TypeInfo pipe_chr_type_info = {
    .name = TYPE_CHARDEV_PIPE,
    .parent = TYPE_CHARDEV_FD,
    .instance_size = sizeof(FDChardev),
    .class_init = pipe_chr_class_init,
};

static void pipe_chr_register_types(void)
{
    type_register_static(&pipe_chr_type_info);
}

type_init(pipe_chr_register_types)
