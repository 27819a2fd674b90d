/*
 * apic.c: "apic", the local APIC of one x86 CPU (xAPIC with x2APIC).
 *
 * Follows the Intel SDM Vol. 3A, chapter 10 "Advanced Programmable
 * Interrupt Controller (APIC)": the register page (10.4.1, Table 10-1),
 * IA32_APIC_BASE and its enable/x2APIC transitions (10.4.3, 10.12.5),
 * task and processor priority (10.8.3), IRR/ISR/TMR handling and EOI
 * (10.8.4, 10.8.5), the local vector table (10.5.1), the error status
 * register (10.5.3), the timer in one-shot, periodic and TSC-deadline
 * modes (10.5.4), interprocessor interrupts through the ICR with the
 * destination shorthands (10.6.1), INIT and start-up IPIs, the spurious
 * vector and software enable (10.9), and the x2APIC MSR interface
 * (10.12: 32-bit IDs, derived logical IDs, 64-bit ICR, SELF IPI).
 *
 * The timer counts on QEMU_CLOCK_VIRTUAL at 1 GHz before the divider,
 * as QEMU's does, so one tick of a divide-by-1 timer is one nanosecond.
 * After reset every LVT entry is masked and the APIC is software-
 * disabled (firmware programs LINT0 for ExtINT, as SeaBIOS does), which
 * is also QEMU 7.2's reset state.  The 8259 reaches the CPU through
 * LINT0 ("virtual wire"); see include/hw/i386/apic.h for the CPU side.
 *
 * Missing: the LVT thermal, performance-counter and CMCI sources (the
 * entries exist and are programmable, nothing raises them), remote IRR
 * of level-triggered LINT entries, focus-processor checking, EOI
 * broadcast suppression, the APIC arbitration ID, the TPR shadow/vAPIC
 * page, and reset of the CPUID APIC bit when the APIC is disabled (the
 * CPU side owns CPUID).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/qemu-print.h"
#include "qemu/timer.h"
#include "hw/qdev-properties.h"
#include "sysemu/runstate.h"
#include "apic-internal.h"

#define APIC_VERSION 0x14

/* Register indexes: page offset >> 4 (x2APIC MSR = 0x800 + index). */
enum {
    APIC_REG_ID = 0x02,
    APIC_REG_VERSION = 0x03,
    APIC_REG_TPR = 0x08,
    APIC_REG_APR = 0x09,
    APIC_REG_PPR = 0x0a,
    APIC_REG_EOI = 0x0b,
    APIC_REG_RRD = 0x0c,
    APIC_REG_LDR = 0x0d,
    APIC_REG_DFR = 0x0e,
    APIC_REG_SVR = 0x0f,
    APIC_REG_ISR = 0x10,
    APIC_REG_TMR = 0x18,
    APIC_REG_IRR = 0x20,
    APIC_REG_ESR = 0x28,
    APIC_REG_ICR_LO = 0x30,
    APIC_REG_ICR_HI = 0x31,
    APIC_REG_LVT = 0x32,
    APIC_REG_INITIAL_COUNT = 0x38,
    APIC_REG_CURRENT_COUNT = 0x39,
    APIC_REG_DCR = 0x3e,
    APIC_REG_SELF_IPI = 0x3f,
};

/* ICR fields. */
#define APIC_ICR_DEST_LOGICAL  (1U << 11)
#define APIC_ICR_LEVEL_ASSERT  (1U << 14)
#define APIC_ICR_TRIGGER_LEVEL (1U << 15)
#define APIC_ICR_SHORTHAND_SHIFT 18
#define APIC_ICR_WRITABLE      0x000ccfffU

enum {
    APIC_SH_NONE,
    APIC_SH_SELF,
    APIC_SH_ALL_INCL_SELF,
    APIC_SH_ALL_EXCL_SELF,
};

/* Writable bits of each LVT entry. */
static const uint32_t apic_lvt_writable[APIC_LVT_NB] = {
    [APIC_LVT_TIMER] = 0x000700ff,
    [APIC_LVT_THERMAL] = 0x000107ff,
    [APIC_LVT_PERFORM] = 0x000107ff,
    [APIC_LVT_LINT0] = 0x0001a7ff,
    [APIC_LVT_LINT1] = 0x0001a7ff,
    [APIC_LVT_ERROR] = 0x000100ff,
};

static void apic_timer_update(APICState *s);

/* ---- Vector bitmaps (IRR, ISR, TMR) ---- */

static void apic_set_bit(uint32_t *tab, int index)
{
    tab[index >> 5] |= 1U << (index & 31);
}

static void apic_clear_bit(uint32_t *tab, int index)
{
    tab[index >> 5] &= ~(1U << (index & 31));
}

static bool apic_test_bit(const uint32_t *tab, int index)
{
    return tab[index >> 5] & (1U << (index & 31));
}

/* Highest set vector, or -1. */
static int apic_highest_bit(const uint32_t *tab)
{
    int i;

    for (i = 7; i >= 0; i--) {
        if (tab[i]) {
            return i * 32 + 31 - __builtin_clz(tab[i]);
        }
    }
    return -1;
}

/* ---- State queries ---- */

bool apic_hw_enabled(APICState *s)
{
    return s->apicbase & MSR_IA32_APICBASE_ENABLE;
}

bool apic_sw_enabled(APICState *s)
{
    return apic_hw_enabled(s) && (s->spurious_vec & APIC_SV_ENABLE);
}

bool apic_in_x2apic_mode(APICState *s)
{
    return (s->apicbase & MSR_IA32_APICBASE_EXTD) && apic_hw_enabled(s);
}

static uint32_t apic_lvt_mode(uint32_t lvt)
{
    return (lvt >> APIC_LVT_DELIV_MOD_SHIFT) & 7;
}

static uint32_t apic_timer_mode(APICState *s)
{
    return (s->lvt[APIC_LVT_TIMER] & APIC_LVT_TIMER_MASK) >>
           APIC_LVT_TIMER_SHIFT;
}

static uint8_t apic_compute_ppr(APICState *s)
{
    int isrv = apic_highest_bit(s->isr);

    if (isrv < 0 || (s->tpr & 0xf0) >= (isrv & 0xf0)) {
        return s->tpr;
    }
    return isrv & 0xf0;
}

/* Arbitration priority (SDM 10.8.3.1, Figure 10-15). */
static uint8_t apic_compute_apr(APICState *s)
{
    int isrv = apic_highest_bit(s->isr);
    int irrv = apic_highest_bit(s->irr);
    int isr_class = isrv < 0 ? 0 : isrv & 0xf0;
    int irr_class = irrv < 0 ? 0 : irrv & 0xf0;

    if ((s->tpr & 0xf0) >= irr_class && (s->tpr & 0xf0) > isr_class) {
        return s->tpr;
    }
    return MAX(s->tpr & 0xf0, MAX(isr_class, irr_class));
}

static bool apic_vector_pending(APICState *s)
{
    int irrv = apic_highest_bit(s->irr);

    return apic_sw_enabled(s) && irrv >= 0 &&
           (irrv & 0xf0) > (apic_compute_ppr(s) & 0xf0);
}

static bool apic_lint0_is_extint(APICState *s)
{
    uint32_t lvt = s->lvt[APIC_LVT_LINT0];

    return !(lvt & APIC_LVT_MASKED) && apic_lvt_mode(lvt) == APIC_DM_EXTINT;
}

/* INTR towards the CPU. */
static bool apic_compute_intr(APICState *s)
{
    if (!apic_hw_enabled(s)) {
        return s->lint_level[0];     /* no APIC: LINT0 is INTR */
    }
    if (s->extint_pending) {
        return true;
    }
    if (apic_lint0_is_extint(s) && s->lint_level[0]) {
        return true;
    }
    return apic_vector_pending(s);
}

static void apic_update_irq(APICState *s)
{
    bool level = apic_compute_intr(s);

    if (level == s->intr_level) {
        return;
    }
    s->intr_level = level;
    qemu_set_irq(s->intr_out, level);
    if (s->ops && s->ops->set_intr) {
        s->ops->set_intr(s->opaque, level);
    }
}

/* ---- Accepting interrupts ---- */

static void apic_local_deliver(APICState *s, int lvt_index);

static void apic_error(APICState *s, uint32_t bits)
{
    bool new_error = (s->esr_pending & bits) != bits;

    s->esr_pending |= bits;
    if (new_error) {
        apic_local_deliver(s, APIC_LVT_ERROR);
    }
}

static void apic_accept_fixed(APICState *s, uint8_t vector,
                              bool trigger_level)
{
    if (vector < 16) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: received illegal vector "
                      "%u\n", s->cpu_index, vector);
        apic_error(s, APIC_ESR_RECV_ILLEGAL_VECTOR);
        return;
    }
    apic_set_bit(s->irr, vector);
    if (trigger_level) {
        apic_set_bit(s->tmr, vector);
    } else {
        apic_clear_bit(s->tmr, vector);
    }
    apic_update_irq(s);
}

static void apic_init_reset(APICState *s);

void apic_accept_message(APICState *s, uint8_t delivery_mode,
                         uint8_t vector, bool trigger_level)
{
    switch (delivery_mode) {
    case APIC_DM_FIXED:
    case APIC_DM_LOWPRI:
        apic_accept_fixed(s, vector, trigger_level);
        break;
    case APIC_DM_SMI:
        if (s->ops && s->ops->smi) {
            s->ops->smi(s->opaque);
        }
        break;
    case APIC_DM_NMI:
        if (s->ops && s->ops->nmi) {
            s->ops->nmi(s->opaque);
        }
        break;
    case APIC_DM_INIT:
        apic_init_reset(s);
        if (s->ops && s->ops->init) {
            s->ops->init(s->opaque);
        }
        break;
    case APIC_DM_SIPI:
        if (!s->wait_for_sipi) {
            break;               /* only a CPU waiting after INIT starts */
        }
        s->wait_for_sipi = false;
        if (s->ops && s->ops->sipi) {
            s->ops->sipi(s->opaque, vector);
        }
        break;
    case APIC_DM_EXTINT:
        s->extint_pending = true;
        apic_update_irq(s);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: reserved delivery mode "
                      "%u\n", s->cpu_index, delivery_mode);
        break;
    }
}

/* An LVT source fired: deliver its entry unless masked. */
static void apic_local_deliver(APICState *s, int lvt_index)
{
    uint32_t lvt = s->lvt[lvt_index];
    uint32_t mode = apic_lvt_mode(lvt);

    if (lvt & APIC_LVT_MASKED) {
        return;
    }
    if (lvt_index == APIC_LVT_TIMER || lvt_index == APIC_LVT_ERROR) {
        mode = APIC_DM_FIXED;    /* these have no delivery mode field */
    }
    switch (mode) {
    case APIC_DM_FIXED:
        apic_accept_fixed(s, lvt & 0xff,
                          (lvt_index == APIC_LVT_LINT0 ||
                           lvt_index == APIC_LVT_LINT1) &&
                          (lvt & APIC_LVT_LEVEL_TRIGGER));
        break;
    case APIC_DM_SMI:
    case APIC_DM_NMI:
    case APIC_DM_INIT:
        apic_accept_message(s, mode, 0, false);
        break;
    case APIC_DM_EXTINT:
        apic_update_irq(s);      /* level-driven: see apic_compute_intr */
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: LVT %d has reserved "
                      "delivery mode %u\n", s->cpu_index, lvt_index, mode);
        break;
    }
}

/* LINT0/LINT1 input pins (GPIO "lint"). */
static void apic_set_lint(void *opaque, int n, int level)
{
    APICState *s = opaque;
    uint32_t lvt = s->lvt[APIC_LVT_LINT0 + n];
    bool rising = level && !s->lint_level[n];

    s->lint_level[n] = level;
    if (!apic_hw_enabled(s) || (lvt & APIC_LVT_MASKED)) {
        apic_update_irq(s);
        return;
    }
    if (apic_lvt_mode(lvt) == APIC_DM_FIXED &&
        (lvt & APIC_LVT_LEVEL_TRIGGER) && !level) {
        /* A level-triggered fixed request goes away with its line. */
        apic_clear_bit(s->irr, lvt & 0xff);
    }
    if (rising) {
        apic_local_deliver(s, APIC_LVT_LINT0 + n);
    }
    apic_update_irq(s);
}

/* ---- The CPU interface ---- */

int apic_get_interrupt(DeviceState *dev)
{
    APICState *s = APIC(dev);
    int irrv;

    if (!apic_sw_enabled(s)) {
        return -1;
    }
    irrv = apic_highest_bit(s->irr);
    if (irrv < 0) {
        return -1;
    }
    if ((irrv & 0xf0) <= (apic_compute_ppr(s) & 0xf0)) {
        /* Masked between INTR and INTA (SDM 10.9): spurious vector. */
        apic_update_irq(s);
        return s->spurious_vec & 0xff;
    }
    apic_clear_bit(s->irr, irrv);
    apic_set_bit(s->isr, irrv);
    apic_update_irq(s);
    return irrv;
}

bool apic_accept_pic_intr(DeviceState *dev)
{
    APICState *s = APIC(dev);

    if (!apic_hw_enabled(s)) {
        return true;
    }
    if (s->extint_pending) {
        s->extint_pending = false;
        apic_update_irq(s);
        return true;
    }
    return apic_lint0_is_extint(s);
}

bool apic_intr_pending(DeviceState *dev)
{
    return APIC(dev)->intr_level;
}

bool apic_has_pending_vector(DeviceState *dev)
{
    return apic_vector_pending(APIC(dev));
}

uint8_t apic_get_ppr(DeviceState *dev)
{
    return apic_compute_ppr(APIC(dev));
}

uint8_t apic_get_tpr(DeviceState *dev)
{
    return APIC(dev)->tpr;
}

void apic_set_tpr(DeviceState *dev, uint8_t tpr)
{
    APICState *s = APIC(dev);

    s->tpr = tpr;
    apic_update_irq(s);
}

static void apic_eoi(APICState *s)
{
    int isrv = apic_highest_bit(s->isr);

    if (isrv < 0) {
        return;
    }
    apic_clear_bit(s->isr, isrv);
    if (apic_test_bit(s->tmr, isrv)) {
        apic_bus_broadcast_eoi(isrv);
    }
    apic_update_irq(s);
}

/* ---- Destinations and IPIs ---- */

bool apic_match_dest(APICState *s, uint32_t dest, bool logical)
{
    uint8_t dest8 = dest;

    if (apic_in_x2apic_mode(s)) {
        if (dest == 0xffffffff) {
            return true;
        }
        if (!logical) {
            return dest == s->id;
        }
        return (dest >> 16) == (s->id >> 4) &&
               (dest & 0xffff & (1U << (s->id & 0xf)));
    }
    if (dest8 == 0xff) {
        return true;
    }
    if (!logical) {
        return dest8 == (s->id & 0xff);
    }
    if (s->dest_mode == 0xf) {                       /* flat model */
        return (dest8 & s->log_dest) != 0;
    }
    return (dest8 >> 4) == (s->log_dest >> 4) &&     /* cluster model */
           (dest8 & s->log_dest & 0x0f) != 0;
}

typedef struct APICIPI {
    APICState *src;
    uint8_t delivery_mode;
    uint8_t vector;
    bool trigger_level;
} APICIPI;

static void apic_ipi_to_other(APICState *s, void *opaque)
{
    APICIPI *ipi = opaque;

    if (s != ipi->src && apic_hw_enabled(s)) {
        apic_accept_message(s, ipi->delivery_mode, ipi->vector,
                            ipi->trigger_level);
    }
}

static void apic_send_ipi(APICState *s, uint32_t icr, uint32_t dest)
{
    APICIPI ipi = {
        .src = s,
        .delivery_mode = (icr >> 8) & 7,
        .vector = icr & 0xff,
        .trigger_level = icr & APIC_ICR_TRIGGER_LEVEL,
    };
    int shorthand = (icr >> APIC_ICR_SHORTHAND_SHIFT) & 3;

    if (ipi.delivery_mode == APIC_DM_INIT && ipi.trigger_level &&
        !(icr & APIC_ICR_LEVEL_ASSERT)) {
        return;                  /* INIT level de-assert: a no-op today */
    }
    if (ipi.delivery_mode == 3 || ipi.delivery_mode == APIC_DM_EXTINT) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: ICR 0x%08x: delivery "
                      "mode %u is invalid for an IPI\n", s->cpu_index, icr,
                      ipi.delivery_mode);
        return;
    }
    if ((ipi.delivery_mode == APIC_DM_FIXED ||
         ipi.delivery_mode == APIC_DM_LOWPRI) && ipi.vector < 16) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: ICR 0x%08x: illegal "
                      "vector\n", s->cpu_index, icr);
        apic_error(s, APIC_ESR_SEND_ILLEGAL_VECTOR);
        return;
    }
    switch (shorthand) {
    case APIC_SH_NONE:
        apic_bus_deliver(dest, icr & APIC_ICR_DEST_LOGICAL,
                         ipi.delivery_mode, ipi.vector, ipi.trigger_level);
        break;
    case APIC_SH_SELF:
        apic_accept_message(s, ipi.delivery_mode, ipi.vector,
                            ipi.trigger_level);
        break;
    case APIC_SH_ALL_INCL_SELF:
        apic_accept_message(s, ipi.delivery_mode, ipi.vector,
                            ipi.trigger_level);
        apic_bus_foreach(apic_ipi_to_other, &ipi);
        break;
    default:
        apic_bus_foreach(apic_ipi_to_other, &ipi);
        break;
    }
}

/* ---- The timer ---- */

static int apic_count_shift(APICState *s)
{
    uint32_t v = (s->divide_conf & 3) | ((s->divide_conf >> 1) & 4);

    return (v + 1) & 7;
}

/* Ticks elapsed since the count was loaded. */
static uint64_t apic_timer_ticks(APICState *s, int64_t now)
{
    if (now <= s->initial_count_load_time) {
        return 0;
    }
    return (uint64_t)(now - s->initial_count_load_time) >>
           apic_count_shift(s);
}

static uint32_t apic_current_count(APICState *s)
{
    uint64_t d;

    if (!s->timer_armed || s->initial_count == 0 ||
        apic_timer_mode(s) == APIC_LVT_TIMER_TSCDEADLINE) {
        return 0;
    }
    d = apic_timer_ticks(s, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
    if (apic_timer_mode(s) == APIC_LVT_TIMER_PERIODIC) {
        return s->initial_count - d % s->initial_count;
    }
    return d >= s->initial_count ? 0 : s->initial_count - d;
}

/* Arm the QEMU timer for the next count expiry, if any. */
static void apic_timer_update(APICState *s)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    uint64_t d, period_ticks;

    if (apic_timer_mode(s) == APIC_LVT_TIMER_TSCDEADLINE) {
        return;                  /* armed by apic_set_tsc_deadline() */
    }
    if (!s->timer_armed || s->initial_count == 0) {
        timer_del(s->timer);
        return;
    }
    d = apic_timer_ticks(s, now);
    period_ticks = s->initial_count;
    if (apic_timer_mode(s) == APIC_LVT_TIMER_PERIODIC) {
        d = (d / period_ticks + 1) * period_ticks;
    } else if (d >= period_ticks) {
        s->timer_armed = false;
        timer_del(s->timer);
        return;
    } else {
        d = period_ticks;
    }
    timer_mod_ns(s->timer, s->initial_count_load_time +
                 (int64_t)(d << apic_count_shift(s)));
}

static void apic_timer_expired(void *opaque)
{
    APICState *s = opaque;

    if (apic_timer_mode(s) == APIC_LVT_TIMER_TSCDEADLINE) {
        s->tsc_deadline = 0;
        apic_local_deliver(s, APIC_LVT_TIMER);
        return;
    }
    if (apic_timer_mode(s) != APIC_LVT_TIMER_PERIODIC) {
        s->timer_armed = false;
    }
    apic_local_deliver(s, APIC_LVT_TIMER);
    apic_timer_update(s);
}

static void apic_write_initial_count(APICState *s, uint32_t count)
{
    if (apic_timer_mode(s) == APIC_LVT_TIMER_TSCDEADLINE) {
        return;                  /* ignored in TSC-deadline mode */
    }
    s->initial_count = count;
    s->initial_count_load_time = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    s->timer_armed = count != 0;
    apic_timer_update(s);
}

/* A new divider keeps the current count where it is. */
static void apic_write_dcr(APICState *s, uint32_t value)
{
    uint32_t current = apic_current_count(s);
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    s->divide_conf = value & 0xb;
    if (s->timer_armed && s->initial_count) {
        s->initial_count_load_time = now -
            (int64_t)((uint64_t)(s->initial_count - current) <<
                      apic_count_shift(s));
        apic_timer_update(s);
    }
}

static void apic_write_lvt(APICState *s, int n, uint32_t value)
{
    uint32_t old = s->lvt[n];

    if (n == APIC_LVT_TIMER &&
        ((value & APIC_LVT_TIMER_MASK) >> APIC_LVT_TIMER_SHIFT) == 3) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: reserved timer mode in "
                      "LVT 0x%08x\n", s->cpu_index, value);
    }
    value &= apic_lvt_writable[n];
    if (!apic_sw_enabled(s)) {
        value |= APIC_LVT_MASKED;        /* SDM 10.9: masks stay set */
    }
    s->lvt[n] = value | (old & APIC_LVT_REMOTE_IRR);
    if (n == APIC_LVT_TIMER && ((old ^ value) & APIC_LVT_TIMER_MASK)) {
        uint32_t old_mode = (old & APIC_LVT_TIMER_MASK) >>
                            APIC_LVT_TIMER_SHIFT;
        uint32_t new_mode = (value & APIC_LVT_TIMER_MASK) >>
                            APIC_LVT_TIMER_SHIFT;

        if (old_mode == APIC_LVT_TIMER_TSCDEADLINE ||
            new_mode == APIC_LVT_TIMER_TSCDEADLINE) {
            /* Entering or leaving TSC-deadline mode disarms the timer. */
            s->timer_armed = false;
            s->initial_count = 0;
            s->tsc_deadline = 0;
            timer_del(s->timer);
        } else {
            apic_timer_update(s);
        }
    }
    apic_update_irq(s);
}

uint64_t apic_get_tsc_deadline(DeviceState *dev)
{
    APICState *s = APIC(dev);

    if (apic_timer_mode(s) != APIC_LVT_TIMER_TSCDEADLINE) {
        return 0;
    }
    return s->tsc_deadline;
}

void apic_set_tsc_deadline(DeviceState *dev, uint64_t deadline)
{
    APICState *s = APIC(dev);
    uint64_t tsc;
    int64_t delay_ns;

    if (apic_timer_mode(s) != APIC_LVT_TIMER_TSCDEADLINE) {
        return;                  /* ignored in the other modes */
    }
    s->tsc_deadline = deadline;
    if (deadline == 0) {
        timer_del(s->timer);
        return;
    }
    if (!s->ops || !s->ops->get_tsc || !s->tsc_frequency) {
        qemu_log_mask(LOG_UNIMP, "apic %d: TSC-deadline without a TSC\n",
                      s->cpu_index);
        return;
    }
    tsc = s->ops->get_tsc(s->opaque);
    delay_ns = 0;
    if (deadline > tsc) {
        __uint128_t ns = (__uint128_t)(deadline - tsc) *
                         NANOSECONDS_PER_SECOND / s->tsc_frequency;

        delay_ns = ns > INT64_MAX / 2 ? INT64_MAX / 2 : (int64_t)ns;
    }
    timer_mod_ns(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + delay_ns);
}

/* ---- Registers ---- */

static uint32_t apic_read_ldr(APICState *s)
{
    if (apic_in_x2apic_mode(s)) {
        return ((s->id >> 4) << 16) | (1U << (s->id & 0xf));
    }
    return (uint32_t)s->log_dest << 24;
}

static void apic_write_svr(APICState *s, uint32_t value)
{
    int i;

    s->spurious_vec = value & 0x3ff;
    if (!(s->spurious_vec & APIC_SV_ENABLE)) {
        for (i = 0; i < APIC_LVT_NB; i++) {
            s->lvt[i] |= APIC_LVT_MASKED;
        }
    }
    apic_update_irq(s);
}

/*
 * Read register index (offset >> 4).  *ok is false for a register that
 * does not exist in the current mode (xAPIC: ESR illegal address; the
 * x2APIC MSR path raises #GP instead).
 */
static uint32_t apic_read_reg(APICState *s, int index, bool *ok)
{
    bool x2apic = apic_in_x2apic_mode(s);

    *ok = true;
    switch (index) {
    case APIC_REG_ID:
        return x2apic ? s->id : s->id << 24;
    case APIC_REG_VERSION:
        return s->version | ((APIC_LVT_NB - 1) << 16);
    case APIC_REG_TPR:
        return s->tpr;
    case APIC_REG_APR:
        *ok = !x2apic;
        return apic_compute_apr(s);
    case APIC_REG_PPR:
        return apic_compute_ppr(s);
    case APIC_REG_EOI:
    case APIC_REG_RRD:
        *ok = !x2apic;
        return 0;
    case APIC_REG_LDR:
        return apic_read_ldr(s);
    case APIC_REG_DFR:
        *ok = !x2apic;
        return ((uint32_t)s->dest_mode << 28) | 0x0fffffff;
    case APIC_REG_SVR:
        return s->spurious_vec;
    case APIC_REG_ISR ... APIC_REG_ISR + 7:
        return s->isr[index - APIC_REG_ISR];
    case APIC_REG_TMR ... APIC_REG_TMR + 7:
        return s->tmr[index - APIC_REG_TMR];
    case APIC_REG_IRR ... APIC_REG_IRR + 7:
        return s->irr[index - APIC_REG_IRR];
    case APIC_REG_ESR:
        return s->esr;
    case APIC_REG_ICR_LO:
        return s->icr[0];
    case APIC_REG_ICR_HI:
        *ok = !x2apic;
        return s->icr[1];
    case APIC_REG_LVT ... APIC_REG_LVT + APIC_LVT_NB - 1:
        return s->lvt[index - APIC_REG_LVT];
    case APIC_REG_INITIAL_COUNT:
        return s->initial_count;
    case APIC_REG_CURRENT_COUNT:
        return apic_current_count(s);
    case APIC_REG_DCR:
        return s->divide_conf;
    default:
        *ok = false;
        return 0;
    }
}

/*
 * Write register index.  Returns false for a register that cannot be
 * written in the current mode.
 */
static bool apic_write_reg(APICState *s, int index, uint32_t value)
{
    bool x2apic = apic_in_x2apic_mode(s);

    switch (index) {
    case APIC_REG_ID:
        if (x2apic) {
            return false;
        }
        s->id = value >> 24;
        return true;
    case APIC_REG_TPR:
        s->tpr = value & 0xff;
        apic_update_irq(s);
        return true;
    case APIC_REG_EOI:
        apic_eoi(s);
        return true;
    case APIC_REG_LDR:
        if (x2apic) {
            return false;
        }
        s->log_dest = value >> 24;
        return true;
    case APIC_REG_DFR:
        if (x2apic) {
            return false;
        }
        s->dest_mode = value >> 28;
        return true;
    case APIC_REG_SVR:
        apic_write_svr(s, value);
        return true;
    case APIC_REG_ESR:
        s->esr = s->esr_pending;
        s->esr_pending = 0;
        return true;
    case APIC_REG_ICR_LO:
        s->icr[0] = value & APIC_ICR_WRITABLE;
        if (!x2apic) {
            apic_send_ipi(s, s->icr[0], s->icr[1] >> 24);
        }
        return true;
    case APIC_REG_ICR_HI:
        if (x2apic) {
            return false;
        }
        s->icr[1] = value & 0xff000000;
        return true;
    case APIC_REG_LVT ... APIC_REG_LVT + APIC_LVT_NB - 1:
        apic_write_lvt(s, index - APIC_REG_LVT, value);
        return true;
    case APIC_REG_INITIAL_COUNT:
        apic_write_initial_count(s, value);
        return true;
    case APIC_REG_DCR:
        apic_write_dcr(s, value);
        return true;
    case APIC_REG_SELF_IPI:
        if (!x2apic) {
            return false;
        }
        apic_send_ipi(s, (value & 0xff) |
                      (APIC_SH_SELF << APIC_ICR_SHORTHAND_SHIFT), 0);
        return true;
    default:
        return false;
    }
}

uint32_t apic_mmio_read_reg(APICState *s, hwaddr offset)
{
    bool ok;
    uint32_t val;

    if (offset & 0xf) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: read at unaligned offset "
                      "0x%03" HWADDR_PRIx "\n", s->cpu_index, offset);
        return 0;
    }
    val = apic_read_reg(s, offset >> 4, &ok);
    if (!ok) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: read of reserved register "
                      "0x%03" HWADDR_PRIx "\n", s->cpu_index, offset);
        apic_error(s, APIC_ESR_ILLEGAL_ADDRESS);
    }
    return val;
}

void apic_mmio_write_reg(APICState *s, hwaddr offset, uint32_t value)
{
    if (offset & 0xf) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: write at unaligned offset "
                      "0x%03" HWADDR_PRIx "\n", s->cpu_index, offset);
        return;
    }
    if (!apic_write_reg(s, offset >> 4, value)) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: write 0x%08x to read-only "
                      "or reserved register 0x%03" HWADDR_PRIx "\n",
                      s->cpu_index, value, offset);
        apic_error(s, APIC_ESR_ILLEGAL_ADDRESS);
    }
}

/* ---- x2APIC MSRs ---- */

static bool apic_msr_is_write_only(int index)
{
    return index == APIC_REG_EOI || index == APIC_REG_SELF_IPI;
}

bool apic_msr_read(DeviceState *dev, uint32_t index, uint64_t *value)
{
    APICState *s = APIC(dev);
    int reg = index - APIC_X2APIC_MSR_FIRST;
    bool ok;

    if (!apic_in_x2apic_mode(s) || index < APIC_X2APIC_MSR_FIRST ||
        index > APIC_X2APIC_MSR_LAST || apic_msr_is_write_only(reg)) {
        return false;
    }
    *value = apic_read_reg(s, reg, &ok);
    if (ok && reg == APIC_REG_ICR_LO) {
        *value |= (uint64_t)s->icr[1] << 32;
    }
    return ok;
}

static bool apic_msr_reserved(int reg, uint64_t value)
{
    switch (reg) {
    case APIC_REG_ICR_LO:
        return value & ~(((uint64_t)UINT32_MAX << 32) | APIC_ICR_WRITABLE);
    case APIC_REG_TPR:
    case APIC_REG_SELF_IPI:
        return value & ~0xffULL;
    case APIC_REG_EOI:
    case APIC_REG_ESR:
        return value != 0;
    case APIC_REG_SVR:
        return value & ~0x3ffULL;
    case APIC_REG_DCR:
        return value & ~0xbULL;
    case APIC_REG_LVT ... APIC_REG_LVT + APIC_LVT_NB - 1:
        return value & ~(uint64_t)apic_lvt_writable[reg - APIC_REG_LVT];
    default:
        return value >> 32;
    }
}

bool apic_msr_write(DeviceState *dev, uint32_t index, uint64_t value)
{
    APICState *s = APIC(dev);
    int reg = index - APIC_X2APIC_MSR_FIRST;

    if (!apic_in_x2apic_mode(s) || index < APIC_X2APIC_MSR_FIRST ||
        index > APIC_X2APIC_MSR_LAST || apic_msr_reserved(reg, value)) {
        return false;
    }
    switch (reg) {
    case APIC_REG_ICR_LO:
        s->icr[1] = value >> 32;
        s->icr[0] = value & APIC_ICR_WRITABLE;
        apic_send_ipi(s, s->icr[0], s->icr[1]);
        return true;
    case APIC_REG_TPR:
    case APIC_REG_EOI:
    case APIC_REG_SVR:
    case APIC_REG_ESR:
    case APIC_REG_LVT ... APIC_REG_LVT + APIC_LVT_NB - 1:
    case APIC_REG_INITIAL_COUNT:
    case APIC_REG_DCR:
    case APIC_REG_SELF_IPI:
        return apic_write_reg(s, reg, value);
    default:
        return false;            /* read-only or not there: #GP */
    }
}

/* ---- IA32_APIC_BASE and the register page ---- */

static void apic_update_mmio(APICState *s)
{
    memory_region_transaction_begin();
    memory_region_set_address(&s->io, s->apicbase & MSR_IA32_APICBASE_BASE);
    memory_region_set_enabled(&s->io, apic_hw_enabled(s) &&
                              !apic_in_x2apic_mode(s));
    memory_region_transaction_commit();
}

uint64_t apic_get_base(DeviceState *dev)
{
    return APIC(dev)->apicbase;
}

bool apic_is_bsp(DeviceState *dev)
{
    return APIC(dev)->apicbase & MSR_IA32_APICBASE_BSP;
}

bool apic_x2apic_mode(DeviceState *dev)
{
    return apic_in_x2apic_mode(APIC(dev));
}

/* SDM 10.12.5: the valid EN/EXTD transitions. */
static bool apic_base_transition_ok(APICState *s, uint64_t value)
{
    bool en = value & MSR_IA32_APICBASE_ENABLE;
    bool extd = value & MSR_IA32_APICBASE_EXTD;
    bool was_x2apic = apic_in_x2apic_mode(s);

    if (value & ~(MSR_IA32_APICBASE_BASE | MSR_IA32_APICBASE_ENABLE |
                  MSR_IA32_APICBASE_EXTD | MSR_IA32_APICBASE_BSP)) {
        return false;                        /* reserved bits */
    }
    if (extd && !en) {
        return false;                        /* invalid state */
    }
    if (was_x2apic && en && !extd) {
        return false;                        /* x2APIC -> xAPIC */
    }
    if (!apic_hw_enabled(s) && extd) {
        return false;                        /* disabled -> x2APIC */
    }
    return true;
}

bool apic_set_base(DeviceState *dev, uint64_t value)
{
    APICState *s = APIC(dev);
    bool was_enabled = apic_hw_enabled(s);
    bool was_x2apic = apic_in_x2apic_mode(s);

    if (!apic_base_transition_ok(s, value)) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: invalid IA32_APIC_BASE "
                      "0x%" PRIx64 " (from 0x%" PRIx64 ")\n", s->cpu_index,
                      value, s->apicbase);
        return false;
    }
    /* The BSP flag is read-only. */
    s->apicbase = (value & ~MSR_IA32_APICBASE_BSP) |
                  (s->apicbase & MSR_IA32_APICBASE_BSP);
    if (was_enabled && !apic_hw_enabled(s)) {
        apic_init_reset(s);
        s->id = s->initial_id;
    }
    if (!was_x2apic && apic_in_x2apic_mode(s)) {
        s->id = s->initial_id;               /* the full x2APIC ID */
    }
    apic_update_mmio(s);
    apic_update_irq(s);
    return true;
}

/* ---- Reset, realize ---- */

/* The state after INIT (SDM 10.4.7.3): all but the ID and the base. */
static void apic_init_reset(APICState *s)
{
    int i;

    s->tpr = 0;
    s->spurious_vec = 0xff;
    s->log_dest = 0;
    s->dest_mode = 0xf;
    memset(s->isr, 0, sizeof(s->isr));
    memset(s->tmr, 0, sizeof(s->tmr));
    memset(s->irr, 0, sizeof(s->irr));
    for (i = 0; i < APIC_LVT_NB; i++) {
        s->lvt[i] = APIC_LVT_MASKED;
    }
    s->esr = 0;
    s->esr_pending = 0;
    s->icr[0] = 0;
    s->icr[1] = 0;
    s->divide_conf = 0;
    s->initial_count = 0;
    s->initial_count_load_time = 0;
    s->timer_armed = false;
    s->tsc_deadline = 0;
    s->extint_pending = false;
    s->wait_for_sipi = !(s->apicbase & MSR_IA32_APICBASE_BSP);
    timer_del(s->timer);
    apic_update_irq(s);
}

void apic_reset(DeviceState *dev)
{
    APICState *s = APIC(dev);

    s->apicbase = APIC_DEFAULT_ADDRESS | MSR_IA32_APICBASE_ENABLE |
                  (s->bsp ? MSR_IA32_APICBASE_BSP : 0);
    s->id = s->initial_id;
    apic_init_reset(s);
    apic_update_mmio(s);
}

static void apic_system_reset(void *opaque)
{
    apic_reset(DEVICE(opaque));
}

void apic_deliver_nmi(DeviceState *dev)
{
    apic_local_deliver(APIC(dev), APIC_LVT_LINT1);
}

void apic_attach_cpu(DeviceState *dev, CPUState *cpu, const APICCPUOps *ops,
                     void *opaque)
{
    APICState *s = APIC(dev);

    s->cpu = cpu;
    s->ops = ops;
    s->opaque = opaque;
    if (ops && ops->set_intr && s->intr_level) {
        ops->set_intr(opaque, true);
    }
}

void apic_set_tsc_frequency(DeviceState *dev, uint64_t hz)
{
    APIC(dev)->tsc_frequency = hz;
}

static uint64_t apic_mem_read(void *opaque, hwaddr addr, unsigned size)
{
    APICState *owner = opaque;
    APICState *s = apic_bus_mmio_target();

    if (!s) {
        return 0;                /* a device reading the MSI window */
    }
    if (!apic_hw_enabled(s) || apic_in_x2apic_mode(s) ||
        (s->apicbase & MSR_IA32_APICBASE_BASE) !=
        (owner->apicbase & MSR_IA32_APICBASE_BASE)) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: read of another APIC's "
                      "page\n", s->cpu_index);
        return 0;
    }
    return apic_mmio_read_reg(s, addr);
}

static void apic_mem_write(void *opaque, hwaddr addr, uint64_t value,
                           unsigned size)
{
    APICState *owner = opaque;
    APICState *s = apic_bus_mmio_target();
    hwaddr base = owner->apicbase & MSR_IA32_APICBASE_BASE;

    if (!s) {
        apic_bus_send_msi(base + addr, value);   /* DMA: an MSI */
        return;
    }
    if (!apic_hw_enabled(s) || apic_in_x2apic_mode(s) ||
        (s->apicbase & MSR_IA32_APICBASE_BASE) != base) {
        qemu_log_mask(LOG_GUEST_ERROR, "apic %d: write to another APIC's "
                      "page\n", s->cpu_index);
        return;
    }
    apic_mmio_write_reg(s, addr, value);
}

/* Any size may read; registers are written with 32-bit stores only. */
static bool apic_mem_accepts(void *opaque, hwaddr addr, unsigned size,
                             bool is_write, MemTxAttrs attrs)
{
    return !is_write || (size == 4 && !(addr & 3));
}

static const MemoryRegionOps apic_io_ops = {
    .read = apic_mem_read,
    .write = apic_mem_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 1,
        .max_access_size = 4,
        .accepts = apic_mem_accepts,
    },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void apic_realize(DeviceState *dev, Error **errp)
{
    APICState *s = APIC(dev);

    if (s->cpu_index < 0 || s->cpu_index >= APIC_MAX_CPUS) {
        error_setg(errp, "apic: cpu-index %d out of range", s->cpu_index);
        return;
    }
    if (apic_find_by_cpu_index(s->cpu_index)) {
        error_setg(errp, "apic: CPU %d already has a local APIC",
                   s->cpu_index);
        return;
    }
    s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, apic_timer_expired, s);
    memory_region_init_io(&s->io, OBJECT(dev), &apic_io_ops, s, "apic",
                          0x1000);
    memory_region_add_subregion_overlap(get_system_memory(),
                                        APIC_DEFAULT_ADDRESS, &s->io,
                                        0x1000);
    apic_bus_register(s);
    qemu_register_reset(apic_system_reset, s);
    apic_reset(dev);
}

static void apic_unrealize(DeviceState *dev)
{
    APICState *s = APIC(dev);

    qemu_unregister_reset(apic_system_reset, s);
    apic_bus_unregister(s);
    memory_region_del_subregion(get_system_memory(), &s->io);
    timer_free(s->timer);
}

static void apic_instance_init(Object *obj)
{
    APICState *s = APIC(obj);

    qdev_init_gpio_in_named(DEVICE(obj), apic_set_lint, "lint", 2);
    qdev_init_gpio_out_named(DEVICE(obj), &s->intr_out, "intr", 1);
    s->tsc_frequency = NANOSECONDS_PER_SECOND;
}

DeviceState *apic_create(int cpu_index, uint32_t apic_id, bool bsp)
{
    DeviceState *dev = qdev_new(TYPE_APIC);
    g_autofree char *name = g_strdup_printf("lapic[%d]", cpu_index);

    qdev_prop_set_int32(dev, "cpu-index", cpu_index);
    qdev_prop_set_uint32(dev, "id", apic_id);
    qdev_prop_set_bit(dev, "bsp", bsp);
    object_property_add_child(qdev_get_machine(), name, OBJECT(dev));
    qdev_realize_and_unref(dev, NULL, &error_fatal);
    return dev;
}

/* ---- "info lapic" ---- */

static const char *const apic_dm_names[8] = {
    "Fixed", "...", "SMI", "...", "NMI", "INIT", "...", "ExtINT",
};

static void apic_dump_lvt(const char *name, uint32_t lvt, bool is_timer)
{
    uint32_t dm = apic_lvt_mode(lvt);
    uint32_t mode = (lvt >> APIC_LVT_TIMER_SHIFT) & 3;

    qemu_printf("%s\t 0x%08x %s %-5s %-6s %-7s %-12s %-6s", name, lvt,
                lvt & APIC_LVT_INT_POLARITY ? "active-lo" : "active-hi",
                lvt & APIC_LVT_LEVEL_TRIGGER ? "level" : "edge",
                lvt & APIC_LVT_MASKED ? "masked" : "",
                lvt & APIC_LVT_DELIV_STS ? "pending" : "",
                !is_timer ? "" :
                mode == APIC_LVT_TIMER_PERIODIC ? "periodic" :
                mode == APIC_LVT_TIMER_TSCDEADLINE ? "tsc-deadline" :
                "one-shot",
                apic_dm_names[dm]);
    if (dm != APIC_DM_NMI) {
        qemu_printf(" (vec %u)\n", lvt & 0xff);
    } else {
        qemu_printf("\n");
    }
}

static void apic_dump_vectors(const char *name, const uint32_t *tab,
                              const uint32_t *tmr)
{
    bool empty = true;
    int i;

    qemu_printf("%s\t ", name);
    for (i = 0; i < 256; i++) {
        if (apic_test_bit(tab, i)) {
            qemu_printf("%u%s ", i, apic_test_bit(tmr, i) ? "(level)" : "");
            empty = false;
        }
    }
    qemu_printf("%s\n", empty ? "(none)" : "");
}

static void apic_dump_icr(APICState *s)
{
    static const char *const shorthand[4] = {
        "no-shorthand", "self", "all-self", "all",
    };
    uint32_t icr = s->icr[0];
    int sh = (icr >> APIC_ICR_SHORTHAND_SHIFT) & 3;
    uint32_t dest = apic_in_x2apic_mode(s) ? s->icr[1] : s->icr[1] >> 24;

    qemu_printf("ICR\t 0x%08x %s %s %s %s\n", icr,
                icr & APIC_ICR_DEST_LOGICAL ? "logical" : "physical",
                icr & APIC_ICR_TRIGGER_LEVEL ? "level" : "edge",
                icr & APIC_ICR_LEVEL_ASSERT ? "assert" : "de-assert",
                shorthand[sh]);
    qemu_printf("ICR2\t 0x%08x", s->icr[1]);
    if (sh != APIC_SH_NONE) {
        qemu_printf("\n");
    } else if (!(icr & APIC_ICR_DEST_LOGICAL)) {
        qemu_printf(" cpu %u (APIC ID)\n", dest);
    } else if (s->dest_mode == 0xf) {
        qemu_printf(" mask %x (APIC ID)\n", dest);
    } else {
        qemu_printf(" cluster %u mask %x (APIC ID)\n", dest >> 4,
                    dest & 0xf);
    }
}

void apic_dump_state(DeviceState *dev)
{
    APICState *s = APIC(dev);
    uint32_t dcr = s->divide_conf;
    uint32_t div = (dcr & 3) | ((dcr >> 1) & 4);

    qemu_printf("dumping local APIC state for CPU %-2d\n\n", s->cpu_index);
    apic_dump_lvt("LVT0", s->lvt[APIC_LVT_LINT0], false);
    apic_dump_lvt("LVT1", s->lvt[APIC_LVT_LINT1], false);
    apic_dump_lvt("LVTPC", s->lvt[APIC_LVT_PERFORM], false);
    apic_dump_lvt("LVTERR", s->lvt[APIC_LVT_ERROR], false);
    apic_dump_lvt("LVTTHMR", s->lvt[APIC_LVT_THERMAL], false);
    apic_dump_lvt("LVTT", s->lvt[APIC_LVT_TIMER], true);
    qemu_printf("Timer\t DCR=0x%x (divide by %u) initial_count = %u"
                " current_count = %u\n", dcr,
                div == 7 ? 1 : 2u << div, s->initial_count,
                apic_current_count(s));
    qemu_printf("SPIV\t 0x%08x APIC %s, focus=%s, spurious vec %u\n",
                s->spurious_vec,
                s->spurious_vec & APIC_SV_ENABLE ? "enabled" : "disabled",
                /* QEMU 7.2 prints bit 9 (focus *disabled*) as "on" */
                s->spurious_vec & APIC_SV_FOCUS_DISABLED ? "on" : "off",
                s->spurious_vec & 0xff);
    apic_dump_icr(s);
    qemu_printf("ESR\t 0x%08x\n", s->esr);
    apic_dump_vectors("ISR", s->isr, s->tmr);
    apic_dump_vectors("IRR", s->irr, s->tmr);
    qemu_printf("\nAPR 0x%02x TPR 0x%02x DFR 0x%02x LDR 0x%02x PPR 0x%02x\n",
                apic_compute_apr(s), s->tpr, s->dest_mode, s->log_dest,
                apic_compute_ppr(s));
}

/* ---- Tables and registration ---- */

static int apic_post_load(void *opaque, int version_id)
{
    APICState *s = opaque;

    apic_update_mmio(s);
    apic_timer_update(s);
    return 0;
}

static const VMStateField apic_vmstate_fields[] = {
    VMSTATE_UINT64(apicbase, APICState),
    VMSTATE_UINT32(id, APICState),
    VMSTATE_UINT8(tpr, APICState),
    VMSTATE_UINT32(spurious_vec, APICState),
    VMSTATE_UINT8(log_dest, APICState),
    VMSTATE_UINT8(dest_mode, APICState),
    VMSTATE_UINT32_ARRAY(isr, APICState, 8),
    VMSTATE_UINT32_ARRAY(tmr, APICState, 8),
    VMSTATE_UINT32_ARRAY(irr, APICState, 8),
    VMSTATE_UINT32_ARRAY(lvt, APICState, APIC_LVT_NB),
    VMSTATE_UINT32(esr, APICState),
    VMSTATE_UINT32(esr_pending, APICState),
    VMSTATE_UINT32_ARRAY(icr, APICState, 2),
    VMSTATE_UINT32(divide_conf, APICState),
    VMSTATE_UINT32(initial_count, APICState),
    VMSTATE_INT64(initial_count_load_time, APICState),
    VMSTATE_BOOL(timer_armed, APICState),
    VMSTATE_UINT64(tsc_deadline, APICState),
    VMSTATE_BOOL(wait_for_sipi, APICState),
    VMSTATE_BOOL(extint_pending, APICState),
    VMSTATE_TIMER_PTR(timer, APICState),
    VMSTATE_END_OF_LIST()
};

static const VMStateDescription apic_vmstate = {
    .name = "apic",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = apic_post_load,
    .fields = apic_vmstate_fields,
};

static Property apic_properties[] = {
    DEFINE_PROP_INT32("cpu-index", APICState, cpu_index, -1),
    DEFINE_PROP_UINT32("id", APICState, initial_id, 0),
    DEFINE_PROP_BOOL("bsp", APICState, bsp, false),
    DEFINE_PROP_UINT8("version", APICState, version, APIC_VERSION),
    DEFINE_PROP_END_OF_LIST(),
};

static void apic_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = apic_realize;
    dc->unrealize = apic_unrealize;
    dc->vmsd = &apic_vmstate;
    dc->user_creatable = false;
    device_class_set_props(dc, apic_properties);
}

static const TypeInfo apic_info = {
    .name = TYPE_APIC,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(APICState),
    .instance_init = apic_instance_init,
    .class_init = apic_class_init,
};

static void apic_register_types(void)
{
    type_register_static(&apic_info);
}

type_init(apic_register_types)
