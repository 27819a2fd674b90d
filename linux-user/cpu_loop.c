/*
 * cpu_loop.c: run the guest CPU and handle what makes it stop.
 *
 * cpu_exec() returns an exception index: EXCP_SYSCALL for SYSCALL,
 * a vector for a CPU exception, EXCP_INTERRUPT when a host signal asked
 * it to leave.  Exceptions become the signals the Linux kernel sends for
 * them (arch/x86/kernel/traps.c): #DE → SIGFPE/FPE_INTDIV, #UD →
 * SIGILL/ILL_ILLOPN, INT3 and #DB → SIGTRAP, #PF → SIGSEGV with the
 * fault address, #GP/#SS/#NP → SIGSEGV/SI_KERNEL (#SS: SIGBUS on the
 * kernel's stack-segment path is not modelled), #AC → SIGBUS/BUS_ADRALN,
 * #MF/#XM → SIGFPE.
 *
 * Contract with the front end (docs/devel/linux-user.md): for SYSCALL
 * and INT3, env->exception_next_eip is the address after the
 * instruction; for faults, env->eip is the faulting instruction.
 */
#include "linux-user.h"
#include "qemu/log.h"

#define USER_CS 0x33
#define USER_DS 0x2b

void target_cpu_init_regs(CPUX86State *env, uint64_t entry, uint64_t sp)
{
    int i;

    env->cr[0] = CR0_PG_MASK | CR0_WP_MASK | CR0_PE_MASK | CR0_MP_MASK |
                 CR0_ET_MASK | CR0_NE_MASK;
    env->cr[4] = CR4_OSFXSR_MASK | CR4_OSXMMEXCPT_MASK | CR4_PAE_MASK;
    env->efer = MSR_EFER_LME | MSR_EFER_LMA | MSR_EFER_NXE | MSR_EFER_SCE;
    cpu_x86_load_seg_cache(env, R_CS, USER_CS, 0, 0xffffffff,
                           DESC_G_MASK | DESC_P_MASK | DESC_S_MASK |
                           DESC_CS_MASK | DESC_R_MASK | DESC_A_MASK |
                           DESC_L_MASK | (3 << DESC_DPL_SHIFT));
    for (i = 0; i < NB_SEGS; i++) {
        if (i != R_CS) {
            cpu_x86_load_seg_cache(env, i, i == R_SS ? USER_DS : 0, 0,
                                   0xffffffff,
                                   DESC_G_MASK | DESC_B_MASK | DESC_P_MASK |
                                   DESC_S_MASK | DESC_W_MASK | DESC_A_MASK |
                                   (3 << DESC_DPL_SHIFT));
        }
    }
    env->hflags |= HF_PE_MASK | HF_LMA_MASK | HF_CS64_MASK | HF_CS32_MASK |
                   HF_SS32_MASK | HF_OSFXSR_MASK | HF_CPL_MASK;
    env->hflags &= ~HF_ADDSEG_MASK;
    env->fpuc = 0x37f;
    for (i = 0; i < 8; i++) {
        env->fptags[i] = 1;
    }
    env->mxcsr = 0x1f80;
    cpu_load_eflags(env, IF_MASK | 0x2, ~0ULL);
    for (i = 0; i < CPU_NB_REGS; i++) {
        env->regs[i] = 0;
    }
    env->regs[R_ESP] = sp;
    env->eip = entry;
    x86_update_hflags(env);
}

static void handle_syscall(CPUX86State *env)
{
    int64_t ret;

    env->eip = env->exception_next_eip;
    ret = do_syscall(env, (int)env->regs[R_EAX], env->regs[R_EDI],
                     env->regs[R_ESI], env->regs[R_EDX], env->regs[10],
                     env->regs[R_R8], env->regs[R_R9]);
    if (ret == -QEMU_ERESTARTSYS) {
        /* Re-run the SYSCALL once the signal is handled (or EINTR). */
        env->eip -= 2;
        task->syscall_restart = true;
    } else if (ret != -QEMU_ESIGRETURN) {
        env->regs[R_EAX] = ret;
    }
}

/* The fault address of a #PF: recorded by the host handler or by TCG. */
static void handle_page_fault(CPUX86State *env)
{
    if (task->fault_valid) {
        return;
    }
    force_sig_fault(SIGSEGV, env->error_code & 1 ? SEGV_ACCERR :
                    SEGV_MAPERR, env->user_fault_addr);
}

static void handle_exception(CPUX86State *env, int trapnr)
{
    switch (trapnr) {
    case EXCP00_DIVZ:
        force_sig_fault(SIGFPE, FPE_INTDIV, env->eip);
        break;
    case EXCP01_DB:
    case EXCP_DEBUG:
        force_sig_fault(SIGTRAP, TRAP_BRKPT, env->eip);
        break;
    case EXCP03_INT3:
        env->eip = env->exception_next_eip;
        force_sig_fault(SIGTRAP, SI_KERNEL, 0);
        break;
    case EXCP04_INTO:
    case EXCP05_BOUND:
    case EXCP0A_TSS:
    case EXCP0B_NOSEG:
    case EXCP0C_STACK:
    case EXCP0D_GPF:
        force_sig_fault(SIGSEGV, SI_KERNEL, 0);
        break;
    case EXCP06_ILLOP:
        force_sig_fault(SIGILL, ILL_ILLOPN, env->eip);
        break;
    case EXCP0E_PAGE:
        handle_page_fault(env);
        break;
    case EXCP10_COPR:
        force_sig_fault(SIGFPE, FPE_FLTINV, env->eip);
        break;
    case EXCP11_ALGN:
        force_sig_fault(SIGBUS, BUS_ADRALN, env->eip);
        break;
    case EXCP13_XMM:
        force_sig_fault(SIGFPE, FPE_FLTINV, env->eip);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "qemu-x86_64: unhandled CPU exception "
                      "0x%x at 0x%" PRIx64 "\n", trapnr, env->eip);
        force_sig_fault(SIGILL, ILL_ILLOPN, env->eip);
        break;
    }
}

void cpu_loop(CPUX86State *env)
{
    CPUState *cs = env_cpu(env);
    int trapnr;

    for (;;) {
        trapnr = cpu_exec(cs);
        switch (trapnr) {
        case EXCP_SYSCALL:
            handle_syscall(env);
            break;
        case EXCP_INTERRUPT:
        case EXCP_YIELD:
        case EXCP_HLT:
        case EXCP_HALTED:
            break;
        default:
            /* A fault the host handler recorded needs no translation. */
            if (!task->fault_valid) {
                handle_exception(env, trapnr);
            }
            break;
        }
        process_pending_signals(env);
    }
}
