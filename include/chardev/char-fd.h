/*
 * char-fd.h: the abstract "chardev-fd", a chardev on a pair of file
 * descriptors (input may be absent).  stdio, file, pipe and serial
 * derive from it; they open their descriptors and call
 * qemu_chr_fd_attach().
 */
#ifndef CHARDEV_CHAR_FD_H
#define CHARDEV_CHAR_FD_H

#include "chardev/char.h"
#include "chardev/char-io.h"

typedef struct FDChardev {
    Chardev parent;

    int fd_in;                   /* -1: output only */
    int fd_out;
    bool own_fds;                /* close them when the chardev goes */
    ChrInputWatch *watch;
} FDChardev;

#define FD_CHARDEV(obj) OBJECT_CHECK(FDChardev, (obj), TYPE_CHARDEV_FD)

/*
 * Use fd_in (or -1) and fd_out; with own_fds they are closed on
 * finalize (once, if they are the same fd).  Reading starts at once.
 */
void qemu_chr_fd_attach(Chardev *chr, int fd_in, int fd_out, bool own_fds);

#endif
