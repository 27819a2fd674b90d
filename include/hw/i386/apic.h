/*
 * apic.h: the local APICs, the APIC message bus, and how a CPU uses its
 * local APIC.
 *
 * Three parts (docs/devel/apic.md has the why):
 *
 * 1. The local APIC device ("apic", hw/intc/apic.c), one per vCPU,
 *    created by the board with apic_create() for a CPU index and APIC
 *    ID.  The CPU side attaches to it with apic_attach_cpu(), giving the
 *    callbacks through which the APIC signals its CPU (APICCPUOps), and
 *    then drives it through the functions below: interrupt acknowledge,
 *    the APIC base and x2APIC MSRs, TSC-deadline, reset.
 *
 * 2. The message bus (hw/intc/apic-bus.c): the I/O APIC, MSIs and IPIs
 *    deliver interrupt messages with apic_bus_deliver(), which resolves
 *    the destination (physical/logical, broadcast, lowest priority) among
 *    all local APICs; EOIs of level-triggered vectors are broadcast back
 *    to listeners (the I/O APIC).
 *
 * 3. The MMIO path.  Each local APIC's 4 KiB register page sits at its
 *    APIC base (0xfee00000 unless relocated) in system memory; as on
 *    hardware the APIC an access reaches is the accessing CPU's own,
 *    found through current_cpu (hw/core/cpu.h) and the CPU index the
 *    APIC was attached with.  An access with no current CPU is a
 *    device's (DMA: an MSI write) - except under qtest, where it goes
 *    to the APIC of the CPU index selected through the "apic-msi"
 *    device's GPIO input "qtest-cpu" (set_irq_in /machine/apic-msi
 *    qtest-cpu 0 N; -1 makes qtest accesses behave as DMA/MSI).
 *
 * The CPU side's loop, in short:
 *
 *   ops->set_intr(opaque, true)  ->  the CPU takes an interrupt when
 *       IF allows: v = apic_get_interrupt(apic); if v < 0 and
 *       apic_accept_pic_intr(apic), v = pic_read_irq(pic); if v >= 0
 *       deliver vector v.
 *   ops->nmi / smi / init / sipi  ->  the CPU raises that event.
 *   RDMSR/WRMSR 0x1b             ->  apic_get_base() / apic_set_base().
 *   RDMSR/WRMSR 0x800-0x8ff      ->  apic_msr_read() / apic_msr_write().
 *   RDMSR/WRMSR 0x6e0            ->  apic_get_tsc_deadline() / _set_().
 *   CPU reset                    ->  apic_reset() (power-on state).
 *
 * All of it runs with the big lock held.
 */
#ifndef HW_I386_APIC_H
#define HW_I386_APIC_H

#include "hw/qdev-core.h"
#include "exec/hwaddr.h"

#define TYPE_APIC "apic"
#define TYPE_APIC_MSI "apic-msi"

#define APIC_DEFAULT_ADDRESS 0xfee00000ULL
#define APIC_SPACE_SIZE 0x100000ULL      /* the MSI window */

/* IA32_APIC_BASE (MSR 0x1b). */
#define MSR_IA32_APICBASE_BSP    (1ULL << 8)
#define MSR_IA32_APICBASE_EXTD   (1ULL << 10)   /* x2APIC mode */
#define MSR_IA32_APICBASE_ENABLE (1ULL << 11)
#define MSR_IA32_APICBASE_BASE   0xffffff000ULL

/* Delivery modes (ICR, LVT and redirection entry bits 10:8). */
#define APIC_DM_FIXED   0
#define APIC_DM_LOWPRI  1
#define APIC_DM_SMI     2
#define APIC_DM_NMI     4
#define APIC_DM_INIT    5
#define APIC_DM_SIPI    6
#define APIC_DM_EXTINT  7

/* The x2APIC MSR range. */
#define APIC_X2APIC_MSR_FIRST 0x800
#define APIC_X2APIC_MSR_LAST  0x8ff

/*
 * How the local APIC signals its CPU.  Any callback may be NULL.  The
 * callbacks run with the big lock held, from whatever thread changed
 * the APIC (a vCPU, the main loop's timers, a device); they should only
 * record the event and kick the vCPU (cpu_interrupt()).
 */
typedef struct APICCPUOps {
    /*
     * INTR: level true while a maskable interrupt is pending for the
     * CPU (a vector in IRR above the processor priority, or an ExtINT
     * the 8259 supplies); false when there is none any more.
     */
    void (*set_intr)(void *opaque, bool level);
    void (*nmi)(void *opaque);
    void (*smi)(void *opaque);
    /*
     * INIT was delivered: the APIC has already reset itself to its INIT
     * state; the CPU resets and, unless it is the BSP, waits for SIPI.
     */
    void (*init)(void *opaque);
    /* Start-up IPI with this vector (for a CPU waiting for one). */
    void (*sipi)(void *opaque, uint8_t vector);
    /* The CPU's time-stamp counter now (for the TSC-deadline timer). */
    uint64_t (*get_tsc)(void *opaque);
} APICCPUOps;

/* ---- Creating and attaching ---- */

/*
 * Create and realize the local APIC for CPU index cpu_index with initial
 * APIC ID apic_id, at /machine/lapic[cpu_index]; bsp makes it the
 * bootstrap processor's (IA32_APIC_BASE.BSP).  Returns it.
 */
DeviceState *apic_create(int cpu_index, uint32_t apic_id, bool bsp);
/* The local APIC created for cpu_index, or NULL. */
DeviceState *apic_find_by_cpu_index(int cpu_index);
/*
 * Bind the APIC to its CPU: MMIO done while current_cpu == cpu reaches
 * this APIC, and events go to ops with opaque.  cpu may be NULL (tests).
 */
void apic_attach_cpu(DeviceState *apic, CPUState *cpu,
                     const APICCPUOps *ops, void *opaque);

/* ---- Used by the CPU ---- */

/*
 * The interrupt acknowledge: the highest-priority vector pending in IRR
 * above the processor priority, moved to ISR (its TMR bit kept for the
 * EOI), or the spurious vector if the task priority now masks it, or -1
 * when the APIC has nothing (then ask the 8259 if
 * apic_accept_pic_intr()).
 */
int apic_get_interrupt(DeviceState *apic);
/*
 * Whether the CPU should take an 8259 interrupt now: the APIC is
 * globally disabled (LINT0 is then the CPU's INTR pin), LINT0 is an
 * unmasked ExtINT entry, or an ExtINT message arrived.  Consumes a
 * pending ExtINT message.
 */
bool apic_accept_pic_intr(DeviceState *apic);
/* INTR as the APIC drives it (what set_intr last said). */
bool apic_intr_pending(DeviceState *apic);
/*
 * A maskable interrupt the APIC itself would deliver now (IRR above the
 * processor priority), ignoring the 8259.
 */
bool apic_has_pending_vector(DeviceState *apic);
/* The processor priority register, and the task priority (CR8 << 4). */
uint8_t apic_get_ppr(DeviceState *apic);
uint8_t apic_get_tpr(DeviceState *apic);
void apic_set_tpr(DeviceState *apic, uint8_t tpr);

/* IA32_APIC_BASE.  Returns false for an invalid value/transition (#GP). */
uint64_t apic_get_base(DeviceState *apic);
bool apic_set_base(DeviceState *apic, uint64_t value);
bool apic_is_bsp(DeviceState *apic);
bool apic_x2apic_mode(DeviceState *apic);

/*
 * RDMSR/WRMSR of an x2APIC register (index 0x800-0x8ff).  Return false
 * when the CPU must raise #GP: not in x2APIC mode, no such register,
 * a read of a write-only register or the reverse, reserved bits set.
 */
bool apic_msr_read(DeviceState *apic, uint32_t index, uint64_t *value);
bool apic_msr_write(DeviceState *apic, uint32_t index, uint64_t value);

/*
 * The TSC's rate in Hz (default 1 GHz), with which TSC-deadline values
 * become virtual-clock times.
 */
void apic_set_tsc_frequency(DeviceState *apic, uint64_t hz);
/* IA32_TSC_DEADLINE (needs ops->get_tsc). */
uint64_t apic_get_tsc_deadline(DeviceState *apic);
void apic_set_tsc_deadline(DeviceState *apic, uint64_t deadline);

/* Power-on reset (CPU reset); INIT goes through the bus. */
void apic_reset(DeviceState *apic);
/* LINT1 rising edge as the NMI button does it ("nmi" command). */
void apic_deliver_nmi(DeviceState *apic);
/* Print the registers as QEMU's "info lapic" does. */
void apic_dump_state(DeviceState *apic);
/*
 * "info lapic [apic-id]": the APIC with that initial APIC ID, else the
 * monitor's CPU (CPU 0 until the monitor has a "cpu" command).
 */
typedef struct Monitor Monitor;
typedef struct HMPArgs HMPArgs;
void hmp_info_local_apic(Monitor *mon, const HMPArgs *args);

/* ---- Board wiring ---- */

/*
 * The 8259's INT output, to be connected to every local APIC's LINT0
 * (the "virtual wire"): a qemu_irq that fans out to all APICs that
 * exist when it changes.
 */
qemu_irq apic_bus_pic_intr_irq(void);

/* ---- The message bus ---- */

/*
 * An interrupt message: deliver to the APICs that dest selects.
 * dest is an 8-bit xAPIC destination (0xff broadcast) unless an APIC
 * is in x2APIC mode, where it is 32 bits (0xffffffff broadcast).
 * logical selects the logical destination mode; trigger_level marks a
 * level-triggered vector (TMR, EOI broadcast).  Invalid combinations
 * are logged under guest_errors and dropped.
 */
void apic_bus_deliver(uint32_t dest, bool logical, uint8_t delivery_mode,
                      uint8_t vector, bool trigger_level);
/* A 32-bit MSI write of data at address (0xfeexxxxx). */
void apic_bus_send_msi(hwaddr address, uint32_t data);
/* Called with the vector of every EOI of a level-triggered interrupt. */
typedef void APICEOIListener(void *opaque, uint8_t vector);
void apic_bus_add_eoi_listener(APICEOIListener *fn, void *opaque);

#endif
