/*
 * qemu-options.c: the table of qemu-system-x86_64's command-line options
 * and the -help text built from it.
 *
 * Option names and argument syntax are QEMU's (docs/system/invocation.rst
 * in QEMU is the reference); the help prose is ours.  Options QEMU has and
 * this project does not implement yet are listed with index
 * QEMU_OPTION_unimplemented so that they are refused with a clear error
 * instead of "invalid option".
 */
#include "qemu/osdep.h"
#include "system/qemu-options.h"

#define ARG QEMU_OPT_HAS_ARG

const QemuOptionDef qemu_option_defs[] = {
    { "h", 0, QEMU_OPTION_h, "Standard options:",
      "-h or -help     display this help and exit" },
    { "help", 0, QEMU_OPTION_h, NULL, NULL },
    { "version", 0, QEMU_OPTION_version, NULL,
      "-version        display version information and exit" },
    { "machine", ARG, QEMU_OPTION_machine, NULL,
      "-machine [type=]name[,prop=value[,...]]\n"
      "                select the emulated machine ('-machine help' lists"
      " them)\n"
      "                accel=accel1[:accel2[:...]] accelerators to try in"
      " order" },
    { "M", ARG, QEMU_OPTION_machine, NULL, NULL },
    { "cpu", ARG, QEMU_OPTION_cpu, NULL,
      "-cpu cpu        select the CPU model ('-cpu help' lists them)" },
    { "accel", ARG, QEMU_OPTION_accel, NULL,
      "-accel [accel=]name[,prop=value[,...]]\n"
      "                select an accelerator (tcg, kvm, qtest; "
      "'-accel help')" },
    { "enable-kvm", 0, QEMU_OPTION_enable_kvm, NULL,
      "-enable-kvm     same as -accel kvm" },
    { "smp", ARG, QEMU_OPTION_smp, NULL,
      "-smp [[cpus=]n][,maxcpus=maxcpus][,sockets=sockets][,dies=dies]"
      "[,cores=cores]\n"
      "               [,threads=threads]\n"
      "                number of virtual CPUs and their topology" },
    { "m", ARG, QEMU_OPTION_m, NULL,
      "-m [size=]megs[,slots=n,maxmem=size]\n"
      "                guest RAM size; a number alone is in MiB, suffixes"
      " K, M, G, T\n"
      "                are accepted (default: the machine's)" },
    { "name", ARG, QEMU_OPTION_name, NULL,
      "-name [guest=]name[,process=name]\n"
      "                name the guest (window titles, 'info name', the"
      " process)" },
    { "uuid", ARG, QEMU_OPTION_uuid, NULL,
      "-uuid %08x-%04x-%04x-%04x-%012x\n"
      "                set the system UUID" },
    { "boot", ARG, QEMU_OPTION_boot, NULL,
      "-boot [order=drives][,once=drives][,menu=on|off][,strict=on|off]\n"
      "                boot device order: a, b floppy; c disk; d CD-ROM;"
      " n-p network" },
    { "device", ARG, QEMU_OPTION_device, NULL,
      "-device driver[,prop[=value][,...]]\n"
      "                add a device ('-device help' lists drivers,\n"
      "                '-device driver,help' lists a driver's"
      " properties)" },
    { "global", ARG, QEMU_OPTION_global, NULL,
      "-global driver.property=value\n"
      "-global driver=driver,property=property,value=value\n"
      "                set a default value for a property of every"
      " device of a type" },
    { "nodefaults", 0, QEMU_OPTION_nodefaults, NULL,
      "-nodefaults     create no default devices (serial, monitor, ...)" },
    { "no-user-config", 0, QEMU_OPTION_no_user_config, NULL,
      "-no-user-config do not load user configuration files (there are"
      " none)" },
    { "nodefconfig", 0, QEMU_OPTION_no_user_config, NULL, NULL },

    { "nographic", 0, QEMU_OPTION_nographic, "Display options:",
      "-nographic      no graphical output: the serial port and the"
      " monitor share\n"
      "                the terminal (Ctrl-a h for help)" },
    { "display", ARG, QEMU_OPTION_display, NULL,
      "-display none   no display (the only display implemented so far)" },

    { "chardev", ARG, QEMU_OPTION_chardev, "Character device options:",
      "-chardev backend,id=id[,options]\n"
      "                backends: null, stdio, file, pipe, pty, socket"
      " ('-chardev help')\n"
      "                socket: host=,port=|path=,server=on|off,wait=on|off,"
      "telnet=on|off" },
    { "serial", ARG, QEMU_OPTION_serial, NULL,
      "-serial dev     connect the next serial port to a character device\n"
      "                (stdio, null, pty, file:F, pipe:P, tcp:H:P[,...],\n"
      "                telnet:H:P[,...], unix:PATH[,...], mon:DEV,"
      " chardev:ID)" },
    { "parallel", ARG, QEMU_OPTION_parallel, NULL,
      "-parallel dev   connect the next parallel port (only 'none' so"
      " far)" },
    { "monitor", ARG, QEMU_OPTION_monitor, NULL,
      "-monitor dev    put the human monitor on a character device" },
    { "mon", ARG, QEMU_OPTION_mon, NULL,
      "-mon [chardev=]name[,mode=readline][,pretty=on|off]\n"
      "                put the human monitor on chardev 'name'" },
    { "debugcon", ARG, QEMU_OPTION_debugcon, NULL,
      "-debugcon dev   connect the debug console (I/O port 0xe9) to a"
      " character device" },

    { "S", 0, QEMU_OPTION_S, "Debug and control options:",
      "-S              do not start the CPU at startup ('cont' in the"
      " monitor starts it)" },
    { "d", ARG, QEMU_OPTION_d, NULL,
      "-d item1,...    enable logging of the given items ('-d help')" },
    { "D", ARG, QEMU_OPTION_D, NULL,
      "-D logfile      write the log to logfile instead of stderr" },
    { "no-reboot", 0, QEMU_OPTION_no_reboot, NULL,
      "-no-reboot      exit instead of rebooting" },
    { "no-shutdown", 0, QEMU_OPTION_no_shutdown, NULL,
      "-no-shutdown    stop, but do not exit, when the guest shuts down" },
    { "pidfile", ARG, QEMU_OPTION_pidfile, NULL,
      "-pidfile file   write the process id to file" },
    { "daemonize", 0, QEMU_OPTION_daemonize, NULL,
      "-daemonize      detach from the terminal once started" },
    { "qtest", ARG, QEMU_OPTION_qtest, NULL,
      "-qtest dev      run no guest CPU; take qtest protocol commands"
      " on dev" },
    { "qtest-log", ARG, QEMU_OPTION_qtest_log, NULL,
      "-qtest-log file log the qtest protocol to file" },

    { "kernel", ARG, QEMU_OPTION_kernel, "Boot options:",
      "-kernel bzImage use bzImage as the kernel image" },
    { "initrd", ARG, QEMU_OPTION_initrd, NULL,
      "-initrd file    use file as the initial ram disk" },
    { "append", ARG, QEMU_OPTION_append, NULL,
      "-append cmdline use cmdline as the kernel command line" },
    { "bios", ARG, QEMU_OPTION_bios, NULL,
      "-bios file      use file as the BIOS" },
    { "L", ARG, QEMU_OPTION_L, NULL,
      "-L path         look for the BIOS and option ROMs in path" },

    /* QEMU options that later work implements. */
    { "hda", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "hdb", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "hdc", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "hdd", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "fda", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "fdb", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "cdrom", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "drive", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "blockdev", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "snapshot", 0, QEMU_OPTION_unimplemented, NULL, NULL },
    { "loadvm", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "netdev", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "nic", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "net", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "vnc", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "vga", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "s", 0, QEMU_OPTION_unimplemented, NULL, NULL },
    { "gdb", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "usb", 0, QEMU_OPTION_unimplemented, NULL, NULL },
    { "usbdevice", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "audiodev", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "object", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "rtc", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "icount", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "incoming", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "qmp", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "numa", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "mem-path", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "mem-prealloc", 0, QEMU_OPTION_unimplemented, NULL, NULL },
    { "fw_cfg", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "smbios", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "acpitable", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "k", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "full-screen", 0, QEMU_OPTION_unimplemented, NULL, NULL },
    { "trace", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "plugin", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "watchdog-action", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { "semihosting", 0, QEMU_OPTION_unimplemented, NULL, NULL },
    { "readconfig", ARG, QEMU_OPTION_unimplemented, NULL, NULL },
    { NULL },
};

const QemuOptionDef *qemu_option_lookup(const char *arg)
{
    const QemuOptionDef *def;

    if (arg[0] != '-') {
        return NULL;
    }
    arg++;
    /* "--opt" is accepted as a synonym of "-opt", as QEMU does. */
    if (arg[0] == '-') {
        arg++;
    }
    for (def = qemu_option_defs; def->name; def++) {
        if (strcmp(def->name, arg) == 0) {
            return def;
        }
    }
    return NULL;
}

void qemu_options_print_help(const char *progname)
{
    const QemuOptionDef *def;

    printf("usage: %s [options] [disk_image]\n\n"
           "'disk_image' is a raw hard disk image for IDE hard disk 0"
           " (not implemented yet)\n", progname);
    for (def = qemu_option_defs; def->name; def++) {
        if (def->section) {
            printf("\n%s\n", def->section);
        }
        if (def->help) {
            printf("%s\n", def->help);
        }
    }
    printf("\nDuring emulation, with -nographic, Ctrl-a h lists the"
           " console escapes.\n"
           "Options QEMU has that are not implemented yet are refused"
           " with an error.\n");
}
