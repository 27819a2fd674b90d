/*
 * debugcon.c: "isa-debugcon", the Bochs-style debug console port.
 *
 * One I/O port (0xe9 by default; SeaBIOS uses 0x402 on QEMU): every byte
 * written to it goes to the chardev unchanged, and reads return the
 * "readback" value (0xe9 by default) so firmware and guests can detect
 * the port.  -debugcon CHARDEV creates one at 0xe9.  The behaviour is
 * Bochs's "port e9 hack" as QEMU documents it for -debugcon; messages
 * and defaults were checked against Debian's QEMU 7.2.
 *
 * The device keeps no state beyond its configuration, so it has no
 * vmstate description (QEMU registers none either).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/isa/isa.h"
#include "hw/qdev-properties.h"
#include "chardev/char-fe.h"

#define TYPE_ISA_DEBUGCON "isa-debugcon"

typedef struct ISADebugconState {
    ISADevice parent_obj;

    uint32_t iobase;
    CharBackend chr;
    uint32_t readback;
    MemoryRegion io;
} ISADebugconState;

#define ISA_DEBUGCON(obj) \
    OBJECT_CHECK(ISADebugconState, (obj), TYPE_ISA_DEBUGCON)

static void debugcon_io_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    ISADebugconState *s = opaque;
    uint8_t ch = val;

    /* Blocking: debug output is worth more than guest speed here. */
    qemu_chr_fe_write_all(&s->chr, &ch, 1);
}

static uint64_t debugcon_io_read(void *opaque, hwaddr addr, unsigned size)
{
    ISADebugconState *s = opaque;

    return s->readback;
}

static const MemoryRegionOps debugcon_io_ops = {
    .read = debugcon_io_read,
    .write = debugcon_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void debugcon_isa_realize(DeviceState *dev, Error **errp)
{
    ISADebugconState *s = ISA_DEBUGCON(dev);

    if (!qemu_chr_fe_backend_connected(&s->chr)) {
        error_setg(errp, "Can't create debugcon device, empty char device");
        return;
    }
    if (s->iobase > 0xffff) {
        error_setg(errp, "I/O base 0x%" PRIx32 " is outside the ISA port "
                   "space", s->iobase);
        return;
    }
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, s, NULL, true);
    memory_region_init_io(&s->io, OBJECT(dev), &debugcon_io_ops, s,
                          TYPE_ISA_DEBUGCON, 1);
    isa_register_ioport(ISA_DEVICE(dev), &s->io, s->iobase);
}

static Property debugcon_isa_properties[] = {
    DEFINE_PROP_UINT32("iobase", ISADebugconState, iobase, 0xe9),
    DEFINE_PROP_CHR("chardev", ISADebugconState, chr),
    DEFINE_PROP_UINT32("readback", ISADebugconState, readback, 0xe9),
    DEFINE_PROP_END_OF_LIST(),
};

static void debugcon_isa_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = debugcon_isa_realize;
    dc->user_creatable = true;
    device_class_set_props(dc, debugcon_isa_properties);
    set_bit_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo debugcon_isa_info = {
    .name = TYPE_ISA_DEBUGCON,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISADebugconState),
    .class_init = debugcon_isa_class_init,
};

static void debugcon_register_types(void)
{
    type_register_static(&debugcon_isa_info);
}

type_init(debugcon_register_types)
