#!/bin/bash
# Runs the README's test command (build-aux/run-tests.sh) on a brand-new
# Debian system of another release, e.g. Debian 13, the way a newcomer's
# fresh machine would: a minimal chroot with only git, sudo and
# ca-certificates, a clean clone of this checkout's committed HEAD, and
# ../shared beside it when there is one. The test command installs the
# rest itself. CI runs it for Debian 13 (.ci/run).
#
#   build-aux/run-tests-on-debian.sh trixie [SCRIPT…]
#
# SCRIPT is the project's command to run there, build-aux/run-tests.sh
# unless given. Several run one after the other in the same system, which
# saves building it and installing the packages again (CI runs the suite,
# then build-aux/run-sanitizers.sh, on one Debian 13).
#
# Needs root (or sudo) for mmdebstrap, mounts and chroot. The base system
# is built with mmdebstrap and kept as a tarball for a day under
# $SHOEBOX_CHROOT_CACHE (default /var/cache/shoebox-chroot); every run
# unpacks it afresh and removes it afterwards. Ends with the test
# command's own last line, "N passed, N failed", and its exit status; with
# several, with each one's line and then their sum.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

suite=${1:?usage: build-aux/run-tests-on-debian.sh SUITE (e.g. trixie) [SCRIPT…]}
shift
scripts=("${@:-build-aux/run-tests.sh}")
for script in "${scripts[@]}"; do
    case "$script" in
        build-aux/*.sh) ;;
        *) echo "SCRIPT must be one of the project's build-aux/*.sh"; echo "0 passed, 1 failed"; exit 1 ;;
    esac
done
project=$(cd "$(dirname "$0")/.." && pwd)
cache=${SHOEBOX_CHROOT_CACHE:-/var/cache/shoebox-chroot}

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=SHOEBOX_CHROOT_CACHE "$0" "$@"
fi

. "$project/build-aux/install-deps.sh"
shoebox_install_packages mmdebstrap ca-certificates || { echo "could not install mmdebstrap"; echo "0 passed, 1 failed"; exit 1; }

# A base system at most a day old: the releases move, and a stale one
# would hide a package that disappeared.
mkdir -p "$cache"
base="$cache/$suite.tar"
if [ ! -s "$base" ] || [ -n "$(find "$base" -mmin +1440)" ]; then
    echo "Building a minimal Debian $suite with mmdebstrap…"
    if ! mmdebstrap --variant=minbase --format=tar --quiet \
            --aptopt='Acquire::Check-Valid-Until "false"' \
            --include=ca-certificates,git,sudo "$suite" "$base.part" >"$cache/$suite.log" 2>&1; then
        tail -n 20 "$cache/$suite.log"
        echo "0 passed, 1 failed"
        exit 1
    fi
    mv "$base.part" "$base"
fi

root=$(mktemp -d /var/tmp/shoebox-$suite.XXXXXX)
cleanup() {
    for mount in dev/pts dev proc sys; do
        umount -l "$root/$mount" 2>/dev/null || true
    done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT

tar -xf "$base" -C "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t sysfs sys "$root/sys"

mkdir -p "$root/home/user"
git clone --quiet "$project" "$root/home/user/shoebox"
if [ -d "$project/../shared" ]; then
    cp -a "$project/../shared" "$root/home/user/shared"
fi

. "$project/build-aux/pass-totals.sh"
for script in "${scripts[@]}"; do
    echo "Running $script on the fresh Debian $suite…"
    log="$root/var/tmp/$(basename "$script").log"
    status=0
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 CI=true \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        bash -c "cd /home/user/shoebox && $script" </dev/null 2>&1 | tee "$log" || status=$?
    # One script: its own last line is the last line.
    [ "${#scripts[@]}" -gt 1 ] || exit "$status"
    pass_totals_add "$script" "$log" "$status"
done
pass_totals_print
