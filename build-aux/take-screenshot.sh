#!/bin/bash
# Takes data/screenshots/main-window.png: the real window, built in _build,
# under Xvfb with fresh XDG folders, so it shows what a new user sees.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export GSK_RENDERER=cairo GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GTK_A11Y=none DBUS_SESSION_BUS_ADDRESS=disabled:

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    _build/src/shoebox & app=$!
    sleep 3
    import -window root -crop 1000x700+0+0 +repage "$0"
    kill $app' "$PWD/data/screenshots/main-window.png"
echo "wrote data/screenshots/main-window.png"
