#!/bin/bash
# Takes data/screenshots/main-window.png: the real window, built in _build,
# under Xvfb with fresh XDG folders and a few pairs imported through the
# command line, so it shows what a collector sees.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
# The default news sources are real sites: send any fetch to a proxy nobody
# listens on, so it fails at once instead of leaving this machine.
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy=127.0.0.1,localhost
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export GSK_RENDERER=cairo GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 GTK_A11Y=none DBUS_SESSION_BUS_ADDRESS=disabled:

cat >"$work/pairs.csv" <<'CSV'
silhouette,brand,colorway,size,size_system,condition,box,status,price_paid,currency,purchase_date,tags,wear_dates
Track 2.0,Balenciaga,Silver,42,EU,VNDS,original,Owned,890.00,EUR,2023-04-12,grail,2024-01-02;2024-03-05
Triple S,Balenciaga,Black Red,10,US M,Worn,original,Owned,995.00,USD,2022-11-25,,2023-05-01
Air Max 97,Nike,Silver Bullet,10.5,US M,Deadstock,original,Owned,185.00,USD,2022-04-08,grail;to clean,
Gel-1090,Asics,Pure Silver,27.5,JP cm,Worn,none,Owned,17100,JPY,2023-08-19,,2023-09-01;2023-10-10
Runner,Balenciaga,Grey Blue,43,EU,Deadstock,original,Wishlist,,USD,,,
Phantom,Balenciaga,Black,42,EU,VNDS,damaged,Sold,895.00,USD,2022-06-01,to sell,
CSV
_build/src/shoebox --import-csv "$work/pairs.csv" >/dev/null

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    _build/src/shoebox & app=$!
    sleep 3
    import -window root -crop 1000x700+0+0 +repage "$0"
    kill $app' "$PWD/data/screenshots/main-window.png"
echo "wrote data/screenshots/main-window.png"
