#!/usr/bin/python3
# A data folder Shoebox cannot write to: refused in a dialog, and nothing
# written there.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess

from shoebox_e2e import Failure, database_path, expect_refusal, main, running


def run(args):
    folder = os.path.dirname(database_path())
    os.makedirs(folder)
    mounted = False
    if os.geteuid() == 0:
        # Permissions do not stop root: put a read-only file system there.
        # (Not a mount namespace: inside a chroot, unshare cannot make "/"
        # private, and a user namespace cannot be created at all.)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k,mode=0755", "shoebox-e2e", folder], check=True)
        mounted = True
    else:
        os.chmod(folder, 0o500)
    try:
        with running(args, "read-only") as app:
            expect_refusal(app, folder, None, ["cannot write to its data folder"])
        if os.listdir(folder):
            raise Failure(f"files were written into the read-only folder: {os.listdir(folder)}")
    finally:
        if mounted:
            subprocess.run(["umount", folder], check=False)


if __name__ == "__main__":
    main(run)
