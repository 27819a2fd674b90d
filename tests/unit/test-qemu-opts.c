/*
 * test-qemu-opts.c: QemuOpts parsing, merging, typed values and errors.
 *
 * Error and warning texts are compared with what Debian's QEMU 7.2 prints
 * for the same input (e.g. "qemu-system-x86_64 -m foo", "-global foo",
 * "-chardev null,id=1a", "-boot help"); those checks run in a subprocess
 * and match its whole stderr/stdout.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "qom/object.h"

static QemuOptsList opts_list_01 = {
    .name = "list_01",
    .desc = {
        { .name = "str1", .type = QEMU_OPT_STRING, .help = "first string" },
        { .name = "str2", .type = QEMU_OPT_STRING },
        { .name = "str3", .type = QEMU_OPT_STRING,
          .def_value_str = "dflt" },
        { .name = "number1", .type = QEMU_OPT_NUMBER,
          .help = "having the same name as a type is fine" },
        { .name = "number2", .type = QEMU_OPT_NUMBER,
          .def_value_str = "42" },
        { .name = "bool1", .type = QEMU_OPT_BOOL },
        { .name = "size1", .type = QEMU_OPT_SIZE },
        { NULL }
    },
};

/* Accepts any key, with an implied first one, like -device. */
static QemuOptsList opts_list_any = {
    .name = "any",
    .implied_opt_name = "driver",
    .desc = { { NULL } },
};

/* One merged QemuOpts, like -machine. */
static QemuOptsList opts_list_merge = {
    .name = "merged",
    .implied_opt_name = "type",
    .merge_lists = true,
    .desc = {
        { .name = "type", .type = QEMU_OPT_STRING },
        { .name = "usb", .type = QEMU_OPT_BOOL },
        { .name = "mem", .type = QEMU_OPT_SIZE },
        { NULL }
    },
};

/* As QEMU's -m, -chardev and -global groups, for the oracle tests. */
static QemuOptsList opts_list_memory = {
    .name = "memory",
    .implied_opt_name = "size",
    .merge_lists = true,
    .desc = {
        { .name = "size", .type = QEMU_OPT_SIZE },
        { .name = "slots", .type = QEMU_OPT_NUMBER },
        { .name = "maxmem", .type = QEMU_OPT_SIZE },
        { NULL }
    },
};

static QemuOptsList opts_list_chardev = {
    .name = "chardev",
    .implied_opt_name = "backend",
    .desc = { { NULL } },
};

static QemuOptsList opts_list_global = {
    .name = "global",
    .desc = {
        { .name = "driver", .type = QEMU_OPT_STRING },
        { .name = "property", .type = QEMU_OPT_STRING },
        { .name = "value", .type = QEMU_OPT_STRING },
        { NULL }
    },
};

static void reset_lists(void)
{
    qemu_opts_reset(&opts_list_01);
    qemu_opts_reset(&opts_list_any);
    qemu_opts_reset(&opts_list_merge);
}

/* Parse expecting failure; return the message and free the error. */
static char *parse_error(QemuOptsList *list, const char *params,
                         bool abbrev)
{
    Error *err = NULL;
    char *msg;

    g_assert_null(qemu_opts_parse(list, params, abbrev, &err));
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

/* ---- syntax ---- */

static void test_get_opt_value(void)
{
    g_autofree char *v1 = NULL;
    g_autofree char *v2 = NULL;
    g_autofree char *v3 = NULL;
    const char *in = "a,,b,,,,c,rest";
    const char *p;

    p = get_opt_value(in, &v1);
    g_assert_cmpstr(v1, ==, "a,b,,c");
    g_assert_cmpstr(p, ==, ",rest");
    p = get_opt_value("plain", &v2);
    g_assert_cmpstr(v2, ==, "plain");
    g_assert_cmpstr(p, ==, "");
    p = get_opt_value("", &v3);
    g_assert_cmpstr(v3, ==, "");
    g_assert_cmpstr(p, ==, "");
}

static void test_implied_key(void)
{
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_any, "e1000,netdev=n0", true,
                           &error_abort);
    g_assert_cmpstr(qemu_opt_get(opts, "driver"), ==, "e1000");
    g_assert_cmpstr(qemu_opt_get(opts, "netdev"), ==, "n0");

    /* Only the first item may omit its key. */
    opts = qemu_opts_parse(&opts_list_any, "netdev=n1,e1000", true,
                           &error_abort);
    g_assert_null(qemu_opt_get(opts, "driver"));
    g_assert_cmpstr(qemu_opt_get(opts, "e1000"), ==, "on");

    /* Without permit_abbrev a bare word is a flag. */
    opts = qemu_opts_parse(&opts_list_any, "e1000", false, &error_abort);
    g_assert_null(qemu_opt_get(opts, "driver"));
    g_assert_cmpstr(qemu_opt_get(opts, "e1000"), ==, "on");

    /* The implied value may hold escaped commas. */
    opts = qemu_opts_parse(&opts_list_any, "a,,b,x=1", true, &error_abort);
    g_assert_cmpstr(qemu_opt_get(opts, "driver"), ==, "a,b");
    g_assert_cmpstr(qemu_opt_get(opts, "x"), ==, "1");
    reset_lists();
}

static void test_escaping(void)
{
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_01, "str1=a,,b,str2=,,,str3=x=y",
                           false, &error_abort);
    g_assert_cmpstr(qemu_opt_get(opts, "str1"), ==, "a,b");
    g_assert_cmpstr(qemu_opt_get(opts, "str2"), ==, ",");
    g_assert_cmpstr(qemu_opt_get(opts, "str3"), ==, "x=y");

    /* An empty value and a trailing comma are fine. */
    opts = qemu_opts_parse(&opts_list_01, "str1=,str2=z,", false,
                           &error_abort);
    g_assert_cmpstr(qemu_opt_get(opts, "str1"), ==, "");
    g_assert_cmpstr(qemu_opt_get(opts, "str2"), ==, "z");
    reset_lists();
}

static void test_empty_string(void)
{
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_01, "", false, &error_abort);
    g_assert_nonnull(opts);
    g_assert_null(qemu_opt_get(opts, "str1"));
    g_assert_cmpuint(g_list_length(opts_list_01.head), ==, 1);
    reset_lists();
}

/* ---- typed values ---- */

static void test_bool(void)
{
    static const struct {
        const char *params;
        bool value;
    } cases[] = {
        { "bool1=on", true }, { "bool1=yes", true }, { "bool1=true", true },
        { "bool1=y", true }, { "bool1=off", false }, { "bool1=no", false },
        { "bool1=false", false }, { "bool1=n", false },
        { "bool1", true }, { "nobool1", false },
    };
    g_autofree char *msg = NULL;
    size_t i;

    reset_lists();
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        QemuOpts *opts = qemu_opts_parse(&opts_list_01, cases[i].params,
                                         false, &error_abort);

        g_assert_cmpint(qemu_opt_get_bool(opts, "bool1", !cases[i].value),
                        ==, cases[i].value);
        qemu_opts_del(opts);
    }
    msg = parse_error(&opts_list_01, "bool1=maybe", false);
    g_assert_cmpstr(msg, ==, "Parameter 'bool1' expects 'on' or 'off'");
    g_assert_null(opts_list_01.head);
}

static void test_number(void)
{
    QemuOpts *opts;
    g_autofree char *m1 = NULL;
    g_autofree char *m2 = NULL;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_01, "number1=0x10", false,
                           &error_abort);
    g_assert_cmpuint(qemu_opt_get_number(opts, "number1", 0), ==, 16);
    /* Unset: the descriptor's default beats the caller's. */
    g_assert_cmpuint(qemu_opt_get_number(opts, "number2", 7), ==, 42);
    g_assert_cmpuint(qemu_opt_get_number(opts, "str1", 7), ==, 7);
    qemu_opts_del(opts);

    m1 = parse_error(&opts_list_01, "number1=abc", false);
    g_assert_cmpstr(m1, ==, "Parameter 'number1' expects a number");
    m2 = parse_error(&opts_list_01, "number1=99999999999999999999", false);
    g_assert_cmpstr(m2, ==, "Value '99999999999999999999' is too large "
                    "for parameter 'number1'");
    reset_lists();
}

static void test_size(void)
{
    static const struct {
        const char *params;
        uint64_t value;
    } cases[] = {
        { "size1=0", 0 }, { "size1=4096", 4096 }, { "size1=1k", KiB },
        { "size1=1K", KiB }, { "size1=2M", 2 * MiB },
        { "size1=1.5G", 3 * GiB / 2 }, { "size1=1T", TiB },
        { "size1=0x20", 32 },
    };
    g_autofree char *m1 = NULL;
    g_autofree char *m2 = NULL;
    g_autofree char *m3 = NULL;
    size_t i;

    reset_lists();
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        QemuOpts *opts = qemu_opts_parse(&opts_list_01, cases[i].params,
                                         false, &error_abort);

        g_assert_cmpuint(qemu_opt_get_size(opts, "size1", 1), ==,
                         cases[i].value);
        qemu_opts_del(opts);
    }
    m1 = parse_error(&opts_list_01, "size1=foo", false);
    g_assert_cmpstr(m1, ==, "Parameter 'size1' expects a non-negative "
                    "number below 2^64");
    m2 = parse_error(&opts_list_01, "size1=-1", false);
    g_assert_cmpstr(m2, ==, m1);
    m3 = parse_error(&opts_list_01, "size1=99999999999999999999", false);
    g_assert_cmpstr(m3, ==, "Value '99999999999999999999' is out of range "
                    "for parameter 'size1'");
    reset_lists();
}

/* In a list without descriptors, typed getters parse the string. */
static void test_any_typed_getters(void)
{
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_any, "b=on,n=12,s=2K,junk=x", false,
                           &error_abort);
    g_assert_true(qemu_opt_get_bool(opts, "b", false));
    g_assert_cmpuint(qemu_opt_get_number(opts, "n", 0), ==, 12);
    g_assert_cmpuint(qemu_opt_get_size(opts, "s", 0), ==, 2 * KiB);
    g_assert_true(qemu_opt_get_bool(opts, "junk", true));
    g_assert_cmpuint(qemu_opt_get_number(opts, "junk", 5), ==, 5);
    g_assert_cmpuint(qemu_opt_get_size(opts, "missing", 9), ==, 9);
    reset_lists();
}

/* ---- keys, ids, lists ---- */

static void test_unknown_key(void)
{
    g_autofree char *msg = NULL;

    reset_lists();
    msg = parse_error(&opts_list_01, "str1=a,foo=1", false);
    g_assert_cmpstr(msg, ==, "Invalid parameter 'foo'");
    /* A failed parse leaves nothing behind. */
    g_assert_null(opts_list_01.head);
}

static void test_ids(void)
{
    QemuOpts *a, *b;
    g_autofree char *dup = NULL;
    g_autofree char *bad = NULL;
    g_autofree char *bad2 = NULL;
    g_autofree char *merged = NULL;

    reset_lists();
    a = qemu_opts_parse(&opts_list_01, "id=a,str1=x", false, &error_abort);
    g_assert_cmpstr(qemu_opts_id(a), ==, "a");
    /* "id" is the name, not an option. */
    g_assert_false(qemu_opt_find(a, "id"));
    b = qemu_opts_parse(&opts_list_01, "str1=y,id=b.c-d_e1", false,
                        &error_abort);
    g_assert_true(qemu_opts_find(&opts_list_01, "a") == a);
    g_assert_true(qemu_opts_find(&opts_list_01, "b.c-d_e1") == b);
    g_assert_null(qemu_opts_find(&opts_list_01, "c"));
    g_assert_true(qemu_opts_list(a) == &opts_list_01);

    dup = parse_error(&opts_list_01, "id=a", false);
    g_assert_cmpstr(dup, ==, "Duplicate ID 'a' for list_01");
    bad = parse_error(&opts_list_01, "id=1a", false);
    g_assert_cmpstr(bad, ==, "Parameter 'id' expects an identifier");
    bad2 = parse_error(&opts_list_01, "id=a b", false);
    g_assert_cmpstr(bad2, ==, bad);
    merged = parse_error(&opts_list_merge, "id=m", false);
    g_assert_cmpstr(merged, ==, "Invalid parameter 'id'");
    g_assert_cmpuint(g_list_length(opts_list_01.head), ==, 2);

    /* Without fail_if_exists, create returns the existing one. */
    g_assert_true(qemu_opts_create(&opts_list_01, "a", 0, &error_abort) == a);
    qemu_opts_set_id(b, g_strdup("renamed"));
    g_assert_true(qemu_opts_find(&opts_list_01, "renamed") == b);
    reset_lists();
    g_assert_null(opts_list_01.head);
}

static void test_merge(void)
{
    QemuOpts *a, *b;
    Error *err = NULL;

    reset_lists();
    a = qemu_opts_parse(&opts_list_merge, "pc,usb=on", true, &error_abort);
    b = qemu_opts_parse(&opts_list_merge, "mem=1G", true, &error_abort);
    g_assert_true(a == b);
    g_assert_cmpuint(g_list_length(opts_list_merge.head), ==, 1);
    g_assert_cmpstr(qemu_opt_get(a, "type"), ==, "pc");
    g_assert_true(qemu_opt_get_bool(a, "usb", false));
    g_assert_cmpuint(qemu_opt_get_size(a, "mem", 0), ==, GiB);

    qemu_opts_parse(&opts_list_merge, "q35,usb=off", true, &error_abort);
    g_assert_cmpstr(qemu_opt_get(a, "type"), ==, "q35");
    g_assert_false(qemu_opt_get_bool(a, "usb", true));

    /* A bad occurrence does not damage what was merged before. */
    g_assert_null(qemu_opts_parse(&opts_list_merge, "isapc,mem=x", true,
                                  &err));
    error_free(err);
    g_assert_cmpuint(g_list_length(opts_list_merge.head), ==, 1);
    g_assert_cmpstr(qemu_opt_get(a, "type"), ==, "q35");
    g_assert_cmpuint(qemu_opt_get_size(a, "mem", 0), ==, GiB);
    reset_lists();
}

static void test_last_wins_and_del(void)
{
    QemuOpts *opts;
    g_autofree char *v = NULL;
    g_autofree char *d = NULL;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_01, "str1=a,str2=x,str1=b", false,
                           &error_abort);
    g_assert_cmpstr(qemu_opt_get(opts, "str1"), ==, "b");
    v = qemu_opt_get_del(opts, "str1");
    g_assert_cmpstr(v, ==, "b");
    g_assert_null(qemu_opt_get(opts, "str1"));
    g_assert_false(qemu_opt_find(opts, "str1"));
    g_assert_true(qemu_opt_find(opts, "str2"));

    /* Defaults: reported by get, returned by get_del, never "found". */
    g_assert_cmpstr(qemu_opt_get(opts, "str3"), ==, "dflt");
    g_assert_false(qemu_opt_find(opts, "str3"));
    d = qemu_opt_get_del(opts, "str3");
    g_assert_cmpstr(d, ==, "dflt");
    g_assert_null(qemu_opt_get_del(NULL, "str3"));
    g_assert_null(qemu_opt_get(NULL, "str3"));
    reset_lists();
}

static void test_typed_del(void)
{
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_01, "bool1=on,number1=5,size1=2K,"
                           "number1=6", false, &error_abort);
    g_assert_true(qemu_opt_get_bool_del(opts, "bool1", false));
    g_assert_false(qemu_opt_get_bool_del(opts, "bool1", false));
    g_assert_cmpuint(qemu_opt_get_number_del(opts, "number1", 0), ==, 6);
    g_assert_cmpuint(qemu_opt_get_number_del(opts, "number1", 1), ==, 1);
    g_assert_cmpuint(qemu_opt_get_size_del(opts, "size1", 0), ==, 2 * KiB);
    g_assert_false(qemu_opt_find(opts, "size1"));
    /* The descriptor default survives deletion. */
    g_assert_cmpuint(qemu_opt_get_number_del(opts, "number2", 0), ==, 42);
    reset_lists();
}

static void test_set_unset(void)
{
    QemuOpts *opts;
    Error *err = NULL;

    reset_lists();
    opts = qemu_opts_create(&opts_list_01, NULL, 0, &error_abort);
    g_assert_true(qemu_opt_set(opts, "str1", "v", &error_abort));
    g_assert_true(qemu_opt_set_bool(opts, "bool1", true, &error_abort));
    g_assert_true(qemu_opt_set_number(opts, "number1", -2, &error_abort));
    g_assert_cmpstr(qemu_opt_get(opts, "bool1"), ==, "on");
    g_assert_cmpstr(qemu_opt_get(opts, "number1"), ==, "-2");
    g_assert_cmpuint(qemu_opt_get_number(opts, "number1", 0), ==,
                     (uint64_t)-2);

    g_assert_false(qemu_opt_set(opts, "size1", "lots", &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;
    g_assert_false(qemu_opt_find(opts, "size1"));
    g_assert_false(qemu_opt_set_bool(opts, "nope", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'nope'");
    error_free(err);

    g_assert_cmpint(qemu_opt_unset(opts, "str1"), ==, 0);
    g_assert_cmpint(qemu_opt_unset(opts, "str1"), ==, -1);
    g_assert_null(qemu_opt_get(opts, "str1"));
    reset_lists();
}

static void test_help_opt(void)
{
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_any, "e1000,help", true,
                           &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    opts = qemu_opts_parse(&opts_list_any, "e1000,?", true, &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    opts = qemu_opts_parse(&opts_list_any, "help=x", false, &error_abort);
    g_assert_true(qemu_opt_has_help_opt(opts));
    opts = qemu_opts_parse(&opts_list_any, "e1000,helper", true,
                           &error_abort);
    g_assert_false(qemu_opt_has_help_opt(opts));
    reset_lists();
}

static void test_validate(void)
{
    static const QemuOptDesc desc[] = {
        { .name = "driver", .type = QEMU_OPT_STRING },
        { .name = "n", .type = QEMU_OPT_NUMBER },
        { NULL }
    };
    QemuOpts *opts;
    Error *err = NULL;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_any, "x,n=0x10", true, &error_abort);
    g_assert_true(qemu_opts_validate(opts, desc, &error_abort));
    g_assert_cmpuint(qemu_opt_get_number(opts, "n", 0), ==, 16);

    opts = qemu_opts_parse(&opts_list_any, "x,m=1", true, &error_abort);
    g_assert_false(qemu_opts_validate(opts, desc, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'm'");
    error_free(err);
    err = NULL;

    opts = qemu_opts_parse(&opts_list_any, "x,n=z", true, &error_abort);
    g_assert_false(qemu_opts_validate(opts, desc, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'n' expects a number");
    error_free(err);
    reset_lists();
}

/* ---- iteration and output ---- */

static int collect_opt(void *opaque, const char *name, const char *value,
                       Error **errp)
{
    GString *s = opaque;

    g_string_append_printf(s, "[%s=%s]", name, value);
    return strcmp(name, "stop") == 0 ? 7 : 0;
}

static int collect_opts(void *opaque, QemuOpts *opts, Error **errp)
{
    GString *s = opaque;

    g_string_append_printf(s, "<%s>", qemu_opt_get(opts, "driver"));
    return qemu_opt_find(opts, "stop") ? 3 : 0;
}

static int delete_opts(void *opaque, QemuOpts *opts, Error **errp)
{
    qemu_opts_del(opts);
    return 0;
}

static void test_foreach(void)
{
    GString *s = g_string_new(NULL);
    QemuOpts *opts;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_any, "d1,z=1,a=2,z=3", true,
                           &error_abort);
    g_assert_cmpint(qemu_opt_foreach(opts, collect_opt, s, NULL), ==, 0);
    g_assert_cmpstr(s->str, ==, "[driver=d1][z=1][a=2][z=3]");

    g_string_truncate(s, 0);
    opts = qemu_opts_parse(&opts_list_any, "d2,stop,after=1", true,
                           &error_abort);
    g_assert_cmpint(qemu_opt_foreach(opts, collect_opt, s, NULL), ==, 7);
    g_assert_cmpstr(s->str, ==, "[driver=d2][stop=on]");

    qemu_opts_parse(&opts_list_any, "d3", true, &error_abort);
    g_string_truncate(s, 0);
    g_assert_cmpint(qemu_opts_foreach(&opts_list_any, collect_opts, s,
                                      NULL), ==, 3);
    g_assert_cmpstr(s->str, ==, "<d1><d2>");

    /* The callback may delete the QemuOpts it is handed. */
    g_assert_cmpint(qemu_opts_foreach(&opts_list_any, delete_opts, NULL,
                                      NULL), ==, 0);
    g_assert_null(opts_list_any.head);
    g_string_free(s, TRUE);
}

static void test_to_string(void)
{
    QemuOpts *opts, *again;
    g_autofree char *s = NULL;
    g_autofree char *s2 = NULL;
    g_autofree char *s3 = NULL;

    reset_lists();
    opts = qemu_opts_parse(&opts_list_any, "sock,id=c0,path=a,,b,x=1", true,
                           &error_abort);
    s = qemu_opts_to_string(opts);
    g_assert_cmpstr(s, ==, "id=c0,driver=sock,path=a,,b,x=1");

    /* The string parses back to the same options. */
    qemu_opts_del(opts);
    again = qemu_opts_parse(&opts_list_any, s, false, &error_abort);
    s2 = qemu_opts_to_string(again);
    g_assert_cmpstr(s2, ==, s);
    g_assert_cmpstr(qemu_opt_get(again, "path"), ==, "a,b");

    opts = qemu_opts_create(&opts_list_any, NULL, 0, &error_abort);
    s3 = qemu_opts_to_string(opts);
    g_assert_cmpstr(s3, ==, "");
    reset_lists();
}

/* ---- the registry ---- */

static void test_registry(void)
{
    static QemuOptsList reg_a = { .name = "reg-a", .desc = { { NULL } } };
    static QemuOptsList reg_b = {
        .name = "reg-b", .merge_lists = true, .desc = { { NULL } }
    };
    Error *err = NULL;
    QemuOpts *single;

    qemu_add_opts(&reg_a);
    qemu_add_opts(&reg_b);
    g_assert_true(qemu_find_opts("reg-a") == &reg_a);
    g_assert_true(qemu_find_opts_err("reg-b", &error_abort) == &reg_b);
    g_assert_null(qemu_find_opts_err("nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "There is no option group 'nope'");
    error_free(err);

    single = qemu_find_opts_singleton("reg-b");
    g_assert_nonnull(single);
    g_assert_true(qemu_find_opts_singleton("reg-b") == single);
    g_assert_cmpuint(g_list_length(reg_b.head), ==, 1);
    qemu_opts_reset(&reg_b);
}

/* ---- opts_init(): registration at start-up ---- */

static GString *init_trace;
static QemuOptsList opts_list_late = {
    .name = "late", .desc = { { NULL } }
};

static void init_second(void)
{
    g_string_append(init_trace, "2");
}

static void init_first(void)
{
    g_string_append(init_trace, "1");
    qemu_add_opts(&opts_list_late);
    /* Registered while running: still runs in this same call. */
    register_module_init(init_second, MODULE_INIT_OPTS);
}

opts_init(init_first)

static void init_qom_kind(void)
{
    g_string_append(init_trace, "Q");
}

type_init(init_qom_kind)

static void test_module_init(void)
{
    init_trace = g_string_new(NULL);
    g_assert_null(qemu_find_opts_err("late", NULL));
    module_call_init(MODULE_INIT_OPTS);
    g_assert_cmpstr(init_trace->str, ==, "12");
    g_assert_true(qemu_find_opts("late") == &opts_list_late);
    /* Each function runs once, and only for its own kind. */
    module_call_init(MODULE_INIT_OPTS);
    g_assert_cmpstr(init_trace->str, ==, "12");
    module_call_init(MODULE_INIT_QOM);
    module_call_init(MODULE_INIT_QOM);
    g_assert_cmpstr(init_trace->str, ==, "12Q");
    g_string_free(init_trace, TRUE);
}

/* ---- messages as QEMU prints them (subprocess, whole output) ---- */

/* Parse noisily at a command-line location, as vl.c does. */
static void parse_at_cmdline(QemuOptsList *list, const char *opt,
                             const char *params, bool abbrev)
{
    char *argv[] = { (char *)opt, (char *)params, NULL };

    error_set_progname("/usr/bin/qemu-system-x86_64");
    loc_set_cmdline(argv, 0, 2);
    qemu_opts_parse_noisily(list, params, abbrev);
    loc_set_none();
}

static void test_oracle_size(void)
{
    if (g_test_subprocess()) {
        parse_at_cmdline(&opts_list_memory, "-m", "foo", true);
        parse_at_cmdline(&opts_list_memory, "-m", "99999999999999999999",
                         true);
        parse_at_cmdline(&opts_list_memory, "-m", "id=x", true);
        parse_at_cmdline(&opts_list_memory, "-m", "64,slots=0x", true);
        parse_at_cmdline(&opts_list_memory, "-m", "64,foo=2", true);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "qemu-system-x86_64: -m foo: Parameter 'size' expects a "
        "non-negative number below 2^64\n"
        "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, "
        "tera-, peta-\n"
        "and exabytes, respectively.\n"
        "qemu-system-x86_64: -m 99999999999999999999: Value "
        "'99999999999999999999' is out of range for parameter 'size'\n"
        "qemu-system-x86_64: -m id=x: Invalid parameter 'id'\n"
        "qemu-system-x86_64: -m 64,slots=0x: Parameter 'slots' expects a "
        "number\n"
        "qemu-system-x86_64: -m 64,foo=2: Invalid parameter 'foo'\n");
}

static void test_oracle_ids(void)
{
    if (g_test_subprocess()) {
        parse_at_cmdline(&opts_list_chardev, "-chardev", "null,id=1a", true);
        parse_at_cmdline(&opts_list_chardev, "-chardev", "null,id=a", true);
        parse_at_cmdline(&opts_list_chardev, "-chardev", "null,id=a", true);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "qemu-system-x86_64: -chardev null,id=1a: Parameter 'id' expects "
        "an identifier\n"
        "Identifiers consist of letters, digits, '-', '.', '_', starting "
        "with a letter.\n"
        "qemu-system-x86_64: -chardev null,id=a: Duplicate ID 'a' for "
        "chardev\n");
}

static void test_oracle_flag(void)
{
    if (g_test_subprocess()) {
        parse_at_cmdline(&opts_list_global, "-global", "foo", false);
        parse_at_cmdline(&opts_list_global, "-global", "nofoo", false);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "qemu-system-x86_64: -global foo: warning: short-form boolean "
        "option 'foo' deprecated\n"
        "Please use foo=on instead\n"
        "qemu-system-x86_64: -global foo: Invalid parameter 'foo'\n"
        "qemu-system-x86_64: -global nofoo: warning: short-form boolean "
        "option 'nofoo' deprecated\n"
        "Please use foo=off instead\n"
        "qemu-system-x86_64: -global nofoo: Invalid parameter 'foo'\n");
}

/* The quiet parser takes flags without comment. */
static void test_flag_quiet(void)
{
    if (g_test_subprocess()) {
        QemuOpts *opts = qemu_opts_parse(&opts_list_01, "bool1", false,
                                         &error_abort);

        g_assert_true(qemu_opt_get_bool(opts, "bool1", false));
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("");
}

/* As "qemu-system-x86_64 -boot help" and "-add-fd help" print. */
static void test_oracle_help(void)
{
    static QemuOptsList boot = {
        .name = "boot-opts",
        .implied_opt_name = "order",
        .merge_lists = true,
        .desc = {
            { .name = "order", .type = QEMU_OPT_STRING },
            { .name = "once", .type = QEMU_OPT_STRING },
            { .name = "menu", .type = QEMU_OPT_BOOL },
            { .name = "splash", .type = QEMU_OPT_STRING },
            { .name = "splash-time", .type = QEMU_OPT_NUMBER },
            { .name = "reboot-timeout", .type = QEMU_OPT_NUMBER },
            { .name = "strict", .type = QEMU_OPT_BOOL },
            { NULL }
        },
    };
    static QemuOptsList add_fd = {
        .name = "add-fd",
        .desc = {
            { .name = "fd", .type = QEMU_OPT_NUMBER,
              .help = "file descriptor of which a duplicate is added to "
                      "fd set" },
            { .name = "set", .type = QEMU_OPT_NUMBER,
              .help = "ID of the fd set to add fd to" },
            { .name = "opaque", .type = QEMU_OPT_STRING,
              .help = "free-form string used to describe fd" },
            { NULL }
        },
    };
    static QemuOptsList empty = { .name = "empty", .desc = { { NULL } } };

    if (g_test_subprocess()) {
        g_assert_null(qemu_opts_parse_noisily(&boot, "help", false));
        g_assert_null(boot.head);
        g_assert_null(qemu_opts_parse_noisily(&add_fd, "fd=3,help", false));
        qemu_opts_print_help(&add_fd, false);
        qemu_opts_print_help(&empty, true);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("");
    g_test_trap_assert_stdout(
        "boot-opts options:\n"
        "  menu=<bool (on/off)>\n"
        "  once=<str>\n"
        "  order=<str>\n"
        "  reboot-timeout=<num>\n"
        "  splash-time=<num>\n"
        "  splash=<str>\n"
        "  strict=<bool (on/off)>\n"
        "add-fd options:\n"
        "  fd=<num>               - file descriptor of which a duplicate is "
        "added to fd set\n"
        "  opaque=<str>           - free-form string used to describe fd\n"
        "  set=<num>              - ID of the fd set to add fd to\n"
        "  fd=<num>               - file descriptor of which a duplicate is "
        "added to fd set\n"
        "  opaque=<str>           - free-form string used to describe fd\n"
        "  set=<num>              - ID of the fd set to add fd to\n"
        "There are no options for empty.\n");
}

/* qemu_opts_foreach() reports errors at the option's own location. */
static int report_in_foreach(void *opaque, QemuOpts *opts, Error **errp)
{
    error_report("cannot use '%s'", qemu_opt_get(opts, "driver"));
    return 0;
}

static void test_foreach_location(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"-device", (char *)"foo,x=1",
                         (char *)"-device", (char *)"bar" };

        error_set_progname("qemu-system-x86_64");
        loc_set_cmdline(argv, 0, 2);
        qemu_opts_parse_noisily(&opts_list_any, argv[1], true);
        loc_set_cmdline(argv, 2, 2);
        qemu_opts_parse_noisily(&opts_list_any, argv[3], true);
        loc_set_none();
        qemu_opts_foreach(&opts_list_any, report_in_foreach, NULL, NULL);
        error_report("after");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "qemu-system-x86_64: -device foo,x=1: cannot use 'foo'\n"
        "qemu-system-x86_64: -device bar: cannot use 'bar'\n"
        "qemu-system-x86_64: after\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qemu-opts/get-opt-value", test_get_opt_value);
    g_test_add_func("/qemu-opts/implied-key", test_implied_key);
    g_test_add_func("/qemu-opts/escaping", test_escaping);
    g_test_add_func("/qemu-opts/empty-string", test_empty_string);
    g_test_add_func("/qemu-opts/bool", test_bool);
    g_test_add_func("/qemu-opts/number", test_number);
    g_test_add_func("/qemu-opts/size", test_size);
    g_test_add_func("/qemu-opts/any-typed-getters", test_any_typed_getters);
    g_test_add_func("/qemu-opts/unknown-key", test_unknown_key);
    g_test_add_func("/qemu-opts/ids", test_ids);
    g_test_add_func("/qemu-opts/merge", test_merge);
    g_test_add_func("/qemu-opts/last-wins-and-del", test_last_wins_and_del);
    g_test_add_func("/qemu-opts/typed-del", test_typed_del);
    g_test_add_func("/qemu-opts/set-unset", test_set_unset);
    g_test_add_func("/qemu-opts/help-opt", test_help_opt);
    g_test_add_func("/qemu-opts/validate", test_validate);
    g_test_add_func("/qemu-opts/foreach", test_foreach);
    g_test_add_func("/qemu-opts/to-string", test_to_string);
    g_test_add_func("/qemu-opts/registry", test_registry);
    g_test_add_func("/qemu-opts/module-init", test_module_init);
    g_test_add_func("/qemu-opts/oracle/size", test_oracle_size);
    g_test_add_func("/qemu-opts/oracle/ids", test_oracle_ids);
    g_test_add_func("/qemu-opts/oracle/flag", test_oracle_flag);
    g_test_add_func("/qemu-opts/oracle/help", test_oracle_help);
    g_test_add_func("/qemu-opts/flag-quiet", test_flag_quiet);
    g_test_add_func("/qemu-opts/foreach-location", test_foreach_location);
    return g_test_run();
}
