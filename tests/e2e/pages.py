#!/usr/bin/python3
# The window shows, its three pages switch, preferences, shortcuts and
# about open from the primary menu, and a second shoebox hands over to
# the first.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, assert_all_named, click, database_path, find, find_all, has_state,
                         is_shortcuts_window, main, main_menu, main_window, name, running, text_of, wait_for)


def pages(app):
    """The window shows, its three pages switch, and preferences, shortcuts
    and about open from the primary menu."""
    window = main_window(app)
    tabs = {}
    for title in ("Collection", "Compare", "News"):
        tabs[title] = wait_for(lambda t=title: find(window, "page tab", t), what=f"the “{title}” page tab")
    wait_for(lambda: has_state(tabs["Collection"], Atspi.StateType.SELECTED), what="Collection selected")
    wait_for(lambda: find(window, "label", None) and any(text_of(n) == "No Pairs Yet" for n in find_all(window, "label")),
             what="the Collection page's status")
    app.screenshot("collection")

    # News's default sources are real sites, which the tests never reach:
    # the page says so.
    for title, status in (("Compare", "Nothing to Compare Yet"), ("News", "No Source Could Be Reached")):
        click(tabs[title])
        wait_for(lambda t=title: has_state(tabs[t], Atspi.StateType.SELECTED), what=f"{title} selected")
        wait_for(lambda s=status: any(text_of(n) == s for n in find_all(window, "label")),
                 what=f"the {title} page's status “{status}”")
        app.screenshot(title.lower())
    click(tabs["Collection"])
    assert_all_named(window)

    for item, title in (("Preferences", "Preferences"),
                        ("Keyboard Shortcuts", "Keyboard Shortcuts"),
                        ("About Shoebox", "About")):
        main_menu(app, window, item)
        opened = wait_for(lambda t=title: next((f for f in app.frames()
                                                if name(f).startswith(t) or (t == "About" and name(f) == "About Shoebox")
                                                or (t == "Keyboard Shortcuts" and is_shortcuts_window(f))), None),
                          what=f"the {title} window (windows: {[name(f) for f in app.frames()]})")
        time.sleep(0.5)
        app.screenshot(item.lower().replace(" ", "-"))
        app.key("Escape")
        wait_for(lambda f=opened: f not in app.frames() or not has_state(f, Atspi.StateType.VISIBLE),
                 what=f"the {title} window to close")

    # A second `shoebox` hands over to the running one and exits: still
    # one window.
    second = subprocess.run([app.binary], env=dict(os.environ, G_DEBUG="fatal-warnings"), timeout=20)
    if second.returncode != 0:
        raise Failure(f"a second shoebox exited with {second.returncode}")
    time.sleep(0.5)
    windows = [f for f in app.frames() if name(f) == "Shoebox"]
    if len(windows) != 1:
        raise Failure(f"{len(windows)} main windows after starting shoebox twice")

    # The shortcuts window also opens with Ctrl+?, as in every GNOME app.
    app.key("ctrl+question")
    shortcuts = wait_for(lambda: next((f for f in app.frames() if is_shortcuts_window(f)
                                       and has_state(f, Atspi.StateType.SHOWING)), None),
                         what="the shortcuts window")
    # libadwaita's dialogs take keys once their opening animation is over.
    time.sleep(0.5)
    app.key("Escape")
    wait_for(lambda: shortcuts not in app.frames() or not has_state(shortcuts, Atspi.StateType.VISIBLE),
             what="the shortcuts window to close")

    app.quit()
    if not os.path.exists(database_path()):
        raise Failure("the database was not created on first start")


def run(args):
    with running(args, "pages") as app:
        pages(app)


if __name__ == "__main__":
    main(run)
