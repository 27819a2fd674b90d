/*
 * machine.c: TYPE_MACHINE, the abstract base of every board.
 *
 * Holds what the command line says about the machine (RAM size, CPU
 * topology, kernel/initrd/append/firmware, boot order) as fields of
 * MachineState, with the string/bool ones also exposed as QOM properties
 * so "-machine KEY=VALUE" reaches them.  Boards subclass it and set the
 * MachineClass fields in class_init.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/qemu-print.h"
#include "hw/boards.h"

MachineState *current_machine;

/* A string property stored in a char * field of MachineState. */
typedef struct MachineStrProp {
    const char *name;
    size_t offset;
    const char *desc;
} MachineStrProp;

static const MachineStrProp machine_str_props[] = {
    { "kernel", offsetof(MachineState, kernel_filename),
      "Linux kernel image file" },
    { "initrd", offsetof(MachineState, initrd_filename),
      "Linux initial ramdisk file" },
    { "append", offsetof(MachineState, kernel_cmdline),
      "Linux kernel command line" },
    { "firmware", offsetof(MachineState, firmware),
      "Firmware image" },
    { "dtb", offsetof(MachineState, dtb),
      "Linux kernel device tree file" },
    { "dumpdtb", offsetof(MachineState, dumpdtb),
      "Dump current dtb to a file and quit" },
};

static char **machine_str_field(Object *obj, ObjectProperty *prop)
{
    const MachineStrProp *p = prop->opaque;

    return (char **)((char *)obj + p->offset);
}

static char *machine_get_str(Object *obj, ObjectProperty *prop,
                             Error **errp)
{
    char *v = *machine_str_field(obj, prop);

    return g_strdup(v ? v : "");
}

static bool machine_set_str(Object *obj, ObjectProperty *prop,
                            const char *value, Error **errp)
{
    char **field = machine_str_field(obj, prop);

    g_free(*field);
    *field = g_strdup(value);
    return true;
}

static bool machine_get_usb(Object *obj, Error **errp)
{
    return MACHINE(obj)->usb;
}

static void machine_set_usb(Object *obj, bool value, Error **errp)
{
    MACHINE(obj)->usb = value;
}

static bool machine_get_graphics(Object *obj, Error **errp)
{
    return MACHINE(obj)->graphics;
}

static void machine_set_graphics(Object *obj, bool value, Error **errp)
{
    MACHINE(obj)->graphics = value;
}

static void machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    size_t i;

    mc->default_ram_size = 128 * MiB;
    mc->max_cpus = 1;
    mc->min_cpus = 1;
    mc->default_cpus = 1;

    for (i = 0; i < ARRAY_SIZE(machine_str_props); i++) {
        const MachineStrProp *p = &machine_str_props[i];

        object_class_property_add(oc, p->name, "str", machine_get_str,
                                  machine_set_str, NULL, (void *)p);
        object_class_property_set_description(oc, p->name, p->desc);
    }
    object_class_property_add_bool(oc, "usb", machine_get_usb,
                                   machine_set_usb);
    object_class_property_set_description(oc, "usb",
                                          "Set on/off to enable/disable usb");
    object_class_property_add_bool(oc, "graphics", machine_get_graphics,
                                   machine_set_graphics);
    object_class_property_set_description(oc, "graphics",
        "Set on/off to enable/disable graphics emulation");
}

static void machine_instance_init(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    ms->graphics = true;
    ms->boot_order = g_strdup("cad");
}

static void machine_instance_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);
    size_t i;

    for (i = 0; i < ARRAY_SIZE(machine_str_props); i++) {
        g_free(*(char **)((char *)ms + machine_str_props[i].offset));
    }
    g_free(ms->boot_order);
    g_free(ms->boot_once);
    g_free(ms->accel);
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_init = machine_class_init,
    .instance_size = sizeof(MachineState),
    .instance_init = machine_instance_init,
    .instance_finalize = machine_instance_finalize,
};

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}

type_init(machine_register_types)

MachineClass *machine_class_find(const char *name)
{
    GSList *list = object_class_get_list_sorted(TYPE_MACHINE, false);
    MachineClass *found = NULL;
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (g_str_equal(mc->name, name) ||
            (mc->alias && g_str_equal(mc->alias, name))) {
            found = mc;
            break;
        }
    }
    g_slist_free(list);
    return found;
}

MachineClass *machine_class_default(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_MACHINE, false);
    MachineClass *found = NULL;
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->is_default) {
            found = mc;
            break;
        }
    }
    g_slist_free(list);
    return found;
}

/* QEMU sorts by name in descending order so newer versions come first. */
static gint machine_name_cmp(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a, *mb = b;

    return -strcmp(ma->name, mb->name);
}

void machine_help_list(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_MACHINE, false);
    GSList *l;

    list = g_slist_sort(list, machine_name_cmp);
    qemu_printf("Supported machines are:\n");
    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->alias) {
            qemu_printf("%-20s %s (alias of %s)\n", mc->alias, mc->desc,
                        mc->name);
        }
        qemu_printf("%-20s %s%s%s\n", mc->name, mc->desc,
                    mc->is_default ? " (default)" : "",
                    mc->deprecated ? " (deprecated)" : "");
    }
    g_slist_free(list);
}
