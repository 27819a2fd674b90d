/*
 * qemu-print.c: print to the monitor running a command, else stdout.
 *
 * Implements include/qemu/qemu-print.h.  The sink is per thread: the
 * monitor installs it around one command, so output produced by that
 * command (and only by that thread) lands in the monitor.
 */
#include "qemu/osdep.h"
#include "qemu/qemu-print.h"

static __thread QemuPrintFunc *print_sink_fn;
static __thread void *print_sink_opaque;

void qemu_print_set_sink(QemuPrintFunc *fn, void *opaque)
{
    print_sink_fn = fn;
    print_sink_opaque = fn != NULL ? opaque : NULL;
}

bool qemu_print_sink_active(void)
{
    return print_sink_fn != NULL;
}

int qemu_print_sink_vprintf(const char *fmt, va_list ap)
{
    if (print_sink_fn == NULL) {
        return -1;
    }
    return print_sink_fn(print_sink_opaque, fmt, ap);
}

int qemu_vprintf(const char *fmt, va_list ap)
{
    if (print_sink_fn != NULL) {
        return print_sink_fn(print_sink_opaque, fmt, ap);
    }
    return vfprintf(stdout, fmt, ap);
}

int qemu_printf(const char *fmt, ...)
{
    va_list ap;
    int ret;

    va_start(ap, fmt);
    ret = qemu_vprintf(fmt, ap);
    va_end(ap);
    return ret;
}
