"""Demo blank-card stock for 北京朝阳支行 (BJ0101): three weeks of receipts, hand-outs to the
two tellers' drawers, daily issues in serial order, a few spoilt cards (one destruction
session), a receipt still awaiting its second person today, and a minimum level that warns.

Platinum and diamond cards only, so that tests may use gold serials on the demo store freely.
Every step goes through the stock services (with the clock set to the day it happened).
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from app.auth.accounts import actor_for
from app.stock import books, moves, views
from app.store import Store
from db.models import StaffAccount

DAYS = 21


def add_demo_stock(store: Store, *, seed: int = 7) -> None:
    rng = random.Random(seed)
    with store.read() as session:
        people = {a.username: actor_for(a) for a in session.scalars(select(StaffAccount).where(
            StaffAccount.username.in_(["custodian", "custodian2", "teller", "teller2", "manager"])))}
    if len(people) < 5:
        return
    start = store.clock()

    def on(day: int) -> Store:
        return Store(store.engine, clock=lambda: start - timedelta(days=DAYS - day), keys=store.keys)

    c, c2, t, t2 = people["custodian"], people["custodian2"], people["teller"], people["teller2"]
    first = on(0)
    for card_type, serials in (("platinum", "B00200001-B00200120"), ("diamond", "C00300001-C00300040")):
        receipt = moves.receive(first, c, card_type=card_type, serials=serials, count=None)
        moves.confirm(first, c2, receipt.id)
    vault = books.vault_id(first, c)
    drawers = dict((name, i) for i, name in views.drawers_of_branch(first, c))
    second = on(1)
    for holder, card_type, serials in ((t, "platinum", "B00200001-B00200030"), (t2, "platinum", "B00200031-B00200050"),
                                       (t, "diamond", "C00300001-C00300008")):
        transfer = moves.request_transfer(second, c, card_type=card_type, serials=serials,
                                          from_location_id=vault, to_location_id=drawers[holder.display_name])
        moves.confirm(second, holder, transfer.id)
    next_serial = {(t.username, "platinum"): 200001, (t2.username, "platinum"): 200031,
                   (t.username, "diamond"): 300001}
    last_serial = {(t.username, "platinum"): 200030, (t2.username, "platinum"): 200050,
                   (t.username, "diamond"): 300008}
    spoilt = []
    for day in range(2, DAYS):
        clock_store = on(day)
        for (who, card_type), number in list(next_serial.items()):
            clerk = people[who]
            prefix = "B" if card_type == "platinum" else "C"
            for _ in range(rng.choice([0, 1, 1, 2]) if card_type == "platinum" else rng.choice([0, 0, 1])):
                if number > last_serial[(who, card_type)]:
                    break
                serial = f"{prefix}{number:08d}"
                if number in (200007, 200036, 300004):  # misprints at the counter
                    moves.spoil(clock_store, clerk, card_type=card_type, serial=serial,
                                reason="制卡印刷错误")
                    spoilt.append((card_type, serial))
                else:
                    moves.issue_serial(clock_store, clerk, card_type=card_type, serial=serial)
                number += 1
            next_serial[(who, card_type)] = number
    platinum_spoilt = [s for card_type, s in spoilt if card_type == "platinum"]
    if platinum_spoilt:
        manager_id, c2_id = people["manager"].account_id, c2.account_id
        assert manager_id is not None and c2_id is not None, "staff accounts' actors carry their ids"
        moves.destroy(on(DAYS - 1), c, card_type="platinum", serials=", ".join(platinum_spoilt),
                      witnesses=(manager_id, c2_id))
    moves.receive(store, c, card_type="diamond", serials="C00300041-C00300060", count=20)
    books.set_minimum(store, people["manager"], card_type="diamond", minimum=40)
    books.set_minimum(store, people["manager"], card_type="platinum", minimum=30)
