/*
 * qdev-internal.h: what hw/core's qdev files share and nobody else needs.
 */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

/* Put dev on bus (takes a reference on dev) / take it off again. */
void bus_add_child(BusState *bus, DeviceState *dev);
void bus_remove_child(BusState *bus, DeviceState *dev);
/* Unrealize every realized device on bus, then mark the bus unrealized. */
void qbus_unrealize(BusState *bus);
/* Register dev's class properties for a Property table (qdev-properties). */
void qdev_class_add_static_props(DeviceClass *dc, Property *props);
/* A static property's value as "info qtree" shows it, or NULL. */
char *qdev_prop_format_qtree(Object *obj, Property *prop);

#endif
