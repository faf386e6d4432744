"""Demo care data for 北京朝阳支行 (BJ0101): a few lower-band customers looked after by the
second teller and the lobby manager, two months of contact records of the relationship
manager (some customers contacted in time, some overdue, some never), follow-ups open and
done, anniversaries in the coming days, and complaints in every state (accepted, assigned,
investigating, overdue and escalated, resolved, closed satisfied and dissatisfied; VIP and not).

Every step goes through the care services, with the clock set to the moment it happened.
The first teller is left without customers (tests disable that account).
"""

from __future__ import annotations

import json
import random
from datetime import datetime, time, timedelta

from sqlalchemy import select, update

from app.actor import Actor
from app.auth.accounts import actor_for
from app.business_day import moment_at
from app.care import assignment, complaints, contacts
from app.care.common import load_policy
from app.care.rules import CONTACT_METHODS, local_today, to_local
from app.store import Store
from db.models import Branch, Customer, StaffAccount

TOPICS = (
    ("季度理财产品到期，客户考虑续作", "希望了解稳健型理财产品"),
    ("生日问候，并邀请参加客户沙龙", "关注子女教育金规划"),
    ("电话回访上次大额存单办理情况", "希望提高存款收益"),
    ("介绍新发行的养老目标基金", "关注养老规划"),
    ("客户来网点办理业务，顺便沟通资产配置", "考虑增配保险"),
    ("微信发送节日祝福", ""),
)
COMPLAINTS = (
    ("counter", "贵宾窗口排队时间过长，等候超过四十分钟", 1),
    ("phone", "信用卡年费扣收未提前告知", 2),
    ("letter", "理财产品收益与销售时介绍不符", 3),
    ("wechat", "手机银行转账限额调整后无法使用", 1),
    ("counter", "网点停车位不足，贵宾客户无法停车", 1),
    ("email", "对账单地址错误，寄到了旧地址", 2),
    ("phone", "客户经理更换未通知客户", 1),
)


def add_demo_care(store: Store, *, seed: int = 11) -> None:
    rng = random.Random(seed)
    with store.read() as session:
        people = {a.username: actor_for(a) for a in session.scalars(select(StaffAccount).where(
            StaffAccount.username.in_(["advisor", "lobby", "teller2", "manager"])))}
        branch = session.scalar(select(Branch).where(Branch.code == "BJ0101"))
        if len(people) < 4 or branch is None:
            return
        subtree = select(Branch.id).where(Branch.path.startswith(branch.path))
        advisor_id = people["advisor"].account_id
        assert advisor_id is not None, "a staff account's actor carries its id"
        mine = session.execute(select(Customer.id, Customer.tier).where(
            Customer.relationship_manager_id == advisor_id, Customer.active.is_(True))
            .order_by(Customer.id)).all()
        unkept = list(session.scalars(select(Customer.id).where(
            Customer.relationship_manager_id.is_(None), Customer.branch_id.in_(subtree),
            Customer.tier == "ordinary").order_by(Customer.id)))
    if not mine:
        return
    manager = people["manager"]
    start = store.clock()

    def at(moment: datetime) -> Store:
        return Store(store.engine, clock=lambda: moment, keys=store.keys)

    # lower AUM bands: a few customers for the second teller and the lobby manager
    if len(unkept) >= 12:
        assignment.assign_customers(store, manager, unkept[:6], people["teller2"].account_id)
        assignment.assign_customers(store, manager, unkept[6:12], people["lobby"].account_id)

    # contact history of the relationship manager: VIPs mostly, some kept, some overdue, some never
    advisor = people["advisor"]
    vips = [cid for cid, tier in mine if tier != "ordinary"]
    others = [cid for cid, tier in mine if tier == "ordinary"]
    policy = load_policy_of(store)
    tier_of = dict(mine)
    today = local_today(start, policy)
    for n, cid in enumerate(vips + others[:10]):
        if n % 4 == 3:
            continue  # never contacted: due since they became VIPs
        days_ago = rng.choice((2, 5, 9, 16, 24, 38, 45, 58)) if n % 3 else rng.choice((1, 3, 6))
        if n == 1 and policy.interval(tier_of[cid]):
            days_ago = policy.interval(tier_of[cid])  # due exactly today
        # in office hours of the branch's calendar day (so what is due when does not depend
        # on the hour the demo is built at)
        when = moment_at(today - timedelta(days=days_ago), time(10 + rng.randrange(0, 6)), policy.time_zone)
        topic, needs = rng.choice(TOPICS)
        follow_up = None
        if n % 5 == 0:  # a follow-up set then, now due (or ahead)
            follow_up = local_today(when, policy) + timedelta(days=rng.choice((1, 3, days_ago, days_ago + 4)))
        record = contacts.record_contact(at(when), advisor, cid, contacts.ContactInput(
            method=rng.choice(CONTACT_METHODS), content=topic, needs=needs,
            place="北京朝阳支行贵宾室" if n % 2 else "", follow_up_on=follow_up,
            contacted_at=to_local(when, policy).replace(tzinfo=None)))
        if follow_up is not None and n % 10 == 5:
            contacts.complete_follow_up(at(min(when + timedelta(days=1), start)), advisor, record.id,
                                        expected_version=record.version)

    # anniversaries in the coming days for a few of the relationship manager's customers
    with store.write(Actor.batch("demo"), check_session=False) as uow:
        for offset, (cid, _tier) in zip((1, 3, 6), mine[:3]):
            day = today + timedelta(days=offset)
            dates = [{"label": "结婚纪念日" if offset != 3 else "开户纪念日", "date": day.strftime("%m-%d")}]
            uow.session.execute(update(Customer).where(Customer.id == cid).values(
                important_dates=json.dumps(dates, ensure_ascii=False)))
        uow.audit("customer.important_dates", "customer", "demo", after={"customers": len(mine[:3])})

    # complaints in every state
    targets = (vips or others)[:len(COMPLAINTS)] + others[:2]
    lobby = people["lobby"]

    def accept(i: int, hours_ago: float):
        channel, text, level = COMPLAINTS[i % len(COMPLAINTS)]
        return complaints.accept_complaint(at(start - timedelta(hours=hours_ago)), lobby,
                                           targets[i % len(targets)], channel=channel, content=text, level=level)

    accept(0, 0.5)                                                    # accepted, waiting
    c = accept(1, 2)                                                  # assigned
    complaints.assign_complaint(at(start - timedelta(hours=1.5)), manager, c.id, advisor_id,
                                expected_version=c.version)
    c = accept(2, 3)                                                  # investigating
    c = complaints.assign_complaint(at(start - timedelta(hours=2.5)), manager, c.id, advisor_id,
                                    expected_version=c.version)
    complaints.start_investigation(at(start - timedelta(hours=2)), advisor, c.id, expected_version=c.version,
                                   note="已调取销售录音录像，正在核实")
    c = accept(3, 30)                                                 # overdue, escalated
    c = complaints.assign_complaint(at(start - timedelta(hours=29)), manager, c.id, advisor_id,
                                    expected_version=c.version)
    complaints.escalate_overdue(at(start - timedelta(hours=20)), manager)
    c = accept(4, 50)                                                 # resolved on time, awaiting follow-up
    c = complaints.assign_complaint(at(start - timedelta(hours=49)), manager, c.id, advisor_id,
                                    expected_version=c.version)
    complaints.resolve_complaint(at(start - timedelta(hours=47)), advisor, c.id, expected_version=c.version,
                                 resolution="已协调物业增加贵宾临时车位两个，并电话告知客户")
    c = accept(5, 120)                                                # closed, satisfied
    c = complaints.resolve_complaint(at(start - timedelta(hours=116)), manager, c.id, expected_version=c.version,
                                     resolution="已更正对账单地址并补寄当月对账单")
    complaints.close_complaint(at(start - timedelta(hours=90)), manager, c.id, expected_version=c.version,
                               satisfaction="satisfied", note="客户表示满意")
    c = accept(6, 200)                                                # resolved late, closed, dissatisfied
    c = complaints.resolve_complaint(at(start - timedelta(hours=180)), advisor, c.id, expected_version=c.version,
                                     resolution="已向客户解释客户经理调整原因，并由原客户经理交接")
    complaints.close_complaint(at(start - timedelta(hours=170)), manager, c.id, expected_version=c.version,
                               satisfaction="dissatisfied", note="客户认为应提前告知")


def load_policy_of(store: Store):
    with store.read() as session:
        return load_policy(session)
