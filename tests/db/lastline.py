"""What the last-line probes share: raw SQL refused by the store, the owner's look at a row, and
stores signed in as the demo logins (each their own PostgreSQL login role)."""

from __future__ import annotations

import contextlib

import pytest
from psycopg import errors
from sqlalchemy import select

from app.auth.accounts import actor_for
from app.demo import DEMO_PASSWORD
from app.store import Store
from db.engine import make_engine, normalise_url
from db.models import StaffAccount

Refused = errors.InsufficientPrivilege


def one(demo, query: str, params=()):
    """One row, read as the owner."""
    return demo.owner.execute(query, params).fetchone()


def refused(conn, statement: str, params=()) -> None:
    """The store refuses ``statement`` (at the statement or at its commit)."""
    with pytest.raises(Refused), conn.transaction():
        conn.execute(statement, params)


@contextlib.contextmanager
def signed_in(demo, *usernames):
    """Stores connected as each person's own login role, with that person as the actor."""
    engines = [make_engine(normalise_url(demo.url).set(username=demo.prefix + u, password=DEMO_PASSWORD))
               for u in usernames]
    try:
        people = []
        for username, engine in zip(usernames, engines):
            store = Store(engine, keys=demo.store.keys)     # this PC holds the store's master key
            with store.read() as session:
                people.append((store, actor_for(session.scalar(
                    select(StaffAccount).where(StaffAccount.username == username)))))
        yield people
    finally:
        for engine in engines:
            engine.dispose()
