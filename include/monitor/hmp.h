/*
 * hmp.h: human monitor commands.
 *
 * Commands live in tables (monitor/hmp-commands.c) of HMPCommand:
 *
 *   name       "cont|c": the name and its aliases, '|'-separated
 *   args_type  what follows the name, a comma-separated list of
 *              "key:TYPE" in QEMU's notation:
 *                s  a word (or "quoted string" with \" \\ \n \r \' escapes)
 *                B  a block device name (parsed like s)
 *                F  a file name (parsed like s)
 *                S  the rest of the line
 *                i  a 32-bit integer, l  a 64-bit integer (C syntax:
 *                   decimal, 0x hex, 0 octal, optional sign)
 *                b  on|off
 *                -X a flag, set when "-X" is given; consecutive flags
 *                   may come in any order
 *              a '?' after TYPE makes the argument optional
 *   params     the synopsis "help" prints ("[-f][-d][-o][-D]")
 *   help       one line of help
 *   cmd        the handler
 *   sub_table  a table of subcommands ("info"); cmd then runs when no
 *              subcommand is given
 *
 * A table ends with an entry whose name is NULL.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include "monitor/monitor.h"

typedef struct HMPArgs HMPArgs;

typedef struct HMPCommand {
    const char *name;
    const char *args_type;
    const char *params;
    const char *help;
    void (*cmd)(Monitor *mon, const HMPArgs *args);
    const struct HMPCommand *sub_table;
} HMPCommand;

/* The top-level and "info" tables, sorted by name (help prints them so). */
extern const HMPCommand hmp_cmds[];
extern const HMPCommand hmp_info_cmds[];

/*
 * Parsed arguments.  Absent optional arguments read as NULL / false /
 * defval; so do keys of another type.
 */
const char *hmp_arg_str(const HMPArgs *args, const char *key);
bool hmp_arg_bool(const HMPArgs *args, const char *key);
int64_t hmp_arg_int(const HMPArgs *args, const char *key, int64_t defval);
bool hmp_arg_has(const HMPArgs *args, const char *key);

/*
 * Parse and run one command line on mon, printing errors there as QEMU
 * does ("unknown command: 'foo'", "stop|s: extraneous characters at the
 * end of line" + "Try \"help stop\" for more information").  mon is the
 * current monitor while the handler runs.
 */
void hmp_handle_command(Monitor *mon, const char *cmdline);
/* The same with another command table (tests). */
void hmp_handle_command_table(Monitor *mon, const HMPCommand *table,
                              const char *cmdline);

/*
 * Completion for readline: cmdline is the text before the cursor.
 * Completes command names, "info" subcommands and "help" arguments.
 */
void hmp_complete(Monitor *mon, const char *cmdline);

/*
 * "help [name...]": all commands, one table ("help info") or one
 * command, as "name params -- help" lines.
 */
void hmp_help_cmd(Monitor *mon, const char *name);

/* Print "Error: <message>" for err (if set) and free it. */
void hmp_handle_error(Monitor *mon, Error *err);

/* Handlers (monitor/hmp-cmds.c). */
void hmp_help(Monitor *mon, const HMPArgs *args);
void hmp_info_help(Monitor *mon, const HMPArgs *args);
void hmp_cont(Monitor *mon, const HMPArgs *args);
void hmp_stop(Monitor *mon, const HMPArgs *args);
void hmp_quit(Monitor *mon, const HMPArgs *args);
void hmp_system_reset(Monitor *mon, const HMPArgs *args);
void hmp_system_powerdown(Monitor *mon, const HMPArgs *args);
void hmp_info_chardev(Monitor *mon, const HMPArgs *args);
void hmp_info_history(Monitor *mon, const HMPArgs *args);
void hmp_info_mtree(Monitor *mon, const HMPArgs *args);
void hmp_info_name(Monitor *mon, const HMPArgs *args);
void hmp_info_qtree(Monitor *mon, const HMPArgs *args);
void hmp_info_status(Monitor *mon, const HMPArgs *args);
void hmp_info_version(Monitor *mon, const HMPArgs *args);

#endif
