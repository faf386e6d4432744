"""Form dialogs of the care screens: a contact record (new or edit), a complaint accepted, and
one step of a complaint (assign, investigate, resolve, close after follow-up). Each calls one
care service; a refusal stays in the dialog with what was typed, naming the field."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget,
)

from app.auth.permissions import Permission
from app.care import assignment, complaints, contacts
from app.care.common import care_policy
from app.care.contacts import ContactInput, ContactRow
from app.care.rules import (
    CHANNEL, CHANNELS, CONTACT_METHOD, CONTACT_METHODS, CONTACTED_AT, CONTENT, FOLLOW_UP_DATE,
    FOLLOW_UP_STATUS, FOLLOW_UP_STATUSES, INVESTIGATION, LEVEL, LEVELS, NEEDS, PLACE, RESOLUTION,
    SATISFACTION, SATISFACTIONS, local_today, to_local,
)
from app.care.complaints import HANDLER, NOTE, ComplaintRow
from ui.care.common import channel_text, follow_up_text, level_text, method_text, satisfaction_text
from ui.forms import FormDialog
from ui.messages import field_label


def _text(dialog: FormDialog, key: str, field: str, height: int = 64) -> QPlainTextEdit:
    edit = dialog.add_row(key, QPlainTextEdit(dialog), field)
    edit.setObjectName(key)
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def _qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


class ContactDialog(FormDialog):
    """Record a contact with one customer, or change one record seen at its version."""

    def __init__(self, store, actor, customer_id: int, customer_name: str, record: ContactRow | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.store, self.actor, self.customer_id, self.record = store, actor, customer_id, record
        self.customer_name = customer_name
        policy = care_policy(store)
        now = to_local(store.clock(), policy)
        self.method = self.add_row("method", QComboBox(self), CONTACT_METHOD)
        self.method.setObjectName("contactMethod")
        self.when = self.add_row("when", QDateTimeEdit(self), CONTACTED_AT)
        self.when.setObjectName("contactedAt")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.place = self.add_row("place", QLineEdit(self), PLACE)
        self.place.setObjectName("contactPlace")
        self.content = _text(self, "content", CONTENT, 80)
        self.needs = _text(self, "needs", NEEDS)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.follow_up = QCheckBox(row)
        self.follow_up.setObjectName("followUp")
        self.follow_date = QDateEdit(row)
        self.follow_date.setObjectName("followUpDate")
        self.follow_date.setDisplayFormat("yyyy-MM-dd")
        self.follow_date.setCalendarPopup(True)
        line.addWidget(self.follow_up)
        line.addWidget(self.follow_date, 1)
        self.add_row("follow_up", row, FOLLOW_UP_DATE)
        self._fields[FOLLOW_UP_DATE] = self.follow_date
        self.status = self.add_row("status", QComboBox(self), FOLLOW_UP_STATUS)
        self.status.setObjectName("followUpStatus")
        self.follow_up.toggled.connect(self.follow_date.setEnabled)
        if record is None:
            self.when.setDateTime(QDateTime(_qdate(now.date()), QTime(now.hour, now.minute)))
            self.follow_date.setDate(_qdate(local_today(store.clock(), policy)))
            self.follow_date.setEnabled(False)
        else:
            at = record.contacted_at
            self.when.setDateTime(QDateTime(_qdate(at.date()), QTime(at.hour, at.minute)))
            self.place.setText(record.place)
            self.content.setPlainText(record.content)
            self.needs.setPlainText(record.needs)
            self.follow_up.setChecked(record.follow_up_on is not None)
            self.follow_date.setDate(_qdate(record.follow_up_on or local_today(store.clock(), policy)))
            self.follow_date.setEnabled(record.follow_up_on is not None)
        self.retranslateUi()
        if record is not None:
            self.method.setCurrentIndex(self.method.findData(record.method))
            self.status.setCurrentIndex(self.status.findData(record.follow_up_status))
        self.status.setVisible(record is not None)
        self._labels["status"].setVisible(record is not None)

    def input(self) -> ContactInput:
        when = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        follow = self.follow_date.date().toPython() if self.follow_up.isChecked() else None
        status = self.status.currentData() if self.record is not None else None
        if follow is None:
            status = None
        elif status == "none":
            status = None
        return ContactInput(method=self.method.currentData(), content=self.content.toPlainText(),
                            contacted_at=when if isinstance(when, datetime) else None,
                            place=self.place.text(), needs=self.needs.toPlainText(), follow_up_on=follow,
                            follow_up_status=status)

    def submit(self) -> None:
        data = self.input()
        if self.record is None:
            self.save(contacts.record_contact, self.store, self.actor, self.customer_id, data)
        else:
            self.save(contacts.update_contact, self.store, self.actor, self.record.id, data,
                      expected_version=self.record.version)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Record a contact") if self.record is None else self.tr("Change a contact record"))
        self.set_intro(self.tr("Customer: {name}").format(name=self.customer_name))
        current = self.method.currentData()
        self.method.clear()
        for code in CONTACT_METHODS:
            self.method.addItem(method_text(code), code)
        if current:
            self.method.setCurrentIndex(self.method.findData(current))
        current = self.status.currentData()
        self.status.clear()
        for code in FOLLOW_UP_STATUSES:
            self.status.addItem(follow_up_text(code), code)
        if current:
            self.status.setCurrentIndex(self.status.findData(current))
        for key, field in (("method", CONTACT_METHOD), ("when", CONTACTED_AT), ("place", PLACE),
                           ("content", CONTENT), ("needs", NEEDS), ("follow_up", FOLLOW_UP_DATE),
                           ("status", FOLLOW_UP_STATUS)):
            self.set_label(key, field_label(field))
        self.place.setPlaceholderText(self.tr("e.g. VIP room, customer's office"))
        self.follow_up.setText(self.tr("Follow up on"))
        self.set_ok_text(self.tr("Save"))


class ComplaintDialog(FormDialog):
    """Accept a customer's complaint: channel, level (sets the deadline), what they said."""

    def __init__(self, store, actor, customer_id: int, customer_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complaintDialog")
        self.store, self.actor, self.customer_id, self.customer_name = store, actor, customer_id, customer_name
        self.hours = care_policy(store).deadline_hours
        self.channel = self.add_row("channel", QComboBox(self), CHANNEL)
        self.channel.setObjectName("complaintChannel")
        self.level = self.add_row("level", QComboBox(self), LEVEL)
        self.level.setObjectName("complaintLevel")
        self.content = _text(self, "content", CONTENT, 96)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(complaints.accept_complaint, self.store, self.actor, self.customer_id,
                  channel=self.channel.currentData(), content=self.content.toPlainText(),
                  level=self.level.currentData())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Accept a complaint"))
        self.set_intro(self.tr("Customer: {name}. The deadline runs from now.").format(name=self.customer_name))
        channel, level = self.channel.currentData(), self.level.currentData()
        self.channel.clear()
        for code in CHANNELS:
            self.channel.addItem(channel_text(code), code)
        self.level.clear()
        for code in LEVELS:
            self.level.addItem(self.tr("{level}: answer within {hours} h").format(
                level=level_text(code), hours=self.hours[code]), code)
        if channel:
            self.channel.setCurrentIndex(self.channel.findData(channel))
        if level:
            self.level.setCurrentIndex(self.level.findData(level))
        for key, field in (("channel", CHANNEL), ("level", LEVEL), ("content", CONTENT)):
            self.set_label(key, field_label(field))
        self.set_ok_text(self.tr("Accept"))


ASSIGN, INVESTIGATE, RESOLVE, CLOSE = "assign", "investigate", "resolve", "close"


class ComplaintStepDialog(FormDialog):
    """One step of a complaint seen at its version: assign it, start investigating, resolve it
    (the resolution in words is required), or close it after asking the customer."""

    def __init__(self, store, actor, complaint: ComplaintRow, step: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"complaint_{step}")
        self.store, self.actor, self.complaint, self.step = store, actor, complaint, step
        self.handler = self.investigation = self.resolution = self.satisfaction = self.note = None
        if step == ASSIGN:
            self.handler = self.add_row("handler", QComboBox(self), HANDLER)
            self.handler.setObjectName("complaintHandler")
            if actor.may(Permission.ASSIGN_CUSTOMERS):
                for person in assignment.staff_loads(store, actor):
                    self.handler.addItem(person.display_name, person.id)
            else:
                self.handler.addItem(actor.display_name, actor.account_id)
            if complaint.assigned_to is not None:
                self.handler.setCurrentIndex(max(0, self.handler.findData(complaint.assigned_to)))
        if step in (INVESTIGATE, RESOLVE):
            self.investigation = _text(self, "investigation", INVESTIGATION, 80)
            self.investigation.setPlainText(complaint.investigation)
        if step in (RESOLVE, CLOSE):
            self.resolution = _text(self, "resolution", RESOLUTION, 80)
            self.resolution.setPlainText(complaint.resolution)
            self.resolution.setReadOnly(step == CLOSE and bool(complaint.resolution))
        if step == CLOSE:
            self.satisfaction = self.add_row("satisfaction", QComboBox(self), SATISFACTION)
            self.satisfaction.setObjectName("satisfaction")
            self.note = _text(self, "note", NOTE)
        self.retranslateUi()

    def submit(self) -> None:
        c, store, actor = self.complaint, self.store, self.actor
        if self.step == ASSIGN:
            staff = self.handler.currentData()
            self.save(complaints.assign_complaint, store, actor, c.id, staff, expected_version=c.version)
        elif self.step == INVESTIGATE:
            note = self.investigation.toPlainText()
            self.save(complaints.start_investigation, store, actor, c.id, expected_version=c.version, note=note)
        elif self.step == RESOLVE:
            resolution, investigation = self.resolution.toPlainText(), self.investigation.toPlainText()
            self.save(complaints.resolve_complaint, store, actor, c.id, expected_version=c.version,
                      resolution=resolution, investigation=investigation)
        else:
            resolution = "" if self.resolution.isReadOnly() else self.resolution.toPlainText()
            satisfaction, note = self.satisfaction.currentData() or "", self.note.toPlainText()
            self.save(complaints.close_complaint, store, actor, c.id, expected_version=c.version,
                      satisfaction=satisfaction, note=note, resolution=resolution)

    def retranslateUi(self) -> None:  # noqa: N802
        titles = {ASSIGN: self.tr("Assign the complaint"), INVESTIGATE: self.tr("Start the investigation"),
                  RESOLVE: self.tr("Resolve the complaint"), CLOSE: self.tr("Follow up and close")}
        self.setWindowTitle(titles[self.step])
        self.set_intro(self.tr("{customer}: {content}").format(customer=self.complaint.customer_name,
                                                               content=self.complaint.content))
        if self.handler is not None:
            self.set_label("handler", field_label(HANDLER))
        if self.investigation is not None:
            self.set_label("investigation", field_label(INVESTIGATION))
        if self.resolution is not None:
            self.set_label("resolution", field_label(RESOLUTION))
        if self.satisfaction is not None:
            current = self.satisfaction.currentData()
            self.satisfaction.clear()
            self.satisfaction.addItem(self.tr("— ask the customer —"), "")
            for code in SATISFACTIONS:
                self.satisfaction.addItem(satisfaction_text(code), code)
            self.satisfaction.setCurrentIndex(max(0, self.satisfaction.findData(current or "")))
            self.set_label("satisfaction", field_label(SATISFACTION))
            self.set_label("note", field_label(NOTE))
        oks = {ASSIGN: self.tr("Assign"), INVESTIGATE: self.tr("Start"), RESOLVE: self.tr("Resolve"),
               CLOSE: self.tr("Close the complaint")}
        self.set_ok_text(oks[self.step])
