#!/usr/bin/python3
# Compare Selected, Compare With…, the differing rows, Overlay and its
# Opacity, Outline, Compare Generations, Save as Image…, and the
# comparison back after a restart.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, click, click_at, control, database_path, find, find_all, find_menu_button,
                         has_state, main, main_menu, main_window, name, role, run_cli, running, save_image_chooser,
                         save_through_chooser, sha256, text_of, toggle_switch, wait_for, walk)


def draw_shoe(path, heel, background, toe_right):
    """A side-profile photo of a shoe-like shape on a plain background:
    a low toe box, a tall heel, a coloured sole."""
    top = 240 - heel
    command = ["convert", "-size", "480x300", f"xc:{background}",
               "-fill", "#262633", "-draw",
               f"polygon 60,240 420,240 420,{top} 300,{top + heel // 5} 180,{240 - heel * 2 // 5} 60,210",
               "-fill", "#d94c1a", "-draw", "rectangle 55,230 425,244"]
    if toe_right:
        command.append("-flop")
    subprocess.run(command + [path], check=True)


def prepare(binary):
    """Three pairs through the command line (`shoebox --import-csv` needs
    no display), then side-profile photos for two of them. The command
    line has no way to add photos, so they are put where the app keeps
    them (named by their SHA-256) and recorded in the database directly."""
    folder = os.path.join(os.environ["HOME"], "compare")
    os.makedirs(folder)
    csv = os.path.join(folder, "pairs.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,price_paid,currency,condition\r\n"
                "Track 2.0,Balenciaga,Silver,1150.00,USD,deadstock\r\n"
                "Triple S,Balenciaga,Black,895.00,USD,worn\r\n"
                "Runner,Balenciaga,Blue,1150.00,USD,vnds\r\n")
    run_cli(binary, "--import-csv", csv, env={"LC_ALL": "C.UTF-8"})

    photos = os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "photos")
    os.makedirs(photos, exist_ok=True)
    db = sqlite3.connect(database_path())
    try:
        for colorway, heel, background, toe_right in (("Silver", 110, "white", False),
                                                      ("Black", 160, "#e4e4e4", True)):
            drawn = os.path.join(folder, f"{colorway}.png")
            draw_shoe(drawn, heel, background, toe_right)
            stored = sha256(drawn) + ".png"
            with open(drawn, "rb") as source, open(os.path.join(photos, stored), "wb") as target:
                target.write(source.read())
            pair_id = db.execute("SELECT id FROM pairs WHERE colorway = ?", (colorway,)).fetchone()[0]
            db.execute("INSERT INTO photos (pair_id, file_name, is_side_profile, position) VALUES (?, ?, 1, 0)",
                       (pair_id, stored))
        db.commit()
    finally:
        db.close()


def run(args):
    """Select two pairs, Compare Selected, add a silhouette with Compare
    With…, see the differing rows, switch to Overlay and move the Opacity
    slider, Outline, the Track line with Compare Generations, and Save as
    Image…: only by clicking and typing."""
    prepare(args.app)
    target = os.path.join(os.environ["HOME"], "compare", "comparison.png")
    # Settings on disk (in the test's own XDG_CONFIG_HOME), so that the
    # comparison can come back after a restart.
    os.environ["GSETTINGS_BACKEND"] = "keyfile"

    with running(args, "compare") as app:
        window = main_window(app)
        silver = wait_for(lambda: find(window, None, "Track 2.0 — Silver"), what="the Track 2.0 card")
        black = wait_for(lambda: find(window, None, "Triple S — Black"), what="the Triple S card")
        time.sleep(0.5)
        click_at(silver)
        time.sleep(0.3)
        click_at(black, "ctrl")
        wait_for(lambda: len([n for n in find_all(window, "table cell")
                              if has_state(n, Atspi.StateType.SELECTED)]) == 2,
                 what="two pairs selected")
        compare = wait_for(lambda: find(window, "push button", "Compare Selected"), what="Compare Selected")
        wait_for(lambda: has_state(compare, Atspi.StateType.SENSITIVE), what="Compare Selected to be enabled")
        app.screenshot("selected")
        click(compare)

        # One column per item, named after it, in the comparison (the
        # Collection page's cards have the same names).
        comparison = wait_for(lambda: find(window, None, "Comparison"), what="the comparison")

        def column(title):
            return find(comparison, None, title)

        wait_for(lambda: column("Track 2.0 — Silver") and column("Triple S — Black"), 15, "the two columns")

        # Compare With… lists the catalogue: add a silhouette.
        compare_with = wait_for(lambda: find_menu_button(window, "Compare With…"),
                                what="the Compare With… button")
        click(compare_with)
        track_3 = wait_for(lambda: find(app.node, "push button", "Balenciaga Track 3"), what="Track 3 in the list")
        click(track_3)
        wait_for(lambda: column("Balenciaga Track 3"), what="the silhouette's column")

        # The rows that differ say so (and are highlighted); equal ones do not.
        def row_title(title):
            return next((n for n in find_all(comparison, "label") if text_of(n) == title), None)

        price = wait_for(lambda: row_title("Price Paid"), what="the Price Paid row")
        brand = wait_for(lambda: row_title("Brand"), what="the Brand row")
        if price.get_description() != "Differs" or brand.get_description() == "Differs":
            raise Failure(f"Price Paid is “{price.get_description()}”, Brand “{brand.get_description()}”")
        wait_for(lambda: find(comparison, None, "Side profile of Triple S — Black"), what="the Triple S photo")
        time.sleep(1.0)
        app.screenshot("side-by-side")

        # Only Differences hides the Brand row.
        # (A switch's AT-SPI action does not toggle it in GTK 4.8: click.)
        switch = wait_for(lambda: next((n for n in walk(window) if name(n) == "Only Differences"
                                        and role(n) != "label"), None), what="the Only Differences switch")
        toggle_switch(switch)
        wait_for(lambda: row_title("Brand") is None, what="the Brand row to hide")
        time.sleep(0.5)
        app.screenshot("only-differences")
        toggle_switch(switch)
        wait_for(lambda: row_title("Brand"), what="the Brand row to come back")

        # Overlay, and the opacity slider moved by a click.
        click(wait_for(lambda: control(window, "Overlay"), what="the Overlay button"))
        slider = wait_for(lambda: find(window, "slider", "Opacity"), what="the Opacity slider")
        time.sleep(0.5)
        before = slider.get_current_value()
        click_at(slider, fraction=0.9)
        wait_for(lambda: slider.get_current_value() > before + 0.1, what="the opacity to change")
        time.sleep(0.5)
        app.screenshot("overlay")

        click(wait_for(lambda: control(window, "Outline"), what="the Outline button"))
        time.sleep(1.0)
        app.screenshot("outline")
        click(wait_for(lambda: control(window, "Side by Side"), what="the Side by Side button"))

        # Save as Image… through the file chooser: the path typed, Enter.
        click(wait_for(lambda: find(window, "push button", "Save as Image…"), what="Save as Image…"))
        chooser = save_image_chooser(app)
        app.screenshot("save-dialog")
        save_through_chooser(app, chooser, target)
        with open(target, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                raise Failure(f"{target} is not a PNG")
        subprocess.run(["cp", target, os.path.join(args.artifacts, "e2e-compare-saved.png")], check=False)

        # The Track line, from the Track 2.0 column.
        generations = wait_for(lambda: next((n for n in walk(column("Track 2.0 — Silver") or comparison)
                                             if name(n) == "Compare Generations" and role(n) == "push button"), None),
                               what="Compare Generations")
        click(generations)
        wait_for(lambda: column("Balenciaga Track") and column("Balenciaga Track 2.0") and column("Balenciaga Track 3"),
                 what="the three generations")
        time.sleep(0.5)
        app.screenshot("generations")

        # From the Phantom's page in the Catalogue: Compare With… the Runner.
        main_menu(app, window, "Catalogue")
        catalogue = app.frame("Catalogue")
        time.sleep(0.5)
        click_at(wait_for(lambda: find(catalogue, "list item", "Balenciaga Phantom"), what="the Phantom row"))
        click(wait_for(lambda: control(catalogue, "Compare With…"), what="Compare With… on its page"))
        wait_for(lambda: column("Balenciaga Phantom") and column("Balenciaga Track") is None, what="the Phantom alone")
        click(wait_for(lambda: find(app.node, "push button", "Balenciaga Runner"), what="the Runner in the list"))
        wait_for(lambda: column("Balenciaga Runner"), what="the Runner's column")
        time.sleep(0.5)
        app.screenshot("runner-phantom")

        app.quit()

    # The last comparison is there again after a restart.
    with running(args, "compare") as app:
        window = main_window(app)
        click(wait_for(lambda: find(window, "page tab", "Compare"), what="the Compare page tab"))
        comparison = wait_for(lambda: find(window, None, "Comparison"), what="the comparison")
        wait_for(lambda: find(comparison, None, "Balenciaga Phantom") and find(comparison, None, "Balenciaga Runner"),
                 what="the Phantom and the Runner again")
        time.sleep(0.5)
        app.screenshot("restarted")
        app.quit()


if __name__ == "__main__":
    main(run)
