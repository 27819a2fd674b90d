/*
 * intc.h: what every interrupt controller offers the monitor.
 *
 * A device that implements the "intctrl" interface prints its state for
 * "info pic" (the 8259 pair, the I/O APIC), as QEMU's interrupt stats
 * providers do.  The monitor walks the /machine tree and asks each one.
 */
#ifndef HW_INTC_INTC_H
#define HW_INTC_INTC_H

#include "qom/object.h"

#define TYPE_INTERRUPT_STATS_PROVIDER "intctrl"

typedef struct InterruptStatsProviderClass {
    InterfaceClass parent;
    /* Print the controller's registers with qemu_printf(). */
    void (*print_info)(Object *obj);
} InterruptStatsProviderClass;

#define INTERRUPT_STATS_PROVIDER_CLASS(klass) \
    OBJECT_CLASS_CHECK(InterruptStatsProviderClass, (klass), \
                       TYPE_INTERRUPT_STATS_PROVIDER)

/* "info pic": every intctrl device under /machine, in tree order. */
typedef struct Monitor Monitor;
typedef struct HMPArgs HMPArgs;
void hmp_info_pic(Monitor *mon, const HMPArgs *args);

#endif
