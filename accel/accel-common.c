/*
 * accel-common.c: the accelerator base type and the current accelerator.
 *
 * Accelerators are QOM types "NAME-accel" (see sysemu/accel.h); main()
 * creates the one the command line selects, sets its -accel properties,
 * and calls its init_machine before the board is built.
 */
#include "qemu/osdep.h"
#include "sysemu/accel.h"

static AccelState *accel_current;

AccelClass *accel_find(const char *name)
{
    g_autofree char *typename = g_strconcat(name, ACCEL_CLASS_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(typename);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_ACCEL)) {
        return NULL;
    }
    return ACCEL_CLASS(oc);
}

AccelState *current_accel(void)
{
    return accel_current;
}

const char *current_accel_name(void)
{
    return accel_current ? ACCEL_GET_CLASS(accel_current)->name : NULL;
}

void accel_set_current(AccelState *acc)
{
    accel_current = acc;
}

static const TypeInfo accel_info = {
    .name = TYPE_ACCEL,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .class_size = sizeof(AccelClass),
    .instance_size = sizeof(AccelState),
};

static void accel_register_types(void)
{
    type_register_static(&accel_info);
}

type_init(accel_register_types)
