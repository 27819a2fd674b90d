/*
 * syscall-defs.h: the table that describes each guest syscall.
 *
 * Guest and host are both x86-64 Linux, so syscall numbers, argument
 * order and structure layouts are the same: most syscalls pass straight
 * through once every pointer argument is checked and moved from guest
 * to host address (g2h).  Each entry's args string says how, one token
 * per argument:
 *
 *   i  integer, printed signed       x  integer, printed in hex
 *   f  file descriptor               o  mode, printed in octal
 *   O  open(2) flags, symbolic       M  mmap/mprotect PROT_*, symbolic
 *   p  path (NUL-terminated; -L prefix applies)
 *   P  path or NULL                  s  other string
 *   bN / BN   buffer read / written by the kernel, its length is
 *             argument N (1-based)
 *   <T / >T / =T  a structure of kind T read / written / both (NULL
 *             passes as NULL); the kinds are in syscall.c (struct_size)
 *   a  pointer the kernel does not dereference (passed as a guest
 *      address)
 *
 * Entries with a handler do their own marshalling (syscall-*.c).
 */
#ifndef LINUX_USER_SYSCALL_DEFS_H
#define LINUX_USER_SYSCALL_DEFS_H

#include "linux-user.h"

/* SyscallDef.flags */
#define SC_SAFE    0x1           /* may block: goes through safe_syscall */
#define SC_RETADDR 0x2           /* returns an address (strace in hex) */
#define SC_NORET   0x4           /* does not return (strace) */

typedef struct SyscallDef {
    const char *name;
    const char *args;
    int flags;
    SyscallFn *handler;
} SyscallDef;

/* The definition of syscall num, or NULL if it is not emulated. */
const SyscallDef *syscall_def(int num);
/* Byte size of structure kind T in an args string, 0 if unknown. */
size_t syscall_struct_size(char kind);

/* Length of one token of an args string starting at p. */
static inline int syscall_token_len(const char *p)
{
    return (p[0] == 'b' || p[0] == 'B' || p[0] == '<' || p[0] == '>' ||
            p[0] == '=') ? 2 : 1;
}

/* syscall-mem.c */
SyscallFn sys_brk, sys_mmap, sys_munmap, sys_mprotect, sys_mremap;
SyscallFn sys_madvise, sys_range_check;

/* syscall-proc.c: processes, identity, limits */
SyscallFn sys_exit, sys_exit_group, sys_arch_prctl, sys_set_tid_address;
SyscallFn sys_clone, sys_fork, sys_vfork, sys_execve, sys_execveat;
SyscallFn sys_uname, sys_prlimit64, sys_setrlimit, sys_getgroups;
SyscallFn sys_setgroups, sys_prctl, sys_enosys;

/* syscall-sig.c: signals */
SyscallFn sys_rt_sigaction, sys_rt_sigprocmask, sys_rt_sigreturn;
SyscallFn sys_rt_sigsuspend, sys_rt_sigpending, sys_sigaltstack;
SyscallFn sys_rt_sigtimedwait, sys_pause;

/* syscall-io.c: files and I/O with nested pointers */
SyscallFn sys_open, sys_openat, sys_readlink, sys_readlinkat;
SyscallFn sys_readv, sys_writev, sys_preadv, sys_pwritev;
SyscallFn sys_ioctl, sys_fcntl, sys_poll, sys_ppoll, sys_select;
SyscallFn sys_pselect6, sys_epoll_wait, sys_epoll_pwait, sys_futex;
SyscallFn sys_sendmsg, sys_recvmsg, sys_accept, sys_accept4;
SyscallFn sys_getsockname, sys_getpeername, sys_recvfrom;
SyscallFn sys_getsockopt;

/* Helpers shared by the syscall files (syscall.c). */

/* -errno from a host call that returned -1 with errno. */
static inline int64_t host_ret(long r)
{
    return r == -1 ? -errno : r;
}
/* A checked host path for guest path at addr (NULL: *err is -errno). */
const char *guest_path(uint64_t addr, int *err);

#endif
