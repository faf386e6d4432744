"""Message boxes and file pickers behind one small object, so tests can answer them.

Windows and pages receive a :class:`Dialogs` and never call ``QMessageBox``/``QFileDialog``
themselves. Tests pass a fake with the same methods that records what was asked and returns
prepared answers, so nothing blocks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


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
        """A path to write to, or None when the user cancels."""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        """A path to read from, or None when the user cancels."""
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None
