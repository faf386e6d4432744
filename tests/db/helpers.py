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
