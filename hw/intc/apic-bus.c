/*
 * apic-bus.c: the APIC message bus, MSIs, and "apic-msi".
 *
 * Every local APIC registers here.  Interrupt messages from the I/O
 * APIC, MSIs and IPIs are delivered to the APICs their destination
 * names (Intel SDM Vol. 3A 10.6.2: physical and logical destination
 * modes, flat and cluster models, broadcast; 10.6.2.4 lowest-priority
 * delivery, arbitrated here by processor priority, ties to the lowest
 * CPU index).  MSI addresses and data follow SDM 10.11 (destination ID
 * in address bits 19:12, destination mode bit 2; vector, delivery mode
 * and trigger mode in the data).  EOIs of level-triggered vectors are
 * passed to the registered listeners (the I/O APIC).
 *
 * "apic-msi" is the sysbus device that owns the 1 MiB MSI window at
 * 0xfee00000 (the local APICs' register pages lie on top of it) and the
 * qtest hook: GPIO input "qtest-cpu" picks the CPU index whose APIC
 * qtest's memory accesses reach (default 0; -1: none, accesses act as
 * DMA).  See docs/devel/apic.md.
 *
 * current_cpu is defined by the CPU core (hw/core/cpu.c); until that
 * file is linked in, a weak definition here keeps it NULL.
 *
 * Missing: the MSI redirection hint (RH is ignored: delivery is to every
 * APIC named, or lowest priority when the data says so), x2APIC
 * extended destination IDs in MSI address bits 11:5, interrupt
 * remapping.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/qemu-print.h"
#include "hw/core/cpu.h"
#include "monitor/hmp.h"
#include "hw/sysbus.h"
#include "sysemu/qtest.h"
#include "apic-internal.h"

#define APIC_MAX_EOI_LISTENERS 8

__thread CPUState *current_cpu __attribute__((weak));

typedef struct APICBus {
    APICState *apics[APIC_MAX_CPUS];   /* by CPU index */
    struct {
        APICEOIListener *fn;
        void *opaque;
    } eoi[APIC_MAX_EOI_LISTENERS];
    int num_eoi;
    int qtest_cpu;
    bool pic_intr_level;
    qemu_irq pic_intr;
} APICBus;

static APICBus apic_bus;

typedef struct APICMSIState {
    SysBusDevice parent_obj;

    MemoryRegion io;
} APICMSIState;

/* ---- Registry ---- */

void apic_bus_register(APICState *s)
{
    apic_bus.apics[s->cpu_index] = s;
    /* The 8259 may already drive the virtual wire. */
    if (apic_bus.pic_intr_level) {
        qemu_set_irq(qdev_get_gpio_in_named(DEVICE(s), "lint", 0), 1);
    }
}

void apic_bus_unregister(APICState *s)
{
    if (apic_bus.apics[s->cpu_index] == s) {
        apic_bus.apics[s->cpu_index] = NULL;
    }
}

DeviceState *apic_find_by_cpu_index(int cpu_index)
{
    if (cpu_index < 0 || cpu_index >= APIC_MAX_CPUS ||
        !apic_bus.apics[cpu_index]) {
        return NULL;
    }
    return DEVICE(apic_bus.apics[cpu_index]);
}

void apic_bus_foreach(APICForeachFn *fn, void *opaque)
{
    int i;

    for (i = 0; i < APIC_MAX_CPUS; i++) {
        if (apic_bus.apics[i]) {
            fn(apic_bus.apics[i], opaque);
        }
    }
}

/* ---- Messages ---- */

static APICState *apic_bus_lowest_priority(uint32_t dest, bool logical)
{
    APICState *best = NULL;
    int i;

    for (i = 0; i < APIC_MAX_CPUS; i++) {
        APICState *s = apic_bus.apics[i];

        if (!s || !apic_hw_enabled(s) || !apic_match_dest(s, dest, logical)) {
            continue;
        }
        if (!best ||
            (apic_sw_enabled(s) && !apic_sw_enabled(best)) ||
            (apic_sw_enabled(s) == apic_sw_enabled(best) &&
             apic_get_ppr(DEVICE(s)) < apic_get_ppr(DEVICE(best)))) {
            best = s;
        }
    }
    return best;
}

void apic_bus_deliver(uint32_t dest, bool logical, uint8_t delivery_mode,
                      uint8_t vector, bool trigger_level)
{
    int i;

    if (delivery_mode == 3 || delivery_mode > APIC_DM_EXTINT) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic: message with reserved "
                      "delivery mode %u dropped\n", delivery_mode);
        return;
    }
    if (delivery_mode == APIC_DM_LOWPRI) {
        APICState *s = apic_bus_lowest_priority(dest, logical);

        if (s) {
            apic_accept_message(s, delivery_mode, vector, trigger_level);
        }
        return;
    }
    for (i = 0; i < APIC_MAX_CPUS; i++) {
        APICState *s = apic_bus.apics[i];

        if (s && apic_hw_enabled(s) && apic_match_dest(s, dest, logical)) {
            apic_accept_message(s, delivery_mode, vector, trigger_level);
        }
    }
}

void apic_bus_send_msi(hwaddr address, uint32_t data)
{
    if ((address & ~(APIC_SPACE_SIZE - 1)) != APIC_DEFAULT_ADDRESS) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic: MSI to 0x%" HWADDR_PRIx
                      " outside the APIC window dropped\n", address);
        return;
    }
    apic_bus_deliver((address >> 12) & 0xff, address & (1 << 2),
                     (data >> 8) & 7, data & 0xff, data & (1 << 15));
}

void apic_bus_add_eoi_listener(APICEOIListener *fn, void *opaque)
{
    if (apic_bus.num_eoi == APIC_MAX_EOI_LISTENERS) {
        error_report("apic: too many EOI listeners");
        abort();
    }
    apic_bus.eoi[apic_bus.num_eoi].fn = fn;
    apic_bus.eoi[apic_bus.num_eoi].opaque = opaque;
    apic_bus.num_eoi++;
}

void apic_bus_broadcast_eoi(uint8_t vector)
{
    int i;

    for (i = 0; i < apic_bus.num_eoi; i++) {
        apic_bus.eoi[i].fn(apic_bus.eoi[i].opaque, vector);
    }
}

/* ---- The virtual wire from the 8259 ---- */

static void apic_bus_pic_intr(void *opaque, int n, int level)
{
    int i;

    apic_bus.pic_intr_level = level;
    for (i = 0; i < APIC_MAX_CPUS; i++) {
        if (apic_bus.apics[i]) {
            qemu_set_irq(qdev_get_gpio_in_named(DEVICE(apic_bus.apics[i]),
                                                "lint", 0), level);
        }
    }
}

qemu_irq apic_bus_pic_intr_irq(void)
{
    if (!apic_bus.pic_intr) {
        apic_bus.pic_intr = qemu_allocate_irq(apic_bus_pic_intr, NULL, 0);
    }
    return apic_bus.pic_intr;
}

/* ---- MMIO routing ---- */

APICState *apic_bus_mmio_target(void)
{
    int i;

    if (current_cpu) {
        for (i = 0; i < APIC_MAX_CPUS; i++) {
            if (apic_bus.apics[i] && apic_bus.apics[i]->cpu == current_cpu) {
                return apic_bus.apics[i];
            }
        }
        return NULL;
    }
    if (qtest_enabled() && apic_bus.qtest_cpu >= 0 &&
        apic_bus.qtest_cpu < APIC_MAX_CPUS) {
        return apic_bus.apics[apic_bus.qtest_cpu];
    }
    return NULL;
}

static void apic_msi_qtest_cpu(void *opaque, int n, int level)
{
    apic_bus.qtest_cpu = level;
}

/* ---- "info lapic [apic-id]" ---- */

void hmp_info_local_apic(Monitor *mon, const HMPArgs *args)
{
    APICState *found = NULL;
    int64_t id = hmp_arg_int(args, "apic-id", -1);
    int i;

    for (i = 0; i < APIC_MAX_CPUS && !found; i++) {
        APICState *s = apic_bus.apics[i];

        if (!s) {
            continue;
        }
        /* Without an argument: the monitor's CPU, which is CPU 0 today. */
        if (hmp_arg_has(args, "apic-id") ? s->initial_id == id : i == 0) {
            found = s;
        }
    }
    if (!found) {
        qemu_printf("No CPU available\n");
        return;
    }
    apic_dump_state(DEVICE(found));
}

/* ---- "apic-msi": the MSI window ---- */

static uint64_t apic_msi_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void apic_msi_write(void *opaque, hwaddr addr, uint64_t value,
                           unsigned size)
{
    apic_bus_send_msi(APIC_DEFAULT_ADDRESS + addr, value);
}

static const MemoryRegionOps apic_msi_ops = {
    .read = apic_msi_read,
    .write = apic_msi_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void apic_msi_init(Object *obj)
{
    APICMSIState *s = OBJECT_CHECK(APICMSIState, obj, TYPE_APIC_MSI);

    memory_region_init_io(&s->io, obj, &apic_msi_ops, s, "apic-msi",
                          APIC_SPACE_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->io);
    qdev_init_gpio_in_named(DEVICE(obj), apic_msi_qtest_cpu, "qtest-cpu", 1);
}

static void apic_msi_class_init(ObjectClass *klass, void *data)
{
    DEVICE_CLASS(klass)->user_creatable = false;
}

static const TypeInfo apic_msi_info = {
    .name = TYPE_APIC_MSI,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(APICMSIState),
    .instance_init = apic_msi_init,
    .class_init = apic_msi_class_init,
};

static void apic_msi_register_types(void)
{
    type_register_static(&apic_msi_info);
}

type_init(apic_msi_register_types)
