#!/usr/bin/python3
# The Catalogue from the Main Menu: a silhouette found, its lineage,
# one added after the Track 3, and the SQLite file checked.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, children, click, click_at, database_path, fill, find, find_all, has_state,
                         main, main_menu, main_window, name, role, run_cli, running, set_text, text_field, text_of,
                         wait_for, walk)


def run(args):
    """Open the Catalogue from the Main Menu, find the Track 2.0, see its
    lineage, add a silhouette after the Track 3 and check the SQLite file:
    only by clicking and typing."""
    # One owned pair of the Track 2.0, through the command line.
    folder = os.path.join(os.environ["HOME"], "catalogue")
    os.makedirs(folder)
    csv = os.path.join(folder, "pairs.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,status\r\nTrack 2.0,Balenciaga,Silver,Owned\r\n")
    run_cli(args.app, "--import-csv", csv, env={"LC_ALL": "C.UTF-8"})

    with running(args, "catalogue") as app:
        window = main_window(app)
        main_menu(app, window, "Catalogue")
        catalogue = app.frame("Catalogue")
        wait_for(lambda: find(catalogue, None, "Balenciaga Runner"), what="the starter catalogue")
        time.sleep(0.5)
        app.screenshot("list")

        # Find the Track 2.0 by typing, and open its page.
        set_text(wait_for(lambda: find(catalogue, None, "Search Catalogue"), what="the search field"), "track 2.0")
        wait_for(lambda: find(catalogue, None, "Balenciaga Runner") is None, what="the search to narrow the list")
        row = wait_for(lambda: find(catalogue, "list item", "Balenciaga Track 2.0"), what="the Track 2.0 row")
        time.sleep(0.5)
        app.screenshot("search")
        click_at(row)

        # Its page: the owned pair, and the lineage in order, the
        # generations not owned said (and shown greyed) to be so.
        def lineage_rows():
            lineage = find(catalogue, "list", "Lineage")
            return [n for n in children(lineage)] if lineage is not None else []

        wait_for(lambda: find(find(catalogue, "list", "Your Pairs"), "list item", "Track 2.0 — Silver"),
                 what="the owned pair")
        wait_for(lambda: len(lineage_rows()) == 3, what="three generations")
        names = [name(n) for n in lineage_rows()]
        if names != ["Balenciaga Track", "Balenciaga Track 2.0", "Balenciaga Track 3"]:
            raise Failure(f"the lineage reads {names}")
        states = [n.get_description() for n in lineage_rows()]
        print(f"# lineage: {list(zip(names, states))}")
        if states != ["Not in your collection", "This silhouette, in your collection", "Not in your collection"]:
            raise Failure(f"the lineage says {states}")
        time.sleep(0.5)
        app.screenshot("page")
        # Wheel down to see the whole lineage, greyed where not owned.
        extents = catalogue.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                        str(extents.y + extents.height // 2), "click", "--repeat", "10", "--delay", "30", "5"],
                       check=True)
        time.sleep(0.5)
        app.screenshot("lineage")

        # Delete is refused while a pair is of this silhouette, with why.
        click(wait_for(lambda: find(catalogue, "push button", "Delete"), what="the Delete button"))
        dialog = wait_for(lambda: next((f for f in app.frames() if f is not catalogue and f is not window
                                        and any("Cannot Be Deleted" in text_of(n) for n in find_all(f, "label"))),
                                       None),
                          what=f"the refusal (windows: {[(name(f), role(f)) for f in app.frames()]})")
        time.sleep(0.5)
        app.screenshot("delete-refused")
        # libadwaita 1.2 names a response button "Close Close".
        click(wait_for(lambda: next((n for n in find_all(dialog, "push button") if name(n).split()[:1] == ["Close"]),
                                    None), what="the Close button"))
        wait_for(lambda: dialog not in app.frames() or not has_state(dialog, Atspi.StateType.SHOWING),
                 what="the refusal to close")

        # Add a silhouette after the Track 3.
        click(wait_for(lambda: find(catalogue, "push button", "Add Silhouette"), what="the Add Silhouette button"))
        editor = app.frame("Add Silhouette")
        fill(text_field(editor, "Name"), "Track 4")
        fill(text_field(editor, "Brand"), "Balenciaga")
        fill(text_field(editor, "Designer"), "Demna")
        fill(text_field(editor, "Release Year"), "2025")
        fill(text_field(editor, "Retail Price"), "1290.00")
        save = wait_for(lambda: find(editor, "push button", "Save"), what="the Save button")
        wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled")

        # A wrong year disables Save; putting it right enables it again.
        fill(text_field(editor, "Release Year"), "1700")
        wait_for(lambda: not has_state(save, Atspi.StateType.SENSITIVE), what="Save to be disabled")
        wait_for(lambda: any("Release Year: Type a year from 1800" in text_of(n) for n in find_all(editor, "label")),
                 what="the message under the fields")
        time.sleep(0.5)
        app.screenshot("editor-invalid")
        fill(text_field(editor, "Release Year"), "2025")
        wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled again")

        # The Predecessor drop-down: click it, then the Track 3.
        click_at(wait_for(lambda: find(editor, None, "Predecessor"), what="the Predecessor field"))
        choice = wait_for(lambda: next((n for n in walk(editor) if (name(n) == "Balenciaga Track 3"
                                                                    or text_of(n) == "Balenciaga Track 3")
                                        and role(n) != "text"), None),
                          what="Track 3 among the predecessors")
        # Popovers are surfaces of their own, so WINDOW coordinates inside
        # one are not the screen's: pick by keyboard, Down from "None".
        item = choice
        while item is not None and role(item) != "list item":
            item = item.get_parent()
        if item is None:
            raise Failure("the predecessors are not a list")
        items = children(item.get_parent())
        print(f"# predecessors: {[text_of(n) or name(n) for it in items for n in walk(it) if role(n) == 'label']}")
        time.sleep(0.5)
        app.screenshot("predecessors")
        for _ in range(items.index(item)):
            app.key("Down")
        app.key("Return")
        # (The choice shows in the row: the four generations below prove it.)
        time.sleep(0.5)
        app.screenshot("editor")
        click(save)
        wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
                 what="the editor to close")

        # The new page: four generations now.
        wait_for(lambda: [name(n) for n in lineage_rows()]
                 == ["Balenciaga Track", "Balenciaga Track 2.0", "Balenciaga Track 3", "Balenciaga Track 4"],
                 what="the four generations in order")
        time.sleep(0.5)
        app.screenshot("added")

        click(wait_for(lambda: find(catalogue, "push button", "Back"), what="the Back button"))
        wait_for(lambda: find(catalogue, None, "Search Catalogue"), what="the list")

        # Escape closes it; Ctrl+Shift+C in the main window opens it again.
        extents = catalogue.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                        str(extents.y + extents.height // 2)], check=True)
        # (In the search field, the first Escape clears the search.)
        for _ in range(2):
            if catalogue in app.frames() and has_state(catalogue, Atspi.StateType.SHOWING):
                app.key("Escape")
                time.sleep(0.5)
        wait_for(lambda: catalogue not in app.frames() or not has_state(catalogue, Atspi.StateType.SHOWING),
                 what="the catalogue to close")
        main = window.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", "--sync", str(main.x + main.width - 40),
                        str(main.y + main.height // 2)], check=True)
        app.key("ctrl+shift+c")
        app.frame("Catalogue")

        app.quit()

    db = sqlite3.connect(database_path())
    try:
        rows = db.execute("SELECT s.name, b.name, s.designer, s.release_year, s.retail_price, s.retail_currency,"
                          " p.name FROM silhouettes s JOIN brands b ON b.id = s.brand_id"
                          " LEFT JOIN silhouettes p ON p.id = s.predecessor_id WHERE s.name = 'Track 4'").fetchall()
    finally:
        db.close()
    if rows != [("Track 4", "Balenciaga", "Demna", 2025, 129000, "USD", "Track 3")]:
        raise Failure(f"the database holds {rows}")


if __name__ == "__main__":
    main(run)
