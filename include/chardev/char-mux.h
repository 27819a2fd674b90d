/*
 * char-mux.h: the mux's interface to the frontend code (char-fe.c).
 * Frontends use the ordinary qemu_chr_fe_*() calls on a mux chardev.
 */
#ifndef CHARDEV_CHAR_MUX_H
#define CHARDEV_CHAR_MUX_H

#include "chardev/char.h"

/* Frontends one mux can carry, as QEMU. */
#define MAX_MUX 4

bool qemu_chr_is_mux(Chardev *chr);
/* Take a frontend slot for b; *tag is its index.  False if all full. */
bool mux_chr_attach_frontend(Chardev *chr, CharBackend *b, int *tag);
/* Give the slot back; the focus moves on if b had it. */
void mux_chr_detach_frontend(Chardev *chr, CharBackend *b);
/* Focus the frontend in slot tag (MUX_OUT to the old, MUX_IN to it). */
void mux_chr_set_focus(Chardev *chr, int tag);

#endif
