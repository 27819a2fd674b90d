/*
 * qemu-option.c: QemuOpts, the "key=value,..." command-line options.
 *
 * Implements include/qemu/option.h with QEMU 7.2's documented behaviour
 * (docs/system/invocation and the option syntax every -chardev, -device,
 * -machine, -boot ... user types):
 * - "a=1,b=x,,y" is a=1 and b="x,y": a doubled comma is a literal comma;
 * - with an implied key, a leading bare value names it ("socket,...");
 * - a bare "c" means c=on and "noc" means c=off; both are deprecated and
 *   the noisy parser says so, as QEMU 7.2 does;
 * - "id=NAME" names the QemuOpts; ids must be identifiers and unique in
 *   their list;
 * - a list with descriptors checks keys and parses bool/number/size
 *   values when they are set; a list without descriptors takes anything;
 * - a merge_lists group has one QemuOpts that every occurrence adds to;
 * - getters return the last value given for a key.
 * Each QemuOpts remembers the command-line location it was parsed at, and
 * qemu_opts_foreach() restores it, so errors raised while acting on an
 * option name the option.
 *
 * Missing compared with QEMU: QDict conversion and -readconfig files.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/cutils.h"
#include "qemu/option.h"
#include "qemu/qemu-print.h"

typedef struct QemuOpt {
    char *name;
    char *str;
    const QemuOptDesc *desc;   /* NULL in a list without descriptors */
    union {
        bool boolean;
        uint64_t uint;
    } value;
} QemuOpt;

struct QemuOpts {
    char *id;
    QemuOptsList *list;
    Location loc;
    GQueue opts;               /* of QemuOpt *, in order given */
};

/* One "name=value" item of a parameter string, before it is applied. */
typedef struct OptToken {
    char *name;
    char *value;
    bool flag;                 /* bare "name" / "noname" */
    bool negated;              /* the "noname" form */
} OptToken;

#define SIZE_HINT \
    "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, " \
    "peta-\nand exabytes, respectively.\n"

static const QemuOptDesc *find_desc_by_name(const QemuOptDesc *desc,
                                            const char *name)
{
    for (; desc != NULL && desc->name != NULL; desc++) {
        if (strcmp(desc->name, name) == 0) {
            return desc;
        }
    }
    return NULL;
}

static bool opts_accepts_any(const QemuOptsList *list)
{
    return list->desc[0].name == NULL;
}

static bool is_help_option(const char *s)
{
    return strcmp(s, "help") == 0 || strcmp(s, "?") == 0;
}

/* ---- parsing values ---- */

static bool parse_option_bool(const char *name, const char *value,
                              bool *ret, Error **errp)
{
    if (!qemu_parse_bool(value, ret)) {
        error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
        return false;
    }
    return true;
}

static bool parse_option_number(const char *name, const char *value,
                                uint64_t *ret, Error **errp)
{
    int err = qemu_strtou64(value, NULL, 0, ret);

    if (err == -ERANGE) {
        error_setg(errp, "Value '%s' is too large for parameter '%s'",
                   value, name);
        return false;
    }
    if (err != 0) {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return false;
    }
    return true;
}

static bool parse_option_size(const char *name, const char *value,
                              uint64_t *ret, Error **errp)
{
    int err = qemu_strtosz(value, NULL, ret);

    if (err == -ERANGE) {
        error_setg(errp, "Value '%s' is out of range for parameter '%s'",
                   value, name);
        return false;
    }
    if (err != 0) {
        error_setg(errp, "Parameter '%s' expects a non-negative number "
                   "below 2^64", name);
        error_append_hint(errp, SIZE_HINT);
        return false;
    }
    return true;
}

/* Convert opt->str according to opt->desc; strings need nothing. */
static bool qemu_opt_parse(QemuOpt *opt, Error **errp)
{
    if (opt->desc == NULL) {
        return true;
    }
    switch (opt->desc->type) {
    case QEMU_OPT_BOOL:
        return parse_option_bool(opt->name, opt->str, &opt->value.boolean,
                                 errp);
    case QEMU_OPT_NUMBER:
        return parse_option_number(opt->name, opt->str, &opt->value.uint,
                                   errp);
    case QEMU_OPT_SIZE:
        return parse_option_size(opt->name, opt->str, &opt->value.uint,
                                 errp);
    case QEMU_OPT_STRING:
    default:
        return true;
    }
}

/* ---- one option ---- */

static void qemu_opt_free(QemuOpt *opt)
{
    g_free(opt->name);
    g_free(opt->str);
    g_free(opt);
}

/* The last occurrence of name, or NULL. */
static GList *qemu_opt_find_link(QemuOpts *opts, const char *name)
{
    GList *l;

    for (l = opts->opts.tail; l != NULL; l = l->prev) {
        QemuOpt *opt = l->data;

        if (strcmp(opt->name, name) == 0) {
            return l;
        }
    }
    return NULL;
}

static QemuOpt *qemu_opt_find_last(QemuOpts *opts, const char *name)
{
    GList *l = qemu_opt_find_link(opts, name);

    return l != NULL ? l->data : NULL;
}

/* Remove every occurrence of name; returns how many there were. */
static int qemu_opt_del_all(QemuOpts *opts, const char *name)
{
    GList *l = opts->opts.head;
    int n = 0;

    while (l != NULL) {
        GList *next = l->next;
        QemuOpt *opt = l->data;

        if (strcmp(opt->name, name) == 0) {
            g_queue_delete_link(&opts->opts, l);
            qemu_opt_free(opt);
            n++;
        }
        l = next;
    }
    return n;
}

/*
 * Append name=value (value is taken over) after checking the key against
 * the list and parsing the value.  On failure nothing is added.
 */
static bool qemu_opt_add(QemuOpts *opts, const char *name, char *value,
                         Error **errp)
{
    const QemuOptDesc *desc = find_desc_by_name(opts->list->desc, name);
    QemuOpt *opt;

    if (desc == NULL && !opts_accepts_any(opts->list)) {
        error_setg(errp, "Invalid parameter '%s'", name);
        g_free(value);
        return false;
    }
    opt = g_new0(QemuOpt, 1);
    opt->name = g_strdup(name);
    opt->str = value;
    opt->desc = desc;
    if (!qemu_opt_parse(opt, errp)) {
        qemu_opt_free(opt);
        return false;
    }
    g_queue_push_tail(&opts->opts, opt);
    return true;
}

/* ---- accessors ---- */

const char *qemu_opts_id(QemuOpts *opts)
{
    return opts->id;
}

void qemu_opts_set_id(QemuOpts *opts, char *id)
{
    g_free(opts->id);
    opts->id = id;
}

QemuOptsList *qemu_opts_list(QemuOpts *opts)
{
    return opts->list;
}

/* The descriptor of name if it has a default value, else NULL. */
static const QemuOptDesc *find_default(QemuOpts *opts, const char *name)
{
    const QemuOptDesc *desc = find_desc_by_name(opts->list->desc, name);

    return desc != NULL && desc->def_value_str != NULL ? desc : NULL;
}

const char *qemu_opt_get(QemuOpts *opts, const char *name)
{
    QemuOpt *opt;
    const QemuOptDesc *desc;

    if (opts == NULL) {
        return NULL;
    }
    opt = qemu_opt_find_last(opts, name);
    if (opt != NULL) {
        return opt->str;
    }
    desc = find_default(opts, name);
    return desc != NULL ? desc->def_value_str : NULL;
}

char *qemu_opt_get_del(QemuOpts *opts, const char *name)
{
    char *str;

    if (opts == NULL) {
        return NULL;
    }
    str = g_strdup(qemu_opt_get(opts, name));
    qemu_opt_del_all(opts, name);
    return str;
}

bool qemu_opt_has_help_opt(QemuOpts *opts)
{
    GList *l;

    for (l = opts->opts.head; l != NULL; l = l->next) {
        QemuOpt *opt = l->data;

        if (is_help_option(opt->name)) {
            return true;
        }
    }
    return false;
}

bool qemu_opt_find(QemuOpts *opts, const char *name)
{
    return opts != NULL && qemu_opt_find_last(opts, name) != NULL;
}

/*
 * Typed getters.  A value checked against a descriptor was parsed when
 * set; in a list without descriptors the string is parsed now, and an
 * unparsable one reads as the default.
 */
bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval)
{
    const char *str = qemu_opt_get(opts, name);
    QemuOpt *opt = opts != NULL ? qemu_opt_find_last(opts, name) : NULL;
    bool val;

    if (opt != NULL && opt->desc != NULL &&
        opt->desc->type == QEMU_OPT_BOOL) {
        return opt->value.boolean;
    }
    if (str == NULL || !qemu_parse_bool(str, &val)) {
        return defval;
    }
    return val;
}

static uint64_t qemu_opt_get_uint(QemuOpts *opts, const char *name,
                                  uint64_t defval, bool size)
{
    const char *str = qemu_opt_get(opts, name);
    QemuOpt *opt = opts != NULL ? qemu_opt_find_last(opts, name) : NULL;
    enum QemuOptType type = size ? QEMU_OPT_SIZE : QEMU_OPT_NUMBER;
    uint64_t val;
    int err;

    if (opt != NULL && opt->desc != NULL && opt->desc->type == type) {
        return opt->value.uint;
    }
    if (str == NULL) {
        return defval;
    }
    err = size ? qemu_strtosz(str, NULL, &val)
               : qemu_strtou64(str, NULL, 0, &val);
    return err == 0 ? val : defval;
}

uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval)
{
    return qemu_opt_get_uint(opts, name, defval, false);
}

uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name,
                           uint64_t defval)
{
    return qemu_opt_get_uint(opts, name, defval, true);
}

bool qemu_opt_get_bool_del(QemuOpts *opts, const char *name, bool defval)
{
    bool val = qemu_opt_get_bool(opts, name, defval);

    if (opts != NULL) {
        qemu_opt_del_all(opts, name);
    }
    return val;
}

uint64_t qemu_opt_get_number_del(QemuOpts *opts, const char *name,
                                 uint64_t defval)
{
    uint64_t val = qemu_opt_get_number(opts, name, defval);

    if (opts != NULL) {
        qemu_opt_del_all(opts, name);
    }
    return val;
}

uint64_t qemu_opt_get_size_del(QemuOpts *opts, const char *name,
                               uint64_t defval)
{
    uint64_t val = qemu_opt_get_size(opts, name, defval);

    if (opts != NULL) {
        qemu_opt_del_all(opts, name);
    }
    return val;
}

bool qemu_opt_set(QemuOpts *opts, const char *name, const char *value,
                  Error **errp)
{
    return qemu_opt_add(opts, name, g_strdup(value), errp);
}

bool qemu_opt_set_bool(QemuOpts *opts, const char *name, bool val,
                       Error **errp)
{
    return qemu_opt_add(opts, name, g_strdup(val ? "on" : "off"), errp);
}

bool qemu_opt_set_number(QemuOpts *opts, const char *name, int64_t val,
                         Error **errp)
{
    return qemu_opt_add(opts, name, g_strdup_printf("%" PRId64, val),
                        errp);
}

int qemu_opt_unset(QemuOpts *opts, const char *name)
{
    return qemu_opt_del_all(opts, name) > 0 ? 0 : -1;
}

int qemu_opt_foreach(QemuOpts *opts, qemu_opt_loopfunc func, void *opaque,
                     Error **errp)
{
    GList *l;
    int rc;

    for (l = opts->opts.head; l != NULL; l = l->next) {
        QemuOpt *opt = l->data;

        rc = func(opaque, opt->name, opt->str, errp);
        if (rc != 0) {
            return rc;
        }
    }
    return 0;
}

/* ---- QemuOpts in a list ---- */

QemuOpts *qemu_opts_find(QemuOptsList *list, const char *id)
{
    GList *l;

    for (l = list->head; l != NULL; l = l->next) {
        QemuOpts *opts = l->data;

        if (g_strcmp0(opts->id, id) == 0) {
            return opts;
        }
    }
    return NULL;
}

/* Letters, digits, '-', '.', '_', starting with a letter. */
static bool id_wellformed(const char *id)
{
    const char *p;

    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

static bool qemu_opts_check_id(QemuOptsList *list, const char *id,
                               Error **errp)
{
    if (list->merge_lists) {
        /* The single merged QemuOpts has no name to give. */
        error_setg(errp, "Invalid parameter 'id'");
        return false;
    }
    if (!id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                          "'-', '.', '_', starting with a letter.\n");
        return false;
    }
    return true;
}

QemuOpts *qemu_opts_create(QemuOptsList *list, const char *id,
                           int fail_if_exists, Error **errp)
{
    QemuOpts *opts;

    if (id != NULL && !qemu_opts_check_id(list, id, errp)) {
        return NULL;
    }
    opts = qemu_opts_find(list, id);
    if (opts != NULL && id != NULL && fail_if_exists) {
        error_setg(errp, "Duplicate ID '%s' for %s", id, list->name);
        return NULL;
    }
    if (opts != NULL && (id != NULL || list->merge_lists)) {
        return opts;
    }
    opts = g_new0(QemuOpts, 1);
    opts->id = g_strdup(id);
    opts->list = list;
    loc_save(&opts->loc);
    g_queue_init(&opts->opts);
    list->head = g_list_append(list->head, opts);
    return opts;
}

void qemu_opts_del(QemuOpts *opts)
{
    if (opts == NULL) {
        return;
    }
    g_queue_clear_full(&opts->opts, (GDestroyNotify)qemu_opt_free);
    opts->list->head = g_list_remove(opts->list->head, opts);
    g_free(opts->id);
    g_free(opts);
}

void qemu_opts_reset(QemuOptsList *list)
{
    while (list->head != NULL) {
        qemu_opts_del(list->head->data);
    }
}

bool qemu_opts_validate(QemuOpts *opts, const QemuOptDesc *desc,
                        Error **errp)
{
    GList *l;

    for (l = opts->opts.head; l != NULL; l = l->next) {
        QemuOpt *opt = l->data;

        opt->desc = find_desc_by_name(desc, opt->name);
        if (opt->desc == NULL) {
            error_setg(errp, "Invalid parameter '%s'", opt->name);
            return false;
        }
        if (!qemu_opt_parse(opt, errp)) {
            return false;
        }
    }
    return true;
}

void qemu_opts_loc_restore(QemuOpts *opts)
{
    loc_restore(&opts->loc);
}

int qemu_opts_foreach(QemuOptsList *list, qemu_opts_loopfunc func,
                      void *opaque, Error **errp)
{
    Location loc;
    GList *l, *next;
    int rc = 0;

    loc_push_none(&loc);
    for (l = list->head; l != NULL; l = next) {
        /* func may delete the QemuOpts it is given. */
        next = l->next;
        loc_restore(&((QemuOpts *)l->data)->loc);
        rc = func(opaque, l->data, errp);
        if (rc != 0 || (errp != NULL && *errp != NULL)) {
            break;
        }
    }
    loc_pop(&loc);
    return rc;
}

/* ---- the parameter string ---- */

const char *get_opt_value(const char *p, char **value)
{
    GString *out = g_string_new(NULL);

    for (;;) {
        size_t len = strcspn(p, ",");

        g_string_append_len(out, p, len);
        p += len;
        if (p[0] == ',' && p[1] == ',') {
            g_string_append_c(out, ',');
            p += 2;
            continue;
        }
        break;
    }
    *value = g_string_free(out, FALSE);
    return p;
}

static void opt_token_free(OptToken *t)
{
    g_free(t->name);
    g_free(t->value);
    g_free(t);
}

/*
 * Split one item off params.  firstname, when set, names a leading bare
 * value.  Returns the position after the item and its separating comma.
 */
static const char *opt_token_next(const char *params, const char *firstname,
                                  OptToken *t)
{
    size_t len = strcspn(params, "=,");
    const char *p;

    if (params[len] == '=') {
        t->name = g_strndup(params, len);
        p = get_opt_value(params + len + 1, &t->value);
    } else if (firstname != NULL) {
        t->name = g_strdup(firstname);
        p = get_opt_value(params, &t->value);
    } else {
        t->name = g_strndup(params, len);
        p = params + len;
        t->flag = true;
        if (g_str_has_prefix(t->name, "no")) {
            memmove(t->name, t->name + 2, strlen(t->name + 2) + 1);
            t->negated = true;
            t->value = g_strdup("off");
        } else {
            t->value = g_strdup("on");
        }
    }
    return *p == ',' ? p + 1 : p;
}

static GPtrArray *opts_tokenize(const char *params, const char *firstname)
{
    GPtrArray *tokens =
        g_ptr_array_new_with_free_func((GDestroyNotify)opt_token_free);
    const char *p = params;

    while (*p != '\0') {
        OptToken *t = g_new0(OptToken, 1);

        p = opt_token_next(p, firstname, t);
        firstname = NULL;
        g_ptr_array_add(tokens, t);
    }
    return tokens;
}

static bool opt_token_is_help(const OptToken *t)
{
    return t->flag && !t->negated && is_help_option(t->name);
}

static void opts_warn_flag(const OptToken *t)
{
    const char *prefix = t->negated ? "no" : "";

    warn_report("short-form boolean option '%s%s' deprecated",
                prefix, t->name);
    if (strcmp(t->name, "delay") == 0) {
        /* The socket chardev's replacement key is the inverted one. */
        error_printf("Please use nodelay=%s instead\n",
                     t->negated ? "on" : "off");
    } else {
        error_printf("Please use %s=%s instead\n", t->name, t->value);
    }
}

/* Apply tokens (other than id) to opts; stops at the first bad one. */
static bool opts_apply_tokens(QemuOpts *opts, GPtrArray *tokens,
                              bool warn_on_flag, Error **errp)
{
    guint i;

    for (i = 0; i < tokens->len; i++) {
        OptToken *t = g_ptr_array_index(tokens, i);

        if (strcmp(t->name, "id") == 0 && !t->flag) {
            continue;
        }
        if (t->flag && warn_on_flag && !opt_token_is_help(t)) {
            opts_warn_flag(t);
        }
        if (!qemu_opt_add(opts, t->name, g_strdup(t->value), errp)) {
            return false;
        }
    }
    return true;
}

/* The last "id=" value, or NULL. */
static const char *opts_tokens_id(GPtrArray *tokens)
{
    const char *id = NULL;
    guint i;

    for (i = 0; i < tokens->len; i++) {
        OptToken *t = g_ptr_array_index(tokens, i);

        if (strcmp(t->name, "id") == 0 && !t->flag) {
            id = t->value;
        }
    }
    return id;
}

static bool opts_tokens_want_help(GPtrArray *tokens)
{
    guint i;

    for (i = 0; i < tokens->len; i++) {
        if (opt_token_is_help(g_ptr_array_index(tokens, i))) {
            return true;
        }
    }
    return false;
}

/*
 * Parse into a new QemuOpts (or the merged one).  On failure a new
 * QemuOpts is deleted and a merged one is left as it was before.
 */
static QemuOpts *opts_parse(QemuOptsList *list, GPtrArray *tokens,
                            bool warn_on_flag, Error **errp)
{
    const char *id = opts_tokens_id(tokens);
    QemuOpts *opts;
    guint before;

    opts = qemu_opts_create(list, id, !list->merge_lists, errp);
    if (opts == NULL) {
        return NULL;
    }
    before = g_queue_get_length(&opts->opts);
    if (!opts_apply_tokens(opts, tokens, warn_on_flag, errp)) {
        if (before == 0) {
            qemu_opts_del(opts);
        } else {
            while (g_queue_get_length(&opts->opts) > before) {
                qemu_opt_free(g_queue_pop_tail(&opts->opts));
            }
        }
        return NULL;
    }
    return opts;
}

QemuOpts *qemu_opts_parse(QemuOptsList *list, const char *params,
                          bool permit_abbrev, Error **errp)
{
    const char *firstname = permit_abbrev ? list->implied_opt_name : NULL;
    GPtrArray *tokens = opts_tokenize(params, firstname);
    QemuOpts *opts = opts_parse(list, tokens, false, errp);

    g_ptr_array_free(tokens, TRUE);
    return opts;
}

/*
 * As QEMU: in a list with descriptors "help" (or "?") prints the known
 * keys instead of parsing; in a list without, it is stored as help=on
 * for the consumer to find with qemu_opt_has_help_opt().
 */
QemuOpts *qemu_opts_parse_noisily(QemuOptsList *list, const char *params,
                                  bool permit_abbrev)
{
    const char *firstname = permit_abbrev ? list->implied_opt_name : NULL;
    GPtrArray *tokens = opts_tokenize(params, firstname);
    Error *err = NULL;
    QemuOpts *opts = NULL;

    if (!opts_accepts_any(list) && opts_tokens_want_help(tokens)) {
        qemu_opts_print_help(list, true);
    } else {
        opts = opts_parse(list, tokens, true, &err);
        if (opts == NULL) {
            error_report_err(err);
        }
    }
    g_ptr_array_free(tokens, TRUE);
    return opts;
}

/* ---- output ---- */

static void append_escaped(GString *out, const char *s)
{
    for (; *s; s++) {
        if (*s == ',') {
            g_string_append_c(out, ',');
        }
        g_string_append_c(out, *s);
    }
}

char *qemu_opts_to_string(QemuOpts *opts)
{
    GString *out = g_string_new(NULL);
    GList *l;

    if (opts->id != NULL) {
        g_string_append_printf(out, "id=%s", opts->id);
    }
    for (l = opts->opts.head; l != NULL; l = l->next) {
        QemuOpt *opt = l->data;

        if (out->len > 0) {
            g_string_append_c(out, ',');
        }
        g_string_append_printf(out, "%s=", opt->name);
        append_escaped(out, opt->str);
    }
    return g_string_free(out, FALSE);
}

static const char *opt_type_to_string(enum QemuOptType type)
{
    switch (type) {
    case QEMU_OPT_BOOL:
        return "bool (on/off)";
    case QEMU_OPT_NUMBER:
        return "num";
    case QEMU_OPT_SIZE:
        return "size";
    case QEMU_OPT_STRING:
    default:
        return "str";
    }
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "  name=<type>" padded to 24 columns, then " - help" if any. */
static char *opt_desc_help_line(const QemuOptDesc *desc)
{
    GString *line = g_string_new(NULL);

    g_string_append_printf(line, "  %s=<%s>", desc->name,
                           opt_type_to_string(desc->type));
    if (desc->help != NULL) {
        while (line->len < 24) {
            g_string_append_c(line, ' ');
        }
        g_string_append_printf(line, " - %s", desc->help);
    }
    return g_string_free(line, FALSE);
}

void qemu_opts_print_help(QemuOptsList *list, bool print_caption)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    const QemuOptDesc *desc;
    guint i;

    for (desc = list->desc; desc->name != NULL; desc++) {
        g_ptr_array_add(lines, opt_desc_help_line(desc));
    }
    g_ptr_array_sort(lines, compare_strings);
    if (lines->len == 0) {
        if (list->name != NULL) {
            qemu_printf("There are no options for %s.\n", list->name);
        } else {
            qemu_printf("No options available.\n");
        }
    } else if (print_caption) {
        if (list->name != NULL) {
            qemu_printf("%s options:\n", list->name);
        } else {
            qemu_printf("Options:\n");
        }
    }
    for (i = 0; i < lines->len; i++) {
        qemu_printf("%s\n", (char *)g_ptr_array_index(lines, i));
    }
    g_ptr_array_free(lines, TRUE);
}

/* ---- the registry of option groups ---- */

static GPtrArray *opts_registry;

void qemu_add_opts(QemuOptsList *list)
{
    if (opts_registry == NULL) {
        opts_registry = g_ptr_array_new();
    }
    g_ptr_array_add(opts_registry, list);
}

QemuOptsList *qemu_find_opts_err(const char *group, Error **errp)
{
    guint i;

    for (i = 0; opts_registry != NULL && i < opts_registry->len; i++) {
        QemuOptsList *list = g_ptr_array_index(opts_registry, i);

        if (strcmp(list->name, group) == 0) {
            return list;
        }
    }
    error_setg(errp, "There is no option group '%s'", group);
    return NULL;
}

QemuOptsList *qemu_find_opts(const char *group)
{
    Error *err = NULL;
    QemuOptsList *list = qemu_find_opts_err(group, &err);

    if (list == NULL) {
        error_report_err(err);
    }
    return list;
}

QemuOpts *qemu_find_opts_singleton(const char *group)
{
    QemuOptsList *list = qemu_find_opts(group);
    QemuOpts *opts;

    if (list == NULL) {
        return NULL;
    }
    opts = qemu_opts_find(list, NULL);
    if (opts == NULL) {
        opts = qemu_opts_create(list, NULL, 0, &error_abort);
    }
    return opts;
}
