/*
 * i8259-test: the PC's 8259A pair through its I/O ports.
 *
 * Expected behaviour is the 8259A datasheet's (Intel 231468): the
 * ICW1-ICW4 sequence, OCW1 masking, fully nested priorities, specific
 * and non-specific EOI, rotation, automatic EOI, special mask mode, the
 * poll command (which acknowledges like an INTA cycle and is how a test
 * without a CPU sees what the PIC would deliver), the cascade through
 * the master's IR2, and the PIIX ELCR at 0x4d0/0x4d1 with level-
 * triggered inputs.  Inputs are driven with set_irq_in on the chips;
 * the master's INT output is watched with irq_intercept_out.
 *
 * Every check also passes against Debian's QEMU 7.2, where the chips
 * sit at /machine/unattached/device[6] and [7] (ours are
 * /machine/pic-master and /machine/pic-slave).
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define MASTER_CMD  0x20
#define MASTER_DATA 0x21
#define SLAVE_CMD   0xa0
#define SLAVE_DATA  0xa1
#define ELCR1       0x4d0
#define ELCR2       0x4d1

#define OCW3_READ_IRR 0x0a
#define OCW3_READ_ISR 0x0b
#define OCW3_POLL     0x0c
#define OCW3_SET_SMM  0x68
#define OCW3_CLR_SMM  0x48
#define OCW2_EOI      0x20
#define OCW2_SEOI(n)  (0x60 | (n))
#define OCW2_ROT_EOI  0xa0
#define OCW2_SETPRI(n) (0xc0 | (n))

typedef struct PIC {
    QTestState *s;
    const char *master;
    const char *slave;
} PIC;

static void pic_start(PIC *p)
{
    p->s = qtest_init("-M pc -nodefaults");
    /* Debian's QEMU (no qtest accelerator) has its chips elsewhere. */
    if (qtest_has_clock(p->s)) {
        p->master = "/machine/pic-master";
        p->slave = "/machine/pic-slave";
    } else {
        p->master = "/machine/unattached/device[6]";
        p->slave = "/machine/unattached/device[7]";
    }
}

static void pic_end(PIC *p)
{
    qtest_quit(p->s);
}

/* ISA IRQ n (0-15) to level. */
static void set_irq(PIC *p, int irq, int level)
{
    qtest_set_irq_in(p->s, irq < 8 ? p->master : p->slave, NULL, irq & 7,
                     level);
}

/* What BIOSes program: vectors 0x08 and 0x70, cascade on IR2, 8086. */
static void pic_init_pc(PIC *p, uint8_t icw4)
{
    qtest_outb(p->s, MASTER_CMD, 0x11);
    qtest_outb(p->s, MASTER_DATA, 0x08);
    qtest_outb(p->s, MASTER_DATA, 0x04);
    qtest_outb(p->s, MASTER_DATA, icw4);
    qtest_outb(p->s, SLAVE_CMD, 0x11);
    qtest_outb(p->s, SLAVE_DATA, 0x70);
    qtest_outb(p->s, SLAVE_DATA, 0x02);
    qtest_outb(p->s, SLAVE_DATA, icw4);
}

static uint8_t read_reg(PIC *p, uint16_t cmd, uint8_t ocw3)
{
    qtest_outb(p->s, cmd, ocw3);
    return qtest_inb(p->s, cmd);
}

static uint8_t irr(PIC *p, uint16_t cmd)
{
    return read_reg(p, cmd, OCW3_READ_IRR);
}

static uint8_t isr(PIC *p, uint16_t cmd)
{
    return read_reg(p, cmd, OCW3_READ_ISR);
}

static uint8_t poll(PIC *p, uint16_t cmd)
{
    return read_reg(p, cmd, OCW3_POLL);
}

/* The "info pic" line of pic0 (master) or pic1 (slave). */
static char *info_pic_line(PIC *p, int chip)
{
    g_autofree char *out = qtest_hmp(p->s, "info pic");
    g_autofree char *prefix = g_strdup_printf("pic%d: ", chip);
    g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
    int i;

    for (i = 0; lines[i]; i++) {
        if (g_str_has_prefix(lines[i], prefix)) {
            return g_strdup(lines[i]);
        }
    }
    g_assert_not_reached();
}

static void test_reset_state(void)
{
    PIC p;
    g_autofree char *l0 = NULL, *l1 = NULL;

    pic_start(&p);
    l0 = info_pic_line(&p, 0);
    l1 = info_pic_line(&p, 1);
    g_assert_cmpstr(l0, ==, "pic0: irr=00 imr=00 isr=00 hprio=0 irq_base=00 "
                    "rr_sel=0 elcr=00 fnm=0");
    g_assert_cmpstr(l1, ==, "pic1: irr=00 imr=00 isr=00 hprio=0 irq_base=00 "
                    "rr_sel=0 elcr=00 fnm=0");
    g_assert_cmphex(qtest_inb(p.s, MASTER_DATA), ==, 0x00);
    g_assert_cmphex(qtest_inb(p.s, SLAVE_DATA), ==, 0x00);
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0);
    g_assert_cmphex(qtest_inb(p.s, ELCR1), ==, 0);
    g_assert_cmphex(qtest_inb(p.s, ELCR2), ==, 0);
    pic_end(&p);
}

static void test_init_sequence(void)
{
    PIC p;
    g_autofree char *l0 = NULL, *l1 = NULL;

    pic_start(&p);
    qtest_outb(p.s, MASTER_DATA, 0x5a);
    /* ICW1 clears the mask; ICW2 sets the base; SFNM through ICW4 */
    qtest_outb(p.s, MASTER_CMD, 0x11);
    g_assert_cmphex(qtest_inb(p.s, MASTER_DATA), ==, 0x00);
    qtest_outb(p.s, MASTER_DATA, 0x20);
    qtest_outb(p.s, MASTER_DATA, 0x04);
    qtest_outb(p.s, MASTER_DATA, 0x11);
    /* now A0=1 writes are OCW1 */
    qtest_outb(p.s, MASTER_DATA, 0xfb);
    g_assert_cmphex(qtest_inb(p.s, MASTER_DATA), ==, 0xfb);
    /* single mode without ICW4: ICW2 is the last word */
    qtest_outb(p.s, SLAVE_CMD, 0x12);
    qtest_outb(p.s, SLAVE_DATA, 0x77);
    qtest_outb(p.s, SLAVE_DATA, 0x3c);
    g_assert_cmphex(qtest_inb(p.s, SLAVE_DATA), ==, 0x3c);
    /* the base keeps only bits 7-3 */
    l0 = info_pic_line(&p, 0);
    l1 = info_pic_line(&p, 1);
    g_assert_cmpstr(l0, ==, "pic0: irr=00 imr=fb isr=00 hprio=0 irq_base=20 "
                    "rr_sel=0 elcr=00 fnm=1");
    g_assert_cmpstr(l1, ==, "pic1: irr=00 imr=3c isr=00 hprio=0 irq_base=70 "
                    "rr_sel=0 elcr=00 fnm=0");
    pic_end(&p);
}

static void test_mask(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    qtest_outb(p.s, MASTER_DATA, 0x08);
    set_irq(&p, 3, 1);
    /* masked: requested, but nothing to poll */
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x08);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    qtest_outb(p.s, MASTER_DATA, 0x00);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x83);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x08);
    /* the edge request was consumed by the acknowledge */
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x00);
    pic_end(&p);
}

static void test_priority_and_eoi(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    set_irq(&p, 5, 1);
    set_irq(&p, 3, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x83);
    /* IR5 waits while the higher IR3 is in service */
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x20);
    /* a higher level nests */
    set_irq(&p, 1, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x81);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x0a);
    /* non-specific EOI ends the highest in service: IR1 */
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x08);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    /* specific EOI for IR3 lets IR5 through */
    qtest_outb(p.s, MASTER_CMD, OCW2_SEOI(3));
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x00);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x85);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x20);
    pic_end(&p);
}

static void test_rotation(void)
{
    PIC p;
    g_autofree char *l0 = NULL;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    /* set priority: IR4 lowest, so IR5 highest, then 6, 7, 0 ... */
    qtest_outb(p.s, MASTER_CMD, OCW2_SETPRI(4));
    set_irq(&p, 3, 1);
    set_irq(&p, 6, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x86);
    l0 = info_pic_line(&p, 0);
    g_assert_nonnull(strstr(l0, " hprio=5 "));
    /* rotate on non-specific EOI: IR6 becomes lowest, IR7 highest */
    qtest_outb(p.s, MASTER_CMD, OCW2_ROT_EOI);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x00);
    set_irq(&p, 7, 1);
    set_irq(&p, 6, 0);
    set_irq(&p, 6, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x87);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    /* rotate on specific EOI of IR7 (0xe7): IR0 highest, IR3 before 6 */
    qtest_outb(p.s, MASTER_CMD, 0xe7);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x83);
    pic_end(&p);
}

static void test_auto_eoi(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x03);
    set_irq(&p, 4, 1);
    set_irq(&p, 6, 1);
    /* acknowledged without ever being in service */
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x84);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x00);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x86);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    /* rotate in automatic EOI mode: each acknowledged level goes last */
    qtest_outb(p.s, MASTER_CMD, 0x80);
    set_irq(&p, 1, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x81);
    set_irq(&p, 0, 1);
    set_irq(&p, 2, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x82);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x80);
    pic_end(&p);
}

static void test_special_mask(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    set_irq(&p, 2, 0);
    set_irq(&p, 3, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x83);
    set_irq(&p, 5, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    /* masking the in-service level in special mask mode unblocks IR5 */
    qtest_outb(p.s, MASTER_DATA, 0x08);
    qtest_outb(p.s, MASTER_CMD, OCW3_SET_SMM);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x85);
    g_assert_cmphex(isr(&p, MASTER_CMD), ==, 0x28);
    qtest_outb(p.s, MASTER_CMD, OCW3_CLR_SMM);
    qtest_outb(p.s, MASTER_CMD, OCW2_SEOI(5));
    set_irq(&p, 5, 0);
    set_irq(&p, 5, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    pic_end(&p);
}

static void test_cascade(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    set_irq(&p, 10, 1);
    g_assert_cmphex(irr(&p, SLAVE_CMD), ==, 0x04);
    /* the slave's INT is the master's IR2 */
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x04);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x82);
    g_assert_cmphex(poll(&p, SLAVE_CMD), ==, 0x82);
    g_assert_cmphex(isr(&p, SLAVE_CMD), ==, 0x04);
    /* the slave's output dropped: IR2's edge request is consumed */
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x00);
    /* slave levels are blocked while the master has IR2 in service */
    set_irq(&p, 8, 1);
    g_assert_cmphex(irr(&p, SLAVE_CMD), ==, 0x01);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    /* EOI to both: IRQ 8 comes through */
    qtest_outb(p.s, SLAVE_CMD, OCW2_EOI);
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x82);
    g_assert_cmphex(poll(&p, SLAVE_CMD), ==, 0x80);
    /* masking the slave's input on the master hides its requests */
    qtest_outb(p.s, SLAVE_CMD, OCW2_EOI);
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    qtest_outb(p.s, MASTER_DATA, 0x04);
    set_irq(&p, 15, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    pic_end(&p);
}

static void test_special_fully_nested(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x11);
    set_irq(&p, 12, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x82);
    g_assert_cmphex(poll(&p, SLAVE_CMD), ==, 0x84);
    /* a higher slave level gets through the master's IR2 in service */
    set_irq(&p, 9, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x82);
    g_assert_cmphex(poll(&p, SLAVE_CMD), ==, 0x81);
    pic_end(&p);
}

static void test_elcr(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    /* IRQ 0, 1, 2, 8 and 13 are always edge-triggered */
    qtest_outb(p.s, ELCR1, 0xff);
    qtest_outb(p.s, ELCR2, 0xff);
    g_assert_cmphex(qtest_inb(p.s, ELCR1), ==, 0xf8);
    g_assert_cmphex(qtest_inb(p.s, ELCR2), ==, 0xde);
    qtest_outb(p.s, ELCR1, 0x20);
    qtest_outb(p.s, ELCR2, 0x00);
    g_assert_cmphex(qtest_inb(p.s, ELCR1), ==, 0x20);
    pic_end(&p);
}

static void test_level_triggered(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    qtest_outb(p.s, ELCR1, 0x20);
    set_irq(&p, 5, 1);
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x20);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x85);
    /* the request stays while the line is high ... */
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x20);
    /* ... so it is delivered again after the EOI */
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x85);
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    /* and goes away with the line */
    set_irq(&p, 5, 0);
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x00);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);

    /* edge-triggered: one request per rising edge */
    set_irq(&p, 6, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x86);
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x00);
    set_irq(&p, 6, 1);
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x00);
    set_irq(&p, 6, 0);
    set_irq(&p, 6, 1);
    g_assert_cmphex(irr(&p, MASTER_CMD), ==, 0x40);
    pic_end(&p);
}

static void test_int_output(void)
{
    PIC p;

    pic_start(&p);
    pic_init_pc(&p, 0x01);
    qtest_irq_intercept_out(p.s, p.master);
    g_assert_false(qtest_get_irq(p.s, 0));
    qtest_outb(p.s, MASTER_DATA, 0x10);
    set_irq(&p, 4, 1);
    g_assert_false(qtest_get_irq(p.s, 0));
    qtest_outb(p.s, MASTER_DATA, 0x00);
    g_assert_true(qtest_get_irq(p.s, 0));
    /* acknowledged: INT falls until the next request */
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x84);
    g_assert_false(qtest_get_irq(p.s, 0));
    /* a lower level waits for the EOI */
    set_irq(&p, 6, 1);
    g_assert_false(qtest_get_irq(p.s, 0));
    qtest_outb(p.s, MASTER_CMD, OCW2_EOI);
    g_assert_true(qtest_get_irq(p.s, 0));
    g_assert_cmphex(poll(&p, MASTER_CMD), ==, 0x86);
    g_assert_false(qtest_get_irq(p.s, 0));
    /* a slave request (IR2, above IR6) raises INT through the cascade */
    set_irq(&p, 11, 1);
    g_assert_true(qtest_get_irq(p.s, 0));
    pic_end(&p);
}

/* Nonsense from a guest is absorbed: the emulator keeps answering. */
static void test_bad_input(void)
{
    PIC p;
    GRand *rand = g_rand_new_with_seed(8259);
    static const uint16_t ports[] = {
        MASTER_CMD, MASTER_DATA, SLAVE_CMD, SLAVE_DATA, ELCR1, ELCR2,
    };
    int i;

    pic_start(&p);
    for (i = 0; i < 2000; i++) {
        uint16_t port = ports[g_rand_int_range(rand, 0, G_N_ELEMENTS(ports))];

        if (g_rand_boolean(rand)) {
            qtest_outb(p.s, port, g_rand_int_range(rand, 0, 256));
        } else {
            qtest_inb(p.s, port);
        }
        if (i % 16 == 0) {
            set_irq(&p, g_rand_int_range(rand, 0, 16),
                    g_rand_int_range(rand, 0, 2));
        }
    }
    g_rand_free(rand);
    /* a proper init still works afterwards */
    pic_init_pc(&p, 0x01);
    qtest_outb(p.s, ELCR1, 0x00);
    qtest_outb(p.s, ELCR2, 0x00);
    qtest_outb(p.s, MASTER_DATA, 0x00);
    set_irq(&p, 7, 0);
    set_irq(&p, 7, 1);
    g_assert_cmphex(poll(&p, MASTER_CMD) & 0x80, ==, 0x80);
    pic_end(&p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_qemu_binary();
    g_test_add_func("/i8259/reset-state", test_reset_state);
    g_test_add_func("/i8259/init-sequence", test_init_sequence);
    g_test_add_func("/i8259/mask", test_mask);
    g_test_add_func("/i8259/priority-eoi", test_priority_and_eoi);
    g_test_add_func("/i8259/rotation", test_rotation);
    g_test_add_func("/i8259/auto-eoi", test_auto_eoi);
    g_test_add_func("/i8259/special-mask", test_special_mask);
    g_test_add_func("/i8259/cascade", test_cascade);
    g_test_add_func("/i8259/special-fully-nested",
                    test_special_fully_nested);
    g_test_add_func("/i8259/elcr", test_elcr);
    g_test_add_func("/i8259/level-triggered", test_level_triggered);
    g_test_add_func("/i8259/int-output", test_int_output);
    g_test_add_func("/i8259/bad-input", test_bad_input);
    return g_test_run();
}
