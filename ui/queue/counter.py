"""The counter page (叫号): sign this PC in at a counter (one PC per counter), call the next
ticket, recall, mark a no-show, start and finish service, transfer, cancel; the tickets this
counter may call, in calling order, live; a chosen one called out of order with a reason; a
slip's QR code scanned into the box opens its ticket. The PC tells the store it is alive every
few seconds, so that a crashed PC's ticket is flagged to the lobby manager.

The page puts the panels of :mod:`ui.queue.counter_panels` together and runs the commands:
every one off the GUI thread (:meth:`ui.page.Page.run_command`; a store that takes seconds to
answer never freezes the window), the panels' buttons off until its answer is back, one command
at a time. A finished ticket is handled in one place, :meth:`CounterPage._finished`."""

from __future__ import annotations

import socket

from PySide6.QtCore import QTimer, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.queue import calling, tickets, views
from app.queue.calling import Desk
from ui.background import Task, run_in_background
from ui.this_pc import this_pc_settings
from ui.queue.counter_panels import CounterCommands, HeldTicketPanel, ScanBar, SignInBar
from ui.queue.dialogs import CallOutOfOrderDialog, TransferDialog
from ui.live import LiveQueue
from ui.queue.models import CONTEXT, refresh_keeping, select_id, sorted_table, state_text, ticket_columns
from ui.columns import ColumnsModel
from ui.page import Page, PageContext
from ui.tables import selected
from ui.visit.rating import ask_for_rating

HEARTBEAT_MS = 15_000


def this_pc() -> str:
    """The PC's name at the counters: its settings' name, else the host name."""
    return this_pc_settings().pc_name or socket.gethostname() or "PC"


class CounterPage(Page):
    watches = frozenset({"queue_ticket", "queue_counter", "queue_counter_session", "queue_service", "queue_policy"})

    def __init__(self, context: PageContext, parent: QWidget | None = None, *, pc: str | None = None):
        super().__init__(context, parent)
        self.pc = pc or this_pc()
        self.desk: Desk | None = None
        self.state: views.CounterView | None = None
        self.codes: list[str] = []

        self.task: Task | None = None      # the command under way, if any (one at a time)
        self.beating: Task | None = None   # the heartbeat under way, if any

        self.sign_in_bar = SignInBar(self)
        self.held_panel = HeldTicketPanel(self)
        self.commands = CounterCommands(self)
        self.scan_bar = ScanBar(self)
        # the panels' widgets by the names the rest of the window (and its tests) know them
        self.counter_box, self.status = self.sign_in_bar.counter_box, self.sign_in_bar.status
        self.sign_in_button, self.sign_out_button = self.sign_in_bar.sign_in_button, self.sign_in_bar.sign_out_button
        self.current, self.current_detail = self.held_panel.current, self.held_panel.current_detail
        (self.call_button, self.recall_button, self.no_show_button, self.start_button, self.finish_button,
         self.transfer_button, self.cancel_button) = self.commands.buttons()
        self.scan_edit, self.out_of_order_button = self.scan_bar.scan_edit, self.scan_bar.out_of_order_button

        self.order: dict[int, int] = {}  # ticket id -> place in this counter's calling order
        order_column = (QT_TRANSLATE_NOOP("QueueTables", "Order"), lambda r: self.order.get(r.id, 0), None)
        self.model = ColumnsModel([order_column, *ticket_columns(self._now, lambda: self.codes)], CONTEXT, self)
        self.view = sorted_table(self, self.model, "waitingTable")
        layout = QVBoxLayout(self)
        for panel in (self.sign_in_bar, self.held_panel, self.commands, self.scan_bar):
            layout.addWidget(panel)
        layout.addWidget(self.view, 1)

        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(lambda: self._held_action(calling.recall))
        self.no_show_button.clicked.connect(lambda: self._held_action(calling.mark_no_show))
        self.start_button.clicked.connect(lambda: self._held_action(calling.start_service))
        self.finish_button.clicked.connect(lambda: self._held_action(calling.finish_service, self._finished))
        self.transfer_button.clicked.connect(self.transfer)
        self.cancel_button.clicked.connect(self.cancel)
        self.scan_edit.returnPressed.connect(self.scan)
        self.out_of_order_button.clicked.connect(self.call_out_of_order)

        self.live = LiveQueue(context.store.engine, self)
        self.live.changed.connect(self.refresh)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_MS)
        self.heartbeat_timer.timeout.connect(self.heartbeat)
        self.retranslateUi()

    def _now(self):
        return self.state.now if self.state else self.context.store.clock()

    # -- signing in -------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            board = views.board(self.context.store, self.context.actor)
        except Exception as error:
            self.show_error(error)
            return
        self.codes = board.tier_codes
        self.services, self.counters = board.services, board.counters
        self.sign_in_bar.show_counters(board.counters, this_pc_settings().counter)
        if self.desk is None:
            self.state = None
            refresh_keeping(self.view, self.model, [])
            self._show_held(None)
            return
        try:
            self.state = views.counter_view(self.context.store, self.context.actor, self.desk.counter_id)
        except Exception as error:
            self.show_error(error)
            return
        self.order = {t.id: place for place, t in enumerate(self.state.waiting, start=1)}
        refresh_keeping(self.view, self.model, self.state.waiting)
        self._show_held(self.state.held)

    def _show_held(self, held) -> None:
        signed = self.desk is not None
        self.sign_in_bar.show_signed(signed)
        self.held_panel.show_held(held, signed)
        self.commands.enable_for(held, signed)
        self.out_of_order_button.setEnabled(signed)
        if self.running():  # a live refresh while a command runs: its buttons stay off until it is back
            for widget in self._busy_widgets():
                widget.setEnabled(False)

    def running(self) -> bool:
        return self.task is not None and self.task.running

    def _busy_widgets(self) -> tuple[QWidget, ...]:
        return (*self.commands.buttons(), self.sign_in_button, self.sign_out_button, self.counter_box,
                self.out_of_order_button)

    def _run(self, work, done=None) -> Task | None:
        """Run the command ``work()`` off the GUI thread, the buttons off meanwhile; then
        ``done(result)`` and a reload; a refusal is shown and the page reloaded. Nothing starts
        while another command runs (a double click, a key held down). Returns the task."""
        if self.running():
            return None

        def succeeded(result) -> None:
            self.task = None
            if done is not None:
                done(result)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.task = None
            try:
                self.show_error(error)
            finally:
                self.refresh()

        self.task = self.run_command(lambda _progress: work(), succeeded, on_failure=failed,
                                     busy=self._busy_widgets())
        return self.task

    def sign_in(self) -> Task | None:
        counter_id = self.counter_box.currentData()
        if counter_id is None:
            return None
        store, actor, pc, where = self.context.store, self.context.actor, self.pc, self.counter_box.currentText()

        def signed_in(_ticket) -> None:
            self.desk = Desk(counter_id, pc)
            self.status.setText(self.tr("Signed in at counter {counter} on {pc}").format(counter=where, pc=pc))
            self.heartbeat_timer.start()

        return self._run(lambda: calling.sign_in_counter(store, actor, counter_id, pc), signed_in)

    def sign_out(self) -> Task | None:
        if self.desk is None:
            return None
        store, actor, desk = self.context.store, self.context.actor, self.desk
        return self._run(lambda: calling.sign_out_counter(store, actor, desk), lambda _result: self._signed_out())

    def _signed_out(self) -> None:
        self.desk = None
        self.heartbeat_timer.stop()
        self.status.setText("")
        self.refresh()

    def heartbeat(self) -> Task | None:
        """Tell the store this PC is alive, off the GUI thread (never two at once); a refusal
        (taken over elsewhere, the store gone) signs the page out and says why."""
        if self.desk is None or (self.beating is not None and self.beating.running):
            return None
        store, actor, desk = self.context.store, self.context.actor, self.desk

        def failed(error: BaseException) -> None:
            self.beating = None
            if self.desk == desk:
                self._signed_out()
            self.show_error(error)

        def done(_result) -> None:
            self.beating = None

        # not a change the other pages need to hear of: straight to the worker, not run_command
        self.beating = run_in_background(self, lambda _progress: calling.heartbeat(store, actor, desk),
                                         on_success=done, on_failure=failed)
        return self.beating

    # -- calling ----------------------------------------------------------------------------
    def call_next(self) -> Task | None:
        if self.desk is None:
            return None
        store, actor, desk = self.context.store, self.context.actor, self.desk

        def called(row) -> None:
            if row is None:
                self.status.setText(self.tr("Nobody is waiting for this counter."))

        return self._run(lambda: calling.call_next(store, actor, desk), called)

    def _held_action(self, service, done=None) -> Task | None:
        held = self.state.held if self.state else None
        if held is None or self.desk is None:
            return None
        store, actor, desk = self.context.store, self.context.actor, self.desk
        return self._run(lambda: service(store, actor, desk, held.id), done)

    def _finished(self, ticket) -> None:
        """``ticket`` (the service's row) was just finished at this counter: the one place a
        finished ticket is handled."""
        self.status.setText(self.tr("{number} finished.").format(number=ticket.number))
        ask_for_rating(self, ticket)  # the customer is asked for a rating (ui.visit.rating)

    def transfer(self):
        held = self.state.held if self.state else None
        if held is None:
            return None
        return self.open_form(TransferDialog(self.context.store, self.context.actor, held, self.services,
                                             self.counters, desk=self.desk, parent=self), self._after_form)

    def cancel(self) -> Task | None:
        held = self.state.held if self.state else None
        if held is None or not self.context.dialogs.confirm(
                self, self.tr("Cancel a ticket"), self.tr("Cancel {number}?").format(number=held.number)):
            return None
        store, actor, desk = self.context.store, self.context.actor, self.desk
        return self._run(lambda: tickets.cancel_ticket(store, actor, held.id, desk=desk))

    def call_out_of_order(self):
        ticket = selected(self.view)
        if ticket is None or self.desk is None:
            self.context.dialogs.info(self, self.tr("Call out of order"),
                                      self.tr("Select a waiting ticket (or scan its slip) first."))
            return None
        return self.open_form(CallOutOfOrderDialog(self.context.store, self.context.actor, self.desk, ticket, self),
                              self._after_form)

    def _after_form(self, _result) -> None:
        self.refresh()

    def scan(self) -> None:
        """A slip's QR code read by the scanner (it types the text and Enter) opens its ticket."""
        text = self.scan_edit.text()
        self.scan_edit.clear()
        try:
            ticket = views.ticket_from_payload(self.context.store, self.context.actor, text)
        except Exception as error:
            self.show_error(error)
            return
        if not select_id(self.view, ticket.id):
            where = ticket.counter or ""
            self.context.dialogs.info(self, self.tr("Scanned ticket"), self.tr(
                "{number}: {state} {counter}").format(number=ticket.number, state=state_text(ticket.state),
                                                      counter=where).strip())

    # -- life -------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        self.live.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.live.stop()
        super().hideEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        for panel in (self.sign_in_bar, self.commands, self.scan_bar):
            panel.retranslateUi()
        self.model.retranslate()
        self._show_held(self.state.held if self.state else None)
