#!/bin/bash
# Validates the Flatpak manifest as far as can be done without downloading
# the GNOME runtime: flatpak-builder parses it (unknown keys only warn, so
# warnings are fatal here), and it asks for exactly the permissions the app
# uses.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

manifest="$1/flatpak/io.github.shoebox.Shoebox.json"

shown=$(G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest")

/usr/bin/python3 - "$shown" <<'PY'
import json
import sys

manifest = json.loads(sys.argv[1])
problems = []

def expect(key, value):
    if manifest.get(key) != value:
        problems.append(f"{key} is {manifest.get(key)!r}, expected {value!r}")

expect("id", "io.github.shoebox.Shoebox")
expect("runtime", "org.gnome.Platform")
expect("runtime-version", "50")
expect("sdk", "org.gnome.Sdk")
expect("command", "shoebox")

wanted = {"--share=ipc", "--share=network", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
got = set(manifest.get("finish-args", []))
if got != wanted:
    problems.append(f"finish-args: extra {sorted(got - wanted)}, missing {sorted(wanted - got)}")

app = manifest["modules"][-1]
if app.get("name") != "shoebox" or app.get("buildsystem") != "meson":
    problems.append("the last module must be shoebox, built with meson")
if not any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])):
    problems.append("the app module must build this checkout (a dir source at ..)")

for problem in problems:
    print(problem)
print("manifest: " + ("FAIL" if problems else "ok"))
sys.exit(1 if problems else 0)
PY
