#!/bin/bash
# Validates the built metainfo as software centres and Flathub do, but
# stricter: `appstreamcli validate` passes with infos, and this fails on
# any issue above pedantic (errors, warnings and infos). Also checks that
# the newest release is this version, so every version has release notes.
#
#   check-metainfo.sh METAINFO VERSION
#
# AppStream before 1.0 (Debian 12 has 0.16) does not know <developer>,
# which 1.0 asks for instead of the deprecated <developer_name>: there,
# the info about that one tag is allowed, and nothing else.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

metainfo=$1
version=$2

report=$(appstreamcli validate --no-net --strict --explain "$metainfo" 2>&1)
status=$?
echo "$report"

if [ $status -ne 0 ]; then
    tool_version=$(appstreamcli --version | sed -n 's/^AppStream version: //p')
    issues=$(echo "$report" | grep -E '^[EWI]: ')
    if [ "${tool_version%%.*}" = 0 ] && [ -n "$issues" ] \
        && ! echo "$issues" | grep -qvE '^I: [^ ]+: unknown-tag developer$'; then
        echo "AppStream $tool_version predates <developer>: its unknown-tag info is expected"
    else
        echo "FAIL: appstreamcli reported issues above pedantic"
        exit 1
    fi
fi

newest=$(grep -o '<release [^>]*version="[^"]*"' "$metainfo" | head -n 1 | sed 's/.*version="\([^"]*\)"/\1/')
if [ "$newest" != "$version" ]; then
    echo "FAIL: the newest release in the metainfo is “$newest”, the project is $version"
    exit 1
fi
echo "The newest release is $version"
