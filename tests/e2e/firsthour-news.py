#!/usr/bin/python3
# A collector's first hour (issue 12): the News page when no source can
# be reached, and adding a source by hand, one that works and one that
# does not.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import time

import shoebox_e2e as e2e
from shoebox_e2e import Failure


def add_source(app, preferences, address):
    e2e.click(e2e.wait_for(lambda: e2e.find(preferences, "push button", "Add Source"), what="the Add Source button"))
    dialog = e2e.wait_dialog(app, "Add Source")
    field = e2e.wait_for(lambda: e2e.find(dialog, "text", "Address"), what="the Address field")
    field.set_text_contents(address)
    e2e.click(e2e.wait_for(lambda: e2e.response_button(dialog, "Add"), what="the Add button"))


def news_truth(app, feeds):
    """Every default source unreachable (the tests reach no real site):
    the News page says how many failed and why, its empty state says that
    every source failed, and its button leads to Preferences; there a
    feed typed without a scheme is added (https, then http), the progress
    toast goes, and a failure shows its whole message."""
    window = e2e.main_window(app)
    e2e.click(e2e.wait_for(lambda: e2e.find(window, "page tab", "News"), what="the News page tab"))
    e2e.wait_for(lambda: e2e.shows(window, "No Source Could Be Reached"), 20, "the all-failed empty state")
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
    e2e.wait_for(lambda: e2e.find(preferences, "list item", "Loopback Kicks")
                 or e2e.find(preferences, "row", "Loopback Kicks"), 20, f"“{bare}” added as a source")
    e2e.wait_for(lambda: not e2e.shows(preferences, "Looking for a feed…"), what="the progress toast to go")

    add_source(app, preferences, "no-such-host.invalid/feed")
    alert = e2e.wait_for(lambda: e2e.dialog_with(app, "Could Not Add Source"), 20, "the reason the source was refused")
    time.sleep(0.5)
    app.screenshot("add-source-failed")
    reasons = [e2e.text_of(n) for n in e2e.find_all(alert, "label")
               if e2e.text_of(n) not in ("", "Could Not Add Source", "Close")]
    if not reasons:
        raise Failure("the refusal gives no reason")
    print(f"# refused: {reasons}")
    e2e.click(e2e.wait_for(lambda: e2e.response_button(alert, "Close"), what="the Close button"))
    e2e.wait_for(lambda: not e2e.shows(preferences, "Looking for a feed…"), what="the progress toast to go")
    e2e.close_by_escape(app, preferences, "Preferences")


def run(args):
    feeds = e2e.NewsServer()
    try:
        e2e.run_app(args, "firsthour-news", lambda app: news_truth(app, feeds))
    finally:
        feeds.close()


if __name__ == "__main__":
    e2e.main(run)
