"""Sealing a store's personal values in place: ``python main.py pii encrypt``.

Customers and VIP cards that have no blind index yet are sealed batch by batch, each batch one
transaction (its sealed values, blind indexes and tails together), in id order; a run that is
stopped leaves whole batches done and the next run carries on where it stopped. Progress is
reported after each batch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, insert, select, update

from app.crypto.keys import KeyRing
from db.models import Customer, CustomerTail, SealedValue, VipCard

ID_NUMBER = "id_number"
PHONE = "phone"
CARD_NUMBER = "card_number"
BATCH = 2000


@dataclass(frozen=True)
class SealedCustomer:
    """What the store keeps of one customer's ID number and phone once sealed."""

    sealed: list[dict]           # sealed_value rows
    id_number_index: bytes
    phone_index: bytes | None
    tails: list[bytes]


def seal_customer(ring: KeyRing, customer_id: int, id_number: str, phone: str) -> SealedCustomer:
    """The sealed values and blind indexes of one customer's ID number and (optional) phone."""
    sealed = [{"entity": "customer", "entity_id": customer_id, "field": ID_NUMBER,
               "sealed": ring.seal("customer", ID_NUMBER, customer_id, id_number)}]
    tails = ring.tails(ID_NUMBER, id_number)
    if phone:
        sealed.append({"entity": "customer", "entity_id": customer_id, "field": PHONE,
                       "sealed": ring.seal("customer", PHONE, customer_id, phone)})
        tails += ring.tails(PHONE, phone)
    return SealedCustomer(sealed, ring.index(ID_NUMBER, id_number),
                          ring.index(PHONE, phone) if phone else None, sorted(set(tails)))


def seal_card(ring: KeyRing, card_id: int, card_number: str) -> tuple[dict, bytes]:
    """A card number's sealed_value row and blind index."""
    return ({"entity": "vip_card", "entity_id": card_id, "field": CARD_NUMBER,
             "sealed": ring.seal("vip_card", CARD_NUMBER, card_id, card_number)},
            ring.index(CARD_NUMBER, card_number))


@dataclass(frozen=True)
class Progress:
    """Where an encryption run stands: what it has sealed and what was left at its start."""

    kind: str          # "customer" or "vip_card"
    done: int
    total: int


def _replace_sealed(session, entity: str, ids: list[int], rows: list[dict]) -> None:
    session.execute(delete(SealedValue).where(SealedValue.entity == entity, SealedValue.entity_id.in_(ids)))
    if rows:
        session.execute(insert(SealedValue), rows)


def _customer_batch(session, ring: KeyRing, batch: int) -> int:
    rows = session.execute(select(Customer.id, Customer.id_number, Customer.phone)
                           .where(Customer.id_number_index.is_(None)).order_by(Customer.id).limit(batch)).all()
    if not rows:
        return 0
    ids = [r.id for r in rows]
    sealed = {r.id: seal_customer(ring, r.id, r.id_number, r.phone) for r in rows}
    _replace_sealed(session, "customer", ids, [v for s in sealed.values() for v in s.sealed])
    session.execute(delete(CustomerTail).where(CustomerTail.customer_id.in_(ids)))
    session.execute(insert(CustomerTail), [{"digest": d, "customer_id": i} for i, s in sealed.items() for d in s.tails])
    session.connection().execute(
        update(Customer.__table__).where(Customer.__table__.c.id == bindparam("cid")),
        [{"cid": i, "id_number_index": s.id_number_index, "phone_index": s.phone_index} for i, s in sealed.items()])
    return len(rows)


def _card_batch(session, ring: KeyRing, batch: int) -> int:
    rows = session.execute(select(VipCard.id, VipCard.card_number)
                           .where(VipCard.card_number_index.is_(None)).order_by(VipCard.id).limit(batch)).all()
    if not rows:
        return 0
    sealed = {r.id: seal_card(ring, r.id, r.card_number) for r in rows}
    _replace_sealed(session, "vip_card", list(sealed), [row for row, _ in sealed.values()])
    session.connection().execute(
        update(VipCard.__table__).where(VipCard.__table__.c.id == bindparam("cid")),
        [{"cid": i, "card_number_index": index} for i, (_, index) in sealed.items()])
    return len(rows)


def encrypt_store(store, actor, ring: KeyRing, *, batch: int = BATCH,
                  progress: Callable[[Progress], None] = lambda p: None) -> dict[str, int]:
    """Seal every customer's and card's personal values that are not sealed yet; returns how
    many of each this run sealed."""
    done = {}
    for kind, model, column, step in (("customer", Customer, Customer.id_number_index, _customer_batch),
                                      ("vip_card", VipCard, VipCard.card_number_index, _card_batch)):
        with store.read() as session:
            total = session.scalar(select(func.count()).select_from(model).where(column.is_(None)))
        done[kind] = 0
        while True:
            with store.write(actor) as uow:
                n = step(uow.session, ring, batch)
                if n:
                    uow.audit("pii.encrypt", kind, "", after={"sealed": n})
            if not n:
                break
            done[kind] += n
            progress(Progress(kind, done[kind], total))
    return done
