/*
 * cutils.h: string and number parsing helpers.
 *
 * Strict parsers: all return 0 on success, -EINVAL for junk (and for an
 * empty string), -ERANGE on overflow.  When endptr is NULL trailing
 * characters are an error; otherwise *endptr points past the number.
 */
#ifndef QEMU_CUTILS_H
#define QEMU_CUTILS_H

int qemu_strtoi(const char *nptr, const char **endptr, int base, int *result);
int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result);
int qemu_strtol(const char *nptr, const char **endptr, int base, long *result);
int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result);
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);
/* strtod() with the same empty/junk/overflow rules. */
int qemu_strtod(const char *nptr, const char **endptr, double *result);

/*
 * Sizes: "1024", "64K", "2M", "1.5G", "1T", "512B"; suffixes are binary
 * (K = 1024) and case-insensitive.  qemu_strtosz() with no suffix means
 * bytes; qemu_strtosz_MiB() means MiB (used by -m).
 */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);
int qemu_strtosz_metric(const char *nptr, const char **end,
                        uint64_t *result);

/*
 * Booleans as QemuOpts accepts them: on/yes/true/y and off/no/false/n.
 * Returns true when recognised and stores the value in *result.
 */
bool qemu_parse_bool(const char *str, bool *result);

/* "Size" output used by info commands: "64 KiB", "1 GiB", "1.5 MiB". */
char *size_to_str(uint64_t val);

/* Start of string: if str starts with prefix, set *ptr past it. */
int strstart(const char *str, const char *prefix, const char **ptr);

/* Copy with truncation, always NUL-terminated. */
void pstrcpy(char *buf, int buf_size, const char *str);

#endif
