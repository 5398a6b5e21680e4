#!/usr/bin/env python3
# Configures a dialog's template for the libadwaita built against: fills
# in its @NAME@ values (parent class, size and child property names), and
# with --toolbar-view (libadwaita 1.4 and later) puts its header bar and
# content in an AdwToolbarView instead of a vertical GtkBox. One template
# per dialog then serves every libadwaita. Run by ui/meson.build.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import re
import sys
import xml.etree.ElementTree as ET


def toolbar_view(root, path):
    """The template's GtkBox whose first child is an AdwHeaderBar becomes
    an AdwToolbarView: the header bar its top bar, the other child its
    content."""
    for box in root.iter('object'):
        if box.get('class') != 'GtkBox':
            continue
        children = box.findall('child')
        first = children[0].find('object') if children else None
        if first is None or first.get('class') != 'AdwHeaderBar':
            continue
        if len(children) != 2:
            sys.exit(f'{path}: a header bar and one content expected, {len(children)} children found')
        box.set('class', 'AdwToolbarView')
        for prop in box.findall('property'):
            if prop.get('name') == 'orientation':
                box.remove(prop)
        children[0].set('type', 'top')
        children[1].tag = 'property'
        children[1].set('name', 'content')
        return
    sys.exit(f'{path}: no vertical box with a header bar')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('input')
    parser.add_argument('output')
    parser.add_argument('--set', action='append', default=[], metavar='NAME=VALUE')
    parser.add_argument('--toolbar-view', action='store_true')
    args = parser.parse_args()

    with open(args.input, encoding='utf-8') as f:
        text = f.read()
    for assignment in args.set:
        name, value = assignment.split('=', 1)
        text = text.replace(f'@{name}@', value)
    left = re.search(r'@[A-Z_]+@', text)
    if left:
        sys.exit(f'{args.input}: {left.group(0)} has no value')

    if args.toolbar_view:
        root = ET.fromstring(text)
        toolbar_view(root, args.input)
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding='unicode') + '\n'

    with open(args.output, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
