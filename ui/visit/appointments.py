"""Appointments at the lobby (app/visit/appointments.py): the day's list with one click to check
a customer in (their ticket is issued at once: the appointment's priority within the window, a
normal ticket when late, said so), the customer found in the lobby booked for a window, a
booking cancelled (with a reason, if given), and the missed windows recorded as no-shows.
Opened from the lobby's "Appointments…" button. The one-click commands run off the GUI thread
(through the lobby page's :meth:`ui.page.Page.run_command`), the list's buttons off meanwhile.
A relationship manager's day list, on their care worklist, cancels a booking the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QTime
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QHBoxLayout, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QTimeEdit, QVBoxLayout, QWidget,
)

from app.csvio import ImportRefused
from app.errors import SessionExpired, UserError
from app.queue.common import SERVICE
from app.visit import appointments
from app.visit.appointment_rules import APPOINTMENT, BOOKED, DAY, STATE_LABELS, WINDOW
from app.visit.appointments import NOTE, REASON
from ui.forms import FormDialog
from ui.messages import error_text, field_label, translate
from ui.tier_labels import tier_label
from ui.widgets import styled_label

STARTS, ENDS = "starts", "ends"


class BookDialog(FormDialog):
    """Book the customer found in the lobby for a day, a window and a service, with a note."""

    def __init__(self, store, actor, customer_id: int, customer_text: str, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookAppointment")
        self.store, self.actor, self.customer_id, self.customer_text = store, actor, customer_id, customer_text
        self.day = self.add_row("day", QDateEdit(QDate(store.today()), self), DAY)  # the branches' day, not the PC's
        self.day.setCalendarPopup(True)
        self.starts = self.add_row(STARTS, QTimeEdit(QTime(10, 0), self), WINDOW)
        self.ends = self.add_row(ENDS, QTimeEdit(QTime(10, 30), self), WINDOW)
        self.service = self.add_row("service", QComboBox(self), SERVICE)
        for sid, prefix, name in services:
            self.service.addItem(f"{prefix} {name}", sid)
        self.note = self.add_row("note", QLineEdit(self), NOTE)
        self.note.setMaxLength(200)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(appointments.book_appointment,
                  self.store, self.actor, customer_id=self.customer_id, day=self.day.date().toPython(),
                  starts=self.starts.time().toString("HH:mm"), ends=self.ends.time().toString("HH:mm"),
                  service_id=self.service.currentData(), note=self.note.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Book an appointment"))
        self.set_intro(self.customer_text)
        self.set_label("day", field_label(DAY))
        self.set_label(STARTS, self.tr("From"))
        self.set_label(ENDS, self.tr("Until"))
        self.set_label("service", field_label(SERVICE))
        self.set_label("note", field_label(NOTE))
        self.set_ok_text(self.tr("Book"))


def appointment_text(row: appointments.AppointmentRow) -> str:
    """A booking in one line: its window, customer (masked), tier and service."""
    return f"{row.starts}–{row.ends} {row.customer_label} ({tier_label(row.tier)}) {row.service_name}"


class CancelAppointmentDialog(FormDialog):
    """Cancel one of ``rows`` (booked appointments), with a reason if the person gives one."""

    def __init__(self, store, actor, rows, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cancelAppointment")
        self.store, self.actor = store, actor
        self.choice = self.add_row("appointment", QComboBox(self), APPOINTMENT)
        for row in rows:
            self.choice.addItem(appointment_text(row), row.id)
        self.reason = self.add_row("reason", QLineEdit(self), REASON)
        self.reason.setMaxLength(200)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(appointments.cancel_appointment, self.store, self.actor, self.choice.currentData(),
                  reason=self.reason.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Cancel an appointment"))
        self.set_intro(self.tr("The customer called the appointment off. The reason is optional; it is "
                               "kept in the audit trail."))
        self.set_label("appointment", field_label(APPOINTMENT))
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Cancel appointment"))
        self.cancel_button.setText(self.tr("Keep it"))


class AppointmentsDialog(QDialog):
    """Today's appointments of the lobby's branch; check-in, booking and no-shows."""

    COLUMNS = 7

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.setObjectName("appointmentsDialog")
        self.rows: list[appointments.AppointmentRow] = []
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)   # rows go by their time, no numbers, as every list
        self.message = styled_label("hint", self, wrap=True)
        self.check_in_button = QPushButton(self)
        self.check_in_button.setObjectName("checkIn")
        self.check_in_button.setProperty("primary", True)
        self.check_in_button.clicked.connect(self.check_in)
        self.book_button = QPushButton(self)
        self.book_button.clicked.connect(self.book)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelAppointment")
        self.cancel_button.clicked.connect(self.cancel)
        self.no_show_button = QPushButton(self)
        self.no_show_button.clicked.connect(self.record_no_shows)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_file)
        self.commands = (self.check_in_button, self.book_button, self.cancel_button, self.no_show_button,
                         self.import_button)
        buttons = QHBoxLayout()
        for button in self.commands:
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 420)
        self.retranslateUi()
        self.refresh()

    @property
    def context(self):
        return self.page.context

    def refresh(self) -> None:
        self.rows = appointments.appointments_on(self.context.store, self.context.actor)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [f"{row.starts}–{row.ends}", row.customer_label, tier_label(row.tier), row.service_name,
                      translate("appointment_states", STATE_LABELS[row.state]), row.ticket_number, row.note]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def select(self, appointment_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.id == appointment_id:
                self.table.selectRow(r)

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _run(self, work, done, failed=None):
        """Run the command ``work()`` off the GUI thread, the list's buttons off meanwhile; then
        ``done(result)``, the list and the lobby reloaded; a refusal is said under the list
        (or handed to ``failed``). Returns the background task."""
        def finished(result) -> None:
            done(result)
            self.refresh()
            self.page.refresh()

        return self.page.run_command(lambda _progress: work(), finished, on_failure=failed or self._failed,
                                     busy=self.commands)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError) and not isinstance(error, SessionExpired):
            self.message.setText(error_text(error))
        else:
            self.page.show_error(error)  # an ended session is signalled, a bug raised

    def check_in(self):
        """Check the selected booking in: its ticket is issued; the lobby's queue shows it.
        Returns the background task (None when nothing was chosen)."""
        chosen = self._selected()
        if chosen is None or chosen.state != BOOKED:
            self.message.setText(self.tr("Choose a booked appointment."))
            return None

        def done(result) -> None:
            row, on_time = result
            text = (self.tr("Ticket {number} issued with the appointment's priority.") if on_time else
                    self.tr("Ticket {number} issued as a normal ticket: the appointment's window has passed."))
            self.message.setText(text.format(number=row.ticket_number))

        return self._run(lambda: appointments.check_in(self.context.store, self.context.actor, chosen.id), done)

    def cancel(self):
        """Cancel the selected booking (its reason asked for in a form)."""
        chosen = self._selected()
        if chosen is None or chosen.state != BOOKED:
            self.message.setText(self.tr("Choose a booked appointment."))
            return None
        dialog = CancelAppointmentDialog(self.context.store, self.context.actor, [chosen], self)
        dialog.committed.connect(self.page.publish)
        dialog.saved.connect(self._cancelled)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _cancelled(self, row) -> None:
        self.message.setText(self.tr("The appointment {window} was cancelled.").format(
            window=f"{row.starts}–{row.ends}"))
        self.refresh()

    def book(self):
        customer_id = self.page.customer_box.currentData()
        if customer_id is None:
            self.message.setText(self.tr("Find the customer in the lobby's search first."))
            return None
        dialog = BookDialog(self.context.store, self.context.actor, customer_id, self.page.customer_box.currentText(),
                            self.page.current.services, self)
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def record_no_shows(self):
        def done(count: int) -> None:
            self.message.setText(self.tr("{count} missed appointment(s) recorded as no-shows.").format(count=count))

        return self._run(lambda: appointments.record_no_shows(self.context.store, self.context.actor), done)

    def import_file(self):
        """Bookings of other channels from a CSV file, read off the GUI thread; bad lines are
        said (line and reason) and, if the person agrees, skipped."""
        dialogs = self.context.dialogs
        path = dialogs.open_file(self, self.tr("Import appointments"), self.tr("CSV files (*.csv)"))
        if not path:
            return None
        run = lambda skip: appointments.import_appointments(  # noqa: E731
            self.context.store, self.context.actor, Path(path), skip_bad=skip)

        def imported(result) -> None:
            self.message.setText(self.tr("{count} appointment(s) imported.").format(count=result[0]))

        def refused(error: BaseException) -> None:
            if not isinstance(error, ImportRefused):
                return self._failed(error)
            if dialogs.confirm(self, self.tr("Import appointments"), error_text(error) + "\n"
                               + self.tr("Import the good lines and skip the bad ones?")):
                self._run(lambda: run(True), imported)
            return None

        return self._run(lambda: run(False), imported, refused)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Today's appointments"))
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Customer"), self.tr("Tier"), self.tr("Service"),
                                              self.tr("State"), self.tr("Ticket"), self.tr("Note")])
        self.check_in_button.setText(self.tr("Check in"))
        self.book_button.setText(self.tr("Book…"))
        self.cancel_button.setText(self.tr("Cancel appointment…"))
        self.no_show_button.setText(self.tr("Record no-shows"))
        self.import_button.setText(self.tr("Import…"))


class AppointmentsButton(QPushButton):
    """The lobby's "Appointments…" button; opens the day's list (``page``: a LobbyPage)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.setObjectName("appointmentsButton")
        self.clicked.connect(self.open)
        self.dialog: AppointmentsDialog | None = None
        self.retranslateUi()

    def open(self) -> AppointmentsDialog:
        self.dialog = AppointmentsDialog(self.page)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def retranslateUi(self) -> None:  # noqa: N802
        self.setText(self.tr("Appointments…"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class MyAppointmentsLine(QWidget):
    """A relationship manager's appointments of the day, on their care worklist's Today tab: the
    bookings of the customers they look after, by time, with their state; one of those still
    booked cancelled when the customer calls it off."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("myAppointments")
        self.label = styled_label("hint", self, wrap=True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelMyAppointment")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.cancel_button)
        self.rows: list[appointments.AppointmentRow] = []
        self.setVisible(False)
        self.retranslateUi()

    def booked(self) -> list[appointments.AppointmentRow]:
        return [r for r in self.rows if r.state == BOOKED]

    def cancel(self):
        """Choose one of the day's booked appointments and cancel it (a form, saved off the GUI thread)."""
        booked = self.booked()
        if not booked:
            return None
        dialog = CancelAppointmentDialog(self.context.store, self.context.actor, booked, self)
        dialog.committed.connect(lambda tables: self.context.changes.publish(tables, self))
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        try:
            self.rows = appointments.appointments_on(self.context.store, self.context.actor, mine=True)
        except UserError:
            return
        self.setVisible(bool(self.rows))
        self.cancel_button.setVisible(bool(self.booked()))
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.cancel_button.setText(self.tr("Cancel an appointment…"))
        if not self.rows:
            return
        parts = [self.tr("{starts}–{ends} {name} ({tier}) {service}, {state}").format(
            starts=r.starts, ends=r.ends, name=r.customer_label, tier=tier_label(r.tier), service=r.service_name,
            state=translate("appointment_states", STATE_LABELS[r.state])) for r in self.rows]
        self.label.setText(self.tr("My appointments today: {list}").format(list=self.tr("; ").join(parts)))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
