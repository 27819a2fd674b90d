/*
 * test-qdev.c: unit tests for qdev (hw/core): static properties, realize,
 * GPIO lines, buses and reset, -device, -device help, -global and
 * "info qtree".
 *
 * Expected texts are Debian QEMU 7.2's (qemu-system-x86_64 was run as
 * the oracle for each message and output shape; see the header comments
 * of hw/core/qdev-properties.c and qdev-monitor.c), applied to the fake
 * device and bus types defined here.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "qemu/qemu-print.h"
#include "qom/object.h"
#include "qom/container.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "exec/memory.h"

#define TYPE_TEST_BUS "TEST"
#define TYPE_TEST_SMALL_BUS "test-small-bus"
#define TYPE_TEST_DEV "test-dev"
#define TYPE_TEST_DEV_G "test-dev-g"
#define TYPE_TEST_DEV_G2 "test-dev-g2"
#define TYPE_TEST_DEV_G3 "test-dev-g3"
#define TYPE_TEST_BRIDGE "test-bridge"
#define TYPE_TEST_HOST "test-host"
#define TYPE_TEST_GPIO "test-gpio"
#define TYPE_TEST_ABSTRACT_DEV "test-abstract-dev"
#define TYPE_TEST_ORPHAN "test-orphan-dev"
#define TYPE_TEST_BARE "test-bare"
#define TYPE_TEST_SMALL_DEV "test-small-dev"

static GString *reset_log;
static int finalize_count;

static void log_reset(const char *kind, const char *id)
{
    if (reset_log->len) {
        g_string_append_c(reset_log, ',');
    }
    g_string_append_printf(reset_log, "%s:%s", kind, id ? id : "");
}

/* The TEST bus: prints one extra qtree line per device. */

static void test_bus_print_dev(void *mon, DeviceState *dev, int indent)
{
    qemu_printf("%*sbus-info\n", indent, "");
}

static void test_bus_reset(BusState *bus)
{
    log_reset("bus", bus->name);
}

static void test_bus_class_init(ObjectClass *klass, void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->print_dev = test_bus_print_dev;
    bc->reset = test_bus_reset;
}

static void test_small_bus_class_init(ObjectClass *klass, void *data)
{
    BUS_CLASS(klass)->max_dev = 1;
}

static void test_bus_finalize(Object *obj)
{
    finalize_count++;
}

/* test-dev: one static property of every kind. */

typedef struct TestDev {
    DeviceState parent_obj;

    uint32_t bits;
    bool flag;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    int32_t i32;
    uint64_t u64;
    int64_t i64;
    uint64_t size;
    char *str;
    MACAddr mac;
    OnOffAuto ooa;
    DeviceState *peer;
    bool fail;

    bool gpio_done;
    qemu_irq irq_out;
    int realize_count;
    int unrealize_count;
    int last_level;
} TestDev;

#define TEST_DEV(obj) OBJECT_CHECK(TestDev, (obj), TYPE_TEST_DEV)

static Property test_dev_props[] = {
    DEFINE_PROP_BIT("b0", TestDev, bits, 0, true),
    DEFINE_PROP_BIT("b3", TestDev, bits, 3, false),
    DEFINE_PROP_BOOL("flag", TestDev, flag, false),
    DEFINE_PROP_UINT8("u8", TestDev, u8, 7),
    DEFINE_PROP_UINT16("u16", TestDev, u16, 0x1234),
    DEFINE_PROP_UINT32("u32", TestDev, u32, -1),
    DEFINE_PROP_INT32("i32", TestDev, i32, -1),
    DEFINE_PROP_UINT64("u64", TestDev, u64, 0),
    DEFINE_PROP_INT64("i64", TestDev, i64, -5),
    DEFINE_PROP_SIZE("size", TestDev, size, 2 * GiB),
    DEFINE_PROP_STRING("str", TestDev, str),
    DEFINE_PROP_MACADDR("mac", TestDev, mac),
    DEFINE_PROP_ON_OFF_AUTO("ooa", TestDev, ooa, ON_OFF_AUTO_AUTO),
    DEFINE_PROP_LINK("peer", TestDev, peer, TYPE_TEST_DEV, DeviceState *),
    DEFINE_PROP_BOOL("fail", TestDev, fail, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void test_dev_irq(void *opaque, int n, int level)
{
    TEST_DEV(opaque)->last_level = level;
}

static void test_dev_realize(DeviceState *dev, Error **errp)
{
    TestDev *s = TEST_DEV(dev);

    if (s->fail) {
        error_setg(errp, "test-dev refuses to realize");
        return;
    }
    if (!s->gpio_done) {
        qdev_init_gpio_in(dev, test_dev_irq, 1);
        qdev_init_gpio_out_named(dev, &s->irq_out, "irq-out", 1);
        s->gpio_done = true;
    }
    s->realize_count++;
}

static void test_dev_unrealize(DeviceState *dev)
{
    TEST_DEV(dev)->unrealize_count++;
}

static void test_dev_reset(DeviceState *dev)
{
    log_reset("dev", dev->id);
}

static void test_dev_finalize(Object *obj)
{
    finalize_count++;
}

static void test_dev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_TEST_BUS;
    dc->desc = "Test device";
    dc->realize = test_dev_realize;
    dc->unrealize = test_dev_unrealize;
    dc->reset = test_dev_reset;
    set_bit_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, test_dev_props);
}

/* Subtypes of test-dev that only the -global tests create. */
static void test_dev_g_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->user_creatable = false;
}

/* test-bridge: a TEST device with a TEST bus below it. */

static void test_bridge_realize(DeviceState *dev, Error **errp)
{
    qbus_new(TYPE_TEST_BUS, dev, NULL);
}

static void test_bridge_reset(DeviceState *dev)
{
    log_reset("bridge", dev->id);
}

static void test_bridge_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_TEST_BUS;
    dc->desc = "Test bridge";
    dc->realize = test_bridge_realize;
    dc->reset = test_bridge_reset;
    dc->hotpluggable = false;
    set_bit_category(dc, DEVICE_CATEGORY_BRIDGE);
}

/* test-host: a sysbus device owning a TEST bus, one MMIO region, one IRQ. */

typedef struct TestHost {
    SysBusDevice parent_obj;
    MemoryRegion mr;
    qemu_irq irq;
} TestHost;

#define TEST_HOST(obj) OBJECT_CHECK(TestHost, (obj), TYPE_TEST_HOST)

static void test_host_init(Object *obj)
{
    TestHost *s = TEST_HOST(obj);

    /* Only the size matters to qdev; no memory API here. */
    s->mr.size = 0x1000;
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mr);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void test_host_realize(DeviceState *dev, Error **errp)
{
    qbus_new(TYPE_TEST_BUS, dev, NULL);
}

static void test_host_reset(DeviceState *dev)
{
    log_reset("host", dev->id);
}

static void test_host_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = test_host_realize;
    dc->reset = test_host_reset;
}

/* test-gpio: no bus; GPIO lines from instance_init. */

typedef struct TestGpio {
    DeviceState parent_obj;
    qemu_irq out[2];
    qemu_irq nout;
    int last_n;
    int last_level;
    int ctl_level;
    int calls;
} TestGpio;

#define TEST_GPIO(obj) OBJECT_CHECK(TestGpio, (obj), TYPE_TEST_GPIO)

static void test_gpio_in(void *opaque, int n, int level)
{
    TestGpio *s = TEST_GPIO(opaque);

    s->last_n = n;
    s->last_level = level;
    s->calls++;
}

static void test_gpio_ctl(void *opaque, int n, int level)
{
    TEST_GPIO(opaque)->ctl_level = level;
}

static void test_gpio_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    TestGpio *s = TEST_GPIO(obj);

    qdev_init_gpio_in(dev, test_gpio_in, 2);
    qdev_init_gpio_in_named(dev, test_gpio_ctl, "ctl", 1);
    qdev_init_gpio_out(dev, s->out, 2);
    qdev_init_gpio_out_named(dev, &s->nout, "nout", 1);
}

static void test_gpio_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->user_creatable = false;
    dc->hotpluggable = false;
}

static void test_orphan_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = "NOBUS";
    set_bit_category(dc, DEVICE_CATEGORY_STORAGE);
}

static void test_small_dev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_TEST_SMALL_BUS;
    dc->user_creatable = false;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .instance_finalize = test_bus_finalize,
        .class_init = test_bus_class_init,
    },
    {
        .name = TYPE_TEST_SMALL_BUS,
        .parent = TYPE_TEST_BUS,
        .class_init = test_small_bus_class_init,
    },
    {
        .name = TYPE_TEST_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestDev),
        .instance_finalize = test_dev_finalize,
        .class_init = test_dev_class_init,
    },
    {
        .name = TYPE_TEST_DEV_G,
        .parent = TYPE_TEST_DEV,
        .class_init = test_dev_g_class_init,
    },
    {
        .name = TYPE_TEST_DEV_G2,
        .parent = TYPE_TEST_DEV,
        .class_init = test_dev_g_class_init,
    },
    {
        .name = TYPE_TEST_DEV_G3,
        .parent = TYPE_TEST_DEV,
        .class_init = test_dev_g_class_init,
    },
    {
        .name = TYPE_TEST_BRIDGE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = test_bridge_class_init,
    },
    {
        .name = TYPE_TEST_HOST,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TestHost),
        .instance_init = test_host_init,
        .class_init = test_host_class_init,
    },
    {
        .name = TYPE_TEST_GPIO,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestGpio),
        .instance_init = test_gpio_init,
        .class_init = test_gpio_class_init,
    },
    {
        .name = TYPE_TEST_ABSTRACT_DEV,
        .parent = TYPE_DEVICE,
        .abstract = true,
    },
    {
        .name = TYPE_TEST_ORPHAN,
        .parent = TYPE_DEVICE,
        .class_init = test_orphan_class_init,
    },
    {
        .name = TYPE_TEST_BARE,
        .parent = TYPE_DEVICE,
    },
    {
        .name = TYPE_TEST_SMALL_DEV,
        .parent = TYPE_DEVICE,
        .class_init = test_small_dev_class_init,
    },
};

/* Helpers. */

static QemuOptsList device_opts = {
    .name = "device",
    .implied_opt_name = "driver",
    .desc = { { NULL } },
};

/* -device STR; returns the device (caller's reference) or NULL. */
static DeviceState *device_add(const char *str, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(&device_opts, str, true, &error_abort);
    DeviceState *dev = qdev_device_add(opts, errp);

    qemu_opts_del(opts);
    return dev;
}

/* The message of a failed -device STR. */
static char *device_add_error(const char *str)
{
    Error *err = NULL;
    char *msg;

    g_assert_null(device_add(str, &err));
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void expect_parse_error(Object *obj, const char *name,
                               const char *value, const char *message)
{
    Error *err = NULL;

    g_assert_false(object_property_parse(obj, name, value, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static void expect_print(Object *obj, const char *name, const char *value)
{
    g_autofree char *s = object_property_print(obj, name, &error_abort);

    g_assert_cmpstr(s, ==, value);
}

static int capture_print(void *opaque, const char *fmt, va_list ap)
{
    g_string_append_vprintf(opaque, fmt, ap);
    return 0;
}

static GString *capture_begin(void)
{
    GString *out = g_string_new(NULL);

    qemu_print_set_sink(capture_print, out);
    return out;
}

static char *capture_end(GString *out)
{
    qemu_print_set_sink(NULL, NULL);
    return g_string_free(out, false);
}

static DeviceState *new_host(void)
{
    DeviceState *host = qdev_new(TYPE_TEST_HOST);

    sysbus_realize_and_unref(SYS_BUS_DEVICE(host), &error_abort);
    return host;
}

/* Static properties. */

static void test_props_defaults(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(dev);
    static const uint8_t zero_mac[6];

    g_assert_cmpuint(s->bits, ==, 1);
    g_assert_false(s->flag);
    g_assert_cmpuint(s->u8, ==, 7);
    g_assert_cmpuint(s->u16, ==, 0x1234);
    g_assert_cmpuint(s->u32, ==, UINT32_MAX);
    g_assert_cmpint(s->i32, ==, -1);
    g_assert_cmpuint(s->u64, ==, 0);
    g_assert_cmpint(s->i64, ==, -5);
    g_assert_cmpuint(s->size, ==, 2 * GiB);
    g_assert_null(s->str);
    g_assert_cmpmem(s->mac.a, 6, zero_mac, 6);
    g_assert_cmpint(s->ooa, ==, ON_OFF_AUTO_AUTO);
    g_assert_null(s->peer);

    expect_print(OBJECT(dev), "b0", "true");
    expect_print(OBJECT(dev), "b3", "false");
    expect_print(OBJECT(dev), "u32", "4294967295");
    expect_print(OBJECT(dev), "i32", "-1");
    expect_print(OBJECT(dev), "str", "");
    expect_print(OBJECT(dev), "mac", "00:00:00:00:00:00");
    expect_print(OBJECT(dev), "ooa", "auto");
    expect_print(OBJECT(dev), "peer", "");
    g_assert_cmpstr(object_property_get_type(OBJECT(dev), "peer", NULL), ==,
                    "link<test-dev>");
    g_assert_cmpstr(object_property_get_type(OBJECT(dev), "ooa", NULL), ==,
                    "OnOffAuto");
    object_unref(OBJECT(dev));
}

static void test_props_parse(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(dev);
    Object *obj = OBJECT(dev);

    g_assert_true(object_property_parse(obj, "b3", "on", &error_abort));
    g_assert_true(object_property_parse(obj, "b0", "no", &error_abort));
    g_assert_cmpuint(s->bits, ==, 8);
    g_assert_true(object_property_parse(obj, "flag", "yes", &error_abort));
    g_assert_true(s->flag);
    g_assert_true(object_property_parse(obj, "u8", "255", &error_abort));
    g_assert_cmpuint(s->u8, ==, 255);
    g_assert_true(object_property_parse(obj, "u16", "0x10", &error_abort));
    g_assert_cmpuint(s->u16, ==, 16);
    g_assert_true(object_property_parse(obj, "u32", "010", &error_abort));
    g_assert_cmpuint(s->u32, ==, 8);
    g_assert_true(object_property_parse(obj, "i32", "-0x10", &error_abort));
    g_assert_cmpint(s->i32, ==, -16);
    /* As QEMU's parser, a negative unsigned 64-bit value wraps. */
    g_assert_true(object_property_parse(obj, "u64", "-1", &error_abort));
    g_assert_cmpuint(s->u64, ==, UINT64_MAX);
    expect_print(obj, "u64", "18446744073709551615");
    g_assert_true(object_property_parse(obj, "i64",
                                        "-9223372036854775808",
                                        &error_abort));
    g_assert_cmpint(s->i64, ==, INT64_MIN);
    g_assert_true(object_property_parse(obj, "size", "64K", &error_abort));
    g_assert_cmpuint(s->size, ==, 65536);
    g_assert_true(object_property_parse(obj, "str", "hello", &error_abort));
    g_assert_cmpstr(s->str, ==, "hello");
    g_assert_true(object_property_parse(obj, "mac", "52-54-00-AB-cd-0f",
                                        &error_abort));
    expect_print(obj, "mac", "52:54:00:ab:cd:0f");
    g_assert_true(object_property_parse(obj, "ooa", "off", &error_abort));
    g_assert_cmpint(s->ooa, ==, ON_OFF_AUTO_OFF);
    expect_print(obj, "ooa", "off");

    /* Board shortcuts. */
    qdev_prop_set_uint32(dev, "u32", 0x3f8);
    qdev_prop_set_int32(dev, "i32", -7);
    qdev_prop_set_bit(dev, "b0", true);
    qdev_prop_set_string(dev, "str", "bye");
    qdev_prop_set_macaddr(dev, "mac", (const uint8_t[]) { 1, 2, 3, 4, 5, 6 });
    g_assert_cmpuint(s->u32, ==, 0x3f8);
    g_assert_cmpint(s->i32, ==, -7);
    g_assert_cmpuint(s->bits, ==, 9);
    g_assert_cmpstr(s->str, ==, "bye");
    expect_print(obj, "mac", "01:02:03:04:05:06");
    object_unref(obj);
}

static void test_props_errors(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Object *obj = OBJECT(dev);

    expect_parse_error(obj, "u32", "xyz", "Parameter 'u32' expects integer");
    expect_parse_error(obj, "u32", "", "Parameter 'u32' expects integer");
    expect_parse_error(obj, "u32", "1.5", "Parameter 'u32' expects integer");
    expect_parse_error(obj, "u32", "99999999999",
                       "Parameter 'u32' expects uint32_t");
    expect_parse_error(obj, "u32", "-1", "Parameter 'u32' expects uint32_t");
    expect_parse_error(obj, "u8", "256", "Parameter 'u8' expects uint8_t");
    expect_parse_error(obj, "u16", "70000",
                       "Parameter 'u16' expects uint16_t");
    expect_parse_error(obj, "u64", "99999999999999999999",
                       "Parameter 'u64' expects integer");
    expect_parse_error(obj, "i32", "abc", "Parameter 'i32' expects integer");
    expect_parse_error(obj, "i32", "99999999999",
                       "Parameter 'i32' expects int32_t");
    expect_parse_error(obj, "i32", "-99999999999",
                       "Parameter 'i32' expects int32_t");
    expect_parse_error(obj, "size", "xx", "Parameter 'size' expects size");
    expect_parse_error(obj, "size", "-1", "Parameter 'size' expects size");
    expect_parse_error(obj, "flag", "maybe",
                       "Parameter 'flag' expects 'on' or 'off'");
    expect_parse_error(obj, "b0", "ON", "Parameter 'b0' expects 'on' or 'off'");
    expect_parse_error(obj, "mac", "zz",
                       "Property 'test-dev.mac' doesn't take value 'zz'");
    expect_parse_error(obj, "mac", "52:54:00:12:34:5",
                       "Property 'test-dev.mac' doesn't take value "
                       "'52:54:00:12:34:5'");
    expect_parse_error(obj, "mac", "052:54:00:12:34:56",
                       "Property 'test-dev.mac' doesn't take value "
                       "'052:54:00:12:34:56'");
    expect_parse_error(obj, "mac", "52:54:00:12:34:567",
                       "Property 'test-dev.mac' doesn't take value "
                       "'52:54:00:12:34:567'");
    expect_parse_error(obj, "ooa", "maybe",
                       "Parameter 'ooa' does not accept value 'maybe'");
    expect_parse_error(obj, "ooa", "ON",
                       "Parameter 'ooa' does not accept value 'ON'");
    expect_parse_error(obj, "peer", "/nope", "Device '/nope' not found");
    expect_parse_error(obj, "foo", "1", "Property 'test-dev.foo' not found");
    /* Nothing was changed by the failures. */
    g_assert_cmpuint(TEST_DEV(dev)->u32, ==, UINT32_MAX);
    object_unref(obj);
}

static void test_props_link(void)
{
    DeviceState *a = qdev_new(TYPE_TEST_DEV);
    DeviceState *b = qdev_new(TYPE_TEST_DEV);
    DeviceState *g = qdev_new(TYPE_TEST_GPIO);
    Object *dir = container_get(object_get_root(), "/test-props-link");
    Error *err = NULL;

    object_property_add_child(dir, "b", OBJECT(b));
    object_property_add_child(dir, "g", OBJECT(g));
    g_assert_true(object_property_parse(OBJECT(a), "peer",
                                        "/test-props-link/b", &error_abort));
    g_assert_true(TEST_DEV(a)->peer == b);
    /* Static links hold a reference. */
    g_assert_cmpuint(OBJECT(b)->ref, ==, 3);
    expect_print(OBJECT(a), "peer", "/test-props-link/b");
    expect_parse_error(OBJECT(a), "peer", "/test-props-link/g",
                       "Invalid parameter type for 'peer', expected: "
                       "test-dev");
    g_assert_true(object_property_set_link(OBJECT(a), "peer", NULL,
                                           &error_abort));
    g_assert_cmpuint(OBJECT(b)->ref, ==, 2);
    g_assert_true(object_property_set_link(OBJECT(a), "peer", OBJECT(b),
                                           &error_abort));

    qdev_realize(a, NULL, &err);
    /* No TEST bus anywhere: the device stays unrealized. */
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "No 'TEST' bus found for device 'test-dev'");
    error_free(err);
    err = NULL;

    object_unref(OBJECT(a));
    g_assert_cmpuint(OBJECT(b)->ref, ==, 2);
    object_unref(OBJECT(b));
    object_unref(OBJECT(g));
    object_unparent(dir);
}

/* Realize. */

static void test_realize_property(void)
{
    DeviceState *host = new_host();
    BusState *bus = host->child_bus->data;
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(dev);
    Error *err = NULL;
    g_autofree char *path = NULL;

    g_assert_true(qdev_set_parent_bus(dev, bus, &error_abort));
    g_assert_false(object_property_get_bool(OBJECT(dev), "realized",
                                            &error_abort));
    g_assert_true(object_property_set_bool(OBJECT(dev), "realized", true,
                                           &error_abort));
    g_assert_true(dev->realized);
    g_assert_cmpint(s->realize_count, ==, 1);
    /* Placed in the tree under /machine/unattached/device[N]. */
    path = object_get_canonical_path(OBJECT(dev));
    g_assert_true(g_str_has_prefix(path, "/machine/unattached/device["));
    g_assert_cmpstr(dev->canonical_path, ==, path);
    g_assert_true(qdev_get_parent_bus(dev) == bus);
    g_assert_true(object_property_get_link(OBJECT(dev), "parent_bus",
                                           NULL) == OBJECT(bus));

    expect_parse_error(OBJECT(dev), "u32", "5",
                       "Attempt to set property 'u32' on anonymous device "
                       "(type 'test-dev') after it was realized");
    dev->id = g_strdup("myid");
    expect_parse_error(OBJECT(dev), "u32", "5",
                       "Attempt to set property 'u32' on device 'myid' "
                       "(type 'test-dev') after it was realized");
    g_assert_false(object_property_set_link(OBJECT(dev), "peer", NULL,
                                            &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Attempt to set link property 'peer' on device 'myid' "
                    "(type 'test-dev') after it was realized");
    error_free(err);

    qdev_unrealize(dev);
    g_assert_false(dev->realized);
    g_assert_cmpint(s->unrealize_count, ==, 1);
    g_assert_true(object_property_parse(OBJECT(dev), "u32", "5",
                                        &error_abort));
    g_assert_true(object_property_set_bool(OBJECT(dev), "realized", true,
                                           &error_abort));
    g_assert_cmpint(s->realize_count, ==, 2);

    object_unref(OBJECT(dev));
    finalize_count = 0;
    object_unparent(OBJECT(host));
    /* The device (unrealized on the way) and the bus are gone. */
    g_assert_cmpint(finalize_count, ==, 2);
}

static void test_realize_failure(void)
{
    DeviceState *host = new_host();
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    BusState *bus = host->child_bus->data;
    Error *err = NULL;

    qdev_prop_set_bit(dev, "fail", true);
    g_assert_false(qdev_realize(dev, bus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "test-dev refuses to realize");
    error_free(err);
    g_assert_false(dev->realized);
    /* Still configurable, and a second attempt can succeed. */
    qdev_prop_set_bit(dev, "fail", false);
    g_assert_true(object_property_set_bool(OBJECT(dev), "realized", true,
                                           &error_abort));
    object_unref(OBJECT(dev));
    object_unparent(OBJECT(host));
}

/* GPIO. */

static int icpt_calls;
static int icpt_n;

static void icpt_handler(void *opaque, int n, int level)
{
    icpt_calls++;
    icpt_n = n;
}

/* What qtest does: note the event, then forward to the original line. */
static void intercept_in_handler(void *opaque, int n, int level)
{
    icpt_calls++;
    icpt_n = n;
    qemu_set_irq(*(qemu_irq *)opaque, level);
}

static void test_gpio_connect(void)
{
    DeviceState *a = qdev_new(TYPE_TEST_GPIO);
    DeviceState *b = qdev_new(TYPE_TEST_GPIO);
    TestGpio *sa = TEST_GPIO(a), *sb = TEST_GPIO(b);
    qemu_irq in1 = qdev_get_gpio_in(b, 1);

    g_assert_null(sa->out[0]);
    qdev_connect_gpio_out(a, 1, in1);
    g_assert_true(sa->out[1] == in1);
    g_assert_true(qdev_get_gpio_out_connector(a, NULL, 1) == in1);
    g_assert_null(qdev_get_gpio_out_connector(a, NULL, 0));
    qemu_irq_raise(sa->out[1]);
    g_assert_cmpint(sb->last_n, ==, 1);
    g_assert_cmpint(sb->last_level, ==, 1);
    qemu_irq_lower(sa->out[1]);
    g_assert_cmpint(sb->last_level, ==, 0);
    /* Unconnected outputs are harmless. */
    qemu_irq_raise(sa->out[0]);
    g_assert_cmpint(sb->calls, ==, 2);

    qdev_connect_gpio_out_named(a, "nout", 0,
                                qdev_get_gpio_in_named(b, "ctl", 0));
    qemu_irq_raise(sa->nout);
    g_assert_cmpint(sb->ctl_level, ==, 1);
    g_assert_cmpint(qdev_get_named_gpio_list(b, "ctl")->num_in, ==, 1);
    g_assert_cmpint(qdev_get_named_gpio_list(a, NULL)->num_out, ==, 2);

    /* Lines are in the tree: inputs as children, outputs as links. */
    g_assert_true(object_resolve_path_component(OBJECT(b),
                                                "unnamed-gpio-in[1]") ==
                  OBJECT(in1));
    g_assert_true(OBJECT(in1)->parent == OBJECT(b));
    g_assert_cmpstr(object_property_get_type(OBJECT(a), "unnamed-gpio-out[1]",
                                             NULL), ==, "link<irq>");
    g_assert_nonnull(object_property_find(OBJECT(b), "ctl[0]"));
    g_assert_nonnull(object_property_find(OBJECT(a), "nout[0]"));

    object_unref(OBJECT(b));
    /* a's output still holds b's line (only it now). */
    g_assert_cmpuint(OBJECT(in1)->ref, ==, 1);
    object_unref(OBJECT(a));
}

static void test_gpio_intercept(void)
{
    DeviceState *a = qdev_new(TYPE_TEST_GPIO);
    DeviceState *b = qdev_new(TYPE_TEST_GPIO);
    TestGpio *sa = TEST_GPIO(a), *sb = TEST_GPIO(b);
    qemu_irq icpt = qemu_allocate_irq(icpt_handler, NULL, 5);
    NamedGPIOList *ngl = qdev_get_named_gpio_list(b, NULL);
    qemu_irq old;
    qemu_irq *copies;

    qdev_connect_gpio_out(a, 0, qdev_get_gpio_in(b, 0));
    icpt_calls = 0;
    old = qdev_intercept_gpio_out(a, icpt, NULL, 0);
    g_assert_true(old == qdev_get_gpio_in(b, 0));
    g_assert_true(sa->out[0] == icpt);
    qemu_irq_raise(sa->out[0]);
    g_assert_cmpint(icpt_calls, ==, 1);
    g_assert_cmpint(icpt_n, ==, 5);
    g_assert_cmpint(sb->calls, ==, 0);
    object_unref(OBJECT(old));

    /* Inputs: the interceptor sees the line number and can forward. */
    qemu_irq_intercept_in(ngl->in, intercept_in_handler, ngl->num_in);
    qemu_set_irq(ngl->in[1], 1);
    g_assert_cmpint(icpt_calls, ==, 2);
    g_assert_cmpint(icpt_n, ==, 1);
    g_assert_cmpint(sb->calls, ==, 1);
    g_assert_cmpint(sb->last_n, ==, 1);
    g_assert_cmpint(sb->last_level, ==, 1);

    copies = (qemu_irq *)ngl->in[0]->opaque;
    object_unref(OBJECT(a));
    object_unref(OBJECT(b));
    qemu_free_irqs(copies, 2);
    qemu_free_irq(icpt);
}

static void test_irq_helpers(void)
{
    DeviceState *b = qdev_new(TYPE_TEST_GPIO);
    TestGpio *sb = TEST_GPIO(b);
    qemu_irq inv = qemu_irq_invert(qdev_get_gpio_in(b, 0));
    qemu_irq split = qemu_irq_split(qdev_get_gpio_in(b, 1),
                                    qdev_get_gpio_in_named(b, "ctl", 0));
    qemu_irq *many = qemu_allocate_irqs(icpt_handler, NULL, 3);

    qemu_irq_raise(inv);
    g_assert_cmpint(sb->last_n, ==, 0);
    g_assert_cmpint(sb->last_level, ==, 0);
    qemu_irq_raise(split);
    g_assert_cmpint(sb->last_n, ==, 1);
    g_assert_cmpint(sb->last_level, ==, 1);
    g_assert_cmpint(sb->ctl_level, ==, 1);
    qemu_set_irq(NULL, 1);

    icpt_calls = 0;
    many = qemu_extend_irqs(many, 3, icpt_handler, NULL, 2);
    qemu_irq_raise(many[4]);
    g_assert_cmpint(icpt_n, ==, 4);
    g_assert_cmpint(icpt_calls, ==, 1);

    qemu_free_irqs(many, 5);
    qemu_free_irq(inv);
    qemu_free_irq(split);
    object_unref(OBJECT(b));
}

/* Buses. */

static void test_bus_naming(void)
{
    DeviceState *h1 = qdev_new(TYPE_TEST_HOST);
    DeviceState *h2 = qdev_new(TYPE_TEST_HOST);
    DeviceState *h3 = qdev_new(TYPE_TEST_HOST);
    BusState *b1, *b2, *named;
    int n1, n2;

    sysbus_realize(SYS_BUS_DEVICE(h1), &error_abort);
    sysbus_realize(SYS_BUS_DEVICE(h2), &error_abort);
    h3->id = g_strdup("hid");
    sysbus_realize(SYS_BUS_DEVICE(h3), &error_abort);
    b1 = h1->child_bus->data;
    b2 = h2->child_bus->data;

    /* No parent id: lowercased type name and a per-class counter. */
    g_assert_cmpint(sscanf(b1->name, "test.%d", &n1), ==, 1);
    g_assert_cmpint(sscanf(b2->name, "test.%d", &n2), ==, 1);
    g_assert_cmpint(n2, ==, n1 + 1);
    /* Parent id: "<id>.<n>", n counting the parent's buses. */
    g_assert_cmpstr(((BusState *)h3->child_bus->data)->name, ==, "hid.0");
    named = qbus_new(TYPE_TEST_BUS, h3, "custom");
    g_assert_cmpstr(named->name, ==, "custom");
    g_assert_cmpint(h3->num_child_bus, ==, 2);
    g_assert_true(qdev_get_child_bus(h3, "custom") == named);
    g_assert_true(object_resolve_path_component(OBJECT(h3), "hid.0") ==
                  h3->child_bus->next->data);
    qbus_new(TYPE_TEST_BUS, h3, NULL);
    g_assert_nonnull(qdev_get_child_bus(h3, "hid.2"));

    g_assert_true(qbus_find_recursive(sysbus_get_default(), "hid.0", NULL) ==
                  qdev_get_child_bus(h3, "hid.0"));
    g_assert_null(qbus_find_recursive(sysbus_get_default(), "nope", NULL));

    object_unparent(OBJECT(h1));
    object_unparent(OBJECT(h2));
    object_unparent(OBJECT(h3));
    object_unref(OBJECT(h1));
    object_unref(OBJECT(h2));
    object_unref(OBJECT(h3));
}

static void test_bus_plug(void)
{
    DeviceState *host = new_host();
    BusState *bus = host->child_bus->data;
    BusState *small = qbus_new(TYPE_TEST_SMALL_BUS, host, "small");
    DeviceState *d1 = qdev_new(TYPE_TEST_SMALL_DEV);
    DeviceState *d2 = qdev_new(TYPE_TEST_SMALL_DEV);
    DeviceState *td = qdev_new(TYPE_TEST_DEV);
    Error *err = NULL;

    g_assert_true(qdev_realize(d1, small, &error_abort));
    g_assert_true(qbus_is_full(small));
    g_assert_false(qdev_realize(d2, small, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Bus 'small' is full");
    error_free(err);
    err = NULL;
    g_assert_false(qdev_realize(d2, bus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-small-dev' can't go on TEST bus");
    error_free(err);
    err = NULL;
    g_assert_false(qdev_realize(td, sysbus_get_default(), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-dev' can't go on System bus");
    error_free(err);

    /* A full match is only used when nothing better exists. */
    g_assert_true(qbus_find_recursive(sysbus_get_default(), NULL,
                                      TYPE_TEST_SMALL_BUS) == small);
    g_assert_true(qbus_find_recursive(sysbus_get_default(), NULL,
                                      TYPE_TEST_BUS) != small);
    g_assert_true(object_resolve_path_component(OBJECT(small), "child[0]") ==
                  OBJECT(d1));

    finalize_count = 0;
    object_unref(OBJECT(d1));
    object_unref(OBJECT(d2));
    object_unref(OBJECT(td));
    g_assert_cmpint(finalize_count, ==, 1);
    object_unparent(OBJECT(host));
    /* The buses of the host go with it. */
    g_assert_cmpint(finalize_count, ==, 3);
}

static int count_dev(DeviceState *dev, void *opaque)
{
    ((int *)opaque)[0]++;
    return 0;
}

static int count_bus(BusState *bus, void *opaque)
{
    ((int *)opaque)[1]++;
    return 0;
}

static int stop_at_bridge(DeviceState *dev, void *opaque)
{
    ((int *)opaque)[0]++;
    return object_dynamic_cast(OBJECT(dev), TYPE_TEST_BRIDGE) ? -1 : 0;
}

static int skip_bridge(DeviceState *dev, void *opaque)
{
    ((int *)opaque)[0]++;
    return object_dynamic_cast(OBJECT(dev), TYPE_TEST_BRIDGE) ? 1 : 0;
}

/* host -> test.N: d1, br -> br.0: d2 */
static void build_small_tree(DeviceState **hostp)
{
    DeviceState *host = new_host();
    BusState *bus = host->child_bus->data;
    DeviceState *d1 = qdev_new(TYPE_TEST_DEV);
    DeviceState *br = qdev_new(TYPE_TEST_BRIDGE);
    DeviceState *d2 = qdev_new(TYPE_TEST_DEV);

    d1->id = g_strdup("d1");
    br->id = g_strdup("br");
    d2->id = g_strdup("d2");

    qdev_realize_and_unref(d1, bus, &error_abort);
    qdev_realize_and_unref(br, bus, &error_abort);
    qdev_realize_and_unref(d2, br->child_bus->data, &error_abort);
    *hostp = host;
}

static void test_bus_walk(void)
{
    DeviceState *host;
    BusState *bus;
    int counts[2] = { 0, 0 };

    build_small_tree(&host);
    bus = host->child_bus->data;
    g_assert_cmpint(qbus_walk_children(bus, count_dev, count_bus, NULL, NULL,
                                       counts), ==, 0);
    g_assert_cmpint(counts[0], ==, 3);
    g_assert_cmpint(counts[1], ==, 2);
    counts[0] = 0;
    g_assert_cmpint(qbus_walk_children(bus, stop_at_bridge, NULL, NULL,
                                       NULL, counts), ==, -1);
    /* Newest first: the bridge is the first device visited. */
    g_assert_cmpint(counts[0], ==, 1);
    counts[0] = 0;
    g_assert_cmpint(qbus_walk_children(bus, skip_bridge, NULL, NULL, NULL,
                                       counts), ==, 0);
    g_assert_cmpint(counts[0], ==, 2);
    object_unparent(OBJECT(host));
}

static void test_bus_reset_order(void)
{
    DeviceState *host;
    g_autofree char *expected = NULL;

    build_small_tree(&host);
    g_string_truncate(reset_log, 0);
    device_cold_reset(host);
    /* Children before parents; newest sibling first. */
    expected = g_strdup_printf("dev:d2,bus:br.0,bridge:br,dev:d1,bus:%s,"
                               "host:",
                               ((BusState *)host->child_bus->data)->name);
    g_assert_cmpstr(reset_log->str, ==, expected);
    object_unparent(OBJECT(host));
}

/* Run alone (fresh bus counters): bus names are exact. */
static void test_reset_all(void)
{
    DeviceState *host;

    if (g_test_subprocess()) {
        build_small_tree(&host);
        g_string_truncate(reset_log, 0);
        qdev_reset_all();
        g_assert_cmpstr(reset_log->str, ==, "dev:d2,bus:br.0,bridge:br,"
                        "dev:d1,bus:test.0,host:");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
}

/* -device */

static void test_device_add(void)
{
    DeviceState *host = new_host();
    const char *hostbus = ((BusState *)host->child_bus->data)->name;
    DeviceState *d1, *anon, *dev;
    g_autofree char *path = NULL;
    g_autofree char *opts3 = NULL;
    g_autofree char *opts4 = NULL;

    d1 = device_add("test-dev,id=d1,u32=0x10,str=hello", &error_abort);
    g_assert_nonnull(d1);
    g_assert_true(d1->realized);
    g_assert_cmpstr(d1->id, ==, "d1");
    g_assert_cmpuint(TEST_DEV(d1)->u32, ==, 16);
    g_assert_true(qdev_find_by_id("d1") == d1);
    g_assert_true(object_resolve_path("/machine/peripheral/d1", NULL) ==
                  OBJECT(d1));
    g_assert_true(qdev_get_parent_bus(d1) == host->child_bus->data);

    anon = device_add("test-dev", &error_abort);
    path = object_get_canonical_path(OBJECT(anon));
    g_assert_true(g_str_has_prefix(path,
                                   "/machine/peripheral-anon/device["));
    g_assert_null(anon->id);

    /* Aliases. */
    qdev_alias_register(TYPE_TEST_DEV, "tdev");
    g_assert_cmpstr(qdev_alias_lookup("tdev"), ==, TYPE_TEST_DEV);
    dev = device_add("tdev,id=viaalias", &error_abort);
    g_assert_cmpstr(object_get_typename(OBJECT(dev)), ==, TYPE_TEST_DEV);
    object_unref(OBJECT(dev));

    /* bus= by name and by path; peer link by path. */
    dev = device_add("test-bridge,id=br", &error_abort);
    object_unref(OBJECT(dev));
    dev = device_add("test-dev,bus=br.0,id=d2,peer=/machine/peripheral/d1",
                     &error_abort);
    g_assert_cmpstr(qdev_get_parent_bus(dev)->name, ==, "br.0");
    g_assert_true(TEST_DEV(dev)->peer == d1);
    object_unref(OBJECT(dev));
    /* BUS/DEV/BUS, and a trailing DEV meaning its only bus. */
    opts3 = g_strdup_printf("test-dev,bus=%s/br/br.0,id=d3", hostbus);
    dev = device_add(opts3, &error_abort);
    g_assert_cmpstr(qdev_get_parent_bus(dev)->name, ==, "br.0");
    object_unref(OBJECT(dev));
    opts4 = g_strdup_printf("test-dev,bus=/test-host/%s/test-bridge,id=d4",
                            hostbus);
    dev = device_add(opts4, &error_abort);
    g_assert_cmpstr(qdev_get_parent_bus(dev)->name, ==, "br.0");
    object_unref(OBJECT(dev));
    /* Empty components are ignored ("isa.0/" works in QEMU). */
    g_free(opts4);
    opts4 = g_strdup_printf("test-dev,bus=//test-host//%s/br//,id=d5",
                            hostbus);
    dev = device_add(opts4, &error_abort);
    g_assert_cmpstr(qdev_get_parent_bus(dev)->name, ==, "br.0");
    object_unref(OBJECT(dev));

    object_unparent(OBJECT(qdev_find_by_id("d4")));
    g_assert_null(qdev_find_by_id("d4"));
    object_unref(OBJECT(d1));
    object_unref(OBJECT(anon));
    object_unparent(OBJECT(host));
}

static void test_device_add_errors(void)
{
    DeviceState *host = new_host();
    DeviceState *d1 = device_add("test-dev,id=e1", &error_abort);
    struct {
        const char *opts;
        const char *message;
    } cases[] = {
        { "nosuch", "'nosuch' is not a valid device model name" },
        { "id=x", "Parameter 'driver' is missing" },
        { "test-abstract-dev",
          "Parameter 'driver' expects a non-abstract device type" },
        { "device", "Parameter 'driver' expects a non-abstract device type" },
        { "test-gpio", "Parameter 'driver' expects a pluggable device type" },
        { "test-host", "Parameter 'driver' expects a pluggable device type" },
        { "test-orphan-dev",
          "No 'NOBUS' bus found for device 'test-orphan-dev'" },
        { "test-dev,bus=nosuch", "Bus 'nosuch' not found" },
        { "test-dev,bus=main-system-bus",
          "Device 'test-dev' can't go on System bus" },
        { "test-dev,bus=/nosuch", "Device 'nosuch' not found" },
        { "test-dev,bus=/test-host/nobus", "Bus 'nobus' not found" },
        { "test-dev,bus=e1", "Bus 'e1' not found" },
        { "test-dev,bus=", "Bus '' not found" },
        { "test-dev,id=e1", "Duplicate device ID 'e1'" },
        { "test-dev,id=e2,foo=1", "Property 'test-dev.foo' not found" },
        { "test-dev,id=e3,u32=xyz", "Parameter 'u32' expects integer" },
        { "test-dev,id=e4,fail=on", "test-dev refuses to realize" },
    };

    qdev_alias_register("no-such-type", "ghost");
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *msg = device_add_error(cases[i].opts);

        g_assert_cmpstr(msg, ==, cases[i].message);
    }
    {
        g_autofree char *msg = device_add_error("ghost");
        g_autofree char *nobus = g_strdup_printf(
            "test-dev,bus=%s/e1", ((BusState *)host->child_bus->data)->name);
        g_autofree char *msg2 = device_add_error(nobus);

        g_assert_cmpstr(msg, ==, "'ghost' (alias 'no-such-type') is not a "
                        "valid device model name");
        g_assert_cmpstr(msg2, ==, "Device 'e1' has no child bus");
    }
    /* Failed devices leave no trace. */
    g_assert_null(qdev_find_by_id("e2"));
    g_assert_null(qdev_find_by_id("e3"));
    g_assert_null(qdev_find_by_id("e4"));
    g_assert_cmpuint(g_list_length(((BusState *)host->child_bus->data)
                                   ->children), ==, 1);
    object_unref(OBJECT(d1));
    object_unparent(OBJECT(host));
}

/* Bad bus paths come with QEMU's hints listing what is there. */
static void test_device_add_hints(void)
{
    if (g_test_subprocess()) {
        DeviceState *host = new_host();
        const char *cases[] = {
            "test-dev,bus=test.0/nosuch",
            "test-dev,bus=/test-host",
            "test-dev,bus=/test-host/nosuch",
        };

        object_unref(OBJECT(device_add("test-dev,id=e1", &error_abort)));
        object_unref(OBJECT(device_add("test-dev", &error_abort)));
        qbus_new(TYPE_TEST_BUS, host, "extra");
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
            Error *err = NULL;

            g_assert_null(device_add(cases[i], &err));
            error_report_err(err);
        }
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "*Device 'nosuch' not found\n"
        "devices at \"test.0\": \"test-dev\", \"test-dev\"/\"e1\"\n"
        "*Device 'test-host' has multiple child buses\n"
        "child buses at \"test-host\": \"extra\", \"test.0\"\n"
        "*Bus 'nosuch' not found\n"
        "child buses at \"test-host\": \"extra\", \"test.0\"\n");
}

/* After machine creation, -device/device_add is hotplug. */
static void test_device_hotplug(void)
{
    if (g_test_subprocess()) {
        DeviceState *host = new_host();
        BusState *bus = host->child_bus->data;
        DeviceState *dev;
        g_autofree char *m1 = NULL;
        g_autofree char *m2 = NULL;
        g_autofree char *m3 = NULL;

        qdev_machine_creation_done();
        g_assert_true(qdev_machine_is_done());
        m1 = device_add_error("test-dev");
        g_assert_cmpstr(m1, ==, "Bus 'test.0' does not support hotplugging");
        m2 = device_add_error("test-bare");
        g_assert_cmpstr(m2, ==, "Device 'test-bare' can not be hotplugged "
                        "on this machine");
        m3 = device_add_error("test-bridge");
        g_assert_cmpstr(m3, ==, "Parameter 'driver' expects a pluggable "
                        "device type");

        qbus_set_hotpluggable(bus, true);
        g_string_truncate(reset_log, 0);
        dev = device_add("test-dev,id=hp", &error_abort);
        /* Reset at realize: no machine reset comes for it. */
        g_assert_cmpstr(reset_log->str, ==, "dev:hp");
        object_unref(OBJECT(dev));

        /* A bad -global only warns for a hotplugged device. */
        qdev_prop_register_global_opts("test-dev-g3.u32=xyz", &error_abort);
        object_unref(OBJECT(qdev_new(TYPE_TEST_DEV_G3)));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*warning: can't apply global "
                              "test-dev-g3.u32=xyz: Parameter 'u32' expects "
                              "uint64\n");
}

/* -device help */

static void test_device_help_list(void)
{
    QemuOpts *opts = qemu_opts_parse(&device_opts, "help", true,
                                     &error_abort);
    GString *out = capture_begin();
    g_autofree char *text = NULL;

    qdev_alias_register(TYPE_TEST_DEV, "tdev");
    g_assert_true(qdev_device_help(opts));
    text = capture_end(out);
    g_assert_cmpstr(text, ==,
                    "Controller/Bridge/Hub devices:\n"
                    "name \"test-bridge\", bus TEST, desc \"Test bridge\"\n"
                    "\n"
                    "Storage devices:\n"
                    "name \"test-orphan-dev\", bus NOBUS\n"
                    "\n"
                    "Misc devices:\n"
                    "name \"test-dev\", bus TEST, alias \"tdev\", "
                    "desc \"Test device\"\n"
                    "\n"
                    "Uncategorized devices:\n"
                    "name \"test-bare\"\n");
    qemu_opts_del(opts);

    opts = qemu_opts_parse(&device_opts, "test-dev", true, &error_abort);
    g_assert_false(qdev_device_help(opts));
    qemu_opts_del(opts);
}

static void test_device_help_props(void)
{
    QemuOpts *opts = qemu_opts_parse(&device_opts, "tdev,help", true,
                                     &error_abort);
    GString *out;
    g_autofree char *text = NULL;
    g_autofree char *bare = NULL;

    qdev_alias_register(TYPE_TEST_DEV, "tdev");
    out = capture_begin();
    g_assert_true(qdev_device_help(opts));
    text = capture_end(out);
    qemu_opts_del(opts);
    g_assert_cmpstr(text, ==,
        "test-dev options:\n"
        "  b0=<bool>              - on/off (default: true)\n"
        "  b3=<bool>              - on/off (default: false)\n"
        "  fail=<bool>            -  (default: false)\n"
        "  flag=<bool>            -  (default: false)\n"
        "  i32=<int32>            -  (default: -1)\n"
        "  i64=<int64>            -  (default: -5)\n"
        "  mac=<str>              - Ethernet 6-byte MAC Address, example: "
        "52:54:00:12:34:56\n"
        "  ooa=<OnOffAuto>        - on/off/auto (default: \"auto\")\n"
        "  peer=<link<test-dev>>\n"
        "  size=<size>            -  (default: 2147483648)\n"
        "  str=<str>\n"
        "  u16=<uint16>           -  (default: 4660)\n"
        "  u32=<uint32>           -  (default: 4294967295)\n"
        "  u64=<uint64>           -  (default: 0)\n"
        "  u8=<uint8>             -  (default: 7)\n");

    opts = qemu_opts_parse(&device_opts, "test-bare,help", true,
                           &error_abort);
    out = capture_begin();
    g_assert_true(qdev_device_help(opts));
    bare = capture_end(out);
    qemu_opts_del(opts);
    g_assert_cmpstr(bare, ==, "There are no options for test-bare.\n");
}

static void test_device_help_errors(void)
{
    if (g_test_subprocess()) {
        QemuOpts *opts = qemu_opts_parse(&device_opts, "nosuch,help", true,
                                         &error_abort);

        g_assert_true(qdev_device_help(opts));
        qemu_opts_del(opts);
        opts = qemu_opts_parse(&device_opts, "test-abstract-dev,help", true,
                               &error_abort);
        g_assert_true(qdev_device_help(opts));
        qemu_opts_del(opts);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*Device 'nosuch' not found\n*"
                              "Parameter 'typename' expects a non-abstract "
                              "device type\n");
}

/* -global */

static void test_global_apply(void)
{
    DeviceState *dev;

    qdev_alias_register(TYPE_TEST_DEV_G, "tdg");
    g_assert_true(qdev_prop_register_global_opts("test-dev-g.u32=0x20",
                                                 &error_abort));
    g_assert_true(qdev_prop_register_global_opts(
        "driver=test-dev-g,property=u16,value=7", &error_abort));
    g_assert_true(qdev_prop_register_global_opts("tdg.u8=9", &error_abort));
    /* A global on the parent type applies to subtypes. */
    g_assert_true(qdev_prop_register_global_opts("test-dev.i64=3",
                                                 &error_abort));

    dev = qdev_new(TYPE_TEST_DEV_G);
    g_assert_cmpuint(TEST_DEV(dev)->u32, ==, 0x20);
    g_assert_cmpuint(TEST_DEV(dev)->u16, ==, 7);
    g_assert_cmpuint(TEST_DEV(dev)->u8, ==, 9);
    g_assert_cmpint(TEST_DEV(dev)->i64, ==, 3);
    object_unref(OBJECT(dev));
}

static void expect_global_error(Object *obj, const char *prop,
                                const char *value, const char *message)
{
    GlobalProperty *g = g_new0(GlobalProperty, 1);
    Error *err = NULL;

    g->driver = TYPE_TEST_DEV_G2;
    g->property = prop;
    g->value = value;
    object_register_global_prop(g);
    g_assert_false(object_apply_global_props(obj, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
    /* Retire it so the next check starts clean. */
    g->driver = "test-retired";
    g->used = true;
}

static void test_global_errors(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV_G2);
    Object *obj = OBJECT(dev);
    const char *pre = "can't apply global test-dev-g2.";
    struct {
        const char *prop, *value, *reason;
    } cases[] = {
        { "u32", "xyz", "Parameter 'u32' expects uint64" },
        { "u32", "-1", "Parameter 'u32' expects uint32_t" },
        { "i32", "abc", "Parameter 'i32' expects int64" },
        { "i32", "99999999999", "Parameter 'i32' expects int32_t" },
        { "u64", "99999999999999999999", "Parameter 'u64' expects uint64" },
        { "size", "xx",
          "Parameter 'size' expects a non-negative number below 2^64" },
        { "flag", "maybe", "Parameter 'flag' expects 'on' or 'off'" },
        { "mac", "zz", "Property 'test-dev-g2.mac' doesn't take value 'zz'" },
        { "ooa", "maybe", "Parameter 'ooa' does not accept value 'maybe'" },
        { "foo", "1", "Property 'test-dev-g2.foo' not found" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *msg = g_strdup_printf("%s%s=%s: %s", pre,
                                               cases[i].prop,
                                               cases[i].value,
                                               cases[i].reason);

        expect_global_error(obj, cases[i].prop, cases[i].value, msg);
    }
    g_assert_false(object_property_parsing_global());
    /* Outside -global the same junk reads as -device words it. */
    expect_parse_error(obj, "u32", "xyz", "Parameter 'u32' expects integer");
    object_unref(obj);
}

static void test_global_fatal(void)
{
    if (g_test_subprocess()) {
        qdev_prop_register_global_opts("test-dev-g3.u32=xyz", &error_abort);
        qdev_new(TYPE_TEST_DEV_G3);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*can't apply global test-dev-g3.u32=xyz: "
                              "Parameter 'u32' expects uint64\n");
}

static void test_global_register_errors(void)
{
    struct {
        const char *str, *message;
    } cases[] = {
        { "a=b", "Invalid parameter 'a'" },
        { "driver=x", "options 'driver', 'property', and 'value' are "
                      "required" },
        { "driver=a,property=b", "options 'driver', 'property', and "
                                 "'value' are required" },
        { "driver=a,property=b,value=c,x=y", "Invalid parameter 'x'" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        Error *err = NULL;

        g_assert_false(qdev_prop_register_global_opts(cases[i].str, &err));
        g_assert_cmpstr(error_get_pretty(err), ==, cases[i].message);
        error_free(err);
    }
}

static void test_global_short_form(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        g_assert_false(qdev_prop_register_global_opts("foo", &err));
        g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'foo'");
        error_free(err);
        err = NULL;
        g_assert_false(qdev_prop_register_global_opts("nofoo", &err));
        g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'foo'");
        error_free(err);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "*warning: short-form boolean option 'foo' deprecated\n"
        "Please use foo=on instead\n"
        "*warning: short-form boolean option 'nofoo' deprecated\n"
        "Please use foo=off instead\n");
}

static void test_global_check(void)
{
    if (g_test_subprocess()) {
        qdev_prop_register_global_opts("nosuch.x=1", &error_abort);
        qdev_prop_register_global_opts("test-gpio.x=1", &error_abort);
        /* Hotpluggable devices may still come: no warning for them. */
        qdev_prop_register_global_opts("test-dev.x=1", &error_abort);
        qdev_prop_check_globals();
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*warning: global nosuch.x has invalid class "
                              "name\n*warning: global test-gpio.x=1 not "
                              "used\n");
}

/* info qtree */

static const char qtree_expected[] =
    "bus: main-system-bus\n"
    "  type System\n"
    "  dev: test-host, id \"\"\n"
    "    gpio-out \"sysbus-irq\" 1\n"
    "    mmio ffffffffffffffff/0000000000001000\n"
    "    bus: test.0\n"
    "      type TEST\n"
    "      dev: test-bridge, id \"br\"\n"
    "        bus-info\n"
    "        bus: br.0\n"
    "          type TEST\n"
    "          dev: test-dev, id \"d2\"\n"
    "            gpio-out \"irq-out\" 1\n"
    "            gpio-in \"\" 1\n"
    "            b0 = true\n"
    "            b3 = false\n"
    "            flag = false\n"
    "            u8 = 7 (0x7)\n"
    "            u16 = 4660 (0x1234)\n"
    "            u32 = 4294967295 (0xffffffff)\n"
    "            i32 = -1 (0xffffffffffffffff)\n"
    "            u64 = 0 (0x0)\n"
    "            i64 = -5 (0xfffffffffffffffb)\n"
    "            size = 2147483648 (2 GiB)\n"
    "            str = \"\"\n"
    "            mac = \"00:00:00:00:00:00\"\n"
    "            ooa = \"auto\"\n"
    "            peer = \"/machine/peripheral/d1\"\n"
    "            fail = false\n"
    "            bus-info\n"
    "      dev: test-dev, id \"\"\n"
    "        gpio-out \"irq-out\" 1\n"
    "        gpio-in \"\" 1\n"
    "        b0 = false\n"
    "        b3 = true\n"
    "        flag = true\n"
    "        u8 = 255 (0xff)\n"
    "        u16 = 0 (0x0)\n"
    "        u32 = 1016 (0x3f8)\n"
    "        i32 = 5 (0x5)\n"
    "        u64 = 18446744073709551615 (0xffffffffffffffff)\n"
    "        i64 = 0 (0x0)\n"
    "        size = 65536 (64 KiB)\n"
    "        str = \"hello world\"\n"
    "        mac = \"52:54:00:12:34:56\"\n"
    "        ooa = \"on\"\n"
    "        peer = \"\"\n"
    "        fail = false\n"
    "        bus-info\n"
    "      dev: test-dev, id \"d1\"\n"
    "        gpio-out \"irq-out\" 1\n"
    "        gpio-in \"\" 1\n"
    "        b0 = true\n"
    "        b3 = false\n"
    "        flag = false\n"
    "        u8 = 7 (0x7)\n"
    "        u16 = 4660 (0x1234)\n"
    "        u32 = 4294967295 (0xffffffff)\n"
    "        i32 = -1 (0xffffffffffffffff)\n"
    "        u64 = 0 (0x0)\n"
    "        i64 = -5 (0xfffffffffffffffb)\n"
    "        size = 2147483648 (2 GiB)\n"
    "        str = \"\"\n"
    "        mac = \"00:00:00:00:00:00\"\n"
    "        ooa = \"auto\"\n"
    "        peer = \"\"\n"
    "        fail = false\n"
    "        bus-info\n";

static void test_qtree(void)
{
    if (g_test_subprocess()) {
        DeviceState *dev;
        GString *out;
        g_autofree char *text = NULL;

        new_host();
        object_unref(OBJECT(device_add("test-dev,id=d1", &error_abort)));
        dev = device_add("test-dev,b0=off,b3=on,flag=on,u8=255,u16=0,"
                         "u32=0x3f8,i32=5,u64=-1,i64=0,size=64k,"
                         "str=hello world,mac=52:54:00:12:34:56,ooa=on",
                         &error_abort);
        object_unref(OBJECT(dev));
        object_unref(OBJECT(device_add("test-bridge,id=br", &error_abort)));
        dev = device_add("test-dev,id=d2,bus=br.0,"
                         "peer=/machine/peripheral/d1", &error_abort);
        object_unref(OBJECT(dev));

        out = capture_begin();
        qdev_print_qtree();
        text = capture_end(out);
        g_assert_cmpstr(text, ==, qtree_expected);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    reset_log = g_string_new(NULL);
    module_call_init(MODULE_INIT_QOM);
    type_register_static_array(test_types, ARRAY_SIZE(test_types));

    g_test_add_func("/qdev/props/defaults", test_props_defaults);
    g_test_add_func("/qdev/props/parse", test_props_parse);
    g_test_add_func("/qdev/props/errors", test_props_errors);
    g_test_add_func("/qdev/props/link", test_props_link);
    g_test_add_func("/qdev/realize/property", test_realize_property);
    g_test_add_func("/qdev/realize/failure", test_realize_failure);
    g_test_add_func("/qdev/gpio/connect", test_gpio_connect);
    g_test_add_func("/qdev/gpio/intercept", test_gpio_intercept);
    g_test_add_func("/qdev/gpio/irq-helpers", test_irq_helpers);
    g_test_add_func("/qdev/bus/naming", test_bus_naming);
    g_test_add_func("/qdev/bus/plug", test_bus_plug);
    g_test_add_func("/qdev/bus/walk", test_bus_walk);
    g_test_add_func("/qdev/bus/reset-order", test_bus_reset_order);
    g_test_add_func("/qdev/bus/reset-all", test_reset_all);
    g_test_add_func("/qdev/device-add/ok", test_device_add);
    g_test_add_func("/qdev/device-add/errors", test_device_add_errors);
    g_test_add_func("/qdev/device-add/hints", test_device_add_hints);
    g_test_add_func("/qdev/device-add/hotplug", test_device_hotplug);
    g_test_add_func("/qdev/help/list", test_device_help_list);
    g_test_add_func("/qdev/help/props", test_device_help_props);
    g_test_add_func("/qdev/help/errors", test_device_help_errors);
    g_test_add_func("/qdev/global/apply", test_global_apply);
    g_test_add_func("/qdev/global/errors", test_global_errors);
    g_test_add_func("/qdev/global/fatal", test_global_fatal);
    g_test_add_func("/qdev/global/register-errors",
                    test_global_register_errors);
    g_test_add_func("/qdev/global/short-form", test_global_short_form);
    g_test_add_func("/qdev/global/check", test_global_check);
    g_test_add_func("/qdev/qtree", test_qtree);
    return g_test_run();
}
