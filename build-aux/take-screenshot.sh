#!/bin/bash
# Takes the store listing's screenshots (data/screenshots/, named in the
# metainfo) of the real app, built in BUILD_DIR (default _build, configured
# with -Dtests=true for the drawing and seeding tools), with a realistic
# collection:
#
#   collection.png  the Collection grid: a dozen pairs with their photos
#   compare.png     Compare's Outline view of two Track generations
#   news.png        News from a feed on 127.0.0.1, a story's mention badge
#
#   build-aux/take-screenshot.sh [BUILD_DIR [OUTPUT_DIR [WIDTH]]]
#
# OUTPUT_DIR (default data/screenshots) and WIDTH (default 1040, the
# store's size) let a review take the same pages at 1280 px and 360 px
# without touching the store's images.
#
# The sneaker photos are drawn by tests/shoebox-draw-sneaker.c; the pairs
# come in through `shoebox --import-csv` and the photos through the core
# library (tests/shoebox-seed.c). The app runs under its own Xvfb and
# private D-Bus session with fresh XDG folders, and
# build-aux/screenshot-driver.py clicks it over AT-SPI.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-_build}")
output=$(realpath -m "${2:-data/screenshots}")
width=${3:-1040}
# Phones are taller than wide; the store's size is landscape.
if [ "$width" -lt 600 ]; then height=720; else height=800; fi

for tool in src/shoebox tests/shoebox-draw-sneaker tests/shoebox-seed data/gschemas.compiled; do
    if [ ! -e "$build/$tool" ]; then
        echo "$build/$tool is missing: meson setup $build -Dtests=true && meson compile -C $build" >&2
        exit 1
    fi
done

if [ "${SHOEBOX_SCREENSHOT_INSIDE:-}" != 1 ]; then
    # A display number nobody uses, by lock file or abstract socket (those
    # are shared with every chroot on the machine).
    display=
    for n in $(shuf -i 100-999 -n 100); do
        [ -e "/tmp/.X$n-lock" ] && continue
        grep -q "@/tmp/.X11-unix/X$n\$" /proc/net/unix 2>/dev/null && continue
        display=$n
        break
    done
    [ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
    Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp 2>/dev/null &
    xvfb_pid=$!
    trap 'kill $xvfb_pid 2>/dev/null; wait $xvfb_pid 2>/dev/null || true' EXIT
    for _ in $(seq 100); do
        DISPLAY=":$display" xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.1
    done
    # The bus inside the X server, so the accessibility bus it starts has
    # the display.
    DISPLAY=":$display" SHOEBOX_SCREENSHOT_INSIDE=1 dbus-run-session -- "$0" "$build" "$output" "$width"
    exit $?
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shoebox-screenshot.XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export XDG_STATE_HOME="$work/state" HOME="$work/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME/glib-2.0/settings" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$HOME"
export GSETTINGS_SCHEMA_DIR="$build/data:/usr/share/glib-2.0/schemas"
export GSK_RENDERER=cairo GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1 LANG=C.UTF-8 LC_ALL=C.UTF-8
unset GTK_A11Y NO_AT_BRIDGE LANGUAGE
# Nothing leaves this machine: the only news source is the local feed, and
# any other fetch goes to a proxy nobody listens on.
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy=127.0.0.1,localhost

# A window of a size the store shows well, and no notifications (the
# private bus has no notification server).
export GSETTINGS_BACKEND=keyfile
cat >"$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<INI
[io/github/shoebox/Shoebox]
window-width=$width
window-height=$height
news-notifications=false
INI

cat >"$work/pairs.csv" <<'CSV'
silhouette,brand,colorway,style_code,size,size_system,condition,box,status,price_paid,currency,purchase_date,where_bought,tags,wear_dates
Track 2.0,Balenciaga,Silver,568614 W2GN1 8100,42,EU,VNDS,original,Owned,950.00,EUR,2023-04-12,Balenciaga Paris,grail,2024-01-02;2024-03-05
Track,Balenciaga,White,542023 W1GB1 9000,42,EU,Worn,original,Owned,795.00,EUR,2021-09-03,Mytheresa,,2022-05-01;2023-06-12;2024-02-10
Track 2.0,Balenciaga,Triple Black,568614 W2GN1 1000,42,EU,Deadstock,original,Owned,950.00,EUR,2024-02-20,StockX,,
Triple S,Balenciaga,Black Red,536737 W09E1 1000,9,US M,Worn,original,Owned,895.00,USD,2022-11-25,Saks Fifth Avenue,to clean,2023-05-01
Air Max 97,Nike,Silver Bullet,884421-001,10.5,US M,Deadstock,original,Owned,185.00,USD,2022-04-08,Nike SNKRS,grail,
Gel-1090,Asics,Pure Silver,1203A243-020,27.5,JP cm,Worn,none,Owned,17600,JPY,2023-08-19,Atmos Tokyo,,2023-09-01;2023-10-10
Track 3,Balenciaga,Grey Orange,700866 W3AE1 1251,43,EU,VNDS,original,Owned,1100.00,EUR,2024-05-02,Balenciaga Milan,,2024-06-01
Triple S,Balenciaga,Cream,524039 W2FA1 9700,9,US M,Deadstock,original,Owned,1090.00,USD,2024-03-15,Ssense,,
Air Max 97,Nike,Triple White,921826-101,10.5,US M,Beater,none,Owned,175.00,USD,2021-07-09,Foot Locker,,2021-08-01;2022-03-04;2022-09-18;2023-04-22
Gel-Kiril 2,Asics,Cream Black,1203A364-200,27.5,JP cm,VNDS,original,Owned,150.00,EUR,2024-09-07,END. Clothing,,2024-10-12
Runner,Balenciaga,Grey Blue,677403 W3RB1 1241,43,EU,Deadstock,original,Wishlist,,EUR,,,,
Defender,Balenciaga,Black,685613 W2RA6 1000,42,EU,VNDS,damaged,Sold,1050.00,EUR,2023-01-14,Balenciaga Paris,to sell,
CSV
# The grid shows the last added first: import from the bottom up.
{ head -n 1 "$work/pairs.csv"; tail -n +2 "$work/pairs.csv" | tac; } >"$work/import.csv"
(unset DISPLAY; "$build/src/shoebox" --import-csv "$work/import.csv" >/dev/null)

# One drawn side-profile photo per pair, as a collector's light box would
# give them: mostly toe left, some toe right, some on grey.
mkdir -p "$work/photos"
while IFS=, read -r silhouette colorway options; do
    photo="$work/photos/${silhouette// /-}-${colorway// /-}.jpg"
    # shellcheck disable=SC2086  # options are words
    "$build/tests/shoebox-draw-sneaker" $options "$silhouette" "$colorway" "$photo"
    "$build/tests/shoebox-seed" photo "$silhouette" "$colorway" "$photo"
done <<'PHOTOS'
Track 2.0,Silver,
Track,White,--grey
Track 2.0,Triple Black,
Triple S,Black Red,--toe-right
Air Max 97,Silver Bullet,
Gel-1090,Pure Silver,--grey
Track 3,Grey Orange,
Triple S,Cream,
Air Max 97,Triple White,--grey --toe-right
Gel-Kiril 2,Cream Black,
Runner,Grey Blue,--grey
Defender,Black,
PHOTOS

/usr/bin/python3 build-aux/screenshot-driver.py --app "$build/src/shoebox" --seed "$build/tests/shoebox-seed" \
    --photos "$work/photos" --output "$output"
