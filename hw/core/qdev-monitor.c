/*
 * qdev-monitor.c: the user's view of qdev: -device, -device help,
 * "info qtree", device ids, aliases and -global.
 *
 * Implements the -device part of include/hw/qdev-core.h and -global
 * registration from include/hw/qdev-properties.h, matching Debian's
 * QEMU 7.2 output and messages (checked with qemu-system-x86_64 7.2):
 *   -device foo            'foo' is not a valid device model name
 *   -device id=x           Parameter 'driver' is missing
 *   -device device         Parameter 'driver' expects a non-abstract
 *                          device type
 *   -device i440FX-pcihost Parameter 'driver' expects a pluggable device
 *                          type
 *   -M none -device isa-serial
 *                          No 'ISA' bus found for device 'isa-serial'
 *   -device isa-serial,bus=x          Bus 'x' not found
 *   -device virtio-rng-pci,bus=isa.0  Device 'virtio-rng-pci' can't go
 *                                     on ISA bus
 *   -device isa-serial,foo=1          Property 'isa-serial.foo' not found
 *   duplicate id (qdev level)         Duplicate device ID 'a'
 *   device_add isa-serial (running)   Bus 'isa.0' does not support
 *                                     hotplugging
 *   -device foo,help       Device 'foo' not found
 *   -global a=b            Invalid parameter 'a'
 *   -global driver=x       options 'driver', 'property', and 'value' are
 *                          required
 * "-device help" lists user-creatable devices by category; "-device
 * NAME,help" lists NAME's properties as "  name=<type>" padded to 24
 * columns, " - description (default: X)", sorted; "info qtree" prints
 * the bus tree from main-system-bus with two spaces per level.
 * Missing: hotplug handlers (a bus is hotpluggable or not; nothing is
 * told about the plug), device_del.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "qemu/qemu-print.h"
#include "qom/object.h"
#include "qom/container.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "qdev-internal.h"

/* Aliases: QEMU's built-in ones for the PC, then registered ones. */

typedef struct QDevAlias {
    const char *typename;
    const char *alias;
} QDevAlias;

static const QDevAlias qdev_builtin_aliases[] = {
    { "AC97", "ac97" },
    { "e1000", "e1000-82540em" },
    { "ES1370", "es1370" },
    { "ich9-ahci", "ahci" },
    { "lsi53c895a", "lsi" },
    { "virtio-9p-pci", "virtio-9p" },
    { "virtio-balloon-pci", "virtio-balloon" },
    { "virtio-blk-pci", "virtio-blk" },
    { "virtio-gpu-pci", "virtio-gpu" },
    { "virtio-gpu-gl-pci", "virtio-gpu-gl" },
    { "virtio-input-host-pci", "virtio-input-host" },
    { "virtio-iommu-pci", "virtio-iommu" },
    { "virtio-keyboard-pci", "virtio-keyboard" },
    { "virtio-mouse-pci", "virtio-mouse" },
    { "virtio-net-pci", "virtio-net" },
    { "virtio-rng-pci", "virtio-rng" },
    { "virtio-scsi-pci", "virtio-scsi" },
    { "virtio-serial-pci", "virtio-serial" },
    { "virtio-tablet-pci", "virtio-tablet" },
};

static GPtrArray *qdev_aliases;     /* of QDevAlias *, registered */

void qdev_alias_register(const char *typename, const char *alias)
{
    QDevAlias *a = g_new0(QDevAlias, 1);

    a->typename = g_strdup(typename);
    a->alias = g_strdup(alias);
    if (qdev_aliases == NULL) {
        qdev_aliases = g_ptr_array_new();
    }
    g_ptr_array_add(qdev_aliases, a);
}

static const QDevAlias *qdev_alias_find(const char *alias,
                                        const char *typename)
{
    for (guint i = 0; qdev_aliases && i < qdev_aliases->len; i++) {
        const QDevAlias *a = g_ptr_array_index(qdev_aliases, i);

        if ((alias && strcmp(a->alias, alias) == 0) ||
            (typename && strcmp(a->typename, typename) == 0)) {
            return a;
        }
    }
    for (size_t i = 0; i < ARRAY_SIZE(qdev_builtin_aliases); i++) {
        const QDevAlias *a = &qdev_builtin_aliases[i];

        if ((alias && strcmp(a->alias, alias) == 0) ||
            (typename && strcmp(a->typename, typename) == 0)) {
            return a;
        }
    }
    return NULL;
}

const char *qdev_alias_lookup(const char *alias)
{
    const QDevAlias *a = qdev_alias_find(alias, NULL);

    return a ? a->typename : NULL;
}

const char *qdev_class_get_alias(const char *typename)
{
    const QDevAlias *a = qdev_alias_find(NULL, typename);

    return a ? a->alias : NULL;
}

/* -device help */

static bool is_help_option(const char *s)
{
    return strcmp(s, "help") == 0 || strcmp(s, "?") == 0;
}

static void qdev_print_devinfo(DeviceClass *dc)
{
    const char *name = object_class_get_name(OBJECT_CLASS(dc));
    const char *alias = qdev_class_get_alias(name);

    qemu_printf("name \"%s\"", name);
    if (dc->bus_type) {
        qemu_printf(", bus %s", dc->bus_type);
    }
    if (alias) {
        qemu_printf(", alias \"%s\"", alias);
    }
    if (dc->desc) {
        qemu_printf(", desc \"%s\"", dc->desc);
    }
    if (!dc->user_creatable) {
        qemu_printf(", no-user");
    }
    qemu_printf("\n");
}

/* In category cat, or (cat == DEVICE_CATEGORY_MAX) in none at all. */
static bool qdev_in_category(DeviceClass *dc, int cat)
{
    if (cat == DEVICE_CATEGORY_MAX) {
        return dc->categories == 0;
    }
    return dc->categories & (1UL << cat);
}

static void qdev_print_devinfos(bool show_no_user)
{
    static const char *const cat_name[DEVICE_CATEGORY_MAX + 1] = {
        [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
        [DEVICE_CATEGORY_USB] = "USB",
        [DEVICE_CATEGORY_STORAGE] = "Storage",
        [DEVICE_CATEGORY_NETWORK] = "Network",
        [DEVICE_CATEGORY_INPUT] = "Input",
        [DEVICE_CATEGORY_DISPLAY] = "Display",
        [DEVICE_CATEGORY_SOUND] = "Sound",
        [DEVICE_CATEGORY_MISC] = "Misc",
        [DEVICE_CATEGORY_CPU] = "CPU",
        [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
        [DEVICE_CATEGORY_MAX] = "Uncategorized",
    };
    GSList *list = object_class_get_list_sorted(TYPE_DEVICE, false);

    for (int cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool cat_printed = false;

        for (GSList *l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);

            if (!qdev_in_category(dc, cat) ||
                (!show_no_user && !dc->user_creatable)) {
                continue;
            }
            if (!cat_printed) {
                /* Every category after the first starts with a blank. */
                qemu_printf("%s%s devices:\n", cat ? "\n" : "",
                            cat_name[cat]);
                cat_printed = true;
            }
            qdev_print_devinfo(dc);
        }
    }
    g_slist_free(list);
}

/* Properties -device NAME,help leaves out (the object/device basics). */
static bool qdev_help_hides(const char *name)
{
    static const char *const hidden[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus",
    };

    for (size_t i = 0; i < ARRAY_SIZE(hidden); i++) {
        if (strcmp(name, hidden[i]) == 0) {
            return true;
        }
    }
    return strncmp(name, "legacy-", 7) == 0;
}

static char *qdev_prop_help_line(ObjectProperty *prop)
{
    GString *line = g_string_new(NULL);

    g_string_append_printf(line, "  %s=<%s>", prop->name, prop->type);
    if (prop->description || prop->defval) {
        if (line->len < 24) {
            g_string_append_printf(line, "%*s", 24 - (int)line->len, "");
        }
        g_string_append(line, " - ");
        if (prop->description) {
            g_string_append(line, prop->description);
        }
        if (prop->defval) {
            g_string_append_printf(line, " (default: %s)", prop->defval);
        }
    }
    return g_string_free(line, false);
}

static gint help_line_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool qdev_print_props_help(const char *typename, Error **errp)
{
    ObjectClass *klass = object_class_by_name(typename);
    g_autoptr(GPtrArray) lines = NULL;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj;

    if (klass == NULL) {
        error_setg(errp, "Device '%s' not found", typename);
        return false;
    }
    if (!object_class_dynamic_cast(klass, TYPE_DEVICE) ||
        object_class_is_abstract(klass)) {
        error_setg(errp, "Parameter 'typename' expects a non-abstract "
                   "device type");
        return false;
    }
    /* An instance: devices add some properties per object. */
    obj = object_new(typename);
    lines = g_ptr_array_new_with_free_func(g_free);
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        if (!qdev_help_hides(prop->name)) {
            g_ptr_array_add(lines, qdev_prop_help_line(prop));
        }
    }
    object_unref(obj);

    g_ptr_array_sort(lines, help_line_cmp);
    if (lines->len) {
        qemu_printf("%s options:\n", typename);
    } else {
        qemu_printf("There are no options for %s.\n", typename);
    }
    for (guint i = 0; i < lines->len; i++) {
        qemu_printf("%s\n", (char *)g_ptr_array_index(lines, i));
    }
    return true;
}

bool qdev_device_help(QemuOpts *opts)
{
    const char *driver = qemu_opt_get(opts, "driver");
    Error *err = NULL;

    if (driver && is_help_option(driver)) {
        qdev_print_devinfos(false);
        return true;
    }
    if (driver == NULL || !qemu_opt_has_help_opt(opts)) {
        return false;
    }
    if (!object_class_by_name(driver) && qdev_alias_lookup(driver)) {
        driver = qdev_alias_lookup(driver);
    }
    if (!qdev_print_props_help(driver, &err)) {
        error_report_err(err);
    }
    return true;
}

/* -device */

static Object *qdev_get_peripheral(void)
{
    return container_get(qdev_get_machine(), "/peripheral");
}

static Object *qdev_get_peripheral_anon(void)
{
    return container_get(qdev_get_machine(), "/peripheral-anon");
}

static DeviceClass *qdev_get_device_class(const char **driver, Error **errp)
{
    const char *original = *driver;
    ObjectClass *oc = object_class_by_name(*driver);
    DeviceClass *dc;

    if (oc == NULL || object_class_is_abstract(oc)) {
        const char *typename = qdev_alias_lookup(*driver);

        if (typename) {
            *driver = typename;
            oc = object_class_by_name(typename);
        }
    }
    if (!object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        if (*driver != original) {
            error_setg(errp, "'%s' (alias '%s') is not a valid device model "
                       "name", original, *driver);
        } else {
            error_setg(errp, "'%s' is not a valid device model name",
                       *driver);
        }
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'driver' expects a non-abstract device "
                   "type");
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable ||
        (qdev_machine_is_done() && !dc->hotpluggable)) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device "
                   "type");
        return NULL;
    }
    return dc;
}

/* A device on bus by id, else by type name, else by alias. */
static DeviceState *qbus_find_dev(BusState *bus, const char *elem)
{
    for (int pass = 0; pass < 3; pass++) {
        for (GList *l = g_list_last(bus->children); l; l = l->prev) {
            DeviceState *dev = ((BusChild *)l->data)->child;
            const char *type = object_get_typename(OBJECT(dev));
            const char *alias = qdev_class_get_alias(type);

            if ((pass == 0 && dev->id && strcmp(dev->id, elem) == 0) ||
                (pass == 1 && strcmp(type, elem) == 0) ||
                (pass == 2 && alias && strcmp(alias, elem) == 0)) {
                return dev;
            }
        }
    }
    return NULL;
}

/* Hint after a bad device name: what the bus holds, newest first. */
static void qbus_append_dev_list_hint(BusState *bus, Error **errp)
{
    const char *sep = " ";

    error_append_hint(errp, "devices at \"%s\":", bus->name);
    for (GList *l = g_list_last(bus->children); l; l = l->prev) {
        DeviceState *dev = ((BusChild *)l->data)->child;

        error_append_hint(errp, "%s\"%s\"", sep,
                          object_get_typename(OBJECT(dev)));
        if (dev->id) {
            error_append_hint(errp, "/\"%s\"", dev->id);
        }
        sep = ", ";
    }
    error_append_hint(errp, "\n");
}

/* Hint after a bad bus name: the buses the device has. */
static void qbus_append_bus_list_hint(DeviceState *dev, Error **errp)
{
    const char *sep = " ";

    error_append_hint(errp, "child buses at \"%s\":",
                      dev->id ? dev->id : object_get_typename(OBJECT(dev)));
    for (GList *l = dev->child_bus; l; l = l->next) {
        error_append_hint(errp, "%s\"%s\"", sep,
                          ((BusState *)l->data)->name);
        sep = ", ";
    }
    error_append_hint(errp, "\n");
}

/* The bus below dev that a path ending at dev (no bus name) means. */
static BusState *qbus_only_child(DeviceState *dev, const char *elem,
                                 Error **errp)
{
    if (dev->num_child_bus == 1) {
        return dev->child_bus->data;
    }
    if (dev->num_child_bus) {
        error_setg(errp, "Device '%s' has multiple child buses", elem);
        qbus_append_bus_list_hint(dev, errp);
    } else {
        error_setg(errp, "Device '%s' has no child bus", elem);
    }
    return NULL;
}

/* The next non-empty component of a split path, or NULL at its end. */
static const char *path_next(char ***pp)
{
    while (**pp && ***pp == '\0') {
        (*pp)++;
    }
    return **pp ? *(*pp)++ : NULL;
}

static BusState *qbus_find_child_bus(DeviceState *dev, const char *name,
                                     Error **errp)
{
    BusState *bus = qdev_get_child_bus(dev, name);

    if (bus == NULL) {
        error_setg(errp, "Bus '%s' not found", name);
        qbus_append_bus_list_hint(dev, errp);
    }
    return bus;
}

/*
 * bus= paths: "BUS" (a bus name anywhere), "BUS/DEV/BUS/..." or
 * "/DEV/BUS/..." from the main system bus.  DEV is an id, a type name or
 * an alias; a trailing DEV with exactly one child bus means that bus.
 */
static BusState *qbus_find(const char *path, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    char **p = parts;
    const char *name;
    BusState *bus;

    if (path[0] == '/') {
        bus = sysbus_get_default();
    } else {
        name = path_next(&p);
        bus = name ? qbus_find_recursive(sysbus_get_default(), name, NULL)
                   : NULL;
        if (bus == NULL) {
            error_setg(errp, "Bus '%s' not found", name ? name : "");
            return NULL;
        }
    }
    while ((name = path_next(&p)) != NULL) {
        DeviceState *dev = qbus_find_dev(bus, name);
        const char *busname;

        if (dev == NULL) {
            error_setg(errp, "Device '%s' not found", name);
            qbus_append_dev_list_hint(bus, errp);
            return NULL;
        }
        busname = path_next(&p);
        bus = busname ? qbus_find_child_bus(dev, busname, errp)
                      : qbus_only_child(dev, name, errp);
        if (bus == NULL) {
            return NULL;
        }
    }
    if (qbus_is_full(bus)) {
        error_setg(errp, "Bus '%s' is full", path);
        return NULL;
    }
    return bus;
}

/* The bus -device puts a device of class dc on (NULL: none needed). */
static bool qdev_device_find_bus(DeviceClass *dc, const char *driver,
                                 const char *path, BusState **bus,
                                 Error **errp)
{
    *bus = NULL;
    if (path) {
        *bus = qbus_find(path, errp);
        if (*bus == NULL) {
            return false;
        }
        if (dc->bus_type == NULL ||
            !object_dynamic_cast(OBJECT(*bus), dc->bus_type)) {
            error_setg(errp, "Device '%s' can't go on %s bus", driver,
                       object_get_typename(OBJECT(*bus)));
            return false;
        }
    } else if (dc->bus_type) {
        *bus = qbus_find_recursive(sysbus_get_default(), NULL, dc->bus_type);
        if (*bus == NULL || qbus_is_full(*bus)) {
            error_setg(errp, "No '%s' bus found for device '%s'",
                       dc->bus_type, driver);
            return false;
        }
    }
    return true;
}

/* /machine/peripheral/ID, or /machine/peripheral-anon/device[N]. */
static bool qdev_set_id(DeviceState *dev, const char *id, Error **errp)
{
    static int anon_count;
    g_autofree char *name = NULL;
    Object *anon;

    if (id) {
        if (!object_property_try_add_child(qdev_get_peripheral(), id,
                                           OBJECT(dev), NULL)) {
            error_setg(errp, "Duplicate device ID '%s'", id);
            return false;
        }
        dev->id = g_strdup(id);
        return true;
    }
    anon = qdev_get_peripheral_anon();
    name = g_strdup_printf("device[%d]", anon_count++);
    if (object_property_find(anon, name)) {
        object_property_add_child(anon, "device[*]", OBJECT(dev));
    } else {
        object_property_add_child(anon, name, OBJECT(dev));
    }
    return true;
}

/* After machine creation a device needs a bus that takes hotplug. */
static bool qdev_device_hotplug_ok(BusState *bus, const char *driver,
                                   Error **errp)
{
    if (bus == NULL) {
        error_setg(errp, "Device '%s' can not be hotplugged on this "
                   "machine", driver);
        return false;
    }
    if (!bus->hotpluggable) {
        error_setg(errp, "Bus '%s' does not support hotplugging", bus->name);
        return false;
    }
    return true;
}

static int qdev_device_set_prop(void *opaque, const char *name,
                                const char *value, Error **errp)
{
    DeviceState *dev = opaque;

    if (strcmp(name, "driver") == 0 || strcmp(name, "bus") == 0) {
        return 0;
    }
    return object_property_parse(OBJECT(dev), name, value, errp) ? 0 : -1;
}

DeviceState *qdev_device_add(QemuOpts *opts, Error **errp)
{
    const char *driver = qemu_opt_get(opts, "driver");
    DeviceClass *dc;
    DeviceState *dev;
    BusState *bus;

    if (driver == NULL) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    dc = qdev_get_device_class(&driver, errp);
    if (dc == NULL) {
        return NULL;
    }
    if (!qdev_device_find_bus(dc, driver, qemu_opt_get(opts, "bus"), &bus,
                              errp)) {
        return NULL;
    }
    if (qdev_machine_is_done() && !qdev_device_hotplug_ok(bus, driver,
                                                          errp)) {
        return NULL;
    }
    dev = qdev_new(driver);
    if (!qdev_set_id(dev, qemu_opts_id(opts), errp) ||
        qemu_opt_foreach(opts, qdev_device_set_prop, dev, errp) ||
        !qdev_realize(dev, bus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(OBJECT(dev));
        return NULL;
    }
    return dev;
}

DeviceState *qdev_find_by_id(const char *id)
{
    Object *periph = object_resolve_path("/machine/peripheral", NULL);
    Object *obj;

    if (periph == NULL) {
        return NULL;
    }
    obj = object_resolve_path_component(periph, id);
    return (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
}

/* info qtree */

static void qbus_print(BusState *bus, int indent);

static void qdev_print_gpios(DeviceState *dev, int indent)
{
    for (NamedGPIOList *ngl = dev->gpios; ngl; ngl = ngl->next) {
        const char *name = ngl->name ? ngl->name : "";

        if (ngl->num_in) {
            qemu_printf("%*sgpio-in \"%s\" %d\n", indent, "", name,
                        ngl->num_in);
        }
        if (ngl->num_out) {
            qemu_printf("%*sgpio-out \"%s\" %d\n", indent, "", name,
                        ngl->num_out);
        }
    }
}

static void qdev_print_props(DeviceState *dev, Property *props, int indent)
{
    for (Property *prop = props; prop && prop->name; prop++) {
        g_autofree char *value = qdev_prop_format_qtree(OBJECT(dev), prop);

        if (value) {
            qemu_printf("%*s%s = %s\n", indent, "", prop->name,
                        *value ? value : "<null>");
        }
    }
}

static void qdev_print(DeviceState *dev, int indent)
{
    ObjectClass *device_class = object_class_by_name(TYPE_DEVICE);
    ObjectClass *oc;

    qemu_printf("%*sdev: %s, id \"%s\"\n", indent, "",
                object_get_typename(OBJECT(dev)), dev->id ? dev->id : "");
    indent += 2;
    qdev_print_gpios(dev, indent);
    /* The leaf class's own properties first, then each parent's. */
    for (oc = object_get_class(OBJECT(dev)); oc && oc != device_class;
         oc = object_class_get_parent(oc)) {
        qdev_print_props(dev, DEVICE_CLASS(oc)->props_, indent);
    }
    if (dev->parent_bus) {
        BusClass *bc = BUS_GET_CLASS(dev->parent_bus);

        if (bc->print_dev) {
            bc->print_dev(NULL, dev, indent);
        }
    }
    for (GList *l = dev->child_bus; l; l = l->next) {
        qbus_print(l->data, indent);
    }
}

static void qbus_print(BusState *bus, int indent)
{
    qemu_printf("%*sbus: %s\n", indent, "", bus->name);
    indent += 2;
    qemu_printf("%*stype %s\n", indent, "", object_get_typename(OBJECT(bus)));
    for (GList *l = g_list_last(bus->children); l; l = l->prev) {
        qdev_print(((BusChild *)l->data)->child, indent);
    }
}

void qdev_print_qtree(void)
{
    qbus_print(sysbus_get_default(), 0);
}

/* -global */

static QemuOptsList qemu_global_opts = {
    .name = "global",
    .desc = {
        { .name = "driver", .type = QEMU_OPT_STRING },
        { .name = "property", .type = QEMU_OPT_STRING },
        { .name = "value", .type = QEMU_OPT_STRING },
        { NULL }
    },
};

static void qdev_global_register(const char *driver, const char *property,
                                 const char *value)
{
    /* Globals live for the whole run. */
    GlobalProperty *g = g_new0(GlobalProperty, 1);

    g->driver = g_strdup(driver);
    g->property = g_strdup(property);
    g->value = g_strdup(value);
    object_register_global_prop(g);
}

/*
 * QEMU parses the long form noisily: a bare key is warned about as a
 * deprecated short-form boolean before the key itself is refused.
 */
static void qdev_global_warn_flags(const char *str)
{
    g_autofree char *copy = g_strdup(str);
    char *item = copy;

    while (item && *item) {
        char *end = item;

        /* Items end at a single comma; ",," stays inside the item. */
        while (*end && !(end[0] == ',' && end[1] != ',')) {
            end += (end[0] == ',') ? 2 : 1;
        }
        if (*end) {
            *end++ = '\0';
        }
        if (*item && !strchr(item, '=') && !is_help_option(item)) {
            bool neg = strncmp(item, "no", 2) == 0;

            /* A key ends at a comma, even a doubled one. */
            item[strcspn(item, ",")] = '\0';

            warn_report("short-form boolean option '%s' deprecated", item);
            error_printf("Please use %s=%s instead\n", neg ? item + 2 : item,
                         neg ? "off" : "on");
        }
        item = end;
    }
}

bool qdev_prop_register_global_opts(const char *str, Error **errp)
{
    char driver[64], property[64];
    const char *d, *p, *v;
    QemuOpts *opts;
    int offset = 0;

    if (sscanf(str, "%63[^.=].%63[^=]%n", driver, property, &offset) == 2 &&
        str[offset] == '=') {
        qdev_global_register(driver, property, str + offset + 1);
        return true;
    }
    qdev_global_warn_flags(str);
    opts = qemu_opts_parse(&qemu_global_opts, str, false, errp);
    if (opts == NULL) {
        return false;
    }
    d = qemu_opt_get(opts, "driver");
    p = qemu_opt_get(opts, "property");
    v = qemu_opt_get(opts, "value");
    if (d == NULL || p == NULL || v == NULL) {
        error_setg(errp, "options 'driver', 'property', and 'value' are "
                   "required");
    } else {
        qdev_global_register(d, p, v);
    }
    qemu_opts_del(opts);
    return d && p && v;
}
