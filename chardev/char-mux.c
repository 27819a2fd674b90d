/*
 * char-mux.c: the "mux" chardev -- one backend shared by up to MAX_MUX
 * frontends (typically a serial port and the monitor on stdio), with
 * QEMU's escape commands (docs/system "Keys in the character backend
 * multiplexer"):
 *   C-a h, C-a ?   print the help          C-a x   quit
 *   C-a s          flush disks             C-a t   toggle timestamps
 *   C-a b          BREAK to the focused frontend
 *   C-a c          focus the next frontend C-a C-a send C-a itself
 * Output from every frontend goes to the backend; input goes to the
 * focused one.  A frontend that cannot take input gets it queued (up to
 * MUX_BUFFER_SIZE bytes are accepted ahead, so that escape commands still
 * work while the guest is not reading); nothing is dropped.
 *
 * Created by mux=on (LABEL-base under a mux LABEL), by "mon:SPEC", or as
 * -chardev mux,id=X,chardev=BASE.  The help and "QEMU: Terminated" texts
 * are QEMU 7.2's byte for byte (checked against Debian's build).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-io.h"
#include "chardev/char-mux.h"

/* Input accepted ahead for a frontend that cannot take it yet. */
#define MUX_BUFFER_SIZE 32

typedef struct MuxChardev {
    Chardev parent;

    CharBackend chr;                 /* our frontend on the base */
    CharBackend *backends[MAX_MUX];
    GByteArray *pending[MAX_MUX];    /* queued input per frontend */
    int mux_cnt;                     /* slots ever used */
    int focus;                       /* -1: none */
    bool base_open;
    bool hold_open;                  /* opening deferred (see char.h) */
    bool got_escape;
    bool draining;
    bool timestamps;
    bool linestart;
    int64_t timestamps_start;        /* ms, -1 until the first stamp */
} MuxChardev;

#define MUX_CHARDEV(obj) OBJECT_CHECK(MuxChardev, (obj), TYPE_CHARDEV_MUX)

static GList *all_muxes;
static bool mux_defer_open;
static int mux_escape_char = 0x01;

static void mux_default_quit(void)
{
    exit(0);
}

static void (*mux_quit_handler)(void) = mux_default_quit;
static void (*mux_save_handler)(void);

void qemu_chr_set_mux_quit_handler(void (*fn)(void))
{
    mux_quit_handler = fn ? fn : mux_default_quit;
}

void qemu_chr_set_mux_save_handler(void (*fn)(void))
{
    mux_save_handler = fn;
}

void qemu_chr_set_mux_escape_char(int c)
{
    if (c > 0 && c < 256) {
        mux_escape_char = c;
    }
}

bool qemu_chr_is_mux(Chardev *chr)
{
    return object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX) != NULL;
}

/* ---- events and focus ---- */

static void mux_send_event(MuxChardev *d, int i, QEMUChrEvent event)
{
    CharBackend *b = i >= 0 && i < MAX_MUX ? d->backends[i] : NULL;

    if (b && b->chr_event) {
        b->chr_event(b->opaque, event);
    }
}

static void mux_send_event_all(MuxChardev *d, QEMUChrEvent event)
{
    int i;

    for (i = 0; i < d->mux_cnt; i++) {
        mux_send_event(d, i, event);
    }
}

static void mux_drain(MuxChardev *d);

static void mux_focus(MuxChardev *d, int tag, bool tell_old)
{
    if (tell_old) {
        mux_send_event(d, d->focus, CHR_EVENT_MUX_OUT);
    }
    d->focus = tag;
    CHARDEV(d)->be = tag >= 0 ? d->backends[tag] : NULL;
    if (tag >= 0) {
        mux_send_event(d, tag, CHR_EVENT_MUX_IN);
        mux_drain(d);
    }
}

void mux_chr_set_focus(Chardev *chr, int tag)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    if (tag >= 0 && tag < MAX_MUX && d->backends[tag]) {
        mux_focus(d, tag, true);
    }
}

/* The next attached frontend after from, cyclically; -1 if none. */
static int mux_next_frontend(MuxChardev *d, int from)
{
    int i;

    for (i = 1; i <= MAX_MUX; i++) {
        int tag = (from + i + MAX_MUX) % MAX_MUX;

        if (d->backends[tag]) {
            return tag;
        }
    }
    return -1;
}

bool mux_chr_attach_frontend(Chardev *chr, CharBackend *b, int *tag)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    int i;

    for (i = 0; i < MAX_MUX; i++) {
        if (!d->backends[i]) {
            d->backends[i] = b;
            g_byte_array_set_size(d->pending[i], 0);
            d->mux_cnt = MAX(d->mux_cnt, i + 1);
            *tag = i;
            return true;
        }
    }
    return false;
}

void mux_chr_detach_frontend(Chardev *chr, CharBackend *b)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    int tag = b->tag;

    if (tag < 0 || tag >= MAX_MUX || d->backends[tag] != b) {
        return;
    }
    d->backends[tag] = NULL;
    g_byte_array_set_size(d->pending[tag], 0);
    if (d->focus == tag) {
        mux_focus(d, mux_next_frontend(d, tag), false);
    }
}

/* ---- output ---- */

static void mux_write_timestamp(MuxChardev *d)
{
    int64_t now = qemu_clock_get_ms(QEMU_CLOCK_REALTIME);
    int64_t ms, secs;
    char stamp[64];

    if (d->timestamps_start == -1) {
        d->timestamps_start = now;
    }
    ms = now - d->timestamps_start;
    secs = ms / 1000;
    snprintf(stamp, sizeof(stamp), "[%02d:%02d:%02d.%03d] ",
             (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60),
             (int)(ms % 1000));
    qemu_chr_fe_write_all(&d->chr, (uint8_t *)stamp, strlen(stamp));
}

/* Stamp the start of every line ("C-a t"); all written before return. */
static void mux_write_timestamped(MuxChardev *d, const uint8_t *buf, int len)
{
    int i, start = 0;

    for (i = 0; i < len; i++) {
        if (d->linestart) {
            qemu_chr_fe_write_all(&d->chr, buf + start, i - start);
            start = i;
            mux_write_timestamp(d);
            d->linestart = false;
        }
        if (buf[i] == '\n') {
            d->linestart = true;
        }
    }
    qemu_chr_fe_write_all(&d->chr, buf + start, len - start);
}

static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    if (!d->chr.chr) {
        return len;                 /* the base is gone */
    }
    if (d->timestamps) {
        mux_write_timestamped(d, buf, len);
        return len;
    }
    return qemu_chr_fe_write(&d->chr, buf, len);
}

static void mux_chr_wait_writable(Chardev *chr)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    if (d->chr.chr) {
        qemu_chr_wait_writable(d->chr.chr);
    }
}

static void mux_puts(MuxChardev *d, const char *text)
{
    qemu_chr_write(CHARDEV(d), (const uint8_t *)text, strlen(text), true);
}

static void mux_print_help(MuxChardev *d)
{
    static const char *const help[] = {
        "%s h    print this help\n\r",
        "%s x    exit emulator\n\r",
        "%s s    save disk data back to file (if -snapshot)\n\r",
        "%s t    toggle console timestamps\n\r",
        "%s b    send break (magic sysrq)\n\r",
        "%s c    switch between console and monitor\n\r",
    };
    g_autofree char *esc = NULL;
    g_autofree char *last = NULL;
    size_t i;

    if (mux_escape_char < 26) {
        esc = g_strdup_printf("C-%c", 'a' + mux_escape_char - 1);
        mux_puts(d, "\n\r");
    } else {
        g_autofree char *head = g_strdup_printf(
            "\n\rEscape-Char set to Ascii: 0x%02x\n\r\n\r", mux_escape_char);

        esc = g_strdup("Escape-Char");
        mux_puts(d, head);
    }
    for (i = 0; i < ARRAY_SIZE(help); i++) {
        g_autofree char *line = g_strdup_printf(help[i], esc);

        mux_puts(d, line);
    }
    last = g_strdup_printf("%s %s  sends %s\n\r", esc, esc, esc);
    mux_puts(d, last);
}

/* ---- input ---- */

/* Hand queued input to the focused frontend while it takes it. */
static void mux_drain(MuxChardev *d)
{
    int tag = d->focus;

    if (d->draining || tag < 0) {
        return;
    }
    d->draining = true;
    while (d->focus == tag && d->backends[tag] &&
           d->pending[tag]->len > 0) {
        CharBackend *b = d->backends[tag];
        GByteArray *q = d->pending[tag];
        uint8_t chunk[MUX_BUFFER_SIZE * 8];
        int n = b->chr_can_read ? b->chr_can_read(b->opaque) : 0;

        n = MIN(MIN(n, (int)q->len), (int)sizeof(chunk));
        if (n <= 0 || !b->chr_read) {
            break;
        }
        /* Copy out first: the handler may detach and clear the queue */
        memcpy(chunk, q->data, n);
        g_byte_array_remove_range(q, 0, n);
        b->chr_read(b->opaque, chunk, n);
    }
    d->draining = false;
}

/* Data for the focused frontend: straight through if it can, else queue. */
static void mux_deliver(MuxChardev *d, const uint8_t *buf, int len)
{
    int tag = d->focus;
    CharBackend *b = tag >= 0 ? d->backends[tag] : NULL;

    if (len <= 0 || !b) {
        return;
    }
    if (d->pending[tag]->len == 0 && !d->draining && b->chr_can_read &&
        b->chr_read) {
        int n = MIN(len, b->chr_can_read(b->opaque));

        if (n > 0) {
            b->chr_read(b->opaque, buf, n);
            buf += n;
            len -= n;
        }
    }
    /* The frontend may have detached while reading */
    if (len > 0 && d->backends[tag] == b) {
        g_byte_array_append(d->pending[tag], buf, len);
    }
}

static void mux_command(MuxChardev *d, int c)
{
    Chardev *chr = CHARDEV(d);

    switch (c) {
    case '?':
    case 'h':
        mux_print_help(d);
        break;
    case 'x':
        mux_puts(d, "QEMU: Terminated\n\r");
        mux_quit_handler();
        break;
    case 's':
        if (mux_save_handler) {
            mux_save_handler();
        }
        break;
    case 'b':
        qemu_chr_be_event(chr, CHR_EVENT_BREAK);
        break;
    case 'c': {
        int next = mux_next_frontend(d, d->focus < 0 ? -1 : d->focus);

        if (next >= 0) {
            mux_focus(d, next, true);
        }
        break;
    }
    case 't':
        d->timestamps = !d->timestamps;
        d->timestamps_start = -1;
        d->linestart = false;
        break;
    default:
        break;                      /* unknown commands are dropped */
    }
}

static int mux_chr_can_read(void *opaque)
{
    MuxChardev *d = opaque;
    CharBackend *b;
    int room;

    if (d->focus < 0 || !(b = d->backends[d->focus])) {
        return 0;
    }
    room = MAX(MUX_BUFFER_SIZE - (int)d->pending[d->focus]->len, 0);
    if (d->pending[d->focus]->len == 0 && b->chr_can_read) {
        room += b->chr_can_read(b->opaque);
    }
    return room;
}

static void mux_chr_read(void *opaque, const uint8_t *buf, int len)
{
    MuxChardev *d = opaque;
    uint8_t esc = mux_escape_char;
    int i, start = 0;

    mux_drain(d);
    for (i = 0; i < len; i++) {
        if (!d->got_escape && buf[i] != esc) {
            continue;
        }
        mux_deliver(d, buf + start, i - start);
        start = i + 1;
        if (!d->got_escape) {
            d->got_escape = true;
        } else {
            d->got_escape = false;
            if (buf[i] == esc) {
                mux_deliver(d, &esc, 1);
            } else {
                mux_command(d, buf[i]);
            }
        }
    }
    mux_deliver(d, buf + start, len - start);
}

static void mux_chr_event(void *opaque, QEMUChrEvent event)
{
    MuxChardev *d = opaque;

    if (event == CHR_EVENT_OPENED || event == CHR_EVENT_CLOSED) {
        d->base_open = event == CHR_EVENT_OPENED;
        if (d->hold_open) {
            return;
        }
        CHARDEV(d)->be_open = d->base_open;
    }
    mux_send_event_all(d, event);
}

/* Frontends that forget qemu_chr_fe_accept_input() still get their input */
static void mux_poll_hook(void *opaque)
{
    GList *l;

    for (l = all_muxes; l; l = l->next) {
        mux_drain(l->data);
    }
}

void qemu_chr_mux_defer_open(void)
{
    mux_defer_open = true;
}

void qemu_chr_mux_open_all(void)
{
    GList *l;

    mux_defer_open = false;
    for (l = all_muxes; l; l = l->next) {
        MuxChardev *d = l->data;

        if (d->hold_open) {
            d->hold_open = false;
            if (d->base_open) {
                CHARDEV(d)->be_open = 1;
                mux_send_event_all(d, CHR_EVENT_OPENED);
            }
        }
    }
}

/* ---- the type ---- */

static bool mux_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    const char *base_id = qemu_opt_get(opts, "chardev");
    static bool hook_added;
    Chardev *base;

    if (!base_id) {
        error_setg(errp, "chardev: mux: no chardev given");
        return false;
    }
    base = qemu_chr_find(base_id);
    if (!base) {
        error_setg(errp, "mux: base chardev %s not found", base_id);
        return false;
    }
    if (!qemu_chr_fe_init(&d->chr, base, errp)) {
        return false;
    }
    d->hold_open = mux_defer_open;
    /* The mux tracks its open state from the base's events */
    *be_opened = false;
    qemu_chr_fe_set_handlers(&d->chr, mux_chr_can_read, mux_chr_read,
                             mux_chr_event, NULL, d, NULL, true);
    all_muxes = g_list_append(all_muxes, d);
    if (!hook_added) {
        hook_added = true;
        main_loop_add_poll_hook(mux_poll_hook, NULL);
    }
    return true;
}

static void mux_chr_accept_input(Chardev *chr)
{
    mux_drain(MUX_CHARDEV(chr));
}

/* qemu_chr_be_event() on the mux itself ("C-a b"): the focused only. */
static void mux_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    mux_send_event(d, d->focus, event);
}

static void mux_chr_set_echo(Chardev *chr, bool echo)
{
    qemu_chr_fe_set_echo(&MUX_CHARDEV(chr)->chr, echo);
}

static void mux_chr_instance_init(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);
    int i;

    d->focus = -1;
    d->timestamps_start = -1;
    for (i = 0; i < MAX_MUX; i++) {
        d->pending[i] = g_byte_array_new();
    }
}

static void mux_chr_instance_finalize(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);
    int i;

    all_muxes = g_list_remove(all_muxes, d);
    qemu_chr_fe_deinit(&d->chr, false);
    for (i = 0; i < MAX_MUX; i++) {
        if (d->backends[i]) {
            d->backends[i]->chr = NULL;
        }
        g_byte_array_unref(d->pending[i]);
    }
    CHARDEV(d)->be = NULL;
}

static void mux_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = mux_chr_open;
    cc->chr_write = mux_chr_write;
    cc->chr_wait_writable = mux_chr_wait_writable;
    cc->chr_accept_input = mux_chr_accept_input;
    cc->chr_be_event = mux_chr_be_event;
    cc->chr_set_echo = mux_chr_set_echo;
}

static const TypeInfo mux_chr_type_info = {
    .name = TYPE_CHARDEV_MUX,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(MuxChardev),
    .instance_init = mux_chr_instance_init,
    .instance_finalize = mux_chr_instance_finalize,
    .class_init = mux_chr_class_init,
};

static void mux_chr_register_types(void)
{
    type_register_static(&mux_chr_type_info);
}

type_init(mux_chr_register_types)
