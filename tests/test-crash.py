#!/usr/bin/python3
# test-crash.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# SIGKILL at random moments during an import, during single-pair edits
# and during an export. After each kill: PRAGMA integrity_check says ok,
# the collection is in its old state or its new state (an import all or
# nothing; every edit the tool reported committed is there, at most one
# more), the export target is the old file or the whole new one, and
# nothing stray is left: no -wal or -shm once the database was opened
# and closed again, no temporary file beside the target.
#
#   test-crash.py BUILD_DIR
#
# The moments come from a seed, printed first; SHOEBOX_CRASH_SEED=N runs
# the same moments again.

import fcntl
import os
import pathlib
import random
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import shoebox_safety as safety  # noqa: E402

N_KILLS = 8  # per job
N_IMPORT_ROWS = 3000
N_EXPORT_PAIRS = 20000  # long enough to be killed while writing
PARTIAL = ".shoebox-partial-"  # what an export writes before the rename

programs = safety.Programs(sys.argv[1])
failures = []


def check(job, kill, condition, what):
    if not condition:
        failures.append(f"{job} kill {kill}: {what}")
        print(f"FAIL {job}, kill {kill}: {what}", flush=True)


def kill_after(process, delay):
    """SIGKILL after @delay seconds, unless the process ended before."""
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    stdout, stderr = process.communicate()
    return killed, stdout, stderr


def timed(args, data_home):
    start = time.monotonic()
    result = safety.run(args, data_home)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - start


def check_database(job, kill, data_home):
    integrity, pairs, _ = safety.read_database(data_home / "shoebox" / "shoebox.db")
    check(job, kill, integrity == "ok", f"integrity_check says {integrity!r}")
    check(job, kill, safety.listing(data_home / "shoebox") == ["shoebox.db"],
          f"the data folder holds {safety.listing(data_home / 'shoebox')}")
    return pairs


def crash_imports(rng, work, csv):
    data_home = work / "import"
    seed_rows = work / "seed.csv"
    seed_rows.write_text("silhouette,brand,colorway\r\nTrack 2.0,Balenciaga,Silver\r\n")
    timed([programs.shoebox, "--import-csv", seed_rows], data_home)
    duration = timed([programs.shoebox, "--import-csv", csv], data_home)

    for kill in range(1, N_KILLS + 1):
        before = check_database("import", kill, data_home)
        delay = rng.uniform(0, duration * 1.2)
        process = safety.start([programs.shoebox, "--import-csv", csv], data_home)
        killed, _, _ = kill_after(process, delay)
        after = check_database("import", kill, data_home)
        added = len(after) - len(before)
        print(f"# import kill {kill}: after {delay:.3f} s, {'killed' if killed else 'had finished'}, "
              f"{added} pairs added", flush=True)
        check("import", kill, added in (0, N_IMPORT_ROWS), f"{added} pairs added: half an import")
        check("import", kill, before.items() <= after.items(), "pairs there before changed or went")


def check_edits(kill, pairs, committed):
    """Edits are numbered from 1: odd ones add a pair of colorway edit-N,
    even ones set the notes of the pair added just before to edit-N."""
    added = {int(c[5:]): i for i, (c, _) in pairs.items() if c and c.startswith("edit-")}
    notes = {int(n[5:]) for _, n in pairs.values() if n and n.startswith("edit-")}
    done = max(list(added) + list(notes), default=0)
    last = max(committed, default=0)

    check("edits", kill, done in (last, last + 1), f"edit {done} is the last in the database, but {last} was reported")
    for seq in range(1, done + 1):
        if seq % 2 == 1:
            check("edits", kill, seq in added, f"the pair of edit {seq} is missing")
        elif seq - 1 in added:
            check("edits", kill, pairs[added[seq - 1]][1] == f"edit-{seq}", f"the notes of edit {seq} are missing")
    for seq, pair_id in committed.items():
        check("edits", kill, pair_id in pairs, f"pair {pair_id}, committed by edit {seq}, is missing")


def crash_edits(rng, work):
    base = work / "edits-base"
    seed_rows = work / "seed.csv"
    timed([programs.shoebox, "--import-csv", seed_rows], base)

    for kill in range(1, N_KILLS + 1):
        data_home = work / f"edits-{kill}"
        shutil.copytree(base, data_home)
        delay = rng.uniform(0.05, 1.0)
        process = safety.start([programs.test_edits, "edits", "100000"], data_home)
        killed, stdout, stderr = kill_after(process, delay)
        check("edits", kill, killed, f"the edits ended by themselves: {stderr.strip()}")
        committed = {}
        for line in stdout.splitlines():
            _, seq, pair_id = line.split()
            committed[int(seq)] = int(pair_id)
        pairs = check_database("edits", kill, data_home)
        print(f"# edits kill {kill}: after {delay:.3f} s, {len(committed)} edits reported committed", flush=True)
        check_edits(kill, pairs, committed)


def crash_exports(rng, work):
    generated = work / "export"
    (generated / "shoebox").mkdir(parents=True)
    timed([programs.generate_pairs, generated / "shoebox" / "shoebox.db", N_EXPORT_PAIRS], generated)
    target_folder = work / "exports"
    target_folder.mkdir()
    target = target_folder / "pairs.csv"
    duration = timed([programs.shoebox, "--export-csv", target], generated)
    whole = target.read_bytes()
    old = b"the export before\r\n"

    for kill in range(1, N_KILLS + 1):
        # Every other kill replaces a file, the others write a new one.
        replacing = kill % 2 == 0
        if replacing:
            target.write_bytes(old)
        else:
            target.unlink(missing_ok=True)
        delay = rng.uniform(0, duration)
        process = safety.start([programs.shoebox, "--export-csv", target], generated)
        killed, _, _ = kill_after(process, delay)
        contents = target.read_bytes() if target.exists() else None
        state = {None: "no file", old: "the old file", whole: "the new file"}.get(contents, "half a file")
        print(f"# export kill {kill}: after {delay:.3f} s, {'killed' if killed else 'had finished'}, "
              f"{state} at the target", flush=True)
        check("export", kill, contents in ((old if replacing else None), whole),
              f"{state} at the target ({len(contents or b'')} bytes)")
        leftovers = [name for name in safety.listing(target_folder) if name != "pairs.csv"]
        if leftovers and all(name.startswith(PARTIAL) for name in leftovers):
            # A kill between linkat() and rename() leaves the new file
            # under its temporary name, for the next export to remove.
            print(f"# export kill {kill}: {leftovers} left, for the next export", flush=True)
            timed([programs.shoebox, "--export-csv", target], generated)
            leftovers = [name for name in safety.listing(target_folder) if name != "pairs.csv"]
        check("export", kill, leftovers == [], f"the folder holds {safety.listing(target_folder)}")


def leftovers_removed(work):
    """The next export removes what a kill left, but not a file another
    export is writing (which it holds locked)."""
    data_home = work / "export"
    target_folder = work / "leftovers"
    target_folder.mkdir()
    (target_folder / f"{PARTIAL}killed").write_bytes(b"half")
    with open(target_folder / f"{PARTIAL}writing", "wb") as writing:
        fcntl.flock(writing, fcntl.LOCK_EX)
        timed([programs.shoebox, "--export-csv", target_folder / "pairs.csv"], data_home)
        check("leftovers", 0, safety.listing(target_folder) == [f"{PARTIAL}writing", "pairs.csv"],
              f"after an export the folder holds {safety.listing(target_folder)}")


def main():
    seed = int(os.environ.get("SHOEBOX_CRASH_SEED", random.SystemRandom().randrange(1 << 31)))
    print(f"# seed {seed} (SHOEBOX_CRASH_SEED={seed} repeats these kills)", flush=True)
    rng = random.Random(seed)

    work = pathlib.Path(tempfile.mkdtemp(prefix="shoebox-crash."))
    try:
        csv = safety.make_csv(programs, work, N_IMPORT_ROWS)
        crash_imports(rng, work, csv)
        crash_edits(rng, work)
        crash_exports(rng, work)
        leftovers_removed(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{len(failures)} failures after {3 * N_KILLS} kills (seed {seed})")
    return 1 if failures else 0


sys.exit(main())
