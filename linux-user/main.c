/*
 * main.c: qemu-x86_64's entry point and command line.
 *
 *   qemu-x86_64 [options] program [arguments...]
 *
 * Options, their QEMU_* environment variables, messages and exit
 * statuses follow Debian's qemu-x86_64 7.2 (`qemu-x86_64 -h`); -accel
 * with tcg-backend=/optimize=/one-insn-per-tb= is ours, for testing the
 * translator (docs/devel/tcg.md).  See docs/user/qemu-x86_64.md.
 *
 * Missing: -g (gdb stub), -R (reserved_va), -dfilter, -trace, -plugin
 * are refused with a message rather than ignored.
 */
#include "linux-user.h"
#include <sys/resource.h>
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/help_option.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "config-host.h"

#define DEFAULT_STACK_SIZE (8 * MiB)
#define CODE_GEN_BUFFER_SIZE (512 * MiB)

TaskState *task;
X86CPU *guest_cpu;
uintptr_t guest_base;
uint64_t guest_stack_size = DEFAULT_STACK_SIZE;
const char *qemu_uname_release;
const char *interp_prefix;
GPtrArray *reexec_args;
char *qemu_exe_path;
uint64_t rand_seed;
bool have_rand_seed;

static const char *cpu_model = "max";
static const char *argv0_override;
static const char *log_items;
static const char *log_file;
static bool want_strace;
static int tcg_backend = TCG_BACKEND_NATIVE;
static bool tcg_optimize = true;
static GPtrArray *env_changes;   /* "VAR=value" to set, "VAR" to unset */
static GPtrArray *env_unsets;

typedef struct UserOpt {
    const char *name;
    const char *env;
    bool has_arg;
    void (*handle)(const char *arg);
    const char *example;
    const char *help;
    bool propagate;              /* passed on when we re-exec ourselves */
} UserOpt;

static QEMU_NORETURN void usage(int status);

static QEMU_NORETURN void opt_fail(const char *fmt, const char *arg)
{
    error_report(fmt, arg);
    exit(1);
}

static void handle_help(const char *arg)
{
    usage(0);
}

static void handle_version(const char *arg)
{
    printf("qemu-x86_64 version " QEMU_VERSION QEMU_PKGVERSION "\n"
           "Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project"
           " developers\n"
           "(qemu-compat: an independent implementation)\n");
    exit(0);
}

static void handle_unimplemented(const char *arg)
{
    /* Set by the table walk: the option's name is in the message. */
}

static void handle_ld_prefix(const char *arg)
{
    interp_prefix = arg;
}

static void handle_stack_size(const char *arg)
{
    uint64_t sz;

    if (qemu_strtosz(arg, NULL, &sz) < 0 || sz < GUEST_PAGE_SIZE ||
        sz > 16 * GiB) {
        opt_fail("invalid stack size: %s", arg);
    }
    guest_stack_size = GUEST_PAGE_ALIGN(sz);
}

static void handle_cpu(const char *arg)
{
    cpu_model = arg;
    if (is_help_option(arg)) {
        x86_cpu_list();
        exit(0);
    }
}

static void handle_set_env(const char *arg)
{
    g_auto(GStrv) items = g_strsplit(arg, ",", 0);
    int i;

    for (i = 0; items[i]; i++) {
        if (!strchr(items[i], '=')) {
            opt_fail("-E %s: expected VAR=value", items[i]);
        }
        g_ptr_array_add(env_changes, g_strdup(items[i]));
    }
}

static void handle_unset_env(const char *arg)
{
    g_auto(GStrv) items = g_strsplit(arg, ",", 0);
    int i;

    for (i = 0; items[i]; i++) {
        g_ptr_array_add(env_changes, g_strdup(items[i]));
        g_ptr_array_add(env_unsets, g_strdup(items[i]));
    }
}

static void handle_argv0(const char *arg)
{
    argv0_override = arg;
}

static void handle_uname(const char *arg)
{
    qemu_uname_release = arg;
}

static void handle_guest_base(const char *arg)
{
    uint64_t b;

    if (qemu_strtou64(arg, NULL, 0, &b) < 0) {
        opt_fail("invalid guest base: %s", arg);
    }
    if (b & (GUEST_PAGE_SIZE - 1)) {
        fprintf(stderr, "Requested guest base 0x%" PRIx64 " does not "
                "satisfy host minimum alignment (0x%x)\n", b,
                GUEST_PAGE_SIZE);
        exit(1);
    }
    guest_base = b;
}

static void handle_log(const char *arg)
{
    log_items = arg;
    if (g_str_equal(arg, "help")) {
        qemu_print_log_usage(stdout);
        exit(0);
    }
}

static void handle_log_filename(const char *arg)
{
    log_file = arg;
}

static void handle_pagesize(const char *arg)
{
    if (!g_str_equal(arg, "4096")) {
        opt_fail("-p %s: only the host page size (4096) is supported", arg);
    }
}

static void handle_one_insn(const char *arg)
{
    one_insn_per_tb = true;
}

static void handle_strace(const char *arg)
{
    want_strace = true;
}

static void handle_seed(const char *arg)
{
    if (qemu_strtou64(arg, NULL, 0, &rand_seed) < 0) {
        opt_fail("Invalid seed number: %s", arg);
    }
    have_rand_seed = true;
}

static bool parse_on_off(const char *key, const char *val)
{
    bool b;

    if (!qemu_parse_bool(val, &b)) {
        error_report("-accel: %s=%s: expected on or off", key, val);
        exit(1);
    }
    return b;
}

static void accel_prop(const char *key, const char *val)
{
    if (g_str_equal(key, "tcg-backend")) {
        if (g_str_equal(val, "native")) {
            tcg_backend = TCG_BACKEND_NATIVE;
        } else if (g_str_equal(val, "tci")) {
            tcg_backend = TCG_BACKEND_TCI;
        } else {
            error_report("-accel: tcg-backend=%s: expected native or tci",
                         val);
            exit(1);
        }
    } else if (g_str_equal(key, "optimize")) {
        tcg_optimize = parse_on_off(key, val);
    } else if (g_str_equal(key, "one-insn-per-tb")) {
        one_insn_per_tb = parse_on_off(key, val);
    } else if (!g_str_equal(key, "thread")) {
        error_report("-accel: property '%s' not found", key);
        exit(1);
    }
}

static void handle_accel(const char *arg)
{
    g_auto(GStrv) items = g_strsplit(arg, ",", 0);
    int i;

    if (is_help_option(arg)) {
        printf("Accelerators supported in QEMU binary:\ntcg\n");
        exit(0);
    }
    if (!g_str_equal(items[0], "tcg")) {
        error_report("invalid accelerator %s", items[0]);
        exit(1);
    }
    for (i = 1; items[i]; i++) {
        char *eq = strchr(items[i], '=');

        if (!eq) {
            error_report("-accel: %s: expected key=value", items[i]);
            exit(1);
        }
        *eq = 0;
        accel_prop(items[i], eq + 1);
    }
}

static const UserOpt user_opts[] = {
    { "h", NULL, false, handle_help, "", "print this help" },
    { "help", NULL, false, handle_help, "", "" },
    { "g", "QEMU_GDB", true, handle_unimplemented, "port",
      "wait gdb connection to 'port' (not implemented)" },
    { "L", "QEMU_LD_PREFIX", true, handle_ld_prefix, "path",
      "set the elf interpreter prefix to 'path'", true },
    { "s", "QEMU_STACK_SIZE", true, handle_stack_size, "size",
      "set the stack size to 'size' bytes", true },
    { "cpu", "QEMU_CPU", true, handle_cpu, "model",
      "select CPU (-cpu help for list)", true },
    { "E", "QEMU_SET_ENV", true, handle_set_env, "var=value",
      "sets targets environment variable (see below)" },
    { "U", "QEMU_UNSET_ENV", true, handle_unset_env, "var",
      "unsets targets environment variable (see below)" },
    { "0", "QEMU_ARGV0", true, handle_argv0, "argv0",
      "forces target process argv[0] to be 'argv0'" },
    { "r", "QEMU_UNAME", true, handle_uname, "uname",
      "set qemu uname release string to 'uname'", true },
    { "B", "QEMU_GUEST_BASE", true, handle_guest_base, "address",
      "set guest_base address to 'address'", true },
    { "R", "QEMU_RESERVED_VA", true, handle_unimplemented, "size",
      "reserve 'size' bytes for guest virtual address space "
      "(not implemented)" },
    { "d", "QEMU_LOG", true, handle_log, "item[,...]",
      "enable logging of specified items (use '-d help' for a list of "
      "items)", true },
    { "dfilter", "QEMU_DFILTER", true, handle_unimplemented, "range[,...]",
      "filter logging based on address range (not implemented)" },
    { "D", "QEMU_LOG_FILENAME", true, handle_log_filename, "logfile",
      "write logs to 'logfile' (default stderr)", true },
    { "p", "QEMU_PAGESIZE", true, handle_pagesize, "pagesize",
      "set the host page size to 'pagesize'", true },
    { "singlestep", "QEMU_SINGLESTEP", false, handle_one_insn, "",
      "run in singlestep mode", true },
    { "one-insn-per-tb", "QEMU_ONE_INSN_PER_TB", false, handle_one_insn, "",
      "run with one guest instruction per emulated TB", true },
    { "strace", "QEMU_STRACE", false, handle_strace, "",
      "log system calls", true },
    { "seed", "QEMU_RAND_SEED", true, handle_seed, "",
      "Seed for pseudo-random number generator", true },
    { "trace", "QEMU_TRACE", true, handle_unimplemented, "",
      "[[enable=]<pattern>][,events=<file>][,file=<file>] "
      "(not implemented)" },
    { "plugin", "QEMU_PLUGIN", true, handle_unimplemented, "",
      "[file=]<file>[,<argname>=<argvalue>] (not implemented)" },
    { "accel", "QEMU_ACCEL", true, handle_accel, "tcg[,prop=value]",
      "tcg-backend=native|tci, optimize=on|off, one-insn-per-tb=on|off",
      true },
    { "version", "QEMU_VERSION", false, handle_version, "",
      "display version information and exit" },
};

static void usage(int status)
{
    size_t i;

    printf("usage: qemu-x86_64 [options] program [arguments...]\n"
           "Linux CPU emulator (compiled for x86_64 emulation)\n\n"
           "Options and associated environment variables:\n\n"
           "Argument             Env-variable      Description\n");
    for (i = 0; i < ARRAY_SIZE(user_opts); i++) {
        const UserOpt *o = &user_opts[i];
        g_autofree char *arg = g_strdup_printf("-%s %s", o->name,
                                               o->example);

        printf("%-20s %-17s %s\n", arg, o->env ? o->env : "", o->help);
    }
    printf("\nDefaults:\n"
           "QEMU_LD_PREFIX  = %s\n"
           "QEMU_STACK_SIZE = %" PRIu64 " byte\n"
           "\n"
           "You can use -E and -U options or the QEMU_SET_ENV and\n"
           "QEMU_UNSET_ENV environment variables to set and unset\n"
           "environment variables for the target process.\n"
           "It is possible to provide several variables by separating them\n"
           "by commas in getsubopt(3) style. Additionally it is possible to\n"
           "provide the -E and -U options multiple times.\n"
           "The following lines are equivalent:\n"
           "    -E var1=val2 -E var2=val2 -U LD_PRELOAD -U LD_DEBUG\n"
           "    -E var1=val2,var2=val2 -U LD_PRELOAD,LD_DEBUG\n"
           "    QEMU_SET_ENV=var1=val2,var2=val2 "
           "QEMU_UNSET_ENV=LD_PRELOAD,LD_DEBUG\n"
           "Note that if you provide several changes to a single variable\n"
           "the last change will stay in effect.\n",
           interp_prefix ? interp_prefix : "/", guest_stack_size);
    exit(status);
}

static void run_opt(const UserOpt *o, const char *arg)
{
    if (o->handle == handle_unimplemented) {
        error_report("-%s: this option is not implemented yet", o->name);
        exit(1);
    }
    o->handle(arg);
}

static const UserOpt *find_opt(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(user_opts); i++) {
        if (g_str_equal(user_opts[i].name, name)) {
            return &user_opts[i];
        }
    }
    return NULL;
}

static void parse_env_opts(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(user_opts); i++) {
        const UserOpt *o = &user_opts[i];
        const char *v = o->env ? getenv(o->env) : NULL;

        if (v && o->handle != handle_help && o->handle != handle_version) {
            run_opt(o, v);
        }
    }
}

/* Returns the index of the program in argv. */
static int parse_args(int argc, char **argv)
{
    int optind = 1;

    while (optind < argc && argv[optind][0] == '-') {
        const char *r = argv[optind++] + 1;
        const UserOpt *o;

        if (g_str_equal(r, "-")) {
            break;
        }
        if (r[0] == '-') {
            r++;
        }
        o = find_opt(r);
        if (!o) {
            fprintf(stderr, "qemu: unknown option '%s'\n", r);
            exit(1);
        }
        if (o->has_arg && optind >= argc) {
            fprintf(stderr, "qemu: missing argument for option '%s'\n", r);
            exit(1);
        }
        if (o->propagate) {
            g_ptr_array_add(reexec_args, g_strdup_printf("-%s", o->name));
            if (o->has_arg) {
                g_ptr_array_add(reexec_args, g_strdup(argv[optind]));
            }
        }
        run_opt(o, o->has_arg ? argv[optind++] : NULL);
    }
    if (optind >= argc) {
        fprintf(stderr, "qemu: no user program specified\n");
        exit(1);
    }
    return optind;
}

static void apply_log_options(void)
{
    Error *err = NULL;
    int mask = 0;

    if (log_items) {
        mask = qemu_str_to_log_mask(log_items, &err);
        if (err) {
            error_free(err);
            qemu_print_log_usage(stdout);
            exit(1);
        }
    }
    if (want_strace) {
        mask |= LOG_STRACE;
    }
    if (!qemu_set_log_filename_flags(log_file, mask, &err)) {
        error_report_err(err);
        exit(1);
    }
}

/* The guest's environment: ours with -E/-U applied, in order. */
static char **build_guest_env(void)
{
    GPtrArray *env = g_ptr_array_new();
    char **host = g_get_environ();
    guint i, j;

    for (i = 0; host[i]; i++) {
        g_ptr_array_add(env, host[i]);
    }
    for (i = 0; i < env_changes->len; i++) {
        const char *c = env_changes->pdata[i];
        const char *eq = strchr(c, '=');
        size_t n = eq ? (size_t)(eq - c) : strlen(c);

        for (j = 0; j < env->len; j++) {
            const char *e = env->pdata[j];

            if (strncmp(e, c, n) == 0 && e[n] == '=') {
                g_ptr_array_remove_index(env, j);
                break;
            }
        }
        if (eq) {
            g_ptr_array_add(env, (char *)c);
        }
    }
    g_ptr_array_add(env, NULL);
    return (char **)g_ptr_array_free(env, false);
}

/* -cpu MODEL[,prop=value|+feat|-feat,...] */
static X86CPU *create_cpu(void)
{
    g_auto(GStrv) parts = g_strsplit(cpu_model, ",", 0);
    g_autofree char *type = g_strconcat(parts[0], X86_CPU_TYPE_SUFFIX, NULL);
    Error *err = NULL;
    Object *obj;
    CPUState *cs;
    int i;

    if (!object_class_by_name(type)) {
        error_report("unable to find CPU model '%s'", parts[0]);
        exit(1);
    }
    obj = object_new(type);
    for (i = 1; parts[i]; i++) {
        char *p = parts[i], *eq = strchr(p, '=');
        const char *val = "on";

        if (p[0] == '+' || p[0] == '-') {
            val = p[0] == '+' ? "on" : "off";
            p++;
        } else if (eq) {
            *eq = 0;
            val = eq + 1;
        }
        if (!object_property_parse(obj, p, val, &err)) {
            error_report_err(err);
            exit(1);
        }
    }
    if (!qdev_realize(DEVICE(obj), NULL, &err)) {
        error_report_err(err);
        exit(1);
    }
    cs = CPU(obj);
    if (!cs->tb_jmp_cache) {
        tcg_exec_realizefn(cs);
    }
    if (!first_cpu) {
        cpu_list_add(cs);
    }
    current_cpu = cs;
    return X86_CPU(obj);
}

/* "#!interp [arg]": run interp with the script as its argument. */
static char **resolve_script(const char **path, char **argv)
{
    char buf[256];
    int depth, fd;

    for (depth = 0; depth < 4; depth++) {
        g_auto(GStrv) words = NULL;
        GPtrArray *nv;
        ssize_t n;
        char *nl;
        int i;

        fd = open(*path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            return argv;
        }
        n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (n < 3 || buf[0] != '#' || buf[1] != '!') {
            return argv;
        }
        buf[n] = 0;
        nl = strchr(buf, '\n');
        if (nl) {
            *nl = 0;
        }
        g_strstrip(buf + 2);
        words = g_strsplit_set(buf + 2, " \t", 2);
        if (!words[0] || !words[0][0]) {
            return argv;
        }
        nv = g_ptr_array_new();
        g_ptr_array_add(nv, g_strdup(words[0]));
        if (words[1] && *g_strstrip(words[1])) {
            g_ptr_array_add(nv, g_strdup(words[1]));
        }
        g_ptr_array_add(nv, g_strdup(*path));
        for (i = 1; argv[i]; i++) {
            g_ptr_array_add(nv, argv[i]);
        }
        g_ptr_array_add(nv, NULL);
        *path = g_strdup(words[0]);
        argv = (char **)g_ptr_array_free(nv, false);
    }
    return argv;
}

static void init_task(ImageInfo *info)
{
    task = g_new0(TaskState, 1);
    task->info = info;
}

int main(int argc, char **argv)
{
    ImageInfo *info = g_new0(ImageInfo, 1);
    const char *path;
    char **guest_argv, **guest_env;
    int prog;

    error_set_progname(argv[0]);
    module_call_init(MODULE_INIT_QOM);
    env_changes = g_ptr_array_new();
    env_unsets = g_ptr_array_new();
    reexec_args = g_ptr_array_new();
    qemu_exe_path = g_file_read_link("/proc/self/exe", NULL);
    g_ptr_array_add(reexec_args, g_strdup(qemu_exe_path ? qemu_exe_path :
                                                           argv[0]));
    parse_env_opts();
    prog = parse_args(argc, argv);
    apply_log_options();

    path = argv[prog];
    guest_argv = g_new0(char *, argc - prog + 1);
    memcpy(guest_argv, argv + prog, (argc - prog) * sizeof(char *));
    if (argv0_override) {
        guest_argv[0] = (char *)argv0_override;
    }
    guest_argv = resolve_script(&path, guest_argv);
    guest_env = build_guest_env();
    info->exec_path = realpath(path, NULL);
    if (!elf_check_program(path)) {
        exit(1);
    }

    init_task(info);
    tcg_exec_init(CODE_GEN_BUFFER_SIZE, tcg_backend, tcg_optimize);
    guest_cpu = create_cpu();
    CPU(guest_cpu)->opaque = task;

    if (!elf_load_program(path, guest_argv, guest_env, info,
                          &guest_cpu->env)) {
        exit(1);
    }
    signal_init();
    target_cpu_init_regs(&guest_cpu->env, info->entry, info->start_stack);
    cpu_loop(&guest_cpu->env);
}
