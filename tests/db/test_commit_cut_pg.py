"""Unknown outcomes resolved, never guessed (issue 27): each command that creates something runs
as a staff login through a proxy that cuts its connection exactly at the commit, either before
the server has the COMMIT (nothing saved) or after it committed (the answer lost). The unit of
work asks the store about the command's idempotency key: a committed command returns its result
as usual, a lost one says so and is done again; never a duplicate, never a loss."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, text

from app.cards import issue
from app.care import complaints
from app.demo import DEMO_PASSWORD
from app.documents.register import PieceData, make_document
from app.errors import LOST_NOT_SAVED, OUTCOME_UNKNOWN, StoreUnavailable
from app.queue import tickets
from app.stock import moves
from app.store import Store
from db.engine import make_engine
from db.models import (
    Branch,
    CommandKey,
    Complaint,
    Customer,
    DocumentRecord,
    QueueTicket,
    StockMove,
    VipCard,
)
from tests.db.carddata import card_number, ready_to_issue
from tests.db.cutting_proxy import CuttingProxy
from tests.db.helpers import actor_named

pytestmark = pytest.mark.pg


@dataclass(frozen=True)
class Creating:
    """One creating command: who runs it, the rows it adds, and how to run it (with what the
    owner prepared beforehand)."""

    who: str
    table: type
    prepare: Callable[[Store], object]
    run: Callable[[Store, object, object], object]


def _branch(store) -> int:
    with store.read() as session:
        return session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))


def _customer(store) -> int:
    with store.read() as session:
        branch = _branch(store)
        return session.scalar(select(Customer.id).where(Customer.branch_id == branch, Customer.active.is_(True))
                              .order_by(Customer.id).limit(1))


def _service(store) -> int:
    with store.read() as session:
        return session.execute(text("SELECT id FROM queue_service WHERE active ORDER BY id LIMIT 1")).scalar_one()


COMMANDS = {
    "ticket issue": Creating("lobby", QueueTicket, _service,
                             lambda store, actor, service: tickets.issue_ticket(store, actor, service_id=service)),
    "card issue": Creating("teller", VipCard, lambda store: ready_to_issue(store, "A00007000-A00007001"),
                         lambda store, actor, application: issue.issue_card(
                             store, actor, application, serial="A00007000", card_number=card_number("gold"))),
    "stock move": Creating("custodian", StockMove, lambda store: None, lambda store, actor, _: moves.receive(
        store, actor, card_type="gold", serials="A00008000-A00008004", count=None)),
    "document registration": Creating("teller", DocumentRecord, _branch, lambda store, actor, branch: make_document(
        store, actor, kind="report_stock_count", template_key="report_stock_count", subject="盘点表 BJ0101",
        branch_id=branch, pieces=[PieceData({"count_from": "2026-11-01", "count_to": "2026-11-27",
                                             "count_total": "0", "disagree_count": "0"})])),
    "complaint": Creating("manager", Complaint, _customer, lambda store, actor, customer: complaints.accept_complaint(
        store, actor, customer, channel="phone", content="排队太久", level=2)),
}


@pytest.fixture
def proxied(pg_demo_store):
    """The demo store, and a way to reach it as a staff login through a cutting proxy."""
    url = pg_demo_store.engine.url
    proxy = CuttingProxy(url.host or "127.0.0.1", url.port or 5432)
    with pg_demo_store.read() as session:
        prefix = session.execute(text("SELECT vipdesk_role_prefix()")).scalar_one()
    engines = []

    def as_staff(username: str) -> Store:
        engine = make_engine(url.set(host="127.0.0.1", port=proxy.port, username=prefix + username,
                                     password=DEMO_PASSWORD, query={"sslmode": "disable"}))
        engines.append(engine)
        return Store(engine, keys=pg_demo_store.keys)

    yield pg_demo_store, proxy, as_staff
    for engine in engines:
        engine.dispose()
    proxy.close()


def _rows(store, table) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(table))


def _keys(store) -> dict[str, bool]:
    """Every command key of the store, and whether it was written as lost, in writing order."""
    with store.read() as session:
        return dict(session.execute(select(CommandKey.key, CommandKey.lost).order_by(CommandKey.created_at)).all())


def _new_keys(store, known: dict[str, bool]) -> list[bool]:
    return [lost for key, lost in _keys(store).items() if key not in known]


@dataclass
class Ready:
    """One creating command about to run as its staff login through the proxy."""

    owner: Store
    proxy: CuttingProxy
    command: Creating
    staff: Store
    actor: object
    prepared: object
    rows: int                 # the command's table before it runs
    known: dict[str, bool]    # the store's command keys before it runs

    def run(self) -> object:
        return self.command.run(self.staff, self.actor, self.prepared)

    def added(self) -> tuple[int, list[bool]]:
        """Rows the command's table gained, and the new keys (lost or not, in writing order)."""
        return _rows(self.owner, self.command.table) - self.rows, _new_keys(self.owner, self.known)


@pytest.fixture(params=list(COMMANDS))
def ready(request, proxied) -> Ready:
    owner, proxy, as_staff = proxied
    command = COMMANDS[request.param]
    prepared = command.prepare(owner)
    staff = as_staff(command.who)
    return Ready(owner, proxy, command, staff, actor_named(staff, command.who), prepared,
                 _rows(owner, command.table), _keys(owner))


def test_a_commit_whose_answer_is_lost_shows_the_committed_result(ready):
    ready.proxy.arm("after")  # the server commits; its answer never reaches the PC
    result = ready.run()
    assert ready.proxy.cuts == 1 and result is not None
    assert ready.added() == (1, [False])  # the command's own key, and no lost one


def test_a_commit_that_never_arrived_is_said_and_done_again_once(ready):
    ready.proxy.arm("before")  # the COMMIT never reaches the server
    with pytest.raises(StoreUnavailable) as refused:
        ready.run()
    assert refused.value.template == LOST_NOT_SAVED and ready.proxy.cuts == 1
    assert ready.added() == (0, [True])

    assert ready.run() is not None  # done again: exactly once
    assert ready.added() == (1, [True, False])


def test_a_store_that_stays_away_leaves_the_outcome_unknown_not_guessed(ready, monkeypatch):
    monkeypatch.setattr("app.store.RESOLVE_SECONDS", 1.0)
    ready.proxy.arm("after", go_dark=True)  # committed, and then no server answers at all
    with pytest.raises(StoreUnavailable) as unknown:
        ready.run()
    assert unknown.value.template == OUTCOME_UNKNOWN
    assert ready.added() == (1, [False])  # saved once: the PC said it did not know, not "not saved"
