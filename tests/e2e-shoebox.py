#!/usr/bin/python3
# End-to-end scenarios: start the real shoebox binary, find its widgets by
# role and accessible name over AT-SPI, click them, and check what the user
# would see and what ends up on disk. Run through tests/e2e-run.sh, which
# provides Xvfb, a private D-Bus session and temporary XDG folders.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import hashlib
import os
import sqlite3
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
    except (gi.repository.GLib.Error, NotImplementedError, AttributeError):
        return ""


def find(root, role_name=None, node_name=None):
    for node in walk(root):
        if role_name is not None and role(node) != role_name:
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
        with open(self.log or os.devnull, "w") as log:
            self.process = subprocess.Popen([binary], env=env, stderr=log if self.log else None)
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

    def screenshot(self, label):
        path = os.path.join(self.artifacts, f"e2e-{self.scenario}-{label}.png")
        subprocess.run(["import", "-window", "root", path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.log is not None:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                sys.stderr.write(f.read())


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


def is_shortcuts_window(window):
    """GTK 4.8 names the shortcuts window after its title; GTK 4.18 leaves
    it unnamed, with its "Search Shortcuts" button inside."""
    return (name(window) == "Keyboard Shortcuts"
            or (name(window) == "" and find(window, None, "Search Shortcuts") is not None))


def scenario_pages(app):
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
        menu_button = wait_for(lambda: find_menu_button(window, "Main Menu"),
                               what="the “Main Menu” button")
        click(menu_button)
        entry = wait_for(lambda i=item: find(app.node, "menu item", i), what=f"the “{item}” menu item")
        click(entry)
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

    app.key("ctrl+q")
    app.wait_exit()
    if not os.path.exists(database_path()):
        raise Failure("the database was not created on first start")


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


def scenario_damaged(args):
    path = database_path()
    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as f:
        f.write(b"silhouette,brand\nTrack 2.0,Balenciaga\n" * 50)
    digest = sha256(path)
    app = App(args.app, args.artifacts, "damaged")
    try:
        expect_refusal(app, path, digest, ["damaged", "has not changed it"])
    finally:
        app.kill()


def scenario_too_new(args):
    path = database_path()
    os.makedirs(os.path.dirname(path))
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept'); PRAGMA user_version = 999;")
    db.close()
    digest = sha256(path)
    app = App(args.app, args.artifacts, "too-new")
    try:
        expect_refusal(app, path, digest, ["newer version of Shoebox", "999"])
    finally:
        app.kill()


def scenario_read_only(args):
    folder = os.path.dirname(database_path())
    os.makedirs(folder)
    mounted = False
    if os.geteuid() == 0:
        # Permissions do not stop root: put a read-only file system there.
        # (Not a mount namespace: inside a chroot, unshare cannot make "/"
        # private, and a user namespace cannot be created at all.)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k,mode=0755", "shoebox-e2e", folder], check=True)
        mounted = True
    else:
        os.chmod(folder, 0o500)
    try:
        app = App(args.app, args.artifacts, "read-only")
        try:
            expect_refusal(app, folder, None, ["cannot write to its data folder"])
        finally:
            app.kill()
        if os.listdir(folder):
            raise Failure(f"files were written into the read-only folder: {os.listdir(folder)}")
    finally:
        if mounted:
            subprocess.run(["umount", folder], check=False)


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


def click_at(node):
    """A real click in the middle of a widget: for nodes with no action.
    WINDOW coordinates: SCREEN ones log a warning in GTK 4.8, and without a
    window manager the window sits at the origin."""
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", "1"], check=True)


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


def choose_file(app, path):
    """Drives the file chooser by keyboard: Ctrl+L opens its location
    field, the path is typed, Enter picks it. Without a window manager the
    keyboard follows the pointer, so the pointer goes over the chooser."""
    chooser = wait_for(lambda: any_frame("Add Photos"), 15, "the file chooser")
    time.sleep(0.5)
    extents = chooser.get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(["xdotool", "mousemove", "--sync", str(extents.width // 2), str(extents.height // 4)], check=True)
    app.key("ctrl+l")
    time.sleep(0.3)
    type_path(chooser, path)
    time.sleep(0.3)
    app.key("Return")
    wait_for(lambda: any_frame("Add Photos") is None, what="the file chooser to close")


def scenario_collection(args):
    """Add a pair with two photos, find it by typing, edit it, log a wear,
    see it in statistics, delete it and undo the delete: only by clicking
    and typing."""
    photos = os.path.join(os.environ["HOME"], "photos")
    os.makedirs(photos)
    for photo, colour in (("side.png", "red"), ("top.png", "blue")):
        subprocess.run(["convert", "-size", "120x80", f"xc:{colour}", os.path.join(photos, photo)], check=True)

    app = App(args.app, args.artifacts, "collection")
    try:
        window = main_window(app)
        click(wait_for(lambda: find(window, "push button", "Add Pair"), what="the Add Pair button"))
        editor = app.frame("Add Pair")

        # Type-ahead over the catalogue: pick "Track 2.0 — Balenciaga",
        # which fills the brand too.
        set_text(text_field(editor, "Silhouette"), "track 2")
        time.sleep(0.5)
        app.key("Down")
        app.key("Return")
        brand = text_field(editor, "Brand")
        wait_for(lambda: text_of(brand) == "Balenciaga", what="the brand filled from the catalogue")
        fill(text_field(editor, "Colorway"), "Silver")
        fill(text_field(editor, "Price Paid"), "890.00")
        fill(text_field(editor, "Purchase Date"), "2023-04-12")

        for photo in ("side.png", "top.png"):
            click(wait_for(lambda: find(editor, "push button", "Add Photos…"), what="the Add Photos… button"))
            choose_file(app, os.path.join(photos, photo))
        wait_for(lambda: find(editor, None, "Photo 2"), 15, "two photos in the editor")
        app.screenshot("editor")
        save = find(editor, "push button", "Save")
        wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled")
        click(save)
        wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
                 what="the editor to close")

        # Find it by typing part of its silhouette.
        set_text(wait_for(lambda: find(window, None, "Search Collection"), what="the search field"), "trac")
        card = wait_for(lambda: find(window, None, "Track 2.0 — Silver"), what="the pair's card")
        time.sleep(0.5)
        app.screenshot("search")

        # Edit it: open the card (click, Enter) on its page, Edit, change
        # the colorway; the page shows it, and Back leads to the grid.
        editor = open_pair_editor(app, window, card)
        fill(text_field(editor, "Colorway"), "Silver Blue")
        click(find(editor, "push button", "Save"))
        wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
                 what="the editor to close")
        wait_for(lambda: any(text_of(n) == "Silver Blue" for n in find_all(window, "label")),
                 what="the page to show the new colorway")
        time.sleep(1)
        app.screenshot("pair-page")
        leave_pair_page(window)
        card = wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue"), what="the edited card")

        # Log a wear for the selected pair.
        click_at(card)
        worn = wait_for(lambda: find(window, "push button", "Worn Today"), what="the Worn Today button")
        wait_for(lambda: has_state(worn, Atspi.StateType.SENSITIVE), what="Worn Today to be enabled")
        click(worn)
        time.sleep(0.5)

        # Statistics name the pair among the most worn.
        menu_button = wait_for(lambda: find_menu_button(window, "Main Menu"),
                               what="the “Main Menu” button")
        click(menu_button)
        click(wait_for(lambda: find(app.node, "menu item", "Statistics"), what="the Statistics item"))
        statistics = app.frame("Statistics")
        wait_for(lambda: any("Track 2.0 — Silver Blue" in text_of(n) for n in find_all(statistics, "label")),
                 what="the pair in the statistics")
        time.sleep(0.5)
        app.screenshot("statistics")
        app.key("Escape")
        wait_for(lambda: statistics not in app.frames() or not has_state(statistics, Atspi.StateType.SHOWING),
                 what="the statistics to close")

        # Delete it, then Undo from the toast.
        card = wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue"), what="the card")
        click_at(card)
        delete = wait_for(lambda: find(window, "push button", "Delete"), what="the Delete button")
        wait_for(lambda: has_state(delete, Atspi.StateType.SENSITIVE), what="Delete to be enabled")
        click(delete)
        wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue") is None, what="the card to go")
        # libadwaita 1.2 names the toast button "Undo Undo", as it does dialog buttons.
        undo = wait_for(lambda: next((n for n in walk(window) if name(n).split()[:1] == ["Undo"]
                                      and n.get_n_actions() > 0), None),
                        what=f"the Undo button on the toast")
        app.screenshot("deleted")
        click(undo)
        wait_for(lambda: find(window, None, "Track 2.0 — Silver Blue"), what="the card to come back")

        app.key("ctrl+q")
        app.wait_exit()
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()

    db = sqlite3.connect(database_path())
    try:
        pairs = db.execute("SELECT id, colorway, price_paid, currency, purchase_date FROM pairs").fetchall()
        if len(pairs) != 1 or pairs[0][1:] != ("Silver Blue", 89000, "USD", "2023-04-12"):
            raise Failure(f"the database holds {pairs}")
        pair_id = pairs[0][0]
        n_photos = db.execute("SELECT count(*) FROM photos WHERE pair_id = ?", (pair_id,)).fetchone()[0]
        side = db.execute("SELECT count(*) FROM photos WHERE pair_id = ? AND is_side_profile", (pair_id,)).fetchone()[0]
        n_wears = db.execute("SELECT count(*) FROM wears WHERE pair_id = ?", (pair_id,)).fetchone()[0]
    finally:
        db.close()
    if (n_photos, side, n_wears) != (2, 1, 1):
        raise Failure(f"{n_photos} photos ({side} side profile) and {n_wears} wears stored")
    for stored in os.listdir(os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "photos")):
        print(f"# stored photo {stored}")


def toggle_switch(switch):
    """A switch's AT-SPI action toggles it from GTK 4.10 on; GTK 4.8's
    does nothing, so there it is clicked for real. (Newer GTK's window
    coordinates leave out its client-side shadow, so a click there can
    miss.)"""
    if gtk_at_least(4, 10) and switch.get_n_actions() > 0:
        switch.do_action(0)
    else:
        compare_click_at(switch)


def compare_click_at(node, modifier=None, fraction=0.5):
    """A real click on a node, at @fraction of its width, with @modifier
    held: Ctrl+click adds to a selection, and a slider moves to where it is
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


def compare_control(root, title):
    """The control named @title: not a label saying the same."""
    return next((n for n in walk(root) if name(n) == title and role(n) != "label" and n.get_n_actions() > 0), None)


def compare_draw_shoe(path, heel, background, toe_right):
    """A side-profile photo of a shoe-like shape on a plain background:
    a low toe box, a tall heel, a coloured sole."""
    top = 240 - heel
    command = ["convert", "-size", "480x300", f"xc:{background}",
               "-fill", "#262633", "-draw",
               f"polygon 60,240 420,240 420,{top} 300,{top + heel // 5} 180,{240 - heel * 2 // 5} 60,210",
               "-fill", "#d94c1a", "-draw", "rectangle 55,230 425,244"]
    if toe_right:
        command.append("-flop")
    subprocess.run(command + [path], check=True)


def compare_prepare(binary):
    """Three pairs through the command line (`shoebox --import-csv` needs
    no display), then side-profile photos for two of them. The command
    line has no way to add photos, so they are put where the app keeps
    them (named by their SHA-256) and recorded in the database directly."""
    folder = os.path.join(os.environ["HOME"], "compare")
    os.makedirs(folder)
    csv = os.path.join(folder, "pairs.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,price_paid,currency,condition\r\n"
                "Track 2.0,Balenciaga,Silver,1150.00,USD,deadstock\r\n"
                "Triple S,Balenciaga,Black,895.00,USD,worn\r\n"
                "Runner,Balenciaga,Blue,1150.00,USD,vnds\r\n")
    env = dict(os.environ, G_DEBUG="fatal-warnings", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    subprocess.run([binary, "--import-csv", csv], env=env, check=True, stdout=subprocess.DEVNULL)

    photos = os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "photos")
    os.makedirs(photos, exist_ok=True)
    db = sqlite3.connect(database_path())
    try:
        for colorway, heel, background, toe_right in (("Silver", 110, "white", False),
                                                      ("Black", 160, "#e4e4e4", True)):
            drawn = os.path.join(folder, f"{colorway}.png")
            compare_draw_shoe(drawn, heel, background, toe_right)
            stored = sha256(drawn) + ".png"
            with open(drawn, "rb") as source, open(os.path.join(photos, stored), "wb") as target:
                target.write(source.read())
            pair_id = db.execute("SELECT id FROM pairs WHERE colorway = ?", (colorway,)).fetchone()[0]
            db.execute("INSERT INTO photos (pair_id, file_name, is_side_profile, position) VALUES (?, ?, 1, 0)",
                       (pair_id, stored))
        db.commit()
    finally:
        db.close()


def scenario_compare(args):
    """Select two pairs, Compare Selected, add a silhouette with Compare
    With…, see the differing rows, switch to Overlay and move the Opacity
    slider, Outline, the Track line with Compare Generations, and Save as
    Image…: only by clicking and typing."""
    compare_prepare(args.app)
    target = os.path.join(os.environ["HOME"], "compare", "comparison.png")
    # Settings on disk (in the test's own XDG_CONFIG_HOME), so that the
    # comparison can come back after a restart.
    os.environ["GSETTINGS_BACKEND"] = "keyfile"

    app = App(args.app, args.artifacts, "compare")
    try:
        window = main_window(app)
        silver = wait_for(lambda: find(window, None, "Track 2.0 — Silver"), what="the Track 2.0 card")
        black = wait_for(lambda: find(window, None, "Triple S — Black"), what="the Triple S card")
        time.sleep(0.5)
        compare_click_at(silver)
        time.sleep(0.3)
        compare_click_at(black, "ctrl")
        wait_for(lambda: len([n for n in find_all(window, "table cell")
                              if has_state(n, Atspi.StateType.SELECTED)]) == 2,
                 what="two pairs selected")
        compare = wait_for(lambda: find(window, "push button", "Compare Selected"), what="Compare Selected")
        wait_for(lambda: has_state(compare, Atspi.StateType.SENSITIVE), what="Compare Selected to be enabled")
        app.screenshot("selected")
        click(compare)

        # One column per item, named after it, in the comparison (the
        # Collection page's cards have the same names).
        comparison = wait_for(lambda: find(window, None, "Comparison"), what="the comparison")

        def column(title):
            return find(comparison, None, title)

        wait_for(lambda: column("Track 2.0 — Silver") and column("Triple S — Black"), 15, "the two columns")

        # Compare With… lists the catalogue: add a silhouette.
        compare_with = wait_for(lambda: find_menu_button(window, "Compare With…"),
                                what="the Compare With… button")
        click(compare_with)
        track_3 = wait_for(lambda: find(app.node, "push button", "Balenciaga Track 3"), what="Track 3 in the list")
        click(track_3)
        wait_for(lambda: column("Balenciaga Track 3"), what="the silhouette's column")

        # The rows that differ say so (and are highlighted); equal ones do not.
        def row_title(title):
            return next((n for n in find_all(comparison, "label") if text_of(n) == title), None)

        price = wait_for(lambda: row_title("Price Paid"), what="the Price Paid row")
        brand = wait_for(lambda: row_title("Brand"), what="the Brand row")
        if price.get_description() != "Differs" or brand.get_description() == "Differs":
            raise Failure(f"Price Paid is “{price.get_description()}”, Brand “{brand.get_description()}”")
        wait_for(lambda: find(comparison, None, "Side profile of Triple S — Black"), what="the Triple S photo")
        time.sleep(1.0)
        app.screenshot("side-by-side")

        # Only Differences hides the Brand row.
        # (A switch's AT-SPI action does not toggle it in GTK 4.8: click.)
        switch = wait_for(lambda: next((n for n in walk(window) if name(n) == "Only Differences"
                                        and role(n) != "label"), None), what="the Only Differences switch")
        toggle_switch(switch)
        wait_for(lambda: row_title("Brand") is None, what="the Brand row to hide")
        time.sleep(0.5)
        app.screenshot("only-differences")
        toggle_switch(switch)
        wait_for(lambda: row_title("Brand"), what="the Brand row to come back")

        # Overlay, and the opacity slider moved by a click.
        click(wait_for(lambda: compare_control(window, "Overlay"), what="the Overlay button"))
        slider = wait_for(lambda: find(window, "slider", "Opacity"), what="the Opacity slider")
        time.sleep(0.5)
        before = slider.get_current_value()
        compare_click_at(slider, fraction=0.9)
        wait_for(lambda: slider.get_current_value() > before + 0.1, what="the opacity to change")
        time.sleep(0.5)
        app.screenshot("overlay")

        click(wait_for(lambda: compare_control(window, "Outline"), what="the Outline button"))
        time.sleep(1.0)
        app.screenshot("outline")
        click(wait_for(lambda: compare_control(window, "Side by Side"), what="the Side by Side button"))

        # Save as Image… through the file chooser: the path typed, Enter.
        click(wait_for(lambda: find(window, "push button", "Save as Image…"), what="Save as Image…"))
        chooser = save_image_chooser(app)
        app.screenshot("save-dialog")
        save_through_chooser(app, chooser, target)
        with open(target, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                raise Failure(f"{target} is not a PNG")
        subprocess.run(["cp", target, os.path.join(args.artifacts, "e2e-compare-saved.png")], check=False)

        # The Track line, from the Track 2.0 column.
        generations = wait_for(lambda: next((n for n in walk(column("Track 2.0 — Silver") or comparison)
                                             if name(n) == "Compare Generations" and role(n) == "push button"), None),
                               what="Compare Generations")
        click(generations)
        wait_for(lambda: column("Balenciaga Track") and column("Balenciaga Track 2.0") and column("Balenciaga Track 3"),
                 what="the three generations")
        time.sleep(0.5)
        app.screenshot("generations")

        # From the Phantom's page in the Catalogue: Compare With… the Runner.
        menu_button = wait_for(lambda: find_menu_button(window, "Main Menu"),
                               what="the “Main Menu” button")
        click(menu_button)
        click(wait_for(lambda: find(app.node, "menu item", "Catalogue"), what="the Catalogue item"))
        catalogue = app.frame("Catalogue")
        time.sleep(0.5)
        compare_click_at(wait_for(lambda: find(catalogue, "list item", "Balenciaga Phantom"), what="the Phantom row"))
        click(wait_for(lambda: compare_control(catalogue, "Compare With…"), what="Compare With… on its page"))
        wait_for(lambda: column("Balenciaga Phantom") and column("Balenciaga Track") is None, what="the Phantom alone")
        click(wait_for(lambda: find(app.node, "push button", "Balenciaga Runner"), what="the Runner in the list"))
        wait_for(lambda: column("Balenciaga Runner"), what="the Runner's column")
        time.sleep(0.5)
        app.screenshot("runner-phantom")

        app.key("ctrl+q")
        app.wait_exit()
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()

    # The last comparison is there again after a restart.
    app = App(args.app, args.artifacts, "compare")
    try:
        window = main_window(app)
        click(wait_for(lambda: find(window, "page tab", "Compare"), what="the Compare page tab"))
        comparison = wait_for(lambda: find(window, None, "Comparison"), what="the comparison")
        wait_for(lambda: find(comparison, None, "Balenciaga Phantom") and find(comparison, None, "Balenciaga Runner"),
                 what="the Phantom and the Runner again")
        time.sleep(0.5)
        app.screenshot("restarted")
        app.key("ctrl+q")
        app.wait_exit()
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()


NEWS_FEED_ITEMS = [
    ("track", "Balenciaga Track 2 restock lands Friday", 1,
     "The Track 2 returns in black, with its chunky sole."),
    ("gel", "Asics Gel-1090 goes silver", 2, "A 2000s runner, revamped."),
    ("roundup", "Weekly sneaker roundup", 3, "Everything that dropped this week."),
]


class NewsServer:
    """The feeds of the news scenario, from python's http.server on
    127.0.0.1 with a port the system picks: a feed, a web page that names
    it with <link rel="alternate">, and the stories' pages."""

    def __init__(self):
        import http.server
        import threading

        self.items = list(NEWS_FEED_ITEMS)
        self.feed_requests = 0
        self.stall = False
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/feed.xml":
                    server.feed_requests += 1
                    if server.stall:
                        time.sleep(30)
                    body, kind = server.feed().encode(), "application/rss+xml"
                elif self.path == "/extra.xml":
                    body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback Extra</title>"
                            f"<link>{server.base}</link><item><title>Extra news</title>"
                            f"<link>{server.base}story/extra</link></item></channel></rss>").encode()
                    kind = "application/rss+xml"
                elif self.path == "/":
                    body = ("<!DOCTYPE html><html><head><title>Loopback Kicks</title>"
                            "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
                            "</head><body>Sneakers.</body></html>").encode()
                    kind = "text/html"
                elif self.path.startswith("/story/"):
                    body, kind = b"<html><body>A story.</body></html>", "text/html"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

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

    def close(self):
        self.httpd.shutdown()


def news_click_at(node):
    """A real click in the middle of a widget, for nodes with no action
    (switches, list rows). WINDOW coordinates: SCREEN ones log a GTK
    warning on 4.8; without a window manager every window sits at 0,0."""
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 2), "click", "1"], check=True)


def news_notifications(path):
    import json

    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def news_stand_ins(work):
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
                                                                 "e2e-notification-server.py"), notify_log])
    wait_for(lambda: any(n["call"] == "ready" for n in news_notifications(notify_log)), 10,
             "the stand-in notification server")
    return browser_log, notify_log, server


def news_row(window, title):
    return next((n for n in find_all(window, "list item") if name(n) == title), None)


def news_in(node, role_name, node_name):
    # GTK 4.8 gives toggle buttons the push button role, with a pressed state.
    roles = ("push button", "toggle button") if role_name == "toggle button" else (role_name,)
    return next((n for n in walk(node) if role(n) in roles and name(n) == node_name), None)


def news_dialog(app, heading):
    """A message dialog by its heading: libadwaita 1.2 leaves its window
    title empty."""
    return wait_for(lambda: next((f for f in app.frames() if has_state(f, Atspi.StateType.VISIBLE)
                                  and any(text_of(n) == heading for n in find_all(f, "label"))
                                  and name(f) not in ("Shoebox", "Preferences")), None),
                    what=f"the “{heading}” dialog (windows: {[name(f) for f in app.frames()]})")


def news_choose_file(app, title, path):
    """Drives a file chooser by keyboard, as a person would: the pointer
    over it (without a window manager the keyboard follows the pointer),
    Ctrl+L for the location field in an open dialog, the name field in a
    save dialog, the path typed, Enter."""
    chooser = wait_for(lambda: any_frame(title), 15, f"the “{title}” file chooser")
    time.sleep(0.5)
    extents = chooser.get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 4)], check=True)
    app.key("ctrl+l" if title.startswith("Import") else "ctrl+a")
    time.sleep(0.3)
    type_path(chooser, path)
    time.sleep(0.3)
    app.key("Return")
    wait_for(lambda: any_frame(title) is None, what=f"the “{title}” file chooser to close")


def news_opml_menu(app, preferences, item):
    button = wait_for(lambda: find_menu_button(preferences, "More Sources"),
                      what="the More Sources button")
    click(button)
    click(wait_for(lambda: find(app.node, "menu item", item), what=f"the “{item}” menu item"))


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


def news_open_preferences(app, window):
    menu_button = wait_for(lambda: find_menu_button(window, "Main Menu"),
                           what="the “Main Menu” button")
    click(menu_button)
    click(wait_for(lambda: find(app.node, "menu item", "Preferences"), what="the Preferences menu item"))
    return app.frame("Preferences")


def scenario_news(args):
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
    subprocess.run([args.app, "--import-csv", csv_path], check=True, timeout=30,
                   env=dict(os.environ, G_DEBUG="fatal-warnings", DISPLAY=""))
    # The default sources are real sites: no test ever fetches them.
    with sqlite3.connect(database_path()) as db:
        db.execute("DELETE FROM news_sources")

    feeds = NewsServer()
    browser_log, notify_log, notifier = news_stand_ins(work)
    app = App(args.app, args.artifacts, "news")
    try:
        window = main_window(app)
        tab = wait_for(lambda: find(window, "page tab", "News"), what="the News page tab")
        click(tab)
        wait_for(lambda: any(text_of(n) == "No News Yet" for n in find_all(window, "label")),
                 what="the empty News page")

        # Preferences → Add Source, by the site's address.
        preferences = news_open_preferences(app, window)
        click(wait_for(lambda: news_in(preferences, "push button", "Add Source"), what="the Add Source button"))
        dialog = news_dialog(app, "Add Source")
        field = wait_for(lambda: news_in(dialog, "text", "Address"), what="the Address field")
        field.set_text_contents(feeds.base)
        app.screenshot("add-source")
        click(wait_for(lambda: next((n for n in find_all(dialog, "push button")
                                     if name(n).split()[:1] == ["Add"]), None), what="the Add button"))
        row = wait_for(lambda: news_in(preferences, "list item", "Loopback Kicks")
                       or news_in(preferences, "row", "Loopback Kicks"), 20, "the new source in the list")
        wait_for(lambda: any("Updated" in text_of(n) for n in find_all(preferences, "label")),
                 what="the source's health")
        time.sleep(0.5)
        app.screenshot("preferences-sources")

        # One notification, naming the story and the pair.
        notes = wait_for(lambda: [n for n in news_notifications(notify_log) if n["call"] == "Notify"], 15,
                         "a desktop notification")
        time.sleep(1)
        notes = [n for n in news_notifications(notify_log) if n["call"] == "Notify"]
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
        click(wait_for(lambda: news_in(window, "push button", "Refresh"), what="the Refresh button"))
        wait_for(lambda: feeds.feed_requests > before, what="a refresh to fetch the feed")

        # Star one story.
        roundup = news_row(window, "Weekly sneaker roundup")
        click(wait_for(lambda: news_in(roundup, "toggle button", "Star"), what="the Star button"))

        # Open the mentioned story: the browser gets its address, and the
        # notification goes.
        click(wait_for(lambda: news_in(mentioned, "push button", "Open in Browser"), what="Open in Browser"))
        opened = wait_for(lambda: os.path.exists(browser_log) and open(browser_log).read().split(), 15,
                          "the browser to be asked")
        if opened != [feeds.base + "story/track"]:
            raise Failure(f"the browser was asked for {opened}")
        wait_for(lambda: any(n["call"] == "CloseNotification" for n in news_notifications(notify_log)),
                 what="the notification to be withdrawn")

        # Filters.
        click(wait_for(lambda: news_in(window, "toggle button", "Starred"), what="the Starred filter"))
        wait_for(lambda: [name(n) for n in find_all(window, "list item")
                          if name(n) in [i[1] for i in NEWS_FEED_ITEMS]] == ["Weekly sneaker roundup"],
                 what="only the starred story")
        click(wait_for(lambda: news_in(window, "toggle button", "Mentions"), what="the Mentions filter"))
        wait_for(lambda: [name(n) for n in find_all(window, "list item")
                          if name(n) in [i[1] for i in NEWS_FEED_ITEMS]] == [story],
                 what="only the story that mentions the pair")
        app.screenshot("mentions")
        click(wait_for(lambda: news_in(window, "toggle button", "All"), what="the All filter"))

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
        click(wait_for(lambda: news_in(window, "push button", "Show All Stories"), what="Show All Stories"))
        wait_for(lambda: len([n for n in find_all(window, "list item")
                              if name(n) in [i[1] for i in NEWS_FEED_ITEMS]]) == 3,
                 what="every story again")

        # Another story about the pair: another notification, and clicking
        # it brings its story forward.
        again = "Balenciaga Track 2.0 drops in white"
        feeds.items.insert(0, ("white", again, 0, "White, this time."))
        click(wait_for(lambda: news_in(window, "push button", "Refresh"), what="the Refresh button"))
        notes = wait_for(lambda: [n for n in news_notifications(notify_log) if n["call"] == "Notify"][1:], 15,
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
        preferences = news_open_preferences(app, window)
        # A switch is a "check box" on GTK 4.8; libadwaita 1.2 names it
        # after its row twice ("Notifications Notifications").
        switch = wait_for(lambda: next((n for n in walk(preferences) if name(n).split()[:1] == ["Notifications"]
                                        and role(n) in ("switch", "toggle button", "check box")), None),
                          what="the Notifications switch")
        if not has_state(switch, Atspi.StateType.CHECKED):
            raise Failure("notifications were off from the start")
        news_click_at(switch)
        wait_for(lambda: not has_state(switch, Atspi.StateType.CHECKED), what="notifications off")
        app.screenshot("notifications-off")

        # OPML: export the sources, then import a list with another one.
        exported = os.path.join(work, "exported.opml")
        news_opml_menu(app, preferences, "Export OPML…")
        news_choose_file(app, "Export Sources", exported)
        wait_for(lambda: os.path.exists(exported) and feeds.base + "feed.xml" in open(exported).read(),
                 what="the exported OPML file")
        extra = os.path.join(work, "extra.opml")
        with open(extra, "w") as f:
            f.write("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>More</title></head><body>"
                    f"<outline type=\"rss\" text=\"Loopback Extra\" xmlUrl=\"{feeds.base}extra.xml\"/>"
                    f"<outline type=\"rss\" text=\"Not the web\" xmlUrl=\"file:///etc/passwd\"/>"
                    "</body></opml>")
        news_opml_menu(app, preferences, "Import OPML…")
        news_choose_file(app, "Import Sources", extra)
        wait_for(lambda: news_in(preferences, "list item", "Loopback Extra"), what="the imported source")
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
        notes = [n for n in news_notifications(notify_log) if n["call"] == "Notify"]
        if len(notes) != 2:
            raise Failure(f"a notification came with notifications off: {notes}")

        # Quitting while a fetch hangs: the fetch is cancelled, and the app
        # exits at once, cleanly.
        feeds.stall = True
        before = feeds.feed_requests
        app.key("ctrl+r")
        wait_for(lambda: feeds.feed_requests > before, what="a fetch that hangs")
        app.screenshot("refreshing")
        app.key("ctrl+q")
        app.wait_exit(5)
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()
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


def scenario_catalogue(args):
    """Open the Catalogue from the Main Menu, find the Track 2.0, see its
    lineage, add a silhouette after the Track 3 and check the SQLite file:
    only by clicking and typing."""
    # One owned pair of the Track 2.0, through the command line.
    folder = os.path.join(os.environ["HOME"], "catalogue")
    os.makedirs(folder)
    csv = os.path.join(folder, "pairs.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("silhouette,brand,colorway,status\r\nTrack 2.0,Balenciaga,Silver,Owned\r\n")
    env = dict(os.environ, G_DEBUG="fatal-warnings", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    subprocess.run([args.app, "--import-csv", csv], env=env, check=True, stdout=subprocess.DEVNULL)

    app = App(args.app, args.artifacts, "catalogue")
    try:
        window = main_window(app)
        menu_button = wait_for(lambda: find_menu_button(window, "Main Menu"),
                               what="the “Main Menu” button")
        click(menu_button)
        click(wait_for(lambda: find(app.node, "menu item", "Catalogue"), what="the Catalogue item"))
        catalogue = app.frame("Catalogue")
        wait_for(lambda: find(catalogue, None, "Balenciaga Runner"), what="the starter catalogue")
        time.sleep(0.5)
        app.screenshot("list")

        # Find the Track 2.0 by typing, and open its page.
        set_text(wait_for(lambda: find(catalogue, None, "Search Catalogue"), what="the search field"), "track 2.0")
        wait_for(lambda: find(catalogue, None, "Balenciaga Runner") is None, what="the search to narrow the list")
        row = wait_for(lambda: find(catalogue, "list item", "Balenciaga Track 2.0"), what="the Track 2.0 row")
        time.sleep(0.5)
        app.screenshot("search")
        click_at(row)

        # Its page: the owned pair, and the lineage in order, the
        # generations not owned said (and shown greyed) to be so.
        def lineage_rows():
            lineage = find(catalogue, "list", "Lineage")
            return [n for n in children(lineage)] if lineage is not None else []

        wait_for(lambda: find(find(catalogue, "list", "Your Pairs"), "list item", "Track 2.0 — Silver"),
                 what="the owned pair")
        wait_for(lambda: len(lineage_rows()) == 3, what="three generations")
        names = [name(n) for n in lineage_rows()]
        if names != ["Balenciaga Track", "Balenciaga Track 2.0", "Balenciaga Track 3"]:
            raise Failure(f"the lineage reads {names}")
        states = [n.get_description() for n in lineage_rows()]
        print(f"# lineage: {list(zip(names, states))}")
        if states != ["Not in your collection", "This silhouette, in your collection", "Not in your collection"]:
            raise Failure(f"the lineage says {states}")
        time.sleep(0.5)
        app.screenshot("page")
        # Wheel down to see the whole lineage, greyed where not owned.
        extents = catalogue.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                        str(extents.y + extents.height // 2), "click", "--repeat", "10", "--delay", "30", "5"],
                       check=True)
        time.sleep(0.5)
        app.screenshot("lineage")

        # Delete is refused while a pair is of this silhouette, with why.
        click(wait_for(lambda: find(catalogue, "push button", "Delete"), what="the Delete button"))
        dialog = wait_for(lambda: next((f for f in app.frames() if f is not catalogue and f is not window
                                        and any("Cannot Be Deleted" in text_of(n) for n in find_all(f, "label"))),
                                       None),
                          what=f"the refusal (windows: {[(name(f), role(f)) for f in app.frames()]})")
        time.sleep(0.5)
        app.screenshot("delete-refused")
        # libadwaita 1.2 names a response button "Close Close".
        click(wait_for(lambda: next((n for n in find_all(dialog, "push button") if name(n).split()[:1] == ["Close"]),
                                    None), what="the Close button"))
        wait_for(lambda: dialog not in app.frames() or not has_state(dialog, Atspi.StateType.SHOWING),
                 what="the refusal to close")

        # Add a silhouette after the Track 3.
        click(wait_for(lambda: find(catalogue, "push button", "Add Silhouette"), what="the Add Silhouette button"))
        editor = app.frame("Add Silhouette")
        fill(text_field(editor, "Name"), "Track 4")
        fill(text_field(editor, "Brand"), "Balenciaga")
        fill(text_field(editor, "Designer"), "Demna")
        fill(text_field(editor, "Release Year"), "2025")
        fill(text_field(editor, "Retail Price"), "1290.00")
        save = wait_for(lambda: find(editor, "push button", "Save"), what="the Save button")
        wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled")

        # A wrong year disables Save; putting it right enables it again.
        fill(text_field(editor, "Release Year"), "1700")
        wait_for(lambda: not has_state(save, Atspi.StateType.SENSITIVE), what="Save to be disabled")
        wait_for(lambda: any("Release Year: Type a year from 1800" in text_of(n) for n in find_all(editor, "label")),
                 what="the message under the fields")
        time.sleep(0.5)
        app.screenshot("editor-invalid")
        fill(text_field(editor, "Release Year"), "2025")
        wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled again")

        # The Predecessor drop-down: click it, then the Track 3.
        click_at(wait_for(lambda: find(editor, None, "Predecessor"), what="the Predecessor field"))
        choice = wait_for(lambda: next((n for n in walk(editor) if (name(n) == "Balenciaga Track 3"
                                                                    or text_of(n) == "Balenciaga Track 3")
                                        and role(n) != "text"), None),
                          what="Track 3 among the predecessors")
        # Popovers are surfaces of their own, so WINDOW coordinates inside
        # one are not the screen's: pick by keyboard, Down from "None".
        item = choice
        while item is not None and role(item) != "list item":
            item = item.get_parent()
        if item is None:
            raise Failure("the predecessors are not a list")
        items = children(item.get_parent())
        print(f"# predecessors: {[text_of(n) or name(n) for it in items for n in walk(it) if role(n) == 'label']}")
        time.sleep(0.5)
        app.screenshot("predecessors")
        for _ in range(items.index(item)):
            app.key("Down")
        app.key("Return")
        # (The choice shows in the row: the four generations below prove it.)
        time.sleep(0.5)
        app.screenshot("editor")
        click(save)
        wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
                 what="the editor to close")

        # The new page: four generations now.
        wait_for(lambda: [name(n) for n in lineage_rows()]
                 == ["Balenciaga Track", "Balenciaga Track 2.0", "Balenciaga Track 3", "Balenciaga Track 4"],
                 what="the four generations in order")
        time.sleep(0.5)
        app.screenshot("added")

        click(wait_for(lambda: find(catalogue, "push button", "Back"), what="the Back button"))
        wait_for(lambda: find(catalogue, None, "Search Catalogue"), what="the list")

        # Escape closes it; Ctrl+Shift+C in the main window opens it again.
        extents = catalogue.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                        str(extents.y + extents.height // 2)], check=True)
        # (In the search field, the first Escape clears the search.)
        for _ in range(2):
            if catalogue in app.frames() and has_state(catalogue, Atspi.StateType.SHOWING):
                app.key("Escape")
                time.sleep(0.5)
        wait_for(lambda: catalogue not in app.frames() or not has_state(catalogue, Atspi.StateType.SHOWING),
                 what="the catalogue to close")
        main = window.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", "--sync", str(main.x + main.width - 40),
                        str(main.y + main.height // 2)], check=True)
        app.key("ctrl+shift+c")
        app.frame("Catalogue")

        app.key("ctrl+q")
        app.wait_exit()
    except Failure:
        app.screenshot("failure")
        raise
    finally:
        app.kill()

    db = sqlite3.connect(database_path())
    try:
        rows = db.execute("SELECT s.name, b.name, s.designer, s.release_year, s.retail_price, s.retail_currency,"
                          " p.name FROM silhouettes s JOIN brands b ON b.id = s.brand_id"
                          " LEFT JOIN silhouettes p ON p.id = s.predecessor_id WHERE s.name = 'Track 4'").fetchall()
    finally:
        db.close()
    if rows != [("Track 4", "Balenciaga", "Demna", 2025, 129000, "USD", "Track 3")]:
        raise Failure(f"the database holds {rows}")


def compare_photos_window(width, height):
    """The window's size, through the settings it is restored from (the
    key file back end: no window manager here to resize it)."""
    folder = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as f:
        f.write(f"[io/github/shoebox/Shoebox]\nwindow-width={width}\nwindow-height={height}\n")
    os.environ["GSETTINGS_BACKEND"] = "keyfile"


def compare_photos_add_pair(app, window, silhouette, colorway, photo):
    """A pair added through the editor, its photo through the file chooser."""
    click(wait_for(lambda: find(window, "push button", "Add Pair"), what="the Add Pair button"))
    editor = app.frame("Add Pair")
    set_text(text_field(editor, "Silhouette"), silhouette)
    fill(text_field(editor, "Brand"), "Balenciaga")
    fill(text_field(editor, "Colorway"), colorway)
    click(wait_for(lambda: find(editor, "push button", "Add Photos…"), what="the Add Photos… button"))
    choose_file(app, photo)
    wait_for(lambda: find(editor, None, "Photo 1"), 15, "the photo in the editor")
    save = find(editor, "push button", "Save")
    wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled")
    click(save)
    wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
             what="the editor to close")
    return wait_for(lambda: find(window, None, f"{silhouette} — {colorway}"), what=f"the {silhouette} card")


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure(f"{path} is not a PNG")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def save_image_chooser(app):
    """The Save as Image file chooser. GTK 4.8 exposes its own as a
    "filler", VISIBLE but never SHOWING, so every top-level node is looked at."""
    chooser = wait_for(lambda: next((f for f in children(app.node) if name(f) == "Save as Image"
                                     and has_state(f, Atspi.StateType.VISIBLE)), None), 15,
                       "the file chooser")
    time.sleep(1.0)
    return chooser


def save_through_chooser(app, chooser, target):
    """Types TARGET into the chooser, saves, and waits for the file."""
    extents = chooser.get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(["xdotool", "mousemove", "--sync", str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 4)], check=True)
    app.key("ctrl+a")
    type_path(chooser, target)
    time.sleep(0.3)
    app.key("Return")
    wait_for(lambda: os.path.exists(target) and os.path.getsize(target) > 0, 15, "the saved image")


def scenario_compare_photos(args):
    """Pairs with product-shot photos added through the editor, compared:
    the profiles use the room, Compare Generations shows the collector's
    own photos of the Track and the Track 2.0, Save as Image… writes the
    composition. SHOEBOX_E2E_SIZE (WIDTHxHEIGHT, 1280x1024 by default) and
    SHOEBOX_E2E_DARK take the screenshots of every mode at other sizes
    and in the dark style."""
    width, height = (int(v) for v in os.environ.get("SHOEBOX_E2E_SIZE", "1280x1024").split("x"))
    label = f"{width}x{height}" + ("-dark" if os.environ.get("SHOEBOX_E2E_DARK") else "")
    if os.environ.get("SHOEBOX_E2E_DARK"):
        os.environ["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    compare_photos_window(width, height)
    folder = os.path.join(os.environ["HOME"], "shots")
    os.makedirs(folder)
    draw = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.app))), "tests", "shoebox-draw-sneaker")
    photos = {}
    for model, colorway, extra in (("Track", "White", []), ("Track 2.0", "Silver", ["--grey", "--toe-right"])):
        photos[model] = os.path.join(folder, f"{model}.jpg")
        subprocess.run([draw] + extra + [model, colorway, photos[model]], check=True)
    target = os.path.join(os.environ["HOME"], "Track vs Track 2.0.png")

    app = App(args.app, args.artifacts, f"compare-photos-{label}")
    try:
        window = main_window(app)
        compare_photos_add_pair(app, window, "Track", "White", photos["Track"])
        compare_photos_add_pair(app, window, "Track 2.0", "Silver", photos["Track 2.0"])
        time.sleep(1.0)
        # The cards as they are now: the second moved the first.
        compare_click_at(wait_for(lambda: find(window, None, "Track — White"), what="the Track card"))
        time.sleep(0.3)
        compare_click_at(wait_for(lambda: find(window, None, "Track 2.0 — Silver"), what="the Track 2.0 card"),
                         "ctrl")
        app.screenshot("selected")
        compare = wait_for(lambda: find(window, "push button", "Compare Selected"), what="Compare Selected")
        wait_for(lambda: has_state(compare, Atspi.StateType.SENSITIVE), what="Compare Selected to be enabled")
        click(compare)
        comparison = wait_for(lambda: find(window, None, "Comparison"), what="the comparison")

        def profile(title):
            """A column's profile, when it is drawn: a stack's hidden page
            stays in the tree, without a size."""
            node = find(comparison, None, f"Side profile of {title}")
            return node if node is not None and node.get_extents(Atspi.CoordType.WINDOW).width > 1 else None

        views = wait_for(lambda: [profile("Track — White"), profile("Track 2.0 — Silver")]
                         if profile("Track — White") and profile("Track 2.0 — Silver") else None,
                         20, "both profiles")
        time.sleep(1.0)
        widths = [v.get_extents(Atspi.CoordType.WINDOW).width for v in views]
        if width >= 1280 and min(widths) < 560:
            raise Failure(f"profiles {widths} px wide at {width} px: want 560 or more")
        print(f"profile widths at {width} px: {widths}")
        app.screenshot("side-by-side")

        # Every mode, for the screenshots (the narrow menu keeps the switcher).
        for mode, shot in (("Overlay", "overlay"), ("Outline", "outline"), ("Side by Side", None)):
            click(wait_for(lambda: compare_control(window, mode), what=f"the {mode} button"))
            time.sleep(1.0)
            drawing = {"Overlay": "Overlay of the first two profiles",
                       "Outline": "Outlines of the profiles"}.get(mode)
            if drawing:
                # Drawn whole inside the window, at any width: in a narrow
                # one the columns scroll sideways, the drawing does not.
                view = wait_for(lambda: find(comparison, None, drawing), what=f"the {mode} drawing")
                # Window coordinates (GTK 4 has no screen ones) start at the
                # frame on GTK 4.8 and a few pixels inside it on 4.18, where
                # a drawing inside the window reads x = -5.
                extents = view.get_extents(Atspi.CoordType.WINDOW)
                window_width = window.get_extents(Atspi.CoordType.WINDOW).width
                if extents.x < -16 or extents.x + extents.width > window_width:
                    raise Failure(f"the {mode} drawing spans x = {extents.x}–{extents.x + extents.width}"
                                  f" in a window {window_width} px wide")
            if shot:
                app.screenshot(shot)

        if width >= 600:
            # Save as Image…: its name offered from the items, the path typed.
            click(wait_for(lambda: find(window, "push button", "Save as Image…"), what="Save as Image…"))
            chooser = save_image_chooser(app)
            offered = next((text_of(n) for n in walk(chooser) if role(n) == "text"
                            and text_of(n).endswith(".png")), "")
            # The items in their columns' order, the newest card first.
            if offered not in ("Track — White vs Track 2.0 — Silver.png", "Track 2.0 — Silver vs Track — White.png"):
                raise Failure(f"the file name offered is “{offered}”")
            save_through_chooser(app, chooser, target)
            image_width, image_height = png_size(target)
            if image_width < 2400:
                raise Failure(f"the saved image is {image_width}×{image_height}: want 2400 px wide or more")
            print(f"saved image: {image_width}×{image_height}")
            subprocess.run(["cp", target, os.path.join(args.artifacts, "e2e-compare-photos-saved.png")], check=False)

        # The Track line from the selected column: the owned pairs' photos.
        generations = wait_for(lambda: next((n for n in walk(comparison) if name(n) == "Compare Generations"
                                             and role(n) == "push button"
                                             and n.get_extents(Atspi.CoordType.WINDOW).width > 1), None),
                               what="Compare Generations")
        click(generations)
        wait_for(lambda: profile("Balenciaga Track") and profile("Balenciaga Track 2.0"), 20,
                 "the Track's and the Track 2.0's own photos")
        if profile("Balenciaga Track 3") is not None:
            raise Failure("the Track 3, owned by nobody, shows a photo")
        time.sleep(1.0)
        app.screenshot("generations")
        click(wait_for(lambda: find(window, "push button", "Back"), what="the Back button"))
        wait_for(lambda: profile("Track — White"), what="the comparison before")

        app.key("ctrl+q")
        app.wait_exit()
    finally:
        app.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("scenario", choices=["pages", "damaged", "too-new", "read-only", "news", "compare", "collection",
                                             "catalogue", "compare-photos"])
    args = parser.parse_args()

    try:
        if args.scenario == "pages":
            app = App(args.app, args.artifacts, "pages")
            try:
                scenario_pages(app)
            finally:
                app.kill()
        elif args.scenario == "news":
            scenario_news(args)
        elif args.scenario == "damaged":
            scenario_damaged(args)
        elif args.scenario == "too-new":
            scenario_too_new(args)
        elif args.scenario == "collection":
            scenario_collection(args)
        elif args.scenario == "compare":
            scenario_compare(args)
        elif args.scenario == "compare-photos":
            scenario_compare_photos(args)
        elif args.scenario == "catalogue":
            scenario_catalogue(args)
        else:
            scenario_read_only(args)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    print(f"PASS: {args.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
