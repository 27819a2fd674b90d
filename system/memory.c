/*
 * memory.c: memory regions, their topology, transactions, flat-view
 * rendering, address spaces and memory listeners.
 *
 * Follows the contract of QEMU's memory API (docs/devel/memory.rst):
 *  - A region is RAM, ROM, ROM device, I/O callbacks, an alias (a window
 *    into another region at an offset) or a pure container.  Any region
 *    may hold subregions; where subregions overlap the higher priority
 *    wins, and for equal priorities the one added later wins (QEMU leaves
 *    that undefined; we pick this and test it).
 *  - Rendering walks the tree from an address space's root, clipping each
 *    subregion to its container's window, resolving aliases to their
 *    target plus offset, rendering higher priorities first and letting
 *    every later range only fill the gaps left so far.  A container (or a
 *    terminal region's subregions) is transparent where it has nothing:
 *    the hole stays unassigned (or falls to the terminal region itself).
 *    Adjacent ranges of one region with contiguous offsets are merged.
 *  - Every topology change is a transaction; transactions nest and the
 *    views are rebuilt once, at the outermost commit.  Address spaces with
 *    the same effective root share one FlatView.
 *  - At each commit listeners see begin, region_del for vanished ranges,
 *    then region_nop/region_add (and log_start/log_stop) in address
 *    order, then commit.  del and log_stop run listeners in reverse
 *    priority order, the rest in priority order, as QEMU does.
 *
 * Concurrency: everything here runs under the big lock.  The FlatView a
 * lookup uses is published with an atomic store and readers take a
 * reference with an atomic increment, so an access keeps its view even if
 * a device callback changes the topology meanwhile.  A future reader
 * without the lock would race between loading the pointer and taking the
 * reference against the last unref; RCU (or a seqlock) must close that
 * window before such readers exist.
 *
 * Missing: ioeventfd, IOMMU regions, RAM device regions, nonvolatile
 * regions, region reference counting through owners (a region must simply
 * outlive its mappings).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "system/memory-internal.h"

GPtrArray *memory_address_spaces;

static unsigned memory_transaction_depth;
static bool memory_update_pending;
static unsigned memory_subregion_seq;
/* Every registered listener, by priority (MemoryListener *). */
static GList *memory_listeners;
/* RAM of regions finalized inside a transaction, freed at its commit. */
static GPtrArray *memory_deferred_ram;

/* Region construction */

static void memory_region_init_kind(MemoryRegion *mr, Object *owner,
                                    const char *name, uint64_t size,
                                    MemoryRegionKind kind)
{
    memset(mr, 0, sizeof(*mr));
    mr->owner = owner;
    mr->name = g_strdup(name);
    mr->kind = kind;
    mr->size = size;
    mr->size_is_2_64 = size == UINT64_MAX;
    mr->enabled = true;
    mr->global_locking = true;
    mr->initialized = true;
    mr->terminates = kind != MR_CONTAINER && kind != MR_ALIAS;
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    memory_region_init_kind(mr, owner, name, size, MR_CONTAINER);
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    memory_region_init_kind(mr, owner, name, size, MR_IO);
    mr->ops = ops;
    mr->opaque = opaque;
}

static bool memory_region_init_ram_kind(MemoryRegion *mr, Object *owner,
                                        const char *name, uint64_t size,
                                        MemoryRegionKind kind, Error **errp)
{
    memory_region_init_kind(mr, owner, name, size, kind);
    mr->ram_block = qemu_ram_alloc(mr, size, NULL, errp);
    if (!mr->ram_block) {
        g_free(mr->name);
        memset(mr, 0, sizeof(*mr));
        return false;
    }
    return true;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return memory_region_init_ram_kind(mr, owner, name, size, MR_RAM, errp);
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    if (!memory_region_init_ram_kind(mr, owner, name, size, MR_ROM, errp)) {
        return false;
    }
    /* A ROM is RAM the guest cannot write: set_readonly(false) undoes it. */
    mr->readonly = true;
    return true;
}

bool memory_region_init_rom_device(MemoryRegion *mr, Object *owner,
                                   const MemoryRegionOps *ops, void *opaque,
                                   const char *name, uint64_t size,
                                   Error **errp)
{
    if (!memory_region_init_ram_kind(mr, owner, name, size, MR_ROM_DEVICE,
                                     errp)) {
        return false;
    }
    mr->ops = ops;
    mr->opaque = opaque;
    mr->rom_device_romd = true;
    return true;
}

void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr)
{
    memory_region_init_kind(mr, owner, name, size, MR_RAM);
    /* With caller memory the only allocations are bitmaps (g_new aborts). */
    mr->ram_block = qemu_ram_alloc(mr, size, ptr, NULL);
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    memory_region_init_kind(mr, owner, name, size, MR_ALIAS);
    mr->alias = orig;
    mr->alias_offset = offset;
}

void memory_region_finalize(MemoryRegion *mr)
{
    if (!mr->initialized) {
        return;
    }
    /* Unmap first so no view points at the RAM we are about to free. */
    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions->data);
    }
    memory_region_transaction_commit();
    if (mr->ram_block && memory_transaction_depth) {
        /*
         * The current views still point into this RAM until the outer
         * commit; keep it until then (the zeroed region reads as a hole).
         */
        if (!memory_deferred_ram) {
            memory_deferred_ram = g_ptr_array_new();
        }
        mr->ram_block->mr = NULL;
        g_ptr_array_add(memory_deferred_ram, mr->ram_block);
    } else if (mr->ram_block) {
        qemu_ram_free(mr->ram_block);
    }
    g_free(mr->name);
    memset(mr, 0, sizeof(*mr));
}

/* Topology */

static void memory_region_changed(void)
{
    memory_region_transaction_begin();
    memory_update_pending = true;
    memory_region_transaction_commit();
}

/* Highest priority first; a newcomer goes before its equals (later wins). */
static void memory_region_link_subregion(MemoryRegion *mr,
                                         MemoryRegion *subregion)
{
    GList *l;

    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *other = l->data;
        if (subregion->priority >= other->priority) {
            break;
        }
    }
    mr->subregions = g_list_insert_before(mr->subregions, l, subregion);
}

static void memory_region_add_subregion_common(MemoryRegion *mr,
                                               hwaddr offset,
                                               MemoryRegion *subregion,
                                               int priority,
                                               bool may_overlap)
{
    MemoryRegion *up;

    /* Board wiring errors, never guest-controlled. */
    g_assert(!subregion->container);
    for (up = mr; up; up = up->container) {
        g_assert(up != subregion);
    }
    subregion->container = mr;
    subregion->addr = offset;
    subregion->priority = priority;
    subregion->may_overlap = may_overlap;
    subregion->subregion_seq = ++memory_subregion_seq;
    memory_region_link_subregion(mr, subregion);
    memory_region_changed();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    memory_region_add_subregion_common(mr, offset, subregion, 0, false);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority)
{
    memory_region_add_subregion_common(mr, offset, subregion, priority, true);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    g_assert(subregion->container == mr);
    mr->subregions = g_list_remove(mr->subregions, subregion);
    subregion->container = NULL;
    memory_region_changed();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled != enabled) {
        mr->enabled = enabled;
        memory_region_changed();
    }
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly != readonly) {
        mr->readonly = readonly;
        memory_region_changed();
    }
}

void memory_region_rom_device_set_romd(MemoryRegion *mr, bool romd_mode)
{
    if (mr->rom_device_romd != romd_mode) {
        mr->rom_device_romd = romd_mode;
        memory_region_changed();
    }
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    if (mr->addr == addr) {
        return;
    }
    mr->addr = addr;
    if (mr->container) {
        /* A moved region counts as newly added among its equals (QEMU). */
        MemoryRegion *container = mr->container;

        container->subregions = g_list_remove(container->subregions, mr);
        mr->subregion_seq = ++memory_subregion_seq;
        memory_region_link_subregion(container, mr);
    }
    memory_region_changed();
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    bool is_2_64 = size == UINT64_MAX;

    if (mr->size != size || mr->size_is_2_64 != is_2_64) {
        mr->size = size;
        mr->size_is_2_64 = is_2_64;
        memory_region_changed();
    }
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    if (mr->alias_offset != offset) {
        mr->alias_offset = offset;
        memory_region_changed();
    }
}

void memory_region_set_log(MemoryRegion *mr, bool log, unsigned client)
{
    unsigned mask;

    if (client >= DIRTY_MEMORY_NUM) {
        return;
    }
    mask = 1u << client;
    if (!!(mr->dirty_log_mask & mask) != log) {
        mr->dirty_log_mask ^= mask;
        memory_region_changed();
    }
}

/* Queries */

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size_is_2_64 ? UINT64_MAX : mr->size;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "";
}

bool memory_region_is_ram(MemoryRegion *mr)
{
    return mr->kind == MR_RAM || mr->kind == MR_ROM;
}

bool memory_region_is_rom(MemoryRegion *mr)
{
    return memory_region_is_ram(mr) && mr->readonly;
}

bool memory_region_is_romd(MemoryRegion *mr)
{
    return mr->kind == MR_ROM_DEVICE && mr->rom_device_romd;
}

const char *memory_region_type(const MemoryRegion *mr)
{
    /* An alias shows what it points at, as in QEMU's "info mtree". */
    while (mr->kind == MR_ALIAS && mr->alias) {
        mr = mr->alias;
    }
    switch (mr->kind) {
    case MR_ROM_DEVICE:
        return mr->rom_device_romd ? "romd" : "i/o";
    case MR_RAM:
    case MR_ROM:
        return mr->readonly ? "rom" : "ram";
    default:
        return "i/o";
    }
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    uint64_t offset = 0;

    while (mr->kind == MR_ALIAS && mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!mr->ram_block || !mr->ram_block->host ||
        offset >= mr->ram_block->used_length) {
        return NULL;
    }
    return mr->ram_block->host + offset;
}

/* Flat views */

static FlatView *flatview_new(MemoryRegion *root)
{
    FlatView *view = g_new0(FlatView, 1);

    view->ref = 1;
    view->root = root;
    return view;
}

static void flatview_ref(FlatView *view)
{
    __atomic_fetch_add(&view->ref, 1, __ATOMIC_RELAXED);
}

void flatview_unref(FlatView *view)
{
    if (view && __atomic_sub_fetch(&view->ref, 1, __ATOMIC_ACQ_REL) == 0) {
        g_free(view->ranges);
        g_free(view);
    }
}

static void flatview_insert(FlatView *view, unsigned pos,
                            const FlatRange *fr)
{
    if (view->nr == view->nr_allocated) {
        view->nr_allocated = MAX(16, view->nr_allocated * 2);
        view->ranges = g_renew(FlatRange, view->ranges, view->nr_allocated);
    }
    memmove(&view->ranges[pos + 1], &view->ranges[pos],
            (view->nr - pos) * sizeof(FlatRange));
    view->ranges[pos] = *fr;
    view->nr++;
}

/* Index of the first range ending above addr. */
static unsigned flatview_first_ending_above(const FlatView *view, Int128 addr)
{
    unsigned lo = 0, hi = view->nr;

    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (fr_end128(&view->ranges[mid]) <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

const FlatRange *flatview_lookup(const FlatView *view, hwaddr addr)
{
    unsigned i;

    if (!view) {
        return NULL;
    }
    i = flatview_first_ending_above(view, addr);
    if (i < view->nr && view->ranges[i].addr <= addr) {
        return &view->ranges[i];
    }
    return NULL;
}

Int128 flatview_next_start(const FlatView *view, hwaddr addr)
{
    unsigned i;

    if (!view) {
        return INT128_2_64;
    }
    i = flatview_first_ending_above(view, addr);
    if (i < view->nr && view->ranges[i].addr <= addr) {
        i++;
    }
    return i < view->nr ? (Int128)view->ranges[i].addr : INT128_2_64;
}

/*
 * Give mr the parts of [lo, hi) that no earlier (higher-priority) range
 * took.  base is the address of mr's offset 0.
 */
static void render_terminal(FlatView *view, MemoryRegion *mr, Int128 base,
                            Int128 lo, Int128 hi, bool readonly)
{
    unsigned i = flatview_first_ending_above(view, lo);
    Int128 cur = lo;

    while (cur < hi) {
        FlatRange fr;
        Int128 gap_end;

        if (i < view->nr && view->ranges[i].addr <= cur) {
            cur = fr_end128(&view->ranges[i]);
            i++;
            continue;
        }
        gap_end = i < view->nr ? MIN(hi, (Int128)view->ranges[i].addr) : hi;
        fr = (FlatRange) {
            .mr = mr,
            .offset_in_region = (hwaddr)(cur - base),
            .addr = (hwaddr)cur,
            .size = (uint64_t)(gap_end - cur),   /* 2^64 wraps to 0 */
            .readonly = readonly,
            .romd_mode = mr->kind != MR_ROM_DEVICE || mr->rom_device_romd,
            .dirty_log_mask = mr->dirty_log_mask,
        };
        flatview_insert(view, i, &fr);
        i++;
        cur = gap_end;
    }
}

/* Render mr, whose offset 0 sits at base, clipped to [lo, hi). */
static void render_region(FlatView *view, MemoryRegion *mr, Int128 base,
                          Int128 lo, Int128 hi, bool readonly)
{
    GList *l;

    if (!mr->enabled) {
        return;
    }
    lo = MAX(lo, base);
    hi = MIN(hi, base + mr_size128(mr));
    if (lo >= hi) {
        return;
    }
    readonly |= mr->readonly;
    if (mr->kind == MR_ALIAS) {
        if (mr->alias) {
            render_region(view, mr->alias, base - (Int128)mr->alias_offset,
                          lo, hi, readonly);
        }
        return;
    }
    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;
        render_region(view, sub, base + (Int128)sub->addr, lo, hi, readonly);
    }
    if (mr->terminates) {
        render_terminal(view, mr, base, lo, hi, readonly);
    }
}

static bool flatrange_mergeable(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr &&
           fr_end128(a) == (Int128)b->addr &&
           (Int128)a->offset_in_region + fr_size128(a) ==
               (Int128)b->offset_in_region &&
           a->readonly == b->readonly &&
           a->romd_mode == b->romd_mode &&
           a->dirty_log_mask == b->dirty_log_mask;
}

static void flatview_simplify(FlatView *view)
{
    unsigned out = 0, i;

    for (i = 1; i < view->nr; i++) {
        FlatRange *last = &view->ranges[out];
        if (flatrange_mergeable(last, &view->ranges[i])) {
            last->size = (uint64_t)(fr_size128(last) +
                                    fr_size128(&view->ranges[i]));
        } else {
            view->ranges[++out] = view->ranges[i];
        }
    }
    if (view->nr) {
        view->nr = out + 1;
    }
}

/*
 * The region a view really needs to render: skip a root that is only an
 * alias of a whole region at offset 0, or a container whose single
 * enabled child covers it from 0.  Lets address spaces share views and
 * makes "info mtree -f" print QEMU's "Root memory region".  NULL when
 * nothing is enabled.
 */
static MemoryRegion *flatview_effective_root(MemoryRegion *mr)
{
    while (mr && mr->enabled && !mr->readonly) {
        if (mr->kind == MR_ALIAS) {
            if (!mr->alias || mr->alias_offset ||
                mr_size128(mr) < mr_size128(mr->alias)) {
                return mr;
            }
            mr = mr->alias;
        } else if (!mr->terminates) {
            MemoryRegion *only = NULL;
            unsigned found = 0;
            GList *l;

            for (l = mr->subregions; l; l = l->next) {
                MemoryRegion *sub = l->data;
                if (sub->enabled) {
                    found++;
                    only = sub;
                }
            }
            if (found == 0) {
                return NULL;
            }
            if (found > 1 || only->addr ||
                mr_size128(only) > mr_size128(mr)) {
                return mr;
            }
            mr = only;
        } else {
            return mr;
        }
    }
    return mr && mr->enabled ? mr : NULL;
}

static FlatView *flatview_render(MemoryRegion *root)
{
    FlatView *view = flatview_new(root);

    if (root) {
        /* The root sits at 0 whatever its address inside some container. */
        render_region(view, root, 0, 0, INT128_2_64, false);
        flatview_simplify(view);
    }
    return view;
}

/* Listeners */

static MemoryRegionSection section_from_range(AddressSpace *as,
                                              FlatView *view,
                                              const FlatRange *fr)
{
    return (MemoryRegionSection) {
        .mr = fr->mr,
        .as = as,
        .fv = view,
        .offset_within_region = fr->offset_in_region,
        .offset_within_address_space = fr->addr,
        .size = fr->size,
        .readonly = fr->readonly,
    };
}

typedef enum ListenerCall {
    CALL_ADD,
    CALL_DEL,
    CALL_NOP,
} ListenerCall;

/* region_del runs listeners from the last to the first, the rest forward. */
static void listeners_call_section(AddressSpace *as, ListenerCall call,
                                   MemoryRegionSection *section)
{
    GList *l = call == CALL_DEL ? g_list_last(as->listeners) : as->listeners;

    while (l) {
        MemoryListener *ml = l->data;
        if (call == CALL_ADD && ml->region_add) {
            ml->region_add(ml, section);
        } else if (call == CALL_DEL && ml->region_del) {
            ml->region_del(ml, section);
        } else if (call == CALL_NOP && ml->region_nop) {
            ml->region_nop(ml, section);
        }
        l = call == CALL_DEL ? l->prev : l->next;
    }
}

static void listeners_call_log(AddressSpace *as, MemoryRegionSection *section,
                               int old, int new_)
{
    GList *l;

    if (new_ & ~old) {
        for (l = as->listeners; l; l = l->next) {
            MemoryListener *ml = l->data;
            if (ml->log_start) {
                ml->log_start(ml, section, old, new_);
            }
        }
    }
    if (old & ~new_) {
        for (l = g_list_last(as->listeners); l; l = l->prev) {
            MemoryListener *ml = l->data;
            if (ml->log_stop) {
                ml->log_stop(ml, section, old, new_);
            }
        }
    }
}

static void listeners_call_global(bool commit)
{
    GList *l;

    for (l = memory_listeners; l; l = l->next) {
        MemoryListener *ml = l->data;
        if (commit && ml->commit) {
            ml->commit(ml);
        } else if (!commit && ml->begin) {
            ml->begin(ml);
        }
    }
}

static bool flatrange_same(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr && a->addr == b->addr && a->size == b->size &&
           a->offset_in_region == b->offset_in_region &&
           a->readonly == b->readonly && a->romd_mode == b->romd_mode;
}

/*
 * Tell as's listeners how old became new.  Two sweeps in address order:
 * the first removes what went away (or changed), the second reports the
 * unchanged ranges (and their logging changes) and the new ones.
 */
static void address_space_notify(AddressSpace *as, FlatView *old,
                                 FlatView *new)
{
    int pass;

    for (pass = 0; pass < 2; pass++) {
        unsigned io = 0, in = 0;
        unsigned nold = old ? old->nr : 0, nnew = new->nr;

        while (io < nold || in < nnew) {
            const FlatRange *fo = io < nold ? &old->ranges[io] : NULL;
            const FlatRange *fn = in < nnew ? &new->ranges[in] : NULL;
            MemoryRegionSection s;

            if (fo && (!fn || fo->addr < fn->addr ||
                       (fo->addr == fn->addr && !flatrange_same(fo, fn)))) {
                if (pass == 0) {
                    s = section_from_range(as, old, fo);
                    listeners_call_section(as, CALL_DEL, &s);
                }
                io++;
            } else if (fo && flatrange_same(fo, fn)) {
                if (pass == 1) {
                    s = section_from_range(as, new, fn);
                    listeners_call_section(as, CALL_NOP, &s);
                    listeners_call_log(as, &s, fo->dirty_log_mask,
                                       fn->dirty_log_mask);
                }
                io++;
                in++;
            } else {
                if (pass == 1) {
                    s = section_from_range(as, new, fn);
                    listeners_call_section(as, CALL_ADD, &s);
                }
                in++;
            }
        }
    }
}

/* Publish view (whose reference the caller hands over) as as's map. */
static void address_space_set_view(AddressSpace *as, FlatView *view)
{
    FlatView *old = as->current_map;

    __atomic_store_n(&as->current_map, view, __ATOMIC_RELEASE);
    if (as->listeners) {
        address_space_notify(as, old, view);
    }
    flatview_unref(old);
}

/* Rebuild every address space's view; one render per effective root. */
static void memory_update_views(void)
{
    GHashTable *views = g_hash_table_new(NULL, NULL);
    GHashTableIter iter;
    gpointer value;
    unsigned i;

    listeners_call_global(false);
    for (i = 0; memory_address_spaces && i < memory_address_spaces->len;
         i++) {
        AddressSpace *as = g_ptr_array_index(memory_address_spaces, i);
        MemoryRegion *root = flatview_effective_root(as->root);
        FlatView *view = g_hash_table_lookup(views, root);

        if (!view) {
            view = flatview_render(root);
            g_hash_table_insert(views, root, view);
        }
        flatview_ref(view);
        address_space_set_view(as, view);
    }
    listeners_call_global(true);

    g_hash_table_iter_init(&iter, views);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        flatview_unref(value);
    }
    g_hash_table_destroy(views);
}

/* Transactions */

void memory_region_transaction_begin(void)
{
    memory_transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    g_assert(memory_transaction_depth > 0);
    /*
     * Stay inside the transaction while rebuilding so that a listener
     * changing the topology only marks another round as pending.
     */
    if (memory_transaction_depth == 1) {
        while (memory_update_pending) {
            memory_update_pending = false;
            memory_update_views();
        }
        while (memory_deferred_ram && memory_deferred_ram->len) {
            qemu_ram_free(g_ptr_array_steal_index_fast(memory_deferred_ram,
                                                       0));
        }
    }
    memory_transaction_depth--;
}

/* Address spaces */

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    MemoryRegion *eroot = flatview_effective_root(root);
    FlatView *view = NULL;
    unsigned i;

    as->root = root;
    as->name = g_strdup(name);
    as->listeners = NULL;
    as->current_map = NULL;
    if (!memory_address_spaces) {
        memory_address_spaces = g_ptr_array_new();
    }
    /* Outside a transaction every view is current, so share one. */
    for (i = 0; !memory_transaction_depth &&
                i < memory_address_spaces->len; i++) {
        AddressSpace *other = g_ptr_array_index(memory_address_spaces, i);
        if (other->current_map && other->current_map->root == eroot) {
            view = other->current_map;
            flatview_ref(view);
            break;
        }
    }
    g_ptr_array_add(memory_address_spaces, as);
    address_space_set_view(as, view ? view : flatview_render(eroot));
}

static void memory_listener_unlink(MemoryListener *listener)
{
    AddressSpace *as = listener->address_space;

    memory_listeners = g_list_remove(memory_listeners, listener);
    if (as) {
        as->listeners = g_list_remove(as->listeners, listener);
    }
    listener->address_space = NULL;
}

void address_space_destroy(AddressSpace *as)
{
    /* Listeners still attached see everything go away. */
    memory_region_transaction_begin();
    as->root = NULL;
    memory_update_pending = true;
    memory_region_transaction_commit();

    while (as->listeners) {
        memory_listener_unlink(as->listeners->data);
    }
    g_ptr_array_remove(memory_address_spaces, as);
    flatview_unref(as->current_map);
    as->current_map = NULL;
    g_free(as->name);
    as->name = NULL;
}

FlatView *address_space_get_flatview(AddressSpace *as)
{
    FlatView *view;

    if (!as->current_map &&
        (as == &address_space_memory || as == &address_space_io)) {
        memory_map_init();
    }
    view = __atomic_load_n(&as->current_map, __ATOMIC_ACQUIRE);
    if (view) {
        flatview_ref(view);
    }
    return view;
}

FlatView *address_space_to_flatview(AddressSpace *as)
{
    FlatView *view = address_space_get_flatview(as);

    /* The address space keeps its own reference. */
    flatview_unref(view);
    return view;
}

static MemoryRegionSection section_clip(AddressSpace *as, FlatView *view,
                                        const FlatRange *fr, Int128 lo,
                                        Int128 hi)
{
    MemoryRegionSection s = section_from_range(as, view, fr);

    lo = MAX(lo, (Int128)fr->addr);
    hi = MIN(hi, fr_end128(fr));
    s.offset_within_region += (hwaddr)(lo - (Int128)fr->addr);
    s.offset_within_address_space = (hwaddr)lo;
    s.size = (uint64_t)(hi - lo);
    return s;
}

MemoryRegionSection address_space_lookup(AddressSpace *as, hwaddr addr)
{
    MemoryRegionSection s = { .as = as };
    FlatView *view = address_space_get_flatview(as);
    const FlatRange *fr = flatview_lookup(view, addr);

    if (fr) {
        s = section_clip(as, view, fr, addr, INT128_2_64);
    }
    flatview_unref(view);
    return s;
}

MemoryRegionSection memory_region_find(MemoryRegion *mr, hwaddr addr,
                                       uint64_t size)
{
    MemoryRegionSection s = { 0 };
    Int128 lo = addr, hi;
    AddressSpace *as = NULL;
    FlatView *view;
    unsigned i;

    for (; mr->container; mr = mr->container) {
        lo += mr->addr;
    }
    for (i = 0; memory_address_spaces && i < memory_address_spaces->len;
         i++) {
        AddressSpace *cand = g_ptr_array_index(memory_address_spaces, i);
        if (cand->root == mr) {
            as = cand;
            break;
        }
    }
    if (!as || lo >= INT128_2_64) {
        return s;
    }
    hi = MIN(lo + MAX(size, 1), INT128_2_64);
    view = address_space_get_flatview(as);
    i = view ? flatview_first_ending_above(view, lo) : 0;
    if (view && i < view->nr && (Int128)view->ranges[i].addr < hi) {
        s = section_clip(as, view, &view->ranges[i], lo, hi);
    }
    flatview_unref(view);
    return s;
}

/* Listener registration */

static GList *listener_list_insert(GList *list, MemoryListener *listener)
{
    GList *l;

    for (l = list; l; l = l->next) {
        MemoryListener *other = l->data;
        if (listener->priority < other->priority) {
            break;
        }
    }
    return g_list_insert_before(list, l, listener);
}

/* Replay the current map to one listener as adds (or dels). */
static void memory_listener_replay(MemoryListener *listener, bool add)
{
    AddressSpace *as = listener->address_space;
    FlatView *view = address_space_get_flatview(as);
    unsigned i;

    if (listener->begin) {
        listener->begin(listener);
    }
    for (i = 0; view && i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];
        MemoryRegionSection s = section_from_range(as, view, fr);

        if (add && listener->region_add) {
            listener->region_add(listener, &s);
        }
        if (add && fr->dirty_log_mask && listener->log_start) {
            listener->log_start(listener, &s, 0, fr->dirty_log_mask);
        }
        if (!add && listener->region_del) {
            listener->region_del(listener, &s);
        }
    }
    if (listener->commit) {
        listener->commit(listener);
    }
    flatview_unref(view);
}

void memory_listener_register(MemoryListener *listener, AddressSpace *as)
{
    listener->address_space = as;
    memory_listeners = listener_list_insert(memory_listeners, listener);
    as->listeners = listener_list_insert(as->listeners, listener);
    memory_listener_replay(listener, true);
}

void memory_listener_unregister(MemoryListener *listener)
{
    if (!listener->address_space) {
        return;
    }
    memory_listener_replay(listener, false);
    memory_listener_unlink(listener);
}
