/*
 * char-null.c: the "null" chardev, which discards output and never has
 * input, and "vc", QEMU's graphical text console.
 *
 * There is no display yet, so "vc" behaves as "null" except that it is
 * open (as a console would be) and "info chardev" shows "vc".  Its
 * width/height/cols/rows options are accepted and ignored.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"

static bool null_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    /* As QEMU: nothing is ever connected to a null device */
    *be_opened = false;
    return true;
}

static bool vc_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                        Error **errp)
{
    return true;
}

static int null_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static void null_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = data ? vc_chr_open : null_chr_open;
    cc->chr_write = null_chr_write;
}

static const TypeInfo null_chr_types[] = {
    {
        .name = TYPE_CHARDEV_NULL,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(Chardev),
        .class_init = null_chr_class_init,
    }, {
        .name = TYPE_CHARDEV_VC,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(Chardev),
        .class_init = null_chr_class_init,
        .class_data = (void *)"vc",
    },
};

static void null_chr_register_types(void)
{
    type_register_static_array(null_chr_types, ARRAY_SIZE(null_chr_types));
}

type_init(null_chr_register_types)
