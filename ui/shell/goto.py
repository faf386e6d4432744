"""Reaching every page without the mouse: the 转到 (Go) menu lists the navigation's pages, the
first nine on Ctrl+1…Ctrl+9, and Ctrl+0 puts the keyboard in the navigation list itself.

The keys are named where a person looks for them: in the menu beside each page and in the
navigation's tooltips ("客户 (Ctrl+1)"), as Chinese banking software shows its shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QMenu, QWidget

from ui.shell.pages import PageSpec

NAVIGATION_KEY = "Ctrl+0"
KEYED_PAGES = 9  # Ctrl+1 … Ctrl+9


def page_key(row: int) -> str:
    """The shortcut of the navigation's ``row``-th page ("" past the ninth)."""
    return f"Ctrl+{row + 1}" if row < KEYED_PAGES else ""


def shown_key(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class GotoMenu(QMenu):
    """One action per page of ``specs`` (``open_row(row)`` shows it) and one for the navigation
    list; the actions live on ``window`` so their keys work wherever the focus is in it."""

    def __init__(self, window: QWidget, specs: Sequence[PageSpec], navigation: QListWidget,
                 open_row: Callable[[int], None]):
        super().__init__(window)
        self.setObjectName("gotoMenu")
        self.specs, self.navigation = list(specs), navigation
        self.navigation_action = QAction(window)
        self.navigation_action.setShortcut(QKeySequence(NAVIGATION_KEY))
        self.navigation_action.triggered.connect(self.focus_navigation)
        self.addAction(self.navigation_action)
        self.addSeparator()
        self.page_actions: list[QAction] = []
        for row, _spec in enumerate(self.specs):
            action = QAction(window)
            if page_key(row):
                action.setShortcut(QKeySequence(page_key(row)))
            action.triggered.connect(lambda _checked=False, r=row: open_row(r))
            self.addAction(action)
            self.page_actions.append(action)
        for action in (self.navigation_action, *self.page_actions):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)

    def set_keys_enabled(self, enabled: bool) -> None:
        """Off behind the lock screen: no page opens until the person unlocks."""
        for action in (self.navigation_action, *self.page_actions):
            action.setEnabled(enabled)

    def focus_navigation(self) -> None:
        self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate(self) -> None:
        """Titles in the current language; the navigation's tooltips name each page's key."""
        self.setTitle(QCoreApplication.translate("GotoMenu", "&Go"))
        self.navigation_action.setText(QCoreApplication.translate("GotoMenu", "&Navigation list"))
        for row, (spec, action) in enumerate(zip(self.specs, self.page_actions)):
            title = spec.translated_title()
            action.setText(title)
            key = page_key(row)
            item = self.navigation.item(row)
            item.setToolTip(f"{title} ({shown_key(key)})" if key else title)
        self.navigation.setToolTip(QCoreApplication.translate(
            "GotoMenu", "Pages ({key}: the keyboard goes here)").format(key=shown_key(NAVIGATION_KEY)))
