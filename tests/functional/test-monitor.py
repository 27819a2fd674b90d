#!/usr/bin/env python3
"""The human monitor over a unix socket and over telnet.

Starts $QEMU (default build/qemu-system-x86_64) with -M none and
"-monitor unix:SOCK,server=on,wait=off", drives the monitor as a user
would (typed lines, Tab, Up arrow) and checks what comes back: banner,
help and info lists, info version/status/name/chardev/mtree, stop/cont,
error wording, and that "quit" ends the process with status 0.  A
second run uses "-monitor telnet:127.0.0.1:PORT,server=on,wait=off" and
checks the telnet option negotiation too.

Expected text was recorded from Debian's QEMU 7.2, and the script passes
against it (QEMU=/usr/bin/qemu-system-x86_64), which is how the test
itself is checked.  Echo bytes are not compared: QEMU redraws the whole
line on each key, we print only what changed; both show the same line.
Prints TAP; exits nonzero on failure.
"""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

from qemu_test import QEMU, Tap

PROMPT = b"(qemu) "
BANNER_RE = re.compile(rb"^QEMU (\d+\.\d+\.\d+) monitor - type 'help' for "
                       rb"more information\r\n\(qemu\) $")
# Telnet: IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD, IAC WILL BINARY,
# IAC DO BINARY, as QEMU's telnet server opens a connection.
TELNET_OPEN = b"\xff\xfb\x01\xff\xfb\x03\xff\xfb\x00\xff\xfd\x00"

HELP_LINES = [
    "cont|c  -- resume emulation",
    "help|? [cmd] -- show the help",
    "info [subcommand] -- show various information about the system state",
    "quit|q  -- quit the emulator",
    "stop|s  -- stop emulation",
    "system_powerdown  -- send system power down event",
    "system_reset  -- reset the system",
]
INFO_LINES = [
    "info chardev  -- show the character devices",
    "info history  -- show the command line history",
    "info mtree [-f][-d][-o][-D] -- show memory tree (-f: dump flat view "
    "for address spaces;-d: dump dispatch tree, valid with -f only);"
    "-o: dump region owners/parents;-D: dump disabled regions",
    "info name  -- show the current VM name",
    "info qtree  -- show device tree",
    "info status  -- show the current VM status (running|paused)",
    "info version  -- show the version of QEMU",
]
MTREE_NONE = ("address-space: memory\r\n"
              "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\r\n"
              "\r\n"
              "address-space: I/O\r\n"
              "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
              "\r\n")

tap = Tap()


class Monitor:
    """A monitor connection: raw bytes in, command output out."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.eof = False

    def read_until(self, needle, timeout=20):
        """Bytes up to and including needle (consumed), or None."""
        end = time.time() + timeout
        while needle not in self.buf and not self.eof:
            left = end - time.time()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                return None
            except ConnectionResetError:
                data = b""
            if not data:
                self.eof = True
            self.buf += data
        if needle not in self.buf:
            return None
        cut = self.buf.index(needle) + len(needle)
        out, self.buf = self.buf[:cut], self.buf[cut:]
        return out

    def read_to_eof(self, timeout=20):
        self.read_until(b"\0never\0", timeout)
        out, self.buf = self.buf, b""
        return out

    def send(self, data):
        self.sock.sendall(data.encode() if isinstance(data, str) else data)

    def cmd(self, line, enter="\r"):
        """Type line + Enter; return the output as text, or None.

        The echo never contains CR LF, so the output starts after the
        first CR LF and ends before the next prompt."""
        self.send(line + enter)
        data = self.read_until(b"\r\n" + PROMPT)
        if data is None:
            return None
        out = data[data.index(b"\r\n") + 2:-len(PROMPT)]
        return out.decode("latin-1")


def start(args):
    return subprocess.Popen([QEMU, "-M", "none", "-display", "none"] + args,
                            stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def connect(proc, family, addr, timeout=20):
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        s = socket.socket(family, socket.SOCK_STREAM)
        try:
            s.connect(addr)
            return s
        except OSError:
            s.close()
            time.sleep(0.05)
    return None


def exit_detail(proc):
    if proc.poll() is None:
        return None
    return f"exited {proc.returncode}: {proc.stderr.read().decode()}"


def stop_process(proc):
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def check_quit(mon, proc, what):
    mon.send("quit\r")
    rest = mon.read_to_eof()
    try:
        status = proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        status = None
    tap.ok(status == 0, f"{what}: quit ends the process with status 0",
           f"status {status}")
    tap.ok(PROMPT not in rest, f"{what}: no prompt after quit", repr(rest))


def check_lists(mon):
    out = mon.cmd("help")
    lines = out.split("\r\n") if out else []
    missing = [l for l in HELP_LINES if l not in lines]
    tap.ok(out is not None and not missing, "help lists the commands",
           f"missing: {missing}\n{out!r}")
    names = [m.group(1) for m in
             (re.match(r"^([a-z][\w|?-]*) .* -- ", l) for l in lines) if m]
    tap.ok(names == sorted(names), "help is sorted by name", names)
    tap.ok(mon.cmd("help stop") == "stop|s  -- stop emulation\r\n",
           "help stop")
    out = mon.cmd("info")
    lines = out.split("\r\n") if out else []
    missing = [l for l in INFO_LINES if l not in lines]
    tap.ok(out is not None and not missing, "info lists the subcommands",
           f"missing: {missing}\n{out!r}")
    tap.ok(mon.cmd("help info") == out, "help info equals info")


def check_errors(mon):
    tap.ok(mon.cmd("foo") == "unknown command: 'foo'\r\n",
           "unknown command")
    tap.ok(mon.cmd("info foo") == "unknown command: 'info foo'\r\n",
           "unknown info subcommand")
    tap.ok(mon.cmd("stop now") ==
           "stop|s: extraneous characters at the end of line\r\n"
           "Try \"help stop\" for more information\r\n",
           "extra argument")
    tap.ok(mon.cmd("info mtree -x") ==
           "mtree: unsupported option -x\r\n"
           "Try \"help info mtree\" for more information\r\n",
           "unknown option")


def check_run_state(mon):
    tap.ok(mon.cmd("info status") == "VM status: running\r\n",
           "info status: running")
    tap.ok(mon.cmd("stop") == "", "stop prints nothing")
    tap.ok(mon.cmd("info status") == "VM status: paused\r\n",
           "info status after stop: paused")
    tap.ok(mon.cmd("cont") == "", "cont prints nothing")
    tap.ok(mon.cmd("info status") == "VM status: running\r\n",
           "info status after cont: running")
    mon.cmd("s")
    tap.ok(mon.cmd("info status") == "VM status: paused\r\n", "s is stop")
    mon.cmd("c")
    tap.ok(mon.cmd("info status") == "VM status: running\r\n", "c is cont")


def check_line_editing(mon, version_line):
    mon.send("info ver\t")
    out = mon.cmd("")
    tap.ok(out == version_line, "Tab completes info subcommands", repr(out))
    mon.send("\x1b[A")
    out = mon.cmd("")
    tap.ok(out == version_line, "Up recalls the last line", repr(out))
    # The recalled line moved to the end of the history, as in QEMU.
    out = mon.cmd("info history") or ""
    lines = out.split("\r\n")[:-1]
    n = len(lines)
    tap.ok(n >= 2 and all(re.match(r"^\d+: '.*'$", l) for l in lines)
           and lines[-2:] == [f"{n - 2}: 'info version '",
                              f"{n - 1}: 'info history'"],
           "info history", repr(out))


def test_unix():
    tmp = tempfile.mkdtemp(prefix="test-monitor-")
    path = os.path.join(tmp, "mon.sock")
    proc = start(["-monitor", f"unix:{path},server=on,wait=off"])
    try:
        sock = connect(proc, socket.AF_UNIX, path)
        if not tap.ok(sock is not None, "unix: connect to the monitor",
                      exit_detail(proc)):
            return
        mon = Monitor(sock)
        banner = mon.read_until(PROMPT)
        m = BANNER_RE.match(banner or b"")
        tap.ok(m is not None, "unix: banner and prompt", repr(banner))
        version = m.group(1).decode() if m else "?"

        out = mon.cmd("info version")
        tap.ok(out is not None and out.startswith(version)
               and out.endswith("\r\n") and out.count("\r\n") == 1,
               "info version matches the banner", repr(out))
        check_lists(mon)
        check_errors(mon)
        check_run_state(mon)
        tap.ok(mon.cmd("info name") == "", "info name without -name")
        out = mon.cmd("info chardev")
        tap.ok(out == f"compat_monitor0: filename=unix:{path},server=on\r\n",
               "info chardev", repr(out))
        out = mon.cmd("info mtree")
        tap.ok(out == MTREE_NONE, "info mtree shape (-M none)", repr(out))
        out = mon.cmd("info qtree")
        tap.ok(out is not None and out.startswith("bus: main-system-bus\r\n"),
               "info qtree", repr(out))
        check_line_editing(mon, mon.cmd("info version"))
        check_quit(mon, proc, "unix")
    finally:
        stop_process(proc)
        shutil.rmtree(tmp, ignore_errors=True)


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_telnet():
    port = free_port()
    proc = start(["-S", "-name", "testvm", "-monitor",
                  f"telnet:127.0.0.1:{port},server=on,wait=off"])
    try:
        sock = connect(proc, socket.AF_INET, ("127.0.0.1", port))
        if not tap.ok(sock is not None, "telnet: connect to the monitor",
                      exit_detail(proc)):
            return
        mon = Monitor(sock)
        opening = mon.read_until(PROMPT)
        tap.ok(opening is not None and opening.startswith(TELNET_OPEN),
               "telnet: option negotiation first", repr(opening))
        rest = opening[len(TELNET_OPEN):] if opening else b""
        tap.ok(BANNER_RE.match(rest) is not None, "telnet: banner and prompt",
               repr(rest))
        # A telnet client ends lines with CR NUL (or CR LF, below).
        tap.ok(mon.cmd("info status", "\r\0") ==
               "VM status: paused (prelaunch)\r\n",
               "telnet: info status under -S")
        tap.ok(mon.cmd("info name", "\r\0") == "testvm\r\n",
               "telnet: info name")
        mon.cmd("cont", "\r\0")
        out = mon.cmd("info status", "\r\n")
        tap.ok(out == "VM status: running\r\n", "telnet: cont starts the VM",
               repr(out))
        # QEMU answers the LF of CR LF with a second prompt; we do not.
        mon.read_until(PROMPT, timeout=0.5)
        check_quit(mon, proc, "telnet")
    finally:
        stop_process(proc)


def main():
    test_unix()
    test_telnet()
    tap.done()


main()
