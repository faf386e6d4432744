"""Small widget helpers shared by windows, pages and dialogs (cheap to import: no app code)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPushButton, QWidget


def bind_key(button: QAbstractButton, key: str, tip: str = "") -> None:
    """Give ``button`` a keyboard shortcut and name it in its tooltip: "Call next (F5)". Call
    after ``setText`` (setting a text resets a button's shortcut to its mnemonic); the key works
    while the button is shown and enabled."""
    button.setShortcut(QKeySequence(key))
    shown = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip or button.text().replace('&', '')} ({shown})")


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with Alt+``letter`` as its mnemonic, the way each language shows one: the letter
    underlined where the text has it ("&New account…"), else "(&N)" after the words, before a
    trailing "…", as Chinese software writes it ("新建账户(&N)…")."""
    at = text.lower().find(letter.lower())
    if at >= 0:
        return f"{text[:at]}&{text[at:]}"
    words, dots = (text[:-1], "…") if text.endswith("…") else (text, "")
    return f"{words}(&{letter.upper()}){dots}"


def password_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline ``widget`` in red (style sheet: ``[invalid="true"]``) or clear the outline."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def error_label(parent: QWidget | None = None) -> QLabel:
    """A red, wrapping line for a reason; hidden while empty."""
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_text(label: QLabel, text: str) -> None:
    """Set ``label``'s text and show it only when there is something to say."""
    label.setText(text)
    label.setVisible(bool(text))


def styled_label(role: str, parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label with a style-sheet role: "title", "hint" or "error"."""
    label = QLabel(parent)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label


def named_button(parent: QWidget, name: str, visible: bool = True) -> QPushButton:
    """A push button with an object name (for tests and style sheets), its text set by the
    screen's ``retranslateUi``; hidden when the person may not use it."""
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setVisible(visible)
    return button
