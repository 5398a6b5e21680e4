#!/usr/bin/python3
# D-Bus activation, as the desktop uses it, with Shoebox not running: the
# bus starts it from its service file for each call of the
# org.freedesktop.Application interface. A notification clicked after
# Shoebox has quit is ActivateAction("show-news-item", [<story id>]): one
# window, on the News page, the keyboard on that story. A launcher is
# Activate: one window on the Collection page. Open: refused, as Shoebox
# opens no files, and the started service goes again by itself. Each time
# the application is checked over AT-SPI, and what it wrote is checked for
# warnings (G_DEBUG=fatal-warnings makes any of them fatal). Run through
# tests/e2e-dbus-activation.sh (tests/e2e-run.sh BUILD_DIR dbus-activation).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import re
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
gi.require_version("Gio", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

import shoebox_e2e as e2e  # noqa: E402
from shoebox_e2e import Failure, children, find, find_all, has_state, name, wait_for  # noqa: E402

APP_ID = "io.github.shoebox.Shoebox"
APP_PATH = "/io/github/shoebox/Shoebox"
# A cold start opens the database and builds the window before it answers.
CALL_TIMEOUT_MS = 30000


class Session:
    def __init__(self, bus_log, artifacts):
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        self.bus_log = bus_log
        self.artifacts = artifacts
        os.makedirs(artifacts, exist_ok=True)

    def bus_call(self, method, args, reply):
        return self.bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                  method, args, GLib.VariantType(reply), Gio.DBusCallFlags.NONE, -1,
                                  None).unpack()

    def running(self):
        return self.bus_call("NameHasOwner", GLib.Variant("(s)", (APP_ID,)), "(b)")[0]

    def pid(self):
        return self.bus_call("GetConnectionUnixProcessID", GLib.Variant("(s)", (APP_ID,)), "(u)")[0]

    def call(self, method, args):
        """A method of org.freedesktop.Application, the bus starting
        Shoebox if need be, as a desktop calls it."""
        return self.bus.call_sync(APP_ID, APP_PATH, "org.freedesktop.Application", method, args, None,
                                  Gio.DBusCallFlags.NONE, CALL_TIMEOUT_MS, None)

    def activate_action(self, action, parameter=None):
        params = [parameter] if parameter is not None else []
        self.call("ActivateAction", GLib.Variant("(sava{sv})", (action, params, {})))

    def app_node(self, pid):
        for app in children(Atspi.get_desktop(0)):
            try:
                if name(app) == "shoebox" and app.get_process_id() == pid:
                    return app
            except GLib.Error:
                continue
        return None

    def shown_windows(self, app):
        # Every child of the application is a window, whatever role a GTK
        # version gives it.
        return [f for f in children(app) if has_state(f, Atspi.StateType.SHOWING)]

    def the_window(self, app):
        """The one window: waits for it, then makes sure no second one
        follows."""
        window = wait_for(lambda: next((f for f in self.shown_windows(app) if name(f) == "Shoebox"), None), 20,
                          "the main window")
        time.sleep(1)
        shown = [name(f) for f in self.shown_windows(app)]
        if shown != ["Shoebox"]:
            raise Failure(f"windows shown: {shown}, not just the main window")
        return window

    def screenshot(self, label):
        import subprocess

        subprocess.run(["import", "-window", "root", os.path.join(self.artifacts, f"e2e-dbus-activation-{label}.png")],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def started(self):
        """The process the bus started, and its node on the accessibility
        bus."""
        if not self.running():
            raise Failure(f"{APP_ID} is not on the bus after the call")
        pid = self.pid()
        return pid, wait_for(lambda: self.alive(pid) and self.app_node(pid), 20,
                             "the started shoebox on the accessibility bus")

    def alive(self, pid):
        """Whether the process the bus started still runs; if it does not,
        why it went, as far as it said."""
        if os.path.exists(f"/proc/{pid}"):
            return True
        self.check_log()
        raise Failure(f"shoebox (process {pid}) exited")

    def wait_gone(self, pid, timeout, what):
        wait_for(lambda: not self.running(), timeout, what)
        # Off the bus is not out of memory: the process is reaped by the bus.
        wait_for(lambda: not os.path.exists(f"/proc/{pid}"), 10, f"process {pid} to end")

    def check_log(self):
        """GLib prints a warning before G_DEBUG=fatal-warnings aborts; a
        warning it printed means the application did not finish its work."""
        # The log also has what the bus, the accessibility bus and this
        # test's libatspi say: only Shoebox's own lines count.
        with open(self.bus_log, encoding="utf-8", errors="replace") as f:
            bad = [line.rstrip() for line in f
                   if re.search(r"\(shoebox:\d+\): .*(WARNING|CRITICAL|ERROR) \*\*", line)
                   or "Activated service" in line]
        if bad:
            raise Failure("the application complained:\n" + "\n".join(bad))


def scenario(session, stories):
    if session.running():
        raise Failure(f"{APP_ID} is already on the bus before the test")
    # The accessibility bus first (see App in tests/e2e/shoebox_e2e.py).
    Atspi.get_desktop(0).get_child_count()

    # A notification clicked after Shoebox has quit.
    (first_id, first_title), (second_id, second_title) = stories[:2]
    session.activate_action("show-news-item", GLib.Variant("x", first_id))
    pid, app = session.started()
    window = session.the_window(app)
    wait_for(lambda: has_state(find(window, "page tab", "News"), Atspi.StateType.SELECTED), 10,
             "the News page")
    story = wait_for(lambda: e2e.news_row(window, first_title), 10, f"the row of “{first_title}”")
    wait_for(lambda: has_state(story, Atspi.StateType.FOCUSED), 10, "the keyboard on the notified story")
    session.screenshot("show-news-item")
    print(f"# cold ActivateAction: process {pid}, “{first_title}” focused")

    # Another one, Shoebox running now: the same window.
    session.activate_action("show-news-item", GLib.Variant("x", second_id))
    if session.pid() != pid:
        raise Failure("a second click started another Shoebox")
    story = wait_for(lambda: e2e.news_row(window, second_title), 10, f"the row of “{second_title}”")
    wait_for(lambda: has_state(story, Atspi.StateType.FOCUSED), 10, "the keyboard on the second story")
    if session.the_window(app) != window:
        raise Failure("a second click opened another window")
    session.check_log()

    session.activate_action("quit")
    session.wait_gone(pid, 10, "Shoebox to quit")
    session.check_log()

    # A launcher, with DBusActivatable=true: Activate.
    session.call("Activate", GLib.Variant("(a{sv})", ({},)))
    pid, app = session.started()
    window = session.the_window(app)
    wait_for(lambda: has_state(find(window, "page tab", "Collection"), Atspi.StateType.SELECTED), 10,
             "the Collection page")
    session.screenshot("activate")
    print(f"# cold Activate: process {pid}, the Collection page")
    session.activate_action("quit")
    session.wait_gone(pid, 10, "Shoebox to quit")
    session.check_log()

    # Open: Shoebox opens no files. The call is refused, nothing shows,
    # and the service quits after GApplication's inactivity timeout.
    try:
        session.call("Open", GLib.Variant("(asa{sv})", (["file:///nonexistent/pairs.csv"], {})))
        raise Failure("Open was accepted")
    except GLib.Error as error:
        if not Gio.DBusError.is_remote_error(error) \
                or Gio.DBusError.get_remote_error(error) != "org.freedesktop.DBus.Error.NotSupported":
            raise Failure(f"Open failed otherwise than refused: {error.message}")
    pid = session.pid() if session.running() else None
    if pid is not None:
        app = session.app_node(pid)
        if app is not None and session.shown_windows(app):
            raise Failure(f"Open showed {[name(f) for f in session.shown_windows(app)]}")
        session.wait_gone(pid, 20, "the service started for Open to go")
    print("# cold Open: refused, nothing shown, gone again")
    session.check_log()

    # A notification clicked once the database cannot be opened: there are
    # no news to show, but the window says why instead of nothing showing.
    path = os.path.join(os.environ["XDG_DATA_HOME"], "shoebox", "shoebox.db")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    with open(path, "wb") as f:
        f.write(b"silhouette,brand\nTrack 2.0,Balenciaga\n" * 50)
    session.activate_action("show-news-item", GLib.Variant("x", first_id))
    pid, app = session.started()
    wait_for(lambda: next((f for f in session.shown_windows(app) if name(f) == "Shoebox"), None), 20,
             "the main window")
    # The message is a window of its own up to libadwaita 1.4 (with no
    # title, nor the showing state), a node in the main window's tree from
    # 1.5: looked for in both.
    wait_for(lambda: any(path in e2e.text_of(n) for f in children(app) for n in find_all(f, "label")), 10,
             f"a message naming {path}")
    time.sleep(1)
    if [name(f) for f in session.shown_windows(app) if name(f) == "Shoebox"] != ["Shoebox"]:
        raise Failure(f"windows shown: {[name(f) for f in session.shown_windows(app)]}")
    session.screenshot("damaged")
    print(f"# cold ActivateAction, damaged database: process {pid}, the window and why")
    session.activate_action("quit")
    session.wait_gone(pid, 10, "Shoebox to quit")
    session.check_log()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", required=True, help="id<TAB>title lines from shoebox-seed-news")
    parser.add_argument("--bus-log", required=True, help="where the bus and what it starts write")
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()

    with open(args.stories, encoding="utf-8") as f:
        stories = [(int(line.split("\t", 1)[0]), line.rstrip("\n").split("\t", 1)[1]) for line in f if line.strip()]
    if len(stories) < 2:
        print(f"FAIL: two seeded stories expected, got {stories}", file=sys.stderr)
        return 1

    session = Session(args.bus_log, args.artifacts)
    # What the bus starts gets this too, as a session manager sets it.
    session.bus_call("UpdateActivationEnvironment",
                     GLib.Variant("(a{ss})", ({"G_DEBUG": "fatal-warnings"},)), "()")
    try:
        scenario(session, stories)
    except Failure as failure:
        session.screenshot("failure")
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    except GLib.Error as error:
        session.screenshot("failure")
        print(f"FAIL: {error.message}", file=sys.stderr)
        return 1
    print("PASS: dbus-activation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
