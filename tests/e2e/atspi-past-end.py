#!/usr/bin/python3
# An accessibility client asks the application for a window past the last
# one shown, as any client that counted the windows while one closed does:
# Shoebox answers and lives on. GTK 4.8 answers with its last toplevel,
# shown or not, and aborted on the never-shown help overlay GTK made for
# each window (now never made: shoebox_compat_show_help_overlay()). Asked
# with the main window alone, after the shortcuts window, and after the
# pair editor closed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

from gi.repository import Gio, GLib

import shoebox_e2e as e2e
from shoebox_e2e import Failure


def accessibility_bus():
    address = Gio.bus_get_sync(Gio.BusType.SESSION).call_sync(
        "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
        None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, -1).unpack()[0]
    return Gio.DBusConnection.new_for_address_sync(
        address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)


def bus_name_of(bus, pid):
    """Shoebox's name on the accessibility bus: libatspi does not give it."""
    def call(method, args, reply):
        return bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method,
                             args, GLib.VariantType(reply), Gio.DBusCallFlags.NONE, -1).unpack()[0]
    for candidate in call("ListNames", None, "(as)"):
        if candidate.startswith(":"):
            try:
                if call("GetConnectionUnixProcessID", GLib.Variant("(s)", (candidate,)), "(u)") == pid:
                    return candidate
            except GLib.Error:
                continue
    raise Failure(f"no connection of process {pid} on the accessibility bus")


def ask_past_end(app, bus, name, what):
    """GetChildAtIndex one past the shown windows: any answer will do, the
    app must stay up."""
    count = app.node.get_child_count()
    try:
        bus.call_sync(name, "/org/a11y/atspi/accessible/root", "org.a11y.atspi.Accessible", "GetChildAtIndex",
                      GLib.Variant("(i)", (count,)), None, Gio.DBusCallFlags.NONE, 10000)
    except GLib.Error as error:
        if app.process.poll() is not None:
            raise Failure(f"shoebox died when asked for window {count} of {count} {what} ({error.message})")
    print(f"# asked for window {count} of {count} {what}: answered")


def past_end(app):
    window = e2e.main_window(app)
    bus = accessibility_bus()
    name = bus_name_of(bus, app.node.get_process_id())
    ask_past_end(app, bus, name, "with the main window alone")

    app.key("ctrl+question")
    shortcuts = e2e.wait_for(lambda: next((f for f in app.frames() if e2e.is_shortcuts_window(f)
                                           and e2e.shown(f)), None), what="the shortcuts window")
    time.sleep(0.5)
    app.key("Escape")
    e2e.wait_for(lambda: e2e.gone(app, shortcuts), what="the shortcuts window to close")
    ask_past_end(app, bus, name, "after the shortcuts window")

    e2e.click(e2e.wait_for(lambda: e2e.find(window, "push button", "Add Pair"), what="the Add Pair button"))
    editor = app.frame("Add Pair")
    time.sleep(0.5)
    app.key("Escape")
    e2e.wait_for(lambda: e2e.gone(app, editor), what="the editor to close")
    ask_past_end(app, bus, name, "after the pair editor")


def run(args):
    e2e.run_app(args, "atspi-past-end", past_end)


if __name__ == "__main__":
    e2e.main(run)
