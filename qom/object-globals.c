/*
 * object-globals.c: global property defaults (-global DRIVER.PROP=VALUE).
 *
 * A global names a type (or a -device alias), a property and a value; it
 * applies to every new object of that type or of a subtype, in
 * registration order, right after instance initialisation (devices do it
 * from their instance_post_init).  As in QEMU 7.2, a value that does not
 * parse reads "can't apply global DRIVER.PROP=VALUE: REASON", and the
 * parsers word REASON as QEMU's -global path does (see
 * object_property_parsing_global()).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "hw/qdev-core.h"

static GPtrArray *global_props;
static int global_parse_depth;

void object_register_global_prop(GlobalProperty *prop)
{
    if (global_props == NULL) {
        global_props = g_ptr_array_new();
    }
    g_ptr_array_add(global_props, prop);
}

bool object_property_parsing_global(void)
{
    return global_parse_depth > 0;
}

static bool global_prop_matches(Object *obj, const char *driver)
{
    const char *typename;

    if (object_dynamic_cast(obj, driver)) {
        return true;
    }
    typename = qdev_alias_lookup(driver);
    return typename && object_dynamic_cast(obj, typename);
}

static bool global_prop_apply(Object *obj, GlobalProperty *p, Error **errp)
{
    Error *err = NULL;
    bool ok;

    global_parse_depth++;
    ok = object_property_parse(obj, p->property, p->value, &err);
    global_parse_depth--;
    if (ok) {
        return true;
    }
    error_prepend(&err, "can't apply global %s.%s=%s: ", p->driver,
                  p->property, p->value);
    if (errp == NULL) {
        /* No one to hand it to: warn and go on with the next global. */
        warn_report_err(err);
        return true;
    }
    error_propagate(errp, err);
    return false;
}

bool object_apply_global_props(Object *obj, Error **errp)
{
    if (global_props == NULL) {
        return true;
    }
    for (guint i = 0; i < global_props->len; i++) {
        GlobalProperty *p = g_ptr_array_index(global_props, i);

        if (!global_prop_matches(obj, p->driver)) {
            continue;
        }
        if (p->optional && !object_property_find(obj, p->property)) {
            continue;
        }
        p->used = true;
        if (!global_prop_apply(obj, p, errp)) {
            return false;
        }
    }
    return true;
}

GList *object_global_props(void)
{
    GList *list = NULL;

    for (guint i = 0; global_props && i < global_props->len; i++) {
        GlobalProperty *p = g_ptr_array_index(global_props, i);

        if (!p->used) {
            list = g_list_append(list, p);
        }
    }
    return list;
}
