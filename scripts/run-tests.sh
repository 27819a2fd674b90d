#!/bin/sh
# Run the meson test suites of one or more build directories and end with
# one line "N passed, N failed, N skipped" over all of them.
#
#   run-tests.sh BUILDDIR...        (SUITES="unit qtest" to narrow)
#
# Exit status 0 only if nothing failed.
status=0
suites=""
for s in $SUITES; do
    suites="$suites --suite $s"
done
[ $# -gt 0 ] || set -- build
# A sanitizer finding fails the test that triggered it.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"

for builddir in "$@"; do
    echo "== tests in $builddir"
    # shellcheck disable=SC2086
    meson test -C "$builddir" --print-errorlogs --num-processes 2 $suites ||
        status=1
done

python3 - "$status" "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for builddir in sys.argv[2:]:
    try:
        with open(f"{builddir}/meson-logs/testlog.json") as f:
            for line in f:
                if not line.strip():
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
if int(sys.argv[1]) != 0 and failed == 0:
    failed = 1      # meson itself failed (e.g. a build error)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
