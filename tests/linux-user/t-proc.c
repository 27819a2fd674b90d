/*
 * t-proc.c: processes: argv/envp and the aux vector, /proc/self/exe
 * (readlink, open, execve), fork/wait and exit statuses (exit codes,
 * death by a default signal, abort, a segfault), execve of ourselves,
 * rlimits, uname, time.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char _start[];
extern char **environ;

static void show_status(const char *what, int st)
{
    if (WIFEXITED(st)) {
        printf("%s: exit %d\n", what, WEXITSTATUS(st));
    } else if (WIFSIGNALED(st)) {
        printf("%s: signal %d\n", what, WTERMSIG(st));
    } else {
        printf("%s: other\n", what);
    }
}

static void child_status(const char *what, void (*fn)(void))
{
    int st;
    pid_t pid = fork();

    if (pid == 0) {
        fn();
        _exit(99);
    }
    waitpid(pid, &st, 0);
    show_status(what, st);
}

static void do_exit42(void) { exit(42); }
static void do_term(void) { raise(SIGTERM); }
static void do_abort(void) { abort(); }
static int *volatile null_ptr;
static void do_segv(void) { *null_ptr = 0; }
static void do_kill9(void) { kill(getpid(), SIGKILL); }

static void test_args(int argc, char **argv)
{
    int i;

    printf("argc %d\n", argc);
    for (i = 1; i < argc; i++) {
        printf("argv[%d] '%s'\n", i, argv[i]);
    }
    printf("env T_VAR '%s'\n", getenv("T_VAR") ? getenv("T_VAR") : "(none)");
}

/* The raw vector, as /proc/self/auxv gives it. */
static void test_auxv_file(void)
{
    unsigned long v[2], pagesz = 0, hwcap = 0;
    int fd = open("/proc/self/auxv", O_RDONLY);

    while (read(fd, v, sizeof(v)) == sizeof(v) && v[0] != AT_NULL) {
        if (v[0] == AT_PAGESZ) {
            pagesz = v[1];
        } else if (v[0] == AT_HWCAP) {
            hwcap = v[1];
        }
    }
    close(fd);
    printf("auxv file: pagesz %lu hwcap fpu %lu\n", pagesz, hwcap & 1);
}

static void test_auxv(char **argv)
{
    const char *plat = (const char *)getauxval(AT_PLATFORM);
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);

    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
    printf("AT_ENTRY is _start %d\n", getauxval(AT_ENTRY) ==
           (unsigned long)_start);
    printf("AT_PHDR phdr type ok %d\n",
           ((Elf64_Phdr *)getauxval(AT_PHDR))->p_type != 0);
    printf("AT_PHNUM > 0 %d\n", getauxval(AT_PHNUM) > 0);
    printf("AT_UID %d AT_GID %d\n", getauxval(AT_UID) == getuid(),
           getauxval(AT_GID) == getgid());
    printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
    printf("AT_PLATFORM %s\n", plat ? plat : "(none)");
    printf("AT_EXECFN is argv[0] %d\n", execfn && !strcmp(execfn, argv[0]));
    printf("AT_RANDOM present %d\n", rnd != NULL);
    test_auxv_file();
    printf("AT_CLKTCK %lu\n", getauxval(AT_CLKTCK));
}

static void test_proc_exe(char **argv)
{
    char link[PATH_MAX] = { 0 }, real[PATH_MAX];
    char a[64], b[64];
    int fd1, fd2;
    ssize_t n;

    n = readlink("/proc/self/exe", link, sizeof(link) - 1);
    realpath(argv[0], real);
    printf("readlink /proc/self/exe is us %d\n", n > 0 && !strcmp(link, real));
    fd1 = open("/proc/self/exe", O_RDONLY);
    fd2 = open(argv[0], O_RDONLY);
    printf("open /proc/self/exe same bytes %d\n",
           read(fd1, a, 64) == 64 && read(fd2, b, 64) == 64 &&
           !memcmp(a, b, 64));
    close(fd1);
    close(fd2);
}

static void test_exec(void)
{
    char *args[] = { "t-proc", "exec-child", "x y", NULL };
    char *env[] = { "T_VAR=from-exec", NULL };
    int st;
    pid_t pid = fork();

    if (pid == 0) {
        execve("/proc/self/exe", args, env);
        _exit(98);
    }
    waitpid(pid, &st, 0);
    show_status("exec child", st);
    pid = fork();
    if (pid == 0) {
        execve("/nonexistent", args, env);
        printf("execve missing errno %d\n", errno);
        _exit(0);
    }
    waitpid(pid, &st, 0);
}

static void test_misc(void)
{
    struct rlimit rl, rl2;
    struct utsname u;
    struct timespec t1, t2;

    getrlimit(RLIMIT_NOFILE, &rl);
    rl2 = rl;
    rl2.rlim_cur = 100;
    printf("setrlimit %d\n", setrlimit(RLIMIT_NOFILE, &rl2));
    getrlimit(RLIMIT_NOFILE, &rl2);
    printf("nofile now %lu\n", (unsigned long)rl2.rlim_cur);
    printf("dup over limit %d errno %d\n", dup2(0, 150), errno);
    setrlimit(RLIMIT_NOFILE, &rl);
    uname(&u);
    printf("uname machine %s sysname %s\n", u.machine, u.sysname);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("slept >= 20ms %d\n", (t2.tv_sec - t1.tv_sec) * 1000000000L +
           (t2.tv_nsec - t1.tv_nsec) >= 20000000L);
    printf("getppid differs %d\n", getppid() != getpid());
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_args(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "exec-child")) {
        return 7;
    }
    test_auxv(argv);
    test_proc_exe(argv);
    child_status("exit(42)", do_exit42);
    child_status("raise(SIGTERM)", do_term);
    child_status("abort()", do_abort);
    child_status("segfault", do_segv);
    child_status("SIGKILL", do_kill9);
    test_exec();
    test_misc();
    return 3;
}
