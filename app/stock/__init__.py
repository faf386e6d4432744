"""The blank-card stock (重要空白凭证): serials kept in the vault and the tellers' drawers.

``rules`` holds the pure rules (serials, the blank-card state machine, reconciliation
arithmetic); ``common`` what every stock service shares (locations, scope, the closed day);
``moves`` receipt, dual-control transfers, issue, spoilage, returns and destruction; ``books``
day-end reconciliation, blind counts, minimum levels and their alerts; ``views`` what the
screens and exports read.
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "books": ("CountResult", "DayLine", "StockAlert", "reconcile_day", "record_count", "set_minimum",
              "sign_off", "sign_off_blocker", "stock_alerts", "vault_id"),
    "moves": ("MoveResult", "confirm", "confirm_on_the_spot", "destroy", "issue_serial", "receive",
              "record_return", "reject", "request_transfer", "spoil"),
    "views": ("CardInfo", "HistoryRow", "LocationStock", "MoveRow", "Person", "RegisterFilter",
              "colleagues", "drawers_of_branch", "export_stock", "locations", "moves_to_confirm",
              "my_moves_awaiting", "on_hand_count", "pending_moves", "register_page", "serial_history",
              "stock_by_location"),
})
