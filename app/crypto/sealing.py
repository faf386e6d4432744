"""Sealing personal values: on the way in, and a whole store in place (``python main.py pii encrypt``).

The store keeps no ID number, phone or card number in clear (migration 0042). Services that
write one take the store's key ring (:func:`ring_of`: refused with a clear message on a PC
that has not been given the master key), set the blind indexes on the row they insert or
update and call :func:`reseal_customers` / :func:`reseal_card` in the same transaction, which
seal the values bound to the row's id and write the tails' indexes.

A store from before migration 0042 (clear columns still there) is sealed in place by
:func:`encrypt_store`: customers and VIP cards that have no blind index yet, batch by batch,
each batch one transaction (its sealed values, blind indexes and tails together), in id order;
a run that is stopped leaves whole batches done and the next run carries on where it stopped.
Progress is reported after each batch. It reads the clear columns by name (they are not in
the models any more), so it runs only on such a store, before the upgrade to 0042.
"""

from __future__ import annotations

from typing import cast

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update

from app.crypto.keys import KeyRing, KeyUnavailable
from app.errors import QT_TRANSLATE_NOOP
from db.bulk import add_rows
from db.models import Customer, CustomerTail, SealedValue, VipCard
from app.actor import Actor
from app.store import Store

ID_NUMBER = "id_number"
PHONE = "phone"
CARD_NUMBER = "card_number"
BATCH = 2000
NO_RING = QT_TRANSLATE_NOOP(
    "errors", "ID numbers, phones and card numbers are unavailable on this PC: it has not been given the "
              "store's master key (This PC settings, or --key-file)")


def ring_of(store: Store) -> KeyRing:
    """The store's key ring, or :class:`KeyUnavailable` saying that this PC lacks the master key."""
    if store.keys is None:
        raise KeyUnavailable(NO_RING)
    return store.keys


def customer_indexes(ring: KeyRing, id_number: str, phone: str) -> dict:
    """The blind-index columns of a customer row for its ID number and (optional) phone."""
    return {"id_number_index": ring.index(ID_NUMBER, id_number),
            "phone_index": ring.index(PHONE, phone) if phone else None}


def _table(model) -> Table:
    """A mapped class's table, typed as the Core table the bulk statements take."""
    return cast(Table, model.__table__)


@dataclass(frozen=True)
class SealedCustomer:
    """What the store keeps of one customer's ID number and phone once sealed."""

    sealed: list[dict]           # sealed_value rows
    id_number_index: bytes | None
    phone_index: bytes | None
    tails: list[tuple[str, bytes]]    # (field, digest)


def seal_customer(ring: KeyRing, customer_id: int, id_number: str | None, phone: str | None) -> SealedCustomer:
    """The sealed values, blind indexes and tails of one customer's ID number and (optional)
    phone; None for a number left as it is."""
    sealed, tails = [], []
    if id_number is not None:
        sealed.append({"entity": "customer", "entity_id": customer_id, "field": ID_NUMBER,
                       "sealed": ring.seal("customer", ID_NUMBER, customer_id, id_number)})
        tails += [(ID_NUMBER, d) for d in sorted(set(ring.tails(ID_NUMBER, id_number)))]
    if phone:
        sealed.append({"entity": "customer", "entity_id": customer_id, "field": PHONE,
                       "sealed": ring.seal("customer", PHONE, customer_id, phone)})
        tails += [(PHONE, d) for d in sorted(set(ring.tails(PHONE, phone)))]
    return SealedCustomer(sealed, ring.index(ID_NUMBER, id_number) if id_number is not None else None,
                          ring.index(PHONE, phone) if phone else None, tails)


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
    # the stored keys taken out once: per row, a batch of 20,000 rows took seconds
    fresh = keys - stored
    add_rows(session.connection(), table, [r for r in rows if (r["entity"], r["entity_id"], r["field"]) in fresh])


def reseal_customers(session, keys: KeyRing, customers: list[tuple[int, str | None, str | None]]) -> None:
    """Seal ``(customer id, ID number, phone)`` just given to customers: the sealed values and
    tails of each number given replaced ("" for no phone; None leaves a number as it is). The
    row's blind-index columns are the caller's (set with the row, before it is flushed)."""
    if not customers:
        return
    sealed = {i: seal_customer(keys, i, id_number, phone) for i, id_number, phone in customers}
    for field, position in ((ID_NUMBER, 1), (PHONE, 2)):
        ids = [c[0] for c in customers if c[position] is not None]
        if ids:
            session.execute(delete(CustomerTail).where(CustomerTail.customer_id.in_(ids),
                                                       CustomerTail.field.in_((field, ""))))
    _upsert_sealed(session, [v for s in sealed.values() for v in s.sealed])
    no_phone = [c[0] for c in customers if c[2] == ""]
    if no_phone:
        session.execute(delete(SealedValue).where(SealedValue.entity == "customer", SealedValue.field == PHONE,
                                                  SealedValue.entity_id.in_(no_phone)))
    tails = [{"digest": d, "customer_id": i, "field": f} for i, s in sealed.items() for f, d in s.tails]
    add_rows(session.connection(), _table(CustomerTail), tails)


def reseal_card(session, keys: KeyRing, card_id: int, card_number: str) -> None:
    """Seal a card number just issued, bound to its card (whose blind index the issue set)."""
    row, _ = seal_card(keys, card_id, card_number)
    _upsert_sealed(session, [row])


def reveal_sealed(uow, keys: KeyRing, customer_id: int, field: str, audit_after: dict, branch_id: int) -> str | None:
    """One customer's sealed ID number or phone, opened; None when it is not sealed yet.

    On PostgreSQL a staff login gets the sealed value from ``vipdesk_reveal``, which checks the
    permission and the subtree and writes the ``customer.reveal`` event itself; on SQLite, and
    for a batch job connected as the store's owner (whose events name the acting person, not
    the login), it comes from ``sealed_value``, with the event written here."""
    session = uow.session
    if session.bind.dialect.name == "postgresql" and not session.scalar(text("SELECT vipdesk_is_owner()")):
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
    rows = session.execute(text("SELECT id, id_number, phone FROM customer WHERE id_number_index IS NULL "
                                "ORDER BY id LIMIT :n"), {"n": batch}).all()
    if not rows:
        return 0
    ids = [r.id for r in rows]
    sealed = {r.id: seal_customer(ring, r.id, r.id_number, r.phone or "") for r in rows}
    _replace_sealed(session, "customer", ids, [v for s in sealed.values() for v in s.sealed])
    session.execute(delete(CustomerTail).where(CustomerTail.customer_id.in_(ids)))
    # customer_tail has no field column before 0042: its tails are replaced whole afterwards
    session.execute(text("INSERT INTO customer_tail (digest, customer_id) VALUES (:digest, :customer_id)"),
                    [{"digest": d, "customer_id": i} for i, s in sealed.items() for _, d in s.tails])
    session.connection().execute(
        update(_table(Customer)).where(_table(Customer).c.id == bindparam("cid")),
        [{"cid": i, "id_number_index": s.id_number_index, "phone_index": s.phone_index} for i, s in sealed.items()])
    return len(rows)


def _card_batch(session, ring: KeyRing, batch: int) -> int:
    rows = session.execute(text("SELECT id, card_number FROM vip_card WHERE card_number_index IS NULL "
                                "ORDER BY id LIMIT :n"), {"n": batch}).all()
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
