/*
 * sysbus.c: the main system bus and sysbus devices.
 *
 * Implements the qom-layer part of include/hw/sysbus.h as QEMU does: the
 * root bus "main-system-bus" of type "System" (created on first use; the
 * machine code hangs it in the composition tree), and the abstract
 * "sys-bus-device" whose instances export MMIO regions (recorded here,
 * mapped by sysbus-mmio.c in the system layer) and IRQ outputs (the
 * named GPIO output list "sysbus-irq").  Sysbus devices are not
 * user-creatable by default, as in QEMU.
 * Missing: dynamic sysbus devices (platform bus), firmware paths.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/qemu-print.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "exec/memory.h"

static BusState *main_system_bus;

BusState *sysbus_get_default(void)
{
    if (main_system_bus == NULL) {
        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
        qbus_realize(main_system_bus, &error_abort);
    }
    return main_system_bus;
}

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *mr)
{
    int n = dev->num_mmio++;

    g_assert(n < QDEV_MAX_MMIO);
    dev->mmio[n].addr = (hwaddr)-1;
    dev->mmio[n].memory = mr;
}

bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n)
{
    return n < (unsigned int)dev->num_mmio;
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    return dev->mmio[n].memory;
}

void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, SYSBUS_DEVICE_GPIO_IRQ, 1);
}

bool sysbus_has_irq(SysBusDevice *dev, int n)
{
    g_autofree char *name = g_strdup_printf(SYSBUS_DEVICE_GPIO_IRQ "[%d]",
                                            n);

    return object_property_find(OBJECT(dev), name) != NULL;
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n, irq);
}

qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n)
{
    return qdev_get_gpio_out_connector(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ,
                                       n);
}

void sysbus_init_ioports(SysBusDevice *dev, uint32_t ioport, uint32_t size)
{
    for (uint32_t i = 0; i < size; i++) {
        g_assert(dev->num_pio < QDEV_MAX_PIO);
        dev->pio[dev->num_pio++] = ioport + i;
    }
}

bool sysbus_realize(SysBusDevice *dev, Error **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

/* "info qtree": one "mmio ADDR/SIZE" line per exported region. */
static void sysbus_dev_print(void *mon, DeviceState *dev, int indent)
{
    SysBusDevice *s = SYS_BUS_DEVICE(dev);

    for (int i = 0; i < s->num_mmio; i++) {
        MemoryRegion *mr = s->mmio[i].memory;
        uint64_t size = mr->size_is_2_64 ? UINT64_MAX : mr->size;

        qemu_printf("%*smmio %016" PRIx64 "/%016" PRIx64 "\n", indent, "",
                    s->mmio[i].addr, size);
    }
}

static void system_bus_class_init(ObjectClass *klass, void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->print_dev = sysbus_dev_print;
}

static void sysbus_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_SYSTEM_BUS;
    /* Boards create and wire these; -device cannot. */
    dc->user_creatable = false;
}

static const TypeInfo sysbus_types[] = {
    {
        .name = TYPE_SYSTEM_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_init = system_bus_class_init,
    },
    {
        .name = TYPE_SYS_BUS_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .abstract = true,
        .class_size = sizeof(SysBusDeviceClass),
        .class_init = sysbus_device_class_init,
    },
};

static void sysbus_register_types(void)
{
    type_register_static_array(sysbus_types, ARRAY_SIZE(sysbus_types));
}

type_init(sysbus_register_types)
