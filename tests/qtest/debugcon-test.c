/*
 * debugcon-test: the "isa-debugcon" port (Bochs/QEMU debug console).
 *
 * Bytes written to the port go to its chardev unchanged; reads return
 * the "readback" value (0xe9 by default), which is how guests detect
 * the device.  Both the -debugcon option and -device isa-debugcon are
 * checked, against a file chardev the test reads back.  Passes against
 * Debian's QEMU 7.2 as well.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static char *read_file(const char *path, size_t *len)
{
    g_autoptr(GError) err = NULL;
    char *data = NULL;
    gsize n = 0;

    if (!g_file_get_contents(path, &data, &n, &err)) {
        g_error("cannot read %s: %s", path, err->message);
    }
    *len = n;
    return data;
}

static void finish(QTestState *s)
{
    int st = qtest_quit(s);

    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 0);
}

static void write_string(QTestState *s, uint16_t port, const char *str)
{
    for (; *str; str++) {
        qtest_outb(s, port, *str);
    }
}

static void test_debugcon_option(void)
{
    g_autofree char *dir = g_dir_make_tmp("debugcon-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "out", NULL);
    g_autofree char *data = NULL;
    QTestState *s;
    size_t len;

    s = qtest_initf("-M pc -nodefaults -debugcon file:%s", path);
    g_assert_cmphex(qtest_inb(s, 0xe9), ==, 0xe9);
    write_string(s, 0xe9, "debug\n");
    qtest_outb(s, 0xe9, 0x00);          /* any byte, NUL included */
    qtest_outb(s, 0xe9, 0xff);
    finish(s);

    data = read_file(path, &len);
    g_assert_cmpmem(data, len, "debug\n\0\xff", 8);
    unlink(path);
    rmdir(dir);
}

static void test_debugcon_device(void)
{
    g_autofree char *dir = g_dir_make_tmp("debugcon-XXXXXX", NULL);
    g_autofree char *p1 = g_build_filename(dir, "a", NULL);
    g_autofree char *p2 = g_build_filename(dir, "b", NULL);
    g_autofree char *d1 = NULL;
    g_autofree char *d2 = NULL;
    QTestState *s;
    size_t l1, l2;

    s = qtest_initf("-M pc -nodefaults "
                    "-chardev file,id=c1,path=%s "
                    "-device isa-debugcon,chardev=c1 "
                    "-chardev file,id=c2,path=%s "
                    "-device isa-debugcon,chardev=c2,iobase=0x402,"
                    "readback=0x42", p1, p2);
    g_assert_cmphex(qtest_inb(s, 0xe9), ==, 0xe9);
    g_assert_cmphex(qtest_inb(s, 0x402), ==, 0x42);
    /* one port wide: the next port is not the device */
    g_assert_cmphex(qtest_inb(s, 0xea), ==, 0xff);
    g_assert_cmphex(qtest_inw(s, 0xe9), ==, 0xffe9);

    write_string(s, 0xe9, "first");
    write_string(s, 0x402, "second");
    /* a word write: its low byte reaches the port, the high one 0xea */
    qtest_outw(s, 0xe9, 0x2121);
    finish(s);

    d1 = read_file(p1, &l1);
    d2 = read_file(p2, &l2);
    g_assert_cmpmem(d1, l1, "first!", 6);
    g_assert_cmpmem(d2, l2, "second", 6);
    unlink(p1);
    unlink(p2);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_qemu_binary();
    g_test_add_func("/debugcon/option", test_debugcon_option);
    g_test_add_func("/debugcon/device", test_debugcon_device);
    return g_test_run();
}
