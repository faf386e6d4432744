"""Audit trail page: lazy model, filters, details, CSV export and chain check off the GUI thread."""

import csv
from datetime import timedelta

import pytest

from app.audit.trail import AuditFilter, audit_page
from app.business_day import business_date
from app.auth.accounts import list_accounts, update_account
from app.auth.signin import sign_in
from app.errors import AuthError
from app.store import utcnow
from ui.audit.model import ACTION, AuditModel


@pytest.fixture
def page(main_window):
    return main_window("auditor").open_page("audit")


def actions(page):
    return [page.model.row_at(i).action for i in range(page.model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, demo_store, login_as):
    auditor = login_as("auditor").actor
    model = AuditModel(lambda before, limit: audit_page(demo_store, auditor, AuditFilter(),
                                                        before=before, limit=limit), page_size=4)
    model.reset(model._fetch)
    qtmodeltester.check(model)


def test_events_appear_newest_first(page):
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert len(rows) > 15
    assert [r.number for r in rows] == sorted((r.number for r in rows), reverse=True)
    assert rows[0].action == "signin.success" and rows[0].entity == "staff_account"
    assert page.model.index(0, ACTION).data() == "Signed in"


def test_fetch_more_loads_the_next_keyset_page(page):
    page.model.page_size = 5
    page.refresh()
    assert page.model.rowCount() == 5
    assert page.model.canFetchMore()
    last = page.model.row_at(4).number
    page.model.fetchMore()
    assert page.model.rowCount() == 10
    assert page.model.row_at(5).number == last - 1
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.row_at(page.model.rowCount() - 1).number == 1


def _all_rows(page) -> int:
    while page.model.canFetchMore():
        page.model.fetchMore()
    return page.model.rowCount()


def test_filters_narrow_the_trail(qtbot, page, demo_store):
    total = _all_rows(page)
    for _ in range(2):
        with pytest.raises(AuthError):
            sign_in(demo_store, "teller", "wrong password!")
    page.action_box.setCurrentIndex(page.action_box.findData("signin."))
    page.apply_button.click()
    assert set(actions(page)) == {"signin.success", "signin.failed"}
    page.action_box.setCurrentIndex(page.action_box.findData("signin.failed"))
    page.apply_button.click()
    assert actions(page) == ["signin.failed", "signin.failed"]
    page.clear_filter()
    page.entity_box.setCurrentIndex(page.entity_box.findData("branch"))
    page.apply_button.click()
    assert page.model.rowCount() == 8
    page.entity_id_edit.setText(str(page.model.row_at(0).entity_id))
    page.apply_button.click()
    assert page.model.rowCount() == 1
    page.clear_filter()
    page.actor_edit.setText("signin:auditor")
    page.apply_button.click()
    assert actions(page) == ["signin.success"]
    page.clear_filter()
    assert _all_rows(page) == total + 2


def test_date_filter_uses_whole_days_in_beijing(page):
    today = business_date(utcnow())
    page.set_dates(today + timedelta(days=1), None)
    page.apply_button.click()
    assert page.model.rowCount() == 0
    page.set_dates(today, today)
    page.apply_button.click()
    assert page.model.rowCount() > 0


def test_details_show_what_changed_as_named_fields(qtbot, page, demo_store, login_as):
    admin = login_as("admin").actor
    teller = next(a for a in list_accounts(demo_store, admin) if a.username == "teller")
    update_account(demo_store, admin, teller.id, expected_version=teller.version,
                   display_name="柜员 李娜娜", branch_id=teller.branch_id, roles=["counter_staff"])
    page.refresh()
    page.table.selectRow(0)
    text = page.details.toPlainText()
    assert "Account changed (account.update)" in text
    assert "\nFull name: 柜员 李娜 → 柜员 李娜娜\n" in text  # one line per field, before → after
    assert "\nRoles: Counter staff\n" in text  # unchanged, its value named
    assert "By: 系统管理员 (admin)" in text and "{" not in text


def test_export_writes_a_csv_off_the_gui_thread(qtbot, page, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "trail")
    task = page.export_csv()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    out, count = page.last_export
    assert out == tmp_path / "trail.csv"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Event", "Occurred at", "Actor"]   # the screen's language (English here)
    assert len(rows) == count + 1 and count > 15
    assert dialogs.of("info")[0][1] == "Export finished"
    assert page.model.row_at(0).action == "audit.export"  # the export itself is audited


def test_export_cancelled_by_the_user_writes_nothing(page, dialogs, tmp_path, monkeypatch):
    from app.audit.trail import export_audit
    from app.errors import Cancelled
    from ui.background import Progress

    progress = Progress(lambda done, total: None)
    progress.cancel()
    out = tmp_path / "stopped.csv"
    monkeypatch.setattr("app.outfile.PROGRESS_EVERY", 1)
    with pytest.raises(Cancelled):
        export_audit(page.context.store, page.context.actor, out, progress=progress)
    assert not out.exists() and not (tmp_path / "stopped.csv.part").exists()


def test_export_is_only_offered_with_the_permission(main_window):
    page = main_window("manager").open_page("audit")
    assert page.export_button.isHidden()
    assert page.export_csv() is None


def test_verify_chain_reports_intact(qtbot, page, dialogs):
    assert page.anchor_edit.isHidden()
    task = page.verify()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert page.last_verify.intact
    assert page.result_label.text().startswith("The audit chain is intact:")
    # the anchor of the heads just verified, to copy or note down
    from app.audit.anchor import parse_anchor
    from app.audit.trail import current_anchor

    assert not page.anchor_edit.isHidden() and page.anchor_edit.isReadOnly()
    assert parse_anchor(page.anchor_edit.text()) == page.last_verify.anchor == current_anchor(page.context.store)


def test_verify_chain_names_a_changed_event(qtbot, page, dialogs, demo_store):
    from sqlalchemy import text

    with demo_store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor_name = 'someone' WHERE id = 3"))
    task = page.verify()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert not page.last_verify.intact and page.anchor_edit.isHidden()
    (_kind, _title, message, details), = dialogs.of("error")
    assert "event No. 3" in message
    assert "changed after it was written" in details


def test_the_filter_offers_every_action_and_finds_who_viewed_a_customer(qtbot, page, demo_store, login_as):
    from sqlalchemy import select

    from app.customers.records import open_customer
    from app.glossary import AUDIT_ACTIONS
    from db.models import Customer

    offered = {page.action_box.itemData(i) for i in range(page.action_box.count())}
    assert set(AUDIT_ACTIONS) <= offered
    manager = login_as("manager").actor
    with demo_store.read() as session:
        customer_id = session.scalars(select(Customer.id).where(Customer.branch_id == manager.branch_id)).first()
    open_customer(demo_store, manager, customer_id)
    page.action_box.setCurrentIndex(page.action_box.findData("customer.view"))
    page.apply_button.click()
    assert set(actions(page)) == {"customer.view"}
    assert page.model.index(0, 2).data() == "行长 陈建国"  # by name, not user name
