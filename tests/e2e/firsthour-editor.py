#!/usr/bin/python3
# A collector's first hour (issue 12): the pair editor keeps what is
# typed: Escape closes the suggestions first, and closing asks before
# discarding.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import shoebox_e2e as e2e
from shoebox_e2e import Failure


def editor_keeps_typing(app):
    """Escape first closes the silhouette suggestions, not the editor;
    closing with unsaved changes asks "Discard changes?", Keep Editing
    being the default; an untouched editor closes at once."""
    window = e2e.main_window(app)
    add = e2e.wait_for(lambda: e2e.find(window, "push button", "Add Pair"), what="the Add Pair button")

    # Untouched, Escape closes it without a question.
    e2e.click(add)
    editor = app.frame("Add Pair")
    time.sleep(0.5)
    app.key("Escape")
    e2e.wait_for(lambda: e2e.gone(app, editor), what="the untouched editor to close")
    if e2e.dialog_with(app, "Discard changes?") is not None:
        raise Failure("an untouched editor asked to discard changes")

    e2e.click(add)
    editor = app.frame("Add Pair")
    silhouette = e2e.text_field(editor, "Silhouette")
    e2e.set_text(silhouette, "track 2")
    time.sleep(0.8)
    app.screenshot("suggestions")

    # The first Escape closes the suggestions only.
    app.key("Escape")
    time.sleep(0.8)
    if not e2e.shown(editor):
        raise Failure("Escape over the silhouette suggestions closed the editor")
    if e2e.dialog_with(app, "Discard changes?") is not None:
        raise Failure("Escape over the silhouette suggestions asked to discard the pair")
    if e2e.text_of(silhouette) != "track 2":
        raise Failure(f"the silhouette field holds “{e2e.text_of(silhouette)}” after Escape")

    # The second asks; Enter keeps editing, the typing stays.
    app.key("Escape")
    alert = e2e.wait_for(lambda: e2e.dialog_with(app, "Discard changes?"), what="the “Discard changes?” question")
    time.sleep(0.5)
    app.screenshot("discard")
    app.key("Return")
    e2e.wait_for(lambda: e2e.dialog_with(app, "Discard changes?") is None, what="the question to go")
    time.sleep(0.3)
    if not e2e.shown(editor) or e2e.text_of(silhouette) != "track 2":
        raise Failure("Keep Editing did not keep the editor and its typing")

    # Cancel asks too; Discard closes.
    e2e.click(e2e.find(editor, "push button", "Cancel"))
    alert = e2e.wait_for(lambda: e2e.dialog_with(app, "Discard changes?"), what="the question after Cancel")
    e2e.click(e2e.wait_for(lambda: e2e.response_button(alert, "Discard"), what="the Discard button"))
    e2e.wait_for(lambda: e2e.gone(app, editor), what="the editor to close after Discard")


def run(args):
    e2e.run_app(args, "firsthour-editor", editor_keeps_typing)


if __name__ == "__main__":
    e2e.main(run)
