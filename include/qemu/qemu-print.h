/*
 * qemu-print.h: print to the current monitor if a monitor command is
 * running, else to stdout.  "info" output uses this so the same code
 * serves the monitor and the command line (-device help, -d help, ...).
 */
#ifndef QEMU_PRINT_H
#define QEMU_PRINT_H

int qemu_printf(const char *fmt, ...) QEMU_PRINTF(1, 2);
int qemu_vprintf(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);

/*
 * The monitor installs this (per thread) while it runs a command: output
 * of qemu_printf() and error_printf()/error_report() goes to fn.  NULL
 * restores stdout (qemu_printf) and stderr (error_*).
 */
typedef int QemuPrintFunc(void *opaque, const char *fmt, va_list ap);
void qemu_print_set_sink(QemuPrintFunc *fn, void *opaque);

bool qemu_print_sink_active(void);
int qemu_print_sink_vprintf(const char *fmt, va_list ap);

#endif
