#!/usr/bin/python3
# feed-corpus-test.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Scores the feed parser against ../shared/corpus/feeds.

    feed-corpus-test.py SHOEBOX-FEED-DUMP SOURCE-ROOT ALLOWLIST

Runs `shoebox-feed-dump --corpus` over the corpus, then the corpus's own
compare.py on the fields the News page depends on, and prints the agreement.
Fails when fewer than 95 % of the peer files agree, when a file fails that
is not on the allow-list, or when a file on the allow-list now passes (the
list may only shrink: remove the file from it). Exits 77 (skipped) when
../shared is not there. The corpus files are read in place, never copied.
"""

import os
import re
import subprocess
import sys
import tempfile

FIELDS = "feed_title,feed_link,entry_count,title,link,id,published_utc,updated_utc"
THRESHOLD = 95.0
SKIP = 77


def read_allowlist(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    return names


def main():
    dump, source_root, allowlist_path = sys.argv[1:4]
    corpus = os.path.normpath(os.path.join(source_root, "..", "shared", "corpus", "feeds"))
    compare = os.path.join(corpus, "compare.py")

    if not os.path.isfile(os.path.join(corpus, "expected.json")) or not os.path.isfile(compare):
        print(f"SKIP: the feed corpus is not at {corpus} (it lives in ../shared next to the "
              "source tree); nothing to compare against")
        return SKIP

    allowed = read_allowlist(allowlist_path)

    with tempfile.TemporaryDirectory(prefix="shoebox-feed-corpus-") as tmp:
        results = os.path.join(tmp, "results.json")
        run = subprocess.run([dump, "--corpus", corpus, results], timeout=300)
        if run.returncode != 0:
            print(f"FAIL: shoebox-feed-dump exited with {run.returncode}")
            return 1

        out = subprocess.run([sys.executable, compare, results, "--fields", FIELDS,
                              "--worst", "1000"],
                             capture_output=True, text=True, timeout=300)
        print(out.stdout)
        if out.stderr:
            print(out.stderr, file=sys.stderr)

        peer = subprocess.run([sys.executable, compare, results, "--fields", FIELDS,
                               "--only", "peer/", "--worst", "0"],
                              capture_output=True, text=True, timeout=300)

    last = [l for l in out.stdout.splitlines() if l.strip()][-1:]
    peer_last = [l for l in peer.stdout.splitlines() if l.strip()][-1:]
    m = re.match(r"(\d+) passed, (\d+) failed", last[0] if last else "")
    pm = re.match(r"(\d+) passed, (\d+) failed", peer_last[0] if peer_last else "")
    if not m or not pm:
        print("FAIL: compare.py printed no result line")
        return 1

    failing = set(re.findall(r"^  (\S+)  \(", out.stdout, re.M))
    peer_passed, peer_failed = int(pm.group(1)), int(pm.group(2))
    peer_pct = 100.0 * peer_passed / max(1, peer_passed + peer_failed)
    passed, failed = int(m.group(1)), int(m.group(2))

    print(f"agreement: {peer_pct:.1f}% of peer files ({peer_passed} of {peer_passed + peer_failed}); "
          f"all files: {passed} passed, {failed} failed; fields {FIELDS}")

    status = 0
    if peer_pct < THRESHOLD:
        print(f"FAIL: agreement {peer_pct:.1f}% is below {THRESHOLD:.0f}%")
        status = 1

    new_failures = sorted(failing - allowed)
    if new_failures:
        print("FAIL: these files fail and are not on tests/feed-corpus-allowlist.txt:")
        for name in new_failures:
            print(f"  {name}")
        status = 1

    fixed = sorted(allowed - failing)
    if fixed:
        print("FAIL: these files pass now: remove them from tests/feed-corpus-allowlist.txt "
              "(the list may only shrink):")
        for name in fixed:
            print(f"  {name}")
        status = 1

    if failing:
        print("failing files (allowed):")
        for name in sorted(failing & allowed):
            print(f"  {name}")

    return status


if __name__ == "__main__":
    sys.exit(main())
