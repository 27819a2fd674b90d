#!/usr/bin/env python3
"""The TCG benchmark: each workload natively, under our qemu-x86_64 and
under Debian's (package qemu-user), in one run.

    bench.py OUR_QEMU WORKLOADS_BINARY [REPEATS]

For each workload prints the best wall time of REPEATS runs (default 3)
of each, the slowdown of both emulators against native, and our time
divided by QEMU's (below 1.0: faster than QEMU).  Outputs must agree.
Not a test: timing never decides anything in make check.
"""
import os
import subprocess
import sys
import time

WORKLOADS = ["sieve", "chase", "sha256", "nbody"]
DEBIAN_QEMU = "/usr/bin/qemu-x86_64"


def timed(cmd, repeats):
    best, out = None, None
    for _ in range(repeats):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        dt = time.perf_counter() - t
        if r.returncode != 0:
            return None, r.stderr.decode(errors="replace").strip()
        best = dt if best is None else min(best, dt)
        out = r.stdout
    return best, out


def main():
    ours, prog = sys.argv[1], os.path.abspath(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    have_qemu = os.path.exists(DEBIAN_QEMU)
    print("%-8s %9s %9s %9s %9s %9s %9s" % (
        "workload", "native", "ours", "qemu", "ours/nat", "qemu/nat",
        "ours/qemu"))
    for w in WORKLOADS:
        tn, on = timed([prog, w], repeats)
        to, oo = timed([ours, prog, w], repeats)
        tq, oq = timed([DEBIAN_QEMU, prog, w], repeats) if have_qemu \
            else (None, None)

        def fmt(t):
            return "%9.2f" % t if t is not None else "%9s" % "-"

        def ratio(a, b):
            return "%9.2f" % (a / b) if a is not None and b else "%9s" % "-"
        note = ""
        if to is None:
            note = "  (ours failed: %s)" % oo
        elif oo != on:
            note = "  (ours: different output!)"
        print("%-8s %s %s %s %s %s %s%s" % (
            w, fmt(tn), fmt(to), fmt(tq), ratio(to, tn), ratio(tq, tn),
            ratio(to, tq), note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
