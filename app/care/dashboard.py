"""The branch manager's care dashboard for one branch subtree: VIP counts by tier now and month
by month over the last year, upgrades, downgrades, tiers lost and VIP cards cancelled (churn),
contact-plan compliance, and complaints answered on time (VIP complaints weigh double), with the
same figures per child branch; exportable as CSV.

Every figure is read from counts the database keeps exact in the transaction of every change
(db.care_figures: by branch and tier, by day of latest contact, tier changes and cancelled cards
and complaints by month), so a dashboard reads a few rows per branch whatever the number of
customers. Two parts depend on the clock and are read live from small indexed ranges: the
contacts of the cutoff's own day (from the cutoff to its midnight) and complaints still open
past their deadline. Past months are the current counts with the later tier changes undone.
Months and days are Beijing's, the business calendar (app.business_day) the figures count by.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import BindParameter, and_, bindparam, case, func, literal, select, union_all

from app.auth.permissions import Permission, require
from app.business_day import business_date, day_start
from app.care.common import load_policy
from app.outfile import csv_filler, published
from app.stock.common import branch_in_scope, chunks
from app.tiers.policy_store import policy_in_force_at
from db import care_figures
from db.models import (
    Branch, CareCancelCount, CareComplaintCount, CareContactCount, CareMoveCount, CareTierCount, Complaint, Customer,
    CustomerTier,
)
from db.session_limits import allow_long_job
from app.actor import Actor
from app.store import Store

MONTHS = 12
FOLD_AFTER = 200   # rows of committed transactions read before the dashboard folds them


@dataclass(frozen=True)
class BranchFigures:
    """One row of the per-branch table (the branch's whole subtree)."""

    branch_id: int
    code: str
    name: str
    vips: int = 0
    plan_customers: int = 0     # VIPs whose tier has a contact plan
    plan_kept: int = 0          # ... contacted within their interval
    complaints: int = 0
    on_time: int = 0
    overdue_open: int = 0

    @property
    def compliance(self) -> float | None:
        return self.plan_kept / self.plan_customers if self.plan_customers else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.complaints if self.complaints else None


@dataclass(frozen=True)
class MonthMoves:
    month: int          # yyyymm
    upgrades: int
    downgrades: int
    lost: int           # moved down to a tier without a VIP card (churn: tier lost)
    cancelled: int = 0  # VIP cards cancelled (churn)


@dataclass
class Dashboard:
    branch_id: int
    branch_code: str
    branch_name: str
    today: date
    vip_tiers: list[str]
    counts: dict[str, int]
    trend: list[tuple[int, dict[str, int]]]       # oldest month first, counts at each month's end
    moves: list[MonthMoves]
    compliance: dict[str, tuple[int, int]]        # tier -> (customers with a plan, kept)
    complaints: int = 0
    on_time: int = 0
    overdue_open: int = 0
    vip_complaints: int = 0
    vip_on_time: int = 0
    branches: list[BranchFigures] = field(default_factory=list)

    @property
    def weighted_on_time_rate(self) -> float | None:
        """On-time rate with every VIP complaint counted twice (seed 000)."""
        total = self.complaints + self.vip_complaints
        return (self.on_time + self.vip_on_time) / total if total else None

    @property
    def vip_total(self) -> int:
        return sum(self.counts.values())


def _months_back(today: date, count: int) -> list[int]:
    index = today.year * 12 + today.month - 1
    return [(i // 12) * 100 + i % 12 + 1 for i in range(index - count + 1, index + 1)]


def _yyyymmdd(moment: datetime) -> int:
    """The business day of ``moment`` (naive UTC) as the contact figure keys it."""
    day = business_date(moment)
    return day.year * 10000 + day.month * 100 + day.day


# The dashboard's statements, built once (a dashboard only binds its values): the subtree's
# branches (``ids``), the tiers, the first month (``since``) and the clock's cutoffs.
_IDS: BindParameter[int] = bindparam("ids", expanding=True)
_SINCE: BindParameter[int] = bindparam("since")
_VIPS = (select(CareTierCount.branch_id, CareTierCount.tier, func.sum(CareTierCount.count), func.count())
         .where(CareTierCount.tier.in_(bindparam("tiers", expanding=True)), CareTierCount.branch_id.in_(_IDS))
         .group_by(CareTierCount.branch_id, CareTierCount.tier))
_MOVES = (select(CareMoveCount.month, CareMoveCount.from_tier, CareMoveCount.to_tier,
                 func.sum(CareMoveCount.count), func.count())
          .where(CareMoveCount.month >= _SINCE, CareMoveCount.branch_id.in_(_IDS))
          .group_by(CareMoveCount.month, CareMoveCount.from_tier, CareMoveCount.to_tier))
_CANCELLED = (select(CareCancelCount.month, func.sum(CareCancelCount.count), func.count())
              .where(CareCancelCount.month >= _SINCE, CareCancelCount.branch_id.in_(_IDS))
              .group_by(CareCancelCount.month))
_COMPLAINTS = (select(CareComplaintCount.branch_id, CareComplaintCount.vip, func.sum(CareComplaintCount.count),
                      func.sum(CareComplaintCount.on_time), func.count())
               .where(CareComplaintCount.month >= _SINCE, CareComplaintCount.branch_id.in_(_IDS))
               .group_by(CareComplaintCount.branch_id, CareComplaintCount.vip))
_LATE = (select(Complaint.branch_id, Complaint.vip, func.count())   # from the index of open complaints
         .where(Complaint.resolved_at.is_(None), Complaint.deadline_at < bindparam("now"),
                Complaint.accepted_at >= bindparam("start"), Complaint.branch_id.in_(_IDS))
         .group_by(Complaint.branch_id, Complaint.vip))


@cache
def _contacted_statement(tiers: int):
    """For ``tiers`` planned tiers (bound as tier0, day0, cutoff0, midnight0, ...), by branch
    and tier: the kept count of the whole days after each tier's cutoff day, then the customers
    contacted on the cutoff's own day from the cutoff to midnight (the customers' index), and
    the figure rows read (to know when to fold). One statement, built once per number of tiers."""
    tier: list[BindParameter[str]] = [bindparam(f"tier{i}") for i in range(tiers)]
    whole_days = case(*[(and_(CareContactCount.tier == tier[i], CareContactCount.day > bindparam(f"day{i}")),
                         CareContactCount.count) for i in range(tiers)], else_=0)
    kept = (select(CareContactCount.branch_id, CareContactCount.tier, func.sum(whole_days), func.count())
            .where(CareContactCount.tier.in_(tier), CareContactCount.branch_id.in_(_IDS),
                   CareContactCount.day > bindparam("first_day"))
            .group_by(CareContactCount.branch_id, CareContactCount.tier))
    cutoff_day = [select(Customer.branch_id, CustomerTier.tier, func.count(), literal(1))
                  .join(CustomerTier, CustomerTier.id == Customer.id)
                  .where(CustomerTier.tier == tier[i], Customer.branch_id.in_(_IDS), Customer.active.is_(True),
                         Customer.last_contact_at >= bindparam(f"cutoff{i}"),
                         Customer.last_contact_at < bindparam(f"midnight{i}"))
                  .group_by(Customer.branch_id, CustomerTier.tier) for i in range(tiers)]
    return union_all(kept, *cutoff_day)


def _contacted_since(session, planned: dict[str, datetime], ids: list[int]) -> tuple[dict[tuple[int, str], int], int]:
    """Active customers of each planned tier whose latest contact is at or after the tier's
    cutoff, by (branch, tier), exact to the second; and how many unfolded figure rows were read."""
    kept: dict[tuple[int, str], int] = defaultdict(int)
    unfolded = 0
    if not planned:
        return kept, unfolded
    values: dict = {"first_day": min(_yyyymmdd(c) for c in planned.values())}
    for i, (tier, cutoff) in enumerate(planned.items()):
        values |= {f"tier{i}": tier, f"day{i}": _yyyymmdd(cutoff), f"cutoff{i}": cutoff,
                   f"midnight{i}": day_start(business_date(cutoff) + timedelta(days=1))}
    for part in chunks(ids):
        for bid, tier, n, rows in session.execute(_contacted_statement(len(planned)), values | {"ids": part}):
            kept[(bid, tier)] += int(n)
            unfolded += rows - 1
    return kept, unfolded


def care_dashboard(store: Store, actor: Actor, branch_id: int | None = None) -> Dashboard:
    """The dashboard of ``branch_id``'s subtree (default: the actor's branch)."""
    require(actor, Permission.VIEW_CARE_DASHBOARD)
    now = store.clock()
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id)
        policy = load_policy(session)
        today = business_date(now)
        tiers = policy_in_force_at(session, today)
        vip_tiers = [b.code for b in tiers.bands if b.card_type is not None]
        ranks = {b.code: i for i, b in enumerate(tiers.bands)}
        branches = session.execute(select(Branch.id, Branch.code, Branch.name, Branch.path, Branch.parent_id)
                                   .where(Branch.path.startswith(branch.path))).all()
        ids = [b.id for b in branches]
        # the rows of the per-branch table: the branch itself (its own customers) and each child subtree
        children = [b for b in branches if b.parent_id == branch.id]
        group_of: dict[int, int] = {}
        for b in branches:
            owner = next((c.id for c in children if b.path.startswith(c.path)), branch.id)
            group_of[b.id] = owner
        figures: dict[int, dict] = {g: defaultdict(int) for g in [branch.id, *(c.id for c in children)]}

        # VIPs by branch and tier, and those whose latest contact lies within their tier's interval
        # (and the figure rows of transactions not yet folded into slot 0 on PostgreSQL)
        planned = {t: now - timedelta(days=days) for t in vip_tiers if (days := policy.interval(t))}
        kept_by_branch, unfolded = _contacted_since(session, planned, ids)
        counts: dict[str, int] = defaultdict(int)
        kept_by_tier: dict[str, int] = defaultdict(int)
        for part in chunks(ids):
            for bid, tier, n, rows in session.execute(_VIPS, {"tiers": vip_tiers, "ids": part}):
                n, kept, unfolded = int(n), kept_by_branch.get((bid, tier), 0), unfolded + rows - 1
                counts[tier] += n
                kept_by_tier[tier] += kept
                figures[group_of[bid]]["vips"] += n
                if tier in planned:
                    figures[group_of[bid]]["plan_customers"] += n
                    figures[group_of[bid]]["plan_kept"] += kept
        compliance = {t: (counts.get(t, 0), kept_by_tier.get(t, 0)) for t in planned}

        months = _months_back(today, MONTHS)
        start = day_start(date(months[0] // 100, months[0] % 100, 1))
        changes: dict[tuple[int, str, str], int] = defaultdict(int)   # (month, from, to) -> n
        for part in chunks(ids):
            for m, old, new, n, rows in session.execute(_MOVES, {"since": months[0], "ids": part}):
                changes[(m, old, new)] += int(n)
                unfolded += rows - 1
        trend, running = [], dict(counts)
        for m in reversed(months):
            trend.append((m, {t: running.get(t, 0) for t in vip_tiers}))
            for (cm, old, new), n in changes.items():  # undo month m's changes to get the month before
                if cm == m:
                    running[new] = running.get(new, 0) - n
                    running[old] = running.get(old, 0) + n
        trend.reverse()
        cancelled: dict[int, int] = defaultdict(int)  # churn: VIP cards cancelled, by month
        for part in chunks(ids):
            for m, n, rows in session.execute(_CANCELLED, {"since": months[0], "ids": part}):
                cancelled[m] += int(n)
                unfolded += rows - 1
        moves = []
        for m in months:
            up = down = lost = 0
            for (cm, old, new), n in changes.items():
                if cm != m or old not in ranks or new not in ranks:
                    continue
                if ranks[new] > ranks[old]:
                    up += n
                elif ranks[new] < ranks[old]:
                    down += n
                    if old in vip_tiers and new not in vip_tiers:
                        lost += n
            moves.append(MonthMoves(m, up, down, lost, cancelled.get(m, 0)))

        # complaints from the kept figures; those still open past their deadline from the index
        # of open complaints (a handful: they are answered within hours)
        complaints: dict[tuple[int, bool], list[int]] = defaultdict(lambda: [0, 0, 0])
        for part in chunks(ids):
            for bid, vip, n, kept, rows in session.execute(_COMPLAINTS, {"since": months[0], "ids": part}):
                complaints[(bid, bool(vip))][:2] = [int(n), int(kept)]
                unfolded += rows - 1
            for bid, vip, late in session.execute(_LATE, {"now": now, "start": start, "ids": part}):
                complaints[(bid, bool(vip))][2] = late
        totals: dict[str, int] = defaultdict(int)
        for (bid, vip), (n, kept, late) in complaints.items():
            totals["complaints"] += n
            totals["on_time"] += kept
            totals["overdue_open"] += late
            if vip:
                totals["vip_complaints"] += n
                totals["vip_on_time"] += kept
            row = figures[group_of[bid]]
            row["complaints"] += n
            row["on_time"] += kept
            row["overdue_open"] += late
        names = {b.id: (b.code, b.name) for b in branches}
        table = [BranchFigures(g, *names[g], **values) for g, values in figures.items()]
        board = Dashboard(branch.id, branch.code, branch.name, today, vip_tiers, dict(counts), trend, moves,
                          compliance, branches=table, **totals)
    if unfolded >= FOLD_AFTER:
        fold_figures(store, actor)
    return board


def fold_figures(store: Store, actor: Actor) -> None:
    """Fold the figure rows of committed transactions into one row per key (PostgreSQL): the
    figures stay the same, the dashboard reads fewer rows. One short statement per table."""
    if store.kind == "postgresql":
        with store.write(actor) as uow:
            care_figures.fold(uow.session.connection())


def rebuild_figures(store: Store, actor: Actor) -> dict[str, int]:
    """Recount every figure of the dashboard from the store's rows (an administrator's repair,
    e.g. for figures written before they were kept by the database); writers wait meanwhile.
    Returns the rows per figure table, and audits the rebuild."""
    require(actor, Permission.MANAGE_BRANCHES)
    with store.write(actor) as uow:
        conn = uow.session.connection()
        allow_long_job(conn)
        care_figures.rebuild(conn)
        rows = {f.table: conn.exec_driver_sql(f"SELECT count(*) FROM {f.table}").scalar_one()
                for f in care_figures.FIGURES}
        uow.audit("care.figures.rebuild", "care_figures", "all", after=rows, branch_id=None)
        return rows


def export_dashboard(dashboard: Dashboard, path: Path, labels: dict[str, str] | None = None) -> None:
    """Write the dashboard as CSV (UTF-8 with BOM, for Excel): one line per figure, in
    sections (``labels`` may translate the section and tier names)."""
    say = (labels or {}).get
    lines: list[list] = [[say("section", "section"), say("item", "item"), say("figure", "figure"), say("value", "value")]]
    for tier in dashboard.vip_tiers:
        lines.append([say("vips", "VIP customers"), say(tier, tier), "", dashboard.counts.get(tier, 0)])
    for month, counts in dashboard.trend:
        for tier in dashboard.vip_tiers:
            lines.append([say("trend", "VIPs at month end"), month, say(tier, tier), counts.get(tier, 0)])
    for m in dashboard.moves:
        lines += [[say("moves", "Tier changes"), m.month, say("upgrades", "upgrades"), m.upgrades],
                  [say("moves", "Tier changes"), m.month, say("downgrades", "downgrades"), m.downgrades],
                  [say("moves", "Tier changes"), m.month, say("lost", "tier lost"), m.lost],
                  [say("moves", "Tier changes"), m.month, say("cancelled", "cards cancelled"), m.cancelled]]
    for tier, (planned, kept) in dashboard.compliance.items():
        lines += [[say("compliance", "Contact plan"), say(tier, tier), say("planned", "customers"), planned],
                  [say("compliance", "Contact plan"), say(tier, tier), say("kept", "contacted in time"), kept]]
    for b in dashboard.branches:
        for key, value in (("vips", b.vips), ("planned", b.plan_customers), ("kept", b.plan_kept),
                           ("complaints", b.complaints), ("on_time", b.on_time),
                           ("overdue_open", b.overdue_open)):
            lines.append([say("branches", "Branches"), f"{b.code} {b.name}", say(key, key), value])
    with published(Path(path), csv_filler(lines[0], lines[1:])):
        pass   # nothing to record: the dashboard's export is not audited
