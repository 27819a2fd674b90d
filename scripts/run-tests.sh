#!/bin/sh
# Run the meson test suites and end with one line "N passed, N failed,
# N skipped".  Usage: run-tests.sh BUILDDIR [SUITE...]
# Exit status 0 only if nothing failed.
builddir=${1:-build}
shift
suites=""
for s in "$@"; do
    suites="$suites --suite $s"
done

# shellcheck disable=SC2086
meson test -C "$builddir" --print-errorlogs --num-processes 2 $suites
status=$?

python3 - "$builddir/meson-logs/testlog.json" "$status" <<'PY'
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1]) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line).get("result", "")
            if r in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif r == "SKIP":
                skipped += 1
            else:
                failed += 1
except FileNotFoundError:
    failed += 1
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1      # meson itself failed (e.g. a build error)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
