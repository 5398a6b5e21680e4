#!/usr/bin/env python3
# Checks that Shoebox's source files do not use each other in circles.
#
# A file "uses" another when its object file needs a symbol the other's
# defines (read with nm from the static libraries' object folders). Files
# that use each other, directly or round a longer loop, can only be read,
# tested and changed together: split out what both need instead, so that
# each family has a one-way order (see HACKING.md).
#
#   build-aux/check-source-circles.py _build/src/core/libshoebox-core.a.p \
#       _build/src/widgets/libshoebox-widgets.a.p
#
# Prints every circle and exits 1 when there is one.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import subprocess
import sys


def read_symbols(objects):
    defined, needed = {}, {}
    for path in objects:
        name = os.path.basename(path).removesuffix(".o").removesuffix(".c")
        out = subprocess.run(["nm", path], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            fields = line.split()
            if len(fields) == 3 and fields[1] in "TDBR":
                defined[fields[2]] = name
            elif len(fields) == 2 and fields[0] == "U":
                needed.setdefault(name, set()).add(fields[1])
    return defined, needed


def circles(graph):
    """The strongly connected components of more than one file (Tarjan's,
    iterative, so no recursion limit to meet)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def main():
    objects = [o for d in sys.argv[1:] for o in sorted(glob.glob(os.path.join(d, "*.o")))]
    if not objects:
        print(f"no object files in {' '.join(sys.argv[1:])}")
        return 1
    defined, needed = read_symbols(objects)
    graph = {os.path.basename(o).removesuffix(".o").removesuffix(".c"): set() for o in objects}
    for name, symbols in needed.items():
        graph[name] |= {defined[s] for s in symbols if s in defined and defined[s] != name}
    found = circles(graph)
    for component in found:
        uses = "; ".join(f"{a} → {', '.join(sorted(graph[a] & set(component)))}" for a in component)
        print(f"circle of {len(component)} files: {uses}")
    print(f"{len(graph)} source files, {len(found)} circles")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
