/*
 * x86_64-signal.c: the x86-64 rt_sigframe, as the Linux kernel lays it
 * out (arch/x86/kernel/signal.c, arch/x86/include/uapi/asm/sigcontext.h,
 * the fxsave layout of the Intel SDM vol. 1 §10.5.1).
 *
 * From the interrupted rsp down: the 128-byte red zone is skipped (or
 * the alternate stack is used with SA_ONSTACK), the 512-byte fxsave
 * image goes at a 64-byte boundary, and below it the frame
 * { pretcode = sa_restorer; ucontext; siginfo } so that the handler is
 * entered as if called (rsp + 8 is 16-byte aligned) with rdi = sig,
 * rsi = &siginfo, rdx = &ucontext.  rt_sigreturn (from the restorer)
 * finds the frame at rsp - 8 and restores registers, flags, the FPU and
 * SSE state, the mask and the alternate stack.
 *
 * Missing: XSAVE-format state (the CPU models advertise no XSAVE to user
 * programs), which is why uc_flags has no UC_FP_XSTATE.
 */
#include "linux-user.h"

typedef struct GuestSigcontext {
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp;
    uint64_t rip, eflags;
    uint16_t cs, gs, fs, ss;
    uint64_t err, trapno, oldmask, cr2;
    uint64_t fpstate;            /* guest address of the fxsave image */
    uint64_t reserved1[8];
} GuestSigcontext;

typedef struct GuestUcontext {
    uint64_t uc_flags;
    uint64_t uc_link;
    uint64_t ss_sp;
    int32_t ss_flags;
    int32_t ss_pad;
    uint64_t ss_size;
    GuestSigcontext mc;
    uint64_t uc_sigmask;
} GuestUcontext;

typedef struct GuestRtSigframe {
    uint64_t pretcode;
    GuestUcontext uc;
    uint8_t info[128];
} GuestRtSigframe;

typedef struct FxsaveImage {
    uint16_t fcw, fsw;
    uint8_t ftw, rsvd1;
    uint16_t fop;
    uint64_t rip, rdp;
    uint32_t mxcsr, mxcsr_mask;
    uint8_t st[8][16];
    uint8_t xmm[16][16];
    uint8_t rsvd2[96];
} FxsaveImage;

_Static_assert(sizeof(GuestSigcontext) == 256, "sigcontext layout");
_Static_assert(sizeof(GuestUcontext) == 304, "ucontext layout");
_Static_assert(sizeof(GuestRtSigframe) == 440, "rt_sigframe layout");
_Static_assert(sizeof(FxsaveImage) == 512, "fxsave layout");

#define GUEST_SA_RESTORER    0x04000000
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4
#define USER_CS 0x33
#define USER_DS 0x2b
#define MXCSR_MASK 0x0000ffff

/* EFLAGS bits sigreturn may change (the kernel's FIX_EFLAGS). */
#define FIX_EFLAGS (CC_ALL | DF_MASK | TF_MASK | RF_MASK | AC_MASK)

static void fxsave_from_env(CPUX86State *env, FxsaveImage *fx)
{
    int i;

    memset(fx, 0, sizeof(*fx));
    fx->fcw = env->fpuc;
    fx->fsw = (env->fpus & ~0x3800) | ((env->fpstt & 7) << 11);
    for (i = 0; i < 8; i++) {
        fx->ftw |= (env->fptags[i] ? 0 : 1) << i;
    }
    fx->fop = env->fpop;
    fx->rip = env->fpip;
    fx->rdp = env->fpdp;
    fx->mxcsr = env->mxcsr;
    fx->mxcsr_mask = MXCSR_MASK;
    for (i = 0; i < 8; i++) {
        const FloatX80 *r = &env->fpregs[(env->fpstt + i) & 7].d;

        memcpy(fx->st[i], &r->mant, 8);
        memcpy(fx->st[i] + 8, &r->sign_exp, 2);
    }
    for (i = 0; i < CPU_NB_REGS; i++) {
        memcpy(fx->xmm[i], &env->xmm_regs[i], 16);
    }
}

static void fxrstor_to_env(CPUX86State *env, const FxsaveImage *fx)
{
    int i;

    env->fpuc = fx->fcw;
    env->fpstt = (fx->fsw >> 11) & 7;
    env->fpus = fx->fsw & ~0x3800;
    for (i = 0; i < 8; i++) {
        env->fptags[i] = !((fx->ftw >> i) & 1);
    }
    env->fpop = fx->fop & 0x7ff;
    env->fpip = fx->rip;
    env->fpdp = fx->rdp;
    env->mxcsr = fx->mxcsr & MXCSR_MASK;
    for (i = 0; i < 8; i++) {
        FloatX80 *r = &env->fpregs[(env->fpstt + i) & 7].d;

        memcpy(&r->mant, fx->st[i], 8);
        memcpy(&r->sign_exp, fx->st[i] + 8, 2);
    }
    for (i = 0; i < CPU_NB_REGS; i++) {
        memcpy(&env->xmm_regs[i], fx->xmm[i], 16);
    }
}

static void sigcontext_from_env(CPUX86State *env, GuestSigcontext *sc,
                                const siginfo_t *info, uint64_t mask)
{
    const uint64_t *r = env->regs;

    sc->r8 = r[R_R8];
    sc->r9 = r[R_R9];
    sc->r10 = r[R_R10];
    sc->r11 = r[R_R11];
    sc->r12 = r[R_R12];
    sc->r13 = r[R_R13];
    sc->r14 = r[R_R14];
    sc->r15 = r[R_R15];
    sc->rdi = r[R_EDI];
    sc->rsi = r[R_ESI];
    sc->rbp = r[R_EBP];
    sc->rbx = r[R_EBX];
    sc->rdx = r[R_EDX];
    sc->rax = r[R_EAX];
    sc->rcx = r[R_ECX];
    sc->rsp = r[R_ESP];
    sc->rip = env->eip;
    sc->eflags = cpu_compute_eflags(env);
    sc->cs = USER_CS;
    sc->ss = USER_DS;
    sc->oldmask = mask;
    if (info->si_signo == SIGSEGV && info->si_code > 0) {
        sc->trapno = EXCP0E_PAGE;
        sc->cr2 = (uintptr_t)info->si_addr;
        sc->err = 4 | (env->user_fault_write ? 2 : 0);
    }
}

static void sigcontext_to_env(CPUX86State *env, const GuestSigcontext *sc)
{
    uint64_t *r = env->regs;

    r[R_R8] = sc->r8;
    r[R_R9] = sc->r9;
    r[R_R10] = sc->r10;
    r[R_R11] = sc->r11;
    r[R_R12] = sc->r12;
    r[R_R13] = sc->r13;
    r[R_R14] = sc->r14;
    r[R_R15] = sc->r15;
    r[R_EDI] = sc->rdi;
    r[R_ESI] = sc->rsi;
    r[R_EBP] = sc->rbp;
    r[R_EBX] = sc->rbx;
    r[R_EDX] = sc->rdx;
    r[R_EAX] = sc->rax;
    r[R_ECX] = sc->rcx;
    r[R_ESP] = sc->rsp;
    env->eip = sc->rip;
    cpu_load_eflags(env, sc->eflags, FIX_EFLAGS);
}

/* Where the frame goes (the kernel's get_sigframe). */
static uint64_t sigframe_addr(CPUX86State *env, const GuestSigaction *ka,
                              uint64_t *fp)
{
    uint64_t sp = env->regs[R_ESP] - 128;

    if ((ka->flags & SA_ONSTACK) && task->ss_size &&
        !on_sig_stack(env->regs[R_ESP])) {
        sp = task->ss_sp + task->ss_size;
    }
    *fp = (sp - sizeof(FxsaveImage)) & ~(uint64_t)63;
    return ((*fp - sizeof(GuestRtSigframe)) & ~(uint64_t)15) - 8;
}

bool setup_rt_frame(CPUX86State *env, int sig, const GuestSigaction *ka,
                    const siginfo_t *info, uint64_t old_mask)
{
    uint64_t fp, addr = sigframe_addr(env, ka, &fp);
    GuestRtSigframe *f;
    FxsaveImage *fx;

    if (!(ka->flags & GUEST_SA_RESTORER)) {
        return false;
    }
    f = guest_ptr(addr, sizeof(*f), PAGE_WRITE);
    fx = guest_ptr(fp, sizeof(*fx), PAGE_WRITE);
    if (!f || !fx) {
        return false;
    }
    memset(f, 0, sizeof(*f));
    f->pretcode = ka->restorer;
    f->uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
    f->uc.ss_sp = task->ss_sp;
    f->uc.ss_size = task->ss_size;
    f->uc.ss_flags = !task->ss_size ? SS_DISABLE :
                     on_sig_stack(env->regs[R_ESP]) ? SS_ONSTACK :
                     (int)task->ss_flags;
    sigcontext_from_env(env, &f->uc.mc, info, old_mask);
    f->uc.mc.fpstate = fp;
    f->uc.uc_sigmask = old_mask;
    memcpy(f->info, info, sizeof(f->info));
    fxsave_from_env(env, fx);

    /* GUEST_SS_AUTODISARM: the handler runs with the stack disabled. */
    if ((ka->flags & SA_ONSTACK) && (task->ss_flags & GUEST_SS_AUTODISARM)) {
        task->ss_sp = 0;
        task->ss_size = 0;
    }
    env->regs[R_EDI] = sig;
    env->regs[R_ESI] = addr + offsetof(GuestRtSigframe, info);
    env->regs[R_EDX] = addr + offsetof(GuestRtSigframe, uc);
    env->regs[R_EAX] = 0;
    env->regs[R_ESP] = addr;
    env->eip = ka->handler;
    cpu_load_eflags(env, 0, DF_MASK | RF_MASK | TF_MASK);
    return true;
}

bool restore_rt_frame(CPUX86State *env, uint64_t *mask)
{
    uint64_t addr = env->regs[R_ESP] - 8;
    GuestRtSigframe f;
    FxsaveImage fx;

    if (copy_from_guest(&f, addr, sizeof(f))) {
        return false;
    }
    sigcontext_to_env(env, &f.uc.mc);
    if (f.uc.mc.fpstate) {
        if (copy_from_guest(&fx, f.uc.mc.fpstate, sizeof(fx))) {
            return false;
        }
        fxrstor_to_env(env, &fx);
    }
    *mask = f.uc.uc_sigmask;
    /* The alternate stack as the handler left it; errors are ignored. */
    if (!on_sig_stack(env->regs[R_ESP])) {
        int mode = f.uc.ss_flags & ~GUEST_SS_AUTODISARM;

        if (mode == SS_DISABLE) {
            task->ss_sp = task->ss_size = 0;
        } else if (f.uc.ss_size >= GUEST_MINSIGSTKSZ) {
            task->ss_sp = f.uc.ss_sp;
            task->ss_size = f.uc.ss_size;
            task->ss_flags = f.uc.ss_flags & GUEST_SS_AUTODISARM;
        }
    }
    return true;
}
