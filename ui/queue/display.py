"""The lobby display: a window of its own for a TV across the room, full screen on the second
monitor when there is one (with one monitor it opens as a window the lobby manager can drag to a
TV or close: it never covers their only screen; Esc closes it). The branch's name and the clock
on top; the numbers being called and their counters in large type, the newest highlighted; when
nobody is being called, a welcome instead of a blank area; the last calls and the waiting counts
per service. Every size follows the window's height, so it reads the same on a 32" or a 65"
screen. Live (the same feed as the counters). New calls and recalls are announced
by voice where the platform has speech (QtTextToSpeech), one at a time, in order; where it has
none the display is silent and says nothing about it.
"""

from __future__ import annotations

from collections import deque

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.business_day import wall_clock
from app.queue import views
from ui.live import LiveQueue

BOARD_REFRESH_MS = 30_000    # besides the live feed: waiting times, a lost feed
CLOCK_TICK_MS = 1_000
DESIGN_HEIGHT = 1080         # the sizes below are pixels on a 1080-line screen
NAVY, GOLD, WHITE, GREY, NEWEST = "#0b2545", "#f4d35e", "#ffffff", "#cfd8dc", "#13315c"


def target_screen(screens: Sequence, primary, wanted: str = "") -> tuple[object, bool]:
    """Where the display opens and whether full screen: the monitor this PC's settings name
    (by number, 1 = first, or by name) when the PC has it, else the second monitor; full screen
    when there are several, a window on the only one (the lobby manager's screen stays theirs)."""
    named = [screen for number, screen in enumerate(screens, start=1)
             if wanted and (wanted == str(number) or screen.name() == wanted)]
    if named:
        return named[0], len(screens) > 1
    if len(screens) > 1:
        return screens[1], True
    return (screens[0] if screens else primary), False


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
        except Exception:  # no speech module or engine: the display stays silent
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


def _label(parent: QWidget, colour: str, *, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class DisplayWindow(QWidget):
    """The TV window (see the module text)."""

    CURRENT_ROWS = 4
    # pixel sizes at DESIGN_HEIGHT, scaled with the window
    SIZES = {"title": 44, "clock": 44, "section": 30, "number": 120, "counter": 84, "side": 36, "idle": 64,
             "idle_hint": 34}

    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("lobbyDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.store, self.actor = store, actor
        self.setStyleSheet(f"QWidget#lobbyDisplay {{ background: {NAVY}; }}"
                           f"QFrame#newestCall {{ background: {NEWEST}; border: 3px solid {GOLD}; border-radius: 12px; }}")
        self._sized: list[tuple[QLabel, str]] = []
        # header: branch, title, clock
        self.branch = self._sized_label("title", GOLD, bold=True)
        self.branch.setObjectName("displayBranch")
        self.title = self._sized_label("section", GREY)
        self.clock = self._sized_label("clock", WHITE, bold=True)
        self.clock.setObjectName("displayClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.branch)
        header.addSpacing(24)
        header.addWidget(self.title, 1)
        header.addWidget(self.clock)
        # the calls: the newest in a highlighted frame, the others below it
        self.current_title = self._sized_label("section", GREY)
        self.current_labels: list[tuple[QLabel, QLabel]] = []
        self.rows: list[QFrame] = []
        calls = QVBoxLayout()
        calls.addWidget(self.current_title)
        for row in range(self.CURRENT_ROWS):
            frame = QFrame(self)
            frame.setObjectName("newestCall" if row == 0 else f"call{row}")
            line = QGridLayout(frame)
            line.setContentsMargins(24, 4, 24, 4)
            number = self._sized_label("number", GOLD if row == 0 else WHITE, bold=True)
            counter = self._sized_label("counter", WHITE if row == 0 else GOLD, bold=True)
            counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setObjectName(f"callNumber{row}")
            counter.setObjectName(f"callCounter{row}")
            line.addWidget(number, 0, 0)
            line.addWidget(counter, 0, 1)
            line.setColumnStretch(0, 1)
            calls.addWidget(frame, 1)
            self.rows.append(frame)
            self.current_labels.append((number, counter))
        # nobody called: a welcome where the calls would be
        self.idle = QWidget(self)
        self.idle.setObjectName("displayIdle")
        self.idle_text = self._sized_label("idle", WHITE, bold=True)
        self.idle_hint = self._sized_label("idle_hint", GREY)
        for label in (self.idle_text, self.idle_hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        idle = QVBoxLayout(self.idle)
        idle.addStretch(1)
        idle.addWidget(self.idle_text)
        idle.addWidget(self.idle_hint)
        idle.addStretch(1)
        calls.addWidget(self.idle, 4)
        # the side: last calls and waiting counts
        self.recent_title = self._sized_label("section", GREY)
        self.recent = self._sized_label("side", WHITE)
        self.recent.setObjectName("recentCalls")
        self.waiting_title = self._sized_label("section", GREY)
        self.waiting = self._sized_label("side", WHITE)
        self.waiting.setObjectName("waitingCounts")
        side = QVBoxLayout()
        for widget in (self.recent_title, self.recent, self.waiting_title, self.waiting):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            side.addWidget(widget)
        side.setStretch(1, 3)
        side.setStretch(3, 2)
        body = QHBoxLayout()
        body.addLayout(calls, 3)
        body.addSpacing(40)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(20)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        self.announcer = Announcer()
        self._seen: dict[tuple[str, str], tuple] = {}
        self._first = True
        self.board: views.Display | None = None
        self.live = LiveQueue(store.engine, self)
        self.live.changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(BOARD_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.ticker = QTimer(self)
        self.ticker.setInterval(CLOCK_TICK_MS)
        self.ticker.timeout.connect(self.show_time)
        self.retranslateUi()
        self.refresh()
        self.rescale()

    def _sized_label(self, size: str, colour: str, *, bold: bool = False) -> QLabel:
        label = _label(self, colour, bold=bold)
        self._sized.append((label, size))
        return label

    # -- size -------------------------------------------------------------------------------
    def rescale(self) -> None:
        """Every text in proportion to the window's height (a 1080-line TV as the model)."""
        factor = max(self.height(), 200) / DESIGN_HEIGHT
        for label, size in self._sized:
            font = QFont(label.font())
            font.setPixelSize(max(8, round(self.SIZES[size] * factor)))
            label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.rescale()
        super().resizeEvent(event)

    # -- content ----------------------------------------------------------------------------
    def show_time(self) -> None:
        self.clock.setText(f"{wall_clock(self.store.clock()):%H:%M}")

    def refresh(self) -> None:
        try:
            board = views.display(self.store, self.actor)
        except Exception:  # a TV shows the last board rather than an error box
            return
        self.board = board
        for i, (number, counter) in enumerate(self.current_labels):
            call = board.current[i] if i < len(board.current) else None
            number.setText(call.number if call else "")
            counter.setText(QCoreApplication.translate("LobbyDisplay", "Counter {counter}").format(
                counter=call.counter) if call else "")
            self.rows[i].setVisible(call is not None)
        self.idle.setVisible(not board.current)
        self.recent.setText("\n".join(QCoreApplication.translate("LobbyDisplay", "{number} → counter {counter}").format(
            number=c.number, counter=c.counter) for c in board.recent) or "—")
        self.waiting.setText("\n".join(QCoreApplication.translate("LobbyDisplay", "{service}: {count} waiting").format(
            service=name, count=count) for _prefix, name, count in board.waiting))
        self.show_time()
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

    # -- showing ----------------------------------------------------------------------------
    def show_on_second_screen(self) -> None:
        """On the lobby's monitor (see :func:`target_screen`)."""
        from ui.this_pc import this_pc_settings

        screen, full = target_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen(),
                                     this_pc_settings().lobby_screen)
        if screen is not None:
            self.setScreen(screen)
            area = screen.availableGeometry()
            if full:
                self.setGeometry(screen.geometry())
            else:
                self.resize(area.width() * 2 // 3, area.height() * 2 // 3)
                self.move(area.center() - self.rect().center())
        if full:
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()
        self.live.start()
        self.timer.start()
        self.ticker.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.live.stop()
        self.timer.stop()
        self.ticker.stop()
        super().closeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(QCoreApplication.translate("LobbyDisplay", "Lobby display"))
        self.branch.setText(self.actor.branch_name)
        self.title.setText(QCoreApplication.translate("LobbyDisplay", "VIP service area"))
        self.current_title.setText(QCoreApplication.translate("LobbyDisplay", "Now calling"))
        self.idle_text.setText(QCoreApplication.translate("LobbyDisplay", "Welcome"))
        self.idle_hint.setText(QCoreApplication.translate(
            "LobbyDisplay", "Please take a seat: your number will show here when it is called."))
        self.recent_title.setText(QCoreApplication.translate("LobbyDisplay", "Last calls"))
        self.waiting_title.setText(QCoreApplication.translate("LobbyDisplay", "Waiting"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            if self.board is not None:
                self.refresh()
        super().changeEvent(event)
