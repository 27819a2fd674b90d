/*
 * char.h: character devices (the backend side).
 *
 * A Chardev is an Object of TYPE_CHARDEV ("chardev-socket", ...) with a
 * label (its id) and at most one frontend (CharBackend, char-fe.h) --
 * except the mux, which fans one backend out to several frontends.
 * Backends are created from -chardev options (QemuOpts, group "chardev")
 * or from the legacy short forms that -serial and -monitor take
 * ("stdio", "tcp::4444,server=on,wait=off", "mon:stdio", ...).
 *
 * Every chardev is a child of the "/chardevs" container, named by its
 * label.  All functions here run on the main loop thread with the BQL
 * held, except qemu_chr_write() which any thread holding the BQL may call.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qom/object.h"
#include "qemu/thread.h"
#include "chardev/char-fe.h"

#define TYPE_CHARDEV "chardev"
#define CHARDEV_TYPE_PREFIX "chardev-"

/* The backend types (-chardev BACKEND is TYPE CHARDEV_TYPE_PREFIX BACKEND). */
#define TYPE_CHARDEV_FD "chardev-fd"           /* abstract: fd in/out */
#define TYPE_CHARDEV_NULL "chardev-null"
#define TYPE_CHARDEV_VC "chardev-vc"
#define TYPE_CHARDEV_STDIO "chardev-stdio"
#define TYPE_CHARDEV_FILE "chardev-file"
#define TYPE_CHARDEV_PIPE "chardev-pipe"
#define TYPE_CHARDEV_SERIAL "chardev-serial"
#define TYPE_CHARDEV_PTY "chardev-pty"
#define TYPE_CHARDEV_SOCKET "chardev-socket"
#define TYPE_CHARDEV_MUX "chardev-mux"

typedef struct QemuOpts QemuOpts;
typedef struct QemuOptsList QemuOptsList;

struct Chardev {
    Object parent_obj;

    QemuMutex chr_write_lock;
    CharBackend *be;             /* a mux: the focused frontend */
    char *label;
    char *filename;              /* shown by "info chardev" */
    int logfd;
    int be_open;
    unsigned long features;
};

/* Chardev feature bits. */
#define QEMU_CHAR_FEATURE_REPLAY 0
#define QEMU_CHAR_FEATURE_GCONTEXT 1
#define QEMU_CHAR_FEATURE_FD_PASS 2

typedef struct ChardevClass {
    ObjectClass parent_class;

    bool internal;               /* not creatable with -chardev */
    /* Open the backend from its options; *be_opened=false if it opens
     * later (e.g. a socket server waiting for a client). */
    bool (*open)(Chardev *chr, QemuOpts *opts, bool *be_opened,
                 Error **errp);
    /* Returns bytes written (<len if it would block) or -1. */
    int (*chr_write)(Chardev *s, const uint8_t *buf, int len);
    /*
     * Block until chr_write can make progress again (after a short
     * write).  Used by qemu_chr_write(write_all); NULL: never short.
     */
    void (*chr_wait_writable)(Chardev *s);
    /* The frontend's can_read may have changed: re-arm reading. */
    void (*chr_accept_input)(Chardev *chr);
    void (*chr_update_read_handler)(Chardev *s);
    void (*chr_set_echo)(Chardev *chr, bool echo);
    void (*chr_set_fe_open)(Chardev *chr, int fe_open);
    /*
     * Deliver an event to the frontend(s); NULL: to s->be.  The mux
     * sends events raised on it to the focused frontend only.
     */
    void (*chr_be_event)(Chardev *s, QEMUChrEvent event);
} ChardevClass;

#define CHARDEV(obj) OBJECT_CHECK(Chardev, (obj), TYPE_CHARDEV)
#define CHARDEV_CLASS(klass) \
    OBJECT_CLASS_CHECK(ChardevClass, (klass), TYPE_CHARDEV)
#define CHARDEV_GET_CLASS(obj) \
    OBJECT_GET_CLASS(ChardevClass, (obj), TYPE_CHARDEV)

/*
 * Create from -chardev options; errors name the problem in QEMU's words
 * ("'foo' is not a valid char driver name", "chardev: no id specified").
 * With mux=on this creates LABEL-base from the options and a mux LABEL
 * on top of it, and returns the mux.  backend=help prints the backend
 * list and exits(0), as QEMU does.  context is reserved (NULL).
 */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, void *context,
                                Error **errp);
/*
 * Create from a legacy spec ("stdio", "mon:stdio", "null", "pty",
 * "file:PATH", "pipe:PATH", "tcp:HOST:PORT[,server=on,...]",
 * "telnet:...", "unix:PATH[,...]").  label is the chardev id.
 * "chardev:ID" returns the existing chardev ID (or NULL).  Errors are
 * reported (error_report) as QEMU reports them; NULL on failure.  "mon:"
 * is not accepted here (see qemu_chr_new_noreplay).
 */
Chardev *qemu_chr_new(const char *label, const char *filename,
                      void *context);
/*
 * As qemu_chr_new(), with the errors of creating the backend in errp.
 * Spec syntax errors are reported by qemu_chr_parse_compat() itself
 * (or, as in QEMU, not at all for a malformed "tcp:" spec), so NULL may
 * come back with *errp unset: check err before reporting it.
 * permit_mux_mon accepts "mon:SPEC"; the caller then puts a monitor on
 * the returned mux.
 */
Chardev *qemu_chr_new_noreplay(const char *label, const char *filename,
                               bool permit_mux_mon, void *context,
                               Error **errp);
/*
 * Turn a legacy spec into "chardev" QemuOpts (id = label), e.g.
 * "tcp::4444,server=on,wait=off" -> "id=L,backend=socket,host=,port=4444,
 * server=on,wait=off" and "mon:stdio" -> "...,mux=on,signal=off,
 * backend=stdio" (Ctrl-C goes to the guest, as QEMU does for it).
 * Reports errors itself (error_report) and returns NULL.  The opts live
 * in qemu_chardev_opts: qemu_opts_del() them when done.
 */
QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool permit_mux_mon);
Chardev *qemu_chr_find(const char *name);
/* Delete one chardev: detaches its frontend(s), closes, frees. */
void qemu_chr_delete(Chardev *chr);
/* Delete every chardev (at exit; restores the terminal). */
void qemu_chr_cleanup(void);

/* Backend -> frontend. */
int qemu_chr_be_can_write(Chardev *s);
void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len);
void qemu_chr_be_event(Chardev *s, QEMUChrEvent event);
/*
 * Write to the backend (and its logfile).  Without write_all returns
 * the bytes taken (possibly fewer than len, possibly 0); with it blocks
 * until all are written or the backend fails.  -1 on failure.
 */
int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all);

/* "info chardev": "LABEL: filename=FILENAME" per line, qemu_printf. */
void qemu_chr_info_print(void);
/*
 * "-chardev help": "Available chardev backend types: " then "  NAME"
 * per line, as QEMU prints it.
 */
void qemu_chr_print_backends(void);

/*
 * The "chardev" option group: implied key "backend", the keys every
 * backend takes.  main() registers it with qemu_add_opts().
 */
extern QemuOptsList qemu_chardev_opts;

/*
 * The mux (char-mux.c).  Its escape character (Ctrl-A unless set; -echr)
 * introduces: h/? help, x quit, s save, t timestamps, b break, c switch
 * focus, and the escape char itself to send it.
 */
/* "C-a x": after printing "QEMU: Terminated"; default exit(0). */
void qemu_chr_set_mux_quit_handler(void (*fn)(void));
/* "C-a s": flush disks ("save disk data back to file"); default none. */
void qemu_chr_set_mux_save_handler(void (*fn)(void));
/* Set the escape character (1..255); default 0x01 (Ctrl-A). */
void qemu_chr_set_mux_escape_char(int c);
/*
 * By default a mux is open as soon as its base is.  QEMU opens muxes
 * only once the machine is built, so that the frontends attached during
 * start-up (monitor, serial) all see OPENED after the focus has settled:
 * call qemu_chr_mux_defer_open() before creating chardevs and
 * qemu_chr_mux_open_all() when the machine is done.
 */
void qemu_chr_mux_defer_open(void);
void qemu_chr_mux_open_all(void);

#endif
