#!/bin/bash
# Installs the Debian 12 packages Shoebox needs to build, run and test,
# skipping the apt round trip when they are all there already. Sourced by
# run-app.sh and run-tests.sh; runs apt as root, or through sudo.
#
# SPDX-License-Identifier: GPL-3.0-or-later

shoebox_build_packages=(
    build-essential pkg-config meson ninja-build gettext
    libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libsqlite3-dev libxml2-dev libjson-glib-dev libicu-dev
    libglib2.0-bin libgtk-4-bin desktop-file-utils
)
# What a desktop session would have anyway: fonts, icons and their
# caches, the SVG loader for our icons, and a settings backend that keeps
# the window size.
shoebox_run_packages=(
    fonts-cantarell fonts-dejavu-core adwaita-icon-theme hicolor-icon-theme gtk-update-icon-cache
    librsvg2-common shared-mime-info gsettings-desktop-schemas dconf-gsettings-backend
)
# Photos in the formats phones and shops use: HEIC/HEIF, WebP and AVIF.
# gdk-pixbuf up to 2.42 (Debian 12 and 13) loads them through modules of
# their own; 2.44 (Debian 14 on) hands every format but a few to glycin's
# sandboxed loaders instead, where they all come in glycin-loaders (HEIC
# and AVIF through libheif, whose HEVC and AV1 decoder plugins it pulls in).
shoebox_gdk_pixbuf_uses_glycin() {
    local depends
    depends=$(LC_ALL=C apt-cache depends libgdk-pixbuf-2.0-0 2>/dev/null)
    if [ -n "$depends" ]; then
        grep -q 'Depends: libglycin' <<<"$depends"
        return
    fi
    # No package lists yet (a fresh mmdebstrap system): by the release.
    case "$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_ID:-}")" in
        debian:12*|debian:13*) return 1 ;;
        debian:*) return 0 ;;   # 14 and later, testing and sid
        *) return 1 ;;
    esac
}
if shoebox_gdk_pixbuf_uses_glycin; then
    shoebox_photo_packages=(glycin-loaders)
else
    shoebox_photo_packages=(webp-pixbuf-loader heif-gdk-pixbuf libavif-gdk-pixbuf)
fi
shoebox_run_packages+=("${shoebox_photo_packages[@]}")
# Only for tests/data/photos/make-samples.sh, which made the sample photos
# the tests read: the encoders.
shoebox_sample_packages=(imagemagick webp libheif-examples libavif-bin)
if apt-cache show libheif-plugin-x265 >/dev/null 2>&1; then
    shoebox_sample_packages+=(libheif-plugin-x265)   # libheif ≥ 1.16 encodes HEVC in a plugin
fi
# Xvfb, a private D-Bus session and AT-SPI for widget and end-to-end tests;
# the validators for the data files and the Flatpak manifest.
shoebox_test_packages=(
    xvfb xauth dbus dbus-daemon at-spi2-core gir1.2-atspi-2.0 python3 python3-gi xdotool imagemagick
    appstream libxml2-utils flatpak-builder util-linux mount
    # The German end-to-end test compiles de_DE.UTF-8 from these sources.
    locales
    # The profile alignment test saves its drawn photos as JPEG with
    # libjpeg: gdk-pixbuf 2.44 and later cannot write JPEG.
    libjpeg-dev
)
# clang and libFuzzer, for build-aux/fuzz.sh only. libFuzzer is packaged
# per LLVM version (libfuzzer-14-dev on Debian 12): take the one of the
# clang that the distribution's clang package pulls in.
shoebox_libfuzzer_package() {
    local version
    version=$(LC_ALL=C apt-cache depends clang 2>/dev/null | sed -n 's/.*Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -n 1)
    echo "libfuzzer-${version:-14}-dev"
}
# libclang-rt-dev: the sanitizer runtimes the harnesses link
# (-fsanitize=fuzzer,address,undefined), which clang only recommends.
shoebox_fuzz_packages=(clang libclang-rt-dev "$(shoebox_libfuzzer_package)")

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

# An icon theme's postinst builds its cache only when update-icon-caches
# is there already, and nothing builds it later: a theme installed before
# gtk-update-icon-cache (as in some base images) has none. GTK then reads
# every folder of the theme at each start, on a thread beside the one
# drawing the first window: 125 M instructions for Adwaita at GTK 4.8
# (callgrind), where the cache costs next to nothing. A GNOME desktop and the
# Flatpak runtime have the cache; this builds it as the postinst would.
shoebox_complete_icon_caches() {
    command -v update-icon-caches >/dev/null || return 0
    local theme
    local themes=()
    for theme in /usr/share/icons/Adwaita /usr/share/icons/hicolor; do
        [ -f "$theme/index.theme" ] && [ ! -f "$theme/icon-theme.cache" ] && themes+=("$theme")
    done
    [ ${#themes[@]} -eq 0 ] && return 0

    echo "Building the icon caches of ${themes[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" update-icon-caches "${themes[@]}"
}
