/*
 * pc.c: the "pc" machine, "Standard PC (i440FX + PIIX, 1996)", as a
 * skeleton.
 *
 * What exists: guest RAM laid out as QEMU 7.2's pc-i440fx-7.2 does it
 * ("pc.ram" seen through "ram-below-4g" at 0 and, past the 32-bit PCI
 * hole, "ram-above-4g" at 4 GiB), an ISA bus, and a 16550A serial port
 * (COM1-COM4) for each -serial.  -device adds more ISA devices
 * (isa-debugcon, isa-debug-exit, isa-serial).
 *
 * The interrupt controllers and timers come from pc_intc_timers_init()
 * (hw/i386/pc-intc.c), which also makes the ISA IRQ lines the GSIs.
 *
 * Placeholder, to be replaced: the ISA bus hangs off a bare
 * "isabus-bridge" where PIIX3 will be.
 *
 * Missing: CPUs (no accelerator runs guest code yet, so without qtest
 * the board refuses to start), the i440FX host bridge and PCI bus, PAM
 * shadow RAM, PIIX3 (ISA bridge, PIRQ routing, IDE, USB), PIIX4 ACPI,
 * the CMOS contents, i8042, port 0x92, fw_cfg, the BIOS ROM (SeaBIOS) and option ROMs, VGA, NICs,
 * parallel ports, floppy and IDE drives, -kernel loading.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/boards.h"
#include "hw/i386/pc.h"
#include "hw/i386/pc-intc.h"
#include "hw/isa/isa.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "exec/memory.h"
#include "sysemu/qtest.h"
#include "sysemu/sysemu.h"

/* RAM from this size on is split at 3 GiB (QEMU's gigabyte alignment). */
#define PC_LOWMEM_SPLIT_THRESHOLD 0xe0000000ULL
#define PC_BELOW_4G_MAX 0xc0000000ULL
#define PC_ABOVE_4G_BASE (4 * GiB)

/* RAM. */

static void pc_memory_init(MachineState *ms)
{
    MemoryRegion *sysmem = get_system_memory();
    MemoryRegion *below, *above;
    uint64_t below_size;

    if (!ms->ram) {
        ms->ram = g_new0(MemoryRegion, 1);
        memory_region_init_ram(ms->ram, OBJECT(ms), "pc.ram", ms->ram_size,
                               &error_fatal);
    }
    below_size = ms->ram_size >= PC_LOWMEM_SPLIT_THRESHOLD ?
                 PC_BELOW_4G_MAX : ms->ram_size;

    below = g_new0(MemoryRegion, 1);
    memory_region_init_alias(below, NULL, "ram-below-4g", ms->ram, 0,
                             below_size);
    memory_region_add_subregion(sysmem, 0, below);
    if (ms->ram_size > below_size) {
        above = g_new0(MemoryRegion, 1);
        memory_region_init_alias(above, NULL, "ram-above-4g", ms->ram,
                                 below_size, ms->ram_size - below_size);
        memory_region_add_subregion(sysmem, PC_ABOVE_4G_BASE, above);
    }
}

/* The ISA bus, its bridge and its interrupt lines. */

static ISABus *pc_isa_init(MachineState *ms)
{
    DeviceState *bridge = qdev_new(TYPE_ISABUS_BRIDGE);
    ISABus *bus;

    sysbus_realize_and_unref(SYS_BUS_DEVICE(bridge), &error_fatal);
    bus = isa_bus_new(bridge, get_system_io(), &error_fatal);
    pc_intc_timers_init(PC_MACHINE(ms), bus);
    return bus;
}

/* COM1-COM4 for the -serial options given. */
static void pc_serial_init(ISABus *bus)
{
    int i;

    for (i = 0; i < MAX_SERIAL_PORTS; i++) {
        Chardev *chr = serial_hd(i);
        ISADevice *dev;

        if (!chr) {
            continue;
        }
        dev = isa_new("isa-serial");
        qdev_prop_set_uint32(DEVICE(dev), "index", i);
        qdev_prop_set_chr(DEVICE(dev), "chardev", chr);
        isa_realize_and_unref(dev, bus, &error_fatal);
    }
}

static void pc_init(MachineState *ms)
{
    ISABus *isa_bus;

    if (!qtest_enabled()) {
        error_report("machine 'pc' cannot run guest code yet: no CPU "
                     "accelerator is implemented (use -qtest)");
        exit(1);
    }
    pc_memory_init(ms);
    isa_bus = pc_isa_init(ms);
    pc_serial_init(isa_bus);
}

static void pc_i440fx_7_2_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "pc-i440fx-7.2";
    mc->alias = "pc";
    mc->desc = "Standard PC (i440FX + PIIX, 1996)";
    mc->init = pc_init;
    mc->is_default = true;
    mc->max_cpus = 255;
    mc->min_cpus = 1;
    mc->default_cpus = 1;
    mc->default_cpu_type = "qemu64-x86_64-cpu";
    mc->default_ram_size = 128 * MiB;
    mc->default_ram_id = "pc.ram";
    mc->default_boot_order = "cad";
}

static const TypeInfo pc_types[] = {
    {
        .name = TYPE_PC_MACHINE,
        .parent = TYPE_MACHINE,
        .abstract = true,
        .instance_size = sizeof(PCMachineState),
    },
    {
        .name = MACHINE_TYPE_NAME("pc-i440fx-7.2"),
        .parent = TYPE_PC_MACHINE,
        .class_init = pc_i440fx_7_2_class_init,
    },
};

static void pc_register_types(void)
{
    type_register_static_array(pc_types, G_N_ELEMENTS(pc_types));
}

type_init(pc_register_types)
