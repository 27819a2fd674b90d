/*
 * qom-internal.h: what the files of qom/ share and nobody else needs.
 */
#ifndef QOM_QOM_INTERNAL_H
#define QOM_QOM_INTERNAL_H

/* Free a property record (name, type, description, defval, itself). */
void object_property_free(gpointer data);
/* Release and drop every property of obj (the first step of finalize). */
void object_property_del_all(Object *obj);

#endif
