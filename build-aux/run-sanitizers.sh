#!/bin/bash
# Builds Shoebox with AddressSanitizer and UndefinedBehaviorSanitizer
# (-Db_sanitize=address,undefined) and runs the core and widget suites
# under them: an out-of-bounds read, a use-after-free, a leak of our own
# or undefined behaviour fails the test that hit it. CI runs it on a
# brand-new Debian 13 (.ci/run, through build-aux/run-tests-on-debian.sh):
# GTK 4.8's tooltips misfire on windows that are gone when a build is as
# slow as this one.
#
#   build-aux/run-sanitizers.sh [MESON TEST ARGS…]
#
# Leaks inside GTK and fontconfig are suppressed in build-aux/lsan.supp,
# each with the upstream cause; nothing of ours is.
# Ends with "N passed, N failed" and exits non-zero on any failure.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail
cd "$(dirname "$0")/.."
. build-aux/install-deps.sh

shoebox_install_packages "${shoebox_build_packages[@]}" "${shoebox_run_packages[@]}" \
    "${shoebox_test_packages[@]}" || { echo "0 passed, 1 failed"; exit 1; }

build=_build-sanitizers
# b_lundef=false: the sanitizer runtimes are resolved at run time in
# shared objects, which -Wl,--no-undefined would reject.
if [ ! -d "$build" ]; then
    meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dwerror=true -Dtests=true >/dev/null ||
        { echo "meson setup failed"; echo "0 passed, 1 failed"; exit 1; }
fi
if ! meson compile -C "$build"; then
    echo "0 passed, 1 failed"
    exit 1
fi

suppressions=$(realpath build-aux/lsan.supp)
# halt_on_error: the first report fails the test, where the log shows
# it. detect_odr_violation=0: that check is for C++'s one-definition
# rule across shared objects; Shoebox is C. fast_unwind_on_malloc=0:
# the system libraries have no frame pointers, and without the slow
# unwinder a leak's stack ends in g_malloc(), where no suppression can
# tell GLib's own from ours.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_odr_violation=0:strict_string_checks=1:fast_unwind_on_malloc=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"
export G_DEBUG=fatal-warnings
rm -f "$build/meson-logs/testlog.json"
xvfb-run -a -s "-screen 0 1280x1024x24" \
    meson test -C "$build" --suite core --suite widgets --print-errorlogs \
    --num-processes 2 --timeout-multiplier 4 "$@"
meson_status=$?

/usr/bin/python3 build-aux/summarize-tests.py "$build/meson-logs/testlog.json" "$meson_status"
