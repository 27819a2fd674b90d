/*
 * main.c: qemu-system-x86_64's entry point.
 */
#include "qemu/osdep.h"
#include "sysemu/runstate.h"
#include "system/vl.h"

int main(int argc, char **argv)
{
    int status;

    qemu_init(argc, argv);
    status = qemu_main_loop();
    qemu_cleanup();
    return status;
}
