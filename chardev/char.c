/*
 * char.c: the chardev core -- the abstract "chardev" type, creation from
 * -chardev options and from the legacy -serial/-monitor specs, the
 * registry, the write path and "info chardev".
 *
 * Follows QEMU 7.2's documented behaviour (docs/system "Character device
 * options", the -serial/-monitor spec list) and its messages, checked
 * against Debian's qemu-system-x86_64 7.2.
 *
 * Chardevs live as children of the "/chardevs" container, named by their
 * label; a list keeps creation order for "info chardev" and for tearing
 * down in reverse at exit.
 *
 * Missing: record/replay, chardev-add/-remove/-change (the be_change
 * handler is kept but never called), GMainContext other than the main
 * loop's, the udp, ringbuf/memory, msmouse, braille, testdev, parallel,
 * spice and qemu-vdagent backends.  "vc" is a null device until there
 * is a display.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/help_option.h"
#include "qemu/option.h"
#include "qemu/qemu-print.h"
#include "qom/container.h"
#include "chardev/char.h"
#include "chardev/char-io.h"
#include "chardev/char-mux.h"

/* label -> Chardev *, and the same chardevs in creation order. */
static GHashTable *chardev_table;
static GList *chardev_list;

QemuOptsList qemu_chardev_opts = {
    .name = "chardev",
    .implied_opt_name = "backend",
    .desc = {
        { .name = "backend", .type = QEMU_OPT_STRING },
        { .name = "path", .type = QEMU_OPT_STRING },
        { .name = "host", .type = QEMU_OPT_STRING },
        { .name = "port", .type = QEMU_OPT_STRING },
        { .name = "fd", .type = QEMU_OPT_STRING },
        { .name = "to", .type = QEMU_OPT_NUMBER },
        { .name = "ipv4", .type = QEMU_OPT_BOOL },
        { .name = "ipv6", .type = QEMU_OPT_BOOL },
        { .name = "server", .type = QEMU_OPT_BOOL },
        { .name = "wait", .type = QEMU_OPT_BOOL },
        { .name = "telnet", .type = QEMU_OPT_BOOL },
        { .name = "tn3270", .type = QEMU_OPT_BOOL },
        { .name = "websocket", .type = QEMU_OPT_BOOL },
        { .name = "nodelay", .type = QEMU_OPT_BOOL },
        { .name = "delay", .type = QEMU_OPT_BOOL },
        { .name = "reconnect", .type = QEMU_OPT_NUMBER },
        { .name = "abstract", .type = QEMU_OPT_BOOL },
        { .name = "tight", .type = QEMU_OPT_BOOL },
        { .name = "mux", .type = QEMU_OPT_BOOL },
        { .name = "signal", .type = QEMU_OPT_BOOL },
        { .name = "logfile", .type = QEMU_OPT_STRING },
        { .name = "logappend", .type = QEMU_OPT_BOOL },
        { .name = "chardev", .type = QEMU_OPT_STRING },
        { .name = "append", .type = QEMU_OPT_BOOL },
        { .name = "size", .type = QEMU_OPT_SIZE },
        { .name = "debug", .type = QEMU_OPT_NUMBER },
        { .name = "name", .type = QEMU_OPT_STRING },
        { .name = "width", .type = QEMU_OPT_NUMBER },
        { .name = "height", .type = QEMU_OPT_NUMBER },
        { .name = "cols", .type = QEMU_OPT_NUMBER },
        { .name = "rows", .type = QEMU_OPT_NUMBER },
        { NULL }
    },
};

/* The options chr_create_muxed() hands the mux it creates. */
static QemuOptsList chr_mux_opts = {
    .name = "chardev-mux-internal",
    .desc = { { NULL } },
};

/* ---- the abstract type ---- */

static void chardev_instance_init(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    qemu_mutex_init(&chr->chr_write_lock);
    chr->logfd = -1;
}

static void chardev_unregister(Chardev *chr)
{
    if (chardev_table && chr->label &&
        g_hash_table_lookup(chardev_table, chr->label) == chr) {
        g_hash_table_remove(chardev_table, chr->label);
    }
    chardev_list = g_list_remove(chardev_list, chr);
}

static void chardev_instance_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    chardev_unregister(chr);
    /* The frontend outlives us: leave it detached, not dangling */
    if (chr->be && chr->be->chr == chr) {
        chr->be->chr = NULL;
    }
    if (chr->logfd >= 0) {
        close(chr->logfd);
    }
    g_free(chr->label);
    g_free(chr->filename);
    qemu_mutex_destroy(&chr->chr_write_lock);
}

static const TypeInfo chardev_type_info = {
    .name = TYPE_CHARDEV,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Chardev),
    .instance_init = chardev_instance_init,
    .instance_finalize = chardev_instance_finalize,
    .abstract = true,
    .class_size = sizeof(ChardevClass),
};

static void chardev_register_types(void)
{
    type_register_static(&chardev_type_info);
}

type_init(chardev_register_types)

/* ---- backend -> frontend ---- */

int qemu_chr_be_can_write(Chardev *s)
{
    CharBackend *be = s->be;

    if (!be || !be->chr_can_read) {
        return 0;
    }
    return be->chr_can_read(be->opaque);
}

void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len)
{
    CharBackend *be = s->be;

    /* Backends read only what can_read allowed, so nothing is lost here */
    if (be && be->chr_read && len > 0) {
        be->chr_read(be->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *s, QEMUChrEvent event)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);

    switch (event) {
    case CHR_EVENT_OPENED:
        s->be_open = 1;
        break;
    case CHR_EVENT_CLOSED:
        s->be_open = 0;
        break;
    default:
        break;
    }
    if (cc->chr_be_event) {
        cc->chr_be_event(s, event);
    } else if (s->be && s->be->chr_event) {
        s->be->chr_event(s->be->opaque, event);
    }
}

/* ---- the write path ---- */

static void chr_log(Chardev *s, const uint8_t *buf, int len)
{
    if (s->logfd >= 0 && len > 0) {
        /* A failing logfile must not stop the device */
        (void)chr_fd_write_all(s->logfd, buf, len);
    }
}

int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);
    bool failed = false;
    int done = 0;

    if (len <= 0) {
        return 0;
    }
    qemu_mutex_lock(&s->chr_write_lock);
    for (;;) {
        int n = cc->chr_write(s, buf + done, len - done);

        if (n < 0) {
            failed = true;
            break;
        }
        chr_log(s, buf + done, n);
        done += n;
        if (done >= len || !write_all) {
            break;
        }
        if (n == 0) {
            if (!cc->chr_wait_writable) {
                break;
            }
            cc->chr_wait_writable(s);
        }
    }
    qemu_mutex_unlock(&s->chr_write_lock);
    return failed && done == 0 ? -1 : done;
}

/* ---- the registry ---- */

static Object *chardevs_root(void)
{
    return container_get(object_get_root(), "/chardevs");
}

Chardev *qemu_chr_find(const char *name)
{
    if (!chardev_table || !name) {
        return NULL;
    }
    return g_hash_table_lookup(chardev_table, name);
}

void qemu_chr_delete(Chardev *chr)
{
    Object *obj = OBJECT(chr);

    chardev_unregister(chr);
    if (obj->parent) {
        object_unparent(obj);
    } else {
        object_unref(obj);
    }
}

void qemu_chr_cleanup(void)
{
    /* Newest first: a mux goes before the chardev beneath it */
    while (chardev_list) {
        GList *last = g_list_last(chardev_list);

        qemu_chr_delete(last->data);
    }
}

void qemu_chr_info_print(void)
{
    GList *l;

    for (l = chardev_list; l; l = l->next) {
        Chardev *chr = l->data;

        qemu_printf("%s: filename=%s\n", chr->label, chr->filename);
    }
}

static bool chr_class_listed(ObjectClass *oc)
{
    return !object_class_is_abstract(oc) && !CHARDEV_CLASS(oc)->internal;
}

void qemu_chr_print_backends(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_CHARDEV, false);
    GString *out = g_string_new("Available chardev backend types: ");
    size_t skip = strlen(CHARDEV_TYPE_PREFIX);
    GSList *l;

    for (l = list; l; l = l->next) {
        const char *name = object_class_get_name(l->data);

        if (chr_class_listed(l->data) &&
            g_str_has_prefix(name, CHARDEV_TYPE_PREFIX)) {
            g_string_append_printf(out, "\n  %s", name + skip);
        }
    }
    qemu_printf("%s\n", out->str);
    g_string_free(out, TRUE);
    g_slist_free(list);
}

/* ---- creation ---- */

/* The class for -chardev BACKEND, or NULL with QEMU's error. */
static ChardevClass *chr_backend_class(const char *backend, Error **errp)
{
    g_autofree char *typename = NULL;
    ObjectClass *oc;

    if (strcmp(backend, "tty") == 0) {
        warn_report("The alias 'tty' is deprecated, use 'serial' instead");
        backend = "serial";
    }
    typename = g_strdup_printf(CHARDEV_TYPE_PREFIX "%s", backend);
    oc = object_class_by_name(typename);
    if (oc && object_class_dynamic_cast(oc, TYPE_CHARDEV) &&
        object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'driver' expects a non-abstract device "
                   "type");
        return NULL;
    }
    if (!oc || !object_class_dynamic_cast(oc, TYPE_CHARDEV) ||
        !chr_class_listed(oc)) {
        error_setg(errp, "'%s' is not a valid char driver name", backend);
        return NULL;
    }
    return CHARDEV_CLASS(oc);
}

static bool chr_open_logfile(Chardev *chr, QemuOpts *opts, Error **errp)
{
    const char *logfile = qemu_opt_get(opts, "logfile");
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;

    if (!logfile) {
        return true;
    }
    flags |= qemu_opt_get_bool(opts, "logappend", false) ? O_APPEND
                                                          : O_TRUNC;
    chr->logfd = open(logfile, flags, 0666);
    if (chr->logfd < 0) {
        error_setg_errno(errp, errno, "Could not create '%s'", logfile);
        return false;
    }
    return true;
}

/*
 * Instantiate cc as label and open it from opts.  The chardev joins
 * /chardevs before opening, so a duplicate label fails before a server
 * socket binds or a terminal changes mode.
 */
static Chardev *chr_create(ChardevClass *cc, const char *label,
                           QemuOpts *opts, Error **errp)
{
    Object *obj = object_new_with_class(OBJECT_CLASS(cc));
    Chardev *chr = CHARDEV(obj);
    const char *typename = object_get_typename(obj);
    bool be_opened = true;

    chr->label = g_strdup(label);
    if (!object_property_try_add_child(chardevs_root(), label, obj, errp)) {
        object_unref(obj);
        return NULL;
    }
    object_unref(obj);

    if (!chr_open_logfile(chr, opts, errp) ||
        !cc->open(chr, opts, &be_opened, errp)) {
        object_unparent(obj);
        return NULL;
    }
    if (!chr->filename) {
        chr->filename = g_strdup(typename + strlen(CHARDEV_TYPE_PREFIX));
    }
    if (!chardev_table) {
        chardev_table = g_hash_table_new(g_str_hash, g_str_equal);
    }
    g_hash_table_insert(chardev_table, chr->label, chr);
    chardev_list = g_list_append(chardev_list, chr);
    if (be_opened) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
    return chr;
}

/* mux=on: the backend as LABEL-base under a mux named LABEL. */
static Chardev *chr_create_muxed(ChardevClass *cc, const char *label,
                                 QemuOpts *opts, Error **errp)
{
    g_autofree char *base_label = g_strdup_printf("%s-base", label);
    ChardevClass *mux_cc = CHARDEV_CLASS(object_class_by_name(
                                             TYPE_CHARDEV_MUX));
    QemuOpts *mux_opts;
    Chardev *base, *mux;

    base = chr_create(cc, base_label, opts, errp);
    if (!base) {
        return NULL;
    }
    /* Private options: the caller may be iterating qemu_chardev_opts */
    mux_opts = qemu_opts_create(&chr_mux_opts, NULL, 0, &error_abort);
    qemu_opt_set(mux_opts, "backend", "mux", &error_abort);
    qemu_opt_set(mux_opts, "chardev", base_label, &error_abort);
    mux = chr_create(mux_cc, label, mux_opts, errp);
    qemu_opts_del(mux_opts);
    if (!mux) {
        qemu_chr_delete(base);
    }
    return mux;
}

Chardev *qemu_chr_new_from_opts(QemuOpts *opts, void *context,
                                Error **errp)
{
    const char *backend = qemu_opt_get(opts, "backend");
    const char *id = qemu_opts_id(opts);
    ChardevClass *cc;

    if (!backend) {
        error_setg(errp, "chardev: \"%s\" missing backend", id ? id : "");
        return NULL;
    }
    if (is_help_option(backend)) {
        qemu_chr_print_backends();
        exit(0);
    }
    if (!id) {
        error_setg(errp, "chardev: no id specified");
        return NULL;
    }
    cc = chr_backend_class(backend, errp);
    if (!cc) {
        return NULL;
    }
    if (qemu_opt_get_bool(opts, "mux", false)) {
        return chr_create_muxed(cc, id, opts, errp);
    }
    return chr_create(cc, id, opts, errp);
}

Chardev *qemu_chr_new_noreplay(const char *label, const char *filename,
                               bool permit_mux_mon, void *context,
                               Error **errp)
{
    const char *id;
    QemuOpts *opts;
    Chardev *chr;

    if (strstart(filename, "chardev:", &id)) {
        return qemu_chr_find(id);
    }
    opts = qemu_chr_parse_compat(label, filename, permit_mux_mon);
    if (!opts) {
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, context, errp);
    qemu_opts_del(opts);
    return chr;
}

Chardev *qemu_chr_new(const char *label, const char *filename,
                      void *context)
{
    Error *err = NULL;
    Chardev *chr = qemu_chr_new_noreplay(label, filename, false, context,
                                         &err);

    if (err) {
        error_report_err(err);
    }
    return chr;
}
