/*
 * apic-internal.h: what the local APIC (apic.c) and the APIC message
 * bus (apic-bus.c) share.  Nothing outside hw/intc includes it.
 */
#ifndef HW_INTC_APIC_INTERNAL_H
#define HW_INTC_APIC_INTERNAL_H

#include "hw/i386/apic.h"
#include "exec/memory.h"
#include "qemu/timer.h"

/* Local vector table entries, in register order from 0x320. */
enum {
    APIC_LVT_TIMER,
    APIC_LVT_THERMAL,
    APIC_LVT_PERFORM,
    APIC_LVT_LINT0,
    APIC_LVT_LINT1,
    APIC_LVT_ERROR,
    APIC_LVT_NB
};

#define APIC_LVT_MASKED          (1U << 16)
#define APIC_LVT_LEVEL_TRIGGER   (1U << 15)
#define APIC_LVT_REMOTE_IRR      (1U << 14)
#define APIC_LVT_INT_POLARITY    (1U << 13)
#define APIC_LVT_DELIV_STS       (1U << 12)
#define APIC_LVT_DELIV_MOD_SHIFT 8
#define APIC_LVT_TIMER_SHIFT     17
#define APIC_LVT_TIMER_MASK      (3U << APIC_LVT_TIMER_SHIFT)
#define APIC_LVT_TIMER_ONESHOT   0
#define APIC_LVT_TIMER_PERIODIC  1
#define APIC_LVT_TIMER_TSCDEADLINE 2

#define APIC_SV_ENABLE           (1U << 8)
#define APIC_SV_FOCUS_DISABLED   (1U << 9)

/* Error status register bits (SDM Vol. 3 10.5.3). */
#define APIC_ESR_SEND_ILLEGAL_VECTOR (1U << 5)
#define APIC_ESR_RECV_ILLEGAL_VECTOR (1U << 6)
#define APIC_ESR_ILLEGAL_ADDRESS     (1U << 7)

#define APIC_MAX_CPUS 288           /* QEMU's limit for x2APIC IDs */

typedef struct APICState {
    DeviceState parent_obj;

    /* Properties. */
    int32_t cpu_index;
    uint32_t initial_id;
    bool bsp;
    uint8_t version;

    /* The CPU it belongs to. */
    CPUState *cpu;
    const APICCPUOps *ops;
    void *opaque;
    uint64_t tsc_frequency;      /* Hz, for TSC-deadline */

    /* Architectural state. */
    uint64_t apicbase;
    uint32_t id;                 /* xAPIC: 8 bits; x2APIC: 32 bits */
    uint8_t tpr;
    uint32_t spurious_vec;
    uint8_t log_dest;            /* LDR bits 31:24 (xAPIC) */
    uint8_t dest_mode;           /* DFR bits 31:28: 0xf flat, 0 cluster */
    uint32_t isr[8];
    uint32_t tmr[8];
    uint32_t irr[8];
    uint32_t lvt[APIC_LVT_NB];
    uint32_t esr;                /* as last latched by an ESR write */
    uint32_t esr_pending;        /* errors since then */
    uint32_t icr[2];
    uint32_t divide_conf;
    uint32_t initial_count;
    int64_t initial_count_load_time;
    bool timer_armed;
    uint64_t tsc_deadline;
    bool wait_for_sipi;
    bool lint_level[2];
    bool extint_pending;
    bool intr_level;             /* what set_intr last said */

    QEMUTimer *timer;
    MemoryRegion io;
    qemu_irq intr_out;           /* GPIO "intr": INTR, for qtest */
} APICState;

#define APIC(obj) OBJECT_CHECK(APICState, (obj), TYPE_APIC)

/* apic.c, for the bus. */

/* Software-enabled and globally enabled. */
bool apic_sw_enabled(APICState *s);
bool apic_hw_enabled(APICState *s);
/* Accept a message for this APIC (delivery already resolved). */
void apic_accept_message(APICState *s, uint8_t delivery_mode,
                         uint8_t vector, bool trigger_level);
/* Whether dest (physical or logical) names this APIC. */
bool apic_match_dest(APICState *s, uint32_t dest, bool logical);
/* The APIC's x2APIC mode and 32-bit ID. */
bool apic_in_x2apic_mode(APICState *s);
/* Register page accesses, offset within the 4 KiB page. */
uint32_t apic_mmio_read_reg(APICState *s, hwaddr offset);
void apic_mmio_write_reg(APICState *s, hwaddr offset, uint32_t value);

/* apic-bus.c, for the APICs. */

void apic_bus_register(APICState *s);
void apic_bus_unregister(APICState *s);
/* An EOI of a level-triggered vector: tell the listeners. */
void apic_bus_broadcast_eoi(uint8_t vector);
/*
 * Which APIC an access to an APIC register page reaches: the current
 * CPU's, the qtest-selected one, or NULL for a device's (DMA) access.
 */
APICState *apic_bus_mmio_target(void);
/* Every APIC on the bus, for shorthand IPIs. */
typedef void APICForeachFn(APICState *s, void *opaque);
void apic_bus_foreach(APICForeachFn *fn, void *opaque);

#endif
