/*
 * test-char.c: the chardev layer -- backends, frontends, the mux and the
 * legacy spec parser, driven through the real main loop.
 *
 * Expected texts (messages, "info chardev" strings, the mux help, the
 * telnet negotiation) are QEMU 7.2's as Debian's qemu-system-x86_64
 * prints or sends them.  Every wait is bounded by a generous deadline
 * and never decides the result by itself; sockets use port 0 or paths
 * in a private temporary directory.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "qemu/qemu-print.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"

#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define DEADLINE_S 30

static char *tmpdir;
static QEMUTimer *tick;
static int quit_calls;
static int save_calls;

/* ---- main loop helpers ---- */

/* Keeps main_loop_wait() returning so that deadlines are checked. */
static void tick_cb(void *opaque)
{
    timer_mod(tick, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 10);
}

#define WAIT_FOR(cond)                                                  \
    do {                                                                \
        gint64 deadline_ = g_get_monotonic_time() +                     \
                           DEADLINE_S * G_USEC_PER_SEC;                 \
        while (!(cond) && g_get_monotonic_time() < deadline_) {         \
            main_loop_wait(false);                                      \
        }                                                               \
        g_assert_true(cond);                                            \
    } while (0)

/* Run the loop a few times: for "nothing happens" checks. */
static void spin_loop(int iterations)
{
    int i;

    for (i = 0; i < iterations; i++) {
        main_loop_wait(true);
    }
}

static void set_flag(void *opaque)
{
    *(bool *)opaque = true;
}

/*
 * With nothing to do the loop must sleep, not spin on a descriptor that
 * stays ready (a full frontend's input, a pty without a peer).  Count
 * loop iterations until a 50 ms timer: a sleeping loop needs one or two,
 * a spinning one thousands.
 */
static void assert_loop_idle(void)
{
    bool fired = false;
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, set_flag, &fired);
    int iterations = 0;

    timer_del(tick);
    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 50);
    while (!fired) {
        main_loop_wait(false);
        iterations++;
    }
    timer_free(t);
    tick_cb(NULL);
    g_assert_cmpint(iterations, <, 20);
}

/* ---- printing capture (error_report, qemu_printf) ---- */

static int capture_vprintf(void *opaque, const char *fmt, va_list ap)
{
    g_string_append_vprintf(opaque, fmt, ap);
    return 0;
}

static GString *capture_start(void)
{
    GString *out = g_string_new("");

    qemu_print_set_sink(capture_vprintf, out);
    return out;
}

static char *capture_stop(GString *out)
{
    qemu_print_set_sink(NULL, NULL);
    return g_string_free(out, FALSE);
}

/* ---- a test frontend ---- */

typedef struct TestFe {
    CharBackend be;
    GByteArray *got;
    int window;                  /* bytes can_read offers; 0: none */
    int last_can_read;
    int violations;              /* reads larger than offered */
    int events[CHR_EVENT_CLOSED + 1];
    GString *log;                /* one letter per event, in order */
    int break_at;                /* got->len at the first BREAK, or -1 */
} TestFe;

static int fe_can_read(void *opaque)
{
    TestFe *f = opaque;

    f->last_can_read = f->window;
    return f->window;
}

static void fe_read(void *opaque, const uint8_t *buf, int size)
{
    TestFe *f = opaque;

    if (size > f->last_can_read) {
        f->violations++;
    }
    f->last_can_read -= size;
    g_byte_array_append(f->got, buf, size);
}

static void fe_event(void *opaque, QEMUChrEvent event)
{
    TestFe *f = opaque;
    static const char letters[] = {
        [CHR_EVENT_BREAK] = 'B', [CHR_EVENT_OPENED] = 'O',
        [CHR_EVENT_MUX_IN] = 'I', [CHR_EVENT_MUX_OUT] = 'X',
        [CHR_EVENT_CLOSED] = 'C',
    };

    f->events[event]++;
    g_string_append_c(f->log, letters[event]);
    if (event == CHR_EVENT_BREAK && f->break_at < 0) {
        f->break_at = f->got->len;
    }
}

static TestFe *fe_new(void)
{
    TestFe *f = g_new0(TestFe, 1);

    f->got = g_byte_array_new();
    f->log = g_string_new("");
    f->window = 4096;
    f->break_at = -1;
    return f;
}

static void fe_attach(TestFe *f, Chardev *chr)
{
    g_assert_true(qemu_chr_fe_init(&f->be, chr, &error_abort));
    qemu_chr_fe_set_handlers(&f->be, fe_can_read, fe_read, fe_event, NULL,
                             f, NULL, true);
}

static void fe_free(TestFe *f, bool del)
{
    qemu_chr_fe_deinit(&f->be, del);
    g_byte_array_unref(f->got);
    g_string_free(f->log, TRUE);
    g_free(f);
}

static bool fe_got(TestFe *f, const char *text)
{
    size_t n = strlen(text);

    return f->got->len == n && memcmp(f->got->data, text, n) == 0;
}

static void fe_puts(TestFe *f, const char *text)
{
    int n = strlen(text);

    g_assert_cmpint(qemu_chr_fe_write_all(&f->be, (const uint8_t *)text, n),
                    ==, n);
}

/* ---- chardev helpers ---- */

static Chardev *chr_try_new(const char *spec, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(&qemu_chardev_opts, spec, true,
                                     &error_abort);
    Chardev *chr = qemu_chr_new_from_opts(opts, NULL, errp);

    qemu_opts_del(opts);
    return chr;
}

static Chardev *chr_new(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static Chardev *chr_new(const char *fmt, ...)
{
    g_autofree char *spec = NULL;
    va_list ap;

    va_start(ap, fmt);
    spec = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return chr_try_new(spec, &error_abort);
}

/* Creating spec must fail with exactly message. */
static void check_chr_error(const char *spec, const char *message)
{
    Error *err = NULL;

    g_assert_null(chr_try_new(spec, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static char *tmp_path(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

/* ---- socket helpers (the test's side) ---- */

static int tcp_listener(int *port)
{
    struct sockaddr_in sa = { .sin_family = AF_INET };
    socklen_t len = sizeof(sa);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    g_assert_cmpint(listen(fd, 4), ==, 0);
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&sa, &len), ==, 0);
    *port = ntohs(sa.sin_port);
    return fd;
}

/* A port with a bound socket that does not listen: connects are refused. */
static int tcp_refusing(int *port)
{
    struct sockaddr_in sa = { .sin_family = AF_INET };
    socklen_t len = sizeof(sa);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&sa, &len), ==, 0);
    *port = ntohs(sa.sin_port);
    return fd;
}

static int tcp_connect(int port)
{
    struct sockaddr_in sa = { .sin_family = AF_INET };
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(port);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    return fd;
}

static int tcp_local_port(int fd)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);

    g_assert_cmpint(getsockname(fd, (struct sockaddr *)&sa, &len), ==, 0);
    return ntohs(sa.sin_port);
}

static int tcp_peer_port(int fd)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);

    g_assert_cmpint(getpeername(fd, (struct sockaddr *)&sa, &len), ==, 0);
    return ntohs(sa.sin_port);
}

static int unix_connect(const char *path)
{
    struct sockaddr_un su = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_strlcpy(su.sun_path, path, sizeof(su.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&su, sizeof(su)), ==, 0);
    return fd;
}

static void fd_send(int fd, const void *buf, size_t len)
{
    g_assert_cmpint(write(fd, buf, len), ==, len);
}

static void fd_puts(int fd, const char *text)
{
    fd_send(fd, text, strlen(text));
}

/* Read exactly n bytes from fd while running the main loop. */
static GByteArray *fd_read_n(int fd, size_t n)
{
    GByteArray *out = g_byte_array_new();
    gint64 deadline = g_get_monotonic_time() + DEADLINE_S * G_USEC_PER_SEC;
    uint8_t buf[4096];

    while (out->len < n && g_get_monotonic_time() < deadline) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        ssize_t got;

        main_loop_wait(true);
        if (poll(&pfd, 1, 10) <= 0) {
            continue;
        }
        got = read(fd, buf, MIN(sizeof(buf), n - out->len));
        if (got <= 0) {
            break;
        }
        g_byte_array_append(out, buf, got);
    }
    g_assert_cmpuint(out->len, ==, n);
    return out;
}

static void fd_expect(int fd, const void *data, size_t n)
{
    g_autoptr(GByteArray) got = fd_read_n(fd, n);

    g_assert_cmpmem(got->data, got->len, data, n);
}

static void fd_expect_str(int fd, const char *text)
{
    fd_expect(fd, text, strlen(text));
}

/* The port in "disconnected:tcp:127.0.0.1:PORT,server=on". */
static int server_port(Chardev *chr, const char *prefix)
{
    g_autofree char *fmt = g_strdup_printf("disconnected:%s:127.0.0.1:%%d"
                                           ",server=on", prefix);
    int port = -1;

    g_assert_cmpint(sscanf(chr->filename, fmt, &port), ==, 1);
    g_assert_cmpint(port, >, 0);
    return port;
}

/* ---- file, null, logfile ---- */

static char *file_contents(const char *path)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

static void test_file(void)
{
    g_autofree char *path = tmp_path("file.out");
    g_autofree char *text = NULL;
    g_autofree char *text2 = NULL;
    TestFe *f = fe_new();
    Chardev *chr;

    g_file_set_contents(path, "old contents\n", -1, NULL);
    chr = chr_new("file,id=file0,path=%s", path);
    g_assert_cmpstr(chr->filename, ==, "file");
    fe_attach(f, chr);
    g_assert_true(qemu_chr_fe_backend_open(&f->be));
    fe_puts(f, "hello\n");
    fe_free(f, true);
    g_assert_null(qemu_chr_find("file0"));
    text = file_contents(path);
    g_assert_cmpstr(text, ==, "hello\n");

    f = fe_new();
    chr = chr_new("file,id=file1,path=%s,append=on", path);
    fe_attach(f, chr);
    qemu_chr_fe_printf(&f->be, "%s %d\n", "world", 42);
    fe_free(f, true);
    text2 = file_contents(path);
    g_assert_cmpstr(text2, ==, "hello\nworld 42\n");
}

static void test_null_and_logfile(void)
{
    g_autofree char *log = tmp_path("null.log");
    g_autofree char *text = NULL;
    TestFe *f = fe_new();
    Chardev *chr = chr_new("null,id=null0,logfile=%s", log);

    g_assert_cmpstr(chr->filename, ==, "null");
    fe_attach(f, chr);
    /* As QEMU: a null device is never opened */
    g_assert_false(qemu_chr_fe_backend_open(&f->be));
    g_assert_cmpint(f->events[CHR_EVENT_OPENED], ==, 0);
    g_assert_cmpint(qemu_chr_fe_write(&f->be, (const uint8_t *)"abc", 3),
                    ==, 3);
    spin_loop(3);
    g_assert_cmpuint(f->got->len, ==, 0);
    fe_free(f, true);
    text = file_contents(log);
    g_assert_cmpstr(text, ==, "abc");
}

/* ---- pipe ---- */

static void test_pipe(void)
{
    g_autofree char *base = tmp_path("pipe");
    g_autofree char *in = g_strdup_printf("%s.in", base);
    g_autofree char *out = g_strdup_printf("%s.out", base);
    TestFe *f = fe_new();
    Chardev *chr;
    int rfd, wfd;

    g_assert_cmpint(mkfifo(in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(out, 0600), ==, 0);
    /* A reader first, or the chardev's open of PATH.out would block */
    rfd = open(out, O_RDONLY | O_NONBLOCK);
    g_assert_cmpint(rfd, >=, 0);
    chr = chr_new("pipe,id=pipe0,path=%s", base);
    g_assert_cmpstr(chr->filename, ==, "pipe");
    fe_attach(f, chr);
    wfd = open(in, O_WRONLY);
    g_assert_cmpint(wfd, >=, 0);

    fd_puts(wfd, "to guest");
    WAIT_FOR(fe_got(f, "to guest"));
    fe_puts(f, "from guest");
    fd_expect_str(rfd, "from guest");

    fe_free(f, true);
    close(rfd);
    close(wfd);
}

/* ---- pty ---- */

static void test_pty(void)
{
    TestFe *f = fe_new();
    GString *cap = capture_start();
    Chardev *chr = chr_new("pty,id=pty0");
    g_autofree char *msg = capture_stop(cap);
    g_autofree char *expect = NULL;
    const char *name;
    int slave;

    g_assert_true(g_str_has_prefix(chr->filename, "pty:/dev/pts/"));
    name = chr->filename + strlen("pty:");
    expect = g_strdup_printf("char device redirected to %s (label pty0)\n",
                             name);
    g_assert_cmpstr(msg, ==, expect);

    fe_attach(f, chr);
    g_assert_false(qemu_chr_fe_backend_open(&f->be));
    /* Nobody on the slave: output is dropped, not blocked on */
    g_assert_cmpint(qemu_chr_fe_write_all(&f->be, (const uint8_t *)"lost",
                                          4), ==, 4);
    assert_loop_idle();

    slave = open(name, O_RDWR | O_NOCTTY | O_NONBLOCK);
    g_assert_cmpint(slave, >=, 0);
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    fd_puts(slave, "ping");
    WAIT_FOR(fe_got(f, "ping"));
    fe_puts(f, "pong");
    fd_expect_str(slave, "pong");

    close(slave);
    WAIT_FOR(f->events[CHR_EVENT_CLOSED] == 1);
    g_assert_false(qemu_chr_fe_backend_open(&f->be));
    fe_free(f, true);
}

/* ---- serial: a host tty (here the slave of a pty we own) ---- */

static void test_serial(void)
{
    char name[PATH_MAX];
    g_autofree char *msg = NULL;
    TestFe *f = fe_new();
    struct termios tty;
    int master, slave;
    GString *cap;
    Chardev *chr;

    g_assert_cmpint(openpty(&master, &slave, name, NULL, NULL), ==, 0);
    cap = capture_start();
    chr = chr_new("tty,id=ser0,path=%s", name);
    msg = capture_stop(cap);
    g_assert_cmpstr(msg, ==, "warning: The alias 'tty' is deprecated, use "
                    "'serial' instead\n");
    g_assert_cmpstr(chr->filename, ==, "serial");
    /* Raw, so the guest's bytes pass unchanged */
    tcgetattr(slave, &tty);
    g_assert_false(tty.c_lflag & (ICANON | ECHO));
    fe_attach(f, chr);
    fd_puts(master, "x\r");
    WAIT_FOR(fe_got(f, "x\r"));
    fe_puts(f, "y\n");
    fd_expect_str(master, "y\n");
    fe_free(f, true);
    close(slave);
    close(master);
}

/* ---- stdio, on a pty standing in for the terminal ---- */

static void test_stdio(void)
{
    struct termios before, raw, after;
    int master, slave, saved_in, saved_out;
    TestFe *f = fe_new();
    Chardev *chr;

    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    g_assert_cmpint(tcgetattr(slave, &before), ==, 0);
    fflush(stdout);
    saved_in = dup(0);
    saved_out = dup(1);
    dup2(slave, 0);
    dup2(slave, 1);

    chr = chr_new("stdio,id=stdio0,signal=off");
    check_chr_error("stdio,id=stdio1",
                    "cannot use stdio by multiple character devices");
    tcgetattr(0, &raw);
    fe_attach(f, chr);
    fd_puts(master, "in\r");
    WAIT_FOR(fe_got(f, "in\r"));
    fe_puts(f, "out");
    fd_expect_str(master, "out");
    qemu_chr_fe_set_echo(&f->be, true);
    tcgetattr(0, &after);
    g_assert_true(after.c_lflag & ECHO);
    fe_free(f, true);
    tcgetattr(slave, &after);

    dup2(saved_in, 0);
    dup2(saved_out, 1);
    close(saved_in);
    close(saved_out);
    close(slave);
    close(master);

    /* Raw: no echo, no line editing, no CR->NL; signal=off: no ISIG */
    g_assert_false(raw.c_lflag & (ECHO | ICANON | ISIG));
    g_assert_false(raw.c_iflag & ICRNL);
    g_assert_true(raw.c_oflag & OPOST);
    /* And the terminal is given back as it was */
    g_assert_cmphex(after.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(after.c_iflag, ==, before.c_iflag);
}

/* ---- sockets ---- */

static void test_socket_tcp_server(void)
{
    TestFe *f = fe_new();
    Chardev *chr = chr_new("socket,id=tcpsrv,host=127.0.0.1,port=0,"
                           "server=on,wait=off");
    int port = server_port(chr, "tcp");
    g_autofree char *connected = NULL;
    int c1, c2;

    fe_attach(f, chr);
    g_assert_cmpint(f->events[CHR_EVENT_OPENED], ==, 0);
    /* No client: output is discarded and reported written */
    g_assert_cmpint(qemu_chr_fe_write(&f->be, (const uint8_t *)"x", 1), ==,
                    1);

    c1 = tcp_connect(port);
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    connected = g_strdup_printf("tcp:127.0.0.1:%d,server=on <-> "
                                "127.0.0.1:%d", port, tcp_local_port(c1));
    g_assert_cmpstr(chr->filename, ==, connected);
    g_assert_true(qemu_chr_fe_backend_open(&f->be));

    /* A second client waits in the backlog while the first is served */
    c2 = tcp_connect(port);
    fd_puts(c2, "second");
    fd_puts(c1, "hello");
    WAIT_FOR(fe_got(f, "hello"));
    fe_puts(f, "world");
    fd_expect_str(c1, "world");
    spin_loop(5);
    g_assert_true(fe_got(f, "hello"));

    close(c1);
    WAIT_FOR(f->events[CHR_EVENT_CLOSED] == 1);
    /* ... and is taken when the first leaves */
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 2);
    WAIT_FOR(fe_got(f, "hellosecond"));
    close(c2);
    WAIT_FOR(f->events[CHR_EVENT_CLOSED] == 2);
    g_assert_cmpint(server_port(chr, "tcp"), ==, port);
    g_assert_cmpstr(f->log->str, ==, "OCOC");
    fe_free(f, true);
}

static void test_socket_tcp_client(void)
{
    TestFe *f = fe_new();
    int port, lfd = tcp_listener(&port);
    g_autofree char *expect = NULL;
    Chardev *chr;
    int peer;

    chr = chr_new("socket,id=tcpcli,host=127.0.0.1,port=%d,nodelay=on",
                  port);
    peer = accept(lfd, NULL, NULL);
    g_assert_cmpint(peer, >=, 0);
    expect = g_strdup_printf("tcp:127.0.0.1:%d <-> 127.0.0.1:%d",
                             tcp_peer_port(peer), port);
    g_assert_cmpstr(chr->filename, ==, expect);

    /* Already connected: the frontend is told when it attaches */
    fe_attach(f, chr);
    g_assert_cmpstr(f->log->str, ==, "O");
    fd_puts(peer, "from server");
    WAIT_FOR(fe_got(f, "from server"));
    fe_puts(f, "from client");
    fd_expect_str(peer, "from client");
    close(peer);
    WAIT_FOR(f->events[CHR_EVENT_CLOSED] == 1);
    g_free(expect);
    expect = g_strdup_printf("disconnected:tcp:127.0.0.1:%d", port);
    g_assert_cmpstr(chr->filename, ==, expect);
    fe_free(f, true);
    close(lfd);
}

static void test_socket_reconnect(void)
{
    TestFe *f = fe_new();
    int port, fd = tcp_refusing(&port);
    g_autofree char *expect = NULL;
    g_autofree char *msg = NULL;
    GString *cap;
    Chardev *chr;
    int peer;

    chr = chr_new("socket,id=recon,host=127.0.0.1,port=%d,reconnect=1",
                  port);
    fe_attach(f, chr);
    expect = g_strdup_printf("disconnected:tcp:127.0.0.1:%d", port);
    g_assert_cmpstr(chr->filename, ==, expect);

    /* The first attempt fails and says so once */
    cap = capture_start();
    WAIT_FOR(cap->len > 0);
    msg = capture_stop(cap);
    g_free(expect);
    expect = g_strdup_printf("Unable to connect character device recon: "
                             "Failed to connect to '127.0.0.1:%d': "
                             "Connection refused\n", port);
    g_assert_cmpstr(msg, ==, expect);

    /* Start listening: a later attempt gets through */
    g_assert_cmpint(listen(fd, 1), ==, 0);
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    peer = accept(fd, NULL, NULL);
    close(peer);
    WAIT_FOR(f->events[CHR_EVENT_CLOSED] == 1);
    /* And after the peer hangs up, it comes back */
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 2);
    peer = accept(fd, NULL, NULL);
    g_assert_cmpint(peer, >=, 0);
    fd_puts(peer, "again");
    WAIT_FOR(fe_got(f, "again"));
    close(peer);
    fe_free(f, true);
    close(fd);
}

/* IPv6 addresses: bracketed only in a connection's "LOCAL <-> PEER". */
static void test_socket_ipv6(void)
{
    struct sockaddr_in6 sa = { .sin6_family = AF_INET6 };
    socklen_t len = sizeof(sa);
    g_autofree char *expect = NULL;
    TestFe *f;
    Chardev *chr;
    int port = -1, c;

    c = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sa.sin6_addr = in6addr_loopback;
    if (c < 0 || bind(c, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        g_test_skip("no IPv6 loopback");
        if (c >= 0) {
            close(c);
        }
        return;
    }
    close(c);
    f = fe_new();
    chr = chr_new("socket,id=tcp6,host=::1,port=0,server=on,wait=off");
    g_assert_cmpint(sscanf(chr->filename,
                           "disconnected:tcp:::1:%d,server=on", &port), ==, 1);
    fe_attach(f, chr);
    c = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sa.sin6_port = htons(port);
    g_assert_cmpint(connect(c, (struct sockaddr *)&sa, sizeof(sa)), ==, 0);
    g_assert_cmpint(getsockname(c, (struct sockaddr *)&sa, &len), ==, 0);
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    expect = g_strdup_printf("tcp:[::1]:%d,server=on <-> [::1]:%d", port,
                             ntohs(sa.sin6_port));
    g_assert_cmpstr(chr->filename, ==, expect);
    close(c);
    fe_free(f, true);
}

static void test_socket_unix_server(void)
{
    g_autofree char *path = tmp_path("unix.sock");
    g_autofree char *disconnected = NULL;
    g_autofree char *connected = NULL;
    TestFe *f = fe_new();
    Chardev *chr;
    int c;

    chr = chr_new("socket,id=unixsrv,path=%s,server=on,wait=off", path);
    disconnected = g_strdup_printf("disconnected:unix:%s,server=on", path);
    connected = g_strdup_printf("unix:%s,server=on", path);
    g_assert_cmpstr(chr->filename, ==, disconnected);
    fe_attach(f, chr);

    c = unix_connect(path);
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    g_assert_cmpstr(chr->filename, ==, connected);
    fd_puts(c, "unix in");
    WAIT_FOR(fe_got(f, "unix in"));
    fe_puts(f, "unix out");
    fd_expect_str(c, "unix out");
    close(c);
    WAIT_FOR(f->events[CHR_EVENT_CLOSED] == 1);
    g_assert_cmpstr(chr->filename, ==, disconnected);
    fe_free(f, true);
    /* The socket file goes with the server */
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
}

static void test_socket_unix_client(void)
{
    g_autofree char *path = tmp_path("unix-cli.sock");
    Chardev *srv = chr_new("socket,id=usrv,path=%s,server=on,wait=off",
                           path);
    Chardev *cli = chr_new("socket,id=ucli,path=%s", path);
    TestFe *fs = fe_new(), *fc = fe_new();

    fe_attach(fs, srv);
    fe_attach(fc, cli);
    g_assert_cmpstr(cli->filename, ==, "unix:");
    WAIT_FOR(fs->events[CHR_EVENT_OPENED] == 1);
    fe_puts(fc, "over unix");
    WAIT_FOR(fe_got(fs, "over unix"));
    fe_free(fc, true);
    WAIT_FOR(fs->events[CHR_EVENT_CLOSED] == 1);
    fe_free(fs, true);
}

/* wait=on blocks in open until a client comes: one from a thread. */
static void *connect_when_bound(void *opaque)
{
    const char *path = opaque;
    int fd;

    while (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_usleep(1000);
    }
    fd = unix_connect(path);
    return GINT_TO_POINTER(fd);
}

static void test_socket_wait(void)
{
    g_autofree char *path = tmp_path("wait.sock");
    g_autofree char *msg = NULL;
    g_autofree char *expect = NULL;
    TestFe *f = fe_new();
    GThread *thread;
    GString *cap;
    Chardev *chr;
    int c;

    thread = g_thread_new("client", connect_when_bound, path);
    cap = capture_start();
    chr = chr_new("socket,id=waitsrv,path=%s,server=on", path);
    msg = capture_stop(cap);
    c = GPOINTER_TO_INT(g_thread_join(thread));
    expect = g_strdup_printf("info: QEMU waiting for connection on: "
                             "disconnected:unix:%s,server=on\n", path);
    g_assert_cmpstr(msg, ==, expect);
    /* Open already: the frontend hears OPENED as it attaches */
    fe_attach(f, chr);
    g_assert_cmpstr(f->log->str, ==, "O");
    fd_puts(c, "waited");
    WAIT_FOR(fe_got(f, "waited"));
    close(c);
    fe_free(f, true);
}

static void test_telnet(void)
{
    static const uint8_t nego[] = {
        255, 251, 1, 255, 251, 3, 255, 251, 0, 255, 253, 0,
    };
    static const uint8_t input[] = {
        'a', 255, 255, 'b',
        255, 251, 1,                 /* IAC WILL ECHO: negotiation */
        255, 253, 3,                 /* IAC DO SGA */
        255, 250, 24, 0, 'x', 255, 240, /* IAC SB TTYPE IS "x" IAC SE */
        255, 241,                    /* IAC NOP */
        'c', 255, 243, 'd',          /* IAC BREAK between c and d */
    };
    static const uint8_t output[] = { 'x', 255, 255, 'y' };
    TestFe *f = fe_new();
    Chardev *chr = chr_new("socket,id=tel,host=127.0.0.1,port=0,"
                           "server=on,wait=off,telnet=on");
    int port = server_port(chr, "telnet");
    int c;

    fe_attach(f, chr);
    c = tcp_connect(port);
    fd_expect(c, nego, sizeof(nego));
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    g_assert_true(g_str_has_prefix(chr->filename, "telnet:127.0.0.1:"));

    fd_send(c, input, sizeof(input));
    WAIT_FOR(f->got->len == 5);
    g_assert_cmpmem(f->got->data, f->got->len, "a\xff" "bcd", 5);
    g_assert_cmpint(f->events[CHR_EVENT_BREAK], ==, 1);
    g_assert_cmpint(f->break_at, ==, 4);

    qemu_chr_fe_write_all(&f->be, (const uint8_t *)"x\xffy", 3);
    fd_expect(c, output, sizeof(output));
    close(c);
    fe_free(f, true);
}

/* ---- flow control ---- */

static void test_flow_control(void)
{
    enum { LEN = 20000 };
    g_autofree uint8_t *data = g_malloc(LEN);
    TestFe *f = fe_new();
    Chardev *chr = chr_new("socket,id=flow,host=127.0.0.1,port=0,"
                           "server=on,wait=off");
    int i, c;

    for (i = 0; i < LEN; i++) {
        data[i] = i * 7 + i / 256;
    }
    fe_attach(f, chr);
    c = tcp_connect(server_port(chr, "tcp"));
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);

    /* A frontend that is full gets nothing, and nothing is lost */
    f->window = 0;
    fd_send(c, data, LEN);
    spin_loop(20);
    g_assert_cmpuint(f->got->len, ==, 0);
    assert_loop_idle();

    /* One byte at a time still receives everything, in order */
    f->window = 1;
    qemu_chr_fe_accept_input(&f->be);
    WAIT_FOR(f->got->len == LEN);
    g_assert_cmpmem(f->got->data, f->got->len, data, LEN);
    g_assert_cmpint(f->violations, ==, 0);
    close(c);
    fe_free(f, true);
}

/* ---- the mux ---- */

static const char mux_help[] =
    "\n\rC-a h    print this help\n\r"
    "C-a x    exit emulator\n\r"
    "C-a s    save disk data back to file (if -snapshot)\n\r"
    "C-a t    toggle console timestamps\n\r"
    "C-a b    send break (magic sysrq)\n\r"
    "C-a c    switch between console and monitor\n\r"
    "C-a C-a  sends C-a\n\r";

static void test_quit(void)
{
    quit_calls++;
}

static void test_save(void)
{
    save_calls++;
}

static void test_mux(void)
{
    TestFe *a = fe_new(), *b = fe_new();
    Chardev *mux = chr_new("socket,id=mx,host=127.0.0.1,port=0,server=on,"
                           "wait=off,mux=on");
    Chardev *base = qemu_chr_find("mx-base");
    int c;

    g_assert_nonnull(base);
    g_assert_cmpstr(mux->filename, ==, "mux");
    fe_attach(a, mux);
    fe_attach(b, mux);
    /* The frontend attached last has the focus */
    g_assert_cmpstr(a->log->str, ==, "IX");
    g_assert_cmpstr(b->log->str, ==, "I");

    c = tcp_connect(server_port(base, "tcp"));
    WAIT_FOR(a->events[CHR_EVENT_OPENED] == 1 &&
             b->events[CHR_EVENT_OPENED] == 1);

    fd_puts(c, "to b");
    WAIT_FOR(fe_got(b, "to b"));
    fd_puts(c, "\x01" "c");
    WAIT_FOR(b->events[CHR_EVENT_MUX_OUT] == 1);
    g_assert_cmpint(a->events[CHR_EVENT_MUX_IN], ==, 2);
    fd_puts(c, "to a\x01\x01!");
    WAIT_FOR(fe_got(a, "to a\x01!"));
    g_assert_true(fe_got(b, "to b"));

    /* Both frontends write to the one backend */
    fe_puts(a, "A");
    fe_puts(b, "B");
    fd_expect_str(c, "AB");

    fd_puts(c, "\x01h");
    fd_expect_str(c, mux_help);
    fd_puts(c, "\x01" "b");
    WAIT_FOR(a->events[CHR_EVENT_BREAK] == 1);
    g_assert_cmpint(b->events[CHR_EVENT_BREAK], ==, 0);
    fd_puts(c, "\x01s");
    WAIT_FOR(save_calls == 1);

    /* Timestamps: the first stamp is the zero point */
    /* (input is processed in order: the data byte marks "done") */
    fd_puts(c, "\x01t" "1");
    WAIT_FOR(fe_got(a, "to a\x01!1"));
    fe_puts(a, "one\n");
    fe_puts(a, "two");
    fd_expect_str(c, "one\n[00:00:00.000] two");
    fd_puts(c, "\x01t" "2");
    WAIT_FOR(fe_got(a, "to a\x01!12"));
    fe_puts(a, "\nthree");
    fd_expect_str(c, "\nthree");

    fd_puts(c, "\x01x");
    fd_expect_str(c, "QEMU: Terminated\n\r");
    WAIT_FOR(quit_calls == 1);
    g_assert_true(fe_got(a, "to a\x01!12"));

    close(c);
    WAIT_FOR(a->events[CHR_EVENT_CLOSED] == 1 &&
             b->events[CHR_EVENT_CLOSED] == 1);
    fe_free(a, false);
    fe_free(b, false);
    qemu_chr_delete(mux);
    qemu_chr_delete(base);
}

/* Input for a frontend that cannot read waits for it; escapes still work. */
static void test_mux_buffering(void)
{
    TestFe *a = fe_new(), *b = fe_new();
    Error *err = NULL;
    Chardev *mux = qemu_chr_new_noreplay("mb", "mon:tcp:127.0.0.1:0,"
                                         "server=on,wait=off", true, NULL,
                                         &err);
    Chardev *base = qemu_chr_find("mb-base");
    TestFe *extra[3];
    CharBackend fifth = { 0 };
    int c, i;

    g_assert_nonnull(mux);
    g_assert_nonnull(base);
    fe_attach(a, mux);
    fe_attach(b, mux);
    c = tcp_connect(server_port(base, "tcp"));
    WAIT_FOR(b->events[CHR_EVENT_OPENED] == 1);

    b->window = 0;
    fd_puts(c, "held");
    spin_loop(10);
    g_assert_cmpuint(b->got->len, ==, 0);
    /* b is full, but C-a c still switches to a */
    fd_puts(c, "\x01" "c" "for a");
    WAIT_FOR(fe_got(a, "for a"));
    g_assert_cmpuint(b->got->len, ==, 0);

    /* Back to b, which now reads: the held input arrives first */
    b->window = 4096;
    fd_puts(c, "\x01" "c" "more");
    WAIT_FOR(fe_got(b, "heldmore"));

    /* At most MAX_MUX (4) frontends */
    for (i = 0; i < 2; i++) {
        extra[i] = fe_new();
        fe_attach(extra[i], mux);
    }
    g_assert_false(qemu_chr_fe_init(&fifth, mux, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'mb' is in use");
    error_free(err);
    for (i = 0; i < 2; i++) {
        fe_free(extra[i], false);
    }
    close(c);
    fe_free(a, false);
    fe_free(b, false);
    qemu_chr_delete(mux);
    qemu_chr_delete(base);
}

/* The mux over a 1-byte-at-a-time frontend loses nothing either. */
static void test_mux_flow_control(void)
{
    enum { LEN = 3000 };
    g_autofree uint8_t *data = g_malloc(LEN);
    TestFe *f = fe_new();
    Chardev *mux = chr_new("socket,id=mf,host=127.0.0.1,port=0,server=on,"
                           "wait=off,mux=on");
    Chardev *base = qemu_chr_find("mf-base");
    int i, c;

    for (i = 0; i < LEN; i++) {
        data[i] = 'a' + i % 26;      /* no escape characters */
    }
    fe_attach(f, mux);
    c = tcp_connect(server_port(base, "tcp"));
    WAIT_FOR(f->events[CHR_EVENT_OPENED] == 1);
    f->window = 1;
    fd_send(c, data, LEN);
    WAIT_FOR(f->got->len == LEN);
    g_assert_cmpmem(f->got->data, f->got->len, data, LEN);
    g_assert_cmpint(f->violations, ==, 0);
    close(c);
    fe_free(f, false);
    qemu_chr_delete(mux);
    qemu_chr_delete(base);
}

/* As QEMU at start-up: frontends hear OPENED once the machine is built. */
static void test_mux_deferred_open(void)
{
    TestFe *mon = fe_new(), *serial = fe_new();
    Chardev *mux;

    qemu_chr_mux_defer_open();
    mux = chr_new("vc,id=dm,mux=on");
    fe_attach(mon, mux);
    fe_attach(serial, mux);
    g_assert_false(qemu_chr_fe_backend_open(&mon->be));
    g_assert_cmpstr(mon->log->str, ==, "IX");
    g_assert_cmpstr(serial->log->str, ==, "I");
    qemu_chr_mux_open_all();
    g_assert_cmpstr(mon->log->str, ==, "IXO");
    g_assert_cmpstr(serial->log->str, ==, "IO");
    g_assert_true(qemu_chr_fe_backend_open(&serial->be));
    fe_free(mon, false);
    fe_free(serial, false);
    qemu_chr_delete(mux);
    qemu_chr_delete(qemu_chr_find("dm-base"));
}

/* ---- legacy specs ---- */

typedef struct CompatCase {
    const char *spec;
    const char *opts;            /* "key=value ...", or NULL: fails */
    const char *error;           /* the message printed, if any */
} CompatCase;

static int count_opt(void *opaque, const char *name, const char *value,
                     Error **errp)
{
    (*(int *)opaque)++;
    return 0;
}

static void check_compat_opts(QemuOpts *opts, const char *expect)
{
    g_auto(GStrv) pairs = g_strsplit(expect, " ", -1);
    int n = 0, count = 0;

    for (; pairs[n]; n++) {
        char *eq = strchr(pairs[n], '=');

        *eq = '\0';
        g_assert_cmpstr(qemu_opt_get(opts, pairs[n]), ==, eq + 1);
    }
    qemu_opt_foreach(opts, count_opt, &count, NULL);
    g_assert_cmpint(count, ==, n);
}

static void test_compat_parse(void)
{
    static const CompatCase cases[] = {
        { "null", "backend=null" },
        { "stdio", "backend=stdio" },
        { "pty", "backend=pty" },
        { "vc", "backend=vc" },
        { "vc:80Cx24C", "backend=vc" },
        { "mon:stdio", "mux=on signal=off backend=stdio" },
        { "mon:null", "mux=on backend=null" },
        { "file:/tmp/out.txt", "backend=file path=/tmp/out.txt" },
        { "pipe:/tmp/fifo", "backend=pipe path=/tmp/fifo" },
        { "/dev/ttyS0", "backend=serial path=/dev/ttyS0" },
        { "tcp::4444,server=on,wait=off",
          "backend=socket host= port=4444 server=on wait=off" },
        { "tcp:127.0.0.1:4444,server,nowait",
          "backend=socket host=127.0.0.1 port=4444 server=on wait=off" },
        { "tcp:localhost:99,nodelay=on,reconnect=5",
          "backend=socket host=localhost port=99 nodelay=on reconnect=5" },
        { "tcp:[::1]:99", "backend=socket host=::1 port=99" },
        { "telnet:0.0.0.0:23,server=on",
          "backend=socket host=0.0.0.0 port=23 server=on telnet=on" },
        { "telnet::5555,server,nowait",
          "backend=socket host= port=5555 server=on wait=off telnet=on" },
        { "unix:/tmp/m.sock,server=on,wait=off",
          "backend=socket path=/tmp/m.sock server=on wait=off" },
        { "unix:/tmp/a,,b", "backend=socket path=/tmp/a,b" },
        { "mon:tcp::4444,server=on",
          "mux=on backend=socket host= port=4444 server=on" },
        { "foo:bar", NULL, "'foo:bar' is not a valid char driver\n" },
        { "file", NULL, "'file' is not a valid char driver\n" },
        { "mon:foo", NULL, "'foo' is not a valid char driver\n" },
        { "tcp:foo", NULL, "" },
        { "tcp:", NULL, "" },
        { "tcp::1,bogus=1", NULL, "Invalid parameter 'bogus'\n" },
        { "tcp::1,server=maybe", NULL,
          "Parameter 'server' expects 'on' or 'off'\n" },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        GString *cap = capture_start();
        QemuOpts *opts = qemu_chr_parse_compat("compat0", cases[i].spec,
                                               true);
        g_autofree char *msg = capture_stop(cap);

        g_test_message("spec %s", cases[i].spec);
        if (cases[i].opts) {
            g_assert_nonnull(opts);
            g_assert_cmpstr(qemu_opts_id(opts), ==, "compat0");
            g_assert_cmpstr(msg, ==, "");
            check_compat_opts(opts, cases[i].opts);
            qemu_opts_del(opts);
        } else {
            g_assert_null(opts);
            g_assert_cmpstr(msg, ==, cases[i].error);
        }
    }
}

static void test_compat_new(void)
{
    g_autofree char *path = tmp_path("compat.out");
    g_autofree char *spec = g_strdup_printf("file:%s", path);
    g_autofree char *msg = NULL;
    Error *err = NULL;
    GString *cap;
    Chardev *chr;

    chr = qemu_chr_new("legacy0", spec, NULL);
    g_assert_nonnull(chr);
    g_assert_cmpstr(chr->label, ==, "legacy0");
    g_assert_true(qemu_chr_new("other", "chardev:legacy0", NULL) == chr);
    g_assert_null(qemu_chr_new("other", "chardev:nonexistent", NULL));

    /* Creation errors travel in errp ... */
    g_assert_null(qemu_chr_new_noreplay("legacy1", "file:/nonexistent/x",
                                        false, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Could not open '/nonexistent/x': No such file or "
                    "directory");
    error_free(err);
    err = NULL;
    /* ... spec errors are printed by the parser; mon: needs permission */
    cap = capture_start();
    g_assert_null(qemu_chr_new_noreplay("legacy2", "mon:stdio", false, NULL,
                                        &err));
    msg = capture_stop(cap);
    g_assert_null(err);
    g_assert_cmpstr(msg, ==, "mon: isn't supported in this context\n");
    qemu_chr_delete(chr);
}

/* ---- errors, info, help ---- */

/* Option errors, each in QEMU 7.2's words. */
static const struct {
    const char *spec;
    const char *message;
} option_errors[] = {
    { "foo,id=e0", "'foo' is not a valid char driver name" },
    { "fd,id=e0", "Parameter 'driver' expects a non-abstract device type" },
    { "null", "chardev: no id specified" },
    { "file,id=e0", "chardev: file: no filename given" },
    { "file,id=e0,path=/nonexistent/f",
      "Could not open '/nonexistent/f': No such file or directory" },
    { "pipe,id=e0", "chardev: pipe: no device path given" },
    { "null,id=e0,logfile=/nonexistent/log",
      "Could not create '/nonexistent/log': No such file or directory" },
    { "socket,id=e0,host=127.0.0.1", "chardev: socket: no port given" },
    { "socket,id=e0,port=1", "Unable to parse FD number " },
    { "socket,id=e0,fd=abc", "Unable to parse FD number abc" },
    { "socket,id=e0,path=/tmp/a,host=b,port=1",
      "None or one of 'path', 'fd' or 'host' option required." },
    { "socket,id=e0,host=127.0.0.1,port=1,wait=off",
      "'wait' option is incompatible with socket in client connect mode" },
    { "socket,id=e0,host=127.0.0.1,port=0,server=on,wait=off,reconnect=1",
      "'reconnect' option is incompatible with socket in server listen "
      "mode" },
    { "mux,id=e0", "chardev: mux: no chardev given" },
    { "mux,id=e0,chardev=nonexist", "mux: base chardev nonexist not found" },
};

static void test_option_errors(void)
{
    Error *err = NULL;
    QemuOpts *opts;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(option_errors); i++) {
        g_test_message("spec %s", option_errors[i].spec);
        check_chr_error(option_errors[i].spec, option_errors[i].message);
    }
    opts = qemu_opts_create(&qemu_chardev_opts, "nobackend", 1,
                            &error_abort);
    g_assert_null(qemu_chr_new_from_opts(opts, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "chardev: \"nobackend\" missing backend");
    error_free(err);
    qemu_opts_del(opts);
    g_assert_null(qemu_chr_find("e0"));
}

/* Socket errors from the system, in QEMU 7.2's words. */
static void test_socket_errors(void)
{
    g_autofree char *nodir = tmp_path("nonexistent/sock");
    g_autofree char *nofile = tmp_path("nonexistent-sock");
    g_autofree char *spec = NULL;
    g_autofree char *expect = NULL;
    int port, fd;

    fd = tcp_listener(&port);
    spec = g_strdup_printf("socket,id=e0,host=127.0.0.1,port=%d,server=on,"
                           "wait=off", port);
    check_chr_error(spec, "Failed to find an available port: Address "
                    "already in use");
    close(fd);

    fd = tcp_refusing(&port);
    g_free(spec);
    spec = g_strdup_printf("socket,id=e0,host=127.0.0.1,port=%d", port);
    expect = g_strdup_printf("Failed to connect to '127.0.0.1:%d': "
                             "Connection refused", port);
    check_chr_error(spec, expect);
    close(fd);

    g_free(spec);
    spec = g_strdup_printf("socket,id=e0,path=%s,server=on,wait=off", nodir);
    g_free(expect);
    expect = g_strdup_printf("Failed to bind socket to %s: No such file or "
                             "directory", nodir);
    check_chr_error(spec, expect);

    g_free(spec);
    spec = g_strdup_printf("socket,id=e0,path=%s", nofile);
    g_free(expect);
    expect = g_strdup_printf("Failed to connect to '%s': No such file or "
                             "directory", nofile);
    check_chr_error(spec, expect);
    g_assert_null(qemu_chr_find("e0"));
}

static void test_frontend_rules(void)
{
    Chardev *chr = chr_new("null,id=busy");
    TestFe *f = fe_new();
    CharBackend other = { 0 };
    Error *err = NULL;

    fe_attach(f, chr);
    g_assert_true(qemu_chr_fe_backend_connected(&f->be));
    g_assert_true(qemu_chr_fe_get_driver(&f->be) == chr);
    g_assert_false(qemu_chr_fe_init(&other, chr, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'busy' is in use");
    error_free(err);
    err = NULL;

    /* A duplicate label, in QEMU's words */
    g_assert_null(chr_try_new("null,id=busy", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "attempt to add duplicate property 'busy' to object "
                    "(type 'container')");
    error_free(err);

    /* Deleting the chardev leaves the frontend detached, not dangling */
    qemu_chr_delete(chr);
    g_assert_false(qemu_chr_fe_backend_connected(&f->be));
    g_assert_cmpint(qemu_chr_fe_write(&f->be, (const uint8_t *)"x", 1), ==,
                    0);
    fe_free(f, false);
}

static void test_info_and_help(void)
{
    static const char *const qemu_backends[] = {
        "stdio", "ringbuf", "mux", "pipe", "qemu-vdagent", "null",
        "msmouse", "socket", "vc", "parallel", "udp", "memory", "file",
        "serial", "wctablet", "pty", "testdev",
    };
    Chardev *n = chr_new("null,id=info0");
    Chardev *v = chr_new("vc,id=info1");
    g_auto(GStrv) lines = NULL;
    g_autofree char *info = NULL;
    g_autofree char *help = NULL;
    GString *cap;
    size_t i, j;

    cap = capture_start();
    qemu_chr_info_print();
    info = capture_stop(cap);
    g_assert_cmpstr(info, ==, "info0: filename=null\ninfo1: filename=vc\n");

    cap = capture_start();
    qemu_chr_print_backends();
    help = capture_stop(cap);
    lines = g_strsplit(help, "\n", -1);
    g_assert_cmpstr(lines[0], ==, "Available chardev backend types: ");
    for (i = 1; lines[i + 1]; i++) {
        bool known = false;

        g_assert_true(g_str_has_prefix(lines[i], "  "));
        for (j = 0; j < ARRAY_SIZE(qemu_backends); j++) {
            known |= strcmp(lines[i] + 2, qemu_backends[j]) == 0;
        }
        g_test_message("backend %s", lines[i] + 2);
        g_assert_true(known);
    }
    g_assert_cmpuint(i, >=, 9);
    g_assert_cmpstr(lines[i], ==, "");
    qemu_chr_delete(n);
    qemu_chr_delete(v);
}

static void remove_tree(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(dir, name, NULL);

        if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
            remove_tree(p);
        } else {
            unlink(p);
        }
    }
    if (d) {
        g_dir_close(d);
    }
    rmdir(dir);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop(&error_abort);
    qemu_mutex_lock_iothread();
    tick = timer_new_ms(QEMU_CLOCK_REALTIME, tick_cb, NULL);
    tick_cb(NULL);
    tmpdir = g_dir_make_tmp("test-char-XXXXXX", NULL);
    qemu_chr_set_mux_quit_handler(test_quit);
    qemu_chr_set_mux_save_handler(test_save);

    g_test_add_func("/char/file", test_file);
    g_test_add_func("/char/null-logfile", test_null_and_logfile);
    g_test_add_func("/char/pipe", test_pipe);
    g_test_add_func("/char/pty", test_pty);
    g_test_add_func("/char/serial", test_serial);
    g_test_add_func("/char/stdio", test_stdio);
    g_test_add_func("/char/socket/tcp-server", test_socket_tcp_server);
    g_test_add_func("/char/socket/tcp-client", test_socket_tcp_client);
    g_test_add_func("/char/socket/reconnect", test_socket_reconnect);
    g_test_add_func("/char/socket/ipv6", test_socket_ipv6);
    g_test_add_func("/char/socket/unix-server", test_socket_unix_server);
    g_test_add_func("/char/socket/unix-client", test_socket_unix_client);
    g_test_add_func("/char/socket/wait", test_socket_wait);
    g_test_add_func("/char/socket/telnet", test_telnet);
    g_test_add_func("/char/flow-control", test_flow_control);
    g_test_add_func("/char/mux/commands", test_mux);
    g_test_add_func("/char/mux/buffering", test_mux_buffering);
    g_test_add_func("/char/mux/flow-control", test_mux_flow_control);
    g_test_add_func("/char/mux/deferred-open", test_mux_deferred_open);
    g_test_add_func("/char/compat/parse", test_compat_parse);
    g_test_add_func("/char/compat/new", test_compat_new);
    g_test_add_func("/char/errors/options", test_option_errors);
    g_test_add_func("/char/errors/socket", test_socket_errors);
    g_test_add_func("/char/frontend-rules", test_frontend_rules);
    g_test_add_func("/char/info-help", test_info_and_help);
    ret = g_test_run();

    qemu_chr_cleanup();
    timer_free(tick);
    remove_tree(tmpdir);
    g_free(tmpdir);
    qemu_mutex_unlock_iothread();
    return ret;
}
