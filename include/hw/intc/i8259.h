/*
 * i8259.h: the PC's pair of 8259A programmable interrupt controllers.
 *
 * Each chip is an "isa-i8259" device with 8 GPIO inputs (IR0-IR7) and
 * one unnamed GPIO output (INT).  The board creates the pair with
 * i8259_init(): the slave's INT drives the master's IR2, the master's
 * INT is the processor's INTR line (in a PC it reaches the CPU through
 * each local APIC's LINT0, see hw/i386/apic.h).
 *
 * The CPU side acknowledges an interrupt (the INTA cycle) with
 * pic_read_irq(), which returns the vector and updates the in-service
 * registers of both chips as the hardware does.
 */
#ifndef HW_INTC_I8259_H
#define HW_INTC_I8259_H

#include "hw/isa/isa.h"

#define TYPE_I8259 "isa-i8259"

/*
 * Create and realize the master (ports 0x20/0x21, ELCR 0x4d0) and the
 * slave (0xa0/0xa1, ELCR 0x4d1) on bus as /machine/pic-master and
 * /machine/pic-slave, wire the cascade and connect the master's INT to
 * parent_irq (may be NULL and connected later with
 * qdev_connect_gpio_out(master, 0, irq)).  Returns a newly allocated
 * array of 16 inputs: ISA IRQ n is element n (element 2 is the master's
 * cascade input, which the slave drives).  *master_out, if not NULL,
 * receives the master.
 */
qemu_irq *i8259_init(ISABus *bus, qemu_irq parent_irq,
                     DeviceState **master_out);

/*
 * The INTA cycle on the master: the vector of the highest-priority
 * pending request (through the slave for IR2), marking it in service
 * (or clearing it, in auto-EOI mode).  With nothing pending the answer
 * is the spurious IRQ 7 (or 15 through the slave) vector, with nothing
 * put in service, as the 8259A does.
 */
int pic_read_irq(DeviceState *master);

/* Level of the master's INT output (a request the CPU has not taken). */
bool pic_get_output(DeviceState *master);

#endif
