/*
 * strace.c: -strace output, in QEMU's format.
 *
 *   PID name(arg,arg,...) = result
 *   PID name(...) = -1 errno=N (message)
 *   --- SIGSEGV {si_signo=SIGSEGV, si_code=1, si_addr=0x...} ---
 *
 * Lines go to the log (-D file or stderr) through the "strace" log
 * item, which -strace and QEMU_STRACE turn on.  The call is printed
 * before it runs and the result after, so output the call makes lands
 * between them, as in QEMU.  Arguments are decoded from the syscall
 * table's args strings (syscall-defs.h): integers in decimal, strings
 * quoted, pointers in hex, open flags and PROT_* symbolically.
 */
#include "syscall-defs.h"
#include <sys/mman.h>
#include "qemu/log.h"

typedef struct FlagName {
    int bit;
    const char *name;
} FlagName;

static const FlagName open_flags[] = {
    { O_WRONLY, "O_WRONLY" }, { O_RDWR, "O_RDWR" },
    { O_CREAT, "O_CREAT" }, { O_EXCL, "O_EXCL" },
    { O_NOCTTY, "O_NOCTTY" }, { O_TRUNC, "O_TRUNC" },
    { O_APPEND, "O_APPEND" }, { O_NONBLOCK, "O_NONBLOCK" },
    { O_DSYNC, "O_DSYNC" }, { O_DIRECTORY, "O_DIRECTORY" },
    { O_NOFOLLOW, "O_NOFOLLOW" }, { O_CLOEXEC, "O_CLOEXEC" },
    { O_DIRECT, "O_DIRECT" }, { O_NOATIME, "O_NOATIME" },
    { O_PATH, "O_PATH" }, { O_LARGEFILE, "O_LARGEFILE" },
};

static const FlagName prot_flags[] = {
    { PROT_READ, "PROT_READ" }, { PROT_WRITE, "PROT_WRITE" },
    { PROT_EXEC, "PROT_EXEC" }, { PROT_GROWSDOWN, "PROT_GROWSDOWN" },
};

static void print_flags(GString *s, uint64_t v, const FlagName *t, size_t n,
                        const char *zero)
{
    bool any = false;
    size_t i;

    if (zero) {
        g_string_append(s, zero);
        any = true;
    }
    for (i = 0; i < n; i++) {
        if (v & t[i].bit) {
            g_string_append_printf(s, "%s%s", any ? "|" : "", t[i].name);
            v &= ~(uint64_t)t[i].bit;
            any = true;
        }
    }
    if (v || !any) {
        g_string_append_printf(s, "%s%#" PRIx64, any ? "|" : "", v);
    }
}

static void print_string(GString *s, uint64_t addr)
{
    const char *p;
    int err;

    if (!addr) {
        g_string_append(s, "NULL");
        return;
    }
    p = guest_str(addr, PATH_MAX, &err);
    if (!p) {
        g_string_append_printf(s, "0x%" PRIx64, addr);
        return;
    }
    g_string_append_c(s, '"');
    for (; *p; p++) {
        if (*p == '"' || *p == '\\') {
            g_string_append_printf(s, "\\%c", *p);
        } else if (g_ascii_isprint(*p)) {
            g_string_append_c(s, *p);
        } else {
            g_string_append_printf(s, "\\%o", (unsigned char)*p);
        }
    }
    g_string_append_c(s, '"');
}

static void print_arg(GString *s, const char *tok, uint64_t v)
{
    switch (tok[0]) {
    case 'i':
        g_string_append_printf(s, "%" PRId64, (int64_t)v);
        break;
    case 'f':
        g_string_append_printf(s, "%d", (int)v);
        break;
    case 'o':
        g_string_append_printf(s, "0%" PRIo64, v);
        break;
    case 'O':
        print_flags(s, v & ~(uint64_t)O_ACCMODE, open_flags + 2,
                    ARRAY_SIZE(open_flags) - 2,
                    (v & O_ACCMODE) == O_WRONLY ? "O_WRONLY" :
                    (v & O_ACCMODE) == O_RDWR ? "O_RDWR" : "O_RDONLY");
        break;
    case 'M':
        print_flags(s, v, prot_flags, ARRAY_SIZE(prot_flags),
                    v ? NULL : "PROT_NONE");
        break;
    case 'p':
    case 'P':
    case 's':
        print_string(s, v);
        break;
    default:
        if (!v) {
            g_string_append(s, "NULL");
        } else {
            g_string_append_printf(s, "0x%" PRIx64, v);
        }
        break;
    }
}

void strace_syscall(int num, const uint64_t *a)
{
    const SyscallDef *d = syscall_def(num);
    GString *s = g_string_new(NULL);
    const char *p;
    int i = 0;

    if (!d) {
        qemu_log("%d Unknown syscall %d\n", getpid(), num);
        g_string_free(s, true);
        return;
    }
    g_string_append_printf(s, "%d %s(", getpid(), d->name);
    for (p = d->args; *p && i < 6; p += syscall_token_len(p), i++) {
        if (i) {
            g_string_append_c(s, ',');
        }
        print_arg(s, p, a[i]);
    }
    g_string_append_c(s, ')');
    if (d->flags & SC_NORET) {
        g_string_append_c(s, '\n');
    }
    qemu_log("%s", s->str);
    g_string_free(s, true);
}

void strace_syscall_ret(int num, int64_t ret)
{
    const SyscallDef *d = syscall_def(num);

    if (!d || ret == -QEMU_ESIGRETURN) {
        return;
    }
    if (ret < 0 && ret > -4096) {
        qemu_log(" = -1 errno=%d (%s)\n", (int)-ret,
                 ret == -QEMU_ERESTARTSYS ? "ERESTARTSYS" :
                 strerror((int)-ret));
    } else if (d->flags & SC_RETADDR) {
        qemu_log(" = 0x%016" PRIx64 "\n", (uint64_t)ret);
    } else {
        qemu_log(" = %" PRId64 "\n", ret);
    }
}

void strace_signal(int sig, const siginfo_t *info)
{
    const char *name = sigabbrev_np(sig);

    qemu_log("--- SIG%s {si_signo=SIG%s, si_code=%d, si_addr=%p} ---\n",
             name ? name : "?", name ? name : "?", info->si_code,
             info->si_addr);
}

const char *syscall_name(int num)
{
    const SyscallDef *d = syscall_def(num);

    return d ? d->name : NULL;
}
