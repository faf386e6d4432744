"""The change bus: every page learns here which tables a command changed, from the store.

A command run through a page (:meth:`ui.page.Page.run_command`) or a form
(:meth:`ui.forms.FormDialog.save`) returns its :class:`app.changes.Outcome`; the page publishes
its ``changes`` here, and every other page whose ``watches`` (table names) meet them reloads,
now if it is shown, else when it is next shown. Pages do not name what changed: the unit of
work saw it (:mod:`app.changes`), so a new table a service starts writing reaches the pages that
show it without anyone remembering to announce it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """One per main window; ``changed(tables, origin)``: ``origin`` is the page that ran the
    command (it reloads itself as it sees fit) or None."""

    changed = Signal(object, object)   # frozenset[str], QObject | None

    def publish(self, tables: Iterable[str], origin: QObject | None = None) -> None:
        """Tell every subscriber that ``tables`` changed (nothing when none did)."""
        tables = frozenset(tables)
        if tables:
            self.changed.emit(tables, origin)
