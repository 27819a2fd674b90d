#!/usr/bin/env python3
"""Run a static guest program natively and under qemu-x86_64; diff them.

    run-guest-test.py QEMU ACCEL PROGRAM [ARG...]

ACCEL is the -accel value, or "-" for none (to check the tests
themselves against Debian's qemu-x86_64, which has no -accel).

The host is the oracle: stdout and the exit status (or the signal that
killed it) must be identical.  Each run gets its own empty working
directory, stdin from /dev/null and the same small environment.  Prints
TAP; skips while qemu-x86_64 has no translator (before the TCG engine and
the x86 front end are built in).
"""
import difflib
import os
import subprocess
import sys
import tempfile

NO_ENGINE = ("this build has no TCG translator yet",
             "unable to find CPU model")


def run(cmd, cwd):
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "T_VAR": "v",
           "HOME": cwd}
    return subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120)


def main():
    qemu, accel, prog = sys.argv[1], sys.argv[2], sys.argv[3]
    args = sys.argv[4:]
    prog = os.path.abspath(prog)
    name = os.path.basename(prog) + " (" + accel + ")"
    with tempfile.TemporaryDirectory() as d1, \
            tempfile.TemporaryDirectory() as d2:
        native = run([prog] + args, d1)
        opts = [] if accel == "-" else ["-accel", accel]
        emu = run([qemu] + opts + [prog] + args, d2)
    err = emu.stderr.decode(errors="replace")
    print("1..1")
    if any(s in err for s in NO_ENGINE):
        print("ok 1 - %s # SKIP qemu-x86_64 has no translator yet" % name)
        return 0
    ok = native.stdout == emu.stdout and native.returncode == emu.returncode
    print(("ok" if ok else "not ok") + " 1 - " + name)
    if not ok:
        print("# native status %d, qemu-x86_64 status %d" %
              (native.returncode, emu.returncode))
        diff = difflib.unified_diff(
            native.stdout.decode(errors="replace").splitlines(),
            emu.stdout.decode(errors="replace").splitlines(),
            "native", "qemu-x86_64", lineterm="")
        for line in diff:
            print("# " + line)
        for line in err.splitlines()[:20]:
            print("# stderr: " + line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
