/*
 * log.c: runtime debug logging, selected with -d ITEMS and sent to -D FILE.
 *
 * Implements include/qemu/log.h following QEMU 7.2's user-visible
 * behaviour: the item names and help text of "-d help", "all" for every
 * item, a log file truncated when opened, "%d" in its name replaced by the
 * process id (or, with the "tid" item, by each thread's id, one file per
 * thread), and the same error wording for bad templates.
 *
 * Output is line-buffered.  One recursive lock serialises writers, so a
 * qemu_log_trylock() block (a multi-line dump) is never interleaved with
 * another thread's lines, and qemu_log() may be called inside one.
 *
 * Missing compared with QEMU: trace:PATTERN items (there are no trace
 * events), -dfilter address ranges and logging to a daemon's syslog.
 */
#include "qemu/osdep.h"
#include <sys/syscall.h>
#include "qapi/error.h"
#include "qemu/log.h"

int qemu_loglevel;

typedef struct LogItem {
    int mask;
    const char *name;
    const char *help;
} LogItem;

/* Order, names and text as "-d help" prints them. */
static const LogItem log_items[] = {
    { CPU_LOG_TB_OUT_ASM, "out_asm",
      "show generated host assembly code for each compiled TB" },
    { CPU_LOG_TB_IN_ASM, "in_asm",
      "show target assembly code for each compiled TB" },
    { CPU_LOG_TB_OP, "op",
      "show micro ops for each compiled TB" },
    { CPU_LOG_TB_OP_OPT, "op_opt",
      "show micro ops after optimization" },
    { CPU_LOG_TB_OP_IND, "op_ind",
      "show micro ops before indirect lowering" },
    { CPU_LOG_INT, "int",
      "show interrupts/exceptions in short format" },
    { CPU_LOG_EXEC, "exec",
      "show trace before each executed TB (lots of logs)" },
    { CPU_LOG_TB_CPU, "cpu",
      "show CPU registers before entering a TB (lots of logs)" },
    { CPU_LOG_TB_FPU, "fpu",
      "include FPU registers in the 'cpu' logging" },
    { CPU_LOG_MMU, "mmu",
      "log MMU-related activities" },
    { CPU_LOG_PCALL, "pcall",
      "x86 only: show protected mode far calls/returns/exceptions" },
    { CPU_LOG_RESET, "cpu_reset",
      "show CPU state before CPU resets" },
    { LOG_UNIMP, "unimp",
      "log unimplemented functionality" },
    { LOG_GUEST_ERROR, "guest_errors",
      "log when the guest OS does something invalid (eg accessing a\n"
      "non-existent register)" },
    { CPU_LOG_PAGE, "page",
      "dump pages at beginning of user mode emulation" },
    { CPU_LOG_TB_NOCHAIN, "nochain",
      "do not chain compiled TBs so that \"exec\" and \"cpu\" show\n"
      "complete traces" },
    /* QEMU's text ends in a newline, so its listing has a blank line. */
    { CPU_LOG_PLUGIN, "plugin",
      "output from TCG plugins\n" },
    { LOG_STRACE, "strace",
      "log every user-mode syscall, its input, and its result" },
    { LOG_PER_THREAD, "tid",
      "open a separate log file per thread; filename must contain '%d'" },
};

/*
 * Log state.  log_file is NULL for stderr.  log_template keeps the -D
 * name with "%d" intact for per-thread files; log_generation changes
 * whenever the configuration does so threads reopen their own files.
 */
static GRecMutex log_lock;
static FILE *log_file;
static char *log_template;
static bool log_per_thread;
static unsigned log_generation;

/* A thread's own file in per-thread mode; closed when the thread exits. */
typedef struct ThreadLog {
    FILE *file;
    unsigned generation;
} ThreadLog;

static void thread_log_free(gpointer data)
{
    ThreadLog *tl = data;

    if (tl->file != NULL) {
        fclose(tl->file);
    }
    g_free(tl);
}

static GPrivate thread_log = G_PRIVATE_INIT(thread_log_free);

int qemu_str_to_log_mask(const char *str, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    int mask = 0;
    size_t i, j;

    if (parts[0] == NULL) {
        error_setg(errp, "Unknown logging item ''");
        return 0;
    }
    for (i = 0; parts[i] != NULL; i++) {
        bool found = false;

        for (j = 0; j < ARRAY_SIZE(log_items); j++) {
            if (strcmp(parts[i], "all") == 0 ||
                strcmp(parts[i], log_items[j].name) == 0) {
                mask |= log_items[j].mask;
                found = true;
            }
        }
        if (!found) {
            error_setg(errp, "Unknown logging item '%s'", parts[i]);
            return 0;
        }
    }
    return mask;
}

void qemu_print_log_usage(FILE *f)
{
    size_t i;

    fprintf(f, "Log items (comma separated):\n");
    for (i = 0; i < ARRAY_SIZE(log_items); i++) {
        fprintf(f, "%-15s %s\n", log_items[i].name, log_items[i].help);
    }
}

/* At most one '%', and it must start "%d". */
static bool log_check_template(const char *filename, bool per_thread,
                               Error **errp)
{
    const char *pct = filename != NULL ? strchr(filename, '%') : NULL;

    if (pct != NULL && (pct[1] != 'd' || strchr(pct + 2, '%') != NULL)) {
        error_setg(errp, "Bad logfile template: %s", filename);
        return false;
    }
    if (per_thread && pct == NULL) {
        error_setg(errp, "Filename template with '%%d' required for 'tid'");
        return false;
    }
    return true;
}

/* The template with its "%d" (if any) replaced by id. */
static char *log_expand_name(const char *template, long id)
{
    const char *pct = strstr(template, "%d");

    if (pct == NULL) {
        return g_strdup(template);
    }
    return g_strdup_printf("%.*s%ld%s", (int)(pct - template), template,
                           id, pct + 2);
}

static FILE *log_open(const char *name, Error **errp)
{
    FILE *f = fopen(name, "w");

    if (f == NULL) {
        error_setg_errno(errp, errno, "Error opening logfile %s", name);
        return NULL;
    }
    setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

/* Called with log_lock held. */
static void log_close_locked(void)
{
    if (log_file != NULL) {
        fclose(log_file);
        log_file = NULL;
    }
    g_free(log_template);
    log_template = NULL;
}

bool qemu_set_log_filename_flags(const char *filename, int mask,
                                 Error **errp)
{
    bool per_thread = (mask & LOG_PER_THREAD) != 0;
    FILE *f = NULL;

    if (!log_check_template(filename, per_thread, errp)) {
        return false;
    }
    if (filename != NULL && !per_thread) {
        g_autofree char *name = log_expand_name(filename, (long)getpid());

        f = log_open(name, errp);
        if (f == NULL) {
            return false;
        }
    }
    g_rec_mutex_lock(&log_lock);
    log_close_locked();
    log_file = f;
    log_template = g_strdup(filename);
    log_per_thread = per_thread;
    log_generation++;
    qemu_loglevel = mask;
    g_rec_mutex_unlock(&log_lock);
    return true;
}

/*
 * This thread's own file in per-thread mode, opened on its first message.
 * If it cannot be opened the thread logs to stderr rather than not at all.
 */
static FILE *log_thread_file_locked(void)
{
    ThreadLog *tl = g_private_get(&thread_log);

    if (tl == NULL) {
        tl = g_new0(ThreadLog, 1);
        g_private_set(&thread_log, tl);
    }
    if (tl->file != NULL && tl->generation != log_generation) {
        fclose(tl->file);
        tl->file = NULL;
    }
    if (tl->file == NULL) {
        g_autofree char *name =
            log_expand_name(log_template, (long)syscall(SYS_gettid));

        tl->file = log_open(name, NULL);
        tl->generation = log_generation;
    }
    return tl->file != NULL ? tl->file : stderr;
}

FILE *qemu_log_trylock(void)
{
    g_rec_mutex_lock(&log_lock);
    if (log_per_thread) {
        return log_thread_file_locked();
    }
    return log_file != NULL ? log_file : stderr;
}

void qemu_log_unlock(FILE *f)
{
    if (f != NULL) {
        fflush(f);
        g_rec_mutex_unlock(&log_lock);
    }
}

void qemu_log_vprintf(const char *fmt, va_list ap)
{
    FILE *f = qemu_log_trylock();

    vfprintf(f, fmt, ap);
    qemu_log_unlock(f);
}

void qemu_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qemu_log_vprintf(fmt, ap);
    va_end(ap);
}
