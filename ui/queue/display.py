"""The lobby display: a window of its own for a TV, full screen on the second monitor when there
is one. The numbers being called and their counters in large type, the last calls, the waiting
counts per service; live (the same feed as the counters). New calls and recalls are announced
by voice where the platform has speech (QtTextToSpeech), one at a time, in order; where it has
none the display is silent and says nothing about it.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.queue import views
from ui.queue.live import LiveQueue

CLOCK_REFRESH_MS = 30_000


class Announcer:
    """Speaks texts one after another; silent (no error) without a speech engine."""

    def __init__(self):
        self.spoken: list[str] = []       # what was said (or would be, without speech), in order
        self._queue: deque[str] = deque()
        self._speech = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            if QTextToSpeech.availableEngines():
                speech = QTextToSpeech()
                if speech.state() != QTextToSpeech.State.Error:
                    speech.stateChanged.connect(self._state_changed)
                    self._speech = speech
                    self._ready = QTextToSpeech.State.Ready
        except Exception:  # noqa: BLE001 - no speech module or engine: the display stays silent
            self._speech = None

    @property
    def available(self) -> bool:
        return self._speech is not None

    def say(self, text: str) -> None:
        self._queue.append(text)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            return
        if self._speech is None:
            self.spoken.append(self._queue.popleft())
            self._next()
            return
        if self._speech.state() == self._ready:   # never two at once: wait for the current one
            text = self._queue.popleft()
            self.spoken.append(text)
            self._speech.say(text)

    def _state_changed(self, state) -> None:
        if state == self._ready:
            self._next()


def _label(parent: QWidget, size: int, *, bold: bool = False, colour: str = "#ffffff") -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(f"color: {colour}; font-size: {size}pt; {'font-weight: bold;' if bold else ''}")
    return label


class DisplayWindow(QWidget):
    """The TV window (see the module text)."""

    CURRENT_ROWS = 4

    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("lobbyDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.store, self.actor = store, actor
        self.setStyleSheet("QWidget#lobbyDisplay { background: #0b2545; }")
        self.title = _label(self, 30, bold=True, colour="#f4d35e")
        self.current_labels = []
        grid = QGridLayout()
        self.current_title = _label(self, 20, colour="#cfd8dc")
        grid.addWidget(self.current_title, 0, 0, 1, 2)
        for row in range(self.CURRENT_ROWS):
            number = _label(self, 60, bold=True, colour="#ffffff")
            counter = _label(self, 44, bold=True, colour="#f4d35e")
            number.setObjectName(f"callNumber{row}")
            counter.setObjectName(f"callCounter{row}")
            grid.addWidget(number, row + 1, 0)
            grid.addWidget(counter, row + 1, 1)
            self.current_labels.append((number, counter))
        self.recent_title = _label(self, 18, colour="#cfd8dc")
        self.recent = _label(self, 22, colour="#ffffff")
        self.recent.setObjectName("recentCalls")
        self.recent.setWordWrap(True)
        self.waiting_title = _label(self, 18, colour="#cfd8dc")
        self.waiting = _label(self, 22, colour="#ffffff")
        self.waiting.setObjectName("waitingCounts")
        self.waiting.setWordWrap(True)
        side = QVBoxLayout()
        for widget in (self.recent_title, self.recent, self.waiting_title, self.waiting):
            side.addWidget(widget)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(grid, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        self.announcer = Announcer()
        self._seen: dict[tuple[str, str], tuple] = {}
        self._first = True
        self.board: views.Display | None = None
        self.live = LiveQueue(store.engine, self)
        self.live.changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(CLOCK_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslateUi()
        self.refresh()

    def refresh(self) -> None:
        try:
            board = views.display(self.store, self.actor)
        except Exception:  # noqa: BLE001 - a TV shows the last board rather than an error box
            return
        self.board = board
        for i, (number, counter) in enumerate(self.current_labels):
            if i < len(board.current):
                call = board.current[i]
                number.setText(call.number)
                counter.setText(QCoreApplication.translate("LobbyDisplay", "Counter {counter}").format(counter=call.counter))
            else:
                number.setText("")
                counter.setText("")
        self.recent.setText("\n".join(QCoreApplication.translate("LobbyDisplay", "{number} → counter {counter}").format(
            number=c.number, counter=c.counter) for c in board.recent) or "—")
        self.waiting.setText("\n".join(QCoreApplication.translate("LobbyDisplay", "{service}: {count} waiting").format(
            service=name, count=count) for _prefix, name, count in board.waiting))
        self._announce(board)

    def _announce(self, board: views.Display) -> None:
        """Say each new call (and each recall) once, oldest first; nothing at the first look."""
        fresh = []
        for call in reversed(board.current):
            key, mark = (call.number, call.counter), (call.called_at, call.recalls)
            if self._seen.get(key) != mark:
                self._seen[key] = mark
                fresh.append(call)
        if self._first:
            self._first = False
            return
        for call in fresh:
            self.announcer.say(QCoreApplication.translate("LobbyDisplay", "Number {number}, please go to counter {counter}").format(
                number=" ".join(call.number), counter=call.counter))

    def show_on_second_screen(self) -> None:
        """Full screen on the PC's lobby screen (its settings), else on the second monitor if
        there is one, else on this one."""
        from ui.pcsettings.current import chosen_screen, this_pc_settings

        screen = chosen_screen(QGuiApplication.screens(), this_pc_settings().lobby_screen)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.live.start()
        self.timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.live.stop()
        self.timer.stop()
        super().closeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(QCoreApplication.translate("LobbyDisplay", "Lobby display"))
        self.title.setText(QCoreApplication.translate("LobbyDisplay", "VIP service area — now calling"))
        self.current_title.setText(QCoreApplication.translate("LobbyDisplay", "Now calling"))
        self.recent_title.setText(QCoreApplication.translate("LobbyDisplay", "Last calls"))
        self.waiting_title.setText(QCoreApplication.translate("LobbyDisplay", "Waiting"))

    def changeEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            if self.board is not None:
                self.refresh()
        super().changeEvent(event)
