#!/usr/bin/python3
# test-disk-full.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A full disk during an import, an export (new file and replaced file),
# a single edit, a photo import, a backup (issue 13), and at start-up on
# a disk with no byte left. The disk is a small tmpfs the test mounts,
# so it needs root: as anyone else it is skipped (exit 77). After each scenario: the message
# says in plain words that the disk is full, the collection holds exactly
# what it held before, the export target is as it was, and no -wal, -shm
# or temporary file is left behind.
#
#   test-disk-full.py BUILD_DIR

import contextlib
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import shoebox_safety as safety  # noqa: E402

# SQLite's own "database or disk is full" does not count: the message must
# say it in Shoebox's words.
DISK_FULL = re.compile(r"\bthe disk is full\b", re.IGNORECASE)
N_BACKUP_ROWS = 3000  # a database of about 1.5 MB
N_IMPORT_ROWS = 20000

programs = safety.Programs(sys.argv[1])
failures = []


def check(scenario, condition, what, result=None):
    if condition:
        return
    detail = ""
    if result is not None:
        detail = f"\n    exit {result.returncode}, stdout: {result.stdout.strip()!r}\n    stderr: {result.stderr.strip()!r}"
    failures.append(f"{scenario}: {what}{detail}")
    print(f"FAIL {scenario}: {what}{detail}", flush=True)


@contextlib.contextmanager
def small_disk(folder, size):
    folder.mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder):
    """Writes until not a byte more fits."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * size) > 0:
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)


def seed(data_home, work):
    """A small collection, and its export as the state to compare with."""
    rows = work / "seed.csv"
    rows.write_text("silhouette,brand,colorway,notes\r\n"
                    "Track 2.0,Balenciaga,Silver,first\r\n"
                    "Samba,Adidas,White,second\r\n")
    result = safety.run([programs.shoebox, "--import-csv", rows], data_home)
    assert result.returncode == 0, result.stderr
    return state(data_home)


def state(data_home):
    integrity, pairs, photos = safety.read_database(data_home / "shoebox" / "shoebox.db")
    return integrity, pairs, photos


def check_as_before(scenario, data_home, before):
    # Listed before anything opens the database again, which would tidy up.
    check(scenario, safety.listing(data_home / "shoebox") in (["shoebox.db"], ["photos", "shoebox.db"]),
          f"the data folder holds {safety.listing(data_home / 'shoebox')}")
    after = state(data_home)
    check(scenario, after[0] == "ok", f"integrity_check says {after[0]!r}")
    check(scenario, after[1] == before[1], "the pairs changed")
    check(scenario, after[2] == before[2], f"{after[2]} photo rows instead of {before[2]}")
    photos = data_home / "shoebox" / "photos"
    check(scenario, safety.listing(photos) == [], f"the photos folder holds {safety.listing(photos)}")


def import_on_full_disk(work, big_csv):
    scenario = "import of 20,000 rows on a 3 MiB disk"
    with small_disk(work / "import", "3m") as data_home:
        before = seed(data_home, work)
        result = safety.run([programs.shoebox, "--import-csv", big_csv], data_home)
        check(scenario, result.returncode != 0, "the import did not fail", result)
        check(scenario, DISK_FULL.search(result.stderr), "the message does not say the disk is full", result)
        check(scenario, "savepoint" not in result.stderr, "the message is about a savepoint", result)
        check_as_before(scenario, data_home, before)


def export_on_full_disk(work, generated, old_contents):
    scenario = "export to a " + ("new file" if old_contents is None else "file already there") + " on a 1 MiB disk"
    with small_disk(work / ("export-new" if old_contents is None else "export-replace"), "1m") as target_folder:
        target = target_folder / "pairs.csv"
        if old_contents is not None:
            target.write_bytes(old_contents)
        result = safety.run([programs.shoebox, "--export-csv", target], generated)
        check(scenario, result.returncode != 0, "the export did not fail", result)
        check(scenario, DISK_FULL.search(result.stderr), "the message does not say the disk is full", result)
        if old_contents is None:
            check(scenario, not target.exists(),
                  f"a file of {target.stat().st_size if target.exists() else 0} bytes is left at the target")
        else:
            check(scenario, target.exists() and target.read_bytes() == old_contents, "the target changed")
        expected = [] if old_contents is None else ["pairs.csv"]
        check(scenario, safety.listing(target_folder) == expected,
              f"the folder holds {safety.listing(target_folder)}, not {expected}")


def start_on_full_disk(work):
    scenario = "start on a disk with no byte free"
    with small_disk(work / "start", "3m") as data_home:
        before = seed(data_home, work)
        fill(data_home)
        one = work / "one.csv"
        one.write_text("silhouette,brand,colorway\r\nTrack,Balenciaga,Red\r\n")
        for args in (["--export-csv", work / "start.csv"], ["--import-csv", one]):
            result = safety.run([programs.shoebox, *args], data_home)
            check(scenario, result.returncode != 0, f"{args[0]} did not fail", result)
            check(scenario, DISK_FULL.search(result.stderr), f"{args[0]}: the message does not say the disk is full", result)
            check(scenario, safety.listing(data_home / "shoebox") == ["shoebox.db"],
                  f"{args[0]} left {safety.listing(data_home / 'shoebox')}")
        (data_home / "filler").unlink()
        check_as_before(scenario, data_home, before)


def edit_on_full_disk(work, what, extra_args):
    scenario = f"{what} on a disk that fills up after start"
    with small_disk(work / what.replace(" ", "-"), "3m") as data_home:
        before = seed(data_home, work)
        pair_id = min(before[1])
        result = safety.run([programs.test_edits, "--fill", data_home / "filler",
                             *extra_args(pair_id)], data_home)
        check(scenario, result.returncode == 1, "the edit did not fail", result)
        check(scenario, DISK_FULL.search(result.stderr), "the message does not say the disk is full", result)
        (data_home / "filler").unlink()
        check_as_before(scenario, data_home, before)


def folder_state(folder):
    """Every file under @folder with its contents' hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(pathlib.Path(folder).rglob("*")) if p.is_file()}


def backup_on_full_disk(work, photo):
    """The disk fills up during a backup (issue 13): the backup fails
    plainly, and the last good backup and the collection stay as they were."""
    scenario = "backup on a disk that fills up during it"
    with small_disk(work / "backup", "8m") as data_home:
        seed(data_home, work)
        more = safety.make_csv(programs, work / "backup-rows", N_BACKUP_ROWS)
        result = safety.run([programs.shoebox, "--import-csv", more], data_home)
        assert result.returncode == 0, result.stderr
        pair_id = min(state(data_home)[1])
        result = safety.run([programs.test_edits, "photo", pair_id, photo], data_home)
        assert result.returncode == 0, result.stderr
        result = safety.run([programs.shoebox, "--backup-now"], data_home)
        check(scenario, result.returncode == 0, "the first backup failed", result)
        backups = data_home / "shoebox" / "backups"
        good_backup = folder_state(backups)

        # A change, so that the next backup is a new one.
        one = work / "backup-one.csv"
        one.write_text("silhouette,brand,colorway\r\nTrack,Balenciaga,Red\r\n")
        result = safety.run([programs.shoebox, "--import-csv", one], data_home)
        assert result.returncode == 0, result.stderr
        before = state(data_home)
        collection = folder_state(data_home / "shoebox" / "photos")

        # Room to open the database, not for a copy of it.
        fill(data_home)
        database_size = (data_home / "shoebox" / "shoebox.db").stat().st_size
        os.truncate(data_home / "filler", (data_home / "filler").stat().st_size - database_size // 2)
        result = safety.run([programs.shoebox, "--backup-now"], data_home)
        print(f"# {scenario}: {result.stderr.strip()}", flush=True)
        check(scenario, result.returncode != 0, "the backup did not fail", result)
        check(scenario, DISK_FULL.search(result.stderr), "the message does not say the disk is full", result)
        check(scenario, len(result.stderr.strip().splitlines()) == 1, "the message is not one line", result)
        check(scenario, folder_state(backups) == good_backup,
              f"the backups folder holds {sorted(folder_state(backups))}, not {sorted(good_backup)}")
        (data_home / "filler").unlink()
        after = state(data_home)
        check(scenario, after[0] == "ok", f"integrity_check says {after[0]!r}")
        check(scenario, after[1:] == before[1:], "the collection changed")
        check(scenario, folder_state(data_home / "shoebox" / "photos") == collection, "the photos changed")
        result = safety.run([programs.shoebox, "--list-backups"], data_home)
        check(scenario, result.returncode == 0 and len(result.stdout.splitlines()) == 1,
              "the last good backup is not listed alone", result)


def main():
    if os.geteuid() != 0:
        print("SKIP: mounting a small tmpfs as the full disk needs root")
        return 77

    work = pathlib.Path(tempfile.mkdtemp(prefix="shoebox-disk-full."))
    try:
        try:
            with small_disk(work / "probe", "1m"):
                pass
        except (subprocess.CalledProcessError, OSError) as e:
            print(f"SKIP: cannot mount a tmpfs here ({e})")
            return 77

        big_csv = safety.make_csv(programs, work, N_IMPORT_ROWS)
        photo = work / "photo.png"
        subprocess.run([str(programs.draw_sneaker), "Track", "White", str(photo)], check=True)

        import_on_full_disk(work, big_csv)
        export_on_full_disk(work, work / "generated", None)
        export_on_full_disk(work, work / "generated", b"the export before\r\n")
        start_on_full_disk(work)
        edit_on_full_disk(work, "edit", lambda pair_id: ["edit", pair_id])
        edit_on_full_disk(work, "photo import", lambda pair_id: ["photo", pair_id, photo])
        backup_on_full_disk(work, photo)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{len(failures)} failures in 7 full-disk scenarios")
    return 1 if failures else 0


sys.exit(main())
