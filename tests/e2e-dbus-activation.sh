#!/bin/bash
# D-Bus activation end to end: a private session bus whose service folder
# holds the build's io.github.shoebox.Shoebox.service (Exec= the built
# binary), under its own Xvfb and temporary XDG folders, so the bus starts
# Shoebox itself as the desktop does for a launcher or a notification
# clicked after Shoebox has quit. The checks are in
# tests/e2e/dbus-activation.py.
#
#   e2e-dbus-activation.sh BUILD_DIR SEED_NEWS_TOOL
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build_dir=$1
seed_news=$2
here=$(cd "$(dirname "$0")" && pwd)
service_dir="$build_dir/tests"

[ -e "$service_dir/io.github.shoebox.Shoebox.service" ] \
    || { echo "no service file in $service_dir"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/shoebox-dbus.XXXXXX")

. "$here/e2e/session.sh"
start_xvfb "$work" 1280x1024x24
trap 'kill $xvfb_pid 2>/dev/null; wait $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT
wait_xvfb "$work"

# Set before the bus starts: what it activates gets the bus's environment,
# as a desktop session's services get the session's.
export DISPLAY=":$display"
isolate "$work" "$build_dir"
mkdir -p "$XDG_DATA_HOME/shoebox"
unset DBUS_SESSION_BUS_ADDRESS
# Fatal warnings are for Shoebox, which the test gives them to through the
# bus's activation environment: the accessibility bus and the test's own
# libatspi warn about races of theirs (an application's tree asked for as
# it starts), and would abort.
unset G_DEBUG

# The build's service folder first, so an installed Shoebox is not the one
# started; then the usual ones, for the accessibility bus.
cat >"$work/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=${TMPDIR:-/tmp}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$service_dir</servicedir>
  <standard_session_servicedirs/>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

# The stories a notification would have named, in Shoebox's database.
G_DEBUG=fatal-warnings "$seed_news" "$XDG_DATA_HOME/shoebox/shoebox.db" \
    "Jordan 4 Bred reimagined restock" "Samba OG sizes back at noon" >"$work/stories.tsv"

# What the started application says goes to the bus's output: kept in a
# file the test reads for warnings.
status=0
dbus-run-session --config-file="$work/session.conf" -- \
    /usr/bin/python3 -B "$here/e2e/dbus-activation.py" \
    --stories "$work/stories.tsv" --bus-log "$work/bus.log" --artifacts "$build_dir/tests/artifacts" \
    2>"$work/bus.log" || status=$?
cat "$work/bus.log" >&2
if [ $status -ne 0 ]; then
    echo "Xvfb :$display said:"
    cat "$work/xvfb.log"
fi
exit $status
