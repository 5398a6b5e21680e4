#!/bin/bash
# Runs every libFuzzer harness of tests/fuzz, one after the other, each
# for SECONDS (600 unless given; CI gives 30), niced: installs clang and
# libFuzzer if missing, configures _build-fuzz (CC=clang, -Dfuzzing=true)
# the first time, and builds the harnesses only.
#
#   build-aux/fuzz.sh [SECONDS [HARNESS...]]
#
# Each harness starts from a fresh, empty working corpus and reads its
# committed seeds (tests/fuzz/seeds/<harness>); the feed harness also
# reads the shared feed corpus, ../shared/corpus/feeds, where it exists
# (in a git worktree, the one beside the main checkout).
# Per harness it reports the runs, libFuzzer's final coverage (cov: edges,
# ft: features) and any crash reproducer; the last line is
# "N passed, N failed", a harness passing when it ran without a crash.
# Exits non-zero when any harness crashed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail
cd "$(dirname "$0")/.."
. build-aux/install-deps.sh

harnesses=(csv-import csv-preview date-parser feed-parser html-text opml-import profile-align)
seconds=${1:-600}
[ $# -gt 1 ] && harnesses=("${@:2}")
build=_build-fuzz
shared_feeds=../shared/corpus/feeds
if [ ! -d "$shared_feeds" ] && common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
    shared_feeds="$(dirname "$(dirname "$common")")/shared/corpus/feeds"
fi

fail_all() {
    echo "$1"
    echo "0 passed, ${#harnesses[@]} failed"
    exit 1
}

[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || fail_all "usage: build-aux/fuzz.sh [SECONDS [HARNESS...]]"
for harness in "${harnesses[@]}"; do
    [ -f "tests/fuzz/fuzz-$harness.c" ] || fail_all "no harness tests/fuzz/fuzz-$harness.c"
done

shoebox_install_packages "${shoebox_build_packages[@]}" "${shoebox_fuzz_packages[@]}" ||
    fail_all "the packages could not be installed"

if [ ! -f "$build/build.ninja" ]; then
    CC=clang nice meson setup "$build" -Dfuzzing=true -Dtests=false >/dev/null ||
        fail_all "meson setup $build failed"
fi
nice ninja -j1 -C "$build" fuzzers >/dev/null || fail_all "building the harnesses failed"

results="$build/fuzz-results/$(date +%Y%m%d-%H%M%S)"
passed=0
failed=0

for harness in "${harnesses[@]}"; do
    out="$results/$harness"
    mkdir -p "$out/corpus"
    corpora=("tests/fuzz/seeds/$harness")
    options=()
    if [ "$harness" = feed-parser ]; then
        for dir in own peer hostile; do
            [ -d "$shared_feeds/$dir" ] && corpora+=("$shared_feeds/$dir")
        done
        # The shared corpus has feeds of a megabyte: mutating those is
        # slow, and the caps are well within this.
        options+=(-max_len=65536)
    fi

    # A run that takes 30 s on one input is a finding too (timeout-*).
    nice "$build/tests/fuzz/fuzz-$harness" "$out/corpus" "${corpora[@]}" \
        -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
        -artifact_prefix="$out/" "${options[@]}" >"$out/log" 2>&1
    status=$?

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$out/log" | tail -n 1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$out/log" | tail -n 1 | cut -d' ' -f2)
    artifacts=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
                     -o -name 'oom-*' -o -name 'slow-unit-*' \) | sort | tr '\n' ' ')

    if [ "$status" -eq 0 ] && [ -z "$artifacts" ]; then
        passed=$((passed + 1))
        printf '%-14s ok      runs %s, cov %s, ft %s\n' "$harness" "${runs:-?}" "${cov:-?}" "${ft:-?}"
    else
        failed=$((failed + 1))
        printf '%-14s CRASHED runs %s, cov %s, ft %s; reproducer: %s(log %s)\n' "$harness" \
            "${runs:-?}" "${cov:-?}" "${ft:-?}" "${artifacts:-none }" "$out/log"
    fi
done

echo "Logs and working corpora: $results"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
