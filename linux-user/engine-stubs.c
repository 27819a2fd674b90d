/*
 * engine-stubs.c: weak stand-ins for the translator's entry points.
 *
 * qemu-x86_64 links the TCG engine (tcg/, accel/tcg/) and the x86 front
 * end (target/i386/) through the interfaces of include/exec/exec-all.h,
 * include/hw/core/cpu.h and target/i386/cpu.h.  While those parts are
 * not built yet (or only partly), these weak definitions let the
 * program link; the real, strong definitions replace them.  Anything
 * that would need the translator stops with a clear message.  This file
 * goes away once the engine and front end are complete on main.
 */
#include "linux-user.h"
#include "qemu/error-report.h"

#define WEAK __attribute__((weak))

static QEMU_NORETURN void no_translator(void)
{
    error_report("this build has no TCG translator yet");
    exit(1);
}

WEAK bool one_insn_per_tb;
WEAK CPUState *first_cpu;
WEAK __thread CPUState *current_cpu;

WEAK int cpu_exec(CPUState *cpu)
{
    no_translator();
}

WEAK void tcg_exec_init(size_t code_gen_size, int backend, bool optimize)
{
}

WEAK void tcg_exec_realizefn(CPUState *cpu)
{
    no_translator();
}

WEAK void cpu_list_add(CPUState *cpu)
{
    first_cpu = cpu;
}

WEAK void cpu_exit(CPUState *cpu)
{
}

WEAK void tb_invalidate_phys_range(uint64_t start, uint64_t end)
{
}

WEAK bool in_code_gen_buffer(const void *host_pc)
{
    return false;
}

WEAK bool cpu_restore_state(CPUState *cpu, uintptr_t host_pc)
{
    return false;
}

WEAK void cpu_loop_exit(CPUState *cpu)
{
    no_translator();
}

WEAK void cpu_loop_exit_noexc(CPUState *cpu)
{
    no_translator();
}

WEAK void cpu_loop_exit_sigsegv(CPUState *cpu, uint64_t addr,
                                MMUAccessType access_type, bool maperr,
                                uintptr_t host_pc)
{
    no_translator();
}

WEAK void cpu_loop_exit_sigbus(CPUState *cpu, uint64_t addr,
                               MMUAccessType access_type, uintptr_t host_pc)
{
    no_translator();
}

WEAK void page_set_flags(uint64_t start, uint64_t last, int flags)
{
}

WEAK int page_get_flags(uint64_t address)
{
    return 0;
}

WEAK uint64_t page_find_range_empty(uint64_t start, uint64_t last,
                                    uint64_t len, uint64_t align)
{
    return start;
}

WEAK int page_unprotect(uint64_t address, uintptr_t host_pc)
{
    return 0;
}

WEAK void cpu_x86_cpuid(CPUX86State *env, uint32_t index, uint32_t count,
                        uint32_t *eax, uint32_t *ebx, uint32_t *ecx,
                        uint32_t *edx)
{
    *eax = *ebx = *ecx = *edx = 0;
}

WEAK uint64_t cpu_compute_eflags(CPUX86State *env)
{
    return env->eflags;
}

WEAK void cpu_load_eflags(CPUX86State *env, uint64_t eflags,
                          uint64_t update_mask)
{
    env->eflags = (env->eflags & ~update_mask) | (eflags & update_mask);
}

WEAK void cpu_x86_load_seg_cache(CPUX86State *env, int seg_reg,
                                 uint32_t selector, uint64_t base,
                                 uint32_t limit, uint32_t flags)
{
    no_translator();
}

WEAK void x86_update_hflags(CPUX86State *env)
{
}

WEAK void x86_cpu_list(void)
{
    printf("Available CPUs:\n");
}
