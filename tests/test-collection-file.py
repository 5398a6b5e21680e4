#!/usr/bin/python3
# test-collection-file.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The collection file (issue 13), through the command line:
#
# - `--export-collection` then `--import-collection` of 1,000 generated
#   pairs with 200 photos gives the same collection: every row of every
#   collection table, and every photo byte (by hash);
# - damaged, truncated, newer-schema and foreign files are refused with
#   one line that names the file and why, and neither the file nor the
#   collection (nor its backups) changes;
# - `--import-collection` killed with SIGKILL at 20 random moments always
#   leaves a collection that passes integrity_check, opens (it exports
#   again, photos and all) and is the old one or the new one.
#
#   test-collection-file.py BUILD_DIR
#
# The moments come from a seed, printed first; SHOEBOX_CRASH_SEED=N runs
# the same moments again.

import hashlib
import os
import pathlib
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import shoebox_safety as safety  # noqa: E402

N_PAIRS = 1000
N_PHOTOS = 200
N_OLD_PAIRS = 300
N_KILLS = 20
TABLES = {
    "brands": "id", "silhouettes": "id", "pairs": "id", "tags": "id",
    "pair_tags": "pair_id, tag_id", "wears": "id", "photos": "id",
}

programs = safety.Programs(sys.argv[1])
failures = []


def check(what, condition, detail=""):
    if not condition:
        failures.append(f"{what}: {detail}")
        print(f"FAIL {what}: {detail}", flush=True)


def run_ok(args, data_home):
    result = safety.run(args, data_home)
    if result.returncode != 0:
        raise RuntimeError(f"{args}: {result.stderr}")
    return result


def make_collection(data_home, n_pairs, n_photos, seed):
    """Generated pairs, and a photo for each of the first n_photos pairs,
    stored as Shoebox stores them: named by their SHA-256."""
    folder = data_home / "shoebox"
    (folder / "photos").mkdir(parents=True)
    run_ok([programs.generate_pairs, "--seed", seed, folder / "shoebox.db", n_pairs], data_home)
    rng = random.Random(seed)
    connection = sqlite3.connect(folder / "shoebox.db")
    with connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM pairs ORDER BY id LIMIT ?", (n_photos,))]
        for i, pair_id in enumerate(ids):
            data = rng.randbytes(rng.randrange(2000, 20000))
            name = hashlib.sha256(data).hexdigest() + ".jpg"
            (folder / "photos" / name).write_bytes(data)
            connection.execute("INSERT INTO photos (pair_id, file_name, is_side_profile, position) VALUES (?, ?, ?, ?)",
                               (pair_id, name, i % 2, i % 3))
    connection.close()


def read_collection(data_home):
    """Every row of the collection's tables, and each photo's hash."""
    folder = data_home / "shoebox"
    connection = sqlite3.connect(f"file:{folder / 'shoebox.db'}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        rows = {table: connection.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
                for table, key in TABLES.items()}
        names = [row[0] for row in connection.execute("SELECT DISTINCT file_name FROM photos")]
    finally:
        connection.close()
    hashes = {}
    for name in names:
        path = folder / "photos" / name
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return integrity, rows, hashes


def tree_state(folder):
    """Every file under @folder with its hash: what "nothing changed" means."""
    folder = pathlib.Path(folder)
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def round_trip(work):
    source = work / "source"
    make_collection(source, N_PAIRS, N_PHOTOS, 1)
    archive = work / "collection.shoebox"
    result = run_ok([programs.shoebox, "--export-collection", archive], source)
    print(f"# {result.stdout.strip()}", flush=True)

    # What `sqlite3 FILE -Atv` lists: the database and every photo, once.
    listing = sqlite3.connect(archive).execute("SELECT name FROM sqlar").fetchall()
    check("archive listing", len(listing) == 1 + N_PHOTOS, f"{len(listing)} entries")

    target = work / "target"
    make_collection(target, 10, 3, 2)
    result = run_ok([programs.shoebox, "--import-collection", archive], target)
    print(f"# {result.stdout.strip()}", flush=True)

    before = read_collection(source)
    after = read_collection(target)
    check("round trip integrity", after[0] == "ok", after[0])
    for table in TABLES:
        check(f"round trip {table}", before[1][table] == after[1][table],
              f"{len(before[1][table])} rows before, {len(after[1][table])} after")
    check("round trip pairs", len(after[1]["pairs"]) == N_PAIRS, f"{len(after[1]['pairs'])} pairs")
    check("round trip photos", len(after[2]) == N_PHOTOS and before[2] == after[2],
          f"{len(after[2])} photos, {sum(1 for n in after[2] if after[2][n] != before[2].get(n))} differ")
    check("round trip hashes", all(name.startswith(h) for name, h in after[2].items()), "a photo is not its hash")

    # The old collection was backed up first, and that backup holds it.
    result = run_ok([programs.shoebox, "--list-backups"], target)
    check("backup before import", result.stdout.startswith("1  ") and " 10 pairs  3 photos" in result.stdout,
          result.stdout)
    return archive, source


def rebuilt_archive(archive, path, change):
    """A copy of @archive whose database went through change(connection)."""
    work = path.parent / (path.name + ".d")
    work.mkdir()
    original = sqlite3.connect(archive)
    data = original.execute("SELECT data FROM sqlar WHERE name = 'shoebox.db'").fetchone()[0]
    (work / "shoebox.db").write_bytes(data)
    inner = sqlite3.connect(work / "shoebox.db")
    change(inner)
    inner.commit()
    inner.close()
    shutil.copy(archive, path)
    copy = sqlite3.connect(path)
    with copy:
        copy.execute("UPDATE sqlar SET data = ?, sz = ? WHERE name = 'shoebox.db'",
                     ((work / "shoebox.db").read_bytes(), (work / "shoebox.db").stat().st_size))
    copy.close()
    original.close()
    shutil.rmtree(work)
    return path


def refusals(work, archive, source):
    bad = work / "bad"
    bad.mkdir()
    latest = sqlite3.connect(source / "shoebox" / "shoebox.db").execute("PRAGMA user_version").fetchone()[0]
    whole = archive.read_bytes()

    # A photo's bytes changed inside an archive that is otherwise sound.
    def change_photo(path):
        shutil.copy(archive, path)
        connection = sqlite3.connect(path)
        with connection:
            name, data = connection.execute("SELECT name, data FROM sqlar WHERE name LIKE 'photos/%' LIMIT 1").fetchone()
            connection.execute("UPDATE sqlar SET data = ? WHERE name = ?", (b"X" + data[1:], name))
        connection.close()
        return path

    damaged_pages = bad / "damaged-pages.shoebox"
    middle = len(whole) // 2 // 65536 * 65536
    damaged_pages.write_bytes(whole[:middle] + b"\xff" * 65536 + whole[middle + 65536:])
    (bad / "sqlar-only.shoebox").write_bytes(b"")
    sqlar_only = sqlite3.connect(bad / "sqlar-only.shoebox")
    with sqlar_only:
        sqlar_only.execute("CREATE TABLE sqlar (name TEXT PRIMARY KEY, mode INT, mtime INT, sz INT, data BLOB)")
        sqlar_only.execute("INSERT INTO sqlar VALUES ('notes.txt', 33188, 0, 5, 'hello')")
    sqlar_only.close()
    (bad / "text.shoebox").write_text("silhouette,brand\nTrack,Balenciaga\n")
    shutil.copy(source / "shoebox" / "shoebox.db", bad / "database.shoebox")

    cases = [
        ("damaged pages", damaged_pages, "is damaged"),
        ("damaged photo", change_photo(bad / "damaged-photo.shoebox"), "does not match its hash"),
        ("truncated", bad / "truncated.shoebox", "cut short"),
        ("newer schema", rebuilt_archive(archive, bad / "newer.shoebox",
                                         lambda c: c.execute(f"PRAGMA user_version = {latest + 1}")),
         "newer version of Shoebox"),
        ("not SQLite", bad / "text.shoebox", "is not a Shoebox collection file"),
        ("a bare database", bad / "database.shoebox", "is not a Shoebox collection file"),
        ("an archive without a collection", bad / "sqlar-only.shoebox", "is not a Shoebox collection file"),
        ("no collection inside", rebuilt_archive(archive, bad / "empty.shoebox",
                                                 lambda c: c.executescript("DROP TABLE pairs_fts; DROP VIEW pairs_fts_source;"
                                                                           "DROP TABLE photos; DROP TABLE wears;"
                                                                           "DROP TABLE pair_tags; DROP TABLE pairs;")),
         "is not a Shoebox collection file"),
    ]
    (bad / "truncated.shoebox").write_bytes(whole[:len(whole) // 3])

    data_home = work / "target"
    for what, path, reason in cases:
        file_before = path.read_bytes()
        collection_before = tree_state(data_home)
        result = safety.run([programs.shoebox, "--import-collection", path], data_home)
        message = result.stderr.strip()
        print(f"# {what}: exit {result.returncode}: {message}", flush=True)
        check(f"refuse {what}", result.returncode != 0, "exit 0")
        check(f"refuse {what}", len(message.splitlines()) == 1 and str(path) in message and reason in message,
              f"the message is {message!r}")
        check(f"refuse {what}", path.read_bytes() == file_before, "the file changed")
        check(f"refuse {what}", tree_state(data_home) == collection_before, "the collection or its backups changed")


def kill_after(process, delay):
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.communicate()
    return killed


def crash_restores(rng, work, archive, new_state):
    old_home = work / "old"
    make_collection(old_home, N_OLD_PAIRS, 20, 3)
    old_state = read_collection(old_home)

    trial = work / "trial"
    shutil.copytree(old_home, trial)
    start = time.monotonic()
    run_ok([programs.shoebox, "--import-collection", archive], trial)
    duration = time.monotonic() - start
    print(f"# an import takes {duration:.3f} s", flush=True)

    for kill in range(1, N_KILLS + 1):
        data_home = work / f"kill-{kill}"
        shutil.copytree(old_home, data_home)
        delay = rng.uniform(0, duration)
        process = safety.start([programs.shoebox, "--import-collection", archive], data_home)
        killed = kill_after(process, delay)
        integrity, rows, hashes = read_collection(data_home)
        state = "old" if (rows, hashes) == old_state[1:] else "new" if (rows, hashes) == new_state[1:] else "neither"
        print(f"# kill {kill}: after {delay:.3f} s, {'killed' if killed else 'had finished'}, "
              f"the {state} collection", flush=True)
        check(f"kill {kill}", integrity == "ok", integrity)
        check(f"kill {kill}", state in ("old", "new"), "the collection is neither the old nor the new one")
        # Opens in Shoebox, and is whole: an export reads every photo.
        result = safety.run([programs.shoebox, "--export-collection", work / f"check-{kill}.shoebox"], data_home)
        check(f"kill {kill}", result.returncode == 0, f"it does not export: {result.stderr.strip()}")
        shutil.rmtree(data_home)


def main():
    seed = int(os.environ.get("SHOEBOX_CRASH_SEED", random.SystemRandom().randrange(1 << 31)))
    print(f"# seed {seed} (SHOEBOX_CRASH_SEED={seed} repeats these kills)", flush=True)
    rng = random.Random(seed)

    work = pathlib.Path(tempfile.mkdtemp(prefix="shoebox-collection-file."))
    try:
        archive, source = round_trip(work)
        refusals(work, archive, source)
        crash_restores(rng, work, archive, read_collection(source))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{len(failures)} failures (seed {seed})")
    return 1 if failures else 0


sys.exit(main())
