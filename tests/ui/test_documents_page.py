"""The documents page: reports made off the GUI thread and shown in the QtPdf preview, printed
through an injected print service (the register counts the copies), saved safely; the verify
box; reprint as a copy; the template editor refusing an unknown placeholder; qtmodeltester."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from app.documents.register import RegisterFilter, register_page
from tests.db.helpers import actor_named
from ui.background import wait_for_background


@dataclass
class FakePrinting:
    copies: int = 1
    printed: list = field(default_factory=list)

    def print_pdf(self, parent, data, title, copies=1):
        self.printed.append((title, data[:5]))
        return self.copies


@pytest.fixture(autouse=True)
def _viewers_deleted(qapp):
    """Close and delete every preview before the next test (and before the interpreter ends)."""
    import gc

    from PySide6.QtCore import QEvent

    from ui.document_viewer import DocumentViewer

    yield
    wait_for_background()
    for widget in qapp.allWidgets():
        if isinstance(widget, DocumentViewer):
            widget.close()
            widget.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def documents(main_window, qtbot):
    def page(username, printing=None):
        window = main_window(username)
        documents_page = window.open_page("documents")
        documents_page.printing = printing or FakePrinting()
        documents_page.refresh()
        return documents_page

    return page


def _wait_viewer(qtbot, page):
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.isVisible(), timeout=30_000)
    return page.viewer


def test_a_report_opens_in_the_preview_prints_and_saves(documents, demo_store, dialogs, qtbot, tmp_path,
                                                        qtmodeltester):
    page = documents("custodian")
    page.tabs.setCurrentIndex(page.reports_index)
    page.reports_tab.destruction_button.click()
    viewer = _wait_viewer(qtbot, page)
    assert viewer.document.status() == QPdfDocument.Status.Ready and viewer.document.pageCount() >= 1
    assert "销毁登记簿" in viewer.made.subject

    viewer.print_button.click()
    assert page.printing.printed and page.printing.printed[0][1] == b"%PDF-"
    rows = register_page(demo_store, actor_named(demo_store, "custodian"), RegisterFilter(text=viewer.made.number))
    assert rows[0].printed == 1 and "printed 1" in viewer.info.text()

    dialogs.save_path = str(tmp_path / "register.pdf")
    viewer.save_button.click()
    assert (tmp_path / "register.pdf").read_bytes() == viewer.made.pdf
    assert dialogs.of("info")[-1][1] == "Saved"
    dialogs.save_path = str(tmp_path / "missing" / "x.pdf")
    viewer.save_button.click()
    assert "could not be written" in dialogs.of("warn")[-1][2]
    viewer.close_button.click()

    qtmodeltester.check(page.register_tab.model)
    assert page.register_tab.model.rowCount() == 1 and page.register_tab.model.row_at(0).number == viewer.made.number


def test_a_cancelled_print_is_not_counted(documents, demo_store, qtbot):
    page = documents("custodian", FakePrinting(copies=0))
    page.reports_tab.reconciliation_button.click()
    viewer = _wait_viewer(qtbot, page)
    viewer.print_button.click()
    assert "printed 0" in viewer.info.text()


def test_reprint_as_copy_from_the_register(documents, demo_store, qtbot, dialogs):
    page = documents("custodian")
    page.reports_tab.count_button.click()
    original = _wait_viewer(qtbot, page).made
    page.viewer.close_button.click()
    page.register_tab.reload()
    page.register_tab.view.selectRow(0)
    page.register_tab.reprint_button.click()
    qtbot.waitUntil(lambda: page.viewer is not None and page.viewer.made.number != original.number, timeout=30_000)
    copy = page.viewer.made
    rows = register_page(demo_store, actor_named(demo_store, "custodian"), RegisterFilter(text=copy.number))
    assert rows[0].copy_of == original.number
    page.viewer.close_button.click()
    page.register_tab.copies_box.setChecked(False)
    assert [page.register_tab.model.row_at(i).number for i in range(page.register_tab.model.rowCount())] == [original.number]


def test_the_verify_box(documents, demo_store, qtbot):
    page = documents("teller")
    custodian = actor_named(demo_store, "custodian")
    from app.documents import reports

    made = reports.stock_counts(demo_store, custodian, start=demo_store.today(), end=demo_store.today())
    payload = made.payloads[0]
    page.tabs.setCurrentIndex(page.verify_index)
    qtbot.keyClicks(page.verify_tab.payload_edit, payload)
    qtbot.keyClick(page.verify_tab.payload_edit, "\r")
    assert page.verify_tab.verdict.text() == "Genuine"
    assert made.number in page.verify_tab.verdict_details.text() and "Physical count" in page.verify_tab.verdict_details.text()
    page.verify_tab.payload_edit.setText(payload[:-3] + "AAA")
    page.verify_tab.verify_button.click()
    assert page.verify_tab.verdict.text() == "Altered or damaged" and "signature" in page.verify_tab.verdict_details.text()
    page.verify_tab.payload_edit.setText(payload[:12])
    page.verify_tab.verify_button.click()
    assert page.verify_tab.verdict.text() == "Altered or damaged" and "incomplete" in page.verify_tab.verdict_details.text()
    page.verify_tab.payload_edit.setText("6222021234567890")
    page.verify_tab.verify_button.click()
    assert page.verify_tab.verdict.text() == "Unknown"


def test_the_template_editor_saves_a_new_version_and_refuses_unknown_placeholders(documents, dialogs):
    page = documents("admin")
    assert page.tabs.isTabVisible(page.templates_index) and not page.tabs.isTabVisible(page.reports_index)
    page.tabs.setCurrentIndex(page.templates_index)
    keys = [page.templates_tab.template_list.item(i).data(256) for i in range(page.templates_tab.template_list.count())]
    page.templates_tab.template_list.setCurrentRow(keys.index("letter_welcome"))
    assert "{customer_name}" in page.templates_tab.template_edit.toPlainText() and "{customer_name}" in page.templates_tab.template_hint.text()
    text = page.templates_tab.template_edit.toPlainText()
    page.templates_tab.template_edit.setPlainText(text + "\n您的余额为 {balance}。\n")
    page.templates_tab.save_button.click()
    assert "{balance}" in dialogs.of("warn")[-1][2]
    page.templates_tab.template_edit.setPlainText(text.replace("感谢您长期以来", "衷心感谢您长期以来"))
    page.templates_tab.save_button.click()
    from app.documents.templates import shipped

    edited = shipped("letter_welcome").version + 1
    assert f"Version {edited}" in dialogs.of("info")[-1][2]
    assert f"v{edited}, edited" in page.templates_tab.template_list.currentItem().text()
    assert "衷心感谢" in page.templates_tab.template_edit.toPlainText()


def test_a_teller_has_stock_reports_but_no_template_editor_or_worklists(documents):
    page = documents("teller")
    assert not page.tabs.isTabVisible(page.templates_index)
    assert not page.reports_tab.stock_box.isHidden() and page.reports_tab.tier_box.isHidden()


def test_card_paperwork_is_printed_from_the_documents_page(documents, demo_store, qtbot, qtmodeltester):
    from app.cards.paperwork import paperwork_due

    page = documents("teller")
    teller = actor_named(demo_store, "teller")
    assert page.tabs.isTabVisible(page.paperwork_index)
    qtmodeltester.check(page.paperwork_tab.model)
    due = paperwork_due(demo_store, teller)
    assert page.paperwork_tab.model.rowCount() == min(len(due), page.paperwork_tab.model.page_size)
    first = page.paperwork_tab.model.row_at(0)
    page.paperwork_tab.view.selectRow(0)
    page.paperwork_tab.print_button.click()
    qtbot.waitUntil(lambda: getattr(page, "document_viewer", None) is not None and page.document_viewer.isVisible(),
                    timeout=30_000)
    viewer = page.document_viewer
    assert first.customer_name in viewer.made.subject
    viewer.print_button.click()
    assert first.id not in {r.id for r in paperwork_due(demo_store, teller)}
    printed = [r for r in paperwork_due(demo_store, teller, card_id=first.card_id, include_printed=True)
               if r.id == first.id][0]
    assert printed.document_id == viewer.made.id
    viewer.close_button.click()


def test_renewal_letters_for_a_month_in_one_pdf(documents, demo_store, qtbot):
    from PySide6.QtCore import QDate, QModelIndex

    from app.cards.paperwork import cards_expiring_in_month

    page = documents("teller")
    teller = actor_named(demo_store, "teller")
    today = demo_store.today()
    nxt = QDate(today.year, today.month, 1).addMonths(1)
    cards = cards_expiring_in_month(demo_store, teller, branch_code="BJ0101", year=nxt.year(), month=nxt.month())
    assert cards
    ids = {c.card_id for c in cards}

    def waiting_letters() -> set[int]:
        page.paperwork_tab.reload()
        while page.paperwork_tab.model.canFetchMore(QModelIndex()):
            page.paperwork_tab.model.fetchMore(QModelIndex())
        rows = [page.paperwork_tab.model.row_at(r) for r in range(page.paperwork_tab.model.rowCount())]
        return ids & {r.card_id for r in rows if r.kind == "renewal_due"}

    assert waiting_letters()  # the demo recorded renewal-due letters for (some of) these cards
    page.reports_tab.letters_month.setDate(nxt)
    page.reports_tab.letters_button.click()
    viewer = _wait_viewer(qtbot, page)
    assert viewer.made.kind == "renewal_batch" and len(viewer.made.piece_pages) == len(cards)
    viewer.close_button.click()
    assert not waiting_letters()  # printed with the batch: none waits on the paperwork tab any more


def test_the_card_screen_prints_an_unsigned_agreement(main_window, demo_store, qtbot):
    window = main_window("teller")
    cards_page = window.open_page("cards")
    cards_page.refresh()
    assert cards_page.unsigned_model.rowCount() >= 1
    cards_page.unsigned_view.selectRow(0)
    cards_page.print_agreement_button.click()
    qtbot.waitUntil(lambda: getattr(cards_page, "document_viewer", None) is not None
                    and cards_page.document_viewer.isVisible(), timeout=30_000)
    made = cards_page.document_viewer.made
    assert made.kind == "agreement" and "贵宾服务协议" in made.subject
    cards_page.document_viewer.close_button.click()


def test_the_queue_statistics_page_makes_its_report_as_a_pdf(main_window, demo_store, qtbot):
    from tests.documents.support import pdf_text

    window = main_window("manager")
    page = window.open_page("queue_stats")
    page.printing = FakePrinting()
    day = page.period.end_edit.date().addDays(-1)  # the demo's yesterday is a full day of tickets
    page.period.start_edit.setDate(day)
    page.period.end_edit.setDate(day)
    assert page.report_button.text() == "Report as PDF…"
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.document_viewer is not None and page.document_viewer.isVisible(), timeout=60_000)
    made = page.document_viewer.made
    text = "".join(pdf_text(made.pdf)).replace("\n", "")
    assert made.kind == "report_queue_day" and "贵宾排队服务统计报表" in text
    assert f"统计期间：{day.toString('yyyy-MM-dd')}" in text and "北京朝阳支行" in text
    page.document_viewer.print_button.click()
    assert len(page.printing.printed) == 1
    manager = actor_named(demo_store, "manager")
    row = register_page(demo_store, manager, RegisterFilter(kind="report_queue_day"))[0]
    assert row.number == made.number and row.printed == 1
