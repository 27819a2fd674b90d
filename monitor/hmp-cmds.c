/*
 * hmp-cmds.c: the HMP command handlers.
 *
 * Output formats are QEMU 7.2's HMP (checked against Debian's
 * qemu-system-x86_64): "VM status: paused (prelaunch)", "info history"
 * as "N: 'line'", "info version" as QEMU_VERSION QEMU_PKGVERSION, errors
 * from a command as "Error: message".  "info" output of other
 * subsystems (mtree, qtree, chardev) is printed by them with
 * qemu_printf(), which reaches this monitor while the command runs.
 */
#include "qemu/osdep.h"
#include "config-host.h"
#include "qapi/error.h"
#include "chardev/char.h"
#include "exec/memory.h"
#include "hw/qdev-core.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

void hmp_help(Monitor *mon, const HMPArgs *args)
{
    hmp_help_cmd(mon, hmp_arg_str(args, "name"));
}

void hmp_info_help(Monitor *mon, const HMPArgs *args)
{
    hmp_help_cmd(mon, "info");
}

void hmp_cont(Monitor *mon, const HMPArgs *args)
{
    Error *err = NULL;

    /* A suspended guest wakes by system_wakeup, not cont (as QEMU). */
    if (runstate_check(RUN_STATE_SUSPENDED)) {
        return;
    }
    if (vm_prepare_start(&err)) {
        vm_start();
    }
    hmp_handle_error(mon, err);
}

void hmp_stop(Monitor *mon, const HMPArgs *args)
{
    vm_stop(RUN_STATE_PAUSED);
}

void hmp_quit(Monitor *mon, const HMPArgs *args)
{
    /* No prompt and no more input: the process is about to exit. */
    monitor_suspend(mon);
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

void hmp_system_reset(Monitor *mon, const HMPArgs *args)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

void hmp_system_powerdown(Monitor *mon, const HMPArgs *args)
{
    qemu_system_powerdown_request();
}

void hmp_info_chardev(Monitor *mon, const HMPArgs *args)
{
    qemu_chr_info_print();
}

void hmp_info_history(Monitor *mon, const HMPArgs *args)
{
    const char *line;
    unsigned int i;

    if (mon->rs == NULL) {
        return;
    }
    for (i = 0; (line = readline_get_history(mon->rs, i)) != NULL; i++) {
        monitor_printf(mon, "%u: '%s'\n", i, line);
    }
}

void hmp_info_mtree(Monitor *mon, const HMPArgs *args)
{
    mtree_info(hmp_arg_bool(args, "flatview"),
               hmp_arg_bool(args, "dispatch_tree"),
               hmp_arg_bool(args, "owner"),
               hmp_arg_bool(args, "disabled"));
}

void hmp_info_name(Monitor *mon, const HMPArgs *args)
{
    const char *name = qemu_get_vm_name();

    if (name != NULL) {
        monitor_printf(mon, "%s\n", name);
    }
}

void hmp_info_qtree(Monitor *mon, const HMPArgs *args)
{
    qdev_print_qtree();
}

void hmp_info_status(Monitor *mon, const HMPArgs *args)
{
    RunState state = runstate_get();
    bool running = runstate_is_running();

    monitor_printf(mon, "VM status: %s", running ? "running" : "paused");
    /* "paused" alone means stopped by the user; other reasons are named. */
    if (!running && state != RUN_STATE_PAUSED) {
        monitor_printf(mon, " (%s)", runstate_name(state));
    }
    monitor_printf(mon, "\n");
}

void hmp_info_version(Monitor *mon, const HMPArgs *args)
{
    monitor_printf(mon, "%s%s\n", QEMU_VERSION, QEMU_PKGVERSION);
}
