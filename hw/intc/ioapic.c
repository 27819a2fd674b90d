/*
 * ioapic.c: "ioapic", the I/O APIC of the PC (82093AA style, 24 pins).
 *
 * Follows the Intel 82093AA I/O APIC datasheet (290566): the indirect
 * register window (IOREGSEL at offset 0x00, IOWIN at 0x10), IOAPICID,
 * IOAPICVER (version and maximum redirection entry), IOAPICARB, and
 * the 24 64-bit redirection entries (vector, delivery mode, destination
 * mode, delivery status, polarity, remote IRR, trigger mode, mask,
 * destination).  Edge-triggered pins latch a request on a rising edge
 * while unmasked; level-triggered pins deliver while asserted and set
 * remote IRR until the local APIC's EOI for that vector comes back
 * (broadcast over the APIC bus) or the EOI register at offset 0x40 of
 * version 0x20 I/O APICs (the PIIX/ICH variant QEMU models) is written.
 * Messages go to the local APICs through apic_bus_deliver().
 *
 * As in QEMU, the inputs are active-high whatever the polarity bit says
 * (the board's lines are already "asserted = 1"; PCI's active-low INTx
 * is a wiring detail the guest programs but we do not invert), the
 * delivery status bit always reads idle, reserved bits of redirection
 * entries read back as written, and IOWIN answers only 32-bit accesses
 * (others read 0 and are dropped).
 *
 * Missing: the 82093AA's APIC serial bus arbitration (IOAPICARB reads
 * the ID), the interrupt storm throttle QEMU applies to level-triggered
 * pins, interrupt remapping.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/qemu-print.h"
#include "hw/i386/apic.h"
#include "hw/i386/ioapic.h"
#include "hw/intc/intc.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "exec/memory.h"

#define IOAPIC_REG_ID       0x00
#define IOAPIC_REG_VER      0x01
#define IOAPIC_REG_ARB      0x02
#define IOAPIC_REG_REDTBL   0x10

/* Offsets in the register page. */
#define IOAPIC_IOREGSEL     0x00
#define IOAPIC_IOWIN        0x10
#define IOAPIC_EOI          0x40

/* Redirection entry bits. */
#define IOAPIC_LVT_DEST_SHIFT     56
#define IOAPIC_LVT_MASKED         (1ULL << 16)
#define IOAPIC_LVT_TRIGGER_LEVEL  (1ULL << 15)
#define IOAPIC_LVT_REMOTE_IRR     (1ULL << 14)
#define IOAPIC_LVT_POLARITY_LOW   (1ULL << 13)
#define IOAPIC_LVT_DELIV_STATUS   (1ULL << 12)
#define IOAPIC_LVT_DEST_LOGICAL   (1ULL << 11)
#define IOAPIC_LVT_DELIV_MODE_SHIFT 8
/*
 * What the guest can write: all but delivery status and remote IRR.
 * The reserved bits 55:17 are kept as written, as QEMU keeps them.
 */
#define IOAPIC_LVT_WRITABLE       (~(IOAPIC_LVT_REMOTE_IRR | \
                                     IOAPIC_LVT_DELIV_STATUS))

typedef struct IOAPICState {
    SysBusDevice parent_obj;

    /* Properties. */
    uint8_t version;

    /* Registers. */
    uint8_t id;
    uint8_t ioregsel;
    uint32_t irr;                /* pins with a pending request */
    uint64_t ioredtbl[IOAPIC_NUM_PINS];

    MemoryRegion io;
} IOAPICState;

#define IOAPIC(obj) OBJECT_CHECK(IOAPICState, (obj), TYPE_IOAPIC)

static bool ioapic_level_triggered(uint64_t entry)
{
    return entry & IOAPIC_LVT_TRIGGER_LEVEL;
}

/* Deliver every pending, unmasked request that may go now. */
static void ioapic_service(IOAPICState *s)
{
    int pin;

    for (pin = 0; pin < IOAPIC_NUM_PINS; pin++) {
        uint64_t *entry = &s->ioredtbl[pin];
        uint32_t mask = 1U << pin;

        if (!(s->irr & mask) || (*entry & IOAPIC_LVT_MASKED)) {
            continue;
        }
        if (ioapic_level_triggered(*entry)) {
            if (*entry & IOAPIC_LVT_REMOTE_IRR) {
                continue;        /* waits for the EOI */
            }
            *entry |= IOAPIC_LVT_REMOTE_IRR;
        } else {
            s->irr &= ~mask;
        }
        apic_bus_deliver(*entry >> IOAPIC_LVT_DEST_SHIFT,
                         *entry & IOAPIC_LVT_DEST_LOGICAL,
                         (*entry >> IOAPIC_LVT_DELIV_MODE_SHIFT) & 7,
                         *entry & 0xff, ioapic_level_triggered(*entry));
    }
}

/* Input pin n changed level. */
static void ioapic_set_irq(void *opaque, int pin, int level)
{
    IOAPICState *s = opaque;
    uint64_t entry = s->ioredtbl[pin];
    uint32_t mask = 1U << pin;

    if (ioapic_level_triggered(entry)) {
        if (level) {
            s->irr |= mask;
            ioapic_service(s);
        } else {
            s->irr &= ~mask;
        }
    } else if (level && !(entry & IOAPIC_LVT_MASKED)) {
        /* 82093AA: edges on a masked pin are lost. */
        s->irr |= mask;
        ioapic_service(s);
    }
}

/* An EOI for vector: level pins waiting on it may deliver again. */
static void ioapic_eoi(void *opaque, uint8_t vector)
{
    IOAPICState *s = opaque;
    int pin;

    for (pin = 0; pin < IOAPIC_NUM_PINS; pin++) {
        uint64_t *entry = &s->ioredtbl[pin];

        if ((*entry & 0xff) == vector && (*entry & IOAPIC_LVT_REMOTE_IRR)) {
            *entry &= ~IOAPIC_LVT_REMOTE_IRR;
        }
    }
    ioapic_service(s);
}

static uint32_t ioapic_read_window(IOAPICState *s)
{
    int index;

    switch (s->ioregsel) {
    case IOAPIC_REG_ID:
    case IOAPIC_REG_ARB:
        return (uint32_t)s->id << 24;
    case IOAPIC_REG_VER:
        return s->version | ((IOAPIC_NUM_PINS - 1) << 16);
    }
    index = (s->ioregsel - IOAPIC_REG_REDTBL) >> 1;
    if (s->ioregsel < IOAPIC_REG_REDTBL || index >= IOAPIC_NUM_PINS) {
        qemu_log_mask(LOG_GUEST_ERROR, "ioapic: read of register 0x%02x\n",
                      s->ioregsel);
        return 0;
    }
    if (s->ioregsel & 1) {
        return s->ioredtbl[index] >> 32;
    }
    return (uint32_t)s->ioredtbl[index];
}

static void ioapic_write_redtbl(IOAPICState *s, int index, bool high,
                                uint32_t val)
{
    uint64_t *entry = &s->ioredtbl[index];
    uint64_t ro = *entry & ~IOAPIC_LVT_WRITABLE;

    if (high) {
        *entry = (*entry & 0xffffffffULL) | ((uint64_t)val << 32);
    } else {
        *entry = (*entry & ~0xffffffffULL) | val;
    }
    *entry = (*entry & IOAPIC_LVT_WRITABLE) | ro;
    if (!ioapic_level_triggered(*entry)) {
        *entry &= ~IOAPIC_LVT_REMOTE_IRR;   /* only level pins wait */
    }
    ioapic_service(s);
}

static void ioapic_write_window(IOAPICState *s, uint32_t val)
{
    int index;

    switch (s->ioregsel) {
    case IOAPIC_REG_ID:
        s->id = (val >> 24) & 0xf;
        return;
    case IOAPIC_REG_VER:
    case IOAPIC_REG_ARB:
        return;                  /* read-only */
    }
    index = (s->ioregsel - IOAPIC_REG_REDTBL) >> 1;
    if (s->ioregsel < IOAPIC_REG_REDTBL || index >= IOAPIC_NUM_PINS) {
        qemu_log_mask(LOG_GUEST_ERROR, "ioapic: write 0x%08x to register "
                      "0x%02x\n", val, s->ioregsel);
        return;
    }
    ioapic_write_redtbl(s, index, s->ioregsel & 1, val);
}

static uint64_t ioapic_mem_read(void *opaque, hwaddr addr, unsigned size)
{
    IOAPICState *s = opaque;

    switch (addr & 0xff) {
    case IOAPIC_IOREGSEL:
        return s->ioregsel;
    case IOAPIC_IOWIN:
        if (size == 4) {
            return ioapic_read_window(s);
        }
        break;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "ioapic: %u-byte read at offset 0x%"
                  HWADDR_PRIx "\n", size, addr);
    return 0;
}

static void ioapic_mem_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    IOAPICState *s = opaque;

    switch (addr & 0xff) {
    case IOAPIC_IOREGSEL:
        s->ioregsel = val;
        return;
    case IOAPIC_IOWIN:
        if (size == 4) {
            ioapic_write_window(s, val);
            return;
        }
        break;
    case IOAPIC_EOI:
        if (s->version >= 0x20) {
            ioapic_eoi(s, val);
            return;
        }
        break;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "ioapic: %u-byte write at offset 0x%"
                  HWADDR_PRIx "\n", size, addr);
}

static const MemoryRegionOps ioapic_io_ops = {
    .read = ioapic_mem_read,
    .write = ioapic_mem_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ---- "info pic" (QEMU 7.2's layout) ---- */

static void ioapic_print_pins(const char *name, uint32_t bitmap)
{
    int i;

    qemu_printf("%-10s ", name);
    if (!bitmap) {
        qemu_printf("(none)\n");
        return;
    }
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        if (bitmap & (1U << i)) {
            qemu_printf("%-2u ", i);
        }
    }
    qemu_printf("\n");
}

static void ioapic_print_info(Object *obj)
{
    static const char *const delm[8] = {
        "fixed", "lowest", "SMI", "...", "NMI", "INIT", "...", "extINT",
    };
    IOAPICState *s = IOAPIC(obj);
    uint32_t remote_irr = 0;
    int i;

    qemu_printf("ioapic0: ver=0x%x id=0x%02x sel=0x%02x", s->version, s->id,
                s->ioregsel);
    if (s->ioregsel >= IOAPIC_REG_REDTBL &&
        s->ioregsel < IOAPIC_REG_REDTBL + 2 * IOAPIC_NUM_PINS) {
        qemu_printf(" (redir[%u])\n", (s->ioregsel - IOAPIC_REG_REDTBL) >> 1);
    } else {
        qemu_printf("\n");
    }
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        uint64_t e = s->ioredtbl[i];
        bool logical = e & IOAPIC_LVT_DEST_LOGICAL;

        /* QEMU shows only the low 4 destination bits in physical mode. */
        qemu_printf("  pin %-2u 0x%016" PRIx64 " dest=%" PRIx64
                    " vec=%-3" PRIu64 " %s %-5s %-6s %-6s %s\n", i, e,
                    (e >> IOAPIC_LVT_DEST_SHIFT) & (logical ? 0xff : 0xf),
                    e & 0xff,
                    e & IOAPIC_LVT_POLARITY_LOW ? "active-lo" : "active-hi",
                    ioapic_level_triggered(e) ? "level" : "edge",
                    e & IOAPIC_LVT_MASKED ? "masked" : "",
                    delm[(e >> IOAPIC_LVT_DELIV_MODE_SHIFT) & 7],
                    logical ? "logical" : "physical");
        if (e & IOAPIC_LVT_REMOTE_IRR) {
            remote_irr |= 1U << i;
        }
    }
    ioapic_print_pins("  IRR", s->irr);
    ioapic_print_pins("  Remote IRR", remote_irr);
}

/* ---- Reset, realize, tables ---- */

static void ioapic_reset(DeviceState *dev)
{
    IOAPICState *s = IOAPIC(dev);
    int i;

    s->id = 0;
    s->ioregsel = 0;
    s->irr = 0;
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        s->ioredtbl[i] = IOAPIC_LVT_MASKED;
    }
}

static void ioapic_realize(DeviceState *dev, Error **errp)
{
    IOAPICState *s = IOAPIC(dev);

    if (s->version != 0x11 && s->version != 0x20) {
        error_setg(errp, "ioapic: version 0x%x is not supported (0x11 or "
                   "0x20)", s->version);
        return;
    }
    apic_bus_add_eoi_listener(ioapic_eoi, s);
}

static void ioapic_instance_init(Object *obj)
{
    IOAPICState *s = IOAPIC(obj);

    memory_region_init_io(&s->io, obj, &ioapic_io_ops, s, "ioapic", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->io);
    qdev_init_gpio_in(DEVICE(obj), ioapic_set_irq, IOAPIC_NUM_PINS);
}

static const VMStateField ioapic_vmstate_fields[] = {
    VMSTATE_UINT8(id, IOAPICState),
    VMSTATE_UINT8(ioregsel, IOAPICState),
    VMSTATE_UINT32(irr, IOAPICState),
    VMSTATE_UINT64_ARRAY(ioredtbl, IOAPICState, IOAPIC_NUM_PINS),
    VMSTATE_END_OF_LIST()
};

static const VMStateDescription ioapic_vmstate = {
    .name = "ioapic",
    .version_id = 3,
    .minimum_version_id = 3,
    .fields = ioapic_vmstate_fields,
};

static Property ioapic_properties[] = {
    DEFINE_PROP_UINT8("version", IOAPICState, version, 0x20),
    DEFINE_PROP_END_OF_LIST(),
};

static void ioapic_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    InterruptStatsProviderClass *ic = INTERRUPT_STATS_PROVIDER_CLASS(klass);

    dc->realize = ioapic_realize;
    dc->reset = ioapic_reset;
    dc->vmsd = &ioapic_vmstate;
    dc->user_creatable = false;
    device_class_set_props(dc, ioapic_properties);
    ic->print_info = ioapic_print_info;
}

static const TypeInfo ioapic_info = {
    .name = TYPE_IOAPIC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(IOAPICState),
    .instance_init = ioapic_instance_init,
    .class_init = ioapic_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_INTERRUPT_STATS_PROVIDER },
        { NULL }
    },
};

static void ioapic_register_types(void)
{
    type_register_static(&ioapic_info);
}

type_init(ioapic_register_types)
