/*
 * vl.c: qemu-system-x86_64's command line and the machine it builds.
 *
 * qemu_init() parses argv with QEMU's syntax (system/qemu-options.c is
 * the option table), then builds in QEMU's order:
 *
 *   option groups -> log -> daemonize/pidfile -> chardevs (-chardev,
 *   -monitor's compat chardevs, -serial, -debugcon) -> accelerator ->
 *   machine object + -machine properties -> monitors -> qtest -> board
 *   init -> -device -> reset -> start (unless -S)
 *
 * Every error names the option it came from (the location is set while
 * that option is handled), is printed once, and exits with status 1.
 *
 * Missing: drives, networks, displays, gdbstub, -object, -loadvm
 * (refused as not implemented yet).
 */
#include "qemu/osdep.h"
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <signal.h>
#include <glib-unix.h>
#include "config-host.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/cutils.h"
#include "qemu/option.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/qemu-print.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/boards.h"
#include "hw/sysbus.h"
#include "qom/container.h"
#include "exec/memory.h"
#include "chardev/char.h"
#include "monitor/monitor.h"
#include "sysemu/accel.h"
#include "sysemu/qtest.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "system/qemu-options.h"
#include "qemu/datadir.h"
#include "qemu/help_option.h"
#include "system/vl.h"

/* One option occurrence that is handled after parsing, with its place. */
typedef struct DeferredOpt {
    QemuOptionIndex index;
    const char *arg;
    QemuOpts *opts;              /* for -device and -mon */
    Location loc;
} DeferredOpt;

static struct {
    const char *machine_type;
    const char *cpu_model;
    const char *vm_name;
    const char *vm_uuid;
    const char *pidfile;
    const char *log_items;
    const char *log_file;
    const char *qtest_chrdev;
    const char *qtest_log;
    const char *display;
    bool autostart;
    bool daemonize;
    bool nographic;
    bool has_accel_opt;          /* -accel given */
    bool enable_kvm;             /* -enable-kvm given */
    bool default_serial;
    bool default_parallel;
    bool default_monitor;
    GList *deferred;             /* of DeferredOpt *, in argv order */
} cmdline = {
    .autostart = true,
    .default_serial = true,
    .default_parallel = true,
    .default_monitor = true,
};

static Chardev *serial_hds[MAX_SERIAL_PORTS];
static int num_serial_hds;
static int daemon_pipe = -1;
static char *pidfile_written;

const char *qemu_get_vm_name(void)
{
    return cmdline.vm_name;
}

const char *qemu_get_vm_uuid(void)
{
    return cmdline.vm_uuid;
}

Chardev *serial_hd(int i)
{
    if (i < 0 || i >= num_serial_hds) {
        return NULL;
    }
    return serial_hds[i];
}

int serial_max_hds(void)
{
    return num_serial_hds;
}

Chardev *parallel_hd(int i)
{
    return NULL;
}

/* Option groups parsed by QemuOpts. */
static QemuOptsList qemu_machine_opts = {
    .name = "machine",
    .implied_opt_name = "type",
    .merge_lists = true,
    .desc = { { NULL } },       /* any key: checked as a machine property */
};

static QemuOptsList qemu_accel_opts = {
    .name = "accel",
    .implied_opt_name = "accel",
    .desc = { { NULL } },       /* any key: checked as an accel property */
};

static QemuOptsList qemu_mem_opts = {
    .name = "memory",
    .implied_opt_name = "size",
    .merge_lists = true,
    .desc = {
        { .name = "size", .type = QEMU_OPT_SIZE },
        { .name = "slots", .type = QEMU_OPT_NUMBER },
        { .name = "maxmem", .type = QEMU_OPT_SIZE },
        { NULL }
    },
};

static QemuOptsList qemu_smp_opts = {
    .name = "smp-opts",
    .implied_opt_name = "cpus",
    .merge_lists = true,
    .desc = {
        { .name = "cpus", .type = QEMU_OPT_STRING },
        { .name = "sockets", .type = QEMU_OPT_STRING },
        { .name = "dies", .type = QEMU_OPT_STRING },
        { .name = "clusters", .type = QEMU_OPT_STRING },
        { .name = "cores", .type = QEMU_OPT_STRING },
        { .name = "threads", .type = QEMU_OPT_STRING },
        { .name = "maxcpus", .type = QEMU_OPT_STRING },
        { NULL }
    },
};

static QemuOptsList qemu_name_opts = {
    .name = "name",
    .implied_opt_name = "guest",
    .merge_lists = true,
    .desc = {
        { .name = "guest", .type = QEMU_OPT_STRING },
        { .name = "process", .type = QEMU_OPT_STRING },
        { .name = "debug-threads", .type = QEMU_OPT_BOOL },
        { NULL }
    },
};

static QemuOptsList qemu_boot_opts = {
    .name = "boot-opts",
    .implied_opt_name = "order",
    .merge_lists = true,
    .desc = {
        { .name = "order", .type = QEMU_OPT_STRING },
        { .name = "once", .type = QEMU_OPT_STRING },
        { .name = "menu", .type = QEMU_OPT_BOOL },
        { .name = "splash", .type = QEMU_OPT_STRING },
        { .name = "splash-time", .type = QEMU_OPT_NUMBER },
        { .name = "reboot-timeout", .type = QEMU_OPT_NUMBER },
        { .name = "strict", .type = QEMU_OPT_BOOL },
        { NULL }
    },
};

static QemuOptsList qemu_device_opts = {
    .name = "device",
    .implied_opt_name = "driver",
    .desc = { { NULL } },       /* any key: checked as a device property */
};

static QemuOptsList qemu_display_opts = {
    .name = "display",
    .implied_opt_name = "type",
    .desc = { { NULL } },
};

static void register_opts(void)
{
    qemu_add_opts(&qemu_machine_opts);
    qemu_add_opts(&qemu_accel_opts);
    qemu_add_opts(&qemu_mem_opts);
    qemu_add_opts(&qemu_smp_opts);
    qemu_add_opts(&qemu_name_opts);
    qemu_add_opts(&qemu_boot_opts);
    qemu_add_opts(&qemu_device_opts);
    qemu_add_opts(&qemu_display_opts);
    qemu_add_opts(&qemu_chardev_opts);
    qemu_add_opts(&qemu_mon_opts);
}

static void defer_opt(QemuOptionIndex index, const char *arg,
                      QemuOpts *opts)
{
    DeferredOpt *d = g_new0(DeferredOpt, 1);

    d->index = index;
    d->arg = arg;
    d->opts = opts;
    loc_save(&d->loc);
    cmdline.deferred = g_list_append(cmdline.deferred, d);
}

/* Parse into a QemuOpts group; on error report and exit(1). */
static QemuOpts *parse_opts_or_exit(const char *group, const char *arg,
                                    bool permit_abbrev)
{
    QemuOpts *opts = qemu_opts_parse_noisily(qemu_find_opts(group), arg,
                                             permit_abbrev);
    if (!opts) {
        exit(1);
    }
    return opts;
}

static void version(void)
{
    printf("QEMU emulator version " QEMU_VERSION QEMU_PKGVERSION "\n"
           "Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project"
           " developers\n"
           "(qemu-compat: an independent implementation)\n");
}

/* -monitor SPEC: a compat chardev "compat_monitorN" plus a -mon. */
static void monitor_parse(const char *spec)
{
    static int monitor_index;
    g_autofree char *label = NULL;
    QemuOpts *opts;
    const char *id;

    if (g_str_equal(spec, "none")) {
        return;
    }
    if (strstart(spec, "chardev:", &id)) {
        label = g_strdup(id);
    } else {
        label = g_strdup_printf("compat_monitor%d", monitor_index++);
        if (!qemu_chr_parse_compat(label, spec, true)) {
            error_report("parse error: %s", spec);
            exit(1);
        }
    }
    opts = qemu_opts_create(qemu_find_opts("mon"), label, 1, &error_fatal);
    qemu_opt_set(opts, "mode", "readline", &error_abort);
    qemu_opt_set(opts, "chardev", label, &error_abort);
}

static void parse_one_option(const QemuOptionDef *def, const char *arg)
{
    QemuOpts *opts;
    Error *err = NULL;

    switch (def->index) {
    case QEMU_OPTION_h:
        version();
        qemu_options_print_help(error_get_progname());
        exit(0);
    case QEMU_OPTION_version:
        version();
        exit(0);
    case QEMU_OPTION_machine:
        parse_opts_or_exit("machine", arg, true);
        break;
    case QEMU_OPTION_cpu:
        cmdline.cpu_model = arg;
        break;
    case QEMU_OPTION_accel:
        opts = parse_opts_or_exit("accel", arg, true);
        if (!qemu_opt_get(opts, "accel")) {
            error_report("Parameter 'accel' is missing");
            exit(1);
        }
        cmdline.has_accel_opt = true;
        break;
    case QEMU_OPTION_enable_kvm:
        cmdline.enable_kvm = true;
        break;
    case QEMU_OPTION_smp:
        parse_opts_or_exit("smp-opts", arg, true);
        break;
    case QEMU_OPTION_m:
        parse_opts_or_exit("memory", arg, true);
        break;
    case QEMU_OPTION_name:
        parse_opts_or_exit("name", arg, true);
        break;
    case QEMU_OPTION_uuid:
        if (!g_uuid_string_is_valid(arg)) {
            error_report("failed to parse UUID string: wrong format");
            exit(1);
        }
        cmdline.vm_uuid = arg;
        break;
    case QEMU_OPTION_boot:
        parse_opts_or_exit("boot-opts", arg, true);
        break;
    case QEMU_OPTION_device:
        opts = parse_opts_or_exit("device", arg, true);
        defer_opt(def->index, arg, opts);
        break;
    case QEMU_OPTION_global:
        if (!qdev_prop_register_global_opts(arg, &err)) {
            error_report_err(err);
            exit(1);
        }
        break;
    case QEMU_OPTION_nodefaults:
        cmdline.default_serial = false;
        cmdline.default_parallel = false;
        cmdline.default_monitor = false;
        break;
    case QEMU_OPTION_no_user_config:
        break;
    case QEMU_OPTION_nographic:
        cmdline.nographic = true;
        break;
    case QEMU_OPTION_display:
        cmdline.display = arg;
        break;
    case QEMU_OPTION_chardev:
        parse_opts_or_exit("chardev", arg, true);
        break;
    case QEMU_OPTION_serial:
        cmdline.default_serial = false;
        if (g_str_has_prefix(arg, "mon:")) {
            cmdline.default_monitor = false;
        }
        defer_opt(def->index, arg, NULL);
        break;
    case QEMU_OPTION_parallel:
        cmdline.default_parallel = false;
        if (!g_str_equal(arg, "none")) {
            error_report("parallel ports are not implemented yet");
            exit(1);
        }
        break;
    case QEMU_OPTION_monitor:
        cmdline.default_monitor = false;
        monitor_parse(arg);
        break;
    case QEMU_OPTION_mon:
        cmdline.default_monitor = false;
        opts = parse_opts_or_exit("mon", arg, true);
        defer_opt(def->index, arg, opts);
        break;
    case QEMU_OPTION_debugcon:
        defer_opt(def->index, arg, NULL);
        break;
    case QEMU_OPTION_qtest:
        cmdline.qtest_chrdev = arg;
        break;
    case QEMU_OPTION_qtest_log:
        cmdline.qtest_log = arg;
        break;
    case QEMU_OPTION_S:
        cmdline.autostart = false;
        break;
    case QEMU_OPTION_pidfile:
        cmdline.pidfile = arg;
        break;
    case QEMU_OPTION_daemonize:
        cmdline.daemonize = true;
        break;
    case QEMU_OPTION_no_reboot:
        no_reboot = true;
        break;
    case QEMU_OPTION_no_shutdown:
        no_shutdown = true;
        break;
    case QEMU_OPTION_d:
        cmdline.log_items = arg;
        break;
    case QEMU_OPTION_D:
        cmdline.log_file = arg;
        break;
    case QEMU_OPTION_kernel:
        parse_opts_or_exit("machine", "", true);
        qemu_opt_set(qemu_find_opts_singleton("machine"), "kernel", arg,
                     &error_abort);
        break;
    case QEMU_OPTION_initrd:
        parse_opts_or_exit("machine", "", true);
        qemu_opt_set(qemu_find_opts_singleton("machine"), "initrd", arg,
                     &error_abort);
        break;
    case QEMU_OPTION_append:
        parse_opts_or_exit("machine", "", true);
        qemu_opt_set(qemu_find_opts_singleton("machine"), "append", arg,
                     &error_abort);
        break;
    case QEMU_OPTION_bios:
        parse_opts_or_exit("machine", "", true);
        qemu_opt_set(qemu_find_opts_singleton("machine"), "firmware", arg,
                     &error_abort);
        break;
    case QEMU_OPTION_L:
        qemu_add_data_dir(arg);
        break;
    case QEMU_OPTION_unimplemented:
        error_report("this option is not implemented yet");
        exit(1);
    case QEMU_OPTION__MAX:
        break;
    }
}

static void parse_command_line(int argc, char **argv)
{
    int i = 1;

    while (i < argc) {
        const char *word = argv[i];
        const QemuOptionDef *def;
        const char *arg = NULL;

        loc_set_cmdline(argv, i, 1);
        if (word[0] != '-' || word[1] == '\0') {
            error_report("disk images are not implemented yet");
            exit(1);
        }
        def = qemu_option_lookup(word);
        if (!def) {
            error_report("invalid option");
            exit(1);
        }
        if (def->flags & QEMU_OPT_HAS_ARG) {
            if (i + 1 >= argc) {
                error_report("requires an argument");
                exit(1);
            }
            arg = argv[i + 1];
            loc_set_cmdline(argv, i, 2);
        }
        parse_one_option(def, arg);
        i += arg ? 2 : 1;
    }
    loc_set_none();
}

/* Errors found after parsing still name the option they came from. */
static void restore_opts_location(QemuOpts *opts)
{
    qemu_opts_loc_restore(opts);
}

static void report_and_exit(Error *err)
{
    error_report_err(err);
    exit(1);
}

/* -d / -D: after parsing so that "-D f -d x" and "-d x -D f" agree. */
static void apply_log_options(void)
{
    Error *err = NULL;
    int mask = 0;

    if (cmdline.log_items) {
        if (g_str_equal(cmdline.log_items, "help")) {
            qemu_print_log_usage(stdout);
            exit(0);
        }
        mask = qemu_str_to_log_mask(cmdline.log_items, &err);
        if (err) {
            /* As QEMU: an unknown item prints the list, no message. */
            error_free(err);
            qemu_print_log_usage(stdout);
            exit(1);
        }
    }
    if (!qemu_set_log_filename_flags(cmdline.log_file, mask, &err)) {
        report_and_exit(err);
    }
}

static void list_accelerators(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_ACCEL, false);
    GSList *l;

    printf("Accelerators supported in QEMU binary:\n");
    for (l = list; l; l = l->next) {
        AccelClass *ac = l->data;

        if (!g_str_equal(ac->name, "qtest")) {
            printf("%s\n", ac->name);
        }
    }
    g_slist_free(list);
}

static int device_help_func(void *opaque, QemuOpts *opts, Error **errp)
{
    return qdev_device_help(opts);
}

/* The "help" requests QEMU answers before building anything. */
static void handle_help_requests(void)
{
    QemuOpts *opts;
    GList *l;

    opts = qemu_find_opts_singleton("machine");
    if (opts && qemu_opt_get(opts, "type") &&
        is_help_option(qemu_opt_get(opts, "type"))) {
        machine_help_list();
        exit(0);
    }
    if (cmdline.cpu_model && is_help_option(cmdline.cpu_model)) {
        x86_cpu_list();
        exit(0);
    }
    for (l = qemu_find_opts("accel")->head; l; l = l->next) {
        if (is_help_option(qemu_opt_get(l->data, "accel"))) {
            list_accelerators();
            exit(0);
        }
    }
    for (l = qemu_find_opts("chardev")->head; l; l = l->next) {
        const char *backend = qemu_opt_get(l->data, "backend");

        if (backend && is_help_option(backend)) {
            qemu_chr_print_backends();
            exit(0);
        }
    }
    if (qemu_opts_foreach(qemu_find_opts("device"), device_help_func,
                          NULL, NULL)) {
        exit(0);
    }
    if (cmdline.display && is_help_option(cmdline.display)) {
        printf("Available display backend types:\nnone\n");
        exit(0);
    }
}

static void check_display(void)
{
    static const char *const known[] = {
        "gtk", "sdl", "curses", "cocoa", "egl-headless", "spice-app",
        "dbus", "vnc", NULL,
    };
    g_autofree char *type = NULL;
    const char *comma;
    int i;

    if (!cmdline.display) {
        return;
    }
    comma = strchr(cmdline.display, ',');
    type = comma ? g_strndup(cmdline.display, comma - cmdline.display)
                 : g_strdup(cmdline.display);
    if (g_str_equal(type, "none")) {
        return;
    }
    for (i = 0; known[i]; i++) {
        if (g_str_equal(type, known[i])) {
            error_report("Display '%s' is not available.", type);
            exit(1);
        }
    }
    error_report("-display %s: Parameter 'type' does not accept value '%s'",
                 cmdline.display, type);
    exit(1);
}

static void daemonize_start(void)
{
    int fds[2];
    pid_t pid;
    char status;

    if (!cmdline.daemonize) {
        return;
    }
    if (cmdline.nographic) {
        error_report("-nographic cannot be used with -daemonize");
        exit(1);
    }
    if (pipe(fds) < 0) {
        error_report("cannot daemonize: %s", strerror(errno));
        exit(1);
    }
    pid = fork();
    if (pid < 0) {
        error_report("cannot daemonize: %s", strerror(errno));
        exit(1);
    }
    if (pid > 0) {
        /* The parent exits with the child's start-up verdict. */
        close(fds[1]);
        if (read(fds[0], &status, 1) != 1) {
            exit(1);
        }
        exit(status);
    }
    close(fds[0]);
    daemon_pipe = fds[1];
    setsid();
    /* A second fork so the daemon can never regain a terminal. */
    pid = fork();
    if (pid < 0) {
        exit(1);
    }
    if (pid > 0) {
        _exit(0);
    }
}

static void daemonize_finish(void)
{
    char status = 0;
    int fd;

    if (daemon_pipe < 0) {
        return;
    }
    fd = open("/dev/null", O_RDWR);
    if (fd >= 0) {
        dup2(fd, STDIN_FILENO);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        if (fd > STDERR_FILENO) {
            close(fd);
        }
    }
    if (write(daemon_pipe, &status, 1) != 1) {
        /* The parent is gone; nothing to tell. */
    }
    close(daemon_pipe);
    daemon_pipe = -1;
}

/* Written after daemonizing so it holds the daemon's pid; locked. */
static void write_pidfile(void)
{
    g_autofree char *content = NULL;
    int fd;

    if (!cmdline.pidfile) {
        return;
    }
    fd = open(cmdline.pidfile, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        error_report("cannot create PID file: Could not create '%s': %s",
                     cmdline.pidfile, strerror(errno));
        exit(1);
    }
    if (lockf(fd, F_TLOCK, 0) < 0) {
        error_report("cannot create PID file: Cannot lock pid file: %s",
                     strerror(errno));
        exit(1);
    }
    content = g_strdup_printf("%d\n", (int)getpid());
    if (ftruncate(fd, 0) < 0 ||
        write(fd, content, strlen(content)) != (ssize_t)strlen(content)) {
        error_report("cannot create PID file: Failed to write PID file:"
                     " %s", strerror(errno));
        exit(1);
    }
    /* The fd stays open (and locked) for the life of the process. */
    pidfile_written = g_strdup(cmdline.pidfile);
}

static MachineClass *select_machine(void)
{
    QemuOpts *opts = qemu_find_opts_singleton("machine");
    const char *name = opts ? qemu_opt_get(opts, "type") : NULL;
    MachineClass *mc;

    if (!name) {
        mc = machine_class_default();
        if (!mc) {
            error_report("No machine specified, and there is no default");
            error_printf("Use -machine help to list supported machines\n");
            exit(1);
        }
        return mc;
    }
    mc = machine_class_find(name);
    if (!mc) {
        error_report("unsupported machine type");
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    return mc;
}

static int machine_set_prop(void *opaque, const char *name,
                            const char *value, Error **errp)
{
    if (g_str_equal(name, "type") || g_str_equal(name, "accel")) {
        return 0;
    }
    return object_property_parse(opaque, name, value, errp) ? 0 : -1;
}

static void apply_machine_props(MachineState *ms)
{
    QemuOpts *opts = qemu_find_opts_singleton("machine");
    Error *err = NULL;

    if (opts && qemu_opt_foreach(opts, machine_set_prop, ms, &err)) {
        report_and_exit(err);
    }
}

static void parse_memory(MachineClass *mc, MachineState *ms)
{
    QemuOpts *opts = qemu_find_opts_singleton("memory");
    const char *mem_str = opts ? qemu_opt_get(opts, "size") : NULL;
    uint64_t sz = mc->default_ram_size;

    if (mem_str) {
        restore_opts_location(opts);
        if (!*mem_str) {
            error_report("missing 'size' option value");
            exit(1);
        }
        sz = qemu_opt_get_size(opts, "size", sz);
        /* A bare number is in MiB, as it always was for -m. */
        if (g_ascii_isdigit(mem_str[strlen(mem_str) - 1])) {
            if (sz > (UINT64_MAX >> 20)) {
                error_report("ram size too large");
                exit(1);
            }
            sz <<= 20;
        }
        loc_set_none();
    }
    sz = QEMU_ALIGN_UP(sz, 8192);
    ms->ram_size = sz;
    ms->maxram_size = sz;
}

/* One -smp count: absent is 0; junk gets QEMU's message. */
static unsigned smp_get(QemuOpts *opts, const char *key)
{
    const char *str = opts ? qemu_opt_get(opts, key) : NULL;
    unsigned int v;

    if (!str) {
        return 0;
    }
    if (qemu_strtoui(str, NULL, 10, &v) < 0) {
        error_report("Parameter 'smp.%s' expects integer", key);
        exit(1);
    }
    return v;
}

static void parse_smp(MachineClass *mc, MachineState *ms)
{
    QemuOpts *opts = qemu_find_opts_singleton("smp-opts");
    unsigned cpus = smp_get(opts, "cpus");
    unsigned sockets = smp_get(opts, "sockets");
    unsigned dies = smp_get(opts, "dies") ?: 1;
    unsigned cores = smp_get(opts, "cores");
    unsigned threads = smp_get(opts, "threads");
    unsigned maxcpus = smp_get(opts, "maxcpus");

    /* Missing values: cores are preferred over sockets (QEMU >= 6.2). */
    if (cpus == 0 && maxcpus == 0) {
        sockets = sockets ?: 1;
        cores = cores ?: 1;
        threads = threads ?: 1;
    } else {
        maxcpus = maxcpus ?: cpus;
        if (cores == 0) {
            sockets = sockets ?: 1;
            threads = threads ?: 1;
            cores = maxcpus / (sockets * dies * threads) ?: 1;
        } else if (sockets == 0) {
            threads = threads ?: 1;
            sockets = maxcpus / (dies * cores * threads) ?: 1;
        }
        if (threads == 0) {
            threads = maxcpus / (sockets * dies * cores) ?: 1;
        }
    }
    maxcpus = maxcpus ?: sockets * dies * cores * threads;
    cpus = cpus ?: maxcpus;

    if (sockets * dies * cores * threads != maxcpus) {
        error_report("Invalid CPU topology: product of the hierarchy must "
                     "match maxcpus: sockets (%u) * dies (%u) * cores (%u) "
                     "* threads (%u) != maxcpus (%u)",
                     sockets, dies, cores, threads, maxcpus);
        exit(1);
    }
    if (maxcpus < cpus) {
        error_report("Invalid CPU topology: maxcpus must be equal to or "
                     "greater than smp: sockets (%u) * dies (%u) * cores "
                     "(%u) * threads (%u) == maxcpus (%u) < smp_cpus (%u)",
                     sockets, dies, cores, threads, maxcpus, cpus);
        exit(1);
    }
    if (cpus < (unsigned)mc->min_cpus) {
        error_report("Invalid SMP CPUs %u. The min CPUs supported by "
                     "machine '%s' is %d", cpus, mc->name, mc->min_cpus);
        exit(1);
    }
    if (maxcpus > (unsigned)mc->max_cpus) {
        error_report("Invalid SMP CPUs %u. The max CPUs supported by "
                     "machine '%s' is %d", maxcpus, mc->name, mc->max_cpus);
        exit(1);
    }
    ms->smp = (CpuTopology) {
        .cpus = cpus, .sockets = sockets, .dies = dies, .cores = cores,
        .threads = threads, .max_cpus = maxcpus,
    };
}

static void parse_name(void)
{
    QemuOpts *opts = qemu_find_opts_singleton("name");
    const char *process;

    if (!opts) {
        return;
    }
    cmdline.vm_name = qemu_opt_get(opts, "guest");
    process = qemu_opt_get(opts, "process");
    if (process) {
        prctl(PR_SET_NAME, process);
    }
}

static bool boot_order_valid(const char *order)
{
    const char *p;

    for (p = order; *p; p++) {
        if (*p < 'a' || *p > 'p') {
            error_report("Invalid boot device '%c'", *p);
            return false;
        }
        if (strchr(p + 1, *p)) {
            error_report("Boot device '%c' was given twice", *p);
            return false;
        }
    }
    return true;
}

static void parse_boot(MachineState *ms)
{
    QemuOpts *opts = qemu_find_opts_singleton("boot-opts");
    const char *order, *once;

    if (!opts) {
        return;
    }
    order = qemu_opt_get(opts, "order");
    once = qemu_opt_get(opts, "once");
    if ((order && !boot_order_valid(order)) ||
        (once && !boot_order_valid(once))) {
        exit(1);
    }
    if (order) {
        g_free(ms->boot_order);
        ms->boot_order = g_strdup(order);
    }
    ms->boot_once = g_strdup(once);
    ms->boot_menu = qemu_opt_get_bool(opts, "menu", false);
}

static void select_cpu_model(MachineClass *mc, MachineState *ms)
{
    if (cmdline.cpu_model) {
        g_autofree char *model = NULL;
        const char *comma = strchr(cmdline.cpu_model, ',');

        model = comma ? g_strndup(cmdline.cpu_model,
                                  comma - cmdline.cpu_model)
                      : g_strdup(cmdline.cpu_model);
        if (!x86_cpu_model_known(model)) {
            error_report("unable to find CPU model '%s'", model);
            exit(1);
        }
        ms->cpu_type = cmdline.cpu_model;
    } else {
        ms->cpu_type = mc->default_cpu_type;
    }
}

static int chardev_init_func(void *opaque, QemuOpts *opts, Error **errp)
{
    Error *err = NULL;

    restore_opts_location(opts);
    if (!qemu_chr_new_from_opts(opts, NULL, &err)) {
        report_and_exit(err);
    }
    loc_set_none();
    return 0;
}

static void add_serial(const char *spec)
{
    Error *err = NULL;
    g_autofree char *label = NULL;
    Chardev *chr = NULL;

    if (num_serial_hds >= MAX_SERIAL_PORTS) {
        error_report("too many serial ports");
        exit(1);
    }
    if (!g_str_equal(spec, "none")) {
        label = g_strdup_printf("serial%d", num_serial_hds);
        chr = qemu_chr_new_noreplay(label, spec, true, NULL, &err);
        if (!chr) {
            if (err) {
                error_report_err(err);
            }
            error_report("could not connect serial device to character "
                         "backend '%s'", spec);
            exit(1);
        }
        if (g_str_has_prefix(spec, "mon:") &&
            !monitor_init_hmp(chr, true, &err)) {
            report_and_exit(err);
        }
    }
    serial_hds[num_serial_hds++] = chr;
}

/* Devices the command line implies (-debugcon), created after -device. */
static GList *implied_devices;       /* of DeferredOpt * */

static void add_debugcon(DeferredOpt *opt)
{
    Error *err = NULL;
    DeferredOpt *dev;

    if (qemu_chr_find("debugcon")) {
        error_report("only one -debugcon is supported");
        exit(1);
    }
    if (!qemu_chr_new_noreplay("debugcon", opt->arg, true, NULL, &err)) {
        if (err) {
            error_report_err(err);
        }
        error_report("invalid character backend '%s'", opt->arg);
        exit(1);
    }
    dev = g_new0(DeferredOpt, 1);
    dev->index = QEMU_OPTION_device;
    dev->arg = opt->arg;
    dev->opts = qemu_opts_parse(qemu_find_opts("device"),
                                "isa-debugcon,chardev=debugcon", true,
                                &error_abort);
    dev->loc = opt->loc;
    implied_devices = g_list_append(implied_devices, dev);
}

/*
 * Default serial port and monitor, as QEMU picks them.  A monitor of its
 * own is queued as a compat chardev before the chardevs are created; the
 * serial port (possibly muxed with the monitor) comes after -serial.
 */
static const char *default_serial_spec(MachineClass *mc)
{
    bool want_serial = cmdline.default_serial && !mc->no_serial;

    if (!want_serial) {
        return NULL;
    }
    if (!cmdline.nographic) {
        /*
         * QEMU puts it on a graphical console ("vc"); there is no display
         * yet, so the serial port goes nowhere.
         */
        return "null";
    }
    return cmdline.default_monitor ? "mon:stdio" : "stdio";
}

static void queue_default_monitor(MachineClass *mc)
{
    const char *serial = default_serial_spec(mc);

    /* Without -nographic QEMU's monitor is on a "vc": none here. */
    if (cmdline.nographic && cmdline.default_monitor &&
        !(serial && g_str_equal(serial, "mon:stdio"))) {
        monitor_parse("stdio");
    }
}

static void create_backends(MachineClass *mc)
{
    const char *serial = default_serial_spec(mc);
    GList *l;

    queue_default_monitor(mc);
    qemu_opts_foreach(qemu_find_opts("chardev"), chardev_init_func, NULL,
                      &error_fatal);
    for (l = cmdline.deferred; l; l = l->next) {
        DeferredOpt *d = l->data;

        if (d->index == QEMU_OPTION_serial) {
            loc_restore(&d->loc);
            add_serial(d->arg);
        } else if (d->index == QEMU_OPTION_debugcon) {
            loc_restore(&d->loc);
            add_debugcon(d);
        }
        loc_set_none();
    }
    if (serial) {
        add_serial(serial);
    }
}

static int monitor_init_func(void *opaque, QemuOpts *opts, Error **errp)
{
    Error *err = NULL;

    restore_opts_location(opts);
    if (!monitor_init_opts(opts, &err)) {
        report_and_exit(err);
    }
    loc_set_none();
    return 0;
}

/* Turn "-machine accel=a:b" / -enable-kvm / -qtest into -accel opts. */
static void accel_opts_from_legacy(void)
{
    QemuOpts *mopts = qemu_find_opts_singleton("machine");
    const char *list = mopts ? qemu_opt_get(mopts, "accel") : NULL;
    g_auto(GStrv) names = NULL;
    int i;

    if (cmdline.has_accel_opt) {
        if (list || cmdline.enable_kvm) {
            error_report("The -accel and \"-machine accel=\" options are "
                         "incompatible");
            exit(1);
        }
        return;
    }
    if (list && cmdline.enable_kvm) {
        warn_report("-machine accel=%s overridden by -enable-kvm", list);
        list = NULL;
    }
    if (!list) {
        list = cmdline.enable_kvm ? "kvm" :
               cmdline.qtest_chrdev ? "qtest" : "tcg";
    }
    names = g_strsplit(list, ":", 0);
    for (i = 0; names[i]; i++) {
        QemuOpts *opts = qemu_opts_create(qemu_find_opts("accel"), NULL, 0,
                                          &error_abort);
        qemu_opt_set(opts, "accel", names[i], &error_abort);
    }
}

static int accel_set_prop(void *opaque, const char *name, const char *value,
                          Error **errp)
{
    if (g_str_equal(name, "accel")) {
        return 0;
    }
    return object_property_parse(opaque, name, value, errp) ? 0 : -1;
}

/* Try one -accel: 1 on success, 0 if it could not initialise. */
static int accel_try(void *opaque, QemuOpts *opts, Error **errp)
{
    MachineState *ms = opaque;
    const char *name = qemu_opt_get(opts, "accel");
    AccelClass *ac = accel_find(name);
    Error *err = NULL;
    Object *obj;

    restore_opts_location(opts);
    if (!ac) {
        error_report("invalid accelerator %s", name);
        exit(1);
    }
    obj = object_new_with_class(OBJECT_CLASS(ac));
    if (qemu_opt_foreach(opts, accel_set_prop, obj, &err)) {
        report_and_exit(err);
    }
    loc_set_none();
    if (ac->init_machine(ms, &err) < 0) {
        error_prepend(&err, "failed to initialize %s: ", name);
        error_report_err(err);
        object_unref(obj);
        return 0;
    }
    if (ac->allowed) {
        *ac->allowed = true;
    }
    accel_set_current(ACCEL(obj));
    return 1;
}

static void configure_accelerators(MachineState *ms)
{
    accel_opts_from_legacy();
    if (!qemu_opts_foreach(qemu_find_opts("accel"), accel_try, ms, NULL)) {
        error_report("no accelerator found");
        exit(1);
    }
}

static MachineState *create_machine(MachineClass *mc)
{
    MachineState *ms = MACHINE(object_new_with_class(OBJECT_CLASS(mc)));

    object_property_add_child(object_get_root(), "machine", OBJECT(ms));
    /* The root bus lives in the tree, as QEMU's does. */
    object_property_add_child(container_get(OBJECT(ms), "/unattached"),
                              "sysbus", OBJECT(sysbus_get_default()));
    current_machine = ms;
    apply_machine_props(ms);
    parse_memory(mc, ms);
    parse_smp(mc, ms);
    parse_boot(ms);
    select_cpu_model(mc, ms);
    ms->graphics = ms->graphics && !cmdline.nographic;
    return ms;
}

static void create_default_ram(MachineClass *mc, MachineState *ms)
{
    Error *err = NULL;

    if (!ms->ram_size || !mc->default_ram_id) {
        return;
    }
    ms->ram = g_new0(MemoryRegion, 1);
    if (!memory_region_init_ram(ms->ram, OBJECT(ms), mc->default_ram_id,
                                ms->ram_size, &err)) {
        error_prepend(&err, "cannot set up guest memory '%s': ",
                      mc->default_ram_id);
        report_and_exit(err);
    }
}

static void create_devices(GList *list)
{
    GList *l;

    for (l = list; l; l = l->next) {
        DeferredOpt *d = l->data;
        Error *err = NULL;
        DeviceState *dev;

        if (d->index != QEMU_OPTION_device) {
            continue;
        }
        loc_restore(&d->loc);
        dev = qdev_device_add(d->opts, &err);
        if (!dev) {
            report_and_exit(err);
        }
        object_unref(OBJECT(dev));
        loc_set_none();
    }
}

/*
 * SIGINT/SIGTERM/SIGHUP arrive through a signalfd read by the main loop,
 * which tells who sent them, as QEMU reports:
 * "terminating on signal 15 from pid 1234 (timeout)".  vCPU and worker
 * threads start with every signal blocked (util/thread-posix.c).
 */
static int signal_fd = -1;

static char *signal_sender_name(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/cmdline", (int)pid);
    char *cmdline = NULL;

    if (!g_file_get_contents(path, &cmdline, NULL, NULL) || !*cmdline) {
        g_free(cmdline);
        return NULL;
    }
    return cmdline;              /* argv[0]: up to the first NUL */
}

static void signal_fd_read(void *opaque)
{
    struct signalfd_siginfo info;

    while (read(signal_fd, &info, sizeof(info)) == sizeof(info)) {
        g_autofree char *who = info.ssi_pid ?
            signal_sender_name(info.ssi_pid) : NULL;

        if (who) {
            error_report("terminating on signal %d from pid %d (%s)",
                         (int)info.ssi_signo, (int)info.ssi_pid, who);
        } else {
            error_report("terminating on signal %d", (int)info.ssi_signo);
        }
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_SIGNAL);
    }
}

static void mux_quit(void)
{
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_UI);
}

static void setup_signals(void)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (signal_fd < 0) {
        error_report("cannot set up signal handling: %s", strerror(errno));
        exit(1);
    }
    qemu_set_fd_handler(signal_fd, signal_fd_read, NULL, NULL);
    qemu_chr_set_mux_quit_handler(mux_quit);
}

void qemu_init(int argc, char **argv)
{
    MachineClass *mc;
    MachineState *ms;
    Error *err = NULL;

    error_set_progname(argv[0]);
    module_call_init(MODULE_INIT_QOM);
    module_call_init(MODULE_INIT_OPTS);
    register_opts();
    qemu_add_default_data_dirs();

    parse_command_line(argc, argv);
    handle_help_requests();
    check_display();
    apply_log_options();
    parse_name();

    /* Fork before any thread, lock or main-loop state exists. */
    daemonize_start();
    write_pidfile();
    if (qemu_init_main_loop(&err) < 0) {
        report_and_exit(err);
    }
    qemu_mutex_lock_iothread();

    /* The address spaces exist for every machine, as in QEMU. */
    get_system_memory();
    get_system_io();
    mc = select_machine();
    ms = create_machine(mc);
    qemu_chr_mux_defer_open();
    create_backends(mc);
    /* After the backends, so a wait=on server can still be interrupted. */
    setup_signals();
    configure_accelerators(ms);
    qemu_opts_foreach(qemu_find_opts("mon"), monitor_init_func, NULL,
                      &error_fatal);
    if (cmdline.qtest_chrdev &&
        !qtest_server_init(cmdline.qtest_chrdev, cmdline.qtest_log, &err)) {
        report_and_exit(err);
    }

    create_default_ram(mc, ms);
    mc->init(ms);
    create_devices(cmdline.deferred);
    create_devices(implied_devices);
    qdev_machine_creation_done();
    qemu_chr_mux_open_all();
    qdev_prop_check_globals();

    qemu_system_reset(SHUTDOWN_CAUSE_NONE);
    if (cmdline.autostart) {
        vm_start();
    } else {
        runstate_set(RUN_STATE_PRELAUNCH);
    }
    daemonize_finish();
}

void qemu_cleanup(void)
{
    qemu_chr_cleanup();
    if (pidfile_written) {
        unlink(pidfile_written);
    }
}
