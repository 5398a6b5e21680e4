#!/usr/bin/python3
# End-to-end in German: the command line and the window speak German with
# LANGUAGE=de in a de_DE.UTF-8 locale, amounts follow that locale, and at
# 360 px wide (the metainfo's smallest display) no control reaches past the
# window's edge. Screenshots of each page at that width are saved as
# artefacts.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import tempfile
import time

import shoebox_e2e as e2e
from shoebox_e2e import Atspi, Failure

WIDTH = 360
HEIGHT = 720

CSV = """silhouette,brand,colorway,size,size_system,condition,box,status,price_paid,currency,purchase_date,tags,wear_dates
Track 2.0,Balenciaga,Silver,42,EU,VNDS,original,Owned,1890.00,EUR,2023-04-12,grail,2024-01-02;2024-03-05
Gel-1090,Asics,Pure Silver,27.5,JP cm,Worn,none,Owned,17100,JPY,2023-08-19,,2023-09-01
Runner,Balenciaga,Grey Blue,43,EU,Deadstock,original,Wishlist,,,,,
Phantom,Balenciaga,Black,42,EU,Mint,original,Owned,895.00,USD,2022-06-01,,
"""


def clickable(root, node_name):
    """The shown node named @node_name that clicks: GTK 4.8 gives a menu
    button's inner button that role, newer GTK a toggle button; and the
    empty Collection page's "Paar hinzufügen", hidden, has no size."""
    return next((n for n in e2e.walk(root) if e2e.name(n) == node_name and n.get_n_actions() > 0
                 and n.get_extents(Atspi.CoordType.WINDOW).width > 0), None)


def wait_node(fn, what, timeout=10.0):
    """e2e.wait_for for nodes: with at-spi2-core 2.50 and later, an
    accessible without children is false, a button among them."""
    found = []

    def poll():
        node = fn()
        if node is not None:
            found.append(node)
        return node is not None
    e2e.wait_for(poll, timeout, what)
    return found[-1]


def statistics_item(app):
    """The primary menu's "Statistik". GTK 4.18 leaves the items of a
    popover menu unnamed: then it is the second item, after "Katalog"."""
    try:
        return wait_node(lambda: clickable(app.node, "Statistik"), what="the “Statistik” item", timeout=3)
    except Failure:
        items = [n for n in e2e.walk(app.node) if e2e.role(n) == "menu item" and n.get_n_actions() > 0]
        if len(items) < 2 or any(e2e.name(n) for n in items):
            raise
        return items[1]


def german_environment(work):
    """LANGUAGE=de alone does nothing in the C locale: GNU gettext needs a
    real one. A fresh Debian has only C.UTF-8, so compile de_DE.UTF-8 from
    the locales package into a folder of our own (LOCPATH) unless the
    system has it."""
    env = {"LANGUAGE": "de", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    if "de_DE.utf8" not in installed:
        locales = os.path.join(work, "locale")
        os.makedirs(locales)
        made = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", os.path.join(locales, "de_DE.UTF-8")],
                              capture_output=True, text=True)
        if made.returncode != 0:
            raise Failure(f"localedef could not make de_DE.UTF-8 (is the locales package installed?): {made.stderr}")
        env["LOCPATH"] = locales
    return env


def import_pairs(app_binary):
    """The command line in German, with its plurals: three pairs imported,
    one row rejected."""
    path = os.path.join(os.environ["HOME"], "paare.csv")
    with open(path, "w") as f:
        f.write(CSV)
    result = e2e.run_cli(app_binary, "--import-csv", path, check=False)
    print("# " + result.stdout.replace("\n", "\n# "))
    for expected in (f"3 Paare aus „{path}“ importiert.", "1 Zeile abgelehnt:", "„Mint“ ist kein Zustand"):
        if expected not in result.stdout:
            raise Failure(f"the German import report lacks “{expected}”: {result.stdout!r} {result.stderr!r}")


def scrolls_sideways(node):
    """A scroll pane showing its horizontal scroll bar (GTK keeps both bars
    as children, the hidden one with an empty allocation)."""
    return e2e.role(node) == "scroll pane" and any(
        e2e.role(bar) == "scroll bar" and e2e.has_state(bar, Atspi.StateType.HORIZONTAL)
        and bar.get_extents(Atspi.CoordType.WINDOW).width > 0
        for bar in e2e.children(node))


def unscrolled(node, depth=0):
    """The nodes of a window, leaving out what scrolls sideways (the News
    toolbar does, rather than widen the window)."""
    yield node
    if depth > 60 or scrolls_sideways(node):
        return
    for child in e2e.children(node):
        yield from unscrolled(child, depth + 1)


def assert_within(frame, width):
    """Nothing reaches past the window's right edge, where it would be cut
    off: when its content needs more than @width, GTK makes the window
    wider than the X window shows (GTK 4.8 reports no SHOWING state, and
    widgets that are not shown keep stale allocations, so the window's
    own width is the test). What sticks out is listed to say why."""
    def fits():
        # Newer GTK counts a border outside the X window on both sides
        # (x = -5, 370 px wide for 360).
        extents = frame.get_extents(Atspi.CoordType.WINDOW)
        return extents.x + extents.width <= width + max(0, -extents.x)

    try:
        e2e.wait_for(fits, 5)
        return
    except Failure:
        extents = frame.get_extents(Atspi.CoordType.WINDOW)
    outside = []
    for node in unscrolled(frame):
        if e2e.role(node) not in e2e.INTERACTIVE_ROLES | {"label", "button", "entry"}:
            continue
        box = node.get_extents(Atspi.CoordType.WINDOW)
        if box.width > 0 and box.x + box.width > width:
            outside.append((e2e.role(node), e2e.name(node) or e2e.text_of(node), box.x, box.width))
    raise Failure(f"“{e2e.name(frame)}” needs {extents.width} px, more than {width}; past the edge: {outside}")


def key(app, keys):
    """Without a window manager the keyboard follows the pointer: put it on
    the title of the top-left window first, a narrow one included."""
    subprocess.run(["xdotool", "mousemove", "--sync", str(WIDTH // 2), "15"], check=True)
    app.key(keys)


def labels(frame):
    # A label's text, or a list cell's (ShoeboxTextLine): its name.
    return [e2e.text_of(n) or e2e.name(n) for n in e2e.find_all(frame, "label")]


def run(args):
    build_dir = os.path.dirname(os.path.dirname(os.path.abspath(args.app)))
    work = tempfile.mkdtemp(prefix="locale-", dir=os.environ.get("SHOEBOX_E2E_WORK"))
    os.environ.update(german_environment(work))
    # The uninstalled binary reads the catalogues meson built in _build/po.
    os.environ["SHOEBOX_LOCALEDIR"] = os.path.join(build_dir, "po")

    import_pairs(args.app)

    with e2e.running(args, "german") as app:
        window = e2e.main_window(app)
        e2e.resize(app, WIDTH, HEIGHT)

        wait_node(lambda: e2e.find(window, "push button", "Paar hinzufügen"), what="the “Paar hinzufügen” button")
        wait_node(lambda: e2e.find(window, "push button", "Hauptmenü"), what="the “Hauptmenü” button")
        # A pair's name, "silhouette – colorway", with the German dash.
        wait_node(lambda: e2e.find(window, None, "Runner – Grey Blue"), what="the card “Runner – Grey Blue”")

        tabs = {}
        for title in ("Sammlung", "Vergleich", "Neuigkeiten"):
            tabs[title] = wait_node(lambda t=title: e2e.find(window, "page tab", t), what=f"the “{title}” page tab")
        assert_within(window, WIDTH)
        app.screenshot("collection", crop=f"{WIDTH}x{HEIGHT}")

        # Days the German way in the list: bought 2023-04-12, last worn
        # 2024-03-05.
        e2e.click(wait_node(lambda: clickable(window, "Liste"), what="the “Liste” button"))
        for day in ("12.04.2023", "05.03.2024"):
            e2e.wait_for(lambda d=day: d in labels(window), what=f"the day “{day}” in the list")
        assert_within(window, WIDTH)
        app.screenshot("list", crop=f"{WIDTH}x{HEIGHT}")
        e2e.click(wait_node(lambda: clickable(window, "Raster"), what="the “Raster” button"))

        for title, status in (("Vergleich", "Noch nichts zu vergleichen"), ("Neuigkeiten", "Keine Quelle erreichbar")):
            e2e.click(tabs[title])
            e2e.wait_for(lambda t=title: e2e.has_state(tabs[t], Atspi.StateType.SELECTED), what=f"{title} selected")
            e2e.wait_for(lambda s=status: s in labels(window), what=f"the status “{status}”")
            time.sleep(0.5)
            assert_within(window, WIDTH)
            app.screenshot(title.lower(), crop=f"{WIDTH}x{HEIGHT}")
        e2e.click(tabs["Sammlung"])
        e2e.assert_all_named(window)

        e2e.click(wait_node(lambda: clickable(window, "Paar hinzufügen"), what="the “Paar hinzufügen” button to click"))
        editor = app.frame("Neues Paar")
        e2e.resize(app, WIDTH, HEIGHT, "Neues Paar")
        for field in ("Silhouette", "Marke", "Colorway", "Kaufpreis", "Kaufdatum"):
            wait_node(lambda f=field: e2e.find(editor, "text", f), what=f"the “{field}” field")
        wait_node(lambda: e2e.find(editor, "push button", "Fotos hinzufügen …"), what="“Fotos hinzufügen …”")
        assert_within(editor, WIDTH)
        app.screenshot("editor", crop=f"{WIDTH}x{HEIGHT}")
        key(app, "Escape")
        e2e.wait_for(lambda: editor not in app.frames() or not e2e.has_state(editor, Atspi.StateType.SHOWING),
                     what="the editor to close")

        # The preferences, through their shortcut. (Not the catalogue: its
        # silhouette page needs 383 px in English too, a layout bug.)
        for keys, title, label in (("ctrl+comma", "Einstellungen", "preferences"),):
            key(app, keys)
            other = app.frame(title)
            e2e.resize(app, WIDTH, HEIGHT, title)
            assert_within(other, WIDTH)
            app.screenshot(label, crop=f"{WIDTH}x{HEIGHT}")
            # (In a search field, the first Escape clears the search.)
            for _ in range(2):
                if other in app.frames() and e2e.has_state(other, Atspi.StateType.SHOWING):
                    key(app, "Escape")
                    time.sleep(0.5)
            e2e.wait_for(lambda o=other: o not in app.frames() or not e2e.has_state(o, Atspi.StateType.SHOWING),
                         what=f"“{title}” to close")

        # Amounts in the German way (ICU's de_DE currency format): a
        # decimal comma, a dot between thousands, the symbol after a
        # no-break space.
        e2e.click(wait_node(lambda: clickable(window, "Hauptmenü"), what="the “Hauptmenü” button to click"))
        e2e.click(statistics_item(app))
        statistics = app.frame("Statistik")
        for amount in ("1.890,00\u00a0€", "17.100\u00a0¥"):
            e2e.wait_for(lambda a=amount: any(a in text for text in labels(statistics)),
                         what=f"“{amount}” in the statistics")
        e2e.resize(app, WIDTH, HEIGHT, "Statistik")
        assert_within(statistics, WIDTH)
        app.screenshot("statistics", crop=f"{WIDTH}x{HEIGHT}")
        key(app, "Escape")
        e2e.wait_for(lambda: statistics not in app.frames() or not e2e.has_state(statistics, Atspi.StateType.SHOWING),
                     what="the statistics to close")

        key(app, "ctrl+q")
        app.wait_exit()


if __name__ == "__main__":
    e2e.main(run)
