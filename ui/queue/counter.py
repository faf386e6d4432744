"""The counter page (叫号): sign this PC in at a counter (one PC per counter), call the next
ticket, recall, mark a no-show, start and finish service, transfer, cancel; the tickets this
counter may call, in calling order, live; a chosen one called out of order with a reason; a
slip's QR code scanned into the box opens its ticket. The PC tells the store it is alive every
few seconds, so that a crashed PC's ticket is flagged to the lobby manager."""

from __future__ import annotations

import socket

from PySide6.QtCore import QTimer, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.queue import calling, rules, tickets, views
from app.queue.calling import Desk
from ui.this_pc import this_pc_settings
from ui.queue.dialogs import CallOutOfOrderDialog, TransferDialog
from ui.live import LiveQueue
from ui.queue.models import (
    CONTEXT, refresh_keeping, select_id, sorted_table, state_text, ticket_columns,
)
from ui.columns import ColumnsModel
from ui.page import Page, PageContext
from ui.tables import selected
from ui.tier_labels import tier_label
from ui.visit.rating import ask_for_rating
from ui.widgets import bind_key, styled_label

HEARTBEAT_MS = 15_000
# A counter's five moves on the function keys, the same at every counter (named in the tooltips).
CALL_KEY, RECALL_KEY, NO_SHOW_KEY, START_KEY, FINISH_KEY = "F5", "F6", "F7", "F8", "F9"


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

        self.counter_box = QComboBox(self)
        self.counter_box.setObjectName("counterChoice")
        self.counter_box.setMinimumWidth(200)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signInCounter")
        self.sign_out_button = QPushButton(self)
        self.sign_out_button.setObjectName("signOutCounter")
        self.status = styled_label("hint", self)
        self.status.setObjectName("counterStatus")
        top = QHBoxLayout()
        for widget in (self.counter_box, self.sign_in_button, self.sign_out_button):
            top.addWidget(widget)
        top.addWidget(self.status, 1)

        self.current = QLabel(self)
        self.current.setObjectName("currentTicket")
        self.current.setProperty("role", "title")
        self.current.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.current_detail = styled_label("hint", self, wrap=True)
        self.current_detail.setObjectName("currentDetail")
        self.call_button = QPushButton(self)
        self.call_button.setObjectName("callNext")
        self.call_button.setProperty("primary", True)
        self.recall_button = QPushButton(self)
        self.recall_button.setObjectName("recall")
        self.no_show_button = QPushButton(self)
        self.no_show_button.setObjectName("noShow")
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("startService")
        self.finish_button = QPushButton(self)
        self.finish_button.setObjectName("finishService")
        self.transfer_button = QPushButton(self)
        self.transfer_button.setObjectName("transferHeld")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelHeld")
        actions = QGridLayout()
        for i, button in enumerate((self.call_button, self.recall_button, self.no_show_button, self.start_button,
                                    self.finish_button, self.transfer_button, self.cancel_button)):
            button.setMinimumHeight(34)
            actions.addWidget(button, i // 4, i % 4)

        self.scan_edit = QLineEdit(self)
        self.scan_edit.setObjectName("scanSlip")
        self.out_of_order_button = QPushButton(self)
        self.out_of_order_button.setObjectName("callOutOfOrder")
        scan = QHBoxLayout()
        scan.addWidget(self.scan_edit, 1)
        scan.addWidget(self.out_of_order_button)

        self.order: dict[int, int] = {}  # ticket id -> place in this counter's calling order
        order_column = (QT_TRANSLATE_NOOP("QueueTables", "Order"), lambda r: self.order.get(r.id, 0), None)
        self.model = ColumnsModel([order_column, *ticket_columns(self._now, lambda: self.codes)], CONTEXT, self)
        self.view = sorted_table(self, self.model, "waitingTable")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.current)
        layout.addWidget(self.current_detail)
        layout.addLayout(actions)
        layout.addLayout(scan)
        layout.addWidget(self.view, 1)

        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(lambda: self._held_action(calling.recall))
        self.no_show_button.clicked.connect(lambda: self._held_action(calling.mark_no_show))
        self.start_button.clicked.connect(lambda: self._held_action(calling.start_service))
        self.finish_button.clicked.connect(self.finish)
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
        if self.counter_box.count() != len(board.counters):
            chosen = self.counter_box.currentData()
            self.counter_box.clear()
            for counter in board.counters:
                self.counter_box.addItem(f"{counter.number} {counter.name}", counter.id)
            if chosen is not None:
                self.counter_box.setCurrentIndex(max(0, self.counter_box.findData(chosen)))
            else:  # the counter this PC normally serves, from its settings
                usual = [c.id for c in board.counters if c.number == this_pc_settings().counter]
                if usual:
                    self.counter_box.setCurrentIndex(self.counter_box.findData(usual[0]))
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
        for button in (self.call_button, self.out_of_order_button, self.sign_out_button):
            button.setEnabled(signed)
        self.counter_box.setEnabled(not signed)
        self.sign_in_button.setEnabled(not signed)
        state = held.state if held else None
        self.recall_button.setEnabled(state == rules.CALLED)
        self.no_show_button.setEnabled(state == rules.CALLED)
        self.start_button.setEnabled(state == rules.CALLED)
        self.finish_button.setEnabled(state == rules.SERVING)
        self.transfer_button.setEnabled(held is not None)
        self.cancel_button.setEnabled(state == rules.CALLED)
        self.call_button.setEnabled(signed and held is None)
        if held is None:
            self.current.setText("—")
            self.current_detail.setText(self.tr("No customer at this counter.") if signed else
                                        self.tr("Choose your counter and sign in to start calling."))
            return
        self.current.setText(held.number)
        customer = held.customer_label or self.tr("Anonymous")
        self.current_detail.setText(self.tr("{service} · {customer} · {tier} · {state} · recalled {recalls}×").format(
            service=held.service_name, customer=customer, tier=tier_label(held.tier),
            state=state_text(held.state), recalls=held.recalls))

    def sign_in(self) -> None:
        counter_id = self.counter_box.currentData()
        if counter_id is None:
            return
        try:
            self.command(lambda: calling.sign_in_counter(self.context.store, self.context.actor, counter_id, self.pc))
        except Exception as error:
            self.show_error(error)
            return
        self.desk = Desk(counter_id, self.pc)
        self.status.setText(self.tr("Signed in at counter {counter} on {pc}").format(
            counter=self.counter_box.currentText(), pc=self.pc))
        self.heartbeat_timer.start()
        self.refresh()

    def sign_out(self) -> None:
        if self.desk is None:
            return
        try:
            self.command(lambda: calling.sign_out_counter(self.context.store, self.context.actor, self.desk))
        except Exception as error:
            self.show_error(error)
            return
        self._signed_out()

    def _signed_out(self) -> None:
        self.desk = None
        self.heartbeat_timer.stop()
        self.status.setText("")
        self.refresh()

    def heartbeat(self) -> None:
        if self.desk is None:
            return
        try:
            calling.heartbeat(self.context.store, self.context.actor, self.desk)
        except Exception as error:  # taken over elsewhere, or the store went away
            self._signed_out()
            self.show_error(error)

    # -- calling ----------------------------------------------------------------------------
    def _run(self, work) -> object:
        try:
            result = self.command(work)
        except Exception as error:
            self.show_error(error)
            self.refresh()
            return None
        self.refresh()
        return result

    def call_next(self):
        if self.desk is None:
            return None
        row = self._run(lambda: calling.call_next(self.context.store, self.context.actor, self.desk))
        if row is None and self.desk is not None and self.state is not None and self.state.held is None:
            self.status.setText(self.tr("Nobody is waiting for this counter."))
        return row

    def _held_action(self, service):
        held = self.state.held if self.state else None
        if held is None or self.desk is None:
            return None
        return self._run(lambda: service(self.context.store, self.context.actor, self.desk, held.id))

    def finish(self):
        """Finish the held ticket; then the customer is asked for a rating (ui.visit.rating)."""
        row = self._held_action(calling.finish_service)
        if row is not None:
            ask_for_rating(self, row)
        return row

    def transfer(self):
        held = self.state.held if self.state else None
        if held is None:
            return None
        return self.open_form(TransferDialog(self.context.store, self.context.actor, held, self.services,
                                             self.counters, desk=self.desk, parent=self), self._after_form)

    def cancel(self):
        held = self.state.held if self.state else None
        if held is None or not self.context.dialogs.confirm(
                self, self.tr("Cancel a ticket"), self.tr("Cancel {number}?").format(number=held.number)):
            return None
        return self._run(lambda: tickets.cancel_ticket(self.context.store, self.context.actor, held.id,
                                                       desk=self.desk))

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
        self.sign_in_button.setText(self.tr("Sign in at this counter"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.call_button.setText(self.tr("Call next"))
        self.recall_button.setText(self.tr("Recall"))
        self.no_show_button.setText(self.tr("No-show"))
        self.start_button.setText(self.tr("Start service"))
        self.finish_button.setText(self.tr("Finish"))
        self.transfer_button.setText(self.tr("Transfer…"))
        self.cancel_button.setText(self.tr("Cancel ticket"))
        for button, key in ((self.call_button, CALL_KEY), (self.recall_button, RECALL_KEY),
                            (self.no_show_button, NO_SHOW_KEY), (self.start_button, START_KEY),
                            (self.finish_button, FINISH_KEY)):
            bind_key(button, key)
        self.scan_edit.setPlaceholderText(self.tr("Scan a ticket slip's QR code here"))
        self.out_of_order_button.setText(self.tr("Call selected out of order…"))
        self.model.retranslate()
        self._show_held(self.state.held if self.state else None)
