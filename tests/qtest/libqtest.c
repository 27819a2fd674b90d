/*
 * libqtest.c: the client side of the qtest protocol (see libqtest.h).
 *
 * Implements QEMU's qtest line protocol as described in QEMU's
 * docs/devel/testing/qtest.rst: one command line, one reply line, with
 * asynchronous "IRQ raise N" / "IRQ lower N" lines possibly in between.
 * The monitor is driven as a person would drive it through a terminal:
 * the reply to a command ends at the next "(qemu) " prompt.
 *
 * Missing: QMP (the emulator has no QMP yet), migration helpers.
 */
#include "qemu/osdep.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "libqtest.h"

#define QTEST_MAX_IRQ 256
#define HMP_PROMPT "(qemu) "

struct QTestState {
    pid_t pid;
    bool exited;            /* reaped; wstatus is valid */
    int wstatus;
    int fd;                 /* the qtest connection */
    int mon_fd;             /* -1 until the first qtest_hmp() */
    char *tmpdir;
    char *qtest_path;
    char *mon_path;
    GString *rx;            /* qtest bytes received, not yet a line */
    bool has_clock;
    bool irq_level[QTEST_MAX_IRQ];
};

static char *qtest_ok(QTestState *s, const char *cmd);

const char *qtest_qemu_binary(void)
{
    const char *bin = g_getenv("QTEST_QEMU_BINARY");

    if (!bin || !*bin) {
        g_error("QTEST_QEMU_BINARY is not set: it names the emulator to "
                "test, e.g. QTEST_QEMU_BINARY=./qemu-system-x86_64");
    }
    return bin;
}

/* Runs in the child: die with the test, whatever way the test dies. */
static void qtest_child_setup(gpointer data)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
}

/*
 * As qtest_child_setup(), and send the emulator's stdout to stderr: the
 * test's stdout carries TAP and must hold nothing else.
 */
static void qtest_child_setup_emulator(gpointer data)
{
    qtest_child_setup(data);
    dup2(STDERR_FILENO, STDOUT_FILENO);
}

int qtest_socket_listen(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    g_assert(strlen(path) < sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    g_assert(fd >= 0);
    unlink(path);
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(fd, 1) < 0) {
        g_error("qtest: cannot listen on %s: %s", path, g_strerror(errno));
    }
    return fd;
}

int qtest_socket_accept(int listen_fd)
{
    int fd;

    do {
        fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        g_error("qtest: accept failed: %s", g_strerror(errno));
    }
    return fd;
}

/* Reap the emulator if it has exited; true if it is gone. */
static bool qtest_check_exited(QTestState *s)
{
    if (!s->exited && waitpid(s->pid, &s->wstatus, WNOHANG) == s->pid) {
        s->exited = true;
    }
    return s->exited;
}

static char *qtest_describe_status(int wstatus)
{
    if (WIFEXITED(wstatus)) {
        return g_strdup_printf("exit status %d", WEXITSTATUS(wstatus));
    }
    if (WIFSIGNALED(wstatus)) {
        return g_strdup_printf("signal %d (%s)", WTERMSIG(wstatus),
                               g_strsignal(WTERMSIG(wstatus)));
    }
    return g_strdup_printf("wait status 0x%x", wstatus);
}

/* A handle with its private socket paths, no emulator yet. */
static QTestState *qtest_state_new(void)
{
    QTestState *s = g_new0(QTestState, 1);
    g_autoptr(GError) err = NULL;

    s->fd = -1;
    s->mon_fd = -1;
    s->rx = g_string_new(NULL);
    s->tmpdir = g_dir_make_tmp("qtest-XXXXXX", &err);
    if (!s->tmpdir) {
        g_error("qtest: cannot make a temporary directory: %s",
                err->message);
    }
    s->qtest_path = g_build_filename(s->tmpdir, "qtest.sock", NULL);
    s->mon_path = g_build_filename(s->tmpdir, "monitor.sock", NULL);
    return s;
}

/*
 * Start argv and wait for it to connect to the qtest socket.  False if
 * it ended first (s->wstatus says how).  The poll slice only bounds how
 * often we look whether the emulator died instead.
 */
static bool qtest_spawn(QTestState *s, char **argv, GSpawnFlags flags)
{
    struct pollfd pfd = { .events = POLLIN };
    g_autoptr(GError) err = NULL;
    bool connected = false;

    pfd.fd = qtest_socket_listen(s->qtest_path);
    if (!g_spawn_async(NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | flags,
                       qtest_child_setup_emulator, NULL, &s->pid, &err)) {
        g_error("qtest: cannot start %s: %s", argv[0], err->message);
    }
    while (!connected && !qtest_check_exited(s)) {
        int r = poll(&pfd, 1, 100);

        if (r > 0) {
            s->fd = qtest_socket_accept(pfd.fd);
            connected = true;
        } else if (r < 0 && errno != EINTR) {
            g_error("qtest: poll failed: %s", g_strerror(errno));
        }
    }
    close(pfd.fd);
    return connected;
}

/*
 * Whether the binary has the qtest accelerator.  "-accel help" does not
 * say (QEMU leaves qtest out of that list), so start it with
 * "-accel qtest" on the empty board and see whether it gets as far as
 * connecting; Debian's QEMU refuses the option at once.  Cached: the
 * answer cannot change while a test runs.
 */
static bool qtest_binary_has_qtest_accel(void)
{
    static int cached = -1;
    QTestState *s;
    g_autofree char *sock = NULL;

    if (cached >= 0) {
        return cached;
    }
    s = qtest_state_new();
    sock = g_strdup_printf("unix:%s", s->qtest_path);
    {
        const char *argv[] = {
            qtest_qemu_binary(), "-M", "none", "-display", "none",
            "-nodefaults", "-accel", "qtest", "-qtest", sock,
            "-qtest-log", "/dev/null", NULL
        };

        cached = qtest_spawn(s, (char **)argv, G_SPAWN_STDERR_TO_DEV_NULL);
    }
    qtest_quit(s);
    return cached;
}

const char *qtest_accel_args(void)
{
    return qtest_binary_has_qtest_accel() ? "-machine accel=qtest"
                                          : "-accel tcg -S";
}

static GPtrArray *qtest_build_argv(QTestState *s, const char *extra_args)
{
    GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) accel = NULL;
    g_auto(GStrv) extra = NULL;
    g_autoptr(GError) err = NULL;
    int i;

    g_ptr_array_add(argv, g_strdup(qtest_qemu_binary()));
    g_ptr_array_add(argv, g_strdup("-qtest"));
    g_ptr_array_add(argv, g_strdup_printf("unix:%s", s->qtest_path));
    g_ptr_array_add(argv, g_strdup("-qtest-log"));
    g_ptr_array_add(argv, g_strdup(g_getenv("QTEST_LOG") ? "/dev/fd/2"
                                                         : "/dev/null"));
    g_ptr_array_add(argv, g_strdup("-display"));
    g_ptr_array_add(argv, g_strdup("none"));
    g_ptr_array_add(argv, g_strdup("-monitor"));
    g_ptr_array_add(argv, g_strdup_printf("unix:%s,server=on,wait=off",
                                          s->mon_path));
    accel = g_strsplit(qtest_accel_args(), " ", -1);
    for (i = 0; accel[i]; i++) {
        g_ptr_array_add(argv, g_strdup(accel[i]));
    }
    if (extra_args && *extra_args &&
        !g_shell_parse_argv(extra_args, NULL, &extra, &err)) {
        g_error("qtest: cannot parse arguments '%s': %s", extra_args,
                err->message);
    }
    for (i = 0; extra && extra[i]; i++) {
        g_ptr_array_add(argv, g_strdup(extra[i]));
    }
    g_ptr_array_add(argv, NULL);
    return argv;
}

QTestState *qtest_init(const char *extra_args)
{
    QTestState *s;
    g_autoptr(GPtrArray) argv = NULL;
    g_autofree char *endianness = NULL;
    bool has_clock = qtest_binary_has_qtest_accel();

    s = qtest_state_new();
    s->has_clock = has_clock;
    argv = qtest_build_argv(s, extra_args);
    if (g_getenv("QTEST_LOG")) {
        g_autofree char *cmd = g_strjoinv(" ", (char **)argv->pdata);

        g_printerr("qtest: starting %s\n", cmd);
    }
    if (!qtest_spawn(s, (char **)argv->pdata, 0)) {
        g_autofree char *st = qtest_describe_status(s->wstatus);

        g_error("qtest: the emulator ended (%s) before connecting", st);
    }

    /*
     * One round trip: when it completes the emulator has finished
     * starting and serves commands from its main loop (signals sent
     * earlier could find it without its handlers yet).
     */
    endianness = qtest_ok(s, "endianness");
    if (g_strcmp0(endianness, "little") != 0) {
        g_error("qtest: unexpected endianness '%s'", endianness);
    }
    return s;
}

QTestState *qtest_initf(const char *fmt, ...)
{
    va_list ap;
    g_autofree char *args = NULL;

    va_start(ap, fmt);
    args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return qtest_init(args);
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

bool qtest_has_clock(QTestState *s)
{
    return s->has_clock;
}

/* Write all of buf, or abort the test: the emulator went away. */
static void qtest_write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            g_error("qtest: cannot send to the emulator: %s",
                    n < 0 ? g_strerror(errno) : "connection closed");
        }
        buf += n;
        len -= n;
    }
}

/* Read more bytes into buf; false on end of file. */
static bool qtest_read_more(int fd, GString *buf)
{
    char chunk[4096];
    ssize_t n;

    do {
        n = read(fd, chunk, sizeof(chunk));
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        g_error("qtest: read failed: %s", g_strerror(errno));
    }
    g_string_append_len(buf, chunk, n);
    return n > 0;
}

static void qtest_free(QTestState *s)
{
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->mon_fd >= 0) {
        close(s->mon_fd);
    }
    unlink(s->qtest_path);
    unlink(s->mon_path);
    rmdir(s->tmpdir);
    g_free(s->qtest_path);
    g_free(s->mon_path);
    g_free(s->tmpdir);
    g_string_free(s->rx, true);
    g_free(s);
}

static int qtest_reap(QTestState *s)
{
    while (!s->exited) {
        pid_t r = waitpid(s->pid, &s->wstatus, 0);

        if (r == s->pid) {
            s->exited = true;
        } else if (r < 0 && errno != EINTR) {
            g_error("qtest: waitpid failed: %s", g_strerror(errno));
        }
    }
    return s->wstatus;
}

int qtest_quit(QTestState *s)
{
    int wstatus;

    if (!qtest_check_exited(s)) {
        kill(s->pid, SIGTERM);
    }
    wstatus = qtest_reap(s);
    qtest_free(s);
    return wstatus;
}

int qtest_wait_exit(QTestState *s)
{
    int wstatus;

    /*
     * Drain the connection until the emulator's exit closes it: it may
     * still answer the command that made it exit, and must not find the
     * socket closed under it.
     */
    while (qtest_read_more(s->fd, s->rx)) {
        g_string_truncate(s->rx, 0);
    }
    wstatus = qtest_reap(s);
    qtest_free(s);
    return wstatus;
}

void qtest_sendf(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *line = NULL;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    msg = g_strconcat(line, "\n", NULL);
    qtest_write_all(s->fd, msg, strlen(msg));
}

/* The next line from the emulator, IRQ notices included. */
static char *qtest_read_line(QTestState *s)
{
    char *nl;
    char *line;

    while (!(nl = memchr(s->rx->str, '\n', s->rx->len))) {
        if (!qtest_read_more(s->fd, s->rx)) {
            g_autofree char *st = NULL;

            qtest_reap(s);
            st = qtest_describe_status(s->wstatus);
            g_error("qtest: the emulator closed the connection (%s)", st);
        }
    }
    line = g_strndup(s->rx->str, nl - s->rx->str);
    g_string_erase(s->rx, 0, nl - s->rx->str + 1);
    return line;
}

/* "IRQ raise N" / "IRQ lower N": record it; false for other lines. */
static bool qtest_handle_irq_line(QTestState *s, const char *line)
{
    const char *num;
    bool level;
    guint64 n;

    if (g_str_has_prefix(line, "IRQ raise ")) {
        level = true;
    } else if (g_str_has_prefix(line, "IRQ lower ")) {
        level = false;
    } else {
        return false;
    }
    num = line + strlen("IRQ raise ");
    if (!g_ascii_string_to_unsigned(num, 10, 0, QTEST_MAX_IRQ - 1, &n,
                                    NULL)) {
        g_error("qtest: malformed interrupt notice '%s'", line);
    }
    s->irq_level[n] = level;
    return true;
}

char *qtest_recv_line(QTestState *s)
{
    for (;;) {
        char *line = qtest_read_line(s);

        if (!qtest_handle_irq_line(s, line)) {
            return line;
        }
        g_free(line);
    }
}

char *qtest_recv_raw_line(QTestState *s)
{
    char *line = qtest_read_line(s);

    qtest_handle_irq_line(s, line);
    return line;
}

char *qtest_command(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *line = NULL;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_sendf(s, "%s", line);
    return qtest_recv_line(s);
}

/*
 * Send a command and check the reply is "OK" or "OK VALUE"; returns
 * VALUE (g_free) or NULL when there is none.
 */
static char *qtest_ok(QTestState *s, const char *cmd)
{
    g_autofree char *rsp = qtest_command(s, "%s", cmd);

    if (strcmp(rsp, "OK") == 0) {
        return NULL;
    }
    if (!g_str_has_prefix(rsp, "OK ")) {
        g_error("qtest: '%s' answered '%s'", cmd, rsp);
    }
    return g_strdup(rsp + 3);
}

static uint64_t qtest_ok_number(QTestState *s, const char *cmd)
{
    g_autofree char *val = qtest_ok(s, cmd);
    char *end;
    uint64_t n;

    if (!val) {
        g_error("qtest: '%s' answered OK without a value", cmd);
    }
    errno = 0;
    n = g_ascii_strtoull(val, &end, 0);
    if (errno || end == val || *end) {
        g_error("qtest: '%s' answered a bad number '%s'", cmd, val);
    }
    return n;
}

static void qtest_ok_void(QTestState *s, const char *cmd)
{
    g_autofree char *val = qtest_ok(s, cmd);

    if (val) {
        g_error("qtest: '%s' answered an unexpected 'OK %s'", cmd, val);
    }
}

static void qtest_out(QTestState *s, const char *op, uint16_t addr,
                      uint32_t value)
{
    g_autofree char *cmd = g_strdup_printf("%s 0x%x 0x%x", op, addr, value);

    qtest_ok_void(s, cmd);
}

static uint32_t qtest_in(QTestState *s, const char *op, uint16_t addr)
{
    g_autofree char *cmd = g_strdup_printf("%s 0x%x", op, addr);

    return qtest_ok_number(s, cmd);
}

void qtest_outb(QTestState *s, uint16_t addr, uint8_t value)
{
    qtest_out(s, "outb", addr, value);
}

void qtest_outw(QTestState *s, uint16_t addr, uint16_t value)
{
    qtest_out(s, "outw", addr, value);
}

void qtest_outl(QTestState *s, uint16_t addr, uint32_t value)
{
    qtest_out(s, "outl", addr, value);
}

uint8_t qtest_inb(QTestState *s, uint16_t addr)
{
    return qtest_in(s, "inb", addr);
}

uint16_t qtest_inw(QTestState *s, uint16_t addr)
{
    return qtest_in(s, "inw", addr);
}

uint32_t qtest_inl(QTestState *s, uint16_t addr)
{
    return qtest_in(s, "inl", addr);
}

static void qtest_write(QTestState *s, const char *op, uint64_t addr,
                        uint64_t value)
{
    g_autofree char *cmd = g_strdup_printf("%s 0x%" PRIx64 " 0x%" PRIx64,
                                           op, addr, value);

    qtest_ok_void(s, cmd);
}

static uint64_t qtest_read(QTestState *s, const char *op, uint64_t addr)
{
    g_autofree char *cmd = g_strdup_printf("%s 0x%" PRIx64, op, addr);

    return qtest_ok_number(s, cmd);
}

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value)
{
    qtest_write(s, "writeb", addr, value);
}

void qtest_writew(QTestState *s, uint64_t addr, uint16_t value)
{
    qtest_write(s, "writew", addr, value);
}

void qtest_writel(QTestState *s, uint64_t addr, uint32_t value)
{
    qtest_write(s, "writel", addr, value);
}

void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value)
{
    qtest_write(s, "writeq", addr, value);
}

uint8_t qtest_readb(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readb", addr);
}

uint16_t qtest_readw(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readw", addr);
}

uint32_t qtest_readl(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readl", addr);
}

uint64_t qtest_readq(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readq", addr);
}

void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_autofree char *cmd = NULL;
    g_autofree char *val = NULL;
    uint8_t *out = data;
    size_t i;

    if (size == 0) {
        return;     /* the protocol has no empty read */
    }
    cmd = g_strdup_printf("read 0x%" PRIx64 " 0x%zx", addr, size);
    val = qtest_ok(s, cmd);
    if (!val || !g_str_has_prefix(val, "0x") ||
        strlen(val) != 2 + 2 * size) {
        g_error("qtest: '%s' answered a bad buffer '%s'", cmd,
                val ? val : "");
    }
    for (i = 0; i < size; i++) {
        int hi = g_ascii_xdigit_value(val[2 + 2 * i]);
        int lo = g_ascii_xdigit_value(val[3 + 2 * i]);

        if (hi < 0 || lo < 0) {
            g_error("qtest: '%s' answered a bad buffer '%s'", cmd, val);
        }
        out[i] = hi << 4 | lo;
    }
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    const uint8_t *in = data;
    g_autoptr(GString) cmd = g_string_new(NULL);
    size_t i;

    if (size == 0) {
        return;
    }
    g_string_printf(cmd, "write 0x%" PRIx64 " 0x%zx 0x", addr, size);
    for (i = 0; i < size; i++) {
        g_string_append_printf(cmd, "%02x", in[i]);
    }
    qtest_ok_void(s, cmd->str);
}

void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_autofree char *cmd = NULL;
    g_autofree char *val = NULL;
    g_autofree guchar *bytes = NULL;
    gsize len;

    if (size == 0) {
        return;
    }
    cmd = g_strdup_printf("b64read 0x%" PRIx64 " 0x%zx", addr, size);
    val = qtest_ok(s, cmd);
    bytes = g_base64_decode(val ? val : "", &len);
    if (len != size) {
        g_error("qtest: '%s' answered %zu bytes", cmd, (size_t)len);
    }
    memcpy(data, bytes, size);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    g_autofree char *b64 = NULL;
    g_autofree char *cmd = NULL;

    if (size == 0) {
        return;
    }
    b64 = g_base64_encode(data, size);
    cmd = g_strdup_printf("b64write 0x%" PRIx64 " 0x%zx %s", addr, size,
                          b64);
    qtest_ok_void(s, cmd);
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t value, size_t size)
{
    g_autofree char *cmd = g_strdup_printf("memset 0x%" PRIx64 " 0x%zx 0x%x",
                                           addr, size, value);

    qtest_ok_void(s, cmd);
}

static int64_t qtest_clock_cmd(QTestState *s, const char *cmd)
{
    if (!s->has_clock) {
        g_error("qtest: '%s' needs the qtest accelerator, which %s lacks",
                cmd, qtest_qemu_binary());
    }
    return qtest_ok_number(s, cmd);
}

int64_t qtest_clock_step(QTestState *s, int64_t ns)
{
    g_autofree char *cmd = g_strdup_printf("clock_step %" PRId64, ns);

    return qtest_clock_cmd(s, cmd);
}

int64_t qtest_clock_step_next(QTestState *s)
{
    return qtest_clock_cmd(s, "clock_step");
}

int64_t qtest_clock_set(QTestState *s, int64_t ns)
{
    g_autofree char *cmd = g_strdup_printf("clock_set %" PRId64, ns);

    return qtest_clock_cmd(s, cmd);
}

bool qtest_irq_intercept_in_try(QTestState *s, const char *qom_path)
{
    g_autofree char *rsp = qtest_command(s, "irq_intercept_in %s",
                                         qom_path);

    if (strcmp(rsp, "OK") == 0) {
        return true;
    }
    if (!g_str_has_prefix(rsp, "FAIL")) {
        g_error("qtest: irq_intercept_in answered '%s'", rsp);
    }
    return false;
}

void qtest_irq_intercept_in(QTestState *s, const char *qom_path)
{
    g_autofree char *cmd = g_strdup_printf("irq_intercept_in %s", qom_path);

    qtest_ok_void(s, cmd);
}

void qtest_irq_intercept_out(QTestState *s, const char *qom_path)
{
    g_autofree char *cmd = g_strdup_printf("irq_intercept_out %s",
                                           qom_path);

    qtest_ok_void(s, cmd);
}

bool qtest_get_irq(QTestState *s, int n)
{
    g_assert(n >= 0 && n < QTEST_MAX_IRQ);
    return s->irq_level[n];
}

void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level)
{
    g_autofree char *cmd = g_strdup_printf("set_irq_in %s %s %d %d",
                                           qom_path,
                                           name ? name : "unnamed-gpio-in",
                                           num, level);

    qtest_ok_void(s, cmd);
}

int qtest_socket_connect(QTestState *s, const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    g_assert(strlen(path) < sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    for (;;) {
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        g_assert(fd >= 0);
        if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
            return fd;
        }
        if (errno != ENOENT && errno != ECONNREFUSED && errno != EINTR) {
            g_error("qtest: cannot connect to %s: %s", path,
                    g_strerror(errno));
        }
        close(fd);
        if (qtest_check_exited(s)) {
            g_autofree char *st = qtest_describe_status(s->wstatus);

            g_error("qtest: the emulator ended (%s) before serving %s",
                    st, path);
        }
        g_usleep(10 * 1000);
    }
}

/* Read from the monitor until it shows its prompt (or hangs up). */
static void qtest_hmp_read_reply(QTestState *s, GString *buf)
{
    while (!g_str_has_suffix(buf->str, HMP_PROMPT)) {
        if (!qtest_read_more(s->mon_fd, buf)) {
            return;
        }
    }
}

/* Drop terminal escape sequences ("ESC [ params letter") in place. */
static void qtest_strip_escapes(char *str)
{
    char *out = str;
    const char *in = str;

    while (*in) {
        if (in[0] == '\033' && in[1] == '[') {
            in += 2;
            while (*in && !g_ascii_isalpha(*in)) {
                in++;
            }
            if (*in) {
                in++;
            }
            continue;
        }
        *out++ = *in++;
    }
    *out = '\0';
}

/*
 * The reply holds the echo of the command line (as the terminal line
 * editor redraws it), the output, and the next prompt.  Keep the output.
 */
static char *qtest_hmp_clean(const char *reply, const char *cmd)
{
    g_autofree char *text = g_strdup(reply);
    g_auto(GStrv) lines = NULL;
    const char *body;
    const char *nl;

    qtest_strip_escapes(text);
    if (g_str_has_suffix(text, HMP_PROMPT)) {
        text[strlen(text) - strlen(HMP_PROMPT)] = '\0';
    }
    body = text;
    nl = strchr(text, '\n');
    if (nl) {
        g_autofree char *first = g_strndup(text, nl - text);

        if (g_str_has_suffix(g_strchomp(first), cmd)) {
            body = nl + 1;
        }
    }
    lines = g_strsplit(body, "\r\n", -1);
    return g_strjoinv("\n", lines);
}

char *qtest_hmp(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *cmd = NULL;
    g_autofree char *line = NULL;
    g_autoptr(GString) buf = g_string_new(NULL);

    va_start(ap, fmt);
    cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    if (s->mon_fd < 0) {
        s->mon_fd = qtest_socket_connect(s, s->mon_path);
        qtest_hmp_read_reply(s, buf);       /* banner and first prompt */
        g_string_truncate(buf, 0);
    }
    line = g_strconcat(cmd, "\n", NULL);
    qtest_write_all(s->mon_fd, line, strlen(line));
    qtest_hmp_read_reply(s, buf);
    return qtest_hmp_clean(buf->str, cmd);
}

int qtest_run_capture(const char *args, char **out, char **err)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) extra = NULL;
    g_autoptr(GError) gerr = NULL;
    g_autofree char *errtext = NULL;
    g_autofree char *outtext = NULL;
    int wstatus;
    int i;

    g_ptr_array_add(argv, g_strdup(qtest_qemu_binary()));
    if (args && *args && !g_shell_parse_argv(args, NULL, &extra, &gerr)) {
        g_error("qtest: cannot parse arguments '%s': %s", args,
                gerr->message);
    }
    for (i = 0; extra && extra[i]; i++) {
        g_ptr_array_add(argv, g_strdup(extra[i]));
    }
    g_ptr_array_add(argv, NULL);
    if (!g_spawn_sync(NULL, (char **)argv->pdata, NULL, 0,
                      qtest_child_setup, NULL, &outtext, &errtext, &wstatus,
                      &gerr)) {
        g_error("qtest: cannot run %s: %s", qtest_qemu_binary(),
                gerr->message);
    }
    if (err) {
        g_auto(GStrv) lines = g_strsplit(errtext, "\n", -1);
        g_autoptr(GString) kept = g_string_new(NULL);

        for (i = 0; lines[i]; i++) {
            if (!g_str_has_prefix(lines[i], "qemu: module")) {
                g_string_append(kept, lines[i]);
                if (lines[i + 1]) {
                    g_string_append_c(kept, '\n');
                }
            }
        }
        *err = g_string_free(g_steal_pointer(&kept), false);
    }
    if (out) {
        *out = g_steal_pointer(&outtext);
    }
    return wstatus;
}
