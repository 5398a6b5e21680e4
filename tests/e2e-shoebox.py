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


def role(node):
    try:
        return node.get_role_name()
    except gi.repository.GLib.Error:
        return ""


def name(node):
    try:
        return node.get_name() or ""
    except gi.repository.GLib.Error:
        return ""


def text_of(node):
    # get_text(0, -1) returns "" on GTK 4.8: ask for the exact length.
    try:
        count = node.get_character_count()
        return node.get_text(0, count) if count > 0 else ""
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


def has_state(node, state):
    return node.get_state_set().contains(state)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class App:
    def __init__(self, binary, artifacts, scenario):
        self.artifacts = artifacts
        self.scenario = scenario
        self.binary = binary
        env = dict(os.environ, G_DEBUG="fatal-warnings")
        # Bring the accessibility bus up first: its launcher connects to the
        # X server too, and doing both at once has lost the app its display.
        Atspi.get_desktop(0).get_child_count()
        self.process = subprocess.Popen([binary], env=env)
        self.node = wait_for(self._find_app, 20, "the shoebox application on the accessibility bus")

    def _find_app(self):
        if self.process.poll() is not None:
            raise Failure(f"shoebox exited early with {self.process.returncode}")
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            if name(app) == "shoebox":
                return app
        return None

    def frames(self):
        return [n for n in children(self.node) if role(n) in ("frame", "dialog", "window")]

    def frame(self, title, timeout=10.0):
        """The shown window titled @title: a closed window may linger,
        hidden, in the tree."""
        return wait_for(lambda: next((f for f in self.frames()
                                      if name(f) == title and has_state(f, Atspi.StateType.SHOWING)), None),
                        timeout, f"a window titled “{title}”")

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

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def database_path():
    return os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "shoebox.db")


def main_window(app):
    return app.frame("Shoebox")


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

    for title, status in (("Compare", "Nothing to Compare Yet"), ("News", "No News Yet")):
        click(tabs[title])
        wait_for(lambda t=title: has_state(tabs[t], Atspi.StateType.SELECTED), what=f"{title} selected")
        wait_for(lambda s=status: any(text_of(n) == s for n in find_all(window, "label")),
                 what=f"the {title} page's status “{status}”")
        app.screenshot(title.lower())
    click(tabs["Collection"])

    for item, title in (("Preferences", "Preferences"),
                        ("Keyboard Shortcuts", "Keyboard Shortcuts"),
                        ("About Shoebox", "About")):
        # A GtkMenuButton is two nodes named alike: the outer one has no
        # action, the inner button has "click".
        menu_button = wait_for(lambda: next((n for n in walk(window) if name(n) == "Main Menu"
                                             and role(n) == "push button" and n.get_n_actions() > 0), None),
                               what="the “Main Menu” button")
        click(menu_button)
        entry = wait_for(lambda i=item: find(app.node, "menu item", i), what=f"the “{item}” menu item")
        click(entry)
        opened = wait_for(lambda t=title: next((f for f in app.frames()
                                                if name(f).startswith(t) or (t == "About" and name(f) == "About Shoebox")), None),
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
    shortcuts = app.frame("Keyboard Shortcuts")
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("scenario", choices=["pages", "damaged", "too-new", "read-only"])
    args = parser.parse_args()

    try:
        if args.scenario == "pages":
            app = App(args.app, args.artifacts, "pages")
            try:
                scenario_pages(app)
            finally:
                app.kill()
        elif args.scenario == "damaged":
            scenario_damaged(args)
        elif args.scenario == "too-new":
            scenario_too_new(args)
        else:
            scenario_read_only(args)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    print(f"PASS: {args.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
