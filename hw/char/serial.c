/*
 * serial.c: the 16550A UART core (National Semiconductor PC16550D).
 *
 * Follows the PC16550D datasheet (June 1995), sections "Registers" and
 * "FIFO Interrupt Mode Operation":
 *  - eight byte-wide registers; DLAB (LCR bit 7) maps the divisor latch
 *    over RBR/THR and IER;
 *  - 16-byte receive and transmit FIFOs (FCR bit 0), receive trigger
 *    levels 1/4/8/14, and the character timeout: bytes below the trigger
 *    level that nobody reads for four character times raise a timeout
 *    interrupt (timed on the virtual clock from LCR and the divisor);
 *  - interrupt priority: receiver line status > received data or
 *    character timeout > THR empty > modem status; IIR reports the
 *    highest; the line to the interrupt controller is recomputed by
 *    serial_update_irq() after every state change;
 *  - THR empty interrupt: raised when the holding register (or transmit
 *    FIFO) empties and when IER enables it while THR is empty; cleared
 *    by reading IIR while it is the reported source or by writing THR;
 *  - loopback (MCR bit 4): transmitted bytes come back to the receiver,
 *    the outputs DTR/RTS/OUT1/OUT2 drive the inputs DSR/CTS/RI/DCD, and
 *    changes set the MSR delta bits (QEMU 7.2 leaves deltas out; we
 *    follow the datasheet);
 *  - break from the backend (CHR_EVENT_BREAK) receives a NUL with LSR BI.
 * Where the datasheet leaves room, QEMU 7.2's observable behaviour
 * (checked against Debian's build with tests/qtest/serial-test) decides:
 * reset leaves MCR OUT2 set and the divisor at 12; with no modem
 * attached DCD, DSR and CTS read as on; clearing the transmit FIFO
 * signals THR empty.
 *
 * Transmission is not paced by the baud rate: a byte goes to the
 * chardev as soon as it reaches the shift register.  When the backend
 * cannot take it, it stays in the shift register (LSR TEMT clear, THR
 * and FIFO fill up behind it) and a realtime timer retries; bytes are
 * never dropped for a busy backend.  Reception is paced by can_read: the
 * backend holds what the receiver (RBR or the FIFO) has no room for.
 *
 * Missing: per-character parity/framing errors (LSR PE, FE and bit 7
 * "error in FIFO"), sending a break (LCR bit 6) and real modem lines to
 * the chardev (the chardev API has no line control yet), DMA mode
 * signalling (FCR bit 3 is stored only), the scratch-less 8250/16450.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "hw/irq.h"
#include "hw/char/serial.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"

/* Register offsets. */
#define UART_RBR 0      /* read, DLAB=0 */
#define UART_THR 0      /* write, DLAB=0 */
#define UART_DLL 0      /* DLAB=1 */
#define UART_IER 1      /* DLAB=0 */
#define UART_DLM 1      /* DLAB=1 */
#define UART_IIR 2      /* read */
#define UART_FCR 2      /* write */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7

#define UART_IER_RDI    0x01    /* received data available */
#define UART_IER_THRI   0x02    /* THR empty */
#define UART_IER_RLSI   0x04    /* receiver line status */
#define UART_IER_MSI    0x08    /* modem status */
#define UART_IER_MASK   0x0f

#define UART_IIR_NO_INT 0x01
#define UART_IIR_MSI    0x00
#define UART_IIR_THRI   0x02
#define UART_IIR_RDI    0x04
#define UART_IIR_RLSI   0x06
#define UART_IIR_CTI    0x0c    /* character timeout */
#define UART_IIR_FIFO   0xc0    /* FIFOs enabled */

#define UART_FCR_FE     0x01    /* FIFO enable */
#define UART_FCR_RFR    0x02    /* clear receive FIFO */
#define UART_FCR_XFR    0x04    /* clear transmit FIFO */
#define UART_FCR_DMS    0x08    /* DMA mode select */
#define UART_FCR_ITL    0xc0    /* receive trigger level */

#define UART_LCR_WLEN   0x03    /* word length - 5 */
#define UART_LCR_STOP   0x04    /* 1.5 or 2 stop bits */
#define UART_LCR_PARITY 0x08
#define UART_LCR_DLAB   0x80

#define UART_MCR_DTR    0x01
#define UART_MCR_RTS    0x02
#define UART_MCR_OUT1   0x04
#define UART_MCR_OUT2   0x08
#define UART_MCR_LOOP   0x10
#define UART_MCR_MASK   0x1f

#define UART_LSR_DR     0x01    /* data ready */
#define UART_LSR_OE     0x02    /* overrun */
#define UART_LSR_PE     0x04    /* parity error */
#define UART_LSR_FE     0x08    /* framing error */
#define UART_LSR_BI     0x10    /* break */
#define UART_LSR_THRE   0x20    /* THR (transmit FIFO) empty */
#define UART_LSR_TEMT   0x40    /* THR and shift register empty */
#define UART_LSR_ERRORS (UART_LSR_OE | UART_LSR_PE | UART_LSR_FE | \
                         UART_LSR_BI)

#define UART_MSR_DCTS   0x01
#define UART_MSR_DDSR   0x02
#define UART_MSR_TERI   0x04    /* RI went from on to off */
#define UART_MSR_DDCD   0x08
#define UART_MSR_CTS    0x10
#define UART_MSR_DSR    0x20
#define UART_MSR_RI     0x40
#define UART_MSR_DCD    0x80
#define UART_MSR_DELTAS 0x0f

/* Divisor after reset: 9600 baud from the PC's 1.8432 MHz clock. */
#define UART_RESET_DIVISOR 12
/* How soon to retry a busy chardev. */
#define SERIAL_TX_RETRY_MS 1

static const uint8_t serial_rx_trigger_levels[4] = { 1, 4, 8, 14 };

/* FIFOs. */

static void serial_fifo_reset(SerialFIFO *f)
{
    f->head = 0;
    f->num = 0;
}

static bool serial_fifo_full(const SerialFIFO *f)
{
    return f->num == UART_FIFO_LENGTH;
}

static void serial_fifo_push(SerialFIFO *f, uint8_t byte)
{
    f->data[(f->head + f->num) % UART_FIFO_LENGTH] = byte;
    f->num++;
}

static uint8_t serial_fifo_pop(SerialFIFO *f)
{
    uint8_t byte = f->data[f->head];

    f->head = (f->head + 1) % UART_FIFO_LENGTH;
    f->num--;
    return byte;
}

static bool serial_fifo_mode(const SerialState *s)
{
    return s->fcr & UART_FCR_FE;
}

/* Interrupts. */

/* The highest-priority pending interrupt, as IIR bits 0-3 report it. */
static uint8_t serial_pending_iid(const SerialState *s)
{
    if ((s->ier & UART_IER_RLSI) && (s->lsr & UART_LSR_ERRORS)) {
        return UART_IIR_RLSI;
    }
    if (s->ier & UART_IER_RDI) {
        if (serial_fifo_mode(s)) {
            if (s->rx_fifo.num >= serial_rx_trigger_levels[s->fcr >> 6]) {
                return UART_IIR_RDI;
            }
            if (s->timeout_ipending) {
                return UART_IIR_CTI;
            }
        } else if (s->lsr & UART_LSR_DR) {
            return UART_IIR_RDI;
        }
    }
    if ((s->ier & UART_IER_THRI) && s->thr_ipending) {
        return UART_IIR_THRI;
    }
    if ((s->ier & UART_IER_MSI) && (s->msr & UART_MSR_DELTAS)) {
        return UART_IIR_MSI;
    }
    return UART_IIR_NO_INT;
}

static void serial_update_irq(SerialState *s)
{
    qemu_set_irq(s->irq, serial_pending_iid(s) != UART_IIR_NO_INT);
}

/* Modem lines. */

/* The modem inputs as MSR bits 4-7 show them. */
static uint8_t serial_modem_inputs(const SerialState *s)
{
    uint8_t in = 0;

    if (!(s->mcr & UART_MCR_LOOP)) {
        /* No modem control from the chardev: the line looks ready. */
        return UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
    }
    if (s->mcr & UART_MCR_DTR) {
        in |= UART_MSR_DSR;
    }
    if (s->mcr & UART_MCR_RTS) {
        in |= UART_MSR_CTS;
    }
    if (s->mcr & UART_MCR_OUT1) {
        in |= UART_MSR_RI;
    }
    if (s->mcr & UART_MCR_OUT2) {
        in |= UART_MSR_DCD;
    }
    return in;
}

/* Take the current inputs into MSR, accumulating the delta bits. */
static void serial_update_msr(SerialState *s)
{
    uint8_t old = s->msr & ~UART_MSR_DELTAS;
    uint8_t now = serial_modem_inputs(s);
    uint8_t changed = old ^ now;
    uint8_t deltas = s->msr & UART_MSR_DELTAS;

    if (changed & UART_MSR_CTS) {
        deltas |= UART_MSR_DCTS;
    }
    if (changed & UART_MSR_DSR) {
        deltas |= UART_MSR_DDSR;
    }
    if ((old & UART_MSR_RI) && !(now & UART_MSR_RI)) {
        deltas |= UART_MSR_TERI;
    }
    if (changed & UART_MSR_DCD) {
        deltas |= UART_MSR_DDCD;
    }
    s->msr = now | deltas;
}

/* Timing. */

/* One frame (start, data, parity, stop bits) at the current speed. */
static void serial_update_parameters(SerialState *s)
{
    int data_bits = 5 + (s->lcr & UART_LCR_WLEN);
    int64_t half_bits = 2 * (1 + data_bits + !!(s->lcr & UART_LCR_PARITY));
    int64_t divider = s->divider ? s->divider : 1;

    if (!(s->lcr & UART_LCR_STOP)) {
        half_bits += 2;
    } else {
        half_bits += data_bits == 5 ? 3 : 4;    /* 1.5 or 2 stop bits */
    }
    s->char_time_ns = half_bits * divider * NANOSECONDS_PER_SECOND /
                      (2 * (int64_t)s->baudbase);
}

static void serial_restart_fifo_timeout(SerialState *s)
{
    timer_mod(s->fifo_timeout_timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
              4 * s->char_time_ns);
}

static void serial_fifo_timeout(void *opaque)
{
    SerialState *s = opaque;

    if (serial_fifo_mode(s) && s->rx_fifo.num) {
        s->timeout_ipending = true;
        serial_update_irq(s);
    }
}

/* Receiver. */

static void serial_accept_input(SerialState *s)
{
    if (qemu_chr_fe_backend_connected(&s->chr)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

/* A byte completed in the receive shift register. */
static void serial_receive_byte(SerialState *s, uint8_t byte)
{
    if (serial_fifo_mode(s)) {
        if (serial_fifo_full(&s->rx_fifo)) {
            s->lsr |= UART_LSR_OE;      /* the new byte is lost */
        } else {
            serial_fifo_push(&s->rx_fifo, byte);
        }
        if (!s->timeout_ipending) {
            serial_restart_fifo_timeout(s);
        }
    } else {
        if (s->lsr & UART_LSR_DR) {
            s->lsr |= UART_LSR_OE;      /* the unread byte is lost */
        }
        s->rbr = byte;
    }
    s->lsr |= UART_LSR_DR;
}

static uint8_t serial_read_rbr(SerialState *s)
{
    uint8_t byte;

    if (serial_fifo_mode(s)) {
        byte = s->rx_fifo.num ? serial_fifo_pop(&s->rx_fifo) : 0;
        s->timeout_ipending = false;
        if (s->rx_fifo.num) {
            serial_restart_fifo_timeout(s);
        } else {
            timer_del(s->fifo_timeout_timer);
            s->lsr &= ~UART_LSR_DR;
        }
    } else {
        byte = s->rbr;
        s->lsr &= ~UART_LSR_DR;
    }
    serial_update_irq(s);
    serial_accept_input(s);
    return byte;
}

/* Transmitter. */

static bool serial_holding_empty(const SerialState *s)
{
    return serial_fifo_mode(s) ? s->tx_fifo.num == 0 : !s->thr_full;
}

/* Put the shift register's byte on the line; false if it must wait. */
static bool serial_send_tsr(SerialState *s)
{
    int ret;

    if (s->mcr & UART_MCR_LOOP) {
        serial_receive_byte(s, s->tsr);
        return true;
    }
    if (!qemu_chr_fe_backend_connected(&s->chr)) {
        return true;                    /* no backend: nobody listens */
    }
    ret = qemu_chr_fe_write(&s->chr, &s->tsr, 1);
    if (ret == 0) {
        return false;
    }
    if (ret < 0 && !s->write_failed_reported) {
        /* A failed (not busy) backend: say once that output is lost. */
        warn_report("serial: chardev '%s' failed; dropping output",
                    qemu_chr_fe_get_driver(&s->chr)->label);
        s->write_failed_reported = true;
    }
    return true;
}

/*
 * Move bytes from THR/the transmit FIFO through the shift register to
 * the line until both are empty or the backend is busy.
 */
static void serial_xmit(SerialState *s)
{
    for (;;) {
        if (!s->tsr_busy) {
            if (serial_holding_empty(s)) {
                break;
            }
            if (serial_fifo_mode(s)) {
                s->tsr = serial_fifo_pop(&s->tx_fifo);
            } else {
                s->tsr = s->thr;
                s->thr_full = false;
            }
            s->tsr_busy = true;
            if (serial_holding_empty(s)) {
                s->lsr |= UART_LSR_THRE;
                s->thr_ipending = true;
            }
        }
        if (!serial_send_tsr(s)) {
            timer_mod(s->tx_retry_timer,
                      qemu_clock_get_ms(QEMU_CLOCK_REALTIME) +
                      SERIAL_TX_RETRY_MS);
            break;
        }
        s->tsr_busy = false;
    }
    if (!s->tsr_busy && serial_holding_empty(s)) {
        s->lsr |= UART_LSR_TEMT;
    }
    serial_update_irq(s);
}

static void serial_tx_retry(void *opaque)
{
    serial_xmit(opaque);
}

static void serial_write_thr(SerialState *s, uint8_t val)
{
    if (serial_fifo_mode(s)) {
        if (serial_fifo_full(&s->tx_fifo)) {
            qemu_log_mask(LOG_GUEST_ERROR, "serial: transmit FIFO full, "
                          "byte 0x%02x dropped\n", val);
        } else {
            serial_fifo_push(&s->tx_fifo, val);
        }
    } else {
        if (s->thr_full) {
            qemu_log_mask(LOG_GUEST_ERROR, "serial: THR written before "
                          "it emptied, byte 0x%02x overwritten\n", s->thr);
        }
        s->thr = val;
        s->thr_full = true;
    }
    s->lsr &= ~(UART_LSR_THRE | UART_LSR_TEMT);
    s->thr_ipending = false;
    serial_update_irq(s);
    serial_xmit(s);
}

/* Other register writes. */

static void serial_write_ier(SerialState *s, uint8_t val)
{
    uint8_t old = s->ier;

    s->ier = val & UART_IER_MASK;
    if (!(s->ier & UART_IER_THRI)) {
        s->thr_ipending = false;
    } else if (!(old & UART_IER_THRI) && (s->lsr & UART_LSR_THRE)) {
        /* Enabling THRI while THR is empty interrupts at once. */
        s->thr_ipending = true;
    }
    serial_update_irq(s);
}

static void serial_clear_rx(SerialState *s)
{
    serial_fifo_reset(&s->rx_fifo);
    timer_del(s->fifo_timeout_timer);
    s->timeout_ipending = false;
    s->lsr &= ~(UART_LSR_DR | UART_LSR_BI);
}

static void serial_clear_tx(SerialState *s)
{
    serial_fifo_reset(&s->tx_fifo);
    s->thr_full = false;
    s->lsr |= UART_LSR_THRE;
    if (!s->tsr_busy) {
        s->lsr |= UART_LSR_TEMT;
    }
    s->thr_ipending = true;
}

static void serial_write_fcr(SerialState *s, uint8_t val)
{
    /* Turning the FIFOs on or off empties both of them. */
    if ((val ^ s->fcr) & UART_FCR_FE) {
        val |= UART_FCR_RFR | UART_FCR_XFR;
    }
    if (val & UART_FCR_RFR) {
        serial_clear_rx(s);
    }
    if (val & UART_FCR_XFR) {
        serial_clear_tx(s);
    }
    /* The other bits are only programmed together with FCR bit 0. */
    s->fcr = (val & UART_FCR_FE) ? val & (UART_FCR_FE | UART_FCR_DMS |
                                          UART_FCR_ITL) : 0;
    serial_update_irq(s);
    serial_accept_input(s);
}

static void serial_write_mcr(SerialState *s, uint8_t val)
{
    bool was_loop = s->mcr & UART_MCR_LOOP;

    s->mcr = val & UART_MCR_MASK;
    serial_update_msr(s);
    serial_update_irq(s);
    if (was_loop && !(s->mcr & UART_MCR_LOOP)) {
        serial_accept_input(s);         /* the line is connected again */
        serial_xmit(s);
    }
}

static void serial_write_divider(SerialState *s, uint16_t divider)
{
    s->divider = divider;
    serial_update_parameters(s);
}

/* Register reads with side effects. */

static uint8_t serial_read_iir(SerialState *s)
{
    uint8_t iid = serial_pending_iid(s);

    if (iid == UART_IIR_THRI) {
        s->thr_ipending = false;
        serial_update_irq(s);
    }
    return iid | (serial_fifo_mode(s) ? UART_IIR_FIFO : 0);
}

static uint8_t serial_read_lsr(SerialState *s)
{
    uint8_t val = s->lsr;

    if (s->lsr & UART_LSR_ERRORS) {
        s->lsr &= ~UART_LSR_ERRORS;
        serial_update_irq(s);
    }
    return val;
}

static uint8_t serial_read_msr(SerialState *s)
{
    uint8_t val = s->msr;

    if (s->msr & UART_MSR_DELTAS) {
        s->msr &= ~UART_MSR_DELTAS;
        serial_update_irq(s);
    }
    return val;
}

static uint64_t serial_io_read(void *opaque, hwaddr addr, unsigned size)
{
    SerialState *s = opaque;
    bool dlab = s->lcr & UART_LCR_DLAB;

    switch (addr & 7) {
    case UART_RBR:
        return dlab ? s->divider & 0xff : serial_read_rbr(s);
    case UART_IER:
        return dlab ? s->divider >> 8 : s->ier;
    case UART_IIR:
        return serial_read_iir(s);
    case UART_LCR:
        return s->lcr;
    case UART_MCR:
        return s->mcr;
    case UART_LSR:
        return serial_read_lsr(s);
    case UART_MSR:
        return serial_read_msr(s);
    default:
        return s->scr;
    }
}

static void serial_io_write(void *opaque, hwaddr addr, uint64_t data,
                            unsigned size)
{
    SerialState *s = opaque;
    bool dlab = s->lcr & UART_LCR_DLAB;
    uint8_t val = data;

    switch (addr & 7) {
    case UART_THR:
        if (dlab) {
            serial_write_divider(s, (s->divider & 0xff00) | val);
        } else {
            serial_write_thr(s, val);
        }
        break;
    case UART_IER:
        if (dlab) {
            serial_write_divider(s, (s->divider & 0x00ff) | val << 8);
        } else {
            serial_write_ier(s, val);
        }
        break;
    case UART_FCR:
        serial_write_fcr(s, val);
        break;
    case UART_LCR:
        s->lcr = val;
        serial_update_parameters(s);
        break;
    case UART_MCR:
        serial_write_mcr(s, val);
        break;
    case UART_LSR:
    case UART_MSR:
        qemu_log_mask(LOG_GUEST_ERROR, "serial: write 0x%02x to read-only "
                      "%s ignored\n", val,
                      (addr & 7) == UART_LSR ? "LSR" : "MSR");
        break;
    default:
        s->scr = val;
        break;
    }
}

/* Chardev callbacks. */

static int serial_can_receive(void *opaque)
{
    SerialState *s = opaque;

    if (s->mcr & UART_MCR_LOOP) {
        return 0;               /* the line input is cut off in loopback */
    }
    if (serial_fifo_mode(s)) {
        return UART_FIFO_LENGTH - s->rx_fifo.num;
    }
    return !(s->lsr & UART_LSR_DR);
}

static void serial_receive(void *opaque, const uint8_t *buf, int size)
{
    SerialState *s = opaque;
    int i;

    for (i = 0; i < size; i++) {
        serial_receive_byte(s, buf[i]);
    }
    serial_update_irq(s);
}

static void serial_event(void *opaque, QEMUChrEvent event)
{
    SerialState *s = opaque;

    if (event == CHR_EVENT_BREAK) {
        /* A break arrives as a NUL character flagged in LSR. */
        serial_receive_byte(s, 0);
        s->lsr |= UART_LSR_BI;
        serial_update_irq(s);
    }
}

/* Reset and realize. */

void serial_reset(SerialState *s)
{
    s->divider = UART_RESET_DIVISOR;
    s->rbr = 0;
    s->thr = 0;
    s->tsr = 0;
    s->ier = 0;
    s->lcr = 0;
    s->mcr = UART_MCR_OUT2;
    s->lsr = UART_LSR_THRE | UART_LSR_TEMT;
    s->scr = 0;
    s->fcr = 0;
    s->thr_ipending = false;
    s->timeout_ipending = false;
    s->tsr_busy = false;
    s->thr_full = false;
    serial_fifo_reset(&s->rx_fifo);
    serial_fifo_reset(&s->tx_fifo);
    timer_del(s->fifo_timeout_timer);
    timer_del(s->tx_retry_timer);
    s->msr = serial_modem_inputs(s);
    serial_update_parameters(s);
    qemu_irq_lower(s->irq);
}

static const MemoryRegionOps serial_io_ops = {
    .read = serial_io_read,
    .write = serial_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    /* Wider accesses reach the registers one byte at a time. */
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

void serial_realize(SerialState *s, Object *owner, Error **errp)
{
    if (s->baudbase == 0) {
        error_setg(errp, "baudbase must be greater than 0");
        return;
    }
    s->fifo_timeout_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL,
                                         serial_fifo_timeout, s);
    s->tx_retry_timer = timer_new_ms(QEMU_CLOCK_REALTIME, serial_tx_retry,
                                     s);
    if (qemu_chr_fe_backend_connected(&s->chr)) {
        qemu_chr_fe_set_handlers(&s->chr, serial_can_receive, serial_receive,
                                 serial_event, NULL, s, NULL, true);
    }
    memory_region_init_io(&s->io, owner, &serial_io_ops, s, "serial", 8);
    serial_reset(s);
}

void serial_unrealize(SerialState *s)
{
    if (qemu_chr_fe_backend_connected(&s->chr)) {
        qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, NULL, NULL,
                                 false);
    }
    timer_free(s->fifo_timeout_timer);
    timer_free(s->tx_retry_timer);
    s->fifo_timeout_timer = NULL;
    s->tx_retry_timer = NULL;
}

/* Migration. */

static int serial_post_load(void *opaque, int version_id)
{
    SerialState *s = opaque;

    /* The stream comes from a file: refuse FIFO states we never make. */
    if (s->rx_fifo.head >= UART_FIFO_LENGTH ||
        s->rx_fifo.num > UART_FIFO_LENGTH ||
        s->tx_fifo.head >= UART_FIFO_LENGTH ||
        s->tx_fifo.num > UART_FIFO_LENGTH) {
        return -EINVAL;
    }
    serial_update_parameters(s);
    if (s->tsr_busy || !serial_holding_empty(s)) {
        timer_mod(s->tx_retry_timer,
                  qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + SERIAL_TX_RETRY_MS);
    }
    serial_update_irq(s);
    return 0;
}

static const VMStateField vmstate_serial_fifo_fields[] = {
    VMSTATE_UINT8_ARRAY(data, SerialFIFO, UART_FIFO_LENGTH),
    VMSTATE_UINT8(head, SerialFIFO),
    VMSTATE_UINT8(num, SerialFIFO),
    VMSTATE_END_OF_LIST()
};

static const VMStateDescription vmstate_serial_fifo = {
    .name = "serial/fifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = vmstate_serial_fifo_fields,
};

static const VMStateField vmstate_serial_fields[] = {
    VMSTATE_UINT16(divider, SerialState),
    VMSTATE_UINT8(rbr, SerialState),
    VMSTATE_UINT8(thr, SerialState),
    VMSTATE_UINT8(tsr, SerialState),
    VMSTATE_UINT8(ier, SerialState),
    VMSTATE_UINT8(lcr, SerialState),
    VMSTATE_UINT8(mcr, SerialState),
    VMSTATE_UINT8(lsr, SerialState),
    VMSTATE_UINT8(msr, SerialState),
    VMSTATE_UINT8(scr, SerialState),
    VMSTATE_UINT8(fcr, SerialState),
    VMSTATE_BOOL(thr_ipending, SerialState),
    VMSTATE_BOOL(timeout_ipending, SerialState),
    VMSTATE_BOOL(tsr_busy, SerialState),
    VMSTATE_BOOL(thr_full, SerialState),
    {
        .name = "rx_fifo", .kind = VMS_STRUCT,
        .offset = offsetof(SerialState, rx_fifo),
        .size = sizeof(SerialFIFO), .num = 1, .vmsd = &vmstate_serial_fifo,
    },
    {
        .name = "tx_fifo", .kind = VMS_STRUCT,
        .offset = offsetof(SerialState, tx_fifo),
        .size = sizeof(SerialFIFO), .num = 1, .vmsd = &vmstate_serial_fifo,
    },
    VMSTATE_TIMER_PTR(fifo_timeout_timer, SerialState),
    VMSTATE_END_OF_LIST()
};

const VMStateDescription vmstate_serial = {
    .name = "serial",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = serial_post_load,
    .fields = vmstate_serial_fields,
};
