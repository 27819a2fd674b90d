/*
 * memory-dispatch.c: one access to one region, fitted to its callbacks.
 *
 * Implements memory_region_dispatch_read/write and the callback path the
 * address-space data path (physmem.c) uses for I/O regions:
 *  - MemoryRegionOps.valid says which guest accesses a region accepts
 *    (sizes, alignment, an accepts() hook).  A refused access is logged
 *    under LOG_GUEST_ERROR in QEMU's words ("Invalid read at addr 0x1F,
 *    size 2, region 'name', reason: unaligned"), reads all ones and
 *    returns MEMTX_ACCESS_ERROR.  QEMU returns MEMTX_DECODE_ERROR there;
 *    our header reserves a distinct code for it.
 *  - MemoryRegionOps.impl says what the callbacks implement.  A wider or
 *    misaligned access becomes several calls of the largest naturally
 *    aligned sizes, assembled little-endian.  A narrower one is widened to
 *    the aligned impl.min unit: reads extract the bytes, writes pass the
 *    value shifted into place with the other bytes zero.  QEMU instead
 *    calls the callback at the unaligned address with the wide size; we
 *    keep addresses aligned so a device's switch on the register offset
 *    sees an offset it knows.  Neither does read-modify-write.
 *  - DEVICE_BIG_ENDIAN ops see every piece byte-swapped; the guest is
 *    little-endian, so NATIVE and LITTLE are the same.
 *
 * Region-level dispatch resolves aliases and containers to the terminal
 * region under the address; an access straddling subregions is served by
 * whatever holds its first byte in full (address_space_* split properly).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "system/memory-internal.h"

uint64_t memory_ldn_le(const uint8_t *p, unsigned size)
{
    uint64_t v = 0;

    while (size--) {
        v = (v << 8) | p[size];
    }
    return v;
}

void memory_stn_le(uint8_t *p, unsigned size, uint64_t val)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        p[i] = val >> (8 * i);
    }
}

static uint64_t bswap_n(uint64_t v, unsigned size)
{
    uint8_t b[8];

    memory_stn_le(b, size, v);
    for (unsigned i = 0; i < size / 2; i++) {
        uint8_t t = b[i];
        b[i] = b[size - 1 - i];
        b[size - 1 - i] = t;
    }
    return memory_ldn_le(b, size);
}

/* Largest power of two not above n (n >= 1). */
static unsigned pow2_floor(uint64_t n)
{
    unsigned p = 1;

    while (p <= 4 && (uint64_t)p * 2 <= n) {
        p *= 2;
    }
    return p;
}

static unsigned ops_valid_min(const MemoryRegionOps *ops)
{
    return ops->valid.min_access_size ? ops->valid.min_access_size : 1;
}

static unsigned ops_valid_max(const MemoryRegionOps *ops)
{
    return ops->valid.max_access_size ? ops->valid.max_access_size : 4;
}

static bool memory_region_access_valid(MemoryRegion *mr, hwaddr addr,
                                       unsigned size, bool is_write,
                                       MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    const char *what = is_write ? "write" : "read";

    if (ops->valid.accepts &&
        !ops->valid.accepts(mr->opaque, addr, size, is_write, attrs)) {
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                      ", size %u, region '%s', reason: rejected\n",
                      what, addr, size, memory_region_name(mr));
        return false;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                      ", size %u, region '%s', reason: unaligned\n",
                      what, addr, size, memory_region_name(mr));
        return false;
    }
    /* As QEMU: a zero valid.max accepts any size (split by impl). */
    if (size < ops_valid_min(ops) ||
        (ops->valid.max_access_size && size > ops_valid_max(ops))) {
        qemu_log_mask(LOG_GUEST_ERROR, "Invalid %s at addr 0x%" PRIX64
                      ", size %u, region '%s', reason: invalid size "
                      "(min:%u max:%u)\n",
                      what, addr, size, memory_region_name(mr),
                      ops_valid_min(ops), ops_valid_max(ops));
        return false;
    }
    return true;
}

unsigned memory_access_size(const MemoryRegion *mr, hwaddr addr,
                            uint64_t len)
{
    unsigned max = mr->ops ? ops_valid_max(mr->ops) : 8;
    unsigned s = pow2_floor(MIN(len, (uint64_t)max));

    if (!mr->ops || !mr->ops->valid.unaligned) {
        while (s > 1 && (addr & (s - 1))) {
            s /= 2;
        }
    }
    return s;
}

/* One callback call of size bytes; bytes are in guest memory order. */
static void io_call(MemoryRegion *mr, hwaddr addr, uint8_t *bytes,
                    unsigned size, bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;
    bool swap = ops->endianness == DEVICE_BIG_ENDIAN;
    uint64_t v;

    if (is_write) {
        v = memory_ldn_le(bytes, size);
        if (ops->write) {
            ops->write(mr->opaque, addr, swap ? bswap_n(v, size) : v, size);
        }
    } else {
        v = ops->read ? ops->read(mr->opaque, addr, size) : UINT64_MAX;
        memory_stn_le(bytes, size, swap ? bswap_n(v, size) : v);
    }
}

/*
 * Up to unit - skip bytes at a through one call of the impl.min-sized
 * unit holding them.  Returns how many bytes it covered.
 */
static unsigned io_call_widened(MemoryRegion *mr, hwaddr a, uint8_t *bytes,
                                unsigned len, unsigned unit, bool is_write)
{
    hwaddr base = mr->ops->impl.unaligned ? a : a & ~(hwaddr)(unit - 1);
    unsigned skip = a - base;
    unsigned n = MIN(len, unit - skip);
    uint8_t wide[8] = { 0 };

    if (is_write) {
        memcpy(wide + skip, bytes, n);
        io_call(mr, base, wide, unit, true);
    } else {
        io_call(mr, base, wide, unit, false);
        memcpy(bytes, wide + skip, n);
    }
    return n;
}

/* Fit size bytes at addr to the callbacks' implemented sizes. */
static void io_access_adjusted(MemoryRegion *mr, hwaddr addr, uint8_t *bytes,
                               unsigned size, bool is_write)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned imin = ops->impl.min_access_size ? ops->impl.min_access_size : 1;
    unsigned imax = ops->impl.max_access_size ? ops->impl.max_access_size : 4;
    unsigned pos = 0;

    imin = pow2_floor(imin);
    imax = MAX(pow2_floor(imax), imin);
    while (pos < size) {
        hwaddr a = addr + pos;
        unsigned s = pow2_floor(MIN(size - pos, imax));

        if (!ops->impl.unaligned) {
            while (s > 1 && (a & (s - 1))) {
                s /= 2;
            }
        }
        if (s >= imin) {
            io_call(mr, a, bytes + pos, s, is_write);
            pos += s;
        } else {
            pos += io_call_widened(mr, a, bytes + pos, size - pos, imin,
                                   is_write);
        }
    }
}

MemTxResult memory_region_io_access(MemoryRegion *mr, hwaddr addr,
                                    uint8_t *buf, unsigned size,
                                    bool is_write, MemTxAttrs attrs)
{
    if (!mr->ops) {
        /* QEMU's unassigned_mem_ops: nothing answers. */
        if (!is_write) {
            memset(buf, 0xff, size);
        }
        return MEMTX_DECODE_ERROR;
    }
    if (!memory_region_access_valid(mr, addr, size, is_write, attrs)) {
        if (!is_write) {
            memset(buf, 0xff, size);
        }
        return MEMTX_ACCESS_ERROR;
    }
    io_access_adjusted(mr, addr, buf, size, is_write);
    return MEMTX_OK;
}

/*
 * The terminal region serving [addr, addr + size) of mr: through aliases
 * and enabled subregions (highest priority first), else mr itself if it
 * terminates.  *readonly collects read-only flags on the way.
 */
static MemoryRegion *memory_region_resolve(MemoryRegion *mr, Int128 addr,
                                           unsigned size, hwaddr *xlat,
                                           bool *readonly)
{
    GList *l;

    if (mr->kind == MR_ALIAS) {
        if (!mr->alias || !mr->alias->enabled) {
            return NULL;
        }
        *readonly |= mr->readonly;
        return memory_region_resolve(mr->alias, addr + mr->alias_offset,
                                     size, xlat, readonly);
    }
    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;
        MemoryRegion *found;
        bool ro = *readonly;

        if (!sub->enabled || addr < (Int128)sub->addr ||
            addr + size > (Int128)sub->addr + mr_size128(sub)) {
            continue;
        }
        found = memory_region_resolve(sub, addr - sub->addr, size, xlat, &ro);
        if (found) {
            *readonly = ro;
            return found;
        }
    }
    if (!mr->terminates || addr >= INT128_2_64) {
        return NULL;
    }
    *readonly |= mr->readonly;
    *xlat = (hwaddr)addr;
    return mr;
}

static MemTxResult memory_region_dispatch(MemoryRegion *mr, hwaddr addr,
                                          uint8_t *buf, unsigned size,
                                          bool is_write, MemTxAttrs attrs)
{
    bool readonly = false;
    hwaddr xlat;

    if (!size || size > 8 || (size & (size - 1))) {
        if (!is_write) {
            memset(buf, 0xff, MIN(size, 8u));
        }
        return MEMTX_ERROR;
    }
    mr = memory_region_resolve(mr, addr, size, &xlat, &readonly);
    if (!mr) {
        if (!is_write) {
            memset(buf, 0xff, size);
        }
        return MEMTX_DECODE_ERROR;
    }
    if (mr->kind == MR_IO ||
        (mr->kind == MR_ROM_DEVICE && (is_write || !mr->rom_device_romd))) {
        return memory_region_io_access(mr, xlat, buf, size, is_write, attrs);
    }
    if (is_write && readonly) {
        return MEMTX_OK;
    }
    if (!ram_block_rw(mr->ram_block, xlat, buf, size, is_write)) {
        if (!is_write) {
            memset(buf, 0xff, size);
        }
        return MEMTX_DECODE_ERROR;
    }
    return MEMTX_OK;
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs)
{
    uint8_t buf[8];
    MemTxResult r = memory_region_dispatch(mr, addr, buf, size, false, attrs);

    *pval = memory_ldn_le(buf, MIN(size, 8u));
    return r;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t data, unsigned size,
                                         MemTxAttrs attrs)
{
    uint8_t buf[8];

    memory_stn_le(buf, MIN(size, 8u), data);
    return memory_region_dispatch(mr, addr, buf, size, true, attrs);
}
