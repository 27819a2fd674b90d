/*
 * test-cutils.c: the strict number parsers and size helpers of cutils.c.
 *
 * Expected values follow the documented QEMU semantics (cutils.h): -EINVAL
 * for no digits or trailing junk, -ERANGE with a saturated result on
 * overflow, binary size suffixes.  size_to_str() strings were taken from
 * Debian QEMU 7.2's "qemu-img info" output for the same byte counts.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

/* ---- qemu_strtoi ---- */

static void test_strtoi_simple(void)
{
    const char *end;
    int v = -1;

    g_assert_cmpint(qemu_strtoi("12345", NULL, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 12345);
    g_assert_cmpint(qemu_strtoi("-42", NULL, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, -42);
    g_assert_cmpint(qemu_strtoi(" \t 7", NULL, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 7);
    g_assert_cmpint(qemu_strtoi("123xyz", &end, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 123);
    g_assert_cmpstr(end, ==, "xyz");
}

static void test_strtoi_invalid(void)
{
    const char *str = "";
    const char *end = NULL;
    int v;

    g_assert_cmpint(qemu_strtoi(str, NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi(str, &end, 0, &v), ==, -EINVAL);
    g_assert_true(end == str);
    g_assert_cmpint(qemu_strtoi("   ", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi("junk", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi("12 ", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi("12.5", NULL, 10, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi(NULL, &end, 0, &v), ==, -EINVAL);
    g_assert_null(end);
}

static void test_strtoi_bases(void)
{
    int v;

    g_assert_cmpint(qemu_strtoi("0x1f", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 31);
    g_assert_cmpint(qemu_strtoi("1F", NULL, 16, &v), ==, 0);
    g_assert_cmpint(v, ==, 31);
    g_assert_cmpint(qemu_strtoi("0X1f", NULL, 16, &v), ==, 0);
    g_assert_cmpint(v, ==, 31);
    g_assert_cmpint(qemu_strtoi("017", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 15);
    g_assert_cmpint(qemu_strtoi("017", NULL, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 17);
    g_assert_cmpint(qemu_strtoi("19", NULL, 8, &v), ==, -EINVAL);
}

static void test_strtoi_range(void)
{
    int v;

    g_assert_cmpint(qemu_strtoi("2147483647", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483648", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("2147483648", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpint(v, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483649", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpint(v, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("99999999999999999999999", NULL, 0, &v),
                    ==, -ERANGE);
    g_assert_cmpint(v, ==, INT_MAX);
}

/* ---- unsigned and 64-bit parsers ---- */

static void test_strtoui(void)
{
    unsigned int v;

    g_assert_cmpint(qemu_strtoui("4294967295", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT_MAX);
    /* Negative numbers wrap as with strtoul(). */
    g_assert_cmpint(qemu_strtoui("-1", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("  \t -321", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, (unsigned int)-321);
    g_assert_cmpint(qemu_strtoui("4294967296", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-4294967296", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("", NULL, 0, &v), ==, -EINVAL);
}

static void test_strtol(void)
{
    long v;
    unsigned long uv;

    g_assert_cmpint(qemu_strtol("-9223372036854775808", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, LONG_MIN);
    g_assert_cmpint(qemu_strtol("9223372036854775808", NULL, 0, &v),
                    ==, -ERANGE);
    g_assert_cmpint(v, ==, LONG_MAX);
    g_assert_cmpint(qemu_strtol("0x", NULL, 16, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoul("0xffffffffffffffff", NULL, 0, &uv), ==, 0);
    g_assert_cmpuint(uv, ==, ULONG_MAX);
}

static void test_strtoi64(void)
{
    int64_t v;

    g_assert_cmpint(qemu_strtoi64("-9223372036854775808", NULL, 0, &v),
                    ==, 0);
    g_assert_cmpint(v, ==, INT64_MIN);
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", NULL, 0, &v),
                    ==, -ERANGE);
    g_assert_cmpint(v, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775809", NULL, 0, &v),
                    ==, -ERANGE);
    g_assert_cmpint(v, ==, INT64_MIN);
    g_assert_cmpint(qemu_strtoi64("0x7fffffffffffffff", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, INT64_MAX);
}

static void test_strtou64(void)
{
    const char *end;
    uint64_t v;

    g_assert_cmpint(qemu_strtou64("18446744073709551615", NULL, 0, &v),
                    ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("18446744073709551616", NULL, 0, &v),
                    ==, -ERANGE);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("-1", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("-18446744073709551616", NULL, 0, &v),
                    ==, -ERANGE);
    g_assert_cmpint(qemu_strtou64("0xdeadbeef,rest", &end, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 0xdeadbeef);
    g_assert_cmpstr(end, ==, ",rest");
    g_assert_cmpint(qemu_strtou64("0xdeadbeef,rest", NULL, 0, &v),
                    ==, -EINVAL);
}

static void test_strtod(void)
{
    double d;

    g_assert_cmpint(qemu_strtod("1.5", NULL, &d), ==, 0);
    g_assert_cmpfloat(d, ==, 1.5);
    g_assert_cmpint(qemu_strtod("1.5x", NULL, &d), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod("1e999", NULL, &d), ==, -ERANGE);
    g_assert_cmpint(qemu_strtod("", NULL, &d), ==, -EINVAL);
}

/* ---- sizes ---- */

static void assert_sz(const char *str, uint64_t expect)
{
    uint64_t v = 0xbad;

    g_assert_cmpint(qemu_strtosz(str, NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, expect);
}

static void assert_sz_err(const char *str, int err)
{
    uint64_t v = 0xbad;

    g_assert_cmpint(qemu_strtosz(str, NULL, &v), ==, err);
}

static void test_strtosz_simple(void)
{
    assert_sz("0", 0);
    assert_sz("12345", 12345);
    assert_sz(" 42", 42);
    assert_sz("512B", 512);
    assert_sz("512b", 512);
    assert_sz("18446744073709551615", UINT64_MAX);
    /* Leading zeros are decimal, not octal. */
    assert_sz("010", 10);
}

static void test_strtosz_suffixes(void)
{
    assert_sz("1K", KiB);
    assert_sz("1k", KiB);
    assert_sz("64K", 64 * KiB);
    assert_sz("2M", 2 * MiB);
    assert_sz("2m", 2 * MiB);
    assert_sz("3G", 3 * GiB);
    assert_sz("4T", 4 * TiB);
    assert_sz("5P", 5 * TiB * KiB);
    assert_sz("6E", 6 * TiB * MiB);
    assert_sz("15E", UINT64_C(15) << 60);
}

static void test_strtosz_fractions(void)
{
    assert_sz("1.5M", 3 * MiB / 2);
    assert_sz("1.5G", 3 * GiB / 2);
    assert_sz("0.5K", 512);
    /* 12.345 MiB = 12944670.72 bytes, rounded to the nearest byte. */
    assert_sz("12.345M", 12944671);
    /* A fraction of a byte has no meaning. */
    assert_sz_err("1.5", -EINVAL);
    assert_sz_err("1.5B", -EINVAL);
    /* Exponents are not sizes. */
    assert_sz_err("1.5e3", -EINVAL);
    assert_sz_err("1.5e+3K", -EINVAL);
}

static void test_strtosz_hex(void)
{
    assert_sz("0x10", 16);
    assert_sz("0X10", 16);
    assert_sz("0x10M", 16 * MiB);
    assert_sz_err("0x1.5M", -EINVAL);
}

static void test_strtosz_invalid(void)
{
    const char *str = "";
    const char *end = NULL;
    uint64_t v;

    assert_sz_err("", -EINVAL);
    assert_sz_err("   ", -EINVAL);
    assert_sz_err("foo", -EINVAL);
    assert_sz_err("1X", -EINVAL);
    assert_sz_err("1KB", -EINVAL);
    assert_sz_err("1 K", -EINVAL);
    assert_sz_err("-1", -EINVAL);
    assert_sz_err("-0", -EINVAL);
    assert_sz_err(" -1K", -EINVAL);
    g_assert_cmpint(qemu_strtosz(str, &end, &v), ==, -EINVAL);
    g_assert_true(end == str);
}

static void test_strtosz_range(void)
{
    assert_sz_err("18446744073709551616", -ERANGE);
    assert_sz_err("99999999999999999999", -ERANGE);
    assert_sz_err("16E", -ERANGE);
    assert_sz_err("16384P", -ERANGE);
    assert_sz_err("0x10000000000000000", -ERANGE);
    assert_sz_err("15.99999999999999999999E", -ERANGE);
}

static void test_strtosz_end(void)
{
    const char *str = "1Kxyz";
    const char *end = NULL;
    uint64_t v;

    g_assert_cmpint(qemu_strtosz(str, &end, &v), ==, 0);
    g_assert_cmpuint(v, ==, KiB);
    g_assert_true(end == str + 2);
    str = "12,k";
    g_assert_cmpint(qemu_strtosz(str, &end, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12);
    g_assert_true(end == str + 2);
}

static void test_strtosz_mib_metric(void)
{
    uint64_t v;

    g_assert_cmpint(qemu_strtosz_MiB("1", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, MiB);
    g_assert_cmpint(qemu_strtosz_MiB("1.5", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 3 * MiB / 2);
    g_assert_cmpint(qemu_strtosz_MiB("2G", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 2 * GiB);
    g_assert_cmpint(qemu_strtosz_MiB("1K", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, KiB);
    g_assert_cmpint(qemu_strtosz_MiB("16B", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 16);
    g_assert_cmpint(qemu_strtosz_MiB("foo", NULL, &v), ==, -EINVAL);

    g_assert_cmpint(qemu_strtosz_metric("1K", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1000);
    g_assert_cmpint(qemu_strtosz_metric("1.5M", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1500000);
    g_assert_cmpint(qemu_strtosz_metric("12", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12);
    g_assert_cmpint(qemu_strtosz_metric("18E", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_C(18000000000000000000));
    g_assert_cmpint(qemu_strtosz_metric("19E", NULL, &v), ==, -ERANGE);
}

/* ---- other helpers ---- */

static void test_parse_bool(void)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    bool b;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        b = false;
        g_assert_true(qemu_parse_bool(yes[i], &b));
        g_assert_true(b);
        b = true;
        g_assert_true(qemu_parse_bool(no[i], &b));
        g_assert_false(b);
    }
    g_assert_false(qemu_parse_bool("", &b));
    g_assert_false(qemu_parse_bool("maybe", &b));
    g_assert_false(qemu_parse_bool("1", &b));
    g_assert_false(qemu_parse_bool("ON", &b));
}

static void assert_size_str(uint64_t val, const char *expect)
{
    g_autofree char *s = size_to_str(val);

    g_assert_cmpstr(s, ==, expect);
}

static void test_size_to_str(void)
{
    /* As Debian QEMU 7.2's qemu-img info prints these sizes. */
    assert_size_str(0, "0 B");
    assert_size_str(512, "512 B");
    assert_size_str(1024, "1 KiB");
    assert_size_str(1536, "1.5 KiB");
    assert_size_str(65536, "64 KiB");
    assert_size_str(1024000, "0.977 MiB");
    assert_size_str(MiB, "1 MiB");
    assert_size_str(12944896, "12.3 MiB");
    assert_size_str(3 * GiB / 2, "1.5 GiB");
    /* The unit changes at 1000 of the smaller one. */
    assert_size_str(999, "999 B");
    assert_size_str(1000, "0.977 KiB");
    assert_size_str(UINT64_MAX, "16 EiB");
}

static void test_strstart(void)
{
    const char *rest = NULL;

    g_assert_cmpint(strstart("tcp:localhost", "tcp:", &rest), ==, 1);
    g_assert_cmpstr(rest, ==, "localhost");
    rest = NULL;
    g_assert_cmpint(strstart("udp:x", "tcp:", &rest), ==, 0);
    g_assert_null(rest);
    g_assert_cmpint(strstart("tc", "tcp:", NULL), ==, 0);
    g_assert_cmpint(strstart("abc", "", &rest), ==, 1);
    g_assert_cmpstr(rest, ==, "abc");
}

static void test_pstrcpy(void)
{
    char buf[6];

    memset(buf, 'x', sizeof(buf));
    pstrcpy(buf, sizeof(buf), "hello world");
    g_assert_cmpstr(buf, ==, "hello");
    pstrcpy(buf, sizeof(buf), "hi");
    g_assert_cmpstr(buf, ==, "hi");
    buf[0] = 'q';
    pstrcpy(buf, 0, "ignored");
    g_assert_cmpint(buf[0], ==, 'q');
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cutils/strtoi/simple", test_strtoi_simple);
    g_test_add_func("/cutils/strtoi/invalid", test_strtoi_invalid);
    g_test_add_func("/cutils/strtoi/bases", test_strtoi_bases);
    g_test_add_func("/cutils/strtoi/range", test_strtoi_range);
    g_test_add_func("/cutils/strtoui", test_strtoui);
    g_test_add_func("/cutils/strtol", test_strtol);
    g_test_add_func("/cutils/strtoi64", test_strtoi64);
    g_test_add_func("/cutils/strtou64", test_strtou64);
    g_test_add_func("/cutils/strtod", test_strtod);
    g_test_add_func("/cutils/strtosz/simple", test_strtosz_simple);
    g_test_add_func("/cutils/strtosz/suffixes", test_strtosz_suffixes);
    g_test_add_func("/cutils/strtosz/fractions", test_strtosz_fractions);
    g_test_add_func("/cutils/strtosz/hex", test_strtosz_hex);
    g_test_add_func("/cutils/strtosz/invalid", test_strtosz_invalid);
    g_test_add_func("/cutils/strtosz/range", test_strtosz_range);
    g_test_add_func("/cutils/strtosz/end", test_strtosz_end);
    g_test_add_func("/cutils/strtosz/mib-metric", test_strtosz_mib_metric);
    g_test_add_func("/cutils/parse-bool", test_parse_bool);
    g_test_add_func("/cutils/size-to-str", test_size_to_str);
    g_test_add_func("/cutils/strstart", test_strstart);
    g_test_add_func("/cutils/pstrcpy", test_pstrcpy);
    return g_test_run();
}
