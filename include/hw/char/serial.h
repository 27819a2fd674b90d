/*
 * serial.h: the 16550A UART core, shared by its bus front ends.
 *
 * SerialState holds the UART's registers, FIFOs and timers; a bus
 * wrapper (hw/char/serial-isa.c for "isa-serial") embeds it, sets the
 * configuration fields (chardev, baudbase, irq) and calls
 * serial_realize(), then maps serial->io (8 byte-wide registers) where
 * its bus decodes them.  The core knows nothing of buses.
 */
#ifndef HW_CHAR_SERIAL_H
#define HW_CHAR_SERIAL_H

#include "hw/qdev-core.h"
#include "chardev/char-fe.h"
#include "exec/memory.h"
#include "qemu/timer.h"

#define UART_FIFO_LENGTH 16

typedef struct SerialFIFO {
    uint8_t data[UART_FIFO_LENGTH];
    uint8_t head;                /* index of the oldest byte */
    uint8_t num;                 /* bytes held */
} SerialFIFO;

typedef struct SerialState {
    /* Configuration, set by the bus front end before serial_realize(). */
    CharBackend chr;
    uint32_t baudbase;           /* input clock / 16: 115200 on the PC */
    bool wakeup;                 /* accepted for QEMU compatibility */
    qemu_irq irq;

    MemoryRegion io;             /* the 8 registers */

    /* Registers (names as in the PC16550D datasheet). */
    uint16_t divider;            /* DLM:DLL */
    uint8_t rbr;                 /* receive buffer, non-FIFO mode */
    uint8_t thr;                 /* transmit holding, non-FIFO mode */
    uint8_t tsr;                 /* transmit shift register */
    uint8_t ier;
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;
    uint8_t fcr;                 /* as written, minus the clear bits */

    /* Interrupt sources that are events rather than register bits. */
    bool thr_ipending;           /* THR went empty, not yet acknowledged */
    bool timeout_ipending;       /* FIFO character timeout */
    bool tsr_busy;               /* tsr holds a byte not yet sent */
    bool thr_full;               /* thr holds a byte (non-FIFO mode) */

    SerialFIFO rx_fifo;
    SerialFIFO tx_fifo;

    QEMUTimer *fifo_timeout_timer;   /* virtual clock */
    QEMUTimer *tx_retry_timer;       /* realtime: backend was busy */
    int64_t char_time_ns;            /* one frame at the current speed */
    bool write_failed_reported;
} SerialState;

/*
 * Set up s (timers, chardev handlers, the register region, owned by
 * owner).  The chardev may be unset: output is then discarded and no
 * input arrives.
 */
void serial_realize(SerialState *s, Object *owner, Error **errp);
void serial_unrealize(SerialState *s);

/* Power-on state (registers, FIFOs, timers, the IRQ line lowered). */
void serial_reset(SerialState *s);

/* The migration description of SerialState. */
extern const VMStateDescription vmstate_serial;

#endif
