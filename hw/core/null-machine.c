/*
 * null-machine.c: the "none" machine: no devices, no CPU; RAM at
 * address 0 only when -m is given.  Used to run the monitor, qtest and
 * device introspection without a board.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"

static void machine_none_init(MachineState *ms)
{
    if (ms->ram_size && ms->ram) {
        memory_region_add_subregion(get_system_memory(), 0, ms->ram);
    }
}

static void machine_none_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "none";
    mc->desc = "empty machine";
    mc->init = machine_none_init;
    mc->max_cpus = 1;
    mc->default_ram_size = 0;
    mc->default_ram_id = "ram";
    mc->no_serial = true;
    mc->no_parallel = true;
    mc->no_floppy = true;
    mc->no_cdrom = true;
    mc->no_sdcard = true;
}

static const TypeInfo machine_none_info = {
    .name = MACHINE_TYPE_NAME("none"),
    .parent = TYPE_MACHINE,
    .class_init = machine_none_class_init,
};

static void machine_none_register_types(void)
{
    type_register_static(&machine_none_info);
}

type_init(machine_none_register_types)
