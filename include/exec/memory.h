/*
 * memory.h: the memory API.
 *
 * A MemoryRegion is a piece of guest-physical (or I/O port) space: RAM,
 * ROM, I/O callbacks (MMIO/PIO), an alias into part of another region, or
 * a container of subregions placed at offsets with priorities (higher
 * priority wins where subregions overlap; equal priorities: the later
 * added wins, as in QEMU).  Regions may be disabled, and RAM may be made
 * read-only (ROM behaviour: writes ignored) at run time, as the i440FX PAM
 * registers need.
 *
 * An AddressSpace has a root region.  After every topology change (or at
 * the commit of a transaction batching several) the tree is rendered into
 * a FlatView: sorted, non-overlapping ranges each naming the terminal
 * region and offset that serves it.  Lookups binary-search the FlatView.
 * Memory listeners are told of the ranges added and removed at each
 * commit (KVM slots, TCG TLB flushes).
 *
 * Accesses through address_space_read/write are split at region
 * boundaries and into the access sizes a region's ops implement; wider
 * or unaligned accesses are split/combined, narrower ones widened to the
 * aligned impl.min unit (reads extract the bytes; writes pass the value
 * shifted into place, other bytes zero - no read-modify-write; see
 * MemoryRegionOps).  An access outside
 * every region reads as all ones / discards writes and returns
 * MEMTX_DECODE_ERROR, so DMA a guest programs can never reach outside
 * guest RAM.
 */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include "exec/hwaddr.h"

/* Repeated typedefs are fine in C11; spares users the qom/qapi headers. */
typedef struct Object Object;
typedef struct Error Error;

typedef struct MemoryRegion MemoryRegion;
typedef struct MemoryRegionOps MemoryRegionOps;
typedef struct AddressSpace AddressSpace;
typedef struct FlatView FlatView;
typedef struct FlatRange FlatRange;
typedef struct MemoryListener MemoryListener;
typedef struct RAMBlock RAMBlock;

typedef uint32_t MemTxResult;
#define MEMTX_OK 0
#define MEMTX_ERROR (1U << 0)          /* device returned an error */
#define MEMTX_DECODE_ERROR (1U << 1)   /* nothing at that address */
#define MEMTX_ACCESS_ERROR (1U << 2)   /* access size/alignment refused */

typedef struct MemTxAttrs {
    unsigned int unspecified : 1;
    unsigned int secure : 1;
    unsigned int user : 1;
    unsigned int requester_id : 16;
} MemTxAttrs;
#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs) { .unspecified = 1 })

enum device_endian {
    DEVICE_NATIVE_ENDIAN,
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

/* Dirty-memory clients: each has its own bitmap over every RAM block. */
#define DIRTY_MEMORY_VGA       0
#define DIRTY_MEMORY_CODE      1
#define DIRTY_MEMORY_MIGRATION 2
#define DIRTY_MEMORY_NUM       3

/*
 * How the core fits a guest access of N bytes at A to the callbacks:
 *  - valid.* decide whether the guest access is accepted at all; a refused
 *    one is logged under LOG_GUEST_ERROR ("Invalid read at addr 0x...,
 *    size N, region 'name', reason: ..."), reads return all ones, writes
 *    are dropped, and the result is MEMTX_ACCESS_ERROR.
 *  - wider than impl.max (or unaligned without impl.unaligned): split into
 *    the largest naturally aligned pieces, assembled little-endian (the
 *    lowest address in the least significant bits) for NATIVE/LITTLE
 *    endian ops; BIG_ENDIAN ops see each piece byte-swapped.
 *  - narrower than impl.min: the aligned impl.min-sized unit holding the
 *    bytes is accessed (at A itself if impl.unaligned).  A read extracts
 *    the wanted bytes from it; a write passes the value shifted into its
 *    place with the other bytes zero (no read-modify-write, so reading
 *    a register never has side effects the guest did not ask for).
 */
struct MemoryRegionOps {
    /* size is 1, 2, 4 or 8 and within impl limits; addr region-relative */
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    enum device_endian endianness;
    struct {
        /*
         * Guest accesses outside [min, max] are refused (ACCESS_ERROR).
         * max 0 accepts any size, as QEMU does for compatibility; the
         * size address_space_rw splits into is then at most 4.
         */
        unsigned min_access_size;    /* 0 means 1 */
        unsigned max_access_size;    /* 0: any size valid */
        bool unaligned;              /* unaligned accesses allowed */
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size,
                        bool is_write, MemTxAttrs attrs);
    } valid;
    struct {
        /* Sizes the callbacks implement; the core splits/widens to them. */
        unsigned min_access_size;    /* 0 means 1 */
        unsigned max_access_size;    /* 0 means 4 */
        bool unaligned;
    } impl;
};

typedef enum MemoryRegionKind {
    MR_CONTAINER,   /* only subregions; holes read as unassigned */
    MR_IO,          /* callbacks */
    MR_RAM,         /* host memory, read/write */
    MR_ROM,         /* host memory, writes from the guest ignored */
    MR_ROM_DEVICE,  /* reads from host memory, writes to callbacks */
    MR_ALIAS,       /* a window into another region */
} MemoryRegionKind;

struct MemoryRegion {
    Object *owner;
    char *name;
    MemoryRegionKind kind;
    uint64_t size;               /* UINT64_MAX-sized means 2^64 */
    bool size_is_2_64;
    bool enabled;
    bool readonly;               /* RAM made read-only (PAM) */
    bool rom_device_romd;        /* ROM device in ROM-read mode */
    bool terminates;             /* RAM, ROM or IO (not container/alias) */
    bool global_locking;         /* callbacks need the BQL (default true) */
    bool initialized;

    const MemoryRegionOps *ops;
    void *opaque;
    RAMBlock *ram_block;

    MemoryRegion *container;     /* parent, when a subregion */
    hwaddr addr;                 /* offset in the container */
    int priority;
    bool may_overlap;
    GList *subregions;           /* sorted: highest priority first */
    unsigned subregion_seq;      /* insertion order for equal priority */

    MemoryRegion *alias;
    hwaddr alias_offset;
    unsigned dirty_log_mask;     /* DIRTY_MEMORY_* clients logging it */
};

struct RAMBlock {
    MemoryRegion *mr;
    uint8_t *host;               /* page-aligned host memory */
    uint64_t used_length;
    uint64_t max_length;
    char idstr[256];
    unsigned long *dirty[DIRTY_MEMORY_NUM]; /* one bit per target page */
    bool host_is_external;       /* init_ram_ptr: caller owns host */
};

/* One rendered range of a FlatView. */
struct FlatRange {
    MemoryRegion *mr;            /* the terminal region */
    hwaddr offset_in_region;
    hwaddr addr;                 /* start in the address space */
    uint64_t size;               /* 0 means 2^64 */
    bool readonly;
    bool romd_mode;
    uint8_t dirty_log_mask;      /* mr->dirty_log_mask when rendered */
};

struct FlatView {
    unsigned ref;
    FlatRange *ranges;
    unsigned nr;
    unsigned nr_allocated;
    MemoryRegion *root;
};

struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    GList *listeners;            /* of MemoryListener *, by priority */
};

/* A section: what the flat view says about one range. */
typedef struct MemoryRegionSection {
    MemoryRegion *mr;
    AddressSpace *as;
    FlatView *fv;
    hwaddr offset_within_region;
    hwaddr offset_within_address_space;
    uint64_t size;               /* 0 means 2^64 */
    bool readonly;
} MemoryRegionSection;

/*
 * Listeners: begin, then region_del for ranges that went away, then
 * region_add for new ones (region_nop for unchanged), then commit.
 * Registering replays the current map as region_add.
 */
struct MemoryListener {
    const char *name;
    void (*begin)(MemoryListener *listener);
    void (*commit)(MemoryListener *listener);
    void (*region_add)(MemoryListener *listener,
                       MemoryRegionSection *section);
    void (*region_del)(MemoryListener *listener,
                       MemoryRegionSection *section);
    void (*region_nop)(MemoryListener *listener,
                       MemoryRegionSection *section);
    void (*log_start)(MemoryListener *listener,
                      MemoryRegionSection *section, int old, int new_);
    void (*log_stop)(MemoryListener *listener,
                     MemoryRegionSection *section, int old, int new_);
    void (*log_sync)(MemoryListener *listener,
                     MemoryRegionSection *section);
    unsigned priority;
    AddressSpace *address_space;
};

/* Target page size used for RAM blocks and dirty bitmaps. */
#define TARGET_PAGE_BITS 12
#define TARGET_PAGE_SIZE (1ULL << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK (~(TARGET_PAGE_SIZE - 1))

/* Region constructors.  owner may be NULL; name appears in info mtree. */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);
bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
bool memory_region_init_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   Error **errp);
/* RAM over caller-owned host memory (not freed by the region). */
void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr);
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);
/*
 * Detach (from its container and its subregions) and free RAM.  Inside a
 * transaction the RAM lives on until the outermost commit, but the
 * MemoryRegion struct itself must then stay allocated until that commit.
 */
void memory_region_finalize(MemoryRegion *mr);

/* Topology. */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);
void memory_region_rom_device_set_romd(MemoryRegion *mr, bool romd_mode);
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
void memory_region_set_size(MemoryRegion *mr, uint64_t size);
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);
/* Batch topology changes: views are rebuilt once at the outermost commit. */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* Queries. */
uint64_t memory_region_size(MemoryRegion *mr);
const char *memory_region_name(const MemoryRegion *mr);
bool memory_region_is_ram(MemoryRegion *mr);
bool memory_region_is_rom(MemoryRegion *mr);
bool memory_region_is_romd(MemoryRegion *mr);
/* Host pointer to the start of a RAM/ROM region (alias: resolved). */
void *memory_region_get_ram_ptr(MemoryRegion *mr);
/*
 * The section covering addr in mr's address space, with at most size
 * bytes; .mr == NULL when nothing is mapped there.
 */
MemoryRegionSection memory_region_find(MemoryRegion *mr, hwaddr addr,
                                       uint64_t size);

/* Region-level accesses (used by address_space_* and tests). */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t data, unsigned size,
                                         MemTxAttrs attrs);

/* Dirty tracking (RAM regions; offsets within the region). */
void memory_region_set_log(MemoryRegion *mr, bool log, unsigned client);
void memory_region_set_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size);
bool memory_region_get_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size,
                             unsigned client);
void memory_region_reset_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size,
                               unsigned client);
/* Test-and-clear over a range; true if any page was dirty. */
bool memory_region_test_and_clear_dirty(MemoryRegion *mr, hwaddr addr,
                                        hwaddr size, unsigned client);

/* Address spaces. */
void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
void address_space_destroy(AddressSpace *as);
/* Byte-granular accesses; may span regions.  Little-endian guest. */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr,
                             MemTxAttrs attrs, void *buf, hwaddr len,
                             bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len);
/* Writes to ROM too (firmware loading). */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len);
/* Single naturally-sized accesses: size 1, 2, 4 or 8. */
MemTxResult address_space_ld(AddressSpace *as, hwaddr addr, unsigned size,
                             uint64_t *val, MemTxAttrs attrs);
MemTxResult address_space_st(AddressSpace *as, hwaddr addr, unsigned size,
                             uint64_t val, MemTxAttrs attrs);
/*
 * Direct pointer to [addr, addr+*plen) if it is RAM; *plen shortened to
 * the contiguous RAM extent.  NULL if not RAM (use address_space_rw).
 * Writers must call address_space_unmap() to mark pages dirty.
 */
void *address_space_map(AddressSpace *as, hwaddr addr, hwaddr *plen,
                        bool is_write, MemTxAttrs attrs);
void address_space_unmap(AddressSpace *as, void *buffer, hwaddr len,
                         bool is_write, hwaddr access_len);
/* The section for one address (fast path, used by TCG TLB fill). */
MemoryRegionSection address_space_lookup(AddressSpace *as, hwaddr addr);
/* Current flat view of an address space (reference not taken). */
FlatView *address_space_to_flatview(AddressSpace *as);

void memory_listener_register(MemoryListener *listener, AddressSpace *as);
void memory_listener_unregister(MemoryListener *listener);

/* RAM blocks (the set of all guest RAM, for snapshots and KVM). */
RAMBlock *qemu_ram_block_by_name(const char *name);
/* Call fn for each RAM block; stop on nonzero. */
int qemu_ram_foreach_block(int (*fn)(RAMBlock *rb, void *opaque),
                           void *opaque);

/* The machine's address spaces (created lazily on first use). */
MemoryRegion *get_system_memory(void);
MemoryRegion *get_system_io(void);
extern AddressSpace address_space_memory;
extern AddressSpace address_space_io;

/*
 * "info mtree [-f] [-d] [-o] [-D]": the region trees of every address
 * space (or flat views with -f), printed with qemu_printf() in QEMU's
 * shape: "address-space: memory\n  0000000000000000-ffffffffffffffff
 * (prio 0, i/o): system\n".
 */
void mtree_info(bool flatview, bool dispatch_tree, bool owner,
                bool disabled);

#endif
