/*
 * serial-isa.c: "isa-serial", the 16550A UART on the ISA bus (COM1-4).
 *
 * A thin front end over the UART core in serial.c: it picks the port's
 * I/O base and IRQ, maps the 8 registers and wires the interrupt.  As in
 * QEMU, "index" selects the PC's standard resources (COM1 0x3f8/IRQ 4,
 * COM2 0x2f8/3, COM3 0x3e8/4, COM4 0x2e8/3); a port created without one
 * takes the next index after every isa-serial realized before it, and
 * explicit "iobase"/"irq" override the standard values.
 *
 * "info qtree" shows index, iobase and irq only: in QEMU the chardev,
 * baudbase and wakeup properties belong to an inner "serial" object,
 * so they are settable here but hidden from the tree the same way.
 *
 * Missing: wakeup from suspend on input (there is no suspend yet).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/isa/isa.h"
#include "hw/char/serial.h"
#include "hw/qdev-properties.h"

#define TYPE_ISA_SERIAL "isa-serial"
#define MAX_ISA_SERIAL_PORTS 4
#define ISA_SERIAL_REGS 8

typedef struct ISASerialState {
    ISADevice parent_obj;

    uint32_t index;
    uint32_t iobase;
    uint32_t isairq;
    SerialState state;
} ISASerialState;

#define ISA_SERIAL(obj) OBJECT_CHECK(ISASerialState, (obj), TYPE_ISA_SERIAL)

static const uint16_t isa_serial_io[MAX_ISA_SERIAL_PORTS] = {
    0x3f8, 0x2f8, 0x3e8, 0x2e8
};
static const uint8_t isa_serial_irq[MAX_ISA_SERIAL_PORTS] = { 4, 3, 4, 3 };

/* Index the next port without an explicit one gets (QEMU's rule). */
static uint32_t isa_serial_next_index;

static bool serial_isa_pick_resources(ISASerialState *isa, Error **errp)
{
    if (isa->index == UINT32_MAX) {
        isa->index = isa_serial_next_index;
    }
    if (isa->index >= MAX_ISA_SERIAL_PORTS) {
        error_setg(errp, "Max. supported number of ISA serial ports is %d.",
                   MAX_ISA_SERIAL_PORTS);
        return false;
    }
    if (isa->iobase == UINT32_MAX) {
        isa->iobase = isa_serial_io[isa->index];
    }
    if (isa->isairq == UINT32_MAX) {
        isa->isairq = isa_serial_irq[isa->index];
    }
    if (isa->iobase > 0x10000 - ISA_SERIAL_REGS) {
        error_setg(errp, "I/O base 0x%" PRIx32 " is outside the ISA port "
                   "space", isa->iobase);
        return false;
    }
    if (isa->isairq >= ISA_NUM_IRQS) {
        error_setg(errp, "Maximum value for \"irq\" is: %d",
                   ISA_NUM_IRQS - 1);
        return false;
    }
    return true;
}

static void serial_isa_realize(DeviceState *dev, Error **errp)
{
    ISADevice *isadev = ISA_DEVICE(dev);
    ISASerialState *isa = ISA_SERIAL(dev);
    SerialState *s = &isa->state;
    Error *err = NULL;

    if (!serial_isa_pick_resources(isa, errp)) {
        return;
    }
    isa_serial_next_index++;
    s->irq = isa_get_irq(isadev, isa->isairq);
    serial_realize(s, OBJECT(dev), &err);
    if (err) {
        error_propagate(errp, err);
        return;
    }
    isa_register_ioport(isadev, &s->io, isa->iobase);
}

static void serial_isa_unrealize(DeviceState *dev)
{
    ISASerialState *isa = ISA_SERIAL(dev);

    memory_region_del_subregion(isa_bus_from_device(ISA_DEVICE(dev))->
                                address_space_io, &isa->state.io);
    serial_unrealize(&isa->state);
}

static void serial_isa_reset(DeviceState *dev)
{
    serial_reset(&ISA_SERIAL(dev)->state);
}

static const VMStateField vmstate_isa_serial_fields[] = {
    {
        .name = "state", .kind = VMS_STRUCT,
        .offset = offsetof(ISASerialState, state),
        .size = sizeof(SerialState), .num = 1, .vmsd = &vmstate_serial,
    },
    VMSTATE_END_OF_LIST()
};

static const VMStateDescription vmstate_isa_serial = {
    .name = "serial",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = vmstate_isa_serial_fields,
};

/*
 * Copies of the standard property types that "info qtree" skips (see
 * the header); filled in by class_init before any instance exists.
 */
static PropertyInfo isa_serial_hidden_chr;
static PropertyInfo isa_serial_hidden_uint32;
static PropertyInfo isa_serial_hidden_bool;

static char *isa_serial_hide_in_qtree(Object *obj, Property *prop)
{
    return NULL;
}

static Property serial_isa_properties[] = {
    DEFINE_PROP_UINT32("index", ISASerialState, index, -1),
    DEFINE_PROP_UINT32("iobase", ISASerialState, iobase, -1),
    DEFINE_PROP_UINT32("irq", ISASerialState, isairq, -1),
    DEFINE_PROP("chardev", ISASerialState, state.chr, isa_serial_hidden_chr,
                CharBackend),
    DEFINE_PROP_UNSIGNED("baudbase", ISASerialState, state.baudbase, 115200,
                         isa_serial_hidden_uint32, uint32_t),
    DEFINE_PROP("wakeup", ISASerialState, state.wakeup,
                isa_serial_hidden_bool, bool, .set_default = true,
                .defval.u = false),
    DEFINE_PROP_END_OF_LIST(),
};

static void serial_isa_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    isa_serial_hidden_chr = qdev_prop_chr;
    isa_serial_hidden_chr.print_qtree = isa_serial_hide_in_qtree;
    isa_serial_hidden_uint32 = qdev_prop_uint32;
    isa_serial_hidden_uint32.print_qtree = isa_serial_hide_in_qtree;
    isa_serial_hidden_bool = qdev_prop_bool;
    isa_serial_hidden_bool.print_qtree = isa_serial_hide_in_qtree;

    dc->realize = serial_isa_realize;
    dc->unrealize = serial_isa_unrealize;
    dc->reset = serial_isa_reset;
    dc->vmsd = &vmstate_isa_serial;
    dc->user_creatable = true;
    device_class_set_props(dc, serial_isa_properties);
    set_bit_category(dc, DEVICE_CATEGORY_INPUT);
}

static const TypeInfo serial_isa_info = {
    .name = TYPE_ISA_SERIAL,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISASerialState),
    .class_init = serial_isa_class_init,
};

static void serial_isa_register_types(void)
{
    type_register_static(&serial_isa_info);
}

type_init(serial_isa_register_types)
