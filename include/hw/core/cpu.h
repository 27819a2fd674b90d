/*
 * cpu.h: the target-independent part of a virtual CPU.
 *
 * A CPUState is a device (TYPE_CPU) embedded at the start of the target's
 * CPU object (X86CPU), followed by the negative-offset block the
 * generated code reaches (TLB, exit-request word) and then the target's
 * architectural state (CPUX86State, "env").  Generated code holds a
 * pointer to env in a fixed host register; env_cpu(env) and cpu_env(cpu)
 * convert.
 *
 * What accel/tcg needs from a target it gets through TCGCPUOps (the
 * class's tcg_ops); what the machine, monitor and gdbstub need they get
 * through CPUClass hooks.  Neither ever asks which accelerator runs.
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include <setjmp.h>
#include "hw/qdev-core.h"
#include "qemu/thread.h"

#define TYPE_CPU "cpu"

typedef struct CPUState CPUState;
typedef struct CPUClass CPUClass;
typedef struct TCGCPUOps TCGCPUOps;
typedef struct TranslationBlock TranslationBlock;

/* interrupt_request bits (a target adds its own from 0x100 on). */
#define CPU_INTERRUPT_HARD     0x0002   /* external interrupt (INTR) */
#define CPU_INTERRUPT_EXITTB   0x0004   /* leave the TB, re-check state */
#define CPU_INTERRUPT_HALT     0x0020
#define CPU_INTERRUPT_DEBUG    0x0080
#define CPU_INTERRUPT_RESET    0x0400

/* Exception indexes returned by cpu_exec (targets use 0..0xffff). */
#define EXCP_INTERRUPT  0x10000  /* async interruption (exit request) */
#define EXCP_HLT        0x10001  /* HLT executed */
#define EXCP_DEBUG      0x10002  /* breakpoint or single step */
#define EXCP_HALTED     0x10003  /* cpu is halted (waiting for irq) */
#define EXCP_YIELD      0x10004  /* let another vCPU run */
#define EXCP_ATOMIC     0x10005  /* stop the world, run one insn alone */

/* cflags of a TB (TranslationBlock.cflags, cpu->cflags_next_tb). */
#define CF_COUNT_MASK    0x000001ff  /* max insns (0: default) */
#define CF_NO_GOTO_TB    0x00000200  /* don't chain with goto_tb */
#define CF_NO_GOTO_PTR   0x00000400  /* don't chain with goto_ptr */
#define CF_SINGLE_STEP   0x00000800  /* gdbstub single step */
#define CF_LAST_IO       0x00008000  /* last insn may do I/O (icount) */
#define CF_MEMI_ONLY     0x00010000  /* only instrument memory ops */
#define CF_USE_ICOUNT    0x00020000
#define CF_INVALID       0x00040000  /* TB is stale */
#define CF_PARALLEL      0x00080000  /* other vCPUs run concurrently */
#define CF_NOIRQ         0x00100000  /* don't take interrupts at entry */

#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1 << TB_JMP_CACHE_BITS)

/*
 * The exit-request word that every TB checks on entry: the front end's
 * TB prologue loads it and leaves if it is negative.  cpu_exit() sets
 * the high half to -1 from any thread.
 */
typedef union IcountDecr {
    int32_t u32;
    struct {
        uint16_t low;
        uint16_t high;
    } u16;
} IcountDecr;

typedef struct CPUBreakpoint {
    uint64_t pc;
    int flags;                   /* BP_* */
    struct CPUBreakpoint *next;
} CPUBreakpoint;

typedef struct CPUWatchpoint {
    uint64_t vaddr;
    uint64_t len;
    uint64_t hitaddr;
    int flags;                   /* BP_* */
    struct CPUWatchpoint *next;
} CPUWatchpoint;

#define BP_MEM_READ   0x01
#define BP_MEM_WRITE  0x02
#define BP_MEM_ACCESS (BP_MEM_READ | BP_MEM_WRITE)
#define BP_GDB        0x10
#define BP_CPU        0x20
#define BP_WATCHPOINT_HIT 0xc0

struct CPUClass {
    DeviceClass parent_class;

    /* A runnable condition (pending interrupt) exists: leave halt. */
    bool (*has_work)(CPUState *cpu);
    /* "info registers" / -d cpu: print the state (flags: CPU_DUMP_*). */
    void (*dump_state)(CPUState *cpu, FILE *f, int flags);
    void (*set_pc)(CPUState *cpu, uint64_t pc);
    uint64_t (*get_pc)(CPUState *cpu);
    /* Guest-virtual to guest-physical for the debugger; -1 if unmapped. */
    uint64_t (*get_phys_page_debug)(CPUState *cpu, uint64_t addr);
    /* gdb register access (g/G/p/P packets) and the target XML. */
    int (*gdb_read_register)(CPUState *cpu, GByteArray *buf, int reg);
    int (*gdb_write_register)(CPUState *cpu, uint8_t *buf, int reg);
    const char *gdb_core_xml_file;
    int gdb_num_core_regs;
    const TCGCPUOps *tcg_ops;
};

#define CPU_DUMP_CODE 0x00010000
#define CPU_DUMP_FPU  0x00020000
#define CPU_DUMP_CCOP 0x00040000

struct CPUState {
    DeviceState parent_obj;

    int cpu_index;               /* 0..smp.cpus-1 */
    int nr_cores;
    int nr_threads;
    void *env_ptr;               /* the target's CPUArchState */

    /* vCPU thread (system mode); see system/cpus.c. */
    QemuThread *thread;
    QemuCond *halt_cond;
    bool created;
    bool stop;                   /* asked to pause */
    bool stopped;                /* paused */
    bool unplug;
    bool crash_occurred;
    bool exit_request;           /* leave cpu_exec at the next TB */
    uint32_t halted;
    volatile int interrupt_request;   /* CPU_INTERRUPT_* */
    int singlestep_enabled;      /* SSTEP_* from the gdbstub */

    /* accel/tcg state. */
    sigjmp_buf jmp_env;          /* cpu_loop_exit() lands here */
    int exception_index;         /* EXCP_* or the target's vector */
    uint32_t cflags_next_tb;     /* -1: none */
    bool can_do_io;
    TranslationBlock **tb_jmp_cache;  /* TB_JMP_CACHE_SIZE, by pc hash */
    IcountDecr *icount_decr_ptr; /* the word in the negative-offset block */

    CPUBreakpoint *breakpoints;
    CPUWatchpoint *watchpoints;
    CPUWatchpoint *watchpoint_hit;

    AddressSpace *as;            /* what the CPU sees (system memory) */
    void *opaque;                /* user mode: the TaskState */
    int accel_fd;                /* KVM vCPU fd, -1 otherwise */
    struct kvm_run *kvm_run;
    bool vcpu_dirty;             /* KVM: registers changed on our side */

    CPUState *next_cpu;          /* the list of all CPUs, by index */
};

#define CPU(obj) OBJECT_CHECK(CPUState, (obj), TYPE_CPU)
#define CPU_CLASS(klass) OBJECT_CLASS_CHECK(CPUClass, (klass), TYPE_CPU)
#define CPU_GET_CLASS(obj) OBJECT_GET_CLASS(CPUClass, (obj), TYPE_CPU)

#define SSTEP_ENABLE  0x1
#define SSTEP_NOIRQ   0x2
#define SSTEP_NOTIMER 0x4

/* All CPUs (first_cpu, then ->next_cpu); the one this thread runs. */
extern CPUState *first_cpu;
extern __thread CPUState *current_cpu;
#define CPU_FOREACH(cpu) for ((cpu) = first_cpu; (cpu); (cpu) = (cpu)->next_cpu)

/* Add a realized CPU to the list (cpu_index in order of calls). */
void cpu_list_add(CPUState *cpu);
void cpu_list_remove(CPUState *cpu);
CPUState *qemu_get_cpu(int index);

/* Ask cpu to leave generated code soon (any thread). */
void cpu_exit(CPUState *cpu);
/* Raise/clear interrupt_request bits; raising kicks the vCPU. */
void cpu_interrupt(CPUState *cpu, int mask);
void cpu_reset_interrupt(CPUState *cpu, int mask);
/* Wake a vCPU sleeping in halt (or in KVM_RUN). */
void qemu_cpu_kick(CPUState *cpu);
bool qemu_cpu_is_self(CPUState *cpu);
/* Reset the CPU to its power-on state (device reset). */
void cpu_reset(CPUState *cpu);
bool cpu_has_work(CPUState *cpu);

int cpu_breakpoint_insert(CPUState *cpu, uint64_t pc, int flags);
int cpu_breakpoint_remove(CPUState *cpu, uint64_t pc, int flags);
void cpu_breakpoint_remove_all(CPUState *cpu, int mask);
int cpu_watchpoint_insert(CPUState *cpu, uint64_t addr, uint64_t len,
                          int flags);
int cpu_watchpoint_remove(CPUState *cpu, uint64_t addr, uint64_t len,
                          int flags);
void cpu_watchpoint_remove_all(CPUState *cpu, int mask);
void cpu_single_step(CPUState *cpu, int enabled);

/* Read/write guest virtual memory as the debugger sees it. */
int cpu_memory_rw_debug(CPUState *cpu, uint64_t addr, void *buf,
                        size_t len, bool is_write);

#endif
