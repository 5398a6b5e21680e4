#!/bin/bash
# Runs an end-to-end scenario against the real shoebox binary: its own Xvfb
# outside, a private D-Bus session inside (so the accessibility bus it starts
# sees $DISPLAY), and temporary XDG folders, so no test touches the user's
# data. The scenario itself is tests/e2e/SCENARIO.py, driving the app over
# AT-SPI with the helpers of tests/e2e/shoebox_e2e.py; the scenarios are
# listed in tests/e2e/scenarios.txt. FILE:SCENARIO, as in firsthour:editor,
# is tests/e2e/FILE-SCENARIO.py.
#
#   e2e-run.sh BUILD_DIR SCENARIO
#
# SHOEBOX_E2E_WRAPPER runs the app under a command, for a backtrace where a
# warning aborts it: SHOEBOX_E2E_WRAPPER='gdb -batch -ex run -ex bt --args'.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

# G_DEBUG=fatal-warnings is for shoebox, and the driver gives it to every
# shoebox it starts. The driver, the bus and the accessibility registry
# are not under test: a libatspi warning there (a cache not there yet,
# an X display not yet reachable) must not kill them.
unset G_DEBUG

build_dir=$1
scenario=$2
here=$(cd "$(dirname "$0")" && pwd)
# Only the scenarios listed, each tests/e2e/SCENARIO.py.
script="$here/e2e/${scenario//:/-}.py"
awk -v s="$scenario" '!/^#/ && $2 == s { found = 1 } END { exit !found }' "$here/e2e/scenarios.txt" && [ -f "$script" ] \
    || { echo "no scenario “$scenario” in $here/e2e/scenarios.txt"; exit 1; }

# D-Bus activation needs a bus of its own, which starts Shoebox from the
# build's service file: its script makes that bus and its Xvfb.
if [ "$scenario" = dbus-activation ]; then
    exec "$here/e2e-dbus-activation.sh" "$build_dir" "$build_dir/tests/shoebox-seed-news"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shoebox-e2e.XXXXXX")

if [ "${SHOEBOX_E2E_INSIDE:-}" != 1 ]; then
    . "$here/e2e/session.sh"
    # SHOEBOX_E2E_SCREEN: a larger screen for screenshots at 1920×1080.
    start_xvfb "$work" "${SHOEBOX_E2E_SCREEN:-1280x1024x24}"
    # The read-only scenario mounts a file system in there: never leave it.
    trap 'kill $xvfb_pid 2>/dev/null; wait $xvfb_pid 2>/dev/null
          umount "$work/data/shoebox" 2>/dev/null || true; rm -rf --one-file-system "$work"' EXIT
    wait_xvfb "$work"
    export DISPLAY=":$display"
    SHOEBOX_E2E_INSIDE=1 SHOEBOX_E2E_WORK="$work" dbus-run-session -- "$0" "$@"
    status=$?
    if [ $status -ne 0 ]; then
        echo "Xvfb :$display said:"
        cat "$work/xvfb.log"
    fi
    exit $status
fi

work=$SHOEBOX_E2E_WORK

. "$here/e2e/session.sh"
isolate "$work" "$build_dir"

artifacts="$build_dir/tests/artifacts"
mkdir -p "$artifacts"

# -B: no bytecode of the helpers left in the source tree.
exec /usr/bin/python3 -B "$script" \
    --app "$build_dir/src/shoebox" --artifacts "$artifacts" "$scenario"
