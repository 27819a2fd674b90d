/*
 * syscall.c: the guest's system calls: the table and the generic path.
 *
 * Guest and host share the x86-64 Linux ABI (syscall numbers, argument
 * registers, structure layouts), so a syscall whose arguments are
 * integers, paths and fixed-size structures is checked and passed to
 * the host kernel: each pointer must lie in guest memory with the right
 * access (EFAULT otherwise, never a host crash) and is moved to its host
 * address.  Syscalls that may block go through safe_syscall so a guest
 * signal interrupts them exactly as the kernel would.  The rest have
 * handlers (syscall-mem.c, syscall-proc.c, syscall-sig.c, syscall-io.c).
 * A syscall not in the table fails with ENOSYS and a `-d unimp` line.
 *
 * Missing: threads (clone with CLONE_VM), SysV IPC, io_uring, AIO, BPF,
 * mount and other administration calls; see syscall_table.
 */
#include "syscall-defs.h"
#include <sys/syscall.h>
#include "qemu/log.h"

/* ---- structure kinds of the args strings ---- */

size_t syscall_struct_size(char kind)
{
    switch (kind) {
    case 'S': return 144;        /* struct stat */
    case 'T': return 16;         /* struct timespec */
    case 'V': return 16;         /* struct timeval */
    case 'R': return 16;         /* struct rlimit */
    case 'U': return 144;        /* struct rusage */
    case 'N': return 390;        /* struct utsname */
    case 'I': return 4;          /* int */
    case 'L': return 8;          /* long, off_t, pointer-sized value */
    case 'Z': return 8;          /* struct timezone */
    case 'K': return 120;        /* struct statfs */
    case 'X': return 256;        /* struct statx */
    case 't': return 32;         /* struct tms */
    case 'J': return 32;         /* struct itimerval, itimerspec */
    case 'F': return 8;          /* int[2] */
    case 'E': return 12;         /* struct epoll_event (packed) */
    case 'Y': return 112;        /* struct sysinfo */
    case 'G': return 8;          /* kernel sigset_t */
    case 'W': return 128;        /* siginfo_t */
    case 'A': return 32;         /* struct timespec[2] */
    case 'v': return 32;         /* struct timeval[2] */
    case 'Q': return 64;         /* struct sigevent */
    case 'D': return 4;          /* struct sched_param */
    case 'u': return 16;         /* struct utimbuf */
    case 'C': return 32;         /* struct robust_list_head etc. */
    default: return 0;
    }
}

/* ---- the table ---- */

#define SYS(nr, nm, a, fl) [__NR_##nr] = { nm, a, fl, NULL }
#define HND(nr, nm, a, fl, fn) [__NR_##nr] = { nm, a, fl, fn }

static const SyscallDef syscall_table[] = {
    /* files */
    SYS(read, "read", "fB3i", SC_SAFE),
    SYS(write, "write", "fb3i", SC_SAFE),
    HND(open, "open", "pOo", SC_SAFE, sys_open),
    SYS(close, "close", "f", 0),
    SYS(stat, "stat", "p>S", 0),
    SYS(fstat, "fstat", "f>S", 0),
    SYS(lstat, "lstat", "p>S", 0),
    SYS(newfstatat, "newfstatat", "fP>Sx", 0),
    SYS(statx, "statx", "fPxx>X", 0),
    SYS(lseek, "lseek", "fii", 0),
    SYS(pread64, "pread64", "fB3ii", SC_SAFE),
    SYS(pwrite64, "pwrite64", "fb3ii", SC_SAFE),
    HND(readv, "readv", "fai", SC_SAFE, sys_readv),
    HND(writev, "writev", "fai", SC_SAFE, sys_writev),
    HND(preadv, "preadv", "faiii", SC_SAFE, sys_preadv),
    HND(pwritev, "pwritev", "faiii", SC_SAFE, sys_pwritev),
    SYS(access, "access", "pi", 0),
    SYS(faccessat, "faccessat", "fpi", 0),
    SYS(faccessat2, "faccessat2", "fpix", 0),
    SYS(pipe, "pipe", ">F", 0),
    SYS(pipe2, "pipe2", ">FO", 0),
    SYS(dup, "dup", "f", 0),
    SYS(dup2, "dup2", "ff", 0),
    SYS(dup3, "dup3", "ffO", 0),
    HND(fcntl, "fcntl", "fix", SC_SAFE, sys_fcntl),
    SYS(flock, "flock", "fi", SC_SAFE),
    SYS(fsync, "fsync", "f", SC_SAFE),
    SYS(fdatasync, "fdatasync", "f", SC_SAFE),
    SYS(truncate, "truncate", "pi", 0),
    SYS(ftruncate, "ftruncate", "fi", 0),
    SYS(getdents64, "getdents64", "fB3i", 0),
    SYS(getcwd, "getcwd", "B2i", 0),
    SYS(chdir, "chdir", "p", 0),
    SYS(fchdir, "fchdir", "f", 0),
    SYS(rename, "rename", "pp", 0),
    SYS(renameat, "renameat", "fpfp", 0),
    SYS(renameat2, "renameat2", "fpfpx", 0),
    SYS(mkdir, "mkdir", "po", 0),
    SYS(mkdirat, "mkdirat", "fpo", 0),
    SYS(rmdir, "rmdir", "p", 0),
    SYS(creat, "creat", "po", SC_SAFE),
    SYS(link, "link", "pp", 0),
    SYS(linkat, "linkat", "fpfpx", 0),
    SYS(unlink, "unlink", "p", 0),
    SYS(unlinkat, "unlinkat", "fpx", 0),
    SYS(symlink, "symlink", "sp", 0),
    SYS(symlinkat, "symlinkat", "sfp", 0),
    HND(readlink, "readlink", "pB3i", 0, sys_readlink),
    HND(readlinkat, "readlinkat", "fpB4i", 0, sys_readlinkat),
    SYS(chmod, "chmod", "po", 0),
    SYS(fchmod, "fchmod", "fo", 0),
    SYS(fchmodat, "fchmodat", "fpo", 0),
    SYS(chown, "chown", "pii", 0),
    SYS(fchown, "fchown", "fii", 0),
    SYS(lchown, "lchown", "pii", 0),
    SYS(fchownat, "fchownat", "fpiix", 0),
    SYS(umask, "umask", "o", 0),
    SYS(utime, "utime", "p<u", 0),
    SYS(utimes, "utimes", "p<v", 0),
    SYS(utimensat, "utimensat", "fP<Ax", 0),
    SYS(futimesat, "futimesat", "fP<v", 0),
    SYS(mknod, "mknod", "poi", 0),
    SYS(mknodat, "mknodat", "fpoi", 0),
    SYS(statfs, "statfs", "p>K", 0),
    SYS(fstatfs, "fstatfs", "f>K", 0),
    SYS(sync, "sync", "", 0),
    SYS(syncfs, "syncfs", "f", 0),
    SYS(fallocate, "fallocate", "fiii", 0),
    SYS(fadvise64, "fadvise64", "fiii", 0),
    SYS(readahead, "readahead", "fii", 0),
    SYS(sendfile, "sendfile", "ff=Li", SC_SAFE),
    SYS(splice, "splice", "f=Lf=Lix", SC_SAFE),
    SYS(tee, "tee", "ffix", SC_SAFE),
    SYS(copy_file_range, "copy_file_range", "f=Lf=Lix", SC_SAFE),
    SYS(chroot, "chroot", "p", 0),
    SYS(close_range, "close_range", "iix", 0),
    SYS(memfd_create, "memfd_create", "sx", 0),
    SYS(eventfd2, "eventfd2", "ix", 0),
    SYS(eventfd, "eventfd", "i", 0),
    SYS(timerfd_create, "timerfd_create", "ix", 0),
    SYS(timerfd_settime, "timerfd_settime", "fx<J>J", 0),
    SYS(timerfd_gettime, "timerfd_gettime", "f>J", 0),
    SYS(signalfd4, "signalfd4", "f<Gix", 0),
    SYS(signalfd, "signalfd", "f<Gi", 0),
    SYS(inotify_init1, "inotify_init1", "x", 0),
    SYS(inotify_add_watch, "inotify_add_watch", "fpx", 0),
    SYS(inotify_rm_watch, "inotify_rm_watch", "fi", 0),
    HND(ioctl, "ioctl", "fxx", SC_SAFE, sys_ioctl),
    HND(openat, "openat", "fpOo", SC_SAFE, sys_openat),
    /* polling */
    HND(poll, "poll", "aii", SC_SAFE, sys_poll),
    HND(ppoll, "ppoll", "ai<Tai", SC_SAFE, sys_ppoll),
    HND(select, "select", "iaaaa", SC_SAFE, sys_select),
    HND(pselect6, "pselect6", "iaaaaa", SC_SAFE, sys_pselect6),
    SYS(epoll_create, "epoll_create", "i", 0),
    SYS(epoll_create1, "epoll_create1", "x", 0),
    SYS(epoll_ctl, "epoll_ctl", "fif<E", 0),
    HND(epoll_wait, "epoll_wait", "faii", SC_SAFE, sys_epoll_wait),
    HND(epoll_pwait, "epoll_pwait", "faiiai", SC_SAFE, sys_epoll_pwait),
    /* memory */
    HND(brk, "brk", "x", SC_RETADDR, sys_brk),
    HND(mmap, "mmap", "xiMxfi", SC_RETADDR, sys_mmap),
    HND(munmap, "munmap", "xi", 0, sys_munmap),
    HND(mprotect, "mprotect", "xiM", 0, sys_mprotect),
    HND(mremap, "mremap", "xiixx", SC_RETADDR, sys_mremap),
    HND(madvise, "madvise", "xii", 0, sys_madvise),
    HND(msync, "msync", "xix", 0, sys_range_check),
    HND(mlock, "mlock", "xi", 0, sys_range_check),
    HND(munlock, "munlock", "xi", 0, sys_range_check),
    SYS(mlockall, "mlockall", "x", 0),
    SYS(munlockall, "munlockall", "", 0),
    /* processes */
    HND(exit, "exit", "i", SC_NORET, sys_exit),
    HND(exit_group, "exit_group", "i", SC_NORET, sys_exit_group),
    HND(clone, "clone", "xaaaa", 0, sys_clone),
    HND(clone3, "clone3", "ai", 0, sys_enosys),
    HND(fork, "fork", "", 0, sys_fork),
    HND(vfork, "vfork", "", 0, sys_vfork),
    HND(execve, "execve", "paa", 0, sys_execve),
    HND(execveat, "execveat", "fpaax", 0, sys_execveat),
    SYS(wait4, "wait4", "i>Ii>U", SC_SAFE),
    SYS(waitid, "waitid", "ii>Wi>U", SC_SAFE),
    SYS(kill, "kill", "ii", 0),
    SYS(tkill, "tkill", "ii", 0),
    SYS(tgkill, "tgkill", "iii", 0),
    SYS(getpid, "getpid", "", 0),
    SYS(getppid, "getppid", "", 0),
    SYS(gettid, "gettid", "", 0),
    SYS(getuid, "getuid", "", 0),
    SYS(geteuid, "geteuid", "", 0),
    SYS(getgid, "getgid", "", 0),
    SYS(getegid, "getegid", "", 0),
    SYS(setuid, "setuid", "i", 0),
    SYS(setgid, "setgid", "i", 0),
    SYS(setreuid, "setreuid", "ii", 0),
    SYS(setregid, "setregid", "ii", 0),
    SYS(setresuid, "setresuid", "iii", 0),
    SYS(setresgid, "setresgid", "iii", 0),
    SYS(getresuid, "getresuid", ">I>I>I", 0),
    SYS(getresgid, "getresgid", ">I>I>I", 0),
    SYS(setfsuid, "setfsuid", "i", 0),
    SYS(setfsgid, "setfsgid", "i", 0),
    HND(getgroups, "getgroups", "ia", 0, sys_getgroups),
    HND(setgroups, "setgroups", "ia", 0, sys_setgroups),
    SYS(setsid, "setsid", "", 0),
    SYS(getsid, "getsid", "i", 0),
    SYS(setpgid, "setpgid", "ii", 0),
    SYS(getpgid, "getpgid", "i", 0),
    SYS(getpgrp, "getpgrp", "", 0),
    SYS(getpriority, "getpriority", "ii", 0),
    SYS(setpriority, "setpriority", "iii", 0),
    SYS(sched_yield, "sched_yield", "", 0),
    SYS(sched_getaffinity, "sched_getaffinity", "iiB2", 0),
    SYS(sched_setaffinity, "sched_setaffinity", "iib2", 0),
    SYS(sched_getscheduler, "sched_getscheduler", "i", 0),
    SYS(sched_getparam, "sched_getparam", "i>D", 0),
    SYS(sched_get_priority_max, "sched_get_priority_max", "i", 0),
    SYS(sched_get_priority_min, "sched_get_priority_min", "i", 0),
    SYS(getrusage, "getrusage", "i>U", 0),
    SYS(getrlimit, "getrlimit", "i>R", 0),
    HND(setrlimit, "setrlimit", "i<R", 0, sys_setrlimit),
    HND(prlimit64, "prlimit64", "ii<R>R", 0, sys_prlimit64),
    HND(uname, "uname", ">N", 0, sys_uname),
    SYS(sethostname, "sethostname", "b2i", 0),
    SYS(setdomainname, "setdomainname", "b2i", 0),
    HND(arch_prctl, "arch_prctl", "xx", 0, sys_arch_prctl),
    HND(prctl, "prctl", "ixxxx", 0, sys_prctl),
    SYS(personality, "personality", "x", 0),
    HND(set_tid_address, "set_tid_address", "a", 0, sys_set_tid_address),
    HND(set_robust_list, "set_robust_list", "ai", 0, sys_enosys),
    HND(get_robust_list, "get_robust_list", "iaa", 0, sys_enosys),
    HND(rseq, "rseq", "aixx", 0, sys_enosys),
    HND(futex, "futex", "axiaai", SC_SAFE, sys_futex),
    SYS(getcpu, "getcpu", ">I>Ia", 0),
    SYS(getrandom, "getrandom", "B2ix", SC_SAFE),
    SYS(sysinfo, "sysinfo", ">Y", 0),
    SYS(times, "times", ">t", 0),
    SYS(capget, "capget", "=C>C", 0),
    /* time */
    SYS(time, "time", ">L", 0),
    SYS(gettimeofday, "gettimeofday", ">V>Z", 0),
    SYS(settimeofday, "settimeofday", "<V<Z", 0),
    SYS(clock_gettime, "clock_gettime", "i>T", 0),
    SYS(clock_getres, "clock_getres", "i>T", 0),
    SYS(clock_settime, "clock_settime", "i<T", 0),
    SYS(nanosleep, "nanosleep", "<T>T", SC_SAFE),
    SYS(clock_nanosleep, "clock_nanosleep", "ix<T>T", SC_SAFE),
    SYS(alarm, "alarm", "i", 0),
    SYS(getitimer, "getitimer", "i>J", 0),
    SYS(setitimer, "setitimer", "i<J>J", 0),
    SYS(timer_create, "timer_create", "i<Q>I", 0),
    SYS(timer_settime, "timer_settime", "ix<J>J", 0),
    SYS(timer_gettime, "timer_gettime", "i>J", 0),
    SYS(timer_getoverrun, "timer_getoverrun", "i", 0),
    SYS(timer_delete, "timer_delete", "i", 0),
    /* signals */
    HND(rt_sigaction, "rt_sigaction", "iaai", 0, sys_rt_sigaction),
    HND(rt_sigprocmask, "rt_sigprocmask", "iaai", 0, sys_rt_sigprocmask),
    HND(rt_sigreturn, "rt_sigreturn", "", SC_NORET, sys_rt_sigreturn),
    HND(rt_sigsuspend, "rt_sigsuspend", "ai", 0, sys_rt_sigsuspend),
    HND(rt_sigpending, "rt_sigpending", "ai", 0, sys_rt_sigpending),
    HND(rt_sigtimedwait, "rt_sigtimedwait", "aaai", SC_SAFE,
        sys_rt_sigtimedwait),
    SYS(rt_sigqueueinfo, "rt_sigqueueinfo", "ii<W", 0),
    HND(sigaltstack, "sigaltstack", "aa", 0, sys_sigaltstack),
    HND(pause, "pause", "", 0, sys_pause),
    /* sockets */
    SYS(socket, "socket", "iii", 0),
    SYS(socketpair, "socketpair", "iii>F", 0),
    SYS(bind, "bind", "fb3i", 0),
    SYS(connect, "connect", "fb3i", SC_SAFE),
    SYS(listen, "listen", "fi", 0),
    HND(accept, "accept", "faa", SC_SAFE, sys_accept),
    HND(accept4, "accept4", "faax", SC_SAFE, sys_accept4),
    HND(getsockname, "getsockname", "faa", 0, sys_getsockname),
    HND(getpeername, "getpeername", "faa", 0, sys_getpeername),
    SYS(sendto, "sendto", "fb3ixb6i", SC_SAFE),
    HND(recvfrom, "recvfrom", "faixaa", SC_SAFE, sys_recvfrom),
    HND(sendmsg, "sendmsg", "fax", SC_SAFE, sys_sendmsg),
    HND(recvmsg, "recvmsg", "fax", SC_SAFE, sys_recvmsg),
    SYS(shutdown, "shutdown", "fi", 0),
    SYS(setsockopt, "setsockopt", "fiib5i", 0),
    HND(getsockopt, "getsockopt", "fiiaa", 0, sys_getsockopt),
};

#undef SYS
#undef HND

const SyscallDef *syscall_def(int num)
{
    if (num < 0 || (size_t)num >= ARRAY_SIZE(syscall_table) ||
        !syscall_table[num].name) {
        return NULL;
    }
    return &syscall_table[num];
}

/* ---- the generic path ---- */

const char *guest_path(uint64_t addr, int *err)
{
    const char *p = guest_str(addr, PATH_MAX, err);
    static char buf[2][PATH_MAX];
    static int which;

    if (!p || !interp_prefix || p[0] != '/') {
        return p;
    }
    /* -L: an absolute path that exists under the prefix goes there. */
    which ^= 1;
    if (snprintf(buf[which], PATH_MAX, "%s%s", interp_prefix, p) <
        PATH_MAX && access(buf[which], F_OK) == 0) {
        return buf[which];
    }
    return p;
}

static int marshal_struct(char dir, char kind, uint64_t ga, long *h)
{
    size_t size = syscall_struct_size(kind);
    int flags = dir == '<' ? PAGE_READ :
                dir == '>' ? PAGE_WRITE : PAGE_READ | PAGE_WRITE;
    void *p;

    if (!ga) {
        *h = 0;
        return 0;
    }
    p = guest_ptr(ga, size, flags);
    if (!p) {
        return -EFAULT;
    }
    *h = (long)p;
    return 0;
}

static int marshal_buffer(char dir, int lenarg, const uint64_t *a,
                          int i, long *h)
{
    uint64_t len = lenarg >= 1 && lenarg <= 6 ? a[lenarg - 1] : 0;
    void *p;

    if (!a[i]) {
        *h = 0;
        return 0;
    }
    /* A negative length is the kernel's to refuse; don't touch memory. */
    if ((int64_t)len < 0) {
        *h = (long)g2h_untagged(a[i]);
        return 0;
    }
    p = guest_ptr(a[i], len, dir == 'b' ? PAGE_READ : PAGE_WRITE);
    if (!p) {
        return -EFAULT;
    }
    *h = (long)p;
    return 0;
}

/* Turn guest arguments into host ones by the args string. */
static int marshal_args(const char *spec, const uint64_t *a, long *h)
{
    int i = 0, err = 0;
    const char *p;

    for (p = spec; *p && i < 6; p += syscall_token_len(p), i++) {
        const char *s;

        switch (p[0]) {
        case 'p':
        case 'P':
        case 's':
            if (p[0] == 'P' && !a[i]) {
                h[i] = 0;
                break;
            }
            s = p[0] == 's' ? guest_str(a[i], PATH_MAX, &err) :
                              guest_path(a[i], &err);
            if (!s) {
                return err;
            }
            h[i] = (long)s;
            break;
        case 'b':
        case 'B':
            err = marshal_buffer(p[0], p[1] - '0', a, i, &h[i]);
            break;
        case '<':
        case '>':
        case '=':
            err = marshal_struct(p[0], p[1], a[i], &h[i]);
            break;
        default:
            h[i] = a[i];
            break;
        }
        if (err) {
            return err;
        }
    }
    for (; i < 6; i++) {
        h[i] = a[i];
    }
    return 0;
}

static int64_t do_generic(int num, const SyscallDef *d, const uint64_t *a)
{
    long h[6];
    int err = marshal_args(d->args, a, h);

    if (err) {
        return err;
    }
    if (d->flags & SC_SAFE) {
        return safe_syscall(num, h[0], h[1], h[2], h[3], h[4], h[5]);
    }
    return host_ret(syscall(num, h[0], h[1], h[2], h[3], h[4], h[5]));
}

void user_exit(int status)
{
    FILE *f = qemu_log_trylock();

    if (f) {
        fflush(f);
        qemu_log_unlock(f);
    }
    fflush(NULL);
    _exit(status);
}

int64_t do_syscall(CPUX86State *env, int num, uint64_t a1, uint64_t a2,
                   uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6)
{
    const uint64_t a[6] = { a1, a2, a3, a4, a5, a6 };
    const SyscallDef *d = syscall_def(num);
    int64_t ret;

    if (qemu_loglevel_mask(LOG_STRACE)) {
        strace_syscall(num, a);
    }
    if (!d) {
        qemu_log_mask(LOG_UNIMP, "Unsupported syscall: %d\n", num);
        ret = -ENOSYS;
    } else if (d->handler) {
        ret = d->handler(env, a);
    } else {
        ret = do_generic(num, d, a);
    }
    if (qemu_loglevel_mask(LOG_STRACE)) {
        strace_syscall_ret(num, ret);
    }
    return ret;
}
