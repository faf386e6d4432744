"""Two counter PCs at once on PostgreSQL, each with its own connection: issuing the same
approved application, and issuing two applications from the same blank serial. Exactly one
wins each race; the loser gets a clear message and leaves nothing behind."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from app.cards import issue
from app.cards.views import my_drawer
from app.errors import UserError
from app.store import Store
from db.engine import make_engine
from db.models import BlankCard, CardApplication, CardPaperwork, StockMovement, VipCard
from tests.db.carddata import approved, card_number, stock_drawer
from tests.db.helpers import actor_named
from tests.db.tierdata import add_customers

ROUNDS = 5


def _race(store, calls):
    """Run each call on its own engine at the same moment; returns (results, user errors)."""
    barrier = threading.Barrier(len(calls))
    results, refusals, faults = [], [], []

    def worker(call):
        engine = make_engine(store.engine.url.render_as_string(hide_password=False))
        try:
            own = Store(engine, keys=store.keys)
            barrier.wait()
            results.append(call(own))
        except UserError as error:
            refusals.append(error)
        except BaseException as exc:  # reported below
            faults.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not faults, faults
    return results, refusals


def _next_gold(store, clerk) -> str:
    return next(d.next_serial for d in my_drawer(store, clerk) if d.card_type == "gold")


@pytest.fixture
def race_store(pg_demo_store):
    stock_drawer(pg_demo_store, "teller", "A00001000-A00001019")
    stock_drawer(pg_demo_store, "teller2", "A00002000-A00002019")
    return pg_demo_store


def test_two_pcs_issuing_the_same_application_one_wins(race_store):
    store = race_store
    teller, teller2 = actor_named(store, "teller"), actor_named(store, "teller2")
    for round_ in range(ROUNDS):
        cif = f"RACEAPP{round_:03d}"
        customer = add_customers(store, "BJ010101", [cif], tier="gold")[cif]
        application = approved(store, customer)
        serials = tuple(_next_gold(store, clerk) for clerk in (teller, teller2))  # each drawer's lowest
        results, refusals = _race(store, [
            lambda s, a=application, n=serials[0]: issue.issue_card(s, teller, a, serial=n, card_number=card_number()),
            lambda s, a=application, n=serials[1]: issue.issue_card(s, teller2, a, serial=n, card_number=card_number()),
        ])
        assert len(results) == 1 and len(refusals) == 1
        assert "another counter" in str(refusals[0]) or "approved application" in str(refusals[0])
        with store.read() as session:
            cards = session.scalars(select(VipCard).where(VipCard.application_id == application)).all()
            assert len(cards) == 1 and cards[0].id == results[0].card_id
            assert session.get(CardApplication, application).status == "fulfilled"
            issued = set(session.scalars(select(BlankCard.serial).where(
                BlankCard.serial.in_(serials), BlankCard.state == "issued")))
            assert issued == {cards[0].serial}   # the loser's serial is still in its drawer
            assert session.scalar(select(func.count()).select_from(CardPaperwork).where(
                CardPaperwork.card_id == cards[0].id)) == 2


def test_two_pcs_taking_the_same_serial_one_wins(race_store):
    store = race_store
    teller = actor_named(store, "teller")
    for round_ in range(ROUNDS):
        cifs = [f"RACESER{round_:02d}A", f"RACESER{round_:02d}B"]
        ids = add_customers(store, "BJ010101", cifs, tier="gold")
        apps = [approved(store, ids[c]) for c in cifs]
        serial = _next_gold(store, teller)
        results, refusals = _race(store, [
            lambda s, a=apps[0]: issue.issue_card(s, teller, a, serial=serial, card_number=card_number()),
            lambda s, a=apps[1]: issue.issue_card(s, teller, a, serial=serial, card_number=card_number()),
        ])
        assert len(results) == 1 and len(refusals) == 1
        assert refusals[0].field == "Serial"
        with store.read() as session:
            holders = session.scalars(select(VipCard.id).where(VipCard.serial == serial)).all()
            assert holders == [results[0].card_id]
            statuses = sorted(session.scalars(select(CardApplication.status).where(CardApplication.id.in_(apps))))
            assert statuses == ["approved", "fulfilled"]   # the loser's application waits for another serial
            assert session.scalar(select(func.count()).select_from(StockMovement).where(
                StockMovement.serial == serial, StockMovement.to_state == "issued")) == 1
