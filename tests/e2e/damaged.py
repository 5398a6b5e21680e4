#!/usr/bin/python3
# A database file that is not one: Shoebox refuses it in a dialog that
# names the file and says why, and leaves it as it was.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os

from shoebox_e2e import database_path, expect_refusal, main, running, sha256


def run(args):
    path = database_path()
    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as f:
        f.write(b"silhouette,brand\nTrack 2.0,Balenciaga\n" * 50)
    digest = sha256(path)
    with running(args, "damaged") as app:
        expect_refusal(app, path, digest, ["damaged", "has not changed it"])


if __name__ == "__main__":
    main(run)
