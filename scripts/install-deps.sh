#!/bin/sh
# Install, from Debian's package archive, everything the build and the
# tests need.  Idempotent: when every package is present it only runs
# dpkg-query once and exits.
#
# Build:  meson ninja-build pkg-config gcc libglib2.0-dev libpixman-1-dev
#         zlib1g-dev libfdt-dev libslirp-dev libcapstone-dev
# Guest:  seabios (the firmware the PC machine runs)
# Tests:  qemu-utils, qemu-system-x86, qemu-user (QEMU as the oracle
#         and benchmark yardstick), busybox-static (a real static guest
#         for qemu-x86_64), gdb, socat, python3
set -e

BUILD_PKGS="meson ninja-build pkg-config gcc make libglib2.0-dev
libpixman-1-dev zlib1g-dev libfdt-dev libslirp-dev libcapstone-dev"
GUEST_PKGS="seabios"
TEST_PKGS="qemu-utils qemu-system-x86 qemu-user busybox-static gdb socat python3"

missing=""
for p in $BUILD_PKGS $GUEST_PKGS $TEST_PKGS; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
            grep -q '^install ok installed$'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
