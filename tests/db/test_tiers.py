"""Tier policy versions, evaluation and exceptions through the services, on both engines."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select, update

import main
from app.errors import Cancelled, ConflictError, PermissionDenied, ValidationError
from app.tiers.evaluation import (
    BELOW_STANDARD, FIRST_CARD, UPGRADE, evaluate_tiers, export_worklist, iter_worklist,
    latest_evaluation, parse_as_of, worklist_page,
)
from app.cards.views import my_drawer
from app.tiers.exceptions import (
    decide_exception, list_exceptions, pending_count, propose_exception, withdraw_exception,
)
from app.tiers.policy_store import list_policies, policy_in_force_at, policy_version, save_policy
from app.tiers.rules import DEFAULT_TIER_POLICY, BelowStandardRule, TierPolicy
from db.models import AuditEvent, Customer, CustomerTier, TierChange, TierEvaluation, TierPolicyVersion
from tests.db.carddata import give_card, stock_drawer
from tests.db.helpers import actor_named
from tests.db.tierdata import NOW, add_customers, set_aum, write_csv

AUG, SEP, OCT, NOV = 202608, 202609, 202610, 202611


@pytest.fixture
def tstore(demo_store, batch):
    """The demo store on the tests' clock, its customers evaluated as of October 2026, the month
    the tests evaluate: the demo's AUM histories end with the month before the day the tests
    run, and the moves that leaves for October must not count in the tests' evaluations."""
    demo_store.clock = lambda: NOW
    evaluate_tiers(demo_store, batch, (2026, 10))
    return demo_store


def tier_of(store, customer_id):
    with store.read() as session:
        return session.get(Customer, customer_id).tier


def changes_of(store, customer_id):
    with store.read() as session:
        return [(c.from_tier, c.to_tier, c.cause) for c in session.scalars(
            select(TierChange).where(TierChange.customer_id == customer_id).order_by(TierChange.id))]


def flat(store, customer_id, value):
    set_aum(store, customer_id, {AUG: value, SEP: value, OCT: value})


def test_band_boundaries_through_the_whole_path(tstore, batch, tmp_path):
    ids = add_customers(tstore, "BJ010101", ["GOLD000001", "ORD0000001", "PRIV000001", "PLAT000001"])
    lines = ["cif_no,month,avg_daily_aum"]
    for month in ("2026-08", "2026-09", "2026-10"):
        lines += [f"GOLD000001,{month},\"100,000.00\"", f"ORD0000001,{month},99999.99",
                  f"PRIV000001,{month},6000000", f"PLAT000001,{month},999999.99"]
    from app.tiers.aum_import import import_aum

    import_aum(tstore, batch, write_csv(tmp_path / "aum.csv", lines))
    result = evaluate_tiers(tstore, batch, (2026, 10))
    assert result.policy_version == 1
    assert tier_of(tstore, ids["GOLD000001"]) == "gold"
    assert tier_of(tstore, ids["ORD0000001"]) == "ordinary"
    assert tier_of(tstore, ids["PRIV000001"]) == "private"
    assert tier_of(tstore, ids["PLAT000001"]) == "platinum"
    assert changes_of(tstore, ids["GOLD000001"]) == [("ordinary", "gold", "evaluation")]
    assert changes_of(tstore, ids["ORD0000001"]) == []
    assert result.counts["changed"] == 3
    first_card = {r.cif_no for r in iter_worklist(tstore, batch, result.evaluation_id, FIRST_CARD)}
    assert {"GOLD000001", "PRIV000001", "PLAT000001"} <= first_card and "ORD0000001" not in first_card


def test_a_night_run_on_the_first_evaluates_the_month_just_ended_in_beijing(tstore, batch):
    """17:00 UTC on 30 November is 01:00 on 1 December in Beijing: the default month is November
    and the tier change is dated 1 December (UTC's day would say October and 30 November)."""
    cid = add_customers(tstore, "BJ010101", ["NIGHT00001"])["NIGHT00001"]
    flat(tstore, cid, "1000000")
    tstore.clock = lambda: datetime(2026, 11, 30, 17, 0)
    assert evaluate_tiers(tstore, batch).as_of == 202611
    with tstore.read() as session:
        assert session.get(Customer, cid).tier_since == date(2026, 12, 1)


def test_a_sqlite_evaluation_puts_the_figure_triggers_back_also_when_cancelled(sqlite_demo_store, batch):
    """SQLite's evaluation changes the care figures a set at a time with the row triggers away:
    they are back after it, and after a cancelled one (whose figures change not at all)."""
    tstore = sqlite_demo_store
    tstore.clock = lambda: NOW
    flat(tstore, add_customers(tstore, "BJ010101", ["TRIG000001"])["TRIG000001"], "2000000")

    def triggers_and_figures():
        with tstore.engine.connect() as conn:
            return (conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                         "ORDER BY name").all(),
                    conn.exec_driver_sql("SELECT * FROM care_tier_count ORDER BY 1, 2, 3").all())

    before = triggers_and_figures()
    with pytest.raises(Cancelled):
        evaluate_tiers(tstore, batch, (2026, 10), progress=lambda done, total: done == 0)
    assert triggers_and_figures() == before
    evaluate_tiers(tstore, batch, (2026, 10))
    after = triggers_and_figures()
    assert after[0] == before[0] and after[1] != before[1]


def test_day_weighting(tstore, batch):
    # Aug 31 days, Sep 30, Oct 31 = 92 days; a missing month counts 0.
    ids = add_customers(tstore, "BJ010101", ["WEIGHT0001", "WEIGHT0002", "WEIGHT0003", "WEIGHT0004"])
    set_aum(tstore, ids["WEIGHT0001"], {AUG: "3000000"})     # x31/92 = 1,010,869.57: diamond
    set_aum(tstore, ids["WEIGHT0002"], {SEP: "3000000"})     # x30/92 =   978,260.87: platinum
    set_aum(tstore, ids["WEIGHT0003"], {SEP: "3066666.66"})  # 999,999.9978 -> 1,000,000.00 half-up
    set_aum(tstore, ids["WEIGHT0004"], {SEP: "3066666.64"})  # 999,999.9913 -> 999,999.99
    evaluate_tiers(tstore, batch, (2026, 10))
    assert [tier_of(tstore, ids[c]) for c in ("WEIGHT0001", "WEIGHT0002", "WEIGHT0003", "WEIGHT0004")] \
        == ["diamond", "platinum", "diamond", "platinum"]
    with tstore.read() as session:
        averages = {c.customer_id: c.average for c in session.scalars(select(TierChange))}
    assert averages[ids["WEIGHT0003"]] == Decimal("1000000.00")
    assert averages[ids["WEIGHT0001"]] == Decimal("1010869.57")


def test_worklists_tied_to_the_evaluation_and_downgrades_not_silent(tstore, batch):
    ids = add_customers(tstore, "BJ010101", ["UPGR000001", "DOWN000001", "NOCHANGE01", "NODATA0001"])
    flat(tstore, ids["UPGR000001"], "200000")
    flat(tstore, ids["DOWN000001"], "700000")
    flat(tstore, ids["NOCHANGE01"], "50")
    first = evaluate_tiers(tstore, batch, (2026, 10))
    # the card register: a gold card and a platinum card issued at the counter
    stock_drawer(tstore, serials="A00001000-A00001001")
    give_card(tstore, ids["UPGR000001"], "A00001000", "gold")
    platinum = [d for d in my_drawer(tstore, actor_named(tstore, "teller")) if d.card_type == "platinum"]
    if platinum and platinum[0].next_serial:
        give_card(tstore, ids["DOWN000001"], platinum[0].next_serial, "platinum")
    else:  # no platinum blanks in the demo drawer: a gold card is above "ordinary" too
        give_card(tstore, ids["DOWN000001"], "A00001001", "gold")
    flat(tstore, ids["UPGR000001"], "800000")     # gold -> platinum: card upgrade
    flat(tstore, ids["DOWN000001"], "10000")      # platinum -> ordinary: downgrade review
    second = evaluate_tiers(tstore, batch, (2026, 10))
    assert second.evaluation_id != first.evaluation_id
    assert tier_of(tstore, ids["DOWN000001"]) == "ordinary"
    assert tier_of(tstore, ids["NODATA0001"]) == "ordinary"
    manager = actor_named(tstore, "manager")
    latest = latest_evaluation(tstore, manager)
    assert latest.id == second.evaluation_id and latest.policy_version == 1
    ours = set(ids)
    up = [r for r in iter_worklist(tstore, manager, latest.id, UPGRADE) if r.cif_no in ours]
    down = [r for r in iter_worklist(tstore, manager, latest.id, BELOW_STANDARD) if r.cif_no in ours]
    assert [r.cif_no for r in up] == ["UPGR000001"]
    assert [(r.cif_no, r.effective_tier, r.average) for r in down] == [
        ("DOWN000001", "ordinary", Decimal("10000.00"))]
    assert down[0].phone_masked.startswith("138") and "*" in down[0].phone_masked
    assert not ours & {r.cif_no for r in iter_worklist(tstore, manager, latest.id, FIRST_CARD)}
    assert ours & {r.cif_no for r in iter_worklist(tstore, manager, first.evaluation_id, FIRST_CARD)} == {
        "UPGR000001", "DOWN000001"}
    with tstore.read() as session:
        evaluation = session.get(TierEvaluation, second.evaluation_id)
        assert json.loads(evaluation.counts)["below_standard"] == len(
            list(iter_worklist(tstore, batch, second.evaluation_id, BELOW_STANDARD)))
        change = session.scalars(select(TierChange).where(
            TierChange.customer_id == ids["DOWN000001"]).order_by(TierChange.id.desc())).first()
        assert change.evaluation_id == second.evaluation_id and change.average == Decimal("10000.00")
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "tier.evaluate")) is not None


def test_first_card_lists_a_customer_the_month_the_card_tier_is_reached(tstore, batch):
    """Newly eligible: the month the customer moves into a tier that carries a card; a re-run of
    the month keeps them on its list. The month after, a customer who stays there without a
    card is not listed again (the card is voluntary), nor one who moves on to a higher card
    tier (eligible already)."""
    from app.tiers.evaluation import worklist_counts

    ids = add_customers(tstore, "BJ010101", ["FIRST00001", "FIRST00002"])
    ours = {ids[c]: c for c in ids}

    def listed(result):
        return {ours[r.customer_id]: r for r in iter_worklist(tstore, batch, result.evaluation_id, FIRST_CARD)
                if r.customer_id in ours}

    def counted(result):
        assert result.counts[FIRST_CARD] == worklist_counts(tstore, batch, result.evaluation_id)[FIRST_CARD] == len(
            list(iter_worklist(tstore, batch, result.evaluation_id, FIRST_CARD)))

    flat(tstore, ids["FIRST00001"], "150000")
    october = evaluate_tiers(tstore, batch, (2026, 10))
    assert list(listed(october)) == ["FIRST00001"]
    counted(october)
    flat(tstore, ids["FIRST00002"], "150000")
    rerun = evaluate_tiers(tstore, batch, (2026, 10))
    assert sorted(listed(rerun)) == ["FIRST00001", "FIRST00002"]
    counted(rerun)
    paged, after = [], None     # a page at a time, across both places the list is kept
    while page := worklist_page(tstore, batch, rerun.evaluation_id, FIRST_CARD, after_customer=after, limit=1):
        paged, after = paged + page, page[-1].customer_id
    whole = [r.customer_id for r in iter_worklist(tstore, batch, rerun.evaluation_id, FIRST_CARD)]
    assert [r.customer_id for r in paged] == whole == sorted(set(whole))
    for entry in listed(rerun).values():
        assert (entry.average, entry.computed_tier, entry.effective_tier, entry.card_type_held) == (
            Decimal("150000.00"), "gold", "gold", None)
    set_aum(tstore, ids["FIRST00001"], {NOV: "150000"})
    set_aum(tstore, ids["FIRST00002"], {SEP: "800000", OCT: "800000", NOV: "800000"})
    november = evaluate_tiers(tstore, batch, (2026, 11))
    assert tier_of(tstore, ids["FIRST00002"]) == "platinum" and not listed(november)
    counted(november)


def test_export_worklist_masks_and_is_audited(tstore, batch, tmp_path):
    ids = add_customers(tstore, "BJ010101", ["EXPO000001"])
    flat(tstore, ids["EXPO000001"], "150000")
    result = evaluate_tiers(tstore, batch, (2026, 10))
    out = tmp_path / "first.csv"
    written = export_worklist(tstore, actor_named(tstore, "manager"), result.evaluation_id, FIRST_CARD, out)
    text = out.read_text(encoding="utf-8-sig")
    assert written >= 1 and len(text.strip().splitlines()) == written + 1
    assert "EXPO000001" in text and "13800000000" not in text and "150000.00" in text


def test_new_policy_version_changes_the_next_evaluation_only(tstore, batch):
    ids = add_customers(tstore, "BJ010101", ["POLICY0001"])
    flat(tstore, ids["POLICY0001"], "60000")
    first = evaluate_tiers(tstore, batch, (2026, 10))
    assert tier_of(tstore, ids["POLICY0001"]) == "ordinary"
    bands = list(DEFAULT_TIER_POLICY.bands)
    bands[1] = replace(bands[1], lower_bound=Decimal("50000.00"))
    admin = actor_named(tstore, "admin")
    saved = save_policy(tstore, admin, TierPolicy(1, date(2026, 10, 1), tuple(bands)))
    assert saved.version == 2
    with tstore.read() as session:
        assert policy_in_force_at(session, date(2026, 9, 30)).version == 1
        assert policy_in_force_at(session, date(2026, 10, 31)).version == 2
        assert [p.version for p in list_policies(session)] == [2, 1]
    second = evaluate_tiers(tstore, batch, (2026, 10))
    assert second.policy_version == 2 and tier_of(tstore, ids["POLICY0001"]) == "gold"
    with tstore.read() as session:
        assert session.get(TierEvaluation, first.evaluation_id).policy_version == 1
    # September's quarter still falls under version 1
    assert evaluate_tiers(tstore, batch, (2026, 9)).policy_version == 1


def test_policy_validation_and_permission(tstore):
    admin = actor_named(tstore, "admin")
    bands = list(DEFAULT_TIER_POLICY.bands)
    bands[2] = replace(bands[2], lower_bound=Decimal("50000.00"))
    with pytest.raises(ValidationError) as caught:
        save_policy(tstore, admin, TierPolicy(1, date(2026, 12, 1), tuple(bands)))
    assert caught.value.field == "Lower bound"
    with tstore.read() as session:
        versions = len(list_policies(session))
    bands = [replace(DEFAULT_TIER_POLICY.bands[0], code="basic"), *DEFAULT_TIER_POLICY.bands[1:]]
    with pytest.raises(ValidationError) as caught:                   # new customers are born 'ordinary'
        save_policy(tstore, admin, TierPolicy(1, date(2026, 12, 1), tuple(bands)))
    assert caught.value.field == "Tier code"
    with tstore.read() as session:
        assert len(list_policies(session)) == versions
    with pytest.raises(PermissionDenied):
        save_policy(tstore, actor_named(tstore, "manager"), DEFAULT_TIER_POLICY)
    save_policy(tstore, admin, replace(DEFAULT_TIER_POLICY, effective_from=date(2026, 12, 1)))
    with pytest.raises(ValidationError) as caught:
        save_policy(tstore, admin, replace(DEFAULT_TIER_POLICY, effective_from=date(2026, 11, 1)))
    assert caught.value.field == "Effective from"


def test_exception_maker_checker_approve_and_expiry(tstore, batch):
    ids = add_customers(tstore, "BJ010101", ["EXCEPT0001"])
    cid = ids["EXCEPT0001"]
    flat(tstore, cid, "80000")
    advisor, manager = actor_named(tstore, "advisor"), actor_named(tstore, "manager")
    with pytest.raises(PermissionDenied):
        propose_exception(tstore, manager, cid, tier="gold", reason="x", valid_until=date(2026, 12, 31))
    with pytest.raises(ValidationError) as caught:
        propose_exception(tstore, advisor, cid, tier="ordinary", reason="潜力客户", valid_until=date(2026, 12, 31))
    assert caught.value.field == "Tier"
    with pytest.raises(ValidationError) as caught:
        propose_exception(tstore, advisor, cid, tier="platinum", reason="潜力客户", valid_until=date(2026, 1, 1))
    assert caught.value.field == "Valid until"
    row = propose_exception(tstore, advisor, cid, tier="platinum", reason="潜力客户：企业高管",
                            valid_until=date(2026, 11, 30))
    assert row.status == "proposed" and row.proposed_by_name
    with pytest.raises(ConflictError):
        propose_exception(tstore, advisor, cid, tier="gold", reason="again", valid_until=date(2026, 12, 31))
    assert row.id in [r.id for r in list_exceptions(tstore, manager, status="proposed")]
    pending = pending_count(tstore, manager)
    assert pending >= 1
    with pytest.raises(PermissionDenied):
        decide_exception(tstore, advisor, row.id, approve=True)
    with pytest.raises(ValidationError):
        decide_exception(tstore, manager, row.id, approve=False)   # a rejection needs a comment
    approved = decide_exception(tstore, manager, row.id, approve=True, comment="同意")
    assert approved.status == "approved" and approved.decided_by_name
    assert tier_of(tstore, cid) == "ordinary"           # the next evaluation applies it
    applied = evaluate_tiers(tstore, batch, (2026, 10))
    assert tier_of(tstore, cid) == "platinum"
    assert changes_of(tstore, cid) == [("ordinary", "platinum", "exception")]
    listed = [(r.computed_tier, r.effective_tier, r.card_type_held)
              for r in iter_worklist(tstore, batch, applied.evaluation_id, FIRST_CARD) if r.customer_id == cid]
    assert listed == [("ordinary", "platinum", None)]   # the band the average reached, and the exception's
    evaluate_tiers(tstore, batch, (2026, 10))
    assert len(changes_of(tstore, cid)) == 1
    # ended on 30 November: the evaluation as of November returns the customer to gold? no: to
    # the computed tier (80,000 average -> ordinary)
    tstore.clock = lambda: NOW + timedelta(days=15)
    evaluate_tiers(tstore, batch, (2026, 11))
    tstore.clock = lambda: NOW + timedelta(days=40)
    evaluate_tiers(tstore, batch, (2026, 12))
    assert tier_of(tstore, cid) == "ordinary"
    assert changes_of(tstore, cid)[-1] == ("platinum", "ordinary", "exception_expired")
    with tstore.read() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"tier_exception.propose", "tier_exception.approve"} <= actions


def test_withdraw_and_reject(tstore):
    ids = add_customers(tstore, "BJ010101", ["EXCEPT0002"])
    advisor, manager = actor_named(tstore, "advisor"), actor_named(tstore, "manager")
    row = propose_exception(tstore, advisor, ids["EXCEPT0002"], tier="gold", reason="r",
                            valid_until=date(2027, 6, 30))
    with pytest.raises(PermissionDenied):
        withdraw_exception(tstore, manager, row.id)
    assert withdraw_exception(tstore, advisor, row.id).status == "withdrawn"
    with pytest.raises(ConflictError):
        decide_exception(tstore, manager, row.id, approve=True)
    row = propose_exception(tstore, advisor, ids["EXCEPT0002"], tier="gold", reason="r",
                            valid_until=date(2027, 6, 30))
    assert decide_exception(tstore, manager, row.id, approve=False, comment="资产不足").status == "rejected"


def test_scope_branch_manager_evaluates_and_sees_only_their_subtree(tstore, batch):
    bj = add_customers(tstore, "BJ010101", ["SCOPEBJ001"])
    sh = add_customers(tstore, "SH0101", ["SCOPESH001"])
    flat(tstore, bj["SCOPEBJ001"], "200000")
    flat(tstore, sh["SCOPESH001"], "200000")
    manager = actor_named(tstore, "manager")
    result = evaluate_tiers(tstore, manager, (2026, 10))
    with tstore.read() as session:
        from db.models import Branch

        in_subtree = session.scalar(select(func.count()).select_from(Customer).join(Branch, Branch.id == Customer.branch_id)
                                    .where(Branch.path.startswith(manager.branch_path), Customer.active.is_(True)))
    assert result.counts["customers"] == in_subtree
    assert tier_of(tstore, bj["SCOPEBJ001"]) == "gold"
    assert tier_of(tstore, sh["SCOPESH001"]) == "ordinary"
    sh_manager = actor_named(tstore, "sh_manager")
    before = latest_evaluation(tstore, sh_manager)
    assert before is None or before.id != result.evaluation_id   # not covered by BJ0101's run
    evaluate_tiers(tstore, batch, (2026, 10))
    latest = latest_evaluation(tstore, sh_manager)
    listed = [r.cif_no for r in worklist_page(tstore, sh_manager, latest.id, FIRST_CARD, limit=10_000)]
    assert "SCOPESH001" in listed and "SCOPEBJ001" not in listed
    with pytest.raises(Exception):
        propose_exception(tstore, actor_named(tstore, "advisor"), sh["SCOPESH001"], tier="platinum",
                          reason="r", valid_until=date(2027, 1, 31))
    with pytest.raises(PermissionDenied):
        evaluate_tiers(tstore, actor_named(tstore, "teller"), (2026, 10))


def test_as_of_parsing():
    assert parse_as_of("2026-10", today=date(2026, 11, 22)) == (2026, 10)
    with pytest.raises(ValidationError) as caught:
        parse_as_of("2026-13", today=date(2026, 11, 22))
    assert caught.value.field == "As of"


def test_cli_tiers_evaluate(sqlite_demo_store, batch, capsys):
    store = sqlite_demo_store
    evaluate_tiers(store, batch, (2026, 10))   # the demo's own moves for October (see tstore)
    ids = add_customers(store, "BJ010101", ["CLI0000001"])
    flat(store, ids["CLI0000001"], "150000")
    url = str(store.engine.url)
    assert main.main(["tiers", "evaluate", "--as-of", "2026-10", "--db", url]) == 0
    assert "1 tier changes" in capsys.readouterr().out
    assert main.main(["tiers", "evaluate", "--as-of", "2026-13", "--db", url]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "As of" in err
    assert main.main(["tiers", "evaluate", "--db", url]) == 0


def test_worklist_counts_are_the_users_own(tstore, batch):
    from app.tiers.evaluation import worklist_counts

    bj = add_customers(tstore, "BJ010101", ["COUNTBJ001"])
    sh = add_customers(tstore, "SH0101", ["COUNTSH001"])
    flat(tstore, bj["COUNTBJ001"], "200000")
    flat(tstore, sh["COUNTSH001"], "200000")
    result = evaluate_tiers(tstore, batch, (2026, 10))
    manager, admin_like = actor_named(tstore, "manager"), batch
    mine = worklist_counts(tstore, manager, result.evaluation_id)
    everyone = worklist_counts(tstore, admin_like, result.evaluation_id)
    assert everyone[FIRST_CARD] >= mine[FIRST_CARD] + worklist_counts(
        tstore, actor_named(tstore, "sh_manager"), result.evaluation_id)[FIRST_CARD]
    assert mine[FIRST_CARD] == len(worklist_page(tstore, manager, result.evaluation_id, FIRST_CARD, limit=10_000))


JUL = 202607


def test_below_standard_rule_is_versioned_policy(tstore, batch):
    """Version 1 lists every gold cardholder under 100,000 at once; version 2 (two month-ends
    in a row, 5 % tolerance) only the one below 95,000 at both month-ends. The first
    evaluation keeps its list and its version."""
    ids = add_customers(tstore, "BJ010101", ["TOLER00001", "ONCE000001", "TWICE00001"], tier="gold")
    stock_drawer(tstore, serials="A00001000-A00001002")
    for n, cif in enumerate(("TOLER00001", "ONCE000001", "TWICE00001")):
        give_card(tstore, ids[cif], f"A0000100{n}", "gold")
    set_aum(tstore, ids["TOLER00001"], {JUL: "96000", AUG: "96000", SEP: "96000", OCT: "96000"})
    set_aum(tstore, ids["ONCE000001"], {JUL: "500000", AUG: "50000", SEP: "50000", OCT: "50000"})
    set_aum(tstore, ids["TWICE00001"], {JUL: "50000", AUG: "50000", SEP: "50000", OCT: "50000"})
    ours = set(ids)

    def listed(evaluation_id):
        return {r.cif_no for r in iter_worklist(tstore, batch, evaluation_id, BELOW_STANDARD)} & ours

    first = evaluate_tiers(tstore, batch, (2026, 10))
    assert listed(first.evaluation_id) == ours
    admin = actor_named(tstore, "admin")
    rule = BelowStandardRule(months=2, tolerance_percent=Decimal("5.00"))
    saved = save_policy(tstore, admin, replace(DEFAULT_TIER_POLICY, effective_from=date(2026, 10, 1),
                                               below_standard=rule))
    with tstore.read() as session:
        assert policy_version(session, saved.version).below_standard == rule
    second = evaluate_tiers(tstore, batch, (2026, 10))
    assert second.policy_version == saved.version
    assert listed(second.evaluation_id) == {"TWICE00001"}
    assert second.counts["below_standard"] == len(list(iter_worklist(
        tstore, batch, second.evaluation_id, BELOW_STANDARD)))
    assert all(tier_of(tstore, ids[c]) == "ordinary" for c in ours)  # the tier follows the AUM
    assert listed(first.evaluation_id) == ours
    with tstore.read() as session:
        assert session.get(TierEvaluation, first.evaluation_id).policy_version == 1


def test_a_version_stored_before_the_rule_reads_as_the_default(tstore):
    body = {"bands": DEFAULT_TIER_POLICY.to_dict()["bands"]}
    with tstore.engine.begin() as conn:
        conn.execute(insert(TierPolicyVersion), [dict(
            version=2, effective_from=date(2026, 1, 1), body=json.dumps(body),
            created_at=datetime(2026, 1, 1), created_by="admin")])
    with tstore.read() as session:
        assert policy_version(session, 2).below_standard == BelowStandardRule(1, Decimal("0"))


def test_rule_validation_names_the_field_and_stores_nothing(tstore):
    admin = actor_named(tstore, "admin")
    bad = replace(DEFAULT_TIER_POLICY, effective_from=date(2026, 12, 1),
                  below_standard=BelowStandardRule(months=0))
    with pytest.raises(ValidationError) as caught:
        save_policy(tstore, admin, bad)
    assert caught.value.field == "Months below standard before review"
    with tstore.read() as session:
        assert [p.version for p in list_policies(session)] == [1]


PATTERNS = {   # AUM by month: the bands' edges, the rule's tolerance and run, no data, one month only
    "T96K": {JUL: "96000", AUG: "96000", SEP: "96000", OCT: "96000"},
    "ONCE": {JUL: "500000", AUG: "50000", SEP: "50000", OCT: "50000"},
    "T50K": {JUL: "50000", AUG: "50000", SEP: "50000", OCT: "50000"},
    "T480": {AUG: "480000", SEP: "480000", OCT: "480000"},
    "T2M0": {JUL: "2000000", AUG: "2000000", SEP: "2000000", OCT: "2000000"},
    "NONE": {},
    "T7M0": {JUL: "7000000", AUG: "7000000", SEP: "7000000", OCT: "7000000"},
    "SEP3": {SEP: "3000000"},
}
CARDS = {"gold": "G", "platinum": "P", "diamond": "D", None: "N"}
STARTS = {"private": "P", "ordinary": "O"}   # the tier on record before the first evaluation


def test_the_database_decides_as_the_tier_rules_do(tstore, batch):
    """Every combination of card held and AUM pattern, under the default policy and then under
    a rule of two month-ends with a 5 % tolerance: the tiers, changes and worklists the
    set-based evaluation writes are what app.tiers.rules.evaluate says, customer by customer."""
    from app.tiers.rules import evaluate, rolling_quarterly_average

    cifs = {f"SQ{STARTS[start]}{CARDS[card]}{name}00": (start, card, name)
            for start in STARTS for card in CARDS for name in PATTERNS}
    ids = add_customers(tstore, "BJ010101", sorted(cifs), tier="private")   # a card needs its tier
    serial = {"gold": "A", "platinum": "B", "diamond": "C"}
    for card, prefix in serial.items():
        stock_drawer(tstore, serials=f"{prefix}00004000-{prefix}00004015", card_type=card)
    for cif, (start, card, name) in cifs.items():
        if card:
            index = list(STARTS).index(start) * len(PATTERNS) + list(PATTERNS).index(name)
            give_card(tstore, ids[cif], f"{serial[card]}{4000 + index:08d}", card)
        set_aum(tstore, ids[cif], PATTERNS[name])
    with tstore.engine.begin() as conn:
        conn.execute(update(CustomerTier).where(CustomerTier.id.in_(
            [ids[cif] for cif, (start, _, _) in cifs.items() if start == "ordinary"])).values(tier="ordinary"))
    for cif, name in (("SQLLEGACY0", "NONE"), ("SQLLEGACY1", "T480")):   # a tier the policy no longer has
        ids |= add_customers(tstore, "BJ010101", [cif], tier="vip_plus")
        set_aum(tstore, ids[cif], PATTERNS[name])
        cifs[cif] = ("vip_plus", None, name)

    def check(policy, listed_earlier=frozenset()):
        before = {cid: tier_of(tstore, cid) for cid in ids.values()}
        result = evaluate_tiers(tstore, batch, (2026, 10))
        lists = {kind: {r.customer_id for r in iter_worklist(tstore, batch, result.evaluation_id, kind)}
                 for kind in (UPGRADE, BELOW_STANDARD, FIRST_CARD)}
        with tstore.read() as session:
            changed = {c.customer_id: (c.to_tier, c.average) for c in session.scalars(
                select(TierChange).where(TierChange.evaluation_id == result.evaluation_id))}
        for cif, (_, card, name) in cifs.items():
            cid = ids[cif]
            monthly = {(m // 100, m % 100): Decimal(v) for m, v in PATTERNS[name].items()}
            averages = [rolling_quarterly_average(monthly, ym) for ym in ((2026, 10), (2026, 9))]
            expected = evaluate(before[cid], card, averages[0], None, policy, (2026, 10), averages[1:],
                                listed_this_month=cid in listed_earlier)
            assert tier_of(tstore, cid) == expected.effective.code, cif
            assert changed.get(cid) == ((expected.effective.code, expected.average)
                                        if expected.tier_changed else None), cif
            assert {kind for kind, members in lists.items() if cid in members} == {
                kind for kind, flag in ((UPGRADE, expected.eligible_for_upgrade),
                                        (BELOW_STANDARD, expected.below_standard),
                                        (FIRST_CARD, expected.newly_eligible_for_first_card)) if flag}, cif
        return lists

    first = check(DEFAULT_TIER_POLICY)
    assert {ids["SQPGT96K00"], ids["SQPGONCE00"], ids["SQPPT48000"]} <= first[BELOW_STANDARD]
    assert {ids["SQONT48000"], ids["SQONT2M000"], ids["SQLLEGACY1"]} <= first[FIRST_CARD]
    assert not {ids["SQPNT48000"], ids["SQONT96K00"]} & first[FIRST_CARD]
    policy = save_policy(tstore, actor_named(tstore, "admin"), replace(
        DEFAULT_TIER_POLICY, effective_from=date(2026, 10, 1),
        below_standard=BelowStandardRule(months=2, tolerance_percent=Decimal("5"))))
    second = check(policy, first[FIRST_CARD])     # October again: its first-card list is kept
    assert first[FIRST_CARD] <= second[FIRST_CARD]   # nobody was given a card in between
    assert ids["SQPGT50K00"] in second[BELOW_STANDARD]
    assert not {ids["SQPGT96K00"], ids["SQPGONCE00"], ids["SQPPT48000"]} & second[BELOW_STANDARD]
