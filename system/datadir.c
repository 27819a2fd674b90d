/*
 * datadir.c: the firmware search path (see qemu/datadir.h).
 */
#include "qemu/osdep.h"
#include "config-host.h"
#include "qemu/datadir.h"

static GPtrArray *data_dirs;

void qemu_add_data_dir(const char *path)
{
    guint i;

    if (!data_dirs) {
        data_dirs = g_ptr_array_new_with_free_func(g_free);
    }
    for (i = 0; i < data_dirs->len; i++) {
        if (g_str_equal(g_ptr_array_index(data_dirs, i), path)) {
            return;
        }
    }
    g_ptr_array_add(data_dirs, g_strdup(path));
}

void qemu_add_default_data_dirs(void)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);

    /* Running from a build tree: its pc-bios/ comes first. */
    if (exe) {
        g_autofree char *dir = g_path_get_dirname(exe);
        g_autofree char *pcbios = g_build_filename(dir, "pc-bios", NULL);

        qemu_add_data_dir(pcbios);
    }
    qemu_add_data_dir(CONFIG_QEMU_DATADIR);
    qemu_add_data_dir("/usr/share/seabios");
    qemu_add_data_dir("/usr/share/qemu");
    qemu_add_data_dir("/usr/lib/ipxe/qemu");
}

char *qemu_find_file(const char *name)
{
    guint i;

    if (!data_dirs) {
        return NULL;
    }
    if (strchr(name, '/')) {
        return g_file_test(name, G_FILE_TEST_IS_REGULAR) ?
            g_strdup(name) : NULL;
    }
    for (i = 0; i < data_dirs->len; i++) {
        char *path = g_build_filename(g_ptr_array_index(data_dirs, i),
                                      name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            return path;
        }
        g_free(path);
    }
    return NULL;
}
