"""The Chinese translation is complete, built, and no screen mixes languages."""

import ast
import os
from collections import Counter
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow, QMenu,
    QTreeWidget,
    QWidget,
)

from app.demo import BRANCH_TREE, DEMO_PASSWORD, STAFF
from ui.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
I18N = resource_path("i18n")
CATALOGUES = sorted(I18N.glob("*_zh_CN.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def ts_messages(ts=None):
    """(context, source, translation element) of one catalogue, or of every catalogue."""
    for path in [ts] if ts else CATALOGUES:
        for context in ET.parse(path).getroot().iter("context"):
            name = context.find("name").text
            for message in context.findall("message"):
                yield name, message.find("source").text, message.find("translation")


def test_every_catalogue_is_built():
    assert I18N / "vipdesk_zh_CN.ts" in CATALOGUES
    assert {p.stem for p in I18N.glob("*_zh_CN.qm")} == {p.stem for p in CATALOGUES}


def test_every_text_is_translated_with_its_placeholders():
    messages = list(ts_messages())
    assert len(messages) > 250
    for context, source, translation in messages:
        assert translation.get("type") is None, (context, source)
        assert translation.text, (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), \
            (context, source)
        assert ("&" in source.replace("&&", "")) == ("&" in translation.text), (context, source)


def app_marked_texts():
    """Every QT_TRANSLATE_NOOP("context", "text") call in app/ (found by the AST)."""
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", ""))
                    == "QT_TRANSLATE_NOOP" and len(node.args) == 2
                    and all(isinstance(a, ast.Constant) for a in node.args)):
                yield node.args[0].value, node.args[1].value


def test_texts_marked_in_app_are_in_the_translation():
    known = {(context, source) for context, source, _t in ts_messages()}
    marked = set(app_marked_texts())
    assert len(marked) > 40
    assert marked - known == set()


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_the_qm_is_built_from_the_ts(ts):
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    for context, source, translation in ts_messages(ts):
        assert translator.translate(context, source) == translation.text, (context, source)


# -- no mixed-language screen ------------------------------------------------------------------

from app.demo.queue import COUNTERS as QUEUE_COUNTERS, SERVICES as QUEUE_SERVICES
from app.tiers.rules import DEFAULT_TIER_POLICY

DATA_WORDS = ({u for u, *_ in STAFF} | {code for code, *_ in BRANCH_TREE} | {DEMO_PASSWORD}
              | {"zhang_wei", "admin", "BJ0103", "HO", "CSV", "PCI", "DSS", "UTC", "SQLite", "English"}
              | set(DEFAULT_TIER_POLICY.codes) | {"UTF", "GB"}  # tier codes, encoding names
              | {os.devnull, "PGPASSFILE", "pgpass"}  # the settings file the tests use, libpq's names
              | {"ESC", "POS", "CUPS", "Windows", "USB", "ttyUSB", "dev", "usb", "lp"})  # printers and devices
DATA_CJK = ({name for _u, name, *_ in STAFF} | {name for _c, name, *_ in BRANCH_TREE}
            | {f"{name}营业部" for _c, name, *_ in BRANCH_TREE} | {"中文"}
            | {name for _p, name in QUEUE_SERVICES} | {name for _n, name, *_ in QUEUE_COUNTERS})


def texts_on(widget: QWidget) -> list[str]:
    """The words a person can read on ``widget`` and its visible children."""
    found = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel):
            found.append(child.text())
        elif isinstance(child, QAbstractButton):
            found.append(child.text())
        elif isinstance(child, QGroupBox):
            found.append(child.title())
        elif isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        if isinstance(child, QComboBox):
            found.extend(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QTreeWidget):
            header = child.headerItem()
            found.extend(header.text(i) for i in range(child.columnCount()))
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # QListWidget's own model keeps it private: one column
                columns = 1
            found.extend(str(model.headerData(c, _HORIZONTAL) or "") for c in range(columns))
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                found.extend(str(model.index(row, c).data() or "") for c in range(columns))
    if isinstance(widget, QMainWindow):
        entries = widget.menuBar().actions()
        found.extend(entry.text() for entry in entries)
        # The menu bar's menus found as its children, not through QAction.menu(): in PySide6 6.9
        # (the Qt of the glibc 2.28 package) that call leaves the menu to be freed, and the next
        # language switch crashes. (Its overflow menu is no entry of its own.)
        for menu in widget.menuBar().findChildren(QMenu):
            if menu.menuAction() in entries:
                found.extend(action.text() for action in menu.actions())
    return [t for t in found if t]


from PySide6.QtCore import Qt
from tests.ui.saving import idle

_HORIZONTAL = Qt.Orientation.Horizontal


def strip_data(text: str, store_text: str) -> str:
    text = text.replace(store_text, "")
    text = re.sub(r"[a-z_]+[:.][a-z_.:]+", "", text)  # audit actors (signin:admin) and codes
    text = re.sub(r"\b(demo|setup)\b", "", text)
    text = re.sub(r"\{[a-z_]+\}", "", text)  # document template placeholders are names in code
    text = re.sub(r"[\u4e00-\u9fff]{1,2}\*+", "", text)  # masked customer names (张**)
    from PySide6.QtPrintSupport import QPrinterInfo

    printers = set(QPrinterInfo.availablePrinterNames())  # this machine's queues (CI's VIPDesk_PDF)
    for word in sorted(DATA_WORDS | DATA_CJK | printers, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def english_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", text)


def chinese(text: str) -> list[str]:
    return re.findall(r"[\u4e00-\u9fff]+", text)


def screens(main_window, qtbot, demo_store):
    """Every screen of this capability, as (name, widget) pairs, built in the current language."""
    from ui.login.window import LoginWindow

    admin = main_window("admin")
    built = []
    for key in admin.page_keys():
        built.append((f"admin/{key}", admin.open_page(key)))
    accounts = admin.open_page("accounts")
    accounts.select_username("teller")
    built.append(("account dialog", accounts.edit_selected()))
    built.append(("new account dialog", accounts.new_account()))
    built.append(("reset dialog", accounts.reset_selected()))
    branches = admin.open_page("branches")
    branches.select_code("BJ0101")
    built.append(("branch dialog", branches.add_child()))
    built.append(("admin window", admin))
    auditor = main_window("auditor")
    auditor.open_page("audit")
    built.append(("audit", auditor))
    built += _queue_screens(main_window, qtbot)
    locked = main_window("teller")
    locked.lock()
    built.append(("lock", locked))
    login = LoginWindow(admin.language)
    qtbot.addWidget(login)
    from app.demo import DemoLogin

    login.set_store(demo_store, demo_logins=[DemoLogin(u, d, b, tuple(r)) for u, d, b, r in STAFF])
    login.show()
    built.append(("login", login))
    return built


def _queue_screens(main_window, qtbot):
    """The lobby page with its dialogs, a counter after a call, the statistics, the lobby display."""
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    lobby.issue_button.click()  # at least one ticket today, whatever the hour (the demo's day may have just begun)
    qtbot.waitUntil(idle)
    lobby.view.selectRow(0)
    screens = [("queue lobby", lobby), ("queue priority", lobby.change_priority()),
               ("queue transfer", lobby.transfer()), ("queue reserve", lobby.reserve())]
    counter = main_window("teller").open_page("counter")
    counter.refresh()
    counter.counter_box.setCurrentIndex(counter.counter_box.findText("4", Qt.MatchFlag.MatchStartsWith))
    counter.pc = "0401"  # the PC's host name is data (in any script), not a text of the program
    counter.sign_in_button.click()
    qtbot.waitUntil(idle)
    counter.call_button.click()
    qtbot.waitUntil(idle)
    screens.append(("queue counter", counter))
    stats_page = main_window("manager").open_page("queue_stats")
    stats_page.refresh()
    screens.append(("queue statistics", stats_page))
    setup_page = main_window("lobby").open_page("queue_setup")
    setup_page.refresh()
    screens += [("queue setup", setup_page), ("queue service dialog", setup_page.add_service()),
                ("queue counter dialog", setup_page.add_counter()),
                ("queue opening hours", setup_page.change_opening_hours())]
    display = lobby.open_display()
    screens.append(("lobby display", display))
    return screens


def test_chinese_screens_have_no_english(qtbot, main_window, language, demo_store):
    language.set("zh_CN")
    problems = []
    for name, widget in screens(main_window, qtbot, demo_store):
        for text in texts_on(widget):
            leftover = english_words(strip_data(text, demo_store.describe()))
            if leftover:
                problems.append((name, text, leftover))
    assert problems == []


def test_english_screens_have_no_chinese(qtbot, main_window, language, demo_store):
    problems = []
    for name, widget in screens(main_window, qtbot, demo_store):
        for text in texts_on(widget):
            leftover = chinese(strip_data(text, demo_store.describe()))
            if leftover:
                problems.append((name, text, leftover))
    assert problems == []


def test_switching_back_and_forth_leaves_no_stale_text(qtbot, main_window, language, demo_store):
    window = main_window("admin")
    for key in window.page_keys():
        window.open_page(key)
    english = Counter(texts_on(window))
    language.set("zh_CN")
    assert Counter(texts_on(window)) != english
    language.set("en")
    again = Counter(texts_on(window))
    assert (english - again, again - english) == (Counter(), Counter())


def test_qt_s_own_dialogs_speak_chinese(qtbot, language):
    """A file dialog (Qt's own, not the platform's) and the locale of dates and numbers."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

    language.set("zh_CN")
    dialog = QFileDialog(None, "", "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    texts = {b.text() for b in buttons.buttons()}
    assert "取消" in texts and any(t.startswith("保存") for t in texts), texts
    assert QLocale().language() == QLocale.Language.Chinese
    language.set("en")
    assert QLocale().language() == QLocale.Language.English


def test_saved_files_are_named_for_what_they_hold_in_the_documents_folder(monkeypatch, tmp_path):
    from datetime import date

    import platformdirs

    import ui.dialogs as dialogs

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path))
    name = dialogs.file_name("客户", "BJ0101", suffix=".csv", day=date(2026, 12, 6))
    assert name == "客户-BJ0101-2026-12-06.csv"
    assert dialogs.file_name("a/b: c", "", suffix=".pdf") == "a_b_c.pdf"
    assert dialogs.in_documents(name) == str(tmp_path / name)
    assert dialogs.in_documents("/elsewhere/x.csv") == "/elsewhere/x.csv"
