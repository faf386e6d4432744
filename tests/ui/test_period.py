"""The period picker shared by the report pages: its days as picked, its edits found by the page's
name, its words in the user's language; each page starts it on its own period."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def test_the_picker_gives_the_days_picked_and_speaks_the_language(qtbot, language):
    from ui.period import PeriodPicker

    picker = PeriodPicker("report", date(2026, 3, 1), date(2026, 3, 31))
    qtbot.addWidget(picker)
    assert picker.dates() == (date(2026, 3, 1), date(2026, 3, 31))
    picker.findChild(QDateEdit, "reportStart").setDate(QDate(2026, 2, 27))
    assert picker.dates() == (date(2026, 2, 27), date(2026, 3, 31))
    assert (picker.from_label.text(), picker.to_label.text()) == ("From", "to")
    language.set("zh_CN")
    assert (picker.from_label.text(), picker.to_label.text()) == ("从", "至")


def test_each_report_page_starts_on_its_own_period(qtbot, main_window):
    window = main_window("manager")
    stats_start, stats_end = window.open_page("queue_stats").period.dates()
    assert stats_end - stats_start == timedelta(days=6)       # the last seven days
    performance_start, performance_end = window.open_page("clerk_performance").period.dates()
    assert performance_end == stats_end and performance_start == performance_end.replace(day=1)   # month so far


def test_the_choices_beside_the_period_fit_their_words_after_a_language_switch(qtbot, main_window, language):
    language.set("zh_CN")
    window = main_window("manager")
    boxes = {"queue_stats": ("by_box",), "clerk_performance": ("grain_box", "subject_box")}
    for key in boxes:
        window.open_page(key)
        qtbot.wait(50)          # shown, and sized, with the Chinese words
    language.set("en")          # the English ones are longer
    for key, names in boxes.items():
        page = window.open_page(key)
        qtbot.wait(50)          # the layout applies the new sizes
        for box in (getattr(page, name) for name in names):
            assert box.width() >= _fresh_width(box), box.objectName()


def _fresh_width(box) -> int:
    """The width a combo box first shown with ``box``'s items asks for: wide enough for them all."""
    from PySide6.QtWidgets import QComboBox

    fresh = QComboBox()
    fresh.addItems([box.itemText(i) for i in range(box.count())])
    return fresh.sizeHint().width()


def test_the_stock_reports_ask_for_their_period_with_the_picker(qtbot, main_window, language, demo_store,
                                                                 monkeypatch):
    from app.documents import reports
    from app.errors import UserError
    from ui.background import wait_for_background
    from ui.period import PeriodPicker

    asked = []
    for name in ("stock_counts", "destruction_register"):
        def record(store, actor, *, start, end, progress, _name=name):
            asked.append((_name, start, end))
            raise UserError("recorded")   # shown on the page; no document is made

        monkeypatch.setattr(reports, name, record)
    page = main_window("custodian").open_page("documents")
    tab = page.reports_tab
    assert tab.findChild(PeriodPicker, "reportPeriod") is tab.period
    today = demo_store.today()
    assert tab.period.dates() == (today.replace(day=1), today)   # this month so far, as before
    tab.period.start_edit.setDate(QDate(2026, 2, 27))
    tab.period.end_edit.setDate(QDate(2026, 3, 31))
    tab.count_button.click()
    wait_for_background()
    tab.destruction_button.click()
    wait_for_background()
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked == [("stock_counts", date(2026, 2, 27), date(2026, 3, 31)),
                     ("destruction_register", date(2026, 2, 27), date(2026, 3, 31))]

    assert (tab.period_label.text(), tab.period.from_label.text()) == ("Period", "From")
    language.set("zh_CN")   # switched live, the page open
    assert (tab.period_label.text(), tab.period.from_label.text(), tab.period.to_label.text()) == ("期间", "从", "至")
    assert tab.day_edit.displayFormat() == "yyyy-MM-dd" and tab.letters_month.displayFormat() == "yyyy-MM"
