#!/usr/bin/python3
# Clicks the real app over AT-SPI to the three pages the store listing
# shows, and takes a screenshot of the window on each. Run by
# build-aux/take-screenshot.sh, which seeds the collection and provides
# Xvfb, a private D-Bus session and temporary XDG folders.
#
# The AT-SPI helpers are the end-to-end tests' (tests/e2e/shoebox_e2e.py), so
# both follow the app's accessible names, and the GTK versions' quirks,
# in one place.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import email.utils
import html
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import time

# Leave no __pycache__ in the source tree.
sys.dont_write_bytecode = True
here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("e2e", os.path.join(here, "..", "tests", "e2e", "shoebox_e2e.py"))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)
Atspi = e2e.Atspi

# Stories of a sneaker news site, hours old. The first names a pair of the
# collection (the only Gel-1090), so it carries a mention badge; the third
# names the pair on the wishlist.
MENTIONED = "Asics Gel-1090 “Pure Silver”"
STORIES = [
    ("gel-1090-pure-silver", "Asics Gel-1090 “Pure Silver” is back in stock", 2,
     "The 2000s runner returns in metallic silver, with its gel heel window and mesh upper.",
     "Gel-1090-Pure-Silver.jpg"),
    ("chunky-soles", "Chunky soles are back: five pairs to watch this winter", 5,
     "From lug soles to stacked midsoles, the season's heaviest silhouettes.",
     "Triple-S-Cream.jpg"),
    ("runner-grey-blue", "First look at the Balenciaga Runner in grey and blue", 9,
     "A distressed runner with a mesh quarter and suede overlays, due in March.",
     "Runner-Grey-Blue.jpg"),
    ("sole-care", "How to clean a white midsole without yellowing it", 26,
     "A soft brush, cold water and patience: our guide for light boxes and everyday pairs.",
     None),
    ("resale-report", "Resale report: what collectors paid in November", 30,
     "Prices held up for chunky runners, while retro silhouettes kept climbing.",
     "Track-3-Grey-Orange.jpg"),
    ("storage", "Boxes, bags or shelves? Storing a collection that lasts", 52,
     "Light, heat and humidity do more harm than wear: how collectors keep their pairs.",
     None),
]


class Feed(e2e.LoopbackServer):
    """An RSS feed of STORIES, with drawn photos as thumbnails, on the
    tests' loopback server."""

    def __init__(self, photos):
        self.photos = photos
        super().__init__(Feed.respond)

    def respond(self, path):
        if path == "/feed.xml":
            return self.rss().encode(), "application/rss+xml"
        photo = os.path.join(self.photos, path[len("/photos/"):])
        if path.startswith("/photos/") and os.path.exists(photo):
            with open(photo, "rb") as f:
                return f.read(), "image/jpeg"
        return b"<html><body>A story</body></html>", "text/html"

    def rss(self):
        now = time.time()
        items = ""
        for key, title, hours, summary, photo in STORIES:
            thumbnail = f"<media:thumbnail url=\"{self.base}photos/{photo}\"/>" if photo else ""
            items += (f"<item><title>{html.escape(title)}</title><link>{self.base}story/{key}</link>"
                      f"<guid isPermaLink=\"false\">{key}</guid>"
                      f"<pubDate>{email.utils.formatdate(now - hours * 3600, usegmt=True)}</pubDate>"
                      f"<description>{html.escape(summary)}</description>{thumbnail}</item>")
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
                f"<title>Kicks Daily</title><link>{self.base}</link>{items}</channel></rss>")

    def close(self):
        self.httpd.shutdown()


def window_geometry():
    """The main window's X geometry: x, y, width, height."""
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Shoebox$"], check=True,
                         capture_output=True, text=True).stdout.split()[0]
    out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], check=True,
                         capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in out.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def shoot(path):
    """The window, cropped from the screen (popovers and all), as PNG."""
    x, y, width, height = window_geometry()
    subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", "+repage",
                    "-strip", path], check=True)
    print(f"wrote {path} ({width}×{height})")


def text_of(node):
    """A label's text: at-spi2-core 2.50 changed how the binding takes the
    offsets, so try both ways."""
    try:
        count = node.get_character_count()
        return Atspi.Text.get_text(node, 0, count) if count > 0 else ""
    except Exception:
        return e2e.text_of(node)


def page_switch(window, title):
    """The page switcher's button for @title: a page tab on libadwaita's
    older switchers, a toggle or radio button on newer ones. Of a header
    bar switcher and a bottom bar one, the one shown."""
    found = [n for n in e2e.walk(window) if e2e.name(n) == title
             and e2e.role(n) in ("page tab", "toggle button", "radio button", "push button")]
    shown = [n for n in found if e2e.has_state(n, Atspi.StateType.SHOWING)]
    return (shown or found or [None])[0]


def show_page(window, title):
    switch = e2e.wait_for(lambda: page_switch(window, title), what=f"the “{title}” page switcher")
    if switch.get_n_actions() > 0:
        e2e.click(switch)
    else:
        e2e.click_at(switch)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--photos", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    database = os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "shoebox.db")
    with sqlite3.connect(database) as db:
        ids = dict(db.execute("SELECT colorway, id FROM pairs"))
    # Compare opens on the last comparison: three generations of the Track.
    with open(os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile"), "a") as f:
        f.write(f"compare-items=['pair:{ids['White']}', 'pair:{ids['Silver']}', 'pair:{ids['Grey Orange']}']\n")

    feed = Feed(args.photos)
    subprocess.run([args.seed, "only-source", feed.base + "feed.xml", "Kicks Daily"], check=True)

    os.makedirs(args.output, exist_ok=True)
    # A failure's screenshot goes to the temporary home, named in the message.
    app = e2e.App(args.app, os.environ["HOME"], "screenshot")
    try:
        window = e2e.main_window(app)

        # The grid, every card with its photo.
        e2e.wait_for(lambda: e2e.find(window, None, "Track 2.0 — Silver"), what="the cards")
        time.sleep(3)
        shoot(os.path.join(args.output, "collection.png"))

        # Compare, in Outline.
        show_page(window, "Compare")
        comparison = e2e.wait_for(lambda: e2e.find(window, None, "Comparison"), 15, "the comparison")
        e2e.wait_for(lambda: e2e.find(comparison, None, "Side profile of Track — White"), 15, "the photos")
        e2e.click(e2e.wait_for(lambda: e2e.control(window, "Outline"), what="the Outline button"))
        e2e.wait_for(lambda: e2e.find(window, None, "Outlines of the profiles"), 15, "the outlines")
        time.sleep(2)
        shoot(os.path.join(args.output, "compare.png"))

        # News, the story about a pair of the collection with its badge.
        show_page(window, "News")
        row = e2e.wait_for(lambda: e2e.news_row(window, STORIES[0][1]), 30, "the stories")
        e2e.wait_for(lambda: any(text_of(n) == MENTIONED for n in e2e.walk(row) if e2e.role(n) == "label"),
                     15, "the mention badge")
        time.sleep(3)
        shoot(os.path.join(args.output, "news.png"))

        app.key("ctrl+q")
        app.wait_exit()
    except e2e.Failure as failure:
        kept = shutil.copy(app.screenshot("failure"), os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                                     "shoebox-screenshot-failure.png"))
        if app.process.poll() is not None:
            # Under G_DEBUG=fatal-warnings, as in the tests, a warning ends the app.
            failure = f"{failure}: shoebox had exited with {app.process.returncode} (see its messages above)"
        print(f"FAIL: {failure} (the screen: {kept})", file=sys.stderr)
        return 1
    finally:
        app.kill()
        feed.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
