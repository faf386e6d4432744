"""Reports as registered documents: the data is on the page, the QR verifies, nothing unmasked."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.audit.anchor import parse_anchor
from app.audit.trail import current_anchor, verify_chain
from app.business_day import day_start
from app.documents import templates as tpl
from app.documents import reports
from app.documents.verify import verify_document
from app.queue.day_report import queue_day
from app.errors import NotFound, PermissionDenied, ValidationError
from app.stock import books, views
from app.store import Store
from app.tiers.evaluation import latest_evaluation, worklist_counts
from tests.db.helpers import actor_named
from tests.db.queuehelp import known_day, make_queue
from tests.documents.support import UNMASKED_ID, page_images, pdf_text, qr_codes


def check_document(store, actor, made, *expected):
    """Every expected text is in the PDF, no ID in full, every page's QR verifies as this document."""
    pages = pdf_text(made.pdf)
    text = "".join(pages).replace("\n", "")  # table cells wrap inside their column
    bare = re.sub(r"\s+", "", text)  # a line that breaks at a space drops it ("2026-12-07" / "00:30")
    for item in expected:
        assert re.sub(r"\s+", "", str(item)) in bare, item
    assert not re.search(UNMASKED_ID, text)
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    for image in page_images(made.pdf, dpi=110):
        codes = qr_codes(image)
        assert len(codes) == 1
        verdict = verify_document(store, actor, codes[0])
        assert verdict.genuine and verdict.described.number == made.number
    return text


def _person(store, username: str) -> str:
    """How a register names a colleague: their name (the display name's last word, since a
    table cell may wrap between title and name)."""
    return actor_named(store, username).display_name.split()[-1]


def test_stock_reconciliation_report(demo_store):
    manager = actor_named(demo_store, "manager")
    today = demo_store.today()
    lines = books.reconcile_day(demo_store, manager, branch_code="BJ0101", business_date=today - timedelta(days=1))
    anchor = verify_chain(demo_store).anchor.text()  # the trail as it stands before the report
    made = reports.stock_reconciliation(demo_store, manager, business_date=today - timedelta(days=1))
    text = check_document(demo_store, manager, made, "空白卡日终轧账表", "北京朝阳支行", (today - timedelta(days=1)).isoformat(),
                          "白金卡", "金库", "短缺序号", f"审计锚点：{anchor}")
    for line in lines:
        assert line.location_name in text
    assert made.kind == "report_stock_reconciliation"
    after = verify_chain(demo_store, anchor=parse_anchor(anchor))  # the report's own event since
    assert after.intact and after.anchor_problem == "" and after.anchor.text() != anchor


def test_the_reconciliation_prints_its_anchor_even_from_a_template_that_left_it_out(sqlite_demo_store):
    store = sqlite_demo_store
    body = tpl.shipped("report_stock_reconciliation").body
    edited = "\n".join(line for line in body.splitlines() if "audit_anchor" not in line and "（制表时" not in line)
    tpl.save_template(store, actor_named(store, "admin"), "report_stock_reconciliation", edited)
    anchor = current_anchor(store).text()
    made = reports.stock_reconciliation(store, actor_named(store, "manager"), business_date=store.today())
    text = "".join(pdf_text(made.pdf)).replace("\n", "")
    assert f"审计锚点：{anchor}" in text
    assert text.index(anchor) < text.index("轧账人：")  # before the signatures


def test_physical_count_report(demo_store):
    custodian = actor_named(demo_store, "custodian")
    custodian2 = actor_named(demo_store, "custodian2")
    vault = next(i for i, _c, _n, kind in views.locations(demo_store, custodian) if kind == "vault")
    count = books.record_count(demo_store, custodian, location_id=vault, card_type="diamond",
                               serials="C00300009-C00300039", witness_id=custodian2.account_id)
    today = demo_store.today()
    made = reports.stock_counts(demo_store, custodian, start=today - timedelta(days=7), end=today)
    check_document(demo_store, custodian, made, "空白卡盘点表", "钻石卡", count.expected, count.counted,
                   _person(demo_store, "custodian2"),
                   "本期共盘点 1 次")


def test_a_count_belongs_to_its_day_in_beijing_and_shows_beijing_time(demo_store):
    """A count at 00:30 in Beijing is on the previous day in UTC: the report for its Beijing
    day lists it at 00:30, the report for the day before does not."""
    today = demo_store.today()
    moment = day_start(today) + timedelta(minutes=30)
    store = Store(demo_store.engine, clock=lambda: moment, keys=demo_store.keys)
    custodian = actor_named(store, "custodian")
    vault = next(i for i, _c, _n, kind in views.locations(store, custodian) if kind == "vault")
    books.record_count(store, custodian, location_id=vault, card_type="diamond",
                       serials="C00300009-C00300039", witness_id=actor_named(store, "custodian2").account_id)
    made = reports.stock_counts(store, custodian, start=today, end=today)
    check_document(store, custodian, made, f"{today.isoformat()} 00:30", "本期共盘点 1 次")
    yesterday = today - timedelta(days=1)
    check_document(store, custodian, reports.stock_counts(store, custodian, start=yesterday, end=yesterday),
                   "本期共盘点 0 次")


def test_destruction_register_has_witness_signature_lines(demo_store):
    custodian = actor_named(demo_store, "custodian")
    today = demo_store.today()
    made = reports.destruction_register(demo_store, custodian, start=today - timedelta(days=60), end=today)
    text = check_document(demo_store, custodian, made, "销毁登记簿", "B00200007", _person(demo_store, "manager"),
                          _person(demo_store, "custodian"), "作废：制卡印刷错误", "监销人签字", "监销人：")
    assert text.count("监销人") >= 3
    assert "custodian" not in text and "manager" not in text  # names, not usernames


def test_tier_worklist_report_shows_masked_phones(demo_store):
    manager = actor_named(demo_store, "manager")
    evaluation = latest_evaluation(demo_store, manager)
    counts = worklist_counts(demo_store, manager, evaluation.id)
    kind = max(counts, key=counts.get)
    made = reports.tier_worklist(demo_store, manager, evaluation_id=evaluation.id, kind=kind)
    text = check_document(demo_store, manager, made, "客户等级评定工作清单", f"本清单共 {counts[kind]} 名客户")
    assert not re.search(r"1[3-9]\d{9}", text)  # no phone in full
    assert re.search(r"1[3-9]\d\*{4}\d{4}", text) or counts[kind] == 0


def test_reports_check_permission_scope_and_period(sqlite_demo_store):
    store = sqlite_demo_store
    today = store.today()
    with pytest.raises(PermissionDenied):
        reports.stock_counts(store, actor_named(store, "lobby"), start=today, end=today)
    with pytest.raises(NotFound):
        reports.stock_reconciliation(store, actor_named(store, "sh_manager"), business_date=today,
                                     branch_code="BJ0101")
    with pytest.raises(ValidationError, match="before the start"):
        reports.destruction_register(store, actor_named(store, "custodian"), start=today, end=today - timedelta(days=1))
    with pytest.raises(PermissionDenied):
        reports.tier_worklist(store, actor_named(store, "teller"), evaluation_id=1, kind="upgrade")


def test_queue_day_report_shows_the_figures_by_service_tier_and_counter(demo_store):
    from app.queue.stats import period_totals, ticket_stats

    q = make_queue(demo_store)
    known_day(q)  # the test service: waits 2, 4, 6 and 8 (a no-show) minutes; service 5, 3, 10
    day = q.clock.now.date()
    made = queue_day(q.store, q.manager, start=day)
    assert made.kind == "report_queue_day"
    text = check_document(q.store, q.manager, made, "贵宾排队服务统计报表", "北京朝阳支行", "BJ0101",
                          f"统计期间：{day.isoformat()}", "按服务统计", "按客户等级统计", "按柜台统计", "大堂经理：")
    cells = [line.strip() for page in pdf_text(made.pdf) for line in page.splitlines()]
    # the test service's line: 4 tickets, 3 served, 1 no-show; waits 2, 4, 6, 8 minutes; service 5, 3, 10
    at = cells.index("T 测试业务")
    assert cells[at + 1:at + 9] == ["4", "3", "1", "5.0", "8.0", "6.0", "10.0", "8.0"]
    at = cells.index("T1")
    assert cells[at + 1:at + 9] == ["3", "3", "0", "4.0", "6.0", "6.0", "10.0", "6.0"]
    at = cells.index("T2")
    assert cells[at + 1:at + 9] == ["1", "0", "1", "8.0", "8.0", "—", "—", "8.0"]
    # every table closes with the day's totals, and the summary says them too
    total = period_totals(q.store, q.manager, start=day, end=day)
    assert total.tickets == sum(r.tickets for r in ticket_stats(q.store, q.manager, start=day, end=day, by="service"))
    assert cells.count("合计") == 3
    assert f"本期共取号 {total.tickets} 张，已办理 {total.served} 张，过号 {total.no_shows} 张" in text
    tiers = [tier for tier in ("普通客户", "金卡客户", "白金客户", "钻石客户", "私人银行客户") if tier in cells]
    assert tiers and [c for c in cells if c in tiers] == tiers  # listed from ordinary up


def test_queue_report_for_a_period_checks_permission_and_period(sqlite_demo_store):
    store = sqlite_demo_store
    manager = actor_named(store, "manager")
    today = store.today()
    made = queue_day(store, manager, start=today - timedelta(days=2), end=today)
    text = "".join(pdf_text(made.pdf)).replace("\n", "")
    assert f"统计期间：{(today - timedelta(days=2)).isoformat()} 至 {today.isoformat()}" in text
    assert made.subject.startswith("排队服务统计报表 BJ0101")
    with pytest.raises(PermissionDenied):
        queue_day(store, actor_named(store, "teller"), start=today)
    with pytest.raises(NotFound):
        queue_day(store, actor_named(store, "sh_manager"), start=today, branch_code="BJ0101")
    with pytest.raises(ValidationError):
        queue_day(store, manager, start=today, end=today - timedelta(days=1))
