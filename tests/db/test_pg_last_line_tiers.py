"""AUM figures, tiers and tier exceptions on PostgreSQL, tried with raw SQL as the demo logins
(migration 0026): figures and tiers change only for the roles that import and evaluate, and only
in a transaction that writes its own audit event; exceptions are decided by a second person."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import select

from app.customers.rules import MAX_INTEGER_DIGITS
from app.errors import ValidationError
from app.tiers.exceptions import TRANSITIONS as EXCEPTION_TRANSITIONS
from app.tiers.rules import (
    CARD_TYPES, DEFAULT_TIER_POLICY, MAX_BELOW_STANDARD_MONTHS, MAX_TOLERANCE_PERCENT, BelowStandardRule,
    TierPolicy,
)
from db.models import StateTransition
from tests.db.lastline import Refused, one
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

EVENT = ("SELECT vipdesk_audit('[{\"action\": \"aum.correct\", \"entity\": \"aum_month\", "
         "\"entity_id\": \"by hand\"}]'::jsonb)")


def refused(conn, *statements) -> None:
    """Each statement (with its parameters), in one transaction, is refused by the store: at
    the statement or at the commit."""
    with pytest.raises(Refused), conn.transaction():
        for statement, params in statements:
            conn.execute(statement, params)


@pytest.mark.pg
def test_tiers_and_figures_do_not_change_from_a_sql_tool_without_the_role(demo):  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                         " WHERE b.code = 'BJ010101' ORDER BY c.id LIMIT 1")[0]
    tier = one(demo, "SELECT tier FROM customer_tier WHERE id = %s", (customer,))[0]
    figures = demo.owner.execute("SELECT month, avg_daily_aum FROM aum_month WHERE customer_id = %s ORDER BY 1",
                                 (customer,)).fetchall()
    for login in ("teller", "advisor", "manager", "lobby", "custodian"):
        with connect_as(demo, login) as conn:
            refused(conn, ("UPDATE aum_month SET avg_daily_aum = avg_daily_aum * 100 WHERE customer_id = %s",
                           (customer,)))
            refused(conn, ("INSERT INTO aum_month (customer_id, month, avg_daily_aum) VALUES (%s, 209912, 1)",
                           (customer,)))
            if login != "manager":  # a branch manager may evaluate: see below
                refused(conn, ("UPDATE customer_tier SET tier = 'diamond' WHERE id = %s", (customer,)))
            refused(conn, ("UPDATE tier_change SET to_tier = 'diamond' WHERE customer_id = %s", (customer,)))
            refused(conn, ("DELETE FROM tier_change WHERE customer_id = %s", (customer,)))
    with connect_as(demo, "manager") as conn:
        # the role to evaluate, but no event of its own: refused at the commit
        refused(conn, ("UPDATE customer_tier SET tier = 'diamond' WHERE id = %s", (customer,)))
    with connect_as(demo, "admin") as conn:
        refused(conn, ("UPDATE aum_month SET avg_daily_aum = avg_daily_aum * 100 WHERE customer_id = %s",
                       (customer,)))
        refused(conn, ("DELETE FROM aum_month WHERE customer_id = %s", (customer,)))
        refused(conn, ("UPDATE aum_import SET rows_read = 0", ()))
    assert one(demo, "SELECT tier FROM customer_tier WHERE id = %s", (customer,))[0] == tier
    assert demo.owner.execute("SELECT month, avg_daily_aum FROM aum_month WHERE customer_id = %s ORDER BY 1",
                              (customer,)).fetchall() == figures


@pytest.mark.pg
def test_an_importer_correcting_a_figure_with_sql_leaves_their_event(demo):  # noqa: F811
    customer, month, value = one(demo, "SELECT customer_id, month, avg_daily_aum FROM aum_month ORDER BY 1, 2 LIMIT 1")
    with connect_as(demo, "admin") as conn:
        with conn.transaction():
            conn.execute("UPDATE aum_month SET avg_daily_aum = avg_daily_aum + 1 WHERE customer_id = %s"
                         " AND month = %s", (customer, month))
            conn.execute(EVENT)
    actor, action = one(demo, "SELECT actor_name, action FROM audit_event ORDER BY id DESC LIMIT 1")
    assert (actor, action) == ("admin", "aum.correct")
    assert one(demo, "SELECT avg_daily_aum FROM aum_month WHERE customer_id = %s AND month = %s",
               (customer, month))[0] == value + 1
    demo.owner.execute("UPDATE aum_month SET avg_daily_aum = %s WHERE customer_id = %s AND month = %s",
                       (value, customer, month))


@pytest.mark.pg
def test_a_tier_exception_is_decided_by_a_second_person_in_their_own_name(demo):  # noqa: F811
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id WHERE b.code = 'BJ010101'"
                         " AND NOT EXISTS (SELECT 1 FROM tier_exception e WHERE e.customer_id = c.id) ORDER BY c.id LIMIT 1")[0]
    advisor, manager = demo.accounts["advisor"], demo.accounts["manager"]
    propose = ("INSERT INTO tier_exception (customer_id, tier, reason, valid_until, status, proposed_by, proposed_at,"
               " decision_comment, version) VALUES (%s, 'diamond', '重要客户', current_date + 90, %s, %s, now(), '', 1)"
               " RETURNING id")
    with connect_as(demo, "teller") as conn:  # no permission to propose
        refused(conn, (propose, (customer, "proposed", demo.accounts["teller"])))
    with connect_as(demo, "advisor") as conn:
        refused(conn, (propose, (customer, "approved", advisor)))          # proposed already approved
        refused(conn, (propose, (customer, "proposed", manager)))          # in someone else's name
        with conn.transaction():
            grant = conn.execute(propose, (customer, "proposed", advisor)).fetchone()[0]
        refused(conn, ("UPDATE tier_exception SET status = 'approved', decided_by = %s, decided_at = now()"
                       " WHERE id = %s", (manager, grant)))               # not an approver
    with connect_as(demo, "manager") as conn:
        refused(conn, ("UPDATE tier_exception SET status = 'approved', decided_by = %s, decided_at = now()"
                       " WHERE id = %s", (advisor, grant)))               # in the proposer's name
        refused(conn, ("UPDATE tier_exception SET tier = 'private_banking', status = 'approved', decided_by = %s,"
                       " decided_at = now() WHERE id = %s", (manager, grant)))  # and another tier
        refused(conn, ("DELETE FROM tier_exception WHERE id = %s", (grant,)))
        conn.execute("UPDATE tier_exception SET status = 'approved', decided_by = %s, decided_at = now(),"
                     " decision_comment = '同意', version = version + 1 WHERE id = %s", (manager, grant))
        refused(conn, ("UPDATE tier_exception SET status = 'proposed', decided_by = NULL, decided_at = NULL"
                       " WHERE id = %s", (grant,)))                       # never undecided again
    actor, action, after = one(demo, "SELECT actor_name, action, after FROM audit_event ORDER BY id DESC LIMIT 1")
    assert (actor, action, json.loads(after)["status"]) == ("manager", "sql.update", "approved")
    demo.owner.execute("DELETE FROM tier_exception WHERE id = %s", (grant,))


TIER_EVENT = ("SELECT vipdesk_audit('[{\"action\": \"tier.correct\", \"entity\": \"customer_tier\", "
              "\"entity_id\": \"by hand\"}]'::jsonb)", ())


@pytest.mark.pg
def test_even_with_its_own_event_a_login_changes_figures_and_tiers_only_as_its_role_allows(demo):  # noqa: F811
    """An event of one's own is no key: the permission still decides, tier history and imports
    are never rewritten, and nothing of the evaluation is deleted. Hostile values meet the
    columns' own limits. A branch manager's tier change with an event goes through, in their
    name."""
    customer = one(demo, "SELECT c.id FROM customer c JOIN branch b ON b.id = c.branch_id"
                         " WHERE b.code = 'BJ010101' ORDER BY c.id LIMIT 1")[0]
    tables = ("customer_tier", "tier_change", "tier_evaluation", "tier_worklist", "aum_month", "aum_import")
    counts = {t: one(demo, f"SELECT count(*) FROM {t}")[0] for t in tables}
    tier = one(demo, "SELECT tier, tier_since FROM customer_tier WHERE id = %s", (customer,))
    evaluation = ("INSERT INTO tier_evaluation (as_of, policy_version, branch_id, run_at, run_by, counts)"
                  " VALUES (209912, 1, NULL, now(), %s, '{}')")
    imported = ("INSERT INTO aum_import (file_name, file_sha256, rows_read, rows_changed, rows_skipped, imported_at,"
                " imported_by) VALUES ('x.csv', repeat('0', 64), 0, 0, 0, now(), %s)")
    for login in ("teller", "advisor", "lobby", "custodian", "auditor"):
        with connect_as(demo, login) as conn:
            refused(conn, TIER_EVENT, ("UPDATE customer_tier SET tier = 'diamond' WHERE id = %s", (customer,)))
            refused(conn, TIER_EVENT, (evaluation, (login,)))
            refused(conn, TIER_EVENT, (imported, (login,)))
    with connect_as(demo, "manager") as conn:
        refused(conn, TIER_EVENT, ("INSERT INTO aum_month (customer_id, month, avg_daily_aum) VALUES (%s, 209912, 1)",
                                   (customer,)))                                   # evaluating is not importing
        refused(conn, TIER_EVENT, (imported, ("manager",)))
        refused(conn, TIER_EVENT, ("UPDATE tier_change SET computed_tier = 'diamond' WHERE customer_id = %s",
                                   (customer,)))
        refused(conn, TIER_EVENT, ("UPDATE tier_change SET changed_at = changed_at - interval '1 year'", ()))
        for table in ("customer_tier", "tier_change", "tier_evaluation", "tier_worklist"):
            refused(conn, TIER_EVENT, (f"DELETE FROM {table} WHERE false", ()))   # even of nothing
        with pytest.raises(psycopg.errors.NotNullViolation), conn.transaction():
            conn.execute(*TIER_EVENT)
            conn.execute("UPDATE customer_tier SET tier = NULL WHERE id = %s", (customer,))
        with pytest.raises(psycopg.errors.StringDataRightTruncation), conn.transaction():
            conn.execute(*TIER_EVENT)
            conn.execute("UPDATE customer_tier SET tier = %s WHERE id = %s", ("x" * 10_000, customer))
        with conn.transaction():
            conn.execute(*TIER_EVENT)
            conn.execute("UPDATE customer_tier SET tier = 'gold', tier_since = current_date WHERE id = %s",
                         (customer,))
    actor, action = one(demo, "SELECT actor_name, action FROM audit_event ORDER BY id DESC LIMIT 1")
    assert (actor, action) == ("manager", "tier.correct")
    demo.owner.execute("UPDATE customer_tier SET tier = %s, tier_since = %s WHERE id = %s", (*tier, customer))
    with connect_as(demo, "admin") as conn:                                        # importing and evaluating
        refused(conn, TIER_EVENT, ("UPDATE aum_import SET imported_by = 'someone'", ()))
        refused(conn, TIER_EVENT, ("DELETE FROM aum_import WHERE false", ()))
        refused(conn, TIER_EVENT, ("DELETE FROM aum_month WHERE customer_id = %s", (customer,)))
    assert {t: one(demo, f"SELECT count(*) FROM {t}")[0] for t in tables} == counts
    assert one(demo, "SELECT tier, tier_since FROM customer_tier WHERE id = %s", (customer,)) == tier


# ----------------------------------------------------------------------------- tier policy versions

POLICY_INSERT = ("INSERT INTO tier_policy (version, effective_from, body, created_at, created_by)"
                 " VALUES (%s, %s, %s, now(), %s)")


def _saved_body(policy=DEFAULT_TIER_POLICY) -> str:
    """The body app.tiers.policy_store.save_policy writes for ``policy``."""
    body = policy.to_dict()
    return json.dumps({"bands": body["bands"], "below_standard": body["below_standard"]}, ensure_ascii=False)


def _body_with(change) -> str:
    body = json.loads(_saved_body())
    change(body)
    return json.dumps(body, ensure_ascii=False)


def _band(index: int, **values):
    def change(body):
        body["bands"][index].update(values)
    return change


@pytest.mark.pg
def test_tier_policy_versions_are_added_as_the_app_saves_them(demo):  # noqa: F811
    """Next version only, in force no earlier than the latest, in the author's name, a body the
    app would save; never rewritten or deleted. Done by hand as the app does: audited."""
    rows = demo.owner.execute("SELECT * FROM tier_policy ORDER BY id").fetchall()
    top = one(demo, "SELECT coalesce(max(version), %s) FROM tier_policy", (DEFAULT_TIER_POLICY.version,))[0]
    latest = one(demo, "SELECT coalesce(max(effective_from), DATE '2000-01-01') FROM tier_policy")[0]
    day = max(latest, date(2030, 1, 1))
    good = (top + 1, day, _saved_body(), "admin")
    for login in ("teller", "manager", "advisor", "auditor"):
        with connect_as(demo, login) as conn:
            refused(conn, (POLICY_INSERT, good[:3] + (login,)))
    with connect_as(demo, "admin") as conn:
        for version in (top, top + 2, None, -1, 2147483647):
            refused(conn, (POLICY_INSERT, (version,) + good[1:]))
        refused(conn, (POLICY_INSERT, good[:3] + ("manager",)))                 # in someone else's name
        refused(conn, (POLICY_INSERT, good[:2] + (_saved_body(), None)))
        for body in ("", "not json", "[]", '{"bands": []}', "x'); DROP TABLE customer; --",
                     _body_with(_band(1, lower_bound="0.00")),                  # bounds not rising
                     _body_with(_band(0, lower_bound="100.00")),                # first bound not 0
                     _body_with(_band(0, code="basic")),                        # not the first tier
                     _body_with(_band(2, lower_bound="5e5")),
                     _body_with(_band(2, lower_bound=500000)),
                     _body_with(_band(2, lower_bound="-1.00")),
                     _body_with(_band(3, card_type="black")),
                     _body_with(_band(3, card_type="gold")),                    # the card goes down
                     _body_with(_band(4, code="gold")),                         # a code twice
                     _body_with(_band(1, label="\u202eGold")),                  # a bidirectional override
                     _body_with(_band(1, label=" Gold")),
                     _body_with(_band(1, label="金" * 41)),
                     _body_with(_band(1, extra=1)),
                     _body_with(lambda b: b["below_standard"].update(months=13)),
                     _body_with(lambda b: b["below_standard"].update(tolerance_percent="50.01")),
                     _body_with(lambda b: b.update(version=9))):
            refused(conn, (POLICY_INSERT, good[:2] + (body, "admin")))
        with conn.transaction(force_rollback=True):
            conn.execute(POLICY_INSERT, good)
            with pytest.raises(Refused), conn.transaction():                    # before the latest
                conn.execute(POLICY_INSERT, (top + 2, day - timedelta(days=1), _saved_body(), "admin"))
            with pytest.raises(Refused), conn.transaction():
                conn.execute("UPDATE tier_policy SET effective_from = effective_from - 365 WHERE version = %s",
                             (top + 1,))
            with pytest.raises(Refused), conn.transaction():
                conn.execute("DELETE FROM tier_policy WHERE version = %s", (top + 1,))
        assert demo.owner.execute("SELECT * FROM tier_policy ORDER BY id").fetchall() == rows
        with conn.transaction():                                                # as save_policy would
            conn.execute(POLICY_INSERT, good)
    actor, action, entity, after = one(demo, "SELECT actor_name, action, entity, after FROM audit_event"
                                             " ORDER BY id DESC LIMIT 1")
    assert (actor, action, entity, json.loads(after)["version"]) == ("admin", "sql.insert", "tier_policy", top + 1)
    demo.owner.execute("DELETE FROM tier_policy WHERE version = %s", (top + 1,))
    assert demo.owner.execute("SELECT * FROM tier_policy ORDER BY id").fetchall() == rows


def _policy_candidates():
    yield _saved_body()
    yield _saved_body(replace(DEFAULT_TIER_POLICY, bands=tuple(
        replace(b, label=label) for b, label in zip(DEFAULT_TIER_POLICY.bands, ("普通", "金卡", "白金", "钻石", "私人银行")))))
    yield _saved_body(replace(DEFAULT_TIER_POLICY, bands=DEFAULT_TIER_POLICY.bands[:2],
                              below_standard=BelowStandardRule(12, Decimal("50.00"))))
    yield _saved_body(replace(DEFAULT_TIER_POLICY, bands=DEFAULT_TIER_POLICY.bands[:1]))
    for label in ("Gold", "Gold card", "金 卡", "", " Gold", "Gold ", "Go  ld", "Go\tld", "Go\u00a0ld", "Go\u3000ld",
                  "Go\u2028ld", "Go\u1680ld", "Go\x07ld", "Go\x85ld", "Go\u00adld", "Go\u200bld", "Go\u202eld",
                  "Go\ufeffld", "Go\ue000ld", "Go😀ld", "Go𠇔ld", "ＧＯＬＤ", "ﬁne", "x" * 40, "x" * 41, "金" * 40, 7, None):
        yield _body_with(_band(1, label=label))
    for bound in ("100000.00", "100000", "100000.0", "100,000.00", "100000.001", "0100000.00", "1e5", "100000.00 ",
                  "999999999999999.99", "1000000000000000.00", 100000, 100000.0, None):
        yield _body_with(_band(1, lower_bound=bound))
    for first in ("0.00", "0", "0.01"):
        yield _body_with(_band(0, lower_bound=first))
    for code in ("ordinary", "basic", "Ordinary"):                          # the tier a customer is born with
        yield _body_with(_band(0, code=code))
    for code in ("gold", "Gold", "g", "g" * 32, "g" * 33, "1gold", "gold-card", "gold_2", "", None, "ordinary"):
        yield _body_with(_band(1, code=code))
    for card in (None, "gold", "platinum", "diamond", "black", "", 1):
        yield _body_with(_band(1, card_type=card))
        yield _body_with(_band(0, card_type=card))
    for months in (0, 1, 12, 13, True, 1.0, "1", None):
        yield _body_with(lambda b, m=months: b["below_standard"].update(months=m))
    for tolerance in ("0.00", "5.00", "50.00", "50.01", "5", "5.5", "05.00", "-0.00", 5, None):
        yield _body_with(lambda b, t=tolerance: b["below_standard"].update(tolerance_percent=t))
    yield _body_with(lambda b: b["below_standard"].pop("months"))
    yield _body_with(lambda b: b.pop("below_standard"))
    yield _body_with(lambda b: b.update(version=2))
    yield _body_with(lambda b: b["bands"][2].pop("card_type"))
    yield _body_with(lambda b: b["bands"].reverse())
    text = _saved_body()
    yield text.replace('"months": 1', '"months": 1e0')
    yield text.replace('"months": 1', '"months": 5, "months": 1')
    yield text.replace('"months": 1', '"months": 1, "months": 15')
    yield "[]"
    yield '"x"'
    yield "{}"


def _app_saves(text: str) -> bool:
    """The app reads ``text`` back as a policy and would write exactly it (save_policy's body)."""
    body = json.loads(text)
    try:
        policy = TierPolicy.from_dict({**body, "version": 2, "effective_from": "2030-01-01"}
                                      if isinstance(body, dict) else body)
    except ValidationError:
        return False
    return json.dumps(body, sort_keys=True) == json.dumps(json.loads(_saved_body(policy)), sort_keys=True)


@pytest.mark.pg
def test_the_stores_tier_policy_checks_are_the_apps(demo):  # noqa: F811
    texts = list(_policy_candidates())
    stored = {t: one(demo, "SELECT vipdesk_private.tier_policy_body_ok(%s::json)", (t,))[0] for t in texts}
    assert stored == {t: _app_saves(t) for t in texts}
    assert 5 <= sum(stored.values()) < len(texts) - 50
    # the rules the guard copies
    source = "".join(row[0] for row in demo.owner.execute(
        "SELECT prosrc FROM pg_proc WHERE proname IN ('tier_policy_body_ok', 'vipdesk_guard_tier_policy')"))
    assert f"ARRAY[{', '.join(repr(t) for t in CARD_TYPES)}]" in source
    assert f"coalesce(v_top, {DEFAULT_TIER_POLICY.version})" in source
    assert f"DATE '{DEFAULT_TIER_POLICY.effective_from.isoformat()}'" in source
    assert (MAX_BELOW_STANDARD_MONTHS, MAX_TOLERANCE_PERCENT, MAX_INTEGER_DIGITS) == (12, Decimal("50"), 15)


@pytest.mark.pg
def test_0032_goes_down_and_up(pg_server_url):
    import psycopg
    from alembic import command

    from db.engine import make_engine
    from db.migrate import _config as migrate_config, upgrade
    from tests.pg_support import create_database, drop_database

    def guard_source(conn) -> str:
        return conn.execute("SELECT prosrc FROM pg_proc WHERE proname = 'vipdesk_guard_tier_policy'").fetchone()[0]

    url = create_database(pg_server_url)
    engine = make_engine(url)
    try:
        upgrade(engine)
        with psycopg.connect(url, autocommit=True) as conn:
            assert "tier_policy_body_ok" in guard_source(conn)
        command.downgrade(migrate_config(engine), "0031")
        with psycopg.connect(url, autocommit=True) as conn:
            assert "tier_policy_body_ok" not in guard_source(conn) and "created_by" in guard_source(conn)
            assert conn.execute("SELECT to_regprocedure('vipdesk_private.tier_policy_body_ok(json)')").fetchone()[0] is None
            assert conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'vipdesk_guard'"
                                " AND tgrelid = 'tier_policy'::regclass").fetchone()[0] == 1
        upgrade(engine)
        with psycopg.connect(url, autocommit=True) as conn:
            assert "tier_policy_body_ok" in guard_source(conn)
    finally:
        engine.dispose()
        drop_database(pg_server_url, url.rsplit("/", 1)[1])


# Last: the store fixtures empty the run's database (the module's demo logins with it).
@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_the_stores_exception_steps_are_the_apps(request, engine_kind):
    store = request.getfixturevalue("sqlite_store" if engine_kind == "sqlite" else "pg_store")
    with store.read() as session:
        stored = {tuple(row) for row in session.execute(
            select(StateTransition.from_state, StateTransition.to_state, StateTransition.permission)
            .where(StateTransition.entity == "tier_exception")).all()}
    assert stored == {(start, end, permission.value) for (start, end), permission in EXCEPTION_TRANSITIONS.items()}
