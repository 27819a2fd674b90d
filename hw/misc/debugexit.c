/*
 * debugexit.c: "isa-debug-exit", a port that ends the emulator.
 *
 * Writing a value V to any of its ports (0x501, two ports wide by
 * default) requests an exit with status (V << 1) | 1: odd, so a test
 * guest's result can never be mistaken for a clean QEMU shutdown
 * (status 0).  Reads return 0.  Behaviour as QEMU documents and Debian's
 * QEMU 7.2 shows; the write is one access of up to four bytes, not
 * split into bytes (a split would exit with the last byte's status).
 *
 * Stateless, so there is no vmstate description (QEMU has none).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/isa/isa.h"
#include "hw/qdev-properties.h"
#include "sysemu/runstate.h"

#define TYPE_ISA_DEBUG_EXIT "isa-debug-exit"

typedef struct ISADebugExitState {
    ISADevice parent_obj;

    uint32_t iobase;
    uint32_t iosize;
    MemoryRegion io;
} ISADebugExitState;

#define ISA_DEBUG_EXIT(obj) \
    OBJECT_CHECK(ISADebugExitState, (obj), TYPE_ISA_DEBUG_EXIT)

static uint64_t debug_exit_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void debug_exit_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    uint32_t status = ((uint32_t)val << 1) | 1;

    qemu_system_exit_request((int)status);
}

static const MemoryRegionOps debug_exit_ops = {
    .read = debug_exit_read,
    .write = debug_exit_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static void debug_exit_realize(DeviceState *dev, Error **errp)
{
    ISADebugExitState *s = ISA_DEBUG_EXIT(dev);

    if (s->iobase > 0xffff || s->iosize > 0x10000 - s->iobase) {
        error_setg(errp, "I/O ports 0x%" PRIx32 "+0x%" PRIx32 " are outside "
                   "the ISA port space", s->iobase, s->iosize);
        return;
    }
    if (s->iosize == 0) {
        return;         /* QEMU accepts an empty range: nothing to map */
    }
    memory_region_init_io(&s->io, OBJECT(dev), &debug_exit_ops, s,
                          TYPE_ISA_DEBUG_EXIT, s->iosize);
    isa_register_ioport(ISA_DEVICE(dev), &s->io, s->iobase);
}

static Property debug_exit_properties[] = {
    DEFINE_PROP_UINT32("iobase", ISADebugExitState, iobase, 0x501),
    DEFINE_PROP_UINT32("iosize", ISADebugExitState, iosize, 0x02),
    DEFINE_PROP_END_OF_LIST(),
};

static void debug_exit_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = debug_exit_realize;
    dc->user_creatable = true;
    device_class_set_props(dc, debug_exit_properties);
    set_bit_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo debug_exit_info = {
    .name = TYPE_ISA_DEBUG_EXIT,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISADebugExitState),
    .class_init = debug_exit_class_init,
};

static void debug_exit_register_types(void)
{
    type_register_static(&debug_exit_info);
}

type_init(debug_exit_register_types)
