#!/usr/bin/env python3
"""-nographic on a real terminal: the monitor on stdio, and stdio shared
by a serial port and the monitor through the mux (Ctrl-a escapes).

Runs the binary under a pseudo-terminal, as a user at a shell would.  The
same script passes against Debian's QEMU (QEMU=/usr/bin/qemu-system-x86_64),
which is how its expectations were checked.
"""
import os
import pty
import select
import signal
import time

from qemu_test import QEMU, Tap

tap = Tap()


class Term:
    def __init__(self, args):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(QEMU, [QEMU] + args)
        self.buf = b""

    def read_until(self, needle, timeout=20):
        needle = needle.encode() if isinstance(needle, str) else needle
        end = time.time() + timeout
        while needle not in self.buf and time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.2)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                self.buf += data
        found = needle in self.buf
        if found:
            self.buf = self.buf[self.buf.index(needle) + len(needle):]
        return found

    def send(self, data):
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def wait(self, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            # Drain output so the child never blocks on a full pty.
            r, _, _ = select.select([self.fd], [], [], 0.1)
            if r:
                try:
                    self.buf += os.read(self.fd, 4096)
                except OSError:
                    pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None


def monitor_on_stdio():
    t = Term(["-M", "none", "-nographic", "-name", "guest1"])
    tap.ok(t.read_until("monitor - type 'help' for more information"),
           "banner on stdio", t.buf)
    tap.ok(t.read_until("(qemu) "), "prompt")
    t.send("info status\r")
    tap.ok(t.read_until("VM status: running"), "info status over a tty",
           t.buf)
    t.send("info name\r")
    tap.ok(t.read_until("guest1"), "info name shows -name", t.buf)
    t.send("stop\r")
    t.read_until("(qemu) ")
    t.send("info status\r")
    tap.ok(t.read_until("VM status: paused"), "stop pauses", t.buf)
    t.send("quit\r")
    tap.ok(t.wait() == 0, "quit exits with status 0")


def mux_escapes():
    t = Term(["-M", "none", "-nographic", "-serial", "mon:stdio"])
    tap.ok(t.read_until("(qemu) "), "mux: monitor prompt", t.buf)
    t.send(b"\x01h")
    tap.ok(t.read_until("C-a h    print this help"), "C-a h prints help",
           t.buf)
    tap.ok(t.read_until("C-a x    exit emulator"), "help lists C-a x",
           t.buf)
    t.send("info chardev\r")
    tap.ok(t.read_until("serial0: filename=mux"), "info chardev shows mux",
           t.buf)
    t.send(b"\x01x")
    tap.ok(t.read_until("QEMU: Terminated"), "C-a x terminates", t.buf)
    tap.ok(t.wait() == 0, "C-a x exit status 0")


def sigterm():
    t = Term(["-M", "none", "-nographic"])
    t.read_until("(qemu) ")
    # A command round trip proves the main loop (and its handlers) runs.
    t.send("info status\r")
    t.read_until("VM status")
    t.read_until("(qemu) ")
    os.kill(t.pid, signal.SIGTERM)
    st = t.wait()
    tap.ok(st == 0, "SIGTERM: exit status 0", st)
    tap.ok(b"terminating on signal 15" in t.buf, "SIGTERM is reported",
           t.buf)


monitor_on_stdio()
mux_escapes()
sigterm()
tap.done()
