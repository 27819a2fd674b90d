#!/usr/bin/env python3
"""Command-line behaviour of qemu-system-x86_64, checked against Debian's
QEMU 7.2 as the oracle: for each malformed command line both must exit
with the same status and print the same error lines.  Listings (-machine
help, -accel help, -d help, -device help) are compared for the entries
both binaries have.  Cases where this project deliberately differs are
checked against their own stated expectation at the end.
"""
import os
import re
import tempfile
import time

from qemu_test import QEMU, ORACLE, Tap, have_oracle, run

tap = Tap()
tmp = tempfile.mkdtemp(prefix="qemu-cmdline-")

# Command lines whose error output and exit status must match QEMU's.
SAME_ERROR = [
    ["-m", "foo"],
    ["-m", "-5"],
    ["-m", "1X"],
    ["-M", "foo"],
    ["-M", "none,foo=1"],
    ["-M", "none", "-smp", "2"],
    ["-M", "none", "-smp", "300"],
    ["-M", "none", "-smp", "foo"],
    ["-name"],
    ["-foo"],
    ["-m"],
    ["-M", "none", "-accel", "foo"],
    ["-M", "none", "-accel", "tcg,foo=bar"],
    ["-M", "none,accel=foo"],
    ["-M", "none", "-enable-kvm", "-accel", "tcg"],
    ["-M", "none", "-boot", "order=z"],
    ["-M", "none", "-serial", "foo"],
    ["-M", "none", "-monitor", "foo:bar"],
    ["-M", "none", "-debugcon", "foo"],
    ["-M", "none", "-chardev", "foo,id=x"],
    ["-M", "none", "-chardev", "null"],
    ["-M", "none", "-chardev", "null,id=a", "-chardev", "null,id=a"],
    ["-M", "none", "-chardev", "null,id=1a"],
    ["-M", "none", "-chardev", "socket,id=a,path=/nonexistent/x,"
     "server=on,wait=off"],
    ["-M", "none", "-mon", "foo"],
    ["-M", "none", "-mon", "chardev=nope"],
    ["-M", "none", "-device", "foo"],
    ["-M", "none", "-device", "isa-serial"],
    ["-M", "none", "-device", "isa-serial,foo=1"],
    ["-M", "none", "-display", "foo"],
    ["-M", "none", "-global", "foo"],
    ["-M", "none", "-D", "/nonexistent/x", "-d", "int"],
    ["-M", "none", "-d", "foo"],
    ["-M", "none", "-pidfile", "/nonexistent/x"],
    ["-M", "none", "-nographic", "-daemonize"],
    ["-M", "none", "-cpu", "foo"],
    ["-M", "none", "-cpu", "qemu64-v2"],
    ["-M", "none", "-uuid", "zz"],
    ["-M", "none", "-qtest", "foo:bar"],
]


def busy_port_cases():
    """A listening socket we hold, so the port is busy for both runs."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    port = s.getsockname()[1]
    return s, [
        ["-M", "none", "-chardev",
         f"socket,id=a,host=127.0.0.1,port={port},server=on,wait=off"],
        ["-M", "none", "-serial",
         f"tcp:127.0.0.1:{port},server=on,wait=off"],
        ["-M", "none", "-serial", "file:/nonexistent/dir/x"],
        ["-M", "none", "-chardev", "file,id=f,path=/nonexistent/dir/x"],
        ["-M", "none", "-chardev", "pipe,id=p,path=/nonexistent/dir/x"],
    ]


def compare_errors():
    holder, busy = busy_port_cases()
    for args in SAME_ERROR + busy:
        name = "error matches QEMU: " + " ".join(args)
        if not have_oracle():
            tap.skip(name, "no oracle QEMU")
            continue
        want = run(ORACLE, ["-display", "none"] + args)
        got = run(QEMU, ["-display", "none"] + args)
        ok = got[0] == want[0] and got[2] == want[2]
        tap.ok(ok, name, f"want status {want[0]}: {want[2]}\n"
                         f" got status {got[0]}: {got[2]}")


def entries(lines, pattern):
    out = {}
    for line in lines:
        m = re.match(pattern, line)
        if m:
            out[m.group(1)] = line
    return out


def compare_listings():
    if not have_oracle():
        tap.skip("listings match QEMU", "no oracle QEMU")
        return
    # -machine help: header and every machine we have, line for line.
    w = run(ORACLE, ["-machine", "help"])
    g = run(QEMU, ["-machine", "help"])
    tap.ok(g[0] == 0 and g[1][0] == w[1][0] == "Supported machines are:",
           "-machine help header", g)
    wm, gm = entries(w[1], r"(\S+) "), entries(g[1], r"(\S+) ")
    for m in gm:
        tap.ok(m in wm and gm[m] == wm[m], f"-machine help line for {m}",
               f"want {wm.get(m)!r}\n got {gm[m]!r}")
    tap.ok("none" in gm, "-machine help lists none")

    w = run(ORACLE, ["-M", "none", "-accel", "help"])
    g = run(QEMU, ["-M", "none", "-accel", "help"])
    tap.ok(g[0] == 0 and g[1][0] == w[1][0] and "tcg" in g[1],
           "-accel help", g)

    w = run(ORACLE, ["-d", "help"])
    g = run(QEMU, ["-d", "help"])
    wi = entries(w[1], r"(\w+)\s")
    gi = entries(g[1], r"(\w+)\s")
    tap.ok(g[0] == 0 and g[1][0] == w[1][0], "-d help header", g[1][:2])
    for item in ("in_asm", "out_asm", "op", "op_opt", "int", "exec", "cpu",
                 "mmu", "unimp", "guest_errors", "nochain", "page"):
        tap.ok(item in gi and gi[item] == wi.get(item),
               f"-d help item {item}", f"want {wi.get(item)!r}\n"
                                       f" got {gi.get(item)!r}")

    w = run(ORACLE, ["-M", "none", "-device", "help"])
    g = run(QEMU, ["-M", "none", "-device", "help"])
    wd = entries(w[1], r'name "([^"]+)"')
    gd = entries(g[1], r'name "([^"]+)"')
    tap.ok(g[0] == 0 and len(gd) > 0, "-device help lists devices", g)
    for d in gd:
        tap.ok(d in wd and gd[d] == wd[d], f"-device help line for {d}",
               f"want {wd.get(d)!r}\n got {gd[d]!r}")

    for dev in ("isa-serial", "isa-debugcon", "isa-debug-exit"):
        w = run(ORACLE, ["-M", "none", "-device", dev + ",help"])
        g = run(QEMU, ["-M", "none", "-device", dev + ",help"])
        tap.ok(g[0] == 0 and g[1][:1] == w[1][:1],
               f"-device {dev},help header", f"want {w[1][:1]}\n"
                                            f" got {g[1][:1]}")
        wp = entries(w[1], r"\s+([\w-]+)=")
        gp = entries(g[1], r"\s+([\w-]+)=")
        for p in ("chardev", "iobase", "index", "irq", "iosize"):
            if p in wp:
                tap.ok(gp.get(p) == wp[p], f"-device {dev},help {p}",
                       f"want {wp[p]!r}\n got {gp.get(p)!r}")

    w = run(ORACLE, ["-cpu", "help"])
    g = run(QEMU, ["-cpu", "help"])
    wc = entries(w[1], r"x86 (\S+)")
    gc = entries(g[1], r"x86 (\S+)")
    tap.ok(g[0] == 0 and g[1][0] == w[1][0] and len(gc) > 20,
           "-cpu help header and models", g[1][:3])
    for c in gc:
        tap.ok(c in wc and gc[c] == wc[c], f"-cpu help line for {c}",
               f"want {wc.get(c)!r}\n got {gc[c]!r}")

    w = run(ORACLE, ["-version"])
    g = run(QEMU, ["-version"])
    tap.ok(g[0] == 0 and g[1][0].startswith("QEMU emulator version 7.2"),
           "-version", g[1])


def our_own_expectations():
    """Where we differ from QEMU on purpose, say what we do instead."""
    st, out, err = run(QEMU, ["-hda", "disk.img"])
    tap.ok(st == 1 and err == ["qemu-system-x86_64: -hda disk.img: "
                               "this option is not implemented yet"],
           "unimplemented option is refused", err)
    st, out, err = run(QEMU, ["-help"])
    tap.ok(st == 0 and any(l.startswith("-machine") for l in out) and
           any(l.startswith("-chardev") for l in out) and
           any(l.startswith("-qtest") for l in out), "-help lists options")
    st, out, err = run(QEMU, ["-M", "pc", "-display", "none"])
    tap.ok(st == 1 and len(err) == 1 and "cannot run guest code" in err[0],
           "pc without a CPU accelerator is refused", err)


def runtime_options():
    pidfile = os.path.join(tmp, "pid")
    st, out, err = run(QEMU, ["-M", "none", "-display", "none",
                              "-daemonize", "-pidfile", pidfile])
    tap.ok(st == 0 and err == [], "-daemonize returns 0", err)
    try:
        pid = int(open(pidfile).read())
        os.kill(pid, 0)
        alive = True
    except (OSError, ValueError):
        pid, alive = None, False
    tap.ok(alive, "-daemonize leaves the daemon running with its pidfile")
    if pid:
        os.kill(pid, 15)
        for _ in range(100):
            if not os.path.exists(pidfile):
                break
            time.sleep(0.05)
        tap.ok(not os.path.exists(pidfile), "pidfile removed at exit")


compare_errors()
compare_listings()
our_own_expectations()
runtime_options()
tap.done()
