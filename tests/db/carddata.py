"""Builders for the card tests: gold blank cards in a teller's drawer (through the stock
services), card numbers with a valid (or a wrong) Luhn digit, and a whole card issued through
application → approval → issue, as the counter does it."""

from __future__ import annotations

import itertools

from sqlalchemy import select

from app.cards import applications, issue
from app.cards.rules import DEFAULT_CARD_POLICY, with_check_digit
from app.stock import books, moves, views
from db.models import Branch, CardApplication, Customer, CustomerTier, VipCard
from tests.db.helpers import actor_named

_numbers = itertools.count(1)


def card_number(card_type: str = "gold", *, digits: int = 16, luhn_ok: bool = True, n: int | None = None) -> str:
    """A fresh number of ``card_type``'s default BIN; with ``luhn_ok=False`` a wrong check digit."""
    bin_ = DEFAULT_CARD_POLICY.product(card_type).bins[0]
    body = f"{bin_}{(n if n is not None else next(_numbers)):0{digits - len(bin_) - 1}d}"
    good = with_check_digit(body)
    return good if luhn_ok else body + str((int(good[-1]) + 1) % 10)


def stock_drawer(store, holder: str = "teller", serials: str = "A00001000-A00001019",
                 card_type: str = "gold") -> None:
    """Receive ``serials`` into the BJ0101 vault (confirmed) and hand them to ``holder``'s drawer."""
    custodian, custodian2 = actor_named(store, "custodian"), actor_named(store, "custodian2")
    clerk = actor_named(store, holder)
    receipt = moves.receive(store, custodian, card_type=card_type, serials=serials, count=None)
    moves.confirm(store, custodian2, receipt.id)
    drawer = dict((name, i) for i, name in views.drawers_of_branch(store, custodian))[clerk.display_name]
    transfer = moves.request_transfer(store, custodian, card_type=card_type, serials=serials,
                                      from_location_id=books.vault_id(store, custodian), to_location_id=drawer)
    moves.confirm(store, clerk, transfer.id)


def approved(store, customer_id: int, kind: str = "new", card_type: str = "gold", *,
             by: str = "advisor", approver: str = "manager") -> int:
    """An application entered by ``by`` and approved by ``approver``; returns its id."""
    application = applications.submit_application(store, actor_named(store, by), customer_id,
                                                  kind=kind, card_type=card_type)
    applications.decide_application(store, actor_named(store, approver), application.id, approve=True,
                                    comment="同意")
    return application.id


def give_card(store, customer_id: int, serial: str, card_type: str = "gold", *, kind: str = "new",
              clerk: str = "teller", old_card: issue.OldCard | None = None) -> issue.IssueResult:
    """A card issued through the whole flow (the drawer must hold ``serial``)."""
    application_id = approved(store, customer_id, kind, card_type)
    return issue.issue_card(store, actor_named(store, clerk), application_id, serial=serial,
                            card_number=card_number(card_type), old_card=old_card)


def ready_to_issue(store, serials: str) -> int:
    """An approved gold application of a BJ0101 customer with no card and no application yet,
    its tier set to gold, and ``serials`` in the teller's drawer; returns the application's id."""
    stock_drawer(store, serials=serials)
    with store.read() as session:
        branch = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        customer = session.scalar(
            select(Customer.id).where(Customer.branch_id == branch, Customer.active.is_(True),
                                      ~Customer.id.in_(select(VipCard.customer_id)),
                                      ~Customer.id.in_(select(CardApplication.customer_id)))
            .order_by(Customer.id).limit(1))
    set_tier(store, customer, "gold")
    return approved(store, customer)


def set_tier(store, customer_id: int, tier: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(CustomerTier.__table__.update().where(CustomerTier.id == customer_id).values(tier=tier))


def customer_id_of(store, cif: str) -> int:
    with store.read() as session:
        return session.scalar(select(Customer.id).where(Customer.cif_no == cif))


def light_demo(store):
    """The demo's branches, staff and blank-card stock without its customers (and so without
    their AUM, tiers and cards): what the card service tests need, at a fraction of the cost of
    the whole demo on PostgreSQL, where every test builds its own."""
    from app.demo import build_demo

    build_demo(store, customers=0)
    return store
