#!/usr/bin/python3
# A database from a newer Shoebox: refused, with its version named, and
# left as it was.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3

from shoebox_e2e import database_path, expect_refusal, main, running, sha256


def run(args):
    path = database_path()
    os.makedirs(os.path.dirname(path))
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept'); PRAGMA user_version = 999;")
    db.close()
    digest = sha256(path)
    with running(args, "too-new") as app:
        expect_refusal(app, path, digest, ["newer version of Shoebox", "999"])


if __name__ == "__main__":
    main(run)
