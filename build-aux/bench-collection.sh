#!/bin/bash
# The Collection benchmark (issues 4 and 15): fills a temporary database
# with 100,000 generated pairs, then measures, in one run and with one
# renderer, each figure beside a floor measured in the same run:
#   - launch → first frame of an empty AdwApplicationWindow (the floor)
#   - launch → first frame whose grid shows real cards, and the ratio
#   - search per keystroke, key → the frame showing its results
#   - the same in list view: first frame with rows, keystrokes, and a sort
#     by a column on every pair, header click → the frame showing it
#   - beside each key and sort, the main thread's CPU time from the input
#     to that frame: what the program costs, whatever else the machine runs
#   - launch → CPU quiet (no 100 ms with 20 ms of CPU for 1.5 s, sampled
#     every 10 ms), against the empty window watched the same way, in the
#     grid and in the list, with the CPU time each used until then
#   - peak memory (VmHWM) of the app
#   - `shoebox --export-csv` and `--import-csv` of the 100,000 pairs,
#     against sqlite3's .import of the same file plus an FTS5 index
#   - feed parsing, against libxml2's xmlReadMemory on the same bytes
# It prints figures; it never passes or fails.
#
#   build-aux/bench-collection.sh [N_PAIRS] [RUNS]
#   BENCH_ONLY=csv build-aux/bench-collection.sh [N_PAIRS] [RUNS]   (the CSV figures only)
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."

n_pairs=${1:-100000}
runs=${2:-5}

# As a GNOME desktop has them (install-deps.sh says why it matters).
. build-aux/install-deps.sh
shoebox_complete_icon_caches || true
[ -f /usr/share/icons/Adwaita/icon-theme.cache ] || echo "note: Adwaita has no icon cache: GTK reads the theme's folders at each start"

[ -d _build ] || meson setup _build -Dwerror=true >/dev/null
meson compile -C _build tests/bench-collection tests/shoebox-generate-pairs tests/bench-feed-parse src/shoebox \
    data/gschemas.compiled >/dev/null

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

# The fonts a GNOME session gives every GTK app (gsd-xsettings, from the
# org.gnome.desktop.interface defaults). Under a bare Xvfb GTK falls back
# to "Sans 10", here DejaVu Sans, a TrueType font whose hinting programs
# FreeType runs for each size: 24.5 M instructions of the list's first
# frame (callgrind), which no collector's desktop runs. The empty window
# draws no text, so only Shoebox's own figures change.
desktop_font=$(gsettings get org.gnome.desktop.interface font-name 2>/dev/null | tr -d "'") || true
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0"
cat > "$XDG_CONFIG_HOME/gtk-4.0/settings.ini" <<INI
[Settings]
gtk-font-name=${desktop_font:-Cantarell 11}
gtk-xft-antialias=1
gtk-xft-hinting=1
gtk-xft-hintstyle=hintslight
gtk-xft-rgba=none
INI

_build/tests/shoebox-generate-pairs "$XDG_DATA_HOME/shoebox/shoebox.db" "$n_pairs"

xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/python3 - "$runs" "$work" <<'PY'
import os
import re
import resource
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
work = sys.argv[2]
bench = "_build/tests/bench-collection"


def launch(mode):
    """Launches one run; returns the time from launch to the frame it
    reports, in ms, and the run's other lines."""
    start = time.monotonic_ns() // 1000   # µs, the clock g_get_monotonic_time reads
    out = subprocess.run([bench, mode], capture_output=True, text=True, timeout=300).stdout
    lines = out.splitlines()
    key = "first-frame" if mode.startswith("floor") else "first-cards"
    frame = next(int(l.split()[1]) for l in lines if l.startswith(key + " "))
    return (frame - start) / 1000.0, lines


def threads_cpu_ns(pid):
    """Each thread's CPU time so far, in ns (schedstat): /proc/PID/stat
    counts in 10 ms ticks, too coarse for windows of 100 ms."""
    times = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except (FileNotFoundError, ProcessLookupError):
        return times
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                times[tid] = int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return times


def launch_to_quiet(mode):
    """Launches a run that stays open without input (4 s after its first
    frame), samples every thread's CPU time every 10 ms, and returns the
    time from launch to the end of the last 100 ms in which it used 20 ms
    of CPU or more, and the CPU time (every thread) it used until then.
    The last second is left out: it holds the exit's own work.

    Samples of 100 ms and CPU times in 10 ms ticks made the empty
    window's figure jump between 101, 201 and 302 ms from one day to the
    next; 100 ms windows slid in 10 ms steps over nanosecond CPU times
    measure to about 10 ms."""
    start = time.monotonic()
    proc = subprocess.Popen([bench, mode], stdout=subprocess.DEVNULL)
    samples = []
    seen = {}
    try:
        while proc.poll() is None:
            time.sleep(0.01)
            now = threads_cpu_ns(proc.pid)
            used = sum(ns - seen.get(tid, 0) for tid, ns in now.items())
            seen.update(now)
            samples.append((time.monotonic() - start, used / 1e6))
    finally:
        proc.wait(timeout=60)
    end = time.monotonic() - start
    quiet = 0.0
    for t_end, _ in samples:
        if t_end >= end - 1.0:
            break
        if sum(used for t, used in samples if t_end - 0.1 < t <= t_end) >= 20:
            quiet = t_end
    return quiet * 1000.0, sum(used for t, used in samples if t <= quiet)


KEY = re.compile(r"([0-9.]+) ms \(CPU ([0-9.]+) ms\)")


def figures(lines, prefix):
    """(wall ms, CPU ms) of each line starting with prefix."""
    return [tuple(float(x) for x in KEY.search(l).groups()) for l in lines if l.startswith(prefix)]


def spread(pairs, what):
    """Median and worst of the clock, and of the main thread's CPU time."""
    wall = [w for w, _ in pairs]
    cpu = [c for _, c in pairs]
    return (f"median {statistics.median(wall):.1f} ms, worst {max(wall):.1f} ms over {len(wall)} {what}; "
            f"main thread CPU median {statistics.median(cpu):.1f} ms, worst {max(cpu):.1f} ms")


def timed(argv, env=None):
    """The clock's seconds, and the user CPU seconds of the run: on a busy
    machine the second says more."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.monotonic()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


# BENCH_ONLY=csv: the CSV figures alone (the import is what changes most
# often); without it, everything.
only_csv = os.environ.get("BENCH_ONLY") == "csv"
if not only_csv:
    floors, apps, keystrokes, memory = [], [], [], []
    list_firsts, list_keys, sorts = [], [], []
    quiet_floors, quiet_apps, quiet_lists = [], [], []
    for _ in range(runs):
        ms, _ = launch("floor")
        floors.append(ms)
        ms, lines = launch("app")
        apps.append(ms)
        keystrokes += figures(lines, "keystroke ")
        memory += [int(l.split()[1]) for l in lines if l.startswith("peak-memory")]
        last = lines
        ms, lines = launch("list")
        list_firsts.append(ms)
        list_keys += figures(lines, "keystroke ")
        sorts += figures(lines, "sort ")
        last_list = lines
        quiet_floors.append(launch_to_quiet("floor-idle"))
        quiet_apps.append(launch_to_quiet("app-idle"))
        quiet_lists.append(launch_to_quiet("list-idle"))

    print(f"renderer: GSK_RENDERER={os.environ.get('GSK_RENDERER', 'default')}, {runs} runs each, medians")
    print("font: " + open(os.path.join(os.environ["XDG_CONFIG_HOME"], "gtk-4.0", "settings.ini")).read().splitlines()[1])
    floor = statistics.median(floors)
    app = statistics.median(apps)
    print(f"launch → first frame, empty AdwApplicationWindow (floor): {floor:.0f} ms")
    print(f"launch → first frame with real cards (100,000 pairs):    {app:.0f} ms")
    print(f"ratio: {app / floor:.2f} (target < 1.5)")
    print(f"search per keystroke, key → frame with results: {spread(keystrokes, 'keys')} (target < 16 ms each)")
    for l in last:
        if l.startswith("keystroke "):
            print("  " + l)
    print(f"peak memory: {max(memory) / 1024:.0f} MB (target < 250 MB)")

    print()
    print("list view:")
    lf = statistics.median(list_firsts)
    print(f"launch → first frame with real rows: {lf:.0f} ms, ratio to the floor {lf / floor:.2f} (target < 1.5)")
    print(f"search per keystroke: {spread(list_keys, 'keys')} (target < 16 ms each)")
    print(f"sort by a column, every pair, click → frame: {spread(sorts, 'sorts')} (target < 16 ms each)")
    for l in last_list:
        if l.startswith("keystroke ") or l.startswith("sort ") or l.startswith("cleared"):
            print("  " + l)

    print()
    qf = statistics.median(q for q, _ in quiet_floors)
    qa = statistics.median(q for q, _ in quiet_apps)
    ql = statistics.median(q for q, _ in quiet_lists)
    cf = statistics.median(c for _, c in quiet_floors)
    ca = statistics.median(c for _, c in quiet_apps)
    cl = statistics.median(c for _, c in quiet_lists)
    print(f"launch → CPU quiet, empty window (floor): {qf:.0f} ms; Shoebox, 100,000 pairs: {qa:.0f} ms; "
          f"ratio {qa / qf:.2f} (target ≤ 2); in list view: {ql:.0f} ms, ratio {ql / qf:.2f}")
    print(f"  CPU used until quiet, every thread: floor {cf:.0f} ms; Shoebox {ca:.0f} ms ({ca / cf:.2f}×); "
          f"in list view {cl:.0f} ms ({cl / cf:.2f}×)")
    for name, values in (("floor", quiet_floors), ("Shoebox", quiet_apps), ("list view", quiet_lists)):
        print(f"  each run, {name}: " + ", ".join(f"{q:.0f} ms (CPU {c:.0f} ms)" for q, c in values))


# CSV: export the generated pairs, import them into an empty collection,
# and the floor: sqlite3 importing the same file with an FTS5 index.
print()
csv = os.path.join(work, "pairs.csv")
exports, imports, floors_csv = [], [], []
for i in range(runs):
    exports.append(timed(["_build/src/shoebox", "--export-csv", csv]))
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, f"import-{i}"))
    os.makedirs(os.path.join(env["XDG_DATA_HOME"], "shoebox"))
    imports.append(timed(["_build/src/shoebox", "--import-csv", csv], env))
    floor_db = os.path.join(work, f"floor-{i}.db")
    script = (f".mode csv\n.import {csv} pairs\n"
              "CREATE VIRTUAL TABLE pairs_fts USING fts5 (silhouette, brand, colorway, style_code, notes);\n"
              "INSERT INTO pairs_fts SELECT silhouette, brand, colorway, style_code, notes FROM pairs;\n")
    start = time.monotonic()
    subprocess.run(["sqlite3", floor_db], input=script, text=True, check=True)
    floors_csv.append(time.monotonic() - start)
n_rows = sum(1 for _ in open(csv, encoding="utf-8")) - 1
fc = statistics.median(floors_csv)
print(f"CSV floor: sqlite3 .import + FTS5 over five columns: {fc:.2f} s")
import_s = statistics.median(w for w, _ in imports)
print(f"CSV import, {n_rows:,} lines: {import_s:.2f} s, {import_s / fc:.1f}× the floor "
      f"(target < 2 s; each run {', '.join(f'{w:.2f} s (user CPU {u:.2f} s)' for w, u in imports)})")
print(f"CSV export: {statistics.median(w for w, _ in exports):.2f} s (target < 1 s; each run "
      f"{', '.join(f'{w:.2f} s (user CPU {u:.2f} s)' for w, u in exports)})")

if not only_csv:
    print()
    out = subprocess.run(["_build/tests/bench-feed-parse"], capture_output=True, text=True, check=True).stdout
    rates = {}
    for l in out.splitlines():
        if ":" in l and "items/s" in l:
            name, rest = l.split(":", 1)
            rates[name.strip()] = float(rest.split()[0])
    for l in out.splitlines():
        print(l)
    xml = rates["libxml2 xmlReadMemory"]
    shoebox = rates["shoebox_feed_parse"]
    print(f"feed parsing at {100 * shoebox / xml:.0f} % of xmlReadMemory's throughput (target ≥ 50 %)")
PY
