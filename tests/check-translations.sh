#!/bin/bash
# Fails when po/shoebox.pot does not regenerate cleanly from po/POTFILES.in
# (xgettext warns, e.g. about a macro cutting a msgid short), or when a
# translation in po/LINGUAS lacks a string of that fresh template, or has
# it fuzzy: merged the way `meson compile shoebox-update-po` merges.
#
#   check-translations.sh SOURCE_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

source_dir=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/shoebox-po.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The keywords and flags of meson's "glib" preset (po/meson.build), which
# xgettext's default C keywords (gettext, ngettext, …) complement.
xgettext --package-name=shoebox -f "$source_dir/po/POTFILES.in" -D "$source_dir" -o "$work/shoebox.pot" \
    --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_set_error:4:c-format --flag=g_error_new:3:c-format --flag=g_print:1:c-format \
    2>"$work/xgettext.log"
if [ -s "$work/xgettext.log" ]; then
    echo "xgettext did not run cleanly:"
    cat "$work/xgettext.log"
    exit 1
fi
echo "# $(grep -c '^msgid ' "$work/shoebox.pot") messages in the template (with its header)"

failed=0
for lang in $(grep -v '^#' "$source_dir/po/LINGUAS"); do
    po="$source_dir/po/$lang.po"
    msgfmt --check -o /dev/null "$po" || { echo "$lang.po: msgfmt --check fails"; failed=1; continue; }
    msgmerge --quiet --previous -o "$work/$lang.po" "$po" "$work/shoebox.pot"
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1)
    echo "# $lang: $stats"
    untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" | grep -c '^msgid ' || true)
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po" | grep -c '^msgid ' || true)
    # Each count includes the header entry when there is anything else.
    if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
        echo "$lang.po is not complete against a fresh template; untranslated or fuzzy:"
        { msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po"
          msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po"; } | grep '^msgid ' | grep -v '^msgid ""$' || true
        failed=1
    fi
done
exit $failed
