/*
 * object-property.c: QOM properties.
 *
 * Implements the property half of include/qom/object.h, following QEMU's
 * documented model (docs/devel/qom.rst, include/qom/object.h): named,
 * typed properties with string accessors; class properties shared by all
 * instances (looked up through the parent classes), instance properties
 * per object (table created on first use, so small objects such as IRQ
 * lines stay cheap); typed helpers (bool, str, read-only integers);
 * child<T> (composition: the parent holds a reference) and link<T>
 * (a pointer, optionally holding a reference, set by path or directly).
 * Errors are worded as QEMU 7.2 words them.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qom/object.h"
#include "qom-internal.h"

void object_property_free(gpointer data)
{
    ObjectProperty *prop = data;

    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    g_free(prop->defval);
    g_free(prop);
}

static ObjectProperty *object_property_new(const char *name,
                                           const char *type,
                                           ObjectPropertyGet *get,
                                           ObjectPropertySet *set,
                                           ObjectPropertyRelease *release,
                                           void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    return prop;
}

static bool name_is_wildcard(const char *name, char **base)
{
    size_t len = strlen(name);

    if (len < 3 || strcmp(name + len - 3, "[*]") != 0) {
        return false;
    }
    *base = g_strndup(name, len - 3);
    return true;
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyGet *get,
                                        ObjectPropertySet *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    g_autofree char *base = NULL;
    ObjectProperty *prop;

    if (name_is_wildcard(name, &base)) {
        for (int i = 0; i < INT_MAX; i++) {
            g_autofree char *full = g_strdup_printf("%s[%d]", base, i);

            if (!object_property_find(obj, full)) {
                return object_property_try_add(obj, full, type, get, set,
                                               release, opaque, errp);
            }
        }
        g_assert_not_reached();
    }
    if (object_property_find(obj, name)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", name, object_get_typename(obj));
        return NULL;
    }
    if (obj->properties == NULL) {
        obj->properties = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                NULL, object_property_free);
    }
    prop = object_property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(obj->properties, prop->name, prop);
    return prop;
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release,
                                   opaque, &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    ObjectProperty *prop;

    if (object_class_property_find(klass, name)) {
        fprintf(stderr, "qom: attempt to add duplicate property '%s' to "
                "class (type '%s')\n", name, object_class_get_name(klass));
        abort();
    }
    prop = object_property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(klass->properties, prop->name, prop);
    return prop;
}

static ObjectProperty *object_instance_property_find(Object *obj,
                                                     const char *name)
{
    if (obj->properties == NULL) {
        return NULL;
    }
    return g_hash_table_lookup(obj->properties, name);
}

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);

        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    return prop ? prop : object_instance_property_find(obj, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (prop == NULL) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = object_instance_property_find(obj, name);

    if (prop == NULL) {
        return;
    }
    if (prop->release) {
        prop->release(obj, prop->name, prop->opaque);
    }
    g_hash_table_remove(obj->properties, name);
}

/*
 * Instance properties go one at a time, restarting the walk each time: a
 * release (unparenting a child) may add or remove other properties.
 */
static void object_instance_property_del_all(Object *obj)
{
    while (obj->properties && g_hash_table_size(obj->properties)) {
        GHashTableIter iter;
        gpointer value;
        ObjectProperty *prop;

        g_hash_table_iter_init(&iter, obj->properties);
        g_hash_table_iter_next(&iter, NULL, &value);
        prop = value;
        g_hash_table_iter_steal(&iter);
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
        object_property_free(prop);
    }
    if (obj->properties) {
        g_hash_table_unref(obj->properties);
        obj->properties = NULL;
    }
}

void object_property_del_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_instance_property_del_all(obj);
    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
    }
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    ObjectProperty *prop = object_property_find_err(obj, name, &error_abort);

    g_free(prop->description);
    prop->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);

    g_assert(prop != NULL);
    g_free(prop->description);
    prop->description = g_strdup(description);
}

/* Iteration: instance properties, then each class up to the root. */

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    g_hash_table_iter_init(&iter->iter, klass->properties);
    iter->nextclass = object_class_get_parent(klass);
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    if (obj->properties) {
        g_hash_table_iter_init(&iter->iter, obj->properties);
        iter->nextclass = obj->class;
    } else {
        object_class_property_iter_init(iter, obj->class);
    }
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    gpointer value;

    while (!g_hash_table_iter_next(&iter->iter, NULL, &value)) {
        if (iter->nextclass == NULL) {
            return NULL;
        }
        g_hash_table_iter_init(&iter->iter, iter->nextclass->properties);
        iter->nextclass = object_class_get_parent(iter->nextclass);
    }
    return value;
}

/* String access. */

bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (prop == NULL) {
        return false;
    }
    if (prop->set == NULL) {
        error_setg(errp, "Property '%s.%s' is not writable",
                   object_get_typename(obj), name);
        return false;
    }
    return prop->set(obj, prop, string, errp);
}

char *object_property_print(Object *obj, const char *name, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (prop == NULL) {
        return NULL;
    }
    if (prop->get == NULL) {
        error_setg(errp, "Property '%s.%s' is not readable",
                   object_get_typename(obj), name);
        return NULL;
    }
    return prop->get(obj, prop, errp);
}

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp)
{
    return object_property_parse(obj, name, value, errp);
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    return object_property_print(obj, name, errp);
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    return object_property_parse(obj, name, value ? "on" : "off", errp);
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    g_autofree char *str = object_property_print(obj, name, errp);
    bool value = false;

    if (str && !qemu_parse_bool(str, &value)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: "
                   "boolean", name);
    }
    return value;
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    g_autofree char *str = g_strdup_printf("%" PRId64, value);

    return object_property_parse(obj, name, str, errp);
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    g_autofree char *str = object_property_print(obj, name, errp);
    int64_t value = -1;

    if (str && qemu_strtoi64(str, NULL, 0, &value) < 0) {
        error_setg(errp, "Invalid parameter type for '%s', expected: int",
                   name);
        value = -1;
    }
    return value;
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    g_autofree char *str = g_strdup_printf("%" PRIu64, value);

    return object_property_parse(obj, name, str, errp);
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    g_autofree char *str = object_property_print(obj, name, errp);
    uint64_t value = 0;

    if (str && qemu_strtou64(str, NULL, 0, &value) < 0) {
        error_setg(errp, "Invalid parameter type for '%s', expected: uint",
                   name);
        value = 0;
    }
    return value;
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}

/* bool and str properties backed by callbacks. */

typedef struct BoolProperty {
    bool (*get)(Object *, Error **);
    void (*set)(Object *, bool, Error **);
} BoolProperty;

static char *property_get_bool(Object *obj, ObjectProperty *prop,
                               Error **errp)
{
    BoolProperty *bp = prop->opaque;
    Error *err = NULL;
    bool value = bp->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    return g_strdup(value ? "true" : "false");
}

static bool property_set_bool(Object *obj, ObjectProperty *prop,
                              const char *str, Error **errp)
{
    BoolProperty *bp = prop->opaque;
    Error *err = NULL;
    bool value;

    if (!qemu_parse_bool(str, &value)) {
        error_setg(errp, "Parameter '%s' expects 'on' or 'off'", prop->name);
        return false;
    }
    bp->set(obj, value, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static void property_release_opaque(Object *obj, const char *name,
                                    void *opaque)
{
    g_free(opaque);
}

static BoolProperty *bool_property_new(bool (*get)(Object *, Error **),
                                       void (*set)(Object *, bool, Error **))
{
    BoolProperty *bp = g_new0(BoolProperty, 1);

    bp->get = get;
    bp->set = set;
    return bp;
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **))
{
    return object_property_add(obj, name, "bool",
                               get ? property_get_bool : NULL,
                               set ? property_set_bool : NULL,
                               property_release_opaque,
                               bool_property_new(get, set));
}

ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                        const char *name,
                                        bool (*get)(Object *, Error **),
                                        void (*set)(Object *, bool,
                                                    Error **))
{
    /* Class properties live as long as the class: never released. */
    return object_class_property_add(klass, name, "bool",
                                     get ? property_get_bool : NULL,
                                     set ? property_set_bool : NULL,
                                     NULL, bool_property_new(get, set));
}

typedef struct StringProperty {
    char *(*get)(Object *, Error **);
    void (*set)(Object *, const char *, Error **);
} StringProperty;

static char *property_get_str(Object *obj, ObjectProperty *prop,
                              Error **errp)
{
    StringProperty *sp = prop->opaque;

    return sp->get(obj, errp);
}

static bool property_set_str(Object *obj, ObjectProperty *prop,
                             const char *str, Error **errp)
{
    StringProperty *sp = prop->opaque;
    Error *err = NULL;

    sp->set(obj, str, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static StringProperty *string_property_new(char *(*get)(Object *, Error **),
                                           void (*set)(Object *,
                                                       const char *,
                                                       Error **))
{
    StringProperty *sp = g_new0(StringProperty, 1);

    sp->get = get;
    sp->set = set;
    return sp;
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    return object_property_add(obj, name, "string",
                               get ? property_get_str : NULL,
                               set ? property_set_str : NULL,
                               property_release_opaque,
                               string_property_new(get, set));
}

ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                        const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    return object_class_property_add(klass, name, "string",
                                     get ? property_get_str : NULL,
                                     set ? property_set_str : NULL,
                                     NULL, string_property_new(get, set));
}

static char *property_get_uint32_ptr(Object *obj, ObjectProperty *prop,
                                     Error **errp)
{
    return g_strdup_printf("%" PRIu32, *(const uint32_t *)prop->opaque);
}

static char *property_get_uint64_ptr(Object *obj, ObjectProperty *prop,
                                     Error **errp)
{
    return g_strdup_printf("%" PRIu64, *(const uint64_t *)prop->opaque);
}

ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v)
{
    return object_property_add(obj, name, "uint32", property_get_uint32_ptr,
                               NULL, NULL, (void *)v);
}

ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v)
{
    return object_property_add(obj, name, "uint64", property_get_uint64_ptr,
                               NULL, NULL, (void *)v);
}

/* child<T> */

bool object_property_is_child(const ObjectProperty *prop)
{
    return strstart(prop->type, "child<", NULL);
}

bool object_property_is_link(const ObjectProperty *prop)
{
    return strstart(prop->type, "link<", NULL);
}

static char *object_get_child_property(Object *obj, ObjectProperty *prop,
                                       Error **errp)
{
    char *path = object_get_canonical_path(prop->opaque);

    return path ? path : g_strdup("");
}

static Object *object_resolve_child_property(Object *parent, void *opaque,
                                             const char *part)
{
    return opaque;
}

static void object_finalize_child_property(Object *obj, const char *name,
                                           void *opaque)
{
    Object *child = opaque;

    if (child->class->unparent) {
        child->class->unparent(child);
    }
    child->parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectProperty *prop;

    g_assert(child->parent == NULL);
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    prop = object_property_try_add(obj, name, type, object_get_child_property,
                                   NULL, object_finalize_child_property,
                                   child, errp);
    if (prop == NULL) {
        return NULL;
    }
    prop->resolve = object_resolve_child_property;
    object_ref(child);
    child->parent = obj;
    return prop;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

void object_unparent(Object *obj)
{
    Object *parent = obj->parent;
    GHashTableIter iter;
    gpointer value;

    if (parent == NULL || parent->properties == NULL) {
        return;
    }
    g_hash_table_iter_init(&iter, parent->properties);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        ObjectProperty *prop = value;

        if (object_property_is_child(prop) && prop->opaque == obj) {
            object_property_del(parent, prop->name);
            return;
        }
    }
}

/* link<T> */

typedef struct LinkProperty {
    Object **targetp;            /* instance links */
    ptrdiff_t offset;            /* class links: target at obj + offset */
    bool is_class;
    char *target_type;
    void (*check)(const Object *, const char *, Object *, Error **);
    ObjectPropertyLinkFlags flags;
} LinkProperty;

static Object **link_targetp(Object *obj, LinkProperty *lp)
{
    if (lp->is_class) {
        return (Object **)((char *)obj + lp->offset);
    }
    return lp->targetp;
}

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
    /* Any value is fine. */
}

static char *object_get_link_property(Object *obj, ObjectProperty *prop,
                                      Error **errp)
{
    Object *target = *link_targetp(obj, prop->opaque);
    char *path = target ? object_get_canonical_path(target) : NULL;

    return path ? path : g_strdup("");
}

static Object *object_resolve_link_path(const char *name, const char *path,
                                        const char *type, Error **errp)
{
    bool ambiguous = false;
    Object *target = object_resolve_path_type(path, type, &ambiguous);

    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
        return NULL;
    }
    if (target == NULL) {
        target = object_resolve_path(path, &ambiguous);
        if (target || ambiguous) {
            error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                       name, type);
        } else {
            error_setg(errp, "Device '%s' not found", path);
        }
        return NULL;
    }
    return target;
}

static bool link_assign(Object *obj, ObjectProperty *prop, Object *target,
                        Error **errp)
{
    LinkProperty *lp = prop->opaque;
    Object **targetp = link_targetp(obj, lp);
    Object *old = *targetp;
    Error *err = NULL;

    lp->check(obj, prop->name, target, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    *targetp = target;
    if (lp->flags & OBJ_PROP_LINK_STRONG) {
        object_ref(target);
        object_unref(old);
    }
    return true;
}

static bool object_set_link_property(Object *obj, ObjectProperty *prop,
                                     const char *path, Error **errp)
{
    LinkProperty *lp = prop->opaque;
    Object *target = NULL;

    if (*path) {
        target = object_resolve_link_path(prop->name, path, lp->target_type,
                                          errp);
        if (target == NULL) {
            return false;
        }
    }
    return link_assign(obj, prop, target, errp);
}

static Object *object_resolve_link_property(Object *obj, void *opaque,
                                            const char *part)
{
    return *link_targetp(obj, opaque);
}

static void object_release_link_property(Object *obj, const char *name,
                                         void *opaque)
{
    LinkProperty *lp = opaque;
    Object **targetp = link_targetp(obj, lp);

    if ((lp->flags & OBJ_PROP_LINK_STRONG) && *targetp) {
        object_unref(*targetp);
        *targetp = NULL;
    }
    if (!lp->is_class) {
        g_free(lp->target_type);
        g_free(lp);
    }
}

static LinkProperty *link_property_new(const char *type,
                                       void (*check)(const Object *,
                                                     const char *,
                                                     Object *, Error **),
                                       ObjectPropertyLinkFlags flags)
{
    LinkProperty *lp = g_new0(LinkProperty, 1);

    lp->target_type = g_strdup(type);
    lp->check = check;
    lp->flags = flags;
    return lp;
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         void (*check)(const Object *obj,
                                                       const char *name,
                                                       Object *val,
                                                       Error **errp),
                                         ObjectPropertyLinkFlags flags)
{
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    LinkProperty *lp = link_property_new(type, check, flags);
    ObjectProperty *prop;

    lp->targetp = targetp;
    prop = object_property_add(obj, name, full_type,
                               object_get_link_property,
                               check ? object_set_link_property : NULL,
                               object_release_link_property, lp);
    prop->resolve = object_resolve_link_property;
    return prop;
}

ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                        const char *name, const char *type,
                                        ptrdiff_t offset,
                                        void (*check)(const Object *obj,
                                                      const char *name,
                                                      Object *val,
                                                      Error **errp),
                                        ObjectPropertyLinkFlags flags)
{
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    LinkProperty *lp = link_property_new(type, check, flags);
    ObjectProperty *prop;

    lp->offset = offset;
    lp->is_class = true;
    prop = object_class_property_add(klass, name, full_type,
                                     object_get_link_property,
                                     check ? object_set_link_property : NULL,
                                     object_release_link_property, lp);
    prop->resolve = object_resolve_link_property;
    return prop;
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *path = NULL;

    if (prop == NULL) {
        return false;
    }
    if (prop->set == object_set_link_property) {
        LinkProperty *lp = prop->opaque;

        if (value && !object_dynamic_cast(value, lp->target_type)) {
            error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                       name, lp->target_type);
            return false;
        }
        return link_assign(obj, prop, value, errp);
    }
    /* Some other setter: it can only take a path. */
    path = value ? object_get_canonical_path(value) : NULL;
    return object_property_parse(obj, name, path ? path : "", errp);
}

Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *path = NULL;

    if (prop == NULL) {
        return NULL;
    }
    if (prop->resolve) {
        return prop->resolve(obj, prop->opaque, name);
    }
    path = object_property_print(obj, name, errp);
    if (path == NULL || *path == '\0') {
        return NULL;
    }
    return object_resolve_path(path, NULL);
}
