/*
 * intc.c: the "intctrl" interface and "info pic".
 *
 * Interrupt controllers implement "intctrl" so the monitor can print
 * them without knowing their types.  "info pic" walks /machine and asks
 * each one in turn; with the PC's controllers the output has QEMU 7.2's
 * lines ("ioapic0: ver=0x20 ...", "pic1: irr=00 imr=00 ..."), although
 * the order in which controllers appear follows our tree, not QEMU's
 * hash-table walk.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/intc/intc.h"

static int intc_print_one(Object *obj, void *opaque)
{
    InterruptStatsProviderClass *k;

    if (!object_dynamic_cast(obj, TYPE_INTERRUPT_STATS_PROVIDER)) {
        return 0;
    }
    k = INTERRUPT_STATS_PROVIDER_CLASS(object_get_class(obj));
    if (k->print_info) {
        k->print_info(obj);
    }
    return 0;
}

void hmp_info_pic(Monitor *mon, const HMPArgs *args)
{
    /* Nothing at all when there is none (QEMU's "-M none" prints no line). */
    object_child_foreach_recursive(object_get_root(), intc_print_one, NULL);
}

static const TypeInfo intctrl_info = {
    .name = TYPE_INTERRUPT_STATS_PROVIDER,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(InterruptStatsProviderClass),
};

static void intctrl_register_types(void)
{
    type_register_static(&intctrl_info);
}

type_init(intctrl_register_types)
