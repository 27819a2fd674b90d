/*
 * monitor-internal.h: the Monitor structure, private to monitor/.
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "chardev/char-fe.h"
#include "qemu/thread.h"
#include "monitor/monitor.h"
#include "monitor/readline.h"

struct Monitor {
    CharBackend chr;
    bool has_chr;           /* false: detached, output is only collected */
    ReadLineState *rs;      /* NULL without readline */
    GString *line;          /* without readline: the line being received */

    QemuMutex mon_lock;     /* guards outbuf and mux_out */
    GString *outbuf;        /* output not yet written to the chardev */
    bool mux_out;           /* a mux shows another frontend: hold output */

    int suspend_cnt;        /* > 0: no input, no prompt */
    bool reset_seen;        /* the peer has opened at least once */
};

#endif
