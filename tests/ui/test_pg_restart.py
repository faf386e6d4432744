"""Fault drill: the PostgreSQL server is stopped and started again while the desk is open.

A private server of this run is really stopped and started (``pg_ctl``), with a signed-in lobby
manager's window open on the lobby page. While the server is down an action is refused with a
clear message and nothing is saved; once it is back, the next action goes through on a new
connection, and the page's live feed has reconnected by itself (another PC's ticket wakes it).
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD, build_demo
from app.queue import tickets
from db.engine import make_engine
from db.migrate import upgrade
from db.models import QueueTicket
from tests.db.helpers import actor_named
from tests.pg_support import create_database, private_cluster_or_skip
from tests.conftest import keyed
from tests.ui.saving import idle


@pytest.fixture(scope="module")
def cluster():
    with private_cluster_or_skip() as started:
        yield started


@pytest.fixture
def owner_store(cluster):
    url = create_database(cluster.url, owner="vipdesk_restart_owner", owner_password="Owner-Pass-2026")
    engine = make_engine(url)
    upgrade(engine)
    store = keyed(engine)
    build_demo(store)
    yield store
    engine.dispose()


def _tickets(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(QueueTicket))


def test_the_desk_rides_out_a_server_restart(qtbot, cluster, owner_store, dialogs, language):
    from ui.shell.window import MainWindow

    signed = sign_in(owner_store, "lobby", DEMO_PASSWORD)
    window = MainWindow(signed, dialogs=dialogs, language=language)
    window.show()
    try:
        lobby = window.open_page("lobby")
        lobby.refresh()
        shown = lobby.model.rowCount()
        service = lobby.current.services[0][0]
        other_pc = actor_named(owner_store, "lobby")
        with qtbot.waitSignal(lobby.live.changed, timeout=5000):
            tickets.issue_ticket(owner_store, other_pc, service_id=service)
        qtbot.waitUntil(lambda: lobby.model.rowCount() == shown + 1, timeout=5000)
        before = _tickets(owner_store)

        cluster.stop()
        woken: list[bool] = []  # what the feed says from here on: it is open again
        lobby.live.changed.connect(lambda: woken.append(True))
        lobby.issue_button.click()  # the server is down: refused, said, nothing saved
        qtbot.waitUntil(idle, timeout=30_000)
        said = [call for call in dialogs.calls if call[0] in ("warn", "error")]
        assert said and "did not answer" in said[-1][2], dialogs.calls

        cluster.start()
        assert _tickets(owner_store) == before
        lobby.issue_button.click()  # the same action again goes through on a new connection
        qtbot.waitUntil(idle, timeout=30_000)
        assert lobby.last_issued is not None and _tickets(owner_store) == before + 1
        # the live feed reconnected on its own (first retry after 0.5 s; once open again it
        # says so with a change, as changes may have been missed) ...
        qtbot.waitUntil(lambda: bool(woken), timeout=20_000)
        # ... and another PC's ticket wakes the page again
        with qtbot.waitSignal(lobby.live.changed, timeout=20_000):
            tickets.issue_ticket(owner_store, other_pc, service_id=service)
        qtbot.waitUntil(lambda: lobby.model.rowCount() == shown + 3, timeout=5000)
    finally:
        window.idle.stop()
        window.close()
        signed.store.engine.dispose()
