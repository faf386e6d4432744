"""Demo queue for 北京朝阳支行 (BJ0101): three services (VIP card services V, wealth management W,
general G), four counters, and yesterday's full day of tickets across tiers and services (calls,
recalls, no-shows, transfers to wealth management, the customers' ratings after service), then
the last 45 minutes of today with the queue still open.

Services and counters go through the setup services; the tickets are simulated with the calling
rules themselves and written in one transaction per day (a day through the ticket services
would cost hundreds of transactions on every demo build).
"""

from __future__ import annotations

import random
from datetime import time, timedelta

from sqlalchemy import select

from app.actor import Actor
from app.business_day import business_date, day_start, moment_at
from app.auth.accounts import actor_for
from app.queue import setup
from app.queue.tickets import mask_name
from app.queue.rules import QueuePolicy
from db.models import Branch, Customer, StaffAccount
from app.store import Store

SERVICES = (("V", "贵宾卡业务"), ("W", "理财业务"), ("G", "综合业务"))
# counter number, name, services, who works there
COUNTERS = (("1", "贵宾1号窗口", "VG", "teller"), ("2", "贵宾2号窗口", "GV", "teller2"),
            ("3", "理财室", "W", "advisor"), ("4", "综合窗口", "G", None))


def setup_demo_queue(store: Store) -> dict[str, int]:
    """Services and counters of BJ0101 (through the setup services); returns the counter ids by number."""
    with store.read() as session:
        manager = actor_for(session.scalars(select(StaffAccount).where(StaffAccount.username == "manager")).one())
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    ids = {prefix: setup.add_service(store, manager, prefix=prefix, name=name, branch_id=branch_id)
           for prefix, name in SERVICES}
    return {number: setup.add_counter(store, manager, number=number, name=name,
                                      service_ids=[ids[p] for p in prefixes], branch_id=branch_id)
            for number, name, prefixes, _who in COUNTERS}


def add_demo_queue(store: Store, *, seed: int = 11) -> None:
    """The services, counters and tickets described in the module text."""
    with store.read() as session:
        people = {a.username: actor_for(a) for a in session.scalars(select(StaffAccount).where(
            StaffAccount.username.in_(["lobby", "teller", "teller2", "advisor", "manager"])))}
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        customers = [(c.id, c.tier, c.name) for c in session.scalars(select(Customer).where(
            Customer.branch_id == branch_id, Customer.active.is_(True)).order_by(Customer.id))]
    if len(people) < 5 or branch_id is None:
        return
    counter_ids = setup_demo_queue(store)
    services = {s.prefix: s.id for s in setup.services_of(store, people["manager"], branch_id)}
    zone = QueuePolicy().time_zone
    now = store.clock()
    today = business_date(now, zone)
    rng = random.Random(seed)
    yesterday = today - timedelta(days=1)
    _history(store, people, counter_ids, services, customers, rng, yesterday,
             moment_at(yesterday, time(9, 0), zone), moment_at(yesterday, time(16, 30), zone))
    # today: the last 45 minutes up to now (within today), busier than the counters can serve,
    # so that the queue is open and live; the counters are still signed in
    _history(store, people, counter_ids, services, customers, rng, today,
             max(day_start(today, zone), now - timedelta(minutes=45)), now, open_end=True)


def _ratings(session, tickets_made: list[dict], rows: list, day) -> None:
    """Most finished tickets rated on the counter's window a few seconds after the finish, mostly
    well, now and then 不满意 with a reason; the rest left unrated. A random stream of its own (by
    the day) so that the rest of the demo stays as it was."""
    from app.queue import rules
    from app.visit import rating_rules
    from db.models import ServiceRating

    rng = random.Random(day.toordinal())
    reasons = list(rating_rules.REASON_TEXTS.values())
    for t, row in zip(tickets_made, rows):
        if t["state"] != rules.DONE or rng.random() < 0.3:
            continue
        score = rng.choices(rating_rules.SCORES, weights=[55, 30, 10, 5])[0]
        session.add(ServiceRating(
            ticket_id=row.id, branch_id=row.branch_id, counter_id=row.counter_id, clerk_id=row.clerk_id,
            score=score, reason=rng.choice(reasons) if score == rating_rules.DISSATISFIED else None,
            rated_at=row.finished_at + timedelta(seconds=rng.randint(3, 25))))


def _pick_service(rng, customer) -> str:
    vip = customer is not None and customer[1] in ("platinum", "diamond", "private")
    return rng.choices(["V", "W", "G"], weights=[5, 3, 2] if vip else [4, 1, 6])[0]


def _history(store: Store, people, counter_ids, services, customers, rng, day, start, stop, *,
             open_end: bool = False) -> None:
    """A day from ``start`` to ``stop``, simulated minute by minute with the calling rules
    themselves (strict order, maximum waits) and written in one transaction: arrivals across
    tiers and services, calls, recalls and no-shows, service times, transfers to wealth
    management, each counter's signed-in stretch. Tickets still waiting at closing stay open:
    the next day's first issue or call closes them as expired (the day rollover). With
    ``open_end`` the day is still going: customers at counters are being served, the counters
    stay signed in."""
    from app.queue import rules
    from app.tiers.rules import DEFAULT_TIER_POLICY
    from db.models import QueueCounter, QueueCounterSession, QueueNumber, QueueTicket

    policy = QueuePolicy()
    codes = [band.code for band in DEFAULT_TIER_POLICY.bands]
    staffed = [(number, people[who], prefixes) for number, _n, prefixes, who in COUNTERS if who]
    seqs = {prefix: 0 for prefix in services}
    tickets_made: list[dict] = []
    free_at = {number: start for number, _c, _p in staffed}
    calls = 0
    minute = start
    while minute < stop:
        for _ in range(rng.choice([0, 1, 1, 2] if open_end else [0] * 10 + [1, 1, 2])):
            customer = rng.choice(customers) if customers and rng.random() < 0.75 else None
            prefix = _pick_service(rng, customer)
            seqs[prefix] += 1
            tier = customer[1] if customer else codes[0]
            priority = rules.priority_of(tier, codes)
            tickets_made.append(dict(
                key=len(tickets_made), prefix=prefix, seq=seqs[prefix], customer=customer, tier=tier,
                priority=priority, state=rules.WAITING, queued_at=minute,
                deadline_at=rules.deadline(minute, priority, codes, policy), issued_at=minute))
        for number, clerk, prefixes in staffed:
            if free_at[number] > minute:
                continue
            waiting = [t for t in tickets_made if t["state"] == rules.WAITING and t["prefix"] in prefixes]
            chosen = rules.choose_next(
                [rules.Candidate(t["key"], t["priority"], t["queued_at"], t["deadline_at"]) for t in waiting],
                minute, rules.preference(policy, codes, calls))
            if chosen is None:
                continue
            calls += 1
            t = tickets_made[chosen.id]
            t.update(state=rules.CALLED, counter=number, clerk=clerk, first_called_at=minute, called_at=minute)
            if minute + timedelta(minutes=3) > stop:  # called just now
                free_at[number] = stop
                continue
            if rng.random() < 0.05:  # not there: recalled twice a minute apart, then a no-show
                t.update(state=rules.NO_SHOW, recalls=2, called_at=minute + timedelta(minutes=2))
                free_at[number] = minute + timedelta(minutes=3)
                continue
            started = minute + timedelta(minutes=1)
            finished = started + timedelta(minutes=rng.randint(3, 11), seconds=rng.randint(0, 59))
            if finished > stop:  # still being served
                t.update(state=rules.SERVING, started_at=started)
                free_at[number] = finished
                continue
            t.update(state=rules.DONE, started_at=started, finished_at=finished)
            free_at[number] = finished + timedelta(seconds=rng.randint(10, 90))
            if t["prefix"] != "W" and rng.random() < 0.06:
                t["state"] = rules.TRANSFERRED
                tickets_made.append(dict(
                    t, key=len(tickets_made), prefix="W", state=rules.WAITING, origin=t["key"],
                    queued_at=t["queued_at"], deadline_at=rules.deadline(finished, t["priority"], codes, policy),
                    counter=None, clerk=None, first_called_at=None, called_at=None, started_at=None,
                    finished_at=None, recalls=0, waits_until=finished))
        minute += timedelta(minutes=1)
        for t in tickets_made:  # a transferred customer joins the new queue when the first service ends
            if t.get("waits_until") and t["waits_until"] > minute and t["state"] == rules.WAITING:
                t["state"] = "later"
            elif t.get("waits_until") and t["waits_until"] <= minute and t["state"] == "later":
                t["state"] = rules.WAITING
    with store.write(Actor.batch("demo")) as uow:
        session = uow.session
        branch_id = people["lobby"].branch_id
        rows = []
        for t in tickets_made:
            clerk = t.get("clerk")
            row = QueueTicket(
                branch_id=branch_id, service_id=services[t["prefix"]], business_date=day, seq=t["seq"],
                number=rules.ticket_number(t["prefix"] if "origin" not in t else tickets_made[t["origin"]]["prefix"],
                                           t["seq"]),
                customer_id=t["customer"][0] if t["customer"] else None,
                customer_label=mask_name(t["customer"][2]) if t["customer"] else "", tier=t["tier"], priority=t["priority"],
                state=rules.WAITING if t["state"] == "later" else t["state"], issued_at=t["issued_at"],
                issued_by_name="lobby", queued_at=t["queued_at"], deadline_at=t["deadline_at"], front=False,
                counter_id=counter_ids[t["counter"]] if t.get("counter") else None,
                clerk_id=clerk.account_id if clerk else None, clerk_name=clerk.display_name if clerk else "",
                first_called_at=t.get("first_called_at"), called_at=t.get("called_at"),
                recalls=t.get("recalls", 0), started_at=t.get("started_at"), finished_at=t.get("finished_at"),
                note="")
            session.add(row)
            rows.append(row)
        session.flush()
        for t, row in zip(tickets_made, rows):
            row.origin_id = rows[t["origin"]].id if "origin" in t else row.id
            if "origin" in t:
                rows[t["origin"]].transferred_to_id = row.id
        _ratings(session, tickets_made, rows, day)
        for prefix, last in seqs.items():
            if last:
                session.add(QueueNumber(branch_id=branch_id, service_id=services[prefix], business_date=day,
                                        last=last))
        for number, clerk, _p in staffed:
            pc = f"PC-BJ0101-{number}"
            session.add(QueueCounterSession(branch_id=branch_id, counter_id=counter_ids[number],
                                            account_id=clerk.account_id, clerk_name=clerk.display_name,
                                            pc=pc, started_at=start, ended_at=None if open_end else stop))
            if open_end:
                counter = session.get_one(QueueCounter, counter_ids[number])
                counter.account_id, counter.clerk_name, counter.pc = clerk.account_id, clerk.display_name, pc
                counter.signed_in_at, counter.seen_at = start, stop
        uow.audit("queue.demo_day", "queue_day", f"{branch_id}:{day.isoformat()}", branch_id=branch_id,
                  after={"day": day.isoformat(), "tickets": len(rows)})

