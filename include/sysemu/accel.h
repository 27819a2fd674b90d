/*
 * accel.h: accelerators (what runs the vCPUs): tcg, kvm, qtest.
 *
 * An accelerator is a QOM type "NAME-accel" of TYPE_ACCEL.  -accel NAME
 * (or -machine accel=a:b:c, or -enable-kvm) selects one; the first that
 * initialises wins.  The machine, devices and monitor never ask which
 * one runs; they go through the vCPU operations below.
 */
#ifndef SYSEMU_ACCEL_H
#define SYSEMU_ACCEL_H

#include "qom/object.h"

#define TYPE_ACCEL "accel"
#define ACCEL_CLASS_SUFFIX "-" TYPE_ACCEL
#define ACCEL_CLASS_NAME(a) (a ACCEL_CLASS_SUFFIX)

typedef struct MachineState MachineState;
typedef struct AccelState {
    Object parent_obj;
} AccelState;

typedef struct AccelClass {
    ObjectClass parent_class;
    const char *name;
    /* Set up the VM for ms (before the board is built); errp on failure. */
    int (*init_machine)(MachineState *ms, Error **errp);
    /* After the board is built and before the first reset. */
    void (*setup_post)(MachineState *ms, AccelState *accel);
    bool *allowed;               /* e.g. &kvm_allowed, set when chosen */
} AccelClass;

#define ACCEL(obj) OBJECT_CHECK(AccelState, (obj), TYPE_ACCEL)
#define ACCEL_CLASS(klass) OBJECT_CLASS_CHECK(AccelClass, (klass), TYPE_ACCEL)
#define ACCEL_GET_CLASS(obj) OBJECT_GET_CLASS(AccelClass, (obj), TYPE_ACCEL)

/* The accelerator class called name ("tcg"), or NULL. */
AccelClass *accel_find(const char *name);
/* The accelerator in use, or NULL before one was chosen. */
AccelState *current_accel(void);
const char *current_accel_name(void);
/* Make acc current (main() after a successful init_machine). */
void accel_set_current(AccelState *acc);

#endif
