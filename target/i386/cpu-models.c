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
    bool versioned;              /* listed as NAME (alias) and NAME-v1 */
} X86CPUModelName;

/* In -cpu help order: versioned models by name, then the special ones. */
static const X86CPUModelName x86_cpu_models[] = {
    { "486", "", true },
    { "athlon", "QEMU Virtual CPU version 2.5+", true },
    { "core2duo", "Intel(R) Core(TM)2 Duo CPU     T7700  @ 2.40GHz", true },
    { "coreduo", "Genuine Intel(R) CPU           T2600  @ 2.16GHz", true },
    { "kvm32", "Common 32-bit KVM processor", true },
    { "kvm64", "Common KVM processor", true },
    { "n270", "Intel(R) Atom(TM) CPU N270   @ 1.60GHz", true },
    { "pentium", "", true },
    { "pentium2", "", true },
    { "pentium3", "", true },
    { "phenom", "AMD Phenom(tm) 9550 Quad-Core Processor", true },
    { "qemu32", "QEMU Virtual CPU version 2.5+", true },
    { "qemu64", "QEMU Virtual CPU version 2.5+", true },
    { "base", "base CPU model type with no features enabled", false },
    { "host", "processor with all supported host features ", false },
    { "max", "Enables all features supported by the accelerator in the"
             " current host", false },
};

void x86_cpu_list(void)
{
    size_t i;

    qemu_printf("Available CPUs:\n");
    for (i = 0; i < ARRAY_SIZE(x86_cpu_models); i++) {
        const X86CPUModelName *m = &x86_cpu_models[i];

        if (m->versioned) {
            g_autofree char *v1 = g_strconcat(m->name, "-v1", NULL);

            qemu_printf("x86 %-22s%s\n", m->name,
                        "(alias configured by machine type)");
            qemu_printf("x86 %-22s%s\n", v1, m->model_id);
        } else {
            qemu_printf("x86 %-22s%s\n", m->name, m->model_id);
        }
    }
}

bool x86_cpu_model_known(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(x86_cpu_models); i++) {
        const X86CPUModelName *m = &x86_cpu_models[i];
        const char *rest;

        if (g_str_equal(m->name, name)) {
            return true;
        }
        if (m->versioned && g_str_has_prefix(name, m->name)) {
            rest = name + strlen(m->name);
            if (g_str_equal(rest, "-v1")) {
                return true;
            }
        }
    }
    return false;
}
