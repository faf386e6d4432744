"""Care services on the demo store (SQLite and PostgreSQL): contact records and their version
check, the complaint lifecycle and escalation, assignment with the cap, hand-over and the
account that cannot be disabled while it holds customers, the worklist and the dashboard."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.auth.accounts import list_accounts, set_disabled
from app.care import assignment, complaints, contacts, dashboard, worklist
from app.care.common import care_policy, save_policy
from app.care.contacts import ContactInput
from app.care.rules import CarePolicy, local_today
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.store import Store
from db.models import Complaint, ContactRecord, Customer, StaffAccount
from tests.db.helpers import actor_named


def _later(store, **delta) -> Store:
    moment = store.clock() + timedelta(**delta)
    return Store(store.engine, clock=lambda: moment, keys=store.keys)


def _advisor_customer(store, tier=None):
    advisor = actor_named(store, "advisor")
    with store.read() as session:
        query = select(Customer.id).where(Customer.relationship_manager_id == advisor.account_id)
        if tier:
            query = query.where(Customer.tier == tier)
        return session.scalar(query.order_by(Customer.id.desc()).limit(1))


def _count(store, model) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_follow_up_in_the_past_is_refused_and_nothing_is_recorded(demo_store):
    advisor = actor_named(demo_store, "advisor")
    before = _count(demo_store, ContactRecord)
    today = local_today(demo_store.clock())
    with pytest.raises(ValidationError) as caught:
        contacts.record_contact(demo_store, advisor, _advisor_customer(demo_store), ContactInput(
            method="phone", content="回访", follow_up_on=today - timedelta(days=1)))
    assert caught.value.field == "Follow-up date"
    assert _count(demo_store, ContactRecord) == before


def test_two_managers_editing_one_record_lose_nothing(demo_store):
    advisor, manager = actor_named(demo_store, "advisor"), actor_named(demo_store, "manager")
    record = contacts.record_contact(demo_store, advisor, _advisor_customer(demo_store), ContactInput(
        method="visit", content="上门拜访", place="客户单位"))
    first = contacts.update_contact(demo_store, advisor, record.id, ContactInput(
        method="visit", content="上门拜访，介绍养老理财", place="客户单位"), expected_version=record.version)
    with pytest.raises(ConflictError, match="changed by someone else"):
        contacts.update_contact(demo_store, manager, record.id, ContactInput(
            method="phone", content="行长补充"), expected_version=record.version)
    now = contacts.contact(demo_store, advisor, record.id)
    assert now.content == first.content == "上门拜访,介绍养老理财" and now.method == "visit" and now.version == first.version


def test_a_contact_in_the_future_is_refused(demo_store):
    advisor = actor_named(demo_store, "advisor")
    with pytest.raises(ValidationError) as caught:
        contacts.record_contact(demo_store, advisor, _advisor_customer(demo_store), ContactInput(
            method="phone", content="x", contacted_at=datetime(2099, 1, 1, 9, 0)))
    assert caught.value.field == "Contacted at"


def test_complaint_lifecycle_and_no_closing_without_resolution(demo_store):
    lobby, manager, advisor = (actor_named(demo_store, u) for u in ("lobby", "manager", "advisor"))
    customer = _advisor_customer(demo_store, "gold")
    c = complaints.accept_complaint(demo_store, lobby, customer, channel="counter", content="排队太久", level=2)
    assert c.state == "accepted" and c.vip and c.deadline_at - c.accepted_at == timedelta(hours=8)
    c = complaints.assign_complaint(demo_store, manager, c.id, advisor.account_id, expected_version=c.version)
    assert c.state == "assigned" and c.assigned_to_name == advisor.display_name
    with pytest.raises(PermissionDenied):  # the lobby manager is not the handler
        complaints.start_investigation(demo_store, lobby, c.id, expected_version=c.version)
    c = complaints.start_investigation(demo_store, advisor, c.id, expected_version=c.version, note="核实中")
    with pytest.raises(ValidationError) as caught:
        complaints.close_complaint(demo_store, advisor, c.id, expected_version=c.version,
                                   satisfaction="satisfied", resolution="  ")
    assert caught.value.field == "Resolution"
    assert complaints.complaint(demo_store, advisor, c.id) == c        # nothing changed
    c = complaints.resolve_complaint(demo_store, advisor, c.id, expected_version=c.version,
                                     resolution="已增开贵宾窗口")
    with pytest.raises(ValidationError) as caught:
        complaints.close_complaint(demo_store, advisor, c.id, expected_version=c.version, satisfaction="")
    assert caught.value.field == "Satisfaction"
    c = complaints.close_complaint(demo_store, advisor, c.id, expected_version=c.version,
                                   satisfaction="satisfied", note="客户满意")
    assert c.state == "closed" and c.resolution == "已增开贵宾窗口" and c.closed_at is not None
    with pytest.raises(ValidationError):
        complaints.resolve_complaint(demo_store, advisor, c.id, expected_version=c.version, resolution="再次")


def test_overdue_complaints_escalate_to_the_branch_manager_once(demo_store):
    lobby = actor_named(demo_store, "lobby")
    c = complaints.accept_complaint(demo_store, lobby, _advisor_customer(demo_store), channel="phone",
                                    content="转账失败", level=1)
    assert complaints.escalate_overdue(_later(demo_store, hours=4), lobby) == 0 or \
        complaints.complaint(demo_store, lobby, c.id).escalated_at is None
    later = _later(demo_store, hours=5, minutes=1)
    assert complaints.escalate_overdue(later, lobby) >= 1
    row = complaints.complaint(demo_store, lobby, c.id)
    assert row.escalated_at is not None and row.escalated_to_name == "行长 陈建国"
    assert complaints.escalate_overdue(later, lobby) == 0
    assert c.id in [r.id for r in complaints.list_complaints(later, lobby, which="overdue")]


def test_reassignment_over_the_cap_is_refused_whole(demo_store):
    admin, manager = actor_named(demo_store, "admin"), actor_named(demo_store, "manager")
    teller = actor_named(demo_store, "teller")
    save_policy(demo_store, admin, CarePolicy(manager_cap=3))
    ids = [r.id for r in assignment.unkept_customers(demo_store, manager) if "no_manager" in r.reasons][:5]
    with pytest.raises(ValidationError) as caught:
        assignment.assign_customers(demo_store, manager, ids[:4], teller.account_id)
    assert caught.value.field == "Relationship manager" and "cap is 3" in str(caught.value)
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(Customer).where(
            Customer.relationship_manager_id == teller.account_id)) == 0
    assert assignment.assign_customers(demo_store, manager, ids[:3], teller.account_id) == 3
    assert care_policy(demo_store).manager_cap == 3


def test_hand_over_then_the_account_may_be_disabled(demo_store):
    admin, manager = actor_named(demo_store, "admin"), actor_named(demo_store, "manager")
    advisor, lobby = actor_named(demo_store, "advisor"), actor_named(demo_store, "lobby")
    rows = {r.username: r for r in list_accounts(demo_store, admin)}
    with pytest.raises(ValidationError, match="hand them over first") as caught:
        set_disabled(demo_store, admin, rows["advisor"].id, expected_version=rows["advisor"].version, disabled=True)
    assert caught.value.field == "Account"
    with demo_store.read() as session:
        book = session.scalar(select(func.count()).select_from(Customer).where(
            Customer.relationship_manager_id == advisor.account_id))
        open_handled = session.scalar(select(func.count()).select_from(Complaint).where(
            Complaint.assigned_to == advisor.account_id, Complaint.state != "closed", Complaint.state != "resolved"))
    assert book > 0 and open_handled > 0
    assert assignment.hand_over(demo_store, manager, advisor.account_id, lobby.account_id) == book
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(Customer).where(
            Customer.relationship_manager_id == advisor.account_id)) == 0
        assert session.scalar(select(func.count()).select_from(Complaint).where(
            Complaint.assigned_to == lobby.account_id, Complaint.state.in_(["assigned", "investigating"]))) == open_handled
    rows = {r.username: r for r in list_accounts(demo_store, admin)}
    assert set_disabled(demo_store, admin, rows["advisor"].id, expected_version=rows["advisor"].version,
                        disabled=True).disabled


def test_hand_over_over_the_cap_changes_nothing(demo_store):
    admin, manager = actor_named(demo_store, "admin"), actor_named(demo_store, "manager")
    advisor, teller2 = actor_named(demo_store, "advisor"), actor_named(demo_store, "teller2")
    save_policy(demo_store, admin, CarePolicy(manager_cap=50))
    with pytest.raises(ValidationError) as caught:
        assignment.hand_over(demo_store, manager, advisor.account_id, teller2.account_id)
    assert caught.value.field == "Hand over to"
    assert worklist.today_worklist(demo_store, advisor).customers > 50


def test_worklist_lists_due_contacts_until_contacted(sqlite_demo_store):
    store = sqlite_demo_store
    advisor = actor_named(store, "advisor")
    listed = worklist.today_worklist(store, advisor)
    kinds = {i.kind for i in listed.items}
    assert {"overdue", "due", "follow_up", "complaint", "date", "card_expiry"} <= kinds
    card = next(i for i in listed.items if i.kind == "card_expiry")
    assert card.detail in ("gold", "platinum", "diamond") and card.days <= 0
    target = next(i for i in listed.items if i.kind in ("overdue", "due"))
    contacts.record_contact(store, advisor, target.customer_id, ContactInput(method="phone", content="问候"))
    after = worklist.today_worklist(store, advisor)
    assert target.customer_id not in {i.customer_id for i in after.items if i.kind in ("overdue", "due")}
    follow = next(i for i in after.items if i.kind == "follow_up")
    contacts.complete_follow_up(store, advisor, follow.ref_id, expected_version=follow.ref_version)
    assert follow.ref_id not in {i.ref_id for i in worklist.today_worklist(store, advisor).items
                                 if i.kind == "follow_up"}


def test_only_an_assigner_opens_another_s_worklist(sqlite_demo_store):
    store = sqlite_demo_store
    lobby, manager, advisor = (actor_named(store, u) for u in ("lobby", "manager", "advisor"))
    with pytest.raises(PermissionDenied):
        worklist.today_worklist(store, lobby, advisor.account_id)
    assert worklist.today_worklist(store, manager, advisor.account_id).keeper_name == advisor.display_name
    assert worklist.today_worklist(store, manager).items == []   # a branch manager holds no customers


def test_dashboard_figures_match_the_rows(demo_store):
    manager, advisor = actor_named(demo_store, "manager"), actor_named(demo_store, "advisor")
    board = dashboard.care_dashboard(demo_store, manager)
    with demo_store.read() as session:  # every demo VIP lives in BJ0101's subtree or SH0101's
        in_bj = session.scalar(select(func.count()).select_from(Customer).where(
            Customer.tier != "ordinary", Customer.branch_id.in_([b.branch_id for b in board.branches])))
    assert board.vip_total == in_bj
    assert board.vip_total == sum(b.vips for b in board.branches) > 0
    assert board.trend[-1][1] == {t: board.counts.get(t, 0) for t in board.vip_tiers}
    assert board.complaints == 7 and board.vip_complaints >= 1
    assert sum(m.upgrades for m in board.moves) > 0
    assert sum(m.cancelled for m in board.moves) >= 1             # churn: the demo's cancelled VIP card
    # contacting an uncontacted VIP raises compliance by one
    item = next(i for i in worklist.today_worklist(demo_store, advisor).items
                if i.kind in ("overdue", "due") and i.tier in board.compliance)
    kept = board.compliance[item.tier][1]
    contacts.record_contact(demo_store, advisor, item.customer_id, ContactInput(method="wechat", content="问候"))
    assert dashboard.care_dashboard(demo_store, manager).compliance[item.tier][1] == kept + 1


def test_dashboard_stays_in_scope(sqlite_demo_store):
    store = sqlite_demo_store
    sh = actor_named(store, "sh_manager")
    with store.read() as session:
        bj = session.scalar(select(StaffAccount.branch_id).where(StaffAccount.username == "manager"))
    with pytest.raises(NotFound):
        dashboard.care_dashboard(store, sh, bj)
    assert dashboard.care_dashboard(store, sh).complaints == 0


def test_dashboard_exports_csv(sqlite_demo_store, tmp_path):
    board = dashboard.care_dashboard(sqlite_demo_store, actor_named(sqlite_demo_store, "manager"))
    path = tmp_path / "care.csv"
    dashboard.export_dashboard(board, path)
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "section,item,figure,value"
    assert f"VIP customers,gold,,{board.counts['gold']}" in text


def test_unkept_report_and_assignment_by_rule(sqlite_demo_store):
    store = sqlite_demo_store
    manager = actor_named(store, "manager")
    some = _advisor_customer(store)
    with store.write(manager) as uow:
        lost = uow.session.get(Customer, some)
        lost.phone_masked, lost.phone_index = "", None       # the phone removed (its sealed value too, by the service)
    rows = assignment.unkept_customers(store, manager, limit=1000)
    assert any(r.id == some and r.reasons == ("no_phone",) for r in rows)
    assert all(r.reasons for r in rows) and len(rows) == assignment.unkept_count(store, manager)
    preview = assignment.assign_by_rule(store, manager, apply=False)
    assert assignment.unkept_count(store, manager) == len(rows)       # a preview changes nothing
    done = assignment.assign_by_rule(store, manager)
    assert done == preview and sum(done.assigned.values()) > 0
    assert assignment.unkept_count(store, manager) < len(rows)


def test_staff_without_a_keeper_role_cannot_be_given_customers(sqlite_demo_store):
    store = sqlite_demo_store
    manager, custodian = actor_named(store, "manager"), actor_named(store, "custodian")
    with pytest.raises(ValidationError) as caught:
        assignment.assign_customers(store, manager, [_advisor_customer(store)], custodian.account_id)
    assert caught.value.field == "Relationship manager"
    with pytest.raises(PermissionDenied):
        assignment.assign_customers(store, actor_named(store, "advisor"), [_advisor_customer(store)], None)


def test_follow_up_date_unchanged_on_an_old_record_may_stay(sqlite_demo_store):
    store = sqlite_demo_store
    advisor = actor_named(store, "advisor")
    item = next(i for i in worklist.today_worklist(store, advisor).items
                if i.kind == "follow_up" and i.when < local_today(store.clock()))
    old = contacts.contact(store, advisor, item.ref_id)
    edited = contacts.update_contact(store, advisor, old.id, ContactInput(
        method=old.method, content=old.content + "（补充）", follow_up_on=old.follow_up_on,
        contacted_at=old.contacted_at), expected_version=old.version)
    assert edited.follow_up_on == old.follow_up_on < date.today() + timedelta(days=2)


def test_a_tier_change_counts_once_in_the_dashboard_as_soon_as_it_is_committed(demo_store):
    from db.models import TierChange

    manager = actor_named(demo_store, "manager")
    first = dashboard.care_dashboard(demo_store, manager)
    customer = _advisor_customer(demo_store, "gold")
    with demo_store.write(manager) as uow:
        uow.session.add(TierChange(customer_id=customer, from_tier="gold", to_tier="ordinary", cause="evaluation",
                                   changed_at=uow.now))
    again = dashboard.care_dashboard(demo_store, manager)
    assert again.moves[-1].downgrades == first.moves[-1].downgrades + 1
    assert again.moves[-1].lost == first.moves[-1].lost + 1
    assert dashboard.care_dashboard(demo_store, manager).moves == again.moves


def test_a_customer_kept_by_a_teller_keeps_them_through_an_edit(sqlite_demo_store):
    from app.customers.records import input_for_edit, manager_choices, update_customer

    store = sqlite_demo_store
    manager, teller2 = actor_named(store, "manager"), actor_named(store, "teller2")
    assert teller2.account_id in {c.id for c in manager_choices(store, manager)}   # the form offers them
    with store.read() as session:
        customer = session.scalar(select(Customer.id).where(Customer.relationship_manager_id == teller2.account_id)
                                  .limit(1))
    data, version = input_for_edit(store, manager, customer)
    assert data.relationship_manager_id == teller2.account_id
    saved = update_customer(store, manager, customer, data, expected_version=version)
    assert saved.relationship_manager_id == teller2.account_id
    custodian = actor_named(store, "custodian")
    from dataclasses import replace
    with pytest.raises(ValidationError) as caught:
        update_customer(store, manager, customer, replace(data, relationship_manager_id=custodian.account_id),
                        expected_version=saved.version)
    assert caught.value.field == "Relationship manager"
