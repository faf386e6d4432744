"""Walking every page of a role's main window and reading what a person would see on it:
the tables (headers and masked values cut short), and every text on screen."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QDialog, QLabel, QTableView, QTabWidget, QWidget,
)

import pytest
from PySide6.QtGui import QFont

from ui.background import wait_for_background
from ui.resources import load_style, register_fonts
from ui.tables import FREE_TEXT_WIDEST, is_masked

COUNTER_PC = QSize(1366, 768)
ROLES = ("admin", "auditor", "manager", "teller", "lobby", "advisor", "custodian")


@pytest.fixture
def dressed(qapp):
    """The application as ``run_gui`` dresses it: the shipped CJK font and the style sheet
    (text is measured in the font a person sees); the plain test look comes back afterwards."""
    font, style = QFont(qapp.font()), qapp.styleSheet()
    register_fonts(qapp)
    load_style(qapp)
    yield qapp
    qapp.setFont(font)
    qapp.setStyleSheet(style)


def settle(qtbot) -> None:
    """Let background loads finish and their results land."""
    wait_for_background()
    QApplication.processEvents()
    wait_for_background()
    QApplication.processEvents()


def tab_states(page: QWidget):
    """Yield once for every tab of every tab widget on ``page`` (and once for the page)."""
    yield
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index) and tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                yield


def visit(window, qtbot):
    """Open every page of ``window`` (and each of its tabs); yields (page key, page)."""
    for key in window.page_keys():
        page = window.open_page(key)
        settle(qtbot)
        for _ in tab_states(page):
            settle(qtbot)
            yield key, page


def cut_short(view: QTableView) -> list[str]:
    """Headers of ``view`` and cells of its visible rows that do not fit their column: a masked
    value ever, any other text in a column narrower than free text gets."""
    problems = []
    header = view.horizontalHeader()
    model = view.model()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if title and header.sectionSize(column) < header.sectionSizeHint(column):
            problems.append(f"header {title!r}: {header.sectionSize(column)} < {header.sectionSizeHint(column)}")
    first = max(view.rowAt(0), 0)
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    for row in range(first, last + 1):
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            index = model.index(row, column)
            text = str(index.data() or "")
            width, needed = view.columnWidth(column), view.sizeHintForIndex(index).width()
            if needed <= width or view.indexWidget(index) is not None:
                continue
            if is_masked(text):
                problems.append(f"cell {text!r} in column {column}: {width} wide, needs {needed}")
            elif width < FREE_TEXT_WIDEST and column < header.count() - 1:  # not free text: whole
                problems.append(f"cell {text!r} cut in a column only {width} wide (needs {needed})")
    return problems


def visible_tables(page: QWidget) -> list[QTableView]:
    return [view for view in page.findChildren(QTableView) if view.isVisible()]


def visible_texts(page: QWidget) -> list[str]:
    """Every text a person can read on ``page`` now: labels, buttons, lists, table cells."""
    texts = []
    for label in page.findChildren(QLabel):
        if label.isVisible():
            texts.append(label.text())
    for button in page.findChildren(QAbstractButton):
        if button.isVisible():
            texts.append(button.text())
    for combo in page.findChildren(QComboBox):
        if combo.isVisible():
            texts.extend(combo.itemText(i) for i in range(combo.count()))
    for view in visible_tables(page):
        model = view.model()
        for row in range(min(model.rowCount(), 200)):
            for column in range(model.columnCount()):
                texts.append(str(model.index(row, column).data() or ""))
    return texts


def opens_a_dialog(button: QAbstractButton) -> bool:
    """A shown, enabled button whose text ends in "…" (the convention: it opens a dialog)."""
    return button.isVisible() and button.isEnabled() and button.text().rstrip().endswith("…")


def dialogs_of(page: QWidget, qtbot):
    """Open, one after the other, every dialog a button of ``page`` opens as it stands (the first
    row of each of its tables selected, so that buttons wanting a selection open theirs too);
    yields (the button's name, the dialog) while the dialog is shown, then closes it."""
    for view in visible_tables(page):
        if view.model().rowCount():
            view.selectRow(0)
    settle(qtbot)
    for button in [b for b in page.findChildren(QAbstractButton) if opens_a_dialog(b)]:
        if opens_a_dialog(button):  # unless an earlier dialog changed the page
            yield from _opened(qtbot, button.objectName() or button.text(), button.click)
    for view in visible_tables(page):  # Enter on a row: a record's own dialog (a customer's view)
        if view.isVisible() and view.model().rowCount():
            view.selectRow(0)
            yield from _opened(qtbot, f"{view.objectName()}:Enter",
                               lambda v=view: qtbot.keyClick(v, Qt.Key.Key_Return))


def _opened(qtbot, name: str, act):
    """``act()``, then each window it opened, shown, yielded as (``name``, window) and closed."""
    before = set(QApplication.topLevelWidgets())
    act()
    settle(qtbot)
    for opened in [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]:
        yield name, opened
        if isinstance(opened, QDialog):
            opened.reject()
        else:
            opened.close()
        settle(qtbot)


def untranslated_codes(texts: list[str], codes) -> list[str]:
    """The texts that show one of ``codes`` (an audit action's code) instead of its name."""
    return [text for text in texts if any(code in text for code in codes)]


def bare_usernames(texts: list[str], people: dict[str, str]) -> list[str]:
    """The texts of a Chinese screen naming a person by user name alone: ``people`` maps each
    user name to the person's name, which must stand beside it when the user name shows."""
    found = []
    for text in texts:
        for username, name in people.items():
            if re.search(rf"(?<![\w.@]){re.escape(username)}(?![\w.@])", text) and name not in text:
                found.append(f"{username!r} without {name!r} in {text!r}")
    return found
