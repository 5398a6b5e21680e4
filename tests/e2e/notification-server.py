#!/usr/bin/python3
# A stand-in org.freedesktop.Notifications service for end-to-end tests:
# it owns the name on the test's private session bus and writes every call
# as one JSON object a line to the file given, so a test can check what the
# application announced and withdrew. It shows nothing. A test clicks a
# notification through its own method, org.shoebox.StandIn.Click (id,
# action), which emits ActionInvoked as a real server would.
#
#   notification-server.py LOG
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" name="app_name" direction="in"/>
      <arg type="u" name="replaces_id" direction="in"/>
      <arg type="s" name="app_icon" direction="in"/>
      <arg type="s" name="summary" direction="in"/>
      <arg type="s" name="body" direction="in"/>
      <arg type="as" name="actions" direction="in"/>
      <arg type="a{sv}" name="hints" direction="in"/>
      <arg type="i" name="expire_timeout" direction="in"/>
      <arg type="u" name="id" direction="out"/>
    </method>
    <method name="CloseNotification">
      <arg type="u" name="id" direction="in"/>
    </method>
    <method name="GetCapabilities">
      <arg type="as" name="capabilities" direction="out"/>
    </method>
    <method name="GetServerInformation">
      <arg type="s" name="name" direction="out"/>
      <arg type="s" name="vendor" direction="out"/>
      <arg type="s" name="version" direction="out"/>
      <arg type="s" name="spec_version" direction="out"/>
    </method>
    <signal name="NotificationClosed">
      <arg type="u" name="id"/>
      <arg type="u" name="reason"/>
    </signal>
    <signal name="ActionInvoked">
      <arg type="u" name="id"/>
      <arg type="s" name="action_key"/>
    </signal>
  </interface>
  <interface name="org.shoebox.StandIn">
    <method name="Click">
      <arg type="u" name="id" direction="in"/>
      <arg type="s" name="action_key" direction="in"/>
    </method>
  </interface>
</node>
"""

log_path = sys.argv[1]
next_id = [0]


def log(entry):
    with open(log_path, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


def on_call(connection, sender, path, interface, method, parameters, invocation):
    args = parameters.unpack()
    if method == "Notify":
        app_name, replaces_id, _icon, summary, body, actions, _hints, _timeout = args
        if replaces_id:
            notification_id = replaces_id
        else:
            next_id[0] += 1
            notification_id = next_id[0]
        log({"call": "Notify", "id": notification_id, "app_name": app_name,
             "summary": summary, "body": body, "actions": actions})
        invocation.return_value(GLib.Variant("(u)", (notification_id,)))
    elif method == "CloseNotification":
        log({"call": "CloseNotification", "id": args[0]})
        invocation.return_value(None)
        connection.emit_signal(None, path, interface, "NotificationClosed", GLib.Variant("(uu)", (args[0], 3)))
    elif method == "Click":
        log({"call": "Click", "id": args[0], "action": args[1]})
        connection.emit_signal(None, path, "org.freedesktop.Notifications", "ActionInvoked",
                               GLib.Variant("(us)", (args[0], args[1])))
        invocation.return_value(None)
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body", "actions"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("stand-in", "Shoebox tests", "1", "1.2")))


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    for interface in info.interfaces:
        connection.register_object("/org/freedesktop/Notifications", interface, on_call, None, None)


def on_name(connection, name):
    log({"call": "ready"})


def on_lost(connection, name):
    sys.exit(1)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications", Gio.BusNameOwnerFlags.NONE,
                 on_bus, on_name, on_lost)
GLib.MainLoop().run()
