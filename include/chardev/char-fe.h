/*
 * char-fe.h: the frontend side of a character device.
 *
 * A device (serial port, monitor, qtest) holds a CharBackend, connected
 * to a Chardev by qemu_chr_fe_init() (usually through a "chardev"
 * property).  It writes with qemu_chr_fe_write*() and receives through
 * the handlers it installs: can_read says how many bytes it can take now
 * (the backend stops reading its fd while this is 0; the frontend calls
 * qemu_chr_fe_accept_input() when it has room again), read delivers
 * bytes, event reports CHR_EVENT_OPENED/CLOSED/BREAK and the mux focus
 * changes.  All handlers run on the main loop with the BQL held.
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

typedef struct Chardev Chardev;

typedef enum QEMUChrEvent {
    CHR_EVENT_BREAK,     /* serial break */
    CHR_EVENT_OPENED,    /* the peer connected / backend is open */
    CHR_EVENT_MUX_IN,    /* mux focus moved to this frontend */
    CHR_EVENT_MUX_OUT,   /* mux focus moved away */
    CHR_EVENT_CLOSED,    /* the peer went away */
} QEMUChrEvent;

typedef int IOCanReadHandler(void *opaque);
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);
typedef int BackendChangeHandler(void *opaque);

typedef struct CharBackend {
    Chardev *chr;
    IOEventHandler *chr_event;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    BackendChangeHandler *chr_be_change;
    void *opaque;
    int tag;             /* index within a mux */
    int fe_open;
} CharBackend;

/* Attach to chr; fails if chr already has a frontend (unless a mux). */
bool qemu_chr_fe_init(CharBackend *b, Chardev *chr, Error **errp);
/*
 * Detach (a no-op if not attached); with del also destroy the chardev.
 * If the chardev is deleted first, its frontends are detached for it.
 */
void qemu_chr_fe_deinit(CharBackend *b, bool del);
Chardev *qemu_chr_fe_get_driver(CharBackend *be);
bool qemu_chr_fe_backend_connected(CharBackend *be);
/* True when the backend is open (e.g. a socket peer is connected). */
bool qemu_chr_fe_backend_open(CharBackend *be);

/*
 * Install handlers.  context is reserved (NULL: the main loop).  With
 * set_open the frontend is marked open, and an OPENED event is delivered
 * if the backend is already open.
 */
void qemu_chr_fe_set_handlers(CharBackend *b, IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque, void *context, bool set_open);
void qemu_chr_fe_set_open(CharBackend *be, int fe_open);
/*
 * On a mux, move the input focus to this frontend (MUX_OUT to the old
 * one, MUX_IN to this one).  Installing handlers on a mux frontend also
 * takes the focus, so the frontend attached last starts with it.
 */
void qemu_chr_fe_take_focus(CharBackend *b);
/* The frontend can take input again: re-poll the backend. */
void qemu_chr_fe_accept_input(CharBackend *be);
/* Enable/disable echo (stdio) as a monitor's readline wants. */
void qemu_chr_fe_set_echo(CharBackend *be, bool echo);

/*
 * Write; returns bytes written (may be less than len when the backend
 * would block) or -1.  write_all blocks until everything is written or
 * the backend fails; a backend with no peer discards and returns len.
 */
int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len);
int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len);
void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
    QEMU_PRINTF(2, 3);

#endif
