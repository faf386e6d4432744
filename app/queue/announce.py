"""Telling the live views that a branch's queue changed, after a counter's command and off its
path (docs/architecture.md, live updates: within a second).

A counter's command (app.queue.desk_commands) commits in one statement; the notification goes
in a transaction of its own that writes nothing (migration 0048: a notifying commit holds one
lock for the whole cluster until it is on disk). Sending it on the counter's path cost every
call, start and finish a second round trip, and every one of them a transaction of the
server's. The announcer sends it from a thread of the PC's own instead, at most ``WINDOW``
seconds later, one statement for every branch changed in that moment: a counter's call, start
and finish in quick succession tell the views once. The views read the whole queue when told,
and gather a burst of notifications into one refresh themselves (app.queue.live).

An announcement that cannot be sent (the store not answering, or busy) is dropped: the command
has committed, and the views catch up at the next change. What is still waiting when the program
ends is sent on the way out.
"""

from __future__ import annotations

import atexit
import threading
import time
import weakref

from app.errors import UserError
from app.queue.common import CHANNEL
from app.store import Store

WINDOW = 0.1    # seconds an announcement waits for others to go with it
IDLE = 5.0      # seconds without announcements before the thread ends (the next one starts another)
ANNOUNCE = "SELECT pg_notify(%(channel)s, branch) FROM unnest(%(branches)s::text[]) AS branch"
KEY = ("announce", "announcer")  # where a store keeps its announcer (Store.plans)

_LIVE: weakref.WeakSet[Announcer] = weakref.WeakSet()


class Announcer:
    """One store's announcements: :meth:`announce` returns at once; a thread sends them."""

    def __init__(self, store: Store, window: float = WINDOW, idle: float = IDLE):
        self._store = store
        self._window = window
        self._idle = idle
        self._pending: set[int] = set()
        self._changed = threading.Condition()
        self._sending = threading.Lock()  # one send at a time, so that flush() waits for the thread's
        self._thread: threading.Thread | None = None
        _LIVE.add(self)

    def announce(self, branch_id: int) -> None:
        """The views of ``branch_id`` are to be told, within :data:`WINDOW` seconds."""
        with self._changed:
            self._pending.add(branch_id)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="queue-announcer", daemon=True)
                self._thread.start()
            self._changed.notify()

    def flush(self) -> None:
        """Send what is waiting now, in the caller's thread; returns once it has gone (or could not)."""
        self._send()

    def _run(self) -> None:
        try:
            while True:
                with self._changed:
                    if not self._pending and not self._changed.wait_for(lambda: self._pending, self._idle):
                        return
                time.sleep(self._window)
                self._send()
        finally:  # idle, or ended by a fault nobody foresaw: the next announcement starts a thread again
            with self._changed:
                self._thread = None

    def _send(self) -> None:
        with self._sending:
            with self._changed:
                branches, self._pending = sorted(self._pending), set()
            if not branches:
                return
            try:
                self._store.command(ANNOUNCE, {"channel": CHANNEL, "branches": [str(b) for b in branches]})
            except UserError:  # the store not answering, or busy: nobody to tell, the views catch up later
                pass


def announcer_of(store: Store) -> Announcer:
    """The store's announcer, made at its first announcement."""
    kept = store.plans.get(KEY)
    if not isinstance(kept, Announcer):
        kept = store.plans[KEY] = Announcer(store)
    return kept


@atexit.register
def _flush_all() -> None:
    """On the way out: what is still waiting goes now."""
    for announcer in list(_LIVE):
        announcer.flush()
