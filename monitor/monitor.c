/*
 * monitor.c: Monitor objects, their output and their chardev frontend.
 *
 * Implements include/monitor/monitor.h.  Behaviour follows QEMU 7.2's
 * human monitor as seen from the outside: the banner "QEMU 7.2.0 monitor
 * - type 'help' for more information" when the peer connects, the
 * prompt "(qemu) ", "\r\n" line ends, and under a mux (-nographic,
 * "mon:stdio") output held back while another frontend has the focus
 * and shown when Ctrl-A c brings the monitor back.
 *
 * Output is buffered per monitor and written with qemu_chr_fe_write_all()
 * after every print, so it reaches the peer in order and at once.
 *
 * Missing: QMP (mode=control); asynchronous output to a peer that
 * reads slowly (writes block the main loop until done, which is also
 * what makes "quit" output reliable).
 */
#include "qemu/osdep.h"
#include "config-host.h"
#include "qapi/error.h"
#include "qemu/qemu-print.h"
#include "chardev/char.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

#define MONITOR_PROMPT "(qemu) "

static __thread Monitor *cur_mon;
/* Every monitor, for monitor_cleanup(); main thread only. */
static GList *monitors;

QemuOptsList qemu_mon_opts = {
    .name = "mon",
    .implied_opt_name = "chardev",
    .desc = {
        { .name = "mode", .type = QEMU_OPT_STRING },
        { .name = "chardev", .type = QEMU_OPT_STRING },
        { .name = "pretty", .type = QEMU_OPT_BOOL },
        { NULL }
    },
};

/* ---- Current monitor ---- */

static int monitor_print_sink(void *opaque, const char *fmt, va_list ap)
{
    return monitor_vprintf(opaque, fmt, ap);
}

Monitor *monitor_cur(void)
{
    return cur_mon;
}

Monitor *monitor_set_cur(Monitor *mon)
{
    Monitor *old = cur_mon;

    cur_mon = mon;
    qemu_print_set_sink(mon ? monitor_print_sink : NULL, mon);
    return old;
}

/* ---- Output ---- */

static void monitor_flush_locked(Monitor *mon)
{
    if (!mon->has_chr || mon->mux_out || mon->outbuf->len == 0) {
        return;
    }
    /*
     * A peer that went away makes this fail; the output is dropped, as
     * it would be had the peer been reading.
     */
    qemu_chr_fe_write_all(&mon->chr, (const uint8_t *)mon->outbuf->str,
                          mon->outbuf->len);
    g_string_truncate(mon->outbuf, 0);
}

void monitor_flush(Monitor *mon)
{
    qemu_mutex_lock(&mon->mon_lock);
    monitor_flush_locked(mon);
    qemu_mutex_unlock(&mon->mon_lock);
}

int monitor_puts(Monitor *mon, const char *str)
{
    const char *p, *nl;

    if (mon == NULL) {
        return -1;
    }
    qemu_mutex_lock(&mon->mon_lock);
    for (p = str; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        g_string_append_len(mon->outbuf, p, nl - p);
        g_string_append(mon->outbuf, "\r\n");
    }
    g_string_append(mon->outbuf, p);
    monitor_flush_locked(mon);
    qemu_mutex_unlock(&mon->mon_lock);
    return strlen(str);
}

int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
{
    g_autofree char *str = NULL;

    if (mon == NULL) {
        return -1;
    }
    str = g_strdup_vprintf(fmt, ap);
    return monitor_puts(mon, str);
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    int ret;

    va_start(ap, fmt);
    ret = monitor_vprintf(mon, fmt, ap);
    va_end(ap);
    return ret;
}

char *monitor_steal_output(Monitor *mon)
{
    char *out;

    qemu_mutex_lock(&mon->mon_lock);
    out = g_string_free(mon->outbuf, FALSE);
    mon->outbuf = g_string_new(NULL);
    qemu_mutex_unlock(&mon->mon_lock);
    return out;
}

/* ---- Suspend / resume ---- */

void monitor_suspend(Monitor *mon)
{
    mon->suspend_cnt++;
}

void monitor_resume(Monitor *mon)
{
    if (mon->suspend_cnt == 0 || --mon->suspend_cnt > 0) {
        return;
    }
    if (mon->rs) {
        readline_show_prompt(mon->rs);
    }
    if (mon->has_chr) {
        qemu_chr_fe_accept_input(&mon->chr);
    }
}

/* ---- Input ---- */

static void monitor_readline_printf(void *opaque, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    monitor_vprintf(opaque, fmt, ap);
    va_end(ap);
}

static void monitor_readline_flush(void *opaque)
{
    monitor_flush(opaque);
}

static void monitor_readline_complete(void *opaque, const char *cmdline)
{
    hmp_complete(opaque, cmdline);
}

static void monitor_command_cb(void *opaque, const char *cmdline,
                               void *readline_opaque)
{
    Monitor *mon = opaque;

    hmp_handle_command(mon, cmdline);
    /* A suspended monitor ("quit") prompts again only when resumed. */
    if (mon->suspend_cnt == 0) {
        readline_show_prompt(mon->rs);
    }
}

/* Without readline: run each line as it completes, silently. */
static void monitor_raw_byte(Monitor *mon, char c)
{
    if (c != '\n' && c != '\r' && c != '\0') {
        g_string_append_c(mon->line, c);
        return;
    }
    if (mon->line->len > 0) {
        g_autofree char *cmdline = g_string_free(mon->line, FALSE);

        mon->line = g_string_new(NULL);
        hmp_handle_command(mon, cmdline);
    }
}

/*
 * One byte at a time, so that a command that suspends the monitor
 * ("quit") stops the bytes after it from being read.
 */
static int monitor_can_read(void *opaque)
{
    Monitor *mon = opaque;

    return mon->suspend_cnt == 0 ? 1 : 0;
}

static void monitor_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;
    int i;

    for (i = 0; i < size; i++) {
        if (mon->rs) {
            readline_handle_byte(mon->rs, buf[i]);
        } else {
            monitor_raw_byte(mon, buf[i]);
        }
    }
}

static void monitor_set_mux_out(Monitor *mon, bool mux_out)
{
    qemu_mutex_lock(&mon->mon_lock);
    mon->mux_out = mux_out;
    qemu_mutex_unlock(&mon->mon_lock);
}

static void monitor_mux_in(Monitor *mon)
{
    monitor_set_mux_out(mon, false);
    if (!mon->reset_seen) {
        /* Not opened yet: the banner will come with the OPENED event. */
        mon->suspend_cnt = 0;
        return;
    }
    if (mon->rs) {
        readline_restart(mon->rs);
    }
    monitor_resume(mon);
    monitor_flush(mon);
}

static void monitor_mux_out(Monitor *mon)
{
    if (mon->reset_seen) {
        /* End the prompt line so the other frontend starts clean. */
        if (mon->suspend_cnt == 0) {
            monitor_puts(mon, "\n");
        }
        monitor_flush(mon);
    }
    monitor_suspend(mon);
    monitor_set_mux_out(mon, true);
}

static void monitor_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    switch (event) {
    case CHR_EVENT_MUX_IN:
        monitor_mux_in(mon);
        break;
    case CHR_EVENT_MUX_OUT:
        monitor_mux_out(mon);
        break;
    case CHR_EVENT_OPENED:
        monitor_printf(mon, "QEMU %s monitor - type 'help' for more "
                       "information\n", QEMU_VERSION);
        if (!mon->mux_out && mon->rs) {
            readline_restart(mon->rs);
            readline_show_prompt(mon->rs);
        }
        mon->reset_seen = true;
        break;
    case CHR_EVENT_CLOSED:
    case CHR_EVENT_BREAK:
        break;
    }
}

/* ---- Life cycle ---- */

static Monitor *monitor_new(void)
{
    Monitor *mon = g_new0(Monitor, 1);

    qemu_mutex_init(&mon->mon_lock);
    mon->outbuf = g_string_new(NULL);
    monitors = g_list_append(monitors, mon);
    return mon;
}

Monitor *monitor_new_detached(void)
{
    return monitor_new();
}

bool monitor_init_hmp(Chardev *chr, bool use_readline, Error **errp)
{
    Monitor *mon = monitor_new();

    if (!qemu_chr_fe_init(&mon->chr, chr, errp)) {
        monitor_destroy(mon);
        return false;
    }
    mon->has_chr = true;
    if (use_readline) {
        mon->rs = readline_init(monitor_readline_printf,
                                monitor_readline_flush, mon,
                                monitor_readline_complete);
        readline_start(mon->rs, MONITOR_PROMPT, 0, monitor_command_cb, NULL);
        /* readline echoes by itself; a terminal must not echo too. */
        qemu_chr_fe_set_echo(&mon->chr, false);
    } else {
        mon->line = g_string_new(NULL);
    }
    qemu_chr_fe_set_handlers(&mon->chr, monitor_can_read, monitor_read,
                             monitor_event, NULL, mon, NULL, true);
    return true;
}

bool monitor_init_opts(QemuOpts *opts, Error **errp)
{
    const char *mode = qemu_opt_get(opts, "mode");
    const char *chardev = qemu_opt_get(opts, "chardev");
    Chardev *chr;

    if (mode == NULL) {
        mode = "readline";
    }
    if (strcmp(mode, "control") == 0) {
        error_setg(errp, "QMP monitors (mode=control) are not supported");
        return false;
    }
    if (strcmp(mode, "readline") != 0) {
        error_setg(errp, "Parameter 'mode' does not accept value '%s'", mode);
        return false;
    }
    if (chardev == NULL) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return false;
    }
    if (qemu_opt_get_bool(opts, "pretty", false)) {
        error_setg(errp, "'pretty' is not compatible with HMP monitors");
        return false;
    }
    chr = qemu_chr_find(chardev);
    if (chr == NULL) {
        error_setg(errp, "chardev \"%s\" not found", chardev);
        return false;
    }
    return monitor_init_hmp(chr, true, errp);
}

void monitor_destroy(Monitor *mon)
{
    if (mon == NULL) {
        return;
    }
    monitors = g_list_remove(monitors, mon);
    if (cur_mon == mon) {
        monitor_set_cur(NULL);
    }
    if (mon->has_chr) {
        qemu_chr_fe_deinit(&mon->chr, false);
    }
    readline_free(mon->rs);
    if (mon->line) {
        g_string_free(mon->line, TRUE);
    }
    g_string_free(mon->outbuf, TRUE);
    qemu_mutex_destroy(&mon->mon_lock);
    g_free(mon);
}

void monitor_cleanup(void)
{
    while (monitors != NULL) {
        monitor_destroy(monitors->data);
    }
}
