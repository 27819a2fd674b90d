#!/usr/bin/env python3
"""qemu-x86_64 refuses bad programs and bad options cleanly.

    test-bad-input.py QEMU

Each case must exit with status 1 (never a crash) and print the error
QEMU prints.  Where Debian's qemu-x86_64 (package qemu-user) is
installed and writes its message to stderr, ours must match it (QEMU
writes "Error while loading" to stdout, which is lost in a pipe; we say
the same on stderr).  Prints TAP.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ORACLE = "/usr/bin/qemu-x86_64"
BUSYBOX = "/bin/busybox"


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60)


def write(path, data, mode=0o755):
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, mode)


def elf_header(machine=62, cls=2, etype=2, phnum=1, phoff=64):
    h = bytearray(64)
    h[0:4] = b"\x7fELF"
    h[4] = cls
    h[5] = 1
    h[6] = 1
    h[16:18] = etype.to_bytes(2, "little")
    h[18:20] = machine.to_bytes(2, "little")
    h[20:24] = (1).to_bytes(4, "little")
    h[32:40] = phoff.to_bytes(8, "little")
    h[52:54] = (64).to_bytes(2, "little")
    h[54:56] = (56).to_bytes(2, "little")
    h[56:58] = phnum.to_bytes(2, "little")
    return bytes(h)


def make_files(d):
    write(os.path.join(d, "notelf"), b"hello world\n")
    write(os.path.join(d, "trunc"), b"\x7fELF\x02\x01\x01")
    write(os.path.join(d, "empty"), b"")
    write(os.path.join(d, "elf32"), elf_header(cls=1) + bytes(64))
    write(os.path.join(d, "arm64"), elf_header(machine=183) + bytes(64))
    write(os.path.join(d, "badphdr"), elf_header(phnum=60000,
                                                 phoff=1 << 40))
    write(os.path.join(d, "noexec"), elf_header() + bytes(64), 0o644)
    # A program header past the end of the file.
    write(os.path.join(d, "shortph"), elf_header(phnum=4))
    os.mkdir(os.path.join(d, "dir"))


def dynamic_program():
    for p in ("/bin/true", "/usr/bin/true", "/bin/ls"):
        if os.path.exists(p):
            return p
    return None


CASES = [
    # (name, args, text our stderr must contain, compare with oracle)
    ("missing file", ["./missing"],
     "Error while loading ./missing: No such file or directory", False),
    ("not ELF", ["./notelf"],
     "Error while loading ./notelf: Exec format error", False),
    ("truncated ELF", ["./trunc"],
     "Error while loading ./trunc: Exec format error", False),
    ("empty file", ["./empty"],
     "Error while loading ./empty: Exec format error", False),
    ("directory", ["./dir"],
     "Error while loading ./dir: Permission denied", False),
    ("not executable", ["./noexec"],
     "Error while loading ./noexec: Permission denied", False),
    ("32-bit ELF", ["./elf32"],
     "./elf32: Invalid ELF image for this architecture", False),
    ("wrong architecture", ["./arm64"],
     "./arm64: Invalid ELF image for this architecture", True),
    ("bad program headers", ["./badphdr"],
     "./badphdr: Invalid ELF image for this architecture", False),
    ("short program headers", ["./shortph"], "./shortph: ", False),
    ("dynamically linked", ["DYNAMIC"], "dynamically linked", False),
    ("no program", [], "qemu: no user program specified", True),
    ("unknown option", ["-foo", "./x"], "qemu: unknown option 'foo'", True),
    ("missing argument", ["-D"], "qemu: missing argument for option 'D'",
     True),
    ("unknown CPU", ["-cpu", "nosuchcpu", BUSYBOX],
     "unable to find CPU model 'nosuchcpu'", True),
    ("bad guest base", ["-B", "0x1001", BUSYBOX],
     "Requested guest base 0x1001 does not satisfy host minimum alignment",
     True),
    ("bad accelerator", ["-accel", "kvm", BUSYBOX], "invalid accelerator",
     False),
]


def main():
    qemu = sys.argv[1]
    oracle = os.path.exists(ORACLE)
    dyn = dynamic_program()
    print("1..%d" % len(CASES))
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        make_files(d)
        for i, (name, args, want, compare) in enumerate(CASES, 1):
            args = [dyn if a == "DYNAMIC" else a for a in args]
            r = run([qemu] + args, d)
            err = r.stderr.decode(errors="replace")
            ok = r.returncode == 1 and want in err
            note = ""
            if ok and compare and oracle:
                o = run([ORACLE] + args, d)
                oerr = o.stderr.decode(errors="replace")
                # QEMU names itself "qemu-x86_64:" or "qemu:" as we do.
                ok = oerr.strip() == err.strip() or want in oerr
                note = "" if ok else " (Debian's QEMU says %r)" % oerr
            print("%s %d - %s%s" % ("ok" if ok else "not ok", i, name, note))
            if not ok:
                failed += 1
                print("# status %d, stderr %r" % (r.returncode, err))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
