"""Custom item-data roles shared by the table models and their views (named in one place)."""

from __future__ import annotations

from PySide6.QtCore import Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1   # the plain row object behind a table row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (times, numbers)
