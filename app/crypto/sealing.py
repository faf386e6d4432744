"""Sealing personal values: on the way in, and a whole store in place (``python main.py pii encrypt``).

Services that write an ID number, phone or card number call :func:`reseal_customers` /
:func:`reseal_card` in the same transaction: with the store's key ring they seal the values and
write their blind indexes; a store opened without the master key marks the rows unsealed
instead (no blind index, no tail), so no search finds a customer by an old number and the next
``pii encrypt`` seals them.

Customers and VIP cards that have no blind index yet are sealed batch by batch, each batch one
transaction (its sealed values, blind indexes and tails together), in id order; a run that is
stopped leaves whole batches done and the next run carries on where it stopped. Progress is
reported after each batch.
"""

from __future__ import annotations

from typing import cast

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update

from app.crypto import cipher, vault
from app.crypto.keys import KeyRing
from db.models import Customer, CustomerTail, SealedValue, VipCard
from app.actor import Actor
from app.store import Store

ID_NUMBER = "id_number"
PHONE = "phone"
CARD_NUMBER = "card_number"
BATCH = 2000


def _table(model) -> Table:
    """A mapped class's table, typed as the Core table the bulk statements take."""
    return cast(Table, model.__table__)


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


def _upsert_sealed(session, rows: list[dict]) -> None:
    """Write sealed values over the ones of the same row and field (an UPDATE where one is
    stored: on PostgreSQL staff may replace an ID number's sealed value but never delete it)."""
    if not rows:
        return
    keys = {(r["entity"], r["entity_id"], r["field"]) for r in rows}
    entities = {r["entity"] for r in rows}
    stored = {tuple(r) for r in session.execute(select(SealedValue.entity, SealedValue.entity_id, SealedValue.field).where(
        SealedValue.entity.in_(entities), SealedValue.entity_id.in_({r["entity_id"] for r in rows})))}
    table = _table(SealedValue)
    old = [{"b_entity": r["entity"], "b_id": r["entity_id"], "b_field": r["field"], "sealed": r["sealed"]}
           for r in rows if (r["entity"], r["entity_id"], r["field"]) in stored]
    if old:
        session.execute(update(table).where(table.c.entity == bindparam("b_entity"), table.c.entity_id == bindparam("b_id"),
                                            table.c.field == bindparam("b_field")), old)
    new = [r for r in rows if (r["entity"], r["entity_id"], r["field"]) in keys - stored]
    if new:
        session.execute(insert(table), new)


def reseal_customers(session, keys: KeyRing | None, customers: list[tuple[int, str, str]]) -> None:
    """Seal and index ``(customer id, ID number, phone)`` just written in clear (see the module
    text; without ``keys`` the rows are marked unsealed)."""
    if not customers:
        return
    ids = [c[0] for c in customers]
    table = _table(Customer)
    session.execute(delete(CustomerTail).where(CustomerTail.customer_id.in_(ids)))
    if keys is None:
        session.execute(update(table).where(table.c.id.in_(ids)).values(id_number_index=None, phone_index=None))
        return
    sealed = {i: seal_customer(keys, i, id_number, phone) for i, id_number, phone in customers}
    _upsert_sealed(session, [v for s in sealed.values() for v in s.sealed])
    no_phone = [i for i, s in sealed.items() if s.phone_index is None]
    if no_phone:
        session.execute(delete(SealedValue).where(SealedValue.entity == "customer", SealedValue.field == PHONE,
                                                  SealedValue.entity_id.in_(no_phone)))
    tails = [{"digest": d, "customer_id": i} for i, s in sealed.items() for d in s.tails]
    if tails:
        session.execute(insert(CustomerTail), tails)
    session.execute(update(table).where(table.c.id == bindparam("cid")),
                    [{"cid": i, "id_number_index": s.id_number_index, "phone_index": s.phone_index}
                     for i, s in sealed.items()])


def reseal_card(session, keys: KeyRing | None, card_id: int, card_number: str) -> None:
    """Seal and index a card number just issued (left unsealed for ``pii encrypt`` without keys)."""
    if keys is None:
        return
    row, index = seal_card(keys, card_id, card_number)
    _upsert_sealed(session, [row])
    table = _table(VipCard)
    session.execute(update(table).where(table.c.id == card_id).values(card_number_index=index))


def reveal_sealed(uow, keys: KeyRing, customer_id: int, field: str, audit_after: dict, branch_id: int) -> str | None:
    """One customer's sealed ID number or phone, opened; None when it is not sealed yet.

    On PostgreSQL the sealed value comes from ``vipdesk_reveal``, which checks the permission
    and the subtree and writes the ``customer.reveal`` event itself; on SQLite from
    ``sealed_value``, with the event written here."""
    session = uow.session
    if session.bind.dialect.name == "postgresql":
        sealed = session.scalar(text("SELECT vipdesk_reveal('customer', :id, :field)"), {"id": customer_id, "field": field})
    else:
        sealed = session.scalar(select(SealedValue.sealed).where(
            SealedValue.entity == "customer", SealedValue.entity_id == customer_id, SealedValue.field == field))
        uow.audit("customer.reveal", "customer", customer_id, after=audit_after, branch_id=branch_id)
    return None if sealed is None else keys.open("customer", field, customer_id, bytes(sealed))


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
        update(_table(Customer)).where(_table(Customer).c.id == bindparam("cid")),
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
        update(_table(VipCard)).where(_table(VipCard).c.id == bindparam("cid")),
        [{"cid": i, "card_number_index": index} for i, (_, index) in sealed.items()])
    return len(rows)


def encrypt_store(store: Store, actor: Actor, ring: KeyRing, *, batch: int = BATCH,
                  progress: Callable[[Progress], None] = lambda p: None) -> dict[str, int]:
    """Seal every customer's and card's personal values that are not sealed yet; returns how
    many of each this run sealed."""
    done = {}
    for kind, model, column, step in (("customer", Customer, Customer.id_number_index, _customer_batch),
                                      ("vip_card", VipCard, VipCard.card_number_index, _card_batch)):
        with store.read() as session:
            total = session.scalar(select(func.count()).select_from(model).where(column.is_(None))) or 0
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


def seal_store(store: Store, actor: Actor, master: bytes, algorithm: str = cipher.AES_GCM) -> dict[str, int]:
    """Give a store its data keys under ``master``, seal everything in it, and let the store
    carry its key ring from now on (a new demo or bench store)."""
    vault.init_keys(store, actor, master, algorithm)
    store.keys = vault.open_ring(store, master)
    return encrypt_store(store, actor, store.keys)
