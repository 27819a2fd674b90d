/*
 * irq.c: interrupt lines (qemu_irq).
 *
 * Implements include/hw/irq.h.  A line is an Object of TYPE_IRQ so it can
 * sit in the composition tree (a device's "unnamed-gpio-in[0]") and be
 * the target of link<irq> properties; it has no instance properties of
 * its own, so allocating one is a single small allocation.  Raising a
 * line calls its handler synchronously; there is no level caching (as in
 * QEMU, a device remembers its own output levels).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "hw/irq.h"

#define IRQ(obj) OBJECT_CHECK(struct IRQState, (obj), TYPE_IRQ)

void qemu_set_irq(qemu_irq irq, int level)
{
    if (irq == NULL) {
        return;
    }
    irq->handler(irq->opaque, irq->n, level);
}

static void irq_nop(void *opaque, int n, int level)
{
    /* A line allocated without a handler (intercept copies). */
}

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n)
{
    qemu_irq irq = IRQ(object_new(TYPE_IRQ));

    irq->handler = handler ? handler : irq_nop;
    irq->opaque = opaque;
    irq->n = n;
    return irq;
}

qemu_irq *qemu_extend_irqs(qemu_irq *old, int n_old, qemu_irq_handler handler,
                           void *opaque, int n)
{
    qemu_irq *s = g_renew(qemu_irq, old, n_old + n);

    for (int i = n_old; i < n_old + n; i++) {
        s[i] = qemu_allocate_irq(handler, opaque, i);
    }
    return s;
}

qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n)
{
    return qemu_extend_irqs(NULL, 0, handler, opaque, n);
}

void qemu_free_irq(qemu_irq irq)
{
    object_unref(OBJECT(irq));
}

void qemu_free_irqs(qemu_irq *s, int n)
{
    for (int i = 0; i < n; i++) {
        qemu_free_irq(s[i]);
    }
    g_free(s);
}

/* A split line carries its two targets inside itself. */
typedef struct SplitIRQ {
    struct IRQState parent_obj;
    qemu_irq lines[2];
} SplitIRQ;

#define TYPE_IRQ_SPLIT "irq-split"

static void irq_split_handler(void *opaque, int n, int level)
{
    qemu_irq *lines = opaque;

    qemu_set_irq(lines[0], level);
    qemu_set_irq(lines[1], level);
}

qemu_irq qemu_irq_split(qemu_irq irq1, qemu_irq irq2)
{
    SplitIRQ *s = OBJECT_CHECK(SplitIRQ, object_new(TYPE_IRQ_SPLIT),
                               TYPE_IRQ_SPLIT);

    s->lines[0] = irq1;
    s->lines[1] = irq2;
    s->parent_obj.handler = irq_split_handler;
    s->parent_obj.opaque = s->lines;
    return &s->parent_obj;
}

static void irq_invert_handler(void *opaque, int n, int level)
{
    qemu_set_irq(opaque, !level);
}

qemu_irq qemu_irq_invert(qemu_irq irq)
{
    return qemu_allocate_irq(irq_invert_handler, irq, 0);
}

void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler,
                           int n)
{
    /* The copies keep the original behaviour reachable from opaque. */
    qemu_irq *old = qemu_allocate_irqs(NULL, NULL, n);

    for (int i = 0; i < n; i++) {
        old[i]->handler = gpio_in[i]->handler;
        old[i]->opaque = gpio_in[i]->opaque;
        old[i]->n = gpio_in[i]->n;
        gpio_in[i]->handler = handler;
        gpio_in[i]->opaque = &old[i];
    }
}

static const TypeInfo irq_types[] = {
    {
        .name = TYPE_IRQ,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(struct IRQState),
    },
    {
        .name = TYPE_IRQ_SPLIT,
        .parent = TYPE_IRQ,
        .instance_size = sizeof(SplitIRQ),
    },
};

static void irq_register_types(void)
{
    type_register_static_array(irq_types, ARRAY_SIZE(irq_types));
}

type_init(irq_register_types)
