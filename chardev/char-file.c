/*
 * char-file.c: the "file" chardev -- output appended to or replacing a
 * file (path=, append=on|off).
 *
 * Missing: QEMU's in=PATH input file.  The file is output only.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char-fd.h"

static bool file_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;
    int fd;

    if (!path) {
        error_setg(errp, "chardev: file: no filename given");
        return false;
    }
    flags |= qemu_opt_get_bool(opts, "append", false) ? O_APPEND : O_TRUNC;
    fd = open(path, flags, 0666);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return false;
    }
    qemu_chr_fd_attach(chr, -1, fd, true);
    return true;
}

static void file_chr_class_init(ObjectClass *oc, void *data)
{
    CHARDEV_CLASS(oc)->open = file_chr_open;
}

static const TypeInfo file_chr_type_info = {
    .name = TYPE_CHARDEV_FILE,
    .parent = TYPE_CHARDEV_FD,
    .instance_size = sizeof(FDChardev),
    .class_init = file_chr_class_init,
};

static void file_chr_register_types(void)
{
    type_register_static(&file_chr_type_info);
}

type_init(file_chr_register_types)
