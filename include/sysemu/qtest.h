/*
 * qtest.h: the qtest accelerator.
 *
 * With -qtest CHARDEV the machine runs no guest CPU.  A test program
 * connected to CHARDEV drives it with a line protocol (QEMU's): port and
 * memory accesses, virtual-clock steps, and interrupt interception.  See
 * system/qtest.c for the commands.
 */
#ifndef SYSEMU_QTEST_H
#define SYSEMU_QTEST_H

extern bool qtest_allowed;

static inline bool qtest_enabled(void)
{
    return qtest_allowed;
}

/* Start the protocol server on chardev spec (e.g. "unix:/tmp/s"). */
bool qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp);

#endif
