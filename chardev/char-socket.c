/*
 * char-socket.c: the "socket" chardev -- TCP or Unix stream sockets, as
 * a client or a server, optionally speaking telnet.
 *
 * Options as QEMU 7.2's -chardev socket: host/port (port=0 lets the
 * kernel pick; to=PORT tries a range), or path (abstract=on, tight=on for
 * Linux abstract names), or fd=N (an open socket); server=on, wait=on
 * (default for servers: block at start-up until a client connects,
 * printing "QEMU waiting for connection on: ..."), nodelay=on (or the old
 * delay=off), reconnect=N (clients: retry every N seconds), telnet=on,
 * ipv4/ipv6.  A server serves one client at a time; later clients wait in
 * the listen backlog until the current one leaves.  Connecting raises
 * CHR_EVENT_OPENED, disconnecting CHR_EVENT_CLOSED.  Output with no
 * client is discarded.  "info chardev" shows QEMU's strings:
 *   disconnected:tcp:127.0.0.1:4444,server=on
 *   tcp:127.0.0.1:4444,server=on <-> 127.0.0.1:51234
 *   unix:/tmp/sock,server=on
 *
 * Telnet (RFC 854, 856, 857, 858): on connecting we send IAC WILL ECHO,
 * IAC WILL SUPPRESS-GO-AHEAD, IAC WILL BINARY, IAC DO BINARY, as QEMU
 * does, so a client runs in character-at-a-time mode and leaves echo to
 * us.  Input is stripped of commands: option negotiation (WILL/WONT/DO/
 * DONT x) and sub-negotiation (SB ... IAC SE) are ignored, IAC IAC is a
 * data byte 0xff, IAC BREAK raises CHR_EVENT_BREAK.  Unlike QEMU, output
 * 0xff bytes are doubled as RFC 854 requires.
 *
 * Missing: websocket and tn3270 (rejected), TLS, vsock, the initial
 * reconnect attempt runs on the main loop and connects synchronously;
 * a peer hanging up is noticed only when its input is read (or a write
 * fails).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "chardev/char.h"
#include "chardev/char-io.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

/* Telnet commands and options (RFC 854, 856, 857, 858). */
#define TN_SE 240
#define TN_BREAK 243
#define TN_SB 250
#define TN_WILL 251
#define TN_DO 253
#define TN_IAC 255
#define TN_OPT_BINARY 0
#define TN_OPT_ECHO 1
#define TN_OPT_SGA 3

/* Where the telnet input parser is. */
enum {
    TN_STATE_DATA,
    TN_STATE_IAC,                /* after IAC */
    TN_STATE_OPTION,             /* after IAC WILL/WONT/DO/DONT */
    TN_STATE_SB,                 /* inside a sub-negotiation */
    TN_STATE_SB_IAC,             /* IAC inside a sub-negotiation */
};

typedef struct SocketChardev {
    Chardev parent;

    /* Configuration. */
    bool is_unix;
    bool is_listen;
    bool is_telnet;
    bool do_nodelay;
    bool is_abstract;
    bool is_tight;
    char *host;                  /* inet, as given */
    char *port;
    int to_port;                 /* server port range end, or 0 */
    int family;                  /* AF_UNSPEC / AF_INET / AF_INET6 */
    char *path;                  /* unix */
    int64_t reconnect_s;
    char *addr_str;              /* "tcp:H:P" / "unix:P" for filenames */

    /* State. */
    int listen_fd;
    int fd;                      /* the connection, or -1 */
    ChrInputWatch *watch;
    QEMUTimer *reconnect_timer;
    QEMUBH *hangup_bh;           /* disconnect after a failed write */
    bool write_failed;
    bool connect_err_reported;
    int telnet_state;
} SocketChardev;

#define SOCKET_CHARDEV(obj) \
    OBJECT_CHECK(SocketChardev, (obj), TYPE_CHARDEV_SOCKET)

static void sock_chr_read(void *opaque);

/* ---- address strings ---- */

/*
 * "HOST:PORT".  As QEMU prints them, IPv6 hosts are bracketed in the
 * "LOCAL <-> PEER" of a connection but not elsewhere ("tcp:::1:4444").
 */
static char *sock_addr_str(const struct sockaddr *sa, socklen_t len,
                           bool bracket)
{
    char host[NI_MAXHOST], port[NI_MAXSERV];

    if (sa->sa_family == AF_UNIX) {
        const struct sockaddr_un *su = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ?
                   len - offsetof(struct sockaddr_un, sun_path) : 0;

        return g_strndup(su->sun_path, MIN(n, sizeof(su->sun_path)));
    }
    if (getnameinfo(sa, len, host, sizeof(host), port, sizeof(port),
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return g_strdup("?:?");
    }
    if (bracket && strchr(host, ':')) {
        return g_strdup_printf("[%s]:%s", host, port);
    }
    return g_strdup_printf("%s:%s", host, port);
}

static char *sock_local_str(int fd, bool bracket)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
        return g_strdup("");
    }
    return sock_addr_str((struct sockaddr *)&ss, len, bracket);
}

static char *sock_peer_str(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (getpeername(fd, (struct sockaddr *)&ss, &len) < 0) {
        return g_strdup("");
    }
    return sock_addr_str((struct sockaddr *)&ss, len, true);
}

static const char *sock_prefix(SocketChardev *s)
{
    return s->is_unix ? "unix:" : s->is_telnet ? "telnet:" : "tcp:";
}

static const char *sock_server_suffix(SocketChardev *s)
{
    return s->is_listen ? ",server=on" : "";
}

static void sock_update_filename(SocketChardev *s)
{
    Chardev *chr = CHARDEV(s);
    g_autofree char *local = NULL;
    g_autofree char *peer = NULL;

    g_free(chr->filename);
    if (s->fd < 0) {
        chr->filename = g_strdup_printf("disconnected:%s%s", s->addr_str,
                                        sock_server_suffix(s));
        return;
    }
    local = sock_local_str(s->fd, true);
    if (s->is_unix) {
        chr->filename = g_strdup_printf("unix:%s%s", local,
                                        sock_server_suffix(s));
        return;
    }
    peer = sock_peer_str(s->fd);
    chr->filename = g_strdup_printf("%s%s%s <-> %s", sock_prefix(s), local,
                                    sock_server_suffix(s), peer);
}

/* ---- connection state ---- */

static void sock_accept(void *opaque);

static void sock_listen_arm(SocketChardev *s, bool arm)
{
    if (s->listen_fd >= 0) {
        qemu_set_fd_handler(s->listen_fd, arm ? sock_accept : NULL, NULL, s);
    }
}

static void sock_telnet_init(SocketChardev *s)
{
    static const uint8_t nego[] = {
        TN_IAC, TN_WILL, TN_OPT_ECHO,
        TN_IAC, TN_WILL, TN_OPT_SGA,
        TN_IAC, TN_WILL, TN_OPT_BINARY,
        TN_IAC, TN_DO, TN_OPT_BINARY,
    };

    if (!chr_fd_write_all(s->fd, nego, sizeof(nego))) {
        s->write_failed = true;
        qemu_bh_schedule(s->hangup_bh);
    }
}

static void sock_connected(SocketChardev *s, int fd)
{
    int one = 1;

    s->fd = fd;
    s->write_failed = false;
    s->connect_err_reported = false;
    s->telnet_state = TN_STATE_DATA;
    chr_fd_set_nonblock(fd, true);
    if (s->do_nodelay && !s->is_unix) {
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    sock_listen_arm(s, false);
    sock_update_filename(s);
    if (s->is_telnet) {
        sock_telnet_init(s);
    }
    s->watch = chr_input_watch_add(CHARDEV(s), fd, sock_chr_read, s);
    qemu_chr_be_event(CHARDEV(s), CHR_EVENT_OPENED);
}

static void sock_reconnect_later(SocketChardev *s, int64_t delay_s)
{
    timer_mod(s->reconnect_timer,
              qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + delay_s * 1000);
}

static void sock_disconnect(SocketChardev *s)
{
    if (s->fd < 0) {
        return;
    }
    chr_input_watch_remove(&s->watch);
    close(s->fd);
    s->fd = -1;
    sock_update_filename(s);
    sock_listen_arm(s, true);
    qemu_chr_be_event(CHARDEV(s), CHR_EVENT_CLOSED);
    if (s->reconnect_timer) {
        sock_reconnect_later(s, s->reconnect_s);
    }
}

static void sock_hangup_bh(void *opaque)
{
    SocketChardev *s = opaque;

    if (s->write_failed) {
        sock_disconnect(s);
    }
}

/* ---- input ---- */

/* One byte of telnet input; true if it is data for the frontend. */
static bool sock_telnet_byte(SocketChardev *s, uint8_t c, bool *brk)
{
    switch (s->telnet_state) {
    case TN_STATE_DATA:
        if (c != TN_IAC) {
            return true;
        }
        s->telnet_state = TN_STATE_IAC;
        return false;
    case TN_STATE_IAC:
        s->telnet_state = TN_STATE_DATA;
        if (c == TN_IAC) {
            return true;
        } else if (c >= TN_WILL) {
            s->telnet_state = TN_STATE_OPTION;
        } else if (c == TN_SB) {
            s->telnet_state = TN_STATE_SB;
        } else if (c == TN_BREAK) {
            *brk = true;
        }
        return false;               /* other commands (NOP, GA...) */
    case TN_STATE_OPTION:
        s->telnet_state = TN_STATE_DATA;
        return false;
    case TN_STATE_SB:
        if (c == TN_IAC) {
            s->telnet_state = TN_STATE_SB_IAC;
        }
        return false;
    default:                        /* TN_STATE_SB_IAC */
        s->telnet_state = c == TN_SE ? TN_STATE_DATA : TN_STATE_SB;
        return false;
    }
}

/* Strip telnet commands, delivering data and BREAKs in their order. */
static void sock_telnet_input(SocketChardev *s, uint8_t *buf, int len)
{
    Chardev *chr = CHARDEV(s);
    int i, out = 0;

    for (i = 0; i < len; i++) {
        bool brk = false;

        if (sock_telnet_byte(s, buf[i], &brk)) {
            buf[out++] = buf[i];
        }
        if (brk) {
            qemu_chr_be_write(chr, buf, out);
            out = 0;
            qemu_chr_be_event(chr, CHR_EVENT_BREAK);
            if (s->fd < 0) {
                return;
            }
        }
    }
    qemu_chr_be_write(chr, buf, out);
}

static void sock_chr_read(void *opaque)
{
    SocketChardev *s = opaque;
    uint8_t buf[CHR_READ_BUF_LEN];
    int n = chr_fd_read(CHARDEV(s), s->fd, buf, sizeof(buf));

    if (n == -EAGAIN) {
        return;
    }
    if (n <= 0) {
        sock_disconnect(s);
        return;
    }
    if (s->is_telnet) {
        sock_telnet_input(s, buf, n);
    } else {
        qemu_chr_be_write(CHARDEV(s), buf, n);
    }
}

/* ---- output ---- */

static void sock_write_failed(SocketChardev *s)
{
    /* Not here: the write lock is held and a CLOSED handler may write */
    s->write_failed = true;
    qemu_bh_schedule(s->hangup_bh);
}

/* Telnet data: 0xff goes out doubled; written whole, waiting if need be. */
static int sock_telnet_write(SocketChardev *s, const uint8_t *buf, int len)
{
    g_autoptr(GByteArray) out = g_byte_array_sized_new(len + 16);
    static const uint8_t iac_iac[2] = { TN_IAC, TN_IAC };
    int i;

    for (i = 0; i < len; i++) {
        if (buf[i] == TN_IAC) {
            g_byte_array_append(out, iac_iac, 2);
        } else {
            g_byte_array_append(out, &buf[i], 1);
        }
    }
    if (!chr_fd_write_all(s->fd, out->data, out->len)) {
        sock_write_failed(s);
    }
    return len;
}

static int sock_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    ssize_t n;

    if (s->fd < 0 || s->write_failed) {
        return len;                 /* nobody to talk to: discard */
    }
    if (s->is_telnet && memchr(buf, TN_IAC, len)) {
        return sock_telnet_write(s, buf, len);
    }
    do {
        n = send(s->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n >= 0) {
        return n;
    }
    if (errno == EAGAIN) {
        return 0;
    }
    sock_write_failed(s);
    return len;
}

static void sock_chr_wait_writable(Chardev *chr)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);

    if (s->fd >= 0 && !s->write_failed) {
        chr_fd_wait_writable(s->fd);
    }
}

/* ---- listening ---- */

static void sock_accept(void *opaque)
{
    SocketChardev *s = opaque;
    int fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);

    if (fd < 0) {
        return;                     /* EAGAIN, or the client went away */
    }
    if (s->fd >= 0) {
        close(fd);                  /* cannot happen: we stop accepting */
        return;
    }
    sock_connected(s, fd);
}

static int sock_bind_inet_port(struct addrinfo *ai, int port, bool v6only,
                               int *err)
{
    struct sockaddr_storage ss;
    int one = 1;
    int fd;

    memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
    if (ai->ai_family == AF_INET) {
        ((struct sockaddr_in *)&ss)->sin_port = htons(port);
    } else {
        ((struct sockaddr_in6 *)&ss)->sin6_port = htons(port);
    }
    fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (ai->ai_family == AF_INET6) {
        int v6 = v6only;

        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6, sizeof(v6));
    }
    if (bind(fd, (struct sockaddr *)&ss, ai->ai_addrlen) < 0 ||
        listen(fd, 1) < 0) {
        *err = errno;
        close(fd);
        return -1;
    }
    return fd;
}

static struct addrinfo *sock_resolve(SocketChardev *s, bool passive,
                                     Error **errp)
{
    struct addrinfo hints = {
        .ai_flags = passive ? AI_PASSIVE : 0,
        .ai_family = s->family,
        .ai_socktype = SOCK_STREAM,
    };
    struct addrinfo *res = NULL;
    const char *host = *s->host ? s->host : NULL;
    int rc = getaddrinfo(host, s->port, &hints, &res);

    if (rc != 0) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   s->host, s->port, gai_strerror(rc));
        return NULL;
    }
    return res;
}

static int sock_listen_inet(SocketChardev *s, Error **errp)
{
    struct addrinfo *res = sock_resolve(s, true, errp);
    struct addrinfo *ai;
    int err = EADDRINUSE;
    int port, last, fd = -1;

    if (!res) {
        return -1;
    }
    port = ntohs(res->ai_family == AF_INET ?
                 ((struct sockaddr_in *)res->ai_addr)->sin_port :
                 ((struct sockaddr_in6 *)res->ai_addr)->sin6_port);
    last = s->to_port > port ? s->to_port : port;
    for (; port <= last && fd < 0; port++) {
        for (ai = res; ai && fd < 0; ai = ai->ai_next) {
            fd = sock_bind_inet_port(ai, port, s->family == AF_INET6, &err);
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, err, "Failed to find an available port");
    }
    return fd;
}

static bool sock_unix_addr(SocketChardev *s, struct sockaddr_un *su,
                           socklen_t *len, Error **errp)
{
    size_t plen = strlen(s->path);

    memset(su, 0, sizeof(*su));
    su->sun_family = AF_UNIX;
    /* A path needs its NUL; an abstract name its leading NUL instead */
    if (plen >= sizeof(su->sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", s->path);
        error_append_hint(errp, "Path must be less than %zu bytes\n",
                          sizeof(su->sun_path));
        return false;
    }
    memcpy(su->sun_path + (s->is_abstract ? 1 : 0), s->path, plen);
    *len = sizeof(*su);
    if (s->is_abstract && s->is_tight) {
        *len = offsetof(struct sockaddr_un, sun_path) + 1 + plen;
    }
    return true;
}

/* A new Unix stream socket and the address of s; -1 on error. */
static int sock_unix_socket(SocketChardev *s, struct sockaddr_un *su,
                            socklen_t *len, Error **errp)
{
    int fd;

    if (!sock_unix_addr(s, su, len, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create Unix socket");
    }
    return fd;
}

static int sock_listen_unix(SocketChardev *s, Error **errp)
{
    struct sockaddr_un su;
    socklen_t len;
    int fd = sock_unix_socket(s, &su, &len, errp);

    if (fd < 0) {
        return -1;
    }
    if (!s->is_abstract && unlink(s->path) < 0 && errno != ENOENT) {
        error_setg_errno(errp, errno, "Failed to unlink socket %s", s->path);
        goto fail;
    }
    if (bind(fd, (struct sockaddr *)&su, len) < 0) {
        error_setg_errno(errp, errno, "Failed to bind socket to %s",
                         s->path);
        goto fail;
    }
    if (listen(fd, 1) < 0) {
        error_setg_errno(errp, errno, "Failed to listen on socket");
        goto fail;
    }
    return fd;

fail:
    close(fd);
    return -1;
}

/* Block until the first client connects (server with wait=on). */
static void sock_wait_for_client(SocketChardev *s)
{
    struct pollfd pfd = { .fd = s->listen_fd, .events = POLLIN };

    info_report("QEMU waiting for connection on: %s",
                CHARDEV(s)->filename);
    while (s->fd < 0) {
        if (poll(&pfd, 1, -1) > 0) {
            sock_accept(s);
        }
    }
}

static bool sock_open_server(SocketChardev *s, bool wait, Error **errp)
{
    g_autofree char *local = NULL;

    if (s->listen_fd < 0) {
        s->listen_fd = s->is_unix ? sock_listen_unix(s, errp)
                                  : sock_listen_inet(s, errp);
        if (s->listen_fd < 0) {
            return false;
        }
    }
    chr_fd_set_nonblock(s->listen_fd, true);
    /* port=0: name the port the kernel picked */
    if (!s->is_unix) {
        local = sock_local_str(s->listen_fd, false);
        g_free(s->addr_str);
        s->addr_str = g_strdup_printf("%s%s", sock_prefix(s), local);
    }
    sock_update_filename(s);
    sock_listen_arm(s, true);
    if (wait) {
        sock_wait_for_client(s);
    }
    return true;
}

/* ---- connecting ---- */

static int sock_connect_inet(SocketChardev *s, Error **errp)
{
    struct addrinfo *res = sock_resolve(s, false, errp);
    struct addrinfo *ai;
    int err = ECONNREFUSED;
    int fd = -1;

    if (!res) {
        return -1;
    }
    for (ai = res; ai && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
            err = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, err, "Failed to connect to '%s:%s'",
                         s->host, s->port);
    }
    return fd;
}

static int sock_connect_unix(SocketChardev *s, Error **errp)
{
    struct sockaddr_un su;
    socklen_t len;
    int fd = sock_unix_socket(s, &su, &len, errp);

    if (fd < 0) {
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&su, len) < 0) {
        error_setg_errno(errp, errno, "Failed to connect to '%s'", s->path);
        close(fd);
        return -1;
    }
    return fd;
}

static bool sock_connect(SocketChardev *s, Error **errp)
{
    int fd = s->is_unix ? sock_connect_unix(s, errp)
                        : sock_connect_inet(s, errp);

    if (fd < 0) {
        return false;
    }
    sock_connected(s, fd);
    return true;
}

static void sock_reconnect_timer(void *opaque)
{
    SocketChardev *s = opaque;
    Error *err = NULL;

    if (s->fd >= 0) {
        return;
    }
    if (sock_connect(s, &err)) {
        return;
    }
    /* Say it once per outage, as QEMU does, then keep trying quietly */
    if (!s->connect_err_reported) {
        error_report("Unable to connect character device %s: %s",
                     CHARDEV(s)->label, error_get_pretty(err));
        s->connect_err_reported = true;
    }
    error_free(err);
    sock_reconnect_later(s, s->reconnect_s);
}

/* ---- options ---- */

/* fd=N: a socket we were handed; a server's must be listening. */
static bool sock_take_fd(SocketChardev *s, const char *str, Error **errp)
{
    int fd, type;
    socklen_t len = sizeof(type);
    struct sockaddr_storage ss;
    socklen_t slen = sizeof(ss);

    if (qemu_strtoi(str, NULL, 10, &fd) < 0 || fd < 0) {
        error_setg(errp, "Unable to parse FD number %s", str);
        return false;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0 ||
        getsockname(fd, (struct sockaddr *)&ss, &slen) < 0) {
        error_setg(errp, "File descriptor '%s' is not a socket", str);
        return false;
    }
    s->is_unix = ss.ss_family == AF_UNIX;
    s->addr_str = g_strdup_printf("fd:%s", str);
    len = sizeof(type);
    if (s->is_listen &&
        (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &type, &len) < 0 ||
         !type)) {
        /* Polling it for clients would spin on its hang-up */
        error_setg(errp, "File descriptor '%s' is not a listening socket",
                   str);
        return false;
    }
    if (s->is_listen) {
        s->listen_fd = fd;
    } else {
        s->fd = fd;
    }
    return true;
}

static bool sock_parse_addr(SocketChardev *s, QemuOpts *opts, Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    const char *host = qemu_opt_get(opts, "host");
    const char *fd = qemu_opt_get(opts, "fd");

    if (path && !*path) {
        path = NULL;
    }
    if (!!path + !!host + !!fd > 1) {
        error_setg(errp,
                   "None or one of 'path', 'fd' or 'host' option required.");
        return false;
    }
    if (path) {
        s->is_unix = true;
        s->path = g_strdup(path);
        s->is_abstract = qemu_opt_get_bool(opts, "abstract", false);
        s->is_tight = qemu_opt_get_bool(opts, "tight", true);
        s->addr_str = g_strdup_printf("unix:%s", path);
        return true;
    }
    if (host) {
        if (!qemu_opt_get(opts, "port")) {
            error_setg(errp, "chardev: socket: no port given");
            return false;
        }
        s->host = g_strdup(host);
        s->port = g_strdup(qemu_opt_get(opts, "port"));
        s->addr_str = g_strdup_printf("%s%s:%s", sock_prefix(s), host,
                                      s->port);
        return true;
    }
    if (s->reconnect_s) {
        error_setg(errp,
                   "'reconnect' option is incompatible with 'fd' address type");
        return false;
    }
    return sock_take_fd(s, fd ? fd : "", errp);
}

static bool sock_parse_opts(SocketChardev *s, QemuOpts *opts, Error **errp)
{
    bool ipv4 = qemu_opt_get_bool(opts, "ipv4", false);
    bool ipv6 = qemu_opt_get_bool(opts, "ipv6", false);

    s->is_listen = qemu_opt_get_bool(opts, "server", false);
    s->is_telnet = qemu_opt_get_bool(opts, "telnet", false);
    s->do_nodelay = qemu_opt_get_bool(opts, "nodelay", false) ||
                    !qemu_opt_get_bool(opts, "delay", true);
    s->reconnect_s = qemu_opt_get_number(opts, "reconnect", 0);
    s->to_port = qemu_opt_get_number(opts, "to", 0);
    s->family = ipv4 == ipv6 ? AF_UNSPEC : ipv4 ? AF_INET : AF_INET6;

    if (qemu_opt_get_bool(opts, "websocket", false)) {
        error_setg(errp, "websocket chardevs are not supported");
        return false;
    }
    if (qemu_opt_get_bool(opts, "tn3270", false)) {
        error_setg(errp, "tn3270 chardevs are not supported");
        return false;
    }
    if (!s->is_listen && qemu_opt_find(opts, "wait")) {
        error_setg(errp, "'wait' option is incompatible with socket in "
                   "client connect mode");
        return false;
    }
    if (s->is_listen && s->reconnect_s) {
        error_setg(errp, "'reconnect' option is incompatible with socket "
                   "in server listen mode");
        return false;
    }
    return sock_parse_addr(s, opts, errp);
}

/* ---- the type ---- */

static bool sock_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);

    /* Connecting raises OPENED itself */
    *be_opened = false;
    s->hangup_bh = qemu_bh_new(sock_hangup_bh, s);
    if (!sock_parse_opts(s, opts, errp)) {
        return false;
    }
    if (s->is_listen) {
        return sock_open_server(s, qemu_opt_get_bool(opts, "wait", true),
                                errp);
    }
    if (s->fd >= 0) {
        sock_connected(s, s->fd);
        return true;
    }
    if (s->reconnect_s) {
        s->reconnect_timer = timer_new_ms(QEMU_CLOCK_REALTIME,
                                          sock_reconnect_timer, s);
        sock_update_filename(s);
        sock_reconnect_later(s, 0);
        return true;
    }
    return sock_connect(s, errp);
}

static void sock_chr_instance_init(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    s->fd = -1;
    s->listen_fd = -1;
}

static void sock_chr_instance_finalize(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    chr_input_watch_remove(&s->watch);
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_fd >= 0) {
        qemu_set_fd_handler(s->listen_fd, NULL, NULL, NULL);
        close(s->listen_fd);
        if (s->is_unix && !s->is_abstract && s->path) {
            unlink(s->path);
        }
    }
    timer_free(s->reconnect_timer);
    qemu_bh_delete(s->hangup_bh);
    g_free(s->host);
    g_free(s->port);
    g_free(s->path);
    g_free(s->addr_str);
}

static void sock_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = sock_chr_open;
    cc->chr_write = sock_chr_write;
    cc->chr_wait_writable = sock_chr_wait_writable;
}

static const TypeInfo sock_chr_type_info = {
    .name = TYPE_CHARDEV_SOCKET,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(SocketChardev),
    .instance_init = sock_chr_instance_init,
    .instance_finalize = sock_chr_instance_finalize,
    .class_init = sock_chr_class_init,
};

static void sock_chr_register_types(void)
{
    type_register_static(&sock_chr_type_info);
}

type_init(sock_chr_register_types)
