"""The lobby page (大堂经理): identify the customer (card number, ID number or name, through the
customer search) or issue anonymously, hand out the ticket and its slip (printed on this PC's
slip printer as soon as the number is issued, off the GUI thread; a printer that is off, missing
or out of paper is named with what to do, and the slip is printed again with one click or saved
as a PDF); see the whole queue live
with waiting times and tickets whose counter was lost; raise or lower a priority with a reason,
reserve a counter's next call, transfer, cancel, reactivate a no-show, re-queue; open the lobby
display on a second screen.

The page puts its panels together (:mod:`ui.queue.lobby_panels`: issuing, the queue; the
long-wait alerts, VIP arrivals and appointments of their own modules), reads the board they show
and runs their one-click commands off the GUI thread, one at a time (:meth:`LobbyPage.run_one`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.queue import views
from ui.background import Task
from ui.live import LiveQueue
from ui.page import Page, PageContext
from ui.queue.lobby_panels import IssuePanel, QueuePanel
from ui.queue.swipe_ticket import SwipeTicketing
from ui.queue.wait_alerts import WaitAlerts
from ui.visit.appointments import AppointmentsButton
from ui.visit.arrivals import LobbyArrivals
from ui.widgets import styled_label

SLOW_REFRESH_MS = 30_000


class LobbyPage(Page):
    watches = frozenset({"queue_ticket", "queue_counter", "queue_counter_session", "queue_service", "queue_policy"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        actor = context.actor
        self.may_issue = actor.may(Permission.ISSUE_TICKETS)
        self.may_manage = actor.may(Permission.MANAGE_QUEUE)
        self.current: views.Board | None = None
        self.task: Task | None = None  # the one-click command under way, if any

        self.issuing = IssuePanel(self)
        self.issuing.setVisible(self.may_issue)
        self.queue = QueuePanel(self, may_issue=self.may_issue, may_manage=self.may_manage)
        # the panels' widgets by the names the rest of the window (and its tests) know them
        issuing, queue = self.issuing, self.queue
        self.issue_box, self.service_box, self.customer_box = issuing, issuing.service_box, issuing.customer_box
        self.find_edit, self.find_button, self.issue_button = issuing.find_edit, issuing.find_button, issuing.issue_button
        self.reprint_button, self.slip_button, self.issued_label = (issuing.reprint_button, issuing.slip_button,
                                                                    issuing.issued_label)
        self.model, self.view = queue.model, queue.view
        self.counters_model, self.counters_view = queue.counters_model, queue.counters_view
        self.swipe = SwipeTicketing(self)
        self.summary = styled_label("hint", self)
        self.summary.setObjectName("queueSummary")
        self.alerts = WaitAlerts(self)
        self.arrivals = LobbyArrivals(context, self)
        self.appointments = AppointmentsButton(self)
        queue.buttons.addWidget(self.appointments)

        layout = QVBoxLayout(self)
        layout.addWidget(self.issuing)
        layout.addWidget(self.summary)
        layout.addWidget(self.alerts)
        layout.addWidget(self.arrivals)
        layout.addWidget(queue.splitter, 1)
        layout.addLayout(queue.buttons)

        self.live = LiveQueue(context.store.engine, self)
        self.live.changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(SLOW_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    @property
    def last_issued(self):
        return self.issuing.last_issued

    def refresh(self) -> None:
        try:
            board = views.board(self.context.store, self.context.actor)
        except Exception as error:  # shown, or re-raised when a bug
            self.show_error(error)
            return
        if self.current is None:
            self.issuing.show_services(board.services)
        self.current = board
        self.queue.show_board(board)
        self.alerts.show_board(board)
        self.arrivals.refresh()
        waiting = "  ".join(f"{prefix} {name}: {board.waiting.get(sid, 0)}" for sid, prefix, name in board.services)
        self.summary.setText(self.tr("Waiting now — {counts}").format(counts=waiting))
        if self.running():  # a live refresh while a command runs: its buttons stay off until it is back
            for widget in self._busy_widgets():
                widget.setEnabled(False)

    def selected(self):
        return self.queue.selected()

    def select_ticket(self, ticket_id: int) -> bool:
        return self.queue.select_ticket(ticket_id)

    # -- commands ---------------------------------------------------------------------------
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def _busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.issue_button, *self.queue.commands())

    def run_one(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> Task | None:
        """Run the command ``work()`` off the GUI thread, the command buttons off meanwhile;
        then ``done(result)`` and a reload; a refusal is shown. Nothing starts while another
        command runs (a double click, a swipe on top of a click). Returns the task."""
        if self.running():
            return None

        def succeeded(result) -> None:
            self.task = None
            if done is not None:
                done(result)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.task = None
            self.show_error(error)

        self.task = self.run_command(lambda _progress: work(), succeeded, on_failure=failed,
                                     busy=self._busy_widgets())
        return self.task

    def issue(self) -> Task | None:
        return self.issuing.issue()

    def change_priority(self):
        return self.queue.change_priority()

    def reserve(self):
        return self.queue.reserve()

    def transfer(self):
        return self.queue.transfer()

    def open_display(self):
        return self.queue.open_display()

    # -- life -------------------------------------------------------------------------------
    def focus_widget(self):
        """A customer's card, ID or name is typed (or scanned) first; without the right to
        issue, the queue."""
        return self.find_edit if self.may_issue else self.view

    def showEvent(self, event) -> None:  # noqa: N802
        self.live.start()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.live.stop()
        self.timer.stop()
        super().hideEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        self.issuing.retranslateUi()
        self.queue.retranslateUi()
        if self.current is not None:
            self.refresh()
