/*
 * libqtest.h: the client side of the qtest protocol, for device tests.
 *
 * qtest_init() starts the emulator named by $QTEST_QEMU_BINARY with
 *
 *   -qtest unix:SOCK -qtest-log /dev/null -display none
 *   -monitor unix:MONSOCK,server=on,wait=off -machine accel=qtest
 *
 * plus the test's own arguments, and returns a handle through which the
 * test reads and writes I/O ports and guest memory, steps the virtual
 * clock, watches interrupt lines and runs monitor (HMP) commands.
 *
 * Who listens: the test does.  It creates the qtest socket before it
 * starts the emulator, and the emulator connects to it as a client while
 * it starts up, so there is no window in which the test has to guess
 * whether the emulator is ready.  The monitor socket is the emulator's
 * (server=on,wait=off); qtest_hmp() connects to it on first use, retrying
 * until it exists for as long as the emulator is alive.
 *
 * Emulators without the qtest accelerator (Debian's QEMU 7.2 build has
 * none) are detected once per test program by starting the binary with
 * "-M none -accel qtest" and seeing whether it gets as far as connecting
 * ("-accel help" cannot tell: QEMU leaves qtest out of that list).  They
 * are started with "-accel tcg -S" instead, so no guest code runs while
 * the test pokes at devices; the virtual clock is then frozen and the
 * clock commands are unavailable (qtest_has_clock() says so, and tests
 * that need the clock skip those checks).
 *
 * Protocol errors (a FAIL answer, an emulator that died, a malformed
 * reply) abort the test with a message: a test cannot usefully continue
 * after them.  Environment: QTEST_LOG=1 sends the emulator's protocol
 * log to the test's stderr.
 */
#ifndef LIBQTEST_H
#define LIBQTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <glib.h>

typedef struct QTestState QTestState;

/* Start the emulator with extra_args (split like a shell would). */
QTestState *qtest_init(const char *extra_args);
QTestState *qtest_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/*
 * Stop the emulator (SIGTERM), wait for it and free s.  Returns the wait
 * status (as waitpid() gives it) so a test can check the emulator exited
 * cleanly rather than crashing.
 */
int qtest_quit(QTestState *s);

/*
 * Wait for the emulator to exit by itself (e.g. after isa-debug-exit),
 * discarding anything it still sends, then free s.  Returns the wait
 * status.
 */
int qtest_wait_exit(QTestState *s);

/* The emulator's process id. */
pid_t qtest_pid(QTestState *s);

/* True when the emulator runs the qtest accelerator (clock commands). */
bool qtest_has_clock(QTestState *s);

/*
 * Raw protocol access.  qtest_sendf() sends one command line (the
 * newline is added) without waiting; qtest_recv_line() returns the next
 * reply line that is not an "IRQ raise/lower N" notice (those update the
 * levels qtest_get_irq() reports); qtest_recv_raw_line() returns the
 * next line whatever it is (notices still update the levels).
 * qtest_command() sends and returns the reply ("OK ...", "FAIL ...").
 * g_free() the results.
 */
void qtest_sendf(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
char *qtest_recv_line(QTestState *s);
char *qtest_recv_raw_line(QTestState *s);
char *qtest_command(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* I/O ports. */
void qtest_outb(QTestState *s, uint16_t addr, uint8_t value);
void qtest_outw(QTestState *s, uint16_t addr, uint16_t value);
void qtest_outl(QTestState *s, uint16_t addr, uint32_t value);
uint8_t qtest_inb(QTestState *s, uint16_t addr);
uint16_t qtest_inw(QTestState *s, uint16_t addr);
uint32_t qtest_inl(QTestState *s, uint16_t addr);

/* Guest memory, single little-endian values. */
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);
uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);

/* Guest memory, buffers: hex ("read"/"write") and base64 transfers. */
void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_memset(QTestState *s, uint64_t addr, uint8_t value, size_t size);

/*
 * Virtual clock (needs qtest_has_clock()).  Each returns the clock's new
 * value in ns.  step_next advances to the next timer deadline (or not at
 * all if no timer is armed); set never moves the clock backwards.
 */
int64_t qtest_clock_step(QTestState *s, int64_t ns);
int64_t qtest_clock_step_next(QTestState *s);
int64_t qtest_clock_set(QTestState *s, int64_t ns);

/*
 * Interrupts.  Intercepting the GPIO inputs (or the outputs, optionally
 * of one named list) of the device at a QOM path makes the emulator
 * report every level change; only one device per session.  The _try
 * forms return false when the emulator refuses (FAIL) instead of
 * aborting.  qtest_get_irq() is the last level seen on line n.
 */
void qtest_irq_intercept_in(QTestState *s, const char *qom_path);
void qtest_irq_intercept_out(QTestState *s, const char *qom_path);
bool qtest_irq_intercept_in_try(QTestState *s, const char *qom_path);
bool qtest_get_irq(QTestState *s, int n);
void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level);

/*
 * Run a human-monitor command and return its output (echo, banner and
 * prompt removed, line ends as "\n"); g_free() it.
 */
char *qtest_hmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/*
 * Connect to a unix socket the emulator serves (e.g. -chardev socket,
 * server=on), retrying while it does not exist yet and the emulator is
 * alive.  Returns the connected fd.
 */
int qtest_socket_connect(QTestState *s, const char *path);

/*
 * A listening unix socket at path (for -chardev socket,path=PATH, which
 * makes the emulator connect to it while starting), and accepting its
 * one connection after qtest_init().  Both abort the test on failure.
 */
int qtest_socket_listen(const char *path);
int qtest_socket_accept(int listen_fd);

/*
 * Run the emulator to completion without the qtest machinery (for
 * command-line error tests): argv is $QTEST_QEMU_BINARY plus args split
 * like a shell.  Returns the wait status; *err (if not NULL) receives
 * stderr with lines starting "qemu: module" (Debian's noise) removed.
 */
int qtest_run_capture(const char *args, char **out, char **err);

/*
 * The accelerator options qtest_init() uses for this emulator:
 * "-machine accel=qtest", or "-accel tcg -S" where there is no qtest
 * accelerator.  For qtest_run_capture() runs that build a board.
 */
const char *qtest_accel_args(void);

/* Path of the emulator binary ($QTEST_QEMU_BINARY); aborts if unset. */
const char *qtest_qemu_binary(void);

#endif
