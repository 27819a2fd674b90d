/*
 * syscall-proc.c: process syscalls: exit, clone/fork/vfork, execve,
 * arch_prctl, identity and limits.
 *
 * clone without CLONE_VM (and vfork, CLONE_VM|CLONE_VFORK) is a host
 * fork; the child continues the same guest state with rax = 0, on the
 * new stack if one was given.  Threads (CLONE_VM) fail with ENOSYS.
 * execve runs the new program under qemu-x86_64 again (we re-exec
 * ourselves with our options) when it is a static x86-64 ELF or a script
 * whose interpreter is one; anything else (a host dynamically linked
 * program, say) is handed to the host kernel, as QEMU without binfmt_misc
 * does.  "/proc/self/exe" names the guest program.  setrlimit of
 * RLIMIT_AS/DATA/STACK is not applied, since it would limit the emulator
 * (as QEMU does).
 */
#include "syscall-defs.h"
#include <elf.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "qemu/log.h"

#ifndef ARCH_SET_GS
#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004
#endif
#ifndef CLONE_VM
#define CLONE_VM             0x00000100
#endif

#define MAX_ARG_STRINGS 0x7fffffff
#define MAX_ARG_BYTES   (32 * MiB)

int64_t sys_enosys(CPUX86State *env, const uint64_t *a)
{
    return -ENOSYS;
}

int64_t sys_exit(CPUX86State *env, const uint64_t *a)
{
    user_exit((int)a[0] & 0xff);
}

int64_t sys_exit_group(CPUX86State *env, const uint64_t *a)
{
    user_exit((int)a[0] & 0xff);
}

int64_t sys_arch_prctl(CPUX86State *env, const uint64_t *a)
{
    switch (a[0]) {
    case ARCH_SET_FS:
    case ARCH_SET_GS:
        if (a[1] > GUEST_ADDR_MAX) {
            return -EPERM;
        }
        env->segs[a[0] == ARCH_SET_FS ? R_FS : R_GS].base = a[1];
        return 0;
    case ARCH_GET_FS:
        return put_guest_u64(a[1], env->segs[R_FS].base);
    case ARCH_GET_GS:
        return put_guest_u64(a[1], env->segs[R_GS].base);
    default:
        return -EINVAL;
    }
}

int64_t sys_set_tid_address(CPUX86State *env, const uint64_t *a)
{
    task->clear_child_tid = a[0];
    return syscall(SYS_gettid);
}

/* ---- clone ---- */

static void clone_child_setup(CPUX86State *env, uint64_t flags,
                              uint64_t newsp, uint64_t ctid, uint64_t tls)
{
    if (newsp) {
        env->regs[R_ESP] = newsp;
    }
    if (flags & CLONE_SETTLS) {
        env->segs[R_FS].base = tls;
    }
    if (flags & CLONE_CHILD_SETTID) {
        put_guest_u32(ctid, (uint32_t)syscall(SYS_gettid));
    }
    if (flags & CLONE_CHILD_CLEARTID) {
        task->clear_child_tid = ctid;
    }
}

static int64_t do_fork(CPUX86State *env, uint64_t flags, uint64_t newsp,
                       uint64_t ptid, uint64_t ctid, uint64_t tls)
{
    int exit_sig = flags & CSIGNAL;
    pid_t pid;

    fflush(NULL);
    if (exit_sig == SIGCHLD) {
        pid = fork();
    } else {
        pid = syscall(SYS_clone, (long)exit_sig, 0L, 0L, 0L, 0L);
    }
    if (pid < 0) {
        return -errno;
    }
    if (pid == 0) {
        clone_child_setup(env, flags, newsp, ctid, tls);
        return 0;
    }
    if (flags & CLONE_PARENT_SETTID) {
        put_guest_u32(ptid, pid);
    }
    return pid;
}

int64_t sys_clone(CPUX86State *env, const uint64_t *a)
{
    uint64_t flags = a[0];
    const uint64_t fork_flags = CSIGNAL | CLONE_VFORK | CLONE_VM |
                                CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
                                CLONE_CHILD_CLEARTID | CLONE_SETTLS;

    if ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) {
        qemu_log_mask(LOG_UNIMP, "clone: threads (CLONE_VM, flags 0x%"
                      PRIx64 ") are not supported\n", flags);
        return -ENOSYS;
    }
    if (flags & ~fork_flags) {
        qemu_log_mask(LOG_UNIMP, "clone: flags 0x%" PRIx64 " are not "
                      "supported\n", flags & ~fork_flags);
        return -ENOSYS;
    }
    return do_fork(env, flags, a[1], a[2], a[3], a[4]);
}

int64_t sys_fork(CPUX86State *env, const uint64_t *a)
{
    return do_fork(env, SIGCHLD, 0, 0, 0, 0);
}

int64_t sys_vfork(CPUX86State *env, const uint64_t *a)
{
    return do_fork(env, SIGCHLD, 0, 0, 0, 0);
}

/* ---- execve ---- */

static bool is_proc_self_exe(const char *p)
{
    g_autofree char *mine = g_strdup_printf("/proc/%d/exe", getpid());

    return g_str_equal(p, "/proc/self/exe") || g_str_equal(p, mine);
}

/* Read a NULL-ended guest array of strings into host pointers. */
static int guest_strv(uint64_t addr, GPtrArray *out)
{
    size_t total = 0;
    uint64_t p;
    int err;

    if (!addr) {
        return 0;
    }
    for (;; addr += sizeof(uint64_t)) {
        const char *s;

        if (get_guest_u64(addr, &p)) {
            return -EFAULT;
        }
        if (!p) {
            return 0;
        }
        s = guest_str(p, MAX_ARG_BYTES, &err);
        if (!s) {
            return err == -ENAMETOOLONG ? -E2BIG : err;
        }
        total += strlen(s) + 1;
        if (total > MAX_ARG_BYTES || out->len >= MAX_ARG_STRINGS) {
            return -E2BIG;
        }
        g_ptr_array_add(out, (char *)s);
    }
}

/*
 * Does path run under us?  A static x86-64 ELF does; a script does if
 * its interpreter does.  Anything else goes to the host kernel.
 */
static bool exec_under_qemu(const char *path, int depth)
{
    char buf[256];
    Elf64_Ehdr eh;
    Elf64_Phdr ph;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n;
    bool ours = false;
    int i;

    if (fd < 0) {
        return false;
    }
    n = pread(fd, buf, sizeof(buf) - 1, 0);
    if (n >= 2 && buf[0] == '#' && buf[1] == '!' && depth < 4) {
        char *interp = buf + 2, *end;

        buf[n] = 0;
        interp += strspn(interp, " \t");
        end = interp + strcspn(interp, " \t\n");
        *end = 0;
        close(fd);
        return *interp && exec_under_qemu(interp, depth + 1);
    }
    if (n >= (ssize_t)sizeof(eh)) {
        memcpy(&eh, buf, sizeof(eh));
        ours = memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 &&
               eh.e_ident[EI_CLASS] == ELFCLASS64 &&
               eh.e_machine == EM_X86_64 && eh.e_phnum < 512;
        for (i = 0; ours && i < eh.e_phnum; i++) {
            if (pread(fd, &ph, sizeof(ph), eh.e_phoff + i * sizeof(ph)) !=
                sizeof(ph) || ph.p_type == PT_INTERP) {
                ours = false;
            }
        }
    }
    close(fd);
    return ours;
}

static int64_t do_execve(int dirfd, uint64_t gpath, uint64_t gargv,
                         uint64_t genvp, int flags)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autoptr(GPtrArray) envp = g_ptr_array_new();
    g_autoptr(GPtrArray) host = g_ptr_array_new();
    g_autofree char *full = NULL;
    const char *path;
    bool ours;
    guint i;
    int err;

    path = guest_path(gpath, &err);
    if (!path) {
        return err;
    }
    if ((err = guest_strv(gargv, argv)) || (err = guest_strv(genvp, envp))) {
        return err;
    }
    if (is_proc_self_exe(path) && task->info->exec_path) {
        path = task->info->exec_path;
    }
    if (dirfd != AT_FDCWD && path[0] != '/') {
        full = g_strdup_printf("/proc/self/fd/%d/%s", dirfd, path);
        path = full;
    }
    if (faccessat(AT_FDCWD, path, X_OK, 0) < 0) {
        return -errno;
    }
    g_ptr_array_add(envp, NULL);
    ours = exec_under_qemu(path, 0);
    if (ours) {
        for (i = 0; i < reexec_args->len; i++) {
            g_ptr_array_add(host, reexec_args->pdata[i]);
        }
        g_ptr_array_add(host, (char *)"-0");
        g_ptr_array_add(host, argv->len ? argv->pdata[0] : (char *)path);
        g_ptr_array_add(host, (char *)path);
        for (i = 1; i < argv->len; i++) {
            g_ptr_array_add(host, argv->pdata[i]);
        }
    } else {
        for (i = 0; i < argv->len; i++) {
            g_ptr_array_add(host, argv->pdata[i]);
        }
    }
    g_ptr_array_add(host, NULL);
    fflush(NULL);
    signal_prepare_exec();
    execve(ours ? reexec_args->pdata[0] : path, (char **)host->pdata,
           (char **)envp->pdata);
    err = -errno;
    signal_exec_failed();
    return err;
}

int64_t sys_execve(CPUX86State *env, const uint64_t *a)
{
    return do_execve(AT_FDCWD, a[0], a[1], a[2], 0);
}

int64_t sys_execveat(CPUX86State *env, const uint64_t *a)
{
    if (a[4] & ~(uint64_t)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) {
        return -EINVAL;
    }
    return do_execve((int)a[0], a[1], a[2], a[3], (int)a[4]);
}

/* ---- identity and limits ---- */

int64_t sys_uname(CPUX86State *env, const uint64_t *a)
{
    struct utsname *u = guest_ptr(a[0], sizeof(*u), PAGE_WRITE);

    if (!u) {
        return -EFAULT;
    }
    if (uname(u) < 0) {
        return -errno;
    }
    if (qemu_uname_release) {
        g_strlcpy(u->release, qemu_uname_release, sizeof(u->release));
    }
    return 0;
}

static bool limit_is_ours(int resource)
{
    return resource == RLIMIT_AS || resource == RLIMIT_DATA ||
           resource == RLIMIT_STACK;
}

int64_t sys_prlimit64(CPUX86State *env, const uint64_t *a)
{
    struct rlimit *nl = NULL, *ol = NULL;
    int pid = (int)a[0], res = (int)a[1];

    if (a[2] && !(nl = guest_ptr(a[2], sizeof(*nl), PAGE_READ))) {
        return -EFAULT;
    }
    if (a[3] && !(ol = guest_ptr(a[3], sizeof(*ol), PAGE_WRITE))) {
        return -EFAULT;
    }
    if (nl && limit_is_ours(res) && (pid == 0 || pid == getpid())) {
        nl = NULL;
    }
    return host_ret(syscall(SYS_prlimit64, pid, res, nl, ol));
}

int64_t sys_setrlimit(CPUX86State *env, const uint64_t *a)
{
    struct rlimit *nl = guest_ptr(a[1], sizeof(*nl), PAGE_READ);

    if (!nl) {
        return -EFAULT;
    }
    if (limit_is_ours((int)a[0])) {
        return 0;
    }
    return host_ret(setrlimit((int)a[0], nl));
}

int64_t sys_getgroups(CPUX86State *env, const uint64_t *a)
{
    int n = (int)a[0];
    void *p = NULL;

    if (n < 0) {
        return -EINVAL;
    }
    if (n && !(p = guest_ptr(a[1], (uint64_t)n * 4, PAGE_WRITE))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_getgroups, n, p));
}

int64_t sys_setgroups(CPUX86State *env, const uint64_t *a)
{
    int64_t n = (int64_t)a[0];
    void *p = NULL;

    if (n < 0 || n > 65536) {
        return -EINVAL;
    }
    if (n && !(p = guest_ptr(a[1], n * 4, PAGE_READ))) {
        return -EFAULT;
    }
    return host_ret(syscall(SYS_setgroups, (long)n, p));
}

int64_t sys_prctl(CPUX86State *env, const uint64_t *a)
{
    void *p;

    switch (a[0]) {
    case PR_SET_NAME:
    case PR_GET_NAME:
        p = guest_ptr(a[1], 16, a[0] == PR_SET_NAME ? PAGE_READ :
                                                     PAGE_WRITE);
        if (!p) {
            return -EFAULT;
        }
        return host_ret(prctl((int)a[0], p, 0, 0, 0));
    case PR_GET_PDEATHSIG:
    case PR_GET_DUMPABLE:
    case PR_SET_DUMPABLE:
    case PR_SET_PDEATHSIG:
    case PR_GET_KEEPCAPS:
    case PR_SET_KEEPCAPS:
    case PR_GET_NO_NEW_PRIVS:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_TIMERSLACK:
    case PR_SET_TIMERSLACK:
    case PR_SET_CHILD_SUBREAPER:
    case PR_CAPBSET_READ:
        if (a[0] == PR_GET_PDEATHSIG) {
            p = guest_ptr(a[1], 4, PAGE_WRITE);
            if (!p) {
                return -EFAULT;
            }
            return host_ret(prctl((int)a[0], p, 0, 0, 0));
        }
        return host_ret(prctl((int)a[0], a[1], a[2], a[3], a[4]));
    default:
        qemu_log_mask(LOG_UNIMP, "prctl: option %" PRIu64 " is not "
                      "supported\n", a[0]);
        return -EINVAL;
    }
}
