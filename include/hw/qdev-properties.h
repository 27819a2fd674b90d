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

/* Set a chardev property (frontend init) from a board. */
typedef struct Chardev Chardev;
void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value);
void qdev_prop_set_macaddr(DeviceState *dev, const char *name,
                           const uint8_t *value);

/* Apply -global options to a new device (called from instance init). */
void qdev_prop_set_globals(DeviceState *dev);
/*
 * Register "-global driver.prop=value" (also "driver=,property=,value=").
 * Errors name the option: "Invalid format for -global".
 */
bool qdev_prop_register_global_opts(const char *str, Error **errp);
/* Warn about -global entries that matched nothing (at exit/startup). */
void qdev_prop_check_globals(void);

#endif
