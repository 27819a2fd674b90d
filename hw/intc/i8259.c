/*
 * i8259.c: "isa-i8259", one Intel 8259A programmable interrupt
 * controller; the PC cascades two of them (i8259_init()).
 *
 * Follows the 8259A datasheet (Intel 231468): initialization command
 * words ICW1-ICW4 ("Initialization Command Words"), operation command
 * words OCW1 (mask), OCW2 (EOI, rotation, priority), OCW3 (special mask,
 * poll, register read); fully nested and special fully nested modes,
 * automatic EOI with optional rotation, specific and non-specific EOI,
 * the poll command, and the spurious IR7 answer to an INTA cycle that
 * finds nothing pending.  The edge/level control registers (ELCR, ports
 * 0x4d0/0x4d1) are the PIIX's (82371SB datasheet, "ELCR1/ELCR2"): a set
 * bit makes that input level-sensitive; IR0-2 (master) and IR8, IR13
 * (slave) are always edge.
 *
 * Where the datasheet and QEMU 7.2 differ, QEMU is followed, because
 * software written against QEMU's model is the compatibility target: an
 * edge-triggered request stays latched in IRR when its line falls
 * before being acknowledged (the real part forgets it and answers IR7),
 * and device reset clears the ELCR as well as the chip state.
 *
 * Missing: ICW1 LTIM (level mode for all inputs; the PIIX ignores it in
 * favour of the ELCR), MCS-80/85 mode, buffered mode; logged as unimp.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/qemu-print.h"
#include "hw/intc/i8259.h"
#include "hw/intc/intc.h"
#include "hw/qdev-properties.h"

/* ICW1 bits (written to A0=0 with D4 set). */
#define ICW1_IC4   0x01
#define ICW1_SNGL  0x02
#define ICW1_LTIM  0x08
#define ICW1_INIT  0x10

/* ICW4 bits. */
#define ICW4_UPM   0x01
#define ICW4_AEOI  0x02
#define ICW4_BUF   0x08
#define ICW4_SFNM  0x10

/* OCW3 bits (A0=0, D4=0, D3=1). */
#define OCW3_RIS   0x01
#define OCW3_RR    0x02
#define OCW3_P     0x04
#define OCW3_SEL   0x08
#define OCW3_SMM   0x20
#define OCW3_ESMM  0x40

/* Initialization sequence: which ICW the next A0=1 write is. */
enum {
    PIC_READY = 0,
    PIC_WAIT_ICW2,
    PIC_WAIT_ICW3,
    PIC_WAIT_ICW4,
};

typedef struct PICState PICState;

struct PICState {
    ISADevice parent_obj;

    /* Properties. */
    uint32_t iobase;
    uint32_t elcr_addr;
    uint8_t elcr_mask;
    bool master;

    /* Registers. */
    uint8_t irr;                 /* interrupt request register */
    uint8_t imr;                 /* interrupt mask register */
    uint8_t isr;                 /* in-service register */
    uint8_t last_irr;            /* input levels, for edge detection */
    uint8_t elcr;
    uint8_t irq_base;            /* ICW2: vector of IR0 */
    uint8_t priority_add;        /* lowest-priority input + 1 (rotation) */
    uint8_t init_state;          /* PIC_* */
    bool init4;                  /* ICW4 expected */
    bool single_mode;            /* ICW1 SNGL: no ICW3 */
    bool auto_eoi;
    bool rotate_on_auto_eoi;
    bool special_fully_nested_mode;
    bool special_mask;
    bool read_reg_select;        /* OCW3 RIS: reads give ISR, not IRR */
    bool poll;                   /* next A0=0 read is a poll */

    qemu_irq int_out;
    PICState *slave;             /* master only: for the INTA cascade */
    MemoryRegion base_io;
    MemoryRegion elcr_io;
};

#define PIC(obj) OBJECT_CHECK(PICState, (obj), TYPE_I8259)

/* Priority of the highest set bit of mask, 0 best; 8 when none. */
static int pic_get_priority(PICState *s, uint8_t mask)
{
    int priority;

    if (mask == 0) {
        return 8;
    }
    priority = 0;
    while ((mask & (1 << ((priority + s->priority_add) & 7))) == 0) {
        priority++;
    }
    return priority;
}

/* The input the chip would present now, or -1. */
static int pic_get_irq(PICState *s)
{
    uint8_t in_service = s->isr;
    int priority, cur_priority;

    priority = pic_get_priority(s, s->irr & ~s->imr);
    if (priority == 8) {
        return -1;
    }
    /*
     * In special fully nested mode the master lets a slave request
     * through although IR2 is in service; in special mask mode masked
     * in-service levels do not block lower priorities.
     */
    if (s->special_fully_nested_mode && s->master) {
        in_service &= ~(1 << 2);
    }
    if (s->special_mask) {
        in_service &= ~s->imr;
    }
    cur_priority = pic_get_priority(s, in_service);
    if (priority < cur_priority) {
        return (priority + s->priority_add) & 7;
    }
    return -1;
}

static void pic_update_irq(PICState *s)
{
    qemu_set_irq(s->int_out, pic_get_irq(s) >= 0);
}

/* An IR input changed level. */
static void pic_set_irq(void *opaque, int n, int level)
{
    PICState *s = opaque;
    uint8_t mask = 1 << (n & 7);

    if (s->elcr & mask) {
        if (level) {
            s->irr |= mask;
            s->last_irr |= mask;
        } else {
            s->irr &= ~mask;
            s->last_irr &= ~mask;
        }
    } else {
        if (level) {
            if (!(s->last_irr & mask)) {
                s->irr |= mask;
            }
            s->last_irr |= mask;
        } else {
            s->last_irr &= ~mask;
        }
    }
    pic_update_irq(s);
}

/* Acknowledge input irq: the second INTA pulse. */
static void pic_intack(PICState *s, int irq)
{
    uint8_t mask = 1 << irq;

    if (s->auto_eoi) {
        if (s->rotate_on_auto_eoi) {
            s->priority_add = (irq + 1) & 7;
        }
    } else {
        s->isr |= mask;
    }
    /* A level request stays asserted until the device drops it. */
    if (!(s->elcr & mask)) {
        s->irr &= ~mask;
    }
}

int pic_read_irq(DeviceState *master)
{
    PICState *s = PIC(master);
    PICState *slave = s->slave;
    int irq, irq2, intno;

    irq = pic_get_irq(s);
    if (irq < 0) {
        /* Nothing pending by the time of INTA: spurious IR7. */
        intno = s->irq_base + 7;
        pic_update_irq(s);
        return intno;
    }
    pic_intack(s, irq);
    if (irq == 2 && slave) {
        irq2 = pic_get_irq(slave);
        if (irq2 >= 0) {
            pic_intack(slave, irq2);
        } else {
            irq2 = 7;            /* spurious IR15 */
        }
        intno = slave->irq_base + irq2;
        pic_update_irq(slave);
    } else {
        intno = s->irq_base + irq;
    }
    pic_update_irq(s);
    return intno;
}

bool pic_get_output(DeviceState *master)
{
    return pic_get_irq(PIC(master)) >= 0;
}

/* The state ICW1 leaves behind (the ELCR is the PIIX's and survives). */
static void pic_init_reset(PICState *s)
{
    s->last_irr = 0;
    s->irr &= s->elcr;
    s->imr = 0;
    s->isr = 0;
    s->priority_add = 0;
    s->irq_base = 0;
    s->read_reg_select = false;
    s->poll = false;
    s->special_mask = false;
    s->init_state = PIC_READY;
    s->auto_eoi = false;
    s->rotate_on_auto_eoi = false;
    s->special_fully_nested_mode = false;
    s->init4 = false;
    s->single_mode = false;
    pic_update_irq(s);
}

static void pic_write_icw1(PICState *s, uint8_t val)
{
    pic_init_reset(s);
    s->init_state = PIC_WAIT_ICW2;
    s->init4 = val & ICW1_IC4;
    s->single_mode = val & ICW1_SNGL;
    if (val & ICW1_LTIM) {
        qemu_log_mask(LOG_UNIMP, "i8259: ICW1 level-triggered mode (LTIM) "
                      "not supported; use the ELCR\n");
    }
}

/* OCW2: end of interrupt, rotation and priority commands. */
static void pic_write_ocw2(PICState *s, uint8_t val)
{
    int cmd = val >> 5;
    int irq, priority;

    switch (cmd) {
    case 0:                      /* clear rotate in automatic EOI mode */
    case 4:                      /* set rotate in automatic EOI mode */
        s->rotate_on_auto_eoi = cmd >> 2;
        break;
    case 1:                      /* non-specific EOI */
    case 5:                      /* rotate on non-specific EOI */
        priority = pic_get_priority(s, s->isr);
        if (priority != 8) {
            irq = (priority + s->priority_add) & 7;
            s->isr &= ~(1 << irq);
            if (cmd == 5) {
                s->priority_add = (irq + 1) & 7;
            }
        }
        break;
    case 3:                      /* specific EOI */
        s->isr &= ~(1 << (val & 7));
        break;
    case 6:                      /* set priority: L2-L0 becomes lowest */
        s->priority_add = (val + 1) & 7;
        break;
    case 7:                      /* rotate on specific EOI */
        irq = val & 7;
        s->isr &= ~(1 << irq);
        s->priority_add = (irq + 1) & 7;
        break;
    default:                     /* 2: no operation */
        break;
    }
    pic_update_irq(s);
}

static void pic_write_ocw3(PICState *s, uint8_t val)
{
    if (val & OCW3_P) {
        s->poll = true;
    }
    if (val & OCW3_RR) {
        s->read_reg_select = val & OCW3_RIS;
    }
    if (val & OCW3_ESMM) {
        s->special_mask = (val & OCW3_SMM) != 0;
        pic_update_irq(s);
    }
}

/* A0=1 writes: the rest of the ICW sequence, then OCW1 (the mask). */
static void pic_write_data(PICState *s, uint8_t val)
{
    switch (s->init_state) {
    case PIC_READY:
        s->imr = val;
        pic_update_irq(s);
        break;
    case PIC_WAIT_ICW2:
        s->irq_base = val & 0xf8;
        s->init_state = s->single_mode ?
                        (s->init4 ? PIC_WAIT_ICW4 : PIC_READY) :
                        PIC_WAIT_ICW3;
        break;
    case PIC_WAIT_ICW3:
        /* Cascade wiring: fixed by the board. */
        s->init_state = s->init4 ? PIC_WAIT_ICW4 : PIC_READY;
        break;
    case PIC_WAIT_ICW4:
        s->special_fully_nested_mode = (val & ICW4_SFNM) != 0;
        s->auto_eoi = (val & ICW4_AEOI) != 0;
        if (!(val & ICW4_UPM) || (val & ICW4_BUF)) {
            qemu_log_mask(LOG_UNIMP, "i8259: ICW4 0x%02x: MCS-80/85 or "
                          "buffered mode not supported\n", val);
        }
        s->init_state = PIC_READY;
        break;
    }
}

static void pic_ioport_write(void *opaque, hwaddr addr, uint64_t val64,
                             unsigned size)
{
    PICState *s = opaque;
    uint8_t val = val64;

    if (addr & 1) {
        pic_write_data(s, val);
    } else if (val & ICW1_INIT) {
        pic_write_icw1(s, val);
    } else if (val & OCW3_SEL) {
        pic_write_ocw3(s, val);
    } else {
        pic_write_ocw2(s, val);
    }
}

/* The poll command: an INTA done by a read. */
static uint8_t pic_poll_read(PICState *s)
{
    int irq = pic_get_irq(s);

    if (irq < 0) {
        return 0;
    }
    pic_intack(s, irq);
    pic_update_irq(s);
    return 0x80 | irq;
}

static uint64_t pic_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    PICState *s = opaque;

    if (s->poll) {
        s->poll = false;
        return pic_poll_read(s);
    }
    if (addr & 1) {
        return s->imr;
    }
    return s->read_reg_select ? s->isr : s->irr;
}

static const MemoryRegionOps pic_base_ops = {
    .read = pic_ioport_read,
    .write = pic_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static uint64_t elcr_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    return PIC(opaque)->elcr;
}

static void elcr_ioport_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    PICState *s = opaque;

    if (val & ~s->elcr_mask & 0xff) {
        qemu_log_mask(LOG_GUEST_ERROR, "i8259: ELCR 0x%x: bits 0x%02x must "
                      "stay edge-triggered\n", s->elcr_addr,
                      (unsigned)(val & ~s->elcr_mask & 0xff));
    }
    s->elcr = val & s->elcr_mask;
}

static const MemoryRegionOps pic_elcr_ops = {
    .read = elcr_ioport_read,
    .write = elcr_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

/* "info pic": QEMU's line for each chip. */
static void pic_print_info(Object *obj)
{
    PICState *s = PIC(obj);

    qemu_printf("pic%d: irr=%02x imr=%02x isr=%02x hprio=%d irq_base=%02x "
                "rr_sel=%d elcr=%02x fnm=%d\n", s->master ? 0 : 1,
                s->irr, s->imr, s->isr, s->priority_add, s->irq_base,
                s->read_reg_select, s->elcr, s->special_fully_nested_mode);
}

static void pic_reset(DeviceState *dev)
{
    PICState *s = PIC(dev);

    s->elcr = 0;
    pic_init_reset(s);
}

static void pic_realize(DeviceState *dev, Error **errp)
{
    PICState *s = PIC(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    if (s->iobase > 0xfffe || s->elcr_addr > 0xffff) {
        error_setg(errp, "i8259: I/O ports 0x%" PRIx32 "/0x%" PRIx32
                   " are outside the ISA port space", s->iobase,
                   s->elcr_addr);
        return;
    }
    memory_region_init_io(&s->base_io, OBJECT(dev), &pic_base_ops, s,
                          "pic", 2);
    memory_region_init_io(&s->elcr_io, OBJECT(dev), &pic_elcr_ops, s,
                          "elcr", 1);
    isa_register_ioport(isa, &s->base_io, s->iobase);
    if (s->elcr_addr != UINT32_MAX) {
        isa_register_ioport(isa, &s->elcr_io, s->elcr_addr);
    }
}

static void pic_instance_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    PICState *s = PIC(obj);

    qdev_init_gpio_in(dev, pic_set_irq, 8);
    qdev_init_gpio_out(dev, &s->int_out, 1);
}

qemu_irq *i8259_init(ISABus *bus, qemu_irq parent_irq,
                     DeviceState **master_out)
{
    qemu_irq *irqs = g_new0(qemu_irq, ISA_NUM_IRQS);
    ISADevice *isa;
    DeviceState *master, *slave;
    int i;

    isa = isa_new(TYPE_I8259);
    master = DEVICE(isa);
    object_property_add_child(qdev_get_machine(), "pic-master", OBJECT(isa));
    qdev_prop_set_uint32(master, "iobase", 0x20);
    qdev_prop_set_uint32(master, "elcr_addr", 0x4d0);
    qdev_prop_set_uint8(master, "elcr_mask", 0xf8);
    qdev_prop_set_bit(master, "master", true);
    isa_realize_and_unref(isa, bus, &error_fatal);
    qdev_connect_gpio_out(master, 0, parent_irq);

    isa = isa_new(TYPE_I8259);
    slave = DEVICE(isa);
    object_property_add_child(qdev_get_machine(), "pic-slave", OBJECT(isa));
    qdev_prop_set_uint32(slave, "iobase", 0xa0);
    qdev_prop_set_uint32(slave, "elcr_addr", 0x4d1);
    qdev_prop_set_uint8(slave, "elcr_mask", 0xde);
    isa_realize_and_unref(isa, bus, &error_fatal);

    PIC(master)->slave = PIC(slave);
    qdev_connect_gpio_out(slave, 0, qdev_get_gpio_in(master, 2));
    for (i = 0; i < 8; i++) {
        irqs[i] = qdev_get_gpio_in(master, i);
        irqs[i + 8] = qdev_get_gpio_in(slave, i);
    }
    if (master_out) {
        *master_out = master;
    }
    return irqs;
}

static const VMStateField pic_vmstate_fields[] = {
    VMSTATE_UINT8(last_irr, PICState),
    VMSTATE_UINT8(irr, PICState),
    VMSTATE_UINT8(imr, PICState),
    VMSTATE_UINT8(isr, PICState),
    VMSTATE_UINT8(priority_add, PICState),
    VMSTATE_UINT8(irq_base, PICState),
    VMSTATE_BOOL(read_reg_select, PICState),
    VMSTATE_BOOL(poll, PICState),
    VMSTATE_BOOL(special_mask, PICState),
    VMSTATE_UINT8(init_state, PICState),
    VMSTATE_BOOL(auto_eoi, PICState),
    VMSTATE_BOOL(rotate_on_auto_eoi, PICState),
    VMSTATE_BOOL(special_fully_nested_mode, PICState),
    VMSTATE_BOOL(init4, PICState),
    VMSTATE_BOOL(single_mode, PICState),
    VMSTATE_UINT8(elcr, PICState),
    VMSTATE_END_OF_LIST()
};

static const VMStateDescription pic_vmstate = {
    .name = "i8259",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = pic_vmstate_fields,
};

static Property pic_properties[] = {
    DEFINE_PROP_UINT32("iobase", PICState, iobase, -1),
    DEFINE_PROP_UINT32("elcr_addr", PICState, elcr_addr, -1),
    DEFINE_PROP_UINT8("elcr_mask", PICState, elcr_mask, -1),
    DEFINE_PROP_BOOL("master", PICState, master, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void pic_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    InterruptStatsProviderClass *ic = INTERRUPT_STATS_PROVIDER_CLASS(klass);

    dc->realize = pic_realize;
    dc->reset = pic_reset;
    dc->vmsd = &pic_vmstate;
    dc->user_creatable = false;
    device_class_set_props(dc, pic_properties);
    ic->print_info = pic_print_info;
}

static const TypeInfo pic_info = {
    .name = TYPE_I8259,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(PICState),
    .instance_init = pic_instance_init,
    .class_init = pic_class_init,
    .interfaces = (InterfaceInfo[]) {
        { TYPE_INTERRUPT_STATS_PROVIDER },
        { NULL }
    },
};

static void pic_register_types(void)
{
    type_register_static(&pic_info);
}

type_init(pic_register_types)
