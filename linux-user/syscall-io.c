/*
 * syscall-io.c: I/O syscalls whose arguments need more than the table:
 * nested pointers (iovec, msghdr), sizes given through pointers
 * (socklen_t), arrays sized by another argument (pollfd, fd_set,
 * epoll_event), argument types chosen by a command (ioctl, fcntl,
 * futex), temporary signal masks (ppoll, pselect6, epoll_pwait), and
 * the /proc/self files that must describe the guest, not the emulator
 * (exe, cmdline, auxv), as QEMU fakes them.
 *
 * ioctl: the terminal and file ioctls in ioctl_table; any other request
 * fails with ENOTTY and a `-d unimp` line, as in QEMU.
 */
#include "syscall-defs.h"
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <linux/futex.h>
#include "qemu/log.h"

#ifndef UIO_MAXIOV
#define UIO_MAXIOV 1024
#endif

/* ---- /proc/self ---- */

static bool proc_self_path(const char *p, const char *leaf)
{
    g_autofree char *self = g_strdup_printf("/proc/self/%s", leaf);
    g_autofree char *mine = g_strdup_printf("/proc/%d/%s", getpid(), leaf);

    return g_str_equal(p, self) || g_str_equal(p, mine);
}

/* A read-only fd holding len bytes of guest memory from addr. */
static int64_t fake_file(uint64_t addr, uint64_t len)
{
    int fd = memfd_create("qemu-proc", MFD_CLOEXEC);
    const void *p = guest_ptr(addr, len, PAGE_READ);
    int err;

    if (fd < 0) {
        return -errno;
    }
    if (!p || write(fd, p, len) != (ssize_t)len) {
        err = p ? -EIO : -EFAULT;
        close(fd);
        return err;
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

static int64_t do_openat(int dirfd, uint64_t gpath, int flags, int mode)
{
    const ImageInfo *info = task->info;
    const char *path;
    int err;

    path = guest_path(gpath, &err);
    if (!path) {
        return err;
    }
    if (proc_self_path(path, "exe") && info->exec_path) {
        path = info->exec_path;
    } else if (proc_self_path(path, "cmdline")) {
        return fake_file(info->arg_start, info->arg_end - info->arg_start);
    } else if (proc_self_path(path, "auxv")) {
        return fake_file(info->auxv, info->auxv_len);
    }
    return safe_syscall(SYS_openat, dirfd, (long)path, flags, mode, 0, 0);
}

int64_t sys_open(CPUX86State *env, const uint64_t *a)
{
    return do_openat(AT_FDCWD, a[0], (int)a[1], (int)a[2]);
}

int64_t sys_openat(CPUX86State *env, const uint64_t *a)
{
    return do_openat((int)a[0], a[1], (int)a[2], (int)a[3]);
}

static int64_t do_readlinkat(int dirfd, uint64_t gpath, uint64_t buf,
                             int64_t size)
{
    const char *path, *exe = task->info->exec_path;
    void *out;
    int err;

    path = guest_path(gpath, &err);
    if (!path) {
        return err;
    }
    if (size <= 0) {
        return -EINVAL;
    }
    out = guest_ptr(buf, size, PAGE_WRITE);
    if (!out) {
        return -EFAULT;
    }
    if (proc_self_path(path, "exe") && exe) {
        size_t n = MIN(strlen(exe), (size_t)size);

        memcpy(out, exe, n);
        return n;
    }
    return host_ret(readlinkat(dirfd, path, out, size));
}

int64_t sys_readlink(CPUX86State *env, const uint64_t *a)
{
    return do_readlinkat(AT_FDCWD, a[0], a[1], (int64_t)a[2]);
}

int64_t sys_readlinkat(CPUX86State *env, const uint64_t *a)
{
    return do_readlinkat((int)a[0], a[1], a[2], (int64_t)a[3]);
}

/* ---- iovec ---- */

typedef struct GuestIovec {
    uint64_t base;
    uint64_t len;
} GuestIovec;

/* Host iovecs for a guest array; NULL with *err set on failure. */
static struct iovec *iov_from_guest(uint64_t addr, uint64_t cnt,
                                    bool to_guest, int *err)
{
    const GuestIovec *g;
    struct iovec *v;
    uint64_t i;

    if (cnt > UIO_MAXIOV) {
        *err = -EINVAL;
        return NULL;
    }
    g = guest_ptr(addr, cnt * sizeof(GuestIovec), PAGE_READ);
    if (!g) {
        *err = -EFAULT;
        return NULL;
    }
    v = g_new0(struct iovec, cnt + 1);
    for (i = 0; i < cnt; i++) {
        if ((int64_t)g[i].len < 0) {
            *err = -EINVAL;
            g_free(v);
            return NULL;
        }
        v[i].iov_len = g[i].len;
        v[i].iov_base = guest_ptr(g[i].base, g[i].len,
                                  to_guest ? PAGE_WRITE : PAGE_READ);
        if (!v[i].iov_base) {
            *err = -EFAULT;
            g_free(v);
            return NULL;
        }
    }
    return v;
}

static int64_t do_iov(int num, const uint64_t *a, bool to_guest)
{
    int err = 0;
    g_autofree struct iovec *v = iov_from_guest(a[1], a[2], to_guest, &err);

    if (!v) {
        return err;
    }
    return safe_syscall(num, (long)a[0], (long)v, (long)a[2], (long)a[3],
                        (long)a[4], 0);
}

int64_t sys_readv(CPUX86State *env, const uint64_t *a)
{
    return do_iov(SYS_readv, a, true);
}

int64_t sys_writev(CPUX86State *env, const uint64_t *a)
{
    return do_iov(SYS_writev, a, false);
}

int64_t sys_preadv(CPUX86State *env, const uint64_t *a)
{
    return do_iov(SYS_preadv, a, true);
}

int64_t sys_pwritev(CPUX86State *env, const uint64_t *a)
{
    return do_iov(SYS_pwritev, a, false);
}

/* ---- ioctl ---- */

typedef enum IoctlArg {
    IOCTL_NONE,                    /* no argument, or an integer */
    IOCTL_IN,                      /* the kernel reads size bytes */
    IOCTL_OUT,                     /* the kernel writes size bytes */
} IoctlArg;

typedef struct IoctlDef {
    unsigned long cmd;
    IoctlArg arg;
    unsigned size;
} IoctlDef;

#define KERNEL_TERMIOS_SIZE 36
#define KERNEL_TERMIOS2_SIZE 44
/* The termios2 requests, without needing struct termios2 in scope. */
#define GUEST_TCGETS2  0x802c542aUL
#define GUEST_TCSETS2  0x402c542bUL
#define GUEST_TCSETSW2 0x402c542cUL
#define GUEST_TCSETSF2 0x402c542dUL

static const IoctlDef ioctl_table[] = {
    { TCGETS, IOCTL_OUT, KERNEL_TERMIOS_SIZE },
    { TCSETS, IOCTL_IN, KERNEL_TERMIOS_SIZE },
    { TCSETSW, IOCTL_IN, KERNEL_TERMIOS_SIZE },
    { TCSETSF, IOCTL_IN, KERNEL_TERMIOS_SIZE },
    { GUEST_TCGETS2, IOCTL_OUT, KERNEL_TERMIOS2_SIZE },
    { GUEST_TCSETS2, IOCTL_IN, KERNEL_TERMIOS2_SIZE },
    { GUEST_TCSETSW2, IOCTL_IN, KERNEL_TERMIOS2_SIZE },
    { GUEST_TCSETSF2, IOCTL_IN, KERNEL_TERMIOS2_SIZE },
    { TIOCGWINSZ, IOCTL_OUT, 8 },
    { TIOCSWINSZ, IOCTL_IN, 8 },
    { TIOCGPGRP, IOCTL_OUT, 4 },
    { TIOCSPGRP, IOCTL_IN, 4 },
    { TIOCGSID, IOCTL_OUT, 4 },
    { FIONREAD, IOCTL_OUT, 4 },
    { TIOCOUTQ, IOCTL_OUT, 4 },
    { FIONBIO, IOCTL_IN, 4 },
    { FIOASYNC, IOCTL_IN, 4 },
    { FIOCLEX, IOCTL_NONE, 0 },
    { FIONCLEX, IOCTL_NONE, 0 },
    { TIOCSCTTY, IOCTL_NONE, 0 },
    { TIOCNOTTY, IOCTL_NONE, 0 },
    { TCSBRK, IOCTL_NONE, 0 },
    { TCSBRKP, IOCTL_NONE, 0 },
    { TCXONC, IOCTL_NONE, 0 },
    { TCFLSH, IOCTL_NONE, 0 },
    { TIOCEXCL, IOCTL_NONE, 0 },
    { TIOCNXCL, IOCTL_NONE, 0 },
    { TIOCMGET, IOCTL_OUT, 4 },
    { TIOCMSET, IOCTL_IN, 4 },
    { TIOCMBIS, IOCTL_IN, 4 },
    { TIOCMBIC, IOCTL_IN, 4 },
    { TIOCGPTN, IOCTL_OUT, 4 },
    { TIOCSPTLCK, IOCTL_IN, 4 },
    { TIOCGPTPEER, IOCTL_NONE, 0 },
    { TIOCSTI, IOCTL_IN, 1 },
    { TIOCGETD, IOCTL_OUT, 4 },
    { TIOCSETD, IOCTL_IN, 4 },
    { TIOCVHANGUP, IOCTL_NONE, 0 },
};

int64_t sys_ioctl(CPUX86State *env, const uint64_t *a)
{
    unsigned long cmd = (uint32_t)a[1];
    size_t i;

    for (i = 0; i < ARRAY_SIZE(ioctl_table); i++) {
        const IoctlDef *d = &ioctl_table[i];
        void *p;

        if (d->cmd != cmd) {
            continue;
        }
        if (d->arg == IOCTL_NONE) {
            return safe_syscall(SYS_ioctl, (long)a[0], cmd, (long)a[2], 0,
                                0, 0);
        }
        p = guest_ptr(a[2], d->size,
                      d->arg == IOCTL_IN ? PAGE_READ : PAGE_WRITE);
        if (!p) {
            return -EFAULT;
        }
        return safe_syscall(SYS_ioctl, (long)a[0], cmd, (long)p, 0, 0, 0);
    }
    qemu_log_mask(LOG_UNIMP, "Unsupported ioctl: cmd=0x%04lx\n", cmd);
    return -ENOTTY;
}

/* ---- fcntl ---- */

#define FLOCK_SIZE 32            /* struct flock on x86-64 */

int64_t sys_fcntl(CPUX86State *env, const uint64_t *a)
{
    int cmd = (int)a[1];
    void *p;

    switch (cmd) {
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        p = guest_ptr(a[2], FLOCK_SIZE, PAGE_READ |
                      (cmd == F_GETLK || cmd == F_OFD_GETLK ?
                       PAGE_WRITE : 0));
        break;
    case F_GETOWN_EX:
    case F_SETOWN_EX:
        p = guest_ptr(a[2], 8, cmd == F_GETOWN_EX ? PAGE_WRITE : PAGE_READ);
        break;
    case F_DUPFD: case F_GETFD: case F_SETFD: case F_GETFL: case F_SETFL:
    case F_SETOWN: case F_GETOWN: case F_SETSIG: case F_GETSIG:
    case F_SETLEASE: case F_GETLEASE: case F_NOTIFY: case F_DUPFD_CLOEXEC:
    case F_SETPIPE_SZ: case F_GETPIPE_SZ: case F_ADD_SEALS:
    case F_GET_SEALS:
        return safe_syscall(SYS_fcntl, (long)a[0], cmd, (long)a[2], 0, 0,
                            0);
    default:
        qemu_log_mask(LOG_UNIMP, "fcntl: command %d is not supported\n",
                      cmd);
        return -EINVAL;
    }
    if (!p) {
        return -EFAULT;
    }
    return safe_syscall(SYS_fcntl, (long)a[0], cmd, (long)p, 0, 0, 0);
}

/* ---- poll, select, epoll ---- */

int64_t sys_poll(CPUX86State *env, const uint64_t *a)
{
    void *fds = NULL;

    if (a[1] > 1024 * 1024) {
        return -EINVAL;
    }
    if (a[1] && !(fds = guest_ptr(a[0], a[1] * sizeof(struct pollfd),
                                  PAGE_READ | PAGE_WRITE))) {
        return -EFAULT;
    }
    return safe_syscall(SYS_poll, (long)fds, (long)a[1], (long)a[2], 0, 0,
                        0);
}

/* A guest sigset argument of a blocking call; host set out. */
static int temp_sigmask(uint64_t gset, uint64_t size, sigset_t *host,
                        long *hp)
{
    uint64_t m;

    *hp = 0;
    if (!gset) {
        return 0;
    }
    if (size != sizeof(uint64_t)) {
        return -EINVAL;
    }
    if (copy_from_guest(&m, gset, sizeof(m))) {
        return -EFAULT;
    }
    signal_temp_mask(m, host);
    *hp = (long)host;
    return 0;
}

/* The temporary mask stays if a signal came: delivery restores it. */
static int64_t end_temp_sigmask(int64_t r)
{
    if (r == -QEMU_ERESTARTSYS || r == -EINTR) {
        return -EINTR;
    }
    if (task->restore_sigmask && !task->signal_pending) {
        task->restore_sigmask = false;
        task->sigmask = task->saved_sigmask;
        signal_sync_host_mask();
    }
    return r;
}

int64_t sys_ppoll(CPUX86State *env, const uint64_t *a)
{
    void *fds = NULL, *ts = NULL;
    sigset_t host;
    long hs;
    int err;

    if (a[1] > 1024 * 1024) {
        return -EINVAL;
    }
    if (a[1] && !(fds = guest_ptr(a[0], a[1] * sizeof(struct pollfd),
                                  PAGE_READ | PAGE_WRITE))) {
        return -EFAULT;
    }
    if (a[2] && !(ts = guest_ptr(a[2], 16, PAGE_READ | PAGE_WRITE))) {
        return -EFAULT;
    }
    err = temp_sigmask(a[3], a[4], &host, &hs);
    if (err) {
        return err;
    }
    return end_temp_sigmask(safe_syscall(SYS_ppoll, (long)fds, (long)a[1],
                                         (long)ts, hs, hs ? 8 : 0, 0));
}

static int fdset_ptr(uint64_t g, int nfds, long *h)
{
    uint64_t bytes = ((uint64_t)nfds + 63) / 64 * 8;

    *h = 0;
    if (!g) {
        return 0;
    }
    *h = (long)guest_ptr(g, bytes, PAGE_READ | PAGE_WRITE);
    return *h ? 0 : -EFAULT;
}

static int select_args(const uint64_t *a, long *h, int tsize)
{
    int nfds = (int)a[0], i, err;

    if (nfds < 0 || nfds > 1024 * 1024) {
        return -EINVAL;
    }
    h[0] = nfds;
    for (i = 1; i <= 3; i++) {
        err = fdset_ptr(a[i], nfds, &h[i]);
        if (err) {
            return err;
        }
    }
    h[4] = 0;
    if (a[4] && !(h[4] = (long)guest_ptr(a[4], tsize,
                                         PAGE_READ | PAGE_WRITE))) {
        return -EFAULT;
    }
    return 0;
}

int64_t sys_select(CPUX86State *env, const uint64_t *a)
{
    long h[5];
    int err = select_args(a, h, 16);

    if (err) {
        return err;
    }
    return safe_syscall(SYS_select, h[0], h[1], h[2], h[3], h[4], 0);
}

int64_t sys_pselect6(CPUX86State *env, const uint64_t *a)
{
    uint64_t sig6[2] = { 0, 0 };
    long h[5], hs, host6[2];
    sigset_t host;
    int err = select_args(a, h, 16);

    if (err) {
        return err;
    }
    if (a[5] && copy_from_guest(sig6, a[5], sizeof(sig6))) {
        return -EFAULT;
    }
    err = temp_sigmask(sig6[0], sig6[1], &host, &hs);
    if (err) {
        return err;
    }
    host6[0] = hs;
    host6[1] = 8;
    return end_temp_sigmask(safe_syscall(SYS_pselect6, h[0], h[1], h[2],
                                         h[3], h[4],
                                         hs ? (long)host6 : 0));
}

static void *epoll_events(uint64_t g, int64_t maxevents)
{
    if (maxevents <= 0 || maxevents > INT_MAX / 12) {
        return g2h_untagged(g);     /* the kernel says EINVAL */
    }
    return guest_ptr(g, maxevents * 12, PAGE_WRITE);
}

int64_t sys_epoll_wait(CPUX86State *env, const uint64_t *a)
{
    void *ev = epoll_events(a[1], (int)a[2]);

    if (!ev) {
        return -EFAULT;
    }
    return safe_syscall(SYS_epoll_wait, (long)a[0], (long)ev, (long)a[2],
                        (long)a[3], 0, 0);
}

int64_t sys_epoll_pwait(CPUX86State *env, const uint64_t *a)
{
    void *ev = epoll_events(a[1], (int)a[2]);
    sigset_t host;
    long hs;
    int err;

    if (!ev) {
        return -EFAULT;
    }
    err = temp_sigmask(a[4], a[5], &host, &hs);
    if (err) {
        return err;
    }
    return end_temp_sigmask(safe_syscall(SYS_epoll_pwait, (long)a[0],
                                         (long)ev, (long)a[2], (long)a[3],
                                         hs, hs ? 8 : 0));
}

/* ---- futex ---- */

int64_t sys_futex(CPUX86State *env, const uint64_t *a)
{
    int op = (int)a[1], cmd = op & FUTEX_CMD_MASK;
    void *uaddr = guest_ptr(a[0], 4, PAGE_READ);
    long t = (long)a[3], u2 = 0;

    if (!uaddr) {
        return -EFAULT;
    }
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
    case FUTEX_LOCK_PI:
    case FUTEX_WAIT_REQUEUE_PI:
        if (a[3] && !(t = (long)guest_ptr(a[3], 16, PAGE_READ))) {
            return -EFAULT;
        }
        break;
    default:
        break;
    }
    if (cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE ||
        cmd == FUTEX_WAKE_OP || cmd == FUTEX_CMP_REQUEUE_PI ||
        cmd == FUTEX_WAIT_REQUEUE_PI) {
        u2 = (long)guest_ptr(a[4], 4, PAGE_READ | PAGE_WRITE);
        if (!u2) {
            return -EFAULT;
        }
    }
    return safe_syscall(SYS_futex, (long)uaddr, op, (long)a[2], t, u2,
                        (long)a[5]);
}

/* ---- sockets ---- */

/* addr/addrlen pairs: *addrlen is read, addr gets that many bytes. */
static int sockaddr_out(uint64_t gaddr, uint64_t glen, long *ha, long *hl)
{
    uint32_t *lenp;

    *ha = *hl = 0;
    if (!gaddr) {
        return 0;
    }
    lenp = guest_ptr(glen, 4, PAGE_READ | PAGE_WRITE);
    if (!lenp) {
        return -EFAULT;
    }
    if ((int32_t)*lenp < 0) {
        return -EINVAL;
    }
    *hl = (long)lenp;
    *ha = (long)guest_ptr(gaddr, *lenp, PAGE_WRITE);
    return *ha ? 0 : -EFAULT;
}

static int64_t sock_addr_call(int num, const uint64_t *a, long extra)
{
    long ha, hl;
    int err = sockaddr_out(a[1], a[2], &ha, &hl);

    if (err) {
        return err;
    }
    return safe_syscall(num, (long)a[0], ha, hl, extra, 0, 0);
}

int64_t sys_accept(CPUX86State *env, const uint64_t *a)
{
    return sock_addr_call(SYS_accept, a, 0);
}

int64_t sys_accept4(CPUX86State *env, const uint64_t *a)
{
    return sock_addr_call(SYS_accept4, a, (long)a[3]);
}

int64_t sys_getsockname(CPUX86State *env, const uint64_t *a)
{
    return sock_addr_call(SYS_getsockname, a, 0);
}

int64_t sys_getpeername(CPUX86State *env, const uint64_t *a)
{
    return sock_addr_call(SYS_getpeername, a, 0);
}

int64_t sys_recvfrom(CPUX86State *env, const uint64_t *a)
{
    void *buf = guest_ptr(a[1], a[2], PAGE_WRITE);
    long ha, hl;
    int err;

    if (!buf) {
        return -EFAULT;
    }
    err = sockaddr_out(a[4], a[5], &ha, &hl);
    if (err) {
        return err;
    }
    return safe_syscall(SYS_recvfrom, (long)a[0], (long)buf, (long)a[2],
                        (long)a[3], ha, hl);
}

int64_t sys_getsockopt(CPUX86State *env, const uint64_t *a)
{
    long ha, hl;
    int err = sockaddr_out(a[3], a[4], &ha, &hl);

    if (err) {
        return err;
    }
    return host_ret(syscall(SYS_getsockopt, (long)a[0], (long)a[1],
                            (long)a[2], ha, hl));
}

typedef struct GuestMsghdr {
    uint64_t name;
    uint32_t namelen;
    uint32_t pad1;
    uint64_t iov;
    uint64_t iovlen;
    uint64_t control;
    uint64_t controllen;
    int32_t flags;
    uint32_t pad2;
} GuestMsghdr;

static int64_t do_msg(int num, const uint64_t *a, bool receive)
{
    GuestMsghdr *gm = guest_ptr(a[1], sizeof(*gm), PAGE_READ |
                                (receive ? PAGE_WRITE : 0));
    int access = receive ? PAGE_WRITE : PAGE_READ;
    g_autofree struct iovec *v = NULL;
    struct msghdr m;
    int err = 0;
    long r;

    if (!gm) {
        return -EFAULT;
    }
    memset(&m, 0, sizeof(m));
    v = iov_from_guest(gm->iov, gm->iovlen, receive, &err);
    if (!v) {
        return err;
    }
    m.msg_iov = v;
    m.msg_iovlen = gm->iovlen;
    m.msg_namelen = gm->namelen;
    m.msg_controllen = gm->controllen;
    m.msg_flags = gm->flags;
    if (gm->name && !(m.msg_name = guest_ptr(gm->name, gm->namelen,
                                             access))) {
        return -EFAULT;
    }
    if (gm->control && !(m.msg_control = guest_ptr(gm->control,
                                                   gm->controllen,
                                                   access))) {
        return -EFAULT;
    }
    r = safe_syscall(num, (long)a[0], (long)&m, (long)a[2], 0, 0, 0);
    if (receive && r >= 0) {
        gm->namelen = m.msg_namelen;
        gm->controllen = m.msg_controllen;
        gm->flags = m.msg_flags;
    }
    return r;
}

int64_t sys_sendmsg(CPUX86State *env, const uint64_t *a)
{
    return do_msg(SYS_sendmsg, a, false);
}

int64_t sys_recvmsg(CPUX86State *env, const uint64_t *a)
{
    return do_msg(SYS_recvmsg, a, true);
}
