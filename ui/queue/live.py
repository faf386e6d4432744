"""The live feed of :mod:`app.queue.live` as a Qt signal: ``LiveQueue(engine).changed`` fires
on the GUI thread within a second of a change to the queue anywhere (a thread of its own waits
on the feed). A store whose feed cannot be opened simply gives no signal: the screens still
refresh on their own actions and on their slow timer.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.queue.live import open_feed


class LiveQueue(QObject):
    changed = Signal()

    def __init__(self, engine, parent: QObject | None = None):
        super().__init__(parent)
        self._engine = engine
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="vipdesk-live-queue", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            feed = open_feed(self._engine)
        except Exception:  # noqa: BLE001 - no live feed: the screens fall back on their timer
            return
        try:
            while not self._stop.is_set():
                if feed.wait(0.5) and not self._stop.is_set():
                    try:
                        self.changed.emit()
                    except RuntimeError:  # the page or window went away without stopping us
                        return
        except Exception:  # noqa: BLE001 - a lost connection ends the feed, not the app
            return
        finally:
            feed.close()

    def stop(self) -> None:
        """Stop waiting (returns once the feed's thread has ended)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None
