"""A card swiped at the lobby or into a search box finds its holder, on SQLite and PostgreSQL:
the customer search takes track 2 and track 1 + 2 as it takes the number; the lobby's lookup
(holder_of_card) gives the customer and their tier, and a ticket issued for them carries the
tier's priority; a damaged swipe, a card nobody in scope holds, another branch's card and a
lost card are refused with the card masked in the message and nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.cards.holder import holder_of_card
from app.cards.servicing import report_loss
from app.customers.search import search_customers
from app.errors import NotFound, ValidationError
from app.queue import rules, tickets
from app.queue.common import tier_codes
from db.models import AuditEvent, Customer, QueueService, VipCard
from tests.db.helpers import actor_named, sealed_number


def _card(store, branch_id):
    """An active card of an active customer above the lowest tier (the demo's first)."""
    with store.read() as session:
        card_id, customer_id, tier = session.execute(
            select(VipCard.id, Customer.id, Customer.tier)
            .join(Customer, Customer.id == VipCard.customer_id)
            .where(Customer.branch_id == branch_id, Customer.active.is_(True), Customer.tier != "ordinary",
                   VipCard.status == "active").order_by(VipCard.id)).first()
    return card_id, sealed_number(store, "vip_card", card_id, "card_number"), customer_id, tier


def _tracks(number: str) -> tuple[str, str]:
    return (f";{number}=28121010000000000000?",
            f"%B{number}^ZHANG/SAN^2812101000000000000?;{number}=28121010000000000000?")


def _events(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent))


def test_the_search_takes_a_swipe_as_it_takes_the_number(demo_store):
    lobby = actor_named(demo_store, "lobby")
    _card_id, number, customer_id, _tier = _card(demo_store, lobby.branch_id)
    for swipe in _tracks(number):
        assert [r.id for r in search_customers(demo_store, lobby, swipe)] == [customer_id]
    with pytest.raises(ValidationError, match="not read whole"):
        search_customers(demo_store, lobby, f";{number}=2812")


def test_the_lobby_finds_the_holder_and_the_ticket_gets_the_tiers_priority(demo_store):
    lobby = actor_named(demo_store, "lobby")
    _card_id, number, customer_id, tier = _card(demo_store, lobby.branch_id)
    for swipe in (*_tracks(number), number):
        holder = holder_of_card(demo_store, lobby, swipe)
        assert (holder.customer_id, holder.tier) == (customer_id, tier)
        assert holder.card_masked == number[:6] + "*" * (len(number) - 10) + number[-4:]
    with demo_store.read() as session:
        service_id = session.scalar(select(QueueService.id).where(
            QueueService.branch_id == lobby.branch_id, QueueService.active.is_(True)).order_by(QueueService.id))
        codes = tier_codes(session, demo_store.today())
    row = tickets.issue_ticket(demo_store, lobby, service_id=service_id, customer_id=holder.customer_id)
    assert row.tier == tier and row.priority == rules.priority_of(tier, codes) > 0


def test_refusals_mask_the_card_and_write_nothing(demo_store):
    lobby = actor_named(demo_store, "lobby")
    card_id, number, _customer_id, _tier = _card(demo_store, lobby.branch_id)
    before = _events(demo_store)
    masked = number[:6] + "*" * (len(number) - 10) + number[-4:]
    with pytest.raises(ValidationError, match="different numbers"):
        holder_of_card(demo_store, lobby, f"%B{number}^ZHANG/SAN^2812?;{number[:-1]}=2812?")
    unknown = "622208" + "0" * 9
    unknown += str((10 - sum(int(d) if i % 2 else sum(divmod(2 * int(d), 10))
                             for i, d in enumerate(reversed(unknown))) % 10) % 10)
    with pytest.raises(NotFound) as nobody:
        holder_of_card(demo_store, lobby, _tracks(unknown)[0])
    assert unknown not in str(nobody.value) and unknown[-4:] in str(nobody.value)
    with pytest.raises(NotFound) as elsewhere:  # another branch's clerk
        holder_of_card(demo_store, actor_named(demo_store, "sh_teller"), _tracks(number)[1])
    assert masked in str(elsewhere.value) and number not in str(elsewhere.value)
    with pytest.raises(ValidationError, match="16 or 19"):
        holder_of_card(demo_store, lobby, "6222")
    assert _events(demo_store) == before
    report_loss(demo_store, actor_named(demo_store, "teller"), card_id, reason="丢失")
    with pytest.raises(ValidationError, match="reported lost") as lost:
        holder_of_card(demo_store, lobby, _tracks(number)[0])
    assert masked in str(lost.value)
