/*
 * container.h: plain "container" objects that group others in the
 * composition tree (/machine/unattached, /machine/peripheral, /objects).
 */
#ifndef QOM_CONTAINER_H
#define QOM_CONTAINER_H

#include "qom/object.h"

#define TYPE_CONTAINER "container"

/*
 * The object at path below root ("/machine/unattached"; leading, trailing
 * and doubled slashes are ignored), creating a container for each
 * missing component.  The tree holds the reference.
 */
Object *container_get(Object *root, const char *path);

#endif
