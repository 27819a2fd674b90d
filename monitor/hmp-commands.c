/*
 * hmp-commands.c: the HMP command tables.
 *
 * Names, synopses and help texts are QEMU 7.2's, so "help" prints the
 * same lines for the commands we have.  Keep each table sorted by name:
 * "help" lists them in table order, as QEMU lists its sorted tables.
 *
 * Missing: most of QEMU's commands (device_add, x, xp, savevm, ...)
 * arrive with the subsystems they drive.
 */
#include "qemu/osdep.h"
#include "monitor/hmp.h"
#include "hw/i386/apic.h"
#include "hw/intc/intc.h"

const HMPCommand hmp_info_cmds[] = {
    {
        .name = "chardev",
        .args_type = "",
        .params = "",
        .help = "show the character devices",
        .cmd = hmp_info_chardev,
    },
    {
        .name = "history",
        .args_type = "",
        .params = "",
        .help = "show the command line history",
        .cmd = hmp_info_history,
    },
    {
        .name = "lapic",
        .args_type = "apic-id:i?",
        .params = "[apic-id]",
        .help = "show local apic state (apic-id: local apic to read, "
                "default is which of current CPU)",
        .cmd = hmp_info_local_apic,
    },
    {
        .name = "mtree",
        .args_type = "flatview:-f,dispatch_tree:-d,owner:-o,disabled:-D",
        .params = "[-f][-d][-o][-D]",
        .help = "show memory tree (-f: dump flat view for address spaces;"
                "-d: dump dispatch tree, valid with -f only);"
                "-o: dump region owners/parents;"
                "-D: dump disabled regions",
        .cmd = hmp_info_mtree,
    },
    {
        .name = "name",
        .args_type = "",
        .params = "",
        .help = "show the current VM name",
        .cmd = hmp_info_name,
    },
    {
        .name = "pic",
        .args_type = "",
        .params = "",
        .help = "show PIC state",
        .cmd = hmp_info_pic,
    },
    {
        .name = "qtree",
        .args_type = "",
        .params = "",
        .help = "show device tree",
        .cmd = hmp_info_qtree,
    },
    {
        .name = "status",
        .args_type = "",
        .params = "",
        .help = "show the current VM status (running|paused)",
        .cmd = hmp_info_status,
    },
    {
        .name = "version",
        .args_type = "",
        .params = "",
        .help = "show the version of QEMU",
        .cmd = hmp_info_version,
    },
    { .name = NULL },
};

const HMPCommand hmp_cmds[] = {
    {
        .name = "cont|c",
        .args_type = "",
        .params = "",
        .help = "resume emulation",
        .cmd = hmp_cont,
    },
    {
        .name = "help|?",
        .args_type = "name:S?",
        .params = "[cmd]",
        .help = "show the help",
        .cmd = hmp_help,
    },
    {
        .name = "info",
        .args_type = "item:s?",
        .params = "[subcommand]",
        .help = "show various information about the system state",
        .cmd = hmp_info_help,
        .sub_table = hmp_info_cmds,
    },
    {
        .name = "quit|q",
        .args_type = "",
        .params = "",
        .help = "quit the emulator",
        .cmd = hmp_quit,
    },
    {
        .name = "stop|s",
        .args_type = "",
        .params = "",
        .help = "stop emulation",
        .cmd = hmp_stop,
    },
    {
        .name = "system_powerdown",
        .args_type = "",
        .params = "",
        .help = "send system power down event",
        .cmd = hmp_system_powerdown,
    },
    {
        .name = "system_reset",
        .args_type = "",
        .params = "",
        .help = "reset the system",
        .cmd = hmp_system_reset,
    },
    { .name = NULL },
};
