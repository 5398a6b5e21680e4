#!/usr/bin/python3
# The end-to-end scenarios' helpers, one function a job: AT-SPI access
# (find, walk, names and roles as every GTK version gives them), starting
# and quitting the real shoebox binary, clicking and typing with xdotool,
# waiting with one deadline, screenshots, and main() that runs a
# scenario file. Each tests/e2e/SCENARIO.py imports this module; the
# scenarios are listed in tests/e2e/scenarios.txt, and tests/e2e-run.sh
# runs one under Xvfb, a private D-Bus session and temporary XDG folders.
# build-aux/screenshot-driver.py uses these helpers too.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import contextlib
import hashlib
import os
import shlex
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


class Failure(Exception):
    pass


def wait_for(fn, timeout=10.0, what="condition"):
    """Polls fn until it returns something true: GTK 4.8 sends no events
    for many changes, so waiting on events would miss them."""
    end = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > end:
            raise Failure(f"timed out waiting for {what}")
        time.sleep(0.1)


def children(node):
    try:
        count = node.get_child_count()
    except gi.repository.GLib.Error:
        return []
    result = []
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        if child is not None:
            result.append(child)
    return result


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    for child in children(node):
        yield from walk(child, depth + 1)


# Newer GTK and at-spi2-core name some roles differently from GTK 4.8
# (sid: "button" for a push button, "entry" for a text field): each gets
# GTK 4.8's name, so one scenario reads the same everywhere.
ROLE_NAMES = {"button": "push button", "entry": "text"}


def role(node):
    try:
        role_name = node.get_role_name()
    except gi.repository.GLib.Error:
        return ""
    return ROLE_NAMES.get(role_name, role_name)


def name(node):
    try:
        own = node.get_name() or ""
        if own or role(node) != "menu item":
            return own
        # GTK 4.18 leaves a menu item's own name empty and labels it with
        # a relation to its hidden label instead.
        for relation in node.get_relation_set():
            if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                return " ".join(name(label) or text_of(label)
                                for label in (relation.get_target(i) for i in range(relation.get_n_targets())))
        return ""
    except gi.repository.GLib.Error:
        return ""


def text_of(node):
    # get_text(0, -1) returns "" on GTK 4.8: ask for the exact length.
    # Through Atspi.Text: from at-spi2-core 2.50, node.get_text is
    # Atspi.Accessible's own, which takes no offsets.
    try:
        count = Atspi.Text.get_character_count(node)
        return Atspi.Text.get_text(node, 0, count) if count > 0 else ""
    except (gi.repository.GLib.Error, NotImplementedError, AttributeError, TypeError):
        return ""


def find(root, role_name=None, node_name=None):
    """The first node of @root's tree with that role and name (None for
    any). GTK 4.8 gives toggle buttons the push button role, with a
    pressed state: a toggle button is looked for under both."""
    roles = ("push button", "toggle button") if role_name == "toggle button" else (role_name,)
    for node in walk(root):
        if role_name is not None and role(node) not in roles:
            continue
        if node_name is not None and name(node) != node_name:
            continue
        return node
    return None


def find_all(root, role_name):
    return [node for node in walk(root) if role(node) == role_name]


def click(node):
    if node.get_n_actions() < 1:
        raise Failure(f"{role(node)} “{name(node)}” has no action to click")
    node.do_action(0)


def find_menu_button(root, button_name):
    """The part of a GtkMenuButton that opens its menu. It is two nodes
    named alike: the outer one has no action; the inner one has "click",
    and the push button role on GTK 4.8, the toggle button role on newer
    GTK."""
    return next((n for n in walk(root) if name(n) == button_name
                 and role(n) in ("push button", "toggle button") and n.get_n_actions() > 0), None)


def has_state(node, state):
    return node.get_state_set().contains(state)


# From libadwaita 1.5 an AdwDialog (AdwAlertDialog, AdwAboutDialog, …) is
# no window of its own but a node inside its window's tree, the alert
# dialog with the role "alert".
DIALOG_ROLES = ("dialog", "alert")


def windows_of(application):
    """The application's windows, then the libadwaita dialogs shown in
    them. Every child of the application is a window, whatever its role
    (GTK 4.18 exposes GtkShortcutsWindow as an unnamed "panel"). A
    window's dialogs are children of its dialog host, two levels down:
    the search goes no deeper than three, not through every page."""
    tops = children(application)
    dialogs = []

    def look(node, depth):
        for child in children(node):
            if role(child) in DIALOG_ROLES:
                dialogs.append(child)
            elif depth < 3:
                look(child, depth + 1)

    for top in tops:
        look(top, 1)
    return tops + dialogs


def is_shown(window):
    """GTK 4.8 exposes its own file chooser dialog as a "filler" that is
    VISIBLE but never SHOWING."""
    return has_state(window, Atspi.StateType.SHOWING) or has_state(window, Atspi.StateType.VISIBLE)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# GTK 4.24's X11 backend reports a frame as submitted twice when the
# first popover shows on a display without a compositor, as Xvfb is, and
# warns once a process: "gdk_frame_timings_submitted() called on submitted
# frame." That is GTK's, whatever the app does, and fatal under
# G_DEBUG=fatal-warnings. With that GTK (tests/meson.build passes its
# version), warnings do not abort the app; instead any in its log but
# this one fails the scenario.
GTK_OWN_WARNINGS = ("Gdk-WARNING", "gdk_frame_timings_submitted() called on submitted frame.")


def gtk_at_least(major, minor):
    found = os.environ.get("SHOEBOX_E2E_GTK_VERSION", "0.0").split(".")
    return (int(found[0]), int(found[1])) >= (major, minor)


class App:
    def __init__(self, binary, artifacts, scenario):
        self.artifacts = artifacts
        self.scenario = scenario
        self.binary = binary
        self.log = None
        env = dict(os.environ, G_DEBUG="fatal-warnings")
        if gtk_at_least(4, 24):
            env["G_DEBUG"] = "fatal-criticals"
            self.log = os.path.join(artifacts, f"e2e-{scenario}-app.log")
        # Bring the accessibility bus up first: its launcher connects to the
        # X server too, and doing both at once has lost the app its display.
        Atspi.get_desktop(0).get_child_count()
        # SHOEBOX_E2E_WRAPPER, for debugging a scenario by hand: a command
        # the app runs under, as in "gdb -batch -ex run -ex bt --args" for a
        # backtrace where a warning aborts it.
        wrapper = shlex.split(os.environ.get("SHOEBOX_E2E_WRAPPER", ""))
        with open(self.log or os.devnull, "w") as log:
            self.process = subprocess.Popen([*wrapper, binary], env=env, stderr=log if self.log else None)
        self.node = wait_for(self._find_app, 20, "the shoebox application on the accessibility bus")

    def warnings(self):
        """The warnings in the app's log but GTK's own, where there is a log."""
        if self.log is None:
            return []
        with open(self.log, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        return [line for line in lines if "WARNING **" in line
                and not all(part in line for part in GTK_OWN_WARNINGS)]

    def _find_app(self):
        if self.process.poll() is not None:
            raise Failure(f"shoebox exited early with {self.process.returncode}")
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            if name(app) == "shoebox":
                return app
        return None

    def frames(self):
        """Windows and libadwaita dialogs, found alike by their titles."""
        return windows_of(self.node)

    def frame(self, title, timeout=10.0):
        """The shown window or libadwaita dialog titled @title: a closed
        window may linger, hidden, in the tree."""
        return wait_for(lambda: next((f for f in self.frames()
                                      if name(f) == title and has_state(f, Atspi.StateType.SHOWING)), None),
                        timeout, f"a window titled “{title}” (shown: {[name(f) for f in self.frames()]})")

    def screenshot(self, label, crop=None):
        """The screen as BUILD_DIR/tests/artifacts/e2e-SCENARIO-LABEL.png,
        or its top-left @crop ("WIDTHxHEIGHT") only."""
        path = os.path.join(self.artifacts, f"e2e-{self.scenario}-{label}.png")
        options = ["-crop", f"{crop}+0+0", "+repage"] if crop else []
        subprocess.run(["import", "-window", "root", *options, path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"# screenshot: {path}", flush=True)
        return path

    def key(self, keys):
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True)

    def wait_exit(self, timeout=10.0):
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise Failure("shoebox did not quit")
        if code != 0:
            raise Failure(f"shoebox exited with {code}")
        if self.warnings():
            raise Failure(f"shoebox warned: {self.warnings()}")

    def quit(self, timeout=10.0):
        """Ctrl+Q, as a person quits: the app must exit cleanly."""
        self.key("ctrl+q")
        self.wait_exit(timeout)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.log is not None:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                sys.stderr.write(f.read())


@contextlib.contextmanager
def running(args, scenario):
    """Shoebox started for the body of the with-statement, screenshot
    "failure" taken if the body fails, and never left running."""
    app = App(args.app, args.artifacts, scenario)
    try:
        yield app
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()


def run_app(args, scenario, body):
    """Shoebox started, body(app) run, and Ctrl+Q: it must quit cleanly."""
    with running(args, scenario) as app:
        body(app)
        app.quit()


def run_cli(binary, *args, env=None, check=True, timeout=60):
    """Shoebox's command line (`--import-csv`, `--backup-now`, …), which
    needs no display, with fatal warnings and @env added."""
    full = dict(os.environ, G_DEBUG="fatal-warnings", **(env or {}))
    full.pop("DISPLAY", None)
    return subprocess.run([binary, *args], env=full, check=check, timeout=timeout, capture_output=True, text=True)


# Three pairs, as rows for import_rows().
THREE_PAIRS = ["Track 2.0,Balenciaga,Silver,1150.00,USD,,",
               "Triple S,Balenciaga,Black,895.00,USD,,",
               "Runner,Balenciaga,Blue,1150.00,USD,,"]


def import_rows(binary, rows):
    """Pairs through the command line, one CSV row each, with these
    columns."""
    path = os.path.join(os.environ["HOME"], "pairs.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,price_paid,currency,estimated_value,wear_dates\r\n")
        f.write("".join(row + "\r\n" for row in rows))
    run_cli(binary, "--import-csv", path)


def resize(app, width, height, title="Shoebox"):
    """Without a window manager nothing else sizes the window: xdotool does,
    as a person dragging its edge would."""
    found = subprocess.run(["xdotool", "search", "--pid", str(app.process.pid), "--name", f"^{title}$"],
                           capture_output=True, text=True).stdout.split()
    if not found:
        raise Failure(f"no X window titled “{title}”")
    for window in found:
        subprocess.run(["xdotool", "windowsize", window, str(width), str(height)], check=True)

    def sized():
        geometry = subprocess.run(["xdotool", "getwindowgeometry", found[0]], capture_output=True, text=True).stdout
        return f"Geometry: {width}x{height}" in geometry
    wait_for(sized, what=f"“{title}” to be {width}×{height}")
    # Then GTK lays the window out again at that size.
    time.sleep(1)


def database_path():
    return os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "shoebox.db")


INTERACTIVE_ROLES = {"push button", "toggle button", "check box", "radio button", "combo box", "text",
                     "slider", "spin button", "switch", "menu item", "page tab"}


def assert_all_named(frame):
    """Every control a person can use has a name of its own: screen
    readers, and outside tests, find them by it. An unnamed GTK widget is
    named after its type."""
    unnamed = sorted({(role(n), name(n)) for n in walk(frame)
                      if role(n) in INTERACTIVE_ROLES
                      and (name(n) == "" or name(n).startswith(("Gtk", "Adw")))})
    if unnamed:
        raise Failure(f"controls without a name in “{name(frame)}”: {unnamed}")


def main_window(app):
    return app.frame("Shoebox")


def main_menu(app, window, item):
    """Opens the window's Main Menu and picks @item."""
    click(wait_for(lambda: find_menu_button(window, "Main Menu"), what="the “Main Menu” button"))
    click(wait_for(lambda: find(app.node, "menu item", item), what=f"the “{item}” menu item"))


def shown(frame):
    return has_state(frame, Atspi.StateType.SHOWING)


def gone(app, frame):
    """@frame closed: out of the tree, or there but no longer shown."""
    return frame not in app.frames() or not shown(frame)


def shows(root, text):
    """Some label under @root has @text in it."""
    return any(text in text_of(n) for n in find_all(root, "label"))


def is_shortcuts_window(window):
    """GTK 4.8 names the shortcuts window after its title; GTK 4.18 leaves
    it unnamed, with its "Search Shortcuts" button inside."""
    return (name(window) == "Keyboard Shortcuts"
            or (name(window) == "" and find(window, None, "Search Shortcuts") is not None))




def expect_refusal(app, path, digest, words):
    """A dialog over the window names the file and says why; the file is
    byte-for-byte what it was, with no -wal/-shm beside it."""
    dialog = wait_for(lambda: next((f for f in app.frames() if name(f) != "Shoebox"), None), what="the error dialog")
    messages = wait_for(lambda: [text_of(n) for n in find_all(dialog, "label") if path in text_of(n)],
                        what=f"a message naming {path}")
    message = messages[0]
    for word in words:
        if word not in message:
            raise Failure(f"the message lacks “{word}”: {message}")
    print(f"# dialog: {message}")
    app.screenshot("dialog")
    # libadwaita 1.2 names a response button "Close Close" (its label, then
    # its label's text again); newer versions say "Close".
    close = wait_for(lambda: next((n for n in find_all(dialog, "push button")
                                   if name(n).split()[:1] == ["Close"]), None),
                     what="the Close button")
    click(close)
    wait_for(lambda: dialog not in app.frames() or not has_state(dialog, Atspi.StateType.VISIBLE),
             what="the dialog to close")
    main_window(app)
    app.key("ctrl+q")
    app.wait_exit()
    if digest is not None and sha256(path) != digest:
        raise Failure(f"{path} was changed")
    for suffix in ("-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            raise Failure(f"{path}{suffix} was left behind")


def fill(node, text):
    """Fills a text field through AT-SPI's editable-text interface, as a
    screen reader's user would: works for fields scrolled out of view."""
    if not node.set_text_contents(text):
        raise Failure(f"“{name(node)}” does not take text")


def wait_still(node):
    """Waits until @node stops moving: a dialog slides in as a bottom sheet
    in a narrow window (libadwaita 1.5 on), and a click during the slide
    lands below the field it aimed at."""
    last = [None]

    def settled():
        # Two looks, wait_for's 0.1 s apart, at the same place.
        e = node.get_extents(Atspi.CoordType.WINDOW)
        now = (e.x, e.y, e.width, e.height)
        still, last[0] = now == last[0], now
        return still
    wait_for(settled, what=f"“{name(node)}” to stop moving")


def set_text(node, text):
    """Types into a text field as a person would: click, select all, type.
    (GTK 4.8 does not take focus requests over AT-SPI.)"""
    wait_still(node)
    click_at(node)
    time.sleep(0.2)
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+a"], check=True)
    subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)


def pair_page_header(window):
    """The pair's page's header, found up from its Edit button, the only
    one of that name: GTK 4.8 reports no SHOWING state that would tell
    the grid's buttons, still in the tree under the page, from the
    page's own ("Worn Today", "Delete")."""
    node = find(window, "push button", "Edit")
    while node is not None and find(node, "push button", "Back") is None:
        node = node.get_parent()
    return node


def pair_page_button(window, button_name):
    """A button in the pair's page's header, or None when no page shows."""
    header = pair_page_header(window)
    return find(header, "push button", button_name) if header is not None else None


def open_pair_page(app, window, card):
    """A card opened as a user does (click, Enter): the pair's page, whose
    header's Edit button is returned."""
    click_at(card)
    app.key("Return")
    return wait_for(lambda: pair_page_button(window, "Edit"), what="the pair's page and its Edit button")


def open_pair_editor(app, window, card):
    """The pair's editor, through its page's Edit button."""
    click(open_pair_page(app, window, card))
    return app.frame("Edit Pair")


def leave_pair_page(window):
    """Back to the grid by the page's Back button."""
    click(wait_for(lambda: pair_page_button(window, "Back"), what="the Back button"))
    wait_for(lambda: find(window, "push button", "Edit") is None, what="the pair's page to close")


def text_field(frame, title):
    return wait_for(lambda: find(frame, "text", title), what=f"the “{title}” field")


def any_frame(title):
    """A shown window or libadwaita dialog of any application."""
    for application in children(Atspi.get_desktop(0)):
        for frame in windows_of(application):
            if name(frame) == title and is_shown(frame):
                return frame
    return None


def type_path(chooser, path):
    """Puts @path in a file chooser's focused field (its location or name):
    through AT-SPI where the field takes text, else typed. GTK 4.24's
    location field completes as it is typed, and xdotool's keys outrun
    it: "/tmp/side.png" became "/tmp/side.pngp/"."""
    field = next((n for n in walk(chooser) if role(n) == "text" and has_state(n, Atspi.StateType.FOCUSED)), None)
    if field is None or not field.set_text_contents(path):
        subprocess.run(["xdotool", "type", "--delay", "10", path], check=True)


def type_into_chooser(app, chooser, keys, path):
    """Puts @path in a file chooser by keyboard, as a person would: the
    pointer over it (without a window manager the keyboard follows the
    pointer), @keys to reach its field (Ctrl+L for the location field of
    an open dialog, Ctrl+A over the name in a save dialog), the path
    typed, Enter."""
    extents = chooser.get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 4)], check=True)
    app.key(keys)
    time.sleep(0.3)
    type_path(chooser, path)
    time.sleep(0.3)
    app.key("Return")


def choose_file(app, path, title="Add Photos", keys="ctrl+l"):
    """Picks @path in the file chooser titled @title (@keys as in
    type_into_chooser) and waits for it to close."""
    chooser = wait_for(lambda: any_frame(title), 15, f"the “{title}” file chooser")
    time.sleep(0.5)
    type_into_chooser(app, chooser, keys, path)
    wait_for(lambda: any_frame(title) is None, what=f"the “{title}” file chooser to close")


def toggle_switch(switch):
    """A switch's AT-SPI action toggles it from GTK 4.10 on; GTK 4.8's
    does nothing, so there it is clicked for real. (Newer GTK's window
    coordinates leave out its client-side shadow, so a click there can
    miss.)"""
    if gtk_at_least(4, 10) and switch.get_n_actions() > 0:
        switch.do_action(0)
    else:
        click_at(switch)


def click_at(node, modifier=None, fraction=0.5):
    """A real click on a node, for nodes with no action (switches, list
    rows, cards), at @fraction of its width, with @modifier held: Ctrl+click adds to a selection, and a slider moves to where it is
    clicked. WINDOW coordinates: SCREEN ones log a warning in GTK 4.8, and
    without a window manager the window sits at the origin."""
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    x = extents.x + int(extents.width * fraction)
    y = extents.y + extents.height // 2
    command = ["xdotool", "mousemove", "--sync", str(x), str(y)]
    if modifier:
        command += ["keydown", modifier, "click", "1", "keyup", modifier]
    else:
        command += ["click", "1"]
    subprocess.run(command, check=True)


def control(root, title):
    """The control named @title: not a label saying the same."""
    return next((n for n in walk(root) if name(n) == title and role(n) != "label" and n.get_n_actions() > 0), None)



NEWS_FEED_ITEMS = [
    ("track", "Balenciaga Track 2 restock lands Friday", 1,
     "The Track 2 returns in black, with its chunky sole."),
    ("gel", "Asics Gel-1090 goes silver", 2, "A 2000s runner, revamped."),
    ("roundup", "Weekly sneaker roundup", 3, "Everything that dropped this week."),
]


class LoopbackServer:
    """Python's http.server on 127.0.0.1, with a port the system picks, in
    a thread of its own: the only network a test may use. RESPOND(server,
    path) gives (body bytes, content type), or None for a 404; BASE is
    the server's address with a trailing slash."""

    def __init__(self, respond):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(handler):
                answer = respond(self, handler.path)
                if answer is None:
                    handler.send_error(404)
                    return
                body, kind = answer
                handler.send_response(200)
                handler.send_header("Content-Type", kind)
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)

            def log_message(handler, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


class NewsServer(LoopbackServer):
    """The feeds of the news scenario: a feed, a web page that names it
    with <link rel="alternate">, and the stories' pages."""

    def __init__(self):
        self.items = list(NEWS_FEED_ITEMS)
        self.feed_requests = 0
        self.stall = False
        super().__init__(NewsServer.respond)

    def respond(self, path):
        if path == "/feed.xml":
            self.feed_requests += 1
            if self.stall:
                time.sleep(30)
            return self.feed().encode(), "application/rss+xml"
        if path == "/extra.xml":
            return (("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback Extra</title>"
                     f"<link>{self.base}</link><item><title>Extra news</title>"
                     f"<link>{self.base}story/extra</link></item></channel></rss>").encode(),
                    "application/rss+xml")
        if path == "/":
            return (("<!DOCTYPE html><html><head><title>Loopback Kicks</title>"
                     "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
                     "</head><body>Sneakers.</body></html>").encode(), "text/html")
        if path.startswith("/story/"):
            return b"<html><body>A story.</body></html>", "text/html"
        return None

    def feed(self):
        import email.utils
        import html

        now = time.time()
        entries = "".join(
            f"<item><title>{html.escape(title)}</title><link>{self.base}story/{key}</link>"
            f"<guid isPermaLink=\"false\">{key}</guid>"
            f"<pubDate>{email.utils.formatdate(now - hours * 3600, usegmt=True)}</pubDate>"
            f"<description>{html.escape(summary)}</description></item>"
            for key, title, hours, summary in self.items)
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback Kicks</title>"
                f"<link>{self.base}</link>{entries}</channel></rss>")


def news_row(window, title):
    return next((n for n in find_all(window, "list item") if name(n) == title), None)


def undo_button(window):
    """The toast's Undo: libadwaita 1.2 names it "Undo Undo"."""
    return next((n for n in walk(window) if name(n).split()[:1] == ["Undo"] and n.get_n_actions() > 0), None)


def removable_days(editor):
    return sorted(name(n)[len("Remove Wear of "):] for n in walk(editor)
                  if name(n).startswith("Remove Wear of ") and n.get_n_actions() > 0)


def selected_cards(window):
    return [name(n) for n in walk(window) if name(n).endswith(("— Silver", "— Black", "— Blue"))
            and has_state(n, Atspi.StateType.SELECTED)]


def dialog_with(app, heading):
    """The shown message dialog whose heading is @heading, or None:
    libadwaita 1.2 leaves its window title empty, so it is found by its
    label, in none of the windows it may open over."""
    return next((f for f in app.frames() if has_state(f, Atspi.StateType.VISIBLE)
                 and any(text_of(n) == heading for n in find_all(f, "label"))
                 and name(f) not in ("Shoebox", "Preferences", "Add Pair", "Edit Pair")), None)


def wait_dialog(app, heading):
    return wait_for(lambda: dialog_with(app, heading),
                    what=f"the “{heading}” dialog (windows: {[name(f) for f in app.frames()]})")


def response_button(frame, label):
    """A dialog's response button: libadwaita 1.2 names one twice over
    ("Discard Discard"), so the name's start is matched."""
    return next((n for n in walk(frame) if role(n) == "push button"
                 and name(n).startswith(label) and n.get_n_actions() > 0), None)


def close_by_escape(app, frame, what):
    """Presses Escape until @frame closes: from libadwaita 1.5 on, Escape
    first dismisses each toast it still shows ("Looking for a feed…",
    "Added …"), then closes it."""
    def closed():
        return not has_state(frame, Atspi.StateType.VISIBLE) or frame not in app.frames()

    for _ in range(4):
        app.key("Escape")
        end = time.monotonic() + 1.5
        while not closed() and time.monotonic() < end:
            time.sleep(0.1)
        if closed():
            break
    wait_for(closed, what=f"{what} to close")



def save_image_chooser(app):
    """The Save as Image file chooser. GTK 4.8 exposes its own as a
    "filler", VISIBLE but never SHOWING, so every top-level node is looked at."""
    chooser = wait_for(lambda: next((f for f in children(app.node) if name(f) == "Save as Image"
                                     and has_state(f, Atspi.StateType.VISIBLE)), None), 15,
                       "the file chooser")
    time.sleep(1.0)
    return chooser


def save_through_chooser(app, chooser, target):
    """Types @target into the chooser, saves, and waits for the file."""
    type_into_chooser(app, chooser, "ctrl+a", target)
    wait_for(lambda: os.path.exists(target) and os.path.getsize(target) > 0, 15, "the saved image")


def main(run):
    """Runs a scenario file's run(args): --app BINARY --artifacts FOLDER
    SCENARIO, as tests/e2e-run.sh gives them. Prints PASS or FAIL and
    gives the exit status."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("scenario")
    args = parser.parse_args()
    try:
        run(args)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
    print(f"PASS: {args.scenario}")
