/*
 * syscall-mem.c: the memory syscalls: brk, mmap, munmap, mprotect,
 * mremap, madvise, and the range checks of msync/mlock/munlock.
 *
 * The work is in mmap.c; these only unpack the arguments.  madvise with
 * MADV_DONTNEED and friends drops page contents, so translations of code
 * in the range are invalidated too.
 */
#include "syscall-defs.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int64_t sys_brk(CPUX86State *env, const uint64_t *a)
{
    return target_brk(a[0]);
}

int64_t sys_mmap(CPUX86State *env, const uint64_t *a)
{
    return target_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4],
                       (int64_t)a[5]);
}

int64_t sys_munmap(CPUX86State *env, const uint64_t *a)
{
    return target_munmap(a[0], a[1]);
}

int64_t sys_mprotect(CPUX86State *env, const uint64_t *a)
{
    return target_mprotect(a[0], a[1], (int)a[2]);
}

int64_t sys_mremap(CPUX86State *env, const uint64_t *a)
{
    return target_mremap(a[0], a[1], a[2], (int)a[3], a[4]);
}

/* The range [a0, a0+a1) must be guest memory: ENOMEM otherwise. */
static int range_owned(uint64_t start, uint64_t len)
{
    if (start & ~GUEST_PAGE_MASK) {
        return -EINVAL;
    }
    if (len == 0) {
        return 0;
    }
    return guest_ptr(start, GUEST_PAGE_ALIGN(len), 0) ? 0 : -ENOMEM;
}

int64_t sys_madvise(CPUX86State *env, const uint64_t *a)
{
    int err = range_owned(a[0], a[1]);
    int advice = (int)a[2];

    if (err) {
        return err;
    }
    if (a[1] && (advice == MADV_DONTNEED || advice == MADV_FREE ||
                 advice == MADV_REMOVE)) {
        tb_invalidate_phys_range(a[0], a[0] + GUEST_PAGE_ALIGN(a[1]));
    }
    return host_ret(madvise(g2h_untagged(a[0]), a[1], advice));
}

/* msync, mlock, munlock: check the range, then the host call. */
int64_t sys_range_check(CPUX86State *env, const uint64_t *a)
{
    int num = (int)env->regs[R_EAX];
    int err = range_owned(a[0] & GUEST_PAGE_MASK,
                          a[1] + (a[0] & ~GUEST_PAGE_MASK));

    if (err && num == __NR_msync) {
        return err;
    }
    if (err) {
        return -ENOMEM;
    }
    return host_ret(syscall(num, (long)g2h_untagged(a[0]), a[1], a[2]));
}
