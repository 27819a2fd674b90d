/*
 * t-files.c: file and directory syscalls: open/read/write/lseek/fstat,
 * rename/unlink, mkdir/rmdir, getdents64, dup/dup2, pipes, poll and
 * select, getcwd/chdir, truncate, readv/writev, fcntl.  Prints only
 * what is the same on every run; the host is the oracle.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* Print a result and, for a failure, its errno (read after the call). */
static void show(const char *what, long r)
{
    printf("%s %ld errno %d\n", what, r, r < 0 ? errno : 0);
}

static void *volatile bad_ptr = (void *)16;

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    char buf[4096], *names[64];
    int fd = open(path, O_RDONLY | O_DIRECTORY), n = 0;
    long len, off;

    while ((len = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
        for (off = 0; off < len;) {
            struct dirent64 *d = (struct dirent64 *)(buf + off);

            if (n < 64) {
                names[n++] = strdup(d->d_name);
            }
            off += d->d_reclen;
        }
    }
    close(fd);
    qsort(names, n, sizeof(names[0]), cmp);
    printf("dir %s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void test_rw(void)
{
    char buf[64] = { 0 };
    struct stat st;
    int fd = open("a.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);

    printf("write %zd\n", write(fd, "hello, world\n", 13));
    printf("lseek %ld\n", (long)lseek(fd, 7, SEEK_SET));
    printf("read %zd '%s'\n", read(fd, buf, sizeof(buf) - 1), buf);
    fstat(fd, &st);
    printf("size %ld mode %o\n", (long)st.st_size, st.st_mode & 0777);
    printf("pread %zd\n", pread(fd, buf, 5, 0));
    printf("ftruncate %d\n", ftruncate(fd, 5));
    fstat(fd, &st);
    printf("size %ld\n", (long)st.st_size);
    close(fd);
    show("read closed:", read(fd, buf, 1));
    show("open missing:", open("nope", O_RDONLY));
    show("stat bad ptr:", stat("a.txt", bad_ptr));
    show("write bad ptr:", write(1, bad_ptr, 4));
}

static void test_dirs(void)
{
    char cwd[4096];

    mkdir("d", 0755);
    mkdir("d/sub", 0700);
    close(open("d/f1", O_CREAT | O_WRONLY, 0600));
    close(open("d/f2", O_CREAT | O_WRONLY, 0600));
    printf("rename %d\n", rename("d/f2", "d/f3"));
    list_dir("d");
    printf("unlink %d\n", unlink("d/f1"));
    show("rmdir nonempty", rmdir("d"));
    chdir("d");
    getcwd(cwd, sizeof(cwd));
    printf("cwd ends with /d: %d\n", strcmp(cwd + strlen(cwd) - 2, "/d") == 0);
    chdir("..");
    list_dir("d");
    printf("access %d %d\n", access("d/f3", R_OK), access("d/f9", F_OK));
    printf("symlink %d\n", symlink("f3", "d/link"));
    printf("readlink %zd\n", readlink("d/link", cwd, sizeof(cwd)));
}

static void test_fds(void)
{
    int p[2], fd, r;
    char buf[16] = { 0 };
    struct pollfd pfd;
    fd_set rs;
    struct timeval tv = { 0, 0 };
    struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };

    pipe(p);
    pfd.fd = p[0];
    pfd.events = POLLIN;
    printf("poll empty %d\n", poll(&pfd, 1, 0));
    printf("writev %zd\n", writev(p[1], iov, 2));
    printf("poll ready %d revents %x\n", poll(&pfd, 1, 0), pfd.revents);
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    printf("select %d isset %d\n", select(p[0] + 1, &rs, NULL, NULL, &tv),
           FD_ISSET(p[0], &rs));
    fd = dup(p[0]);
    r = read(fd, buf, 3);
    printf("dup read %d '%s'\n", r, buf);
    printf("dup2 %d\n", dup2(p[0], 20) == 20);
    memset(buf, 0, sizeof(buf));
    iov[0].iov_base = buf;
    iov[0].iov_len = 1;
    iov[1].iov_base = buf + 1;
    iov[1].iov_len = 5;
    printf("readv %zd '%s'\n", readv(20, iov, 2), buf);
    printf("fcntl cloexec %d\n", fcntl(fd, F_SETFD, FD_CLOEXEC));
    printf("fcntl getfd %d\n", fcntl(fd, F_GETFD));
    printf("fcntl getfl rdonly %d\n", (fcntl(p[0], F_GETFL) & O_ACCMODE) ==
           O_RDONLY);
    close(p[1]);
    printf("read eof %zd\n", read(p[0], buf, 1));
    show("close bad", close(999));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_rw();
    test_dirs();
    test_fds();
    return 0;
}
