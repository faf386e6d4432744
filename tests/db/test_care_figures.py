"""The care dashboard's kept figures (db.care_figures) against a from-scratch recount, on SQLite
and PostgreSQL: random sequences of the real services (customers created, edited, transferred,
made inactive; contacts; tier exceptions and evaluations; cards cancelled; complaints through
their lifecycle; time passing) with the figures and the dashboard checked after every step; the
rebuild for figures kept before the triggers; the dashboard's own figures against plain queries
over the rows."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sqlalchemy import func, select

from app.actor import Actor
from app.business_day import BUSINESS_TIME_ZONE, business_date, day_start
from app.care import complaints, contacts, dashboard
from app.care.common import load_policy
from app.care.contacts import ContactInput
from app.care.rules import to_local
from app.cards.issue import OldCard
from app.cards.rules import CANCELLED
from app.cards.servicing import cancel_card
from app.customers.records import CustomerInput, create_customer, input_for_edit, set_active, update_customer
from app.errors import PermissionDenied, UserError
from app.store import Store
from app.tiers.evaluation import evaluate_tiers
from app.tiers.exceptions import decide_exception, propose_exception
from app.tiers.policy_store import policy_in_force_at
from db import care_figures
from db.models import Branch, Complaint, Customer, CustomerTier, TierChange, TierExceptionGrant, VipCard
from tests.db.helpers import actor_named

VIP = ("gold", "platinum", "diamond", "private")


def kept_and_recount(store) -> list[tuple[str, list, list]]:
    """Each figure table's kept figures and its recount, as sorted rows."""
    d = care_figures.Dialect(store.kind)
    with store.engine.connect() as conn:
        return [(f.table, sorted(map(tuple, conn.exec_driver_sql(care_figures.kept_query(f)))),
                 sorted(map(tuple, conn.exec_driver_sql(care_figures.recount_query(f, d)))))
                for f in care_figures.FIGURES]


def assert_figures_exact(store) -> None:
    for table, kept, recount in kept_and_recount(store):
        assert kept == recount, (table, set(kept) ^ set(recount))


def plain_dashboard(store, board: dashboard.Dashboard) -> dict:
    """The dashboard's figures counted from the rows themselves (the definitions the kept
    figures must reproduce), for the head office."""
    now = store.clock()
    with store.read() as session:
        policy = load_policy(session)
        vip_tiers = board.vip_tiers
        ranks = {b.code: i for i, b in enumerate(policy_in_force_at(session, business_date(now)).bands)}
        counts = dict(session.execute(select(CustomerTier.tier, func.count()).join(
            Customer, Customer.id == CustomerTier.id).where(
            CustomerTier.tier.in_(vip_tiers), Customer.active.is_(True)).group_by(CustomerTier.tier)).all())
        compliance = {}
        for tier in vip_tiers:
            if policy.interval(tier):
                kept = session.scalar(select(func.count()).where(
                    Customer.tier == tier, Customer.active.is_(True),
                    Customer.last_contact_at >= now - timedelta(days=policy.interval(tier))))
                compliance[tier] = (counts.get(tier, 0), kept)
        start = day_start(date(board.moves[0].month // 100, board.moves[0].month % 100, 1))
        rows = session.execute(select(Complaint.vip, Complaint.resolved_at, Complaint.deadline_at)
                               .where(Complaint.accepted_at >= start)).all()
        on_time = [r for r in rows if r.resolved_at is not None and r.resolved_at <= r.deadline_at]
        moves: dict[int, Counter] = defaultdict(Counter)
        for changed_at, old, new in session.execute(select(TierChange.changed_at, TierChange.from_tier,
                                                           TierChange.to_tier).where(TierChange.changed_at >= start)):
            month = _month(changed_at)
            if old in ranks and new in ranks and ranks[new] != ranks[old]:
                moves[month]["up" if ranks[new] > ranks[old] else "down"] += 1
                moves[month]["lost"] += ranks[new] < ranks[old] and old in vip_tiers and new not in vip_tiers
        for (ended_at,) in session.execute(select(VipCard.ended_at).where(VipCard.status == CANCELLED,
                                                                          VipCard.ended_at >= start)):
            moves[_month(ended_at)]["cancelled"] += 1
        return {
            "counts": {t: counts.get(t, 0) for t in vip_tiers}, "compliance": compliance,
            "complaints": (len(rows), len(on_time), sum(r.vip for r in rows), sum(r.vip for r in on_time),
                           sum(1 for r in rows if r.resolved_at is None and r.deadline_at < now)),
            "moves": [(m.month, moves[m.month]["up"], moves[m.month]["down"], moves[m.month]["lost"],
                       moves[m.month]["cancelled"]) for m in board.moves],
        }


def _month(moment: datetime) -> int:
    """yyyymm of a stored (naive UTC) time in Beijing."""
    day = business_date(moment)
    return day.year * 100 + day.month


def head_office(store) -> dashboard.Dashboard:
    """The whole store's dashboard, as a batch job sees it."""
    with store.read() as session:
        root = session.scalar(select(Branch.id).where(Branch.parent_id.is_(None)).order_by(Branch.id).limit(1))
    return dashboard.care_dashboard(store, Actor.batch("figures"), root)


def shown(board: dashboard.Dashboard) -> dict:
    return {
        "counts": {t: board.counts.get(t, 0) for t in board.vip_tiers}, "compliance": board.compliance,
        "complaints": (board.complaints, board.on_time, board.vip_complaints, board.vip_on_time, board.overdue_open),
        "moves": [(m.month, m.upgrades, m.downgrades, m.lost, m.cancelled) for m in board.moves],
    }


_serial = itertools.count(1)


class CareFigures:
    """The services in a random order with random arguments; after every step the figures equal
    their recount and the dashboard equals the rows."""

    def __init__(self, base: Store, done: Counter):
        self.moment = base.clock()
        self.store = Store(base.engine, clock=lambda: self.moment, keys=base.keys)
        self.done = done
        self.manager, self.advisor = actor_named(self.store, "manager"), actor_named(self.store, "advisor")
        with self.store.read() as session:
            self.branches = list(session.scalars(select(Branch.id).where(Branch.path.startswith(
                self.manager.branch_path)).order_by(Branch.id)))

    def _customers(self, *conditions) -> list[int]:
        with self.store.read() as session:
            return list(session.scalars(select(Customer.id).join(Branch, Branch.id == Customer.branch_id)
                                        .where(Branch.path.startswith(self.manager.branch_path), *conditions)
                                        .order_by(Customer.id)))

    def _try(self, kind: str, work) -> None:
        try:
            work()
        except UserError:
            return   # refused: nothing changed, and the invariant says so
        self.done[kind] += 1

    def create(self, rng):
        pick, branch = rng.randrange(10 ** 6), rng.randrange(10)
        number = next(_serial)
        self._try("create", lambda: create_customer(self.store, self.manager, CustomerInput(
            cif_no=f"FIG{pick % 1000:03d}{number:05d}", name="测试客户", id_type="passport",
            id_number=f"E{number:08d}", gender="male", phone="13800138000",
            branch_id=self.branches[branch % len(self.branches)])))

    def transfer(self, rng):
        pick, branch = rng.randrange(10 ** 6), rng.randrange(10)
        ids = self._customers()
        customer = ids[pick % len(ids)]

        def work():
            data, version = input_for_edit(self.store, self.manager, customer)
            update_customer(self.store, self.manager, customer,
                            replace(data, branch_id=self.branches[branch % len(self.branches)]),
                            expected_version=version)
        self._try("transfer", work)

    def activity(self, rng):
        pick, active = rng.randrange(10 ** 6), rng.random() < 0.5
        ids = self._customers()
        customer = ids[pick % len(ids)]
        _data, version = input_for_edit(self.store, self.manager, customer)
        self._try("activity", lambda: set_active(self.store, self.manager, customer, expected_version=version,
                                                 active=active))

    def contact(self, rng):
        pick, days, hours = rng.randrange(10 ** 6), rng.randint(0, 45), rng.randint(0, 23)
        ids = self._customers(Customer.active.is_(True))
        when = to_local(self.moment - timedelta(days=days, hours=hours)).replace(microsecond=0)
        self._try("contact", lambda: contacts.record_contact(
            self.store, self.manager, ids[pick % len(ids)], ContactInput(method="phone", content="问候",
                                                                          contacted_at=when)))

    def exception_and_evaluation(self, rng):
        pick, tier = rng.randrange(10 ** 6), rng.choice(VIP)
        ids = self._customers(Customer.active.is_(True))

        def work():
            row = propose_exception(self.store, self.advisor, ids[pick % len(ids)], tier=tier, reason="重要客户",
                                    valid_until=self.moment.date() + timedelta(days=90))
            decide_exception(self.store, self.manager, row.id, approve=True)
        self._try("exception", work)
        self._try("evaluation", lambda: evaluate_tiers(self.store, self.manager))

    def cancel(self, rng):
        pick = rng.randrange(10 ** 6)
        with self.store.read() as session:
            cards = list(session.scalars(select(VipCard.id).where(VipCard.status == "active").order_by(VipCard.id)))
        if cards:
            self._try("cancel", lambda: cancel_card(self.store, self.manager, cards[pick % len(cards)],
                                                    reason="客户要求", old_card=OldCard(returned=False, reason="遗失")))

    def complaint(self, rng):
        pick, level = rng.randrange(10 ** 6), rng.randint(1, 3)
        ids = self._customers(Customer.active.is_(True))
        self._try("complaint", lambda: complaints.accept_complaint(
            self.store, self.manager, ids[pick % len(ids)], channel="phone", content="排队太久", level=level))

    def answer(self, rng):
        pick, close = rng.randrange(10 ** 6), rng.random() < 0.5
        with self.store.read() as session:
            open_ = list(session.execute(select(Complaint.id, Complaint.version)
                                         .where(Complaint.resolved_at.is_(None)).order_by(Complaint.id)))
        if not open_:
            return
        complaint_id, version = open_[pick % len(open_)]
        if close:
            self._try("close", lambda: complaints.close_complaint(
                self.store, self.manager, complaint_id, expected_version=version, satisfaction="satisfied",
                resolution="已致歉并改进"))
        else:
            self._try("resolve", lambda: complaints.resolve_complaint(
                self.store, self.manager, complaint_id, expected_version=version, resolution="已处理"))

    def time_passes(self, rng):
        hours = rng.randint(1, 24 * 20)
        self.moment += timedelta(hours=hours)
        self.done["time"] += 1

    def check(self):
        assert_figures_exact(self.store)
        board = head_office(self.store)
        assert shown(board) == plain_dashboard(self.store, board)

    STEPS = ("create", "transfer", "activity", "contact", "contact", "exception_and_evaluation", "cancel",
             "complaint", "answer", "time_passes")


def _run(store, seed: int, steps: int) -> Counter:
    """``steps`` random steps on ``store``, checked after each; which kinds of change took place."""
    rng, done = random.Random(seed), Counter()
    machine = CareFigures(store, done)
    machine.check()
    for step in range(steps):
        name = rng.choice(CareFigures.STEPS)
        getattr(machine, name)(rng)
        try:
            machine.check()
        except AssertionError as error:
            raise AssertionError(f"seed {seed}, step {step} ({name}): {error}") from error
    return done


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_service_sequences_keep_the_figures_exact(demo_store, seed):
    done = _run(demo_store, seed, steps=120 if demo_store.kind == "sqlite" else 60)
    # every kind of change happened at least once (a refused one proves nothing)
    assert {"create", "transfer", "activity", "contact", "exception", "evaluation", "cancel", "complaint",
            "resolve", "close", "time"} <= set(done), done


def test_the_demo_store_starts_exact_and_the_dashboard_equals_the_rows(demo_store):
    assert_figures_exact(demo_store)
    board = head_office(demo_store)
    assert board.vip_total > 0 and any(m.upgrades for m in board.moves)
    assert shown(board) == plain_dashboard(demo_store, board)


def test_a_contact_on_the_cutoff_day_counts_to_the_second(demo_store):
    """Whole days from the kept figures, the cutoff's own day from the customers' index."""
    manager = actor_named(demo_store, "manager")
    now = demo_store.clock().replace(microsecond=0)
    fixed = Store(demo_store.engine, clock=lambda: now, keys=demo_store.keys)
    board = head_office(fixed)
    tier, (planned, kept) = next((t, c) for t, c in board.compliance.items() if c[0] > c[1])
    with demo_store.read() as session:
        cutoff = now - timedelta(days=load_policy(session).interval(tier))
        customer = session.scalar(select(Customer.id).where(
            Customer.tier == tier, Customer.active.is_(True),
            Customer.last_contact_at.is_(None) | (Customer.last_contact_at < cutoff)).limit(1))
    for when, counted in ((cutoff - timedelta(seconds=1), 0), (cutoff, 1)):   # late; just in time
        with demo_store.write(manager) as uow:   # the latest contact, as the contact services keep it
            uow.session.execute(Customer.__table__.update().where(Customer.id == customer)
                                .values(last_contact_at=when))
        assert head_office(fixed).compliance[tier] == (planned, kept + counted)
    assert_figures_exact(demo_store)


def test_rebuild_recounts_figures_that_were_lost(demo_store):
    """A store whose figures predate the triggers (here: emptied behind their back) is repaired by
    the administrator's rebuild, which is audited."""
    board = head_office(demo_store)
    with demo_store.engine.begin() as conn:
        for figure in care_figures.FIGURES:
            conn.exec_driver_sql(f"DELETE FROM {figure.table}")
    assert head_office(demo_store).vip_total == 0
    rows = dashboard.rebuild_figures(demo_store, Actor.batch("figures"))
    assert rows["care_tier_count"] > 0
    assert_figures_exact(demo_store)
    assert shown(head_office(demo_store)) == shown(board)


def test_only_an_administrator_rebuilds(demo_store):
    with pytest.raises(PermissionDenied):
        dashboard.rebuild_figures(demo_store, actor_named(demo_store, "manager"))


def test_a_month_old_figure_stays_in_its_month(demo_store):
    """Tier changes count in the month they happened, not the month they are read in."""
    first = head_office(demo_store)
    next_month = (demo_store.clock().replace(day=1) + timedelta(days=32)).replace(day=15)
    moved = head_office(Store(demo_store.engine, clock=lambda: next_month, keys=demo_store.keys))
    assert moved.moves[-2] == first.moves[-1] and moved.moves[-1].upgrades == 0


def test_the_command_line_rebuilds_the_figures_and_audits_it(demo_store, capsys):
    import main
    from db.models import AuditEvent

    with demo_store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM care_complaint_count")
    url = demo_store.engine.url.render_as_string(hide_password=False)
    assert main.main(["care", "rebuild-figures", "--db", url]) == 0
    assert "care_complaint_count" in capsys.readouterr().out
    assert_figures_exact(demo_store)
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.action == "care.figures.rebuild")) == 1


def test_the_figures_calendar_is_the_business_zones():
    """The database counts by a fixed offset (SQLite knows no zones); it is Beijing's, every day
    of the years the dashboard looks at, and every hour of them."""
    zone = ZoneInfo(BUSINESS_TIME_ZONE)
    moment = datetime(2020, 1, 1)
    while moment < datetime(2036, 1, 1):
        assert zone.utcoffset(moment) == timedelta(hours=care_figures.BUSINESS_UTC_OFFSET_HOURS), moment
        moment += timedelta(hours=7)


def test_a_change_early_on_the_first_counts_in_its_own_month(demo_store):
    """A card cancelled and a tier raised at 00:30 on the 1st in Beijing (16:30 UTC the day
    before) count in the new month; the month before keeps its figures."""
    manager, advisor = actor_named(demo_store, "manager"), actor_named(demo_store, "advisor")
    today = demo_store.today()
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    moment = day_start(first) + timedelta(minutes=30)
    assert moment.day != first.day     # still the day before in UTC
    fixed = Store(demo_store.engine, clock=lambda: moment, keys=demo_store.keys)
    before = head_office(fixed)
    assert before.moves[-1].month == first.year * 100 + first.month
    with demo_store.read() as session:
        card = session.scalar(select(VipCard.id).join(Branch, Branch.id == VipCard.branch_id).where(
            VipCard.status == "active", Branch.path.startswith(manager.branch_path)).limit(1))
        customer = session.scalar(select(Customer.id).join(Branch, Branch.id == Customer.branch_id).where(
            Customer.tier == "ordinary", Customer.active.is_(True), Branch.path.startswith(manager.branch_path),
            ~select(TierExceptionGrant.id).where(TierExceptionGrant.customer_id == Customer.id).exists()).limit(1))
    cancel_card(fixed, manager, card, reason="客户要求", old_card=OldCard(returned=False, reason="遗失"))
    proposal = propose_exception(fixed, advisor, customer, tier="private", reason="重要客户",
                                 valid_until=first + timedelta(days=90))
    decide_exception(fixed, manager, proposal.id, approve=True)
    evaluate_tiers(fixed, manager)
    after = head_office(fixed)
    assert after.moves[-2] == before.moves[-2]
    assert after.moves[-1].cancelled == before.moves[-1].cancelled + 1
    assert after.moves[-1].upgrades >= before.moves[-1].upgrades + 1
    assert_figures_exact(demo_store)
    assert shown(after) == plain_dashboard(fixed, after)
