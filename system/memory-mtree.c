/*
 * memory-mtree.c: "info mtree [-f] [-d] [-o] [-D]".
 *
 * Prints in QEMU 7.2's shape (checked against Debian's qemu-system-x86_64):
 *  - Trees: address spaces sharing a root are listed together, sorted by
 *    name, each as "address-space: NAME", then the tree, two spaces per
 *    level: "START-END (prio P, TYPE): NAME" where TYPE is ram, rom, romd
 *    or i/o (an alias shows its target's type) and aliases read "alias
 *    NAME @TARGET OFF-END".  A disabled region is hidden, but its children
 *    are still shown, unless -D prints it with " [disabled]".  Every alias
 *    target is then printed again under "memory-region: NAME".
 *  - Flat views (-f): "FlatView #N", one ' AS "NAME", root: ROOT' per
 *    address space using it, " Root memory region: NAME" (the effective
 *    root, or "(none)"), and the ranges with " @OFFSET" when the range
 *    starts inside its region; "  No rendered FlatView" when empty.
 *  - -o appends the owner: " owner:{dev id=X}" / "{dev path=P}" /
 *    "{obj path=P}"; a region without owner shows " parent:{obj
 *    path=/machine/unattached}" when that container exists (where QEMU
 *    parents ownerless regions), else " orphan".
 *
 * Differences: QEMU prints root groups and flat views in hash-table order;
 * we use address-space creation order.  -d (with -f) lists the flat view
 * as "Physical sections" only: lookups binary-search the view, so there is
 * no radix tree ("Nodes") to show.
 */
#include "qemu/osdep.h"
#include "qemu/qemu-print.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "system/memory-internal.h"

#define MTREE_INDENT "  "

static void mtree_print_object(const char *label, Object *obj)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    char *path;

    qemu_printf(" %s:{%s", label, dev ? "dev" : "obj");
    if (dev && dev->id) {
        qemu_printf(" id=%s", dev->id);
    } else if ((path = object_get_canonical_path(obj))) {
        qemu_printf(" path=%s", path);
        g_free(path);
    } else {
        qemu_printf(" type=%s", object_get_typename(obj));
    }
    qemu_printf("}");
}

static void mtree_print_owner(const MemoryRegion *mr)
{
    Object *parent;

    if (mr->owner) {
        mtree_print_object("owner", mr->owner);
        return;
    }
    parent = object_resolve_path("/machine/unattached", NULL);
    if (parent) {
        mtree_print_object("parent", parent);
    } else {
        qemu_printf(" orphan");
    }
}

/* Offset of a region's last byte: 2^64 - 1 for the 2^64 roots, 0 if empty. */
static uint64_t mr_last_offset(const MemoryRegion *mr)
{
    if (mr->size_is_2_64) {
        return UINT64_MAX;
    }
    return mr->size ? mr->size - 1 : 0;
}

static void mtree_queue_alias(GPtrArray *queue, MemoryRegion *target)
{
    if (target && !g_ptr_array_find(queue, target, NULL)) {
        g_ptr_array_add(queue, target);
    }
}

static void mtree_print_line(const MemoryRegion *mr, unsigned level,
                             hwaddr base, bool owner)
{
    hwaddr start = base + mr->addr;
    hwaddr end = start + mr_last_offset(mr);
    unsigned i;

    if (start < base || end < start) {
        qemu_printf("[DETECTED OVERFLOW!] ");
    }
    for (i = 0; i < level; i++) {
        qemu_printf(MTREE_INDENT);
    }
    qemu_printf("%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): ", start, end,
                mr->priority, memory_region_type(mr));
    if (mr->kind == MR_ALIAS) {
        qemu_printf("alias %s @%s %016" PRIx64 "-%016" PRIx64,
                    memory_region_name(mr),
                    mr->alias ? memory_region_name(mr->alias) : "",
                    mr->alias_offset, mr->alias_offset + mr_last_offset(mr));
    } else {
        qemu_printf("%s", memory_region_name(mr));
    }
    qemu_printf("%s", mr->enabled ? "" : " [disabled]");
    if (owner) {
        mtree_print_owner(mr);
    }
    qemu_printf("\n");
}

/* Subregions by address, then priority; ties keep subregion-list order. */
static GList *mtree_sorted_subregions(const MemoryRegion *mr)
{
    GList *sorted = NULL, *l, *pos;

    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;

        for (pos = sorted; pos; pos = pos->next) {
            MemoryRegion *other = pos->data;
            if (sub->addr < other->addr ||
                (sub->addr == other->addr && sub->priority > other->priority)) {
                break;
            }
        }
        sorted = g_list_insert_before(sorted, pos, sub);
    }
    return sorted;
}

static void mtree_print_mr(const MemoryRegion *mr, unsigned level,
                           hwaddr base, GPtrArray *alias_queue, bool owner,
                           bool disabled)
{
    GList *subs, *l;

    if (mr->kind == MR_ALIAS) {
        mtree_queue_alias(alias_queue, mr->alias);
    }
    if (mr->enabled || disabled) {
        mtree_print_line(mr, level, base, owner);
    }
    subs = mtree_sorted_subregions(mr);
    for (l = subs; l; l = l->next) {
        mtree_print_mr(l->data, level + 1, base + mr->addr, alias_queue,
                       owner, disabled);
    }
    g_list_free(subs);
}

static gint mtree_compare_as_name(gconstpointer a, gconstpointer b)
{
    const AddressSpace *x = a, *y = b;

    return strcmp(x->name, y->name);
}

static void mtree_info_as(bool owner, bool disabled)
{
    GPtrArray *alias_queue = g_ptr_array_new();
    GPtrArray *roots = g_ptr_array_new();
    unsigned i, j;

    for (i = 0; memory_address_spaces && i < memory_address_spaces->len;
         i++) {
        AddressSpace *as = g_ptr_array_index(memory_address_spaces, i);
        if (as->root && !g_ptr_array_find(roots, as->root, NULL)) {
            g_ptr_array_add(roots, as->root);
        }
    }
    for (i = 0; i < roots->len; i++) {
        MemoryRegion *root = g_ptr_array_index(roots, i);
        GSList *names = NULL, *s;

        for (j = 0; j < memory_address_spaces->len; j++) {
            AddressSpace *as = g_ptr_array_index(memory_address_spaces, j);
            if (as->root == root) {
                names = g_slist_insert_sorted(names, as,
                                              mtree_compare_as_name);
            }
        }
        for (s = names; s; s = s->next) {
            qemu_printf("address-space: %s\n",
                        ((AddressSpace *)s->data)->name);
        }
        g_slist_free(names);
        mtree_print_mr(root, 1, 0, alias_queue, owner, disabled);
        qemu_printf("\n");
    }
    /* The queue grows while we print it: targets of aliases in targets. */
    for (i = 0; i < alias_queue->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(alias_queue, i);

        qemu_printf("memory-region: %s\n", memory_region_name(mr));
        mtree_print_mr(mr, 1, 0, alias_queue, owner, disabled);
        qemu_printf("\n");
    }
    g_ptr_array_free(roots, true);
    g_ptr_array_free(alias_queue, true);
}

static void mtree_print_range(const FlatRange *fr, bool owner)
{
    uint64_t last = fr->size ? fr->size - 1 : UINT64_MAX;

    qemu_printf(MTREE_INDENT "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): %s",
                fr->addr, fr->addr + last, fr->mr->priority,
                fr->readonly ? "rom" : memory_region_type(fr->mr),
                memory_region_name(fr->mr));
    if (fr->offset_in_region) {
        qemu_printf(" @%016" PRIx64, fr->offset_in_region);
    }
    if (owner) {
        mtree_print_owner(fr->mr);
    }
    qemu_printf("\n");
}

static void mtree_print_dispatch(const FlatView *view)
{
    unsigned i;

    qemu_printf(MTREE_INDENT "Dispatch\n");
    qemu_printf(MTREE_INDENT MTREE_INDENT "Physical sections\n");
    qemu_printf(MTREE_INDENT MTREE_INDENT MTREE_INDENT
                "#0 @%016" PRIx64 "..%016" PRIx64 " (noname) [unassigned]\n",
                (uint64_t)0, UINT64_MAX);
    for (i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];
        uint64_t last = fr->size ? fr->size - 1 : UINT64_MAX;

        qemu_printf(MTREE_INDENT MTREE_INDENT MTREE_INDENT
                    "#%u @%016" PRIx64 "..%016" PRIx64 " %s%s\n", i + 1,
                    fr->addr, fr->addr + last, memory_region_name(fr->mr),
                    fr->readonly ? " [ROM]" : "");
    }
}

static void mtree_print_flatview(FlatView *view, unsigned number,
                                 bool dispatch_tree, bool owner)
{
    unsigned i;

    qemu_printf("FlatView #%u\n", number);
    for (i = 0; i < memory_address_spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(memory_address_spaces, i);

        if (as->current_map != view) {
            continue;
        }
        qemu_printf(" AS \"%s\", root: %s", as->name,
                    as->root ? memory_region_name(as->root) : "(none)");
        if (as->root && as->root->kind == MR_ALIAS && as->root->alias) {
            qemu_printf(", alias %s", memory_region_name(as->root->alias));
        }
        qemu_printf("\n");
    }
    qemu_printf(" Root memory region: %s\n",
                view->root ? memory_region_name(view->root) : "(none)");
    if (!view->nr) {
        qemu_printf(MTREE_INDENT "No rendered FlatView\n\n");
        return;
    }
    for (i = 0; i < view->nr; i++) {
        mtree_print_range(&view->ranges[i], owner);
    }
    if (dispatch_tree && view->root) {
        mtree_print_dispatch(view);
    }
    qemu_printf("\n");
}

static void mtree_info_flatview(bool dispatch_tree, bool owner)
{
    GPtrArray *views = g_ptr_array_new();
    unsigned i;

    for (i = 0; memory_address_spaces && i < memory_address_spaces->len;
         i++) {
        AddressSpace *as = g_ptr_array_index(memory_address_spaces, i);
        if (as->current_map &&
            !g_ptr_array_find(views, as->current_map, NULL)) {
            g_ptr_array_add(views, as->current_map);
        }
    }
    for (i = 0; i < views->len; i++) {
        mtree_print_flatview(g_ptr_array_index(views, i), i, dispatch_tree,
                             owner);
    }
    g_ptr_array_free(views, true);
}

void mtree_info(bool flatview, bool dispatch_tree, bool owner,
                bool disabled)
{
    if (flatview) {
        mtree_info_flatview(dispatch_tree, owner);
    } else {
        mtree_info_as(owner, disabled);
    }
}
