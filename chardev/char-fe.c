/*
 * char-fe.c: the frontend side of character devices (CharBackend).
 *
 * Implements include/chardev/char-fe.h with QEMU 7.2's semantics: one
 * frontend per chardev except a mux (up to MAX_MUX); installing handlers
 * marks the frontend open, takes the mux focus and replays OPENED if the
 * backend is already open; writes go through qemu_chr_write().
 *
 * Missing: GMainContext other than the main loop's (context must be
 * NULL), chardev hot-swap (be_change is stored, never called), ioctls,
 * fd passing, qemu_chr_fe_add_watch.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"

bool qemu_chr_fe_init(CharBackend *b, Chardev *s, Error **errp)
{
    int tag = 0;

    if (qemu_chr_is_mux(s)) {
        if (!mux_chr_attach_frontend(s, b, &tag)) {
            goto unavailable;
        }
    } else if (s->be) {
        goto unavailable;
    } else {
        s->be = b;
    }
    b->fe_open = false;
    b->tag = tag;
    b->chr = s;
    return true;

unavailable:
    error_setg(errp, "Device '%s' is in use", s->label);
    return false;
}

void qemu_chr_fe_deinit(CharBackend *b, bool del)
{
    Chardev *chr = b->chr;

    if (!chr) {
        return;
    }
    qemu_chr_fe_set_handlers(b, NULL, NULL, NULL, NULL, NULL, NULL, true);
    if (qemu_chr_is_mux(chr)) {
        mux_chr_detach_frontend(chr, b);
    } else if (chr->be == b) {
        chr->be = NULL;
    }
    b->chr = NULL;
    if (del) {
        qemu_chr_delete(chr);
    }
}

Chardev *qemu_chr_fe_get_driver(CharBackend *be)
{
    return be->chr;
}

bool qemu_chr_fe_backend_connected(CharBackend *be)
{
    return be->chr != NULL;
}

bool qemu_chr_fe_backend_open(CharBackend *be)
{
    return be->chr && be->chr->be_open;
}

void qemu_chr_fe_set_handlers(CharBackend *b, IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque, void *context, bool set_open)
{
    Chardev *s = b->chr;
    ChardevClass *cc;
    int fe_open;

    if (!s) {
        return;
    }
    cc = CHARDEV_GET_CLASS(s);
    fe_open = fd_can_read || fd_read || fd_event || opaque;
    b->chr_can_read = fd_can_read;
    b->chr_read = fd_read;
    b->chr_event = fd_event;
    b->chr_be_change = be_change;
    b->opaque = opaque;

    if (cc->chr_update_read_handler) {
        cc->chr_update_read_handler(s);
    }
    if (set_open) {
        qemu_chr_fe_set_open(b, fe_open);
    }
    if (fe_open) {
        qemu_chr_fe_take_focus(b);
        /* A late frontend still learns that the backend is open */
        if (s->be_open && fd_event) {
            fd_event(opaque, CHR_EVENT_OPENED);
        }
    }
    /* The input watches re-arm in the poll hook: wake a sleeping loop */
    qemu_notify_event();
}

void qemu_chr_fe_set_open(CharBackend *be, int fe_open)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;

    if (!chr || be->fe_open == fe_open) {
        return;
    }
    be->fe_open = fe_open;
    cc = CHARDEV_GET_CLASS(chr);
    if (cc->chr_set_fe_open) {
        cc->chr_set_fe_open(chr, fe_open);
    }
}

void qemu_chr_fe_take_focus(CharBackend *b)
{
    if (b->chr && qemu_chr_is_mux(b->chr)) {
        mux_chr_set_focus(b->chr, b->tag);
    }
}

void qemu_chr_fe_accept_input(CharBackend *be)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;

    if (!chr) {
        return;
    }
    cc = CHARDEV_GET_CLASS(chr);
    if (cc->chr_accept_input) {
        cc->chr_accept_input(chr);
    }
    qemu_notify_event();
}

void qemu_chr_fe_set_echo(CharBackend *be, bool echo)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;

    if (!chr) {
        return;
    }
    cc = CHARDEV_GET_CLASS(chr);
    if (cc->chr_set_echo) {
        cc->chr_set_echo(chr, echo);
    }
}

int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return 0;
    }
    return qemu_chr_write(be->chr, buf, len, false);
}

int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return 0;
    }
    return qemu_chr_write(be->chr, buf, len, true);
}

void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
{
    g_autofree char *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_chr_fe_write_all(be, (const uint8_t *)text, strlen(text));
}
