/*
 * t-smc.c: self-modifying code.  Code written into an RWX mapping runs;
 * rewriting it (the immediate of the same instruction, then the whole
 * function) must run the new code, also when the write lands on the
 * page of the code that writes; and code made by mprotect(PROT_EXEC)
 * from a writable page runs after being rewritten.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef int (*fn_t)(void);

/* mov eax, imm32; ret */
static void emit_ret_imm(uint8_t *p, int32_t v)
{
    p[0] = 0xb8;
    memcpy(p + 1, &v, 4);
    p[5] = 0xc3;
}

int main(void)
{
    size_t pg = getpagesize();
    uint8_t *code = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fn_t f = (fn_t)code;
    int i, sum = 0;

    setvbuf(stdout, NULL, _IONBF, 0);
    emit_ret_imm(code, 1);
    printf("first %d\n", f());
    emit_ret_imm(code, 2);
    printf("rewritten imm %d\n", f());
    for (i = 0; i < 100; i++) {
        int32_t v = i;

        memcpy(code + 1, &v, 4);
        sum += f();
    }
    printf("loop of rewrites sum %d\n", sum);
    /* add eax, eax before the ret: the instruction boundaries move. */
    code[0] = 0xb8;
    code[5] = 0x01;
    code[6] = 0xc0;
    code[7] = 0xc3;
    printf("new instructions %d\n", f());
    /* Data written next to live code on the same page. */
    emit_ret_imm(code + 64, 64);
    code[200] = 0x55;
    printf("neighbour data %d %d\n", ((fn_t)(code + 64))(), code[200]);

    /* W then X: mprotect makes it code, and back to rewrite it. */
    emit_ret_imm(code + pg, 10);
    mprotect(code + pg, pg, PROT_READ | PROT_EXEC);
    printf("rx page %d\n", ((fn_t)(code + pg))());
    mprotect(code + pg, pg, PROT_READ | PROT_WRITE);
    emit_ret_imm(code + pg, 11);
    mprotect(code + pg, pg, PROT_READ | PROT_EXEC);
    printf("rx page rewritten %d\n", ((fn_t)(code + pg))());
    munmap(code, 2 * pg);
    code = mmap(code, pg, PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    emit_ret_imm(code, 99);
    printf("re-mapped code %d\n", ((fn_t)code)());
    return 0;
}
