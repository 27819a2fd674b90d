"""Small helpers shared by the functional tests (stdlib only).

QEMU   path of the binary under test (default build/qemu-system-x86_64)
ORACLE path of the reference QEMU (default /usr/bin/qemu-system-x86_64,
       Debian's 7.2); tests that compare with it skip when it is absent.
"""
import os
import subprocess
import sys

QEMU = os.environ.get("QEMU", "build/qemu-system-x86_64")
ORACLE = os.environ.get("ORACLE", "/usr/bin/qemu-system-x86_64")


def have_oracle():
    return os.access(ORACLE, os.X_OK)


def run(binary, args, timeout=20, stdin=subprocess.DEVNULL, env=None):
    """Run binary with args; return (status, stdout lines, stderr lines).

    Debian's QEMU prints module-loading noise ("qemu: module ...") that is
    not part of its behaviour; it is dropped."""
    p = subprocess.run([binary] + list(args), stdin=stdin,
                       capture_output=True, timeout=timeout, text=True,
                       env=env)

    def clean(text):
        return [l for l in text.splitlines()
                if not l.startswith("qemu: module ")]
    return p.returncode, clean(p.stdout), clean(p.stderr)


class Tap:
    """Minimal TAP producer: ok()/fail()/skip(), then done()."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=None):
        self.n += 1
        if cond:
            print(f"ok {self.n} - {name}")
        else:
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            if detail:
                for line in str(detail).splitlines():
                    print(f"# {line}")
        sys.stdout.flush()
        return cond

    def skip(self, name, why):
        self.n += 1
        print(f"ok {self.n} - {name} # SKIP {why}")

    def done(self):
        print(f"1..{self.n}")
        sys.exit(1 if self.failed else 0)
