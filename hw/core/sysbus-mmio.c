/*
 * sysbus-mmio.c: mapping sysbus devices' regions into the address spaces.
 *
 * The system-layer half of include/hw/sysbus.h (it calls the memory
 * API, a layer above qdev): sysbus_mmio_map*() place an exported region
 * in get_system_memory(), sysbus_add_io() in get_system_io(), and the
 * sysbus_create_*() conveniences build, realize, map and wire a device
 * in one call, as QEMU's boards use them.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "exec/memory.h"

static void sysbus_mmio_map_common(SysBusDevice *dev, int n, hwaddr addr,
                                   bool may_overlap, int priority)
{
    MemoryRegion *mr;

    g_assert(n >= 0 && n < dev->num_mmio);
    if (dev->mmio[n].addr == addr) {
        return;
    }
    mr = dev->mmio[n].memory;
    if (dev->mmio[n].addr != (hwaddr)-1) {
        memory_region_del_subregion(get_system_memory(), mr);
    }
    dev->mmio[n].addr = addr;
    if (may_overlap) {
        memory_region_add_subregion_overlap(get_system_memory(), addr, mr,
                                            priority);
    } else {
        memory_region_add_subregion(get_system_memory(), addr, mr);
    }
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    sysbus_mmio_map_common(dev, n, addr, false, 0);
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    sysbus_mmio_map_common(dev, n, addr, true, priority);
}

void sysbus_mmio_unmap(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    if (dev->mmio[n].addr != (hwaddr)-1) {
        memory_region_del_subregion(get_system_memory(),
                                    dev->mmio[n].memory);
        dev->mmio[n].addr = (hwaddr)-1;
    }
}

void sysbus_add_io(SysBusDevice *dev, hwaddr addr, MemoryRegion *mem)
{
    memory_region_add_subregion(get_system_io(), addr, mem);
}

DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...)
{
    DeviceState *dev = qdev_new(name);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);
    va_list va;
    qemu_irq irq;
    int n = 0;

    sysbus_realize_and_unref(s, &error_fatal);
    if (addr != (hwaddr)-1) {
        sysbus_mmio_map(s, 0, addr);
    }
    va_start(va, addr);
    while ((irq = va_arg(va, qemu_irq)) != NULL) {
        sysbus_connect_irq(s, n++, irq);
    }
    va_end(va);
    return dev;
}

DeviceState *sysbus_create_simple(const char *name, hwaddr addr,
                                  qemu_irq irq)
{
    return sysbus_create_varargs(name, addr, irq, NULL);
}
