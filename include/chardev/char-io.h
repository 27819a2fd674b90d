/*
 * char-io.h: helpers the chardev backends share (not for frontends).
 *
 * Input flow control: a backend never reads more than its frontend can
 * take.  An input watch polls a descriptor only while
 * qemu_chr_be_can_write(chr) > 0; a main-loop poll hook re-evaluates
 * every watch before the loop sleeps, so a frontend that frees room is
 * read from again on the next iteration, and one that has no room costs
 * nothing (the fd is not polled, the loop does not spin).
 */
#ifndef CHARDEV_CHAR_IO_H
#define CHARDEV_CHAR_IO_H

#include "qemu/main-loop.h"

/* Largest read a backend does at once. */
#define CHR_READ_BUF_LEN 4096

typedef struct ChrInputWatch ChrInputWatch;

/*
 * Call fd_read(opaque) when fd is readable (or hung up) and chr's
 * frontend can take bytes.  fd_read must read at most
 * qemu_chr_be_can_write(chr) bytes.  It may remove its own watch.
 */
ChrInputWatch *chr_input_watch_add(Chardev *chr, int fd, IOHandler *fd_read,
                                   void *opaque);
/* Stop watching; *w is set to NULL.  NULL or *w == NULL is a no-op. */
void chr_input_watch_remove(ChrInputWatch **w);

/*
 * read() at most min(len, qemu_chr_be_can_write(chr)) bytes into buf.
 * Returns the count, 0 at end of file, -1 with errno on error, and
 * -EAGAIN (not -1) if nothing can be read now (frontend full, EAGAIN).
 */
int chr_fd_read(Chardev *chr, int fd, uint8_t *buf, int len);

/*
 * Non-blocking-style write: returns bytes written (0 if the fd would
 * block), -1 with errno on error.  Retries EINTR.
 */
int chr_fd_write(int fd, const uint8_t *buf, int len);
/* Wait until fd is writable (or in error/hung up). */
void chr_fd_wait_writable(int fd);
/* Write everything, waiting as needed; false on error (errno set). */
bool chr_fd_write_all(int fd, const uint8_t *buf, int len);

/* Wait until chr's backend may take more output (ChardevClass hook). */
void qemu_chr_wait_writable(Chardev *chr);

/* Set or clear O_NONBLOCK. */
void chr_fd_set_nonblock(int fd, bool nonblock);

#endif
