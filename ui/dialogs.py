"""Message boxes and file pickers behind one small object, so tests can answer them.

Windows and pages receive a :class:`Dialogs` and never call ``QMessageBox``/``QFileDialog``
themselves. Tests pass a fake with the same methods that records what was asked and returns
prepared answers, so nothing blocks.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')  # not allowed in a Windows file name, or blank


def file_name(*parts: str, suffix: str, day: date | None = None) -> str:
    """A file name that says what is in it: the parts (what, whose) and the day, joined by
    "-", e.g. ``客户-BJ0101-2026-12-06.csv``; characters a file name may not hold are dropped."""
    words = [_UNSAFE.sub("_", p).strip("_") for p in (*parts, day.isoformat() if day else "")]
    return "-".join(w for w in words if w) + suffix


def in_documents(name: str) -> str:
    """Where a save dialog first proposes ``name``: the user's documents folder (a bare name
    would land in whatever folder the program was started from)."""
    from platformdirs import user_documents_dir  # when first saving, not at start-up

    return name if Path(name).is_absolute() else str(Path(user_documents_dir()) / name)


class Dialogs:
    """The real thing: modal Qt message boxes and file dialogs."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        """A path to write to, or None when the user cancels; ``suggested`` (a name) is
        proposed in the user's documents folder."""
        path, _ = QFileDialog.getSaveFileName(parent, title, in_documents(suggested), filters)
        return path or None

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        """A path to read from, or None when the user cancels."""
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None
