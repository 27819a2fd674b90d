/*
 * runstate.c: the VM run state and the requests that change it.
 *
 * Devices, signal handlers, vCPU threads and the monitor never act on
 * shutdown or reset directly: they set a request flag and wake the main
 * loop, which handles requests between iterations (main_loop_should_exit)
 * with the big lock held and no device callback on the stack.
 *
 * The state names and the allowed transitions follow QEMU's run states
 * as reported by "info status"; transitions are not policed here (QEMU
 * aborts on an invalid one) because the callers are few and in-tree.
 *
 * Missing: vCPU pause/resume (no accelerator runs vCPUs yet), suspend.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "hw/qdev-core.h"
#include "hw/boards.h"
#include "sysemu/runstate.h"

static RunState current_run_state = RUN_STATE_PRELAUNCH;

/* Requests: written from any thread, consumed by the main loop. */
static volatile int reset_requested;      /* ShutdownCause, 0 = none */
static volatile int shutdown_requested;   /* ShutdownCause, 0 = none */
static volatile int powerdown_requested;
static volatile int debug_requested;
static volatile int exit_requested;
static volatile int exit_status;

bool no_reboot;
bool no_shutdown;

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};

typedef struct ResetEntry {
    QEMUResetHandler *func;
    void *opaque;
} ResetEntry;

typedef struct Notifier {
    void (*fn)(void *opaque);
    void *opaque;
} Notifier;

static GList *vm_change_state_handlers;   /* of VMChangeStateEntry * */
static GList *reset_handlers;             /* of ResetEntry * */
static GList *powerdown_notifiers;        /* of Notifier * */

static const char *const run_state_names[RUN_STATE__MAX] = {
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INMIGRATE] = "inmigrate",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_IO_ERROR] = "io-error",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_POSTMIGRATE] = "postmigrate",
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_FINISH_MIGRATE] = "finish-migrate",
    [RUN_STATE_RESTORE_VM] = "restore-vm",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_SAVE_VM] = "save-vm",
    [RUN_STATE_SHUTDOWN] = "shutdown",
    [RUN_STATE_SUSPENDED] = "suspended",
    [RUN_STATE_WATCHDOG] = "watchdog",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_COLO] = "colo",
};

const char *runstate_name(RunState state)
{
    if (state < 0 || state >= RUN_STATE__MAX) {
        return "unknown";
    }
    return run_state_names[state];
}

RunState runstate_get(void)
{
    return current_run_state;
}

void runstate_set(RunState new_state)
{
    current_run_state = new_state;
}

bool runstate_check(RunState state)
{
    return current_run_state == state;
}

bool runstate_is_running(void)
{
    return current_run_state == RUN_STATE_RUNNING;
}

VMChangeStateEntry *qemu_add_vm_change_state_handler(
    VMChangeStateHandler *cb, void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_change_state_handlers = g_list_append(vm_change_state_handlers, e);
    return e;
}

void qemu_del_vm_change_state_handler(VMChangeStateEntry *e)
{
    vm_change_state_handlers = g_list_remove(vm_change_state_handlers, e);
    g_free(e);
}

static void vm_state_notify(bool running, RunState state)
{
    GList *l;

    /* Devices see "start" in registration order, "stop" in reverse. */
    if (running) {
        for (l = vm_change_state_handlers; l; l = l->next) {
            VMChangeStateEntry *e = l->data;
            e->cb(e->opaque, running, state);
        }
    } else {
        for (l = g_list_last(vm_change_state_handlers); l; l = l->prev) {
            VMChangeStateEntry *e = l->data;
            e->cb(e->opaque, running, state);
        }
    }
}

bool vm_prepare_start(Error **errp)
{
    if (runstate_is_running()) {
        return true;
    }
    if (runstate_check(RUN_STATE_INTERNAL_ERROR) ||
        runstate_check(RUN_STATE_SHUTDOWN) ||
        runstate_check(RUN_STATE_GUEST_PANICKED)) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return false;
    }
    return true;
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    cpu_enable_ticks();
    runstate_set(RUN_STATE_RUNNING);
    vm_state_notify(true, RUN_STATE_RUNNING);
    qemu_notify_event();
}

int vm_stop(RunState state)
{
    if (!runstate_is_running()) {
        /* Already stopped: only the reason changes (as QEMU does). */
        runstate_set(state);
        return 0;
    }
    cpu_disable_ticks();
    runstate_set(state);
    vm_state_notify(false, state);
    return 0;
}

void qemu_system_reset_request(ShutdownCause reason)
{
    if (no_reboot && reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        shutdown_requested = reason;
    } else {
        reset_requested = reason;
    }
    qemu_notify_event();
}

void qemu_system_shutdown_request(ShutdownCause reason)
{
    shutdown_requested = reason;
    qemu_notify_event();
}

void qemu_system_powerdown_request(void)
{
    powerdown_requested = 1;
    qemu_notify_event();
}

void qemu_system_debug_request(void)
{
    debug_requested = 1;
    qemu_notify_event();
}

void qemu_system_exit_request(int status)
{
    exit_status = status;
    exit_requested = 1;
    qemu_notify_event();
}

void qemu_register_reset(QEMUResetHandler *func, void *opaque)
{
    ResetEntry *e = g_new0(ResetEntry, 1);

    e->func = func;
    e->opaque = opaque;
    reset_handlers = g_list_append(reset_handlers, e);
}

void qemu_unregister_reset(QEMUResetHandler *func, void *opaque)
{
    GList *l;

    for (l = reset_handlers; l; l = l->next) {
        ResetEntry *e = l->data;
        if (e->func == func && e->opaque == opaque) {
            reset_handlers = g_list_delete_link(reset_handlers, l);
            g_free(e);
            return;
        }
    }
}

void qemu_register_powerdown_notifier(void (*fn)(void *opaque),
                                      void *opaque)
{
    Notifier *n = g_new0(Notifier, 1);

    n->fn = fn;
    n->opaque = opaque;
    powerdown_notifiers = g_list_append(powerdown_notifiers, n);
}

void qemu_system_reset(ShutdownCause reason)
{
    MachineClass *mc = current_machine ?
        MACHINE_GET_CLASS(current_machine) : NULL;
    GList *l;

    if (mc && mc->reset) {
        mc->reset(current_machine);
    } else {
        qdev_reset_all();
    }
    for (l = reset_handlers; l; l = l->next) {
        ResetEntry *e = l->data;
        e->func(e->opaque);
    }
}

static int take_request(volatile int *flag)
{
    int r = *flag;

    *flag = 0;
    return r;
}

/* A guest-initiated shutdown under -no-shutdown only stops the VM. */
static bool handle_shutdown(int cause, int *status)
{
    if (no_shutdown && cause != SHUTDOWN_CAUSE_HOST_QMP_QUIT &&
        cause != SHUTDOWN_CAUSE_HOST_SIGNAL &&
        cause != SHUTDOWN_CAUSE_HOST_UI) {
        vm_stop(RUN_STATE_SHUTDOWN);
        return false;
    }
    *status = 0;
    return true;
}

bool main_loop_should_exit(int *status)
{
    int r;
    GList *l;

    if (take_request(&debug_requested)) {
        vm_stop(RUN_STATE_DEBUG);
    }
    if (take_request(&exit_requested)) {
        *status = exit_status;
        return true;
    }
    r = take_request(&shutdown_requested);
    if (r && handle_shutdown(r, status)) {
        return true;
    }
    r = take_request(&reset_requested);
    if (r) {
        qemu_system_reset(r);
        /*
         * As QEMU: a stopped VM (paused, or shut down under -no-shutdown)
         * comes out of reset in "prelaunch", waiting for "cont".
         */
        if (!runstate_is_running() && !runstate_check(RUN_STATE_INMIGRATE)) {
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }
    if (take_request(&powerdown_requested)) {
        for (l = powerdown_notifiers; l; l = l->next) {
            Notifier *n = l->data;
            n->fn(n->opaque);
        }
    }
    return false;
}

int qemu_main_loop(void)
{
    int status = 0;

    while (!main_loop_should_exit(&status)) {
        main_loop_wait(false);
    }
    return status;
}
