"""The store as services use it: read sessions and write units of work.

A write unit of work is one user action: it begins an immediate write transaction (SQLite) or
a read-committed one (PostgreSQL), checks that the acting account is still allowed in, collects
audit events while the service works, appends them to the hash chain at the very end (so the
lock of the chain's lane it writes to is held only for a moment) and commits everything
together or nothing. It notes the tables its statements write and, once committed, reports them
to the action being recorded (:mod:`app.changes`), so that screens learn what changed.

A command that creates something (``store.write(actor, keyed=True)``) carries an idempotency
key made here on the PC and written in its transaction (``command_key``). When the connection
is lost at its commit, the outcome is unknown: the unit of work connects again (after a failover,
to the new primary), writes the key itself as *lost* and so learns what happened. A clash on the
key means the command committed: the service's result stands and is returned as usual. The
key written means it did not, and now never can: the user is told that nothing was saved and
may do it again safely. While the store does not answer, it keeps asking for
:data:`RESOLVE_SECONDS`; then it says the outcome is not known, never a guess.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import Engine, event, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.actor import Actor
from app.changes import committed, written_table
from app.audit.chain import GENESIS_HASH, EventFields, canonical_json, digest
from app.business_day import business_date
from app import faults
from app.errors import (
    COMMAND_OUTCOME_UNSEEN, LOST_NOT_SAVED, OUTCOME_UNKNOWN, QT_TRANSLATE_NOOP, ConflictError, SessionExpired, StoreUnavailable,
    UserError,
)
from db.engine import WRITE_OPTION, describe, trusting_recent_use
from db.models import AuditEvent, CommandKey, StaffAccount

# How long a unit of work whose connection was lost at the commit keeps asking the store what
# became of it (a failover's promotion takes seconds), and how long it waits between questions.
RESOLVE_SECONDS = 30.0
RESOLVE_PAUSE = 0.25


def utcnow() -> datetime:
    """Now, as the naive UTC datetime the store keeps."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class PendingEvent:
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    branch_id: int | None


@dataclass
class UnitOfWork:
    """One user action's transaction; services call :meth:`audit` for every change they make."""

    session: Session
    actor: Actor
    now: datetime
    today: date           # the business day at ``now`` (dates written by services)
    events: list[PendingEvent] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)  # the tables written so far

    def touch(self, *tables: str) -> None:
        """Note tables a statement changes that the store cannot see in its text (a store
        function called by name)."""
        self.changed.update(tables)

    def audit(self, action: str, entity: str, entity_id: object, *, before: object = None,
              after: object = None, branch_id: int | None = None) -> None:
        """Record a change (or a reveal) to be chained and committed with this transaction."""
        self.events.append(PendingEvent(
            action, entity, str(entity_id), canonical_json(before), canonical_json(after),
            branch_id if branch_id is not None else self.actor.branch_id,
        ))

    def audit_now(self) -> None:
        """Chain the events recorded so far now instead of at the commit. On PostgreSQL the AUM
        and tier tables take a staff login's bulk writes only in a transaction that has written
        its own event first (migration 0023)."""
        self.session.flush()
        _append_audit(self.session, self)


class Store:
    """An engine plus the clock; what every service receives. ``plans`` keeps what services
    derive from slowly changing settings between calls (each checked against the store's
    version before it is used). ``keys`` is the key ring of the personal-data encryption
    (app.crypto) when the store was opened with its master key: searches then go by blind
    index and written values are sealed; without it written values wait for ``pii encrypt``."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utcnow, keys=None):
        self.engine = engine
        self.clock = clock
        self.keys = keys
        self.plans: dict[object, object] = {}

    def today(self) -> date:
        """The business day now (:mod:`app.business_day`), not UTC's."""
        return business_date(self.clock())

    @property
    def kind(self) -> str:
        return self.engine.dialect.name

    def describe(self) -> str:
        return describe(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (deferred transaction, rolled back at the end)."""
        with _translated_faults(), Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self, actor: Actor, *, check_session: bool = True, keyed: bool = False) -> Iterator[UnitOfWork]:
        """One user action: commits with its audit events, or rolls back on any error.
        ``keyed``: the action creates something, so it carries an idempotency key and an
        outcome lost at the commit is resolved (see the module's docstring)."""
        key = str(uuid.uuid4()) if keyed else None
        lost_at_commit = False
        with _translated_faults(on_lock_timeout=self._end_stalls):
            conn = self.engine.connect().execution_options(**{WRITE_OPTION: True})
            try:
                with Session(bind=conn, expire_on_commit=False) as session:
                    now = self.clock()
                    uow = UnitOfWork(session, actor, now, business_date(now))
                    event.listen(conn, "after_cursor_execute", _noting_writes(uow))
                    if check_session:
                        _check_still_allowed(session, actor, uow.now)
                    if key is not None:
                        session.add(CommandKey(key=key, account_id=actor.account_id, lost=False, created_at=now))
                    yield uow
                    session.flush()
                    _append_audit(session, uow)
                    try:
                        session.commit()
                    except DBAPIError as exc:
                        if key is None or not exc.connection_invalidated:
                            raise
                        lost_at_commit = True
            finally:
                conn.close()
        if lost_at_commit and key is not None:  # only a keyed command is resolved
            self._resolve(actor, key)
        committed(uow.changed)

    def _resolve(self, actor: Actor, key: str) -> None:
        """Learn whether the command with ``key`` committed: return if it did, raise
        :data:`LOST_NOT_SAVED` when it did not (its key is then written as lost, which fences
        the lost transaction out: were it still in flight, it can no longer commit), raise
        :data:`OUTCOME_UNKNOWN` when the store does not answer within :data:`RESOLVE_SECONDS`."""
        deadline = time.monotonic() + RESOLVE_SECONDS
        while True:
            try:
                with self.write(actor, check_session=False) as uow:
                    fenced = _fence(uow, key)
            except (StoreUnavailable, ConflictError) as exc:  # not answering (yet), or busy
                if time.monotonic() >= deadline:
                    raise StoreUnavailable(OUTCOME_UNKNOWN) from exc
                time.sleep(RESOLVE_PAUSE)
                continue
            if fenced:
                raise StoreUnavailable(LOST_NOT_SAVED)
            return

    def command(self, statement: str, params: dict, touches: tuple[str, ...] = ()) -> object:
        """Run one statement that is a whole user action by itself (on PostgreSQL a function of
        the store that checks, changes and audits) and return its one value; ``touches``: the
        tables it may write, reported as changed (:mod:`app.changes`). It runs in
        autocommit, so the store commits it as it answers; the statement goes to the driver as
        it is (its parameter style, no ORM on the hot path), on a connection of the pool as
        every other action (a PC holds no more connections for it), unchecked when it was in
        use within the last second (:func:`db.engine.trusting_recent_use`). A connection lost
        during it leaves unknown whether the store did it: the user is told so
        (:data:`COMMAND_OUTCOME_UNSEEN`), and the counter's screen, refreshed after every
        command, shows what the store holds."""
        with _translated_faults(on_lock_timeout=self._end_stalls):
            with trusting_recent_use():
                pooled = self.engine.raw_connection()  # the driver's connection, no engine-level wrapper
            driver = pooled.driver_connection
            assert driver is not None, "a connection just checked out of the pool carries its driver's"
            try:
                driver.autocommit = True
                answer = driver.execute(statement, params).fetchone()[0]
                driver.autocommit = False  # given back as the pool hands connections out
            except Exception as exc:
                if not (driver.closed or driver.broken):
                    driver.autocommit = False
                    raise
                pooled.invalidate()  # not given back to the pool
                # the statement may have reached the store and done its work: not a guess
                raise StoreUnavailable(COMMAND_OUTCOME_UNSEEN) from exc
            finally:
                pooled.close()
        committed(touches)
        return answer

    def _end_stalls(self) -> None:
        """After a lock wait ran out on PostgreSQL: have the store end the sessions that hold
        everyone up (a transaction left open in a SQL tool; migration 0023's watchdog), so that
        the user's next try goes through."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT vipdesk_end_stalls()"))
                conn.commit()
        except DBAPIError:
            pass  # the user is told the store is busy either way


def _noting_writes(uow: UnitOfWork) -> Callable[..., None]:
    """A listener of the unit of work's connection that notes each table a statement writes."""
    def note(_conn, _cursor, statement, _parameters, context, _executemany) -> None:
        table = written_table(statement, getattr(context, "compiled", None))
        if table is not None:
            uow.changed.add(table)
    return note


def _fence(uow: UnitOfWork, key: str) -> bool:
    """Write ``key`` as lost; False when it is there already (the command committed). The
    unique key waits for a transaction still holding it, so the answer is final."""
    try:
        with uow.session.begin_nested():
            uow.session.add(CommandKey(key=key, account_id=uow.actor.account_id, lost=True, created_at=uow.now))
            uow.session.flush()
    except IntegrityError:
        return False
    uow.audit("command.lost", "command_key", key)
    return True


def _append_audit(session: Session, uow: UnitOfWork) -> None:
    """Chain the events recorded so far, in the unit of work's transaction."""
    if not uow.events:
        return
    if session.get_bind().dialect.name == "postgresql":
        _append_audit_postgresql(session, uow)
    else:
        _append_audit_sqlite(session, uow)
    uow.events.clear()


def _append_audit_postgresql(session: Session, uow: UnitOfWork) -> None:
    """The store composes the events (migration 0023): the actor is the signed-in login, the
    time the server's clock, and it picks the lane, numbers and hashes them. The actor and the
    time sent along count only for the owner (batch jobs and tests on their own clock)."""
    uow.touch(AuditEvent.__tablename__)
    events = [{"action": p.action, "entity": p.entity, "entity_id": p.entity_id, "before": p.before,
               "after": p.after, "branch_id": p.branch_id} for p in uow.events]
    session.execute(text("SELECT vipdesk_audit(CAST(:events AS jsonb), :now, :actor_id, :actor_name)"),
                    {"events": json.dumps(events, ensure_ascii=False), "now": uow.now,
                     "actor_id": uow.actor.account_id, "actor_name": uow.actor.username})


def _append_audit_sqlite(session: Session, uow: UnitOfWork) -> None:
    """``BEGIN IMMEDIATE`` already holds the store's write lock: one writer, lane 0."""
    lane = 0
    head = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).where(AuditEvent.lane == lane)
        .order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    head_seq, head_hash = head if head else (0, GENESIS_HASH)
    for pending in uow.events:
        head_seq += 1
        fields = EventFields(
            seq=head_seq, occurred_at=uow.now, actor_id=uow.actor.account_id,
            actor_name=uow.actor.username, branch_id=pending.branch_id, action=pending.action,
            entity=pending.entity, entity_id=pending.entity_id, before=pending.before,
            after=pending.after,
        )
        new_hash = digest(head_hash, fields)
        session.add(AuditEvent(**fields.__dict__, lane=lane, prev_hash=head_hash, hash=new_hash))
        head_hash = new_hash
    session.flush()


def insert_unique(session: Session, row: object, refusal: UserError) -> None:
    """Insert ``row`` now; a clash on a unique key raises ``refusal`` instead.

    The database's unique index sees every row, including those row-level security hides
    from the acting user, so this is the check that cannot miss a duplicate.
    """
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise refusal from None


def account_disabled() -> SessionExpired:
    return SessionExpired(QT_TRANSLATE_NOOP(
        "errors", "Your account has been disabled. Your session has ended; nothing was saved."))


def account_locked() -> SessionExpired:
    return SessionExpired(QT_TRANSLATE_NOOP(
        "errors", "Your account is locked. Your session has ended; nothing was saved."))


def _check_still_allowed(session: Session, actor: Actor, now: datetime) -> None:
    if actor.account_id is None:
        return
    account = session.execute(select(StaffAccount.disabled, StaffAccount.locked_until)
                              .where(StaffAccount.id == actor.account_id)).first()
    if account is None or account.disabled:
        raise account_disabled()
    if account.locked_until is not None and account.locked_until > now:
        raise account_locked()


@contextmanager
def _translated_faults(on_lock_timeout: Callable[[], None] | None = None) -> Iterator[None]:
    """Turn store-level failures, the ORM's and the raw driver's alike, into errors a user can
    act on (:func:`app.faults.translate`); anything else passes unchanged."""
    try:
        yield
    except UserError:
        raise
    except Exception as exc:
        translated = faults.translate(exc)
        if translated is None:
            raise
        if on_lock_timeout is not None and faults.is_timeout(exc):
            on_lock_timeout()
        raise translated from exc
