"""The lobby's long-wait alert (app/queue/alerts.py): a red line above the queue naming the
tickets that have waited past their tier's alert time, the most urgent first, and one action
on the most urgent: reserve a counter's next call for it (the lobby's reserve dialog, with the
ticket selected). The window asks for attention (``QApplication.alert``: the taskbar flashes)
when a ticket joins the list. Shown to those who may steer the queue (MANAGE_QUEUE); it reads
nothing of its own: the lobby hands it each board it reads."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QPushButton

from app.queue.alerts import LongWait, long_waits
from ui.tier_labels import tier_label
from ui.widgets import styled_label

SHOWN = 6  # tickets named on the line; the rest are counted


class WaitAlerts(QFrame):
    """Alerts of ``page`` (a LobbyPage: its ``select_ticket`` and ``reserve``)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.setObjectName("waitAlerts")
        self.label = styled_label("error", self, wrap=True)
        self.label.setObjectName("waitAlertText")
        self.act_button = QPushButton(self)
        self.act_button.setObjectName("actOnLongWait")
        self.act_button.clicked.connect(self.act)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.act_button)
        self.alerts: list[LongWait] = []
        self.setVisible(False)

    def show_board(self, board) -> None:
        """Show the alerts of ``board``; ask for attention when a ticket is new on the list."""
        if not self.page.may_manage:
            return
        before = {w.ticket.id for w in self.alerts}
        self.alerts = long_waits(board.tickets, board.now, board.policy, board.tier_codes)
        if {w.ticket.id for w in self.alerts} - before:
            QApplication.alert(self.window())
        self.setVisible(bool(self.alerts))
        self.retranslateUi()

    def act(self):
        """Reserve a counter's next call for the most urgent ticket (the dialog, or None)."""
        if not self.alerts:
            return None
        self.page.select_ticket(self.alerts[0].ticket.id)
        return self.page.reserve()

    def _line(self, wait: LongWait) -> str:
        text = self.tr("{number} ({tier}) {minutes} min").format(
            number=wait.ticket.number, tier=tier_label(wait.ticket.tier), minutes=int(wait.waited.total_seconds() // 60))
        return text + (self.tr(", past its maximum wait") if wait.overdue else "")

    def retranslateUi(self) -> None:  # noqa: N802
        if not self.alerts:
            return
        lines = [self._line(w) for w in self.alerts[:SHOWN]]
        more = len(self.alerts) - SHOWN
        if more > 0:
            lines.append(self.tr("and {count} more").format(count=more))
        named = self.tr("; ").join(lines)
        self.label.setText(self.tr("Waiting long: {tickets}").format(tickets=named))
        self.act_button.setText(self.tr("Reserve a counter for {number}…").format(number=self.alerts[0].ticket.number))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
