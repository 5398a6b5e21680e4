#!/usr/bin/python3
# End-to-end scenarios of a collector's first hour (issue 12): what a new
# user meets while adding, editing and wearing pairs, only by clicking and
# typing. Run through tests/e2e-run.sh as "firsthour:SCENARIO", like
# tests/e2e-shoebox.py, whose helpers it uses.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import datetime
import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("e2e_shoebox", os.path.join(here, "e2e-shoebox.py"))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)

from gi.repository import Atspi  # noqa: E402

Failure = e2e.Failure


def shown(frame):
    return e2e.has_state(frame, Atspi.StateType.SHOWING)


def gone(app, frame):
    return frame not in app.frames() or not shown(frame)


def alert_with(app, heading):
    """The shown message dialog whose heading is @heading, or None."""
    return next((f for f in app.frames() if e2e.has_state(f, Atspi.StateType.VISIBLE)
                 and any(e2e.text_of(n) == heading for n in e2e.find_all(f, "label"))
                 and e2e.name(f) not in ("Shoebox", "Add Pair", "Edit Pair")), None)


def response_button(frame, label):
    """libadwaita 1.2 names a response button twice over ("Discard
    Discard"): match the first word(s)."""
    return next((n for n in e2e.walk(frame) if e2e.role(n) == "push button"
                 and e2e.name(n).startswith(label) and n.get_n_actions() > 0), None)


def with_app(args, label, body):
    """Starts Shoebox, runs body(app), quits by Ctrl+Q and checks that it
    quit cleanly; a screenshot of any failure is kept."""
    app = e2e.App(args.app, args.artifacts, f"firsthour-{label}")
    try:
        body(app)
        app.key("ctrl+q")
        app.wait_exit()
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()


def editor_keeps_typing(app):
    """Escape first closes the silhouette suggestions, not the editor;
    closing with unsaved changes asks "Discard changes?", Keep Editing
    being the default; an untouched editor closes at once."""
    window = e2e.main_window(app)
    add = e2e.wait_for(lambda: e2e.find(window, "push button", "Add Pair"), what="the Add Pair button")

    # Untouched, Escape closes it without a question.
    e2e.click(add)
    editor = app.frame("Add Pair")
    time.sleep(0.5)
    app.key("Escape")
    e2e.wait_for(lambda: gone(app, editor), what="the untouched editor to close")
    if alert_with(app, "Discard changes?") is not None:
        raise Failure("an untouched editor asked to discard changes")

    e2e.click(add)
    editor = app.frame("Add Pair")
    silhouette = e2e.text_field(editor, "Silhouette")
    e2e.set_text(silhouette, "track 2")
    time.sleep(0.8)
    app.screenshot("suggestions")

    # The first Escape closes the suggestions only.
    app.key("Escape")
    time.sleep(0.8)
    if not shown(editor):
        raise Failure("Escape over the silhouette suggestions closed the editor")
    if alert_with(app, "Discard changes?") is not None:
        raise Failure("Escape over the silhouette suggestions asked to discard the pair")
    if e2e.text_of(silhouette) != "track 2":
        raise Failure(f"the silhouette field holds “{e2e.text_of(silhouette)}” after Escape")

    # The second asks; Enter keeps editing, the typing stays.
    app.key("Escape")
    alert = e2e.wait_for(lambda: alert_with(app, "Discard changes?"), what="the “Discard changes?” question")
    time.sleep(0.5)
    app.screenshot("discard")
    app.key("Return")
    e2e.wait_for(lambda: alert_with(app, "Discard changes?") is None, what="the question to go")
    time.sleep(0.3)
    if not shown(editor) or e2e.text_of(silhouette) != "track 2":
        raise Failure("Keep Editing did not keep the editor and its typing")

    # Cancel asks too; Discard closes.
    e2e.click(e2e.find(editor, "push button", "Cancel"))
    alert = e2e.wait_for(lambda: alert_with(app, "Discard changes?"), what="the question after Cancel")
    e2e.click(e2e.wait_for(lambda: response_button(alert, "Discard"), what="the Discard button"))
    e2e.wait_for(lambda: gone(app, editor), what="the editor to close after Discard")


def import_pairs(binary, rows):
    """Pairs through the command line, which needs no display."""
    path = os.path.join(os.environ["HOME"], "pairs.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,price_paid,currency,estimated_value,wear_dates\r\n")
        f.write("".join(row + "\r\n" for row in rows))
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    env.pop("DISPLAY", None)
    subprocess.run([binary, "--import-csv", path], env=env, check=True, stdout=subprocess.DEVNULL)


def wears():
    db = sqlite3.connect(e2e.database_path())
    try:
        return sorted(row[0] for row in db.execute("SELECT date FROM wears"))
    finally:
        db.close()


def shows(root, text):
    return any(text in e2e.text_of(n) for n in e2e.find_all(root, "label"))


def undo_button(window):
    """The toast's Undo: libadwaita 1.2 names it "Undo Undo"."""
    return next((n for n in e2e.walk(window) if e2e.name(n).split()[:1] == ["Undo"] and n.get_n_actions() > 0), None)


def removable_days(editor):
    return sorted(e2e.name(n)[len("Remove Wear of "):] for n in e2e.walk(editor)
                  if e2e.name(n).startswith("Remove Wear of ") and n.get_n_actions() > 0)


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
    e2e.wait_for(lambda: shows(window, "Wear logged for 1 pair"), what="“Wear logged for 1 pair”")
    e2e.click(e2e.wait_for(lambda: undo_button(window), what="the toast's Undo"))
    # The logged toast lingers in the tree as it fades out: gone before
    # the next press, or that press's own toast would seem to show at once.
    e2e.wait_for(lambda: shows(window, "Wear removed from 1 pair") and not shows(window, "Wear logged"),
                 what="Undo to remove the wear")

    e2e.click(worn)
    e2e.wait_for(lambda: shows(window, "Wear logged for 1 pair") and not shows(window, "Wear removed"),
                 what="“Wear logged for 1 pair” again")
    e2e.click(worn)
    e2e.wait_for(lambda: shows(window, "Already logged as worn today"), what="the second wear to be refused")
    time.sleep(0.3)
    app.screenshot("refused")

    # The editor lists the one day; it can be removed, and a past day added.
    editor = e2e.open_pair_editor(app, window, card)
    e2e.wait_for(lambda: removable_days(editor) == [today], what=f"only {today} in the wear log")
    e2e.click(next(n for n in e2e.walk(editor) if e2e.name(n) == f"Remove Wear of {today}"))
    e2e.wait_for(lambda: removable_days(editor) == [], what="Remove to take the day out of the log")
    # The field is below the fold: filled over AT-SPI, logged by its
    # button, as a screen reader's user would.
    e2e.fill(e2e.text_field(editor, "Add a Past Wear (YYYY-MM-DD)"), "2024-01-02")
    e2e.click(e2e.find(editor, "push button", "Log Past Wear"))
    e2e.wait_for(lambda: removable_days(editor) == ["2024-01-02"], what="the past day in the wear log")
    time.sleep(0.3)
    app.screenshot("wear-log")
    app.key("Escape")
    e2e.wait_for(lambda: gone(app, editor), what="the editor to close")


def wear_scenario(args):
    import_pairs(args.app, ["Track 2.0,Balenciaga,Silver,1150.00,USD,,"])
    with_app(args, "wear", wear_log)
    if wears() != ["2024-01-02"]:
        raise Failure(f"the wear log holds {wears()}, not the one past day left")


def add_source(app, preferences, address):
    e2e.click(e2e.wait_for(lambda: e2e.news_in(preferences, "push button", "Add Source"), what="the Add Source button"))
    dialog = e2e.news_dialog(app, "Add Source")
    field = e2e.wait_for(lambda: e2e.news_in(dialog, "text", "Address"), what="the Address field")
    field.set_text_contents(address)
    e2e.click(e2e.wait_for(lambda: response_button(dialog, "Add"), what="the Add button"))


def news_truth(app, feeds):
    """Every default source unreachable (the tests reach no real site):
    the News page says how many failed and why, its empty state says that
    every source failed, and its button leads to Preferences; there a
    feed typed without a scheme is added (https, then http), the progress
    toast goes, and a failure shows its whole message."""
    window = e2e.main_window(app)
    e2e.click(e2e.wait_for(lambda: e2e.find(window, "page tab", "News"), what="the News page tab"))
    e2e.wait_for(lambda: shows(window, "No Source Could Be Reached"), 20, "the all-failed empty state")
    banner = e2e.wait_for(lambda: next((e2e.text_of(n) for n in e2e.find_all(window, "label")
                                        if re.fullmatch(r"(\d+) of \1 sources could not be reached", e2e.text_of(n))),
                                       None), what="the banner naming how many sources failed")
    print(f"# banner: {banner}")
    time.sleep(0.5)
    app.screenshot("news-failed")

    e2e.click(e2e.wait_for(lambda: e2e.find(window, "push button", "Open News Preferences"),
                           what="the banner's Preferences button"))
    preferences = app.frame("Preferences")

    bare = feeds.base[len("http://"):] + "feed.xml"
    add_source(app, preferences, bare)
    e2e.wait_for(lambda: e2e.news_in(preferences, "list item", "Loopback Kicks")
                 or e2e.news_in(preferences, "row", "Loopback Kicks"), 20, f"“{bare}” added as a source")
    e2e.wait_for(lambda: not shows(preferences, "Looking for a feed…"), what="the progress toast to go")

    add_source(app, preferences, "no-such-host.invalid/feed")
    alert = e2e.wait_for(lambda: alert_with(app, "Could Not Add Source"), 20, "the reason the source was refused")
    time.sleep(0.5)
    app.screenshot("add-source-failed")
    reasons = [e2e.text_of(n) for n in e2e.find_all(alert, "label")
               if e2e.text_of(n) not in ("", "Could Not Add Source", "Close")]
    if not reasons:
        raise Failure("the refusal gives no reason")
    print(f"# refused: {reasons}")
    e2e.click(e2e.wait_for(lambda: response_button(alert, "Close"), what="the Close button"))
    e2e.wait_for(lambda: not shows(preferences, "Looking for a feed…"), what="the progress toast to go")
    e2e.close_by_escape(app, preferences, "Preferences")


def news_scenario(args):
    feeds = e2e.NewsServer()
    try:
        with_app(args, "news", lambda app: news_truth(app, feeds))
    finally:
        feeds.close()


def selected_cards(window):
    return [e2e.name(n) for n in e2e.walk(window) if e2e.name(n).endswith(("— Silver", "— Black", "— Blue"))
            and e2e.has_state(n, Atspi.StateType.SELECTED)]


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
    e2e.wait_for(lambda: selected_cards(window) == ["Runner — Blue"], what="the first card selected")
    app.key("Right")
    e2e.wait_for(lambda: len(selected_cards(window)) == 1 and selected_cards(window) != ["Runner — Blue"],
                 what=f"Right to move to the next card (selected: {selected_cards(window)})")


def keyboard_scenario(args):
    import_pairs(args.app, ["Track 2.0,Balenciaga,Silver,1150.00,USD,,",
                            "Triple S,Balenciaga,Black,895.00,USD,,",
                            "Runner,Balenciaga,Blue,1150.00,USD,,"])
    with_app(args, "keyboard", keyboard)


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
    e2e.wait_for(lambda: shows(window, "2 Selected"), what=f"“2 Selected” (selected: {selected_cards(window)})")
    time.sleep(0.3)
    app.screenshot("two-selected")
    delete = e2e.find(window, "push button", "Delete")
    e2e.click(delete)
    e2e.wait_for(lambda: e2e.find(window, None, "Runner — Blue") is None, what="the two cards to go")
    time.sleep(0.5)
    if selected_cards(window):
        raise Failure(f"after Delete, {selected_cards(window)} is selected")
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
    e2e.wait_for(lambda: selected_cards(window) == ["Runner — Blue"], what="the card selected")
    app.key("Delete")
    e2e.wait_for(lambda: e2e.find(window, None, "Runner — Blue") is None, what="the card to go")
    time.sleep(0.5)
    app.key("Delete")
    time.sleep(0.5)
    remaining = [name for name in ("Track 2.0 — Silver", "Triple S — Black") if e2e.find(window, None, name)]
    if len(remaining) != 2 or selected_cards(window):
        raise Failure(f"after Delete, {selected_cards(window)} was selected; left: {remaining}")


def selection_scenario(args):
    import_pairs(args.app, ["Track 2.0,Balenciaga,Silver,1150.00,USD,,",
                            "Triple S,Balenciaga,Black,895.00,USD,,",
                            "Runner,Balenciaga,Blue,1150.00,USD,,"])
    with_app(args, "selection", selection)


def resize(width, height):
    """Without a window manager nothing else sizes the window."""
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Shoebox$"], check=True,
                         capture_output=True, text=True).stdout.split()[0]
    subprocess.run(["xdotool", "windowsize", "--sync", wid, str(width), str(height)], check=False)
    time.sleep(1)


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
    if any(e2e.name(f) == "Edit Pair" and shown(f) for f in app.frames()):
        raise Failure("Enter on a card opened the editor, not the pair's page")
    for text in ("Facts", "Price Paid", "Wear Log", "News", "Lineage"):
        e2e.wait_for(lambda t=text: shows(window, t), what=f"“{text}” on the pair's page")
    if len(removable_days(window)) != 1:
        raise Failure(f"the wear log lists {removable_days(window)}, not the one day imported")
    for width, height in ((1280, 800), (360, 720)):
        resize(width, height)
        e2e.wait_for(lambda w=width: not outside(window, w),
                     what=f"every header button inside {width} px (outside: {outside(window, width)})")
        app.screenshot(str(width))
    resize(1280, 800)

    # Back by its button, then by Escape: the grid and its card again.
    e2e.leave_pair_page(window)
    card = e2e.wait_for(lambda: e2e.find(window, None, "Track 2.0 — Silver"), what="the card again")
    e2e.open_pair_page(app, window, card)
    app.key("Escape")
    e2e.wait_for(lambda: e2e.find(window, "push button", "Edit") is None, what="Escape to close the pair's page")


def pair_page_scenario(args):
    import_pairs(args.app, ["Track 2.0,Balenciaga,Silver,1150.00,USD,,2024-01-02",
                            "Runner,Balenciaga,Blue,1150.00,USD,,"])
    with_app(args, "pairpage", pair_page)


SCENARIOS = {
    "selection": selection_scenario,
    "pairpage": pair_page_scenario,
    "keyboard": keyboard_scenario,
    "news": news_scenario,
    "wear": wear_scenario,
    "editor": lambda args: with_app(args, "editor", editor_keeps_typing),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("scenario", help="firsthour:NAME, NAME one of " + ", ".join(SCENARIOS))
    args = parser.parse_args()
    run = SCENARIOS[args.scenario.split(":", 1)[-1]]
    failure = None
    try:
        run(args)
    except Failure as caught:
        failure = caught
    print(f"FAIL: {failure}" if failure else f"PASS: {args.scenario}",
          file=sys.stderr if failure else sys.stdout)
    return 1 if failure else 0


if __name__ == "__main__":
    sys.exit(main())
