#!/usr/bin/python3
# A collector's first hour (issue 12): Worn Today and its Undo, a second
# wear refused, and the editor's wear log.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import sqlite3
import time

import shoebox_e2e as e2e
from shoebox_e2e import Atspi, Failure


def wears():
    db = sqlite3.connect(e2e.database_path())
    try:
        return sorted(row[0] for row in db.execute("SELECT date FROM wears"))
    finally:
        db.close()


def wear_log(app):
    """Worn Today has an Undo; a second wear the same day is refused with
    a message that says so; the editor lists the days worn, each
    removable, and takes a past day. What is stored is checked once
    Shoebox has quit: a reader in another process does not see the
    app's last commits while it runs (seen here with GTK 4.8)."""
    today = datetime.date.today().isoformat()
    window = e2e.main_window(app)
    card = e2e.wait_for(lambda: e2e.find(window, None, "Track 2.0 — Silver"), what="the pair's card")
    e2e.click_at(card)
    worn = e2e.wait_for(lambda: e2e.find(window, "push button", "Worn Today"), what="the Worn Today button")
    e2e.wait_for(lambda: e2e.has_state(worn, Atspi.StateType.SENSITIVE), what="Worn Today to be enabled")

    e2e.click(worn)
    e2e.wait_for(lambda: e2e.shows(window, "Wear logged for 1 pair"), what="“Wear logged for 1 pair”")
    e2e.click(e2e.wait_for(lambda: e2e.undo_button(window), what="the toast's Undo"))
    # The logged toast lingers in the tree as it fades out: gone before
    # the next press, or that press's own toast would seem to show at once.
    e2e.wait_for(lambda: e2e.shows(window, "Wear removed from 1 pair") and not e2e.shows(window, "Wear logged"),
                 what="Undo to remove the wear")

    e2e.click(worn)
    e2e.wait_for(lambda: e2e.shows(window, "Wear logged for 1 pair") and not e2e.shows(window, "Wear removed"),
                 what="“Wear logged for 1 pair” again")
    e2e.click(worn)
    e2e.wait_for(lambda: e2e.shows(window, "Already logged as worn today"), what="the second wear to be refused")
    time.sleep(0.3)
    app.screenshot("refused")

    # The editor lists the one day; it can be removed, and a past day added.
    editor = e2e.open_pair_editor(app, window, card)
    e2e.wait_for(lambda: e2e.removable_days(editor) == [today], what=f"only {today} in the wear log")
    e2e.click(next(n for n in e2e.walk(editor) if e2e.name(n) == f"Remove Wear of {today}"))
    e2e.wait_for(lambda: e2e.removable_days(editor) == [], what="Remove to take the day out of the log")
    # The field is below the fold: filled over AT-SPI, logged by its
    # button, as a screen reader's user would.
    e2e.fill(e2e.text_field(editor, "Add a Past Wear (YYYY-MM-DD)"), "2024-01-02")
    e2e.click(e2e.find(editor, "push button", "Log Past Wear"))
    e2e.wait_for(lambda: e2e.removable_days(editor) == ["2024-01-02"], what="the past day in the wear log")
    time.sleep(0.3)
    app.screenshot("wear-log")
    app.key("Escape")
    e2e.wait_for(lambda: e2e.gone(app, editor), what="the editor to close")


def run(args):
    e2e.import_rows(args.app, ["Track 2.0,Balenciaga,Silver,1150.00,USD,,"])
    e2e.run_app(args, "firsthour-wear", wear_log)
    if wears() != ["2024-01-02"]:
        raise Failure(f"the wear log holds {wears()}, not the one past day left")


if __name__ == "__main__":
    e2e.main(run)
