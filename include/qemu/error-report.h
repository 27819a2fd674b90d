/*
 * error-report.h: the one style of error message.
 *
 *   qemu-system-x86_64: -m foo: Parameter 'size' expects a size
 *   ^ program name      ^ current location (option being parsed), if any
 *
 * Output goes to the current monitor when a monitor command is running
 * on this thread (the qemu_print sink, see qemu/qemu-print.h), else to
 * stderr.
 */
#ifndef QEMU_ERROR_REPORT_H
#define QEMU_ERROR_REPORT_H

/* Program name used as the prefix ("qemu-system-x86_64"). */
void error_set_progname(const char *argv0);
const char *error_get_progname(void);

/*
 * Location stack: while an option is being parsed the location names it,
 * so any error reported prints "-option value: " before the message.
 */
typedef struct Location {
    enum { LOC_NONE, LOC_CMDLINE, LOC_FILE } kind;
    int num;
    const void *ptr;
    struct Location *prev;
} Location;

Location *loc_push_restore(Location *loc);
Location *loc_push_none(Location *loc);
Location *loc_pop(Location *loc);
Location *loc_save(Location *loc);
void loc_restore(Location *loc);
void loc_set_none(void);
/* The location is argv[idx..idx+cnt-1]; printed as "-opt value: ". */
void loc_set_cmdline(char **argv, int idx, int cnt);
void loc_set_file(const char *fname, int lno);

/* Print to the current monitor if any, else stderr.  No prefix. */
void error_vprintf(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void error_printf(const char *fmt, ...) QEMU_PRINTF(1, 2);

/* "progname: location: message\n" */
void error_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void error_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
/* "progname: location: warning: message\n" */
void warn_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void warn_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
/* "progname: location: info: message\n" */
void info_report(const char *fmt, ...) QEMU_PRINTF(1, 2);

#endif
