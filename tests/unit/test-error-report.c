/*
 * test-error-report.c: Error objects and the error_report() line format.
 *
 * The expected lines follow Debian QEMU 7.2's output format, e.g.
 * "qemu-system-x86_64: -m foo: <message>" for an option being parsed;
 * reports run in a subprocess and its whole stderr is compared.  Also
 * covers the monitor sink (qemu_print) that swallows the prefix, the
 * location stack, and the error_fatal / error_abort sentinels.
 */
#include "qemu/osdep.h"
#include <signal.h>
#include <sys/wait.h>
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/qemu-print.h"

static void trap_expect_stderr(const char *expect)
{
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(expect);
}

/*
 * Run fn in a forked child with stderr silenced and return its wait
 * status; GTest's trap checks the text, this checks how the child ended.
 */
static int run_child_status(void (*fn)(void))
{
    int status = 0;
    pid_t pid;

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        int null_fd = open("/dev/null", O_WRONLY);

        dup2(null_fd, STDERR_FILENO);
        signal(SIGABRT, SIG_DFL);
        fn();
        _exit(0);
    }
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    return status;
}

/* ---- prefix and location ---- */

static void test_default_progname(void)
{
    if (g_test_subprocess()) {
        g_assert_cmpstr(error_get_progname(), ==, "qemu");
        error_report("hello %d", 1);
        return;
    }
    trap_expect_stderr("qemu: hello 1\n");
}

static void test_progname_basename(void)
{
    if (g_test_subprocess()) {
        error_set_progname("/usr/bin/qemu-system-x86_64");
        g_assert_cmpstr(error_get_progname(), ==, "qemu-system-x86_64");
        error_report("a");
        error_set_progname("./qemu-img");
        error_report("b");
        return;
    }
    trap_expect_stderr("qemu-system-x86_64: a\nqemu-img: b\n");
}

static void test_cmdline_location(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"qemu", (char *)"-m", (char *)"foo",
                         (char *)"-S", NULL };

        error_set_progname("qemu-system-x86_64");
        loc_set_cmdline(argv, 1, 2);
        error_report("Parameter 'size' expects a size");
        warn_report("w %s", "x");
        info_report("i");
        loc_set_cmdline(argv, 3, 1);
        error_report("one word");
        loc_set_none();
        error_report("none");
        return;
    }
    trap_expect_stderr(
        "qemu-system-x86_64: -m foo: Parameter 'size' expects a size\n"
        "qemu-system-x86_64: -m foo: warning: w x\n"
        "qemu-system-x86_64: -m foo: info: i\n"
        "qemu-system-x86_64: -S: one word\n"
        "qemu-system-x86_64: none\n");
}

static void test_file_location(void)
{
    if (g_test_subprocess()) {
        error_set_progname("qemu-system-x86_64");
        loc_set_file("vm.cfg", 12);
        error_report("bad line");
        loc_set_file(NULL, 13);
        warn_report("next line");
        loc_set_file("other.cfg", 0);
        error_report("whole file");
        loc_set_none();
        return;
    }
    trap_expect_stderr(
        "qemu-system-x86_64: vm.cfg:12: bad line\n"
        "qemu-system-x86_64: vm.cfg:13: warning: next line\n"
        "qemu-system-x86_64: other.cfg: whole file\n");
}

static void test_location_stack(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"-smp", (char *)"8", NULL };
        Location inner, saved;

        error_set_progname("q");
        loc_set_cmdline(argv, 0, 2);
        loc_save(&saved);
        loc_push_none(&inner);
        error_report("pushed");
        loc_set_file("f", 1);
        error_report("pushed file");
        loc_restore(&saved);
        error_report("restored into pushed");
        g_assert_true(loc_pop(&inner) == &inner);
        error_report("popped");
        loc_set_none();
        error_report("cleared");
        loc_restore(&saved);
        error_report("restored");
        loc_set_none();
        return;
    }
    trap_expect_stderr(
        "q: pushed\n"
        "q: f:1: pushed file\n"
        "q: -smp 8: restored into pushed\n"
        "q: -smp 8: popped\n"
        "q: cleared\n"
        "q: -smp 8: restored\n");
}

static void test_error_printf(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"-m", (char *)"x", NULL };

        loc_set_cmdline(argv, 0, 2);
        error_printf("raw %s\n", "text");
        loc_set_none();
        return;
    }
    trap_expect_stderr("raw text\n");
}

/* ---- the monitor sink ---- */

static int capture_sink(void *opaque, const char *fmt, va_list ap)
{
    GString *s = opaque;
    gsize before = s->len;

    g_string_append_vprintf(s, fmt, ap);
    return s->len - before;
}

static void test_sink(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"-m", (char *)"x", NULL };
        GString *s = g_string_new(NULL);

        error_set_progname("qemu-system-x86_64");
        loc_set_cmdline(argv, 0, 2);
        g_assert_false(qemu_print_sink_active());
        qemu_print_set_sink(capture_sink, s);
        g_assert_true(qemu_print_sink_active());
        error_report("no such device '%s'", "x");
        warn_report("careful");
        error_printf("raw\n");
        g_assert_cmpint(qemu_printf("info %d\n", 5), ==, 7);
        qemu_print_set_sink(NULL, NULL);
        g_assert_false(qemu_print_sink_active());
        g_assert_cmpstr(s->str, ==,
                        "no such device 'x'\nwarning: careful\nraw\n"
                        "info 5\n");
        qemu_printf("to stdout\n");
        error_report("to stderr");
        loc_set_none();
        g_string_free(s, TRUE);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("to stdout\n");
    g_test_trap_assert_stderr("qemu-system-x86_64: -m x: to stderr\n");
}

static gpointer report_thread(gpointer opaque)
{
    error_report("from thread");
    qemu_printf("thread stdout\n");
    fflush(stdout);
    return NULL;
}

/* The sink belongs to the thread that installed it. */
static void test_sink_per_thread(void)
{
    if (g_test_subprocess()) {
        GString *s = g_string_new(NULL);

        qemu_print_set_sink(capture_sink, s);
        g_thread_join(g_thread_new("reporter", report_thread, NULL));
        error_report("from main");
        qemu_print_set_sink(NULL, NULL);
        g_assert_cmpstr(s->str, ==, "from main\n");
        g_string_free(s, TRUE);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("thread stdout\n");
    g_test_trap_assert_stderr("qemu: from thread\n");
}

/* ---- Error objects ---- */

static bool fail_with(Error **errp, const char *what)
{
    error_setg(errp, "failed: %s", what);
    return false;
}

static void test_error_basic(void)
{
    Error *err = NULL;
    Error *copy;
    g_autofree char *expect = g_strdup_printf("open foo: %s",
                                              strerror(ENOENT));

    g_assert_false(fail_with(&err, "x"));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "failed: x");
    error_prepend(&err, "while %s: ", "loading");
    g_assert_cmpstr(error_get_pretty(err), ==, "while loading: failed: x");
    copy = error_copy(err);
    error_free_or_abort(&err);
    g_assert_null(err);
    g_assert_cmpstr(error_get_pretty(copy), ==, "while loading: failed: x");
    error_free(copy);

    error_setg_errno(&err, ENOENT, "open %s", "foo");
    g_assert_cmpstr(error_get_pretty(err), ==, expect);
    error_free(err);

    /* NULL ignores, and prepend/hint on nothing are no-ops. */
    g_assert_false(fail_with(NULL, "ignored"));
    error_prepend(NULL, "x");
    err = NULL;
    error_prepend(&err, "x");
    error_append_hint(&err, "x");
    g_assert_null(err);
    error_free(NULL);
}

static void test_error_propagate(void)
{
    Error *dst = NULL;
    Error *a = NULL;
    Error *b = NULL;

    error_propagate(&dst, NULL);
    g_assert_null(dst);

    fail_with(&a, "first");
    error_propagate(&dst, a);
    g_assert_cmpstr(error_get_pretty(dst), ==, "failed: first");

    /* The first error wins; the second is freed (ASan checks). */
    fail_with(&b, "second");
    error_propagate(&dst, b);
    g_assert_cmpstr(error_get_pretty(dst), ==, "failed: first");

    /* Propagating into NULL frees it. */
    error_propagate(NULL, dst);
}

static void test_report_err_hint(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"-chardev", (char *)"null,id=1a", NULL };
        Error *err = NULL;

        error_set_progname("qemu-system-x86_64");
        loc_set_cmdline(argv, 0, 2);
        error_setg(&err, "Parameter '%s' expects %s", "id", "an identifier");
        error_append_hint(&err, "Identifiers consist of letters, digits, ");
        error_append_hint(&err, "'-', '.', '_', starting with a letter.\n");
        error_report_err(err);
        err = NULL;
        error_setg(&err, "deprecated thing");
        error_append_hint(&err, "use the other thing\n");
        warn_report_err(err);
        loc_set_none();
        return;
    }
    trap_expect_stderr(
        "qemu-system-x86_64: -chardev null,id=1a: Parameter 'id' expects "
        "an identifier\n"
        "Identifiers consist of letters, digits, '-', '.', '_', starting "
        "with a letter.\n"
        "qemu-system-x86_64: -chardev null,id=1a: warning: deprecated "
        "thing\n"
        "use the other thing\n");
}

static void set_fatal(void)
{
    error_set_progname("qemu-system-x86_64");
    error_setg(&error_fatal, "cannot set up %s", "guest memory");
}

static void test_error_fatal(void)
{
    int status;

    if (g_test_subprocess()) {
        set_fatal();
        g_assert_not_reached();
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(
        "qemu-system-x86_64: cannot set up guest memory\n");
    status = run_child_status(set_fatal);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
}

static void propagate_fatal(void)
{
    Error *err = NULL;

    fail_with(&err, "late");
    error_append_hint(&err, "a hint\n");
    error_propagate(&error_fatal, err);
}

static void test_error_fatal_propagate(void)
{
    int status;

    if (g_test_subprocess()) {
        propagate_fatal();
        g_assert_not_reached();
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu: failed: late\na hint\n");
    status = run_child_status(propagate_fatal);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
}

static void set_abort(void)
{
    fail_with(&error_abort, "cannot happen");
}

static void test_error_abort(void)
{
    int status;

    if (g_test_subprocess()) {
        set_abort();
        g_assert_not_reached();
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("Unexpected error in fail_with() at "
                              "*test-error-report.c:*:\n"
                              "qemu: failed: cannot happen\n*");
    status = run_child_status(set_abort);
    g_assert_true(WIFSIGNALED(status));
    g_assert_cmpint(WTERMSIG(status), ==, SIGABRT);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/error-report/default-progname", test_default_progname);
    g_test_add_func("/error-report/progname-basename",
                    test_progname_basename);
    g_test_add_func("/error-report/cmdline-location", test_cmdline_location);
    g_test_add_func("/error-report/file-location", test_file_location);
    g_test_add_func("/error-report/location-stack", test_location_stack);
    g_test_add_func("/error-report/error-printf", test_error_printf);
    g_test_add_func("/error-report/sink", test_sink);
    g_test_add_func("/error-report/sink-per-thread", test_sink_per_thread);
    g_test_add_func("/error/basic", test_error_basic);
    g_test_add_func("/error/propagate", test_error_propagate);
    g_test_add_func("/error/report-err-hint", test_report_err_hint);
    g_test_add_func("/error/fatal", test_error_fatal);
    g_test_add_func("/error/fatal-propagate", test_error_fatal_propagate);
    g_test_add_func("/error/abort", test_error_abort);
    return g_test_run();
}
