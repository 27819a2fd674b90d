/*
 * uaccess.c: checked access to guest memory from the syscall layer.
 *
 * Every guest pointer a syscall hands to the host kernel, or that we read
 * or write ourselves, is checked against the page flags first: an
 * unmapped or wrongly protected guest page gives EFAULT, as the kernel's
 * copy_from_user/copy_to_user do, and the emulator's own memory (which
 * the guest never owns) is never reached.  Pages that accel/tcg made
 * read-only because they hold translated code (PAGE_WRITE_ORG without
 * PAGE_WRITE) are unprotected before a write, which invalidates their
 * translations.
 */
#include "linux-user.h"

static bool guest_page_ok(uint64_t page, int want)
{
    int f = page_get_flags(page);

    if (!(f & PAGE_VALID) || ((want & PAGE_READ) && !(f & PAGE_READ))) {
        return false;
    }
    if ((want & PAGE_WRITE) && !(f & PAGE_WRITE)) {
        if (!(f & PAGE_WRITE_ORG)) {
            return false;
        }
        page_unprotect(page, 0);
    }
    return true;
}

void *guest_ptr(uint64_t addr, uint64_t len, int page_flags)
{
    uint64_t page, last;

    if (len == 0) {
        return g2h_untagged(addr);
    }
    if (addr > GUEST_ADDR_MAX || len - 1 > GUEST_ADDR_MAX - addr) {
        return NULL;
    }
    last = (addr + len - 1) & GUEST_PAGE_MASK;
    for (page = addr & GUEST_PAGE_MASK; ; page += GUEST_PAGE_SIZE) {
        if (!guest_page_ok(page, page_flags)) {
            return NULL;
        }
        if (page == last) {
            break;
        }
    }
    return g2h_untagged(addr);
}

const char *guest_str(uint64_t addr, size_t max, int *err)
{
    uint64_t a = addr;
    size_t len = 0;

    for (;;) {
        uint64_t page_end = (a & GUEST_PAGE_MASK) + GUEST_PAGE_SIZE;
        const char *p, *nul;

        if (a > GUEST_ADDR_MAX || !guest_page_ok(a & GUEST_PAGE_MASK,
                                                 PAGE_READ)) {
            *err = -EFAULT;
            return NULL;
        }
        p = g2h_untagged(a);
        nul = memchr(p, 0, page_end - a);
        if (nul) {
            len += nul - p;
            break;
        }
        len += page_end - a;
        a = page_end;
        if (len >= max) {
            break;
        }
    }
    if (len >= max) {
        *err = -ENAMETOOLONG;
        return NULL;
    }
    return g2h_untagged(addr);
}

int copy_to_guest(uint64_t addr, const void *src, size_t len)
{
    void *p = guest_ptr(addr, len, PAGE_WRITE);

    if (!p) {
        return -EFAULT;
    }
    memcpy(p, src, len);
    return 0;
}

int copy_from_guest(void *dst, uint64_t addr, size_t len)
{
    const void *p = guest_ptr(addr, len, PAGE_READ);

    if (!p) {
        return -EFAULT;
    }
    memcpy(dst, p, len);
    return 0;
}
