/*
 * cpu-defs.h: the block of per-CPU state that generated code reaches at
 * negative offsets from env.
 *
 * A target's CPU object is laid out as
 *     { CPUState parent_obj; CPUNegativeOffsetState neg; CPUArchState env; }
 * with neg ending exactly where env starts (targets assert it), so the
 * TB prologue finds the exit-request word, and the softmmu fast path the
 * TLB of each MMU index, at small constant negative offsets from the env
 * register.
 */
#ifndef EXEC_CPU_DEFS_H
#define EXEC_CPU_DEFS_H

#include "hw/core/cpu.h"

#define NB_MMU_MODES 8

#define CPU_TLB_ENTRY_BITS 5
#define CPU_TLB_DYN_MIN_BITS 6
#define CPU_TLB_DYN_DEFAULT_BITS 8
#define CPU_TLB_DYN_MAX_BITS 16

/*
 * One softmmu TLB entry (32 bytes).  addr_{read,write,code} hold the
 * page-aligned guest virtual address when the access kind is allowed
 * (-1 otherwise), with TLB_* flag bits in the page-offset bits forcing
 * the slow path (MMIO, dirty tracking, watchpoints, invalid).  addend
 * turns a guest virtual address into a host pointer for RAM pages.
 */
typedef struct CPUTLBEntry {
    uint64_t addr_read;
    uint64_t addr_write;
    uint64_t addr_code;
    uintptr_t addend;
} CPUTLBEntry;

#define TLB_INVALID_MASK (1 << 11)
#define TLB_NOTDIRTY     (1 << 10)   /* write must go through SMC check */
#define TLB_MMIO         (1 << 9)
#define TLB_WATCHPOINT   (1 << 8)
#define TLB_FLAGS_MASK   (TLB_INVALID_MASK | TLB_NOTDIRTY | TLB_MMIO | \
                          TLB_WATCHPOINT)

/* What the inlined fast path reads: mask = (entries - 1) << ENTRY_BITS. */
typedef struct CPUTLBDescFast {
    uintptr_t mask;
    CPUTLBEntry *table;
} CPUTLBDescFast;

typedef struct CPUNegativeOffsetState {
    CPUTLBDescFast tlb_fast[NB_MMU_MODES];
    IcountDecr icount_decr;
    uint32_t pad;                /* keep env 16-byte aligned */
} CPUNegativeOffsetState;

#endif
