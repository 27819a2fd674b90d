/*
 * ioapic-test: the I/O APIC at 0xfec00000 and its messages to the
 * local APIC.
 *
 * Register behaviour is the 82093AA datasheet's: IOREGSEL/IOWIN, the ID,
 * version (0x20, 24 entries) and arbitration registers, redirection
 * entries with read-only delivery status and remote IRR; edge pins
 * latch rising edges only while unmasked, level pins deliver while
 * asserted and hold remote IRR until an EOI (here the version 0x20 EOI
 * register).  What the local APIC received is read from "info lapic"
 * (its IRR line, "(level)" for TMR), the I/O APIC's own state from
 * "info pic", both in QEMU 7.2's format.  Inputs are driven with
 * set_irq_in on "ioapic" and, for the ISA routing, by a real device:
 * COM1's THR-empty interrupt on IRQ 4.
 *
 * Every check passes against Debian's QEMU 7.2 as well; QEMU's device
 * keeps reserved redirection bits as written and answers IOWIN only
 * with 32-bit accesses, and ours does the same.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define IOAPIC_BASE  0xfec00000ULL
#define IOREGSEL     (IOAPIC_BASE + 0x00)
#define IOWIN        (IOAPIC_BASE + 0x10)
#define IOAPIC_EOI   (IOAPIC_BASE + 0x40)

#define MASKED       0x10000U
#define LEVEL        0x8000U
#define REMOTE_IRR   0x4000U

static QTestState *start(const char *extra)
{
    return qtest_initf("-M pc -nodefaults %s", extra ? extra : "");
}

static uint32_t ioapic_read(QTestState *s, uint8_t reg)
{
    qtest_writel(s, IOREGSEL, reg);
    return qtest_readl(s, IOWIN);
}

static void ioapic_write(QTestState *s, uint8_t reg, uint32_t val)
{
    qtest_writel(s, IOREGSEL, reg);
    qtest_writel(s, IOWIN, val);
}

static void set_entry(QTestState *s, int pin, uint32_t lo, uint8_t dest)
{
    ioapic_write(s, 0x11 + 2 * pin, (uint32_t)dest << 24);
    ioapic_write(s, 0x10 + 2 * pin, lo);
}

static uint32_t entry_lo(QTestState *s, int pin)
{
    return ioapic_read(s, 0x10 + 2 * pin);
}

static void set_pin(QTestState *s, int pin, int level)
{
    qtest_set_irq_in(s, "ioapic", NULL, pin, level);
}

/* The text after "NAME\t " on the line of "info lapic [id]" for NAME. */
static char *lapic_line(QTestState *s, int apic_id, const char *name)
{
    g_autofree char *out = qtest_hmp(s, "info lapic %d", apic_id);
    g_autofree char *prefix = g_strdup_printf("%s\t ", name);
    g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
    int i;

    for (i = 0; lines[i]; i++) {
        if (g_str_has_prefix(lines[i], prefix)) {
            return g_strdup(lines[i] + strlen(prefix));
        }
    }
    g_assert_not_reached();
}

static void assert_lapic_irr(QTestState *s, int apic_id, const char *want)
{
    g_autofree char *irr = lapic_line(s, apic_id, "IRR");

    g_assert_cmpstr(irr, ==, want);
}

/* The lines of "info pic" from "ioapic0:" to "  Remote IRR ...". */
static char *ioapic_info_line(QTestState *s, const char *prefix)
{
    g_autofree char *out = qtest_hmp(s, "info pic");
    g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
    int i;

    for (i = 0; lines[i]; i++) {
        if (g_str_has_prefix(lines[i], prefix)) {
            return g_strdup(lines[i]);
        }
    }
    g_assert_not_reached();
}

static void test_registers(void)
{
    QTestState *s = start(NULL);
    int pin;

    g_assert_cmphex(ioapic_read(s, 0x00), ==, 0);
    g_assert_cmphex(ioapic_read(s, 0x01), ==, 0x00170020);
    for (pin = 0; pin < 24; pin++) {
        g_assert_cmphex(entry_lo(s, pin), ==, MASKED);
        g_assert_cmphex(ioapic_read(s, 0x11 + 2 * pin), ==, 0);
    }
    /* 4-bit ID, mirrored by the arbitration register; VER read-only */
    ioapic_write(s, 0x00, 0xffffffff);
    g_assert_cmphex(ioapic_read(s, 0x00), ==, 0x0f000000);
    ioapic_write(s, 0x00, 0x05000000);
    g_assert_cmphex(ioapic_read(s, 0x02), ==, 0x05000000);
    ioapic_write(s, 0x01, 0xffffffff);
    g_assert_cmphex(ioapic_read(s, 0x01), ==, 0x00170020);
    /* delivery status and remote IRR are read-only */
    ioapic_write(s, 0x10, 0xffffffff);
    ioapic_write(s, 0x11, 0xffffffff);
    g_assert_cmphex(entry_lo(s, 0), ==, 0xffffafff);
    g_assert_cmphex(ioapic_read(s, 0x11), ==, 0xffffffff);
    /* IOREGSEL reads back; IOWIN needs 32-bit accesses */
    qtest_writel(s, IOREGSEL, 0x01);
    g_assert_cmphex(qtest_readl(s, IOREGSEL), ==, 0x01);
    g_assert_cmphex(qtest_readw(s, IOWIN + 2), ==, 0);
    g_assert_cmphex(qtest_readb(s, IOWIN), ==, 0);
    /* past the last entry */
    g_assert_cmphex(ioapic_read(s, 0x40), ==, 0);
    qtest_quit(s);
}

static void test_info_pic(void)
{
    QTestState *s = start(NULL);
    g_autofree char *head = NULL, *pin0 = NULL, *pin1 = NULL;
    g_autofree char *pin5 = NULL, *pin7 = NULL;

    set_entry(s, 0, 0x30, 0x12);
    set_entry(s, 1, 0xa931, 0x23);
    set_entry(s, 5, 0xad35, 0x67);
    set_entry(s, 7, 0xaf37, 0x89);
    qtest_writel(s, IOREGSEL, 0x2a);
    head = ioapic_info_line(s, "ioapic0:");
    pin0 = ioapic_info_line(s, "  pin 0 ");
    pin1 = ioapic_info_line(s, "  pin 1 ");
    pin5 = ioapic_info_line(s, "  pin 5 ");
    pin7 = ioapic_info_line(s, "  pin 7 ");
    /* the lines Debian's QEMU prints for the same entries */
    g_assert_cmpstr(head, ==, "ioapic0: ver=0x20 id=0x00 sel=0x2a "
                    "(redir[13])");
    g_assert_cmpstr(pin0, ==, "  pin 0  0x1200000000000030 dest=2 vec=48  "
                    "active-hi edge         fixed  physical");
    g_assert_cmpstr(pin1, ==, "  pin 1  0x230000000000a931 dest=23 vec=49  "
                    "active-lo level        lowest logical");
    g_assert_cmpstr(pin5, ==, "  pin 5  0x670000000000ad35 dest=67 vec=53  "
                    "active-lo level        INIT   logical");
    g_assert_cmpstr(pin7, ==, "  pin 7  0x890000000000af37 dest=89 vec=55  "
                    "active-lo level        extINT logical");
    qtest_quit(s);
}

static void test_edge(void)
{
    QTestState *s = start(NULL);
    g_autofree char *irr = NULL;

    /* masked: an edge is lost, unmasking later delivers nothing */
    set_entry(s, 4, MASKED | 0x31, 0);
    set_pin(s, 4, 1);
    set_pin(s, 4, 0);
    set_entry(s, 4, 0x31, 0);
    assert_lapic_irr(s, 0, "(none)");
    irr = ioapic_info_line(s, "  IRR");
    g_assert_cmpstr(irr, ==, "  IRR      (none)");
    /* unmasked: a rising edge is delivered at once, as edge (TMR 0) */
    set_pin(s, 4, 1);
    assert_lapic_irr(s, 0, "49 ");
    g_assert_cmphex(entry_lo(s, 4), ==, 0x31);
    /* staying high is not a new edge; the vector is already pending */
    set_pin(s, 4, 1);
    set_entry(s, 6, 0x52, 0);
    set_pin(s, 6, 1);
    assert_lapic_irr(s, 0, "49 82 ");
    qtest_quit(s);
}

static void test_level(void)
{
    QTestState *s = start(NULL);
    g_autofree char *irr = NULL, *rirr = NULL, *rirr2 = NULL;
    g_autofree char *irr3 = NULL, *rirr3 = NULL;

    set_entry(s, 9, LEVEL | 0x41, 0);
    set_pin(s, 9, 1);
    assert_lapic_irr(s, 0, "65(level) ");
    g_assert_cmphex(entry_lo(s, 9), ==, LEVEL | REMOTE_IRR | 0x41);
    irr = ioapic_info_line(s, "  IRR");
    rirr = ioapic_info_line(s, "  Remote IRR");
    g_assert_cmpstr(irr, ==, "  IRR      9  ");
    g_assert_cmpstr(rirr, ==, "  Remote IRR 9  ");
    /* an EOI while the line is still high delivers again */
    qtest_writel(s, IOAPIC_EOI, 0x41);
    g_assert_cmphex(entry_lo(s, 9), ==, LEVEL | REMOTE_IRR | 0x41);
    /* the line drops: remote IRR waits for the EOI, which clears it */
    set_pin(s, 9, 0);
    g_assert_cmphex(entry_lo(s, 9), ==, LEVEL | REMOTE_IRR | 0x41);
    qtest_writel(s, IOAPIC_EOI, 0x42);
    g_assert_cmphex(entry_lo(s, 9), ==, LEVEL | REMOTE_IRR | 0x41);
    qtest_writel(s, IOAPIC_EOI, 0x41);
    g_assert_cmphex(entry_lo(s, 9), ==, LEVEL | 0x41);
    rirr2 = ioapic_info_line(s, "  Remote IRR");
    g_assert_cmpstr(rirr2, ==, "  Remote IRR (none)");
    /* a masked level pin is remembered and delivered on unmasking */
    set_entry(s, 10, MASKED | LEVEL | 0x51, 0);
    set_pin(s, 10, 1);
    irr3 = ioapic_info_line(s, "  IRR");
    g_assert_cmpstr(irr3, ==, "  IRR      10 ");
    g_assert_cmphex(entry_lo(s, 10), ==, MASKED | LEVEL | 0x51);
    set_entry(s, 10, LEVEL | 0x51, 0);
    g_assert_cmphex(entry_lo(s, 10), ==, LEVEL | REMOTE_IRR | 0x51);
    rirr3 = ioapic_info_line(s, "  Remote IRR");
    g_assert_cmpstr(rirr3, ==, "  Remote IRR 10 ");
    qtest_quit(s);
}

static void test_destination(void)
{
    QTestState *s = start("-smp 2");

    /* physical destination 1: only the second CPU's APIC */
    set_entry(s, 3, 0x61, 1);
    set_pin(s, 3, 1);
    assert_lapic_irr(s, 0, "(none)");
    assert_lapic_irr(s, 1, "97 ");
    /* physical broadcast 0xff: both */
    set_entry(s, 5, 0x62, 0xff);
    set_pin(s, 5, 1);
    assert_lapic_irr(s, 0, "98 ");
    assert_lapic_irr(s, 1, "97 98 ");
    qtest_quit(s);
}

/* COM1's interrupt reaches pin 4 through the board's GSI wiring. */
static void test_isa_routing(void)
{
    QTestState *s = start("-device isa-serial,id=com1");

    set_entry(s, 4, 0x34, 0);
    qtest_outb(s, 0x3f8 + 4, 0x08);      /* MCR OUT2: IRQ enabled */
    qtest_outb(s, 0x3f8 + 1, 0x02);      /* IER: THR empty */
    assert_lapic_irr(s, 0, "52 ");
    qtest_quit(s);
}

static void test_bad_input(void)
{
    QTestState *s = start(NULL);
    GRand *rand = g_rand_new_with_seed(82093);
    int i;

    for (i = 0; i < 1000; i++) {
        uint64_t addr = IOAPIC_BASE + g_rand_int_range(rand, 0, 0x50);
        uint32_t val = g_rand_int(rand);

        switch (g_rand_int_range(rand, 0, 4)) {
        case 0:
            qtest_writel(s, IOAPIC_BASE, g_rand_int_range(rand, 0, 256));
            break;
        case 1:
            qtest_writel(s, IOWIN, val);
            break;
        case 2:
            qtest_writeb(s, addr, val);
            break;
        default:
            qtest_readl(s, addr & ~3ULL);
            break;
        }
        if (i % 10 == 0) {
            set_pin(s, g_rand_int_range(rand, 0, 24),
                    g_rand_int_range(rand, 0, 2));
        }
    }
    g_rand_free(rand);
    g_assert_cmphex(ioapic_read(s, 0x01), ==, 0x00170020);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_qemu_binary();
    g_test_add_func("/ioapic/registers", test_registers);
    g_test_add_func("/ioapic/info-pic", test_info_pic);
    g_test_add_func("/ioapic/edge", test_edge);
    g_test_add_func("/ioapic/level", test_level);
    g_test_add_func("/ioapic/destination", test_destination);
    g_test_add_func("/ioapic/isa-routing", test_isa_routing);
    g_test_add_func("/ioapic/bad-input", test_bad_input);
    return g_test_run();
}
