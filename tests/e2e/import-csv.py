#!/usr/bin/python3
# Import CSV… from the Main Menu, by clicking: a big file's preview says
# what will land and what will be skipped, Cancel leaves the collection
# as it was, and Import writes the good rows, at 1280 and 360 px.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import os
import sqlite3
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, children, click, database_path, find, find_all, gone, is_shown, main,
                         main_menu, main_window, name, resize, running, shown, shows, type_into_chooser, wait_for,
                         windows_of)

# Big enough that reading it takes a while (the preview is read off the
# main thread), small enough for a slow machine.
N_ROWS = 40000
# Each a row the preview refuses, with its line (the header is line 1).
BAD_ROWS = {101: "Track 2.0,Balenciaga,Bad Price,-5.00,USD,Owned\r\n",
            20002: ",Balenciaga,No Silhouette,,,Owned\r\n"}


def write_csv(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,price_paid,currency,status\r\n")
        for line in range(2, N_ROWS + 2):
            f.write(BAD_ROWS.get(line, f"Track 2.0,Balenciaga,Colorway {line},150.00,USD,Owned\r\n"))


def count_pairs():
    with contextlib.closing(sqlite3.connect(f"file:{database_path()}?mode=ro", uri=True)) as db:
        return db.execute("SELECT count(*) FROM pairs").fetchone()[0]


def import_button(frame):
    """The preview's Import button, named after the pairs it would add."""
    return next((n for n in find_all(frame, "push button") if name(n).startswith("Import ")), None)


def chooser_frame():
    """The file chooser, titled as the preview is: the one without an
    Import button. GTK 4.8 shows it as a "filler" that is never SHOWING
    (is_shown())."""
    return next((f for a in children(Atspi.get_desktop(0)) for f in windows_of(a)
                 if name(f) == "Import CSV" and is_shown(f) and import_button(f) is None), None)


def preview_frame(app):
    return next((f for f in app.frames() if name(f) == "Import CSV" and shown(f) and import_button(f) is not None),
                None)


def own_window(app, title):
    """Whether @title is an X window of its own."""
    return subprocess.run(["xdotool", "search", "--pid", str(app.process.pid), "--name", f"^{title}$"],
                          capture_output=True, text=True).stdout.split() != []


def open_preview(app, window, path):
    main_menu(app, window, "Import CSV…")
    chooser = wait_for(chooser_frame, 15, "the “Import CSV” file chooser")
    time.sleep(0.5)
    type_into_chooser(app, chooser, "ctrl+l", path)
    return wait_for(lambda: preview_frame(app), 30, "the preview")


def run(args):
    path = os.path.join(os.environ["HOME"], "big.csv")
    write_csv(path)
    good = N_ROWS - len(BAD_ROWS)

    with running(args, "import-csv") as app:
        window = main_window(app)
        # Imported at 1280 px, cancelled at 360 px.
        for width, height in ((1280, 800), (360, 720)):
            resize(app, width, height)
            before = count_pairs()
            preview = open_preview(app, window, path)
            summary = f"“big.csv” has {N_ROWS} rows: {good} can be imported, {len(BAD_ROWS)} will be skipped."
            wait_for(lambda: shows(preview, summary), what=f"the summary “{summary}”")
            for line in BAD_ROWS:
                if find(preview, None, f"Line {line}") is None and not shows(preview, f"Line {line}"):
                    raise Failure(f"the preview does not list line {line}")
            if name(import_button(preview)) != f"Import {good} Pairs":
                raise Failure(f"the Import button reads “{name(import_button(preview))}”")
            if width == 360 and own_window(app, "Import CSV"):
                # Before libadwaita 1.5 the preview is a window of its own:
                # a phone's window manager sizes it to the screen, as this
                # does. From 1.5 on it is a dialog inside the main window.
                resize(app, width, height, title="Import CSV")
            time.sleep(0.5)
            app.screenshot(f"preview-{width}", crop=f"{width}x{height}")
            if count_pairs() != before:
                raise Failure("the preview wrote to the collection")

            if width == 360:
                # Cancel: nothing lands.
                click(next(n for n in find_all(preview, "push button") if name(n) == "Cancel"))
                wait_for(lambda: gone(app, preview), what="the preview to close")
                if count_pairs() != before:
                    raise Failure(f"Cancel changed the collection: {count_pairs()} pairs")
                continue

            click(import_button(preview))
            wait_for(lambda: gone(app, preview), 60, "the import to finish")
            toast = f"Imported {good} pairs, skipped {len(BAD_ROWS)} rows"
            wait_for(lambda: shows(window, toast), what=f"the toast “{toast}”")
            time.sleep(0.5)
            app.screenshot(f"imported-{width}", crop=f"{width}x{height}")
            if count_pairs() != before + good:
                raise Failure(f"the collection holds {count_pairs()} pairs, not {before + good}")
        # Without a window manager the keyboard follows the pointer.
        subprocess.run(["xdotool", "mousemove", "--sync", "180", "400"], check=True)
        app.quit()


if __name__ == "__main__":
    main(run)
