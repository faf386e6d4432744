"""Dialogs of the queue screens: a priority with its reason, a transfer, a counter reserved for a
ticket, the reason for calling out of order. Each calls one service; a refusal stays in the
dialog with the field it names outlined."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.queue import calling, tickets
from app.queue.common import COUNTER, SERVICE
from app.queue.rules import PRIORITY, REASON
from ui.forms import FormDialog
from ui.messages import field_label
from ui.tier_labels import tier_label


def _reason_edit(dialog: FormDialog) -> QLineEdit:
    edit = dialog.add_row("reason", QLineEdit(dialog), REASON)
    edit.setObjectName("reason")
    edit.setMaxLength(200)
    return edit


class PriorityDialog(FormDialog):
    """Raise or lower a waiting ticket's priority; the reason is audited."""

    def __init__(self, store, actor, ticket, tier_codes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorityDialog")
        self.store, self.actor, self.ticket = store, actor, ticket
        self.priority = self.add_row("priority", QComboBox(self), PRIORITY)
        self.priority.setObjectName("priority")
        for rank in range(len(tier_codes) - 1, -1, -1):
            self.priority.addItem(tier_label(tier_codes[rank]), rank)
        self.priority.setCurrentIndex(self.priority.findData(ticket.priority))
        self.reason = _reason_edit(self)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(tickets.change_priority, self.store, self.actor, self.ticket.id,
                  priority=self.priority.currentData(), reason=self.reason.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Change the priority of {number}").format(number=self.ticket.number))
        self.set_intro(self.tr("The ticket keeps its place in the queue; the calling order uses the new priority."))
        self.set_label("priority", field_label(PRIORITY))
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Change priority"))


class TransferDialog(FormDialog):
    """Send a ticket on to another service or to a named counter, to the front or by arrival."""

    def __init__(self, store, actor, ticket, services, counters, *, desk=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.store, self.actor, self.ticket, self.desk = store, actor, ticket, desk
        self.service = self.add_row("service", QComboBox(self), SERVICE)
        self.service.setObjectName("service")
        self.service.addItem("", None)
        for sid, prefix, name in services:
            self.service.addItem(f"{prefix} {name}", sid)
        self.counter = self.add_row("counter", QComboBox(self), COUNTER)
        self.counter.setObjectName("counter")
        self.counter.addItem("", None)
        for counter in counters:
            self.counter.addItem(f"{counter.number} {counter.name}", counter.id)
        self.front = self.add_row("front", QCheckBox(self))
        self.front.setObjectName("front")
        self.retranslateUi()

    def submit(self) -> None:
        self.save(tickets.transfer, self.store, self.actor, self.ticket.id, service_id=self.service.currentData(),
                  counter_id=self.counter.currentData(), front=self.front.isChecked(), desk=self.desk)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Transfer {number}").format(number=self.ticket.number))
        self.set_intro(self.tr("Choose a service, a counter, or both. The customer keeps the number."))
        self.service.setItemText(0, self.tr("(the same service)"))
        self.counter.setItemText(0, self.tr("(any counter of the service)"))
        self.set_label("service", field_label(SERVICE))
        self.set_label("counter", field_label(COUNTER))
        self.set_label("front", self.tr("Place"))
        self.front.setText(self.tr("To the front of the queue (otherwise by original arrival)"))
        self.set_ok_text(self.tr("Transfer"))


class ReserveDialog(FormDialog):
    """Reserve a counter's next call for a ticket."""

    def __init__(self, store, actor, ticket, counters, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reserveDialog")
        self.store, self.actor, self.ticket = store, actor, ticket
        self.counter = self.add_row("counter", QComboBox(self), COUNTER)
        self.counter.setObjectName("counter")
        for counter in counters:
            if counter.open:
                self.counter.addItem(f"{counter.number} {counter.name}", counter.id)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(tickets.reserve_for_counter, self.store, self.actor, self.counter.currentData(), self.ticket.id)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Reserve a counter for {number}").format(number=self.ticket.number))
        self.set_intro(self.tr("The counter's next call takes this ticket."))
        self.set_label("counter", field_label(COUNTER))
        self.set_ok_text(self.tr("Reserve"))


class CallOutOfOrderDialog(FormDialog):
    """Call a chosen ticket out of order, with the reason."""

    def __init__(self, store, actor, desk, ticket, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outOfOrderDialog")
        self.store, self.actor, self.desk, self.ticket = store, actor, desk, ticket
        self.reason = _reason_edit(self)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(calling.call_ticket, self.store, self.actor, self.desk, self.ticket.id, reason=self.reason.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Call {number} out of order").format(number=self.ticket.number))
        self.set_intro(self.tr("Tickets before it keep their place. The reason goes into the audit trail."))
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Call"))
