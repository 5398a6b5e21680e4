#!/usr/bin/python3
# A collector's first hour (issue 12): Enter on a card opens the pair's
# page, inside the window at 1280 and 360 px; Back and Escape return to
# the grid.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import shoebox_e2e as e2e
from shoebox_e2e import Atspi, Failure


PAGE_BUTTONS = ("Edit", "Worn Today", "Compare With…", "Duplicate", "Delete", "Back")


def outside(window, width):
    """The page's header buttons missing or not inside @width. Window
    coordinates start at the frame on GTK 4.8 and a few pixels inside it
    on 4.18, where a button at the left edge reads x = -6."""
    def out(button):
        if button is None:
            return True
        extents = button.get_extents(Atspi.CoordType.WINDOW)
        return extents.x < -16 or extents.x + extents.width > width
    return [name for name in PAGE_BUTTONS if out(e2e.pair_page_button(window, name))]


def pair_page(app):
    """Enter on a card opens the pair's page, not the editor: its facts,
    its wear log and the header's buttons, inside the window at 1280 and
    at 360 px; Back and Escape return to the grid where it was."""
    window = e2e.main_window(app)
    card = e2e.wait_for(lambda: e2e.find(window, None, "Track 2.0 — Silver"), what="the pair's card")
    e2e.open_pair_page(app, window, card)
    if any(e2e.name(f) == "Edit Pair" and e2e.shown(f) for f in app.frames()):
        raise Failure("Enter on a card opened the editor, not the pair's page")
    for text in ("Facts", "Price Paid", "Wear Log", "News", "Lineage"):
        e2e.wait_for(lambda t=text: e2e.shows(window, t), what=f"“{text}” on the pair's page")
    if len(e2e.removable_days(window)) != 1:
        raise Failure(f"the wear log lists {e2e.removable_days(window)}, not the one day imported")
    for width, height in ((1280, 800), (360, 720)):
        e2e.resize(app, width, height)
        e2e.wait_for(lambda w=width: not outside(window, w),
                     what=f"every header button inside {width} px (outside: {outside(window, width)})")
        app.screenshot(str(width))
    e2e.resize(app, 1280, 800)

    # Back by its button, then by Escape: the grid and its card again.
    e2e.leave_pair_page(window)
    card = e2e.wait_for(lambda: e2e.find(window, None, "Track 2.0 — Silver"), what="the card again")
    e2e.open_pair_page(app, window, card)
    app.key("Escape")
    e2e.wait_for(lambda: e2e.find(window, "push button", "Edit") is None, what="Escape to close the pair's page")


def run(args):
    e2e.import_rows(args.app, ["Track 2.0,Balenciaga,Silver,1150.00,USD,,2024-01-02",
                                "Runner,Balenciaga,Blue,1150.00,USD,,"])
    e2e.run_app(args, "firsthour-pairpage", pair_page)


if __name__ == "__main__":
    e2e.main(run)
