"""Tier evaluation: every active customer in scope, set-based, in one transaction.

The day-weighted rolling quarterly average is computed by the database in exact integer
arithmetic: ``SUM(cents × days in month)`` over the three months of the quarter (a missing
month counts 0, as :func:`app.tiers.rules.rolling_quarterly_average`), divided by the quarter's
days rounding half-up to the cent. For the customers without an exception -- nearly all -- the
database also decides (band, effective tier, the card flags with the policy's below-standard
rule, against the active VIP card in the card register) and writes (tier changes, customers'
tiers, worklists) in the same statements, a range of customer ids at a time: no row comes to
Python and none goes back. On SQLite the decisions go through a temporary table; on PostgreSQL
through one statement of data-modifying CTEs (staff login roles may not create temporary
tables). SQLite's row triggers for the care figures stand aside for the ranges: each range
changes the figures in a statement per figure (:func:`db.care_figures.sqlite_in_bulk`). The SQL is :func:`app.tiers.rules.evaluate` for those customers, built from the policy
(tests/db/test_tiers.py compares the two customer by customer).

The few customers with an approved exception go one by one through
:func:`app.tiers.rules.evaluate`, which tells what became of the exception and whether its end
returned the customer to the computed tier.

A cardholder whose tier entitles to a higher card is listed for an upgrade, one whose card is
above what the tier entitles to is listed for a downgrade review when the policy's
below-standard rule says so (never downgraded silently; the averages at the month-ends the rule
looks back over are summed too), and a customer with no active card whom the evaluation moves
into a tier that carries one is newly eligible for a first card (a re-run of the month keeps the
month's list). The first two lists are rows of ``tier_worklist``; a first-card entry is the
customer's tier change, marked ``first_card``, or, when the move was the month's earlier run, a
row of ``tier_worklist``.
"""

from __future__ import annotations

import json
import math
import typing
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Date, DateTime, Row, String, Table, bindparam, cast, func, insert, literal, null, or_, select, text,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from app.auth.names import names_of, person
from app.auth.permissions import Permission, require
from app.customers.rules import mask_phone
from app.errors import QT_TRANSLATE_NOOP, Cancelled, NotFound, ValidationError
from app.glossary import TIER_LABELS
from app.outfile import Codes, Say, export_csv
from app.tiers.aum_import import parse_month
from app.tiers.policy_store import policy_in_force_at, policy_version
from app.tiers.rules import (
    CARD_TYPE_LABELS, CARD_TYPES, ExceptionOutcome, TierException, TierPolicy, card_rank, evaluate, month_end,
    quarter_window,
)
from db import care_figures
from db.money import amount_sql, cents_sql
from db.models import (
    Branch, Customer, CustomerTier, TierChange, TierEvaluation, TierExceptionGrant, TierWorklistEntry,
)
from db.session_limits import allow_long_job
from app.actor import Actor
from app.store import Store

AS_OF = QT_TRANSLATE_NOOP("fields", "As of")

UPGRADE, BELOW_STANDARD, FIRST_CARD = "upgrade", "below_standard", "first_card"
WORKLIST_KINDS = (UPGRADE, BELOW_STANDARD, FIRST_CARD)
WORKLIST_LABELS = {
    UPGRADE: QT_TRANSLATE_NOOP("worklists", "Eligible for upgrade"),
    BELOW_STANDARD: QT_TRANSLATE_NOOP("worklists", "Below standard (downgrade review)"),
    FIRST_CARD: QT_TRANSLATE_NOOP("worklists", "Newly eligible for a first card"),
}
CAUSE_EVALUATION, CAUSE_EXCEPTION, CAUSE_EXCEPTION_EXPIRED = "evaluation", "exception", "exception_expired"

SUMS = "temp.tier_sum"             # SQLite: a range's quarterly sums by customer
DECISIONS = "temp.tier_decision"   # SQLite: a range's decisions
MOVES = "temp.tier_move"           # SQLite: a range's tier changes, counted for the care figures
ID_RANGE = 100_000          # customer ids decided per statement (progress and cancel between)
NO_STANDARD = 10 ** 18      # cents: the threshold of a card no band carries (no average meets it)
PAGE_SIZE = 200

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class EvaluationResult:
    evaluation_id: int
    as_of: int               # yyyymm
    policy_version: int
    counts: dict[str, int]


def last_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def parse_as_of(raw: str, *, today: date) -> tuple[int, int]:
    """``YYYY-MM`` (or ``YYYYMM``, ``YYYY/MM``): a month not after the current one."""
    try:
        value = parse_month(raw, today=today)
    except ValidationError as error:
        raise ValidationError(error.template, field=AS_OF, **error.params) from None
    return value // 100, value % 100


def _scope_branch_id(session: Session, actor: Actor) -> int | None:
    """The branch an evaluation is recorded for: None when the actor sees the whole tree."""
    if actor.branch_id is None or actor.branch_path == "/":
        return None
    parent = session.scalar(select(Branch.parent_id).where(Branch.id == actor.branch_id))
    return None if parent is None else actor.branch_id


def _exceptions(session: Session, actor: Actor, policy: TierPolicy, on: date) -> dict[int, TierException]:
    """Each customer's approved exception that matters on ``on``: an active one (the highest
    tier, then the longest), else the one that ended last."""
    query = (select(TierExceptionGrant).join(Customer, Customer.id == TierExceptionGrant.customer_id)
             .where(TierExceptionGrant.status == "approved", Customer.active.is_(True)))
    if actor.branch_path != "/":
        query = query.join(Branch, Branch.id == Customer.branch_id).where(
            Branch.path.startswith(actor.branch_path))
    chosen: dict[int, TierExceptionGrant] = {}

    def key(g: TierExceptionGrant):
        active = g.valid_until >= on
        rank = policy.codes.index(g.tier) if g.tier in policy.codes else -1
        return (active, rank if active else 0, g.valid_until)

    for grant in session.scalars(query):
        best = chosen.get(grant.customer_id)
        if best is None or key(grant) > key(best):
            chosen[grant.customer_id] = grant
    return {cid: TierException(g.tier, g.reason, str(g.decided_by or ""), g.valid_until)
            for cid, g in chosen.items()}


def _cents_to_amount(cent_days, total_days: int) -> Decimal | None:
    """A window's ``SUM(cents × days)`` as its day-weighted average, rounded half-up to the cent."""
    if cent_days is None:
        return None
    return Decimal((2 * int(cent_days) + total_days) // (2 * total_days)).scaleb(-2)


def _windows(as_of: tuple[int, int], count: int) -> list[list[tuple[int, int]]]:
    """The quarters ending with ``as_of`` and the ``count - 1`` month-ends before it, latest
    first: the below-standard rule looks back that far."""
    index = as_of[0] * 12 + as_of[1] - 1
    return [quarter_window(((index - k) // 12, (index - k) % 12 + 1)) for k in range(count)]


@dataclass(frozen=True)
class _Query:
    """What the evaluation's SQL is built from: the engine, the scope, the policy and the
    quarters the below-standard rule looks at (latest first)."""

    kind: str
    scoped: bool
    policy: TierPolicy
    windows: list[list[tuple[int, int]]]

    @property
    def as_of(self) -> int:
        year, month = self.windows[0][-1]
        return year * 100 + month

    @staticmethod
    def listed_this_month(customer: str) -> str:
        """SQL: an earlier evaluation of the same month listed ``customer`` as newly eligible for
        a first card (the tier change that moved the customer in carries the mark)."""
        return ("EXISTS (SELECT 1 FROM tier_change f JOIN tier_evaluation fe ON fe.id = f.evaluation_id "
                f"WHERE f.customer_id = {customer} AND f.first_card AND fe.as_of = :as_of)")

    @property
    def days(self) -> list[int]:
        return [sum(month_end(ym).day for ym in window) for window in self.windows]

    def params(self, actor: Actor) -> dict:
        params = {"yes": True, "active_card": "active", "approved": "approved", "as_of": self.as_of,
                  **{f"m{y * 100 + m}": y * 100 + m for w in self.windows for y, m in w},
                  **{f"d{y * 100 + m}": month_end((y, m)).day for w in self.windows for y, m in w},
                  **{f"code{i}": band.code for i, band in enumerate(self.policy.bands)},
                  **{f"bound{i}": int(band.lower_bound * 100) for i, band in enumerate(self.policy.bands)}}
        if self.scoped:
            params["prefix"] = actor.branch_path + "%"
        return params

    def sums(self, *, excepted: bool) -> str:
        """Per customer with a figure in the quarters, ``SUM(cents × days in month)`` of each
        quarter (``cd0``, latest first): those with an approved exception (``excepted``), or
        those whose ids lie in :lo to :hi.

        The months are matched as ``+a.month`` so that SQLite reads ``aum_month`` by its primary
        key (customer, month) for the ids at hand instead of every row of the months by the
        month index, once per range of ids."""
        integer = "BIGINT" if self.kind == "postgresql" else "INTEGER"
        cents = cents_sql("a.avg_daily_aum", self.kind)
        months = sorted({ym for window in self.windows for ym in window})
        sums = ", ".join(
            f"CAST(SUM({cents} * CASE a.month "
            + " ".join(f"WHEN :m{y * 100 + m} THEN :d{y * 100 + m}" for y, m in window)
            + f" END) AS {integer}) AS cd{k}" for k, window in enumerate(self.windows))
        return ("SELECT a.customer_id, " + sums + " FROM aum_month a "
                "WHERE +a.month IN (" + ", ".join(f":m{y * 100 + m}" for y, m in months) + ") "
                f"AND a.customer_id {self._ids(excepted)} GROUP BY a.customer_id")

    @staticmethod
    def _ids(excepted: bool) -> str:
        return ("IN (SELECT g.customer_id FROM tier_exception g WHERE g.status = :approved)" if excepted
                else "BETWEEN :lo AND :hi")

    def sums_columns(self) -> str:
        return ", ".join(["customer_id INTEGER PRIMARY KEY"] + [f"cd{k} INTEGER" for k in range(len(self.windows))])

    def customers(self, *, excepted: bool, sums: str = "") -> str:
        """Each active customer's id, tier, active card and, per quarter, ``SUM(cents × days in
        month)`` (NULL when the quarter has no figure at all): those with an approved exception
        (``excepted``), or those without whose ids lie in :lo to :hi. The sums are read from
        the table ``sums`` when given (SQLite: a table keyed by customer, where the join looks
        each customer up instead of indexing the sums first), else computed in place."""
        ids = self._ids(excepted)
        return (
            "SELECT c.id AS id, t.tier AS tier, v.card_type AS held, "
            + (f"{self.listed_this_month('c.id')} AS listed, " if excepted
               else "c.branch_id AS branch_id, c.last_contact_at AS last_contact_at, ")
            + ", ".join(f"s.cd{k} AS cd{k}" for k in range(len(self.windows)))
            # the tier rows' ids bounded too: PostgreSQL does not carry c's bounds over to t,
            # and hashed all million tier rows for every range
            + f" FROM customer c JOIN customer_tier t ON t.id = c.id AND t.id {ids} "
            + ("JOIN branch b ON b.id = c.branch_id AND b.path LIKE :prefix " if self.scoped else "")
            + "LEFT JOIN vip_card v ON v.customer_id = c.id AND v.status = :active_card "
            f"LEFT JOIN {sums or '(' + self.sums(excepted=excepted) + ')'} s ON s.customer_id = c.id "
            f"WHERE c.active = :yes AND c.id {ids}"
            + ("" if excepted else f" AND c.id NOT {self._ids(True)}"))

    def decisions(self, sums: str = "") -> str:
        """Per customer without an exception (ids :lo to :hi; the sums read from ``sums`` when
        given, see :meth:`customers`): the average (cents), computed and
        effective tier, and 0/1 columns ``changed``, ``up``, ``first``, ``below``, ``raised``,
        ``lowered``: :func:`app.tiers.rules.evaluate` in SQL, for the customers it is the same
        for (no exception: the band alone decides, bar the card flags).

        Tiers are decided as band ranks and the ranks materialized before the flags read them:
        a flattened query would evaluate the average's band again at every column that
        mentions the effective tier (about a dozen times a customer)."""
        policy, rule = self.policy, self.policy.below_standard
        bands = list(enumerate(policy.bands))
        # half-up to the cent without doubling the sum: the largest accepted amount's quarter sum
        # fills most of a 64-bit integer
        avgs = ", ".join(f"cd{k} / {d} + CASE WHEN 2 * (cd{k} % {d}) >= {d} THEN 1 ELSE 0 END AS avg{k}"
                         for k, d in enumerate(self.days))
        held_rank = "CASE held " + " ".join(
            f"WHEN '{card}' THEN {card_rank(card)}" for card in CARD_TYPES) + " ELSE 0 END"
        computed_rank = ("CASE WHEN avg0 IS NULL THEN NULL "
                         + " ".join(f"WHEN avg0 >= :bound{i} THEN {i}" for i, _ in reversed(bands[1:]))
                         + " ELSE 0 END")
        from_rank = "CASE tier " + " ".join(f"WHEN :code{i} THEN {i}" for i, _ in bands) + " END"

        def code(rank: str) -> str:
            return f"CASE {rank} " + " ".join(f"WHEN {i} THEN :code{i}" for i, _ in bands) + " END"

        def entitled(rank: str) -> str:
            return f"CASE {rank} " + " ".join(f"WHEN {i} THEN {card_rank(b.card_type)}" for i, b in bands) + " ELSE 0 END"

        # an average is standard from the card's threshold up (whole cents: ceil of the
        # threshold); a card no band carries any more has no standard average
        bounds = {card: policy.card_bound(card) for card in CARD_TYPES}
        thresholds = {card: None if bound is None else math.ceil(rule.threshold(bound) * 100)
                      for card, bound in bounds.items()}
        threshold = "CASE held " + " ".join(
            f"WHEN '{card}' THEN {NO_STANDARD if t is None else t}" for card, t in thresholds.items()) + " END"
        run = " AND ".join(f"avg{k} < {threshold}" for k in range(rule.months))
        ranked = (
            f"SELECT l0.*, {computed_rank} AS computed_rank, {from_rank} AS from_rank "
            f"FROM (SELECT id, tier, held, branch_id, last_contact_at, {held_rank} AS held_rank, {avgs} "
            f"FROM ({self.customers(excepted=False, sums=sums)}) raw) l0")
        return (
            f"WITH r AS MATERIALIZED (SELECT l1.*, COALESCE(computed_rank, from_rank, 0) AS to_rank "
            f"FROM ({ranked}) l1) "
            f"SELECT id, tier, held, branch_id, last_contact_at, avg0, {code('computed_rank')} AS computed, {code('to_rank')} AS effective, "
            "CASE WHEN from_rank = to_rank THEN 0 ELSE 1 END AS changed, "
            "CASE WHEN avg0 IS NOT NULL AND held_rank > 0 AND entitled > held_rank THEN 1 ELSE 0 END AS up, "
            "CASE WHEN avg0 IS NULL OR held_rank > 0 OR entitled = 0 THEN 0 WHEN entitled_before = 0 THEN 1 "
            f"WHEN {self.listed_this_month('l2.id')} THEN 1 ELSE 0 END AS first, "
            f"CASE WHEN avg0 IS NOT NULL AND held_rank > entitled AND {run} THEN 1 ELSE 0 END AS below, "
            "CASE WHEN from_rank < to_rank THEN 1 ELSE 0 END AS raised, "
            "CASE WHEN from_rank > to_rank THEN 1 ELSE 0 END AS lowered "
            f"FROM (SELECT r.*, {entitled('to_rank')} AS entitled, {entitled('from_rank')} AS entitled_before "
            "FROM r) l2")

    def amount(self, column: str) -> str:
        """Whole cents as the amount a money column stores (db.money: exact on both engines)."""
        return amount_sql(column, self.kind)

    def writes(self, source: str) -> list[str]:
        """From the decisions in ``source``: the tier changes (first-card entries among them),
        the customers' new tiers, the worklists (first-card entries only for those the month's
        earlier run listed and this one did not move)."""
        worklists = " UNION ALL ".join(
            f"SELECT CAST(:evaluation AS INTEGER), id, '{kind}', {self.amount('avg0')}, COALESCE(computed, ''), "
            f"effective, held FROM {source} WHERE {condition}"
            for kind, condition in ((UPGRADE, "up = 1"), (BELOW_STANDARD, "below = 1"),
                                    (FIRST_CARD, "first = 1 AND changed = 0")))
        return [
            "INSERT INTO tier_change (customer_id, evaluation_id, from_tier, to_tier, computed_tier, first_card, "
            f"average, cause, changed_at) SELECT id, CAST(:evaluation AS INTEGER), tier, effective, "
            f"COALESCE(computed, ''), first = 1, {self.amount('avg0')}, '{CAUSE_EVALUATION}', :now "
            f"FROM {source} WHERE changed = 1",
            f"UPDATE customer_tier SET tier = d.effective, tier_since = :today FROM {source} d "
            "WHERE d.id = customer_tier.id AND d.changed = 1",
            "INSERT INTO tier_worklist (evaluation_id, customer_id, kind, average, computed_tier, "
            "effective_tier, card_type_held) " + worklists,
        ]

    @staticmethod
    def moves(source: str) -> str:
        """The tier changes among the decisions in ``source``, counted by what the care figures
        read of them: who moves from which tier to which, in which branch, last contacted when."""
        return (f"SELECT branch_id, tier, effective, last_contact_at, COUNT(*) AS n FROM {source} "
                "WHERE changed = 1 GROUP BY branch_id, tier, effective, last_contact_at")

    @staticmethod
    def figure_writes(moves: str) -> list[care_figures.BulkWrite]:
        """What :meth:`writes` change of the rows the care figures count, from the :meth:`moves`
        in ``moves``, for SQLite to change the figures a set at a time. The moves carry what the
        figures look up of the customer (the customers decided are all active; the join of a
        tier change or tier row to its customer holds of every row, hence the constant ids)."""
        customer = "0 AS id, branch_id, 1 AS active, last_contact_at, n"
        return [
            care_figures.BulkWrite("tier_change", None, f"SELECT {customer}, 0 AS customer_id, tier AS from_tier, "
                                   f"effective AS to_tier, :now AS changed_at FROM {moves}",
                                   carries="customer", weight="n"),
            care_figures.BulkWrite(
                "customer_tier", f"SELECT {customer}, tier FROM {moves}",
                f"SELECT {customer}, effective AS tier FROM {moves}", ("tier", "tier_since"),
                carries="customer", weight="n"),
        ]

    @staticmethod
    def counts(source: str) -> str:
        return ("SELECT COUNT(*), COUNT(avg0), COALESCE(SUM(changed), 0), COALESCE(SUM(raised), 0), "
                "COALESCE(SUM(lowered), 0), COALESCE(SUM(up), 0), COALESCE(SUM(below), 0), "
                f"COALESCE(SUM(first), 0) FROM {source}")


COUNTED = ("customers", "with_data", "changed", "upgraded", "downgraded", *WORKLIST_KINDS)


def _typed(sql: str):
    """``sql`` as text with its time stamps typed (SQLite stores them as SQLAlchemy does)."""
    types: dict[str, TypeEngine[Any]] = {"now": DateTime(), "today": Date()}
    return text(sql).bindparams(*(bindparam(name, type_=t) for name, t in types.items()
                                  if f":{name}" in sql))


def _evaluate_in_sql(session: Session, query: _Query, params: dict, lo: int, hi: int) -> dict[str, int]:
    """Decide and write every customer without an exception whose id is in ``lo..hi``, in the
    database (no row comes to Python); the counts of what it did."""
    params = {**params, "lo": lo, "hi": hi}
    if query.kind == "postgresql":
        # one statement: data-modifying CTEs read one materialized set of decisions
        # (staff login roles may not create temporary tables)
        writes = ", ".join(f"w{i} AS ({sql})" for i, sql in enumerate(query.writes("d")))
        found = session.execute(_typed(
            f"WITH d AS MATERIALIZED ({query.decisions()}), {writes} {query.counts('d')}"), params).one()
    else:
        session.execute(text(f"CREATE TABLE {SUMS} ({query.sums_columns()})"))
        session.execute(text(f"INSERT INTO {SUMS} {query.sums(excepted=False)}"), params)
        session.execute(text(f"CREATE TABLE {DECISIONS} AS {query.decisions(SUMS)}"), params)
        session.execute(text(f"DROP TABLE {SUMS}"))
        try:
            session.execute(text(f"CREATE TABLE {MOVES} AS {query.moves(DECISIONS)}"))
            figures = [sql for write in query.figure_writes(MOVES) for sql in write.statements()]
            for sql in query.writes(DECISIONS) + figures:
                session.execute(_typed(sql), params)
            found = session.execute(text(query.counts(DECISIONS))).one()
        finally:
            session.execute(text(f"DROP TABLE IF EXISTS {MOVES}"))
            session.execute(text(f"DROP TABLE {DECISIONS}"))
    return dict(zip(COUNTED, map(int, found)))


def _evaluate_excepted(session: Session, query: _Query, params: dict, exceptions: dict[int, TierException],
                       evaluation_id: int, now: datetime) -> dict[str, int]:
    """The few customers with an approved exception, one by one through
    :func:`app.tiers.rules.evaluate` (the exception's outcome, and its end, are its to tell)."""
    policy, on = query.policy, month_end(query.windows[0][-1])
    counts = dict.fromkeys((*COUNTED, "exceptions_applied", "exceptions_ended"), 0)
    changes, tiers, worklist = [], [], []
    days = query.days
    for customer_id, current, held, listed, *sums in session.execute(
            text(query.customers(excepted=True)), params):
        exception = exceptions.get(customer_id)
        averages = [_cents_to_amount(v, d) for v, d in zip(sums, days)]
        result = evaluate(current, held, averages[0], exception, policy, on, averages[1:],
                          listed_this_month=bool(listed))
        counts["customers"] += 1
        counts["with_data"] += result.average is not None
        outcome = result.exception_outcome
        counts["exceptions_applied"] += outcome is ExceptionOutcome.APPLIED
        counts[UPGRADE] += result.eligible_for_upgrade
        counts[BELOW_STANDARD] += result.below_standard
        counts[FIRST_CARD] += result.newly_eligible_for_first_card
        if result.tier_changed:
            cause = CAUSE_EVALUATION
            if outcome is ExceptionOutcome.APPLIED:
                cause = CAUSE_EXCEPTION
            elif outcome is ExceptionOutcome.EXPIRED and exception is not None and exception.tier == current:
                cause = CAUSE_EXCEPTION_EXPIRED
                counts["exceptions_ended"] += 1
            changes.append(dict(customer_id=customer_id, evaluation_id=evaluation_id, from_tier=current,
                                to_tier=result.effective.code,
                                computed_tier=result.computed.code if result.computed else "",
                                first_card=result.newly_eligible_for_first_card,
                                average=result.average, cause=cause, changed_at=now))
            tiers.append(dict(customer=customer_id, new_tier=result.effective.code, since=params["today"]))
            counts["changed"] += 1
            if current in policy.codes:
                up = policy.rank(result.effective.code) > policy.rank(current)
                counts["upgraded" if up else "downgraded"] += 1
        # a first-card entry is the tier change's mark, or a row when the change was the month's earlier run
        for kind, flagged in ((UPGRADE, result.eligible_for_upgrade), (BELOW_STANDARD, result.below_standard),
                              (FIRST_CARD, result.newly_eligible_for_first_card and not result.tier_changed)):
            if flagged:
                worklist.append(dict(evaluation_id=evaluation_id, customer_id=customer_id, kind=kind,
                                     average=result.average,
                                     computed_tier=result.computed.code if result.computed else "",
                                     effective_tier=result.effective.code, card_type_held=held))
    if changes:
        session.execute(insert(TierChange), changes)
        table = typing.cast(Table, CustomerTier.__table__)  # typed FromClause by DeclarativeBase
        session.execute(table.update().where(table.c.id == bindparam("customer")).values(
            tier=bindparam("new_tier"), tier_since=bindparam("since")), tiers)
    if worklist:
        session.execute(insert(TierWorklistEntry), worklist)
    return counts


def evaluate_tiers(store: Store, actor: Actor, as_of: tuple[int, int] | None = None, *,
                   progress: Progress | None = None) -> EvaluationResult:
    """Evaluate every active customer in the actor's scope as of the end of month ``as_of``
    (default: last month) under the policy in force then (RUN_TIER_EVALUATION).

    Customers without an exception are decided and written by the database, a range of ids
    at a time (progress and cancel between ranges); the few with one go through
    :func:`app.tiers.rules.evaluate` in Python. Everything is one transaction."""
    require(actor, Permission.RUN_TIER_EVALUATION)
    today = store.today()
    as_of = as_of or last_month(today)
    if as_of > (today.year, today.month):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is in the future"),
                              field=AS_OF, value=f"{as_of[0]}-{as_of[1]:02d}")
    on = month_end(as_of)

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    with store.write(actor) as uow:
        session = uow.session
        allow_long_job(session)
        policy = policy_in_force_at(session, on)
        query = _Query(store.kind, actor.branch_path != "/", policy,
                       _windows(as_of, policy.below_standard.months))
        params = query.params(actor)
        scope = "JOIN branch b ON b.id = c.branch_id AND b.path LIKE :prefix " if query.scoped else ""
        total, low, high = session.execute(text(
            f"SELECT COUNT(*), MIN(c.id), MAX(c.id) FROM customer c {scope}WHERE c.active = :yes"),
            params).one()
        report(0, total or 0)
        evaluation = TierEvaluation(as_of=as_of[0] * 100 + as_of[1], policy_version=policy.version,
                                    branch_id=_scope_branch_id(session, actor), run_at=uow.now,
                                    run_by=actor.username, counts="{}")
        session.add(evaluation)
        session.flush()
        params.update(evaluation=evaluation.id, now=uow.now, today=uow.today)
        exceptions = _exceptions(session, actor, policy, on)
        counts = _evaluate_excepted(session, query, params, exceptions, evaluation.id, uow.now)
        with (care_figures.sqlite_in_bulk(session.connection(), query.figure_writes(MOVES))
              if store.kind == "sqlite" else nullcontext()):
            for lo in range(low or 0, (high or -1) + 1, ID_RANGE):
                done = _evaluate_in_sql(session, query, params, lo, lo + ID_RANGE - 1)
                for key, value in done.items():
                    counts[key] += value
                report(counts["customers"], total)
        evaluation.counts = json.dumps(counts, sort_keys=True)
        uow.audit("tier.evaluate", "tier_evaluation", evaluation.id, after={
            "as_of": f"{as_of[0]}-{as_of[1]:02d}", "policy_version": policy.version, **counts})
        return EvaluationResult(evaluation.id, evaluation.as_of, policy.version, counts)


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class EvaluationRow:
    id: int
    as_of: int
    policy_version: int
    branch_code: str
    run_at: datetime
    run_by: str           # the person's name
    counts: dict[str, int]


@dataclass(frozen=True)
class WorklistRow:
    customer_id: int         # a list's order and its keyset key (one entry per customer)
    cif_no: str
    name: str
    branch_code: str
    phone_masked: str
    average: Decimal | None
    computed_tier: str
    effective_tier: str
    card_type_held: str | None


def latest_evaluation(store: Store, actor: Actor) -> EvaluationRow | None:
    """The latest evaluation that covered the actor's whole scope (run for the whole tree, or
    for the actor's branch or one above it)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with store.read() as session:
        query = (select(TierEvaluation, Branch.code).outerjoin(Branch, Branch.id == TierEvaluation.branch_id)
                 .where(or_(TierEvaluation.branch_id.is_(None),
                            literal(actor.branch_path).startswith(Branch.path)))
                 .order_by(TierEvaluation.id.desc()).limit(1))
        row = session.execute(query).first()
        if row is None:
            return None
        evaluation, code = row
        by = person(names_of(session, [evaluation.run_by]), evaluation.run_by)
        return EvaluationRow(evaluation.id, evaluation.as_of, evaluation.policy_version, code or "",
                             evaluation.run_at, by, json.loads(evaluation.counts))


def _sources(evaluation_id: int, kind: str) -> list[tuple]:
    """Where one worklist of an evaluation is kept, as (query, its customer id column): the
    query gives customer, average, computed and effective tier, card held. First-card entries
    are the evaluation's tier changes marked so, and worklist rows (a re-run's carried entries,
    and every entry of the evaluations before migration 0021)."""
    w = TierWorklistEntry
    sources = [(select(w.customer_id, w.average, w.computed_tier, w.effective_tier, w.card_type_held)
                .where(w.evaluation_id == evaluation_id, w.kind == kind), w.customer_id)]
    if kind == FIRST_CARD:
        c = TierChange
        sources.append((select(c.customer_id, c.average, func.coalesce(c.computed_tier, ""), c.to_tier,
                               cast(null(), String(16)))
                        .where(c.evaluation_id == evaluation_id, c.first_card), c.customer_id))
    return sources


def _in_scope(query, actor: Actor, customer_id):
    """``query`` joined to the customer of ``customer_id`` and the branch, kept to the actor's scope."""
    query = (query.join(Customer, Customer.id == customer_id)
             .join(Branch, Branch.id == Customer.branch_id))
    return query if actor.branch_path == "/" else query.where(Branch.path.startswith(actor.branch_path))


def worklist_page(store: Store, actor: Actor, evaluation_id: int, kind: str, *, after_customer: int | None = None,
                  limit: int = PAGE_SIZE) -> list[WorklistRow]:
    """One keyset page of a worklist in customer order, customers in the actor's scope only,
    phone masked. Each place the list is kept gives its own page, read along its index by
    (evaluation, customer), and the pages are merged: over a union, PostgreSQL sorted the
    whole list of an evaluation for every page (500,000 entries: 0.1 s a page with fresh
    statistics, 0.9 s right after the evaluation)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    if kind not in WORKLIST_KINDS:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such worklist."))
    rows: list[Row] = []
    with store.read() as session:
        for query, customer_id in _sources(evaluation_id, kind):
            query = _in_scope(query.add_columns(Customer.cif_no, Customer.name, Customer.phone_masked, Branch.code),
                              actor, customer_id)
            if after_customer is not None:
                query = query.where(customer_id > after_customer)
            rows += session.execute(query.order_by(customer_id).limit(limit)).all()
    rows.sort(key=lambda row: row[0])
    return [WorklistRow(customer_id, cif, name, code, mask_phone(phone) if phone else "",
                        None if average is None else Decimal(str(average)).quantize(Decimal("0.01")),
                        computed, effective, held)
            for customer_id, average, computed, effective, held, cif, name, phone, code in rows[:limit]]


def worklist_counts(store: Store, actor: Actor, evaluation_id: int) -> dict[str, int]:
    """How many customers of the actor's scope each worklist of an evaluation holds."""
    require(actor, Permission.VIEW_CUSTOMERS)
    w, c = TierWorklistEntry, TierChange
    listed = _in_scope(select(w.kind, func.count()).where(w.evaluation_id == evaluation_id).group_by(w.kind),
                       actor, w.customer_id)
    moved = _in_scope(select(func.count()).select_from(c).where(c.evaluation_id == evaluation_id, c.first_card),
                      actor, c.customer_id)
    with store.read() as session:
        found = dict(session.execute(listed).all())
        found[FIRST_CARD] = found.get(FIRST_CARD, 0) + session.scalar(moved)
    return {kind: found.get(kind, 0) for kind in WORKLIST_KINDS}


def iter_worklist(store: Store, actor: Actor, evaluation_id: int, kind: str) -> Iterator[WorklistRow]:
    after = None
    while True:
        page = worklist_page(store, actor, evaluation_id, kind, after_customer=after, limit=2000)
        yield from page
        if len(page) < 2000:
            return
        after = page[-1].customer_id


EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "CIF number"),
    QT_TRANSLATE_NOOP("exports", "Name"),
    QT_TRANSLATE_NOOP("exports", "Branch"),
    QT_TRANSLATE_NOOP("exports", "Phone (masked)"),
    QT_TRANSLATE_NOOP("exports", "Rolling quarterly average"),
    QT_TRANSLATE_NOOP("exports", "Computed tier"),
    QT_TRANSLATE_NOOP("exports", "Effective tier"),
    QT_TRANSLATE_NOOP("exports", "Card held"),
)


def export_worklist(store: Store, actor: Actor, evaluation_id: int, kind: str, out: Path, *, say: Say | None = None) -> int:
    """Write one worklist (masked) to ``out`` as a CSV export (:func:`app.outfile.export_csv`),
    EXPORT_CUSTOMERS; audited as one event."""
    require(actor, Permission.EXPORT_CUSTOMERS)
    rows = ([row.cif_no, row.name, row.branch_code, row.phone_masked,
             "" if row.average is None else f"{row.average:.2f}",
             row.computed_tier, row.effective_tier, row.card_type_held or ""]
            for row in iter_worklist(store, actor, evaluation_id, kind))
    with store.read() as session:
        evaluated = session.get(TierEvaluation, evaluation_id)
        policy = policy_version(session, evaluated.policy_version) if evaluated is not None else None
    tiers = Codes("tiers", {**TIER_LABELS, **({b.code: b.label for b in policy.bands} if policy else {})})
    return export_csv(store, actor, out, header=EXPORT_HEADER, rows=rows, action="tier.worklist_export",
                      entity="tier_evaluation", entity_id=evaluation_id, details={"kind": kind}, say=say,
                      codes={5: tiers, 6: tiers, 7: Codes("card_types", CARD_TYPE_LABELS)})

