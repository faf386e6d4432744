"""Many issuers at once on PostgreSQL: every serial is issued exactly once.

Eight threads, each with its own connection, all acting as the same clerk at different PCs,
race through the drawer's serials in order until it is empty; each serial is won by exactly
one of them.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from app.errors import UserError
from app.stock import moves, views
from app.store import Store
from db.engine import make_engine
from db.models import BlankCard, StockMovement
from tests.db.helpers import actor_named

WORKERS = 8
SERIALS = 40


def test_no_serial_is_issued_twice_by_many_concurrent_issuers(pg_demo_store):
    store = pg_demo_store
    custodian, custodian2, teller = (actor_named(store, n) for n in ("custodian", "custodian2", "teller"))
    serials = f"A00005000-A{5000 + SERIALS - 1:08d}"
    receipt = moves.receive(store, custodian, card_type="gold", serials=serials, count=SERIALS)
    moves.confirm(store, custodian2, receipt.id)
    drawer = dict((n, i) for i, n in views.drawers_of_branch(store, custodian))[teller.display_name]
    vault = next(i for i, _code, _name, kind in views.locations(store, custodian) if kind == "vault")
    transfer = moves.request_transfer(store, custodian, card_type="gold", serials=serials,
                                      from_location_id=vault, to_location_id=drawer)
    moves.confirm(store, teller, transfer.id)

    wins: list[list[str]] = [[] for _ in range(WORKERS)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(WORKERS)

    def issuer(index: int) -> None:
        engine = make_engine(store.engine.url.render_as_string(hide_password=False))
        own = Store(engine)
        try:
            barrier.wait()
            for _round in range(50):  # until the drawer is empty
                for n in range(5000, 5000 + SERIALS):
                    serial = f"A{n:08d}"
                    try:
                        moves.issue_serial(own, teller, card_type="gold", serial=serial)
                        wins[index].append(serial)
                        time.sleep(0.02)  # hands the card over: the others get their turn at the next
                    except UserError:
                        pass  # taken by someone else, or held by their claim, or not the lowest yet
                with own.read() as session:
                    if not session.scalar(select(func.count()).select_from(BlankCard).where(
                            BlankCard.state == "in_stock", BlankCard.card_type == "gold")):
                        break
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=issuer, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    issued = [s for won in wins for s in won]
    assert len(issued) == len(set(issued))  # nobody issued a serial another issued
    with store.read() as session:
        in_db = session.scalar(select(func.count()).select_from(BlankCard).where(
            BlankCard.state == "issued", BlankCard.card_type == "gold"))
        issue_rows = session.scalar(select(func.count()).select_from(StockMovement).where(
            StockMovement.to_state == "issued", StockMovement.card_type == "gold"))
        per_serial = session.execute(select(StockMovement.serial, func.count()).where(
            StockMovement.to_state == "issued").group_by(StockMovement.serial)
            .having(func.count() > 1)).all()
    assert in_db == len(issued) == issue_rows and per_serial == []
    assert sorted(issued) == [f"A{n:08d}" for n in range(5000, 5000 + SERIALS)]  # each exactly once
    assert sum(1 for won in wins if won) > 1  # the race was real: several workers won serials
