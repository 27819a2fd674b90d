/*
 * syscall-sig.c: the signal syscalls' entry points.
 *
 * The state lives in signal.c; rt_sigtimedwait first takes a signal that
 * is already queued here (caught by the host handler, still blocked by
 * the guest) before asking the host kernel, where the guest's blocked
 * signals wait because the host mask mirrors the guest's.
 */
#include "syscall-defs.h"
#include <sys/syscall.h>

int64_t sys_rt_sigaction(CPUX86State *env, const uint64_t *a)
{
    return do_rt_sigaction((int)a[0], a[1], a[2], a[3]);
}

int64_t sys_rt_sigprocmask(CPUX86State *env, const uint64_t *a)
{
    return do_rt_sigprocmask((int)a[0], a[1], a[2], a[3]);
}

int64_t sys_rt_sigreturn(CPUX86State *env, const uint64_t *a)
{
    return do_rt_sigreturn(env);
}

int64_t sys_rt_sigsuspend(CPUX86State *env, const uint64_t *a)
{
    return do_rt_sigsuspend(a[0], a[1]);
}

int64_t sys_rt_sigpending(CPUX86State *env, const uint64_t *a)
{
    return do_rt_sigpending(a[0], a[1]);
}

int64_t sys_sigaltstack(CPUX86State *env, const uint64_t *a)
{
    return do_sigaltstack(a[0], a[1], env->regs[R_ESP]);
}

int64_t sys_pause(CPUX86State *env, const uint64_t *a)
{
    long r = safe_syscall(SYS_pause, 0, 0, 0, 0, 0, 0);

    return r == -QEMU_ERESTARTSYS ? -EINTR : r;
}

int64_t sys_rt_sigtimedwait(CPUX86State *env, const uint64_t *a)
{
    uint64_t set;
    void *info = NULL, *ts = NULL;
    sigset_t host_set;
    int sig;

    if (a[3] != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (copy_from_guest(&set, a[0], sizeof(set))) {
        return -EFAULT;
    }
    if (a[1] && !(info = guest_ptr(a[1], sizeof(siginfo_t), PAGE_WRITE))) {
        return -EFAULT;
    }
    if (a[2] && !(ts = guest_ptr(a[2], 16, PAGE_READ))) {
        return -EFAULT;
    }
    if (task->pending & set) {
        sig = __builtin_ctzll(task->pending & set) + 1;
        task->pending &= ~(UINT64_C(1) << (sig - 1));
        if (info) {
            memcpy(info, &task->pending_info[sig], sizeof(siginfo_t));
        }
        signal_sync_host_mask();
        return sig;
    }
    guest_to_host_sigset(set, &host_set);
    return safe_syscall(SYS_rt_sigtimedwait, (long)&host_set, (long)info,
                        (long)ts, 8, 0, 0);
}
