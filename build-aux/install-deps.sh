#!/bin/bash
# Installs the Debian 12 packages Shoebox needs to build, run and test,
# skipping the apt round trip when they are all there already. Sourced by
# run-app.sh and run-tests.sh; runs apt as root, or through sudo.
#
# SPDX-License-Identifier: GPL-3.0-or-later

shoebox_build_packages=(
    build-essential pkg-config meson ninja-build gettext
    libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libsqlite3-dev libxml2-dev libjson-glib-dev
    libglib2.0-bin libgtk-4-bin desktop-file-utils
)
# What a desktop session would have anyway: fonts, icons, the SVG loader
# for our icons, and a settings backend that keeps the window size.
shoebox_run_packages=(
    fonts-cantarell fonts-dejavu-core adwaita-icon-theme hicolor-icon-theme
    librsvg2-common shared-mime-info gsettings-desktop-schemas dconf-gsettings-backend
)
# Xvfb, a private D-Bus session and AT-SPI for widget and end-to-end tests;
# the validators for the data files and the Flatpak manifest.
shoebox_test_packages=(
    xvfb xauth dbus dbus-daemon at-spi2-core gir1.2-atspi-2.0 python3 python3-gi xdotool imagemagick
    appstream libxml2-utils flatpak-builder util-linux mount
    # The German end-to-end test compiles de_DE.UTF-8 from these sources.
    locales
)

shoebox_install_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    echo "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
}
