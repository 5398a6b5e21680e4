#!/usr/bin/python3
# A feed on 127.0.0.1 followed and read: notifications (a stand-in
# server), the mention badge, stars, filters, the browser (a stand-in),
# OPML export and import, and quitting during a fetch that hangs.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, NEWS_FEED_ITEMS, NewsServer, choose_file, click, click_at, close_by_escape,
                         database_path, find, find_all, find_menu_button, has_state, main, main_menu, main_window,
                         name, news_row, role, run_cli, running, text_of, wait_dialog, wait_for, walk)


def notifications(path):
    import json

    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def stand_ins(work):
    """A browser that writes down what it is asked to open, made the
    default for http and https through XDG files GIO reads, and a
    notification server on the private bus that logs every call."""
    browser_log = os.path.join(work, "browser.log")
    browser = os.path.join(work, "fake-browser")
    with open(browser, "w") as f:
        f.write(f"#!/bin/sh\necho \"$1\" >> '{browser_log}'\n")
    os.chmod(browser, 0o755)
    applications = os.path.join(os.environ["XDG_DATA_HOME"], "applications")
    os.makedirs(applications, exist_ok=True)
    with open(os.path.join(applications, "fake-browser.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                f"Exec={browser} %u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n")
    os.makedirs(os.environ["XDG_CONFIG_HOME"], exist_ok=True)
    with open(os.path.join(os.environ["XDG_CONFIG_HOME"], "mimeapps.list"), "w") as f:
        f.write("[Default Applications]\nx-scheme-handler/http=fake-browser.desktop\n"
                "x-scheme-handler/https=fake-browser.desktop\n")

    notify_log = os.path.join(work, "notifications.log")
    server = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                 "notification-server.py"), notify_log])
    wait_for(lambda: any(n["call"] == "ready" for n in notifications(notify_log)), 10,
             "the stand-in notification server")
    return browser_log, notify_log, server


def opml_menu(app, preferences, item):
    button = wait_for(lambda: find_menu_button(preferences, "More Sources"),
                      what="the More Sources button")
    click(button)
    click(wait_for(lambda: find(app.node, "menu item", item), what=f"the “{item}” menu item"))


def open_preferences(app, window):
    main_menu(app, window, "Preferences")
    return app.frame("Preferences")


def run(args):
    """A new user follows a feed served on 127.0.0.1 and reads it, only by
    clicking: adds the source in Preferences (by its web page, which names
    the feed), gets one notification naming the story and the pair they
    own, sees the mention badge, refreshes, stars, opens a story in the
    (stand-in) browser, which withdraws the notification, filters, turns
    notifications off, exports and imports OPML, and quits during a fetch
    that hangs."""
    work = os.environ.get("SHOEBOX_E2E_WORK") or os.path.dirname(os.environ["XDG_DATA_HOME"])
    pair = "Balenciaga Track 2.0 “Triple Black”"
    story = "Balenciaga Track 2 restock lands Friday"

    # The pair, as a collector would bring it: `shoebox --import-csv`.
    csv_path = os.path.join(work, "pairs.csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,status\nTrack 2.0,Balenciaga,Triple Black,Owned\n")
    run_cli(args.app, "--import-csv", csv_path, timeout=30)
    # The default sources are real sites: no test ever fetches them.
    with sqlite3.connect(database_path()) as db:
        db.execute("DELETE FROM news_sources")

    feeds = NewsServer()
    browser_log, notify_log, notifier = stand_ins(work)
    try:
        with running(args, "news") as app:
            window = main_window(app)
            tab = wait_for(lambda: find(window, "page tab", "News"), what="the News page tab")
            click(tab)
            wait_for(lambda: any(text_of(n) == "No News Yet" for n in find_all(window, "label")),
                     what="the empty News page")

            # Preferences → Add Source, by the site's address.
            preferences = open_preferences(app, window)
            click(wait_for(lambda: find(preferences, "push button", "Add Source"), what="the Add Source button"))
            dialog = wait_dialog(app, "Add Source")
            field = wait_for(lambda: find(dialog, "text", "Address"), what="the Address field")
            field.set_text_contents(feeds.base)
            app.screenshot("add-source")
            click(wait_for(lambda: next((n for n in find_all(dialog, "push button")
                                         if name(n).split()[:1] == ["Add"]), None), what="the Add button"))
            row = wait_for(lambda: find(preferences, "list item", "Loopback Kicks")
                           or find(preferences, "row", "Loopback Kicks"), 20, "the new source in the list")
            wait_for(lambda: any("Updated" in text_of(n) for n in find_all(preferences, "label")),
                     what="the source's health")
            time.sleep(0.5)
            app.screenshot("preferences-sources")

            # One notification, naming the story and the pair.
            notes = wait_for(lambda: [n for n in notifications(notify_log) if n["call"] == "Notify"], 15,
                             "a desktop notification")
            time.sleep(1)
            notes = [n for n in notifications(notify_log) if n["call"] == "Notify"]
            if len(notes) != 1:
                raise Failure(f"{len(notes)} notifications instead of one: {notes}")
            if pair not in notes[0]["summary"] + notes[0]["body"] or story not in notes[0]["body"]:
                raise Failure(f"the notification does not name the story and the pair: {notes[0]}")
            print(f"# notification: {notes[0]['summary']} / {notes[0]['body']}")

            close_by_escape(app, preferences, "Preferences")

            # The stories, newest first, the mention badge naming the pair.
            mentioned = wait_for(lambda: news_row(window, story), what="the story's row")
            wait_for(lambda: any(text_of(n) == pair for n in walk(mentioned) if role(n) == "label"),
                     what="the mention badge")
            app.screenshot("stories")

            rows = [name(n) for n in find_all(window, "list item") if name(n) in [i[1] for i in NEWS_FEED_ITEMS]]
            if rows != [i[1] for i in NEWS_FEED_ITEMS]:
                raise Failure(f"stories out of order: {rows}")
            app.screenshot("stories")

            # Refresh, with the button.
            before = feeds.feed_requests
            click(wait_for(lambda: find(window, "push button", "Refresh"), what="the Refresh button"))
            wait_for(lambda: feeds.feed_requests > before, what="a refresh to fetch the feed")

            # Star one story.
            roundup = news_row(window, "Weekly sneaker roundup")
            click(wait_for(lambda: find(roundup, "toggle button", "Star"), what="the Star button"))

            # Open the mentioned story: the browser gets its address, and the
            # notification goes.
            click(wait_for(lambda: find(mentioned, "push button", "Open in Browser"), what="Open in Browser"))
            opened = wait_for(lambda: os.path.exists(browser_log) and open(browser_log).read().split(), 15,
                              "the browser to be asked")
            if opened != [feeds.base + "story/track"]:
                raise Failure(f"the browser was asked for {opened}")
            wait_for(lambda: any(n["call"] == "CloseNotification" for n in notifications(notify_log)),
                     what="the notification to be withdrawn")

            # Filters.
            click(wait_for(lambda: find(window, "toggle button", "Starred"), what="the Starred filter"))
            wait_for(lambda: [name(n) for n in find_all(window, "list item")
                              if name(n) in [i[1] for i in NEWS_FEED_ITEMS]] == ["Weekly sneaker roundup"],
                     what="only the starred story")
            click(wait_for(lambda: find(window, "toggle button", "Mentions"), what="the Mentions filter"))
            wait_for(lambda: [name(n) for n in find_all(window, "list item")
                              if name(n) in [i[1] for i in NEWS_FEED_ITEMS]] == [story],
                     what="only the story that mentions the pair")
            app.screenshot("mentions")
            click(wait_for(lambda: find(window, "toggle button", "All"), what="the All filter"))

            # A pair's news, as its page asks for it: the app.show-pair-news
            # action, here through GApplication's D-Bus interface.
            with sqlite3.connect(database_path()) as db:
                pair_id = db.execute("SELECT id FROM pairs").fetchone()[0]
            subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.shoebox.Shoebox",
                            "--object-path", "/io/github/shoebox/Shoebox", "--method", "org.gtk.Actions.Activate",
                            "show-pair-news", f"[<int64 {pair_id}>]", "{}"], check=True, stdout=subprocess.DEVNULL)
            wait_for(lambda: any(text_of(n) == f"Stories about your {pair}" for n in find_all(window, "label")),
                     what="the pair's news")
            wait_for(lambda: [name(n) for n in find_all(window, "list item")
                              if name(n) in [i[1] for i in NEWS_FEED_ITEMS]] == [story],
                     what="only the pair's story")
            app.screenshot("pair-news")
            click(wait_for(lambda: find(window, "push button", "Show All Stories"), what="Show All Stories"))
            wait_for(lambda: len([n for n in find_all(window, "list item")
                                  if name(n) in [i[1] for i in NEWS_FEED_ITEMS]]) == 3,
                     what="every story again")

            # Another story about the pair: another notification, and clicking
            # it brings its story forward.
            again = "Balenciaga Track 2.0 drops in white"
            feeds.items.insert(0, ("white", again, 0, "White, this time."))
            click(wait_for(lambda: find(window, "push button", "Refresh"), what="the Refresh button"))
            notes = wait_for(lambda: [n for n in notifications(notify_log) if n["call"] == "Notify"][1:], 15,
                             "a second notification")
            if pair not in notes[0]["summary"] + notes[0]["body"] or again not in notes[0]["body"]:
                raise Failure(f"the notification does not name the story and the pair: {notes[0]}")
            click(wait_for(lambda: find(window, "page tab", "Collection"), what="the Collection page tab"))
            wait_for(lambda: has_state(find(window, "page tab", "Collection"), Atspi.StateType.SELECTED),
                     what="Collection selected")
            subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
                            "--object-path", "/org/freedesktop/Notifications",
                            "--method", "org.shoebox.StandIn.Click", str(notes[0]["id"]), "default"],
                           check=True, stdout=subprocess.DEVNULL)
            wait_for(lambda: has_state(find(window, "page tab", "News"), Atspi.StateType.SELECTED),
                     what="the News page after clicking the notification")
            wait_for(lambda: has_state(news_row(window, again), Atspi.StateType.FOCUSED),
                     what="the keyboard on the notified story")
            app.screenshot("notification-clicked")

            # Notifications off: a new mention comes without one.
            preferences = open_preferences(app, window)
            # A switch is a "check box" on GTK 4.8; libadwaita 1.2 names it
            # after its row twice ("Notifications Notifications").
            switch = wait_for(lambda: next((n for n in walk(preferences) if name(n).split()[:1] == ["Notifications"]
                                            and role(n) in ("switch", "toggle button", "check box")), None),
                              what="the Notifications switch")
            if not has_state(switch, Atspi.StateType.CHECKED):
                raise Failure("notifications were off from the start")
            click_at(switch)
            wait_for(lambda: not has_state(switch, Atspi.StateType.CHECKED), what="notifications off")
            app.screenshot("notifications-off")

            # OPML: export the sources, then import a list with another one.
            exported = os.path.join(work, "exported.opml")
            opml_menu(app, preferences, "Export OPML…")
            choose_file(app, exported, "Export Sources", "ctrl+a")
            wait_for(lambda: os.path.exists(exported) and feeds.base + "feed.xml" in open(exported).read(),
                     what="the exported OPML file")
            extra = os.path.join(work, "extra.opml")
            with open(extra, "w") as f:
                f.write("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>More</title></head><body>"
                        f"<outline type=\"rss\" text=\"Loopback Extra\" xmlUrl=\"{feeds.base}extra.xml\"/>"
                        f"<outline type=\"rss\" text=\"Not the web\" xmlUrl=\"file:///etc/passwd\"/>"
                        "</body></opml>")
            opml_menu(app, preferences, "Import OPML…")
            choose_file(app, extra, "Import Sources")
            wait_for(lambda: find(preferences, "list item", "Loopback Extra"), what="the imported source")
            time.sleep(0.5)
            app.screenshot("imported")
            click(wait_for(lambda: next((n for n in walk(preferences) if role(n) == "push button"
                                         and name(n) == "Close" and n.get_n_actions() > 0), None),
                           what="the Preferences' Close button"))
            wait_for(lambda: not has_state(preferences, Atspi.StateType.VISIBLE) or preferences not in app.frames(),
                     what="Preferences to close")
            feeds.items.insert(0, ("track3", "Track 2.0 Triple Black is back", 0, "Again."))
            before = feeds.feed_requests
            app.key("ctrl+r")
            wait_for(lambda: news_row(window, "Track 2.0 Triple Black is back"), 15, "the new story")
            time.sleep(1)
            notes = [n for n in notifications(notify_log) if n["call"] == "Notify"]
            if len(notes) != 2:
                raise Failure(f"a notification came with notifications off: {notes}")

            # Quitting while a fetch hangs: the fetch is cancelled, and the app
            # exits at once, cleanly.
            feeds.stall = True
            before = feeds.feed_requests
            app.key("ctrl+r")
            wait_for(lambda: feeds.feed_requests > before, what="a fetch that hangs")
            app.screenshot("refreshing")
            app.quit(5)
    finally:
        notifier.terminate()
        notifier.wait()
        feeds.close()

    with sqlite3.connect(database_path()) as db:
        starred = db.execute("SELECT title FROM news_items WHERE starred = 1").fetchall()
        read = db.execute("SELECT title FROM news_items WHERE read = 1").fetchall()
        mentions = db.execute("SELECT i.title FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
                              " ORDER BY i.title").fetchall()
        sources = db.execute("SELECT url FROM news_sources").fetchall()
    if starred != [("Weekly sneaker roundup",)]:
        raise Failure(f"starred: {starred}")
    if (story,) not in read:
        raise Failure(f"read: {read}")
    if [m[0] for m in mentions] != sorted([story, "Balenciaga Track 2.0 drops in white",
                                           "Track 2.0 Triple Black is back"]):
        raise Failure(f"mentions: {mentions}")
    if sorted(sources) != [(feeds.base + "extra.xml",), (feeds.base + "feed.xml",)]:
        raise Failure(f"sources: {sources}")


if __name__ == "__main__":
    main(run)
