/*
 * sysemu.h: what the command line configured, for boards and monitors.
 */
#ifndef SYSEMU_SYSEMU_H
#define SYSEMU_SYSEMU_H

typedef struct Chardev Chardev;

/* -name guest=NAME (NULL when not given). */
const char *qemu_get_vm_name(void);
/* UUID string from -uuid, or NULL. */
const char *qemu_get_vm_uuid(void);

/* Chardev for serial port i (from -serial / -nographic), or NULL. */
Chardev *serial_hd(int i);
/* Number of -serial options given (including "none" ones). */
int serial_max_hds(void);
/* Chardev for parallel port i, or NULL. */
Chardev *parallel_hd(int i);

#define MAX_SERIAL_PORTS 4
#define MAX_PARALLEL_PORTS 3

#endif
