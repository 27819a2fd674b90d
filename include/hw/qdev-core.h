/*
 * qdev-core.h: devices, buses, GPIO lines, reset, realize.
 *
 * A device is an Object of TYPE_DEVICE.  It is created with qdev_new(),
 * configured through properties (static Property tables in the class,
 * -device KEY=VALUE, -global), then realized; realize may fail with an
 * Error.  Devices plug into a bus of the type their class names
 * (bus_type); buses belong to a parent device (the root is the machine's
 * "main-system-bus").  Reset walks the bus tree from the root.
 *
 * Interrupt and GPIO lines: a device declares inputs with
 * qdev_init_gpio_in(_named) and outputs with qdev_init_gpio_out(_named);
 * the board connects them with qdev_connect_gpio_out(_named).  qtest
 * intercepts them by device path.
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include "qom/object.h"
#include "hw/irq.h"
#include "migration/vmstate.h"

#define TYPE_DEVICE "device"
#define TYPE_BUS "bus"

typedef struct DeviceState DeviceState;
typedef struct DeviceClass DeviceClass;
typedef struct BusState BusState;
typedef struct BusClass BusClass;
typedef struct Property Property;

/* Categories shown by "-device help", in QEMU's order. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);
typedef void (*DeviceUnrealize)(DeviceState *dev);
typedef void (*DeviceReset)(DeviceState *dev);

struct DeviceClass {
    ObjectClass parent_class;

    unsigned long categories;    /* bitmap of 1 << DeviceCategory */
    const char *fw_name;
    const char *desc;
    Property *props_;            /* set with device_class_set_props() */
    bool user_creatable;         /* may appear in -device */
    bool hotpluggable;

    DeviceReset reset;           /* back to power-on state */
    DeviceRealize realize;
    DeviceUnrealize unrealize;

    const VMStateDescription *vmsd;
    const char *bus_type;        /* NULL: a device with no parent bus */
};

typedef struct NamedGPIOList {
    char *name;                  /* NULL for the unnamed list */
    qemu_irq *in;
    int num_in;
    int num_out;
    struct NamedGPIOList *next;
} NamedGPIOList;

struct DeviceState {
    Object parent_obj;

    char *id;                    /* -device id=, or NULL */
    char *canonical_path;
    bool realized;
    bool pending_deleted_event;
    NamedGPIOList *gpios;
    GList *child_bus;            /* of BusState * */
    int num_child_bus;
    BusState *parent_bus;
};

typedef struct BusChild {
    DeviceState *child;
    int index;
} BusChild;

struct BusClass {
    ObjectClass parent_class;
    /* Extra lines for "info qtree" about a device on this bus. */
    void (*print_dev)(void *mon, DeviceState *dev, int indent);
    char *(*get_dev_path)(DeviceState *dev);
    char *(*get_fw_dev_path)(DeviceState *dev);
    /* Check a device may plug here (e.g. address free). */
    bool (*check_address)(BusState *bus, DeviceState *dev, Error **errp);
    void (*reset)(BusState *bus);
    int max_dev;                 /* 0: unlimited */
    int automatic_ids;
};

struct BusState {
    Object obj;
    DeviceState *parent;
    char *name;
    int max_index;
    bool realized;
    GList *children;             /* of BusChild *, in plug order */
    bool hotpluggable;           /* takes devices after machine creation */
};

#define DEVICE(obj) OBJECT_CHECK(DeviceState, (obj), TYPE_DEVICE)
#define DEVICE_CLASS(klass) OBJECT_CLASS_CHECK(DeviceClass, (klass), \
                                               TYPE_DEVICE)
#define DEVICE_GET_CLASS(obj) OBJECT_GET_CLASS(DeviceClass, (obj), \
                                               TYPE_DEVICE)
#define BUS(obj) OBJECT_CHECK(BusState, (obj), TYPE_BUS)
#define BUS_CLASS(klass) OBJECT_CLASS_CHECK(BusClass, (klass), TYPE_BUS)
#define BUS_GET_CLASS(obj) OBJECT_GET_CLASS(BusClass, (obj), TYPE_BUS)

static inline void set_bit_category(DeviceClass *dc, DeviceCategory cat)
{
    dc->categories |= 1UL << cat;
}

/* Creation and realization. */
DeviceState *qdev_new(const char *name);
DeviceState *qdev_try_new(const char *name);
/*
 * Plug into bus and realize.  bus NULL: a sysbus device (bus_type
 * "System") goes on the main system bus; a device with no bus_type stays
 * off any bus; any other device fails ("No 'ISA' bus found for device
 * 'x'").  A device with no parent in the composition tree is placed at
 * /machine/unattached/device[N] (-device puts its devices under
 * /machine/peripheral/ID or /machine/peripheral-anon/device[N] first).
 * On failure the device stays unrealized (and on the bus).
 */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);
/* As qdev_realize() and drop the caller's reference. */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);
void qdev_unrealize(DeviceState *dev);
/* Attach without realizing (used by qdev_realize). */
bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp);
/* The machine object, /machine (created as a container if missing). */
Object *qdev_get_machine(void);
/*
 * The machine is built: from now on -device / device_add is hotplug, as
 * in QEMU: only hotpluggable device classes on buses marked hotpluggable
 * (qbus_set_hotpluggable()), "Bus 'isa.0' does not support hotplugging"
 * otherwise; hotplugged devices are reset when realized, and a bad
 * -global value only warns for them.
 */
void qdev_machine_creation_done(void);
bool qdev_machine_is_done(void);
void qbus_set_hotpluggable(BusState *bus, bool hotpluggable);

/* Property shortcuts for boards; abort on error (programming errors). */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);
void device_class_set_props(DeviceClass *dc, Property *props);

/* GPIO / IRQ lines. */
void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);
void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n);
/* pins points at the device's array of output lines (it stays owner). */
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);
qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin);
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin);
/* The line an output is connected to (NULL if unconnected). */
qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n);
/*
 * Replace output n with icpt; returns what it was connected to, with a
 * reference the caller owns (qtest keeps it to forward levels).
 */
qemu_irq qdev_intercept_gpio_out(DeviceState *dev, qemu_irq icpt,
                                 const char *name, int n);
NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name);

/* Buses. */
BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name);
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);
bool qbus_realize(BusState *bus, Error **errp);
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);
BusState *qdev_get_parent_bus(DeviceState *dev);
/*
 * Search bus and the buses below it (depth first, in "info qtree" order)
 * for one named name, or else of type bus_typename; prefers one that is
 * not full, else returns the first full match.  NULL if none.
 */
BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *bus_typename);
/* True when the bus class has max_dev and that many devices are on it. */
bool qbus_is_full(BusState *bus);
/*
 * Walk the tree below bus depth first: pre_busfn(bus), then for each
 * device pre_devfn(dev), its child buses, post_devfn(dev); finally
 * post_busfn(bus).  Any callback may be NULL.  A negative return stops
 * the whole walk and is returned; a positive one from a pre function
 * skips that subtree.
 */
int qdev_walk_children(DeviceState *dev,
                       int (*pre_devfn)(DeviceState *dev, void *opaque),
                       int (*pre_busfn)(BusState *bus, void *opaque),
                       int (*post_devfn)(DeviceState *dev, void *opaque),
                       int (*post_busfn)(BusState *bus, void *opaque),
                       void *opaque);
int qbus_walk_children(BusState *bus,
                       int (*pre_devfn)(DeviceState *dev, void *opaque),
                       int (*pre_busfn)(BusState *bus, void *opaque),
                       int (*post_devfn)(DeviceState *dev, void *opaque),
                       int (*post_busfn)(BusState *bus, void *opaque),
                       void *opaque);

/* The root of the device tree (the machine's system bus). */
BusState *sysbus_get_default(void);

/*
 * Reset, children before parents: device_cold_reset() resets the
 * device's child buses (each resets its devices, then runs the bus
 * class's reset) and then calls the device's own dc->reset, so a parent
 * (e.g. a bridge) sees its children already in power-on state.  Siblings
 * go in "info qtree" order (most recently plugged first), as QEMU walks
 * them.
 */
void device_cold_reset(DeviceState *dev);
void bus_cold_reset(BusState *bus);
/* Reset every device reachable from the root bus, children first. */
void qdev_reset_all(void);

/* Find a device by id (-device id=) among /machine/peripheral. */
DeviceState *qdev_find_by_id(const char *id);
/* The class's fw_name, else the type name (firmware paths, messages). */
const char *qdev_fw_name(DeviceState *dev);
/* The bus's get_dev_path for dev, or NULL. */
char *qdev_get_dev_path(DeviceState *dev);

/*
 * -device support.  qdev_device_add() parses "driver,key=val,..." opts:
 * finds the driver (typename or alias), checks user_creatable, finds the
 * bus (bus= or the first of the right type), sets properties, applies
 * -global, realizes; errors in QEMU's words, e.g.
 * "'foo' is not a valid device model name".
 */
typedef struct QemuOpts QemuOpts;
/*
 * Keys other than driver, bus and id are properties; the opts id is the
 * device id.  The returned device carries a reference the caller drops
 * with object_unref() (the tree keeps its own).
 */
DeviceState *qdev_device_add(QemuOpts *opts, Error **errp);
/*
 * "-device help" / "-device NAME,help"; returns true if help was shown
 * (or an error about NAME reported).
 */
bool qdev_device_help(QemuOpts *opts);
/*
 * Register an alias: qdev_alias_register("e1000", "e1000-82540em") lets
 * -device e1000-82540em create an "e1000".  QEMU's PCI aliases ("ahci",
 * "virtio-net", ...) are built in.
 */
void qdev_alias_register(const char *typename, const char *alias);
/* The type an alias names, or NULL. */
const char *qdev_alias_lookup(const char *alias);
/* The alias of a type, or NULL. */
const char *qdev_class_get_alias(const char *typename);

/* "info qtree", printed with qemu_printf(). */
void qdev_print_qtree(void);

#endif
