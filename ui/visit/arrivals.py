"""A VIP's arrival on the VIP Desk of the person told of it (app/visit/arrivals.py): a line per
customer above every page — name, tier, ticket, minutes waited — with "I'll receive them" (我来接待).
Live as the queue is (the queue's change feed: the ticket's commit fires it) and re-read every
half minute, when waiting times grow and an unreceived arrival reaches the branch manager. The
window asks for attention (the taskbar flashes) when an arrival is new. Shown to those who care
for customers (CARE_FOR_CUSTOMERS); empty, it takes no room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.errors import UserError
from app.visit.arrivals import ArrivalRow, arrivals_for, lobby_arrivals, receive_arrival
from ui.messages import error_text
from ui.live import LiveQueue
from ui.tier_labels import tier_label
from ui.widgets import styled_label

REREAD_MS = 30_000


class ArrivalNotices(QFrame):
    """The arrivals told to ``context``'s person, each with its "I'll receive them" button."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("arrivalNotices")
        self.rows: list[ArrivalRow] = []
        self.lines: list[tuple[QWidget, object, QPushButton]] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.enabled = context.actor.may(Permission.CARE_FOR_CUSTOMERS)
        self.live = LiveQueue(context.store.engine, self)
        self.live.changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(REREAD_MS)
        self.timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        """Read the arrivals again; ask for attention when one is new."""
        if not self.enabled:
            return
        try:
            rows = arrivals_for(self.context.store, self.context.actor)
        except UserError:  # the session ended or the store is away: the page says so
            return
        if {r.id for r in rows} - {r.id for r in self.rows}:
            QApplication.alert(self.window())
        self.rows = rows
        self._rebuild()

    def _rebuild(self) -> None:
        for line, _label, _button in self.lines:
            line.deleteLater()
        self.lines = []
        for row in self.rows:
            line = QFrame(self)
            line.setObjectName("arrivalNotice")
            label = styled_label("error" if row.escalated else "notice", line, wrap=True)
            button = QPushButton(line)
            button.setObjectName("receiveArrival")
            button.clicked.connect(lambda _checked=False, arrival_id=row.id: self.receive(arrival_id))
            box = QHBoxLayout(line)
            box.setContentsMargins(8, 2, 8, 2)
            box.addWidget(label, 1)
            box.addWidget(button)
            self.layout_.addWidget(line)
            line.show()  # now, not at the layout's next turn of the event loop
            self.lines.append((line, label, button))
        self.retranslateUi()

    def receive(self, arrival_id: int) -> ArrivalRow | None:
        """"I'll receive them": recorded, the lobby sees it, the line goes."""
        try:
            received = receive_arrival(self.context.store, self.context.actor, arrival_id)
        except UserError as error:
            self.context.dialogs.warn(self, self.tr("Could not receive the customer"), error_text(error))
            received = None
        self.refresh()
        return received

    def _text(self, row: ArrivalRow) -> str:
        now = self.context.store.clock()
        text = self.tr("{name} ({tier}) has arrived: ticket {number}, waiting {minutes} min").format(
            name=row.customer_name, tier=tier_label(row.tier), number=row.ticket_number, minutes=row.waited(now))
        if row.escalated:
            text = self.tr("Not yet received (manager: {manager}). ").format(manager=row.manager_name) + text
        return text

    def retranslateUi(self) -> None:  # noqa: N802
        for (_line, label, button), row in zip(self.lines, self.rows):
            label.setText(self._text(row))
            button.setText(self.tr("I'll receive them"))

    def showEvent(self, event) -> None:  # noqa: N802
        if self.enabled:
            self.refresh()
            self.live.start()
            self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.live.stop()
        self.timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class LobbyArrivals(QFrame):
    """The lobby's line: today's VIP arrivals, who is coming to receive each (or whom they still
    wait for, and that the branch manager was told). Masked names only. Re-read with the lobby."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("lobbyArrivals")
        self.label = styled_label("hint", self, wrap=True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        self.rows: list[ArrivalRow] = []
        self.setVisible(False)

    def refresh(self) -> None:
        try:
            self.rows = lobby_rows(self.context)
        except UserError:
            return
        self.setVisible(bool(self.rows))
        self.retranslateUi()

    def _part(self, row: ArrivalRow) -> str:
        if row.received_by_name:
            return self.tr("{number} {name}: {receiver} is coming").format(
                number=row.ticket_number, name=row.customer_name, receiver=row.received_by_name)
        if row.escalated:
            return self.tr("{number} {name}: waiting for {manager}, branch manager told").format(
                number=row.ticket_number, name=row.customer_name, manager=row.manager_name)
        return self.tr("{number} {name}: waiting for {manager}").format(
            number=row.ticket_number, name=row.customer_name, manager=row.manager_name)

    def retranslateUi(self) -> None:  # noqa: N802
        if self.rows:
            self.label.setText(self.tr("VIP arrivals: {list}").format(
                list=self.tr("; ").join(self._part(r) for r in reversed(self.rows))))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def lobby_rows(context) -> list[ArrivalRow]:
    """Today's arrivals for the lobby, when the person issues tickets."""
    if not context.actor.may(Permission.ISSUE_TICKETS):
        return []
    return lobby_arrivals(context.store, context.actor)
