#!/bin/bash
# The README's first command: installs what is missing, builds Shoebox and
# starts it from the build folder.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/install-deps.sh

shoebox_install_packages "${shoebox_build_packages[@]}" "${shoebox_run_packages[@]}"
shoebox_complete_icon_caches || true

# The test tools are not needed to run the app: leave the suite out of a
# first build (run-tests.sh turns it back on in the same folder).
if [ ! -d _build ]; then
    meson setup _build -Dtests=false
fi
meson compile -C _build

# Our schema from the build folder; the system's stay on the search path.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec _build/src/shoebox "$@"
