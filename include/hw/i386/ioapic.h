/*
 * ioapic.h: the I/O APIC ("ioapic", hw/intc/ioapic.c).
 *
 * A sysbus device with one 4 KiB MMIO region (map it at
 * IOAPIC_DEFAULT_ADDRESS) and IOAPIC_NUM_PINS GPIO inputs, pin n being
 * input n.  It sends its messages over the APIC bus (hw/i386/apic.h)
 * and listens there for the local APICs' EOIs.
 */
#ifndef HW_I386_IOAPIC_H
#define HW_I386_IOAPIC_H

#define TYPE_IOAPIC "ioapic"
#define IOAPIC_NUM_PINS 24
#define IOAPIC_DEFAULT_ADDRESS 0xfec00000ULL

#endif
