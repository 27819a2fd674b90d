/*
 * pc.h: the state of the PC machines ("pc", later "q35") that the
 * board's pieces share.
 *
 * The board file builds the machine; chipset devices reach what they
 * need through properties and links set by the board, never through
 * globals.  This struct is where the board keeps the handles it wires
 * devices with:
 *
 *  - gsi: the 24 global system interrupts.  GSI n for n < 16 is ISA IRQ
 *    n and drives input n of the 8259 pair; every GSI drives I/O APIC pin
 *    n, except that ISA IRQ 0 (the PIT) goes to pin 2, the override that
 *    SeaBIOS's MADT announces.  ISA devices, the PIIX3 PIRQ router and the
 *    ACPI SCI all raise GSIs.
 *  - isa_bus, pci_bus: the buses on-board and -device devices sit on.
 *  - rtc: the MC146818, whose CMOS RAM the board fills with the bytes
 *    SeaBIOS reads (memory sizes, CPU count, boot order).
 */
#ifndef HW_I386_PC_H
#define HW_I386_PC_H

#include "hw/boards.h"
#include "hw/irq.h"

#define TYPE_PC_MACHINE "generic-pc-machine"

#define PC_NUM_GSI 24

typedef struct ISABus ISABus;
typedef struct ISADevice ISADevice;
typedef struct PCIBus PCIBus;

typedef struct PCMachineState {
    MachineState parent_obj;

    qemu_irq *gsi;               /* PC_NUM_GSI lines */
    ISABus *isa_bus;
    PCIBus *pci_bus;
    ISADevice *rtc;
    DeviceState *pic;            /* the 8259 pair (INTA: pic_read_irq) */
    DeviceState *ioapic;
} PCMachineState;

#define PC_MACHINE(obj) OBJECT_CHECK(PCMachineState, (obj), TYPE_PC_MACHINE)

#endif
