/*
 * object.h: the QEMU Object Model (a small one).
 *
 * Types are registered at start-up from TypeInfo tables (type_init() runs
 * the registration function before main()).  A type has one parent and may
 * implement interfaces.  Each type has one class object, built lazily on
 * first use: the parent's class is copied into it and then the type's
 * class_init runs, so class_init overrides inherited methods.
 *
 * Instances are created with object_new(typename): zeroed memory of
 * instance_size, then instance_init of each type from the root down.
 * object_unref() dropping the last reference runs instance_finalize from
 * the leaf up and frees.
 *
 * Properties are named and typed ("bool", "uint32", "str", "child<T>",
 * "link<T>", ...) and read and written as strings: the command line,
 * -global, the monitor and tests all speak strings.  Class properties
 * are shared by every instance; instance properties belong to one object.
 *
 * The composition tree: object_property_add_child(parent, name, child)
 * makes child reachable as parent/name; the root is "/" and the machine
 * is "/machine".  object_get_canonical_path() gives "/machine/unattached/
 * device[0]" and object_resolve_path() goes the other way.
 *
 * Casts are checked: OBJECT_CHECK aborts with both type names on a wrong
 * cast (a programming error, never a guest one).
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

typedef struct TypeImpl *Type;
typedef struct ObjectClass ObjectClass;
typedef struct Object Object;
typedef struct InterfaceClass InterfaceClass;
typedef struct ObjectProperty ObjectProperty;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"

typedef struct InterfaceInfo {
    const char *type;
} InterfaceInfo;

typedef struct TypeInfo {
    const char *name;
    const char *parent;

    size_t instance_size;
    size_t instance_align;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    size_t class_size;
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;

    InterfaceInfo *interfaces;   /* terminated by { NULL } */
} TypeInfo;

struct ObjectClass {
    Type type;
    GSList *interfaces;          /* of ObjectClass * (InterfaceClass) */
    GHashTable *properties;      /* name -> ObjectProperty * */
    void (*unparent)(Object *obj);
};

struct Object {
    ObjectClass *class;
    void (*free)(void *obj);
    GHashTable *properties;      /* name -> ObjectProperty * */
    uint32_t ref;
    Object *parent;              /* in the composition tree */
};

struct InterfaceClass {
    ObjectClass parent_class;
    ObjectClass *concrete_class; /* the class implementing it */
    Type interface_type;
};

/* Property accessors.  Values travel as strings. */
typedef char *ObjectPropertyGet(Object *obj, ObjectProperty *prop,
                                Error **errp);
typedef bool ObjectPropertySet(Object *obj, ObjectProperty *prop,
                               const char *value, Error **errp);
typedef void ObjectPropertyRelease(Object *obj, const char *name,
                                   void *opaque);
typedef Object *ObjectPropertyResolve(Object *obj, void *opaque,
                                      const char *part);
typedef void ObjectPropertyInit(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    char *type;                  /* "bool", "uint32", "child<T>", ... */
    char *description;
    ObjectPropertyGet *get;      /* NULL: write-only */
    ObjectPropertySet *set;      /* NULL: read-only */
    ObjectPropertyResolve *resolve; /* child/link: the target object */
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;    /* class properties: default at init */
    char *defval;                /* default as -device help shows it
                                    (numbers bare, strings quoted), or
                                    NULL */
    void *opaque;
};

/*
 * Lifecycle notes (as QEMU):
 * - object_new(): instance memory zeroed, class properties' init hooks
 *   (defaults) run, then instance_init of each type root-first, then
 *   instance_post_init leaf-first (devices apply -global there).
 * - Last object_unref(): every property is released first (instance
 *   then class properties; child<> releases unparent the children, strong
 *   link<> releases drop their targets), then instance_finalize runs
 *   leaf-first, then the memory is freed.  Releasing properties first
 *   keeps the pointers link<> properties hold (e.g. into a device's own
 *   qemu_irq array) valid while they are dropped.
 */

/* Registration. */
Type type_register_static(const TypeInfo *info);
Type type_register(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);

typedef enum {
    MODULE_INIT_QOM,      /* type registration */
    MODULE_INIT_OPTS,     /* option list registration */
    MODULE_INIT_MAX
} module_init_type;

void register_module_init(void (*fn)(void), module_init_type type);
/* Run each registered init function of that kind once, in link order. */
void module_call_init(module_init_type type);

#define module_init(function, type)                                     \
    static void __attribute__((constructor)) do_qemu_init_##function(void) \
    {                                                                   \
        register_module_init(function, type);                           \
    }
#define type_init(function) module_init(function, MODULE_INIT_QOM)
#define opts_init(function) module_init(function, MODULE_INIT_OPTS)

/* Classes. */
ObjectClass *object_class_by_name(const char *typename);
ObjectClass *object_class_get_parent(ObjectClass *klass);
const char *object_class_get_name(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);
/* klass converted to typename (a parent type or interface) or NULL. */
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);
/* Every class of typename or a subtype (abstract ones if asked). */
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);
/* As object_class_foreach, as a list sorted by name (g_slist_free it). */
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);
/* As object_class_get_list_sorted() in no particular order. */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);

/* Instances. */
Object *object_new(const char *typename);
Object *object_new_with_class(ObjectClass *klass);
/* Initialise an object embedded in another (not freed on finalize). */
void object_initialize(void *obj, size_t size, const char *typename);
/* object_initialize() + add as child of parent under name; drops one ref. */
void object_initialize_child(Object *parent, const char *name, void *child,
                             size_t size, const char *type);
Object *object_ref(void *obj);
void object_unref(void *obj);
/* Remove from its parent in the composition tree (drops that ref). */
void object_unparent(Object *obj);

ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);
/* obj converted to typename or NULL. */
Object *object_dynamic_cast(Object *obj, const char *typename);
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

/* Checked casts: use through one per-type helper, e.g. DEVICE(obj). */
#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(klass) ((ObjectClass *)(klass))
#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), \
                                        __FILE__, __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, klass, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(klass), \
                 (name), __FILE__, __LINE__, __func__))
#define OBJECT_GET_CLASS(class_type, obj, name) \
    OBJECT_CLASS_CHECK(class_type, object_get_class(OBJECT(obj)), name)

/*
 * Properties: add.  A name ending in "[*]" takes the first free index
 * ("irq[*]" becomes "irq[0]", then "irq[1]", ...).  Adding a name that
 * exists is a programming error and aborts; object_property_try_add()
 * reports it through errp instead.
 */
ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyGet *get,
                                        ObjectPropertySet *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp);
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);
ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);
void object_property_del(Object *obj, const char *name);
void object_property_set_description(Object *obj, const char *name,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description);

/* Typed convenience properties backed by a field or by callbacks. */
ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **));
ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                        const char *name,
                                        bool (*get)(Object *, Error **),
                                        void (*set)(Object *, bool,
                                                    Error **));
ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                        const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
/* Read-only integer properties pointing at a field of the object. */
ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               const uint32_t *v);
ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               const uint64_t *v);

/*
 * child<TYPE>: parent owns child (takes a reference); child->parent set.
 * Fails (errp) if name exists.  link<TYPE>: a pointer to another object,
 * settable by path when check allows it.
 */
ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp);
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);
typedef enum {
    OBJ_PROP_LINK_STRONG = 0x1,  /* holds a reference on the target */
} ObjectPropertyLinkFlags;
void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         void (*check)(const Object *obj,
                                                       const char *name,
                                                       Object *val,
                                                       Error **errp),
                                         ObjectPropertyLinkFlags flags);
/*
 * A link<type> class property whose target pointer sits at offset in
 * every instance.  check NULL makes it read-only.
 */
ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                        const char *name, const char *type,
                                        ptrdiff_t offset,
                                        void (*check)(const Object *obj,
                                                      const char *name,
                                                      Object *val,
                                                      Error **errp),
                                        ObjectPropertyLinkFlags flags);
/* What kind of property: "child<...>" / "link<...>". */
bool object_property_is_child(const ObjectProperty *prop);
bool object_property_is_link(const ObjectProperty *prop);

/* Properties: look up and access. */
ObjectProperty *object_property_find(Object *obj, const char *name);
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);
/*
 * Iterate instance properties, then class properties from the object's
 * class up to the root (QEMU's order).  Do not add or delete properties
 * while iterating.
 */
typedef struct ObjectPropertyIterator {
    ObjectClass *nextclass;
    GHashTableIter iter;
} ObjectPropertyIterator;
void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);

/*
 * Parse (set) and print (get) as strings.  Errors name the property, as
 * QEMU 7.2: "Property 'e1000.mac' doesn't take value 'x'" is produced by
 * the typed setters; "Property 'isa-serial.foo' not found" (type.name) by
 * the lookup; "Property 'T.name' is not writable" / "... is not readable"
 * for a property without a setter / getter.
 *
 * object_property_set_link() sets a link<> property to the object
 * itself, so the target need not be in the composition tree.
 * object_property_get_link() also resolves child<> properties.
 */
bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp);
char *object_property_print(Object *obj, const char *name, Error **errp);
bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
char *object_property_get_str(Object *obj, const char *name, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/* Class-wide defaults registered with -global / compat props. */
typedef struct GlobalProperty {
    const char *driver;          /* type name (or alias) */
    const char *property;
    const char *value;
    bool used;
    bool optional;
} GlobalProperty;
/* Append to the global list (the caller keeps the strings alive). */
void object_register_global_prop(GlobalProperty *prop);
/*
 * Apply the globals matching obj's type and its parents (a driver name
 * may also be a -device alias), in registration order.  A failure is
 * "can't apply global DRIVER.PROP=VALUE: <reason>"; with errp NULL it is
 * warned and the remaining globals still apply.
 */
bool object_apply_global_props(Object *obj, Error **errp);
/*
 * Globals that matched no object created so far, in registration order
 * (g_list_free the list; qdev_prop_check_globals() warns about them).
 */
GList *object_global_props(void);
/*
 * True while object_apply_global_props() parses a value.  Typed parsers
 * word their errors as QEMU's -global path does ("Parameter 'x' expects
 * uint64") rather than as -device's ("Parameter 'x' expects integer").
 */
bool object_property_parsing_global(void);

/* Composition tree. */
Object *object_get_root(void);
/* "/objects", where -object instances live. */
Object *object_get_objects_root(void);
/* The child's name within its parent, or NULL if it has none. */
const char *object_get_canonical_path_component(const Object *obj);
/* g_free() the result; "/" for the root. */
char *object_get_canonical_path(const Object *obj);
/*
 * Absolute ("/machine/foo") or partial ("foo" matched uniquely anywhere
 * in the tree) path; NULL if not found.  *ambiguous set on >1 match.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
Object *object_resolve_path_component(Object *parent, const char *part);
/*
 * Call fn for each child<> of obj (non-recursive); stops on nonzero and
 * returns that value.  fn may unparent the child it is given, but not
 * other children of obj.
 */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

/* Interfaces. */
#define INTERFACE_CLASS(klass) \
    OBJECT_CLASS_CHECK(InterfaceClass, klass, TYPE_INTERFACE)

#endif
