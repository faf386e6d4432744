"""Small builders shared by the service tests."""

from __future__ import annotations

from sqlalchemy import select

from app.auth.accounts import actor_for
from db.models import StaffAccount


def actor_named(store, username: str):
    """The actor a demo account acts as (without signing in)."""
    with store.read() as session:
        account = session.scalar(select(StaffAccount).where(StaffAccount.username == username))
        return actor_for(account)


def sealed_numbers(store, entity: str, field: str) -> dict[int, str]:
    """Every ``entity.field`` sealed in ``store``, opened with its key ring, by row id: the
    clear numbers a test needs (the store keeps none in clear, migration 0042)."""
    from db.models import SealedValue

    with store.read() as session:
        rows = session.execute(select(SealedValue.entity_id, SealedValue.sealed).where(
            SealedValue.entity == entity, SealedValue.field == field)).all()
    return {i: store.keys.open(entity, field, i, bytes(sealed)) for i, sealed in rows}


def sealed_number(store, entity: str, entity_id: int, field: str) -> str:
    """One sealed number opened ("" when there is none, as for a customer without a phone)."""
    from db.models import SealedValue

    with store.read() as session:
        sealed = session.scalar(select(SealedValue.sealed).where(
            SealedValue.entity == entity, SealedValue.entity_id == entity_id, SealedValue.field == field))
    return "" if sealed is None else store.keys.open(entity, field, entity_id, bytes(sealed))
