/*
 * debug-exit-test: "isa-debug-exit", the port that ends the emulator.
 *
 * Writing V to the port (0x501, two ports wide by default) makes the
 * emulator exit with status (V << 1) | 1, so a test guest can report
 * success or failure without a working shutdown path.  Reads give 0.
 * Passes against Debian's QEMU 7.2 as well.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

typedef struct ExitCase {
    const char *name;
    const char *device;      /* extra -device options */
    const char *command;     /* the write that ends it */
    int status;
} ExitCase;

static const ExitCase cases[] = {
    { "value-0", "", "outb 0x501 0x0", 1 },
    { "value-1", "", "outb 0x501 0x1", 3 },
    { "value-0x20", "", "outb 0x501 0x20", 0x41 },
    { "second-port", "", "outb 0x502 0x7", 15 },
    { "moved", ",iobase=0xf4,iosize=0x04", "outb 0xf7 0x2", 5 },
    { "word", "", "outw 0x501 0x0012", 0x25 },
};

static void test_exit_status(const void *opaque)
{
    const ExitCase *c = opaque;
    QTestState *s;
    int st;

    s = qtest_initf("-M pc -nodefaults -device isa-debug-exit%s",
                    c->device);
    /* the emulator may be gone before it answers: do not wait for OK */
    qtest_sendf(s, "%s", c->command);
    st = qtest_wait_exit(s);
    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, c->status);
}

static void test_reads_and_other_ports(void)
{
    QTestState *s = qtest_init("-M pc -nodefaults -device isa-debug-exit");
    int st;

    g_assert_cmphex(qtest_inb(s, 0x501), ==, 0x00);
    g_assert_cmphex(qtest_inb(s, 0x502), ==, 0x00);
    /* the ports around it are not the device: no exit */
    g_assert_cmphex(qtest_inb(s, 0x503), ==, 0xff);
    qtest_outb(s, 0x500, 0x1);
    qtest_outb(s, 0x503, 0x1);
    st = qtest_quit(s);
    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 0);
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    qtest_qemu_binary();
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/debug-exit/%s",
                                                cases[i].name);

        g_test_add_data_func(path, &cases[i], test_exit_status);
    }
    g_test_add_func("/debug-exit/reads-and-other-ports",
                    test_reads_and_other_ports);
    return g_test_run();
}
