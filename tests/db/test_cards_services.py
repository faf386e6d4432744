"""VIP card services on SQLite and PostgreSQL: applications with eligibility and maker-checker,
issue in one transaction (card, serial, application, paperwork, audit), upgrade with the old
card returned, loss and replacement, damaged replacement, cancellation, expiry, the agreement's
signed status, paperwork for the documents capability, scope, export, and every refusal of the
issue's "Bad input and faults" changing nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

import main
from app.cards import applications, issue, paperwork, policy, servicing, views
from app.cards.issue import OldCard
from app.cards.rules import CardPolicy, CardProduct, DEFAULT_CARD_POLICY
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from db.models import AuditEvent, BlankCard, CardApplication, CardPaperwork, Customer, VipCard
from tests.db.carddata import approved, card_number, give_card, set_tier, stock_drawer
from tests.db.helpers import actor_named, sealed_number
from tests.db.tierdata import add_customers


@pytest.fixture(params=["sqlite", "postgresql"])
def cs(request):
    """A demo store (copied from the run's snapshot) with gold blanks A00001000–A00001019 in
    teller's drawer."""
    store = request.getfixturevalue("sqlite_demo_store" if request.param == "sqlite" else "pg_demo_store")
    stock_drawer(store)
    return store


@pytest.fixture
def people(cs):
    return {n: actor_named(cs, n) for n in ("advisor", "manager", "teller", "teller2", "sh_teller",
                                             "sh_manager", "lobby", "admin")}


def _customer(store, cif="CARDC00001", tier="gold", branch="BJ010101"):
    return add_customers(store, branch, [cif], tier=tier)[cif]


def _counts(store):
    """Everything an issue writes, to show a refused issue changed nothing."""
    with store.read() as session:
        return (session.scalar(select(func.count()).select_from(VipCard)),
                session.scalar(select(func.count()).select_from(CardPaperwork)),
                session.scalar(select(func.count()).select_from(BlankCard).where(BlankCard.state == "issued")),
                session.scalar(select(func.count()).select_from(AuditEvent)),
                tuple(session.scalars(select(CardApplication.status).order_by(CardApplication.id))))


def _blank_state(store, serial):
    with store.read() as session:
        return session.scalar(select(BlankCard.state).where(BlankCard.serial == serial))


# ----------------------------------------------------------------------------- applications


def test_application_shows_eligibility_and_needs_another_person_to_approve(cs, people):
    customer = _customer(cs)
    inbox = applications.awaiting_my_decision(cs, people["manager"])
    facts = applications.check_application(cs, people["advisor"], customer, kind="new", card_type="platinum")
    assert not facts.verdict.eligible and facts.entitled == "gold" and facts.tier == "gold"
    with pytest.raises(ValidationError, match="entitles to") as caught:
        applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="platinum")
    assert caught.value.field == "Application kind"
    row = applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="gold",
                                          note="客户到网点申请")
    assert row.status == "submitted" and row.entered_by_name == people["advisor"].display_name  # a name
    with pytest.raises(ConflictError, match="open card application"):
        applications.submit_application(cs, people["teller"], customer, kind="new", card_type="gold")
    assert applications.awaiting_my_decision(cs, people["manager"]) == inbox + 1
    assert applications.awaiting_my_decision(cs, people["teller"]) == 0
    with pytest.raises(PermissionDenied):
        applications.decide_application(cs, people["teller"], row.id, approve=True, comment="ok")
    with pytest.raises(ValidationError, match="required") as caught:
        applications.decide_application(cs, people["manager"], row.id, approve=True, comment="  ")
    assert caught.value.field == "Comment"
    decided = applications.decide_application(cs, people["manager"], row.id, approve=True, comment="同意办理")
    assert decided.status == "approved" and decided.decided_by_name == people["manager"].display_name
    with pytest.raises(ConflictError, match="approved"):
        applications.decide_application(cs, people["manager"], row.id, approve=False, comment="again")
    assert row.id in [a.id for a in applications.list_applications(cs, people["teller"], status="approved")]
    with cs.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.entity == "card_application", AuditEvent.entity_id == str(row.id)).order_by(AuditEvent.id)))
    assert actions == ["card_application.submit", "card_application.approve"]


def test_an_application_approved_by_its_own_author_is_refused(cs, people):
    customer = _customer(cs)
    inbox = applications.awaiting_my_decision(cs, people["manager"])
    row = applications.submit_application(cs, people["manager"], customer, kind="new", card_type="gold")
    with pytest.raises(PermissionDenied, match="someone other") as caught:
        applications.decide_application(cs, people["manager"], row.id, approve=True, comment="自批")
    assert caught.value.field == "Approved by"
    assert applications.get_application(cs, people["manager"], row.id).status == "submitted"
    assert applications.awaiting_my_decision(cs, people["manager"]) == inbox  # not in their own inbox


def test_rejection_and_withdrawal(cs, people):
    customer = _customer(cs)
    row = applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="gold")
    rejected = applications.decide_application(cs, people["manager"], row.id, approve=False, comment="资料不全")
    assert rejected.status == "rejected" and rejected.decision_comment == "资料不全"
    again = applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="gold")
    with pytest.raises(PermissionDenied):
        applications.withdraw_application(cs, people["teller"], again.id, reason="x")
    cancelled = applications.withdraw_application(cs, people["advisor"], again.id, reason="客户改变主意")
    assert cancelled.status == "cancelled"
    with pytest.raises(ConflictError):
        applications.withdraw_application(cs, people["advisor"], again.id, reason="twice")


def test_scope_and_roles(cs, people):
    customer = _customer(cs)
    with pytest.raises(NotFound):
        applications.submit_application(cs, people["sh_teller"], customer, kind="new", card_type="gold")
    with pytest.raises(PermissionDenied):
        applications.submit_application(cs, people["lobby"], customer, kind="new", card_type="gold")
    application = approved(cs, customer)
    with pytest.raises(NotFound):
        applications.decide_application(cs, people["sh_manager"], application, approve=False, comment="x")
    with pytest.raises(NotFound):
        issue.issue_card(cs, people["sh_teller"], application, serial="A00001000", card_number=card_number())
    assert applications.list_applications(cs, people["sh_manager"]) == []


# ----------------------------------------------------------------------------- issue


def test_issue_is_one_transaction_with_everything(cs, people):
    customer = _customer(cs)
    application = approved(cs, customer)
    number = card_number()
    result = issue.issue_card(cs, people["teller"], application, serial="a00001000", card_number=number)
    assert result.card_number_masked == number[:6] + "******" + number[-4:]
    assert result.expires_on.year == cs.clock().year + 2
    assert sealed_number(cs, "vip_card", result.card_id, "card_number") == number
    with cs.read() as session:
        card = session.get(VipCard, result.card_id)
        assert (card.status, card.card_type, card.serial, card.card_masked) == ("active", "gold", "A00001000",
                                                                               number[:6] + "******" + number[-4:])
        assert session.get(CardApplication, application).status == "fulfilled"
        assert session.get(CardApplication, application).card_id == card.id
        kinds = set(session.scalars(select(CardPaperwork.kind).where(CardPaperwork.card_id == card.id)))
        issue_event = session.scalar(select(AuditEvent.after).where(
            AuditEvent.action == "card.issue", AuditEvent.entity_id == str(result.card_id)))
    assert kinds == {"agreement", "welcome"}
    assert _blank_state(cs, "A00001000") == "issued"
    assert number not in issue_event and result.card_number_masked in issue_event
    assert held_card_types_of(cs, [customer]) == {customer: "gold"}
    with pytest.raises(ConflictError, match="only on an approved"):
        issue.issue_card(cs, people["teller"], application, serial="A00001001", card_number=card_number())


def held_card_types_of(store, ids):
    """What the tier evaluation reads of the card register: each customer's active card."""
    with store.read() as session:
        return dict(session.execute(select(VipCard.customer_id, VipCard.card_type).where(
            VipCard.customer_id.in_(ids), VipCard.status == "active")).all())


@pytest.mark.parametrize("serial, number, field, message", [
    ("A00001000", "6222021234567890", "Card number", "Luhn"),
    ("A00001000", card_number("platinum"), "Card number", "BIN of the platinum card"),
    ("A00001000", "62220212345678", "Card number", "16 or 19 digits"),
    ("A00001000", "6222 02xx", "Card number", "digits only"),
    ("A00000999", card_number(), "Serial", "not in stock in your drawer"),
    ("B00200001", card_number(), "Serial", "not a serial of this card type"),
    ("A00001005", card_number(), "Serial", "used in order"),
])
def test_bad_input_at_issue_names_the_field_and_changes_nothing(cs, people, serial, number, field, message):
    application = approved(cs, _customer(cs))
    before = _counts(cs)
    with pytest.raises(ValidationError, match=message) as caught:
        issue.issue_card(cs, people["teller"], application, serial=serial, card_number=number)
    assert caught.value.field == field
    assert _counts(cs) == before


def test_a_number_already_issued_and_a_serial_of_another_drawer(cs, people):
    first, second = _customer(cs, "CARDC00001"), _customer(cs, "CARDC00002")
    number = card_number()
    issue.issue_card(cs, people["teller"], approved(cs, first), serial="A00001000", card_number=number)
    application = approved(cs, second)
    before = _counts(cs)
    with pytest.raises(ValidationError, match="already the number of another card"):
        issue.issue_card(cs, people["teller"], application, serial="A00001001", card_number=number)
    with pytest.raises(ValidationError, match="not in stock in your drawer"):  # teller's, not teller2's
        issue.issue_card(cs, people["teller2"], application, serial="A00001001", card_number=card_number())
    with pytest.raises(PermissionDenied):
        issue.issue_card(cs, people["advisor"], application, serial="A00001001", card_number=card_number())
    assert _counts(cs) == before


def test_luhn_only_warned_where_the_product_says_so(cs, people):
    policy.save_card_policy(cs, people["admin"], CardPolicy(
        (CardProduct("gold", ("622202",), "warn"),) + DEFAULT_CARD_POLICY.products[1:]))
    with pytest.raises(PermissionDenied):
        policy.save_card_policy(cs, people["manager"], DEFAULT_CARD_POLICY)
    application = approved(cs, _customer(cs))
    bad = card_number(luhn_ok=False)
    assert issue.check_number(cs, people["teller"], application, bad).warnings
    result = issue.issue_card(cs, people["teller"], application, serial="A00001000", card_number=bad)
    assert result.warnings and "Luhn" in result.warnings[0]


def test_new_card_refused_for_a_customer_with_an_active_card(cs, people):
    customer = _customer(cs)
    give_card(cs, customer, "A00001000")
    with pytest.raises(ValidationError, match="already holds an active"):
        applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="gold")


def test_the_schema_keeps_one_active_card_and_one_open_application_per_customer(cs, people):
    """Behind the services' checks, the partial unique indexes decide a race: a second active
    card for the customer (here an approved application slipped in beside the services) is
    refused whole, and so is a second open application written directly."""
    customer = _customer(cs)
    first = approved(cs, customer)
    with cs.engine.connect() as conn:
        row = dict(conn.execute(select(CardApplication.__table__).where(CardApplication.id == first)).mappings().one())
    del row["id"]
    with pytest.raises(IntegrityError):
        with cs.engine.begin() as conn:
            conn.execute(CardApplication.__table__.insert().values(**row))
    issue.issue_card(cs, people["teller"], first, serial="A00001000", card_number=card_number())
    with cs.engine.begin() as conn:   # the first is fulfilled now: a second open one fits the index
        second = conn.execute(CardApplication.__table__.insert().values(**row)).inserted_primary_key[0]
    before = _counts(cs)
    with pytest.raises(ConflictError, match="already holds an active"):
        issue.issue_card(cs, people["teller"], second, serial="A00001001", card_number=card_number())
    assert _counts(cs) == before


# ----------------------------------------------------------------------------- after issue


def test_upgrade_with_the_old_card_returned_to_stock(cs, people):
    customer = _customer(cs)
    old = give_card(cs, customer, "A00001000")
    set_tier(cs, customer, "platinum")
    serial = next(d.next_serial for d in views.my_drawer(cs, people["teller"]) if d.card_type == "platinum")
    application = approved(cs, customer, "upgrade", "platinum")
    with pytest.raises(ValidationError, match="handed the old card back") as caught:
        issue.issue_card(cs, people["teller"], application, serial=serial, card_number=card_number("platinum"))
    assert caught.value.field == "Old card"
    with pytest.raises(ValidationError, match="required") as caught:
        issue.issue_card(cs, people["teller"], application, serial=serial,
                         card_number=card_number("platinum"), old_card=OldCard(False, ""))
    assert caught.value.field == "Reason"
    new = issue.issue_card(cs, people["teller"], application, serial=serial,
                           card_number=card_number("platinum"), old_card=OldCard(True))
    history = views.card_history(cs, people["teller"], customer)
    assert [(c.id, c.status, c.replaces_id, c.replaced_by_id) for c in history] == [
        (new.card_id, "active", old.card_id, None), (old.card_id, "replaced", None, new.card_id)]
    assert history[1].returned is True
    assert history[0].issued_by_name == people["teller"].display_name      # the clerk's name, not login
    assert _blank_state(cs, "A00001000") == "returned"
    with cs.read() as session:
        assert set(session.scalars(select(CardPaperwork.kind).where(CardPaperwork.card_id == new.card_id))) == {
            "agreement", "upgrade"}
    # a downgrade back to gold, the old card kept by the customer (recorded with the reason)
    application = approved(cs, customer, "downgrade", "gold")
    down = issue.issue_card(cs, people["teller"], application, serial="A00001001", card_number=card_number(),
                            old_card=OldCard(False, "客户留作纪念，已剪角"))
    ended = views.get_card(cs, people["teller"], new.card_id)
    assert ended.status == "replaced" and ended.returned is False and "剪角" in ended.ended_reason
    assert _blank_state(cs, serial) == "issued"
    assert views.get_card(cs, people["teller"], down.card_id).card_type == "gold"


def test_loss_then_replacement_at_the_original_type(cs, people):
    customer = _customer(cs)
    lost = give_card(cs, customer, "A00001000")
    servicing.report_loss(cs, people["teller"], lost.card_id, reason="客户电话挂失")
    assert views.get_card(cs, people["teller"], lost.card_id).status == "lost"
    assert held_card_types_of(cs, [customer]) == {}
    with pytest.raises(ConflictError):
        servicing.report_loss(cs, people["teller"], lost.card_id)
    with pytest.raises(ValidationError, match="reported lost"):
        applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="gold")
    set_tier(cs, customer, "ordinary")  # the tier fell meanwhile: still replaced at the original type
    with pytest.raises(ValidationError, match="original type"):
        applications.submit_application(cs, people["advisor"], customer, kind="replace_lost", card_type="platinum")
    new = give_card(cs, customer, "A00001001", kind="replace_lost")
    card = views.get_card(cs, people["teller"], new.card_id)
    assert card.replaces_id == lost.card_id and card.status == "active"
    assert views.get_card(cs, people["teller"], lost.card_id).status == "lost"
    assert _blank_state(cs, "A00001000") == "issued"  # a lost card never comes back to stock
    with pytest.raises(ValidationError, match="no card is lost"):
        applications.submit_application(cs, people["advisor"], customer, kind="replace_lost", card_type="gold")


def test_damaged_replacement_and_renewal(cs, people):
    customer = _customer(cs)
    first = give_card(cs, customer, "A00001000")
    damaged = give_card(cs, customer, "A00001001", kind="replace_damaged", old_card=OldCard(True))
    assert _blank_state(cs, "A00001000") == "returned"
    renewed = give_card(cs, customer, "A00001002", kind="renewal", old_card=OldCard(True))
    history = views.card_history(cs, people["teller"], customer)
    assert [c.status for c in history] == ["active", "replaced", "replaced"]
    assert history[0].replaces_id == damaged.card_id and history[1].replaces_id == first.card_id
    assert views.get_card(cs, people["teller"], renewed.card_id).expires_on.year == cs.clock().year + 2


def test_a_pending_renewal_of_a_card_lost_meanwhile_is_refused(cs, people):
    customer = _customer(cs)
    card = give_card(cs, customer, "A00001000")
    application = approved(cs, customer, "renewal", "gold")
    servicing.report_loss(cs, people["teller"], card.card_id)
    before = _counts(cs)
    with pytest.raises(ConflictError, match="lost"):
        issue.issue_card(cs, people["teller"], application, serial="A00001001", card_number=card_number(),
                         old_card=OldCard(True))
    assert _counts(cs) == before


def test_cancellation_leaves_the_tier(cs, people):
    customer = _customer(cs)
    card = give_card(cs, customer, "A00001000")
    with pytest.raises(ValidationError, match="handed the old card back"):
        servicing.cancel_card(cs, people["teller"], card.card_id, reason="客户申请注销", old_card=None)
    servicing.cancel_card(cs, people["teller"], card.card_id, reason="客户申请注销", old_card=OldCard(True))
    assert views.get_card(cs, people["teller"], card.card_id).status == "cancelled"
    assert _blank_state(cs, "A00001000") == "returned"
    with cs.read() as session:
        assert session.get(Customer, customer).tier == "gold"
    with pytest.raises(ConflictError):
        servicing.cancel_card(cs, people["teller"], card.card_id, reason="again", old_card=OldCard(True))


def test_expiry_worklist_and_sweep(cs, people):
    customer = _customer(cs)
    card = give_card(cs, customer, "A00001000")
    today = cs.today()
    with cs.engine.begin() as conn:
        conn.execute(VipCard.__table__.update().where(VipCard.id == card.card_id)
                     .values(expires_on=today + timedelta(days=30)))
    assert card.card_id in [c.id for c in views.expiring_cards(cs, people["teller"])]
    assert card.card_id not in [c.id for c in views.expiring_cards(cs, people["teller"], within_days=10)]
    assert views.expiring_count(cs, people["manager"]) >= 1
    assert paperwork.record_renewal_letters(cs, people["teller"]) >= 1
    assert paperwork.record_renewal_letters(cs, people["teller"]) == 0   # once per card
    due = paperwork.paperwork_due(cs, people["teller"], kinds=["renewal_due"])
    assert card.card_id in [p.card_id for p in due]
    with cs.engine.begin() as conn:
        conn.execute(VipCard.__table__.update().where(VipCard.id == card.card_id)
                     .values(expires_on=today - timedelta(days=1)))
    assert servicing.expire_cards(cs, people["teller"]) >= 1
    assert views.get_card(cs, people["teller"], card.card_id).status == "expired"
    with pytest.raises(ValidationError, match="apply for a renewal"):
        applications.submit_application(cs, people["advisor"], customer, kind="new", card_type="gold")
    renewed = give_card(cs, customer, "A00001001", kind="renewal", old_card=OldCard(False, "已过期，客户自行剪毁"))
    card_row = views.get_card(cs, people["teller"], renewed.card_id)
    assert card_row.status == "active" and card_row.replaces_id == card.card_id
    assert views.get_card(cs, people["teller"], card.card_id).status == "replaced"


# ----------------------------------------------------------------------------- paperwork


def test_paperwork_for_the_documents_capability(cs, people):
    customer = _customer(cs)
    card = give_card(cs, customer, "A00001000")
    teller = people["teller"]
    due = paperwork.paperwork_due(cs, teller, card_id=card.card_id)
    assert {p.kind for p in due} == {"agreement", "welcome"}
    agreement = next(p for p in due if p.kind == "agreement")
    paperwork.mark_printed(cs, teller, agreement.id, document_id=4711)
    paperwork.mark_printed(cs, teller, agreement.id, document_id=4712)   # a reprint
    assert [p.kind for p in paperwork.paperwork_due(cs, teller, card_id=card.card_id)] == ["welcome"]
    printed = paperwork.paperwork_due(cs, teller, card_id=card.card_id, include_printed=True)
    row = next(p for p in printed if p.id == agreement.id)
    assert (row.printed_count, row.document_id) == (2, 4712)
    with pytest.raises(NotFound):
        paperwork.mark_printed(cs, people["sh_teller"], agreement.id, document_id=1)
    with pytest.raises(ValidationError, match="whole number"):
        paperwork.mark_printed(cs, teller, agreement.id, document_id="x")
    data = paperwork.letter_data(cs, teller, card.card_id)
    assert data.card_number_masked == card.card_number_masked and data.tier == "gold"
    assert data.branch_name == "望京网点" and data.branch_phone and "*" in data.id_masked
    assert data.application_kind == "new" and data.expires_on == card.expires_on
    with pytest.raises(NotFound):
        paperwork.letter_data(cs, people["sh_teller"], card.card_id)
    assert paperwork.letters_data(cs, people["sh_teller"], [card.card_id]) == []
    month = paperwork.cards_expiring_in_month(cs, teller, branch_code="BJ0101", year=card.expires_on.year,
                                              month=card.expires_on.month)
    assert card.card_id in [d.card_id for d in month]


def test_agreement_signed_and_the_unsigned_worklist(cs, people):
    customer = _customer(cs)
    card = give_card(cs, customer, "A00001000")
    teller, today = people["teller"], cs.today()

    def mine():
        return [u for u in paperwork.unsigned_agreements(cs, teller) if u.card_id == card.card_id]

    overdue = paperwork.unsigned_count(cs, teller)
    assert [u.overdue for u in mine()] == [False]
    assert [u.issued_by_name for u in mine()] == [teller.display_name]
    later = cs.clock
    cs.clock = lambda: later() + timedelta(days=1)   # the day is over: now overdue
    assert [u.overdue for u in mine()] == [True]
    assert paperwork.unsigned_count(cs, teller) == overdue + 1
    cs.clock = later
    cases = [(dict(signed_on=today + timedelta(days=1), witness="柜员 李娜"), "Signed on", "future"),
             (dict(signed_on=today - timedelta(days=1), witness="柜员 李娜"), "Signed on", "before the card"),
             (dict(signed_on=today, witness="  "), "Agreement witness", "required")]
    for kwargs, field, message in cases:
        with pytest.raises(ValidationError, match=message) as caught:
            paperwork.mark_agreement_signed(cs, teller, card.card_id, **kwargs)
        assert caught.value.field == field
    signed = paperwork.mark_agreement_signed(cs, teller, card.card_id, signed_on=today, witness="柜员 王磊")
    assert signed.agreement_signed_on == today and signed.agreement_witness == "柜员 王磊"
    assert mine() == []
    with pytest.raises(ConflictError, match="already marked signed"):
        paperwork.mark_agreement_signed(cs, teller, card.card_id, signed_on=today, witness="x")


def test_a_print_failure_after_issue_leaves_the_card_issued_and_due_again(cs, people):
    """The documents capability marks paperwork printed only after a successful print; a
    failed print never calls it, so the agreement is simply still due."""
    card = give_card(cs, _customer(cs), "A00001000")
    with pytest.raises(RuntimeError):
        with cs.write(people["teller"]) as uow:
            due = paperwork.paperwork_due(cs, people["teller"], card_id=card.card_id, kinds=["agreement"])
            paperwork.mark_printed_in(uow, people["teller"], due[0].id, document_id=9)
            raise RuntimeError("printer jammed")
    assert views.get_card(cs, people["teller"], card.card_id).status == "active"
    assert [p.kind for p in paperwork.paperwork_due(cs, people["teller"], card_id=card.card_id,
                                                    kinds=["agreement"])] == ["agreement"]


def test_export_is_masked_and_audited(cs, people, tmp_path):
    card = give_card(cs, _customer(cs), "A00001000")
    out = tmp_path / "cards.csv"
    assert views.export_cards(cs, people["manager"], out) >= 1
    text = out.read_text(encoding="utf-8-sig")
    number = sealed_number(cs, "vip_card", card.card_id, "card_number")
    assert card.card_number_masked in text and number not in text
    assert views.export_cards(cs, people["sh_manager"], tmp_path / "sh.csv") == 0


def test_cli_export_cards(sqlite_demo_store, tmp_path, capsys):
    out = tmp_path / "cards.csv"
    url = str(sqlite_demo_store.engine.url)
    assert main.main(["export", "cards", str(out), "--db", url]) == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("卡片编号,客户号") and "卡号（已掩码）" in header
    assert main.main(["export", "cards", str(out), "--english", "--db", url]) == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Card ID,CIF number") and "Card number (masked)" in header


def test_a_crash_in_the_middle_of_issuing_leaves_nothing_half_done(cs, people):
    """Fault drill: the counter PC dies inside the issue transaction (after the serial left the
    drawer and the card row was written). On restart nothing of it is there, and the same
    issue goes through."""
    import subprocess
    import sys
    from pathlib import Path

    customer = _customer(cs)
    application = approved(cs, customer)
    number = card_number()
    before = _counts(cs)
    cs.engine.dispose()
    url = cs.engine.url.render_as_string(hide_password=False)
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("crash_probe.py")), url, str(application),
                           "A00001000", number], cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    assert _counts(cs) == before and _blank_state(cs, "A00001000") == "in_stock"
    result = issue.issue_card(cs, people["teller"], application, serial="A00001000", card_number=number)
    assert _blank_state(cs, "A00001000") == "issued" and result.serial == "A00001000"
