/*
 * char.h: character devices (the backend side).
 *
 * A Chardev is an Object of TYPE_CHARDEV ("chardev-socket", ...) with a
 * label (its id) and at most one frontend (CharBackend, char-fe.h) --
 * except the mux, which fans one backend out to several frontends.
 * Backends are created from -chardev options (QemuOpts, group "chardev")
 * or from the legacy short forms that -serial and -monitor take
 * ("stdio", "tcp::4444,server=on,wait=off", "mon:stdio", ...).
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qom/object.h"
#include "qemu/thread.h"
#include "chardev/char-fe.h"

#define TYPE_CHARDEV "chardev"
#define CHARDEV_TYPE_PREFIX "chardev-"

typedef struct QemuOpts QemuOpts;
typedef struct QemuOptsList QemuOptsList;

struct Chardev {
    Object parent_obj;

    QemuMutex chr_write_lock;
    CharBackend *be;
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
    /* The frontend's can_read may have changed: re-arm reading. */
    void (*chr_accept_input)(Chardev *chr);
    void (*chr_update_read_handler)(Chardev *s);
    void (*chr_set_echo)(Chardev *chr, bool echo);
    void (*chr_set_fe_open)(Chardev *chr, int fe_open);
    void (*chr_be_event)(Chardev *s, QEMUChrEvent event);
} ChardevClass;

#define CHARDEV(obj) OBJECT_CHECK(Chardev, (obj), TYPE_CHARDEV)
#define CHARDEV_CLASS(klass) \
    OBJECT_CLASS_CHECK(ChardevClass, (klass), TYPE_CHARDEV)
#define CHARDEV_GET_CLASS(obj) \
    OBJECT_GET_CLASS(ChardevClass, (obj), TYPE_CHARDEV)

/* Create from -chardev options; errors name the problem. */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, void *context,
                                Error **errp);
/*
 * Create from a legacy spec ("stdio", "mon:stdio", "null", "pty",
 * "file:PATH", "pipe:PATH", "tcp:HOST:PORT[,server=on,...]",
 * "telnet:...", "unix:PATH[,...]").  label is the chardev id.
 */
Chardev *qemu_chr_new(const char *label, const char *filename,
                      void *context);
Chardev *qemu_chr_new_noreplay(const char *label, const char *filename,
                               bool permit_mux_mon, void *context,
                               Error **errp);
/* Turn a legacy spec into "chardev" QemuOpts (id = label). */
QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool permit_mux_mon);
Chardev *qemu_chr_find(const char *name);
/* Delete every chardev (at exit; restores the terminal). */
void qemu_chr_cleanup(void);

/* Backend -> frontend. */
int qemu_chr_be_can_write(Chardev *s);
void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len);
void qemu_chr_be_event(Chardev *s, QEMUChrEvent event);
/* Write to the backend, blocking until done if write_all. */
int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all);

/* "info chardev": "LABEL: filename=FILENAME" per line, qemu_printf. */
void qemu_chr_info_print(void);
/* "-chardev help": "Available chardev backend types:" + one per line. */
void qemu_chr_print_backends(void);

/* The "chardev" option group (registered by the chardev layer). */
extern QemuOptsList qemu_chardev_opts;

#endif
