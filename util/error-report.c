/*
 * error-report.c: the one format of user-facing error messages.
 *
 *   progname: -option value: message
 *   progname: file:line: warning: message
 *
 * Implements include/qemu/error-report.h following QEMU's documented
 * output.  The location is a stack of Location records: the option
 * parser sets the current one to the argv words being parsed, so every
 * error raised underneath names the option without being told about it.
 *
 * While the monitor runs a command (a qemu_print sink is active on this
 * thread) messages go to the monitor without the program name and
 * location, which mean nothing there.
 *
 * Missing compared with QEMU: -msg timestamp=on and guest-name prefixes,
 * and the *_once variants.
 */
#include "qemu/osdep.h"
#include <assert.h>
#include "qemu/error-report.h"
#include "qemu/qemu-print.h"

static char *progname;

/* The bottom of the stack: no location.  Never popped. */
static Location std_loc = { .kind = LOC_NONE };
static Location *cur_loc = &std_loc;

void error_set_progname(const char *argv0)
{
    g_free(progname);
    progname = argv0 != NULL ? g_path_get_basename(argv0) : NULL;
}

const char *error_get_progname(void)
{
    return progname != NULL ? progname : "qemu";
}

Location *loc_push_restore(Location *loc)
{
    assert(loc->prev == NULL);
    loc->prev = cur_loc;
    cur_loc = loc;
    return loc;
}

Location *loc_push_none(Location *loc)
{
    loc->kind = LOC_NONE;
    loc->num = 0;
    loc->ptr = NULL;
    loc->prev = NULL;
    return loc_push_restore(loc);
}

Location *loc_pop(Location *loc)
{
    assert(cur_loc == loc && loc->prev != NULL);
    cur_loc = loc->prev;
    loc->prev = NULL;
    return loc;
}

Location *loc_save(Location *loc)
{
    *loc = *cur_loc;
    loc->prev = NULL;
    return loc;
}

void loc_restore(Location *loc)
{
    Location *prev = cur_loc->prev;

    assert(loc->prev == NULL);
    *cur_loc = *loc;
    cur_loc->prev = prev;
}

void loc_set_none(void)
{
    cur_loc->kind = LOC_NONE;
    cur_loc->num = 0;
    cur_loc->ptr = NULL;
}

void loc_set_cmdline(char **argv, int idx, int cnt)
{
    cur_loc->kind = LOC_CMDLINE;
    cur_loc->num = cnt;
    cur_loc->ptr = argv + idx;
}

void loc_set_file(const char *fname, int lno)
{
    assert(fname != NULL || cur_loc->kind == LOC_FILE);
    cur_loc->kind = LOC_FILE;
    cur_loc->num = lno;
    if (fname != NULL) {
        cur_loc->ptr = fname;
    }
}

void error_vprintf(const char *fmt, va_list ap)
{
    if (qemu_print_sink_active()) {
        qemu_print_sink_vprintf(fmt, ap);
        return;
    }
    vfprintf(stderr, fmt, ap);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vprintf(fmt, ap);
    va_end(ap);
}

/* "progname: " and "location: ", both into one string. */
static void error_append_prefix(GString *out)
{
    const Location *loc = cur_loc;

    g_string_append_printf(out, "%s: ", error_get_progname());
    switch (loc->kind) {
    case LOC_CMDLINE: {
        char *const *argv = loc->ptr;
        int i;

        for (i = 0; i < loc->num; i++) {
            g_string_append_printf(out, "%s%s", i ? " " : "", argv[i]);
        }
        g_string_append(out, ": ");
        break;
    }
    case LOC_FILE:
        g_string_append_printf(out, "%s:", (const char *)loc->ptr);
        if (loc->num != 0) {
            g_string_append_printf(out, "%d:", loc->num);
        }
        g_string_append_c(out, ' ');
        break;
    default:
        break;
    }
}

/*
 * Build the whole line first and print it with one call, so lines from
 * two threads do not interleave mid-message on stderr.
 */
static void error_vreport_kind(const char *kind, const char *fmt,
                               va_list ap)
{
    GString *line = g_string_new(NULL);

    if (!qemu_print_sink_active()) {
        error_append_prefix(line);
    }
    g_string_append(line, kind);
    g_string_append_vprintf(line, fmt, ap);
    g_string_append_c(line, '\n');
    error_printf("%s", line->str);
    g_string_free(line, TRUE);
}

void error_vreport(const char *fmt, va_list ap)
{
    error_vreport_kind("", fmt, ap);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport_kind("", fmt, ap);
    va_end(ap);
}

void warn_vreport(const char *fmt, va_list ap)
{
    error_vreport_kind("warning: ", fmt, ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport_kind("warning: ", fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vreport_kind("info: ", fmt, ap);
    va_end(ap);
}
