/*
 * linux-user.h: what the parts of qemu-x86_64 share.
 *
 * qemu-x86_64 runs one static x86-64 Linux program on the TCG: the ELF
 * loader (elfload.c) maps it and builds its stack, mmap.c keeps the
 * guest address space and accel/tcg's page flags in step, syscall.c
 * emulates the kernel interface (most calls pass through to the host
 * kernel, which speaks the same ABI), signal.c turns host signals into
 * guest ones and builds the kernel's rt_sigframe, and cpu_loop.c runs
 * the CPU and dispatches what makes it stop.  See docs/devel/linux-user.md.
 *
 * One guest thread only: threads (clone with CLONE_VM) fail with ENOSYS.
 */
#ifndef LINUX_USER_LINUX_USER_H
#define LINUX_USER_LINUX_USER_H

#include "qemu/osdep.h"
#include <signal.h>
#include "exec/exec-all.h"
#include "cpu.h"

/* Guest virtual addresses are 47 bits, as for a native x86-64 process. */
#define GUEST_ADDR_MAX   ((UINT64_C(1) << 47) - 1)
#define GUEST_PAGE_SIZE  4096
#define GUEST_PAGE_MASK  (~(uint64_t)(GUEST_PAGE_SIZE - 1))
#define GUEST_PAGE_ALIGN(a) (((a) + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK)

/* Internal syscall results; they never reach the guest. */
#define QEMU_ERESTARTSYS 512     /* interrupted: restart or EINTR */
#define QEMU_ESIGRETURN  513     /* rt_sigreturn: registers already set */

#define GUEST_NSIG 64
/* The kernel's sigaltstack constants (glibc's MINSIGSTKSZ is dynamic). */
#define GUEST_MINSIGSTKSZ 2048
#define GUEST_SS_AUTODISARM (1U << 31)

/* The guest's view of a signal action (the kernel's struct sigaction). */
typedef struct GuestSigaction {
    uint64_t handler;            /* guest address, or SIG_DFL/SIG_IGN */
    uint64_t flags;              /* SA_* */
    uint64_t restorer;
    uint64_t mask;               /* bit n-1 is signal n */
} GuestSigaction;

/* What the loader learned about the program (for auxv, brk, /proc). */
typedef struct ImageInfo {
    uint64_t load_bias;          /* 0 for ET_EXEC */
    uint64_t entry;
    uint64_t phdr;               /* guest address of the program headers */
    uint64_t phnum;
    uint64_t start_code, end_code;
    uint64_t start_data, end_data;
    uint64_t brk;                /* initial program break */
    uint64_t stack_limit;        /* lowest address of the stack mapping */
    uint64_t start_stack;        /* initial rsp */
    uint64_t arg_start, arg_end;
    uint64_t env_start, env_end;
    uint64_t auxv, auxv_len;     /* guest copy of the aux vector */
    char *exec_path;             /* absolute path of the program */
} ImageInfo;

/* Per-task state; there is one task (CPUState.opaque points at it). */
typedef struct TaskState {
    ImageInfo *info;
    /* Set by the host signal handler; safe_syscall reads it. */
    volatile int signal_pending;
    uint64_t sigmask;                /* guest blocked set */
    uint64_t pending;                /* queued, not yet delivered */
    siginfo_t pending_info[GUEST_NSIG + 1];
    /* A synchronous fault recorded by the host handler. */
    bool fault_valid;
    siginfo_t fault_info;
    /* The last syscall was interrupted and eip rewound to redo it. */
    bool syscall_restart;
    /* rt_sigsuspend/ppoll/pselect: the mask to restore after delivery. */
    bool restore_sigmask;
    uint64_t saved_sigmask;
    /* sigaltstack */
    uint64_t ss_sp;
    uint64_t ss_size;
    uint32_t ss_flags;
    uint64_t clear_child_tid;
} TaskState;

extern TaskState *task;
extern X86CPU *guest_cpu;

/* Command-line settings other parts read (main.c). */
extern uint64_t guest_stack_size;
extern const char *qemu_uname_release;
/* -L: tried first for absolute paths the guest names. */
extern const char *interp_prefix;
/* -seed: the AT_RANDOM bytes come from it. */
extern uint64_t rand_seed;
extern bool have_rand_seed;
/* argv for re-executing ourselves on execve: our options, NULL-ended. */
extern GPtrArray *reexec_args;
/* The real path of qemu-x86_64 itself. */
extern char *qemu_exe_path;
/* One instruction per TB (-one-insn-per-tb, -singlestep). */
extern bool one_insn_per_tb;

/* ---- elfload.c ---- */

/*
 * Check that path is a static x86-64 ELF program we can load, without
 * mapping it; on failure print the error as QEMU words it.
 */
bool elf_check_program(const char *path);

/*
 * Load the static ELF program at path into the guest address space and
 * build its initial stack.  Fills info; on failure prints the error the
 * way QEMU words it and returns false.
 */
bool elf_load_program(const char *path, char **argv, char **envp,
                      ImageInfo *info, CPUX86State *env);

/* ---- mmap.c ---- */

/* Convert PROT_* to PAGE_* flags. */
int mmap_prot_to_page(int prot);
/*
 * The guest's mmap/munmap/mprotect/mremap/brk: guest addresses in,
 * guest address or -errno out.
 */
int64_t target_mmap(uint64_t start, uint64_t len, int prot, int flags,
                    int fd, int64_t offset);
int target_munmap(uint64_t start, uint64_t len);
int target_mprotect(uint64_t start, uint64_t len, int prot);
int64_t target_mremap(uint64_t old_addr, uint64_t old_size,
                      uint64_t new_size, int flags, uint64_t new_addr);
/* brk(new): returns the (possibly unchanged) break. */
uint64_t target_brk(uint64_t new_brk);
/* Set the initial break (elfload). */
void target_set_brk(uint64_t brk);
/*
 * Map fresh memory for the loader: at a fixed guest address (fixed) or
 * wherever the host has room.  Returns the guest address or -errno.
 */
int64_t mmap_reserve(uint64_t start, uint64_t len, int prot, bool fixed);
/*
 * Make sure no host mapping occupies guest [start, start+len) before a
 * MAP_FIXED there; false if the emulator itself owns some of it.
 */
bool mmap_range_usable(uint64_t start, uint64_t len);

/* ---- uaccess.c: checked access to guest memory ---- */

/*
 * A host pointer to guest [addr, addr+len) if every page is mapped with
 * the access (PAGE_READ and/or PAGE_WRITE); NULL otherwise (the caller
 * returns -EFAULT).  Pages write-protected for self-modifying code are
 * unprotected first.  len 0 always succeeds.
 */
void *guest_ptr(uint64_t addr, uint64_t len, int page_flags);
/*
 * A host pointer to the NUL-terminated guest string at addr, checked to
 * be readable and at most max bytes with its NUL; NULL with *err set to
 * -EFAULT or -ENAMETOOLONG.
 */
const char *guest_str(uint64_t addr, size_t max, int *err);
/* Copy to/from guest memory; 0 or -EFAULT. */
int copy_to_guest(uint64_t addr, const void *src, size_t len);
int copy_from_guest(void *dst, uint64_t addr, size_t len);
static inline int put_guest_u64(uint64_t addr, uint64_t v)
{
    return copy_to_guest(addr, &v, sizeof(v));
}
static inline int put_guest_u32(uint64_t addr, uint32_t v)
{
    return copy_to_guest(addr, &v, sizeof(v));
}
static inline int get_guest_u64(uint64_t addr, uint64_t *v)
{
    return copy_from_guest(v, addr, sizeof(*v));
}

/* ---- syscall.c ---- */

/*
 * Run guest syscall num with the six arguments; returns the value for
 * rax, or -QEMU_ERESTARTSYS / -QEMU_ESIGRETURN.
 */
int64_t do_syscall(CPUX86State *env, int num, uint64_t a1, uint64_t a2,
                   uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6);
/* Flush logs and leave with the guest's exit status. */
QEMU_NORETURN void user_exit(int status);

/* ---- syscall-fs.c / syscall-io.c / ...: the handler tables ---- */

/* A syscall implemented by a handler; returns rax or -errno. */
typedef int64_t SyscallFn(CPUX86State *env, const uint64_t *a);

/* ---- safe-syscall.S ---- */

/*
 * Run host syscall nr unless *pending is set; if a host signal arrives
 * before the syscall instruction, or interrupts a restartable syscall,
 * return -QEMU_ERESTARTSYS instead (signal.c rewinds into the window).
 * Returns the raw kernel value (-errno on failure).
 */
long safe_syscall_base(volatile int *pending, long nr, long a1, long a2,
                       long a3, long a4, long a5, long a6);
extern char safe_syscall_start[];
extern char safe_syscall_end[];

static inline long safe_syscall(long nr, long a1, long a2, long a3,
                                long a4, long a5, long a6)
{
    return safe_syscall_base(&task->signal_pending, nr, a1, a2, a3, a4,
                             a5, a6);
}

/* ---- signal.c ---- */

/* Install the host handlers; inherit SIG_IGN dispositions and mask. */
void signal_init(void);
/* Deliver what is pending and deliverable (cpu loop, after each exit). */
void process_pending_signals(CPUX86State *env);
/*
 * Queue a synchronous guest signal from a CPU exception (code: si_code,
 * addr: si_addr).
 */
void force_sig_fault(int sig, int code, uint64_t addr);
/* rt_sigaction, rt_sigprocmask, sigaltstack, rt_sigreturn, ... */
int64_t do_rt_sigaction(int sig, uint64_t act, uint64_t oact,
                        uint64_t setsize);
int64_t do_rt_sigprocmask(int how, uint64_t set, uint64_t oset,
                          uint64_t setsize);
int64_t do_sigaltstack(uint64_t uss, uint64_t uoss, uint64_t sp);
int64_t do_rt_sigreturn(CPUX86State *env);
int64_t do_rt_sigpending(uint64_t set, uint64_t setsize);
int64_t do_rt_sigsuspend(uint64_t set, uint64_t setsize);
/*
 * Apply a temporary guest mask for a blocking call (ppoll, pselect6,
 * epoll_pwait) and give the host mask to pass to the kernel.
 */
void signal_temp_mask(uint64_t mask, sigset_t *host_set);
/* Set the host mask from the guest's (and what is queued). */
void signal_sync_host_mask(void);
/* Guest sigset from/to a host one (bit n-1 is signal n). */
uint64_t host_to_guest_sigset(const sigset_t *set);
void guest_to_host_sigset(uint64_t mask, sigset_t *set);
/* The guest's action for sig (1..64), for clone/execve decisions. */
const GuestSigaction *guest_sigaction(int sig);
/* Before execve: host dispositions a new image inherits (SIG_IGN). */
void signal_prepare_exec(void);
/* After a failed execve: back to our own handlers and mask. */
void signal_exec_failed(void);

/* ---- x86_64-signal.c: the kernel's rt_sigframe ---- */

/* Push an rt_sigframe for sig and enter the handler; false on a fault. */
bool setup_rt_frame(CPUX86State *env, int sig, const GuestSigaction *ka,
                    const siginfo_t *info, uint64_t old_mask);
/* Undo it; returns the mask to restore through *mask, false on a fault. */
bool restore_rt_frame(CPUX86State *env, uint64_t *mask);
/* Is sp on the alternate signal stack? */
bool on_sig_stack(uint64_t sp);

/* ---- cpu_loop.c ---- */

/* Set up the CPU registers for the program's entry. */
void target_cpu_init_regs(CPUX86State *env, uint64_t entry, uint64_t sp);
/* Run the guest until it exits (does not return). */
QEMU_NORETURN void cpu_loop(CPUX86State *env);

/* ---- strace.c ---- */

void strace_syscall(int num, const uint64_t *a);
void strace_syscall_ret(int num, int64_t ret);
void strace_signal(int sig, const siginfo_t *info);
/* The name of syscall num, or NULL. */
const char *syscall_name(int num);

#endif
