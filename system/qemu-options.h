/*
 * qemu-options.h: the command-line option table of qemu-system-x86_64.
 */
#ifndef SYSTEM_QEMU_OPTIONS_H
#define SYSTEM_QEMU_OPTIONS_H

typedef enum QemuOptionIndex {
    QEMU_OPTION_h,
    QEMU_OPTION_version,
    QEMU_OPTION_machine,
    QEMU_OPTION_cpu,
    QEMU_OPTION_accel,
    QEMU_OPTION_enable_kvm,
    QEMU_OPTION_smp,
    QEMU_OPTION_m,
    QEMU_OPTION_name,
    QEMU_OPTION_uuid,
    QEMU_OPTION_boot,
    QEMU_OPTION_device,
    QEMU_OPTION_global,
    QEMU_OPTION_nodefaults,
    QEMU_OPTION_no_user_config,
    QEMU_OPTION_nographic,
    QEMU_OPTION_display,
    QEMU_OPTION_chardev,
    QEMU_OPTION_serial,
    QEMU_OPTION_parallel,
    QEMU_OPTION_monitor,
    QEMU_OPTION_mon,
    QEMU_OPTION_debugcon,
    QEMU_OPTION_qtest,
    QEMU_OPTION_qtest_log,
    QEMU_OPTION_S,
    QEMU_OPTION_pidfile,
    QEMU_OPTION_daemonize,
    QEMU_OPTION_no_reboot,
    QEMU_OPTION_no_shutdown,
    QEMU_OPTION_d,
    QEMU_OPTION_D,
    QEMU_OPTION_kernel,
    QEMU_OPTION_initrd,
    QEMU_OPTION_append,
    QEMU_OPTION_bios,
    QEMU_OPTION_L,
    /* Accepted by QEMU, not implemented here yet: refused clearly. */
    QEMU_OPTION_unimplemented,
    QEMU_OPTION__MAX
} QemuOptionIndex;

#define QEMU_OPT_HAS_ARG 1

typedef struct QemuOptionDef {
    const char *name;
    int flags;
    QemuOptionIndex index;
    const char *section;         /* starts a new section in -help */
    const char *help;            /* lines printed by -help, or NULL */
} QemuOptionDef;

extern const QemuOptionDef qemu_option_defs[];

/* Find the option named by an argv word ("-m", "--m"); NULL if none. */
const QemuOptionDef *qemu_option_lookup(const char *arg);
/* Print -help. */
void qemu_options_print_help(const char *progname);

#endif
