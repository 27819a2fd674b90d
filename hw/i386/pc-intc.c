/*
 * pc-intc.c: creates the PC's interrupt controllers and timers and wires
 * the global system interrupts (see include/hw/i386/pc-intc.h).
 *
 * The wiring follows what SeaBIOS and Linux expect of QEMU's i440FX
 * board: ISA IRQs are GSIs 0-15 on both the 8259 pair and the I/O APIC,
 * with the PIT override of ISA IRQ 0 to I/O APIC pin 2.
 *
 * Missing: the q35 variant (no 8259 on GSIs 16-23 either, but PIRQ
 * routing through the ICH9 LPC), HPET's ACPI/device options (-no-hpet).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/i386/apic.h"
#include "hw/i386/ioapic.h"
#include "hw/i386/pc-intc.h"
#include "hw/intc/i8259.h"
#include "hw/isa/isa.h"
#include "hw/sysbus.h"

typedef struct PCGSIState {
    qemu_irq i8259_irq[ISA_NUM_IRQS];
    qemu_irq ioapic_irq[PC_NUM_GSI];
} PCGSIState;

/* One GSI changed level: fan it out to the controllers that see it. */
static void pc_gsi_handler(void *opaque, int n, int level)
{
    PCGSIState *s = opaque;

    if (n < ISA_NUM_IRQS && n != 2) {
        qemu_set_irq(s->i8259_irq[n], level);
    }
    /* GSI 2 exists only on the I/O APIC (an HPET timer may route there). */
    qemu_set_irq(s->ioapic_irq[n == 0 ? 2 : n], level);
}

/* The local APICs, their MSI window, and the I/O APIC on the GSIs. */
static void pc_apics_init(PCMachineState *pcms, PCGSIState *gsi)
{
    MachineState *ms = MACHINE(pcms);
    DeviceState *dev;
    unsigned i;

    dev = qdev_new(TYPE_APIC_MSI);
    object_property_add_child(OBJECT(pcms), "apic-msi", OBJECT(dev));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map_overlap(SYS_BUS_DEVICE(dev), 0, APIC_DEFAULT_ADDRESS, 0);
    for (i = 0; i < ms->smp.cpus; i++) {
        apic_create(i, i, i == 0);
    }

    dev = qdev_new(TYPE_IOAPIC);
    object_property_add_child(OBJECT(pcms), "ioapic", OBJECT(dev));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, IOAPIC_DEFAULT_ADDRESS);
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        gsi->ioapic_irq[i] = qdev_get_gpio_in(dev, i);
    }
    pcms->ioapic = dev;
}

void pc_intc_timers_init(PCMachineState *pcms, ISABus *bus)
{
    PCGSIState *gsi = g_new0(PCGSIState, 1);
    qemu_irq *i8259;
    int i;

    pcms->gsi = qemu_allocate_irqs(pc_gsi_handler, gsi, PC_NUM_GSI);
    isa_bus_irqs(bus, pcms->gsi);
    pcms->isa_bus = bus;

    pc_apics_init(pcms, gsi);
    i8259 = i8259_init(bus, apic_bus_pic_intr_irq(), &pcms->pic);
    for (i = 0; i < ISA_NUM_IRQS; i++) {
        gsi->i8259_irq[i] = i8259[i];
    }
    g_free(i8259);
}
