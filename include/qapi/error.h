/*
 * error.h: errors that travel upward as Error objects.
 *
 * A function that can fail takes a trailing "Error **errp".  On failure it
 * calls error_setg(errp, ...) once and returns false/NULL/-errno.  The
 * caller either propagates (passes its own errp down) or reports once with
 * error_report_err().  Passing &error_fatal reports and exits(1);
 * &error_abort aborts (for "cannot happen" programming errors only);
 * NULL ignores the error.
 *
 * Messages follow QEMU's wording: no trailing newline, no trailing period,
 * lower-case start unless a proper noun.
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

typedef struct Error Error;

extern Error *error_fatal;
extern Error *error_abort;

/* Set *errp to a new error with a printf-style message (if errp != NULL). */
#define error_setg(errp, fmt, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, \
                        (fmt), ## __VA_ARGS__)
/* As error_setg(), with ": strerror(os_errno)" appended. */
#define error_setg_errno(errp, os_errno, fmt, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_errno), (fmt), ## __VA_ARGS__)

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
    QEMU_PRINTF(5, 6);
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
    QEMU_PRINTF(6, 7);

/* The error's message text. */
const char *error_get_pretty(const Error *err);

/* Prepend a printf-style prefix to the message of *errp, if set. */
void error_prepend(Error **errp, const char *fmt, ...) QEMU_PRINTF(2, 3);

/* Append a hint line printed after the message by error_report_err(). */
void error_append_hint(Error **errp, const char *fmt, ...) QEMU_PRINTF(2, 3);

/*
 * Move local_err into *dst_errp.  If dst_errp is NULL the error is freed;
 * if it is &error_fatal / &error_abort the error is reported and the
 * process exits / aborts.  If *dst_errp is already set local_err is freed.
 */
void error_propagate(Error **dst_errp, Error *local_err);

/* Report with error_report() (location prefix applies), then free. */
void error_report_err(Error *err);
/* As error_report_err() but as a warning. */
void warn_report_err(Error *err);

Error *error_copy(const Error *err);
void error_free(Error *err);
void error_free_or_abort(Error **errp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

#endif
