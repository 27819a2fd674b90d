/*
 * sysbus.h: system bus devices.
 *
 * The main system bus ("main-system-bus", of type "System") is the root
 * of the device tree.  A sysbus device (abstract "sys-bus-device") sits
 * on it and exports memory-mapped regions and interrupt outputs that the
 * board maps and wires: the device calls sysbus_init_mmio() and
 * sysbus_init_irq() (realize or instance_init), the board calls
 * sysbus_mmio_map() and sysbus_connect_irq().  "info qtree" shows each
 * region as "mmio ADDR/SIZE" (ADDR all ones while unmapped).
 *
 * sysbus_mmio_map*(), sysbus_add_io() and sysbus_create_*() touch the
 * memory API and live in the system layer (hw/core/sysbus-mmio.c).
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "hw/qdev-core.h"
#include "exec/hwaddr.h"

typedef struct MemoryRegion MemoryRegion;

#define TYPE_SYSTEM_BUS "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"
#define SYSBUS_DEVICE_GPIO_IRQ "sysbus-irq"

#define QDEV_MAX_MMIO 32
#define QDEV_MAX_PIO 32

typedef struct SysBusDevice {
    DeviceState parent_obj;

    int num_mmio;
    struct {
        hwaddr addr;             /* (hwaddr)-1 while unmapped */
        MemoryRegion *memory;
    } mmio[QDEV_MAX_MMIO];
    int num_pio;
    uint32_t pio[QDEV_MAX_PIO];
} SysBusDevice;

typedef struct SysBusDeviceClass {
    DeviceClass parent_class;
} SysBusDeviceClass;

#define SYS_BUS_DEVICE(obj) \
    OBJECT_CHECK(SysBusDevice, (obj), TYPE_SYS_BUS_DEVICE)
#define SYS_BUS_DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(SysBusDeviceClass, (klass), TYPE_SYS_BUS_DEVICE)

/* Device side. */
/* Export mr as region number num_mmio++ (at most QDEV_MAX_MMIO). */
void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *mr);
/* Export one interrupt output (the device keeps *p and raises it). */
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p);
/* Record I/O ports the device uses (for firmware paths). */
void sysbus_init_ioports(SysBusDevice *dev, uint32_t ioport, uint32_t size);

/* Board side. */
bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n);
MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n);
bool sysbus_has_irq(SysBusDevice *dev, int n);
void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq);
qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n);
/* Realize on the main system bus. */
bool sysbus_realize(SysBusDevice *dev, Error **errp);
bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp);

/* Memory side (system layer, sysbus-mmio.c). */
/* Map region n at addr in get_system_memory() (remapping if mapped). */
void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr);
void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority);
void sysbus_mmio_unmap(SysBusDevice *dev, int n);
/* Map mem at addr in get_system_io(). */
void sysbus_add_io(SysBusDevice *dev, hwaddr addr, MemoryRegion *mem);
/*
 * Create and realize name (exiting on error), map its region 0 at addr
 * unless addr is (hwaddr)-1, and connect IRQ output i to the i-th
 * variadic qemu_irq; the list ends with NULL.
 */
DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...);
DeviceState *sysbus_create_simple(const char *name, hwaddr addr,
                                  qemu_irq irq);

#endif
