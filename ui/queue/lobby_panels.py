"""The lobby page's panels (ui/queue/lobby.py puts them together, with the long-wait alerts,
the VIP arrivals and the appointments of :mod:`ui.queue.wait_alerts` and :mod:`ui.visit`):

- :class:`IssuePanel`: the service, the customer found (card, ID number or name, or a swipe),
  the ticket issued, its slip printed on this PC's slip printer or saved as a PDF;
- :class:`QueuePanel`: the whole queue live with the counters beside it, and the lobby
  manager's controls on a selected ticket (priority, reservation, transfer, cancel, reactivate,
  re-queue) and the lobby display.

The panels run their commands through the page (:meth:`LobbyPage.run_one`): off the GUI thread,
one at a time, the command buttons off meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget,
)

from app.customers.search import search_customers
from app.queue import rules, tickets
from ui.background import Task, run_in_background
from ui.columns import ColumnsModel
from ui.dialogs import file_name
from ui.queue.dialogs import PriorityDialog, ReserveDialog, TransferDialog
from ui.queue.models import CONTEXT, refresh_keeping, select_id, sorted_table, ticket_columns
from ui.tables import selected
from ui.this_pc import this_pc_settings
from ui.tier_labels import tier_label
from ui.widgets import styled_label, with_mnemonic

COUNTER_COLUMNS = (
    (QT_TRANSLATE_NOOP("QueueTables", "Counter"), lambda c: f"{c.number} {c.name}", lambda c: c.number),
    (QT_TRANSLATE_NOOP("QueueTables", "Clerk"), lambda c: c.clerk_name, None),
    (QT_TRANSLATE_NOOP("QueueTables", "Status"), lambda c: c.status, None),
)


class _CounterLine:
    """A counter as the lobby's counter list shows it."""

    def __init__(self, counter, status: str):
        self.id, self.number, self.name = counter.id, counter.number, counter.name
        self.clerk_name, self.status, self.open = counter.clerk_name, status, counter.open


def _button(parent: QWidget, name: str, visible: bool = True) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setVisible(visible)
    return button


class IssuePanel(QGroupBox):
    """Issue a ticket (ISSUE_TICKETS): for the customer found, or anonymously; its slip."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.last_issued = None
        self.issued_text = ""  # what the confirmation line said when the last ticket was issued
        self.service_box = QComboBox(self)
        self.service_box.setObjectName("issueService")
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("identify")
        self.find_edit.setMinimumWidth(230)
        self.find_button = _button(self, "findCustomer")
        self.customer_box = QComboBox(self)
        self.customer_box.setObjectName("customer")
        self.customer_box.setMinimumWidth(260)
        self.issue_button = _button(self, "issueTicket")
        self.issue_button.setProperty("primary", True)
        self.reprint_button = _button(self, "reprintSlip")
        self.reprint_button.setEnabled(False)
        self.slip_button = _button(self, "saveSlip")
        self.slip_button.setEnabled(False)
        self.service_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # The confirmation has a line of its own, its height kept while empty and its width
        # never asked for: a ticket issued changes no other widget's size.
        self.issued_label = styled_label("title", self)
        self.issued_label.setObjectName("issued")
        self.issued_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.issued_label.setFixedHeight(self.issued_label.sizeHint().height()
                                         or self.issued_label.fontMetrics().height() * 2)
        row = QHBoxLayout()
        for widget in (self.service_box, self.find_edit, self.find_button, self.customer_box,
                       self.issue_button, self.reprint_button, self.slip_button):
            row.addWidget(widget)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.issued_label)
        self.find_edit.returnPressed.connect(self.find_customer)
        self.find_button.clicked.connect(self.find_customer)
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button.clicked.connect(self.print_slip)
        self.slip_button.clicked.connect(self.save_slip)

    @property
    def context(self):
        return self.page.context

    def show_services(self, services) -> None:
        """The branch's services, and the customer choice back to anonymous (the first board)."""
        self.service_box.clear()
        for sid, prefix, name in services:
            self.service_box.addItem(f"{prefix} {name}", sid)
        self.customer_box.clear()
        self.customer_box.addItem(self.tr("Anonymous (no customer)"), None)

    def find_customer(self) -> None:
        try:
            found = search_customers(self.context.store, self.context.actor, self.find_edit.text(), limit=20)
        except Exception as error:
            self.page.show_error(error)
            return
        self.customer_box.clear()
        self.customer_box.addItem(self.tr("Anonymous (no customer)"), None)
        for customer in found:
            if customer.active:
                self.customer_box.addItem(
                    f"{customer.name}  {customer.id_masked}  {tier_label(customer.tier)}", customer.id)
        if found:
            self.customer_box.setCurrentIndex(1)
            self.customer_box.setFocus()  # arrows pick another hit, Alt+I issues
        else:
            self.context.dialogs.info(self, self.tr("Find a customer"), self.tr("No customer found."))

    def issue(self) -> Task | None:
        """Issue the ticket off the GUI thread (an idempotency key's resolve after a cut commit
        waits there too); then say so, and print the slip on this PC's slip printer."""
        store, actor = self.context.store, self.context.actor
        service_id, customer_id = self.service_box.currentData(), self.customer_box.currentData()
        return self.page.run_one(lambda: tickets.issue_ticket(store, actor, service_id=service_id,
                                                              customer_id=customer_id), self._issued)

    def _issued(self, row) -> None:
        self.last_issued = row
        self.slip_button.setEnabled(True)
        self.reprint_button.setEnabled(True)
        self.issued_text = self.tr("{number} issued ({tier}), {ahead} ahead").format(
            number=row.number, tier=tier_label(row.tier), ahead=row.ahead)
        self.issued_label.setText(self.issued_text)
        self.customer_box.setCurrentIndex(0)
        self.find_edit.clear()
        if this_pc_settings().slip_printer:
            self.print_slip()

    def print_slip(self):
        """Print the last ticket's slip on this PC's slip printer, off the GUI thread (a network
        printer that is off takes seconds to say so). Returns the background task."""
        from app.printing.slips import print_slip
        from ui.printing import spool

        row, settings = self.last_issued, this_pc_settings()
        if row is None:
            return None
        store, actor = self.context.store, self.context.actor

        issued = self.issued_text

        def printed(printer: str) -> None:
            self.issued_label.setText(issued + " · " + self.tr("slip printed on {printer}").format(printer=printer))

        def failed(error: BaseException) -> None:
            self.issued_label.setText(self.tr("{number} issued; its slip was not printed: print it again "
                                              "when the printer is back").format(number=row.number))
            self.page.show_error(error)

        return run_in_background(self, lambda _progress: print_slip(store, actor, row.id, settings, spool),
                                 on_success=printed, on_failure=failed, busy=(self.reprint_button,))

    def save_slip(self) -> None:
        from app.queue.slip import write_slip

        if self.last_issued is None:
            return
        path = self.context.dialogs.save_file(self, self.tr("Save the ticket slip"),
                                              file_name(self.tr("Ticket"), self.last_issued.number,
                                                        suffix=".pdf", day=self.context.store.today()),
                                              self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            write_slip(self.context.store, self.context.actor, self.last_issued.id, path)
        except Exception as error:
            self.page.show_error(error)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setTitle(self.tr("Issue a ticket"))
        self.find_edit.setPlaceholderText(self.tr("Swipe a card, or card number, ID number or name"))
        self.find_button.setText(with_mnemonic(self.tr("Find"), "F"))
        self.issue_button.setText(with_mnemonic(self.tr("Issue ticket"), "I"))
        self.reprint_button.setText(with_mnemonic(self.tr("Print slip"), "P"))
        self.slip_button.setText(with_mnemonic(self.tr("Save slip…"), "V"))
        if self.customer_box.count():
            self.customer_box.setItemText(0, self.tr("Anonymous (no customer)"))


class QueuePanel(QWidget):
    """The queue and the counters, live, and the controls on a selected ticket."""

    def __init__(self, page, *, may_issue: bool, may_manage: bool):
        super().__init__(page)
        self.page = page
        self.board = None
        self.display_window = None
        self.model = ColumnsModel(ticket_columns(self._now, self._codes), CONTEXT, self)
        self.model.highlight = lambda r: r.lost
        self.view = sorted_table(self, self.model, "queueTable")
        self.counters_model = ColumnsModel(COUNTER_COLUMNS, CONTEXT, self)
        self.counters_view = sorted_table(self, self.counters_model, "countersTable")
        self.priority_button = _button(self, "changePriority", may_manage)
        self.reserve_button = _button(self, "reserveCounter", may_manage)
        self.transfer_button = _button(self, "transferTicket", may_manage or may_issue)
        self.cancel_button = _button(self, "cancelTicket", may_manage or may_issue)
        self.reactivate_button = _button(self, "reactivateTicket", may_manage)
        self.requeue_button = _button(self, "requeueTicket", may_manage)
        self.display_button = _button(self, "openDisplay")
        self.priority_button.clicked.connect(self.change_priority)
        self.reserve_button.clicked.connect(self.reserve)
        self.transfer_button.clicked.connect(self.transfer)
        self.cancel_button.clicked.connect(self.cancel)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.requeue_button.clicked.connect(self.requeue)
        self.display_button.clicked.connect(self.open_display)
        self.buttons = QHBoxLayout()
        for button in self.commands():
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.display_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.counters_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 330])
        self.splitter = splitter

    @property
    def context(self):
        return self.page.context

    def commands(self) -> tuple[QPushButton, ...]:
        return (self.priority_button, self.reserve_button, self.transfer_button, self.cancel_button,
                self.reactivate_button, self.requeue_button)

    def _now(self):
        return self.board.now if self.board else self.context.store.clock()

    def _codes(self):
        return self.board.tier_codes if self.board else []

    def show_board(self, board) -> None:
        self.board = board
        refresh_keeping(self.view, self.model, board.tickets)
        refresh_keeping(self.counters_view, self.counters_model,
                        [_CounterLine(c, self._counter_status(c)) for c in board.counters])

    def _counter_status(self, counter) -> str:
        if not counter.open:
            return self.tr("Closed")
        if counter.lost:
            return self.tr("Lost connection")
        held = next((t for t in self.board.tickets
                     if t.counter_id == counter.id and t.state in rules.AT_COUNTER), None)
        text = held.number if held else (self.tr("Free") if counter.clerk_name else self.tr("Not signed in"))
        if counter.reserved_ticket_id:
            reserved = next((t.number for t in self.board.tickets if t.id == counter.reserved_ticket_id), "")
            text += " · " + self.tr("next: {number}").format(number=reserved)
        return text

    def selected(self):
        return selected(self.view)

    def select_ticket(self, ticket_id: int) -> bool:
        return select_id(self.view, ticket_id)

    def _ticket(self):
        ticket = self.selected()
        if ticket is None:
            self.context.dialogs.info(self, self.tr("Queue"), self.tr("Select a ticket first."))
        return ticket

    def _done(self, _result=None) -> None:
        self.page.refresh()

    def change_priority(self):
        ticket = self._ticket()
        if ticket is not None:
            return self.page.open_form(PriorityDialog(self.context.store, self.context.actor, ticket,
                                                      self.board.tier_codes, self), self._done)
        return None

    def reserve(self):
        ticket = self._ticket()
        if ticket is not None:
            return self.page.open_form(ReserveDialog(self.context.store, self.context.actor, ticket,
                                                     self.board.counters, self), self._done)
        return None

    def transfer(self):
        ticket = self._ticket()
        if ticket is not None:
            return self.page.open_form(TransferDialog(self.context.store, self.context.actor, ticket,
                                                      self.board.services, self.board.counters, parent=self),
                                       self._done)
        return None

    def _act(self, service) -> Task | None:
        ticket = self._ticket()
        if ticket is None:
            return None
        store, actor = self.context.store, self.context.actor
        return self.page.run_one(lambda: service(store, actor, ticket.id))

    def cancel(self) -> Task | None:
        ticket = self.selected()
        if ticket is not None and not self.context.dialogs.confirm(
                self, self.tr("Cancel a ticket"), self.tr("Cancel {number}?").format(number=ticket.number)):
            return None
        return self._act(tickets.cancel_ticket)

    def reactivate(self) -> Task | None:
        return self._act(tickets.reactivate)

    def requeue(self) -> Task | None:
        return self._act(tickets.requeue)

    def open_display(self):
        from ui.queue.display import DisplayWindow

        if self.display_window is None:
            self.display_window = DisplayWindow(self.context.store, self.context.actor, self)  # closes with the page
        self.display_window.show_on_second_screen()
        return self.display_window

    def retranslateUi(self) -> None:  # noqa: N802
        self.priority_button.setText(with_mnemonic(self.tr("Priority…"), "Y"))
        self.reserve_button.setText(with_mnemonic(self.tr("Reserve counter…"), "R"))
        self.transfer_button.setText(with_mnemonic(self.tr("Transfer…"), "T"))
        self.cancel_button.setText(with_mnemonic(self.tr("Cancel ticket"), "C"))
        self.reactivate_button.setText(with_mnemonic(self.tr("Reactivate no-show"), "E"))
        self.requeue_button.setText(with_mnemonic(self.tr("Re-queue (counter lost)"), "Q"))
        self.display_button.setText(with_mnemonic(self.tr("Open lobby display"), "D"))
        self.model.retranslate()
        self.counters_model.retranslate()
