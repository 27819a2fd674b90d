/*
 * cutils.c: strict string-to-number parsers and small string helpers.
 *
 * Implements include/qemu/cutils.h with QEMU's documented semantics:
 * - the integer parsers wrap the C library's strto*() but reject "no
 *   digits" (including the empty string) with -EINVAL, trailing junk
 *   with -EINVAL unless the caller asked for the end pointer, and
 *   overflow with -ERANGE (storing the saturated value).  Unsigned
 *   parsers accept a leading '-' and wrap, as strtoull() does, so "-1"
 *   is UINT64_MAX.
 * - size parsers take a decimal integer or fraction, or a hexadecimal
 *   integer, with an optional binary (or metric) suffix B/K/M/G/T/P/E.
 *   A fraction needs a scale larger than one byte; the result is rounded
 *   to the nearest byte, halves upward.
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qemu/cutils.h"

/*
 * Common tail of the integer parsers: "nothing parsed" is always an
 * error; trailing characters are one only when the caller did not ask
 * where the number ends.
 */
static int strtox_finish(const char *nptr, const char *ep,
                         const char **endptr, int libc_errno)
{
    if (endptr != NULL) {
        *endptr = ep;
    }
    if (ep == nptr) {
        return -EINVAL;
    }
    if (endptr == NULL && *ep != '\0') {
        return -EINVAL;
    }
    return -libc_errno;
}

/* Reject a NULL string like an empty one. */
static bool strtox_null(const char *nptr, const char **endptr)
{
    if (nptr == NULL) {
        if (endptr != NULL) {
            *endptr = NULL;
        }
        return true;
    }
    return false;
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    char *ep;
    long long v;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtoll(nptr, &ep, base);
    *result = v;
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    char *ep;
    unsigned long long v;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtoull(nptr, &ep, base);
    *result = v;
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtol(const char *nptr, const char **endptr, int base, long *result)
{
    char *ep;
    long v;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtol(nptr, &ep, base);
    *result = v;
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result)
{
    char *ep;
    unsigned long v;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtoul(nptr, &ep, base);
    *result = v;
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtoi(const char *nptr, const char **endptr, int base, int *result)
{
    char *ep;
    long long v;
    int err;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtoll(nptr, &ep, base);
    err = errno;
    if (v > INT_MAX) {
        v = INT_MAX;
        err = ERANGE;
    } else if (v < INT_MIN) {
        v = INT_MIN;
        err = ERANGE;
    }
    *result = v;
    return strtox_finish(nptr, ep, endptr, err);
}

/* True if the number strto*() will see starts with a minus sign. */
static bool strtox_negative(const char *nptr)
{
    while (g_ascii_isspace(*nptr)) {
        nptr++;
    }
    return *nptr == '-';
}

int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result)
{
    char *ep;
    unsigned long long v;
    int err;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtoull(nptr, &ep, base);
    err = errno;
    if (err == 0 && strtox_negative(nptr)) {
        /* strtoull() negated the magnitude; the magnitude must fit. */
        if (-v > UINT_MAX) {
            err = ERANGE;
        }
    } else if (err == 0 && v > UINT_MAX) {
        err = ERANGE;
    }
    *result = err == ERANGE ? UINT_MAX : (unsigned int)v;
    return strtox_finish(nptr, ep, endptr, err);
}

int qemu_strtod(const char *nptr, const char **endptr, double *result)
{
    char *ep;
    double v;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    v = strtod(nptr, &ep);
    *result = v;
    return strtox_finish(nptr, ep, endptr, errno);
}

/* Multiplier of a size suffix letter, or 0 if c is not one. */
static uint64_t size_suffix_mul(char c, uint64_t unit)
{
    static const char suffixes[] = "BKMGTPE";
    const char *p;
    uint64_t mul = 1;

    if (c == '\0') {
        return 0;
    }
    p = strchr(suffixes, g_ascii_toupper(c));
    if (p == NULL) {
        return 0;
    }
    for (; p > suffixes; p--) {
        mul *= unit;
    }
    return mul;
}

/*
 * Parse ".ddd" after the integer part into numerator/10^digits.  Digits
 * beyond 19 cannot change a rounded result that fits in 64 bits by more
 * than the last bit of a 2^60 multiplier, so they are read and dropped.
 * Returns false for an exponent ("1.5e3"), which sizes do not take.
 */
static bool size_parse_fraction(const char **pp, uint64_t *num,
                                uint64_t *den)
{
    const char *p = *pp + 1;

    *num = 0;
    *den = 1;
    for (; g_ascii_isdigit(*p); p++) {
        if (*den < UINT64_C(10000000000000000000)) {
            *num = *num * 10 + (*p - '0');
            *den *= 10;
        }
    }
    if ((*p == 'e' || *p == 'E') &&
        (g_ascii_isdigit(p[1]) ||
         ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit(p[2])))) {
        return false;
    }
    *pp = p;
    return true;
}

/* Integer part: decimal, or hexadecimal after "0x" (no fraction then). */
static int size_parse_integer(const char *nptr, const char **ep,
                              uint64_t *val, bool *hex)
{
    int ret = qemu_strtou64(nptr, ep, 10, val);

    *hex = false;
    if (ret != 0) {
        return ret;
    }
    if (memchr(nptr, '-', *ep - nptr) != NULL) {
        *ep = nptr;
        return -EINVAL;
    }
    if (*val == 0 && (**ep == 'x' || **ep == 'X')) {
        *hex = true;
        ret = qemu_strtou64(nptr, ep, 16, val);
        if (ret == 0 && **ep == '.') {
            *ep = nptr;
            return -EINVAL;
        }
    }
    return ret;
}

static int size_parse(const char *nptr, const char **end, char default_sfx,
                      uint64_t unit, uint64_t *result)
{
    const char *ep;
    uint64_t val, num = 0, den = 1, mul;
    unsigned __int128 total;
    bool hex;
    int ret;

    ret = size_parse_integer(nptr, &ep, &val, &hex);
    if (ret == 0 && !hex && *ep == '.' &&
        !size_parse_fraction(&ep, &num, &den)) {
        ep = nptr;
        ret = -EINVAL;
    }
    if (ret == 0) {
        mul = size_suffix_mul(*ep, unit);
        if (mul != 0) {
            ep++;
        } else {
            mul = size_suffix_mul(default_sfx, unit);
        }
        if (mul == 1 && num != 0) {
            /* "1.5" bytes is meaningless: a fraction needs a scale. */
            ep = nptr;
            ret = -EINVAL;
        } else {
            total = (unsigned __int128)val * mul +
                    ((unsigned __int128)num * mul + den / 2) / den;
            if (total > UINT64_MAX) {
                ret = -ERANGE;
            } else {
                *result = (uint64_t)total;
            }
        }
    }
    if (end != NULL) {
        *end = ep;
    } else if (ret == 0 && *ep != '\0') {
        ret = -EINVAL;
    }
    return ret;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return size_parse(nptr, end, 'B', 1024, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return size_parse(nptr, end, 'M', 1024, result);
}

int qemu_strtosz_metric(const char *nptr, const char **end,
                        uint64_t *result)
{
    return size_parse(nptr, end, 'B', 1000, result);
}

bool qemu_parse_bool(const char *str, bool *result)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        if (strcmp(str, yes[i]) == 0) {
            *result = true;
            return true;
        }
        if (strcmp(str, no[i]) == 0) {
            *result = false;
            return true;
        }
    }
    return false;
}

/*
 * The unit is the largest one in which the value reads as at least
 * "1000 of the unit below" reaches 1, so figures stay under four digits
 * ("1000 B" prints as "0.977 KiB"), as QEMU's info output does.
 */
char *size_to_str(uint64_t val)
{
    static const char *const prefixes[] = {
        "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"
    };
    unsigned i = 0;

    while (i + 1 < ARRAY_SIZE(prefixes) &&
           val >= UINT64_C(1000) << (10 * i)) {
        i++;
    }
    return g_strdup_printf("%0.3g %sB", ldexp((double)val, -10 * (int)i),
                           prefixes[i]);
}

int strstart(const char *str, const char *prefix, const char **ptr)
{
    size_t len = strlen(prefix);

    if (strncmp(str, prefix, len) != 0) {
        return 0;
    }
    if (ptr != NULL) {
        *ptr = str + len;
    }
    return 1;
}

void pstrcpy(char *buf, int buf_size, const char *str)
{
    if (buf_size <= 0) {
        return;
    }
    g_strlcpy(buf, str, buf_size);
}
