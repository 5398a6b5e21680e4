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
shoebox_complete_icon_caches || true

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

checks=()
if [ "$deprecations_checked" = 1 ]; then
    if [ "$deprecations_failed" = 1 ]; then
        checks+=(--check "deprecations=failed:a deprecated call outside a version guard")
    else
        checks+=(--check "deprecations=ok")
    fi
fi
/usr/bin/python3 build-aux/summarize-tests.py "$build/meson-logs/testlog.json" "$meson_status" "${checks[@]}"
