/*
 * test-memory.c: unit tests of the memory API (system/memory*.c,
 * system/physmem.c).
 *
 * Each test builds its own small region tree under its own address space
 * and tears it down, so tests do not see each other's regions; the
 * machine's "memory"/"I/O" spaces are only touched by the last test.
 * Expected "info mtree" text follows QEMU 7.2's format as printed by
 * Debian's qemu-system-x86_64 (see system/memory-mtree.c).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/qemu-print.h"
#include "exec/memory.h"
#include "qom/object.h"
#include "qom/container.h"
#include "hw/qdev-core.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED

/* A device whose registers are a byte array, logging every callback. */
typedef struct TestCall {
    bool write;
    hwaddr addr;
    unsigned size;
    uint64_t val;
} TestCall;

typedef struct TestDev {
    uint8_t regs[64];
    GArray *calls;
    MemoryRegion mr;
} TestDev;

static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *d = opaque;
    uint64_t v = 0;
    TestCall c = { false, addr, size, 0 };

    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)d->regs[(addr + i) % sizeof(d->regs)] << (8 * i);
    }
    c.val = v;
    g_array_append_val(d->calls, c);
    return v;
}

static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    TestDev *d = opaque;
    TestCall c = { true, addr, size, val };

    for (unsigned i = 0; i < size; i++) {
        d->regs[(addr + i) % sizeof(d->regs)] = val >> (8 * i);
    }
    g_array_append_val(d->calls, c);
}

static const MemoryRegionOps dev_ops_default = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static const MemoryRegionOps dev_ops_byte_impl = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static const MemoryRegionOps dev_ops_unaligned = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4,
               .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static const MemoryRegionOps dev_ops_dword_impl = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static const MemoryRegionOps dev_ops_word_only = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 2 },
};

static const MemoryRegionOps dev_ops_big_endian = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static TestDev *dev_new(const MemoryRegionOps *ops, const char *name,
                        uint64_t size)
{
    TestDev *d = g_new0(TestDev, 1);

    for (unsigned i = 0; i < sizeof(d->regs); i++) {
        d->regs[i] = 0x10 + i;
    }
    d->calls = g_array_new(false, true, sizeof(TestCall));
    memory_region_init_io(&d->mr, NULL, ops, d, name, size);
    return d;
}

static void dev_free(TestDev *d)
{
    memory_region_finalize(&d->mr);
    g_array_free(d->calls, true);
    g_free(d);
}

static TestCall *dev_call(TestDev *d, unsigned i)
{
    g_assert_cmpuint(i, <, d->calls->len);
    return &g_array_index(d->calls, TestCall, i);
}

static void assert_call(TestDev *d, unsigned i, bool write, hwaddr addr,
                        unsigned size, uint64_t val)
{
    TestCall *c = dev_call(d, i);

    g_assert_cmpint(c->write, ==, write);
    g_assert_cmphex(c->addr, ==, addr);
    g_assert_cmpuint(c->size, ==, size);
    g_assert_cmphex(c->val, ==, val);
}

static MemoryRegion *ram_new(const char *name, uint64_t size)
{
    MemoryRegion *mr = g_new0(MemoryRegion, 1);
    uint8_t *p;

    g_assert_true(memory_region_init_ram(mr, NULL, name, size,
                                         &error_abort));
    p = memory_region_get_ram_ptr(mr);
    for (uint64_t i = 0; i < size; i++) {
        p[i] = i * 7 + 1;
    }
    return mr;
}

static MemoryRegion *container_new(const char *name, uint64_t size)
{
    MemoryRegion *mr = g_new0(MemoryRegion, 1);

    memory_region_init(mr, NULL, name, size);
    return mr;
}

static MemoryRegion *alias_new(const char *name, MemoryRegion *orig,
                               hwaddr offset, uint64_t size)
{
    MemoryRegion *mr = g_new0(MemoryRegion, 1);

    memory_region_init_alias(mr, NULL, name, orig, offset, size);
    return mr;
}

static void region_free(MemoryRegion *mr)
{
    memory_region_finalize(mr);
    g_free(mr);
}

static MemoryRegion *lookup_mr(AddressSpace *as, hwaddr addr)
{
    return address_space_lookup(as, addr).mr;
}

static uint8_t read_u8(AddressSpace *as, hwaddr addr)
{
    uint8_t b = 0;

    g_assert_cmpuint(address_space_read(as, addr, ATTRS, &b, 1), ==,
                     MEMTX_OK);
    return b;
}

/* Expected flat range: start, size (0 = 2^64), region, offset, ro. */
typedef struct ExpRange {
    hwaddr addr;
    uint64_t size;
    MemoryRegion *mr;
    hwaddr offset;
    bool readonly;
} ExpRange;

static void assert_flatview(AddressSpace *as, const ExpRange *exp,
                            unsigned n)
{
    FlatView *view = address_space_to_flatview(as);

    g_assert_nonnull(view);
    g_assert_cmpuint(view->nr, ==, n);
    for (unsigned i = 0; i < n; i++) {
        const FlatRange *fr = &view->ranges[i];
        g_assert_cmphex(fr->addr, ==, exp[i].addr);
        g_assert_cmphex(fr->size, ==, exp[i].size);
        g_assert_true(fr->mr == exp[i].mr);
        g_assert_cmphex(fr->offset_in_region, ==, exp[i].offset);
        g_assert_cmpint(fr->readonly, ==, exp[i].readonly);
    }
}

/* Rendering */

static void test_priority(void)
{
    MemoryRegion *root = container_new("root", 0x10000);
    MemoryRegion *ram = ram_new("ram", 0x8000);
    TestDev *hi = dev_new(&dev_ops_default, "hi", 0x1000);
    TestDev *a = dev_new(&dev_ops_default, "a", 0x1000);
    TestDev *b = dev_new(&dev_ops_default, "b", 0x1000);
    TestDev *low = dev_new(&dev_ops_default, "low", 0x1000);
    AddressSpace as;

    memory_region_add_subregion(root, 0, ram);
    memory_region_add_subregion_overlap(root, 0x1000, &hi->mr, 1);
    /* Equal priorities: the later-added region wins where they overlap. */
    memory_region_add_subregion_overlap(root, 0x4000, &a->mr, 2);
    memory_region_add_subregion_overlap(root, 0x4800, &b->mr, 2);
    /* Lower priority than RAM: only visible past RAM's end. */
    memory_region_add_subregion_overlap(root, 0x7800, &low->mr, -1);
    address_space_init(&as, root, "test-prio");

    g_assert_true(lookup_mr(&as, 0x0800) == ram);
    g_assert_true(lookup_mr(&as, 0x1800) == &hi->mr);
    g_assert_true(lookup_mr(&as, 0x4000) == &a->mr);
    g_assert_true(lookup_mr(&as, 0x47ff) == &a->mr);
    g_assert_true(lookup_mr(&as, 0x4800) == &b->mr);
    g_assert_true(lookup_mr(&as, 0x5000) == &b->mr);
    g_assert_true(lookup_mr(&as, 0x7fff) == ram);
    g_assert_true(lookup_mr(&as, 0x8000) == &low->mr);
    g_assert_null(lookup_mr(&as, 0x9000));

    {
        const ExpRange exp[] = {
            { 0x0000, 0x1000, ram, 0x0000 },
            { 0x1000, 0x1000, &hi->mr, 0 },
            { 0x2000, 0x2000, ram, 0x2000 },
            { 0x4000, 0x0800, &a->mr, 0 },
            { 0x4800, 0x1000, &b->mr, 0 },
            { 0x5800, 0x2800, ram, 0x5800 },
            { 0x8000, 0x0800, &low->mr, 0x800 },
        };
        assert_flatview(&as, exp, G_N_ELEMENTS(exp));
    }

    /* The section says where in the region an address lands. */
    {
        MemoryRegionSection s = address_space_lookup(&as, 0x8123);
        g_assert_cmphex(s.offset_within_region, ==, 0x923);
        g_assert_cmphex(s.offset_within_address_space, ==, 0x8123);
        g_assert_cmphex(s.size, ==, 0x8800 - 0x8123);
    }

    /* A moved region counts as the latest added among its equals. */
    memory_region_set_address(&a->mr, 0x4400);
    g_assert_true(lookup_mr(&as, 0x4800) == &a->mr);
    g_assert_true(lookup_mr(&as, 0x5400) == &b->mr);

    address_space_destroy(&as);
    dev_free(hi);
    dev_free(a);
    dev_free(b);
    dev_free(low);
    region_free(ram);
    region_free(root);
}

static void test_alias(void)
{
    MemoryRegion *root = container_new("root", 0x1000000);
    MemoryRegion *ram = ram_new("ram", 0x10000);
    MemoryRegion *a1 = alias_new("a1", ram, 0x1000, 0x2000);
    MemoryRegion *a2 = alias_new("a2", a1, 0x800, 0x800);
    MemoryRegion *box = container_new("box", 0x1000);
    TestDev *d = dev_new(&dev_ops_default, "dev", 0x100);
    MemoryRegion *a3 = alias_new("a3", box, 0x200, 0x400);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    AddressSpace as;

    memory_region_add_subregion(box, 0x300, &d->mr);
    memory_region_add_subregion(root, 0x100000, a1);
    memory_region_add_subregion(root, 0x200000, a2);
    memory_region_add_subregion(root, 0x300000, a3);
    address_space_init(&as, root, "test-alias");

    g_assert_cmpuint(read_u8(&as, 0x100010), ==, host[0x1010]);
    g_assert_cmpuint(read_u8(&as, 0x101fff), ==, host[0x2fff]);
    /* Alias of an alias: offsets add up. */
    g_assert_cmpuint(read_u8(&as, 0x200000), ==, host[0x1800]);
    g_assert_cmpuint(read_u8(&as, 0x2007ff), ==, host[0x1fff]);
    g_assert_null(lookup_mr(&as, 0x200800));
    g_assert_true(memory_region_get_ram_ptr(a2) == host + 0x1800);

    /* Alias into a container: the device sits at box+0x300 = a3+0x100. */
    g_assert_null(lookup_mr(&as, 0x3000ff));
    g_assert_true(lookup_mr(&as, 0x300100) == &d->mr);
    g_assert_cmpuint(read_u8(&as, 0x300105), ==, 0x15);
    assert_call(d, 0, false, 5, 1, 0x15);
    g_assert_null(lookup_mr(&as, 0x300200));

    {
        const ExpRange exp[] = {
            { 0x100000, 0x2000, ram, 0x1000 },
            { 0x200000, 0x0800, ram, 0x1800 },
            { 0x300100, 0x0100, &d->mr, 0 },
        };
        assert_flatview(&as, exp, G_N_ELEMENTS(exp));
    }

    /* Region-level dispatch resolves containers and aliases too. */
    {
        uint64_t v = 0;

        g_assert_cmpuint(memory_region_dispatch_read(root, 0x100010, &v, 2,
                                                     ATTRS), ==, MEMTX_OK);
        g_assert_cmphex(v, ==, host[0x1010] | host[0x1011] << 8);
        g_assert_cmpuint(memory_region_dispatch_write(a3, 0x106, 0xcd, 1,
                                                      ATTRS), ==, MEMTX_OK);
        assert_call(d, 1, true, 6, 1, 0xcd);
        g_assert_cmpuint(memory_region_dispatch_read(box, 0x10, &v, 1,
                                                     ATTRS), ==,
                         MEMTX_DECODE_ERROR);
        g_assert_cmphex(v, ==, 0xff);
    }

    /* Moving the window moves what the guest sees. */
    memory_region_set_alias_offset(a1, 0x4000);
    g_assert_cmpuint(read_u8(&as, 0x100010), ==, host[0x4010]);
    g_assert_cmpuint(read_u8(&as, 0x200000), ==, host[0x4800]);

    address_space_destroy(&as);
    region_free(a1);
    region_free(a2);
    region_free(a3);
    dev_free(d);
    region_free(box);
    region_free(ram);
    region_free(root);
}

static void test_enable_readonly(void)
{
    MemoryRegion *root = container_new("root", 0x10000);
    MemoryRegion *ram = ram_new("ram", 0x1000);
    TestDev *d = dev_new(&dev_ops_default, "dev", 0x1000);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    uint8_t v = 0x5a;
    AddressSpace as;

    memory_region_add_subregion(root, 0, &d->mr);
    memory_region_add_subregion_overlap(root, 0, ram, 1);
    address_space_init(&as, root, "test-toggle");

    g_assert_cmpuint(read_u8(&as, 3), ==, host[3]);
    memory_region_set_enabled(ram, false);
    g_assert_cmpuint(read_u8(&as, 3), ==, 0x13);
    memory_region_set_enabled(ram, true);
    g_assert_cmpuint(read_u8(&as, 3), ==, host[3]);

    /* Read-only RAM: guest writes vanish (MEMTX_OK), reads still work. */
    memory_region_set_readonly(ram, true);
    g_assert_true(lookup_mr(&as, 3) == ram);
    g_assert_true(address_space_lookup(&as, 3).readonly);
    g_assert_cmpuint(address_space_write(&as, 3, ATTRS, &v, 1), ==,
                     MEMTX_OK);
    g_assert_cmpuint(host[3], ==, (uint8_t)(3 * 7 + 1));
    /* ... but firmware loading writes it. */
    g_assert_cmpuint(address_space_write_rom(&as, 3, ATTRS, &v, 1), ==,
                     MEMTX_OK);
    g_assert_cmpuint(host[3], ==, 0x5a);

    memory_region_set_readonly(ram, false);
    v = 0x77;
    g_assert_cmpuint(address_space_write(&as, 3, ATTRS, &v, 1), ==,
                     MEMTX_OK);
    g_assert_cmpuint(host[3], ==, 0x77);
    g_assert_cmpuint(d->calls->len, ==, 1);

    address_space_destroy(&as);
    region_free(ram);
    dev_free(d);
    region_free(root);
}

static void test_nested_clip(void)
{
    MemoryRegion *root = container_new("root", 0x100000);
    MemoryRegion *outer = container_new("outer", 0x2000);
    MemoryRegion *inner = container_new("inner", 0x1000);
    MemoryRegion *ram = ram_new("ram", 0x4000);
    TestDev *d = dev_new(&dev_ops_default, "dev", 0x100);
    TestDev *far = dev_new(&dev_ops_default, "far", 0x100);
    AddressSpace as;

    /*
     * outer covers 0x10000-0x11fff; inner sits at 0x11800 and would reach
     * 0x127ff; ram at 0x11c00 would reach 0x15bff; far at 0x12100 lies
     * wholly outside outer.
     */
    memory_region_add_subregion(inner, 0x400, ram);
    memory_region_add_subregion(inner, 0x900, &far->mr);
    memory_region_add_subregion(outer, 0x1800, inner);
    memory_region_add_subregion(outer, 0x100, &d->mr);
    memory_region_add_subregion(root, 0x10000, outer);
    address_space_init(&as, root, "test-clip");

    {
        const ExpRange exp[] = {
            { 0x10100, 0x100, &d->mr, 0 },
            { 0x11c00, 0x400, ram, 0 },
        };
        assert_flatview(&as, exp, G_N_ELEMENTS(exp));
    }
    g_assert_null(lookup_mr(&as, 0x12000));
    g_assert_null(lookup_mr(&as, 0x12100));

    /* Growing outer uncovers more of inner (still clipped by inner). */
    memory_region_set_size(outer, 0x4000);
    {
        const ExpRange exp[] = {
            { 0x10100, 0x100, &d->mr, 0 },
            { 0x11c00, 0x500, ram, 0 },
            { 0x12100, 0x100, &far->mr, 0 },
            { 0x12200, 0x600, ram, 0x600 },
        };
        assert_flatview(&as, exp, G_N_ELEMENTS(exp));
    }
    /* Moving inner moves everything inside it. */
    memory_region_set_address(inner, 0);
    g_assert_true(lookup_mr(&as, 0x10400) == ram);
    g_assert_true(lookup_mr(&as, 0x10900) == &far->mr);
    g_assert_true(lookup_mr(&as, 0x10100) == &d->mr);

    address_space_destroy(&as);
    dev_free(d);
    dev_free(far);
    region_free(ram);
    region_free(inner);
    region_free(outer);
    region_free(root);
}

/* Access sizes */

/* An address space with one device at 0x1000 (and nothing else). */
typedef struct DevSpace {
    MemoryRegion root;
    AddressSpace as;
    TestDev *dev;
} DevSpace;

static DevSpace *dev_space_new(const MemoryRegionOps *ops)
{
    DevSpace *s = g_new0(DevSpace, 1);

    memory_region_init(&s->root, NULL, "root", 0x10000);
    s->dev = dev_new(ops, "dev", 0x40);
    memory_region_add_subregion(&s->root, 0x1000, &s->dev->mr);
    address_space_init(&s->as, &s->root, "test-dev");
    return s;
}

static void dev_space_free(DevSpace *s)
{
    address_space_destroy(&s->as);
    dev_free(s->dev);
    memory_region_finalize(&s->root);
    g_free(s);
}

static void test_split_wide(void)
{
    DevSpace *s = dev_space_new(&dev_ops_byte_impl);
    uint64_t v = 0;

    /* An 8-byte load from a byte-wide device: 8 calls, LE assembly. */
    g_assert_cmpuint(address_space_ld(&s->as, 0x1008, 8, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x1f1e1d1c1b1a1918ULL);
    g_assert_cmpuint(s->dev->calls->len, ==, 8);
    for (unsigned i = 0; i < 8; i++) {
        assert_call(s->dev, i, false, 8 + i, 1, 0x18 + i);
    }

    g_array_set_size(s->dev->calls, 0);
    g_assert_cmpuint(address_space_st(&s->as, 0x1010, 8,
                                      0x8877665544332211ULL, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmpuint(s->dev->calls->len, ==, 8);
    for (unsigned i = 0; i < 8; i++) {
        assert_call(s->dev, i, true, 0x10 + i, 1, 0x11 * (i + 1));
    }

    /* The same through memory_region_dispatch_* directly. */
    g_array_set_size(s->dev->calls, 0);
    g_assert_cmpuint(memory_region_dispatch_read(&s->dev->mr, 0x10, &v, 2,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0x2211);
    g_assert_cmpuint(s->dev->calls->len, ==, 2);
    dev_space_free(s);
}

static void test_split_unaligned(void)
{
    DevSpace *s = dev_space_new(&dev_ops_unaligned);
    uint64_t v = 0;

    /* Accepted unaligned 4-byte access, implemented as aligned pieces. */
    g_assert_cmpuint(address_space_ld(&s->as, 0x1001, 4, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x14131211);
    g_assert_cmpuint(s->dev->calls->len, ==, 3);
    assert_call(s->dev, 0, false, 1, 1, 0x11);
    assert_call(s->dev, 1, false, 2, 2, 0x1312);
    assert_call(s->dev, 2, false, 4, 1, 0x14);

    g_array_set_size(s->dev->calls, 0);
    g_assert_cmpuint(address_space_st(&s->as, 0x1003, 2, 0xbbaa, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmpuint(s->dev->calls->len, ==, 2);
    assert_call(s->dev, 0, true, 3, 1, 0xaa);
    assert_call(s->dev, 1, true, 4, 1, 0xbb);
    dev_space_free(s);
}

static void test_widen(void)
{
    DevSpace *s = dev_space_new(&dev_ops_dword_impl);
    uint64_t v = 0;

    /* A byte read of a dword-only device reads the dword, takes a byte. */
    g_assert_cmpuint(address_space_ld(&s->as, 0x1006, 1, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x16);
    g_assert_cmpuint(s->dev->calls->len, ==, 1);
    assert_call(s->dev, 0, false, 4, 4, 0x17161514);

    /* A byte write: the value shifted into place, other bytes zero. */
    g_array_set_size(s->dev->calls, 0);
    g_assert_cmpuint(address_space_st(&s->as, 0x1007, 1, 0xab, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmpuint(s->dev->calls->len, ==, 1);
    assert_call(s->dev, 0, true, 4, 4, 0xab000000);

    /* A word at 2 stays inside one dword: one call. */
    g_array_set_size(s->dev->calls, 0);
    g_assert_cmpuint(address_space_ld(&s->as, 0x1002, 2, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x1312);
    g_assert_cmpuint(s->dev->calls->len, ==, 1);
    assert_call(s->dev, 0, false, 0, 4, 0x13121110);
    dev_space_free(s);
}

static void test_big_endian(void)
{
    DevSpace *s = dev_space_new(&dev_ops_big_endian);
    uint64_t v = 0;

    /* The device's value 0x13121110 is the bytes 13 12 11 10 in memory. */
    g_assert_cmpuint(address_space_ld(&s->as, 0x1000, 4, &v, ATTRS), ==,
                     MEMTX_OK);
    assert_call(s->dev, 0, false, 0, 4, 0x13121110);
    g_assert_cmphex(v, ==, 0x10111213);
    g_assert_cmpuint(address_space_st(&s->as, 0x1004, 2, 0xbbaa, ATTRS), ==,
                     MEMTX_OK);
    assert_call(s->dev, 1, true, 4, 2, 0xaabb);
    dev_space_free(s);
}

static void test_valid_refused(void)
{
    DevSpace *s = dev_space_new(&dev_ops_word_only);
    g_autofree char *dir = g_dir_make_tmp("test-memory-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autofree char *text = NULL;
    uint64_t v = 0;

    g_assert_true(qemu_set_log_filename_flags(path, LOG_GUEST_ERROR,
                                              &error_abort));
    g_assert_cmpuint(address_space_ld(&s->as, 0x1000, 4, &v, ATTRS), ==,
                     MEMTX_ACCESS_ERROR);
    g_assert_cmphex(v, ==, 0xffffffff);
    g_assert_cmpuint(address_space_st(&s->as, 0x100b, 2, 0, ATTRS), ==,
                     MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(address_space_ld(&s->as, 0x1002, 2, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x1312);
    g_assert_cmpuint(s->dev->calls->len, ==, 1);
    g_assert_true(qemu_set_log_filename_flags(NULL, 0, &error_abort));

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==,
                    "Invalid read at addr 0x0, size 4, region 'dev', "
                    "reason: invalid size (min:2 max:2)\n"
                    "Invalid write at addr 0xB, size 2, region 'dev', "
                    "reason: unaligned\n");
    unlink(path);
    rmdir(dir);
    dev_space_free(s);
}

/* The data path */

static void test_unassigned(void)
{
    DevSpace *s = dev_space_new(&dev_ops_default);
    uint8_t buf[8];
    uint64_t v = 0;

    memset(buf, 0, sizeof(buf));
    g_assert_cmpuint(address_space_read(&s->as, 0x2000, ATTRS, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    for (unsigned i = 0; i < 8; i++) {
        g_assert_cmphex(buf[i], ==, 0xff);
    }
    g_assert_cmpuint(address_space_ld(&s->as, 0x20, 4, &v, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(v, ==, 0xffffffff);
    g_assert_cmpuint(address_space_write(&s->as, 0x2000, ATTRS, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    /* Beyond the root's 64 KiB: a hole as well. */
    g_assert_cmpuint(address_space_read(&s->as, 0x10000, ATTRS, buf, 1), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpuint(s->dev->calls->len, ==, 0);
    dev_space_free(s);
}

static void test_span(void)
{
    MemoryRegion *root = container_new("root", 0x10000);
    MemoryRegion *ram = ram_new("ram", 0x1000);
    TestDev *d = dev_new(&dev_ops_default, "dev", 0x10);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    uint8_t buf[0x30], out[0x30];
    AddressSpace as;

    memory_region_add_subregion(root, 0, ram);
    memory_region_add_subregion(root, 0x1000, &d->mr);
    address_space_init(&as, root, "test-span");

    /* 0xff0-0xfff RAM, 0x1000-0x100f device, 0x1010-0x101f hole. */
    g_assert_cmpuint(address_space_read(&as, 0xff0, ATTRS, buf, 0x30), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpmem(buf, 0x10, host + 0xff0, 0x10);
    for (unsigned i = 0; i < 0x10; i++) {
        g_assert_cmphex(buf[0x10 + i], ==, 0x10 + i);
        g_assert_cmphex(buf[0x20 + i], ==, 0xff);
    }
    /* The device saw the largest aligned accesses it accepts (4 bytes). */
    g_assert_cmpuint(d->calls->len, ==, 4);
    for (unsigned i = 0; i < 4; i++) {
        assert_call(d, i, false, 4 * i, 4, dev_call(d, i)->val);
    }

    g_array_set_size(d->calls, 0);
    for (unsigned i = 0; i < sizeof(out); i++) {
        out[i] = 0xa0 + i;
    }
    g_assert_cmpuint(address_space_write(&as, 0xffe, ATTRS, out, 0x13), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpmem(host + 0xffe, 2, out, 2);
    g_assert_cmpmem(d->regs, 0x10, out + 2, 0x10);
    /* 0x1000 (4 x 4 bytes) then the hole byte at 0x1010. */
    g_assert_cmpuint(d->calls->len, ==, 4);

    /* Unaligned start in the device: 1 + 2 + 4 ... pieces. */
    g_array_set_size(d->calls, 0);
    g_assert_cmpuint(address_space_read(&as, 0x1001, ATTRS, buf, 7), ==,
                     MEMTX_OK);
    g_assert_cmpuint(d->calls->len, ==, 3);
    assert_call(d, 0, false, 1, 1, dev_call(d, 0)->val);
    assert_call(d, 1, false, 2, 2, dev_call(d, 1)->val);
    assert_call(d, 2, false, 4, 4, dev_call(d, 2)->val);

    address_space_destroy(&as);
    dev_free(d);
    region_free(ram);
    region_free(root);
}

static void test_overflow(void)
{
    MemoryRegion *root = container_new("top", UINT64_MAX);
    MemoryRegion *ram = ram_new("ram", 0x1000);
    MemoryRegion *low = ram_new("low", 0x1000);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    uint8_t *lowhost = memory_region_get_ram_ptr(low);
    uint8_t buf[0x20], zero[0x20] = { 0 };
    uint8_t before = lowhost[0];
    hwaddr len;
    AddressSpace as;

    g_assert_cmphex(memory_region_size(root), ==, UINT64_MAX);
    memory_region_add_subregion(root, 0xfffffffffffff000ULL, ram);
    memory_region_add_subregion(root, 0, low);
    address_space_init(&as, root, "test-overflow");

    /* The last 16 bytes of the space, then 16 that would wrap to 0. */
    g_assert_cmpuint(address_space_read(&as, UINT64_MAX - 0xf, ATTRS, buf,
                                        0x20), ==, MEMTX_DECODE_ERROR);
    g_assert_cmpmem(buf, 0x10, host + 0xff0, 0x10);
    for (unsigned i = 0x10; i < 0x20; i++) {
        g_assert_cmphex(buf[i], ==, 0xff);
    }
    g_assert_cmpuint(address_space_write(&as, UINT64_MAX, ATTRS, zero,
                                         0x20), ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(host[0xfff], ==, 0);
    g_assert_cmphex(lowhost[0], ==, before);

    len = 0x100;
    g_assert_nonnull(address_space_map(&as, UINT64_MAX - 3, &len, false,
                                       ATTRS));
    g_assert_cmphex(len, ==, 4);

    address_space_destroy(&as);
    region_free(ram);
    region_free(low);
    region_free(root);
}

static void test_ram_bounds(void)
{
    MemoryRegion *root = container_new("root", 0x10000);
    MemoryRegion ram;
    uint8_t *backing = g_malloc(100);
    uint8_t buf[0x200];
    AddressSpace as;

    /* Caller memory of 100 bytes; then the region claims to be bigger. */
    memset(backing, 0x42, 100);
    memory_region_init_ram_ptr(&ram, NULL, "ptr", 100, backing);
    memory_region_add_subregion(root, 0x1000, &ram);
    address_space_init(&as, root, "test-bounds");
    g_assert_cmpuint(address_space_read(&as, 0x1000, ATTRS, buf, 0x200), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[99], ==, 0x42);
    g_assert_cmphex(buf[100], ==, 0xff);

    memory_region_set_size(&ram, 0x1000);
    memset(buf, 0x33, sizeof(buf));
    g_assert_cmpuint(address_space_write(&as, 0x1000, ATTRS, buf, 0x200), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(backing[99], ==, 0x33);
    g_assert_cmpuint(address_space_read(&as, 0x1050, ATTRS, buf, 0x100), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[0x13], ==, 0x33);
    g_assert_cmphex(buf[0x14], ==, 0xff);

    address_space_destroy(&as);
    memory_region_finalize(&ram);
    g_free(backing);
    region_free(root);
}

static void test_rom(void)
{
    MemoryRegion *root = container_new("root", 0x100000);
    MemoryRegion rom, romdev;
    TestDev *d = dev_new(&dev_ops_default, "unused", 4);
    uint8_t data[4] = { 1, 2, 3, 4 }, buf[4];
    uint8_t *host;
    AddressSpace as;

    g_assert_true(memory_region_init_rom(&rom, NULL, "rom", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_is_ram(&rom));
    g_assert_true(memory_region_is_rom(&rom));
    g_assert_true(memory_region_init_rom_device(&romdev, NULL,
                                                &dev_ops_default, d, "romd",
                                                0x1000, &error_abort));
    g_assert_true(memory_region_is_romd(&romdev));
    memory_region_add_subregion(root, 0, &rom);
    memory_region_add_subregion(root, 0x1000, &romdev);
    address_space_init(&as, root, "test-rom");

    host = memory_region_get_ram_ptr(&rom);
    g_assert_cmpuint(address_space_write(&as, 0x10, ATTRS, data, 4), ==,
                     MEMTX_OK);
    g_assert_cmpuint(host[0x10], ==, 0);
    g_assert_cmpuint(address_space_write_rom(&as, 0x10, ATTRS, data, 4), ==,
                     MEMTX_OK);
    g_assert_cmpmem(host + 0x10, 4, data, 4);

    /* ROM device: reads from memory in ROMD mode, writes go to the ops. */
    host = memory_region_get_ram_ptr(&romdev);
    g_assert_cmpuint(address_space_write_rom(&as, 0x1000, ATTRS, data, 4),
                     ==, MEMTX_OK);
    g_assert_cmpuint(d->calls->len, ==, 0);
    g_assert_cmpuint(address_space_read(&as, 0x1000, ATTRS, buf, 4), ==,
                     MEMTX_OK);
    g_assert_cmpmem(buf, 4, data, 4);
    g_assert_cmpuint(d->calls->len, ==, 0);
    g_assert_cmpuint(address_space_write(&as, 0x1000, ATTRS, data, 4), ==,
                     MEMTX_OK);
    assert_call(d, 0, true, 0, 4, 0x04030201);
    memory_region_rom_device_set_romd(&romdev, false);
    g_assert_cmpuint(address_space_read(&as, 0x1000, ATTRS, buf, 4), ==,
                     MEMTX_OK);
    g_assert_cmpuint(d->calls->len, ==, 2);
    g_assert_true(dev_call(d, 1)->write == false);

    address_space_destroy(&as);
    memory_region_finalize(&rom);
    memory_region_finalize(&romdev);
    dev_free(d);
    region_free(root);
}

static void test_ram_alloc_fail(void)
{
    MemoryRegion mr;
    Error *err = NULL;

    g_assert_false(memory_region_init_ram(&mr, NULL, "huge",
                                          UINT64_MAX - 0x10, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot set up guest memory 'huge': "
                    "Cannot allocate memory");
    error_free(err);
    g_assert_false(mr.initialized);
    g_assert_null(qemu_ram_block_by_name("huge"));
}

/* Dirty tracking and direct mapping */

static void test_dirty(void)
{
    MemoryRegion *root = container_new("root", 0x100000);
    MemoryRegion *ram = ram_new("ram", 0x10000);
    MemoryRegion *win = alias_new("win", ram, 0x8000, 0x1000);
    uint8_t v = 1;
    AddressSpace as;

    memory_region_add_subregion(root, 0, ram);
    address_space_init(&as, root, "test-dirty");

    /* Fresh RAM starts dirty for every client, as in QEMU. */
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        g_assert_true(memory_region_get_dirty(ram, 0, 0x10000, c));
        memory_region_reset_dirty(ram, 0, 0x10000, c);
        g_assert_false(memory_region_get_dirty(ram, 0, 0x10000, c));
    }

    g_assert_cmpuint(address_space_write(&as, 0x1234, ATTRS, &v, 1), ==,
                     MEMTX_OK);
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        g_assert_false(memory_region_get_dirty(ram, 0, 0x1000, c));
        g_assert_true(memory_region_get_dirty(ram, 0x1fff, 1, c));
        g_assert_false(memory_region_get_dirty(ram, 0x2000, 0xe000, c));
    }
    g_assert_true(memory_region_test_and_clear_dirty(ram, 0, 0x10000,
                                                     DIRTY_MEMORY_VGA));
    g_assert_false(memory_region_test_and_clear_dirty(ram, 0, 0x10000,
                                                      DIRTY_MEMORY_VGA));
    /* Other clients keep their bits. */
    g_assert_true(memory_region_get_dirty(ram, 0x1000, 1, DIRTY_MEMORY_CODE));

    /* A 2-byte range across a page boundary dirties both pages. */
    memory_region_set_dirty(ram, 0x3fff, 2);
    g_assert_true(memory_region_test_and_clear_dirty(ram, 0x3000, 1,
                                                     DIRTY_MEMORY_VGA));
    g_assert_true(memory_region_test_and_clear_dirty(ram, 0x4fff, 1,
                                                     DIRTY_MEMORY_VGA));
    g_assert_false(memory_region_get_dirty(ram, 0x5000, 0xb000,
                                           DIRTY_MEMORY_VGA));
    /* Through an alias the offsets are the target's. */
    memory_region_set_dirty(win, 0x10, 1);
    g_assert_true(memory_region_get_dirty(ram, 0x8000, 0x1000,
                                          DIRTY_MEMORY_VGA));
    /* Ranges past the end are clipped, and a zero length is nothing. */
    g_assert_false(memory_region_get_dirty(ram, 0xf000, 0, DIRTY_MEMORY_VGA));
    memory_region_set_dirty(ram, 0xffff, UINT64_MAX);
    g_assert_true(memory_region_get_dirty(ram, 0xf000, UINT64_MAX,
                                          DIRTY_MEMORY_VGA));
    g_assert_false(memory_region_get_dirty(ram, 0x10000, 0x1000,
                                           DIRTY_MEMORY_VGA));

    address_space_destroy(&as);
    region_free(win);
    region_free(ram);
    region_free(root);
}

static void test_map(void)
{
    MemoryRegion *root = container_new("root", 0x100000);
    MemoryRegion *ram = ram_new("ram", 0x4000);
    MemoryRegion *ro = alias_new("ro", ram, 0, 0x1000);
    TestDev *d = dev_new(&dev_ops_default, "dev", 0x100);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    uint8_t *p;
    hwaddr len;
    AddressSpace as;

    memory_region_add_subregion(root, 0x10000, ram);
    memory_region_add_subregion(root, 0x14000, &d->mr);
    memory_region_set_readonly(ro, true);
    memory_region_add_subregion(root, 0x20000, ro);
    address_space_init(&as, root, "test-map");
    memory_region_reset_dirty(ram, 0, 0x4000, DIRTY_MEMORY_VGA);

    len = 0x10000;
    p = address_space_map(&as, 0x13000, &len, true, ATTRS);
    g_assert_true(p == host + 0x3000);
    g_assert_cmphex(len, ==, 0x1000);      /* clipped at RAM's end */
    memset(p + 0x800, 0xee, 0x10);
    address_space_unmap(&as, p, len, true, 0x810);
    g_assert_true(memory_region_get_dirty(ram, 0x3000, 0x1000,
                                          DIRTY_MEMORY_VGA));
    g_assert_false(memory_region_get_dirty(ram, 0, 0x3000,
                                           DIRTY_MEMORY_VGA));

    len = 4;
    g_assert_null(address_space_map(&as, 0x14000, &len, false, ATTRS));
    g_assert_cmphex(len, ==, 0);
    len = 4;
    g_assert_null(address_space_map(&as, 0x30000, &len, false, ATTRS));
    len = 4;
    g_assert_null(address_space_map(&as, 0x20000, &len, true, ATTRS));
    len = 4;
    g_assert_true(address_space_map(&as, 0x20000, &len, false, ATTRS) ==
                  host);
    g_assert_cmphex(len, ==, 4);

    address_space_destroy(&as);
    region_free(ro);
    dev_free(d);
    region_free(ram);
    region_free(root);
}

/* Listeners and transactions */

typedef struct TestListener {
    MemoryListener ml;
    GPtrArray *events;
} TestListener;

static void tl_log(MemoryListener *ml, const char *what,
                   MemoryRegionSection *s)
{
    TestListener *tl = container_of(ml, TestListener, ml);

    if (!s) {
        g_ptr_array_add(tl->events, g_strdup(what));
        return;
    }
    g_ptr_array_add(tl->events,
                    g_strdup_printf("%s %" PRIx64 "+%" PRIx64 " %s@%" PRIx64
                                    "%s", what,
                                    s->offset_within_address_space, s->size,
                                    memory_region_name(s->mr),
                                    s->offset_within_region,
                                    s->readonly ? " ro" : ""));
}

static void tl_begin(MemoryListener *ml)
{
    tl_log(ml, "begin", NULL);
}

static void tl_commit(MemoryListener *ml)
{
    tl_log(ml, "commit", NULL);
}

static void tl_add(MemoryListener *ml, MemoryRegionSection *s)
{
    tl_log(ml, "add", s);
}

static void tl_del(MemoryListener *ml, MemoryRegionSection *s)
{
    tl_log(ml, "del", s);
}

static void tl_nop(MemoryListener *ml, MemoryRegionSection *s)
{
    tl_log(ml, "nop", s);
}

static void tl_log_start(MemoryListener *ml, MemoryRegionSection *s,
                         int old, int new_)
{
    g_autofree char *what = g_strdup_printf("log_start %d->%d", old, new_);
    tl_log(ml, what, s);
}

static void tl_log_stop(MemoryListener *ml, MemoryRegionSection *s,
                        int old, int new_)
{
    g_autofree char *what = g_strdup_printf("log_stop %d->%d", old, new_);
    tl_log(ml, what, s);
}

static void tl_init(TestListener *tl, unsigned priority)
{
    memset(tl, 0, sizeof(*tl));
    tl->ml = (MemoryListener) {
        .name = "test",
        .begin = tl_begin,
        .commit = tl_commit,
        .region_add = tl_add,
        .region_del = tl_del,
        .region_nop = tl_nop,
        .log_start = tl_log_start,
        .log_stop = tl_log_stop,
        .priority = priority,
    };
    tl->events = g_ptr_array_new_with_free_func(g_free);
}

/* Compare and forget the events seen so far. */
static void tl_expect(TestListener *tl, const char *const *exp)
{
    unsigned n = g_strv_length((char **)exp);

    for (unsigned i = 0; i < MAX(n, tl->events->len); i++) {
        g_assert_cmpstr(i < tl->events->len ?
                        (char *)g_ptr_array_index(tl->events, i) : "(none)",
                        ==, i < n ? exp[i] : "(none)");
    }
    g_ptr_array_set_size(tl->events, 0);
}

/* root: ram 0-3fff, dev 1000-1fff at priority 1 over it. */
typedef struct ListenSpace {
    MemoryRegion root;
    MemoryRegion *ram;
    TestDev *dev;
    AddressSpace as;
} ListenSpace;

static ListenSpace *listen_space_new(void)
{
    ListenSpace *s = g_new0(ListenSpace, 1);

    memory_region_init(&s->root, NULL, "root", 0x10000);
    s->ram = ram_new("ram", 0x4000);
    s->dev = dev_new(&dev_ops_default, "dev", 0x1000);
    memory_region_add_subregion(&s->root, 0, s->ram);
    memory_region_add_subregion_overlap(&s->root, 0x1000, &s->dev->mr, 1);
    address_space_init(&s->as, &s->root, "test-listen");
    return s;
}

static void listen_space_free(ListenSpace *s)
{
    address_space_destroy(&s->as);
    dev_free(s->dev);
    region_free(s->ram);
    memory_region_finalize(&s->root);
    g_free(s);
}

static void test_listener(void)
{
    ListenSpace *s = listen_space_new();
    TestListener tl;
    TestDev *x = dev_new(&dev_ops_default, "x", 0x100);

    tl_init(&tl, 10);
    memory_listener_register(&tl.ml, &s->as);
    {
        const char *const exp[] = {
            "begin", "add 0+1000 ram@0", "add 1000+1000 dev@0",
            "add 2000+2000 ram@2000", "commit", NULL
        };
        tl_expect(&tl, exp);
    }

    memory_region_set_enabled(&s->dev->mr, false);
    {
        const char *const exp[] = {
            "begin", "del 0+1000 ram@0", "del 1000+1000 dev@0",
            "del 2000+2000 ram@2000", "add 0+4000 ram@0", "commit", NULL
        };
        tl_expect(&tl, exp);
    }

    memory_region_set_enabled(&s->dev->mr, true);
    {
        const char *const exp[] = {
            "begin", "del 0+4000 ram@0", "add 0+1000 ram@0",
            "add 1000+1000 dev@0", "add 2000+2000 ram@2000", "commit", NULL
        };
        tl_expect(&tl, exp);
    }

    /* Unrelated change: unchanged ranges are nops, in address order. */
    memory_region_add_subregion(&s->root, 0x8000, &x->mr);
    {
        const char *const exp[] = {
            "begin", "nop 0+1000 ram@0", "nop 1000+1000 dev@0",
            "nop 2000+2000 ram@2000", "add 8000+100 x@0", "commit", NULL
        };
        tl_expect(&tl, exp);
    }

    /* A changed attribute is a del and an add of the same range. */
    memory_region_set_readonly(s->ram, true);
    {
        const char *const exp[] = {
            "begin", "del 0+1000 ram@0", "del 2000+2000 ram@2000",
            "add 0+1000 ram@0 ro", "nop 1000+1000 dev@0",
            "add 2000+2000 ram@2000 ro", "nop 8000+100 x@0", "commit", NULL
        };
        tl_expect(&tl, exp);
    }
    memory_region_set_readonly(s->ram, false);
    g_ptr_array_set_size(tl.events, 0);

    /* Dirty logging shows up as log_start/log_stop on unchanged ranges. */
    memory_region_set_log(s->ram, true, DIRTY_MEMORY_VGA);
    {
        const char *const exp[] = {
            "begin", "nop 0+1000 ram@0", "log_start 0->1 0+1000 ram@0",
            "nop 1000+1000 dev@0", "nop 2000+2000 ram@2000",
            "log_start 0->1 2000+2000 ram@2000", "nop 8000+100 x@0",
            "commit", NULL
        };
        tl_expect(&tl, exp);
    }
    /* A listener registered now gets the logging replayed too. */
    {
        TestListener late;
        const char *const exp[] = {
            "begin", "add 0+1000 ram@0", "log_start 0->1 0+1000 ram@0",
            "add 1000+1000 dev@0", "add 2000+2000 ram@2000",
            "log_start 0->1 2000+2000 ram@2000", "add 8000+100 x@0",
            "commit", NULL
        };

        tl_init(&late, 5);
        memory_listener_register(&late.ml, &s->as);
        tl_expect(&late, exp);
        memory_listener_unregister(&late.ml);
        g_ptr_array_free(late.events, true);
        g_ptr_array_set_size(tl.events, 0);
    }
    memory_region_set_log(s->ram, false, DIRTY_MEMORY_VGA);
    {
        const char *const exp[] = {
            "begin", "nop 0+1000 ram@0", "log_stop 1->0 0+1000 ram@0",
            "nop 1000+1000 dev@0", "nop 2000+2000 ram@2000",
            "log_stop 1->0 2000+2000 ram@2000", "nop 8000+100 x@0",
            "commit", NULL
        };
        tl_expect(&tl, exp);
    }

    /* A region can leave and come back. */
    memory_region_del_subregion(&s->root, &x->mr);
    g_assert_null(lookup_mr(&s->as, 0x8000));
    memory_region_add_subregion(&s->root, 0x9000, &x->mr);
    g_assert_true(lookup_mr(&s->as, 0x9000) == &x->mr);
    g_ptr_array_set_size(tl.events, 0);

    memory_listener_unregister(&tl.ml);
    {
        const char *const exp[] = {
            "begin", "del 0+1000 ram@0", "del 1000+1000 dev@0",
            "del 2000+2000 ram@2000", "del 9000+100 x@0", "commit", NULL
        };
        tl_expect(&tl, exp);
    }
    memory_region_set_enabled(&s->dev->mr, false);
    g_assert_cmpuint(tl.events->len, ==, 0);

    dev_free(x);
    listen_space_free(s);
    g_ptr_array_free(tl.events, true);
}

static void test_listener_order(void)
{
    ListenSpace *s = listen_space_new();
    MemoryRegion other_root;
    AddressSpace other;
    TestListener a, b, c;
    GPtrArray *shared = g_ptr_array_new_with_free_func(g_free);

    memory_region_init(&other_root, NULL, "other", 0x1000);
    address_space_init(&other, &other_root, "test-other");
    tl_init(&a, 1);
    tl_init(&b, 2);
    tl_init(&c, 0);
    /* All three log into one array to show the call order. */
    g_ptr_array_free(a.events, true);
    g_ptr_array_free(b.events, true);
    g_ptr_array_free(c.events, true);
    a.events = b.events = c.events = shared;
    b.ml.name = "b";
    memory_listener_register(&b.ml, &s->as);
    memory_listener_register(&a.ml, &s->as);
    memory_listener_register(&c.ml, &other);
    g_ptr_array_set_size(shared, 0);

    /* begin/commit go to every listener; sections only to the AS's. */
    memory_region_set_enabled(&s->dev->mr, false);
    {
        const char *const exp[] = {
            "begin", "begin", "begin",
            /* del: last listener first (b then a) */
            "del 0+1000 ram@0", "del 0+1000 ram@0",
            "del 1000+1000 dev@0", "del 1000+1000 dev@0",
            "del 2000+2000 ram@2000", "del 2000+2000 ram@2000",
            "add 0+4000 ram@0", "add 0+4000 ram@0",
            "commit", "commit", "commit", NULL
        };
        tl_expect(&a, exp);
    }
    memory_listener_unregister(&a.ml);
    memory_listener_unregister(&b.ml);
    memory_listener_unregister(&c.ml);
    address_space_destroy(&other);
    memory_region_finalize(&other_root);
    listen_space_free(s);
    g_ptr_array_free(shared, true);
}

static void test_transaction(void)
{
    ListenSpace *s = listen_space_new();
    TestDev *x = dev_new(&dev_ops_default, "x", 0x100);
    TestListener tl;
    unsigned begins = 0, commits = 0;

    tl_init(&tl, 0);
    memory_listener_register(&tl.ml, &s->as);
    g_ptr_array_set_size(tl.events, 0);

    memory_region_transaction_begin();
    memory_region_set_enabled(&s->dev->mr, false);
    memory_region_transaction_begin();
    memory_region_add_subregion(&s->root, 0x8000, &x->mr);
    memory_region_set_readonly(s->ram, true);
    memory_region_transaction_commit();
    /* Nothing is visible before the outermost commit. */
    g_assert_cmpuint(tl.events->len, ==, 0);
    g_assert_true(lookup_mr(&s->as, 0x1000) == &s->dev->mr);
    g_assert_null(lookup_mr(&s->as, 0x8000));
    memory_region_transaction_commit();

    g_assert_true(lookup_mr(&s->as, 0x1000) == s->ram);
    g_assert_true(lookup_mr(&s->as, 0x8000) == &x->mr);
    for (unsigned i = 0; i < tl.events->len; i++) {
        const char *e = g_ptr_array_index(tl.events, i);
        begins += !strcmp(e, "begin");
        commits += !strcmp(e, "commit");
    }
    g_assert_cmpuint(begins, ==, 1);
    g_assert_cmpuint(commits, ==, 1);
    {
        const char *const exp[] = {
            "begin", "del 0+1000 ram@0", "del 1000+1000 dev@0",
            "del 2000+2000 ram@2000", "add 0+4000 ram@0 ro",
            "add 8000+100 x@0", "commit", NULL
        };
        tl_expect(&tl, exp);
    }

    /* A transaction that changes nothing calls nobody. */
    memory_region_transaction_begin();
    memory_region_set_enabled(&s->dev->mr, false);
    memory_region_transaction_commit();
    g_assert_cmpuint(tl.events->len, ==, 0);

    memory_listener_unregister(&tl.ml);
    memory_region_del_subregion(&s->root, &x->mr);
    dev_free(x);
    listen_space_free(s);
    g_ptr_array_free(tl.events, true);
}

static void test_finalize_in_transaction(void)
{
    MemoryRegion *root = container_new("root", 0x10000);
    MemoryRegion ram;
    TestListener tl;
    uint8_t b = 0;
    AddressSpace as;

    g_assert_true(memory_region_init_ram(&ram, NULL, "gone", 0x1000,
                                         &error_abort));
    memory_region_add_subregion(root, 0x1000, &ram);
    address_space_init(&as, root, "test-finalize");
    tl_init(&tl, 0);
    memory_listener_register(&tl.ml, &as);
    g_ptr_array_set_size(tl.events, 0);

    memory_region_transaction_begin();
    memory_region_finalize(&ram);
    /* The old view still names the region; it now reads as a hole. */
    g_assert_cmpuint(address_space_read(&as, 0x1000, ATTRS, &b, 1), !=,
                     MEMTX_OK);
    g_assert_cmphex(b, ==, 0xff);
    memory_region_transaction_commit();

    g_assert_null(lookup_mr(&as, 0x1000));
    g_assert_null(qemu_ram_block_by_name("gone"));
    {
        const char *const exp[] = {
            "begin", "del 1000+1000 @0", "commit", NULL
        };
        tl_expect(&tl, exp);
    }
    memory_listener_unregister(&tl.ml);
    g_ptr_array_free(tl.events, true);
    address_space_destroy(&as);
    region_free(root);
}

static void test_find(void)
{
    MemoryRegion *root = container_new("root", 0x100000);
    MemoryRegion *box = container_new("box", 0x10000);
    MemoryRegion *ram = ram_new("ram", 0x1000);
    MemoryRegionSection s;
    AddressSpace as;

    memory_region_add_subregion(box, 0x2000, ram);
    memory_region_add_subregion(root, 0x40000, box);
    address_space_init(&as, root, "test-find");

    /* Offsets relative to box; the first mapped range in the window. */
    s = memory_region_find(box, 0x1000, 0x4000);
    g_assert_true(s.mr == ram);
    g_assert_true(s.as == &as);
    g_assert_cmphex(s.offset_within_address_space, ==, 0x42000);
    g_assert_cmphex(s.offset_within_region, ==, 0);
    g_assert_cmphex(s.size, ==, 0x1000);
    s = memory_region_find(box, 0x2800, 0x100);
    g_assert_true(s.mr == ram);
    g_assert_cmphex(s.offset_within_region, ==, 0x800);
    g_assert_cmphex(s.size, ==, 0x100);
    s = memory_region_find(box, 0x4000, 0x100);
    g_assert_null(s.mr);
    s = memory_region_find(ram, 0x10, 1);
    g_assert_true(s.mr == ram);
    g_assert_cmphex(s.offset_within_address_space, ==, 0x42010);

    address_space_destroy(&as);
    region_free(ram);
    region_free(box);
    region_free(root);
}

/* info mtree */

static int capture_print(void *opaque, const char *fmt, va_list ap)
{
    GString *out = opaque;
    gsize before = out->len;

    g_string_append_vprintf(out, fmt, ap);
    return out->len - before;
}

static char *capture_mtree(bool flat, bool dispatch, bool owner,
                           bool disabled)
{
    GString *out = g_string_new("");

    qemu_print_set_sink(capture_print, out);
    mtree_info(flat, dispatch, owner, disabled);
    qemu_print_set_sink(NULL, NULL);
    return g_string_free(out, false);
}

typedef struct MtreeSpace {
    MemoryRegion root, sub, win, box, top;
    MemoryRegion *ram;
    TestDev *dev, *off, *leaf;
    AddressSpace as, as2, as3;
} MtreeSpace;

static MtreeSpace *mtree_space_new(void)
{
    MtreeSpace *m = g_new0(MtreeSpace, 1);

    memory_region_init(&m->root, NULL, "root", 0x10000);
    m->ram = ram_new("ram", 0x4000);
    m->dev = dev_new(&dev_ops_default, "dev", 0x1000);
    m->off = dev_new(&dev_ops_default, "off", 0x100);
    m->leaf = dev_new(&dev_ops_default, "leaf", 0x10);
    memory_region_init_alias(&m->win, NULL, "win", m->ram, 0x2000, 0x1000);
    memory_region_init(&m->sub, NULL, "sub", 0x1000);
    memory_region_add_subregion(&m->root, 0, m->ram);
    memory_region_add_subregion_overlap(&m->root, 0x1000, &m->dev->mr, 1);
    memory_region_add_subregion(&m->root, 0x8000, &m->win);
    memory_region_set_enabled(&m->off->mr, false);
    memory_region_add_subregion(&m->root, 0x9000, &m->off->mr);
    memory_region_add_subregion(&m->sub, 0x20, &m->leaf->mr);
    memory_region_add_subregion(&m->root, 0xa000, &m->sub);
    address_space_init(&m->as, &m->root, "test-as");
    address_space_init(&m->as2, &m->root, "a-second");
    /* A 2^64 container whose only child is an empty, disabled box. */
    memory_region_init(&m->top, NULL, "top", UINT64_MAX);
    memory_region_init(&m->box, NULL, "box", 0x1000);
    memory_region_set_enabled(&m->box, false);
    memory_region_add_subregion(&m->top, 0, &m->box);
    address_space_init(&m->as3, &m->top, "empty");
    return m;
}

static void mtree_space_free(MtreeSpace *m)
{
    address_space_destroy(&m->as);
    address_space_destroy(&m->as2);
    address_space_destroy(&m->as3);
    memory_region_finalize(&m->win);
    memory_region_finalize(&m->box);
    memory_region_finalize(&m->top);
    dev_free(m->leaf);
    dev_free(m->off);
    dev_free(m->dev);
    region_free(m->ram);
    memory_region_finalize(&m->sub);
    memory_region_finalize(&m->root);
    g_free(m);
}

static void test_mtree(void)
{
    MtreeSpace *m = mtree_space_new();
    g_autofree char *tree = capture_mtree(false, false, false, false);
    g_autofree char *tree_d = capture_mtree(false, false, false, true);
    g_autofree char *flat = capture_mtree(true, false, false, false);

    g_assert_cmpstr(tree, ==,
        "address-space: a-second\n"
        "address-space: test-as\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): root\n"
        "    0000000000000000-0000000000003fff (prio 0, ram): ram\n"
        "    0000000000001000-0000000000001fff (prio 1, i/o): dev\n"
        "    0000000000008000-0000000000008fff (prio 0, ram): alias win "
        "@ram 0000000000002000-0000000000002fff\n"
        "    000000000000a000-000000000000afff (prio 0, i/o): sub\n"
        "      000000000000a020-000000000000a02f (prio 0, i/o): leaf\n"
        "\n"
        "address-space: empty\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): top\n"
        "\n"
        "memory-region: ram\n"
        "  0000000000000000-0000000000003fff (prio 0, ram): ram\n"
        "\n");

    g_assert_cmpstr(tree_d, ==,
        "address-space: a-second\n"
        "address-space: test-as\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): root\n"
        "    0000000000000000-0000000000003fff (prio 0, ram): ram\n"
        "    0000000000001000-0000000000001fff (prio 1, i/o): dev\n"
        "    0000000000008000-0000000000008fff (prio 0, ram): alias win "
        "@ram 0000000000002000-0000000000002fff\n"
        "    0000000000009000-00000000000090ff (prio 0, i/o): off "
        "[disabled]\n"
        "    000000000000a000-000000000000afff (prio 0, i/o): sub\n"
        "      000000000000a020-000000000000a02f (prio 0, i/o): leaf\n"
        "\n"
        "address-space: empty\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): top\n"
        "    0000000000000000-0000000000000fff (prio 0, i/o): box "
        "[disabled]\n"
        "\n"
        "memory-region: ram\n"
        "  0000000000000000-0000000000003fff (prio 0, ram): ram\n"
        "\n");

    g_assert_cmpstr(flat, ==,
        "FlatView #0\n"
        " AS \"test-as\", root: root\n"
        " AS \"a-second\", root: root\n"
        " Root memory region: root\n"
        "  0000000000000000-0000000000000fff (prio 0, ram): ram\n"
        "  0000000000001000-0000000000001fff (prio 1, i/o): dev\n"
        "  0000000000002000-0000000000003fff (prio 0, ram): ram "
        "@0000000000002000\n"
        "  0000000000008000-0000000000008fff (prio 0, ram): ram "
        "@0000000000002000\n"
        "  000000000000a020-000000000000a02f (prio 0, i/o): leaf\n"
        "\n"
        "FlatView #1\n"
        " AS \"empty\", root: top\n"
        " Root memory region: (none)\n"
        "  No rendered FlatView\n"
        "\n");

    mtree_space_free(m);
}

static void test_mtree_details(void)
{
    MemoryRegion top, ram, ro, hidden, inner;
    MemoryRegion *rooted;
    AddressSpace as, as_alias;
    g_autofree char *tree = NULL;
    g_autofree char *flat = NULL;

    /*
     * A disabled container hides itself, not its children; a region
     * printed under "memory-region:" keeps its address in its container.
     */
    memory_region_init(&top, NULL, "top", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x2000,
                                         &error_abort));
    memory_region_init_alias(&ro, NULL, "ro", &ram, 0x1000, 0x1000);
    memory_region_set_readonly(&ro, true);
    memory_region_init(&hidden, NULL, "hidden", 0x100);
    memory_region_init_alias(&inner, NULL, "inner", &hidden, 0, 0x100);
    memory_region_add_subregion(&top, 0x1000, &ro);
    memory_region_add_subregion(&hidden, 0x10, &inner);
    memory_region_set_enabled(&hidden, false);
    memory_region_add_subregion(&top, 0x100000, &hidden);
    address_space_init(&as, &top, "as-top");
    /* An address space whose root is an alias of the whole of top. */
    rooted = alias_new("whole", &top, 0, UINT64_MAX);
    address_space_init(&as_alias, rooted, "as-alias");

    tree = capture_mtree(false, false, false, false);
    g_assert_cmpstr(tree, ==,
        "address-space: as-top\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): top\n"
        "    0000000000001000-0000000000001fff (prio 0, ram): alias ro "
        "@ram 0000000000001000-0000000000001fff\n"
        "      0000000000100010-000000000010010f (prio 0, i/o): alias inner "
        "@hidden 0000000000000000-00000000000000ff\n"
        "\n"
        "address-space: as-alias\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): alias whole "
        "@top 0000000000000000-ffffffffffffffff\n"
        "\n"
        "memory-region: ram\n"
        "  0000000000000000-0000000000001fff (prio 0, ram): ram\n"
        "\n"
        "memory-region: hidden\n"
        "    0000000000100010-000000000010010f (prio 0, i/o): alias inner "
        "@hidden 0000000000000000-00000000000000ff\n"
        "\n"
        "memory-region: top\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): top\n"
        "    0000000000001000-0000000000001fff (prio 0, ram): alias ro "
        "@ram 0000000000001000-0000000000001fff\n"
        "      0000000000100010-000000000010010f (prio 0, i/o): alias inner "
        "@hidden 0000000000000000-00000000000000ff\n"
        "\n");

    /* Read-only RAM prints as rom; the alias root shares top's view. */
    flat = capture_mtree(true, true, false, false);
    g_assert_cmpstr(flat, ==,
        "FlatView #0\n"
        " AS \"as-top\", root: top\n"
        " AS \"as-alias\", root: whole, alias top\n"
        " Root memory region: top\n"
        "  0000000000001000-0000000000001fff (prio 0, rom): ram "
        "@0000000000001000\n"
        "  Dispatch\n"
        "    Physical sections\n"
        "      #0 @0000000000000000..ffffffffffffffff (noname) [unassigned]\n"
        "      #1 @0000000000001000..0000000000001fff ram [ROM]\n"
        "\n");
    g_assert_true(address_space_to_flatview(&as) ==
                  address_space_to_flatview(&as_alias));

    address_space_destroy(&as_alias);
    address_space_destroy(&as);
    region_free(rooted);
    memory_region_finalize(&inner);
    memory_region_finalize(&hidden);
    memory_region_finalize(&ro);
    memory_region_finalize(&ram);
    memory_region_finalize(&top);
}

/*
 * The "memory" address space of "qemu-system-x86_64 -M pc -m 128" (QEMU
 * 7.2, Debian) as "info mtree" and "info mtree -f" print it, captured
 * from the real thing; only regions its -D output shows enabled are
 * rebuilt here.  QEMU numbered this view #1 (hash order); ours is #0.
 */
static const char qemu_pc_mtree[] =
    "address-space: cpu-memory-0\n"
    "address-space: memory\n"
    "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
    "    0000000000000000-0000000007ffffff (prio 0, ram): alias "
    "ram-below-4g @pc.ram 0000000000000000-0000000007ffffff\n"
    "    0000000000000000-ffffffffffffffff (prio -1, i/o): pci\n"
    "      00000000000c0000-00000000000dffff (prio 1, rom): pc.rom\n"
    "      00000000000e0000-00000000000fffff (prio 1, rom): alias "
    "isa-bios @pc.bios 0000000000020000-000000000003ffff\n"
    "      00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
    "    00000000000a0000-00000000000bffff (prio 1, i/o): alias "
    "smram-region @pci 00000000000a0000-00000000000bffff\n"
    "    00000000000c0000-00000000000c3fff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000c0000-00000000000c3fff\n"
    "    00000000000c4000-00000000000c7fff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000c4000-00000000000c7fff\n"
    "    00000000000c8000-00000000000cbfff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000c8000-00000000000cbfff\n"
    "    00000000000cc000-00000000000cffff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000cc000-00000000000cffff\n"
    "    00000000000d0000-00000000000d3fff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000d0000-00000000000d3fff\n"
    "    00000000000d4000-00000000000d7fff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000d4000-00000000000d7fff\n"
    "    00000000000d8000-00000000000dbfff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000d8000-00000000000dbfff\n"
    "    00000000000dc000-00000000000dffff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000dc000-00000000000dffff\n"
    "    00000000000e0000-00000000000e3fff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000e0000-00000000000e3fff\n"
    "    00000000000e4000-00000000000e7fff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000e4000-00000000000e7fff\n"
    "    00000000000e8000-00000000000ebfff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000e8000-00000000000ebfff\n"
    "    00000000000ec000-00000000000effff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000ec000-00000000000effff\n"
    "    00000000000f0000-00000000000fffff (prio 1, i/o): alias pam-pci "
    "@pci 00000000000f0000-00000000000fffff\n"
    "    00000000fec00000-00000000fec00fff (prio 0, i/o): ioapic\n"
    "    00000000fed00000-00000000fed003ff (prio 0, i/o): hpet\n"
    "    00000000fee00000-00000000feefffff (prio 4096, i/o): apic-msi\n"
    "\n"
    "memory-region: pc.ram\n"
    "  0000000000000000-0000000007ffffff (prio 0, ram): pc.ram\n"
    "\n"
    "memory-region: pc.bios\n"
    "  00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
    "\n"
    "memory-region: pci\n"
    "  0000000000000000-ffffffffffffffff (prio -1, i/o): pci\n"
    "    00000000000c0000-00000000000dffff (prio 1, rom): pc.rom\n"
    "    00000000000e0000-00000000000fffff (prio 1, rom): alias isa-bios "
    "@pc.bios 0000000000020000-000000000003ffff\n"
    "    00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
    "\n";

static const char qemu_pc_mtree_f[] =
    "FlatView #0\n"
    " AS \"memory\", root: system\n"
    " AS \"cpu-memory-0\", root: system\n"
    " Root memory region: system\n"
    "  0000000000000000-00000000000bffff (prio 0, ram): pc.ram\n"
    "  00000000000c0000-00000000000dffff (prio 1, rom): pc.rom\n"
    "  00000000000e0000-00000000000fffff (prio 0, rom): pc.bios "
    "@0000000000020000\n"
    "  0000000000100000-0000000007ffffff (prio 0, ram): pc.ram "
    "@0000000000100000\n"
    "  00000000fec00000-00000000fec00fff (prio 0, i/o): ioapic\n"
    "  00000000fed00000-00000000fed003ff (prio 0, i/o): hpet\n"
    "  00000000fee00000-00000000feefffff (prio 4096, i/o): apic-msi\n"
    "  00000000fffc0000-00000000ffffffff (prio 0, rom): pc.bios\n"
    "\n";

typedef struct PcMemory {
    MemoryRegion system, pci, ram, ram_below_4g, bios, isa_bios, rom;
    MemoryRegion smram_region, pam[13];
    TestDev *ioapic, *hpet, *msi;
    AddressSpace as, cpu_as;
} PcMemory;

static void pc_memory_build(PcMemory *pc)
{
    MemoryRegion *sys = &pc->system;

    memory_region_init(sys, NULL, "system", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&pc->ram, NULL, "pc.ram",
                                         128 * MiB, &error_abort));
    memory_region_init_alias(&pc->ram_below_4g, NULL, "ram-below-4g",
                             &pc->ram, 0, 128 * MiB);
    memory_region_add_subregion(sys, 0, &pc->ram_below_4g);
    memory_region_init(&pc->pci, NULL, "pci", UINT64_MAX);
    memory_region_add_subregion_overlap(sys, 0, &pc->pci, -1);
    g_assert_true(memory_region_init_rom(&pc->bios, NULL, "pc.bios",
                                         256 * KiB, &error_abort));
    memory_region_add_subregion(&pc->pci, 0xfffc0000, &pc->bios);
    memory_region_init_alias(&pc->isa_bios, NULL, "isa-bios", &pc->bios,
                             128 * KiB, 128 * KiB);
    memory_region_set_readonly(&pc->isa_bios, true);
    memory_region_add_subregion_overlap(&pc->pci, 0xe0000, &pc->isa_bios, 1);
    g_assert_true(memory_region_init_rom(&pc->rom, NULL, "pc.rom",
                                         128 * KiB, &error_abort));
    memory_region_add_subregion_overlap(&pc->pci, 0xc0000, &pc->rom, 1);
    memory_region_init_alias(&pc->smram_region, NULL, "smram-region",
                             &pc->pci, 0xa0000, 128 * KiB);
    memory_region_add_subregion_overlap(sys, 0xa0000, &pc->smram_region, 1);
    for (unsigned i = 0; i < 13; i++) {
        /* 8 + 4 segments of 16 KiB from 0xc0000, then 64 KiB at 0xf0000 */
        hwaddr start = i < 12 ? 0xc0000 + i * 0x4000 : 0xf0000;
        uint64_t size = i < 12 ? 0x4000 : 0x10000;

        memory_region_init_alias(&pc->pam[i], NULL, "pam-pci", &pc->pci,
                                 start, size);
        memory_region_add_subregion_overlap(sys, start, &pc->pam[i], 1);
    }
    pc->ioapic = dev_new(&dev_ops_default, "ioapic", 0x1000);
    memory_region_add_subregion(sys, 0xfec00000, &pc->ioapic->mr);
    pc->hpet = dev_new(&dev_ops_default, "hpet", 0x400);
    memory_region_add_subregion(sys, 0xfed00000, &pc->hpet->mr);
    pc->msi = dev_new(&dev_ops_default, "apic-msi", 0x100000);
    memory_region_add_subregion_overlap(sys, 0xfee00000, &pc->msi->mr, 4096);
    address_space_init(&pc->as, sys, "memory");
    address_space_init(&pc->cpu_as, sys, "cpu-memory-0");
}

static void pc_memory_free(PcMemory *pc)
{
    address_space_destroy(&pc->cpu_as);
    address_space_destroy(&pc->as);
    memory_region_transaction_begin();
    for (unsigned i = 0; i < 13; i++) {
        memory_region_finalize(&pc->pam[i]);
    }
    memory_region_finalize(&pc->smram_region);
    memory_region_finalize(&pc->ram_below_4g);
    memory_region_finalize(&pc->isa_bios);
    memory_region_transaction_commit();
    dev_free(pc->ioapic);
    dev_free(pc->hpet);
    dev_free(pc->msi);
    memory_region_finalize(&pc->rom);
    memory_region_finalize(&pc->bios);
    memory_region_finalize(&pc->ram);
    memory_region_finalize(&pc->pci);
    memory_region_finalize(&pc->system);
}

static void test_mtree_qemu_pc(void)
{
    PcMemory *pc = g_new0(PcMemory, 1);
    g_autofree char *tree = NULL;
    g_autofree char *flat = NULL;

    pc_memory_build(pc);
    tree = capture_mtree(false, false, false, false);
    flat = capture_mtree(true, false, false, false);
    g_assert_cmpstr(tree, ==, qemu_pc_mtree);
    g_assert_cmpstr(flat, ==, qemu_pc_mtree_f);
    pc_memory_free(pc);
    g_free(pc);
}

#define TYPE_TEST_MR_DEV "test-mr-dev"

static const TypeInfo test_mr_dev_info = {
    .name = TYPE_TEST_MR_DEV,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(DeviceState),
};

static void test_mtree_owner(void)
{
    MemoryRegion root, named, loose, byid, plain;
    Object *tree_obj = object_new(TYPE_CONTAINER);
    Object *loose_obj = object_new(TYPE_CONTAINER);
    DeviceState *dev;
    AddressSpace as;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *flat = NULL;

    type_register_static(&test_mr_dev_info);
    dev = (DeviceState *)object_new(TYPE_TEST_MR_DEV);
    dev->id = g_strdup("mydev");
    object_property_add_child(object_get_root(), "mtree-owner", tree_obj);
    object_unref(tree_obj);     /* the tree keeps it */

    memory_region_init(&root, NULL, "root", 0x1000);
    memory_region_init_io(&named, tree_obj, &dev_ops_default, NULL, "named",
                          0x10);
    memory_region_init_io(&loose, loose_obj, &dev_ops_default, NULL, "loose",
                          0x10);
    memory_region_init_io(&byid, OBJECT(dev), &dev_ops_default, NULL, "byid",
                          0x10);
    memory_region_init_io(&plain, NULL, &dev_ops_default, NULL, "plain",
                          0x10);
    memory_region_add_subregion(&root, 0x000, &named);
    memory_region_add_subregion(&root, 0x100, &loose);
    memory_region_add_subregion(&root, 0x200, &byid);
    memory_region_add_subregion(&root, 0x300, &plain);
    address_space_init(&as, &root, "owners");

    before = capture_mtree(false, false, true, false);
    g_assert_cmpstr(before, ==,
        "address-space: owners\n"
        "  0000000000000000-0000000000000fff (prio 0, i/o): root orphan\n"
        "    0000000000000000-000000000000000f (prio 0, i/o): named "
        "owner:{obj path=/mtree-owner}\n"
        "    0000000000000100-000000000000010f (prio 0, i/o): loose "
        "owner:{obj type=container}\n"
        "    0000000000000200-000000000000020f (prio 0, i/o): byid "
        "owner:{dev id=mydev}\n"
        "    0000000000000300-000000000000030f (prio 0, i/o): plain orphan\n"
        "\n");

    /* With a machine, ownerless regions belong to /machine/unattached. */
    container_get(object_get_root(), "/machine/unattached");
    after = capture_mtree(false, false, true, false);
    g_assert_nonnull(strstr(after,
        "    0000000000000300-000000000000030f (prio 0, i/o): plain "
        "parent:{obj path=/machine/unattached}\n"));
    flat = capture_mtree(true, false, true, false);
    g_assert_cmpstr(flat, ==,
        "FlatView #0\n"
        " AS \"owners\", root: root\n"
        " Root memory region: root\n"
        "  0000000000000000-000000000000000f (prio 0, i/o): named "
        "owner:{obj path=/mtree-owner}\n"
        "  0000000000000100-000000000000010f (prio 0, i/o): loose "
        "owner:{obj type=container}\n"
        "  0000000000000200-000000000000020f (prio 0, i/o): byid "
        "owner:{dev id=mydev}\n"
        "  0000000000000300-000000000000030f (prio 0, i/o): plain "
        "parent:{obj path=/machine/unattached}\n"
        "\n");

    address_space_destroy(&as);
    memory_region_finalize(&named);
    memory_region_finalize(&loose);
    memory_region_finalize(&byid);
    memory_region_finalize(&plain);
    memory_region_finalize(&root);
    object_unparent(tree_obj);
    object_unref(loose_obj);
    object_unref(OBJECT(dev));
}

/* The machine's address spaces (last: they stay for the process). */

static void test_system(void)
{
    MemoryRegion *sys = get_system_memory();
    MemoryRegion *io = get_system_io();
    MemoryRegion *ram = ram_new("pc.ram", 0x100000);
    uint8_t buf[4];
    uint64_t v = 0;
    g_autofree char *tree = NULL;

    g_assert_cmpstr(memory_region_name(sys), ==, "system");
    g_assert_cmphex(memory_region_size(sys), ==, UINT64_MAX);
    g_assert_cmpstr(memory_region_name(io), ==, "io");
    g_assert_cmphex(memory_region_size(io), ==, 0x10000);
    g_assert_true(address_space_memory.root == sys);
    g_assert_true(address_space_io.root == io);
    g_assert_true(qemu_ram_block_by_name("pc.ram") == ram->ram_block);
    g_assert_null(qemu_ram_block_by_name("nope"));

    memory_region_add_subregion(sys, 0, ram);
    buf[0] = 0x99;
    g_assert_cmpuint(address_space_write(&address_space_memory, 0x500, ATTRS,
                                         buf, 1), ==, MEMTX_OK);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(ram))[0x500], ==,
                    0x99);
    /* Port holes answer with all ones and no error, as on a PC. */
    g_assert_cmpuint(address_space_ld(&address_space_io, 0x80, 2, &v, ATTRS),
                     ==, MEMTX_OK);
    g_assert_cmphex(v, ==, 0xffff);

    tree = capture_mtree(false, false, false, false);
    g_assert_nonnull(strstr(tree,
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "    0000000000000000-00000000000fffff (prio 0, ram): pc.ram\n"
        "\n"
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
        "\n"));

    /* Devices in port space: "io" itself answers the gaps (QEMU -f). */
    {
        TestDev *pic = dev_new(&dev_ops_default, "pic", 2);
        g_autofree char *flat = NULL;

        memory_region_add_subregion(io, 0x20, &pic->mr);
        flat = capture_mtree(true, false, false, false);
        g_assert_nonnull(strstr(flat,
            " AS \"I/O\", root: io\n"
            " Root memory region: io\n"
            "  0000000000000000-000000000000001f (prio 0, i/o): io\n"
            "  0000000000000020-0000000000000021 (prio 0, i/o): pic\n"
            "  0000000000000022-000000000000ffff (prio 0, i/o): io "
            "@0000000000000022\n"));
        g_assert_cmpuint(address_space_ld(&address_space_io, 0x20, 1, &v,
                                          ATTRS), ==, MEMTX_OK);
        g_assert_cmphex(v, ==, 0x10);
        dev_free(pic);
    }

    memory_region_del_subregion(sys, ram);
    region_free(ram);
    g_assert_null(qemu_ram_block_by_name("pc.ram"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    g_test_add_func("/memory/render/priority", test_priority);
    g_test_add_func("/memory/render/alias", test_alias);
    g_test_add_func("/memory/render/enable-readonly", test_enable_readonly);
    g_test_add_func("/memory/render/nested-clip", test_nested_clip);
    g_test_add_func("/memory/access/split-wide", test_split_wide);
    g_test_add_func("/memory/access/split-unaligned", test_split_unaligned);
    g_test_add_func("/memory/access/widen", test_widen);
    g_test_add_func("/memory/access/big-endian", test_big_endian);
    g_test_add_func("/memory/access/valid-refused", test_valid_refused);
    g_test_add_func("/memory/rw/unassigned", test_unassigned);
    g_test_add_func("/memory/rw/span", test_span);
    g_test_add_func("/memory/rw/overflow", test_overflow);
    g_test_add_func("/memory/rw/ram-bounds", test_ram_bounds);
    g_test_add_func("/memory/rw/rom", test_rom);
    g_test_add_func("/memory/ram/alloc-fail", test_ram_alloc_fail);
    g_test_add_func("/memory/ram/finalize-in-transaction",
                    test_finalize_in_transaction);
    g_test_add_func("/memory/ram/dirty", test_dirty);
    g_test_add_func("/memory/ram/map", test_map);
    g_test_add_func("/memory/listener/sequence", test_listener);
    g_test_add_func("/memory/listener/order", test_listener_order);
    g_test_add_func("/memory/listener/transaction", test_transaction);
    g_test_add_func("/memory/render/find", test_find);
    g_test_add_func("/memory/mtree/tree", test_mtree);
    g_test_add_func("/memory/mtree/details", test_mtree_details);
    g_test_add_func("/memory/mtree/qemu-pc", test_mtree_qemu_pc);
    g_test_add_func("/memory/mtree/owner", test_mtree_owner);
    g_test_add_func("/memory/machine/system", test_system);
    return g_test_run();
}
