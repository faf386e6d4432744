"""The counter page's panels (ui/queue/counter.py puts them together): the sign-in bar (which
counter this PC serves), the held ticket (the customer at the counter now), the command buttons
(the counter's five moves on the function keys, transfer and cancel) and the scan bar (a slip's
QR code, a ticket called out of order). Each shows what it is given and owns its own texts; the
page runs the commands and decides what is enabled."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.queue import rules
from ui.queue.models import state_text
from ui.tier_labels import tier_label
from ui.widgets import bind_key, styled_label

# A counter's five moves on the function keys, the same at every counter (named in the tooltips).
CALL_KEY, RECALL_KEY, NO_SHOW_KEY, START_KEY, FINISH_KEY = "F5", "F6", "F7", "F8", "F9"


def _button(parent: QWidget, name: str) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


class SignInBar(QWidget):
    """The counter chosen, sign in and out, and the line saying where this PC is signed in."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counter_box = QComboBox(self)
        self.counter_box.setObjectName("counterChoice")
        self.counter_box.setMinimumWidth(200)
        self.sign_in_button = _button(self, "signInCounter")
        self.sign_out_button = _button(self, "signOutCounter")
        self.status = styled_label("hint", self)
        self.status.setObjectName("counterStatus")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.counter_box, self.sign_in_button, self.sign_out_button):
            row.addWidget(widget)
        row.addWidget(self.status, 1)

    def show_counters(self, counters, usual_number: str) -> None:
        """Fill the choice when the branch's counters changed, keeping the one chosen (else the
        one this PC usually serves, ``usual_number`` from its settings)."""
        box = self.counter_box
        if box.count() == len(counters):
            return
        chosen = box.currentData()
        box.clear()
        for counter in counters:
            box.addItem(f"{counter.number} {counter.name}", counter.id)
        if chosen is not None:
            box.setCurrentIndex(max(0, box.findData(chosen)))
        else:
            usual = [c.id for c in counters if c.number == usual_number]
            if usual:
                box.setCurrentIndex(box.findData(usual[0]))

    def show_signed(self, signed: bool) -> None:
        self.counter_box.setEnabled(not signed)
        self.sign_in_button.setEnabled(not signed)
        self.sign_out_button.setEnabled(signed)

    def retranslateUi(self) -> None:  # noqa: N802
        self.sign_in_button.setText(self.tr("Sign in at this counter"))
        self.sign_out_button.setText(self.tr("Sign out"))


class HeldTicketPanel(QWidget):
    """The ticket at this counter in large type, with its service, customer, tier and state."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.current = QLabel(self)
        self.current.setObjectName("currentTicket")
        self.current.setProperty("role", "title")
        self.current.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.current_detail = styled_label("hint", self, wrap=True)
        self.current_detail.setObjectName("currentDetail")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.current)
        column.addWidget(self.current_detail)

    def show_held(self, held, signed: bool) -> None:
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


class CounterCommands(QWidget):
    """Call next, recall, no-show, start, finish (F5–F9), transfer and cancel, in a grid."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.call_button = _button(self, "callNext")
        self.call_button.setProperty("primary", True)
        self.recall_button = _button(self, "recall")
        self.no_show_button = _button(self, "noShow")
        self.start_button = _button(self, "startService")
        self.finish_button = _button(self, "finishService")
        self.transfer_button = _button(self, "transferHeld")
        self.cancel_button = _button(self, "cancelHeld")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, button in enumerate(self.buttons()):
            button.setMinimumHeight(34)
            grid.addWidget(button, i // 4, i % 4)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.call_button, self.recall_button, self.no_show_button, self.start_button,
                self.finish_button, self.transfer_button, self.cancel_button)

    def enable_for(self, held, signed: bool) -> None:
        """Only the moves the held ticket's state allows (calling: signed in, nobody held)."""
        state = held.state if held else None
        self.recall_button.setEnabled(state == rules.CALLED)
        self.no_show_button.setEnabled(state == rules.CALLED)
        self.start_button.setEnabled(state == rules.CALLED)
        self.finish_button.setEnabled(state == rules.SERVING)
        self.transfer_button.setEnabled(held is not None)
        self.cancel_button.setEnabled(state == rules.CALLED)
        self.call_button.setEnabled(signed and held is None)

    def retranslateUi(self) -> None:  # noqa: N802
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


class ScanBar(QWidget):
    """A slip's QR code scanned (the scanner types it and Enter), and the selected ticket called
    out of order."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scan_edit = QLineEdit(self)
        self.scan_edit.setObjectName("scanSlip")
        self.out_of_order_button = _button(self, "callOutOfOrder")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scan_edit, 1)
        row.addWidget(self.out_of_order_button)

    def retranslateUi(self) -> None:  # noqa: N802
        self.scan_edit.setPlaceholderText(self.tr("Scan a ticket slip's QR code here"))
        self.out_of_order_button.setText(self.tr("Call selected out of order…"))
