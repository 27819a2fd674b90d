/*
 * error.c: Error objects, the value that carries a failure up the stack.
 *
 * Implements the contract of include/qapi/error.h (QEMU's qapi/error.h
 * API): an Error holds a message, an optional hint and the source
 * location that created it.  Two sentinels change what setting an error
 * means: &error_fatal reports and exits(1), &error_abort reports with the
 * source location and aborts.
 *
 * Missing compared with QEMU: error classes (every error is generic) and
 * error_setg_win32().
 */
#include "qemu/osdep.h"
#include <assert.h>
#include "qapi/error.h"
#include "qemu/error-report.h"

struct Error {
    char *msg;
    GString *hint;
    const char *src;
    const char *func;
    int line;
};

/*
 * The sentinels are only ever compared by address; the variables
 * themselves are never written.
 */
Error *error_fatal;
Error *error_abort;

static void error_handle_abort(Error *err)
{
    error_printf("Unexpected error in %s() at %s:%d:\n",
                 err->func, err->src, err->line);
    error_report("%s", err->msg);
    abort();
}

static void error_handle_fatal(Error *err)
{
    error_report_err(err);
    exit(1);
}

/* Store err in *errp, or act on the sentinels. */
static void error_deliver(Error **errp, Error *err)
{
    if (errp == &error_abort) {
        error_handle_abort(err);
    }
    if (errp == &error_fatal) {
        error_handle_fatal(err);
    }
    if (errp == NULL) {
        error_free(err);
        return;
    }
    /* Setting an error twice is a programming error, as in QEMU. */
    assert(*errp == NULL);
    *errp = err;
}

static void error_setv(Error **errp, const char *src, int line,
                       const char *func, int os_errno,
                       const char *fmt, va_list ap)
{
    Error *err;

    if (errp == NULL) {
        return;
    }
    err = g_new0(Error, 1);
    err->msg = g_strdup_vprintf(fmt, ap);
    if (os_errno != 0) {
        char *full = g_strdup_printf("%s: %s", err->msg,
                                     g_strerror(os_errno));
        g_free(err->msg);
        err->msg = full;
    }
    err->src = src;
    err->line = line;
    err->func = func;
    error_deliver(errp, err);
}

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, 0, fmt, ap);
    va_end(ap);
}

void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, os_errno, fmt, ap);
    va_end(ap);
}

const char *error_get_pretty(const Error *err)
{
    return err->msg;
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    va_list ap;
    char *prefix;
    char *full;

    if (errp == NULL || *errp == NULL) {
        return;
    }
    va_start(ap, fmt);
    prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    full = g_strconcat(prefix, (*errp)->msg, NULL);
    g_free(prefix);
    g_free((*errp)->msg);
    (*errp)->msg = full;
}

void error_append_hint(Error **errp, const char *fmt, ...)
{
    va_list ap;
    Error *err;

    /*
     * Hints are for humans: the sentinels would report before the hint
     * exists, so there is nothing to attach it to (QEMU does the same).
     */
    if (errp == NULL || errp == &error_fatal || errp == &error_abort ||
        *errp == NULL) {
        return;
    }
    err = *errp;
    if (err->hint == NULL) {
        err->hint = g_string_new(NULL);
    }
    va_start(ap, fmt);
    g_string_append_vprintf(err->hint, fmt, ap);
    va_end(ap);
}

void error_propagate(Error **dst_errp, Error *local_err)
{
    if (local_err == NULL) {
        return;
    }
    if (dst_errp == &error_abort) {
        error_handle_abort(local_err);
    }
    if (dst_errp == &error_fatal) {
        error_handle_fatal(local_err);
    }
    if (dst_errp == NULL || *dst_errp != NULL) {
        /* The first error wins; later ones are dropped. */
        error_free(local_err);
        return;
    }
    *dst_errp = local_err;
}

static void error_print_hint(const Error *err)
{
    if (err->hint != NULL) {
        error_printf("%s", err->hint->str);
    }
}

void error_report_err(Error *err)
{
    error_report("%s", err->msg);
    error_print_hint(err);
    error_free(err);
}

void warn_report_err(Error *err)
{
    warn_report("%s", err->msg);
    error_print_hint(err);
    error_free(err);
}

Error *error_copy(const Error *err)
{
    Error *copy = g_new0(Error, 1);

    copy->msg = g_strdup(err->msg);
    copy->src = err->src;
    copy->line = err->line;
    copy->func = err->func;
    if (err->hint != NULL) {
        copy->hint = g_string_new(err->hint->str);
    }
    return copy;
}

void error_free(Error *err)
{
    if (err == NULL) {
        return;
    }
    g_free(err->msg);
    if (err->hint != NULL) {
        g_string_free(err->hint, TRUE);
    }
    g_free(err);
}

void error_free_or_abort(Error **errp)
{
    assert(errp != NULL && *errp != NULL);
    error_free(*errp);
    *errp = NULL;
}
