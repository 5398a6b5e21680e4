#!/bin/bash
# The Collection benchmark (issue 4): fills a temporary database with
# 100,000 generated pairs, then measures, in one run and with one renderer,
#   - launch → first frame of an empty AdwApplicationWindow (the floor)
#   - launch → first frame whose grid shows real cards, and the ratio
#   - search per keystroke, key → the frame showing its results
#   - peak memory (VmHWM) of the app
# It prints figures; it never passes or fails.
#
#   build-aux/bench-collection.sh [N_PAIRS] [RUNS]
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."

n_pairs=${1:-100000}
runs=${2:-5}

[ -d _build ] || meson setup _build -Dwerror=true >/dev/null
meson compile -C _build tests/bench-collection tests/shoebox-generate-pairs data/gschemas.compiled >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
# The default news sources are real sites: send any fetch to a proxy nobody
# listens on, so it fails at once instead of leaving this machine.
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy=127.0.0.1,localhost
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
# One renderer for every measurement: cairo, as the tests use (GL under
# Xvfb is Mesa's software rasteriser, slower and noisier).
export GSK_RENDERER=cairo GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GTK_A11Y=none DBUS_SESSION_BUS_ADDRESS=disabled:
mkdir -p "$XDG_DATA_HOME/shoebox"

_build/tests/shoebox-generate-pairs "$XDG_DATA_HOME/shoebox/shoebox.db" "$n_pairs"

xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/python3 - "$runs" <<'PY'
import os
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
bench = "_build/tests/bench-collection"


def launch(mode):
    """Launches one run; returns the time from launch to the frame it
    reports, in ms, and the run's other lines."""
    start = time.monotonic_ns() // 1000   # µs, the clock g_get_monotonic_time reads
    out = subprocess.run([bench, mode], capture_output=True, text=True, timeout=120).stdout
    lines = out.splitlines()
    key = "first-frame" if mode == "floor" else "first-cards"
    frame = next(int(l.split()[1]) for l in lines if l.startswith(key + " "))
    return (frame - start) / 1000.0, lines


floors, apps, keystrokes, memory = [], [], [], []
for _ in range(runs):
    ms, _ = launch("floor")
    floors.append(ms)
    ms, lines = launch("app")
    apps.append(ms)
    keystrokes += [float(l.split()[-4]) for l in lines if l.startswith("keystroke ")]
    memory += [int(l.split()[1]) for l in lines if l.startswith("peak-memory")]
    last = lines

print(f"renderer: GSK_RENDERER={os.environ.get('GSK_RENDERER', 'default')}, {runs} runs each, medians")
floor = statistics.median(floors)
app = statistics.median(apps)
print(f"launch → first frame, empty AdwApplicationWindow (floor): {floor:.0f} ms")
print(f"launch → first frame with real cards (100,000 pairs):    {app:.0f} ms")
print(f"ratio: {app / floor:.2f} (target < 1.5)")
print(f"search per keystroke, key → frame with results: median {statistics.median(keystrokes):.1f} ms, "
      f"worst {max(keystrokes):.1f} ms over {len(keystrokes)} keys (target < 16 ms each)")
for l in last:
    if l.startswith("keystroke "):
        print("  " + l)
print(f"peak memory: {max(memory) / 1024:.0f} MB (target < 250 MB)")
PY
