/*
 * tcg-accel.c: the "tcg" accelerator type, QEMU's default.
 *
 * The translator itself is not written yet: this type exists so that
 * "-accel tcg" (the default) selects it and machines without CPUs
 * ("none") run.  Boards that need a CPU refuse to start until the TCG
 * vCPU loop lands (see hw/i386/pc.c).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "sysemu/accel.h"

static bool tcg_allowed;

static int tcg_init_machine(MachineState *ms, Error **errp)
{
    return 0;
}

static void tcg_accel_class_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->name = "tcg";
    ac->init_machine = tcg_init_machine;
    ac->allowed = &tcg_allowed;
}

static const TypeInfo tcg_accel_info = {
    .name = ACCEL_CLASS_NAME("tcg"),
    .parent = TYPE_ACCEL,
    .class_init = tcg_accel_class_init,
};

static void tcg_accel_register_types(void)
{
    type_register_static(&tcg_accel_info);
}

type_init(tcg_accel_register_types)
