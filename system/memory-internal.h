/*
 * memory-internal.h: what the memory layer's files share among themselves
 * (memory.c, memory-dispatch.c, memory-mtree.c, physmem.c).  Nothing
 * outside system/memory* and system/physmem.c includes this.
 */
#ifndef SYSTEM_MEMORY_INTERNAL_H
#define SYSTEM_MEMORY_INTERNAL_H

#include "exec/memory.h"

/*
 * Addresses inside the layer are computed in 128 bits so that a 2^64-sized
 * region, the end of the last byte and alias offsets that go "negative"
 * while rendering need no special cases.
 */
typedef __int128 Int128;

#define INT128_2_64 ((Int128)1 << 64)

/* A region's size as a 128-bit number (2^64 for the "system" roots). */
static inline Int128 mr_size128(const MemoryRegion *mr)
{
    return mr->size_is_2_64 ? INT128_2_64 : (Int128)mr->size;
}

/* A flat range's size as a 128-bit number (its size 0 means 2^64). */
static inline Int128 fr_size128(const FlatRange *fr)
{
    return fr->size ? (Int128)fr->size : INT128_2_64;
}

static inline Int128 fr_end128(const FlatRange *fr)
{
    return (Int128)fr->addr + fr_size128(fr);
}

/* memory.c: address spaces and their flat views. */

/* Every address space, in creation order (AddressSpace *). */
extern GPtrArray *memory_address_spaces;

/*
 * The current view of as with a reference the caller drops with
 * flatview_unref().  Creates the machine's address spaces on first use.
 */
FlatView *address_space_get_flatview(AddressSpace *as);
void flatview_unref(FlatView *view);
/* The range holding addr, or NULL in a hole. */
const FlatRange *flatview_lookup(const FlatView *view, hwaddr addr);
/* Start of the first range above addr, as 128 bits (2^64 if none). */
Int128 flatview_next_start(const FlatView *view, hwaddr addr);

/* What mtree and info print for a region's kind: "ram", "rom", ... */
const char *memory_region_type(const MemoryRegion *mr);

/* memory-dispatch.c: callback-level access of a terminal region. */

/* Little-endian load/store of size (1..8) bytes. */
uint64_t memory_ldn_le(const uint8_t *p, unsigned size);
void memory_stn_le(uint8_t *p, unsigned size, uint64_t val);

/*
 * The access size the data path should use at offset addr of mr for up to
 * len bytes: the largest power of two the region accepts there.
 */
unsigned memory_access_size(const MemoryRegion *mr, hwaddr addr,
                            uint64_t len);
/*
 * One access of size (1, 2, 4 or 8) bytes at addr of an I/O or ROM-device
 * region's callbacks, after its valid.* checks; buf in guest byte order.
 */
MemTxResult memory_region_io_access(MemoryRegion *mr, hwaddr addr,
                                    uint8_t *buf, unsigned size,
                                    bool is_write, MemTxAttrs attrs);

/* physmem.c: RAM blocks and dirty bitmaps. */

/*
 * A RAM block of size bytes for mr: page-aligned zeroed host memory, or
 * host (not freed later) when host != NULL.
 */
RAMBlock *qemu_ram_alloc(MemoryRegion *mr, uint64_t size, void *host,
                         Error **errp);
void qemu_ram_free(RAMBlock *rb);
/*
 * Copy len bytes between buf and rb's host memory at offset; a write
 * marks the pages dirty.  False, touching nothing, unless the whole
 * range lies inside the block.
 */
bool ram_block_rw(RAMBlock *rb, uint64_t offset, uint8_t *buf, uint64_t len,
                  bool is_write);
/* Dirty bits of every client for [start, start+len) of rb. */
void ram_block_set_dirty(RAMBlock *rb, uint64_t start, uint64_t len);
/* Creates the machine's address spaces when first needed. */
void memory_map_init(void);

#endif
