"""The branch manager's care dashboard for one branch subtree: VIP counts by tier now and month
by month over the last year, upgrades, downgrades, tiers lost and VIP cards cancelled (churn),
contact-plan compliance, and complaints answered on time (VIP complaints weigh double), with the
same figures per child branch; exportable as CSV.

Every figure is one aggregate query over indexed columns (no customer rows are loaded): VIP
counts and compliance (customers whose latest contact lies inside their tier's interval) come
from the (tier, branch, active, latest contact) index; tier changes from a running tally by
month and branch that each dashboard first brings up to date from the changes written since
(:func:`count_new_moves`); past months are the current counts with the later changes undone.
Months are UTC calendar months.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Integer, and_, case, cast, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite

from app.auth.permissions import Permission, require
from app.cards.rules import CANCELLED as CARD_CANCELLED
from app.care.common import load_policy, subtree_ids
from app.care.rules import local_today
from app.stock.common import branch_in_scope, chunks
from app.tiers.policy_store import policy_in_force_at
from db.models import Branch, CareMoveCount, CareMoveMark, Complaint, Customer, TierChange, VipCard

MONTHS = 12


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


def _month_key(session, column):
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.to_char(column, "YYYYMM"), Integer)
    return cast(func.strftime("%Y%m", column), Integer)


def _months_back(today: date, count: int) -> list[int]:
    index = today.year * 12 + today.month - 1
    return [(i // 12) * 100 + i % 12 + 1 for i in range(index - count + 1, index + 1)]


def count_new_moves(store, actor, branch_id: int | None = None) -> int:
    """Bring the running tally of tier changes (month, branch, from, to) up to date for the
    branches of ``branch_id``'s subtree: only changes after each branch's mark are read, so once
    caught up a dashboard costs a lookup. Tier changes are append-only and dated when written,
    so a counted month never changes afterwards. Returns how many changes were counted.

    One write transaction; the marks are locked first (on PostgreSQL) and moved only from the
    value read, so two dashboards opened at once never count a change twice."""
    with store.write(actor) as uow:
        session = uow.session
        branch = branch_in_scope(session, actor, branch_id)
        ids = subtree_ids(session, branch.path)
        # every branch gets its mark once (made at the same moment by another PC: theirs stands),
        # then the marks are locked so that only one dashboard at a time counts for a branch
        dialect = postgresql if store.kind == "postgresql" else sqlite
        session.execute(dialect.insert(CareMoveMark).values(
            [{"branch_id": bid, "last_change_id": 0} for bid in ids]).on_conflict_do_nothing())
        query = select(CareMoveMark).where(CareMoveMark.branch_id.in_(ids))
        if store.kind == "postgresql":
            query = query.with_for_update()
        marks = {m.branch_id: m for m in session.scalars(query.execution_options(populate_existing=True))}
        top = session.scalar(select(func.max(TierChange.id))) or 0
        by_mark = defaultdict(list)
        for bid, mark in marks.items():
            if mark.last_change_id < top:
                by_mark[mark.last_change_id].append(bid)
        counted = 0
        month = _month_key(session, TierChange.changed_at)
        for low, branches in by_mark.items():
            for part in chunks(branches):
                for m, bid, old, new, n in session.execute(
                        select(month, Customer.branch_id, TierChange.from_tier, TierChange.to_tier, func.count())
                        .join(Customer, Customer.id == TierChange.customer_id)
                        .where(TierChange.id > low, TierChange.id <= top, Customer.branch_id.in_(part))
                        .group_by(month, Customer.branch_id, TierChange.from_tier, TierChange.to_tier)).all():
                    row = session.get(CareMoveCount, (m, bid, old, new))
                    if row is None:
                        session.add(CareMoveCount(month=m, branch_id=bid, from_tier=old, to_tier=new, count=n))
                    else:
                        row.count += n
                    counted += n
            for bid in branches:
                marks[bid].last_change_id = top
        return counted


def care_dashboard(store, actor, branch_id: int | None = None) -> Dashboard:
    """The dashboard of ``branch_id``'s subtree (default: the actor's branch)."""
    require(actor, Permission.VIEW_CARE_DASHBOARD)
    now = store.clock()
    count_new_moves(store, actor, branch_id)
    with store.read() as session:
        branch = branch_in_scope(session, actor, branch_id)
        policy = load_policy(session)
        today = local_today(now, policy)
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

        # VIPs by branch and tier, and those whose latest contact lies within their tier's
        # interval, in one pass over the (tier, branch, active, latest contact) index
        planned = {t: now - timedelta(days=policy.interval(t)) for t in vip_tiers if policy.interval(t)}
        kept_now = case(*[(and_(Customer.tier == t, Customer.last_contact_at >= cutoff), 1)
                          for t, cutoff in planned.items()], else_=0) if planned else literal(0)
        counts: dict[str, int] = defaultdict(int)
        kept_by_tier: dict[str, int] = defaultdict(int)
        for part in chunks(ids):
            for bid, tier, n, kept in session.execute(
                    select(Customer.branch_id, Customer.tier, func.count(), func.sum(kept_now))
                    .where(Customer.tier.in_(vip_tiers), Customer.branch_id.in_(part), Customer.active.is_(True))
                    .group_by(Customer.branch_id, Customer.tier)):
                kept = int(kept or 0)
                counts[tier] += n
                kept_by_tier[tier] += kept
                figures[group_of[bid]]["vips"] += n
                if tier in planned:
                    figures[group_of[bid]]["plan_customers"] += n
                    figures[group_of[bid]]["plan_kept"] += kept
        compliance = {t: (counts.get(t, 0), kept_by_tier.get(t, 0)) for t in planned}

        months = _months_back(today, MONTHS)
        start = datetime(months[0] // 100, months[0] % 100, 1)
        changes = defaultdict(int)   # (month, from, to) -> n
        for part in chunks(ids):
            for m, old, new, n in session.execute(
                    select(CareMoveCount.month, CareMoveCount.from_tier, CareMoveCount.to_tier,
                           func.sum(CareMoveCount.count))
                    .where(CareMoveCount.month >= months[0], CareMoveCount.branch_id.in_(part))
                    .group_by(CareMoveCount.month, CareMoveCount.from_tier, CareMoveCount.to_tier)):
                changes[(m, old, new)] += int(n)
        trend, running = [], dict(counts)
        for m in reversed(months):
            trend.append((m, {t: running.get(t, 0) for t in vip_tiers}))
            for (cm, old, new), n in changes.items():  # undo month m's changes to get the month before
                if cm == m:
                    running[new] = running.get(new, 0) - n
                    running[old] = running.get(old, 0) + n
        trend.reverse()
        cancelled: dict[int, int] = defaultdict(int)  # churn: VIP cards cancelled, by month
        ended = _month_key(session, VipCard.ended_at)
        for part in chunks(ids):
            for m, n in session.execute(
                    select(ended, func.count()).where(VipCard.status == CARD_CANCELLED, VipCard.ended_at >= start,
                                                      VipCard.branch_id.in_(part)).group_by(ended)):
                cancelled[m] += n
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

        totals = defaultdict(int)
        on_time = case((and_(Complaint.resolved_at.is_not(None), Complaint.resolved_at <= Complaint.deadline_at), 1),
                       else_=0)
        late_open = case((and_(Complaint.resolved_at.is_(None), Complaint.deadline_at < now), 1), else_=0)
        for part in chunks(ids):
            for bid, vip, n, kept, late in session.execute(
                    select(Complaint.branch_id, Complaint.vip, func.count(), func.sum(on_time), func.sum(late_open))
                    .where(Complaint.accepted_at >= start, Complaint.branch_id.in_(part))
                    .group_by(Complaint.branch_id, Complaint.vip)):
                kept, late = int(kept or 0), int(late or 0)
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
        return Dashboard(branch.id, branch.code, branch.name, today, vip_tiers, dict(counts), trend, moves,
                         compliance, branches=table, **totals)


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
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(lines)
