/*
 * monitor.h: the human monitor (HMP) as a chardev frontend.
 *
 * A Monitor sits on a Chardev (-monitor stdio, -monitor unix:...,
 * -mon chardev=ID, or the "mon:" mux under -nographic).  It prints the
 * banner when the peer connects, edits lines with readline
 * (monitor/readline.h) and runs each line as an HMP command
 * (monitor/hmp.h).  While a command runs, that monitor is the thread's
 * current monitor (monitor_cur()) and qemu_printf()/error_report()
 * output goes to it.
 *
 * QMP (mode=control) is not implemented yet.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "qemu/option.h"

typedef struct Chardev Chardev;
typedef struct Monitor Monitor;

/* The "mon" option group: -mon [chardev=]ID[,mode=readline][,pretty=on]. */
extern QemuOptsList qemu_mon_opts;

/*
 * Create an HMP monitor on chr.  With use_readline the monitor edits
 * lines, echoes and prompts; without, each line received is run as is.
 * Fails if chr already has a frontend.
 */
bool monitor_init_hmp(Chardev *chr, bool use_readline, Error **errp);
/* Create the monitor one "mon" QemuOpts describes. */
bool monitor_init_opts(QemuOpts *opts, Error **errp);

/*
 * A monitor on no chardev: everything printed to it is kept until
 * monitor_steal_output() takes it (QMP's human-monitor-command, tests).
 */
Monitor *monitor_new_detached(void);
/* The output collected so far ("\n" already turned into "\r\n"). */
char *monitor_steal_output(Monitor *mon);
/* Detach from the chardev (if any) and free. */
void monitor_destroy(Monitor *mon);
/* Destroy every monitor (at exit). */
void monitor_cleanup(void);

/* The monitor running a command on this thread, or NULL. */
Monitor *monitor_cur(void);
/*
 * Make mon the current monitor of this thread and route qemu_printf()
 * and error_report() there (NULL: back to stdout/stderr).  Returns the
 * previous current monitor.
 */
Monitor *monitor_set_cur(Monitor *mon);

/*
 * Output.  "\n" becomes "\r\n" (terminals in raw mode need both).
 * Return the number of bytes accepted, or -1 if mon is NULL.
 */
int monitor_puts(Monitor *mon, const char *str);
int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
    QEMU_PRINTF(2, 0);
int monitor_printf(Monitor *mon, const char *fmt, ...) QEMU_PRINTF(2, 3);
/* Push buffered output to the chardev. */
void monitor_flush(Monitor *mon);

/*
 * Stop reading input (and prompting) until the matching resume, e.g.
 * after "quit" or while the mux shows another frontend.
 */
void monitor_suspend(Monitor *mon);
void monitor_resume(Monitor *mon);

#endif
