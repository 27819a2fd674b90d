/*
 * isa.h: the ISA bus of the PC.
 *
 * An ISA bus ("ISA", named "isa.0" in "info qtree") hangs off a bridge
 * device (PIIX3 on the i440FX board; for now a plain "isabus-bridge").
 * It carries the 16 ISA interrupt lines, which the creator of the bus
 * wires to the interrupt controller with isa_bus_irqs(), and an I/O port
 * space (normally get_system_io()) where devices map their registers
 * with isa_register_ioport().  ISA devices ("isa-device" subtypes) find
 * both through their parent bus, never through globals.
 */
#ifndef HW_ISA_ISA_H
#define HW_ISA_ISA_H

#include "hw/qdev-core.h"
#include "exec/memory.h"

#define ISA_NUM_IRQS 16

#define TYPE_ISA_BUS "ISA"
#define TYPE_ISA_DEVICE "isa-device"
#define TYPE_ISABUS_BRIDGE "isabus-bridge"

typedef struct ISABus {
    BusState parent_obj;

    MemoryRegion *address_space_io;
    qemu_irq *irqs;              /* ISA_NUM_IRQS lines, set by the board */
} ISABus;

typedef struct ISADevice {
    DeviceState parent_obj;

    /* First I/O port the device registered: its firmware path address. */
    int ioport_id;
} ISADevice;

#define ISA_BUS(obj) OBJECT_CHECK(ISABus, (obj), TYPE_ISA_BUS)
#define ISA_DEVICE(obj) OBJECT_CHECK(ISADevice, (obj), TYPE_ISA_DEVICE)

/*
 * Create the ISA bus below dev (the bridge), with its I/O ports in
 * address_space_io.  The interrupt lines are wired later with
 * isa_bus_irqs().
 */
ISABus *isa_bus_new(DeviceState *dev, MemoryRegion *address_space_io,
                    Error **errp);

/*
 * Wire the bus's ISA_NUM_IRQS interrupt lines: irqs[n] is the input of
 * the interrupt controller that ISA IRQ n drives.  The array must stay
 * valid for the life of the bus.
 */
void isa_bus_irqs(ISABus *bus, qemu_irq *irqs);

/* The bus dev is plugged into. */
ISABus *isa_bus_from_device(ISADevice *dev);

/*
 * ISA IRQ isairq (0..15) of dev's bus, for the device to raise and
 * lower.  NULL (a line that goes nowhere) before isa_bus_irqs() or for
 * a number out of range; devices check user-supplied numbers in realize.
 */
qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq);

/*
 * Map io at port start of dev's bus I/O space.  The first call records
 * start as the device's address in firmware paths ("serial@3f8").
 */
void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start);

/* Board helpers: create an ISA device / plug it into bus and realize. */
ISADevice *isa_new(const char *name);
bool isa_realize_and_unref(ISADevice *dev, ISABus *bus, Error **errp);

#endif
