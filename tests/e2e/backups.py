#!/usr/bin/python3
# backups.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Preferences → Storage and Import Collection… (issue 13), clicked through
# AT-SPI at 1280 and at 360 px wide: the last backup is shown, Back Up
# Now takes one, a backup of the Restore list asks before replacing
# anything and Cancel leaves it all, and a collection file picked in the
# file chooser is checked, shown (pairs, photos, silhouettes) and merged,
# with the counts said. Screenshots of the Storage page, the restore
# question and the import dialog go to the artifacts folder
# (e2e-backups-*-WIDTH.png).
#
#   e2e-run.sh BUILD_DIR backups

import glob
import os
import subprocess
import time

import shoebox_e2e as e2e
from shoebox_e2e import Atspi, Failure

CSV = """silhouette,brand,colorway,status,wear_dates
Track 2.0,Balenciaga,Silver,Owned,2024-01-02;2024-03-05
Gel-1090,Asics,Pure Silver,Owned,2023-09-01
Runner,Balenciaga,Grey Blue,Wishlist,
"""


def shown(root, role_name, node_name):
    """The node named @node_name, a shown one first (GTK 4.8 sets no
    SHOWING state). A push button is a "button" to newer AT-SPI, and GTK
    4.8 names a button with a mnemonic label "_Label Label"."""
    roles = {"push button", "button"} if role_name == "push button" else {role_name}
    found = [n for n in e2e.walk(root)
             if (e2e.name(n) == node_name or e2e.name(n).endswith(" " + node_name))
             and (role_name is None or e2e.role(n) in roles)]
    return next((n for n in found if e2e.has_state(n, Atspi.StateType.SHOWING)), found[0] if found else None)


def press(node):
    if node.get_n_actions() > 0:
        node.do_action(0)
    else:
        e2e.click_at(node)


def backups():
    return sorted(glob.glob(os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "backups", "shoebox-*.db")))


def open_storage(app, window):
    # Without a window manager the keyboard follows the pointer.
    subprocess.run(["xdotool", "mousemove", "--sync", "180", "400"], check=True)
    app.key("ctrl+comma")
    preferences = app.frame("Preferences")
    # A page tab on libadwaita's older switchers, a toggle or radio button
    # on newer ones.
    tab = e2e.wait_for(lambda: next((n for n in e2e.walk(preferences) if e2e.name(n) == "Storage"
                                     and e2e.role(n) in ("page tab", "toggle button", "radio button",
                                                         "push button")), None),
                       what="the Storage page switch")
    if tab.get_n_actions() > 0:
        tab.do_action(0)
    else:
        e2e.click_at(tab)
    e2e.wait_for(lambda: next((n for n in e2e.walk(preferences) if e2e.name(n).startswith("Last Backup")), None),
                 what="the Last Backup row")
    return preferences


def storage(app, window, width):
    preferences = open_storage(app, window)
    time.sleep(1)
    # Every control named, but libadwaita 1.2's own search entry of
    # AdwPreferencesWindow (search is off here, the entry hidden).
    unnamed = sorted({(e2e.role(n), e2e.name(n)) for n in e2e.walk(preferences)
                      if e2e.role(n) in e2e.INTERACTIVE_ROLES
                      and (e2e.name(n) == "" or e2e.name(n).startswith(("Gtk", "Adw")))
                      and e2e.name(n) != "GtkSearchEntry"})
    if unnamed:
        raise Failure(f"controls without a name on the Storage page: {unnamed}")
    app.screenshot(f"storage-{width}", crop="1280x1024")

    before = backups()
    press(e2e.wait_for(lambda: shown(preferences, "push button", "Back Up Now"), what="Back Up Now"))
    # The same day keeps only its last backup: a new name replaces the old.
    e2e.wait_for(lambda: backups() != before and len(backups()) == 1, 20, "the new backup")

    expander = e2e.wait_for(lambda: next((n for n in e2e.walk(preferences) if e2e.name(n).startswith("Restore")
                                          and not e2e.name(n).startswith("Restore the backup")
                                          and n.get_n_actions() > 0), None),
                            what="the Restore row")
    # An expander row's action does not expand it on libadwaita 1.2: a click does.
    e2e.click_at(expander)
    time.sleep(1)
    restore = e2e.wait_for(lambda: next((n for n in e2e.walk(preferences)
                                         if e2e.name(n).startswith("Restore the backup of ")), None),
                           15, "a backup's Restore button")
    press(restore)
    dialog = e2e.wait_dialog(app, "Restore Backup?")
    time.sleep(1)
    app.screenshot(f"restore-{width}", crop="1280x1024")
    kept = backups()
    press(e2e.wait_for(lambda: shown(dialog, "push button", "Cancel"), what="Cancel"))
    time.sleep(1)
    if backups() != kept:
        raise Failure("Cancel changed the backups")
    app.key("Escape")
    e2e.wait_for(lambda: not any(e2e.name(f) == "Preferences" and e2e.has_state(f, Atspi.StateType.SHOWING)
                                 for f in app.frames()), what="the preferences to close")


def import_collection(app, window, path, width):
    subprocess.run(["xdotool", "mousemove", "--sync", "180", "400"], check=True)
    e2e.main_menu(app, window, "Import Collection…")
    e2e.choose_file(app, path, "Import Collection")
    dialog = e2e.wait_dialog(app, "Import Collection?")
    body = " ".join(e2e.text_of(n) for n in e2e.find_all(dialog, "label"))
    if "holds 3 pairs, 0 photos" not in body or "Merging adds the ones you don’t have yet" not in body:
        raise Failure(f"the import dialog says {body!r}")
    time.sleep(1)
    app.screenshot(f"import-{width}", crop="1280x1024")
    press(e2e.wait_for(lambda: shown(dialog, "push button", "Merge into My Collection"), what="Merge"))
    e2e.wait_for(lambda: next((n for n in e2e.walk(window)
                               if e2e.text_of(n).startswith("Added 0 pairs and 0 silhouettes; 3 pairs")), None),
                 20, "the merge's counts")


def run(args):
    work = os.environ.get("SHOEBOX_E2E_WORK") or os.path.dirname(os.environ["XDG_DATA_HOME"])
    csv_path = os.path.join(work, "pairs.csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write(CSV)
    e2e.run_cli(args.app, "--import-csv", csv_path)
    e2e.run_cli(args.app, "--backup-now")
    collection = os.path.join(work, "mine.shoebox")
    e2e.run_cli(args.app, "--export-collection", collection)

    with e2e.running(args, "backups") as app:
        window = e2e.main_window(app)
        for width, height in ((1280, 800), (360, 720)):
            e2e.resize(app, width, height)
            storage(app, window, width)
            import_collection(app, window, collection, width)
        subprocess.run(["xdotool", "mousemove", "--sync", "180", "400"], check=True)
        app.quit(30)


if __name__ == "__main__":
    e2e.main(run)
