/*
 * object-tree.c: the QOM composition tree and paths.
 *
 * Implements the path half of include/qom/object.h as QEMU documents it:
 * the root "/" is a container created on first use; every child<>
 * property makes its object reachable as PARENT/NAME; canonical paths
 * walk child<> edges up to the root.  object_resolve_path() takes an
 * absolute path (each component may also follow a link<> property) or a
 * partial one: a path that matches, as an absolute path would, from
 * exactly one object anywhere in the tree (searched through child<>
 * edges only).  Two matches make the answer ambiguous.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom/container.h"

Object *object_get_root(void)
{
    static Object *root;

    if (root == NULL) {
        root = object_new(TYPE_CONTAINER);
    }
    return root;
}

Object *object_get_objects_root(void)
{
    return container_get(object_get_root(), "/objects");
}

Object *container_get(Object *root, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    Object *obj = root;

    for (char **p = parts; *p; p++) {
        Object *child;

        if (**p == '\0') {
            continue;
        }
        child = object_resolve_path_component(obj, *p);
        if (child == NULL) {
            child = object_new(TYPE_CONTAINER);
            object_property_add_child(obj, *p, child);
            object_unref(child);
        }
        obj = child;
    }
    return obj;
}

static ObjectProperty *object_find_child_property(Object *parent,
                                                  const Object *child)
{
    GHashTableIter iter;
    gpointer value;

    if (parent->properties == NULL) {
        return NULL;
    }
    g_hash_table_iter_init(&iter, parent->properties);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        ObjectProperty *prop = value;

        if (object_property_is_child(prop) && prop->opaque == child) {
            return prop;
        }
    }
    return NULL;
}

const char *object_get_canonical_path_component(const Object *obj)
{
    ObjectProperty *prop;

    if (obj->parent == NULL) {
        return NULL;
    }
    prop = object_find_child_property(obj->parent, obj);
    g_assert(prop != NULL);
    return prop->name;
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GPtrArray *names;
    GString *path;

    if (obj == root) {
        return g_strdup("/");
    }
    names = g_ptr_array_new();
    for (; obj != root; obj = obj->parent) {
        const char *name = object_get_canonical_path_component(obj);

        if (name == NULL) {
            /* Not attached to the tree under the root. */
            g_ptr_array_free(names, true);
            return NULL;
        }
        g_ptr_array_add(names, (gpointer)name);
    }
    path = g_string_new("");
    for (guint i = names->len; i > 0; i--) {
        g_string_append_c(path, '/');
        g_string_append(path, g_ptr_array_index(names, i - 1));
    }
    g_ptr_array_free(names, true);
    return g_string_free(path, false);
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (prop == NULL || prop->resolve == NULL) {
        return NULL;
    }
    return prop->resolve(parent, prop->opaque, part);
}

static Object *object_resolve_abs_path(Object *parent, char **parts,
                                       const char *typename)
{
    for (; *parts; parts++) {
        if (**parts == '\0') {
            continue;
        }
        parent = object_resolve_path_component(parent, *parts);
        if (parent == NULL) {
            return NULL;
        }
    }
    return object_dynamic_cast(parent, typename);
}

static Object *object_resolve_partial_path(Object *parent, char **parts,
                                           const char *typename,
                                           bool *ambiguous)
{
    Object *found = object_resolve_abs_path(parent, parts, typename);
    GHashTableIter iter;
    gpointer value;

    if (parent->properties == NULL) {
        return found;
    }
    g_hash_table_iter_init(&iter, parent->properties);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        ObjectProperty *prop = value;
        Object *obj;

        if (!object_property_is_child(prop)) {
            continue;
        }
        obj = object_resolve_partial_path(prop->opaque, parts, typename,
                                          ambiguous);
        if (*ambiguous) {
            return NULL;
        }
        if (obj) {
            if (found) {
                *ambiguous = true;
                return NULL;
            }
            found = obj;
        }
    }
    return found;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguousp)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    bool ambiguous = false;
    Object *obj;

    if (typename == NULL) {
        typename = TYPE_OBJECT;
    }
    if (parts[0] && parts[0][0] == '\0') {
        obj = object_resolve_abs_path(object_get_root(), parts + 1, typename);
    } else if (parts[0] == NULL) {
        obj = NULL;
    } else {
        obj = object_resolve_partial_path(object_get_root(), parts,
                                          typename, &ambiguous);
    }
    if (ambiguousp) {
        *ambiguousp = ambiguous;
    }
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

static GPtrArray *object_children(Object *obj)
{
    GPtrArray *children = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    if (obj->properties == NULL) {
        return children;
    }
    g_hash_table_iter_init(&iter, obj->properties);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        ObjectProperty *prop = value;

        if (object_property_is_child(prop)) {
            g_ptr_array_add(children, prop->opaque);
        }
    }
    return children;
}

static int do_object_child_foreach(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque, bool recurse)
{
    /*
     * A snapshot, and a reference on the child being visited, so fn may
     * unparent the child it is handed.
     */
    g_autoptr(GPtrArray) children = object_children(obj);
    int ret = 0;

    for (guint i = 0; i < children->len && ret == 0; i++) {
        Object *child = object_ref(g_ptr_array_index(children, i));

        ret = fn(child, opaque);
        if (ret == 0 && recurse) {
            ret = do_object_child_foreach(child, fn, opaque, true);
        }
        object_unref(child);
    }
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, true);
}
