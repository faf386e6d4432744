"""The store's data keys: made once, opened with the master key, re-wrapped on rotation.

Only ``pii_key`` rows are written here, and only by a batch job connected as the store's owner
(on PostgreSQL staff may read the wrapped keys, never write them).
"""

from __future__ import annotations

from sqlalchemy import select

from app.crypto import cipher
from app.crypto.keys import (
    NO_KEYS,
    KeyRing,
    KeyUnavailable,
    WrappedKey,
    new_keys,
    rewrap,
)
from app.errors import QT_TRANSLATE_NOOP
from db.models import PiiKey
from app.actor import Actor
from app.store import Store


def _wrapped(session) -> list[WrappedKey]:
    return [WrappedKey(k.id, k.purpose, k.algorithm, bytes(k.wrapped), bytes(k.master_check))
            for k in session.scalars(select(PiiKey).order_by(PiiKey.id))]


def has_keys(store: Store) -> bool:
    """Has the store been given data keys (``keys init``)?"""
    with store.read() as session:
        return session.scalar(select(PiiKey.id).limit(1)) is not None


def init_keys(store: Store, actor: Actor, master: bytes, algorithm: str = cipher.AES_GCM) -> None:
    """Give a store its data keys, wrapped by ``master``; refused when it has some already
    (new keys would orphan every sealed value and blind index)."""
    with store.write(actor) as uow:
        if _wrapped(uow.session):
            raise KeyUnavailable(QT_TRANSLATE_NOOP("errors", "the store has data keys already: rotate the master key instead"))
        for w in new_keys(master, algorithm):
            uow.session.add(PiiKey(id=w.key_id, purpose=w.purpose, algorithm=w.algorithm, wrapped=w.wrapped,
                                   master_check=w.master_check, created_at=uow.now, wrapped_at=uow.now))
        uow.audit("pii.keys.init", "pii_key", "", after={"algorithm": algorithm})


def open_ring(store: Store, master: bytes) -> KeyRing:
    """The store's data keys, unwrapped with ``master``."""
    with store.read() as session:
        return KeyRing(master, _wrapped(session))


def master_check_of(store: Store) -> bytes | None:
    """The fingerprint of the master key that wraps the store's data keys (None: no keys)."""
    with store.read() as session:
        check = session.scalar(select(PiiKey.master_check).order_by(PiiKey.id).limit(1))
    return None if check is None else bytes(check)


def give_keys(store: Store, actor: Actor, master: bytes | None = None, algorithm: str = cipher.AES_GCM) -> KeyRing:
    """Give a store without data keys its keys (a new store: ``db upgrade``, ``demo``, the GUI's
    first start) and carry the ring. Without ``master`` a new master key is made and kept in
    this user's default key file (custody.keep_in_default_file)."""
    from app.crypto import custody
    from app.crypto.keys import master_check

    fresh = master is None
    master = custody.new_master_key() if master is None else master
    if fresh:
        custody.keep_in_default_file(master, master_check(master))
    init_keys(store, actor, master, algorithm)
    store.keys = open_ring(store, master)
    return store.keys


def rotate(store: Store, actor: Actor, old_master: bytes, new_master: bytes) -> int:
    """Re-wrap every data key under ``new_master`` in one short transaction; sealed values and
    blind indexes are untouched, so clients keep working throughout. Returns how many keys."""
    with store.write(actor) as uow:
        current = _wrapped(uow.session)
        if not current:
            raise KeyUnavailable(NO_KEYS)
        for w in rewrap(old_master, new_master, current):
            row = uow.session.get_one(PiiKey, w.key_id)
            row.wrapped, row.master_check, row.wrapped_at = w.wrapped, w.master_check, uow.now
        uow.audit("pii.keys.rotate", "pii_key", "", after={"keys": len(current)})
        return len(current)
