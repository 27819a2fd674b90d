/*
 * tcg-cpu-ops.h: what accel/tcg asks of a target CPU.
 *
 * The execution loop (accel/tcg/cpu-exec.c) is target-independent; it
 * reaches the x86 front end only through these hooks, set in the CPU
 * class (CPUClass.tcg_ops).
 */
#ifndef HW_CORE_TCG_CPU_OPS_H
#define HW_CORE_TCG_CPU_OPS_H

#include "hw/core/cpu.h"

typedef enum MMUAccessType {
    MMU_DATA_LOAD = 0,
    MMU_DATA_STORE = 1,
    MMU_INST_FETCH = 2,
} MMUAccessType;

struct TCGCPUOps {
    /* One-time set-up of the front end's TCG globals. */
    void (*initialize)(void);
    /*
     * Translate one TB: append its ops (see exec/translator.h).
     * *max_insns: in, the limit; out, how many were translated.
     */
    void (*translate_code)(CPUState *cpu, TranslationBlock *tb,
                           int *max_insns, uint64_t pc, void *host_pc);
    /* The key of the TB to run next: pc, cs_base and hflags. */
    void (*get_tb_cpu_state)(CPUState *cpu, uint64_t *pc,
                             uint64_t *cs_base, uint32_t *flags);
    /* Set the guest pc from a TB about to be left without running it. */
    void (*synchronize_from_tb)(CPUState *cpu, const TranslationBlock *tb);
    /*
     * Restore the state at the start of a faulting instruction from the
     * words its insn_start recorded (x86: data[0] pc, data[1] cc_op).
     */
    void (*restore_state_to_opc)(CPUState *cpu, const TranslationBlock *tb,
                                 const uint64_t *data);
    /* Entering/leaving cpu_exec (x86: materialise/split EFLAGS). */
    void (*cpu_exec_enter)(CPUState *cpu);
    void (*cpu_exec_exit)(CPUState *cpu);
    /*
     * Take a pending interrupt_request if the CPU accepts it now; true if
     * the state changed (the loop then looks up a new TB).  System mode.
     */
    bool (*cpu_exec_interrupt)(CPUState *cpu, int interrupt_request);
    /* Deliver cpu->exception_index (system mode). */
    void (*do_interrupt)(CPUState *cpu);
    /*
     * Softmmu TLB fill for addr: walk the page tables, call
     * tlb_set_page_full() and return true; or, if probe, return false on
     * a fault; otherwise raise the guest exception (longjmps, using
     * retaddr to restore the state).
     */
    bool (*tlb_fill)(CPUState *cpu, uint64_t addr, int size,
                     MMUAccessType access_type, int mmu_idx, bool probe,
                     uintptr_t retaddr);
    /* An access to an unaligned address where MO_ALIGN was requested. */
    void (*do_unaligned_access)(CPUState *cpu, uint64_t addr,
                                MMUAccessType access_type, int mmu_idx,
                                uintptr_t retaddr);
    /* Breakpoint/watchpoint hit: target-specific filtering. */
    void (*debug_excp_handler)(CPUState *cpu);
    bool (*debug_check_breakpoint)(CPUState *cpu);
};

#endif
