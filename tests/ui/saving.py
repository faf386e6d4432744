"""Pressing OK on a form in a test: the save runs off the GUI thread (ui.forms), so the test
waits for it to come back before it looks, on the work itself, never on a clock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.background import busy, wait_for_background


def submit(dialog) -> None:
    """Press OK on ``dialog`` (a :class:`ui.forms.FormDialog`) and wait for its save to come
    back (what the save's callbacks start in turn, a document being made, is not waited for)."""
    dialog.submit()
    saved(dialog)


def saved(dialog) -> None:
    """Wait until the save ``dialog`` started (by OK, or a key that presses it) came back."""
    while dialog.saving is not None:
        wait_for_background()
        QCoreApplication.sendPostedEvents(None, 0)


def idle() -> bool:
    """For ``qtbot.waitUntil(idle)`` after a click: no command or save is under way any more
    (its answer is back and shown; the pages' one-click commands run off the GUI thread)."""
    return not busy()
