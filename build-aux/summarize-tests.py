#!/usr/bin/python3
# Reads meson's testlog.json and prints the suite's last line,
# "N passed, N failed" (", N skipped" when some were), naming each failed
# test above it. Exits non-zero on any failure, and also when meson itself
# failed without a failed test in the log (a crash of the runner, an
# interrupted run), so that such a run can never read as green.
#
#   summarize-tests.py TESTLOG MESON_STATUS [--check NAME=ok|failed:WHY]…
#
# --check counts one more result that is not a meson test (run-tests.sh's
# deprecations build).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("testlog")
    parser.add_argument("meson_status", type=int)
    parser.add_argument("--check", action="append", default=[],
                        metavar="NAME=ok|failed:WHY")
    args = parser.parse_args()

    passed = failed = skipped = 0
    for check in args.check:
        name, _, outcome = check.partition("=")
        if outcome == "ok":
            passed += 1
        else:
            failed += 1
            why = outcome.partition(":")[2]
            print(f"failed: {name}" + (f" ({why})" if why else ""))

    try:
        with open(args.testlog) as log:
            for line in log:
                test = json.loads(line)
                if test["result"] in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif test["result"] == "SKIP":
                    skipped += 1
                else:
                    failed += 1
                    print(f"failed: {test['name']} ({test['result']})")
    except FileNotFoundError:
        print(f"no test log at {args.testlog}: the tests did not run")

    if args.meson_status != 0 and failed == 0:
        failed = 1
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
