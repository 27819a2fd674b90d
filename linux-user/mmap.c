/*
 * mmap.c: the guest address space: mmap, munmap, mprotect, mremap, brk.
 *
 * Guest address a lives at host address guest_base + a (0 by default:
 * see docs/devel/linux-user.md), so every guest mapping is a host
 * mapping of the same size; host and guest pages are both 4 KiB.  The
 * emulator shares the host address space with its guest, so:
 *  - mappings without MAP_FIXED go wherever the host kernel puts them,
 *    which can never overlap the emulator's own memory;
 *  - MAP_FIXED (and brk, mremap with MREMAP_FIXED) first checks, with
 *    MAP_FIXED_NOREPLACE, that the part of the range the guest does not
 *    own is free on the host, and fails with ENOMEM otherwise;
 *  - munmap/mprotect touch only pages the guest owns.
 * accel/tcg's page flags (page_set_flags) record what the guest mapped;
 * unmapping or re-mapping code invalidates its translations.
 *
 * Semantics follow mmap(2), mprotect(2), mremap(2), brk(2).  Missing:
 * MAP_32BIT with a non-zero guest_base, guest hugepages, mlock limits.
 */
#include "linux-user.h"
#include <sys/mman.h>
#include "qemu/log.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

/* Where the fallback search starts when the host placed a map outside. */
#define MMAP_SEARCH_BASE  UINT64_C(0x4000000000)

static uint64_t brk_start;       /* initial break (page aligned) */
static uint64_t brk_cur;         /* what brk() last returned */
static uint64_t brk_mapped;      /* end of the pages mapped for the heap */

int mmap_prot_to_page(int prot)
{
    return (prot & PROT_READ ? PAGE_READ : 0) |
           (prot & PROT_WRITE ? PAGE_WRITE : 0) |
           (prot & PROT_EXEC ? PAGE_EXEC : 0);
}

/* The host protection for a guest one: code must be readable to us. */
static int host_prot(int prot)
{
    prot &= PROT_READ | PROT_WRITE | PROT_EXEC;
    return prot | (prot & PROT_EXEC ? PROT_READ : 0);
}

static bool guest_range_valid(uint64_t start, uint64_t len)
{
    return len && start <= GUEST_ADDR_MAX &&
           len - 1 <= GUEST_ADDR_MAX - start;
}

/* Is host pointer p, with len bytes, inside the guest's window? */
static bool host_in_window(void *p, uint64_t len)
{
    uintptr_t h = (uintptr_t)p;

    return h >= guest_base && guest_range_valid(h - guest_base, len);
}

/* Is every page of [start, start+len) free of guest mappings? */
static bool guest_range_free(uint64_t start, uint64_t len)
{
    return page_find_range_empty(start, start + len - 1, len,
                                 GUEST_PAGE_SIZE) == start;
}

/* Probe that host [g2h(start), +len) is unmapped; leaves it unmapped. */
static bool host_range_free(uint64_t start, uint64_t len)
{
    void *want = g2h_untagged(start);
    void *p = mmap(want, len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                   MAP_FIXED_NOREPLACE, -1, 0);

    if (p == MAP_FAILED) {
        return false;
    }
    munmap(p, len);
    return p == want;
}

bool mmap_range_usable(uint64_t start, uint64_t len)
{
    uint64_t a, end = start + len, run = 0;
    bool in_run = false;

    if (guest_range_free(start, len)) {
        return host_range_free(start, len);
    }
    /* Mixed: check each run of pages the guest does not own. */
    for (a = start; a < end; a += GUEST_PAGE_SIZE) {
        bool owned = page_get_flags(a) & PAGE_VALID;

        if (!owned && !in_run) {
            run = a;
            in_run = true;
        } else if (owned && in_run) {
            if (!host_range_free(run, a - run)) {
                return false;
            }
            in_run = false;
        }
    }
    return !in_run || host_range_free(run, end - run);
}

static void mmap_set_flags(uint64_t start, uint64_t len, int prot, int flags)
{
    page_set_flags(start, start + len - 1,
                   mmap_prot_to_page(prot) | PAGE_VALID | PAGE_RESET |
                   (flags & MAP_ANONYMOUS ? PAGE_ANON : 0));
}

static void mmap_clear_flags(uint64_t start, uint64_t len)
{
    page_set_flags(start, start + len - 1, PAGE_RESET);
    tb_invalidate_phys_range(start, start + len);
}

/*
 * The host put a mapping outside the guest window (only possible with a
 * non-zero guest_base): find room inside it instead.
 */
static void *mmap_search(uint64_t len, int prot, int flags, int fd,
                         int64_t offset)
{
    uint64_t from = MMAP_SEARCH_BASE;
    int tries;

    for (tries = 0; tries < 64; tries++) {
        uint64_t g = page_find_range_empty(from, GUEST_ADDR_MAX, len,
                                           GUEST_PAGE_SIZE);
        void *p;

        if (g == (uint64_t)-1) {
            break;
        }
        p = mmap(g2h_untagged(g), len, prot, flags | MAP_FIXED_NOREPLACE,
                 fd, offset);
        if (p == g2h_untagged(g)) {
            return p;
        }
        if (p != MAP_FAILED) {
            munmap(p, len);
        } else if (errno != EEXIST) {
            return MAP_FAILED;
        }
        from = g + len;
    }
    errno = ENOMEM;
    return MAP_FAILED;
}

/* Map anywhere in the guest window, near hint if the host agrees. */
static void *mmap_anywhere(uint64_t hint, uint64_t len, int prot, int flags,
                           int fd, int64_t offset)
{
    void *want = hint && guest_range_valid(hint, len) ?
                 g2h_untagged(hint) : NULL;
    void *p = mmap(want, len, prot, flags, fd, offset);

    if (p == MAP_FAILED || host_in_window(p, len)) {
        return p;
    }
    munmap(p, len);
    return mmap_search(len, prot, flags, fd, offset);
}

static int64_t mmap_fixed(uint64_t start, uint64_t len, int prot, int flags,
                          int fd, int64_t offset)
{
    void *p;

    if (start & ~GUEST_PAGE_MASK) {
        return -EINVAL;
    }
    if (!guest_range_valid(start, len)) {
        return -ENOMEM;
    }
    if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED) &&
        !guest_range_free(start, len)) {
        return -EEXIST;
    }
    if (!mmap_range_usable(start, len)) {
        qemu_log_mask(LOG_GUEST_ERROR, "mmap: 0x%" PRIx64 "+0x%" PRIx64
                      " overlaps the emulator's own memory\n", start, len);
        return -ENOMEM;
    }
    flags = (flags & ~MAP_FIXED_NOREPLACE) | MAP_FIXED;
    p = mmap(g2h_untagged(start), len, host_prot(prot), flags, fd, offset);
    if (p == MAP_FAILED) {
        return -errno;
    }
    return start;
}

int64_t target_mmap(uint64_t start, uint64_t len, int prot, int flags,
                    int fd, int64_t offset)
{
    int64_t ret;
    void *p;

    if (len == 0 || (offset & ~GUEST_PAGE_MASK) ||
        (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN |
                  PROT_GROWSUP))) {
        return -EINVAL;
    }
    if (len > GUEST_ADDR_MAX) {
        return -ENOMEM;
    }
    len = GUEST_PAGE_ALIGN(len);
    if (flags & MAP_ANONYMOUS) {
        fd = -1;
        offset = 0;
    }
    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        ret = mmap_fixed(start, len, prot, flags, fd, offset);
        if (ret < 0) {
            return ret;
        }
        tb_invalidate_phys_range(start, start + len);
    } else {
        p = mmap_anywhere(start, len, host_prot(prot), flags, fd, offset);
        if (p == MAP_FAILED) {
            return -errno;
        }
        ret = h2g(p);
    }
    mmap_set_flags(ret, len, prot, flags);
    return ret;
}

int target_munmap(uint64_t start, uint64_t len)
{
    uint64_t a, end, run = 0;
    bool in_run = false;

    if ((start & ~GUEST_PAGE_MASK) || len == 0 || len > GUEST_ADDR_MAX) {
        return -EINVAL;
    }
    len = GUEST_PAGE_ALIGN(len);
    if (!guest_range_valid(start, len)) {
        return -EINVAL;
    }
    end = start + len;
    /* Unmap each run of guest pages; leave the host's alone. */
    for (a = start; a <= end; a += GUEST_PAGE_SIZE) {
        bool owned = a < end && (page_get_flags(a) & PAGE_VALID);

        if (owned && !in_run) {
            run = a;
            in_run = true;
        } else if (!owned && in_run) {
            munmap(g2h_untagged(run), a - run);
            mmap_clear_flags(run, a - run);
            in_run = false;
        }
    }
    if (brk_mapped > start && brk_mapped <= end) {
        brk_mapped = MAX(start, brk_start);
        brk_cur = MIN(brk_cur, brk_mapped);
    }
    return 0;
}

int target_mprotect(uint64_t start, uint64_t len, int prot)
{
    uint64_t a, end;
    bool had_code = false;

    if ((start & ~GUEST_PAGE_MASK) ||
        (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN |
                  PROT_GROWSUP))) {
        return -EINVAL;
    }
    if (len == 0) {
        return 0;
    }
    len = GUEST_PAGE_ALIGN(len);
    if (len == 0 || !guest_range_valid(start, len)) {
        return -ENOMEM;
    }
    end = start + len;
    for (a = start; a < end; a += GUEST_PAGE_SIZE) {
        int f = page_get_flags(a);

        if (!(f & PAGE_VALID)) {
            return -ENOMEM;
        }
        had_code |= (f & PAGE_EXEC) != 0;
    }
    if (mprotect(g2h_untagged(start), len, host_prot(prot)) < 0) {
        return -errno;
    }
    /* Writable or no longer executable: its translations are stale. */
    if (had_code) {
        tb_invalidate_phys_range(start, end);
    }
    page_set_flags(start, end - 1, mmap_prot_to_page(prot) | PAGE_VALID);
    return 0;
}

static bool guest_range_owned(uint64_t start, uint64_t len)
{
    uint64_t a;

    for (a = start; a < start + len; a += GUEST_PAGE_SIZE) {
        if (!(page_get_flags(a) & PAGE_VALID)) {
            return false;
        }
    }
    return true;
}

static int64_t mremap_checks(uint64_t old_addr, uint64_t old_size,
                             uint64_t new_size, int flags,
                             uint64_t new_addr)
{
    if ((old_addr & ~GUEST_PAGE_MASK) ||
        (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) ||
        ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)) ||
        new_size == 0 || new_size > GUEST_ADDR_MAX ||
        old_size > GUEST_ADDR_MAX) {
        return -EINVAL;
    }
    if (old_size && (!guest_range_valid(old_addr, old_size) ||
                     !guest_range_owned(old_addr, old_size))) {
        return -EFAULT;
    }
    if (flags & MREMAP_FIXED) {
        if (new_addr & ~GUEST_PAGE_MASK) {
            return -EINVAL;
        }
        if (!guest_range_valid(new_addr, GUEST_PAGE_ALIGN(new_size)) ||
            !mmap_range_usable(new_addr, GUEST_PAGE_ALIGN(new_size))) {
            return -ENOMEM;
        }
    }
    return 0;
}

int64_t target_mremap(uint64_t old_addr, uint64_t old_size,
                      uint64_t new_size, int flags, uint64_t new_addr)
{
    int64_t ret = mremap_checks(old_addr, old_size, new_size, flags,
                                new_addr);
    int page;
    void *p;

    if (ret < 0) {
        return ret;
    }
    old_size = GUEST_PAGE_ALIGN(old_size);
    new_size = GUEST_PAGE_ALIGN(new_size);
    page = page_get_flags(old_addr) & (PAGE_BITS | PAGE_ANON);
    p = mremap(g2h_untagged(old_addr), old_size, new_size, flags,
               g2h_untagged(new_addr));
    if (p == MAP_FAILED) {
        return -errno;
    }
    if (!host_in_window(p, new_size)) {
        /* Only with a non-zero guest_base: put it back and refuse. */
        mremap(p, new_size, old_size, MREMAP_MAYMOVE | MREMAP_FIXED,
               g2h_untagged(old_addr));
        return -ENOMEM;
    }
    ret = h2g(p);
    if (ret != (int64_t)old_addr && !(flags & MREMAP_DONTUNMAP)) {
        mmap_clear_flags(old_addr, old_size);
    } else if (ret == (int64_t)old_addr && new_size < old_size) {
        mmap_clear_flags(old_addr + new_size, old_size - new_size);
    }
    tb_invalidate_phys_range(ret, ret + new_size);
    page_set_flags(ret, ret + new_size - 1, page | PAGE_VALID | PAGE_RESET);
    return ret;
}

void target_set_brk(uint64_t brk)
{
    brk_start = brk_cur = brk_mapped = GUEST_PAGE_ALIGN(brk);
}

uint64_t target_brk(uint64_t new_brk)
{
    uint64_t new_end = GUEST_PAGE_ALIGN(new_brk);
    void *p;

    if (new_brk < brk_start || new_brk > GUEST_ADDR_MAX) {
        return brk_cur;
    }
    if (new_end < brk_mapped) {
        munmap(g2h_untagged(new_end), brk_mapped - new_end);
        mmap_clear_flags(new_end, brk_mapped - new_end);
        brk_mapped = new_end;
    } else if (new_end > brk_mapped) {
        uint64_t len = new_end - brk_mapped;

        if (!guest_range_free(brk_mapped, len)) {
            return brk_cur;
        }
        p = mmap(g2h_untagged(brk_mapped), len, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (p != g2h_untagged(brk_mapped)) {
            if (p != MAP_FAILED) {
                munmap(p, len);
            }
            return brk_cur;
        }
        mmap_set_flags(brk_mapped, len, PROT_READ | PROT_WRITE,
                       MAP_ANONYMOUS);
        brk_mapped = new_end;
    }
    brk_cur = new_brk;
    return brk_cur;
}

int64_t mmap_reserve(uint64_t start, uint64_t len, int prot, bool fixed)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
    void *p;

    len = GUEST_PAGE_ALIGN(len);
    if (!len || (fixed && !guest_range_valid(start, len))) {
        return -ENOMEM;
    }
    if (fixed) {
        if (!guest_range_free(start, len)) {
            return -EEXIST;
        }
        p = mmap(g2h_untagged(start), len, host_prot(prot),
                 flags | MAP_FIXED_NOREPLACE, -1, 0);
        if (p != MAP_FAILED && p != g2h_untagged(start)) {
            munmap(p, len);
            errno = EEXIST;
            p = MAP_FAILED;
        }
    } else {
        p = mmap_anywhere(start, len, host_prot(prot), flags, -1, 0);
    }
    if (p == MAP_FAILED) {
        return -errno;
    }
    mmap_set_flags(h2g(p), len, prot, flags);
    return h2g(p);
}
