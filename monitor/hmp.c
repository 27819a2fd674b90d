/*
 * hmp.c: HMP command lines: lookup, argument parsing, help, completion.
 *
 * Implements the table machinery of include/monitor/hmp.h.  The
 * argument notation and the messages for bad input are QEMU 7.2's
 * (checked against Debian's qemu-system-x86_64):
 *
 *   unknown command: 'LINE-UP-TO-THE-BAD-WORD'
 *   NAME: extraneous characters at the end of line
 *   NAME: unsupported option -X
 *   NAME: string expected
 *   Try "help LINE-UP-TO-THE-COMMAND" for more information
 *
 * where NAME is the table name with aliases ("stop|s").
 *
 * Deliberate differences: consecutive flags are accepted in any order
 * ("info mtree -d -f"; QEMU insists on the table order); integer
 * arguments take C literals, not QEMU's expression syntax with $reg.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

/* ---- Arguments ---- */

typedef enum HMPArgKind {
    HMP_ARG_STR,
    HMP_ARG_BOOL,
    HMP_ARG_INT,
} HMPArgKind;

typedef struct HMPArgValue {
    HMPArgKind kind;
    char *str;
    int64_t num;            /* HMP_ARG_INT, HMP_ARG_BOOL (0/1) */
} HMPArgValue;

struct HMPArgs {
    GHashTable *values;     /* key -> HMPArgValue */
};

static void hmp_arg_value_free(gpointer p)
{
    HMPArgValue *v = p;

    g_free(v->str);
    g_free(v);
}

static HMPArgs *hmp_args_new(void)
{
    HMPArgs *args = g_new0(HMPArgs, 1);

    args->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         hmp_arg_value_free);
    return args;
}

static void hmp_args_free(HMPArgs *args)
{
    if (args) {
        g_hash_table_destroy(args->values);
        g_free(args);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(HMPArgs, hmp_args_free)

static void hmp_args_put(HMPArgs *args, const char *key, HMPArgKind kind,
                         char *str, int64_t num)
{
    HMPArgValue *v = g_new0(HMPArgValue, 1);

    v->kind = kind;
    v->str = str;
    v->num = num;
    g_hash_table_replace(args->values, g_strdup(key), v);
}

static const HMPArgValue *hmp_arg_get(const HMPArgs *args, const char *key,
                                      HMPArgKind kind)
{
    const HMPArgValue *v = g_hash_table_lookup(args->values, key);

    return v && v->kind == kind ? v : NULL;
}

const char *hmp_arg_str(const HMPArgs *args, const char *key)
{
    const HMPArgValue *v = hmp_arg_get(args, key, HMP_ARG_STR);

    return v ? v->str : NULL;
}

bool hmp_arg_bool(const HMPArgs *args, const char *key)
{
    const HMPArgValue *v = hmp_arg_get(args, key, HMP_ARG_BOOL);

    return v ? v->num != 0 : false;
}

int64_t hmp_arg_int(const HMPArgs *args, const char *key, int64_t defval)
{
    const HMPArgValue *v = hmp_arg_get(args, key, HMP_ARG_INT);

    return v ? v->num : defval;
}

bool hmp_arg_has(const HMPArgs *args, const char *key)
{
    return g_hash_table_contains(args->values, key);
}

/* ---- Argument specifications ("key:s?,flag:-f") ---- */

typedef struct HMPArgSpec {
    char *key;
    char type;              /* 's', 'S', 'B', 'F', 'i', 'l', 'b', '-' */
    char flag;              /* for '-' */
    bool optional;
} HMPArgSpec;

/* Split args_type into specs; the table is ours, so no error path. */
static GArray *hmp_arg_specs(const char *args_type)
{
    GArray *specs = g_array_new(FALSE, TRUE, sizeof(HMPArgSpec));
    g_auto(GStrv) items = g_strsplit(args_type, ",", -1);
    int i;

    for (i = 0; items[i] != NULL; i++) {
        const char *colon = strchr(items[i], ':');
        HMPArgSpec spec = { 0 };

        if (items[i][0] == '\0' || colon == NULL || colon[1] == '\0') {
            continue;
        }
        spec.key = g_strndup(items[i], colon - items[i]);
        spec.type = colon[1];
        if (spec.type == '-') {
            spec.flag = colon[2];
        }
        spec.optional = strchr(colon + 1, '?') != NULL;
        g_array_append_val(specs, spec);
    }
    return specs;
}

static void hmp_arg_specs_free(GArray *specs)
{
    guint i;

    for (i = 0; i < specs->len; i++) {
        g_free(g_array_index(specs, HMPArgSpec, i).key);
    }
    g_array_free(specs, TRUE);
}

/* ---- Argument parsing ---- */

static const char *skip_spaces(const char *p)
{
    while (g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

static int hmp_unescape(char c)
{
    switch (c) {
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case '\\':
    case '\'':
    case '"':
        return c;
    default:
        return -1;
    }
}

/*
 * A word ending at a space or the end, or a "quoted string".  Returns
 * the string and moves *pp past it, or NULL on a bad quoted string.
 */
static char *hmp_get_word(const char **pp)
{
    const char *p = *pp;
    GString *out = g_string_new(NULL);

    if (*p != '"') {
        while (*p != '\0' && !g_ascii_isspace(*p)) {
            g_string_append_c(out, *p++);
        }
        *pp = p;
        return g_string_free(out, FALSE);
    }
    for (p++; *p != '"'; p++) {
        int c = *p;

        if (c == '\\') {
            c = hmp_unescape(*++p);
        }
        if (c <= 0) {
            g_string_free(out, TRUE);
            return NULL;
        }
        g_string_append_c(out, c);
    }
    *pp = p + 1;
    return g_string_free(out, FALSE);
}

static const char *hmp_string_expected(char type)
{
    switch (type) {
    case 'F':
        return "filename expected";
    case 'B':
        return "block device name expected";
    default:
        return "string expected";
    }
}

static bool hmp_parse_string(const HMPArgSpec *spec, const char **pp,
                             HMPArgs *args, Error **errp)
{
    const char *p = skip_spaces(*pp);
    char *str;

    if (*p == '\0') {
        if (!spec->optional) {
            error_setg(errp, "%s", hmp_string_expected(spec->type));
            return false;
        }
        return true;
    }
    if (spec->type == 'S') {
        str = g_strdup(p);
        p += strlen(p);
    } else {
        str = hmp_get_word(&p);
        if (str == NULL) {
            error_setg(errp, "%s", hmp_string_expected(spec->type));
            return false;
        }
    }
    hmp_args_put(args, spec->key, HMP_ARG_STR, str, 0);
    *pp = p;
    return true;
}

static bool hmp_parse_int(const HMPArgSpec *spec, const char **pp,
                          HMPArgs *args, Error **errp)
{
    const char *p = skip_spaces(*pp);
    g_autofree char *word = NULL;
    int64_t val;

    if (*p == '\0') {
        if (!spec->optional) {
            error_setg(errp, "integer expected");
            return false;
        }
        return true;
    }
    word = hmp_get_word(&p);
    if (word == NULL || qemu_strtoi64(word, NULL, 0, &val) < 0) {
        error_setg(errp, "integer expected");
        return false;
    }
    if (spec->type == 'i' && (val < INT32_MIN || val > UINT32_MAX)) {
        error_setg(errp, "integer is for 32-bit values");
        return false;
    }
    hmp_args_put(args, spec->key, HMP_ARG_INT, NULL, val);
    *pp = p;
    return true;
}

static bool hmp_parse_onoff(const HMPArgSpec *spec, const char **pp,
                            HMPArgs *args, Error **errp)
{
    const char *p = skip_spaces(*pp);
    g_autofree char *word = NULL;

    if (*p == '\0' && spec->optional) {
        return true;
    }
    word = hmp_get_word(&p);
    if (word == NULL ||
        (strcmp(word, "on") != 0 && strcmp(word, "off") != 0)) {
        error_setg(errp, "Expected 'on' or 'off'");
        return false;
    }
    hmp_args_put(args, spec->key, HMP_ARG_BOOL, NULL,
                 strcmp(word, "on") == 0);
    *pp = p;
    return true;
}

static const HMPArgSpec *hmp_find_flag(GArray *specs, guint from, guint to,
                                       char flag)
{
    guint i;

    for (i = from; i < to; i++) {
        const HMPArgSpec *spec = &g_array_index(specs, HMPArgSpec, i);

        if (spec->type == '-' && spec->flag == flag) {
            return spec;
        }
    }
    return NULL;
}

/*
 * Flags specs[*idx...] up to the next non-flag: take "-X" words that
 * name one of them.  A flag of a later run is left for that run.
 */
static bool hmp_parse_flags(GArray *specs, guint *idx, const char **pp,
                            HMPArgs *args, Error **errp)
{
    guint end = *idx;
    const char *p = *pp;

    while (end < specs->len &&
           g_array_index(specs, HMPArgSpec, end).type == '-') {
        end++;
    }
    for (;;) {
        const char *q = skip_spaces(p);
        const HMPArgSpec *spec;

        if (*q != '-') {
            break;
        }
        spec = hmp_find_flag(specs, *idx, end, q[1]);
        if (spec == NULL) {
            if (q[1] != '\0' && hmp_find_flag(specs, end, specs->len, q[1])) {
                break;
            }
            error_setg(errp, "unsupported option -%c", q[1]);
            return false;
        }
        hmp_args_put(args, spec->key, HMP_ARG_BOOL, NULL, 1);
        p = q + 2;
    }
    *idx = end;
    *pp = p;
    return true;
}

static bool hmp_parse_one(const HMPArgSpec *spec, const char **pp,
                          HMPArgs *args, Error **errp)
{
    switch (spec->type) {
    case 's':
    case 'S':
    case 'B':
    case 'F':
        return hmp_parse_string(spec, pp, args, errp);
    case 'i':
    case 'l':
        return hmp_parse_int(spec, pp, args, errp);
    case 'b':
        return hmp_parse_onoff(spec, pp, args, errp);
    default:
        error_setg(errp, "internal error: bad argument type '%c'",
                   spec->type);
        return false;
    }
}

/* Parse what follows the command name; NULL (errp) on bad input. */
static HMPArgs *hmp_parse_args(const char *args_type, const char *p,
                               Error **errp)
{
    g_autoptr(HMPArgs) args = hmp_args_new();
    GArray *specs = hmp_arg_specs(args_type ? args_type : "");
    guint i = 0;
    bool ok = true;

    while (ok && i < specs->len) {
        const HMPArgSpec *spec = &g_array_index(specs, HMPArgSpec, i);

        if (spec->type == '-') {
            ok = hmp_parse_flags(specs, &i, &p, args, errp);
        } else {
            ok = hmp_parse_one(spec, &p, args, errp);
            i++;
        }
    }
    hmp_arg_specs_free(specs);
    if (!ok) {
        return NULL;
    }
    if (*skip_spaces(p) != '\0') {
        error_setg(errp, "extraneous characters at the end of line");
        return NULL;
    }
    return g_steal_pointer(&args);
}

/* ---- Command lookup ---- */

/* Does word[0..len) equal one of the '|'-separated names? */
static bool hmp_name_matches(const char *names, const char *word, size_t len)
{
    const char *p = names;

    for (;;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);

        if (n == len && strncmp(p, word, len) == 0) {
            return true;
        }
        if (bar == NULL) {
            return false;
        }
        p = bar + 1;
    }
}

static const HMPCommand *hmp_find_cmd(const HMPCommand *table,
                                      const char *word, size_t len)
{
    const HMPCommand *cmd;

    for (cmd = table; cmd->name != NULL; cmd++) {
        if (hmp_name_matches(cmd->name, word, len)) {
            return cmd;
        }
    }
    return NULL;
}

/* A command name ends at a space, '/' (as in "x/4x") or the end. */
static const char *hmp_cmd_word_end(const char *p)
{
    while (*p != '\0' && *p != '/' && !g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

/*
 * Find the command line names, descending into subcommand tables.
 * *endp is left after the last name.  NULL for an empty line or an
 * unknown command (reported).
 */
static const HMPCommand *hmp_lookup(Monitor *mon, const HMPCommand *table,
                                    const char *cmdline, const char **endp)
{
    const char *p = skip_spaces(*endp);
    const char *end = hmp_cmd_word_end(p);
    const HMPCommand *cmd;

    if (*p == '\0') {
        return NULL;
    }
    cmd = hmp_find_cmd(table, p, end - p);
    if (cmd == NULL) {
        monitor_printf(mon, "unknown command: '%.*s'\n",
                       (int)(end - cmdline), cmdline);
        return NULL;
    }
    *endp = end;
    if (cmd->sub_table != NULL && *skip_spaces(end) != '\0') {
        return hmp_lookup(mon, cmd->sub_table, cmdline, endp);
    }
    return cmd;
}

void hmp_handle_command_table(Monitor *mon, const HMPCommand *table,
                              const char *cmdline)
{
    const char *p = cmdline;
    const HMPCommand *cmd = hmp_lookup(mon, table, cmdline, &p);
    g_autoptr(HMPArgs) args = NULL;
    Error *err = NULL;
    Monitor *old;

    if (cmd == NULL) {
        return;
    }
    args = hmp_parse_args(cmd->args_type, p, &err);
    if (args == NULL) {
        monitor_printf(mon, "%s: %s\n", cmd->name, error_get_pretty(err));
        monitor_printf(mon, "Try \"help %.*s\" for more information\n",
                       (int)(p - cmdline), cmdline);
        error_free(err);
        return;
    }
    old = monitor_set_cur(mon);
    cmd->cmd(mon, args);
    monitor_set_cur(old);
}

void hmp_handle_command(Monitor *mon, const char *cmdline)
{
    hmp_handle_command_table(mon, hmp_cmds, cmdline);
}

void hmp_handle_error(Monitor *mon, Error *err)
{
    if (err != NULL) {
        monitor_printf(mon, "Error: %s\n", error_get_pretty(err));
        error_free(err);
    }
}

/* ---- help ---- */

static void hmp_help_one(Monitor *mon, const HMPCommand *cmd,
                         char **words, int prefix_len)
{
    int i;

    for (i = 0; i < prefix_len; i++) {
        monitor_printf(mon, "%s ", words[i]);
    }
    monitor_printf(mon, "%s %s -- %s\n", cmd->name, cmd->params, cmd->help);
}

static void hmp_help_table(Monitor *mon, const HMPCommand *table,
                           char **words, int nb_words, int idx)
{
    const HMPCommand *cmd;
    int i;

    if (idx >= nb_words) {
        for (cmd = table; cmd->name != NULL; cmd++) {
            hmp_help_one(mon, cmd, words, idx);
        }
        return;
    }
    cmd = hmp_find_cmd(table, words[idx], strlen(words[idx]));
    if (cmd == NULL) {
        monitor_printf(mon, "unknown command: '");
        for (i = 0; i <= idx; i++) {
            monitor_printf(mon, "%s%s", words[i], i == idx ? "'\n" : " ");
        }
    } else if (cmd->sub_table != NULL) {
        hmp_help_table(mon, cmd->sub_table, words, nb_words, idx + 1);
    } else {
        hmp_help_one(mon, cmd, words, idx);
    }
}

/* Whitespace-separated words of str; an empty list for NULL. */
static GPtrArray *hmp_split_words(const char *str)
{
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    const char *p = str ? skip_spaces(str) : "";

    while (*p != '\0') {
        const char *start = p;

        while (*p != '\0' && !g_ascii_isspace(*p)) {
            p++;
        }
        g_ptr_array_add(words, g_strndup(start, p - start));
        p = skip_spaces(p);
    }
    return words;
}

void hmp_help_cmd(Monitor *mon, const char *name)
{
    GPtrArray *words = hmp_split_words(name);

    hmp_help_table(mon, hmp_cmds, (char **)words->pdata, words->len, 0);
    g_ptr_array_free(words, TRUE);
}

/* ---- Completion ---- */

static void hmp_complete_names(ReadLineState *rs, const HMPCommand *table,
                               const char *word)
{
    const HMPCommand *cmd;
    size_t len = strlen(word);

    readline_set_completion_index(rs, len);
    for (cmd = table; cmd->name != NULL; cmd++) {
        g_auto(GStrv) names = g_strsplit(cmd->name, "|", -1);
        int i;

        for (i = 0; names[i] != NULL; i++) {
            if (strncmp(names[i], word, len) == 0) {
                readline_add_completion(rs, names[i]);
            }
        }
    }
}

static void hmp_complete_in(ReadLineState *rs, const HMPCommand *table,
                            char **words, int nb_words)
{
    const HMPCommand *cmd;

    if (nb_words <= 1) {
        hmp_complete_names(rs, table, nb_words ? words[0] : "");
        return;
    }
    cmd = hmp_find_cmd(table, words[0], strlen(words[0]));
    if (cmd == NULL) {
        return;
    }
    if (cmd->sub_table != NULL) {
        hmp_complete_in(rs, cmd->sub_table, words + 1, nb_words - 1);
    } else if (cmd->cmd == hmp_help) {
        hmp_complete_in(rs, hmp_cmds, words + 1, nb_words - 1);
    }
}

void hmp_complete(Monitor *mon, const char *cmdline)
{
    GPtrArray *words;
    size_t len = strlen(cmdline);

    if (mon->rs == NULL) {
        return;
    }
    words = hmp_split_words(cmdline);
    /* After a space the word being completed is a new, empty one. */
    if (len == 0 || g_ascii_isspace(cmdline[len - 1])) {
        g_ptr_array_add(words, g_strdup(""));
    }
    hmp_complete_in(mon->rs, hmp_cmds, (char **)words->pdata, words->len);
    g_ptr_array_free(words, TRUE);
}
