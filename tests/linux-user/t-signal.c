/*
 * t-signal.c: guest signal delivery: handlers with and without
 * SA_SIGINFO, the registers sigreturn restores, nested signals, blocked
 * signals delivered on unblock, sigsuspend, sigaltstack, SA_RESETHAND,
 * SA_RESTART against EINTR for a read a SIGALRM interrupts, and the
 * synchronous signals: SIGSEGV (bad pointer, si_addr), SIGILL (ud2),
 * SIGFPE (division by zero), SIGTRAP (int3).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int hits, depth, max_depth;
static volatile int last_code, last_sig;
static volatile void *last_addr;
static sigjmp_buf env;

static void plain_handler(int sig)
{
    hits++;
    last_sig = sig;
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
    hits++;
    last_sig = sig;
    last_code = si->si_code;
}

static void nested_handler(int sig)
{
    depth++;
    if (depth > max_depth) {
        max_depth = depth;
    }
    if (sig == SIGUSR1) {
        raise(SIGUSR2);
    }
    depth--;
}

static void test_basic(void)
{
    struct sigaction sa = { .sa_handler = plain_handler };

    sigaction(SIGUSR1, &sa, NULL);
    hits = 0;
    raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    printf("plain: hits %d sig %d\n", hits, last_sig);

    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("siginfo raise: sig %d code %s\n", last_sig,
           last_code == SI_TKILL ? "SI_TKILL" : "other");
    kill(getpid(), SIGUSR2);
    printf("siginfo kill: code %s\n", last_code == SI_USER ? "SI_USER" :
           "other");
}

/* Registers survive a signal taken between two instructions. */
static void test_regs(void)
{
    uint64_t out[4];

    hits = 0;
    __asm__ volatile(
        "mov $0x1111, %%r12\n"
        "mov $0x2222, %%r13\n"
        "mov $0x3333, %%eax\n"
        "movq %%rax, %%xmm7\n"
        "mov $62, %%eax\n"           /* kill(getpid(), SIGUSR1) */
        "mov %[pid], %%edi\n"
        "mov $10, %%esi\n"
        "syscall\n"
        "mov %%r12, 0(%[o])\n"
        "mov %%r13, 8(%[o])\n"
        "movq %%xmm7, 16(%[o])\n"
        "mov %%rax, 24(%[o])\n"
        : : [o] "r"(out), [pid] "r"(getpid())
        : "rax", "rdi", "rsi", "rcx", "r11", "r12", "r13", "xmm7", "memory");
    printf("regs after handler: %lx %lx %lx ret %ld hits %d\n",
           (unsigned long)out[0], (unsigned long)out[1],
           (unsigned long)out[2], (long)out[3], hits);
}

static void test_nested_and_masks(void)
{
    struct sigaction sa = { .sa_handler = nested_handler };
    sigset_t set, old, pend;

    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    max_depth = 0;
    raise(SIGUSR1);
    printf("nested depth %d\n", max_depth);

    sa.sa_handler = nested_handler;
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    max_depth = 0;
    raise(SIGUSR1);
    printf("masked nested depth %d\n", max_depth);

    sa.sa_handler = plain_handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    hits = 0;
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: hits %d pending %d\n", hits, sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: hits %d\n", hits);

    sigprocmask(SIG_BLOCK, &set, &old);
    hits = 0;
    raise(SIGUSR1);
    sigsuspend(&old);
    printf("sigsuspend: hits %d errno %d\n", hits, errno);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static char altstack[65536];
static volatile int on_alt;

static void alt_handler(int sig)
{
    char here;

    on_alt = &here >= altstack && &here < altstack + sizeof(altstack);
}

static void test_altstack(void)
{
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
    stack_t cur;
    struct sigaction sa = { .sa_handler = alt_handler,
                            .sa_flags = SA_ONSTACK };

    printf("sigaltstack %d\n", sigaltstack(&ss, NULL));
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("handler on alt stack %d\n", on_alt);
    sigaltstack(NULL, &cur);
    printf("altstack size ok %d flags %d\n", cur.ss_size == sizeof(altstack),
           cur.ss_flags);
    ss.ss_size = 100;
    errno = 0;
    if (sigaltstack(&ss, NULL) < 0) {
        printf("small altstack errno %d\n", errno);
    }
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
}

static void test_resethand(void)
{
    struct sigaction sa = { .sa_handler = plain_handler,
                            .sa_flags = SA_RESETHAND };
    struct sigaction now;

    sigaction(SIGUSR2, &sa, NULL);
    hits = 0;
    raise(SIGUSR2);
    sigaction(SIGUSR2, NULL, &now);
    printf("resethand: hits %d now default %d\n", hits,
           now.sa_handler == SIG_DFL);
}

static int pipefd[2];

static void alarm_writer(int sig)
{
    hits++;
    if (hits == 2) {
        write(pipefd[1], "x", 1);
    }
}

static void test_eintr(void)
{
    struct sigaction sa = { .sa_handler = plain_handler };
    struct itimerval it = { { 0, 0 }, { 0, 50000 } };
    char c;
    ssize_t r;

    pipe(pipefd);
    sigaction(SIGALRM, &sa, NULL);
    hits = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    r = read(pipefd[0], &c, 1);
    printf("read without SA_RESTART: %zd errno %s hits %d\n", r,
           errno == EINTR ? "EINTR" : "other", hits);

    sa.sa_handler = alarm_writer;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    hits = 0;
    it.it_interval.tv_usec = 50000;
    setitimer(ITIMER_REAL, &it, NULL);
    r = read(pipefd[0], &c, 1);
    it.it_interval.tv_usec = 0;
    it.it_value.tv_usec = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    printf("read with SA_RESTART: %zd '%c' hits %d\n", r, c, hits);
}

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
    last_sig = sig;
    last_code = si->si_code;
    last_addr = si->si_addr;
    siglongjmp(env, 1);
}

extern char ud2_insn[], div_insn[];

static void test_faults(void)
{
    struct sigaction sa = { .sa_sigaction = fault_handler,
                            .sa_flags = SA_SIGINFO | SA_NODEFER };
    int *volatile bad = (int *)0x10;
    volatile int zero = 0;

    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);

    if (!sigsetjmp(env, 1)) {
        *bad = 1;
    }
    printf("SIGSEGV: sig %d code %d addr %p\n", last_sig, last_code,
           last_addr);
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("ud2_insn: ud2");
    }
    printf("SIGILL: sig %d code %d at ud2 %d\n", last_sig, last_code,
           last_addr == ud2_insn);
    if (!sigsetjmp(env, 1)) {
        int r;

        __asm__ volatile("div_insn: idivl %2" : "=a"(r) : "a"(1), "r"(zero)
                         : "rdx");
    }
    printf("SIGFPE: sig %d code %d at div %d\n", last_sig, last_code,
           last_addr == div_insn);
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("int3");
    }
    printf("SIGTRAP: sig %d\n", last_sig);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_basic();
    test_regs();
    test_nested_and_masks();
    test_altstack();
    test_resethand();
    test_eintr();
    test_faults();
    return 0;
}
