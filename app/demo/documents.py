"""Demo documents: the store's document-signing key, made at once.

On PostgreSQL staff roles may not add settings, so a store needs its key before any teller
prints; the migration makes it, but demo and test stores are emptied and refilled.
"""

from __future__ import annotations

from app.actor import Actor
from app.documents.qr import make_key
from app.store import Store


def add_demo_documents(store: Store) -> None:
    make_key(store, Actor.batch("demo"))
