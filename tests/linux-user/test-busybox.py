#!/usr/bin/env python3
"""Debian's busybox-static running a shell script under qemu-x86_64.

    test-busybox.py QEMU ACCEL SCRIPT

Runs `busybox sh SCRIPT` natively and under qemu-x86_64 in fresh
directories, with PATH pointing at a directory of busybox applet links
so that every command the script runs (and re-executes through execve)
is busybox; the output and exit status must be identical.  Prints TAP.
"""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

BUSYBOX = "/bin/busybox"
NO_ENGINE = ("this build has no TCG translator yet",
             "unable to find CPU model")


def is_static_elf(path):
    """An ELF file without a PT_INTERP program header."""
    with open(path, "rb") as f:
        data = f.read(65536)
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return False
    phoff = int.from_bytes(data[0x20:0x28], "little")
    phentsize = int.from_bytes(data[0x36:0x38], "little")
    phnum = int.from_bytes(data[0x38:0x3a], "little")
    for i in range(phnum):
        off = phoff + i * phentsize
        if int.from_bytes(data[off:off + 4], "little") == 3:
            return False
    return True


def make_bin(d):
    out = subprocess.run([BUSYBOX, "--list"], stdout=subprocess.PIPE,
                         check=True).stdout.decode().split()
    os.mkdir(d)
    for name in out:
        os.symlink(BUSYBOX, os.path.join(d, name))


def run(cmd, cwd, bindir):
    env = {"PATH": bindir, "LC_ALL": "C", "HOME": cwd}
    return subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=300)


def main():
    qemu, accel, script = sys.argv[1], sys.argv[2], sys.argv[3]
    script = os.path.abspath(script)
    print("1..1")
    name = "busybox " + os.path.basename(script) + " (" + accel + ")"
    if not os.path.exists(BUSYBOX) or not is_static_elf(BUSYBOX):
        print("ok 1 - %s # SKIP no busybox-static" % name)
        return 0
    with tempfile.TemporaryDirectory() as top:
        bindir = os.path.join(top, "bin")
        make_bin(bindir)
        d1, d2 = os.path.join(top, "n"), os.path.join(top, "q")
        os.mkdir(d1)
        os.mkdir(d2)
        native = run([BUSYBOX, "sh", script], d1, bindir)
        opts = [] if accel == "-" else ["-accel", accel]
        emu = run([qemu] + opts + [BUSYBOX, "sh", script], d2, bindir)
    err = emu.stderr.decode(errors="replace")
    if any(s in err for s in NO_ENGINE):
        print("ok 1 - %s # SKIP qemu-x86_64 has no translator yet" % name)
        return 0
    ok = native.stdout == emu.stdout and native.returncode == emu.returncode
    ok = ok and native.returncode == 0 and len(native.stdout) > 1000
    print(("ok" if ok else "not ok") + " 1 - " + name)
    if not ok:
        print("# native status %d, qemu-x86_64 status %d" %
              (native.returncode, emu.returncode))
        a = native.stdout.decode(errors="replace").splitlines()
        b = emu.stdout.decode(errors="replace").splitlines()
        for line in difflib.unified_diff(a, b, "native", "qemu-x86_64",
                                         lineterm=""):
            print("# " + line)
        for line in err.splitlines()[:20]:
            print("# stderr: " + line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
