"""The queue setup page (lobby and branch managers): the branch's services with their number
prefix, its counters (which services each calls, open or closed), and the calling policy —
strict or interleaved, the ratio and maximum wait per tier, the recall gap, recalls before a
no-show, and when a silent counter PC counts as lost."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.queue import rules, setup, views
from app.queue.setup import COUNTER_NAME, COUNTER_NUMBER, PREFIX, SERVICE_NAME, SERVICES
from ui.forms import FormDialog
from ui.messages import error_text, field_label
from ui.queue.models import CONTEXT, sorted_table
from ui.columns import ColumnsModel
from ui.page import Page, PageContext
from ui.tables import selected
from ui.tier_labels import tier_label
from ui.widgets import error_label, show_text

SERVICE_COLUMNS = (
    (QT_TRANSLATE_NOOP("QueueTables", "Prefix"), lambda s: s.prefix, None),
    (QT_TRANSLATE_NOOP("QueueTables", "Service"), lambda s: s.name, None),
)


class ServiceDialog(FormDialog):
    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serviceDialog")
        self.store, self.actor = store, actor
        self.prefix = self.add_row("prefix", QLineEdit(self), PREFIX)
        self.prefix.setObjectName("prefix")
        self.prefix.setMaxLength(2)
        self.name = self.add_row("name", QLineEdit(self), SERVICE_NAME)
        self.name.setObjectName("name")
        self.retranslateUi()

    def submit(self) -> None:
        self.save(setup.add_service, self.store, self.actor, prefix=self.prefix.text(), name=self.name.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Add a service"))
        self.set_intro(self.tr("Its tickets are numbered with the prefix: W001, W002…, from 001 every day."))
        self.set_label("prefix", field_label(PREFIX))
        self.set_label("name", field_label(SERVICE_NAME))
        self.set_ok_text(self.tr("Add service"))


class CounterDialog(FormDialog):
    """A new counter, or the services of an existing one."""

    def __init__(self, store, actor, services, counter=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("counterDialog")
        self.store, self.actor, self.counter = store, actor, counter
        self.number = self.add_row("number", QLineEdit(self), COUNTER_NUMBER)
        self.number.setObjectName("number")
        self.name = self.add_row("name", QLineEdit(self), COUNTER_NAME)
        self.name.setObjectName("name")
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[int, QCheckBox] = {}
        for sid, prefix, name in services:
            check = QCheckBox(f"{prefix} {name}", box)
            check.setChecked(counter is not None and sid in counter.service_ids)
            column.addWidget(check)
            self.checks[sid] = check
        self.add_row("services", box, SERVICES)
        if counter is not None:
            self.number.setText(counter.number)
            self.name.setText(counter.name)
            self.number.setEnabled(False)
            self.name.setEnabled(False)
        self.retranslateUi()

    def chosen(self) -> list[int]:
        return [sid for sid, check in self.checks.items() if check.isChecked()]

    def submit(self) -> None:
        if self.counter is None:
            self.save(setup.add_counter, self.store, self.actor, number=self.number.text(), name=self.name.text(),
                      service_ids=self.chosen())
        else:
            self.save(setup.set_counter, self.store, self.actor, self.counter.id, service_ids=self.chosen())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Add a counter") if self.counter is None else
                            self.tr("Services of counter {number}").format(number=self.counter.number))
        self.set_label("number", field_label(COUNTER_NUMBER))
        self.set_label("name", field_label(COUNTER_NAME))
        self.set_label("services", field_label(SERVICES))
        self.set_ok_text(self.tr("Save"))


class QueueSetupPage(Page):
    watches = frozenset({"queue_service", "queue_counter", "queue_policy", "tier_policy"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.board: views.Board | None = None
        self.services_box, self.counters_box, self.policy_box = QGroupBox(self), QGroupBox(self), QGroupBox(self)
        self.services_model = ColumnsModel(SERVICE_COLUMNS, CONTEXT, self)
        self.services_view = sorted_table(self.services_box, self.services_model, "servicesTable")
        self.add_service_button = QPushButton(self.services_box)
        self.add_service_button.setObjectName("addService")
        left = QVBoxLayout(self.services_box)
        left.addWidget(self.services_view)
        left.addWidget(self.add_service_button)

        self.counters_model = ColumnsModel([
            (QT_TRANSLATE_NOOP("QueueTables", "Counter"), lambda c: f"{c.number} {c.name}", lambda c: c.number),
            (QT_TRANSLATE_NOOP("QueueTables", "Services"), self._services_text, None),
            (QT_TRANSLATE_NOOP("QueueTables", "Open"), lambda c: "✓" if c.open else "✗", None),
        ], CONTEXT, self)
        self.counters_view = sorted_table(self.counters_box, self.counters_model, "countersSetupTable")
        self.add_counter_button = QPushButton(self.counters_box)
        self.add_counter_button.setObjectName("addCounter")
        self.counter_services_button = QPushButton(self.counters_box)
        self.counter_services_button.setObjectName("counterServices")
        self.open_button = QPushButton(self.counters_box)
        self.open_button.setObjectName("openCloseCounter")
        buttons = QHBoxLayout()
        for button in (self.add_counter_button, self.counter_services_button, self.open_button):
            buttons.addWidget(button)
        middle = QVBoxLayout(self.counters_box)
        middle.addWidget(self.counters_view)
        middle.addLayout(buttons)

        self.mode = QComboBox(self.policy_box)
        self.mode.setObjectName("policyMode")
        self.mode.addItem("", rules.STRICT)
        self.mode.addItem("", rules.INTERLEAVED)
        self.tiers = QTableWidget(0, 4, self.policy_box)
        self.tiers.setObjectName("policyTiers")
        self.tiers.verticalHeader().setVisible(False)
        # The tier's name takes what the three figures' headers leave.
        self.tiers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tiers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tiers.setMaximumHeight(230)
        self.recall_gap, self.recalls, self.lost_after = QSpinBox(self), QSpinBox(self), QSpinBox(self)
        self.recall_gap.setRange(0, 600)
        self.recalls.setRange(0, 10)
        self.lost_after.setRange(30, 3600)
        self.receive_within = QSpinBox(self)
        self.receive_within.setObjectName("receiveWithin")
        self.receive_within.setRange(1, 60)
        self.rating_within = QSpinBox(self)
        self.rating_within.setObjectName("ratingWithin")
        self.rating_within.setRange(10, 120)
        self.rating_clerk = QComboBox(self)
        self.rating_clerk.setObjectName("ratingClerk")
        for choice in rules.RATING_CLERK_CHOICES:
            self.rating_clerk.addItem("", choice)
        self.save_button = QPushButton(self.policy_box)
        self.save_button.setObjectName("savePolicy")
        self.save_button.setProperty("primary", True)
        self.policy_error = error_label(self.policy_box)
        form = QFormLayout()
        form.addRow(field_label(rules.MODE), self.mode)
        form.addRow(self.tiers)
        form.addRow(field_label(rules.RECALL_GAP), self.recall_gap)
        form.addRow(field_label(rules.RECALLS), self.recalls)
        form.addRow(field_label(rules.LOST_AFTER), self.lost_after)
        form.addRow(field_label(rules.RECEIVE_WITHIN), self.receive_within)
        form.addRow(field_label(rules.RATING_WITHIN), self.rating_within)
        form.addRow(field_label(rules.RATING_CLERK), self.rating_clerk)
        self.form = form
        right = QVBoxLayout(self.policy_box)
        right.addLayout(form)
        right.addWidget(self.policy_error)
        right.addWidget(self.save_button)

        row = QHBoxLayout(self)
        row.addWidget(self.services_box, 2)
        row.addWidget(self.counters_box, 3)
        row.addWidget(self.policy_box, 3)
        self.add_service_button.clicked.connect(self.add_service)
        self.add_counter_button.clicked.connect(self.add_counter)
        self.counter_services_button.clicked.connect(self.counter_services)
        self.open_button.clicked.connect(self.open_close)
        self.save_button.clicked.connect(self.save_policy)
        self.retranslateUi()

    def _services_text(self, counter) -> str:
        prefixes = {sid: prefix for sid, prefix, _name in (self.board.services if self.board else [])}
        return " ".join(prefixes.get(sid, "?") for sid in counter.service_ids)

    def refresh(self) -> None:
        try:
            self.board = views.board(self.context.store, self.context.actor)
        except Exception as error:
            self.show_error(error)
            return
        self.services_model.set_rows(setup.services_of(self.context.store, self.context.actor))
        self.counters_model.set_rows(self.board.counters)
        self._show_policy(self.board.policy, self.board.tier_codes)

    def _show_policy(self, policy: rules.QueuePolicy, codes) -> None:
        self.mode.setCurrentIndex(self.mode.findData(policy.mode))
        self.tiers.setRowCount(len(codes))
        self.codes = list(reversed(codes))
        for row, code in enumerate(self.codes):
            self.tiers.setItem(row, 0, QTableWidgetItem(tier_label(code)))
            weight, wait = QSpinBox(self.tiers), QSpinBox(self.tiers)
            weight.setRange(1, 20)
            weight.setValue(policy.weight(code))
            wait.setRange(1, 480)
            wait.setValue(int(policy.max_wait(code).total_seconds() // 60))
            alert = QSpinBox(self.tiers)
            alert.setRange(1, 479)
            alert.setValue(int(policy.alert_after(code).total_seconds() // 60))
            self.tiers.setCellWidget(row, 1, weight)
            self.tiers.setCellWidget(row, 2, wait)
            self.tiers.setCellWidget(row, 3, alert)
        self.recall_gap.setValue(policy.recall_gap_seconds)
        self.recalls.setValue(policy.recalls_before_no_show)
        self.lost_after.setValue(policy.lost_after_seconds)
        self.receive_within.setValue(policy.receive_minutes)
        self.rating_within.setValue(policy.rating_seconds)
        self.rating_clerk.setCurrentIndex(max(0, self.rating_clerk.findData(policy.rating_clerk)))
        self.time_zone = policy.time_zone

    def policy_from_form(self) -> rules.QueuePolicy:
        return rules.make_policy(
            mode=self.mode.currentData(),
            weights={code: self.tiers.cellWidget(r, 1).value() for r, code in enumerate(self.codes)},
            max_wait_minutes={code: self.tiers.cellWidget(r, 2).value() for r, code in enumerate(self.codes)},
            alert_minutes={code: self.tiers.cellWidget(r, 3).value() for r, code in enumerate(self.codes)},
            recall_gap_seconds=self.recall_gap.value(), recalls_before_no_show=self.recalls.value(),
            lost_after_seconds=self.lost_after.value(), time_zone=self.time_zone,
            receive_minutes=self.receive_within.value(), rating_seconds=self.rating_within.value(),
            rating_clerk=self.rating_clerk.currentData(),
            # what this form does not show stays as stored
            **({"opens_at": self.board.policy.opens_at, "closes_at": self.board.policy.closes_at,
                "appointment_tier": self.board.policy.appointment_tier} if self.board else {}))

    def save_policy(self) -> None:
        show_text(self.policy_error, "")
        try:
            self.command(lambda: setup.save_policy(self.context.store, self.context.actor, self.policy_from_form()))
        except Exception as error:
            from app.errors import UserError

            if not isinstance(error, UserError):
                raise
            show_text(self.policy_error, error_text(error))
            return
        self.refresh()

    def _after(self, _result) -> None:
        self.refresh()

    def add_service(self):
        return self.open_form(ServiceDialog(self.context.store, self.context.actor, self), self._after)

    def add_counter(self):
        return self.open_form(CounterDialog(self.context.store, self.context.actor, self.board.services,
                                            parent=self), self._after)

    def counter_services(self):
        counter = selected(self.counters_view)
        if counter is None:
            return None
        return self.open_form(CounterDialog(self.context.store, self.context.actor, self.board.services,
                                            counter, self), self._after)

    def open_close(self) -> None:
        counter = selected(self.counters_view)
        if counter is None:
            return
        try:
            setup.set_counter(self.context.store, self.context.actor, counter.id, open=not counter.open)
        except Exception as error:
            self.show_error(error)
            return
        self._after(None)

    def retranslateUi(self) -> None:  # noqa: N802
        self.services_box.setTitle(self.tr("Services"))
        self.counters_box.setTitle(self.tr("Counters"))
        self.policy_box.setTitle(self.tr("Calling policy"))
        self.add_service_button.setText(self.tr("Add service…"))
        self.add_counter_button.setText(self.tr("Add counter…"))
        self.counter_services_button.setText(self.tr("Services of counter…"))
        self.open_button.setText(self.tr("Open / close"))
        self.mode.setItemText(0, self.tr("Strict: higher priority first"))
        self.mode.setItemText(1, self.tr("Interleaved by ratio"))
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Ratio"), self.tr("Maximum wait (min)"),
                                              self.tr("Alert (min)")])
        for row, (label, _field) in enumerate(((rules.MODE, None), (None, None), (rules.RECALL_GAP, None),
                                               (rules.RECALLS, None), (rules.LOST_AFTER, None),
                                               (rules.RECEIVE_WITHIN, None), (rules.RATING_WITHIN, None),
                                               (rules.RATING_CLERK, None))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label and item is not None and item.widget() is not None:
                item.widget().setText(field_label(label))
        for i, text in enumerate((self.tr("The display name"), self.tr("The staff number"), self.tr("Nothing"))):
            self.rating_clerk.setItemText(i, text)
        self.save_button.setText(self.tr("Save policy"))
        self.services_model.retranslate()
        self.counters_model.retranslate()
