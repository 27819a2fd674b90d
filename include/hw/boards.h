/*
 * boards.h: machine types.
 *
 * A machine is an Object of TYPE_MACHINE living at /machine.  Its class
 * says what the board is (name, description, defaults, limits) and its
 * init builds the board: RAM, buses, on-board devices.  Command-line
 * options (-m, -smp, -kernel, -machine KEY=VALUE) become properties or
 * fields of MachineState before init runs.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "qom/object.h"
#include "exec/memory.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
/* A board "pc" is the type "pc-machine". */
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

typedef struct MachineState MachineState;
typedef struct MachineClass MachineClass;

typedef struct CpuTopology {
    unsigned int cpus;
    unsigned int sockets;
    unsigned int dies;
    unsigned int cores;
    unsigned int threads;
    unsigned int max_cpus;
} CpuTopology;

struct MachineClass {
    ObjectClass parent_class;

    const char *name;            /* "pc-i440fx-7.2", "none" */
    const char *alias;           /* "pc" */
    const char *desc;
    void (*init)(MachineState *ms);
    void (*reset)(MachineState *ms);
    int max_cpus;
    int min_cpus;
    int default_cpus;
    bool is_default;
    bool no_serial, no_parallel, no_floppy, no_cdrom, no_sdcard;
    bool deprecated;
    int default_display;
    const char *default_cpu_type;
    uint64_t default_ram_size;
    const char *default_ram_id;
    const char *default_boot_order;
    const char *default_machine_opts;
};

struct MachineState {
    Object parent_obj;

    char *firmware;              /* -bios */
    char *kernel_filename;
    char *kernel_cmdline;
    char *initrd_filename;
    char *dtb;
    char *dumpdtb;
    const char *cpu_type;
    char *boot_order;            /* -boot order= ("cad") */
    char *boot_once;
    bool boot_menu;
    char *accel;
    uint64_t ram_size;
    uint64_t maxram_size;
    MemoryRegion *ram;           /* the main RAM region (machine owned) */
    CpuTopology smp;
    bool usb;
    bool graphics;               /* false with -nographic / -display none */
    bool suppress_vmdesc;
    int kernel_irqchip;          /* OnOffSplit */
};

#define MACHINE(obj) OBJECT_CHECK(MachineState, (obj), TYPE_MACHINE)
#define MACHINE_CLASS(klass) \
    OBJECT_CLASS_CHECK(MachineClass, (klass), TYPE_MACHINE)
#define MACHINE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(MachineClass, (obj), TYPE_MACHINE)

/* The running machine, or NULL before creation. */
extern MachineState *current_machine;

/* Find a machine class by name or alias; NULL if none. */
MachineClass *machine_class_find(const char *name);
/* The class with is_default set (the "pc" board once it exists). */
MachineClass *machine_class_default(void);
/* "-machine help": "Supported machines are:" then one line each. */
void machine_help_list(void);

#endif
