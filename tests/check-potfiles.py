#!/usr/bin/python3
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in lists a file that does not exist: either way a string
# would silently never reach translators.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / "po" / "POTFILES.in").read_text().splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

patterns = {
    "src/**/*.c": re.compile(r"\b(N_|_|C_|NC_|g_dngettext|ngettext)\s*\("),
    "ui/**/*.ui": re.compile(r'translatable="yes"'),
    # The files i18n.merge_file() translates; the D-Bus service's
    # template (data/*.service.in) has nothing to translate.
    "data/*.desktop.in": re.compile(r"."),
    "data/*.metainfo.xml.in": re.compile(r"."),
    "data/*.gschema.xml": re.compile(r"<summary>|<description>"),
}

needed = set()
for glob, pattern in patterns.items():
    for path in sorted(root.glob(glob)):
        if pattern.search(path.read_text(encoding="utf-8")):
            needed.add(str(path.relative_to(root)))

missing = sorted(needed - listed)
stale = sorted(p for p in listed if not (root / p).exists())

for path in missing:
    print(f"po/POTFILES.in lacks {path}, which has translatable strings")
for path in stale:
    print(f"po/POTFILES.in lists {path}, which does not exist")
print(f"{len(needed)} files with translatable strings, {len(listed)} listed")
sys.exit(1 if missing or stale else 0)
