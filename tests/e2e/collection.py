#!/usr/bin/python3
# A pair added with two photos, found by typing, edited on its page,
# worn, seen in the statistics, deleted and brought back by Undo.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, choose_file, click, click_at, database_path, fill, find, find_all, has_state,
                         leave_pair_page, main, main_menu, main_window, open_pair_editor, running, set_text,
                         text_field, text_of, undo_button, wait_for)


def run(args):
    """Add a pair with two photos, find it by typing, edit it, log a wear,
    see it in statistics, delete it and undo the delete: only by clicking
    and typing."""
    photos = os.path.join(os.environ["HOME"], "photos")
    os.makedirs(photos)
    for photo, colour in (("side.png", "red"), ("top.png", "blue")):
        subprocess.run(["convert", "-size", "120x80", f"xc:{colour}", os.path.join(photos, photo)], check=True)

    with running(args, "collection") as app:
        window = main_window(app)
        click(wait_for(lambda: find(window, "push button", "Add Pair"), what="the Add Pair button"))
        editor = app.frame("Add Pair")

        # Type-ahead over the catalogue: pick "Track 2.0 — Balenciaga",
        # which fills the brand too.
        set_text(text_field(editor, "Silhouette"), "track 2")
        time.sleep(0.5)
        app.key("Down")
        app.key("Return")
        brand = text_field(editor, "Brand")
        wait_for(lambda: text_of(brand) == "Balenciaga", what="the brand filled from the catalogue")
        fill(text_field(editor, "Colorway"), "Silver")
        fill(text_field(editor, "Price Paid"), "890.00")
        fill(text_field(editor, "Purchase Date"), "2023-04-12")

        for photo in ("side.png", "top.png"):
            click(wait_for(lambda: find(editor, "push button", "Add Photos…"), what="the Add Photos… button"))
            choose_file(app, os.path.join(photos, photo))
        wait_for(lambda: find(editor, None, "Photo 2"), 15, "two photos in the editor")
        app.screenshot("editor")
        save = find(editor, "push button", "Save")
        wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled")
        click(save)
        wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
                 what="the editor to close")

        # Find it by typing part of its silhouette.
        set_text(wait_for(lambda: find(window, None, "Search Collection"), what="the search field"), "trac")
        card = wait_for(lambda: find(window, None, "Track 2.0 — Silver"), what="the pair's card")
        time.sleep(0.5)
        app.screenshot("search")

        # Edit it: open the card (click, Enter) on its page, Edit, change
        # the colorway; the page shows it, and Back leads to the grid.
        editor = open_pair_editor(app, window, card)
        fill(text_field(editor, "Colorway"), "Silver Blue")
        click(find(editor, "push button", "Save"))
        wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
                 what="the editor to close")
        wait_for(lambda: any(text_of(n) == "Silver Blue" for n in find_all(window, "label")),
                 what="the page to show the new colorway")
        time.sleep(1)
        app.screenshot("pair-page")
        leave_pair_page(window)
        card = wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue"), what="the edited card")

        # Log a wear for the selected pair.
        click_at(card)
        worn = wait_for(lambda: find(window, "push button", "Worn Today"), what="the Worn Today button")
        wait_for(lambda: has_state(worn, Atspi.StateType.SENSITIVE), what="Worn Today to be enabled")
        click(worn)
        time.sleep(0.5)

        # Statistics name the pair among the most worn.
        main_menu(app, window, "Statistics")
        statistics = app.frame("Statistics")
        wait_for(lambda: any("Track 2.0 — Silver Blue" in text_of(n) for n in find_all(statistics, "label")),
                 what="the pair in the statistics")
        time.sleep(0.5)
        app.screenshot("statistics")
        app.key("Escape")
        wait_for(lambda: statistics not in app.frames() or not has_state(statistics, Atspi.StateType.SHOWING),
                 what="the statistics to close")

        # Delete it, then Undo from the toast.
        card = wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue"), what="the card")
        click_at(card)
        delete = wait_for(lambda: find(window, "push button", "Delete"), what="the Delete button")
        wait_for(lambda: has_state(delete, Atspi.StateType.SENSITIVE), what="Delete to be enabled")
        click(delete)
        wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue") is None, what="the card to go")
        # libadwaita 1.2 names the toast button "Undo Undo", as it does dialog buttons.
        undo = wait_for(lambda: undo_button(window), what="the Undo button on the toast")
        app.screenshot("deleted")
        click(undo)
        wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue"), what="the card to come back")

        app.quit()

    db = sqlite3.connect(database_path())
    try:
        pairs = db.execute("SELECT id, colorway, price_paid, currency, purchase_date FROM pairs").fetchall()
        if len(pairs) != 1 or pairs[0][1:] != ("Silver Blue", 89000, "USD", "2023-04-12"):
            raise Failure(f"the database holds {pairs}")
        pair_id = pairs[0][0]
        n_photos = db.execute("SELECT count(*) FROM photos WHERE pair_id = ?", (pair_id,)).fetchone()[0]
        side = db.execute("SELECT count(*) FROM photos WHERE pair_id = ? AND is_side_profile", (pair_id,)).fetchone()[0]
        n_wears = db.execute("SELECT count(*) FROM wears WHERE pair_id = ?", (pair_id,)).fetchone()[0]
    finally:
        db.close()
    if (n_photos, side, n_wears) != (2, 1, 1):
        raise Failure(f"{n_photos} photos ({side} side profile) and {n_wears} wears stored")
    for stored in os.listdir(os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "photos")):
        print(f"# stored photo {stored}")


if __name__ == "__main__":
    main(run)
