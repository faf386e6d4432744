"""The columns of the stock page's tables (titles in the "StockTables" context)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.stock.rules import describe_runs
from ui.stock.models import card_type_text, location_kind_text, move_text, state_text, status_text

STOCK_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("StockTables", "Location"), lambda r: r.location_name),
    (QT_TRANSLATE_NOOP("StockTables", "Kind"), lambda r: location_kind_text(r.location_kind)),
    (QT_TRANSLATE_NOOP("StockTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("StockTables", "State"), lambda r: state_text(r.state)),
    (QT_TRANSLATE_NOOP("StockTables", "Count"), lambda r: r.count),
    (QT_TRANSLATE_NOOP("StockTables", "Serials"), lambda r: r.serials),
)
MOVE_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "No."), lambda r: r.id),
    (QT_TRANSLATE_NOOP("StockTables", "Date"), lambda r: r.business_date.isoformat()),
    (QT_TRANSLATE_NOOP("StockTables", "Move"), lambda r: move_text(r.kind)),
    (QT_TRANSLATE_NOOP("StockTables", "Status"), lambda r: status_text(r.status)),
    (QT_TRANSLATE_NOOP("StockTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("StockTables", "From"), lambda r: r.from_name),
    (QT_TRANSLATE_NOOP("StockTables", "To"), lambda r: r.to_name),
    (QT_TRANSLATE_NOOP("StockTables", "Count"), lambda r: r.count),
    (QT_TRANSLATE_NOOP("StockTables", "Serials"), lambda r: r.serials),
    (QT_TRANSLATE_NOOP("StockTables", "Made by"), lambda r: r.made_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Confirmed or witnessed by"),
     lambda r: r.witness_name or r.checked_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Reason"), lambda r: r.reason),
)
# The moves awaiting a second person: all pending, none confirmed yet, so no status or checker.
PENDING_COLUMNS = tuple(column for column in MOVE_COLUMNS if column[0] not in (
    "Status", "Confirmed or witnessed by", "Reason"))
DAY_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "Location"), lambda r: r.location_name),
    (QT_TRANSLATE_NOOP("StockTables", "Card type"), lambda r: card_type_text(r.result.card_type)),
    (QT_TRANSLATE_NOOP("StockTables", "Opening"), lambda r: len(r.result.opening)),
    (QT_TRANSLATE_NOOP("StockTables", "In"), lambda r: len(r.result.received)),
    (QT_TRANSLATE_NOOP("StockTables", "Out"), lambda r: len(r.result.sent)),
    (QT_TRANSLATE_NOOP("StockTables", "Closing"), lambda r: len(r.result.closing)),
    (QT_TRANSLATE_NOOP("StockTables", "Difference"), lambda r: r.result.difference),
    (QT_TRANSLATE_NOOP("StockTables", "Missing / unexpected"),
     lambda r: " / ".join(filter(None, [describe_runs(r.result.missing), describe_runs(r.result.unexpected)]))),
    (QT_TRANSLATE_NOOP("StockTables", "Signed off by"), lambda r: r.signed_by),
    (QT_TRANSLATE_NOOP("StockTables", "Explanation"), lambda r: r.explanation),
)
HISTORY_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "Date"), lambda r: r.business_date.isoformat()),
    (QT_TRANSLATE_NOOP("StockTables", "Move"), lambda r: move_text(r.kind)),
    (QT_TRANSLATE_NOOP("StockTables", "From"), lambda r: r.from_name),
    (QT_TRANSLATE_NOOP("StockTables", "To"), lambda r: r.to_name),
    (QT_TRANSLATE_NOOP("StockTables", "State"), lambda r: state_text(r.to_state)),
    (QT_TRANSLATE_NOOP("StockTables", "Made by"), lambda r: r.made_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Confirmed or witnessed by"), lambda r: r.checked_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Reason"), lambda r: r.reason),
)
