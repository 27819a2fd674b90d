/*
 * signal.c: host signals in, guest signals out.
 *
 * Models the kernel's signal semantics for one task (signal(7),
 * sigaction(2), sigprocmask(2), sigaltstack(2), sigsuspend(2)):
 *  - Host handlers catch SIGSEGV/SIGBUS (and SIGFPE/SIGILL/SIGTRAP) to
 *    tell writes to pages holding translated code (page_unprotect),
 *    guest faults in generated code (cpu_loop_exit_sigsegv) and our own
 *    bugs apart.
 *  - Other host signals reach a host handler only while the guest has a
 *    handler for them; guest SIG_DFL and SIG_IGN are host SIG_DFL and
 *    SIG_IGN, so default actions, stops and exit statuses are the host
 *    kernel's own and SIG_IGN survives execve.
 *  - The host signal mask mirrors the guest's, so blocked signals stay
 *    pending in the host kernel (sigpending, sigtimedwait and signalfd
 *    see them).  A caught signal is queued here, every other signal is
 *    blocked on the host until the cpu loop has delivered it, and the
 *    CPU is kicked out of generated code; blocking syscalls go through
 *    safe_syscall (safe-syscall.S) so none can miss it.
 *  - Delivery builds the kernel's rt_sigframe (x86_64-signal.c), honours
 *    SA_SIGINFO/SA_RESTART/SA_ONSTACK/SA_RESETHAND/SA_NODEFER and the
 *    restart of interrupted syscalls.
 *
 * Missing: guest core dumps; signals 32 and 33 (the host C library
 * keeps them) cannot get guest handlers.
 */
#include "linux-user.h"
#include <sys/syscall.h>
#include <ucontext.h>
#include "qemu/log.h"

static GuestSigaction sigact_table[GUEST_NSIG + 1];

static inline uint64_t sigbit(int sig)
{
    return UINT64_C(1) << (sig - 1);
}

#define UNBLOCKABLE (sigbit(SIGKILL) | sigbit(SIGSTOP))

/* Signals the emulator always handles on the host and never blocks. */
static bool sig_is_sync(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE ||
           sig == SIGILL || sig == SIGTRAP;
}

static uint64_t sync_mask(void)
{
    return sigbit(SIGSEGV) | sigbit(SIGBUS) | sigbit(SIGFPE) |
           sigbit(SIGILL) | sigbit(SIGTRAP);
}

/* Default action is to ignore (signal(7)). */
static bool sig_default_ignored(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH ||
           sig == SIGCONT;
}

static bool sig_default_stops(int sig)
{
    return sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU ||
           sig == SIGSTOP;
}

uint64_t host_to_guest_sigset(const sigset_t *set)
{
    uint64_t m = 0;
    int sig;

    for (sig = 1; sig <= GUEST_NSIG; sig++) {
        if (sigismember(set, sig) == 1) {
            m |= sigbit(sig);
        }
    }
    return m;
}

void guest_to_host_sigset(uint64_t mask, sigset_t *set)
{
    int sig;

    sigemptyset(set);
    for (sig = 1; sig <= GUEST_NSIG; sig++) {
        if (mask & sigbit(sig)) {
            sigaddset(set, sig);
        }
    }
}

const GuestSigaction *guest_sigaction(int sig)
{
    return &sigact_table[sig];
}

/* ---- the host mask ---- */

static void host_mask_for(uint64_t guest_mask, sigset_t *set)
{
    uint64_t m = guest_mask | task->pending;

    if (task->signal_pending) {
        m = ~UINT64_C(0);
    }
    guest_to_host_sigset(m & ~sync_mask(), set);
}

void signal_sync_host_mask(void)
{
    sigset_t set;

    host_mask_for(task->sigmask, &set);
    sigprocmask(SIG_SETMASK, &set, NULL);
}

void signal_temp_mask(uint64_t mask, sigset_t *host_set)
{
    task->saved_sigmask = task->sigmask;
    task->restore_sigmask = true;
    task->sigmask = mask & ~UNBLOCKABLE;
    if (task->pending & ~task->sigmask) {
        task->signal_pending = 1;
    }
    host_mask_for(task->sigmask, host_set);
}

/* ---- the host handler ---- */

static void host_fault_not_ours(int sig, uintptr_t pc, void *addr)
{
    char buf[160];
    int n = snprintf(buf, sizeof(buf), "qemu-x86_64: host signal %d at pc "
                     "%p, address %p: emulator bug\n", sig, (void *)pc,
                     addr);

    if (write(2, buf, n) < 0) {
        /* Nothing more to say. */
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static bool host_addr_in_guest(void *addr)
{
    uintptr_t h = (uintptr_t)addr;

    return h >= guest_base && h - guest_base <= GUEST_ADDR_MAX;
}

static void record_fault(int sig, int code, uint64_t addr)
{
    memset(&task->fault_info, 0, sizeof(task->fault_info));
    task->fault_info.si_signo = sig;
    task->fault_info.si_code = code;
    task->fault_info.si_addr = (void *)(uintptr_t)addr;
    task->fault_valid = true;
    task->signal_pending = 1;
}

void force_sig_fault(int sig, int code, uint64_t addr)
{
    record_fault(sig, code, addr);
}

/* A fault: SMC write, guest fault in generated code, or a bug of ours. */
static void host_sync_fault(int sig, siginfo_t *info, ucontext_t *uc)
{
    uintptr_t pc = uc->uc_mcontext.gregs[REG_RIP];
    bool is_write = uc->uc_mcontext.gregs[REG_ERR] & 2;
    bool in_tb = in_code_gen_buffer((void *)pc);
    CPUState *cs = guest_cpu ? CPU(guest_cpu) : NULL;
    uint64_t gaddr = 0;

    if (sig == SIGSEGV && host_addr_in_guest(info->si_addr)) {
        gaddr = h2g(info->si_addr);
        if (info->si_code == SEGV_ACCERR && is_write) {
            int r = page_unprotect(gaddr, in_tb ? pc : 0);

            if (r == 1) {
                return;
            }
            if (r == 2 && cs) {
                sigprocmask(SIG_SETMASK, &uc->uc_sigmask, NULL);
                cpu_loop_exit_noexc(cs);
            }
        }
    } else if (sig == SIGBUS && host_addr_in_guest(info->si_addr)) {
        gaddr = h2g(info->si_addr);
    }
    if (!cs || !in_tb) {
        host_fault_not_ours(sig, pc, info->si_addr);
        return;
    }
    /* Leaving the handler by longjmp: unblock what the kernel blocked. */
    sigprocmask(SIG_SETMASK, &uc->uc_sigmask, NULL);
    if (sig == SIGSEGV) {
        record_fault(sig, info->si_code, gaddr);
        cpu_loop_exit_sigsegv(cs, gaddr, is_write ? MMU_DATA_STORE :
                              MMU_DATA_LOAD, info->si_code != SEGV_ACCERR,
                              pc);
    }
    if (sig == SIGBUS) {
        record_fault(sig, info->si_code, gaddr);
        cpu_loop_exit_sigbus(cs, gaddr, is_write ? MMU_DATA_STORE :
                             MMU_DATA_LOAD, pc);
    }
    /* SIGFPE/SIGILL/SIGTRAP raised by a host instruction in a TB. */
    cpu_restore_state(cs, pc);
    record_fault(sig, info->si_code, cpu_env(cs)->eip);
    cpu_loop_exit(cs);
}

static void queue_host_signal(int sig, const siginfo_t *info)
{
    task->pending_info[sig] = *info;
    task->pending |= sigbit(sig);
    task->signal_pending = 1;
}

static void host_signal_handler(int sig, siginfo_t *info, void *puc)
{
    ucontext_t *uc = puc;
    uintptr_t pc = uc->uc_mcontext.gregs[REG_RIP];
    int saved_errno = errno;

    if (sig_is_sync(sig) && info->si_code > 0) {
        host_sync_fault(sig, info, uc);
        errno = saved_errno;
        return;
    }
    queue_host_signal(sig, info);
    /* Nothing else until the cpu loop has delivered this one. */
    sigfillset(&uc->uc_sigmask);
    for (int s = 1; s <= GUEST_NSIG; s++) {
        if (sig_is_sync(s)) {
            sigdelset(&uc->uc_sigmask, s);
        }
    }
    if (pc >= (uintptr_t)safe_syscall_start &&
        pc < (uintptr_t)safe_syscall_end) {
        uc->uc_mcontext.gregs[REG_RIP] = (uintptr_t)safe_syscall_start;
    }
    if (guest_cpu) {
        cpu_exit(CPU(guest_cpu));
    }
    errno = saved_errno;
}

/* Give the host the disposition that matches the guest's for sig. */
static void update_host_action(int sig)
{
    const GuestSigaction *ka = &sigact_table[sig];
    struct sigaction act;

    if (sig == SIGKILL || sig == SIGSTOP) {
        return;
    }
    memset(&act, 0, sizeof(act));
    sigfillset(&act.sa_mask);
    if (sig_is_sync(sig) || (ka->handler != (uintptr_t)SIG_DFL &&
                             ka->handler != (uintptr_t)SIG_IGN)) {
        act.sa_sigaction = host_signal_handler;
        act.sa_flags = SA_SIGINFO | SA_RESTART;
    } else {
        act.sa_handler = ka->handler == (uintptr_t)SIG_IGN ? SIG_IGN :
                         SIG_DFL;
    }
    if (sigaction(sig, &act, NULL) < 0 && act.sa_flags) {
        qemu_log_mask(LOG_UNIMP, "signal %d: the host keeps it, a guest "
                      "handler cannot run\n", sig);
    }
}

void signal_init(void)
{
    struct sigaction old;
    sigset_t mask;
    int sig;

    for (sig = 1; sig <= GUEST_NSIG; sig++) {
        sigact_table[sig].handler = (uintptr_t)SIG_DFL;
        if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
            sigact_table[sig].handler = (uintptr_t)SIG_IGN;
        }
        if (sig_is_sync(sig)) {
            update_host_action(sig);
        }
    }
    sigprocmask(SIG_SETMASK, NULL, &mask);
    task->sigmask = host_to_guest_sigset(&mask) & ~UNBLOCKABLE;
    signal_sync_host_mask();
}

void signal_prepare_exec(void)
{
    sigset_t set;
    int sig;

    /* execve keeps SIG_IGN and the mask; handlers become SIG_DFL. */
    for (sig = 1; sig <= GUEST_NSIG; sig++) {
        if (sig_is_sync(sig) &&
            sigact_table[sig].handler == (uintptr_t)SIG_IGN) {
            signal(sig, SIG_IGN);
        }
    }
    guest_to_host_sigset(task->sigmask, &set);
    sigprocmask(SIG_SETMASK, &set, NULL);
}

void signal_exec_failed(void)
{
    int sig;

    for (sig = 1; sig <= GUEST_NSIG; sig++) {
        if (sig_is_sync(sig)) {
            update_host_action(sig);
        }
    }
    signal_sync_host_mask();
}

/* ---- delivery ---- */

/* Die of sig with the host's default action (exit status, core). */
static QEMU_NORETURN void die_with_signal(int sig)
{
    struct sigaction act;
    sigset_t set;

    fflush(NULL);
    memset(&act, 0, sizeof(act));
    act.sa_handler = SIG_DFL;
    sigaction(sig, &act, NULL);
    kill(getpid(), sig);
    sigfillset(&set);
    sigdelset(&set, sig);
    sigprocmask(SIG_SETMASK, &set, NULL);
    sigsuspend(&set);
    abort();
}

static void deliver_default(int sig)
{
    if (sig_default_ignored(sig)) {
        return;
    }
    if (sig_default_stops(sig)) {
        kill(getpid(), SIGSTOP);
        return;
    }
    die_with_signal(sig);
}

static void deliver_to_handler(CPUX86State *env, int sig,
                               const siginfo_t *info)
{
    GuestSigaction *ka = &sigact_table[sig];
    uint64_t old_mask = task->restore_sigmask ? task->saved_sigmask :
                                                task->sigmask;

    if (task->syscall_restart) {
        task->syscall_restart = false;
        if (!(ka->flags & SA_RESTART)) {
            env->eip += 2;
            env->regs[R_EAX] = -EINTR;
        }
    }
    if (!setup_rt_frame(env, sig, ka, info, old_mask)) {
        /* The kernel's force_sigsegv: a bad frame kills the task. */
        die_with_signal(SIGSEGV);
    }
    task->restore_sigmask = false;
    task->sigmask |= ka->mask;
    if (!(ka->flags & SA_NODEFER)) {
        task->sigmask |= sigbit(sig);
    }
    task->sigmask &= ~UNBLOCKABLE;
    if (ka->flags & SA_RESETHAND) {
        ka->handler = (uintptr_t)SIG_DFL;
        ka->flags &= ~SA_SIGINFO;
        update_host_action(sig);
    }
}

static void deliver_signal(CPUX86State *env, int sig, const siginfo_t *info)
{
    uint64_t handler = sigact_table[sig].handler;

    if (qemu_loglevel_mask(LOG_STRACE)) {
        strace_signal(sig, info);
    }
    if (handler == (uintptr_t)SIG_DFL) {
        deliver_default(sig);
    } else if (handler != (uintptr_t)SIG_IGN) {
        deliver_to_handler(env, sig, info);
    }
}

/* A fault the guest cannot ignore or block (the kernel's force_sig). */
static void deliver_fault(CPUX86State *env, const siginfo_t *info)
{
    int sig = info->si_signo;

    if ((task->sigmask & sigbit(sig)) ||
        sigact_table[sig].handler == (uintptr_t)SIG_IGN) {
        task->sigmask &= ~sigbit(sig);
        sigact_table[sig].handler = (uintptr_t)SIG_DFL;
    }
    deliver_signal(env, sig, info);
}

static int next_deliverable(void)
{
    uint64_t ready = task->pending & ~task->sigmask;

    return ready ? __builtin_ctzll(ready) + 1 : 0;
}

void process_pending_signals(CPUX86State *env)
{
    int sig;

    while (task->signal_pending) {
        task->signal_pending = 0;
        if (task->fault_valid) {
            siginfo_t info = task->fault_info;

            task->fault_valid = false;
            deliver_fault(env, &info);
            task->signal_pending = 1;
            continue;
        }
        sig = next_deliverable();
        if (sig) {
            siginfo_t info = task->pending_info[sig];

            task->pending &= ~sigbit(sig);
            deliver_signal(env, sig, &info);
            task->signal_pending = 1;
        }
    }
    if (task->restore_sigmask) {
        task->restore_sigmask = false;
        task->sigmask = task->saved_sigmask;
    }
    task->syscall_restart = false;
    signal_sync_host_mask();
}

/* ---- syscalls ---- */

int64_t do_rt_sigaction(int sig, uint64_t act, uint64_t oact,
                        uint64_t setsize)
{
    GuestSigaction ka;

    if (setsize != sizeof(uint64_t) || sig < 1 || sig > GUEST_NSIG) {
        return -EINVAL;
    }
    if (act) {
        if (copy_from_guest(&ka, act, sizeof(ka))) {
            return -EFAULT;
        }
        if (sig == SIGKILL || sig == SIGSTOP) {
            return -EINVAL;
        }
    }
    if (oact && copy_to_guest(oact, &sigact_table[sig],
                              sizeof(GuestSigaction))) {
        return -EFAULT;
    }
    if (act) {
        ka.mask &= ~UNBLOCKABLE;
        sigact_table[sig] = ka;
        update_host_action(sig);
        /* Ignoring a signal discards what is pending of it. */
        if (ka.handler == (uintptr_t)SIG_IGN ||
            (ka.handler == (uintptr_t)SIG_DFL && sig_default_ignored(sig))) {
            task->pending &= ~sigbit(sig);
        }
    }
    return 0;
}

int64_t do_rt_sigprocmask(int how, uint64_t set, uint64_t oset,
                          uint64_t setsize)
{
    uint64_t old = task->sigmask, m;

    if (setsize != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (set) {
        if (copy_from_guest(&m, set, sizeof(m))) {
            return -EFAULT;
        }
        switch (how) {
        case SIG_BLOCK:
            m |= old;
            break;
        case SIG_UNBLOCK:
            m = old & ~m;
            break;
        case SIG_SETMASK:
            break;
        default:
            return -EINVAL;
        }
    }
    if (oset && copy_to_guest(oset, &old, sizeof(old))) {
        return -EFAULT;
    }
    if (set) {
        task->sigmask = m & ~UNBLOCKABLE;
        if (task->pending & ~task->sigmask) {
            task->signal_pending = 1;
        }
        signal_sync_host_mask();
    }
    return 0;
}

int64_t do_rt_sigpending(uint64_t set, uint64_t setsize)
{
    sigset_t host;
    uint64_t m;

    if (setsize > sizeof(uint64_t)) {
        return -EINVAL;
    }
    sigpending(&host);
    m = (task->pending | host_to_guest_sigset(&host)) & task->sigmask;
    return copy_to_guest(set, &m, setsize) ? -EFAULT : 0;
}

int64_t do_rt_sigsuspend(uint64_t set, uint64_t setsize)
{
    sigset_t host_set;
    uint64_t m;
    long r;

    if (setsize != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (copy_from_guest(&m, set, sizeof(m))) {
        return -EFAULT;
    }
    signal_temp_mask(m, &host_set);
    r = safe_syscall(SYS_rt_sigsuspend, (long)&host_set, 8, 0, 0, 0, 0);
    (void)r;
    /* Always EINTR: a signal ended it; delivery restores the mask. */
    return -EINTR;
}

bool on_sig_stack(uint64_t sp)
{
    return task->ss_size && sp > task->ss_sp &&
           sp - task->ss_sp <= task->ss_size;
}

typedef struct GuestStack {
    uint64_t ss_sp;
    int32_t ss_flags;
    int32_t pad;
    uint64_t ss_size;
} GuestStack;

int64_t do_sigaltstack(uint64_t uss, uint64_t uoss, uint64_t sp)
{
    GuestStack old = {
        .ss_sp = task->ss_sp,
        .ss_size = task->ss_size,
        .ss_flags = !task->ss_size ? SS_DISABLE :
                    on_sig_stack(sp) ? SS_ONSTACK : (int)task->ss_flags,
    };
    GuestStack ss;

    if (uss) {
        int mode;

        if (copy_from_guest(&ss, uss, sizeof(ss))) {
            return -EFAULT;
        }
        if (on_sig_stack(sp)) {
            return -EPERM;
        }
        mode = ss.ss_flags & ~GUEST_SS_AUTODISARM;
        if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0) {
            return -EINVAL;
        }
        if (mode == SS_DISABLE) {
            ss.ss_sp = 0;
            ss.ss_size = 0;
        } else if (ss.ss_size < GUEST_MINSIGSTKSZ) {
            return -ENOMEM;
        }
        task->ss_sp = ss.ss_sp;
        task->ss_size = ss.ss_size;
        task->ss_flags = ss.ss_flags & GUEST_SS_AUTODISARM;
    }
    if (uoss && copy_to_guest(uoss, &old, sizeof(old))) {
        return -EFAULT;
    }
    return 0;
}

int64_t do_rt_sigreturn(CPUX86State *env)
{
    uint64_t mask;

    if (!restore_rt_frame(env, &mask)) {
        force_sig_fault(SIGSEGV, SI_KERNEL, 0);
        return -QEMU_ESIGRETURN;
    }
    task->sigmask = mask & ~UNBLOCKABLE;
    if (task->pending & ~task->sigmask) {
        task->signal_pending = 1;
    }
    signal_sync_host_mask();
    return -QEMU_ESIGRETURN;
}
