"""Tier evaluation: every active customer in scope, set-based, in one transaction.

The day-weighted rolling quarterly average is computed by the database, grouped by customer,
in exact integer arithmetic: ``SUM(cents × days in month)`` over the three months of the
quarter (a missing month counts 0, as :func:`app.tiers.rules.rolling_quarterly_average`);
Python divides by the quarter's days rounding half-up to the cent, and finds the band. The rows
are streamed in large chunks; the writes (tier changes, customers' tiers, worklists) go in
batches (SQLite ``executemany``; PostgreSQL one ``INSERT ... SELECT FROM unnest(arrays)`` /
``UPDATE ... FROM unnest(arrays)`` per batch: staff login roles may not create temporary
tables, and ``COPY FROM`` is refused on tables with row-level security). No per-customer query.

The card a customer holds is one lookup in the card register, :func:`held_card_types` (the
active VIP card, one query per chunk of customers): a cardholder whose tier entitles to a
higher card is listed for an upgrade, one whose card is above what the tier entitles to is
listed for a downgrade review when the policy's below-standard rule says so (never downgraded
silently; the query then also sums the quarters ending at the month-ends the rule looks back
over), and a customer with no active card whose tier carries one is newly eligible for a first
card.
"""

from __future__ import annotations

import bisect
import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, literal, or_, select, text
from sqlalchemy.orm import Session

from app.auth.permissions import Permission, require
from app.customers.rules import mask_phone
from app.errors import QT_TRANSLATE_NOOP, Cancelled, NotFound, ValidationError
from app.tiers.aum_import import parse_month
from app.tiers.policy_store import policy_in_force_at
from app.tiers.rules import (
    ExceptionOutcome, TierException, TierPolicy, evaluate, month_end, quarter_window,
)
from db.arrays import array_literal, column_literals
from db.models import Branch, Customer, TierEvaluation, TierExceptionGrant, TierWorklistEntry, VipCard

AS_OF = QT_TRANSLATE_NOOP("fields", "As of")

UPGRADE, BELOW_STANDARD, FIRST_CARD = "upgrade", "below_standard", "first_card"
WORKLIST_KINDS = (UPGRADE, BELOW_STANDARD, FIRST_CARD)
WORKLIST_LABELS = {
    UPGRADE: QT_TRANSLATE_NOOP("worklists", "Eligible for upgrade"),
    BELOW_STANDARD: QT_TRANSLATE_NOOP("worklists", "Below standard (downgrade review)"),
    FIRST_CARD: QT_TRANSLATE_NOOP("worklists", "Newly eligible for a first card"),
}
CAUSE_EVALUATION, CAUSE_EXCEPTION, CAUSE_EXCEPTION_EXPIRED = "evaluation", "exception", "exception_expired"

CHUNK = 20_000
BATCH = 100_000
PAGE_SIZE = 200
HELD_CHUNK = 900  # bound parameters per IN (...) list, safe on SQLite

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


def held_card_types(session: Session, customer_ids: list[int]) -> dict[int, str]:
    """The card type of each customer's active VIP card (customer id -> card type), from the
    card register; customers without an active card are absent."""
    held: dict[int, str] = {}
    for start in range(0, len(customer_ids), HELD_CHUNK):
        part = customer_ids[start:start + HELD_CHUNK]
        held.update(session.execute(select(VipCard.customer_id, VipCard.card_type).where(
            VipCard.customer_id.in_(part), VipCard.status == "active")).all())
    return held


def _scope_branch_id(session: Session, actor) -> int | None:
    """The branch an evaluation is recorded for: None when the actor sees the whole tree."""
    if actor.branch_id is None or actor.branch_path == "/":
        return None
    parent = session.scalar(select(Branch.parent_id).where(Branch.id == actor.branch_id))
    return None if parent is None else actor.branch_id


def _exceptions(session: Session, actor, policy: TierPolicy, on: date) -> dict[int, TierException]:
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


def _averages_sql(kind: str, scoped: bool, windows: list[list[tuple[int, int]]]) -> str:
    """Each active customer's id, tier and, per window, ``SUM(cents × days in month)`` (NULL
    when the window has no figure at all)."""
    cents = ("CAST(ROUND(a.avg_daily_aum * 100) AS BIGINT)" if kind == "postgresql"
             else "CAST(ROUND(a.avg_daily_aum * 100) AS INTEGER)")
    scope = ("JOIN branch b ON b.id = c.branch_id AND b.path LIKE :prefix " if scoped else "")
    months = sorted({ym for window in windows for ym in window})
    sums = ", ".join(
        f"SUM({cents} * CASE a.month "
        + " ".join(f"WHEN :m{y * 100 + m} THEN :d{y * 100 + m}" for y, m in window)
        + f" END) AS cd{k}" for k, window in enumerate(windows))
    return (
        "SELECT c.id, c.tier, " + ", ".join(f"s.cd{k}" for k in range(len(windows)))
        + " FROM customer c " + scope +
        "LEFT JOIN (SELECT a.customer_id, " + sums + " FROM aum_month a "
        "WHERE a.month IN (" + ", ".join(f":m{y * 100 + m}" for y, m in months) + ") "
        "GROUP BY a.customer_id) s ON s.customer_id = c.id "
        "WHERE c.active = :yes")


def evaluate_tiers(store, actor, as_of: tuple[int, int] | None = None, *,
                   progress: Progress | None = None) -> EvaluationResult:
    """Evaluate every active customer in the actor's scope as of the end of month ``as_of``
    (default: last month) under the policy in force then (RUN_TIER_EVALUATION)."""
    require(actor, Permission.RUN_TIER_EVALUATION)
    today = store.clock().date()
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
        policy = policy_in_force_at(session, on)
        bounds = [int(band.lower_bound * 100) for band in policy.bands]
        windows = _windows(as_of, policy.below_standard.months)
        window_days = [sum(month_end(ym).day for ym in window) for window in windows]
        total_days = window_days[0]
        exceptions = _exceptions(session, actor, policy, on)
        scoped = actor.branch_path != "/"
        params = {"yes": True, **{f"m{y * 100 + m}": y * 100 + m for w in windows for y, m in w},
                  **{f"d{y * 100 + m}": month_end((y, m)).day for w in windows for y, m in w}}
        if scoped:
            params["prefix"] = actor.branch_path + "%"
        total = session.execute(text(
            "SELECT COUNT(*) FROM customer c "
            + ("JOIN branch b ON b.id = c.branch_id AND b.path LIKE :prefix " if scoped else "")
            + "WHERE c.active = :yes"), params).scalar() or 0
        report(0, total)

        cache: dict[tuple, object] = {}
        changes: list[tuple] = []      # customer_id, from, to, average, cause
        worklist: list[tuple] = []     # customer_id, kind, average, computed, effective, held
        counts = dict.fromkeys(("customers", "with_data", "changed", "upgraded", "downgraded",
                                "exceptions_applied", "exceptions_ended", *WORKLIST_KINDS), 0)
        bands = {band.code: band for band in policy.bands}
        ranks = {band.code: i for i, band in enumerate(policy.bands)}
        rows = session.connection().execute(
            text(_averages_sql(store.kind, scoped, windows)).execution_options(yield_per=CHUNK), params)
        done = 0
        for partition in rows.partitions(CHUNK):
            ids = [r[0] for r in partition]
            held_known = held_card_types(session, ids)
            for customer_id, current, cent_days, *earlier_sums in partition:
                average_cents = None if cent_days is None else (2 * int(cent_days) + total_days) // (2 * total_days)
                current_band = bands.get(current)
                held = held_known.get(customer_id)
                exception = exceptions.get(customer_id)
                if exception is None and held is None:
                    # the outcome depends on the band alone: one evaluation per (tier, band)
                    band_index = (None if average_cents is None
                                  else max(0, bisect.bisect_right(bounds, average_cents) - 1))
                    cache_key = (current, band_index)
                    cached = cache.get(cache_key)
                    if cached is None:
                        representative = None if band_index is None else policy.bands[band_index].lower_bound
                        cached = cache[cache_key] = _outcome(evaluate(current, None, representative, None,
                                                                      policy, on))
                else:
                    average = None if average_cents is None else Decimal(average_cents).scaleb(-2)
                    earlier = [_cents_to_amount(v, d) for v, d in zip(earlier_sums, window_days[1:])]
                    cached = _outcome(evaluate(current, held, average, exception, policy, on, earlier))
                result, effective, computed, kinds = cached
                counts["customers"] += 1
                if average_cents is not None:
                    counts["with_data"] += 1
                outcome = result.exception_outcome
                if outcome is ExceptionOutcome.APPLIED:
                    counts["exceptions_applied"] += 1
                if effective == current and not kinds:
                    continue
                average = None if average_cents is None else Decimal(average_cents).scaleb(-2)
                if effective != current:
                    cause = CAUSE_EVALUATION
                    if outcome is ExceptionOutcome.APPLIED:
                        cause = CAUSE_EXCEPTION
                    elif outcome is ExceptionOutcome.EXPIRED and exception.tier == current:
                        cause = CAUSE_EXCEPTION_EXPIRED
                        counts["exceptions_ended"] += 1
                    changes.append((customer_id, current, effective, average, cause))
                    counts["changed"] += 1
                    if current_band is not None:
                        up = ranks[effective] > ranks[current]
                        counts["upgraded" if up else "downgraded"] += 1
                for kind in kinds:
                    worklist.append((customer_id, kind, average, computed, effective, held))
                    counts[kind] += 1
            done += len(partition)
            report(done, total)

        evaluation = TierEvaluation(as_of=as_of[0] * 100 + as_of[1], policy_version=policy.version,
                                    branch_id=_scope_branch_id(session, actor), run_at=uow.now,
                                    run_by=actor.username, counts=json.dumps(counts, sort_keys=True))
        session.add(evaluation)
        session.flush()
        _write(session, store.kind, evaluation.id, uow.now, changes, worklist)
        uow.audit("tier.evaluate", "tier_evaluation", evaluation.id, after={
            "as_of": f"{as_of[0]}-{as_of[1]:02d}", "policy_version": policy.version, **counts})
        return EvaluationResult(evaluation.id, evaluation.as_of, policy.version, counts)


def _outcome(result) -> tuple:
    """What the loop needs of one evaluation: it, the effective and computed codes, and the
    worklists it goes on."""
    kinds = tuple(kind for kind, flagged in ((UPGRADE, result.eligible_for_upgrade),
                                             (BELOW_STANDARD, result.below_standard),
                                             (FIRST_CARD, result.newly_eligible_for_first_card))
                  if flagged)
    return result, result.effective.code, result.computed.code if result.computed else "", kinds


def _write(session: Session, kind: str, evaluation_id: int, now: datetime,
           changes: list[tuple], worklist: list[tuple]) -> None:
    change_rows = [(cid, evaluation_id, old, new, _num(avg), cause, now)
                   for cid, old, new, avg, cause in changes]
    tier_rows = [(new, now.date(), cid) for cid, _old, new, _avg, _cause in changes]
    work_rows = [(evaluation_id, cid, k, _num(avg), comp, eff, held)
                 for cid, k, avg, comp, eff, held in worklist]
    change_cols = "customer_id, evaluation_id, from_tier, to_tier, average, cause, changed_at"
    work_cols = "evaluation_id, customer_id, kind, average, computed_tier, effective_tier, card_type_held"
    dbapi = session.connection().connection.driver_connection
    if kind == "postgresql":
        # arrays unnest-ed server-side (db.arrays): staff roles may not create temporary tables
        with dbapi.cursor() as cur:
            for start in range(0, max(len(change_rows), len(work_rows)), BATCH):
                changes_ = change_rows[start:start + BATCH]
                if changes_:
                    columns = list(zip(*changes_))
                    cur.execute(
                        f"INSERT INTO tier_change ({change_cols}) SELECT * FROM unnest("
                        "%s::integer[], %s::integer[], %s::varchar[], %s::varchar[], %s::numeric[], "
                        "%s::varchar[], %s::timestamp[])", [array_literal(c) for c in columns])
                    cur.execute(
                        "UPDATE customer c SET tier = u.tier, tier_since = %s "
                        "FROM unnest(%s::integer[], %s::varchar[]) AS u(id, tier) WHERE c.id = u.id",
                        (now.date(), array_literal(columns[0]), array_literal(columns[3])))
                works = work_rows[start:start + BATCH]
                if works:
                    cur.execute(
                        f"INSERT INTO tier_worklist ({work_cols}) SELECT * FROM unnest("
                        "%s::integer[], %s::integer[], %s::varchar[], %s::numeric[], %s::varchar[], "
                        "%s::varchar[], %s::varchar[])", column_literals(works))
        return
    cur = dbapi.cursor()
    try:
        for start in range(0, max(len(change_rows), len(work_rows)), BATCH):
            if change_rows[start:start + BATCH]:
                cur.executemany(f"INSERT INTO tier_change ({change_cols}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                [(*r[:6], r[6].isoformat(sep=" ")) for r in change_rows[start:start + BATCH]])
                cur.executemany("UPDATE customer SET tier = ?, tier_since = ? WHERE id = ?",
                                [(t, d.isoformat(), c) for t, d, c in tier_rows[start:start + BATCH]])
            if work_rows[start:start + BATCH]:
                cur.executemany(f"INSERT INTO tier_worklist ({work_cols}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                work_rows[start:start + BATCH])
    finally:
        cur.close()


def _num(value: Decimal | None):
    return None if value is None else str(value)


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class EvaluationRow:
    id: int
    as_of: int
    policy_version: int
    branch_code: str
    run_at: datetime
    run_by: str
    counts: dict[str, int]


@dataclass(frozen=True)
class WorklistRow:
    id: int
    customer_id: int
    cif_no: str
    name: str
    branch_code: str
    phone_masked: str
    average: Decimal | None
    computed_tier: str
    effective_tier: str
    card_type_held: str | None


def latest_evaluation(store, actor) -> EvaluationRow | None:
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
        return EvaluationRow(evaluation.id, evaluation.as_of, evaluation.policy_version, code or "",
                             evaluation.run_at, evaluation.run_by, json.loads(evaluation.counts))


def _worklist_query(actor, evaluation_id: int, kind: str):
    query = (select(TierWorklistEntry, Customer.cif_no, Customer.name, Customer.phone, Branch.code)
             .join(Customer, Customer.id == TierWorklistEntry.customer_id)
             .join(Branch, Branch.id == Customer.branch_id)
             .where(TierWorklistEntry.evaluation_id == evaluation_id, TierWorklistEntry.kind == kind))
    if actor.branch_path != "/":
        query = query.where(Branch.path.startswith(actor.branch_path))
    return query


def worklist_page(store, actor, evaluation_id: int, kind: str, *, after_id: int | None = None,
                  limit: int = PAGE_SIZE) -> list[WorklistRow]:
    """One keyset page of a worklist, customers in the actor's scope only, phone masked."""
    require(actor, Permission.VIEW_CUSTOMERS)
    if kind not in WORKLIST_KINDS:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such worklist."))
    query = _worklist_query(actor, evaluation_id, kind)
    if after_id is not None:
        query = query.where(TierWorklistEntry.id > after_id)
    with store.read() as session:
        rows = session.execute(query.order_by(TierWorklistEntry.id).limit(limit)).all()
        return [WorklistRow(e.id, e.customer_id, cif, name, code, mask_phone(phone) if phone else "",
                            None if e.average is None else Decimal(str(e.average)).quantize(Decimal("0.01")),
                            e.computed_tier, e.effective_tier, e.card_type_held)
                for e, cif, name, phone, code in rows]


def worklist_counts(store, actor, evaluation_id: int) -> dict[str, int]:
    """How many customers of the actor's scope each worklist of an evaluation holds."""
    require(actor, Permission.VIEW_CUSTOMERS)
    query = (select(TierWorklistEntry.kind, func.count())
             .join(Customer, Customer.id == TierWorklistEntry.customer_id)
             .join(Branch, Branch.id == Customer.branch_id)
             .where(TierWorklistEntry.evaluation_id == evaluation_id)
             .group_by(TierWorklistEntry.kind))
    if actor.branch_path != "/":
        query = query.where(Branch.path.startswith(actor.branch_path))
    with store.read() as session:
        found = dict(session.execute(query).all())
    return {kind: found.get(kind, 0) for kind in WORKLIST_KINDS}


def iter_worklist(store, actor, evaluation_id: int, kind: str) -> Iterator[WorklistRow]:
    after = None
    while True:
        page = worklist_page(store, actor, evaluation_id, kind, after_id=after, limit=2000)
        yield from page
        if len(page) < 2000:
            return
        after = page[-1].id


EXPORT_HEADER = ["cif_no", "name", "branch", "phone_masked", "rolling_quarterly_average",
                 "computed_tier", "effective_tier", "card_held"]


def export_worklist(store, actor, evaluation_id: int, kind: str, out: Path) -> int:
    """Write one worklist (masked) to ``out`` as UTF-8 CSV with BOM (EXPORT_CUSTOMERS);
    audited as one event."""
    require(actor, Permission.EXPORT_CUSTOMERS)
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    count = 0
    try:
        with tmp.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_HEADER)
            for count, row in enumerate(iter_worklist(store, actor, evaluation_id, kind), start=1):
                writer.writerow([row.cif_no, row.name, row.branch_code, row.phone_masked,
                                 "" if row.average is None else f"{row.average:.2f}",
                                 row.computed_tier, row.effective_tier, row.card_type_held or ""])
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    with store.write(actor) as uow:
        uow.audit("tier.worklist_export", "tier_evaluation", evaluation_id,
                  after={"kind": kind, "rows": count, "file": out.name})
    return count

