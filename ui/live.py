"""The live feed of :mod:`app.queue.live` as a Qt signal: ``LiveQueue(engine).changed`` fires
on the GUI thread within a second of a change to the queue anywhere (a thread of its own waits
on the feed). When the feed's connection is lost (the server restarted, the network dropped)
the thread opens it again, waiting a little longer after each failure, and fires ``changed``
once it is back, since changes may have been missed meanwhile. Until then the screens still
refresh on their own actions and on their slow timer.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.queue.live import open_feed

# Seconds to wait before opening a lost feed again: doubled after each failure, up to the last.
RETRY_FIRST, RETRY_LONGEST = 0.5, 10.0


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
        delay, lost = RETRY_FIRST, False
        while not self._stop.is_set():
            try:
                feed = open_feed(self._engine)
            except Exception:  # the store is not answering: try again later
                self._stop.wait(delay)
                delay, lost = min(delay * 2, RETRY_LONGEST), True
                continue
            delay = RETRY_FIRST
            try:
                if lost and not self._emit():
                    return
                while not self._stop.is_set():
                    if feed.wait(0.5) and not self._stop.is_set() and not self._emit():
                        return
            except Exception:  # the connection was lost: open it again
                lost = True
            finally:
                try:
                    feed.close()
                except Exception:  # closing a dead connection may fail too
                    pass

    def _emit(self) -> bool:
        """Fire ``changed``; False once the page or window went away without stopping us."""
        try:
            self.changed.emit()
        except RuntimeError:
            return False
        return True

    def stop(self) -> None:
        """Stop waiting (returns once the feed's thread has ended)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None
