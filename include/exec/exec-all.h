/*
 * exec-all.h: translation blocks and the services accel/tcg gives the
 * front end, helpers and linux-user.
 *
 * accel/tcg, tcg/ and target/i386 are each built twice: for the user-mode
 * emulator with CONFIG_USER_ONLY defined (guest memory is host memory at
 * guest_base + address; page flags in a user-mode page table; code pages
 * write-protected with mprotect to catch self-modifying code) and for
 * the system emulator (softmmu TLB, code pages tracked through the
 * DIRTY_MEMORY_CODE bitmap).
 */
#ifndef EXEC_EXEC_ALL_H
#define EXEC_EXEC_ALL_H

#include "hw/core/cpu.h"
#include "hw/core/tcg-cpu-ops.h"

/*
 * A translated block.  Front ends read pc, cs_base, flags, cflags and set
 * size and icount; everything below "internal" belongs to accel/tcg and
 * tcg/ and may change.
 */
struct TranslationBlock {
    uint64_t pc;                 /* guest virtual address of the 1st insn */
    uint64_t cs_base;            /* x86: CS base */
    uint32_t flags;              /* x86: hflags (HF_*) */
    uint32_t cflags;             /* CF_* */
    uint16_t size;               /* guest bytes covered */
    uint16_t icount;             /* guest instructions */

    /* internal */
    struct {
        const void *ptr;         /* start of host code (or TCI bytecode) */
        size_t size;             /* host code + restore data */
    } tc;
    uint64_t page_addr[2];       /* pages holding the guest code (-1: none) */
    uintptr_t page_next[2];      /* per-page lists of TBs (low bit: which) */
    uint16_t jmp_reset_offset[2];  /* fall-through point of each goto_tb */
    uint16_t jmp_insn_offset[2];   /* the patchable jump of each goto_tb */
    uintptr_t jmp_target_addr[2];  /* TCI: the stored jump targets */
    uintptr_t jmp_list_head;     /* TBs that jump to this one */
    uintptr_t jmp_list_next[2];
    uintptr_t jmp_dest[2];       /* TBs this one jumps to */
    uint32_t hash;
};

/* Leave the current TB / helper and go back to cpu_exec's setjmp. */
QEMU_NORETURN void cpu_loop_exit(CPUState *cpu);
/*
 * The same, after restoring the guest state of the instruction whose
 * host code called the helper (retaddr is GETPC() in the helper; 0 means
 * the state is already exact).
 */
QEMU_NORETURN void cpu_loop_exit_restore(CPUState *cpu, uintptr_t retaddr);
QEMU_NORETURN void cpu_loop_exit_noexc(CPUState *cpu);
/* Restore state from a host pc inside generated code; false if not. */
bool cpu_restore_state(CPUState *cpu, uintptr_t host_pc);

/* The return address of a helper called from generated code. */
#define GETPC() ((uintptr_t)__builtin_return_address(0))

/* Run the CPU until an exception or exit: returns EXCP_* / vector. */
int cpu_exec(CPUState *cpu);
/* Global TCG set-up (code buffer, back end); once per process. */
void tcg_exec_init(size_t code_gen_size, int backend, bool optimize);
#define TCG_BACKEND_NATIVE 0
#define TCG_BACKEND_TCI    1
/* Per-CPU set-up once realized (jump cache, negative-offset block). */
void tcg_exec_realizefn(CPUState *cpu);
/* Throw away every TB (code buffer full, or a global change). */
void tb_flush(CPUState *cpu);
/* Invalidate TBs covering guest-physical [start, end) (SMC, DMA). */
void tb_invalidate_phys_range(uint64_t start, uint64_t end);

#ifdef CONFIG_USER_ONLY
/*
 * User mode: guest address a is host address guest_base + a.  Page flags
 * track what the guest mapped (linux-user's mmap/mprotect/brk keep them)
 * and what accel/tcg protected because it holds translated code.
 */
extern uintptr_t guest_base;
#define g2h_untagged(a) ((void *)((uintptr_t)(a) + guest_base))
#define h2g(p) ((uint64_t)((uintptr_t)(p) - guest_base))

#define PAGE_READ      0x0001
#define PAGE_WRITE     0x0002
#define PAGE_EXEC      0x0004
#define PAGE_BITS      (PAGE_READ | PAGE_WRITE | PAGE_EXEC)
#define PAGE_VALID     0x0008
#define PAGE_WRITE_ORG 0x0010    /* writable before SMC protection */
#define PAGE_RESET     0x0040    /* page_set_flags: drop old flags */
#define PAGE_ANON      0x0080

/* Set flags for guest [start, last] (inclusive, page-aligned ends). */
void page_set_flags(uint64_t start, uint64_t last, int flags);
int page_get_flags(uint64_t address);
/* 0 if every page of [start, start+len) has all of flags, else -1. */
int page_check_range(uint64_t start, uint64_t len, int flags);
/* Lowest free range of size len at or above start; -1 if none. */
uint64_t page_find_range_empty(uint64_t start, uint64_t last,
                               uint64_t len, uint64_t align);
/*
 * A host SIGSEGV on a write to a page we protected for SMC: invalidate
 * its TBs and make it writable again.  Returns 0 if the fault was not
 * ours, 1 if handled, 2 if handled and the current TB was invalidated
 * (the caller must then leave it: cpu_loop_exit_noexc).
 */
int page_unprotect(uint64_t address, uintptr_t host_pc);
/* Is host_pc inside the generated-code buffer? */
bool in_code_gen_buffer(const void *host_pc);
/*
 * Raise a guest SIGSEGV/SIGBUS from a host fault at host_pc: restore the
 * state of the faulting instruction, record the fault address and let
 * linux-user queue the signal (does not return).
 */
QEMU_NORETURN void cpu_loop_exit_sigsegv(CPUState *cpu, uint64_t addr,
                                         MMUAccessType access_type,
                                         bool maperr, uintptr_t host_pc);
QEMU_NORETURN void cpu_loop_exit_sigbus(CPUState *cpu, uint64_t addr,
                                        MMUAccessType access_type,
                                        uintptr_t host_pc);
/*
 * Guest memory from helpers: loads/stores that raise the guest fault
 * like generated code does (retaddr: GETPC() or 0).
 */
#endif

/*
 * Helper access to guest memory (both modes): little-endian, raise the
 * guest fault through cpu_loop_exit_restore(retaddr) on failure.
 */
uint32_t cpu_ldub_data_ra(void *env, uint64_t addr, uintptr_t ra);
uint32_t cpu_lduw_data_ra(void *env, uint64_t addr, uintptr_t ra);
uint32_t cpu_ldl_data_ra(void *env, uint64_t addr, uintptr_t ra);
uint64_t cpu_ldq_data_ra(void *env, uint64_t addr, uintptr_t ra);
void cpu_stb_data_ra(void *env, uint64_t addr, uint32_t val, uintptr_t ra);
void cpu_stw_data_ra(void *env, uint64_t addr, uint32_t val, uintptr_t ra);
void cpu_stl_data_ra(void *env, uint64_t addr, uint32_t val, uintptr_t ra);
void cpu_stq_data_ra(void *env, uint64_t addr, uint64_t val, uintptr_t ra);
/* The same with an explicit MMU index (system mode: kernel/user). */
uint32_t cpu_ldub_mmuidx_ra(void *env, uint64_t addr, int mmu_idx,
                            uintptr_t ra);
uint32_t cpu_lduw_mmuidx_ra(void *env, uint64_t addr, int mmu_idx,
                            uintptr_t ra);
uint32_t cpu_ldl_mmuidx_ra(void *env, uint64_t addr, int mmu_idx,
                           uintptr_t ra);
uint64_t cpu_ldq_mmuidx_ra(void *env, uint64_t addr, int mmu_idx,
                           uintptr_t ra);
void cpu_stb_mmuidx_ra(void *env, uint64_t addr, uint32_t val, int mmu_idx,
                       uintptr_t ra);
void cpu_stw_mmuidx_ra(void *env, uint64_t addr, uint32_t val, int mmu_idx,
                       uintptr_t ra);
void cpu_stl_mmuidx_ra(void *env, uint64_t addr, uint32_t val, int mmu_idx,
                       uintptr_t ra);
void cpu_stq_mmuidx_ra(void *env, uint64_t addr, uint64_t val, int mmu_idx,
                       uintptr_t ra);

#endif
