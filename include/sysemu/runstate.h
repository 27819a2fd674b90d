/*
 * runstate.h: the VM's run state and the shutdown/reset/powerdown
 * requests devices and the monitor make.
 *
 * Requests are flags polled by the main loop (main_loop_should_exit()),
 * so a device calling qemu_system_reset_request() from a vCPU thread
 * never resets the machine under its own feet.
 */
#ifndef SYSEMU_RUNSTATE_H
#define SYSEMU_RUNSTATE_H

/* Names as QEMU prints them in "info status" and QMP. */
typedef enum RunState {
    RUN_STATE_DEBUG,
    RUN_STATE_INMIGRATE,
    RUN_STATE_INTERNAL_ERROR,
    RUN_STATE_IO_ERROR,
    RUN_STATE_PAUSED,
    RUN_STATE_POSTMIGRATE,
    RUN_STATE_PRELAUNCH,
    RUN_STATE_FINISH_MIGRATE,
    RUN_STATE_RESTORE_VM,
    RUN_STATE_RUNNING,
    RUN_STATE_SAVE_VM,
    RUN_STATE_SHUTDOWN,
    RUN_STATE_SUSPENDED,
    RUN_STATE_WATCHDOG,
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE_COLO,
    RUN_STATE__MAX
} RunState;

typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,     /* monitor "quit" */
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET,
    SHUTDOWN_CAUSE_HOST_SIGNAL,       /* SIGINT/SIGTERM/SIGHUP */
    SHUTDOWN_CAUSE_HOST_UI,
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,    /* ACPI S5, isa-debug-exit, ... */
    SHUTDOWN_CAUSE_GUEST_RESET,       /* 0xcf9, triple fault, ... */
    SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET,
    SHUTDOWN_CAUSE__MAX
} ShutdownCause;

const char *runstate_name(RunState state);
RunState runstate_get(void);
void runstate_set(RunState new_state);
bool runstate_check(RunState state);
bool runstate_is_running(void);

/* Handlers told of every running <-> stopped transition. */
typedef void VMChangeStateHandler(void *opaque, bool running, RunState state);
typedef struct VMChangeStateEntry VMChangeStateEntry;
VMChangeStateEntry *qemu_add_vm_change_state_handler(
    VMChangeStateHandler *cb, void *opaque);
void qemu_del_vm_change_state_handler(VMChangeStateEntry *e);

/* Start the VM (virtual clock runs, vCPUs resume): "cont". */
void vm_start(void);
/* Prepare to start; false (errp) if it cannot. */
bool vm_prepare_start(Error **errp);
/* Stop: vCPUs paused, virtual clock stopped, state becomes `state`. */
int vm_stop(RunState state);

/* Requests, safe from any thread; acted on by the main loop. */
void qemu_system_reset_request(ShutdownCause reason);
void qemu_system_shutdown_request(ShutdownCause reason);
void qemu_system_powerdown_request(void);
void qemu_system_debug_request(void);
/* The guest asked to exit with this status (isa-debug-exit). */
void qemu_system_exit_request(int status);
/* -no-reboot / -no-shutdown behaviour. */
extern bool no_reboot;
extern bool no_shutdown;

/* Reset every device and the machine now (main thread, BQL held). */
void qemu_system_reset(ShutdownCause reason);
/* Devices register extra reset work here (called in order). */
typedef void QEMUResetHandler(void *opaque);
void qemu_register_reset(QEMUResetHandler *func, void *opaque);
void qemu_unregister_reset(QEMUResetHandler *func, void *opaque);
/* Notifiers for "powerdown" (ACPI power button). */
void qemu_register_powerdown_notifier(void (*fn)(void *opaque),
                                      void *opaque);

/*
 * Called by the main loop after each iteration: handles pending requests;
 * returns true when the process should exit, with *status the exit code.
 */
bool main_loop_should_exit(int *status);
/* Run the main loop until a request asks to exit; returns the status. */
int qemu_main_loop(void);

#endif
