/*
 * object.c: QOM types, classes, interfaces, instances and checked casts.
 *
 * Implements the type and instance half of include/qom/object.h with the
 * semantics QEMU documents in docs/devel/qom.rst:
 *  - types live in a table keyed by name and may be registered in any
 *    order; a type's class is built on first use: the parent class is
 *    built first and copied in, the interfaces are set up, then every
 *    ancestor's class_base_init runs (nearest first), then class_init;
 *  - an interface implemented by a class is an InterfaceClass object of
 *    its own (a hidden type "CLASS::IFACE" whose parent is the interface),
 *    reachable with object_class_dynamic_cast(klass, IFACE) and pointing
 *    back at the class through concrete_class; subclasses get their own
 *    copies of the interfaces they inherit;
 *  - instances: zeroed memory, class property defaults, instance_init
 *    root-first, instance_post_init leaf-first; the last unref releases
 *    the properties, runs instance_finalize leaf-first and frees.
 * Missing compared with QEMU: loadable modules, compat properties.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom/container.h"
#include "qom-internal.h"

struct TypeImpl {
    char *name;
    char *parent_name;
    struct TypeImpl *parent_type;   /* resolved lazily */

    size_t class_size;
    size_t instance_size;
    size_t instance_align;

    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;

    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    char **interface_names;         /* NULL-terminated */
    ObjectClass *class;             /* NULL until first use */
};
typedef struct TypeImpl TypeImpl;

static GHashTable *type_table;
static TypeImpl *type_interface;

/* Allocations above this alignment need posix_memalign(). */
#define OBJECT_MALLOC_ALIGN 16

static TypeImpl *type_register_internal(const TypeInfo *info);

static void object_instance_init(Object *obj)
{
    /* The root type: nothing per instance. */
}

static char *object_get_type(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

static void object_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_str(klass, "type", object_get_type, NULL);
}

/*
 * The types every other type depends on register with the table itself,
 * so the object model works before (and without) module_call_init().
 */
static void type_register_core_types(void)
{
    static const TypeInfo object_info = {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_size = sizeof(ObjectClass),
        .instance_init = object_instance_init,
        .class_init = object_class_init,
        .abstract = true,
    };
    static const TypeInfo interface_info = {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    };
    static const TypeInfo container_info = {
        .name = TYPE_CONTAINER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
    };

    type_register_internal(&object_info);
    type_interface = type_register_internal(&interface_info);
    type_register_internal(&container_info);
}

static GHashTable *type_table_get(void)
{
    if (type_table == NULL) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
        type_register_core_types();
    }
    return type_table;
}

static TypeImpl *type_new(const TypeInfo *info)
{
    TypeImpl *ti = g_new0(TypeImpl, 1);
    size_t n = 0;

    ti->name = g_strdup(info->name);
    ti->parent_name = g_strdup(info->parent);
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->instance_align = info->instance_align;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;

    while (info->interfaces && info->interfaces[n].type) {
        n++;
    }
    ti->interface_names = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        ti->interface_names[i] = g_strdup(info->interfaces[i].type);
    }
    return ti;
}

static TypeImpl *type_register_internal(const TypeInfo *info)
{
    GHashTable *table = type_table_get();
    TypeImpl *ti;

    if (info->name == NULL) {
        fprintf(stderr, "qom: registering a type without a name\n");
        abort();
    }
    if (g_hash_table_lookup(table, info->name)) {
        fprintf(stderr, "qom: registering type '%s' which already exists\n",
                info->name);
        abort();
    }
    ti = type_new(info);
    g_hash_table_insert(table, ti->name, ti);
    return ti;
}

Type type_register(const TypeInfo *info)
{
    return type_register_internal(info);
}

Type type_register_static(const TypeInfo *info)
{
    return type_register_internal(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    for (int i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

static TypeImpl *type_get_by_name(const char *name)
{
    if (name == NULL) {
        return NULL;
    }
    return g_hash_table_lookup(type_table_get(), name);
}

static TypeImpl *type_get_parent(TypeImpl *ti)
{
    if (ti->parent_type == NULL && ti->parent_name) {
        ti->parent_type = type_get_by_name(ti->parent_name);
        if (ti->parent_type == NULL) {
            fprintf(stderr, "qom: type '%s' has unknown parent type '%s'\n",
                    ti->name, ti->parent_name);
            abort();
        }
    }
    return ti->parent_type;
}

static bool type_is_ancestor(TypeImpl *type, TypeImpl *target)
{
    for (; type; type = type_get_parent(type)) {
        if (type == target) {
            return true;
        }
    }
    return false;
}

static size_t type_class_size(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->class_size) {
            return ti->class_size;
        }
    }
    return sizeof(ObjectClass);
}

static size_t type_instance_size(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->instance_size) {
            return ti->instance_size;
        }
    }
    return 0;
}

static size_t type_instance_align(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->instance_align) {
            return ti->instance_align;
        }
    }
    return 0;
}

static void type_initialize(TypeImpl *ti);

/*
 * Give ti's class its own InterfaceClass for iface.  parent is the type
 * the copy derives from: the interface itself, or the hidden type of the
 * parent class's implementation when the interface is inherited (so the
 * methods the parent class filled in carry over).
 */
static void type_initialize_interface(TypeImpl *ti, TypeImpl *iface,
                                      TypeImpl *parent)
{
    TypeInfo info = { 0 };
    g_autofree char *name = g_strdup_printf("%s::%s", ti->name, iface->name);
    TypeImpl *impl;
    InterfaceClass *ic;

    info.name = name;
    info.parent = parent->name;
    info.abstract = true;
    impl = type_new(&info);
    impl->parent_type = parent;
    type_initialize(impl);

    ic = (InterfaceClass *)impl->class;
    ic->concrete_class = ti->class;
    ic->interface_type = iface;
    ti->class->interfaces = g_slist_append(ti->class->interfaces, ic);
}

static bool type_class_has_interface(TypeImpl *ti, TypeImpl *iface)
{
    for (GSList *e = ti->class->interfaces; e; e = e->next) {
        ObjectClass *ic = e->data;

        if (type_is_ancestor(ic->type, iface)) {
            return true;
        }
    }
    return false;
}

static void type_initialize_interfaces(TypeImpl *ti, TypeImpl *parent)
{
    ti->class->interfaces = NULL;
    for (GSList *e = parent->class->interfaces; e; e = e->next) {
        InterfaceClass *ic = e->data;

        type_initialize_interface(ti, ic->interface_type,
                                  OBJECT_CLASS(ic)->type);
    }
    for (char **n = ti->interface_names; *n; n++) {
        TypeImpl *iface = type_get_by_name(*n);

        if (iface == NULL || !type_is_ancestor(iface, type_interface)) {
            fprintf(stderr, "qom: type '%s' implements unknown interface "
                    "'%s'\n", ti->name, *n);
            abort();
        }
        if (!type_class_has_interface(ti, iface)) {
            type_initialize_interface(ti, iface, iface);
        }
    }
}

static void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent;

    if (ti->class) {
        return;
    }
    ti->class_size = type_class_size(ti);
    ti->instance_size = type_instance_size(ti);
    ti->instance_align = type_instance_align(ti);
    if (ti->instance_size == 0) {
        /* Nothing to instantiate: interfaces and pure class types. */
        ti->abstract = true;
    }

    ti->class = g_malloc0(ti->class_size);
    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
        g_assert(parent->class_size <= ti->class_size);
        memcpy(ti->class, parent->class, parent->class_size);
        type_initialize_interfaces(ti, parent);
    }
    ti->class->type = ti;
    ti->class->properties = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                  NULL, object_property_free);

    for (TypeImpl *p = parent; p; p = type_get_parent(p)) {
        if (p->class_base_init) {
            p->class_base_init(ti->class, ti->class_data);
        }
    }
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

/* Classes. */

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (ti == NULL) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *parent = type_get_parent(klass->type);

    if (parent == NULL) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    TypeImpl *type, *target;
    ObjectClass *found = NULL;
    int matches = 0;

    if (klass == NULL || typename == NULL) {
        return NULL;
    }
    type = klass->type;
    if (strcmp(type->name, typename) == 0) {
        return klass;
    }
    target = type_get_by_name(typename);
    if (target == NULL) {
        return NULL;
    }
    if (klass->interfaces && type_is_ancestor(target, type_interface)) {
        for (GSList *e = klass->interfaces; e; e = e->next) {
            ObjectClass *ic = e->data;

            if (type_is_ancestor(ic->type, target)) {
                found = ic;
                matches++;
            }
        }
        /* Two interfaces deriving from target: no single answer. */
        return matches == 1 ? found : NULL;
    }
    return type_is_ancestor(type, target) ? klass : NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (klass == NULL) {
        return NULL;
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (ret == NULL) {
        fprintf(stderr, "%s:%d:%s: Object class %p (%s) is not a subclass "
                "of type %s\n", file, line, func, (void *)klass,
                klass->type->name, typename);
        abort();
    }
    return ret;
}

static GPtrArray *type_snapshot(void)
{
    GPtrArray *types = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, type_table_get());
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        g_ptr_array_add(types, value);
    }
    return types;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    /* A snapshot: class_init may look types up (never register them). */
    g_autoptr(GPtrArray) types = type_snapshot();

    for (guint i = 0; i < types->len; i++) {
        TypeImpl *ti = g_ptr_array_index(types, i);

        type_initialize(ti);
        if (ti->abstract && !include_abstract) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(ti->class, implements_type)) {
            continue;
        }
        fn(ti->class, opaque);
    }
}

static void object_class_list_add(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(object_class_list_add, implements_type,
                         include_abstract, &list);
    return list;
}

static gint object_class_cmp(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp(object_class_get_name((ObjectClass *)a),
                              object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    return g_slist_sort(object_class_get_list(implements_type,
                                              include_abstract),
                        object_class_cmp);
}

/* Instances. */

static void object_class_property_init_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->init) {
            prop->init(obj, prop);
        }
    }
}

static void object_init_with_type(Object *obj, TypeImpl *ti)
{
    TypeImpl *parent = type_get_parent(ti);

    if (parent) {
        object_init_with_type(obj, parent);
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->instance_post_init) {
            ti->instance_post_init(obj);
        }
    }
}

static void type_check_instantiable(TypeImpl *ti)
{
    type_initialize(ti);
    if (ti->abstract) {
        fprintf(stderr, "qom: cannot instantiate abstract type '%s'\n",
                ti->name);
        abort();
    }
}

static void object_initialize_with_type(void *data, size_t size,
                                        TypeImpl *ti)
{
    Object *obj = data;

    type_check_instantiable(ti);
    g_assert(ti->instance_size >= sizeof(Object));
    g_assert(size >= ti->instance_size);

    memset(obj, 0, ti->instance_size);
    obj->class = ti->class;
    obj->ref = 1;
    object_class_property_init_all(obj);
    object_init_with_type(obj, ti);
    object_post_init_with_type(obj, ti);
}

static TypeImpl *type_get_or_abort(const char *typename, const char *who)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (ti == NULL) {
        fprintf(stderr, "qom: %s: unknown type '%s'\n", who,
                typename ? typename : "(null)");
        abort();
    }
    return ti;
}

static Object *object_new_with_type(TypeImpl *ti)
{
    void (*free_fn)(void *) = g_free;
    Object *obj;

    type_check_instantiable(ti);
    if (ti->instance_align > OBJECT_MALLOC_ALIGN) {
        void *p = NULL;

        if (posix_memalign(&p, ti->instance_align, ti->instance_size)) {
            g_error("qom: out of memory allocating a '%s'", ti->name);
        }
        obj = p;
        free_fn = free;
    } else {
        obj = g_malloc(ti->instance_size);
    }
    object_initialize_with_type(obj, ti->instance_size, ti);
    obj->free = free_fn;
    return obj;
}

Object *object_new(const char *typename)
{
    return object_new_with_type(type_get_or_abort(typename, "object_new"));
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new_with_type(klass->type);
}

void object_initialize(void *obj, size_t size, const char *typename)
{
    object_initialize_with_type(obj, size,
                                type_get_or_abort(typename,
                                                  "object_initialize"));
}

void object_initialize_child(Object *parent, const char *name, void *child,
                             size_t size, const char *type)
{
    object_initialize(child, size, type);
    object_property_add_child(parent, name, OBJECT(child));
    /* The child<> property now holds the only reference. */
    object_unref(child);
}

static void object_finalize(Object *obj)
{
    object_property_del_all(obj);
    for (TypeImpl *ti = obj->class->type; ti; ti = type_get_parent(ti)) {
        if (ti->instance_finalize) {
            ti->instance_finalize(obj);
        }
    }
    g_assert(obj->ref == 0);
    g_assert(obj->parent == NULL);
    if (obj->free) {
        obj->free(obj);
    }
}

Object *object_ref(void *p)
{
    Object *obj = p;

    if (obj == NULL) {
        return NULL;
    }
    /* Atomic: vCPU threads may hold references (e.g. region owners). */
    __atomic_fetch_add(&obj->ref, 1, __ATOMIC_SEQ_CST);
    return obj;
}

void object_unref(void *p)
{
    Object *obj = p;

    if (obj == NULL) {
        return;
    }
    g_assert(obj->ref > 0);
    if (__atomic_sub_fetch(&obj->ref, 1, __ATOMIC_SEQ_CST) == 0) {
        object_finalize(obj);
    }
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj == NULL) {
        return NULL;
    }
    if (object_dynamic_cast(obj, typename) == NULL) {
        fprintf(stderr, "%s:%d:%s: Object %p is not an instance of type %s "
                "(its type is %s)\n", file, line, func, (void *)obj,
                typename, object_get_typename(obj));
        abort();
    }
    return obj;
}
