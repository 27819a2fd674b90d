/*
 * irq.h: interrupt lines between devices.
 *
 * A qemu_irq is the input end of a line: a handler plus its opaque and
 * line number.  The board wires a device's output (a qemu_irq pointer the
 * device holds) to another device's input.  qemu_set_irq() on a NULL line
 * is a no-op, so unwired outputs are harmless.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include "qom/object.h"

typedef struct IRQState *qemu_irq;
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

struct IRQState {
    Object parent_obj;
    qemu_irq_handler handler;
    void *opaque;
    int n;
};

#define TYPE_IRQ "irq"

void qemu_set_irq(qemu_irq irq, int level);
static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}
static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}
static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

/* One line / an array of n lines numbered 0..n-1 calling handler. */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);
qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n);
/*
 * Grow old (n_old lines, may be NULL) by n lines numbered n_old.. calling
 * handler; returns the reallocated array.
 */
qemu_irq *qemu_extend_irqs(qemu_irq *old, int n_old, qemu_irq_handler handler,
                           void *opaque, int n);
void qemu_free_irq(qemu_irq irq);
void qemu_free_irqs(qemu_irq *s, int n);
/* A line that fans out to both a and b. */
qemu_irq qemu_irq_split(qemu_irq irq1, qemu_irq irq2);
/* A line that inverts its level. */
qemu_irq qemu_irq_invert(qemu_irq irq);

/*
 * Redirect every line of gpio_in[0..n-1] to handler; used by qtest's
 * irq_intercept_in.  Line numbers are kept; the handler's opaque becomes
 * a qemu_irq * pointing at a copy of the original line (handler, opaque,
 * n), so the interceptor can still forward with
 * qemu_set_irq(*(qemu_irq *)opaque, level), as in QEMU.
 */
void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler,
                           int n);

#endif
