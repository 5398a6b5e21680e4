#!/bin/bash
# Builds and installs Shoebox with --prefix=/app into a staging folder, as
# flatpak-builder does, and checks that every file lands where a Flatpak
# (and the desktop) looks for it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

source_dir=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/shoebox-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

meson setup "$work/build" "$source_dir" --prefix=/app -Dtests=false -Dwerror=true >"$work/setup.log" 2>&1 \
    || { cat "$work/setup.log"; exit 1; }
meson compile -C "$work/build" >"$work/compile.log" 2>&1 || { cat "$work/compile.log"; exit 1; }
# No post-install cache updates inside the staging folder: flatpak-builder
# runs those itself when exporting.
DESTDIR="$work/stage" meson install -C "$work/build" --no-rebuild --skip-subprojects >"$work/install.log" 2>&1 \
    || { cat "$work/install.log"; exit 1; }

app="$work/stage/app"
id=io.github.shoebox.Shoebox
failed=0
for path in \
    bin/shoebox \
    share/applications/$id.desktop \
    share/dbus-1/services/$id.service \
    share/metainfo/$id.metainfo.xml \
    share/glib-2.0/schemas/$id.gschema.xml \
    share/icons/hicolor/scalable/apps/$id.svg \
    share/icons/hicolor/symbolic/apps/$id-symbolic.svg; do
    if [ -e "$app/$path" ]; then
        echo "ok: /app/$path"
    else
        echo "missing: /app/$path"
        failed=1
    fi
done

[ -x "$app/bin/shoebox" ] || { echo "/app/bin/shoebox is not executable"; failed=1; }
"$app/bin/shoebox" --version | grep -q '^shoebox ' || { echo "/app/bin/shoebox --version failed"; failed=1; }

# DBusActivatable=true: the desktop starts the application through the bus,
# which must find the service of that name, starting the installed binary.
service="$app/share/dbus-1/services/$id.service"
if [ -e "$service" ]; then
    grep -qx "Name=$id" "$service" || { echo "$service is not for $id"; failed=1; }
    grep -qx "Exec=/app/bin/shoebox --gapplication-service" "$service" \
        || { echo "$service does not start /app/bin/shoebox as a service"; failed=1; }
fi
grep -qx "DBusActivatable=true" "$app/share/applications/$id.desktop" 2>/dev/null \
    || { echo "the desktop file is not DBusActivatable"; failed=1; }

# Locale files appear once po/LINGUAS names a language: then each must be
# installed.
for lang in $(grep -v '^#' "$source_dir/po/LINGUAS"); do
    mo="share/locale/$lang/LC_MESSAGES/shoebox.mo"
    if [ -e "$app/$mo" ]; then echo "ok: /app/$mo"; else echo "missing: /app/$mo"; failed=1; fi
done

# Nothing outside /app.
stray=$(cd "$work/stage" && find . -mindepth 1 -maxdepth 1 ! -name app)
[ -z "$stray" ] || { echo "installed outside /app: $stray"; failed=1; }

exit $failed
