#!/bin/bash
# The README's second command, and all that CI runs: installs what is
# missing, builds with warnings as errors, runs the whole suite (core,
# widget, end-to-end, data and Flatpak checks) under Xvfb, and ends with
# "N passed, N failed". Exits non-zero on any failure.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail
cd "$(dirname "$0")/.."
. build-aux/install-deps.sh

shoebox_install_packages "${shoebox_build_packages[@]}" "${shoebox_run_packages[@]}" \
    "${shoebox_test_packages[@]}" || { echo "0 passed, 1 failed"; exit 1; }

build=_build
if [ -d "$build" ]; then
    meson configure "$build" -Dwerror=true -Dtests=true >/dev/null
else
    meson setup "$build" -Dwerror=true -Dtests=true >/dev/null
fi || { echo "meson setup failed"; echo "0 passed, 1 failed"; exit 1; }

if ! meson compile -C "$build"; then
    echo "0 passed, 1 failed"
    exit 1
fi

# Where the libraries are newer than Debian 12's, build once more with
# their own deprecations switched on (-Ddeprecations=found): any
# deprecated call outside a version guard then fails the build. It counts
# as one more test in the last line.
deprecations_failed=0
if pkg-config --atleast-version=4.10 gtk4; then
    echo "Checking for deprecated API outside version guards (-Ddeprecations=found)…"
    deprecations_build=_build-deprecations
    if { [ -d "$deprecations_build" ] || meson setup "$deprecations_build" -Ddeprecations=found \
             -Dwerror=true -Dtests=false >/dev/null; } &&
       meson compile -C "$deprecations_build" >"$build/deprecations.log" 2>&1; then
        echo "deprecations: OK"
    else
        grep -E "deprecated|error" "$build/deprecations.log" | head -n 40
        echo "deprecations: FAIL"
        deprecations_failed=1
    fi
    deprecations_checked=1
else
    deprecations_checked=0
fi

# Every test also sets G_DEBUG=fatal-warnings itself (tests/meson.build).
export G_DEBUG=fatal-warnings
rm -f "$build/meson-logs/testlog.json"
xvfb-run -a -s "-screen 0 1280x1024x24" \
    meson test -C "$build" --print-errorlogs --num-processes 2 "$@"
meson_status=$?

/usr/bin/python3 - "$build/meson-logs/testlog.json" "$meson_status" \
    "$deprecations_checked" "$deprecations_failed" <<'PY'
import json
import sys

path, meson_status = sys.argv[1], int(sys.argv[2])
deprecations_checked, deprecations_failed = int(sys.argv[3]), int(sys.argv[4])
passed = failed = skipped = 0
if deprecations_checked:
    if deprecations_failed:
        failed += 1
        print("failed: deprecations (a deprecated call outside a version guard)")
    else:
        passed += 1
try:
    with open(path) as log:
        for line in log:
            result = json.loads(line)["result"]
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
                print(f"failed: {json.loads(line)['name']} ({result})")
except FileNotFoundError:
    pass
if meson_status != 0 and failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
