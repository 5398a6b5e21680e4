# Xvfb and a private environment for the end-to-end tests, sourced by
# tests/e2e-run.sh and tests/e2e-dbus-activation.sh.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# start_xvfb WORK SCREEN: starts Xvfb on a display number nobody uses,
# neither by lock file here nor by abstract socket (those are shared by
# every chroot on the machine, so Xvfb's own -displayfd search can pick
# one taken elsewhere). Sets $display and $xvfb_pid; its output goes to
# WORK/xvfb.log. The caller's EXIT trap stops it.
start_xvfb() {
    local n
    display=
    for n in $(shuf -i 100-999 -n 100); do
        [ -e "/tmp/.X$n-lock" ] && continue
        grep -q "@/tmp/.X11-unix/X$n\$" /proc/net/unix 2>/dev/null && continue
        display=$n
        break
    done
    [ -n "$display" ] || { echo "no free X display"; exit 1; }
    Xvfb ":$display" -screen 0 "$2" -nolisten tcp 2>"$1/xvfb.log" &
    xvfb_pid=$!
}

# wait_xvfb WORK: waits for its socket, then a moment past creating it
# for it to accept clients.
wait_xvfb() {
    local answered=
    for _ in $(seq 100); do
        [ -S "/tmp/.X11-unix/X$display" ] && break
        sleep 0.1
    done
    [ -S "/tmp/.X11-unix/X$display" ] || { echo "Xvfb did not start:"; cat "$1/xvfb.log"; exit 1; }
    for _ in $(seq 50); do
        if DISPLAY=":$display" xdotool getdisplaygeometry >/dev/null 2>&1; then answered=1; break; fi
        sleep 0.1
    done
    [ -n "$answered" ] || { echo "Xvfb does not answer:"; cat "$1/xvfb.log"; exit 1; }
}

# isolate WORK BUILD_DIR: XDG folders and HOME inside WORK, so no test
# touches the user's data; settings in memory, with the build's schemas;
# GTK drawn by cairo on X11, without portals, and talking to the
# accessibility bus, unlike in widget tests. No test reaches a real site
# (the default news sources are real ones): every fetch not to this
# machine goes to a proxy nobody listens on, and fails at once (GIO's
# libproxy module reads these).
isolate() {
    export XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config" XDG_CACHE_HOME="$1/cache"
    export XDG_STATE_HOME="$1/state" HOME="$1/home"
    mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$HOME"
    export GSETTINGS_BACKEND=memory
    export GSETTINGS_SCHEMA_DIR="$2/data:/usr/share/glib-2.0/schemas"
    export GSK_RENDERER=cairo GDK_BACKEND=x11 ADW_DISABLE_PORTAL=1
    unset GTK_A11Y NO_AT_BRIDGE
    export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy=127.0.0.1,localhost
}
