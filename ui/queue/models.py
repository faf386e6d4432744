"""The queue screens' columns and tables, and a refresh that keeps what the user had: the
selected ticket, the sort order (a proxy sorts by :data:`SORT_ROLE`) and the scroll position.

The queue of a day is short (hundreds of rows at most), so a model holds its rows whole; the
live feed refreshes them within a second of a change anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTableView, QWidget

from app.queue.rules import STATE_LABELS
from ui.columns import Column, ColumnsModel
from ui.itemroles import ROW_ROLE, SORT_ROLE
from ui.tables import read_only_view, selected
from ui.tier_labels import tier_label

CONTEXT = "QueueTables"


def state_text(state: str) -> str:
    return QCoreApplication.translate("queue_states", STATE_LABELS.get(state, state))


def minutes_text(seconds: int) -> str:
    return QCoreApplication.translate("QueueTables", "{minutes} min").format(minutes=seconds // 60)


def priority_text(priority: int, tier_codes: Sequence[str]) -> str:
    if not tier_codes:
        return str(priority)
    return tier_label(tier_codes[max(0, min(priority, len(tier_codes) - 1))])


def sorted_table(parent: QWidget, model: ColumnsModel, name: str) -> QTableView:
    """A read-only, single-selection table over a sorting proxy of ``model`` (the live feed
    replaces the rows; the proxy keeps the order the user chose)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = read_only_view(parent, proxy, name)
    view.setSortingEnabled(True)
    view.horizontalHeader().setDefaultSectionSize(92)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view


def select_id(view: QTableView, row_id) -> bool:
    """Select the row whose object has ``id == row_id``; False when it is not shown."""
    model = view.model()
    for r in range(model.rowCount()):
        if getattr(model.index(r, 0).data(ROW_ROLE), "id", None) == row_id:
            view.selectRow(r)
            return True
    view.clearSelection()
    return False


def refresh_keeping(view: QTableView, model: ColumnsModel, rows: Sequence) -> None:
    """Replace ``model``'s rows; the selected row (by id), the sort order and the scroll
    position stay as the user left them."""
    chosen = selected(view)
    bar = view.verticalScrollBar()
    scrolled = bar.value()
    model.set_rows(rows)
    if chosen is not None:
        select_id(view, chosen.id)
    bar.setValue(min(scrolled, bar.maximum()))


QUEUE_TITLES = (
    QT_TRANSLATE_NOOP("QueueTables", "Number"), QT_TRANSLATE_NOOP("QueueTables", "Service"),
    QT_TRANSLATE_NOOP("QueueTables", "Customer"), QT_TRANSLATE_NOOP("QueueTables", "Tier"),
    QT_TRANSLATE_NOOP("QueueTables", "Priority"), QT_TRANSLATE_NOOP("QueueTables", "State"),
    QT_TRANSLATE_NOOP("QueueTables", "Waited"), QT_TRANSLATE_NOOP("QueueTables", "Counter"),
    QT_TRANSLATE_NOOP("QueueTables", "Note"),
)


def ticket_columns(now: Callable[[], datetime], tier_codes: Callable[[], Sequence[str]]) -> list[Column]:
    """The queue list's columns; ``now`` and ``tier_codes`` come from the latest board."""
    def note(r) -> str:
        if r.lost:
            return QCoreApplication.translate("QueueTables", "Counter lost: re-queue?")
        if r.target_counter:
            return QCoreApplication.translate("QueueTables", "For counter {counter}").format(counter=r.target_counter)
        return r.note
    anonymous = QT_TRANSLATE_NOOP("QueueTables", "Anonymous")
    return [
        (QUEUE_TITLES[0], lambda r: r.number, lambda r: r.id),
        (QUEUE_TITLES[1], lambda r: r.service_name, None),
        (QUEUE_TITLES[2], lambda r: r.customer_label or QCoreApplication.translate(CONTEXT, anonymous), None),
        (QUEUE_TITLES[3], lambda r: tier_label(r.tier), lambda r: r.priority),
        (QUEUE_TITLES[4], lambda r: priority_text(r.priority, tier_codes()), lambda r: r.priority),
        (QUEUE_TITLES[5], lambda r: state_text(r.state), lambda r: r.state),
        (QUEUE_TITLES[6], lambda r: minutes_text(r.waited(now())), lambda r: r.waited(now())),
        (QUEUE_TITLES[7], lambda r: r.counter, None),
        (QUEUE_TITLES[8], note, None),
    ]
