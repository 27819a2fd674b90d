/*
 * char-compat.c: the legacy chardev specs of -serial, -parallel,
 * -monitor and -debugcon, turned into "chardev" QemuOpts.
 *
 * The forms are those QEMU 7.2 documents under -serial:
 *   null  vc[:WxH]  stdio  pty  file:PATH  pipe:PATH  /dev/XXX
 *   tcp:[HOST]:PORT[,server=on|off][,wait=on|off][,nodelay=on|off]
 *       [,reconnect=N][,ipv4=on][,ipv6=on][,to=PORT]
 *   telnet:HOST:PORT[,...]   (tcp with telnet=on)
 *   unix:PATH[,server=on|off][,wait=on|off][,reconnect=N]
 *   mon:SPEC                 (SPEC muxed with a monitor: mux=on)
 * The options after HOST:PORT or PATH take the old short forms too:
 * "server" is server=on and "nowait" is wait=off; unlike -chardev these
 * do not warn, as in QEMU.  "mon:stdio" also sets signal=off so that
 * Ctrl-C reaches the guest, as -nographic always did.
 *
 * Messages match QEMU: "'foo:bar' is not a valid char driver"; a "tcp:"
 * spec without HOST:PORT fails silently, as QEMU's does.
 *
 * Differences: "tcp:[::1]:PORT" (bracketed IPv6) is accepted.  udp:,
 * msmouse, braille and testdev map to backends we do not have, so they
 * fail at creation with "'udp' is not a valid char driver name".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "chardev/char.h"

/* Specs that are just a backend name. */
static const char *const compat_plain_backends[] = {
    "null", "pty", "stdio", "vc", "msmouse", "braille", "testdev",
    "wctablet",
};

/*
 * Apply "a=1,server,nowait,..." to opts: bare "x" is x=on, bare "nox"
 * is x=off, ",," is a literal comma.
 */
static bool compat_parse_tail(QemuOpts *opts, const char *p, Error **errp)
{
    while (*p) {
        size_t len = strcspn(p, "=,");
        g_autofree char *name = g_strndup(p, len);
        g_autofree char *value = NULL;

        if (p[len] == '=') {
            p = get_opt_value(p + len + 1, &value);
        } else {
            p += len;
            if (g_str_has_prefix(name, "no")) {
                memmove(name, name + 2, strlen(name + 2) + 1);
                value = g_strdup("off");
            } else {
                value = g_strdup("on");
            }
        }
        if (*name && !qemu_opt_set(opts, name, value, errp)) {
            return false;
        }
        if (*p == ',') {
            p++;
        }
    }
    return true;
}

/*
 * "HOST:PORT" or ":PORT" or "[V6HOST]:PORT", up to a comma.  Returns the
 * position after PORT, or NULL if malformed.
 */
static const char *compat_split_host_port(const char *p, char **host,
                                          char **port)
{
    const char *colon, *end;

    if (*p == '[') {
        const char *close = strchr(p, ']');

        if (!close || close[1] != ':') {
            return NULL;
        }
        *host = g_strndup(p + 1, close - p - 1);
        colon = close + 1;
    } else {
        colon = p + strcspn(p, ":,");
        if (*colon != ':') {
            return NULL;
        }
        *host = g_strndup(p, colon - p);
    }
    end = colon + 1 + strcspn(colon + 1, ",");
    if (end == colon + 1) {
        g_free(*host);
        *host = NULL;
        return NULL;
    }
    *port = g_strndup(colon + 1, end - colon - 1);
    return end;
}

/* tcp:, telnet:, tn3270:, websocket: -- p is after the prefix. */
static bool compat_parse_inet(QemuOpts *opts, const char *flag,
                              const char *p, Error **errp)
{
    g_autofree char *host = NULL;
    g_autofree char *port = NULL;
    const char *rest = compat_split_host_port(p, &host, &port);

    if (!rest) {
        return false;               /* QEMU says nothing either */
    }
    qemu_opt_set(opts, "backend", "socket", &error_abort);
    qemu_opt_set(opts, "host", host, &error_abort);
    qemu_opt_set(opts, "port", port, &error_abort);
    if (*rest == ',' && !compat_parse_tail(opts, rest + 1, errp)) {
        return false;
    }
    if (flag) {
        qemu_opt_set(opts, flag, "on", &error_abort);
    }
    return true;
}

static bool compat_parse_unix(QemuOpts *opts, const char *p, Error **errp)
{
    g_autofree char *path = NULL;

    p = get_opt_value(p, &path);
    qemu_opt_set(opts, "backend", "socket", &error_abort);
    qemu_opt_set(opts, "path", path, &error_abort);
    return *p != ',' || compat_parse_tail(opts, p + 1, errp);
}

static bool compat_parse_path(QemuOpts *opts, const char *backend,
                              const char *path)
{
    qemu_opt_set(opts, "backend", backend, &error_abort);
    qemu_opt_set(opts, "path", path, &error_abort);
    return true;
}

/* How the rest of a "PREFIX..." spec is read. */
typedef enum CompatKind {
    COMPAT_BACKEND,              /* the prefix names the backend */
    COMPAT_PATH,                 /* the rest is path= */
    COMPAT_DEVICE,               /* the whole spec is path= */
    COMPAT_INET,                 /* [HOST]:PORT[,opts], arg is a flag */
    COMPAT_UNIX,                 /* PATH[,opts] */
} CompatKind;

static const struct {
    const char *prefix;
    CompatKind kind;
    const char *arg;             /* backend, or the flag to set */
} compat_prefixes[] = {
    { "vc:", COMPAT_BACKEND, "vc" },
    { "udp:", COMPAT_BACKEND, "udp" },
    { "file:", COMPAT_PATH, "file" },
    { "pipe:", COMPAT_PATH, "pipe" },
    { "/dev/parport", COMPAT_DEVICE, "parallel" },
    { "/dev/", COMPAT_DEVICE, "serial" },
    { "tcp:", COMPAT_INET, NULL },
    { "telnet:", COMPAT_INET, "telnet" },
    { "tn3270:", COMPAT_INET, "tn3270" },
    { "websocket:", COMPAT_INET, "websocket" },
    { "unix:", COMPAT_UNIX, NULL },
};

/* Fill opts from spec; false with errp set, or unset for silence. */
static bool compat_parse_spec(QemuOpts *opts, const char *spec,
                              Error **errp)
{
    const char *p;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(compat_plain_backends); i++) {
        if (strcmp(spec, compat_plain_backends[i]) == 0) {
            qemu_opt_set(opts, "backend", spec, &error_abort);
            return true;
        }
    }
    for (i = 0; i < ARRAY_SIZE(compat_prefixes); i++) {
        const char *arg = compat_prefixes[i].arg;

        if (!strstart(spec, compat_prefixes[i].prefix, &p)) {
            continue;
        }
        switch (compat_prefixes[i].kind) {
        case COMPAT_BACKEND:
            qemu_opt_set(opts, "backend", arg, &error_abort);
            return true;
        case COMPAT_PATH:
            return compat_parse_path(opts, arg, p);
        case COMPAT_DEVICE:
            return compat_parse_path(opts, arg, spec);
        case COMPAT_INET:
            return compat_parse_inet(opts, arg, p, errp);
        case COMPAT_UNIX:
            return compat_parse_unix(opts, p, errp);
        }
    }
    error_setg(errp, "'%s' is not a valid char driver", spec);
    return false;
}

QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool permit_mux_mon)
{
    Error *err = NULL;
    QemuOpts *opts;
    const char *p;

    opts = qemu_opts_create(&qemu_chardev_opts, label, 1, &err);
    if (!opts) {
        error_report_err(err);
        return NULL;
    }
    if (strstart(filename, "mon:", &p)) {
        if (!permit_mux_mon) {
            error_report("mon: isn't supported in this context");
            qemu_opts_del(opts);
            return NULL;
        }
        filename = p;
        qemu_opt_set(opts, "mux", "on", &error_abort);
        if (strcmp(filename, "stdio") == 0) {
            /* As -nographic always did: Ctrl-C goes to the guest */
            qemu_opt_set(opts, "signal", "off", &error_abort);
        }
    }
    if (compat_parse_spec(opts, filename, &err)) {
        return opts;
    }
    if (err) {
        error_report_err(err);
    }
    qemu_opts_del(opts);
    return NULL;
}
