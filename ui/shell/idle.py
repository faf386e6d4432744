"""The idle clock: fires ``idle`` after a stretch without keyboard or mouse input.

An application-wide event filter restarts a single-shot timer on every input event. The
interval is set from the sign-in policy; tests set a few milliseconds, or call
:meth:`IdleWatcher.expire` to make the clock run out at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})


def minutes_to_ms(minutes: int) -> int:
    return int(minutes) * 60_000


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(timeout_ms)))
        self._timer.timeout.connect(self.idle)
        self._watching = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._watching

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, int(timeout_ms)))
        if self._watching:
            self._timer.start()

    def start(self) -> None:
        """Start counting (again) from now and watch every input event of the application."""
        if not self._watching:
            QCoreApplication.instance().installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watching:
            QCoreApplication.instance().removeEventFilter(self)
            self._watching = False

    def expire(self) -> None:
        """Let the clock run out now (as if the idle time had passed)."""
        if self._watching:
            self._timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._watching and event.type() in INPUT_EVENTS:
            self._timer.start()
        return False
