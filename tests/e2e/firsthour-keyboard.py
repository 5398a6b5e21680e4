#!/usr/bin/python3
# A collector's first hour (issue 12): Alt+1/2/3, the shortcuts window,
# and the arrow keys in the grid.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import shoebox_e2e as e2e
from shoebox_e2e import Atspi, Failure


def keyboard(app):
    """Alt+1/2/3 switch pages, as in every GNOME app; the shortcuts window
    lists every main action's shortcut, Ctrl+S among them; the arrow keys
    move within the grid."""
    window = e2e.main_window(app)
    tabs = {title: e2e.wait_for(lambda t=title: e2e.find(window, "page tab", t), what=f"the “{title}” tab")
            for title in ("Collection", "Compare", "News")}
    for keys, title in (("alt+2", "Compare"), ("alt+3", "News"), ("alt+1", "Collection")):
        app.key(keys)
        e2e.wait_for(lambda t=title: e2e.has_state(tabs[t], Atspi.StateType.SELECTED), what=f"{keys} to show {title}")

    app.key("ctrl+question")
    shortcuts = e2e.wait_for(lambda: next((f for f in app.frames() if e2e.is_shortcuts_window(f)
                                           and e2e.has_state(f, Atspi.StateType.SHOWING)), None),
                             what="the shortcuts window")
    time.sleep(0.5)
    listed = {e2e.text_of(n) or e2e.name(n) for n in e2e.walk(shortcuts)}
    for title in ("Show the Collection", "Show Compare", "Show the News", "Save the Pair", "Statistics",
                  "Import CSV", "Export CSV", "Compare the Selected Pairs", "Refresh the News"):
        if title not in listed:
            raise Failure(f"the shortcuts window does not list “{title}”")
    app.screenshot("shortcuts")
    app.key("Escape")
    e2e.wait_for(lambda: shortcuts not in app.frames() or not e2e.has_state(shortcuts, Atspi.StateType.VISIBLE),
                 what="the shortcuts window to close")

    first = e2e.wait_for(lambda: e2e.find(window, None, "Runner — Blue"), what="the first card")
    e2e.click_at(first)
    e2e.wait_for(lambda: e2e.selected_cards(window) == ["Runner — Blue"], what="the first card selected")
    app.key("Right")
    e2e.wait_for(lambda: len(e2e.selected_cards(window)) == 1 and e2e.selected_cards(window) != ["Runner — Blue"],
                 what=f"Right to move to the next card (selected: {e2e.selected_cards(window)})")


def run(args):
    e2e.import_rows(args.app, e2e.THREE_PAIRS)
    e2e.run_app(args, "firsthour-keyboard", keyboard)


if __name__ == "__main__":
    e2e.main(run)
