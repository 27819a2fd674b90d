/*
 * qdev-properties.h: static device properties.
 *
 * A device class lists its user-settable properties in a Property table
 * (device_class_set_props()).  Each entry names a field of the state
 * struct and a PropertyInfo that parses a string into it and prints it
 * back.  Properties get their defaults when the instance is initialised
 * and may only be set before realize.
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev-core.h"

typedef struct PropertyInfo {
    const char *name;            /* type shown by -device X,help */
    const char *description;
    /* string -> field; errp names the property and value on failure */
    bool (*parse)(Object *obj, Property *prop, const char *str,
                  Error **errp);
    /* field -> newly allocated string */
    char *(*print)(Object *obj, Property *prop);
    /* default -> field (at instance init) */
    void (*set_default)(Object *obj, Property *prop);
    void (*release)(Object *obj, const char *name, void *opaque);

    /*
     * Optional.  enum_names: NULL-terminated value names of an enum
     * property (an int field); use with the qdev_propinfo_enum_*
     * helpers below.  print_default: the "(default: X)" text of -device
     * NAME,help (JSON-like: numbers bare, strings quoted); when NULL it is
     * derived from defval for the standard type names ("uint32", "int32",
     * "bool", "size", ...) and enum_names.  print_qtree: the value text
     * of "info qtree" (e.g. PCI "02.0"); when NULL, numbers print as
     * "4 (0x4)", sizes as "2147483648 (2 GiB)", bools bare, anything
     * else quoted.
     */
    const char *const *enum_names;
    char *(*print_default)(const Property *prop);
    char *(*print_qtree)(Object *obj, Property *prop);
} PropertyInfo;

struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    uint8_t bitnr;
    bool set_default;
    union {
        int64_t i;
        uint64_t u;
        const char *s;
    } defval;
    const char *link_type;
};

extern const PropertyInfo qdev_prop_bit;
extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_int64;
extern const PropertyInfo qdev_prop_size;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_macaddr;
extern const PropertyInfo qdev_prop_on_off_auto;
extern const PropertyInfo qdev_prop_link;
extern const PropertyInfo qdev_prop_chr;

#define DEFINE_PROP(_name, _state, _field, _prop, _type, ...) {     \
        .name = (_name),                                           \
        .info = &(_prop),                                          \
        .offset = offsetof(_state, _field),                        \
        __VA_ARGS__                                                \
    }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _def, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                 \
                .set_default = true, .defval.i = (_type)(_def))
#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _def, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                   \
                .set_default = true, .defval.u = (_type)(_def))

#define DEFINE_PROP_BIT(_name, _state, _field, _bit, _def)            \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit, uint32_t,      \
                .bitnr = (_bit), .set_default = true,                \
                .defval.u = (bool)(_def))
#define DEFINE_PROP_BOOL(_name, _state, _field, _def)                 \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool,         \
                .set_default = true, .defval.u = (bool)(_def))
#define DEFINE_PROP_UINT8(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_INT64(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int64, int64_t)
#define DEFINE_PROP_SIZE(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
#define DEFINE_PROP_STRING(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
#define DEFINE_PROP_MACADDR(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_macaddr, MACAddr)
#define DEFINE_PROP_ON_OFF_AUTO(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_on_off_auto, OnOffAuto)
#define DEFINE_PROP_LINK(_n, _s, _f, _type, _ptr_type) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_link, _ptr_type, \
                .link_type = (_type))
#define DEFINE_PROP_CHR(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_chr, CharBackend)
#define DEFINE_PROP_END_OF_LIST() { .name = NULL }

typedef struct MACAddr {
    uint8_t a[6];
} MACAddr;

typedef enum OnOffAuto {
    ON_OFF_AUTO_AUTO,
    ON_OFF_AUTO_ON,
    ON_OFF_AUTO_OFF,
} OnOffAuto;

/* Where prop's field lives inside obj. */
void *object_field_prop_ptr(Object *obj, Property *prop);

/*
 * QEMU's wording for a property value error: ret -ENOENT "Property
 * 'T.name' can't find value 'v'", -EEXIST "... can't take value 'v', it's
 * in use", anything else "Property 'T.name' doesn't take value 'v'".
 */
void error_set_from_qdev_prop_error(Error **errp, int ret, Object *obj,
                                    const char *name, const char *value);
/* "Attempt to set property 'x' on device 'id' (type 't') after ..." */
void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp);
/* link<> check: allowed until the device is realized. */
void qdev_prop_allow_set_link_before_realize(const Object *obj,
                                             const char *name, Object *val,
                                             Error **errp);

/* Helpers for enum properties (field is an int; see enum_names). */
bool qdev_propinfo_enum_parse(Object *obj, Property *prop, const char *str,
                              Error **errp);
char *qdev_propinfo_enum_print(Object *obj, Property *prop);
void qdev_propinfo_enum_set_default(Object *obj, Property *prop);

/* Set a chardev property (frontend init) from a board. */
typedef struct Chardev Chardev;
void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value);
void qdev_prop_set_macaddr(DeviceState *dev, const char *name,
                           const uint8_t *value);

/*
 * Apply -global options to a new device (from TYPE_DEVICE's
 * instance_post_init); a value that does not parse is fatal for a
 * cold-plugged device and a warning for a hotplugged one, as in QEMU.
 */
void qdev_prop_set_globals(DeviceState *dev);
/*
 * Register "-global driver.prop=value" (also "driver=,property=,value=").
 * Errors are QEMU's: "-global a=b" gives "Invalid parameter 'a'",
 * "-global driver=x" gives "options 'driver', 'property', and 'value'
 * are required".  The value is checked only when a device applies it.
 */
bool qdev_prop_register_global_opts(const char *str, Error **errp);
/* Warn about -global entries that matched nothing (at exit/startup). */
void qdev_prop_check_globals(void);

#endif
