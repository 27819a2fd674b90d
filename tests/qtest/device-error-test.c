/*
 * device-error-test: -device errors of the ISA devices.
 *
 * A device of an ISA type needs an ISA bus ("-M none" has none), serial
 * ports beyond COM4 do not exist, and a debug console needs a chardev.
 * Each case must print QEMU's message (taken from Debian's QEMU 7.2,
 * which this test also passes against) and exit with status 1.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

typedef struct ErrorCase {
    const char *name;
    bool needs_board;        /* builds the pc board first */
    const char *args;
    const char *message;     /* the end of the one error line */
} ErrorCase;

static const ErrorCase cases[] = {
    { "no-isa-bus/isa-serial", false, "-device isa-serial",
      "-device isa-serial: No 'ISA' bus found for device 'isa-serial'" },
    { "no-isa-bus/isa-debugcon", false, "-device isa-debugcon",
      "-device isa-debugcon: No 'ISA' bus found for device 'isa-debugcon'" },
    { "no-isa-bus/isa-debug-exit", false, "-device isa-debug-exit",
      "-device isa-debug-exit: "
      "No 'ISA' bus found for device 'isa-debug-exit'" },
    { "serial-index", true, "-device isa-serial,index=4",
      "-device isa-serial,index=4: "
      "Max. supported number of ISA serial ports is 4." },
    { "debugcon-no-chardev", true, "-device isa-debugcon",
      "-device isa-debugcon: "
      "Can't create debugcon device, empty char device" },
};

static void test_error(const void *opaque)
{
    const ErrorCase *c = opaque;
    g_autofree char *args = NULL;
    g_autofree char *err = NULL;
    g_autofree char *want = NULL;
    int st;

    if (c->needs_board) {
        args = g_strdup_printf("-M pc -display none -nodefaults %s %s",
                               qtest_accel_args(), c->args);
    } else {
        args = g_strdup_printf("-M none -display none -nodefaults %s",
                               c->args);
    }
    st = qtest_run_capture(args, NULL, &err);
    g_assert_true(WIFEXITED(st));
    g_assert_cmpint(WEXITSTATUS(st), ==, 1);
    want = g_strdup_printf(": %s\n", c->message);
    if (!strstr(err, want)) {
        g_error("expected '%s' in:\n%s", c->message, err);
    }
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    qtest_qemu_binary();
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/device-error/%s",
                                                cases[i].name);

        g_test_add_data_func(path, &cases[i], test_error);
    }
    return g_test_run();
}
