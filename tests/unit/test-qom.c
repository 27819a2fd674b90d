/*
 * test-qom.c: unit tests for the object model (qom/).
 *
 * Covers type registration and inheritance (init/finalize order, class
 * method overriding, class_base_init), checked and dynamic casts,
 * interfaces, properties (typed, child<>, link<>), the composition tree
 * and path resolution, reference counting, and -global style globals.
 * Expected behaviour is QEMU's documented QOM semantics; message texts
 * are QEMU 7.2's.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom/container.h"
#include "hw/qdev-core.h"

/* An event log the type hooks append to, e.g. "init:base,init:mid". */
static GString *events;

static void log_event(const char *what)
{
    if (events->len) {
        g_string_append_c(events, ',');
    }
    g_string_append(events, what);
}

static void events_reset(void)
{
    g_string_truncate(events, 0);
}

/* Types: test-base <- test-mid <- test-leaf; test-abstract is abstract. */

#define TYPE_TEST_BASE "test-base"
#define TYPE_TEST_MID "test-mid"
#define TYPE_TEST_LEAF "test-leaf"
#define TYPE_TEST_ABSTRACT "test-abstract"
#define TYPE_TEST_IFACE "test-iface"
#define TYPE_TEST_IFACE2 "test-iface2"
#define TYPE_TEST_IMPL "test-impl"
#define TYPE_TEST_IMPL_SUB "test-impl-sub"

typedef struct TestBase {
    Object parent_obj;
    bool flag;
    char *label;
    uint32_t counter;
    Object *peer;
    int finalized_marker;
} TestBase;

typedef struct TestBaseClass {
    ObjectClass parent_class;
    const char *(*describe)(void);
    int base_init_calls;          /* class_base_init runs for this class */
    int depth;
} TestBaseClass;

typedef struct TestLeaf {
    TestBase parent_obj;
    int leaf_value;
} TestLeaf;

#define TEST_BASE(obj) OBJECT_CHECK(TestBase, (obj), TYPE_TEST_BASE)
#define TEST_LEAF(obj) OBJECT_CHECK(TestLeaf, (obj), TYPE_TEST_LEAF)
#define TEST_BASE_CLASS(k) \
    OBJECT_CLASS_CHECK(TestBaseClass, (k), TYPE_TEST_BASE)
#define TEST_BASE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(TestBaseClass, (obj), TYPE_TEST_BASE)

static int finalize_count;

static const char *base_describe(void)
{
    return "base";
}

static const char *mid_describe(void)
{
    return "mid";
}

static bool base_get_flag(Object *obj, Error **errp)
{
    return TEST_BASE(obj)->flag;
}

static void base_set_flag(Object *obj, bool value, Error **errp)
{
    TEST_BASE(obj)->flag = value;
}

static char *base_get_label(Object *obj, Error **errp)
{
    return g_strdup(TEST_BASE(obj)->label ? TEST_BASE(obj)->label : "");
}

static void base_set_label(Object *obj, const char *value, Error **errp)
{
    if (strcmp(value, "bad") == 0) {
        error_setg(errp, "label 'bad' refused");
        return;
    }
    g_free(TEST_BASE(obj)->label);
    TEST_BASE(obj)->label = g_strdup(value);
}

static void base_class_init(ObjectClass *klass, void *data)
{
    TestBaseClass *bc = TEST_BASE_CLASS(klass);

    bc->describe = base_describe;
    bc->depth = 1;
    object_class_property_add_bool(klass, "flag", base_get_flag,
                                   base_set_flag);
}

static void base_class_base_init(ObjectClass *klass, void *data)
{
    TestBaseClass *bc = (TestBaseClass *)klass;

    bc->base_init_calls++;
    bc->depth++;
}

static void base_instance_init(Object *obj)
{
    log_event("init:base");
    object_property_add_str(obj, "label", base_get_label, base_set_label);
}

static void base_post_init(Object *obj)
{
    log_event("post:base");
}

static void base_finalize(Object *obj)
{
    log_event("fin:base");
    g_free(TEST_BASE(obj)->label);
    finalize_count++;
}

static void mid_class_init(ObjectClass *klass, void *data)
{
    TEST_BASE_CLASS(klass)->describe = mid_describe;
}

static void mid_instance_init(Object *obj)
{
    log_event("init:mid");
}

static void mid_finalize(Object *obj)
{
    log_event("fin:mid");
}

static void leaf_instance_init(Object *obj)
{
    log_event("init:leaf");
    TEST_LEAF(obj)->leaf_value = 42;
}

static void leaf_post_init(Object *obj)
{
    log_event("post:leaf");
}

static void leaf_finalize(Object *obj)
{
    log_event("fin:leaf");
}

/* Interfaces: test-iface, test-iface2 (derived from test-iface). */

typedef struct TestIfaceClass {
    InterfaceClass parent_class;
    int (*value)(Object *obj);
} TestIfaceClass;

#define TEST_IFACE_CLASS(k) \
    OBJECT_CLASS_CHECK(TestIfaceClass, (k), TYPE_TEST_IFACE)
#define TEST_IFACE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(TestIfaceClass, (obj), TYPE_TEST_IFACE)

static int impl_value(Object *obj)
{
    return 7;
}

static int impl_sub_value(Object *obj)
{
    return 8;
}

static void impl_class_init(ObjectClass *klass, void *data)
{
    TEST_IFACE_CLASS(klass)->value = impl_value;
}

static void impl_sub_class_init(ObjectClass *klass, void *data)
{
    TEST_IFACE_CLASS(klass)->value = impl_sub_value;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_BASE,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestBase),
        .instance_init = base_instance_init,
        .instance_post_init = base_post_init,
        .instance_finalize = base_finalize,
        .class_size = sizeof(TestBaseClass),
        .class_init = base_class_init,
        .class_base_init = base_class_base_init,
    },
    {
        .name = TYPE_TEST_MID,
        .parent = TYPE_TEST_BASE,
        .instance_init = mid_instance_init,
        .instance_finalize = mid_finalize,
        .class_init = mid_class_init,
    },
    {
        .name = TYPE_TEST_LEAF,
        .parent = TYPE_TEST_MID,
        .instance_size = sizeof(TestLeaf),
        .instance_init = leaf_instance_init,
        .instance_post_init = leaf_post_init,
        .instance_finalize = leaf_finalize,
    },
    {
        .name = TYPE_TEST_ABSTRACT,
        .parent = TYPE_TEST_BASE,
        .abstract = true,
    },
    {
        .name = TYPE_TEST_IFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(TestIfaceClass),
    },
    {
        .name = TYPE_TEST_IFACE2,
        .parent = TYPE_TEST_IFACE,
        .class_size = sizeof(TestIfaceClass),
    },
    {
        .name = TYPE_TEST_IMPL,
        .parent = TYPE_TEST_BASE,
        .class_init = impl_class_init,
        .interfaces = (InterfaceInfo[]) { { TYPE_TEST_IFACE }, { NULL } },
    },
    {
        .name = TYPE_TEST_IMPL_SUB,
        .parent = TYPE_TEST_IMPL,
        .class_init = impl_sub_class_init,
    },
};

/* Registration and inheritance. */

static void test_init_order(void)
{
    Object *obj;

    events_reset();
    obj = object_new(TYPE_TEST_LEAF);
    g_assert_cmpstr(events->str, ==,
                    "init:base,init:mid,init:leaf,post:leaf,post:base");
    g_assert_cmpint(TEST_LEAF(obj)->leaf_value, ==, 42);
    g_assert_cmpuint(obj->ref, ==, 1);

    events_reset();
    object_unref(obj);
    g_assert_cmpstr(events->str, ==, "fin:leaf,fin:mid,fin:base");
}

static void test_class_init_override(void)
{
    ObjectClass *base = object_class_by_name(TYPE_TEST_BASE);
    ObjectClass *mid = object_class_by_name(TYPE_TEST_MID);
    ObjectClass *leaf = object_class_by_name(TYPE_TEST_LEAF);

    g_assert_nonnull(base);
    g_assert_cmpstr(TEST_BASE_CLASS(base)->describe(), ==, "base");
    g_assert_cmpstr(TEST_BASE_CLASS(mid)->describe(), ==, "mid");
    /* The leaf inherits its parent's override. */
    g_assert_cmpstr(TEST_BASE_CLASS(leaf)->describe(), ==, "mid");
    g_assert_true(object_class_get_parent(leaf) == mid);
    g_assert_true(object_class_get_parent(mid) == base);
    g_assert_cmpstr(object_class_get_name(leaf), ==, TYPE_TEST_LEAF);
    g_assert_null(object_class_by_name("no-such-type"));
}

static void test_class_base_init(void)
{
    TestBaseClass *base = TEST_BASE_CLASS(
        object_class_by_name(TYPE_TEST_BASE));
    TestBaseClass *mid = TEST_BASE_CLASS(object_class_by_name(TYPE_TEST_MID));
    TestBaseClass *leaf = TEST_BASE_CLASS(
        object_class_by_name(TYPE_TEST_LEAF));

    /* Not for the type that declares it; once per subclass. */
    g_assert_cmpint(base->base_init_calls, ==, 0);
    g_assert_cmpint(base->depth, ==, 1);
    /* Copied from the parent class, then the hook runs again. */
    g_assert_cmpint(mid->base_init_calls, ==, 1);
    g_assert_cmpint(mid->depth, ==, 2);
    g_assert_cmpint(leaf->base_init_calls, ==, 2);
    g_assert_cmpint(leaf->depth, ==, 3);
}

static void test_abstract(void)
{
    ObjectClass *abs = object_class_by_name(TYPE_TEST_ABSTRACT);
    GSList *all, *concrete;

    g_assert_true(object_class_is_abstract(abs));
    g_assert_false(object_class_is_abstract(
        object_class_by_name(TYPE_TEST_LEAF)));

    all = object_class_get_list_sorted(TYPE_TEST_BASE, true);
    concrete = object_class_get_list_sorted(TYPE_TEST_BASE, false);
    g_assert_nonnull(g_slist_find(all, abs));
    g_assert_null(g_slist_find(concrete, abs));
    g_assert_nonnull(g_slist_find(concrete,
                                  object_class_by_name(TYPE_TEST_LEAF)));
    g_assert_null(g_slist_find(concrete, object_class_by_name(TYPE_OBJECT)));
    g_assert_cmpuint(g_slist_length(all), ==, g_slist_length(concrete) + 1);
    /* Sorted by name. */
    g_assert_cmpstr(object_class_get_name(concrete->data), ==,
                    TYPE_TEST_BASE);
    for (GSList *l = concrete; l->next; l = l->next) {
        g_assert_cmpint(g_ascii_strcasecmp(object_class_get_name(l->data),
                        object_class_get_name(l->next->data)), <, 0);
    }
    g_slist_free(all);
    g_slist_free(concrete);

    if (g_test_subprocess()) {
        object_new(TYPE_TEST_ABSTRACT);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract*test-abstract*");
}

static void test_register_duplicate(void)
{
    static const TypeInfo dup = {
        .name = TYPE_TEST_BASE,
        .parent = TYPE_OBJECT,
    };

    if (g_test_subprocess()) {
        type_register_static(&dup);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test-base*already exists*");
}

static void test_unknown_parent(void)
{
    static const TypeInfo orphan = {
        .name = "test-orphan",
        .parent = "test-no-such-parent",
    };

    if (g_test_subprocess()) {
        type_register_static(&orphan);
        object_class_by_name("test-orphan");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test-orphan*test-no-such-parent*");
}

/* Casts. */

static void test_cast_ok(void)
{
    Object *obj = object_new(TYPE_TEST_LEAF);

    g_assert_true(TEST_BASE(obj) == (TestBase *)obj);
    g_assert_true(TEST_LEAF(obj) == (TestLeaf *)obj);
    g_assert_true(object_dynamic_cast(obj, TYPE_OBJECT) == obj);
    g_assert_true(object_dynamic_cast(obj, TYPE_TEST_MID) == obj);
    g_assert_null(object_dynamic_cast(obj, TYPE_TEST_IMPL));
    g_assert_null(object_dynamic_cast(obj, "no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_TEST_BASE));
    /* A checked cast of NULL is NULL, not an abort. */
    g_assert_null(TEST_BASE(NULL));
    g_assert_true(TEST_BASE_GET_CLASS(obj) ==
                  (TestBaseClass *)object_class_by_name(TYPE_TEST_LEAF));
    g_assert_null(object_class_dynamic_cast(
        object_class_by_name(TYPE_TEST_BASE), TYPE_TEST_LEAF));
    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_TEST_LEAF);
    object_unref(obj);
}

static void test_cast_abort(void)
{
    if (g_test_subprocess()) {
        Object *obj = object_new(TYPE_TEST_BASE);

        TEST_LEAF(obj);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(
        "*is not an instance of type test-leaf*its type is test-base*");
}

static void test_class_cast_abort(void)
{
    if (g_test_subprocess()) {
        TEST_BASE_CLASS(object_class_by_name(TYPE_INTERFACE));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*interface*test-base*");
}

/* Interfaces. */

static void test_interface(void)
{
    Object *impl = object_new(TYPE_TEST_IMPL);
    Object *sub = object_new(TYPE_TEST_IMPL_SUB);
    Object *plain = object_new(TYPE_TEST_BASE);
    ObjectClass *impl_class = object_get_class(impl);
    ObjectClass *ic = object_class_dynamic_cast(impl_class, TYPE_TEST_IFACE);
    ObjectClass *sub_ic;

    g_assert_nonnull(ic);
    g_assert_true(INTERFACE_CLASS(ic)->concrete_class == impl_class);
    g_assert_true(object_class_dynamic_cast(ic, TYPE_INTERFACE) == ic);
    /* An object "is" each interface its class implements. */
    g_assert_true(object_dynamic_cast(impl, TYPE_TEST_IFACE) == impl);
    g_assert_true(object_dynamic_cast(sub, TYPE_TEST_IFACE) == sub);
    g_assert_null(object_dynamic_cast(plain, TYPE_TEST_IFACE));
    g_assert_null(object_dynamic_cast(impl, TYPE_TEST_IFACE2));

    g_assert_cmpint(TEST_IFACE_GET_CLASS(impl)->value(impl), ==, 7);
    g_assert_cmpint(TEST_IFACE_GET_CLASS(sub)->value(sub), ==, 8);
    /* The subclass has its own copy of the inherited interface. */
    sub_ic = object_class_dynamic_cast(object_get_class(sub),
                                       TYPE_TEST_IFACE);
    g_assert_true(sub_ic != ic);
    g_assert_true(INTERFACE_CLASS(sub_ic)->concrete_class ==
                  object_get_class(sub));
    g_assert_cmpint(TEST_IFACE_CLASS(ic)->value(impl), ==, 7);

    object_unref(impl);
    object_unref(sub);
    object_unref(plain);
}

static InterfaceInfo impl2_interfaces[] = {
    { TYPE_TEST_IFACE2 },
    { NULL },
};

static void test_interface_derived(void)
{
    static const TypeInfo impl2 = {
        .name = "test-impl2",
        .parent = TYPE_TEST_BASE,
        .interfaces = impl2_interfaces,
    };
    Object *obj;

    type_register_static(&impl2);
    obj = object_new("test-impl2");
    /* Implementing the derived interface implies the base one. */
    g_assert_true(object_dynamic_cast(obj, TYPE_TEST_IFACE2) == obj);
    g_assert_true(object_dynamic_cast(obj, TYPE_TEST_IFACE) == obj);
    object_unref(obj);
}

/* Properties. */

static void test_prop_bool_str(void)
{
    Object *obj = object_new(TYPE_TEST_BASE);
    Error *err = NULL;
    char *s;

    g_assert_true(object_property_set_bool(obj, "flag", true, &error_abort));
    g_assert_true(TEST_BASE(obj)->flag);
    g_assert_true(object_property_get_bool(obj, "flag", &error_abort));
    g_assert_true(object_property_parse(obj, "flag", "off", &error_abort));
    g_assert_false(TEST_BASE(obj)->flag);
    s = object_property_print(obj, "flag", &error_abort);
    g_assert_cmpstr(s, ==, "false");
    g_free(s);
    g_assert_false(object_property_parse(obj, "flag", "maybe", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'flag' expects 'on' or 'off'");
    error_free(err);
    err = NULL;

    g_assert_true(object_property_set_str(obj, "label", "hello",
                                          &error_abort));
    s = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(s, ==, "hello");
    g_free(s);
    g_assert_false(object_property_set_str(obj, "label", "bad", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "label 'bad' refused");
    error_free(err);
    err = NULL;

    g_assert_cmpstr(object_property_get_type(obj, "flag", NULL), ==, "bool");
    g_assert_cmpstr(object_property_get_type(obj, "label", NULL), ==,
                    "string");
    s = object_property_get_str(obj, "type", &error_abort);
    g_assert_cmpstr(s, ==, TYPE_TEST_BASE);
    g_free(s);
    object_unref(obj);
}

static void test_prop_errors(void)
{
    Object *obj = object_new(TYPE_TEST_BASE);
    Error *err = NULL;

    g_assert_null(object_property_find(obj, "nope"));
    g_assert_false(object_property_parse(obj, "nope", "1", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-base.nope' not found");
    error_free(err);
    err = NULL;

    g_assert_false(object_property_set_str(obj, "type", "x", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-base.type' is not writable");
    error_free(err);
    err = NULL;

    g_assert_null(object_property_try_add(obj, "label", "string", NULL,
                                          NULL, NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "attempt to add duplicate property 'label' to object "
                    "(type 'test-base')");
    error_free(err);
    object_unref(obj);
}

static void test_prop_duplicate_abort(void)
{
    if (g_test_subprocess()) {
        Object *obj = object_new(TYPE_TEST_BASE);

        object_property_add_bool(obj, "label", base_get_flag, NULL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*duplicate property 'label'*");
}

static int release_count;

static void count_release(Object *obj, const char *name, void *opaque)
{
    release_count++;
}

static void test_prop_wildcard_and_del(void)
{
    Object *obj = object_new(TYPE_TEST_BASE);
    ObjectProperty *p0, *p1;

    p0 = object_property_add(obj, "irq[*]", "int", NULL, NULL,
                             count_release, NULL);
    p1 = object_property_add(obj, "irq[*]", "int", NULL, NULL,
                             count_release, NULL);
    g_assert_cmpstr(p0->name, ==, "irq[0]");
    g_assert_cmpstr(p1->name, ==, "irq[1]");
    object_property_del(obj, "irq[0]");
    g_assert_cmpint(release_count, ==, 1);
    g_assert_null(object_property_find(obj, "irq[0]"));
    /* The first free index is reused. */
    p0 = object_property_add(obj, "irq[*]", "int", NULL, NULL,
                             count_release, NULL);
    g_assert_cmpstr(p0->name, ==, "irq[0]");
    object_unref(obj);
    /* Finalize releases the rest. */
    g_assert_cmpint(release_count, ==, 3);
    release_count = 0;
}

static void test_prop_iterate(void)
{
    Object *a = object_new(TYPE_TEST_LEAF);
    Object *b = object_new(TYPE_TEST_LEAF);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    uint32_t v = 5;
    uint64_t w = UINT64_MAX;

    object_property_add_uint32_ptr(a, "count", &v);
    object_property_add_uint64_ptr(a, "big", &w);
    g_assert_cmpuint(object_property_get_uint(a, "count", &error_abort), ==,
                     5);
    g_assert_cmpuint(object_property_get_uint(a, "big", &error_abort), ==,
                     UINT64_MAX);
    object_property_iter_init(&iter, a);
    while ((prop = object_property_iter_next(&iter))) {
        g_assert_false(g_hash_table_contains(seen, prop->name));
        g_hash_table_add(seen, prop->name);
    }
    /* type, flag (class); label, count, big (instance). */
    g_assert_cmpuint(g_hash_table_size(seen), ==, 5);
    g_assert_true(g_hash_table_contains(seen, "type"));
    g_assert_true(g_hash_table_contains(seen, "flag"));
    g_assert_true(g_hash_table_contains(seen, "count"));

    /* Class properties are shared; instance properties are not. */
    g_assert_true(object_property_find(a, "flag") ==
                  object_property_find(b, "flag"));
    g_assert_true(object_property_find(a, "label") !=
                  object_property_find(b, "label"));
    g_assert_null(object_property_find(b, "count"));
    g_assert_nonnull(object_class_property_find(
        object_class_by_name(TYPE_TEST_LEAF), "flag"));
    g_assert_null(object_class_property_find(
        object_class_by_name(TYPE_TEST_LEAF), "label"));

    g_hash_table_destroy(seen);
    object_unref(a);
    object_unref(b);
}

/* child<> and the composition tree. */

static void test_child_refcount(void)
{
    Object *parent = object_new(TYPE_TEST_BASE);
    Object *child = object_new(TYPE_TEST_LEAF);

    finalize_count = 0;
    object_property_add_child(parent, "kid", child);
    g_assert_cmpuint(child->ref, ==, 2);
    g_assert_true(child->parent == parent);
    g_assert_cmpstr(object_property_get_type(parent, "kid", NULL), ==,
                    "child<test-leaf>");
    g_assert_true(object_resolve_path_component(parent, "kid") == child);
    g_assert_true(object_property_get_link(parent, "kid", NULL) == child);
    g_assert_cmpstr(object_get_canonical_path_component(child), ==, "kid");
    /* Not under the root: no canonical path. */
    g_assert_null(object_get_canonical_path(child));

    object_unref(child);
    g_assert_cmpint(finalize_count, ==, 0);
    object_unparent(child);
    g_assert_cmpint(finalize_count, ==, 1);
    g_assert_null(object_property_find(parent, "kid"));

    /* A parent's finalize drops its children. */
    child = object_new(TYPE_TEST_LEAF);
    object_property_add_child(parent, "kid2", child);
    object_unref(child);
    object_unref(parent);
    g_assert_cmpint(finalize_count, ==, 3);
}

static void test_initialize_child(void)
{
    typedef struct Holder {
        TestBase parent_obj;
        TestLeaf embedded;
    } Holder;
    Object *holder = object_new(TYPE_TEST_BASE);
    Holder *h = g_new0(Holder, 1);

    finalize_count = 0;
    object_initialize_child(holder, "inner", &h->embedded,
                            sizeof(h->embedded), TYPE_TEST_LEAF);
    g_assert_cmpuint(OBJECT(&h->embedded)->ref, ==, 1);
    g_assert_true(OBJECT(&h->embedded)->parent == holder);
    g_assert_cmpint(h->embedded.leaf_value, ==, 42);
    object_unref(holder);
    /* The embedded child is finalized but not freed by QOM. */
    g_assert_cmpint(finalize_count, ==, 2);
    g_free(h);
}

static void test_paths(void)
{
    Object *root = object_get_root();
    Object *top = container_get(root, "/test-paths/a");
    Object *one = object_new(TYPE_TEST_LEAF);
    Object *two = object_new(TYPE_TEST_BASE);
    Object *b = container_get(root, "/test-paths/b");
    Object *three = object_new(TYPE_TEST_MID);
    bool ambiguous = true;
    g_autofree char *path = NULL;

    g_assert_cmpstr(object_get_typename(top), ==, TYPE_CONTAINER);
    g_assert_true(container_get(root, "test-paths//a/") == top);
    object_property_add_child(top, "thing", one);
    object_property_add_child(b, "thing", two);
    object_property_add_child(b, "unique-thing", three);
    object_unref(one);
    object_unref(two);
    object_unref(three);

    path = object_get_canonical_path(one);
    g_assert_cmpstr(path, ==, "/test-paths/a/thing");
    g_assert_true(object_resolve_path("/test-paths/a/thing", &ambiguous) ==
                  one);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("/", NULL) == root);
    g_assert_null(object_resolve_path("/test-paths/c", NULL));

    /* Partial paths: unique anywhere, else ambiguous. */
    g_assert_true(object_resolve_path("a/thing", &ambiguous) == one);
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path("thing", &ambiguous));
    g_assert_true(ambiguous);
    g_assert_true(object_resolve_path("unique-thing", &ambiguous) == three);
    g_assert_false(ambiguous);
    /* A type narrows the candidates. */
    g_assert_true(object_resolve_path_type("thing", TYPE_TEST_LEAF,
                                           &ambiguous) == one);
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path_type("/test-paths/a/thing",
                                           TYPE_TEST_IMPL, NULL));

    object_unparent(object_resolve_path("/test-paths", NULL));
    g_assert_null(object_resolve_path("/test-paths/a", NULL));
}

static int count_child(Object *child, void *opaque)
{
    (*(int *)opaque)++;
    return 0;
}

static int stop_at_leaf(Object *child, void *opaque)
{
    return object_dynamic_cast(child, TYPE_TEST_LEAF) ? 99 : 0;
}

static void test_child_foreach(void)
{
    Object *top = object_new(TYPE_CONTAINER);
    Object *mid = container_get(top, "x/y");
    int n = 0;

    container_get(top, "z");
    object_property_add_child(mid, "leaf", object_new(TYPE_TEST_LEAF));
    object_unref(object_resolve_path_component(mid, "leaf"));

    g_assert_cmpint(object_child_foreach(top, count_child, &n), ==, 0);
    g_assert_cmpint(n, ==, 2);
    n = 0;
    g_assert_cmpint(object_child_foreach_recursive(top, count_child, &n),
                    ==, 0);
    g_assert_cmpint(n, ==, 4);
    g_assert_cmpint(object_child_foreach_recursive(top, stop_at_leaf, NULL),
                    ==, 99);
    object_unref(top);
}

static void test_objects_root(void)
{
    g_autofree char *path = object_get_canonical_path(
        object_get_objects_root());

    g_assert_cmpstr(path, ==, "/objects");
    g_assert_true(object_get_objects_root() ==
                  object_resolve_path("/objects", NULL));
}

/* link<> */

static void test_link(void)
{
    Object *holder = object_new(TYPE_TEST_BASE);
    Object *target = object_new(TYPE_TEST_LEAF);
    Object *other = object_new(TYPE_TEST_BASE);
    Object *dir = container_get(object_get_root(), "/test-link");
    TestBase *hb = TEST_BASE(holder);
    Object *deep;
    bool ambiguous = true;
    Error *err = NULL;
    g_autofree char *path = NULL;

    finalize_count = 0;
    object_property_add_link(holder, "peer", TYPE_TEST_LEAF, &hb->peer,
                             object_property_allow_set_link,
                             OBJ_PROP_LINK_STRONG);
    g_assert_cmpstr(object_property_get_type(holder, "peer", NULL), ==,
                    "link<test-leaf>");

    /* Directly: the target need not be in the tree. */
    g_assert_true(object_property_set_link(holder, "peer", target,
                                           &error_abort));
    g_assert_true(hb->peer == target);
    g_assert_cmpuint(target->ref, ==, 2);
    g_assert_false(object_property_set_link(holder, "peer", other, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'peer', expected: test-leaf");
    error_free(err);
    err = NULL;

    /* By path. */
    object_property_add_child(dir, "t", target);
    object_property_add_child(dir, "o", other);
    g_assert_true(object_property_parse(holder, "peer", "", &error_abort));
    g_assert_null(hb->peer);
    g_assert_cmpuint(target->ref, ==, 2);
    g_assert_true(object_property_parse(holder, "peer", "/test-link/t",
                                        &error_abort));
    g_assert_true(hb->peer == target);
    path = object_property_print(holder, "peer", &error_abort);
    g_assert_cmpstr(path, ==, "/test-link/t");
    g_assert_true(object_property_get_link(holder, "peer", NULL) == target);

    g_assert_false(object_property_parse(holder, "peer", "/test-link/o",
                                         &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'peer', expected: test-leaf");
    error_free(err);
    err = NULL;
    g_assert_false(object_property_parse(holder, "peer", "/nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device '/nope' not found");
    error_free(err);
    err = NULL;

    /*
     * Links are followed in absolute paths; a partial path search only
     * descends child<> edges, so an object reachable both as a child and
     * through a link is still found once.
     */
    object_property_add_child(dir, "h", holder);
    g_assert_true(object_resolve_path("/test-link/h/peer", NULL) == target);
    deep = container_get(target, "deep-unique");
    g_assert_true(object_resolve_path("/test-link/h/peer/deep-unique",
                                      NULL) == deep);
    g_assert_true(object_resolve_path("deep-unique", &ambiguous) == deep);
    g_assert_false(ambiguous);

    object_unref(target);
    object_unref(other);
    object_unref(holder);
    g_assert_cmpint(finalize_count, ==, 0);
    object_unparent(dir);
    g_assert_cmpint(finalize_count, ==, 3);
}

static void test_link_ambiguous_and_readonly(void)
{
    Object *holder = object_new(TYPE_TEST_BASE);
    Object *dir = container_get(object_get_root(), "/test-link2");
    Object *peer = NULL;
    Error *err = NULL;

    object_property_add_child(container_get(dir, "a"), "dup",
                              object_new(TYPE_TEST_BASE));
    object_property_add_child(container_get(dir, "b"), "dup",
                              object_new(TYPE_TEST_BASE));
    object_unref(object_resolve_path("/test-link2/a/dup", NULL));
    object_unref(object_resolve_path("/test-link2/b/dup", NULL));

    object_property_add_link(holder, "p", TYPE_TEST_BASE, &peer,
                             object_property_allow_set_link, 0);
    g_assert_false(object_property_parse(holder, "p", "dup", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Path 'dup' does not uniquely identify an object");
    error_free(err);
    err = NULL;
    g_assert_true(object_property_parse(holder, "p", "a/dup", &error_abort));
    /* A weak link takes no reference. */
    g_assert_cmpuint(peer->ref, ==, 1);

    object_property_add_link(holder, "ro", TYPE_TEST_BASE, &peer, NULL, 0);
    g_assert_false(object_property_parse(holder, "ro", "", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-base.ro' is not writable");
    error_free(err);
    object_unref(holder);
    object_unparent(dir);
}

/* Globals. */

#define TYPE_TEST_GLOBAL "test-global-obj"
#define TYPE_TEST_GLOBAL_SUB "test-global-sub"

static void global_obj_init(Object *obj)
{
    object_property_add_str(obj, "label", base_get_label, base_set_label);
}

static const TypeInfo global_types[] = {
    {
        .name = TYPE_TEST_GLOBAL,
        .parent = TYPE_TEST_BASE,
    },
    {
        .name = TYPE_TEST_GLOBAL_SUB,
        .parent = TYPE_TEST_GLOBAL,
    },
    {
        .name = "test-global-bad",
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestBase),
        .instance_init = global_obj_init,
    },
};

static void test_globals(void)
{
    static GlobalProperty flag_on = {
        .driver = TYPE_TEST_GLOBAL, .property = "flag", .value = "on",
    };
    static GlobalProperty label = {
        .driver = TYPE_TEST_GLOBAL_SUB, .property = "label", .value = "sub",
    };
    static GlobalProperty unused = {
        .driver = "test-nobody", .property = "x", .value = "1",
    };
    static GlobalProperty optional = {
        .driver = TYPE_TEST_GLOBAL, .property = "absent", .value = "1",
        .optional = true,
    };
    Object *base, *sub;
    GList *left;

    object_register_global_prop(&flag_on);
    object_register_global_prop(&label);
    object_register_global_prop(&unused);
    object_register_global_prop(&optional);

    base = object_new(TYPE_TEST_GLOBAL);
    sub = object_new(TYPE_TEST_GLOBAL_SUB);
    g_assert_true(object_apply_global_props(base, &error_abort));
    g_assert_true(object_apply_global_props(sub, &error_abort));
    g_assert_true(TEST_BASE(base)->flag);
    g_assert_null(TEST_BASE(base)->label);
    /* A global for a parent type applies to subtypes too. */
    g_assert_true(TEST_BASE(sub)->flag);
    g_assert_cmpstr(TEST_BASE(sub)->label, ==, "sub");
    g_assert_true(flag_on.used);
    g_assert_false(optional.used);

    left = object_global_props();
    g_assert_nonnull(g_list_find(left, &unused));
    g_assert_nonnull(g_list_find(left, &optional));
    g_assert_null(g_list_find(left, &flag_on));
    g_list_free(left);
    object_unref(base);
    object_unref(sub);
}

static void test_globals_error(void)
{
    static GlobalProperty bad = {
        .driver = "test-global-bad", .property = "label", .value = "bad",
    };
    Object *obj = object_new("test-global-bad");
    Error *err = NULL;

    object_register_global_prop(&bad);
    g_assert_false(object_apply_global_props(obj, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "can't apply global test-global-bad.label=bad: "
                    "label 'bad' refused");
    error_free(err);
    g_assert_false(object_property_parsing_global());
    object_unref(obj);
}

static void test_globals_warn(void)
{
    static GlobalProperty bad = {
        .driver = "test-global-bad", .property = "label", .value = "bad",
    };

    if (g_test_subprocess()) {
        Object *obj = object_new("test-global-bad");

        object_register_global_prop(&bad);
        /* No errp: warn and carry on. */
        g_assert_true(object_apply_global_props(obj, NULL));
        object_unref(obj);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*warning: can't apply global "
                              "test-global-bad.label=bad: label 'bad' "
                              "refused*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    events = g_string_new(NULL);
    module_call_init(MODULE_INIT_QOM);
    type_register_static_array(test_types, ARRAY_SIZE(test_types));
    type_register_static_array(global_types, ARRAY_SIZE(global_types));

    g_test_add_func("/qom/type/init-order", test_init_order);
    g_test_add_func("/qom/type/class-init-override",
                    test_class_init_override);
    g_test_add_func("/qom/type/class-base-init", test_class_base_init);
    g_test_add_func("/qom/type/abstract", test_abstract);
    g_test_add_func("/qom/type/register-duplicate", test_register_duplicate);
    g_test_add_func("/qom/type/unknown-parent", test_unknown_parent);
    g_test_add_func("/qom/cast/ok", test_cast_ok);
    g_test_add_func("/qom/cast/abort", test_cast_abort);
    g_test_add_func("/qom/cast/class-abort", test_class_cast_abort);
    g_test_add_func("/qom/interface/basic", test_interface);
    g_test_add_func("/qom/interface/derived", test_interface_derived);
    g_test_add_func("/qom/prop/bool-str", test_prop_bool_str);
    g_test_add_func("/qom/prop/errors", test_prop_errors);
    g_test_add_func("/qom/prop/duplicate-abort", test_prop_duplicate_abort);
    g_test_add_func("/qom/prop/wildcard-del", test_prop_wildcard_and_del);
    g_test_add_func("/qom/prop/iterate", test_prop_iterate);
    g_test_add_func("/qom/tree/child-refcount", test_child_refcount);
    g_test_add_func("/qom/tree/initialize-child", test_initialize_child);
    g_test_add_func("/qom/tree/paths", test_paths);
    g_test_add_func("/qom/tree/child-foreach", test_child_foreach);
    g_test_add_func("/qom/tree/objects-root", test_objects_root);
    g_test_add_func("/qom/link/basic", test_link);
    g_test_add_func("/qom/link/ambiguous-readonly",
                    test_link_ambiguous_and_readonly);
    g_test_add_func("/qom/global/apply", test_globals);
    g_test_add_func("/qom/global/error", test_globals_error);
    g_test_add_func("/qom/global/warn", test_globals_warn);
    return g_test_run();
}
