"""Who holds a card: the customer behind a card number typed or swiped, within the actor's
branch subtree. The lobby's ticket screen asks this when a VIP swipes their card, then issues
the ticket for that customer, whose tier gives its priority (DOMAIN.md "Queue priority").

Any of the customer's VIP cards identifies them (an expired or replaced card is still theirs),
except one reported lost: whoever carries a lost card is not taken for its holder. Messages
show the card number masked; nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.cards.policy import read_swipe
from app.cards.rules import LOST
from app.swipe import CARD_NUMBER, PAN_LENGTHS
from app.customers.records import mask_policy
from app.crypto.sealing import CARD_NUMBER as CARD, ring_of
from app.customers.rules import mask_card
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.text import compact
from db.models import Branch, Customer, VipCard
from app.actor import Actor
from app.store import Store


@dataclass(frozen=True)
class CardHolder:
    """The customer a card identified, as the lobby shows them."""

    customer_id: int
    name: str
    tier: str
    card_masked: str


def holder_of_card(store: Store, actor: Actor, raw: str) -> CardHolder:
    """The active customer of the actor's subtree who holds the card typed or swiped in ``raw``;
    refused with a message naming the card field for a damaged swipe, a number of the wrong
    shape, a card nobody in scope holds, a lost card and an inactive customer."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with store.read() as session:
        number = compact(read_swipe(session, raw or "")).replace("-", "")
        if not number:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=CARD_NUMBER)
        if not (number.isascii() and number.isdigit() and len(number) in PAN_LENGTHS):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 16 or 19 digits"), field=CARD_NUMBER)
        masked = mask_card(number, mask_policy(session))
        found = session.execute(
            select(VipCard.status, Customer, Branch.path)
            .join(Customer, Customer.id == VipCard.customer_id).join(Branch, Branch.id == Customer.branch_id)
            .where(VipCard.card_number_index == ring_of(store).index(CARD, number))).first()
        if found is None or not actor.sees(found.path):
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "no customer of your branches holds card {card}: find them by ID number or name"),
                field=CARD_NUMBER, card=masked)
        status, customer = found.status, found.Customer
        if status == LOST:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{card} was reported lost: check the customer's ID document and find them by it"),
                field=CARD_NUMBER, card=masked)
        if not customer.active:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{card} belongs to a customer marked inactive"), field=CARD_NUMBER, card=masked)
        return CardHolder(customer.id, customer.name, customer.tier, masked)


__all__ = ["CardHolder", "holder_of_card"]
