/*
 * char-stdio.c: the "stdio" chardev -- reads stdin, writes stdout.
 *
 * When stdin is a terminal it is put in raw mode (no echo, no line
 * editing, no CR/NL translation on input; output post-processing kept)
 * and restored when the chardev goes, at exit, and after a SIGCONT
 * (a shell may have changed the mode while we were stopped).  With
 * signal=off Ctrl-C, Ctrl-Z and Ctrl-\ reach the guest instead of
 * raising signals; the default is on, as QEMU's.  A frontend asking for
 * echo (qemu_chr_fe_set_echo(true)) gets the terminal's original mode.
 * Only one stdio chardev may exist.
 *
 * Missing: -daemonize checks (the system layer refuses that mix).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char-fd.h"

#include <signal.h>
#include <termios.h>

static bool stdio_in_use;
static bool stdio_allow_signal;
static bool stdio_tty_saved;
static struct termios stdio_saved_tty;
static struct termios stdio_current_tty;     /* what SIGCONT re-applies */

static void stdio_apply_mode(bool echo)
{
    struct termios tty = stdio_saved_tty;

    if (!stdio_tty_saved) {
        return;
    }
    if (!echo) {
        tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                         ICRNL | IXON);
        tty.c_oflag |= OPOST;
        tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
        tty.c_cflag &= ~(CSIZE | PARENB);
        tty.c_cflag |= CS8;
        tty.c_cc[VMIN] = 1;
        tty.c_cc[VTIME] = 0;
    }
    if (!stdio_allow_signal) {
        tty.c_lflag &= ~ISIG;
    }
    stdio_current_tty = tty;
    tcsetattr(0, TCSANOW, &tty);
}

static void stdio_restore_tty(void)
{
    if (stdio_tty_saved) {
        tcsetattr(0, TCSANOW, &stdio_saved_tty);
        stdio_tty_saved = false;
    }
}

static void stdio_sigcont(int sig)
{
    /* tcsetattr is async-signal-safe */
    if (stdio_tty_saved) {
        tcsetattr(0, TCSANOW, &stdio_current_tty);
    }
}

static void stdio_save_tty(void)
{
    static bool hooks_installed;
    struct sigaction sa = { .sa_handler = stdio_sigcont };

    if (!isatty(0) || tcgetattr(0, &stdio_saved_tty) < 0) {
        return;
    }
    stdio_tty_saved = true;
    if (!hooks_installed) {
        hooks_installed = true;
        atexit(stdio_restore_tty);
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGCONT, &sa, NULL);
    }
}

static bool stdio_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                           Error **errp)
{
    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    stdio_in_use = true;
    stdio_allow_signal = qemu_opt_get_bool(opts, "signal", true);
    stdio_save_tty();
    stdio_apply_mode(false);
    qemu_chr_fd_attach(chr, 0, 1, false);
    return true;
}

static void stdio_chr_set_echo(Chardev *chr, bool echo)
{
    stdio_apply_mode(echo);
}

static void stdio_chr_instance_finalize(Object *obj)
{
    FDChardev *s = FD_CHARDEV(obj);

    /* A failed open never took stdio (fd_out stays -1) */
    if (s->fd_out >= 0) {
        stdio_restore_tty();
        stdio_in_use = false;
    }
}

static void stdio_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = stdio_chr_open;
    cc->chr_set_echo = stdio_chr_set_echo;
}

static const TypeInfo stdio_chr_type_info = {
    .name = TYPE_CHARDEV_STDIO,
    .parent = TYPE_CHARDEV_FD,
    .instance_size = sizeof(FDChardev),
    .instance_finalize = stdio_chr_instance_finalize,
    .class_init = stdio_chr_class_init,
};

static void stdio_chr_register_types(void)
{
    type_register_static(&stdio_chr_type_info);
}

type_init(stdio_chr_register_types)
