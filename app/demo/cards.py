"""Demo VIP cards for 北京朝阳支行 (BJ0101): two years of card history, every step through the
card services with the clock set to the day it happened.

- cards expiring in each of the next three months (renewal letters are printed from those),
- an expired card with an approved renewal waiting at the counter,
- a lost card replaced at its original type, and a lost card whose replacement awaits approval,
- an upgrade with the old card returned, a downgrade with the old card kept (reason recorded),
- a cancelled card, a cardholder below standard and one eligible for an upgrade,
- a card issued yesterday whose agreement is not marked signed (the day-end worklist),
- applications in every state: awaiting approval, approved (the counter's queue), rejected,
  cancelled, fulfilled.

Blank cards: a receipt of exactly the platinum and diamond serials these cards use (low serial
ranges, handed to teller's drawer and all issued), so the demo stock's counts stay as the stock
demo made them. No gold blanks: tests use gold serials freely on the demo store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select, update

from app.actor import Actor
from app.auth.accounts import actor_for
from app.cards import applications, issue, paperwork, servicing
from app.cards.issue import OldCard
from app.cards.rules import DEFAULT_CARD_POLICY, with_check_digit
from app.stock import books, moves, views
from app.store import Store
from db.models import Branch, Customer, CustomerTier, StaffAccount, VipCard

START = 800  # days ago: the blanks arrive


def add_demo_cards(store: Store) -> None:
    with store.read() as session:
        people = {a.username: actor_for(a) for a in session.scalars(select(StaffAccount).where(
            StaffAccount.username.in_(["advisor", "manager", "teller", "custodian", "custodian2"])))}
        if len(people) < 5:
            return
        scope = people["teller"].branch_path
        by_tier: dict[str, list[int]] = {}
        for cid, tier in session.execute(
                select(Customer.id, Customer.tier).join(Branch, Branch.id == Customer.branch_id)
                .where(Branch.path.startswith(scope), Customer.active.is_(True)).order_by(Customer.id)):
            by_tier.setdefault(tier, []).append(cid)
    platinum = by_tier.get("platinum", [])
    diamond = by_tier.get("diamond", []) + by_tier.get("private", [])
    gold = by_tier.get("gold", [])
    if len(platinum) < 10 or len(diamond) < 8 or len(gold) < 4:
        return
    _Demo(store, people).run(platinum, diamond, gold)


class _Demo:
    def __init__(self, store: Store, people: dict[str, Actor]):
        self.store, self.people, self.now = store, people, store.clock()
        self.serials = {"platinum": iter(range(100001, 100100)), "diamond": iter(range(100001, 100100))}
        self.numbers = iter(range(10_000_001, 99_999_999, 7919))
        self.to_sign: list[tuple[int, date]] = []

    def on(self, days_ago: int) -> Store:
        moment = self.now - timedelta(days=days_ago)
        return Store(self.store.engine, clock=lambda: moment, keys=self.store.keys)

    def serial(self, card_type: str) -> str:
        return ("B" if card_type == "platinum" else "C") + f"{next(self.serials[card_type]):08d}"

    def number(self, card_type: str) -> str:
        body = DEFAULT_CARD_POLICY.product(card_type).bins[0] + f"{next(self.numbers):09d}"
        return with_check_digit(body)

    # --------------------------------------------------------------------------- steps

    def apply(self, days_ago: int, customer: int, kind: str, card_type: str, *, decide: bool | None = True,
              comment: str = "同意办理") -> int:
        store = self.on(days_ago)
        row = applications.submit_application(store, self.people["advisor"], customer, kind=kind,
                                              card_type=card_type, note="客户申请")
        if decide is not None:
            applications.decide_application(store, self.people["manager"], row.id, approve=decide, comment=comment)
        return row.id

    def issue(self, days_ago: int, customer: int, kind: str, card_type: str, *, old: OldCard | None = None,
              sign: bool = True) -> int:
        application = self.apply(days_ago, customer, kind, card_type)
        store = self.on(days_ago)
        result = issue.issue_card(store, self.people["teller"], application, serial=self.serial(card_type),
                                  card_number=self.number(card_type), old_card=old)
        if sign:
            self.to_sign.append((result.card_id, store.today()))
        return result.card_id

    def paperwork_done(self) -> None:
        """What happened at the counter after each issue, recorded in one go: every agreement
        and letter printed, and the agreements signed on the day of issue (but yesterday's)."""
        teller = self.people["teller"]
        due = paperwork.paperwork_due(self.store, teller, limit=10_000)
        with self.store.write(teller) as uow:
            for row in due:
                paperwork.mark_printed_in(uow, teller, row.id, None)
            for card_id, day in self.to_sign:
                paperwork.mark_agreement_signed_in(uow, teller, card_id, signed_on=day, witness="柜员 王磊")

    def with_tier(self, customer: int, tier: str, step: Callable[[], int]) -> int:
        """Run ``step`` while the customer's tier on record is ``tier`` (history: the tier they
        had when the card was issued), then put the tier back."""
        with self.store.engine.begin() as conn:
            before = conn.scalar(select(Customer.tier).where(Customer.id == customer))
            conn.execute(update(CustomerTier).where(CustomerTier.id == customer).values(tier=tier))
        try:
            return step()
        finally:
            with self.store.engine.begin() as conn:
                conn.execute(update(CustomerTier).where(CustomerTier.id == customer).values(tier=before))

    def stock(self, counts: dict[str, int]) -> None:
        """Receive exactly the serials the plan uses and hand them to teller's drawer."""
        c, c2, teller = self.people["custodian"], self.people["custodian2"], self.people["teller"]
        store = self.on(START)
        vault = books.vault_id(store, c)
        drawer = dict((name, i) for i, name in views.drawers_of_branch(store, c))[teller.display_name]
        for card_type, count in counts.items():
            prefix = "B" if card_type == "platinum" else "C"
            serials = f"{prefix}{100001:08d}-{prefix}{100000 + count:08d}"
            receipt = moves.receive(store, c, card_type=card_type, serials=serials, count=count)
            moves.confirm(store, c2, receipt.id)
            transfer = moves.request_transfer(store, c, card_type=card_type, serials=serials,
                                              from_location_id=vault, to_location_id=drawer)
            moves.confirm(store, teller, transfer.id)

    # --------------------------------------------------------------------------- the plan

    def run(self, platinum: list[int], diamond: list[int], gold: list[int]) -> None:
        """The plan, oldest first (serials are taken in order as the days go by)."""
        p, d, g = platinum, diamond, gold
        self.stock({"platinum": 10, "diamond": 5})
        teller, advisor = self.people["teller"], self.people["advisor"]
        returned = OldCard(True, "换卡收回旧卡")
        self.issue(760, p[4], "new", "platinum")                   # expired 30 days ago
        self.issue(718, d[0], "new", "diamond")                    # expires next month,
        self.issue(685, p[1], "new", "platinum")                   # the month after,
        self.issue(655, p[2], "new", "platinum")                   # and the one after that
        self.with_tier(g[0], "platinum", lambda: self.issue(500, g[0], "new", "platinum"))  # below standard now
        self.issue(400, d[4], "new", "platinum")                   # a lower card by choice
        self.issue(350, p[6], "new", "platinum")
        lost_one = self.issue(300, d[3], "new", "diamond")
        self.issue(250, d[7], "new", "diamond")
        self.issue(200, p[5], "new", "platinum")
        servicing.report_loss(self.on(120), teller, lost_one, reason="客户电话挂失")
        self.issue(115, d[3], "replace_lost", "diamond")           # replaced at its original type
        self.issue(100, d[5], "new", "platinum")                   # eligible for an upgrade
        servicing.cancel_card(self.on(60), teller, self._card_of(p[6]), reason="客户申请注销贵宾卡",
                              old_card=returned)
        self.issue(40, d[4], "upgrade", "diamond", old=returned)
        servicing.expire_cards(self.on(29), teller)
        self.issue(20, d[7], "downgrade", "platinum", old=OldCard(False, "客户留作纪念，已剪角"))
        self.apply(5, g[2], "new", "gold", decide=False, comment="客户资料不全，请补充后再申请")
        cancelled = self.apply(4, g[3], "new", "gold", decide=None)
        applications.withdraw_application(self.on(4), advisor, cancelled, reason="客户改变主意")
        self.apply(3, p[4], "renewal", "platinum")                 # the expired card: approved, at the counter
        servicing.report_loss(self.on(2), teller, self._card_of(p[5]), reason="客户到网点挂失")
        self.apply(2, p[9], "new", "platinum")                     # approved, waiting at the counter
        self.issue(1, p[8], "new", "platinum", sign=False)        # agreement not signed by day end
        self.apply(1, d[5], "upgrade", "diamond")                  # approved upgrade
        self.apply(0, p[5], "replace_lost", "platinum", decide=None)   # awaiting approval
        self.apply(0, g[1], "new", "gold", decide=None)
        self.paperwork_done()
        paperwork.record_renewal_letters(self.store, teller)
        # the latest evaluation's worklists now see the card register
        from app.tiers.evaluation import evaluate_tiers

        evaluate_tiers(self.store, Actor.batch("demo"))

    def _card_of(self, customer: int) -> int:
        with self.store.read() as session:
            # one active card a customer at most (uq_vip_card_active_customer); the demo gave this one
            return session.scalars(select(VipCard.id).where(VipCard.customer_id == customer,
                                                            VipCard.status == "active")).one()

