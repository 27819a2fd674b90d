/*
 * qdev-properties-system.c: device properties that name backends of the
 * system layer: "chardev" (a CharBackend field).
 *
 * Implements qdev_prop_chr and qdev_prop_set_chr() from
 * include/hw/qdev-properties.h as QEMU 7.2 behaves: the value is a
 * chardev id; setting it looks the chardev up and attaches the device as
 * its frontend; an empty value leaves the device without a backend.
 * Messages (checked with Debian's QEMU 7.2; QEMU names the type owning
 * the property, here the device itself):
 *   Property 'isa-serial.chardev' can't find value 'x'
 *   Property 'isa-serial.chardev' can't take value 'c': <why, e.g. in use>
 * Printing gives the chardev's label ("" when unset).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"

static bool prop_chr_parse(Object *obj, Property *prop, const char *str,
                           Error **errp)
{
    CharBackend *be = object_field_prop_ptr(obj, prop);
    Chardev *chr;

    if (be->chr) {
        qemu_chr_fe_deinit(be, false);
    }
    if (*str == '\0') {
        return true;
    }
    chr = qemu_chr_find(str);
    if (chr == NULL) {
        error_set_from_qdev_prop_error(errp, -ENOENT, obj, prop->name, str);
        return false;
    }
    if (!qemu_chr_fe_init(be, chr, errp)) {
        error_prepend(errp, "Property '%s.%s' can't take value '%s': ",
                      object_get_typename(obj), prop->name, str);
        return false;
    }
    return true;
}

static char *prop_chr_print(Object *obj, Property *prop)
{
    CharBackend *be = object_field_prop_ptr(obj, prop);

    if (be->chr && be->chr->label) {
        return g_strdup(be->chr->label);
    }
    return g_strdup("");
}

static void prop_chr_release(Object *obj, const char *name, void *opaque)
{
    CharBackend *be = object_field_prop_ptr(obj, opaque);

    qemu_chr_fe_deinit(be, false);
}

const PropertyInfo qdev_prop_chr = {
    .name = "str",
    .description = "ID of a chardev to use as a backend",
    .parse = prop_chr_parse,
    .print = prop_chr_print,
    .release = prop_chr_release,
};

void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value)
{
    g_assert(value == NULL || value->label);
    object_property_set_str(OBJECT(dev), name, value ? value->label : "",
                            &error_abort);
}
