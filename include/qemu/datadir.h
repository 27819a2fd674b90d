/*
 * datadir.h: where firmware and option ROMs are looked up.
 *
 * -L adds directories searched first; then the defaults: the build's
 * pc-bios/, our install datadir, and Debian's firmware packages
 * (/usr/share/seabios, /usr/share/qemu, /usr/lib/ipxe/qemu).
 */
#ifndef QEMU_DATADIR_H
#define QEMU_DATADIR_H

void qemu_add_data_dir(const char *path);
void qemu_add_default_data_dirs(void);
/* Full path of an existing file called name, or NULL (g_free it). */
char *qemu_find_file(const char *name);

#endif
