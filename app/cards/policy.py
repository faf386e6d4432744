"""The card policy as the store keeps it (setting ``card_policy``): card products with their
BINs and Luhn mode, validity years, the expiring-cards window. Defaults until an administrator
saves the bank's own; every save is validated and audited."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.auth.permissions import Permission, require
from app.cards.rules import DEFAULT_CARD_POLICY, CardPolicy
from app.swipe import card_number_field, is_swipe
from app.errors import QT_TRANSLATE_NOOP
from app.settings import load_stored_policy, write_setting
from app.actor import Actor
from app.store import Store

CARD_POLICY_KEY = "card_policy"
CARD_POLICY = QT_TRANSLATE_NOOP("fields", "Card policy")


def card_policy_in(session: Session) -> CardPolicy:
    """The stored card policy, or the defaults while none is stored
    (:func:`app.settings.load_stored_policy`: a stored value that no longer validates is reported)."""
    return load_stored_policy(session, CARD_POLICY_KEY, CARD_POLICY, CardPolicy.from_dict, DEFAULT_CARD_POLICY)


def read_swipe(session: Session, raw: str) -> str:
    """What a field that takes a card number holds: a swipe read as its card number (the Luhn
    check digit as the stored policy's products want it), anything else unchanged. The policy
    is read only for a swipe, so a search typed by hand costs no query more."""
    if not is_swipe(raw):
        return raw
    return card_number_field(raw, card_policy_in(session).luhn_optional_bins)


def card_policy(store: Store) -> CardPolicy:
    """The card policy in force (anyone signed in may read it: screens show BINs and windows)."""
    with store.read() as session:
        return card_policy_in(session)


def save_card_policy(store: Store, actor: Actor, policy: CardPolicy) -> CardPolicy:
    """Store ``policy`` as the bank's card policy (EDIT_POLICY), refused whole when invalid."""
    require(actor, Permission.EDIT_POLICY)
    policy.validate()
    with store.write(actor) as uow:
        write_setting(uow, CARD_POLICY_KEY, policy.to_dict())
    return policy
