#!/bin/bash
# Makes the small sample photos that tests/test-photos.c and
# tests/test-news-thumbnails.c import and decode, in the formats phones and
# shops use: WebP, HEIC and AVIF. Each is 48 × 32 pixels, red on the left,
# blue on the right, so a size or a turn shows in the pixels;
# sample-turned.avif carries an irot property (a quarter turn
# anticlockwise), so it shows as 32 × 48, blue on top, and
# sample-exif.webp an EXIF orientation of 6 (turn a quarter clockwise to
# show), so it shows as 32 × 48, red on top.
#
# The files are committed; run this again only to change them:
#   tests/data/photos/make-samples.sh
# It installs the encoders it needs (build-aux/install-deps.sh).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../../build-aux/install-deps.sh"
shoebox_install_packages "${shoebox_sample_packages[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 8-bit RGB: heif-enc misreads the palette PNG ImageMagick would write for
# two colours (red comes out green).
convert -size 24x32 xc:'#ff0000' -size 24x32 xc:'#0000ff' +append +repage "PNG24:$work/sample.png"

cwebp -quiet -lossless -exact "$work/sample.png" -o "$here/sample.webp"
heif-enc --quality 90 "$work/sample.png" --output "$here/sample.heic" >/dev/null
avifenc --min 0 --max 10 "$work/sample.png" "$here/sample.avif" >/dev/null
avifenc --min 0 --max 10 --irot 1 "$work/sample.png" "$here/sample-turned.avif" >/dev/null

# EXIF: a big-endian TIFF header and one IFD with the Orientation tag
# (0x0112, SHORT, 1 value: 6).
printf 'MM\000*\000\000\000\010\000\001\001\022\000\003\000\000\000\001\000\006\000\000\000\000\000\000' \
    > "$work/exif.bin"
webpmux -set exif "$work/exif.bin" "$here/sample.webp" -o "$here/sample-exif.webp" >/dev/null 2>&1

ls -l "$here"/sample*
