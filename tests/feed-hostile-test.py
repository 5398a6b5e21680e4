#!/usr/bin/python3
# feed-hostile-test.py
#
# Copyright 2026 The Shoebox developers
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Runs the feed parser over ../shared/corpus/feeds/hostile.

    feed-hostile-test.py SHOEBOX-FEED-DUMP SOURCE-ROOT

For every file of hostile/expectations.json, shoebox-feed-dump parses it in
a process of its own, and this checks the rules of hostile/README.md: it
returns in time and within the memory budget, reads no other file and opens
no socket (under strace, when installed), gives an error or items whose
strings are valid UTF-8 without NUL, none longer than the cap, none holding
what must not leak, with the item counts and titles the file expects. Exits
77 (skipped) when ../shared is not there. Files are read in place.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
FORBIDDEN_PATHS = ("passwd", "hostname", ".dtd", "attacker", "tracker")


def run_measured(argv, timeout):
    """Runs argv; returns (returncode, stdout, seconds of CPU, peak KiB)."""
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return None, b"", timeout, usage.ru_maxrss
            time.sleep(0.005)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return proc.returncode, out.read(), usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings_of(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_of(v)


def collapse(s):
    return re.sub(r"\s+", " ", s or "").strip()


def check_file(name, path, rules, dump, baseline_kib, strace):
    problems = []
    limit_s = rules.get("max_seconds", 2.0)
    limit_mib = rules.get("max_extra_memory_mib", 64)
    max_bytes = rules.get("max_string_bytes", 1 << 20)

    rc, out, cpu, peak = run_measured([dump, path], timeout=max(10.0, 5 * limit_s))
    if rc is None:
        return [f"did not return within {5 * limit_s:.0f} s"]
    if rc != 0:
        return [f"shoebox-feed-dump exited with {rc}"]
    if cpu > limit_s:
        problems.append(f"took {cpu:.2f} s of CPU (limit {limit_s} s)")
    extra_mib = (peak - baseline_kib) / 1024
    if extra_mib > limit_mib:
        problems.append(f"used {extra_mib:.1f} MiB above the baseline (limit {limit_mib} MiB)")

    try:
        record = json.loads(out.decode("utf-8", errors="strict"))
    except (UnicodeDecodeError, ValueError) as e:
        return problems + [f"output is not valid UTF-8 JSON: {e}"]

    for s in strings_of(record):
        try:
            size = len(s.encode("utf-8", errors="strict"))
        except UnicodeEncodeError:
            problems.append(f"a string is not valid UTF-8 (lone surrogate): {s[:40]!r}")
            continue
        if "\x00" in s:
            problems.append(f"a string holds a NUL character: {s[:40]!r}")
        if size > max_bytes:
            problems.append(f"a string of {size} bytes (cap {max_bytes})")
        for bad in rules.get("must_not_contain", []):
            if bad in s:
                problems.append(f"a string contains {bad!r}")
        repeat = rules.get("must_not_contain_repeat")
        if repeat and repeat["text"] * repeat["times"] in s:
            problems.append(f"{repeat['text']!r} repeated {repeat['times']} times in a row")

    outcome = rules.get("outcome", "error-or-items")
    is_error = "error" in record and "entries" not in record
    if is_error:
        if outcome == "items":
            problems.append(f"an error where items were expected: {record['error']}")
        return problems

    entries = record.get("entries", [])
    titles = [e.get("title") for e in entries]
    expect = rules.get("if_items", {})

    if "item_count" in expect and len(entries) != expect["item_count"]:
        problems.append(f"{len(entries)} items, expected {expect['item_count']}")
    if "min_item_count" in expect and len(entries) < expect["min_item_count"]:
        problems.append(f"{len(entries)} items, expected at least {expect['min_item_count']}")
    for key in ("titles_start_with", "titles_start"):
        for i, prefix in enumerate(expect.get(key, [])):
            if i >= len(titles) or not (titles[i] or "").startswith(prefix):
                problems.append(f"title {i} is {titles[i] if i < len(titles) else None!r}, "
                                f"expected to start with {prefix!r}")
    for i, title in enumerate(expect.get("titles", [])):
        if i >= len(titles) or collapse(titles[i]) != collapse(title):
            problems.append(f"title {i} is {titles[i] if i < len(titles) else None!r}, expected {title!r}")
    if "title_0_starts_with" in expect and not (titles[:1] and (titles[0] or "").startswith(expect["title_0_starts_with"])):
        problems.append(f"title 0 does not start with {expect['title_0_starts_with']!r}")
    if "title_0_max_chars" in expect and titles[:1] and len(titles[0] or "") > expect["title_0_max_chars"]:
        problems.append(f"title 0 has {len(titles[0])} characters")
    if "titles_1" in expect and (len(titles) < 2 or titles[1] != expect["titles_1"]):
        problems.append(f"title 1 is not {expect['titles_1']!r}")
    if "title_0_accepts" in expect and (not titles or collapse(titles[0]) not in map(collapse, expect["title_0_accepts"])):
        problems.append(f"title 0 {titles[0] if titles else None!r} is none of {expect['title_0_accepts']!r}")
    for i, accepted in enumerate(expect.get("titles_accept", [])):
        got = collapse(titles[i]) if i < len(titles) else None
        if got not in map(collapse, accepted):
            problems.append(f"title {i} {got!r} is none of {accepted!r}")
    if "feed_title_accepts" in expect and collapse(record.get("feed_title")) not in map(collapse, expect["feed_title_accepts"]):
        problems.append(f"feed title {record.get('feed_title')!r} is none of {expect['feed_title_accepts']!r}")
    if expect.get("must_flag_recovered") and record.get("bozo") is not True:
        problems.append("the feed was recovered but not flagged (bozo)")
    if "title_6_recommended" in expect and (len(titles) < 7 or titles[6] != expect["title_6_recommended"]):
        problems.append(f"title 6 is not {expect['title_6_recommended']!r}")

    schemes = expect.get("allowed_link_schemes")
    never = set(expect.get("links_never_opened", []))
    if schemes or never:
        for e in entries:
            urls = [e.get("link"), e.get("thumbnail"), e.get("app_thumbnail")] + list(e.get("enclosures", []))
            for url in urls:
                if not url:
                    continue
                if url in never:
                    problems.append(f"a link {url!r} that must never be opened")
                scheme = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):", url.replace("\t", "").replace("\n", ""))
                if schemes and scheme and scheme.group(1).lower() not in schemes:
                    problems.append(f"a link with scheme {scheme.group(1)!r}: {url!r}")

    if strace:
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "strace.log")
            subprocess.run([strace, "-f", "-qq", "-o", log, "-e", "trace=open,openat,connect,socket",
                            dump, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            with open(log, encoding="utf-8", errors="replace") as f:
                calls = f.read()
        for line in calls.splitlines():
            if re.search(r"\b(connect|socket)\(", line):
                problems.append(f"network: {line.strip()}")
            elif any(bad in line for bad in FORBIDDEN_PATHS) and os.path.basename(path) not in line:
                problems.append(f"file: {line.strip()}")

    return problems


def main():
    dump, source_root = sys.argv[1:3]
    hostile = os.path.normpath(os.path.join(source_root, "..", "shared", "corpus", "feeds", "hostile"))
    expectations_path = os.path.join(hostile, "expectations.json")
    if not os.path.isfile(expectations_path):
        print(f"SKIP: the hostile feeds are not at {hostile} (they live in ../shared next to the "
              "source tree)")
        return SKIP

    with open(expectations_path, encoding="utf-8") as f:
        expectations = json.load(f)
    general = expectations.get("_general", {})

    strace = shutil.which("strace")
    if strace and subprocess.run([strace, "-qq", "-o", os.devnull, "true"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        strace = None
    if not strace:
        print("note: strace is not usable here: the no-file/no-network checks are skipped")

    with tempfile.TemporaryDirectory() as tmp:
        tiny = os.path.join(tmp, "tiny.xml")
        with open(tiny, "w", encoding="utf-8") as f:
            f.write('<rss version="2.0"><channel><title>t</title><item><title>i</title></item></channel></rss>')
        _, _, _, baseline_kib = run_measured([dump, tiny], timeout=30)

    failed = 0
    names = sorted(n for n in expectations if not n.startswith("_"))
    for name in names:
        rules = dict(general, **expectations[name])
        path = os.path.join(hostile, name)
        if not os.path.isfile(path):
            print(f"not ok {name}: file missing")
            failed += 1
            continue
        problems = check_file(name, path, rules, dump, baseline_kib, strace)
        if problems:
            failed += 1
            print(f"not ok {name}")
            for p in problems[:10]:
                print(f"    {p}")
        else:
            print(f"ok {name}")

    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
