/*
 * pc-intc.h: the PC's interrupt controllers and timers, created and
 * wired in one call.
 *
 * pc_intc_timers_init() builds, on the board's ISA bus and system bus:
 * the 8259 pair, the I/O APIC, one local APIC per CPU of -smp, the 8254
 * PIT with the port 0x61 speaker/gate latch, the MC146818 RTC and the
 * HPET, and wires the 24 GSIs (pcms->gsi) as a PC has them:
 *
 *   GSI n < 16  ISA IRQ n: 8259 input n and I/O APIC pin n, except that
 *               ISA IRQ 0 goes to I/O APIC pin 2 (SeaBIOS's MADT
 *               interrupt source override) and IRQ 2 is the cascade,
 *               which no device drives;
 *   GSI 16-23   I/O APIC pins 16-23 only (PCI INTx through PIIX3).
 *
 * The PIT drives IRQ 0 and the RTC IRQ 8 through the HPET, which takes
 * both over in legacy replacement mode.  The 8259's INT output drives
 * LINT0 of every local APIC (virtual wire); the local APICs wait for the
 * CPU side to attach to them (hw/i386/apic.h).
 *
 * Afterwards pcms->gsi, ->pic (the master 8259, for pic_read_irq()),
 * ->ioapic and ->rtc are set, and the ISA bus's IRQ lines are the GSIs.
 */
#ifndef HW_I386_PC_INTC_H
#define HW_I386_PC_INTC_H

#include "hw/i386/pc.h"

void pc_intc_timers_init(PCMachineState *pcms, ISABus *bus);

#endif
