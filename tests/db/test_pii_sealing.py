"""Personal values sealed on both engines: every customer and card of the demo, each matching its
masked copy; swapped ciphertexts fail; rotation keeps every value readable; uniqueness holds on
the blind index. (Sealing an old store in place, resumably: test_pii_cli.)"""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.crypto import custody, vault
from app.crypto.cipher import DecryptError
from app.crypto.keys import KeyUnavailable
from app.customers.rules import mask_card, mask_id, mask_phone
from db.models import Customer, CustomerTail, SealedValue, VipCard
from tests.conftest import TEST_MASTER_KEY


@pytest.fixture
def sealed_store(demo_store):
    """The demo store, sealed from its creation; ``.master`` its master key."""
    demo_store.master = TEST_MASTER_KEY
    return demo_store


def _clear_and_sealed(store):
    with store.read() as session:
        customers = session.execute(select(Customer.id, Customer.id_masked, Customer.phone_masked)).all()
        cards = session.execute(select(VipCard.id, VipCard.card_masked)).all()
        sealed = {(s.entity, s.entity_id, s.field): bytes(s.sealed) for s in session.scalars(select(SealedValue))}
    return customers, cards, sealed


def _all_open(store, ring):
    """Every sealed value opens with ``ring`` to the number its masked copy shows."""
    customers, cards, sealed = _clear_and_sealed(store)
    for c in customers:
        assert mask_id(ring.open("customer", "id_number", c.id, sealed[("customer", c.id, "id_number")])) == c.id_masked
        if c.phone_masked:
            assert mask_phone(ring.open("customer", "phone", c.id, sealed[("customer", c.id, "phone")])) == c.phone_masked
    for card in cards:
        assert mask_card(ring.open("vip_card", "card_number", card.id,
                                   sealed[("vip_card", card.id, "card_number")])) == card.card_masked
    return len(customers), len(cards)


def test_every_value_of_the_demo_is_sealed_indexed_and_tailed(sealed_store):
    customers, cards = _all_open(sealed_store, sealed_store.keys)
    assert customers > 100 and cards > 10
    with sealed_store.read() as session:
        assert session.query(CustomerTail).count() >= 5 * customers
        fields = set(session.scalars(select(CustomerTail.field)))
    assert fields == {"id_number", "phone"}


def test_swapped_ciphertexts_fail_to_open(sealed_store):
    ring = vault.open_ring(sealed_store, sealed_store.master)
    customers, _, sealed = _clear_and_sealed(sealed_store)
    a, b = customers[0].id, customers[1].id
    with sealed_store.engine.begin() as conn:
        for own, other in ((a, b), (b, a)):
            conn.execute(update(SealedValue).where(SealedValue.entity == "customer", SealedValue.entity_id == own,
                                                   SealedValue.field == "id_number")
                         .values(sealed=sealed[("customer", other, "id_number")]))
    _, _, swapped = _clear_and_sealed(sealed_store)
    for own in (a, b):
        with pytest.raises(DecryptError):
            ring.open("customer", "id_number", own, swapped[("customer", own, "id_number")])
    with pytest.raises(DecryptError):       # an ID number's ciphertext in the phone's place
        ring.open("customer", "phone", a, sealed[("customer", a, "id_number")])


def test_rotation_keeps_every_value_readable(sealed_store, batch):
    new_master = custody.new_master_key()
    assert vault.rotate(sealed_store, batch, sealed_store.master, new_master) == 2
    assert _all_open(sealed_store, vault.open_ring(sealed_store, new_master))[0] > 0
    with pytest.raises(KeyUnavailable, match="did not wrap"):
        vault.open_ring(sealed_store, sealed_store.master)
    with pytest.raises(KeyUnavailable, match="did not wrap"):      # rotating from a wrong key
        vault.rotate(sealed_store, batch, sealed_store.master, custody.new_master_key())


def test_keys_are_made_once(sealed_store, batch):
    with pytest.raises(KeyUnavailable, match="data keys already"):
        vault.init_keys(sealed_store, batch, custody.new_master_key())


def test_id_and_card_numbers_are_unique_on_their_blind_index(sealed_store):
    with sealed_store.read() as session:
        index = session.scalar(select(Customer.id_number_index).where(Customer.id_type == "resident_id").limit(1))
        b = session.scalar(select(Customer.id).where(Customer.id_type == "resident_id").offset(1).limit(1))
        cards = session.execute(select(VipCard.id, VipCard.card_number_index).limit(2)).all()
    with pytest.raises(IntegrityError), sealed_store.engine.begin() as conn:
        conn.execute(update(Customer).where(Customer.id == b).values(id_number_index=index))
    with pytest.raises(IntegrityError), sealed_store.engine.begin() as conn:
        conn.execute(update(VipCard).where(VipCard.id == cards[1].id).values(card_number_index=cards[0].card_number_index))
