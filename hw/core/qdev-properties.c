/*
 * qdev-properties.c: static device properties (Property tables).
 *
 * Implements include/hw/qdev-properties.h.  Each Property becomes a class
 * property of the device class whose accessors parse and print the
 * field at prop->offset; defaults are stored at instance init.  Setting a
 * property of a realized device is refused with QEMU's message.
 *
 * Error wording follows QEMU 7.2 as checked against Debian's
 * qemu-system-x86_64 7.2 (text after the "-device ...: " location):
 *   -device isa-serial,iobase=xyz      Parameter 'iobase' expects integer
 *   -device isa-serial,index=99999999999
 *                                      Parameter 'index' expects uint32_t
 *   -device virtio-net-pci,speed=...   Parameter 'speed' expects int32_t
 *   -device ide-hd,discard_granularity=xx
 *                                      Parameter '...' expects size
 *   -device e1000,autonegotiation=maybe
 *                                      Parameter '...' expects 'on' or 'off'
 *   -device virtio-net-pci,disable-legacy=maybe
 *                     Parameter 'disable-legacy' does not accept value 'maybe'
 *   -device e1000,mac=zz               Property 'e1000.mac' doesn't take
 *                                      value 'zz'
 * and through -global ("can't apply global D.P=V: " + reason) the junk
 * cases read "expects uint64" / "expects int64" / "expects a non-negative
 * number below 2^64" (plus the suffix hint), as QEMU's string visitor
 * says.  Numbers take decimal, 0x hex and 0 octal, as QEMU's parsers.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "qdev-internal.h"

void *object_field_prop_ptr(Object *obj, Property *prop)
{
    return (char *)obj + prop->offset;
}

void error_set_from_qdev_prop_error(Error **errp, int ret, Object *obj,
                                    const char *name, const char *value)
{
    const char *type = object_get_typename(obj);

    switch (ret) {
    case -EEXIST:
        error_setg(errp, "Property '%s.%s' can't take value '%s', it's in "
                   "use", type, name, value);
        break;
    case -ENOENT:
        error_setg(errp, "Property '%s.%s' can't find value '%s'", type,
                   name, value);
        break;
    default:
        error_setg(errp, "Property '%s.%s' doesn't take value '%s'", type,
                   name, value);
        break;
    }
}

void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp)
{
    const char *type = object_get_typename(OBJECT(dev));

    if (dev->id) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", name, dev->id, type);
    } else {
        error_setg(errp, "Attempt to set property '%s' on anonymous device "
                   "(type '%s') after it was realized", name, type);
    }
}

void qdev_prop_allow_set_link_before_realize(const Object *obj,
                                             const char *name, Object *val,
                                             Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        error_setg(errp, "Attempt to set link property '%s' on device '%s' "
                   "(type '%s') after it was realized", name,
                   dev->id ? dev->id : "", object_get_typename(OBJECT(obj)));
    }
}

/* Booleans: "bit" (one bit of a uint32_t) and "bool". */

static bool parse_bool_value(Property *prop, const char *str, bool *value,
                             Error **errp)
{
    if (!qemu_parse_bool(str, value)) {
        error_setg(errp, "Parameter '%s' expects 'on' or 'off'", prop->name);
        return false;
    }
    return true;
}

static bool prop_bit_parse(Object *obj, Property *prop, const char *str,
                           Error **errp)
{
    uint32_t *p = object_field_prop_ptr(obj, prop);
    bool value;

    if (!parse_bool_value(prop, str, &value, errp)) {
        return false;
    }
    if (value) {
        *p |= 1U << prop->bitnr;
    } else {
        *p &= ~(1U << prop->bitnr);
    }
    return true;
}

static char *prop_bit_print(Object *obj, Property *prop)
{
    uint32_t *p = object_field_prop_ptr(obj, prop);

    return g_strdup((*p >> prop->bitnr) & 1 ? "true" : "false");
}

static void prop_bit_set_default(Object *obj, Property *prop)
{
    uint32_t *p = object_field_prop_ptr(obj, prop);

    if (prop->defval.u) {
        *p |= 1U << prop->bitnr;
    } else {
        *p &= ~(1U << prop->bitnr);
    }
}

const PropertyInfo qdev_prop_bit = {
    .name = "bool",
    .description = "on/off",
    .parse = prop_bit_parse,
    .print = prop_bit_print,
    .set_default = prop_bit_set_default,
};

static bool prop_bool_parse(Object *obj, Property *prop, const char *str,
                            Error **errp)
{
    bool *p = object_field_prop_ptr(obj, prop);

    return parse_bool_value(prop, str, p, errp);
}

static char *prop_bool_print(Object *obj, Property *prop)
{
    bool *p = object_field_prop_ptr(obj, prop);

    return g_strdup(*p ? "true" : "false");
}

static void prop_bool_set_default(Object *obj, Property *prop)
{
    bool *p = object_field_prop_ptr(obj, prop);

    *p = prop->defval.u != 0;
}

const PropertyInfo qdev_prop_bool = {
    .name = "bool",
    .parse = prop_bool_parse,
    .print = prop_bool_print,
    .set_default = prop_bool_set_default,
};

/* Integers. */

static bool parse_uint_value(Property *prop, const char *str, uint64_t max,
                             const char *ctype, uint64_t *value,
                             Error **errp)
{
    if (qemu_strtou64(str, NULL, 0, value) < 0) {
        error_setg(errp, "Parameter '%s' expects %s", prop->name,
                   object_property_parsing_global() ? "uint64" : "integer");
        return false;
    }
    if (*value > max) {
        error_setg(errp, "Parameter '%s' expects %s", prop->name, ctype);
        return false;
    }
    return true;
}

static bool parse_int_value(Property *prop, const char *str, int64_t min,
                            int64_t max, const char *ctype, int64_t *value,
                            Error **errp)
{
    if (qemu_strtoi64(str, NULL, 0, value) < 0) {
        error_setg(errp, "Parameter '%s' expects %s", prop->name,
                   object_property_parsing_global() ? "int64" : "integer");
        return false;
    }
    if (*value < min || *value > max) {
        error_setg(errp, "Parameter '%s' expects %s", prop->name, ctype);
        return false;
    }
    return true;
}

static bool prop_uint8_parse(Object *obj, Property *prop, const char *str,
                             Error **errp)
{
    uint64_t v;

    if (!parse_uint_value(prop, str, UINT8_MAX, "uint8_t", &v, errp)) {
        return false;
    }
    *(uint8_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

static char *prop_uint8_print(Object *obj, Property *prop)
{
    return g_strdup_printf("%u", *(uint8_t *)object_field_prop_ptr(obj, prop));
}

static void prop_uint8_set_default(Object *obj, Property *prop)
{
    *(uint8_t *)object_field_prop_ptr(obj, prop) = prop->defval.u;
}

const PropertyInfo qdev_prop_uint8 = {
    .name = "uint8",
    .parse = prop_uint8_parse,
    .print = prop_uint8_print,
    .set_default = prop_uint8_set_default,
};

static bool prop_uint16_parse(Object *obj, Property *prop, const char *str,
                              Error **errp)
{
    uint64_t v;

    if (!parse_uint_value(prop, str, UINT16_MAX, "uint16_t", &v, errp)) {
        return false;
    }
    *(uint16_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

static char *prop_uint16_print(Object *obj, Property *prop)
{
    return g_strdup_printf("%u",
                           *(uint16_t *)object_field_prop_ptr(obj, prop));
}

static void prop_uint16_set_default(Object *obj, Property *prop)
{
    *(uint16_t *)object_field_prop_ptr(obj, prop) = prop->defval.u;
}

const PropertyInfo qdev_prop_uint16 = {
    .name = "uint16",
    .parse = prop_uint16_parse,
    .print = prop_uint16_print,
    .set_default = prop_uint16_set_default,
};

static bool prop_uint32_parse(Object *obj, Property *prop, const char *str,
                              Error **errp)
{
    uint64_t v;

    if (!parse_uint_value(prop, str, UINT32_MAX, "uint32_t", &v, errp)) {
        return false;
    }
    *(uint32_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

static char *prop_uint32_print(Object *obj, Property *prop)
{
    return g_strdup_printf("%" PRIu32,
                           *(uint32_t *)object_field_prop_ptr(obj, prop));
}

static void prop_uint32_set_default(Object *obj, Property *prop)
{
    *(uint32_t *)object_field_prop_ptr(obj, prop) = prop->defval.u;
}

const PropertyInfo qdev_prop_uint32 = {
    .name = "uint32",
    .parse = prop_uint32_parse,
    .print = prop_uint32_print,
    .set_default = prop_uint32_set_default,
};

static bool prop_uint64_parse(Object *obj, Property *prop, const char *str,
                              Error **errp)
{
    uint64_t v;

    if (!parse_uint_value(prop, str, UINT64_MAX, "uint64_t", &v, errp)) {
        return false;
    }
    *(uint64_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

static char *prop_uint64_print(Object *obj, Property *prop)
{
    return g_strdup_printf("%" PRIu64,
                           *(uint64_t *)object_field_prop_ptr(obj, prop));
}

static void prop_uint64_set_default(Object *obj, Property *prop)
{
    *(uint64_t *)object_field_prop_ptr(obj, prop) = prop->defval.u;
}

const PropertyInfo qdev_prop_uint64 = {
    .name = "uint64",
    .parse = prop_uint64_parse,
    .print = prop_uint64_print,
    .set_default = prop_uint64_set_default,
};

static bool prop_int32_parse(Object *obj, Property *prop, const char *str,
                             Error **errp)
{
    int64_t v;

    if (!parse_int_value(prop, str, INT32_MIN, INT32_MAX, "int32_t", &v,
                         errp)) {
        return false;
    }
    *(int32_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

static char *prop_int32_print(Object *obj, Property *prop)
{
    return g_strdup_printf("%" PRId32,
                           *(int32_t *)object_field_prop_ptr(obj, prop));
}

static void prop_int32_set_default(Object *obj, Property *prop)
{
    *(int32_t *)object_field_prop_ptr(obj, prop) = prop->defval.i;
}

const PropertyInfo qdev_prop_int32 = {
    .name = "int32",
    .parse = prop_int32_parse,
    .print = prop_int32_print,
    .set_default = prop_int32_set_default,
};

static bool prop_int64_parse(Object *obj, Property *prop, const char *str,
                             Error **errp)
{
    int64_t v;

    if (!parse_int_value(prop, str, INT64_MIN, INT64_MAX, "int64_t", &v,
                         errp)) {
        return false;
    }
    *(int64_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

static char *prop_int64_print(Object *obj, Property *prop)
{
    return g_strdup_printf("%" PRId64,
                           *(int64_t *)object_field_prop_ptr(obj, prop));
}

static void prop_int64_set_default(Object *obj, Property *prop)
{
    *(int64_t *)object_field_prop_ptr(obj, prop) = prop->defval.i;
}

const PropertyInfo qdev_prop_int64 = {
    .name = "int64",
    .parse = prop_int64_parse,
    .print = prop_int64_print,
    .set_default = prop_int64_set_default,
};

/* Sizes: a uint64_t written with optional K/M/G/T/P/E suffixes. */

static bool prop_size_parse(Object *obj, Property *prop, const char *str,
                            Error **errp)
{
    uint64_t v;

    if (qemu_strtosz(str, NULL, &v) < 0) {
        if (!object_property_parsing_global()) {
            error_setg(errp, "Parameter '%s' expects size", prop->name);
            return false;
        }
        error_setg(errp, "Parameter '%s' expects a non-negative number "
                   "below 2^64", prop->name);
        error_append_hint(errp, "Optional suffix k, M, G, T, P or E means "
                          "kilo-, mega-, giga-, tera-, peta-\n"
                          "and exabytes, respectively.\n");
        return false;
    }
    *(uint64_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_size = {
    .name = "size",
    .parse = prop_size_parse,
    .print = prop_uint64_print,
    .set_default = prop_uint64_set_default,
};

/* Strings: a char * the device owns (NULL prints as ""). */

static bool prop_string_parse(Object *obj, Property *prop, const char *str,
                              Error **errp)
{
    char **p = object_field_prop_ptr(obj, prop);

    g_free(*p);
    *p = g_strdup(str);
    return true;
}

static char *prop_string_print(Object *obj, Property *prop)
{
    char **p = object_field_prop_ptr(obj, prop);

    return g_strdup(*p ? *p : "");
}

static void prop_string_release(Object *obj, const char *name, void *opaque)
{
    char **p = object_field_prop_ptr(obj, opaque);

    g_free(*p);
    *p = NULL;
}

const PropertyInfo qdev_prop_string = {
    .name = "str",
    .parse = prop_string_parse,
    .print = prop_string_print,
    .release = prop_string_release,
};

/* MAC addresses: six two-digit hex bytes separated by ':' or '-'. */

static bool parse_mac(const char *str, uint8_t *a)
{
    const char *p = str;

    for (int i = 0; i < 6; i++) {
        if (!g_ascii_isxdigit(p[0]) || !g_ascii_isxdigit(p[1])) {
            return false;
        }
        a[i] = g_ascii_xdigit_value(p[0]) << 4 | g_ascii_xdigit_value(p[1]);
        p += 2;
        if (i < 5) {
            if (*p != ':' && *p != '-') {
                return false;
            }
            p++;
        }
    }
    return *p == '\0';
}

static bool prop_mac_parse(Object *obj, Property *prop, const char *str,
                           Error **errp)
{
    MACAddr *mac = object_field_prop_ptr(obj, prop);
    uint8_t a[6];

    if (!parse_mac(str, a)) {
        error_set_from_qdev_prop_error(errp, -EINVAL, obj, prop->name, str);
        return false;
    }
    memcpy(mac->a, a, sizeof(a));
    return true;
}

static char *prop_mac_print(Object *obj, Property *prop)
{
    MACAddr *mac = object_field_prop_ptr(obj, prop);

    return g_strdup_printf("%02x:%02x:%02x:%02x:%02x:%02x", mac->a[0],
                           mac->a[1], mac->a[2], mac->a[3], mac->a[4],
                           mac->a[5]);
}

const PropertyInfo qdev_prop_macaddr = {
    .name = "str",
    .description = "Ethernet 6-byte MAC Address, example: "
                   "52:54:00:12:34:56",
    .parse = prop_mac_parse,
    .print = prop_mac_print,
};

void qdev_prop_set_macaddr(DeviceState *dev, const char *name,
                           const uint8_t *value)
{
    g_autofree char *str = g_strdup_printf("%02x:%02x:%02x:%02x:%02x:%02x",
                                           value[0], value[1], value[2],
                                           value[3], value[4], value[5]);

    object_property_set_str(OBJECT(dev), name, str, &error_abort);
}

/* Enums: an int field holding an index into info->enum_names. */

bool qdev_propinfo_enum_parse(Object *obj, Property *prop, const char *str,
                              Error **errp)
{
    const char *const *names = prop->info->enum_names;

    for (int i = 0; names[i]; i++) {
        if (strcmp(names[i], str) == 0) {
            *(int *)object_field_prop_ptr(obj, prop) = i;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' does not accept value '%s'", prop->name,
               str);
    return false;
}

static const char *enum_name(const Property *prop, int64_t value)
{
    const char *const *names = prop->info->enum_names;

    for (int64_t i = 0; names[i]; i++) {
        if (i == value) {
            return names[i];
        }
    }
    return NULL;
}

char *qdev_propinfo_enum_print(Object *obj, Property *prop)
{
    const char *name = enum_name(prop,
                                 *(int *)object_field_prop_ptr(obj, prop));

    return g_strdup(name ? name : "");
}

void qdev_propinfo_enum_set_default(Object *obj, Property *prop)
{
    *(int *)object_field_prop_ptr(obj, prop) = prop->defval.i;
}

static const char *const on_off_auto_names[] = {
    [ON_OFF_AUTO_AUTO] = "auto",
    [ON_OFF_AUTO_ON] = "on",
    [ON_OFF_AUTO_OFF] = "off",
    NULL,
};

const PropertyInfo qdev_prop_on_off_auto = {
    .name = "OnOffAuto",
    .description = "on/off/auto",
    .enum_names = on_off_auto_names,
    .parse = qdev_propinfo_enum_parse,
    .print = qdev_propinfo_enum_print,
    .set_default = qdev_propinfo_enum_set_default,
};

/*
 * Links: registered as link<TYPE> class properties holding a reference
 * (see qdev_class_add_static_props()), so they need no parser here.
 */
const PropertyInfo qdev_prop_link = {
    .name = "link",
};

/* Class properties for a Property table. */

typedef enum PropKind {
    PROP_KIND_OTHER,
    PROP_KIND_UINT,
    PROP_KIND_INT,
    PROP_KIND_BOOL,
    PROP_KIND_SIZE,
} PropKind;

static PropKind prop_kind(const PropertyInfo *info)
{
    static const char *const uints[] = { "uint8", "uint16", "uint32",
                                         "uint64" };
    static const char *const ints[] = { "int8", "int16", "int32", "int64" };

    for (size_t i = 0; i < ARRAY_SIZE(uints); i++) {
        if (strcmp(info->name, uints[i]) == 0) {
            return PROP_KIND_UINT;
        }
        if (strcmp(info->name, ints[i]) == 0) {
            return PROP_KIND_INT;
        }
    }
    if (strcmp(info->name, "bool") == 0) {
        return PROP_KIND_BOOL;
    }
    return strcmp(info->name, "size") == 0 ? PROP_KIND_SIZE
                                           : PROP_KIND_OTHER;
}

/* The "(default: X)" text of -device NAME,help, or NULL. */
static char *prop_default_text(const Property *prop)
{
    const PropertyInfo *info = prop->info;
    const char *name;

    if (info->print_default) {
        return info->print_default(prop);
    }
    if (!prop->set_default) {
        return NULL;
    }
    if (info->enum_names) {
        name = enum_name(prop, prop->defval.i);
        return name ? g_strdup_printf("\"%s\"", name) : NULL;
    }
    switch (prop_kind(info)) {
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return g_strdup_printf("%" PRIu64, prop->defval.u);
    case PROP_KIND_INT:
        return g_strdup_printf("%" PRId64, prop->defval.i);
    case PROP_KIND_BOOL:
        return g_strdup(prop->defval.u ? "true" : "false");
    default:
        return NULL;
    }
}

char *qdev_prop_format_qtree(Object *obj, Property *prop)
{
    g_autofree char *value = NULL;
    uint64_t u;

    if (prop->info->print_qtree) {
        return prop->info->print_qtree(obj, prop);
    }
    value = object_property_print(obj, prop->name, NULL);
    if (value == NULL) {
        return NULL;
    }
    switch (prop_kind(prop->info)) {
    case PROP_KIND_UINT:
    case PROP_KIND_INT:
        /* Signed values print their 64-bit two's complement in hex. */
        if (qemu_strtou64(value, NULL, 10, &u) < 0) {
            u = (uint64_t)g_ascii_strtoll(value, NULL, 10);
        }
        return g_strdup_printf("%s (0x%" PRIx64 ")", value, u);
    case PROP_KIND_SIZE: {
        g_autofree char *human = NULL;

        qemu_strtou64(value, NULL, 10, &u);
        human = size_to_str(u);
        return g_strdup_printf("%s (%s)", value, human);
    }
    case PROP_KIND_BOOL:
        return g_steal_pointer(&value);
    default:
        return g_strdup_printf("\"%s\"", value);
    }
}

static char *static_prop_get(Object *obj, ObjectProperty *op, Error **errp)
{
    Property *prop = op->opaque;

    return prop->info->print(obj, prop);
}

static bool static_prop_set(Object *obj, ObjectProperty *op,
                            const char *value, Error **errp)
{
    Property *prop = op->opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    if (dev && dev->realized) {
        qdev_prop_set_after_realize(dev, prop->name, errp);
        return false;
    }
    return prop->info->parse(obj, prop, value, errp);
}

static void static_prop_init(Object *obj, ObjectProperty *op)
{
    Property *prop = op->opaque;

    prop->info->set_default(obj, prop);
}

static void qdev_class_add_link_prop(ObjectClass *oc, Property *prop)
{
    ObjectProperty *op;

    op = object_class_property_add_link(oc, prop->name, prop->link_type,
                                        prop->offset,
                                        qdev_prop_allow_set_link_before_realize,
                                        OBJ_PROP_LINK_STRONG);
    if (prop->info->description) {
        op->description = g_strdup(prop->info->description);
    }
}

static void qdev_class_add_static_prop(ObjectClass *oc, Property *prop)
{
    const PropertyInfo *info = prop->info;
    ObjectProperty *op;

    if (info == &qdev_prop_link) {
        qdev_class_add_link_prop(oc, prop);
        return;
    }
    op = object_class_property_add(oc, prop->name, info->name,
                                   info->print ? static_prop_get : NULL,
                                   info->parse ? static_prop_set : NULL,
                                   info->release, prop);
    if (info->description) {
        op->description = g_strdup(info->description);
    }
    op->defval = prop_default_text(prop);
    if (prop->set_default && info->set_default) {
        op->init = static_prop_init;
    }
}

void qdev_class_add_static_props(DeviceClass *dc, Property *props)
{
    for (Property *prop = props; prop && prop->name; prop++) {
        qdev_class_add_static_prop(OBJECT_CLASS(dc), prop);
    }
}

/* -global */

void qdev_prop_set_globals(DeviceState *dev)
{
    /* Hotplug must not kill the VM: warn instead. */
    object_apply_global_props(OBJECT(dev),
                              qdev_machine_is_done() ? NULL : &error_fatal);
}

void qdev_prop_check_globals(void)
{
    GList *unused = object_global_props();

    for (GList *l = unused; l; l = l->next) {
        GlobalProperty *p = l->data;
        const char *typename = p->driver;
        ObjectClass *oc;

        if (!object_class_by_name(typename) && qdev_alias_lookup(typename)) {
            typename = qdev_alias_lookup(typename);
        }
        oc = object_class_dynamic_cast(object_class_by_name(typename),
                                       TYPE_DEVICE);
        if (oc == NULL) {
            warn_report("global %s.%s has invalid class name", p->driver,
                        p->property);
        } else if (!DEVICE_CLASS(oc)->hotpluggable) {
            warn_report("global %s.%s=%s not used", p->driver, p->property,
                        p->value);
        }
    }
    g_list_free(unused);
}
