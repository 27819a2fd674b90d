/*
 * t-mmap.c: the guest address space: anonymous and file mmap, munmap,
 * mprotect (with the SIGSEGV a forbidden write raises, si_addr and
 * si_code checked), mremap growing and moving, brk/sbrk, MAP_FIXED
 * over an existing mapping, and bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile void *fault_addr;
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(env, 1);
}

static void show(const char *what, long r)
{
    printf("%s %ld errno %d\n", what, r, r < 0 ? errno : 0);
}

/* Write to p; report whether (and how) it faulted. */
static void try_write(const char *what, volatile char *p)
{
    if (sigsetjmp(env, 1) == 0) {
        *p = 1;
        printf("%s: ok\n", what);
    } else {
        printf("%s: SIGSEGV at p %s, code %s\n", what,
               fault_addr == p ? "==" : "!=",
               fault_code == SEGV_MAPERR ? "MAPERR" :
               fault_code == SEGV_ACCERR ? "ACCERR" : "other");
    }
}

int main(void)
{
    struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
    size_t pg = getpagesize();
    char *p, *q, *b0, *b1;
    int fd;

    setvbuf(stdout, NULL, _IONBF, 0);
    sigaction(SIGSEGV, &sa, NULL);

    p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("anon zero %d\n", p[0] == 0 && p[4 * pg - 1] == 0);
    memset(p, 'x', 4 * pg);
    try_write("rw page", p + pg);
    show("mprotect", mprotect(p + pg, pg, PROT_READ));
    try_write("ro page", p + pg + 5);
    printf("ro page readable %d\n", p[pg + 5] == 'x');
    show("munmap", munmap(p + 2 * pg, pg));
    try_write("unmapped page", p + 2 * pg + 7);
    show("mprotect hole", mprotect(p, 4 * pg, PROT_READ));
    show("mprotect unaligned", mprotect(p + 1, pg, PROT_READ));

    q = mremap(p + 3 * pg, pg, 8 * pg, MREMAP_MAYMOVE);
    printf("mremap moved data %d\n", q != MAP_FAILED && q[0] == 'x');
    q[8 * pg - 1] = 'y';
    printf("mremap tail %d\n", q[8 * pg - 1] == 'y');
    show("munmap q", munmap(q, 8 * pg));

    p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 'a';
    q = mmap(p, pg, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("map fixed same %d zeroed %d\n", q == p, p[0] == 0);
    q = mmap(p, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
             MAP_FIXED_NOREPLACE, -1, 0);
    printf("noreplace busy %d errno %d\n", q == MAP_FAILED, errno);

    show("mmap len 0", (long)mmap(NULL, 0, PROT_READ,
                                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    show("mmap bad fd", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 99, 0));

    fd = open("m.dat", O_CREAT | O_RDWR | O_TRUNC, 0600);
    write(fd, "file-data", 9);
    q = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("file map '%.9s' tail zero %d\n", q, q[9] == 0 && q[pg - 1] == 0);
    q = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memcpy(q, "FILE", 4);
    msync(q, pg, MS_SYNC);
    {
        char buf[10] = { 0 };

        pread(fd, buf, 9, 0);
        printf("shared write seen '%s'\n", buf);
    }

    b0 = sbrk(0);
    b1 = sbrk(3 * pg);
    printf("sbrk grows %d\n", b1 == b0);
    memset(b1, 'z', 3 * pg);
    printf("brk mem %d\n", b1[3 * pg - 1] == 'z');
    printf("sbrk shrink %d\n", sbrk(-(long)pg) != (void *)-1 &&
           sbrk(0) == b0 + 2 * pg);
    return 0;
}
