#!/usr/bin/python3
# A collector's first hour (issue 12): the Select button, the selection
# bar's count, and nothing left selected after Delete.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import shoebox_e2e as e2e
from shoebox_e2e import Atspi, Failure


def selection(app):
    """A Select button turns clicks into adding and removing pairs, the
    selection bar counts them ("2 Selected"), and after Delete nothing
    else is selected."""
    window = e2e.main_window(app)
    cards = {name: e2e.wait_for(lambda n=name: e2e.find(window, None, n), what=f"the “{name}” card")
             for name in ("Runner — Blue", "Track 2.0 — Silver", "Triple S — Black")}
    # A real click: GTK 4.8 runs an AT-SPI action after the clicks that follow.
    e2e.click_at(e2e.wait_for(lambda: e2e.find(window, "toggle button", "Select")
                              or e2e.find(window, "push button", "Select"), what="the Select button"))
    e2e.click_at(cards["Runner — Blue"])
    e2e.click_at(cards["Track 2.0 — Silver"])
    e2e.wait_for(lambda: e2e.shows(window, "2 Selected"), what=f"“2 Selected” (selected: {e2e.selected_cards(window)})")
    time.sleep(0.3)
    app.screenshot("two-selected")
    delete = e2e.find(window, "push button", "Delete")
    e2e.click(delete)
    e2e.wait_for(lambda: e2e.find(window, None, "Runner — Blue") is None, what="the two cards to go")
    time.sleep(0.5)
    if e2e.selected_cards(window):
        raise Failure(f"after Delete, {e2e.selected_cards(window)} is selected")
    worn = e2e.find(window, "push button", "Worn Today")
    if worn is not None and e2e.has_state(worn, Atspi.StateType.SENSITIVE) and e2e.has_state(worn, Atspi.StateType.SHOWING):
        raise Failure("after Delete the selection bar still offers Worn Today")

    # Undo, then one pair by a plain click and the Delete key, twice: the
    # second Delete must find nothing selected.
    e2e.click_at(e2e.find(window, "toggle button", "Select") or e2e.find(window, "push button", "Select"))
    app.key("ctrl+z")
    card = e2e.wait_for(lambda: e2e.find(window, None, "Runner — Blue"), what="Undo to bring the pairs back")
    time.sleep(0.5)
    e2e.click_at(card)
    e2e.wait_for(lambda: e2e.selected_cards(window) == ["Runner — Blue"], what="the card selected")
    app.key("Delete")
    e2e.wait_for(lambda: e2e.find(window, None, "Runner — Blue") is None, what="the card to go")
    time.sleep(0.5)
    app.key("Delete")
    time.sleep(0.5)
    remaining = [name for name in ("Track 2.0 — Silver", "Triple S — Black") if e2e.find(window, None, name)]
    if len(remaining) != 2 or e2e.selected_cards(window):
        raise Failure(f"after Delete, {e2e.selected_cards(window)} was selected; left: {remaining}")


def run(args):
    e2e.import_rows(args.app, e2e.THREE_PAIRS)
    e2e.run_app(args, "firsthour-selection", selection)


if __name__ == "__main__":
    e2e.main(run)
