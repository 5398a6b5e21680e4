#!/usr/bin/python3
# Pairs with product-shot photos compared, at SHOEBOX_E2E_SIZE (the
# e2e-compare-photos-narrow test: 360x640) and SHOEBOX_E2E_DARK.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time

from shoebox_e2e import (Atspi, Failure, choose_file, click, click_at, control, fill, find, has_state, main,
                         main_window, name, role, running, save_image_chooser, save_through_chooser, set_text,
                         text_field, text_of, wait_for, walk)


def set_window_size(width, height):
    """The window's size, through the settings it is restored from (the
    key file back end: no window manager here to resize it)."""
    folder = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as f:
        f.write(f"[io/github/shoebox/Shoebox]\nwindow-width={width}\nwindow-height={height}\n")
    os.environ["GSETTINGS_BACKEND"] = "keyfile"


def add_pair(app, window, silhouette, colorway, photo):
    """A pair added through the editor, its photo through the file chooser."""
    click(wait_for(lambda: find(window, "push button", "Add Pair"), what="the Add Pair button"))
    editor = app.frame("Add Pair")
    set_text(text_field(editor, "Silhouette"), silhouette)
    fill(text_field(editor, "Brand"), "Balenciaga")
    fill(text_field(editor, "Colorway"), colorway)
    click(wait_for(lambda: find(editor, "push button", "Add Photos…"), what="the Add Photos… button"))
    choose_file(app, photo)
    wait_for(lambda: find(editor, None, "Photo 1"), 15, "the photo in the editor")
    save = find(editor, "push button", "Save")
    wait_for(lambda: has_state(save, Atspi.StateType.SENSITIVE), what="Save to be enabled")
    click(save)
    wait_for(lambda: editor not in app.frames() or not has_state(editor, Atspi.StateType.SHOWING),
             what="the editor to close")
    return wait_for(lambda: find(window, None, f"{silhouette} — {colorway}"), what=f"the {silhouette} card")


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure(f"{path} is not a PNG")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def run(args):
    """Pairs with product-shot photos added through the editor, compared:
    the profiles use the room, Compare Generations shows the collector's
    own photos of the Track and the Track 2.0, Save as Image… writes the
    composition. SHOEBOX_E2E_SIZE (WIDTHxHEIGHT, 1280x1024 by default) and
    SHOEBOX_E2E_DARK take the screenshots of every mode at other sizes
    and in the dark style."""
    width, height = (int(v) for v in os.environ.get("SHOEBOX_E2E_SIZE", "1280x1024").split("x"))
    label = f"{width}x{height}" + ("-dark" if os.environ.get("SHOEBOX_E2E_DARK") else "")
    if os.environ.get("SHOEBOX_E2E_DARK"):
        os.environ["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    set_window_size(width, height)
    folder = os.path.join(os.environ["HOME"], "shots")
    os.makedirs(folder)
    draw = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.app))), "tests", "shoebox-draw-sneaker")
    photos = {}
    for model, colorway, extra in (("Track", "White", []), ("Track 2.0", "Silver", ["--grey", "--toe-right"])):
        photos[model] = os.path.join(folder, f"{model}.jpg")
        subprocess.run([draw] + extra + [model, colorway, photos[model]], check=True)
    target = os.path.join(os.environ["HOME"], "Track vs Track 2.0.png")

    with running(args, f"compare-photos-{label}") as app:
        window = main_window(app)
        add_pair(app, window, "Track", "White", photos["Track"])
        add_pair(app, window, "Track 2.0", "Silver", photos["Track 2.0"])
        time.sleep(1.0)
        # The cards as they are now: the second moved the first.
        click_at(wait_for(lambda: find(window, None, "Track — White"), what="the Track card"))
        time.sleep(0.3)
        click_at(wait_for(lambda: find(window, None, "Track 2.0 — Silver"), what="the Track 2.0 card"),
                         "ctrl")
        app.screenshot("selected")
        window_width = window.get_extents(Atspi.CoordType.WINDOW).width
        compare = wait_for(lambda: find(window, "push button", "Compare Selected"), what="Compare Selected")
        wait_for(lambda: has_state(compare, Atspi.StateType.SENSITIVE), what="Compare Selected to be enabled")
        click(compare)
        comparison = wait_for(lambda: find(window, None, "Comparison"), what="the comparison")

        def profile(title):
            """A column's profile, when it is drawn: a stack's hidden page
            stays in the tree, without a size."""
            node = find(comparison, None, f"Side profile of {title}")
            return node if node is not None and node.get_extents(Atspi.CoordType.WINDOW).width > 1 else None

        views = wait_for(lambda: [profile("Track — White"), profile("Track 2.0 — Silver")]
                         if profile("Track — White") and profile("Track 2.0 — Silver") else None,
                         20, "both profiles")
        time.sleep(1.0)
        widths = [v.get_extents(Atspi.CoordType.WINDOW).width for v in views]
        if width >= 1280 and min(widths) < 560:
            raise Failure(f"profiles {widths} px wide at {width} px: want 560 or more")
        print(f"profile widths at {width} px: {widths}")
        # Compare's first showing leaves the window as wide as it was: a
        # tool bar wider for a frame would have widened it for good.
        if window.get_extents(Atspi.CoordType.WINDOW).width != window_width:
            raise Failure(f"the window went from {window_width} to"
                          f" {window.get_extents(Atspi.CoordType.WINDOW).width} px wide on Compare")
        app.screenshot("side-by-side")

        # Every mode, for the screenshots (the narrow menu keeps the switcher).
        for mode, shot in (("Overlay", "overlay"), ("Outline", "outline"), ("Side by Side", None)):
            click(wait_for(lambda: control(window, mode), what=f"the {mode} button"))
            time.sleep(1.0)
            drawing = {"Overlay": "Overlay of the first two profiles",
                       "Outline": "Outlines of the profiles"}.get(mode)
            if drawing:
                # Drawn whole inside the window, at any width: in a narrow
                # one the columns scroll sideways, the drawing does not.
                view = wait_for(lambda: find(comparison, None, drawing), what=f"the {mode} drawing")
                # Window coordinates (GTK 4 has no screen ones) start at the
                # frame on GTK 4.8 and a few pixels inside it on 4.18, where
                # a drawing inside the window reads x = -5.
                extents = view.get_extents(Atspi.CoordType.WINDOW)
                window_width = window.get_extents(Atspi.CoordType.WINDOW).width
                if extents.x < -16 or extents.x + extents.width > window_width:
                    raise Failure(f"the {mode} drawing spans x = {extents.x}–{extents.x + extents.width}"
                                  f" in a window {window_width} px wide")
            if shot:
                app.screenshot(shot)

        if width >= 600:
            # Save as Image…: its name offered from the items, the path typed.
            click(wait_for(lambda: find(window, "push button", "Save as Image…"), what="Save as Image…"))
            chooser = save_image_chooser(app)
            offered = next((text_of(n) for n in walk(chooser) if role(n) == "text"
                            and text_of(n).endswith(".png")), "")
            # The items in their columns' order, the newest card first.
            if offered not in ("Track — White vs Track 2.0 — Silver.png", "Track 2.0 — Silver vs Track — White.png"):
                raise Failure(f"the file name offered is “{offered}”")
            save_through_chooser(app, chooser, target)
            image_width, image_height = png_size(target)
            if image_width < 2400:
                raise Failure(f"the saved image is {image_width}×{image_height}: want 2400 px wide or more")
            print(f"saved image: {image_width}×{image_height}")
            subprocess.run(["cp", target, os.path.join(args.artifacts, "e2e-compare-photos-saved.png")], check=False)

        # The Track line from the selected column: the owned pairs' photos.
        generations = wait_for(lambda: next((n for n in walk(comparison) if name(n) == "Compare Generations"
                                             and role(n) == "push button"
                                             and n.get_extents(Atspi.CoordType.WINDOW).width > 1), None),
                               what="Compare Generations")
        click(generations)
        wait_for(lambda: profile("Balenciaga Track") and profile("Balenciaga Track 2.0"), 20,
                 "the Track's and the Track 2.0's own photos")
        if profile("Balenciaga Track 3") is not None:
            raise Failure("the Track 3, owned by nobody, shows a photo")
        time.sleep(1.0)
        app.screenshot("generations")
        click(wait_for(lambda: find(window, "push button", "Back"), what="the Back button"))
        wait_for(lambda: profile("Track — White"), what="the comparison before")

        app.quit()


if __name__ == "__main__":
    main(run)
