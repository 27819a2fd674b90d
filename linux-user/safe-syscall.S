/*
 * safe-syscall.S: a host syscall that a guest signal cannot slip past.
 *
 * A guest signal that arrives just before a blocking syscall must not
 * wait until the syscall ends (a read could block for ever).  The check
 * of the pending flag and the syscall instruction form a window
 * [safe_syscall_start, safe_syscall_end): the host signal handler sets
 * the flag and, if the interrupted pc is inside the window, moves it
 * back to safe_syscall_start, so the check sees the flag and we return
 * -QEMU_ERESTARTSYS without entering the kernel.  Host handlers have
 * SA_RESTART, so a restartable syscall that the signal interrupted is
 * rewound by the kernel onto the syscall instruction, inside the window,
 * and takes the same path; the cpu loop then restarts the guest syscall
 * or returns EINTR as the guest's SA_RESTART says.
 *
 * long safe_syscall_base(volatile int *pending, long nr,
 *                        long a1, long a2, long a3, long a4,
 *                        long a5, long a6);
 * Host x86-64 only (System V calling convention in, syscall ABI out).
 */
    .text
    .global safe_syscall_base
    .global safe_syscall_start
    .global safe_syscall_end
    .type safe_syscall_base, @function
    .type safe_syscall_start, @function
    .type safe_syscall_end, @function

safe_syscall_base:
    .cfi_startproc
    push %rbp
    .cfi_adjust_cfa_offset 8
    .cfi_rel_offset %rbp, 0
    mov %rdi, %rbp              /* pending: callee-saved, kept by syscall */
    mov %rsi, %rax              /* nr */
    mov %rdx, %rdi              /* a1 */
    mov %rcx, %rsi              /* a2 */
    mov %r8, %rdx               /* a3 */
    mov %r9, %r10               /* a4 */
    mov 16(%rsp), %r8           /* a5 (above our push and the return) */
    mov 24(%rsp), %r9           /* a6 */
safe_syscall_start:
    cmpl $0, (%rbp)
    jnz 2f
    syscall
safe_syscall_end:
    pop %rbp
    .cfi_remember_state
    .cfi_adjust_cfa_offset -8
    .cfi_restore %rbp
    ret
    .cfi_restore_state
2:
    mov $-512, %rax             /* -QEMU_ERESTARTSYS */
    pop %rbp
    .cfi_adjust_cfa_offset -8
    .cfi_restore %rbp
    ret
    .cfi_endproc
    .size safe_syscall_base, .-safe_syscall_base

    .section .note.GNU-stack, "", @progbits
