/*
 * option.h: QemuOpts, the "key=value,key=value" options of the command line.
 *
 * A QemuOptsList names an option group (e.g. "chardev", "device",
 * "machine"), optionally with an implied first key ("-chardev socket,..."
 * means backend=socket) and a list of known keys with types.  A list with
 * no descriptors accepts any key (validation left to the consumer, as for
 * -device).  Each -chardev/-device/... occurrence is one QemuOpts in the
 * list, optionally with an id.
 *
 * Syntax as QEMU 7.2: "a=1,b=on,c": a bare "c" means c=on and "noc"
 * means c=off (both deprecated: qemu_opts_parse_noisily() warns, as QEMU
 * does), ",," is a literal comma inside a value, "id=NAME" sets the id.
 * Sizes take K/M/G/T/P/E suffixes.
 */
#ifndef QEMU_OPTION_H
#define QEMU_OPTION_H

typedef struct Error Error;

enum QemuOptType {
    QEMU_OPT_STRING = 0,
    QEMU_OPT_BOOL,
    QEMU_OPT_NUMBER,
    QEMU_OPT_SIZE,
};

typedef struct QemuOptDesc {
    const char *name;
    enum QemuOptType type;
    const char *help;
    const char *def_value_str;
} QemuOptDesc;

typedef struct QemuOpt QemuOpt;
typedef struct QemuOpts QemuOpts;
typedef struct QemuOptsList QemuOptsList;

struct QemuOptsList {
    const char *name;
    const char *implied_opt_name;
    bool merge_lists;      /* "-machine a=1 -machine b=2" merge into one */
    GList *head;           /* of QemuOpts *, in order of appearance */
    QemuOptDesc desc[];    /* terminated by { NULL } */
};

/* Parsing. */
const char *get_opt_value(const char *p, char **value);
QemuOpts *qemu_opts_parse(QemuOptsList *list, const char *params,
                          bool permit_abbrev, Error **errp);
/* As qemu_opts_parse() but reports errors and returns NULL. */
QemuOpts *qemu_opts_parse_noisily(QemuOptsList *list, const char *params,
                                  bool permit_abbrev);
QemuOpts *qemu_opts_create(QemuOptsList *list, const char *id,
                           int fail_if_exists, Error **errp);
QemuOpts *qemu_opts_find(QemuOptsList *list, const char *id);
void qemu_opts_del(QemuOpts *opts);
void qemu_opts_reset(QemuOptsList *list);
/* Check every key is known and every value parses; errp names the key. */
bool qemu_opts_validate(QemuOpts *opts, const QemuOptDesc *desc,
                        Error **errp);

/* Accessors; the getters return the last value set for the key. */
const char *qemu_opts_id(QemuOpts *opts);
void qemu_opts_set_id(QemuOpts *opts, char *id);
QemuOptsList *qemu_opts_list(QemuOpts *opts);
const char *qemu_opt_get(QemuOpts *opts, const char *name);
char *qemu_opt_get_del(QemuOpts *opts, const char *name);
bool qemu_opt_has_help_opt(QemuOpts *opts);
bool qemu_opt_find(QemuOpts *opts, const char *name);
bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval);
uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval);
uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name,
                           uint64_t defval);
/* As the getters above, then remove every occurrence of the key. */
bool qemu_opt_get_bool_del(QemuOpts *opts, const char *name, bool defval);
uint64_t qemu_opt_get_number_del(QemuOpts *opts, const char *name,
                                 uint64_t defval);
uint64_t qemu_opt_get_size_del(QemuOpts *opts, const char *name,
                               uint64_t defval);
bool qemu_opt_set(QemuOpts *opts, const char *name, const char *value,
                  Error **errp);
bool qemu_opt_set_bool(QemuOpts *opts, const char *name, bool val,
                       Error **errp);
bool qemu_opt_set_number(QemuOpts *opts, const char *name, int64_t val,
                         Error **errp);
int qemu_opt_unset(QemuOpts *opts, const char *name);

/* Iterate the options of one QemuOpts in order: return nonzero to stop. */
typedef int (*qemu_opt_loopfunc)(void *opaque, const char *name,
                                 const char *value, Error **errp);
int qemu_opt_foreach(QemuOpts *opts, qemu_opt_loopfunc func, void *opaque,
                     Error **errp);
/* Iterate the QemuOpts of a list in order: return nonzero to stop. */
typedef int (*qemu_opts_loopfunc)(void *opaque, QemuOpts *opts,
                                  Error **errp);
int qemu_opts_foreach(QemuOptsList *list, qemu_opts_loopfunc func,
                      void *opaque, Error **errp);

/*
 * Make the command-line location where opts was given current, so that
 * errors reported while acting on it name the option (qemu_opts_foreach()
 * does this for each QemuOpts it visits).
 */
void qemu_opts_loc_restore(QemuOpts *opts);

/*
 * "key=value,..." back to a string that parses to the same options: the
 * id first if set, then every option in order, commas doubled.
 */
char *qemu_opts_to_string(QemuOpts *opts);
/* Print "name=<type> - help" lines for a descriptor table. */
void qemu_opts_print_help(QemuOptsList *list, bool print_caption);

/* The global registry of option lists, looked up by group name. */
void qemu_add_opts(QemuOptsList *list);
QemuOptsList *qemu_find_opts(const char *group);
QemuOptsList *qemu_find_opts_err(const char *group, Error **errp);
/* The single (merged) QemuOpts of a merge_lists group, or NULL. */
QemuOpts *qemu_find_opts_singleton(const char *group);

#endif
