# shoebox_safety.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the crash test (test-crash.py) and the full-disk test
# (test-disk-full.py) share: the programs under test, their environment,
# a CSV of generated pairs, and reading a database the way a check must
# (integrity first, then what it holds).

import os
import pathlib
import sqlite3
import subprocess


class Programs:
    def __init__(self, build_dir):
        build = pathlib.Path(build_dir)
        self.shoebox = build / "src" / "shoebox"
        self.generate_pairs = build / "tests" / "shoebox-generate-pairs"
        self.test_edits = build / "tests" / "shoebox-test-edits"
        self.draw_sneaker = build / "tests" / "shoebox-draw-sneaker"


def environment(data_home):
    """A private XDG_DATA_HOME, English messages, no display."""
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "LANGUAGE", "LANG"):
        env.pop(name, None)
    # C.UTF-8 keeps GLib's “quotes”; it is built into glibc since 2.35.
    env["LC_ALL"] = "C.UTF-8"
    env["G_DEBUG"] = "fatal-warnings"
    env["XDG_DATA_HOME"] = str(data_home)
    env["XDG_CACHE_HOME"] = str(pathlib.Path(data_home).parent / "cache")
    env["XDG_CONFIG_HOME"] = str(pathlib.Path(data_home).parent / "config")
    return env


def run(args, data_home, **kwargs):
    return subprocess.run([str(a) for a in args], env=environment(data_home),
                          capture_output=True, text=True, **kwargs)


def start(args, data_home, **kwargs):
    return subprocess.Popen([str(a) for a in args], env=environment(data_home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def make_csv(programs, work, n_pairs):
    """N generated pairs as a CSV file, written by Shoebox's own export."""
    data = pathlib.Path(work) / "generated"
    (data / "shoebox").mkdir(parents=True)
    subprocess.run([str(programs.generate_pairs), str(data / "shoebox" / "shoebox.db"), str(n_pairs)],
                   check=True, capture_output=True)
    csv = pathlib.Path(work) / f"pairs-{n_pairs}.csv"
    result = run([programs.shoebox, "--export-csv", csv], data)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return csv


def read_database(path):
    """(integrity_check's answer, {pair id: (colorway, notes)}, photo rows)."""
    connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        pairs = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, colorway, notes FROM pairs")}
        photos = connection.execute("SELECT count(*) FROM photos").fetchone()[0]
    finally:
        # The last connection to close checkpoints and removes -wal and
        # -shm: anything left in the folder afterwards is stray.
        connection.close()
    return integrity, pairs, photos


def listing(folder):
    folder = pathlib.Path(folder)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []
