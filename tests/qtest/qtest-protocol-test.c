/*
 * qtest-protocol-test: the qtest protocol itself, against the pc board.
 *
 * Guest RAM round trips at every access size and through the hex and
 * base64 buffer commands, memset, the zero fill of short "write" data,
 * the virtual clock commands, unassigned I/O ports reading as all ones,
 * FAIL answers, and the monitor reached through libqtest.
 *
 * Expected values come from QEMU's documented protocol; every check here
 * also passes against Debian's QEMU 7.2 (QTEST_QEMU_BINARY=
 * /usr/bin/qemu-system-x86_64), except the clock checks, which that
 * build cannot run (no qtest accelerator) and skips.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

/* Free RAM on the pc board: above the BIOS area, below 128 MiB. */
#define RAM_BASE 0x100000

static QTestState *start(void)
{
    return qtest_init("-M pc -nodefaults");
}

static void finish(QTestState *s)
{
    int st = qtest_quit(s);

    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 0);
}

static void test_scalar_round_trips(void)
{
    QTestState *s = start();
    uint64_t a = RAM_BASE;

    qtest_writeb(s, a, 0x5a);
    g_assert_cmphex(qtest_readb(s, a), ==, 0x5a);
    qtest_writew(s, a + 0x10, 0xbeef);
    g_assert_cmphex(qtest_readw(s, a + 0x10), ==, 0xbeef);
    qtest_writel(s, a + 0x20, 0xdeadbeef);
    g_assert_cmphex(qtest_readl(s, a + 0x20), ==, 0xdeadbeef);
    qtest_writeq(s, a + 0x30, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readq(s, a + 0x30), ==, 0x0123456789abcdefULL);

    /* Little-endian guest: the low byte sits at the lowest address. */
    g_assert_cmphex(qtest_readb(s, a + 0x30), ==, 0xef);
    g_assert_cmphex(qtest_readb(s, a + 0x37), ==, 0x01);
    g_assert_cmphex(qtest_readw(s, a + 0x22), ==, 0xdead);
    g_assert_cmphex(qtest_readl(s, a + 0x34), ==, 0x01234567);

    /* Unaligned accesses are plain byte sequences in RAM. */
    qtest_writel(s, a + 0x41, 0x11223344);
    g_assert_cmphex(qtest_readb(s, a + 0x41), ==, 0x44);
    g_assert_cmphex(qtest_readb(s, a + 0x44), ==, 0x11);
    g_assert_cmphex(qtest_readw(s, a + 0x42), ==, 0x2233);
    qtest_writeq(s, a + 0x53, 0xa1a2a3a4a5a6a7a8ULL);
    g_assert_cmphex(qtest_readq(s, a + 0x53), ==, 0xa1a2a3a4a5a6a7a8ULL);

    /* A narrower write leaves the neighbouring bytes alone. */
    qtest_writeq(s, a + 0x60, 0);
    qtest_writeb(s, a + 0x62, 0xff);
    g_assert_cmphex(qtest_readq(s, a + 0x60), ==, 0xff0000);
    finish(s);
}

static void fill_pattern(uint8_t *buf, size_t len, uint32_t seed)
{
    GRand *r = g_rand_new_with_seed(seed);
    size_t i;

    for (i = 0; i < len; i++) {
        buf[i] = g_rand_int(r);
    }
    g_rand_free(r);
}

static void test_buffers(void)
{
    static const size_t sizes[] = { 1, 2, 3, 7, 16, 255, 4096, 10000 };
    QTestState *s = start();
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(sizes); i++) {
        size_t n = sizes[i];
        uint64_t a = RAM_BASE + 0x1000 + i * 0x4000 + i;
        g_autofree uint8_t *out = g_malloc(n);
        g_autofree uint8_t *in = g_malloc(n);

        /* hex out, hex and base64 back */
        fill_pattern(out, n, i);
        qtest_memwrite(s, a, out, n);
        qtest_memread(s, a, in, n);
        g_assert_cmpmem(in, n, out, n);
        memset(in, 0, n);
        qtest_bufread(s, a, in, n);
        g_assert_cmpmem(in, n, out, n);
        g_assert_cmphex(qtest_readb(s, a + n - 1), ==, out[n - 1]);

        /* base64 out, hex back */
        fill_pattern(out, n, i + 100);
        qtest_bufwrite(s, a, out, n);
        qtest_memread(s, a, in, n);
        g_assert_cmpmem(in, n, out, n);
    }
    finish(s);
}

static void test_memset(void)
{
    QTestState *s = start();
    uint8_t buf[8];

    qtest_memset(s, RAM_BASE, 0x00, 8);
    qtest_memset(s, RAM_BASE + 2, 0xab, 3);
    qtest_memread(s, RAM_BASE, buf, 8);
    g_assert_cmpmem(buf, 8, "\0\0\xab\xab\xab\0\0\0", 8);

    /* A zero size is allowed and writes nothing. */
    qtest_memset(s, RAM_BASE, 0xcd, 0);
    g_assert_cmphex(qtest_readb(s, RAM_BASE), ==, 0);
    finish(s);
}

/* "write" data shorter than SIZE is zero filled at the end. */
static void test_short_write_data(void)
{
    QTestState *s = start();
    g_autofree char *rsp = NULL;

    qtest_memset(s, RAM_BASE, 0xee, 6);
    rsp = qtest_command(s, "write 0x%x 4 0x0102", RAM_BASE);
    g_assert_cmpstr(rsp, ==, "OK");
    g_assert_cmphex(qtest_readl(s, RAM_BASE), ==, 0x00000201);
    g_assert_cmphex(qtest_readw(s, RAM_BASE + 4), ==, 0xeeee);
    finish(s);
}

static void test_raw_replies(void)
{
    QTestState *s = start();
    char *rsp;

    rsp = qtest_command(s, "endianness");
    g_assert_cmpstr(rsp, ==, "OK little");
    g_free(rsp);

    rsp = qtest_command(s, "foo bar 1");
    g_assert_cmpstr(rsp, ==, "FAIL Unknown command 'foo'");
    g_free(rsp);

    /* The in* replies use at least four hex digits. */
    qtest_writeb(s, RAM_BASE, 0x7);
    rsp = qtest_command(s, "readb 0x%x", RAM_BASE);
    g_assert_cmpstr(rsp, ==, "OK 0x0000000000000007");
    g_free(rsp);
    rsp = qtest_command(s, "inb 0x1234");
    g_assert_cmpstr(rsp, ==, "OK 0x00ff");
    g_free(rsp);
    rsp = qtest_command(s, "read 0x%x 3", RAM_BASE);
    g_assert_cmpstr(rsp, ==, "OK 0x070000");
    g_free(rsp);
    rsp = qtest_command(s, "b64read 0x%x 3", RAM_BASE);
    g_assert_cmpstr(rsp, ==, "OK BwAA");
    g_free(rsp);

    /* The session goes on after a failed command. */
    g_assert_cmphex(qtest_readb(s, RAM_BASE), ==, 0x7);
    finish(s);
}

static void test_unassigned(void)
{
    QTestState *s = start();
    uint64_t hole = 0xfeb00000;   /* PCI hole, nothing mapped there yet */
    uint32_t before;

    /* Nothing answers these ports: the bus floats high. */
    g_assert_cmphex(qtest_inb(s, 0x1234), ==, 0xff);
    g_assert_cmphex(qtest_inw(s, 0x1234), ==, 0xffff);
    g_assert_cmphex(qtest_inl(s, 0x1234), ==, 0xffffffff);
    qtest_outb(s, 0x1234, 0x00);
    g_assert_cmphex(qtest_inb(s, 0x1234), ==, 0xff);

    /*
     * Unassigned memory discards writes.  The value it reads differs:
     * QEMU 7.2 gives 0 there, our memory core all ones, so only the
     * discarding is checked.
     */
    before = qtest_readl(s, hole);
    qtest_writel(s, hole, before ^ 0x5a5a5a5a);
    g_assert_cmphex(qtest_readl(s, hole), ==, before);
    finish(s);
}

static void test_clock(void)
{
    QTestState *s = start();
    int64_t t0, t1, t2, t3;

    if (!qtest_has_clock(s)) {
        qtest_quit(s);
        g_test_skip("the emulator has no qtest accelerator");
        return;
    }
    t0 = qtest_clock_step(s, 0);
    t1 = qtest_clock_step(s, 1000);
    g_assert_cmpint(t1, ==, t0 + 1000);
    t2 = qtest_clock_step(s, 123456789);
    g_assert_cmpint(t2, ==, t1 + 123456789);
    t3 = qtest_clock_set(s, t2 + 5000);
    g_assert_cmpint(t3, ==, t2 + 5000);

    /* clock_set never goes backwards */
    g_assert_cmpint(qtest_clock_set(s, t0), ==, t3);
    /* stepping to the next deadline never goes backwards either */
    g_assert_cmpint(qtest_clock_step_next(s), >=, t3);
    finish(s);
}

/*
 * Interrupt interception: the ISA lines end at the I/O APIC where there
 * is one (Debian's QEMU) or at our board's placeholder sink.
 */
static const char *intercept_isa_irqs(QTestState *s)
{
    if (qtest_irq_intercept_in_try(s, "ioapic")) {
        return "ioapic";
    }
    qtest_irq_intercept_in(s, "isa-irq-sink");
    return "isa-irq-sink";
}

static void test_irq_intercept(void)
{
    QTestState *s = qtest_init("-M pc -nodefaults "
                               "-device isa-debug-exit,id=dx");
    const char *sink;
    char *rsp;

    rsp = qtest_command(s, "irq_intercept_in /machine/no-such-device");
    g_assert_cmpstr(rsp, ==, "FAIL Unknown device");
    g_free(rsp);

    sink = intercept_isa_irqs(s);
    /* again on the same device: fine; on another: refused */
    qtest_irq_intercept_in(s, sink);
    rsp = qtest_command(s, "irq_intercept_in /machine/peripheral/dx");
    g_assert_cmpstr(rsp, ==, "FAIL IRQ intercept already enabled");
    g_free(rsp);

    /* set_irq_in drives an input; changes of level are reported */
    g_assert_false(qtest_get_irq(s, 5));
    qtest_set_irq_in(s, sink, NULL, 5, 1);
    g_assert_true(qtest_get_irq(s, 5));
    g_assert_false(qtest_get_irq(s, 6));
    qtest_sendf(s, "set_irq_in %s unnamed-gpio-in 5 1", sink);
    rsp = qtest_recv_line(s);          /* no change: no notice before OK */
    g_assert_cmpstr(rsp, ==, "OK");
    g_free(rsp);
    qtest_sendf(s, "set_irq_in %s unnamed-gpio-in 5 0", sink);
    rsp = qtest_recv_raw_line(s);
    g_assert_cmpstr(rsp, ==, "IRQ lower 5");
    g_free(rsp);
    rsp = qtest_recv_raw_line(s);
    g_assert_cmpstr(rsp, ==, "OK");
    g_free(rsp);
    finish(s);
}

static void test_hmp(void)
{
    QTestState *s = start();
    g_autofree char *status = qtest_hmp(s, "info status");
    g_autofree char *again = qtest_hmp(s, "info status");

    g_assert_true(g_str_has_prefix(status, "VM status: "));
    g_assert_cmpstr(status, ==, again);
    g_assert_null(strstr(status, "(qemu)"));
    finish(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_qemu_binary();
    g_test_add_func("/qtest/scalar-round-trips", test_scalar_round_trips);
    g_test_add_func("/qtest/buffers", test_buffers);
    g_test_add_func("/qtest/memset", test_memset);
    g_test_add_func("/qtest/short-write-data", test_short_write_data);
    g_test_add_func("/qtest/raw-replies", test_raw_replies);
    g_test_add_func("/qtest/unassigned", test_unassigned);
    g_test_add_func("/qtest/clock", test_clock);
    g_test_add_func("/qtest/irq-intercept", test_irq_intercept);
    g_test_add_func("/qtest/hmp", test_hmp);
    return g_test_run();
}
