/*
 * test-hmp.c: the human monitor end to end, in process.
 *
 * Each test puts a monitor on a unix-socket server chardev in a fresh
 * temporary directory, connects to it as a client would and spins the
 * main loop until the expected text arrives.  Expected strings are
 * Debian QEMU 7.2's (qemu-system-x86_64 -M none -monitor unix:...),
 * recorded from that binary: banner, help lines, error wording, "info
 * status" strings.  Argument parsing, the qemu_printf() sink and
 * -mon option handling are checked through a detached monitor.
 *
 * Nothing here waits on the clock to pass: a test waits for text, and
 * gives up (fails) only after a generous deadline.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "config-host.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "qemu/qemu-print.h"
#include "qom/object.h"
#include "chardev/char.h"
#include "exec/memory.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "monitor/monitor.h"
#include "monitor/hmp.h"

#define BANNER "QEMU 7.2.0 monitor - type 'help' for more information\r\n"
#define PROMPT "(qemu) "
#define WAIT_LIMIT_US (30 * G_USEC_PER_SEC)

typedef struct Fixture {
    char *dir;
    char *path;
    char *id;
    QemuOpts *opts;
    Chardev *chr;
    int fd;
    GString *in;            /* received, not yet consumed */
} Fixture;

/* ---- Client side ---- */

static int client_connect(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpuint(strlen(path), <, sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    /* The server listens already; the main loop accepts later. */
    g_assert_cmpint(connect(fd, (struct sockaddr *)&addr, sizeof(addr)),
                    ==, 0);
    g_assert_cmpint(fcntl(fd, F_SETFL, O_NONBLOCK), ==, 0);
    return fd;
}

static void client_send(Fixture *f, const char *bytes)
{
    size_t len = strlen(bytes);

    g_assert_cmpint(write(f->fd, bytes, len), ==, len);
}

/* One main loop iteration, then take whatever the monitor sent. */
static void pump(Fixture *f)
{
    struct pollfd pfd = { .fd = f->fd, .events = POLLIN };
    char buf[4096];
    ssize_t n;

    main_loop_wait(true);
    if (poll(&pfd, 1, 2) > 0) {
        n = read(f->fd, buf, sizeof(buf));
        if (n > 0) {
            g_string_append_len(f->in, buf, n);
        }
    }
}

/* Wait for expect; return and consume everything up to its end. */
static char *wait_for(Fixture *f, const char *expect)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_LIMIT_US;
    const char *hit;
    char *out;
    size_t len;

    while ((hit = strstr(f->in->str, expect)) == NULL) {
        if (g_get_monotonic_time() > deadline) {
            g_error("no \"%s\" from the monitor; got \"%s\"", expect,
                    f->in->str);
        }
        pump(f);
    }
    len = hit - f->in->str + strlen(expect);
    out = g_strndup(f->in->str, len);
    g_string_erase(f->in, 0, len);
    return out;
}

/*
 * Type a command and Enter; return its output.  The echo (the line
 * itself, typed at the end of the line) and the next prompt are checked
 * and stripped.
 */
static char *run(Fixture *f, const char *line)
{
    g_autofree char *typed = g_strdup_printf("%s\r", line);
    g_autofree char *echo = g_strdup_printf("%s\r\n", line);
    char *out;

    client_send(f, typed);
    out = wait_for(f, "\r\n" PROMPT);
    g_assert_true(g_str_has_prefix(out, echo));
    memmove(out, out + strlen(echo), strlen(out) - strlen(echo) + 1);
    out[strlen(out) - strlen(PROMPT)] = '\0';
    return out;
}

static void assert_run(Fixture *f, const char *line, const char *expect)
{
    g_autofree char *out = run(f, line);

    g_assert_cmpstr(out, ==, expect);
}

/* ---- Fixture ---- */

static void fx_setup(Fixture *f, gconstpointer data)
{
    static int counter;
    bool use_readline = data == NULL;
    g_autofree char *spec = NULL;
    g_autofree char *banner = NULL;

    f->dir = g_dir_make_tmp("test-hmp-XXXXXX", NULL);
    g_assert_nonnull(f->dir);
    f->path = g_build_filename(f->dir, "mon.sock", NULL);
    f->id = g_strdup_printf("hmp%d", counter++);
    spec = g_strdup_printf("socket,id=%s,path=%s,server=on,wait=off",
                           f->id, f->path);
    f->opts = qemu_opts_parse(&qemu_chardev_opts, spec, true, &error_abort);
    f->chr = qemu_chr_new_from_opts(f->opts, NULL, &error_abort);
    g_assert_true(monitor_init_hmp(f->chr, use_readline, &error_abort));
    f->in = g_string_new(NULL);
    f->fd = client_connect(f->path);
    banner = wait_for(f, use_readline ? BANNER PROMPT : BANNER);
    g_assert_cmpstr(banner, ==, use_readline ? BANNER PROMPT : BANNER);
}

static void fx_teardown(Fixture *f, gconstpointer data)
{
    close(f->fd);
    monitor_cleanup();
    qemu_chr_cleanup();
    qemu_opts_del(f->opts);
    unlink(f->path);
    rmdir(f->dir);
    g_string_free(f->in, TRUE);
    g_free(f->id);
    g_free(f->path);
    g_free(f->dir);
}

#define ADD_TEST(path, fn) \
    g_test_add(path, Fixture, NULL, fx_setup, fn, fx_teardown)

/* ---- Banner, connections ---- */

static void test_reconnect(Fixture *f, gconstpointer data)
{
    g_autofree char *banner = NULL;

    /* A half-typed line does not survive the client. */
    client_send(f, "inf");
    g_free(wait_for(f, "inf"));
    close(f->fd);
    f->fd = client_connect(f->path);
    banner = wait_for(f, BANNER PROMPT);
    g_assert_true(g_str_has_suffix(banner, BANNER PROMPT));
    assert_run(f, "o", "unknown command: 'o'\r\n");
}

/* ---- help and info lists (lines recorded from QEMU 7.2) ---- */

static const char help_all[] =
    "cont|c  -- resume emulation\r\n"
    "help|? [cmd] -- show the help\r\n"
    "info [subcommand] -- show various information about the system "
    "state\r\n"
    "quit|q  -- quit the emulator\r\n"
    "stop|s  -- stop emulation\r\n"
    "system_powerdown  -- send system power down event\r\n"
    "system_reset  -- reset the system\r\n";

static const char info_all[] =
    "info chardev  -- show the character devices\r\n"
    "info history  -- show the command line history\r\n"
    "info lapic [apic-id] -- show local apic state (apic-id: local apic "
    "to read, default is which of current CPU)\r\n"
    "info mtree [-f][-d][-o][-D] -- show memory tree (-f: dump flat view "
    "for address spaces;-d: dump dispatch tree, valid with -f only);"
    "-o: dump region owners/parents;-D: dump disabled regions\r\n"
    "info name  -- show the current VM name\r\n"
    "info pic  -- show PIC state\r\n"
    "info qtree  -- show device tree\r\n"
    "info status  -- show the current VM status (running|paused)\r\n"
    "info version  -- show the version of QEMU\r\n";

static void test_help(Fixture *f, gconstpointer data)
{
    assert_run(f, "help", help_all);
    assert_run(f, "?", help_all);
    assert_run(f, "help   ", help_all);
    assert_run(f, "help stop", "stop|s  -- stop emulation\r\n");
    assert_run(f, "help s", "stop|s  -- stop emulation\r\n");
    assert_run(f, "? cont", "cont|c  -- resume emulation\r\n");
    assert_run(f, "help stop extra", "stop|s  -- stop emulation\r\n");
    assert_run(f, "help info status",
               "info status  -- show the current VM status "
               "(running|paused)\r\n");
    assert_run(f, "help foo", "unknown command: 'foo'\r\n");
    assert_run(f, "help info foo", "unknown command: 'info foo'\r\n");
    assert_run(f, "help c|cont", "unknown command: 'c|cont'\r\n");
}

static void test_info_list(Fixture *f, gconstpointer data)
{
    assert_run(f, "info", info_all);
    assert_run(f, "help info", info_all);
    assert_run(f, "help info ", info_all);
}

/* ---- Errors ---- */

static void test_unknown_command(Fixture *f, gconstpointer data)
{
    assert_run(f, "foo", "unknown command: 'foo'\r\n");
    assert_run(f, "foo bar", "unknown command: 'foo'\r\n");
    assert_run(f, "  foo", "unknown command: '  foo'\r\n");
    assert_run(f, "INFO version", "unknown command: 'INFO'\r\n");
    assert_run(f, "info foo", "unknown command: 'info foo'\r\n");
    assert_run(f, "  info   foo  bar", "unknown command: '  info   foo'\r\n");
    assert_run(f, "stop|s", "unknown command: 'stop|s'\r\n");
    assert_run(f, "", "");
    assert_run(f, "   ", "");
}

static void test_argument_errors(Fixture *f, gconstpointer data)
{
    assert_run(f, "stop extra",
               "stop|s: extraneous characters at the end of line\r\n"
               "Try \"help stop\" for more information\r\n");
    assert_run(f, "s extra",
               "stop|s: extraneous characters at the end of line\r\n"
               "Try \"help s\" for more information\r\n");
    assert_run(f, "  stop   extra",
               "stop|s: extraneous characters at the end of line\r\n"
               "Try \"help   stop\" for more information\r\n");
    assert_run(f, "info status extra",
               "status: extraneous characters at the end of line\r\n"
               "Try \"help info status\" for more information\r\n");
    assert_run(f, "info   status  x",
               "status: extraneous characters at the end of line\r\n"
               "Try \"help info   status\" for more information\r\n");
    assert_run(f, "info mtree -x",
               "mtree: unsupported option -x\r\n"
               "Try \"help info mtree\" for more information\r\n");
    assert_run(f, "info mtree -fd",
               "mtree: extraneous characters at the end of line\r\n"
               "Try \"help info mtree\" for more information\r\n");
}

/* ---- info ---- */

static void test_info_version(Fixture *f, gconstpointer data)
{
    g_assert_cmpstr(QEMU_VERSION, ==, "7.2.0");
    assert_run(f, "info version", QEMU_VERSION QEMU_PKGVERSION "\r\n");
    assert_run(f, "info   version  ", QEMU_VERSION QEMU_PKGVERSION "\r\n");
}

static void test_info_status(Fixture *f, gconstpointer data)
{
    runstate_set(RUN_STATE_PRELAUNCH);
    assert_run(f, "info status", "VM status: paused (prelaunch)\r\n");
    assert_run(f, "cont", "");
    assert_run(f, "info status", "VM status: running\r\n");
    assert_run(f, "cont", "");
    assert_run(f, "info status", "VM status: running\r\n");
    assert_run(f, "stop", "");
    assert_run(f, "info status", "VM status: paused\r\n");
    assert_run(f, "c", "");
    assert_run(f, "info status", "VM status: running\r\n");
    assert_run(f, "s", "");
    assert_run(f, "info status", "VM status: paused\r\n");
}

static void test_info_status_reasons(Fixture *f, gconstpointer data)
{
    static const struct {
        RunState state;
        const char *text;
    } cases[] = {
        { RUN_STATE_DEBUG, "VM status: paused (debug)\r\n" },
        { RUN_STATE_INMIGRATE, "VM status: paused (inmigrate)\r\n" },
        { RUN_STATE_INTERNAL_ERROR,
          "VM status: paused (internal-error)\r\n" },
        { RUN_STATE_IO_ERROR, "VM status: paused (io-error)\r\n" },
        { RUN_STATE_POSTMIGRATE, "VM status: paused (postmigrate)\r\n" },
        { RUN_STATE_FINISH_MIGRATE,
          "VM status: paused (finish-migrate)\r\n" },
        { RUN_STATE_RESTORE_VM, "VM status: paused (restore-vm)\r\n" },
        { RUN_STATE_SAVE_VM, "VM status: paused (save-vm)\r\n" },
        { RUN_STATE_SHUTDOWN, "VM status: paused (shutdown)\r\n" },
        { RUN_STATE_SUSPENDED, "VM status: paused (suspended)\r\n" },
        { RUN_STATE_WATCHDOG, "VM status: paused (watchdog)\r\n" },
        { RUN_STATE_GUEST_PANICKED,
          "VM status: paused (guest-panicked)\r\n" },
        { RUN_STATE_COLO, "VM status: paused (colo)\r\n" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        runstate_set(cases[i].state);
        assert_run(f, "info status", cases[i].text);
    }

    /* A VM that shut down must be reset before it can run again. */
    runstate_set(RUN_STATE_SHUTDOWN);
    assert_run(f, "cont",
               "Error: Resetting the Virtual Machine is required\r\n");
    assert_run(f, "info status", "VM status: paused (shutdown)\r\n");
    runstate_set(RUN_STATE_PRELAUNCH);
}

static void test_info_name(Fixture *f, gconstpointer data)
{
    /* No -name in this process: QEMU prints nothing at all. */
    g_assert_null(qemu_get_vm_name());
    assert_run(f, "info name", "");
}

static void test_info_mtree(Fixture *f, gconstpointer data)
{
    g_autofree char *tree = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *all = NULL;
    g_autofree char *reordered = NULL;

    get_system_memory();
    tree = run(f, "info mtree");
    g_assert_true(g_str_has_prefix(tree, "address-space: memory\r\n"));
    g_assert_nonnull(strstr(tree, "(prio 0, i/o): system\r\n"));
    g_assert_nonnull(strstr(tree, "address-space: I/O\r\n"));

    /* -f reaches mtree_info(): flat views instead of the trees. */
    flat = run(f, "info mtree -f");
    g_assert_true(g_str_has_prefix(flat, "FlatView #"));
    all = run(f, "info mtree -f -d -o -D");
    g_assert_true(g_str_has_prefix(all, "FlatView #"));
    reordered = run(f, "info mtree -D -o -d -f");
    g_assert_cmpstr(reordered, ==, all);
}

static void test_info_qtree(Fixture *f, gconstpointer data)
{
    g_autofree char *out = run(f, "info qtree");

    g_assert_true(g_str_has_prefix(out, "bus: main-system-bus\r\n"));
}

static void test_info_chardev(Fixture *f, gconstpointer data)
{
    g_autofree char *out = run(f, "info chardev");
    g_autofree char *line = g_strdup_printf("%s: filename=", f->id);

    g_assert_nonnull(strstr(out, line));
}

/* ---- Line editing over the socket ---- */

static void test_completion(Fixture *f, gconstpointer data)
{
    g_autofree char *list = NULL;
    g_autofree char *out = NULL;

    /* One match: completed with a space. */
    client_send(f, "in\t");
    g_free(wait_for(f, "info "));
    client_send(f, "ver\t");
    g_free(wait_for(f, "version "));
    client_send(f, "\r");
    out = wait_for(f, PROMPT);
    g_assert_cmpstr(out, ==, "\r\n" QEMU_VERSION QEMU_PKGVERSION "\r\n"
                    PROMPT);

    /* help completes command names, and info subcommands after "info". */
    client_send(f, "help inf\t");
    g_free(wait_for(f, "help info "));
    client_send(f, "stat\t");
    g_free(wait_for(f, "us "));
    client_send(f, "\r");
    g_free(out);
    out = wait_for(f, PROMPT);
    g_assert_cmpstr(out, ==, "\r\ninfo status  -- show the current VM "
                    "status (running|paused)\r\n" PROMPT);

    /* Several matches: listed, then the prompt and the line again. */
    client_send(f, "s\t");
    list = wait_for(f, "\r\n" PROMPT "s");
    g_assert_nonnull(strstr(list, "stop"));
    g_assert_nonnull(strstr(list, "system_powerdown"));
    g_assert_nonnull(strstr(list, "system_reset"));
    g_assert_null(strstr(list, "status"));
    client_send(f, "\025");           /* Ctrl-U: erase the line */
    g_free(wait_for(f, "\033[K"));
    assert_run(f, "info version", QEMU_VERSION QEMU_PKGVERSION "\r\n");

    client_send(f, "info \t");
    g_free(list);
    list = wait_for(f, "\r\n" PROMPT "info ");
    g_assert_nonnull(strstr(list, "chardev"));
    g_assert_nonnull(strstr(list, "mtree"));
    g_assert_nonnull(strstr(list, "version"));
    g_assert_null(strstr(list, "cont"));
    client_send(f, "\025");
}

static void test_history(Fixture *f, gconstpointer data)
{
    g_autofree char *out = NULL;

    assert_run(f, "info version", QEMU_VERSION QEMU_PKGVERSION "\r\n");
    assert_run(f, "help stop", "stop|s  -- stop emulation\r\n");

    client_send(f, "\033[A");
    g_free(wait_for(f, "help stop"));
    client_send(f, "\033[A");
    g_free(wait_for(f, "info version"));
    client_send(f, "\r");
    out = wait_for(f, PROMPT);
    g_assert_cmpstr(out, ==, "\r\n" QEMU_VERSION QEMU_PKGVERSION "\r\n"
                    PROMPT);

    /* The recalled line moved to the end, as in QEMU. */
    assert_run(f, "info history",
               "0: 'help stop'\r\n"
               "1: 'info version'\r\n"
               "2: 'info history'\r\n");
}

static void test_editing(Fixture *f, gconstpointer data)
{
    /* As recorded from QEMU: "abc", Ctrl-A, "X", Ctrl-E, "Y". */
    client_send(f, "abc\001X\005Y\r");
    g_free(wait_for(f, "unknown command: 'XabcY'\r\n" PROMPT));
    /* Backspace and Delete, Ctrl-W. */
    client_send(f, "info versiox\177n\033[D\033[D\033[3~o\r");
    g_free(wait_for(f, QEMU_VERSION QEMU_PKGVERSION "\r\n" PROMPT));
    client_send(f, "help help \027\r");
    g_free(wait_for(f, "system_reset  -- reset the system\r\n" PROMPT));
    /* CR LF is one Enter: one prompt after the output. */
    client_send(f, "info version\r\n");
    g_free(wait_for(f, QEMU_VERSION QEMU_PKGVERSION "\r\n" PROMPT));
    assert_run(f, "info name", "");
}

/* ---- Requests ---- */

static int resets;
static int powerdowns;

static void count_reset(void *opaque)
{
    resets++;
}

static void count_powerdown(void *opaque)
{
    powerdowns++;
}

static void test_reset_powerdown(Fixture *f, gconstpointer data)
{
    int status = -1;

    qemu_register_reset(count_reset, NULL);
    qemu_register_powerdown_notifier(count_powerdown, NULL);
    runstate_set(RUN_STATE_PAUSED);

    assert_run(f, "system_reset", "");
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 1);
    g_assert_cmpint(powerdowns, ==, 0);

    assert_run(f, "system_powerdown", "");
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 1);
    g_assert_cmpint(powerdowns, ==, 1);
    qemu_unregister_reset(count_reset, NULL);
}

static void test_quit(Fixture *f, gconstpointer data)
{
    g_autofree char *out = NULL;
    int status = -1;
    int i;

    g_assert_false(main_loop_should_exit(&status));
    client_send(f, "quit\r");
    out = wait_for(f, "quit\r\n");
    g_assert_cmpstr(out, ==, "quit\r\n");
    /* No new prompt and no more commands once quit was typed. */
    client_send(f, "info version\r");
    for (i = 0; i < 20; i++) {
        pump(f);
    }
    g_assert_cmpstr(f->in->str, ==, "");
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 0);
}

/* ---- Without readline ---- */

static void test_raw_mode(Fixture *f, gconstpointer data)
{
    g_autofree char *out = NULL;

    /* No echo, no prompt: each line runs as it arrives. */
    client_send(f, "info version\nfoo\r\n");
    out = wait_for(f, "'foo'\r\n");
    g_assert_cmpstr(out, ==, QEMU_VERSION QEMU_PKGVERSION "\r\n"
                    "unknown command: 'foo'\r\n");
}

/* ---- Detached monitor: parsing and the print sink ---- */

static GString *seen;

static void cmd_args(Monitor *mon, const HMPArgs *args)
{
    g_string_printf(seen, "str=%s opt=%s has_opt=%d num=%" PRId64
                    " big=%" PRId64 " sw=%d has_sw=%d",
                    hmp_arg_str(args, "str"),
                    hmp_arg_str(args, "opt") ?: "(none)",
                    hmp_arg_has(args, "opt"),
                    hmp_arg_int(args, "num", -1),
                    hmp_arg_int(args, "big", -1),
                    hmp_arg_bool(args, "sw"), hmp_arg_has(args, "sw"));
}

static void cmd_flags(Monitor *mon, const HMPArgs *args)
{
    g_string_printf(seen, "a=%d b=%d c=%d name=%s",
                    hmp_arg_bool(args, "a"), hmp_arg_bool(args, "b"),
                    hmp_arg_bool(args, "c"),
                    hmp_arg_str(args, "name") ?: "(none)");
}

static void cmd_rest(Monitor *mon, const HMPArgs *args)
{
    g_string_printf(seen, "[%s]", hmp_arg_str(args, "text"));
    /* Keys of another type read as absent. */
    g_assert_false(hmp_arg_bool(args, "text"));
    g_assert_cmpint(hmp_arg_int(args, "text", 7), ==, 7);
}

static void cmd_print(Monitor *mon, const HMPArgs *args)
{
    g_assert_true(monitor_cur() == mon);
    g_assert_true(qemu_print_sink_active());
    qemu_printf("printf %d\n", 42);
    error_report("oops %s", "here");
    error_printf("plain\n");
    monitor_printf(mon, "direct\n");
}

static const HMPCommand test_cmds[] = {
    { "args", "str:s,opt:s?,num:i?,big:l?,sw:b?", "", "", cmd_args },
    { "blk", "dev:B", "", "", cmd_rest },
    { "file", "path:F", "", "", cmd_rest },
    { "flags", "a:-a,b:-b,name:s?,c:-c", "", "", cmd_flags },
    { "print", "", "", "", cmd_print },
    { "rest|r", "text:S", "", "", cmd_rest },
    { NULL },
};

/* Run on a detached monitor; return what it printed. */
static char *detached_run(const char *line)
{
    Monitor *mon = monitor_new_detached();
    char *out;

    g_string_assign(seen, "");
    hmp_handle_command_table(mon, test_cmds, line);
    out = monitor_steal_output(mon);
    monitor_destroy(mon);
    return out;
}

static void assert_parsed(const char *line, const char *expect)
{
    g_autofree char *out = detached_run(line);

    g_assert_cmpstr(out, ==, "");
    g_assert_cmpstr(seen->str, ==, expect);
}

static void assert_rejected(const char *line, const char *expect)
{
    g_autofree char *out = detached_run(line);

    g_assert_cmpstr(out, ==, expect);
    g_assert_cmpstr(seen->str, ==, "");
}

static void test_parse_args(void)
{
    assert_parsed("args hello",
                  "str=hello opt=(none) has_opt=0 num=-1 big=-1 sw=0 "
                  "has_sw=0");
    assert_parsed("args \"a b\\n\\\"\" x 0x10 -5 on",
                  "str=a b\n\" opt=x has_opt=1 num=16 big=-5 sw=1 "
                  "has_sw=1");
    assert_parsed("args s o 1 2 off",
                  "str=s opt=o has_opt=1 num=1 big=2 sw=0 has_sw=1");
    assert_parsed("args s o 4294967295 -9000000000",
                  "str=s opt=o has_opt=1 num=4294967295 big=-9000000000 "
                  "sw=0 has_sw=0");
    assert_rejected("args", "args: string expected\r\n"
                    "Try \"help args\" for more information\r\n");
    assert_rejected("args \"open", "args: string expected\r\n"
                    "Try \"help args\" for more information\r\n");
    assert_rejected("args a b c", "args: integer expected\r\n"
                    "Try \"help args\" for more information\r\n");
    assert_rejected("args a b 0x100000000",
                    "args: integer is for 32-bit values\r\n"
                    "Try \"help args\" for more information\r\n");
    assert_rejected("args a b 1 2 maybe",
                    "args: Expected 'on' or 'off'\r\n"
                    "Try \"help args\" for more information\r\n");
    assert_rejected("args a b 1 2 on x",
                    "args: extraneous characters at the end of line\r\n"
                    "Try \"help args\" for more information\r\n");
    assert_rejected("blk", "blk: block device name expected\r\n"
                    "Try \"help blk\" for more information\r\n");
    assert_rejected("file", "file: filename expected\r\n"
                    "Try \"help file\" for more information\r\n");
}

static void test_parse_flags(void)
{
    assert_parsed("flags", "a=0 b=0 c=0 name=(none)");
    assert_parsed("flags -b -a x", "a=1 b=1 c=0 name=x");
    assert_parsed("flags -a", "a=1 b=0 c=0 name=(none)");
    /* -c belongs after name: before it, it is the name (as in QEMU). */
    assert_parsed("flags -b n -c", "a=0 b=1 c=1 name=n");
    assert_parsed("flags -c", "a=0 b=0 c=0 name=-c");
    assert_rejected("flags -x", "flags: unsupported option -x\r\n"
                    "Try \"help flags\" for more information\r\n");
}

static void test_parse_rest(void)
{
    assert_parsed("rest  some \"text\" here ", "[some \"text\" here ]");
    assert_parsed("r x", "[x]");
    assert_rejected("rest", "rest|r: string expected\r\n"
                    "Try \"help rest\" for more information\r\n");
    assert_rejected("rest|r x", "unknown command: 'rest|r'\r\n");
}

static void test_print_sink(void)
{
    g_autofree char *out = detached_run("print");

    g_assert_cmpstr(out, ==,
                    "printf 42\r\noops here\r\nplain\r\ndirect\r\n");
    g_assert_null(monitor_cur());
    g_assert_false(qemu_print_sink_active());
}

static void test_detached_builtin(void)
{
    Monitor *mon = monitor_new_detached();
    g_autofree char *out = NULL;

    hmp_handle_command(mon, "info version");
    hmp_handle_command(mon, "help quit");
    out = monitor_steal_output(mon);
    g_assert_cmpstr(out, ==, QEMU_VERSION QEMU_PKGVERSION "\r\n"
                    "quit|q  -- quit the emulator\r\n");
    monitor_destroy(mon);
}

/* ---- -mon options ---- */

static bool mon_opts_try(const char *params, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_mon_opts, params, true,
                                     &error_abort);
    bool ok = monitor_init_opts(opts, errp);

    qemu_opts_del(opts);
    return ok;
}

static void assert_mon_opts_error(const char *params, const char *msg)
{
    Error *err = NULL;

    g_assert_false(mon_opts_try(params, &err));
    g_assert_nonnull(err);
    if (msg) {
        g_assert_cmpstr(error_get_pretty(err), ==, msg);
    }
    error_free(err);
}

static void test_mon_opts(void)
{
    QemuOpts *chr_opts;
    Error *err = NULL;

    g_assert_cmpstr(qemu_mon_opts.name, ==, "mon");
    /* Messages as Debian QEMU 7.2 prints them for -mon. */
    assert_mon_opts_error("chardev=nope", "chardev \"nope\" not found");
    assert_mon_opts_error("mode=readline", "Parameter 'chardev' is missing");
    assert_mon_opts_error("chardev=nope,mode=foo",
                          "Parameter 'mode' does not accept value 'foo'");
    assert_mon_opts_error("chardev=nope,pretty=on",
                          "'pretty' is not compatible with HMP monitors");
    assert_mon_opts_error("chardev=nope,mode=control", NULL);
    g_assert_null(qemu_opts_parse(&qemu_mon_opts, "chardev=x,foo=1", true,
                                  &err));
    error_free(err);

    chr_opts = qemu_opts_parse(&qemu_chardev_opts, "null,id=monnull", true,
                               &error_abort);
    g_assert_nonnull(qemu_chr_new_from_opts(chr_opts, NULL, &error_abort));
    g_assert_true(mon_opts_try("monnull,mode=readline", &error_abort));
    /* A chardev takes one frontend. */
    assert_mon_opts_error("chardev=monnull", NULL);

    monitor_cleanup();
    qemu_chr_cleanup();
    qemu_opts_del(chr_opts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    module_call_init(MODULE_INIT_OPTS);
    g_assert_cmpint(qemu_init_main_loop(&error_abort), ==, 0);
    qemu_mutex_lock_iothread();
    seen = g_string_new(NULL);

    ADD_TEST("/hmp/socket/reconnect", test_reconnect);
    ADD_TEST("/hmp/socket/help", test_help);
    ADD_TEST("/hmp/socket/info-list", test_info_list);
    ADD_TEST("/hmp/socket/unknown-command", test_unknown_command);
    ADD_TEST("/hmp/socket/argument-errors", test_argument_errors);
    ADD_TEST("/hmp/socket/info-version", test_info_version);
    ADD_TEST("/hmp/socket/info-status", test_info_status);
    ADD_TEST("/hmp/socket/info-status-reasons", test_info_status_reasons);
    ADD_TEST("/hmp/socket/info-name", test_info_name);
    ADD_TEST("/hmp/socket/info-mtree", test_info_mtree);
    ADD_TEST("/hmp/socket/info-qtree", test_info_qtree);
    ADD_TEST("/hmp/socket/info-chardev", test_info_chardev);
    ADD_TEST("/hmp/socket/completion", test_completion);
    ADD_TEST("/hmp/socket/history", test_history);
    ADD_TEST("/hmp/socket/editing", test_editing);
    ADD_TEST("/hmp/socket/reset-powerdown", test_reset_powerdown);
    ADD_TEST("/hmp/socket/quit", test_quit);
    g_test_add("/hmp/socket/raw-mode", Fixture, "raw", fx_setup,
               test_raw_mode, fx_teardown);
    g_test_add_func("/hmp/parse/args", test_parse_args);
    g_test_add_func("/hmp/parse/flags", test_parse_flags);
    g_test_add_func("/hmp/parse/rest", test_parse_rest);
    g_test_add_func("/hmp/print-sink", test_print_sink);
    g_test_add_func("/hmp/detached-builtin", test_detached_builtin);
    g_test_add_func("/hmp/mon-opts", test_mon_opts);
    return g_test_run();
}
