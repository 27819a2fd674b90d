/*
 * physmem.c: guest RAM blocks, their dirty bitmaps, and the data path of
 * address spaces (address_space_rw/read/write/write_rom/ld/st/map/unmap).
 *
 * RAM blocks are anonymous private mappings (page aligned, zero filled,
 * reserved lazily by the host kernel) or caller memory for
 * memory_region_init_ram_ptr.  Each block keeps one bitmap per dirty
 * client (VGA, TCG code, migration) with one bit per 4 KiB target page;
 * a fresh block starts all dirty, as in QEMU, and every write through this
 * file or address_space_unmap() dirties the pages for every client.  Bits
 * are set and cleared atomically so a future vCPU thread may dirty pages
 * while the display thread clears them.
 *
 * The data path walks the FlatView (binary search, see memory.c): RAM is
 * copied directly, ROM (and RAM seen through a read-only mapping) drops
 * guest writes and reports MEMTX_OK, I/O goes to the callbacks in the
 * largest aligned power-of-two chunks the region accepts, and a hole reads
 * as 0xff bytes, drops writes and reports MEMTX_DECODE_ERROR.  Bytes whose
 * address would pass 2^64 are a hole too: no access ever wraps to 0, and
 * nothing outside a RAM block's used length is ever touched.
 *
 * Missing: RAM resizing (used_length < max_length), file-backed and
 * shared memory (-mem-path, memory-backend-*), bounce buffers in
 * address_space_map for I/O, idstr prefixes from the owner's bus path.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "qapi/error.h"
#include "system/memory-internal.h"

#define BITS_PER_LONG (sizeof(unsigned long) * CHAR_BIT)

typedef enum AccessKind {
    ACCESS_READ,
    ACCESS_WRITE,
    ACCESS_WRITE_ROM,   /* firmware loading: writes ROM, skips devices */
} AccessKind;

typedef enum BitmapOp {
    BITMAP_SET,
    BITMAP_TEST,
    BITMAP_CLEAR,
} BitmapOp;

/* Every RAM block (RAMBlock *), in creation order. */
static GList *ram_blocks;

static MemoryRegion system_memory;
static MemoryRegion system_io;
static bool memory_map_ready;
AddressSpace address_space_memory;
AddressSpace address_space_io;

/* Dirty bitmaps */

/* Pages [*first, *last] of rb under [start, start + len); false if none. */
static bool dirty_page_span(const RAMBlock *rb, uint64_t start,
                            uint64_t len, uint64_t *first, uint64_t *last)
{
    uint64_t end;

    if (!len || start >= rb->max_length) {
        return false;
    }
    end = len > rb->max_length - start ? rb->max_length - 1 : start + len - 1;
    *first = start >> TARGET_PAGE_BITS;
    *last = end >> TARGET_PAGE_BITS;
    return true;
}

/* Apply op to bits [first, last]; true if any of them was set before. */
static bool bitmap_range_op(unsigned long *map, uint64_t first,
                            uint64_t last, BitmapOp op)
{
    bool any = false;
    uint64_t bit = first;

    while (bit <= last) {
        uint64_t word = bit / BITS_PER_LONG;
        unsigned lo = bit % BITS_PER_LONG;
        unsigned hi = MIN(BITS_PER_LONG - 1, lo + (last - bit));
        unsigned long mask = (~0UL >> (BITS_PER_LONG - 1 - hi)) & (~0UL << lo);
        unsigned long old;

        if (op == BITMAP_SET) {
            old = __atomic_fetch_or(&map[word], mask, __ATOMIC_RELAXED);
        } else if (op == BITMAP_CLEAR) {
            old = __atomic_fetch_and(&map[word], ~mask, __ATOMIC_RELAXED);
        } else {
            old = __atomic_load_n(&map[word], __ATOMIC_RELAXED);
        }
        any |= (old & mask) != 0;
        if (op == BITMAP_TEST && any) {
            return true;
        }
        bit += hi - lo + 1;
    }
    return any;
}

void ram_block_set_dirty(RAMBlock *rb, uint64_t start, uint64_t len)
{
    uint64_t first, last;
    unsigned c;

    if (!dirty_page_span(rb, start, len, &first, &last)) {
        return;
    }
    for (c = 0; c < DIRTY_MEMORY_NUM; c++) {
        bitmap_range_op(rb->dirty[c], first, last, BITMAP_SET);
    }
}

/* The RAM block behind mr (through aliases), *addr made block-relative. */
static RAMBlock *memory_region_ram_block(MemoryRegion *mr, hwaddr *addr)
{
    while (mr->kind == MR_ALIAS && mr->alias) {
        *addr += mr->alias_offset;
        mr = mr->alias;
    }
    return mr->ram_block;
}

static bool memory_region_dirty_op(MemoryRegion *mr, hwaddr addr,
                                   hwaddr size, unsigned client, BitmapOp op)
{
    RAMBlock *rb = memory_region_ram_block(mr, &addr);
    uint64_t first, last;

    if (!rb || client >= DIRTY_MEMORY_NUM ||
        !dirty_page_span(rb, addr, size, &first, &last)) {
        return false;
    }
    return bitmap_range_op(rb->dirty[client], first, last, op);
}

void memory_region_set_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size)
{
    RAMBlock *rb = memory_region_ram_block(mr, &addr);

    if (rb) {
        ram_block_set_dirty(rb, addr, size);
    }
}

bool memory_region_get_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size,
                             unsigned client)
{
    return memory_region_dirty_op(mr, addr, size, client, BITMAP_TEST);
}

void memory_region_reset_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size,
                               unsigned client)
{
    memory_region_dirty_op(mr, addr, size, client, BITMAP_CLEAR);
}

bool memory_region_test_and_clear_dirty(MemoryRegion *mr, hwaddr addr,
                                        hwaddr size, unsigned client)
{
    return memory_region_dirty_op(mr, addr, size, client, BITMAP_CLEAR);
}

/* RAM blocks */

RAMBlock *qemu_ram_alloc(MemoryRegion *mr, uint64_t size, void *host,
                         Error **errp)
{
    const char *name = memory_region_name(mr);
    uint64_t max_length, longs;
    RAMBlock *rb;
    unsigned c;

    if (size > UINT64_MAX - TARGET_PAGE_SIZE) {
        error_setg(errp, "cannot set up guest memory '%s': %s", name,
                   g_strerror(ENOMEM));
        return NULL;
    }
    max_length = QEMU_ALIGN_UP(size, TARGET_PAGE_SIZE);
    rb = g_new0(RAMBlock, 1);
    rb->mr = mr;
    rb->used_length = size;
    rb->max_length = max_length;
    g_strlcpy(rb->idstr, name, sizeof(rb->idstr));

    longs = ((max_length >> TARGET_PAGE_BITS) + BITS_PER_LONG - 1) /
            BITS_PER_LONG;
    for (c = 0; c < DIRTY_MEMORY_NUM && longs; c++) {
        rb->dirty[c] = g_try_new0(unsigned long, longs);
        if (!rb->dirty[c]) {
            goto fail_nomem;
        }
    }
    if (host) {
        rb->host = host;
        rb->host_is_external = true;
    } else if (max_length) {
        void *p = mmap(NULL, max_length, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) {
            goto fail_nomem;
        }
        rb->host = p;
    }
    ram_block_set_dirty(rb, 0, max_length);
    ram_blocks = g_list_append(ram_blocks, rb);
    return rb;

fail_nomem:
    error_setg_errno(errp, ENOMEM, "cannot set up guest memory '%s'", name);
    for (c = 0; c < DIRTY_MEMORY_NUM; c++) {
        g_free(rb->dirty[c]);
    }
    g_free(rb);
    return NULL;
}

void qemu_ram_free(RAMBlock *rb)
{
    unsigned c;

    ram_blocks = g_list_remove(ram_blocks, rb);
    if (rb->host && !rb->host_is_external) {
        munmap(rb->host, rb->max_length);
    }
    for (c = 0; c < DIRTY_MEMORY_NUM; c++) {
        g_free(rb->dirty[c]);
    }
    g_free(rb);
}

bool ram_block_rw(RAMBlock *rb, uint64_t offset, uint8_t *buf, uint64_t len,
                  bool is_write)
{
    if (!rb || !rb->host || offset > rb->used_length ||
        len > rb->used_length - offset) {
        return false;
    }
    if (is_write) {
        memcpy(rb->host + offset, buf, len);
        ram_block_set_dirty(rb, offset, len);
    } else {
        memcpy(buf, rb->host + offset, len);
    }
    return true;
}

RAMBlock *qemu_ram_block_by_name(const char *name)
{
    GList *l;

    for (l = ram_blocks; l; l = l->next) {
        RAMBlock *rb = l->data;
        if (!strcmp(rb->idstr, name)) {
            return rb;
        }
    }
    return NULL;
}

int qemu_ram_foreach_block(int (*fn)(RAMBlock *rb, void *opaque),
                           void *opaque)
{
    GList *l;

    for (l = ram_blocks; l; l = l->next) {
        int ret = fn(l->data, opaque);
        if (ret) {
            return ret;
        }
    }
    return 0;
}

/* The data path */

static MemTxResult access_hole(uint8_t *buf, uint64_t len, AccessKind kind)
{
    if (kind == ACCESS_READ) {
        memset(buf, 0xff, len);
    }
    /* write_rom skips what it cannot write, as QEMU's does. */
    return kind == ACCESS_WRITE_ROM ? MEMTX_OK : MEMTX_DECODE_ERROR;
}

/* Whether the range is served from host memory for this kind of access. */
static bool range_is_direct(const FlatRange *fr, AccessKind kind)
{
    switch (fr->mr->kind) {
    case MR_RAM:
    case MR_ROM:
        return true;
    case MR_ROM_DEVICE:
        return kind == ACCESS_WRITE_ROM ||
               (kind == ACCESS_READ && fr->romd_mode);
    default:
        return false;
    }
}

static MemTxResult access_ram(const FlatRange *fr, uint64_t off,
                              uint8_t *buf, uint64_t len, AccessKind kind)
{
    RAMBlock *rb = fr->mr->ram_block;
    uint64_t avail;

    if (kind == ACCESS_WRITE && fr->readonly) {
        return MEMTX_OK;        /* ROM: the guest's write just vanishes */
    }
    if (ram_block_rw(rb, off, buf, len, kind != ACCESS_READ)) {
        return MEMTX_OK;
    }
    /* A region grown past its block: what lies beyond is a hole. */
    avail = rb && rb->host && off < rb->used_length ?
            rb->used_length - off : 0;
    avail = MIN(avail, len);
    ram_block_rw(rb, off, buf, avail, kind != ACCESS_READ);
    return access_hole(buf + avail, len - avail, kind);
}

static MemTxResult access_io(const FlatRange *fr, uint64_t off, uint8_t *buf,
                             uint64_t len, AccessKind kind, MemTxAttrs attrs)
{
    MemTxResult r = MEMTX_OK;

    if (kind == ACCESS_WRITE_ROM) {
        return MEMTX_OK;
    }
    while (len) {
        unsigned s = memory_access_size(fr->mr, off, len);

        r |= memory_region_io_access(fr->mr, off, buf, s,
                                     kind == ACCESS_WRITE, attrs);
        off += s;
        buf += s;
        len -= s;
    }
    return r;
}

static MemTxResult flatview_access(FlatView *view, hwaddr addr, uint8_t *buf,
                                   uint64_t len, AccessKind kind,
                                   MemTxAttrs attrs)
{
    MemTxResult r = MEMTX_OK;
    Int128 cur = addr;

    while (len) {
        const FlatRange *fr;
        uint64_t l;

        if (cur >= INT128_2_64) {
            /* Past the top of the space: never wrap around to 0. */
            r |= access_hole(buf, len, kind);
            break;
        }
        fr = flatview_lookup(view, (hwaddr)cur);
        if (!fr) {
            l = MIN((Int128)len, flatview_next_start(view, cur) - cur);
            r |= access_hole(buf, l, kind);
        } else {
            uint64_t off = fr->offset_in_region + (hwaddr)(cur - fr->addr);

            l = MIN((Int128)len, fr_end128(fr) - cur);
            if (range_is_direct(fr, kind)) {
                r |= access_ram(fr, off, buf, l, kind);
            } else {
                r |= access_io(fr, off, buf, l, kind, attrs);
            }
        }
        buf += l;
        len -= l;
        cur += l;
    }
    return r;
}

static MemTxResult address_space_access(AddressSpace *as, hwaddr addr,
                                        uint8_t *buf, hwaddr len,
                                        AccessKind kind, MemTxAttrs attrs)
{
    /* Hold the view: a device callback may change the topology. */
    FlatView *view = address_space_get_flatview(as);
    MemTxResult r = flatview_access(view, addr, buf, len, kind, attrs);

    flatview_unref(view);
    return r;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr,
                             MemTxAttrs attrs, void *buf, hwaddr len,
                             bool is_write)
{
    return address_space_access(as, addr, buf, len,
                                 is_write ? ACCESS_WRITE : ACCESS_READ,
                                 attrs);
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len)
{
    return address_space_access(as, addr, buf, len, ACCESS_READ, attrs);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len)
{
    /* Writes only read from buf; the shared walker takes a plain pointer. */
    return address_space_access(as, addr, (uint8_t *)buf, len, ACCESS_WRITE,
                                attrs);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len)
{
    return address_space_access(as, addr, (uint8_t *)buf, len,
                                ACCESS_WRITE_ROM, attrs);
}

/*
 * One naturally sized access: within one I/O range it reaches the device
 * as a single access of that size (subject to the region's valid rules);
 * anything else goes byte-exact through the generic walker.
 */
static MemTxResult address_space_single(AddressSpace *as, hwaddr addr,
                                        uint8_t *buf, unsigned size,
                                        bool is_write, MemTxAttrs attrs)
{
    AccessKind kind = is_write ? ACCESS_WRITE : ACCESS_READ;
    FlatView *view = address_space_get_flatview(as);
    const FlatRange *fr = flatview_lookup(view, addr);
    MemTxResult r;

    if (fr && (Int128)addr + size <= fr_end128(fr) &&
        !range_is_direct(fr, kind)) {
        r = memory_region_io_access(fr->mr,
                                    fr->offset_in_region + (addr - fr->addr),
                                    buf, size, is_write, attrs);
    } else {
        r = flatview_access(view, addr, buf, size, kind, attrs);
    }
    flatview_unref(view);
    return r;
}

static bool access_size_ok(unsigned size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

MemTxResult address_space_ld(AddressSpace *as, hwaddr addr, unsigned size,
                             uint64_t *val, MemTxAttrs attrs)
{
    uint8_t buf[8];
    MemTxResult r;

    if (!access_size_ok(size)) {
        *val = UINT64_MAX;
        return MEMTX_ERROR;
    }
    r = address_space_single(as, addr, buf, size, false, attrs);
    *val = memory_ldn_le(buf, size);
    return r;
}

MemTxResult address_space_st(AddressSpace *as, hwaddr addr, unsigned size,
                             uint64_t val, MemTxAttrs attrs)
{
    uint8_t buf[8];

    if (!access_size_ok(size)) {
        return MEMTX_ERROR;
    }
    memory_stn_le(buf, size, val);
    return address_space_single(as, addr, buf, size, true, attrs);
}

void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs)
{
    AccessKind kind = is_write ? ACCESS_WRITE : ACCESS_READ;
    FlatView *view = address_space_get_flatview(as);
    const FlatRange *fr = flatview_lookup(view, addr);
    hwaddr len = *plen;
    void *ptr = NULL;

    *plen = 0;
    if (len && fr && range_is_direct(fr, kind) &&
        !(is_write && fr->readonly) && fr->mr->ram_block &&
        fr->mr->ram_block->host) {
        RAMBlock *rb = fr->mr->ram_block;
        uint64_t off = fr->offset_in_region + (addr - fr->addr);

        if (off < rb->used_length) {
            Int128 avail = MIN(fr_end128(fr) - addr,
                               (Int128)(rb->used_length - off));
            *plen = MIN((Int128)len, avail);
            ptr = rb->host + off;
        }
    }
    flatview_unref(view);
    return ptr;
}

void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len)
{
    uintptr_t p = (uintptr_t)buffer;
    GList *l;

    if (!is_write || !buffer) {
        return;
    }
    for (l = ram_blocks; l; l = l->next) {
        RAMBlock *rb = l->data;
        uintptr_t host = (uintptr_t)rb->host;

        if (rb->host && p >= host && p - host < rb->max_length) {
            ram_block_set_dirty(rb, p - host, MIN(len, access_len));
            return;
        }
    }
}

/* The machine's address spaces */

static uint64_t unassigned_io_read(void *opaque, hwaddr addr, unsigned size)
{
    return UINT64_MAX;      /* a floating ISA bus reads as all ones */
}

static void unassigned_io_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size)
{
}

/* Port space: like QEMU, "io" is itself an I/O region answering holes. */
static const MemoryRegionOps unassigned_io_ops = {
    .read = unassigned_io_read,
    .write = unassigned_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4,
               .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 4,
              .unaligned = true },
};

void memory_map_init(void)
{
    if (memory_map_ready) {
        return;
    }
    memory_map_ready = true;
    memory_region_init(&system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&address_space_memory, &system_memory, "memory");
    memory_region_init_io(&system_io, NULL, &unassigned_io_ops, NULL, "io",
                          65536);
    address_space_init(&address_space_io, &system_io, "I/O");
}

MemoryRegion *get_system_memory(void)
{
    memory_map_init();
    return &system_memory;
}

MemoryRegion *get_system_io(void)
{
    memory_map_init();
    return &system_io;
}
