"""A card's life after issue: loss reported (the card is invalid at once; a replace-lost
application then brings a new card of the original type), cancellation at the customer's wish
(the tier is unaffected), and expiry (active cards past their last valid day are marked
expired). Each is one conditional UPDATE from the status read, so two PCs cannot both act, and
each is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from app.auth.permissions import Permission, require
from app.cards import rules
from app.cards.common import card_in_scope
from app.cards.issue import OldCard, old_card_answer
from app.cards.rules import REASON
from app.errors import CHANGED_BY_SOMEONE_ELSE, ConflictError
from app.stock.moves import return_serial
from app.text import clean_text
from db.models import Branch, VipCard
from app.actor import Actor
from app.store import Store


@dataclass(frozen=True)
class CardChange:
    card_id: int
    before: str
    after: str


def _end(uow, actor: Actor, card: VipCard, action: str, reason: str, returned: bool | None) -> CardChange:
    before = card.status
    after = rules.next_card_status(action, before)
    done = uow.session.execute(
        update(VipCard).where(VipCard.id == card.id, VipCard.status == before, VipCard.version == card.version)
        .values(status=after, ended_at=uow.now, ended_by_name=actor.username, ended_reason=reason,
                returned=returned, version=card.version + 1)
        .execution_options(synchronize_session=False)).rowcount
    if done != 1:
        raise ConflictError(CHANGED_BY_SOMEONE_ELSE)
    uow.audit(f"card.{action}", "vip_card", card.id, branch_id=card.branch_id, before={"status": before},
              after={"status": after, "reason": reason, "returned": returned})
    return CardChange(card.id, before, after)


def report_loss(store: Store, actor: Actor, card_id: int, *, reason: str = "") -> CardChange:
    """The customer reports the card lost (SERVICE_CARDS): it stops being valid at once."""
    require(actor, Permission.SERVICE_CARDS)
    reason = clean_text(reason, field=REASON, max_length=300, required=False) if reason else ""
    with store.write(actor) as uow:
        card = card_in_scope(uow.session, actor, card_id)
        return _end(uow, actor, card, rules.REPORT_LOSS, reason, False)


def cancel_card(store: Store, actor: Actor, card_id: int, *, reason: str, old_card: OldCard | None) -> CardChange:
    """Cancel an active card at the customer's wish (SERVICE_CARDS) with a reason; the card is
    handed back (its blank returned to stock for destruction) or recorded as not returned. The
    customer's tier stays as it is: a tier is not a card."""
    require(actor, Permission.SERVICE_CARDS)
    reason = clean_text(reason or "", field=REASON, max_length=300)
    answer = old_card_answer(old_card)
    with store.write(actor) as uow:
        card = card_in_scope(uow.session, actor, card_id)
        ended = reason if answer.returned else f"{reason} / {answer.reason}"
        change = _end(uow, actor, card, rules.CANCEL, ended[:300], answer.returned)
        if answer.returned:
            return_serial(uow, actor, card_type=card.card_type, serial=card.serial, reason=reason)
        return change


def expire_cards(store: Store, actor: Actor) -> int:
    """Mark expired every active card in scope whose last valid day has passed (SERVICE_CARDS);
    returns how many. Renewal may still replace an expired card."""
    require(actor, Permission.SERVICE_CARDS)
    with store.write(actor) as uow:
        today = uow.today
        cards = list(uow.session.scalars(
            select(VipCard).join(Branch, Branch.id == VipCard.branch_id)
            .where(VipCard.status == rules.ACTIVE, VipCard.expires_on < today,
                   Branch.path.startswith(actor.branch_path)).order_by(VipCard.id)))
        for card in cards:
            _end(uow, actor, card, rules.EXPIRE, "", None)
        return len(cards)
