/*
 * cpu-models.c: the names of the x86 CPU models, for -cpu and -cpu help.
 *
 * Only the model table lives here so far; the CPU itself (state, CPUID
 * contents, the translator) arrives with TCG.  Names and model-id strings
 * are QEMU's, which users and management tools type.
 */
#include "qemu/osdep.h"
#include "qemu/qemu-print.h"
#include "system/vl.h"

typedef struct X86CPUModelName {
    const char *name;
    const char *model_id;
} X86CPUModelName;

static const X86CPUModelName x86_cpu_models[] = {
    { "486", "" },
    { "athlon", "QEMU Virtual CPU version 2.5+" },
    { "base", "base CPU model type with no features enabled" },
    { "core2duo", "Intel(R) Core(TM)2 Duo CPU     T7700  @ 2.40GHz" },
    { "coreduo", "Genuine Intel(R) CPU           T2600  @ 2.16GHz" },
    { "host", "KVM processor with all supported host features" },
    { "kvm32", "Common 32-bit KVM processor" },
    { "kvm64", "Common KVM processor" },
    { "max", "Enables all features supported by the accelerator in the"
             " current host" },
    { "n270", "Intel(R) Atom(TM) CPU N270   @ 1.60GHz" },
    { "pentium", "" },
    { "pentium2", "" },
    { "pentium3", "" },
    { "phenom", "AMD Phenom(tm) 9550 Quad-Core Processor" },
    { "qemu32", "QEMU Virtual CPU version 2.5+" },
    { "qemu64", "QEMU Virtual CPU version 2.5+" },
};

void x86_cpu_list(void)
{
    size_t i;

    qemu_printf("Available CPUs:\n");
    for (i = 0; i < ARRAY_SIZE(x86_cpu_models); i++) {
        qemu_printf("x86 %-20s  %s\n", x86_cpu_models[i].name,
                    x86_cpu_models[i].model_id);
    }
}

bool x86_cpu_model_known(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(x86_cpu_models); i++) {
        if (g_str_equal(x86_cpu_models[i].name, name)) {
            return true;
        }
    }
    return false;
}
