/*
 * typedefs.h: forward declarations of the types many headers mention, so
 * a header can name a pointer type without including its owner.
 * (C11 allows repeating an identical typedef.)
 */
#ifndef QEMU_TYPEDEFS_H
#define QEMU_TYPEDEFS_H

typedef struct AddressSpace AddressSpace;
typedef struct BusState BusState;
typedef struct Chardev Chardev;
typedef struct CPUArchState CPUArchState;   /* the target's env */
typedef struct CPUState CPUState;
typedef struct CharBackend CharBackend;
typedef struct DeviceState DeviceState;
typedef struct Error Error;
typedef struct MachineState MachineState;
typedef struct MemoryRegion MemoryRegion;
typedef struct Monitor Monitor;
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct QEMUTimer QEMUTimer;
typedef struct QemuOpts QemuOpts;
typedef struct QemuOptsList QemuOptsList;
typedef struct IRQState *qemu_irq;

#endif
