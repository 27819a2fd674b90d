/*
 * char-serial.c: the "serial" chardev (alias "tty", deprecated) -- a
 * host serial port or other character device, e.g. "-serial /dev/ttyS0".
 *
 * A terminal is put in raw mode, 115200 8N1; any other device (even
 * /dev/null) is used as it is.
 *
 * Missing: the baud rate, parity and modem-line ioctls a guest UART
 * could forward (QEMU's CHR_IOCTL_SERIAL_*); the "parallel" backend.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char-fd.h"

#include <termios.h>

static void serial_chr_make_raw(int fd)
{
    struct termios tty;

    if (!isatty(fd) || tcgetattr(fd, &tty) < 0) {
        return;
    }
    cfmakeraw(&tty);
    cfsetispeed(&tty, B115200);
    cfsetospeed(&tty, B115200);
    tty.c_cflag |= CLOCAL | CREAD;
    tcsetattr(fd, TCSANOW, &tty);
}

static bool serial_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                            Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    int fd;

    if (!path) {
        error_setg(errp, "chardev: serial/tty: no device path given");
        return false;
    }
    fd = open(path, O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return false;
    }
    serial_chr_make_raw(fd);
    qemu_chr_fd_attach(chr, fd, fd, true);
    return true;
}

static void serial_chr_class_init(ObjectClass *oc, void *data)
{
    CHARDEV_CLASS(oc)->open = serial_chr_open;
}

static const TypeInfo serial_chr_type_info = {
    .name = TYPE_CHARDEV_SERIAL,
    .parent = TYPE_CHARDEV_FD,
    .instance_size = sizeof(FDChardev),
    .class_init = serial_chr_class_init,
};

static void serial_chr_register_types(void)
{
    type_register_static(&serial_chr_type_info);
}

type_init(serial_chr_register_types)
