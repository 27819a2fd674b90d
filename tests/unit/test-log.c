/*
 * test-log.c: -d item parsing, the -d help listing and -D log files.
 *
 * The listing and the error texts are those Debian QEMU 7.2 prints for
 * "qemu-system-x86_64 -d help", "-D /tmp/x%s", "-d tid" and an unopenable
 * -D path.  Files go to a private temporary directory.
 */
#include "qemu/osdep.h"
#include <sys/syscall.h>
#include <glib/gstdio.h>
#include "qapi/error.h"
#include "qemu/log.h"

/* "-d help" of QEMU 7.2, without the trace:PATTERN lines we lack. */
static const char expected_usage[] =
    "Log items (comma separated):\n"
    "out_asm         show generated host assembly code for each compiled TB\n"
    "in_asm          show target assembly code for each compiled TB\n"
    "op              show micro ops for each compiled TB\n"
    "op_opt          show micro ops after optimization\n"
    "op_ind          show micro ops before indirect lowering\n"
    "int             show interrupts/exceptions in short format\n"
    "exec            show trace before each executed TB (lots of logs)\n"
    "cpu             show CPU registers before entering a TB "
    "(lots of logs)\n"
    "fpu             include FPU registers in the 'cpu' logging\n"
    "mmu             log MMU-related activities\n"
    "pcall           x86 only: show protected mode far "
    "calls/returns/exceptions\n"
    "cpu_reset       show CPU state before CPU resets\n"
    "unimp           log unimplemented functionality\n"
    "guest_errors    log when the guest OS does something invalid "
    "(eg accessing a\n"
    "non-existent register)\n"
    "page            dump pages at beginning of user mode emulation\n"
    "nochain         do not chain compiled TBs so that \"exec\" and \"cpu\" "
    "show\n"
    "complete traces\n"
    "plugin          output from TCG plugins\n"
    "\n"
    "strace          log every user-mode syscall, its input, and its result\n"
    "tid             open a separate log file per thread; filename must "
    "contain '%d'\n";

static char *tmp_dir;

static char *read_file(const char *path)
{
    char *contents = NULL;

    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    return contents;
}

/* Back to the default: no items, stderr. */
static void log_reset(void)
{
    g_assert_true(qemu_set_log_filename_flags(NULL, 0, &error_abort));
}

/* ---- items ---- */

static void test_mask_parse(void)
{
    g_assert_cmpint(qemu_str_to_log_mask("in_asm", &error_abort), ==,
                    CPU_LOG_TB_IN_ASM);
    g_assert_cmpint(qemu_str_to_log_mask("in_asm,int", &error_abort), ==,
                    CPU_LOG_TB_IN_ASM | CPU_LOG_INT);
    g_assert_cmpint(qemu_str_to_log_mask("guest_errors,unimp,guest_errors",
                                         &error_abort), ==,
                    LOG_GUEST_ERROR | LOG_UNIMP);
    g_assert_cmpint(qemu_str_to_log_mask("cpu,exec,nochain", &error_abort),
                    ==, CPU_LOG_TB_CPU | CPU_LOG_EXEC | CPU_LOG_TB_NOCHAIN);
    g_assert_cmpint(qemu_str_to_log_mask("cpu_reset,mmu,pcall,page",
                                         &error_abort), ==,
                    CPU_LOG_RESET | CPU_LOG_MMU | CPU_LOG_PCALL |
                    CPU_LOG_PAGE);
    g_assert_cmpint(qemu_str_to_log_mask("op,op_opt,op_ind,out_asm,fpu",
                                         &error_abort), ==,
                    CPU_LOG_TB_OP | CPU_LOG_TB_OP_OPT | CPU_LOG_TB_OP_IND |
                    CPU_LOG_TB_OUT_ASM | CPU_LOG_TB_FPU);
    g_assert_cmpint(qemu_str_to_log_mask("plugin,strace,tid", &error_abort),
                    ==, CPU_LOG_PLUGIN | LOG_STRACE | LOG_PER_THREAD);
}

static void test_mask_all(void)
{
    int all = qemu_str_to_log_mask("all", &error_abort);

    g_assert_cmpint(all & CPU_LOG_TB_OUT_ASM, !=, 0);
    g_assert_cmpint(all & LOG_GUEST_ERROR, !=, 0);
    g_assert_cmpint(all & LOG_UNIMP, !=, 0);
    /* As in QEMU, "all" includes tid (and so needs a %d file name). */
    g_assert_cmpint(all & LOG_PER_THREAD, !=, 0);
    /* Only bits that name an item. */
    g_assert_cmpint(all & LOG_TRACE, ==, 0);
    g_assert_cmpint(qemu_str_to_log_mask("int,all", &error_abort), ==, all);
}

static void assert_mask_error(const char *str, const char *msg)
{
    Error *err = NULL;

    g_assert_cmpint(qemu_str_to_log_mask(str, &err), ==, 0);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_mask_errors(void)
{
    assert_mask_error("foo", "Unknown logging item 'foo'");
    assert_mask_error("in_asm,foo", "Unknown logging item 'foo'");
    assert_mask_error("int,", "Unknown logging item ''");
    assert_mask_error("", "Unknown logging item ''");
    assert_mask_error("INT", "Unknown logging item 'INT'");
    assert_mask_error("help", "Unknown logging item 'help'");
}

static void test_usage(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    qemu_print_log_usage(f);
    fclose(f);
    g_assert_cmpstr(buf, ==, expected_usage);
    free(buf);
}

/* ---- log files ---- */

static void test_logfile_pid(void)
{
    g_autofree char *template = g_build_filename(tmp_dir, "log-%d.txt",
                                                 NULL);
    g_autofree char *name = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *path = NULL;

    name = g_strdup_printf("log-%d.txt", (int)getpid());
    path = g_build_filename(tmp_dir, name, NULL);
    g_assert_true(g_file_set_contents(path, "stale data\n", -1, NULL));

    g_assert_true(qemu_set_log_filename_flags(template, LOG_GUEST_ERROR,
                                              &error_abort));
    g_assert_true(qemu_loglevel_mask(LOG_GUEST_ERROR));
    g_assert_false(qemu_loglevel_mask(LOG_UNIMP));
    qemu_log_mask(LOG_GUEST_ERROR, "guest wrote %#x\n", 0x3f8);
    qemu_log_mask(LOG_UNIMP, "not logged\n");
    qemu_log("plain %s\n", "line");
    /* Line buffered: visible before the file is closed. */
    contents = read_file(path);
    g_assert_cmpstr(contents, ==, "guest wrote 0x3f8\nplain line\n");
    log_reset();
    g_assert_cmpint(qemu_loglevel, ==, 0);
    g_unlink(path);
}

static void assert_set_error(const char *filename, int mask,
                             const char *msg)
{
    Error *err = NULL;

    g_assert_false(qemu_set_log_filename_flags(filename, mask, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_logfile_errors(void)
{
    g_autofree char *good = g_build_filename(tmp_dir, "good.txt", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *msg = g_strdup_printf(
        "Error opening logfile /nonexistent-dir/x: %s", strerror(ENOENT));

    g_assert_true(qemu_set_log_filename_flags(good, CPU_LOG_INT,
                                              &error_abort));
    assert_set_error("/tmp/x%s", CPU_LOG_INT,
                     "Bad logfile template: /tmp/x%s");
    assert_set_error("/tmp/x%d%d", CPU_LOG_INT,
                     "Bad logfile template: /tmp/x%d%d");
    assert_set_error("/tmp/x%", CPU_LOG_INT, "Bad logfile template: /tmp/x%");
    assert_set_error(NULL, LOG_PER_THREAD,
                     "Filename template with '%d' required for 'tid'");
    assert_set_error("/tmp/x", LOG_PER_THREAD | CPU_LOG_INT,
                     "Filename template with '%d' required for 'tid'");
    assert_set_error("/nonexistent-dir/x", CPU_LOG_INT, msg);

    /* A failed change leaves the previous setup working. */
    g_assert_cmpint(qemu_loglevel, ==, CPU_LOG_INT);
    qemu_log_mask(CPU_LOG_INT, "still here\n");
    contents = read_file(good);
    g_assert_cmpstr(contents, ==, "still here\n");
    log_reset();
    g_unlink(good);
}

static void test_logfile_reopen_truncates(void)
{
    g_autofree char *path = g_build_filename(tmp_dir, "again.txt", NULL);
    g_autofree char *c1 = NULL;
    g_autofree char *c2 = NULL;

    g_assert_true(qemu_set_log_filename_flags(path, 0, &error_abort));
    qemu_log("first\n");
    c1 = read_file(path);
    g_assert_cmpstr(c1, ==, "first\n");
    g_assert_true(qemu_set_log_filename_flags(path, 0, &error_abort));
    qemu_log("second\n");
    c2 = read_file(path);
    g_assert_cmpstr(c2, ==, "second\n");
    log_reset();
    g_unlink(path);
}

static void test_trylock(void)
{
    g_autofree char *path = g_build_filename(tmp_dir, "dump.txt", NULL);
    g_autofree char *contents = NULL;
    FILE *f;

    g_assert_true(qemu_set_log_filename_flags(path, CPU_LOG_TB_CPU,
                                              &error_abort));
    f = qemu_log_trylock();
    g_assert_nonnull(f);
    fprintf(f, "RAX=0\n");
    /* The lock is recursive: qemu_log works inside a locked dump. */
    qemu_log("RBX=%d\n", 1);
    fprintf(f, "RCX=2\n");
    qemu_log_unlock(f);
    contents = read_file(path);
    g_assert_cmpstr(contents, ==, "RAX=0\nRBX=1\nRCX=2\n");
    log_reset();
    g_unlink(path);
}

#define LOG_THREADS 4
#define LOG_LINES 500

static gpointer log_lines_thread(gpointer opaque)
{
    int id = GPOINTER_TO_INT(opaque);
    int i;

    for (i = 0; i < LOG_LINES; i++) {
        if (i % 2) {
            qemu_log("thread %d line %d\n", id, i);
        } else {
            FILE *f = qemu_log_trylock();

            fprintf(f, "thread %d ", id);
            fprintf(f, "line %d\n", i);
            qemu_log_unlock(f);
        }
    }
    return NULL;
}

/* Whole lines from concurrent writers, each thread's in its own order. */
static void test_threads_whole_lines(void)
{
    g_autofree char *path = g_build_filename(tmp_dir, "mt.txt", NULL);
    g_autofree char *contents = NULL;
    GThread *threads[LOG_THREADS];
    int next[LOG_THREADS] = { 0 };
    g_auto(GStrv) lines = NULL;
    int i;

    g_assert_true(qemu_set_log_filename_flags(path, CPU_LOG_EXEC,
                                              &error_abort));
    for (i = 0; i < LOG_THREADS; i++) {
        threads[i] = g_thread_new("log", log_lines_thread,
                                  GINT_TO_POINTER(i));
    }
    for (i = 0; i < LOG_THREADS; i++) {
        g_thread_join(threads[i]);
    }
    log_reset();
    contents = read_file(path);
    lines = g_strsplit(contents, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, LOG_THREADS * LOG_LINES + 1);
    for (i = 0; i < LOG_THREADS * LOG_LINES; i++) {
        int id, n;

        g_assert_cmpint(sscanf(lines[i], "thread %d line %d", &id, &n),
                        ==, 2);
        g_assert_cmpint(id, >=, 0);
        g_assert_cmpint(id, <, LOG_THREADS);
        g_assert_cmpint(n, ==, next[id]);
        next[id]++;
    }
    g_unlink(path);
}

static gpointer per_thread_logger(gpointer opaque)
{
    long *tid = opaque;

    *tid = (long)syscall(SYS_gettid);
    qemu_log("hello from %ld\n", *tid);
    return NULL;
}

static void test_per_thread_files(void)
{
    g_autofree char *template = g_build_filename(tmp_dir, "tid-%d.log",
                                                 NULL);
    long tids[2];
    int i;

    g_assert_true(qemu_set_log_filename_flags(template,
                                              LOG_PER_THREAD | CPU_LOG_INT,
                                              &error_abort));
    for (i = 0; i < 2; i++) {
        g_thread_join(g_thread_new("tid", per_thread_logger, &tids[i]));
    }
    for (i = 0; i < 2; i++) {
        g_autofree char *name = g_strdup_printf("tid-%ld.log", tids[i]);
        g_autofree char *path = g_build_filename(tmp_dir, name, NULL);
        g_autofree char *expect = g_strdup_printf("hello from %ld\n",
                                                  tids[i]);
        g_autofree char *contents = read_file(path);

        g_assert_cmpstr(contents, ==, expect);
        g_unlink(path);
    }
    log_reset();
}

/* Without -D the log is stderr. */
static void test_stderr_default(void)
{
    if (g_test_subprocess()) {
        g_assert_true(qemu_set_log_filename_flags(NULL, LOG_UNIMP,
                                                  &error_abort));
        qemu_log_mask(LOG_UNIMP, "unimplemented reg %d\n", 7);
        qemu_log_mask(LOG_GUEST_ERROR, "hidden\n");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("");
    g_test_trap_assert_stderr("unimplemented reg 7\n");
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmp_dir = g_dir_make_tmp("test-log-XXXXXX", NULL);
    g_assert_nonnull(tmp_dir);
    g_test_add_func("/log/mask/parse", test_mask_parse);
    g_test_add_func("/log/mask/all", test_mask_all);
    g_test_add_func("/log/mask/errors", test_mask_errors);
    g_test_add_func("/log/usage", test_usage);
    g_test_add_func("/log/file/pid", test_logfile_pid);
    g_test_add_func("/log/file/errors", test_logfile_errors);
    g_test_add_func("/log/file/reopen-truncates",
                    test_logfile_reopen_truncates);
    g_test_add_func("/log/file/trylock", test_trylock);
    g_test_add_func("/log/file/threads", test_threads_whole_lines);
    g_test_add_func("/log/file/per-thread", test_per_thread_files);
    g_test_add_func("/log/stderr-default", test_stderr_default);
    ret = g_test_run();
    g_rmdir(tmp_dir);
    g_free(tmp_dir);
    return ret;
}
