/*
 * elfload.c: load a static x86-64 ELF program and build its first stack.
 *
 * Models what Linux's binfmt_elf does for a program without an
 * interpreter (fs/binfmt_elf.c, System V ABI AMD64 supplement §3.4):
 * ET_EXEC programs go at their link addresses, static-pie (ET_DYN with
 * no PT_INTERP) wherever the host has room; PT_LOAD segments are mapped
 * from the file with the bss zeroed; the stack holds argc, argv, envp
 * and the aux vector over the strings, the 16 AT_RANDOM bytes and the
 * platform name, laid out in the kernel's order.
 *
 * Missing: dynamically linked programs (PT_INTERP) are refused, there is
 * no vDSO (so no AT_SYSINFO_EHDR), no core dumps of the guest.
 */
#include "linux-user.h"
#include <elf.h>
#include <sys/mman.h>
#include <sys/random.h>
#include "qemu/error-report.h"

#define MAX_PHNUM 512

typedef struct ElfImage {
    const char *path;            /* as given, for messages */
    int fd;
    Elf64_Ehdr ehdr;
    Elf64_Phdr *phdr;
    bool exec_stack;
} ElfImage;

/* "Error while loading PATH: strerror" as QEMU words it. */
static bool load_error(const char *path, int err)
{
    error_report("Error while loading %s: %s", path, strerror(err));
    return false;
}

static bool image_error(const ElfImage *im, const char *msg)
{
    error_report("%s: %s", im->path, msg);
    return false;
}

static bool elf_open(ElfImage *im)
{
    struct stat st;

    im->fd = open(im->path, O_RDONLY | O_CLOEXEC);
    if (im->fd < 0) {
        return load_error(im->path, errno);
    }
    if (fstat(im->fd, &st) < 0) {
        return load_error(im->path, errno);
    }
    /* As execve: a regular file with execute permission. */
    if (!S_ISREG(st.st_mode) || access(im->path, X_OK) < 0) {
        return load_error(im->path, EACCES);
    }
    return true;
}

static bool elf_read_headers(ElfImage *im)
{
    Elf64_Ehdr *eh = &im->ehdr;
    ssize_t n = pread(im->fd, eh, sizeof(*eh), 0);
    size_t phsize;

    if (n < (ssize_t)sizeof(*eh) ||
        memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) {
        return load_error(im->path, ENOEXEC);
    }
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        eh->e_ident[EI_DATA] != ELFDATA2LSB ||
        eh->e_ident[EI_VERSION] != EV_CURRENT ||
        eh->e_machine != EM_X86_64 ||
        (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)) {
        return image_error(im, "Invalid ELF image for this architecture");
    }
    if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
        eh->e_phnum > MAX_PHNUM) {
        return image_error(im, "Invalid ELF image for this architecture");
    }
    phsize = (size_t)eh->e_phnum * sizeof(Elf64_Phdr);
    im->phdr = g_malloc(phsize);
    n = pread(im->fd, im->phdr, phsize, eh->e_phoff);
    if (n != (ssize_t)phsize) {
        return image_error(im, "Incomplete read of file header");
    }
    return true;
}

static bool elf_check_segments(ElfImage *im, uint64_t *lo, uint64_t *hi)
{
    bool any = false;
    int i;

    *lo = UINT64_MAX;
    *hi = 0;
    for (i = 0; i < im->ehdr.e_phnum; i++) {
        Elf64_Phdr *ph = &im->phdr[i];

        if (ph->p_type == PT_INTERP) {
            error_report("%s: dynamically linked programs are not "
                         "supported (the program asks for an interpreter)",
                         im->path);
            return false;
        }
        if (ph->p_type == PT_GNU_STACK) {
            im->exec_stack = ph->p_flags & PF_X;
        }
        if (ph->p_type != PT_LOAD) {
            continue;
        }
        if (ph->p_filesz > ph->p_memsz ||
            ph->p_vaddr > GUEST_ADDR_MAX ||
            ph->p_memsz > GUEST_ADDR_MAX - ph->p_vaddr ||
            ph->p_offset > INT64_MAX - ph->p_filesz ||
            (ph->p_vaddr - ph->p_offset) % GUEST_PAGE_SIZE) {
            return image_error(im, "Invalid ELF image for this "
                                   "architecture");
        }
        *lo = MIN(*lo, ph->p_vaddr & GUEST_PAGE_MASK);
        *hi = MAX(*hi, GUEST_PAGE_ALIGN(ph->p_vaddr + ph->p_memsz));
        any = true;
    }
    if (!any) {
        return image_error(im, "Invalid ELF image for this architecture");
    }
    return true;
}

static int elf_prot(uint32_t pflags)
{
    return (pflags & PF_R ? PROT_READ : 0) |
           (pflags & PF_W ? PROT_WRITE : 0) |
           (pflags & PF_X ? PROT_EXEC : 0);
}

/* Map one PT_LOAD at bias + p_vaddr: file pages, then the bss. */
static bool elf_map_segment(ElfImage *im, const Elf64_Phdr *ph,
                            uint64_t bias)
{
    uint64_t vaddr = bias + ph->p_vaddr;
    uint64_t start = vaddr & GUEST_PAGE_MASK;
    uint64_t file_end = vaddr + ph->p_filesz;
    uint64_t mem_end = GUEST_PAGE_ALIGN(vaddr + ph->p_memsz);
    uint64_t file_map_end = GUEST_PAGE_ALIGN(file_end);
    int prot = elf_prot(ph->p_flags);
    void *p;

    if (ph->p_filesz) {
        p = mmap(g2h_untagged(start), file_map_end - start,
                 PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, im->fd,
                 ph->p_offset - (vaddr - start));
        if (p == MAP_FAILED) {
            return load_error(im->path, errno);
        }
        /* The tail of the last file page belongs to the bss. */
        if (ph->p_memsz > ph->p_filesz && file_end < file_map_end) {
            memset(g2h_untagged(file_end), 0, file_map_end - file_end);
        }
    } else {
        file_map_end = start;
    }
    if (mem_end > file_map_end) {
        p = mmap(g2h_untagged(file_map_end), mem_end - file_map_end,
                 PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (p == MAP_FAILED) {
            return load_error(im->path, errno);
        }
    }
    if (mprotect(g2h_untagged(start), mem_end - start,
                 prot | (prot & PROT_EXEC ? PROT_READ : 0)) < 0) {
        return load_error(im->path, errno);
    }
    page_set_flags(start, mem_end - 1,
                   mmap_prot_to_page(prot) | PAGE_VALID | PAGE_RESET);
    return true;
}

static uint64_t elf_phdr_addr(const ElfImage *im, uint64_t bias)
{
    int i;

    for (i = 0; i < im->ehdr.e_phnum; i++) {
        if (im->phdr[i].p_type == PT_PHDR) {
            return bias + im->phdr[i].p_vaddr;
        }
    }
    for (i = 0; i < im->ehdr.e_phnum; i++) {
        const Elf64_Phdr *ph = &im->phdr[i];

        if (ph->p_type == PT_LOAD && ph->p_offset <= im->ehdr.e_phoff &&
            im->ehdr.e_phoff < ph->p_offset + ph->p_filesz) {
            return bias + ph->p_vaddr + (im->ehdr.e_phoff - ph->p_offset);
        }
    }
    return 0;
}

static bool elf_map_image(ElfImage *im, ImageInfo *info)
{
    uint64_t lo, hi, bias = 0;
    int64_t base;
    int i;

    if (!elf_check_segments(im, &lo, &hi)) {
        return false;
    }
    if (im->ehdr.e_type == ET_EXEC) {
        base = mmap_reserve(lo, hi - lo, PROT_NONE, true);
    } else {
        base = mmap_reserve(0, hi - lo, PROT_NONE, false);
    }
    if (base < 0) {
        error_report("Unable to reserve 0x%" PRIx64 " bytes of virtual "
                     "address space at 0x%" PRIx64 " (%s) for use as guest "
                     "address space", hi - lo, lo, strerror((int)-base));
        return false;
    }
    bias = (uint64_t)base - lo;
    info->start_code = UINT64_MAX;
    for (i = 0; i < im->ehdr.e_phnum; i++) {
        const Elf64_Phdr *ph = &im->phdr[i];
        uint64_t va = bias + ph->p_vaddr;

        if (ph->p_type != PT_LOAD) {
            continue;
        }
        if (!elf_map_segment(im, ph, bias)) {
            return false;
        }
        if (ph->p_flags & PF_X) {
            info->start_code = MIN(info->start_code, va);
            info->end_code = MAX(info->end_code, va + ph->p_filesz);
        } else {
            info->start_data = info->start_data ? info->start_data : va;
            info->end_data = MAX(info->end_data, va + ph->p_filesz);
        }
    }
    info->load_bias = bias;
    info->entry = bias + im->ehdr.e_entry;
    info->phdr = elf_phdr_addr(im, bias);
    info->phnum = im->ehdr.e_phnum;
    info->brk = bias + hi;
    return true;
}

/* ---- the initial stack ---- */

typedef struct StackBuilder {
    uint64_t sp;                 /* guest address, grows down */
    uint64_t limit;
} StackBuilder;

static uint64_t stack_push_bytes(StackBuilder *sb, const void *p,
                                 size_t len)
{
    sb->sp -= len;
    memcpy(g2h_untagged(sb->sp), p, len);
    return sb->sp;
}

static uint64_t stack_push_str(StackBuilder *sb, const char *s)
{
    return stack_push_bytes(sb, s, strlen(s) + 1);
}

static size_t strv_len(char **v)
{
    size_t n = 0;

    while (v[n]) {
        n++;
    }
    return n;
}

static size_t strv_bytes(char **v)
{
    size_t n = 0;

    for (; *v; v++) {
        n += strlen(*v) + 1;
    }
    return n;
}

static uint32_t elf_hwcap(CPUX86State *env, uint32_t *hwcap2)
{
    uint32_t eax, ebx, ecx, edx;

    cpu_x86_cpuid(env, 1, 0, &eax, &ebx, &ecx, &edx);
    /* HWCAP2_FSGSBASE: the kernel enables RDFSBASE and friends. */
    *hwcap2 = env->features[FEAT_7_0_EBX] & CPUID_7_0_EBX_FSGSBASE ? 2 : 0;
    return edx;
}

static void elf_fill_random(uint8_t *buf, size_t len)
{
    size_t done = 0;

    if (have_rand_seed) {
        g_autoptr(GRand) r = g_rand_new_with_seed((guint32)rand_seed);

        for (; done < len; done++) {
            buf[done] = g_rand_int(r);
        }
        return;
    }
    while (done < len) {
        ssize_t n = getrandom(buf + done, len - done, 0);

        if (n <= 0) {
            /* No entropy source: the bytes are only a canary seed. */
            g_autoptr(GRand) r = g_rand_new();

            for (; done < len; done++) {
                buf[done] = g_rand_int(r);
            }
            return;
        }
        done += n;
    }
}

static void aux_put(uint64_t *av, size_t *n, uint64_t type, uint64_t val)
{
    av[(*n)++] = type;
    av[(*n)++] = val;
}

/* The aux vector, in the order Linux writes it. */
static size_t elf_build_auxv(uint64_t *av, const ImageInfo *info,
                             CPUX86State *env, uint64_t random,
                             uint64_t execfn, uint64_t platform)
{
    uint32_t hwcap2;
    uint32_t hwcap = elf_hwcap(env, &hwcap2);
    size_t n = 0;

    aux_put(av, &n, AT_HWCAP, hwcap);
    aux_put(av, &n, AT_PAGESZ, GUEST_PAGE_SIZE);
    aux_put(av, &n, AT_CLKTCK, sysconf(_SC_CLK_TCK));
    aux_put(av, &n, AT_PHDR, info->phdr);
    aux_put(av, &n, AT_PHENT, sizeof(Elf64_Phdr));
    aux_put(av, &n, AT_PHNUM, info->phnum);
    aux_put(av, &n, AT_BASE, 0);
    aux_put(av, &n, AT_FLAGS, 0);
    aux_put(av, &n, AT_ENTRY, info->entry);
    aux_put(av, &n, AT_UID, getuid());
    aux_put(av, &n, AT_EUID, geteuid());
    aux_put(av, &n, AT_GID, getgid());
    aux_put(av, &n, AT_EGID, getegid());
    aux_put(av, &n, AT_SECURE, 0);
    aux_put(av, &n, AT_RANDOM, random);
    aux_put(av, &n, AT_HWCAP2, hwcap2);
    aux_put(av, &n, AT_EXECFN, execfn);
    aux_put(av, &n, AT_PLATFORM, platform);
    aux_put(av, &n, AT_NULL, 0);
    return n;
}

#define AUXV_MAX_WORDS 64

static bool elf_build_stack(ImageInfo *info, CPUX86State *env,
                            const char *execfn, char **argv, char **envp,
                            bool exec_stack)
{
    size_t argc = strv_len(argv), envc = strv_len(envp);
    size_t strings = strv_bytes(argv) + strv_bytes(envp) +
                     strlen(execfn) + 1;
    uint64_t auxv[AUXV_MAX_WORDS];
    uint64_t a_execfn, a_platform, a_random, *vec;
    uint8_t rnd[16];
    size_t nauxv, nvec, i;
    StackBuilder sb;
    int prot = PROT_READ | PROT_WRITE | (exec_stack ? PROT_EXEC : 0);
    int64_t base;

    /* The strings must leave most of the stack free, as execve's E2BIG. */
    if (strings > guest_stack_size / 4) {
        error_report("Error while loading %s: %s", execfn,
                     strerror(E2BIG));
        return false;
    }
    base = mmap_reserve(0, guest_stack_size + GUEST_PAGE_SIZE, prot, false);
    if (base < 0) {
        error_report("Unable to allocate the guest stack: %s",
                     strerror((int)-base));
        return false;
    }
    /* A guard page below the stack, as QEMU and the kernel keep. */
    mprotect(g2h_untagged(base), GUEST_PAGE_SIZE, PROT_NONE);
    page_set_flags(base, base + GUEST_PAGE_SIZE - 1, PAGE_VALID);
    info->stack_limit = base + GUEST_PAGE_SIZE;
    sb.limit = info->stack_limit;
    sb.sp = base + GUEST_PAGE_SIZE + guest_stack_size;

    sb.sp -= sizeof(uint64_t);   /* the kernel's end marker */
    memset(g2h_untagged(sb.sp), 0, sizeof(uint64_t));
    a_execfn = stack_push_str(&sb, execfn);
    info->env_end = sb.sp;
    for (i = envc; i-- > 0;) {
        stack_push_str(&sb, envp[i]);
    }
    info->env_start = sb.sp;
    info->arg_end = sb.sp;
    for (i = argc; i-- > 0;) {
        stack_push_str(&sb, argv[i]);
    }
    info->arg_start = sb.sp;
    a_platform = stack_push_str(&sb, "x86_64");
    elf_fill_random(rnd, sizeof(rnd));
    a_random = stack_push_bytes(&sb, rnd, sizeof(rnd));
    sb.sp &= ~(uint64_t)15;

    nauxv = elf_build_auxv(auxv, info, env, a_random, a_execfn, a_platform);
    nvec = 1 + argc + 1 + envc + 1 + nauxv;
    sb.sp = (sb.sp - nvec * sizeof(uint64_t)) & ~(uint64_t)15;
    vec = g2h_untagged(sb.sp);
    i = 0;
    vec[i++] = argc;
    {
        uint64_t s = info->arg_start;
        size_t k;

        for (k = 0; k < argc; k++) {
            vec[i++] = s;
            s += strlen(g2h_untagged(s)) + 1;
        }
        vec[i++] = 0;
        for (k = 0; k < envc; k++) {
            vec[i++] = s;
            s += strlen(g2h_untagged(s)) + 1;
        }
        vec[i++] = 0;
    }
    info->auxv = sb.sp + i * sizeof(uint64_t);
    info->auxv_len = nauxv * sizeof(uint64_t);
    memcpy(&vec[i], auxv, nauxv * sizeof(uint64_t));
    info->start_stack = sb.sp;
    return true;
}

bool elf_check_program(const char *path)
{
    ElfImage im = { .path = path, .fd = -1 };
    uint64_t lo, hi;
    bool ok;

    ok = elf_open(&im) && elf_read_headers(&im) &&
         elf_check_segments(&im, &lo, &hi);
    if (im.fd >= 0) {
        close(im.fd);
    }
    g_free(im.phdr);
    return ok;
}

bool elf_load_program(const char *path, char **argv, char **envp,
                      ImageInfo *info, CPUX86State *env)
{
    ElfImage im = { .path = path, .fd = -1 };
    bool ok = false;

    if (!elf_open(&im) || !elf_read_headers(&im) ||
        !elf_map_image(&im, info)) {
        goto out;
    }
    target_set_brk(info->brk);
    ok = elf_build_stack(info, env, path, argv, envp, im.exec_stack);
out:
    if (im.fd >= 0) {
        close(im.fd);
    }
    g_free(im.phdr);
    return ok;
}
