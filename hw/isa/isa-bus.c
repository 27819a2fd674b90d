/*
 * isa-bus.c: the ISA bus, the abstract ISA device, and a bare bridge.
 *
 * Models the PC's ISA bus as software sees it: I/O ports decoded in one
 * port space and 16 edge/level interrupt lines (IRQ 0-15) that end at
 * the interrupt controller.  Which controller is the board's business:
 * it hands the bus an array of 16 qemu_irq inputs (isa_bus_irqs()).
 * Devices reach their lines and ports only through their parent bus.
 *
 * "info qtree" shows the bus as "bus: isa.0 / type ISA" and adds no
 * per-device lines, as QEMU 7.2 does (checked against Debian's QEMU).
 * Firmware paths are "NAME@PORT" ("serial@03f8"), for boot order.
 *
 * "isabus-bridge" is a sysbus device with no registers whose only job is
 * to be the ISA bus's parent on boards without a PCI-to-ISA bridge (our
 * pc board until PIIX3 exists).
 *
 * Missing: ISA DMA (8237) channels, the ISA memory space (0xa0000 VGA
 * window and option ROMs are mapped by their devices directly), a check
 * for a second ISA bus.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/isa/isa.h"
#include "hw/sysbus.h"

ISABus *isa_bus_new(DeviceState *dev, MemoryRegion *address_space_io,
                    Error **errp)
{
    ISABus *bus = ISA_BUS(qbus_new(TYPE_ISA_BUS, dev, NULL));

    bus->address_space_io = address_space_io;
    if (!qbus_realize(BUS(bus), errp)) {
        return NULL;
    }
    return bus;
}

void isa_bus_irqs(ISABus *bus, qemu_irq *irqs)
{
    bus->irqs = irqs;
}

ISABus *isa_bus_from_device(ISADevice *dev)
{
    return ISA_BUS(qdev_get_parent_bus(DEVICE(dev)));
}

qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq)
{
    ISABus *bus = isa_bus_from_device(dev);

    if (!bus->irqs || isairq >= ISA_NUM_IRQS) {
        return NULL;
    }
    return bus->irqs[isairq];
}

void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start)
{
    ISABus *bus = isa_bus_from_device(dev);

    memory_region_add_subregion(bus->address_space_io, start, io);
    if (!dev->ioport_id) {
        dev->ioport_id = start;
    }
}

ISADevice *isa_new(const char *name)
{
    return ISA_DEVICE(qdev_new(name));
}

bool isa_realize_and_unref(ISADevice *dev, ISABus *bus, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), BUS(bus), errp);
}

static char *isabus_get_fw_dev_path(DeviceState *dev)
{
    ISADevice *d = ISA_DEVICE(dev);

    if (d->ioport_id) {
        return g_strdup_printf("%s@%04x", qdev_fw_name(dev), d->ioport_id);
    }
    return g_strdup(qdev_fw_name(dev));
}

static void isa_bus_class_init(ObjectClass *klass, void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->get_fw_dev_path = isabus_get_fw_dev_path;
}

static void isa_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_ISA_BUS;
}

static void isabus_bridge_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    set_bit_category(dc, DEVICE_CATEGORY_BRIDGE);
    dc->fw_name = "isa";
    dc->user_creatable = false;
}

static const TypeInfo isa_bus_types[] = {
    {
        .name = TYPE_ISA_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(ISABus),
        .class_init = isa_bus_class_init,
    },
    {
        .name = TYPE_ISA_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(ISADevice),
        .abstract = true,
        .class_size = sizeof(DeviceClass),
        .class_init = isa_device_class_init,
    },
    {
        .name = TYPE_ISABUS_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .class_size = sizeof(SysBusDeviceClass),
        .class_init = isabus_bridge_class_init,
    },
};

static void isa_bus_register_types(void)
{
    type_register_static_array(isa_bus_types, G_N_ELEMENTS(isa_bus_types));
}

type_init(isa_bus_register_types)
