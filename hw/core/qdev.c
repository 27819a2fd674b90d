/*
 * qdev.c: devices (TYPE_DEVICE): creation, realize, GPIO lines, reset.
 *
 * Implements the device half of include/hw/qdev-core.h with the
 * behaviour QEMU documents (docs/devel/qdev-api.rst and qdev-core.h):
 *  - realize is the bool property "realized"; setting it realizes the
 *    device (dc->realize) and then its child buses; a failure leaves the
 *    device unrealized and reports the error; properties may only be set
 *    before (qdev-properties.c refuses afterwards);
 *  - a device realized without a place in the composition tree goes to
 *    /machine/unattached/device[N];
 *  - GPIO: inputs are qemu_irq lines owned by the device (children named
 *    "NAME[i]", "unnamed-gpio-in[i]" for the unnamed list); outputs are
 *    link<irq> properties pointing into the device's own qemu_irq array,
 *    so connecting an output stores the input line in that array;
 *  - -global values apply in instance_post_init.
 * Missing: hotplug handlers, vmstate registration, clocks, the
 * three-phase reset (one cold reset, children first, see bus.c).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom/container.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "qdev-internal.h"

static bool machine_creation_done;

Object *qdev_get_machine(void)
{
    return container_get(object_get_root(), "/machine");
}

void qdev_machine_creation_done(void)
{
    machine_creation_done = true;
}

bool qdev_machine_is_done(void)
{
    return machine_creation_done;
}

DeviceState *qdev_try_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return DEVICE(object_new(name));
}

DeviceState *qdev_new(const char *name)
{
    DeviceState *dev = qdev_try_new(name);

    if (dev == NULL) {
        fprintf(stderr, "qdev_new: '%s' is not a device type that can be "
                "created\n", name);
        abort();
    }
    return dev;
}

/* The bus a device goes on when qdev_realize() is given none. */
static bool qdev_default_bus(DeviceState *dev, BusState **bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusState *sysbus;

    if (dev->parent_bus || dc->bus_type == NULL) {
        return true;
    }
    sysbus = sysbus_get_default();
    if (!object_dynamic_cast(OBJECT(sysbus), dc->bus_type)) {
        error_setg(errp, "No '%s' bus found for device '%s'", dc->bus_type,
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    *bus = sysbus;
    return true;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    g_assert(!dev->realized);
    if (bus == NULL && !qdev_default_bus(dev, &bus, errp)) {
        return false;
    }
    if (bus && !qdev_set_parent_bus(dev, bus, errp)) {
        return false;
    }
    return object_property_set_bool(OBJECT(dev), "realized", true, errp);
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ret = qdev_realize(dev, bus, errp);

    object_unref(OBJECT(dev));
    return ret;
}

void qdev_unrealize(DeviceState *dev)
{
    object_property_set_bool(OBJECT(dev), "realized", false, &error_abort);
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusClass *bc = BUS_GET_CLASS(bus);

    if (dev->parent_bus == bus) {
        return true;
    }
    if (dc->bus_type == NULL ||
        !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
        error_setg(errp, "Device '%s' can't go on %s bus",
                   object_get_typename(OBJECT(dev)),
                   object_get_typename(OBJECT(bus)));
        return false;
    }
    if (qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", bus->name);
        return false;
    }
    if (bc->check_address && !bc->check_address(bus, dev, errp)) {
        return false;
    }
    /* Hold dev while it moves: the old bus may have the last reference. */
    object_ref(OBJECT(dev));
    if (dev->parent_bus) {
        bus_remove_child(dev->parent_bus, dev);
    }
    bus_add_child(bus, dev);
    object_unref(OBJECT(dev));
    return true;
}

/* Realize / unrealize. */

static void device_attach_unattached(DeviceState *dev)
{
    static int unattached_count;
    Object *unattached = container_get(qdev_get_machine(), "/unattached");
    g_autofree char *name = g_strdup_printf("device[%d]",
                                            unattached_count++);

    if (object_property_find(unattached, name)) {
        object_property_add_child(unattached, "device[*]", OBJECT(dev));
    } else {
        object_property_add_child(unattached, name, OBJECT(dev));
    }
}

static void device_unrealize_buses(DeviceState *dev, GList *upto)
{
    for (GList *l = dev->child_bus; l && l != upto; l = l->next) {
        qbus_unrealize(l->data);
    }
}

static void device_realize(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    Error *err = NULL;
    GList *l;

    if (OBJECT(dev)->parent == NULL) {
        device_attach_unattached(dev);
    }
    if (dc->realize) {
        dc->realize(dev, &err);
        if (err) {
            error_propagate(errp, err);
            return;
        }
    }
    for (l = dev->child_bus; l; l = l->next) {
        if (!qbus_realize(l->data, &err)) {
            break;
        }
    }
    if (err) {
        /* Undo: the buses realized so far, then the device itself. */
        device_unrealize_buses(dev, l);
        if (dc->unrealize) {
            dc->unrealize(dev);
        }
        error_propagate(errp, err);
        return;
    }
    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(OBJECT(dev));
    dev->pending_deleted_event = false;
    dev->realized = true;
    if (machine_creation_done) {
        /* Hotplugged: no machine reset is coming to initialise it. */
        device_cold_reset(dev);
    }
}

static void device_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    device_unrealize_buses(dev, NULL);
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->pending_deleted_event = true;
    dev->realized = false;
}

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static void device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value && !dev->realized) {
        device_realize(dev, errp);
    } else if (!value && dev->realized) {
        device_unrealize(dev);
    }
}

static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    return DEVICE_GET_CLASS(obj)->hotpluggable;
}

/* Property shortcuts for boards: failures are programming errors. */

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    object_property_set_bool(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value)
{
    object_property_set_int(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value)
{
    object_property_set_str(OBJECT(dev), name, value, &error_abort);
}

void device_class_set_props(DeviceClass *dc, Property *props)
{
    dc->props_ = props;
    qdev_class_add_static_props(dc, props);
}

/* GPIO lines. */

NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name)
{
    NamedGPIOList *ngl;

    for (ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (g_strcmp0(ngl->name, name) == 0) {
            return ngl;
        }
    }
    ngl = g_new0(NamedGPIOList, 1);
    ngl->name = g_strdup(name);
    /* Newest first, as "info qtree" lists them. */
    ngl->next = dev->gpios;
    dev->gpios = ngl;
    return ngl;
}

static char *gpio_propname(const char *name, const char *unnamed, int n)
{
    return g_strdup_printf("%s[%d]", name ? name : unnamed, n);
}

void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    /* A named list is either inputs or outputs. */
    g_assert(ngl->num_out == 0 || name == NULL);
    ngl->in = qemu_extend_irqs(ngl->in, ngl->num_in, handler, dev, n);
    for (int i = ngl->num_in; i < ngl->num_in + n; i++) {
        g_autofree char *propname = gpio_propname(name, "unnamed-gpio-in",
                                                  i);

        object_property_add_child(OBJECT(dev), propname,
                                  OBJECT(ngl->in[i]));
    }
    ngl->num_in += n;
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    g_assert(ngl->num_in == 0 || name == NULL);
    memset(pins, 0, sizeof(*pins) * n);
    for (int i = 0; i < n; i++) {
        g_autofree char *propname = gpio_propname(name, "unnamed-gpio-out",
                                                  ngl->num_out + i);

        object_property_add_link(OBJECT(dev), propname, TYPE_IRQ,
                                 (Object **)&pins[i],
                                 object_property_allow_set_link,
                                 OBJ_PROP_LINK_STRONG);
    }
    ngl->num_out += n;
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    g_assert(n >= 0 && n < ngl->num_in);
    return ngl->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin)
{
    g_autofree char *propname = gpio_propname(name, "unnamed-gpio-out", n);

    object_property_set_link(OBJECT(dev), propname, OBJECT(pin),
                             &error_abort);
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin)
{
    qdev_connect_gpio_out_named(dev, NULL, n, pin);
}

qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n)
{
    g_autofree char *propname = gpio_propname(name, "unnamed-gpio-out", n);

    return (qemu_irq)object_property_get_link(OBJECT(dev), propname, NULL);
}

/*
 * The returned line carries a reference for the caller (the output's own
 * reference goes to icpt), so it stays valid for forwarding.
 */
qemu_irq qdev_intercept_gpio_out(DeviceState *dev, qemu_irq icpt,
                                 const char *name, int n)
{
    g_autofree char *propname = gpio_propname(name, "unnamed-gpio-out", n);
    qemu_irq old = qdev_get_gpio_out_connector(dev, name, n);

    object_ref(OBJECT(old));
    object_property_set_link(OBJECT(dev), propname, OBJECT(icpt),
                             &error_abort);
    return old;
}

/* Reset: child buses first, then the device (see qdev-core.h). */

void device_cold_reset(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    for (GList *l = dev->child_bus; l; l = l->next) {
        bus_cold_reset(l->data);
    }
    if (dc->reset) {
        dc->reset(dev);
    }
}

void qdev_reset_all(void)
{
    bus_cold_reset(sysbus_get_default());
}

const char *qdev_fw_name(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    return dc->fw_name ? dc->fw_name : object_get_typename(OBJECT(dev));
}

char *qdev_get_dev_path(DeviceState *dev)
{
    BusClass *bc;

    if (dev == NULL || dev->parent_bus == NULL) {
        return NULL;
    }
    bc = BUS_GET_CLASS(dev->parent_bus);
    return bc->get_dev_path ? bc->get_dev_path(dev) : NULL;
}

/* The device type. */

static void device_post_init(Object *obj)
{
    qdev_prop_set_globals(DEVICE(obj));
}

/* Children and buses go before the device itself leaves its bus. */
static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_unrealize(dev);
    }
    while (dev->child_bus) {
        object_unparent(OBJECT(dev->child_bus->data));
    }
    if (dev->parent_bus) {
        bus_remove_child(dev->parent_bus, dev);
    }
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    NamedGPIOList *ngl = dev->gpios;

    while (ngl) {
        NamedGPIOList *next = ngl->next;

        /* Inputs are ours; outputs belong to whoever we connect to. */
        qemu_free_irqs(ngl->in, ngl->num_in);
        g_free(ngl->name);
        g_free(ngl);
        ngl = next;
    }
    dev->gpios = NULL;
    g_free(dev->id);
    g_free(dev->canonical_path);
}

static void device_class_base_init(ObjectClass *klass, void *data)
{
    /*
     * Each class lists only its own Property table; "info qtree" walks
     * the parents for theirs.
     */
    DEVICE_CLASS(klass)->props_ = NULL;
}

static void device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    klass->unparent = device_unparent;
    dc->hotpluggable = true;
    dc->user_creatable = true;
    object_class_property_add_bool(klass, "realized", device_get_realized,
                                   device_set_realized);
    object_class_property_add_bool(klass, "hotpluggable",
                                   device_get_hotpluggable, NULL);
    object_class_property_add_link(klass, "parent_bus", TYPE_BUS,
                                   offsetof(DeviceState, parent_bus),
                                   NULL, 0);
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_post_init = device_post_init,
    .instance_finalize = device_finalize,
    .class_base_init = device_class_base_init,
    .class_init = device_class_init,
    .abstract = true,
    .class_size = sizeof(DeviceClass),
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)
