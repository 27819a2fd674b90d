/*
 * vl.h: the command-line machine builder (system/vl.c).
 */
#ifndef SYSTEM_VL_H
#define SYSTEM_VL_H

/* Parse argv and build and start the machine; exits(1) on any error. */
void qemu_init(int argc, char **argv);
/* Release what qemu_init set up (terminal modes, pid file). */
void qemu_cleanup(void);

/* x86 CPU models (target/i386/cpu-models.c). */
void x86_cpu_list(void);
bool x86_cpu_model_known(const char *name);

#endif
