/*
 * bus.c: qdev buses (TYPE_BUS): naming, plugging, searching, walking,
 * reset.
 *
 * Implements the bus half of include/hw/qdev-core.h as QEMU behaves:
 *  - a bus is a child<> of its parent device, named explicitly or
 *    automatically "<parent id>.<n>" (n counts the parent's buses) or,
 *    for a parent without id, "<bus type lowercased>.<n>" with n counted
 *    per bus class ("isa.0", "ide.0", "ide.1", "pci.0");
 *  - a plugged device gets index max_index++ and a link property
 *    "child[index]" on the bus; the bus holds a reference on the device
 *    and the device one on its bus;
 *  - the children list is kept in plug order, but walks, reset and
 *    "info qtree" visit the most recently plugged device first, which is
 *    the order QEMU's list has.
 * Missing: hotplug handlers, bus realize hooks.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "qdev-internal.h"

static char *qbus_auto_name(BusState *bus, DeviceState *parent)
{
    BusClass *bc = BUS_GET_CLASS(bus);
    g_autofree char *name = NULL;

    if (parent && parent->id) {
        return g_strdup_printf("%s.%d", parent->id, parent->num_child_bus);
    }
    name = g_strdup_printf("%s.%d", object_get_typename(OBJECT(bus)),
                           bc->automatic_ids++);
    return g_ascii_strdown(name, -1);
}

static void qbus_init_internal(BusState *bus, DeviceState *parent,
                               const char *name)
{
    bus->parent = parent;
    bus->name = name ? g_strdup(name) : qbus_auto_name(bus, parent);
    if (parent) {
        /* Newest first, as QEMU lists (and "info qtree" prints) them. */
        parent->child_bus = g_list_prepend(parent->child_bus, bus);
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
        /* The parent's child<> property holds the bus from now on. */
        object_unref(OBJECT(bus));
    }
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    qbus_init_internal(bus, parent, name);
}

BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name)
{
    BusState *bus = BUS(object_new(typename));

    qbus_init_internal(bus, parent, name);
    return bus;
}

void qbus_set_hotpluggable(BusState *bus, bool hotpluggable)
{
    bus->hotpluggable = hotpluggable;
}

bool qbus_realize(BusState *bus, Error **errp)
{
    bus->realized = true;
    return true;
}

void qbus_unrealize(BusState *bus)
{
    for (GList *l = g_list_last(bus->children); l; l = l->prev) {
        BusChild *kid = l->data;

        if (kid->child->realized) {
            qdev_unrealize(kid->child);
        }
    }
    bus->realized = false;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    for (GList *l = dev->child_bus; l; l = l->next) {
        BusState *bus = l->data;

        if (strcmp(bus->name, name) == 0) {
            return bus;
        }
    }
    return NULL;
}

BusState *qdev_get_parent_bus(DeviceState *dev)
{
    return dev->parent_bus;
}

bool qbus_is_full(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    return bc->max_dev && g_list_length(bus->children) >= (guint)bc->max_dev;
}

void bus_add_child(BusState *bus, DeviceState *dev)
{
    BusChild *kid = g_new0(BusChild, 1);
    g_autofree char *name = NULL;

    kid->index = bus->max_index++;
    kid->child = dev;
    object_ref(OBJECT(dev));
    bus->children = g_list_append(bus->children, kid);
    dev->parent_bus = bus;
    object_ref(OBJECT(bus));

    name = g_strdup_printf("child[%d]", kid->index);
    object_property_add_link(OBJECT(bus), name,
                             object_get_typename(OBJECT(dev)),
                             (Object **)&kid->child, NULL, 0);
}

void bus_remove_child(BusState *bus, DeviceState *dev)
{
    g_autofree char *name = NULL;
    BusChild *kid = NULL;

    for (GList *l = bus->children; l; l = l->next) {
        if (((BusChild *)l->data)->child == dev) {
            kid = l->data;
            break;
        }
    }
    if (kid == NULL) {
        return;
    }
    name = g_strdup_printf("child[%d]", kid->index);
    object_property_del(OBJECT(bus), name);
    bus->children = g_list_remove(bus->children, kid);
    g_free(kid);
    dev->parent_bus = NULL;
    /* Last: either may drop the final reference to its object. */
    object_unref(OBJECT(bus));
    object_unref(OBJECT(dev));
}

/*
 * The search QEMU's -device does: bus itself, then depth first through
 * its devices' child buses; the first match that is not full wins, else
 * the first match at all.
 */
BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *bus_typename)
{
    BusState *pick = NULL;
    bool match;

    if (name) {
        match = strcmp(bus->name, name) == 0;
    } else {
        match = object_dynamic_cast(OBJECT(bus), bus_typename) != NULL;
    }
    if (match && !qbus_is_full(bus)) {
        return bus;
    }
    if (match) {
        pick = bus;
    }
    for (GList *l = g_list_last(bus->children); l; l = l->prev) {
        DeviceState *dev = ((BusChild *)l->data)->child;

        for (GList *b = dev->child_bus; b; b = b->next) {
            BusState *found = qbus_find_recursive(b->data, name,
                                                  bus_typename);

            if (found && !qbus_is_full(found)) {
                return found;
            }
            if (found && pick == NULL) {
                pick = found;
            }
        }
    }
    return pick;
}

int qdev_walk_children(DeviceState *dev,
                       int (*pre_devfn)(DeviceState *dev, void *opaque),
                       int (*pre_busfn)(BusState *bus, void *opaque),
                       int (*post_devfn)(DeviceState *dev, void *opaque),
                       int (*post_busfn)(BusState *bus, void *opaque),
                       void *opaque)
{
    int err;

    if (pre_devfn && (err = pre_devfn(dev, opaque)) != 0) {
        return err;
    }
    for (GList *l = dev->child_bus; l; l = l->next) {
        err = qbus_walk_children(l->data, pre_devfn, pre_busfn, post_devfn,
                                 post_busfn, opaque);
        if (err < 0) {
            return err;
        }
    }
    if (post_devfn && (err = post_devfn(dev, opaque)) != 0) {
        return err;
    }
    return 0;
}

int qbus_walk_children(BusState *bus,
                       int (*pre_devfn)(DeviceState *dev, void *opaque),
                       int (*pre_busfn)(BusState *bus, void *opaque),
                       int (*post_devfn)(DeviceState *dev, void *opaque),
                       int (*post_busfn)(BusState *bus, void *opaque),
                       void *opaque)
{
    int err;

    if (pre_busfn && (err = pre_busfn(bus, opaque)) != 0) {
        return err;
    }
    for (GList *l = g_list_last(bus->children); l; l = l->prev) {
        err = qdev_walk_children(((BusChild *)l->data)->child, pre_devfn,
                                 pre_busfn, post_devfn, post_busfn, opaque);
        if (err < 0) {
            return err;
        }
    }
    if (post_busfn && (err = post_busfn(bus, opaque)) != 0) {
        return err;
    }
    return 0;
}

void bus_cold_reset(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    for (GList *l = g_list_last(bus->children); l; l = l->prev) {
        device_cold_reset(((BusChild *)l->data)->child);
    }
    if (bc->reset) {
        bc->reset(bus);
    }
}

/* The devices leave first (each unrealized and unplugged), then the bus. */
static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);

    while (bus->children) {
        GList *last = g_list_last(bus->children);
        DeviceState *dev = ((BusChild *)last->data)->child;

        if (OBJECT(dev)->parent) {
            object_unparent(OBJECT(dev));
        } else {
            OBJECT(dev)->class->unparent(OBJECT(dev));
        }
    }
    if (bus->parent) {
        bus->parent->child_bus = g_list_remove(bus->parent->child_bus, bus);
        bus->parent->num_child_bus--;
        bus->parent = NULL;
    }
}

static void bus_finalize(Object *obj)
{
    BusState *bus = BUS(obj);

    g_assert(bus->children == NULL);
    g_free(bus->name);
}

static void bus_class_init(ObjectClass *klass, void *data)
{
    klass->unparent = bus_unparent;
}

static const TypeInfo bus_type_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .abstract = true,
    .class_size = sizeof(BusClass),
    .instance_finalize = bus_finalize,
    .class_init = bus_class_init,
};

static void bus_register_types(void)
{
    type_register_static(&bus_type_info);
}

type_init(bus_register_types)
