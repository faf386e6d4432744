"""The care policy page (客户维护策略) for administrators: how often each VIP tier must be
contacted, the complaint deadline of each level, whether weekends count, the cap of customers
per keeper, how far ahead birthdays show, the branches' time zone and the AUM band from which
each keeper role looks after customers. Saved as one audited setting; nothing here is code."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from app.auth.permissions import Role
from app.care.common import KEEPER_ROLES, care_policy, save_policy
from app.care.rules import LEVELS, CarePolicy, MaintenanceBand
from app.errors import UserError, ValidationError
from app.tiers.policy_store import policy_in_force_at
from ui.care.common import level_text, tier_text
from ui.messages import error_text, role_label
from ui.page import Page, PageContext
from ui.widgets import error_label, named_button, show_text, styled_label


def _spin(parent: QWidget, low: int, high: int, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setObjectName(name)
    return box


class CarePolicyPage(Page):
    watches = frozenset({"setting", "tier_policy", "staff_role"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("carePolicyPage")
        store = context.store
        with store.read() as session:
            tiers = policy_in_force_at(session, store.today())
        self.tiers = [b.code for b in tiers.bands if b.card_type is not None]
        self.contact_box = QGroupBox(self)
        form = QFormLayout(self.contact_box)
        self.days: dict[str, QSpinBox] = {}
        self.day_labels: dict[str, QLabel] = {}
        for tier in self.tiers:
            self.days[tier] = _spin(self.contact_box, 0, 366, f"days_{tier}")
            self.day_labels[tier] = QLabel(self.contact_box)
            form.addRow(self.day_labels[tier], self.days[tier])
        self.ahead = _spin(self.contact_box, 0, 60, "upcomingDays")
        self.ahead_label = QLabel(self.contact_box)
        form.addRow(self.ahead_label, self.ahead)

        self.complaint_box = QGroupBox(self)
        form = QFormLayout(self.complaint_box)
        self.hours: dict[int, QSpinBox] = {}
        self.hour_labels: dict[int, QLabel] = {}
        for level in LEVELS:
            self.hours[level] = _spin(self.complaint_box, 1, 720, f"hours_{level}")
            self.hour_labels[level] = QLabel(self.complaint_box)
            form.addRow(self.hour_labels[level], self.hours[level])
        self.weekends = QCheckBox(self.complaint_box)
        self.weekends.setObjectName("skipWeekends")
        form.addRow(self.weekends)
        self.zone = QLineEdit(self.complaint_box)
        self.zone.setObjectName("timeZone")
        self.zone_label = QLabel(self.complaint_box)
        form.addRow(self.zone_label, self.zone)

        self.keeper_box = QGroupBox(self)
        form = QFormLayout(self.keeper_box)
        self.cap = _spin(self.keeper_box, 1, 100_000, "managerCap")
        self.cap_label = QLabel(self.keeper_box)
        form.addRow(self.cap_label, self.cap)
        self.bounds: dict[str, QLineEdit] = {}
        self.bound_labels: dict[str, QLabel] = {}
        for role in KEEPER_ROLES:
            self.bounds[role] = QLineEdit(self.keeper_box)
            self.bounds[role].setObjectName(f"band_{role}")
            self.bound_labels[role] = QLabel(self.keeper_box)
            form.addRow(self.bound_labels[role], self.bounds[role])

        self.hint = styled_label("hint", self, wrap=True)
        self.error = error_label(self)
        self.save_button = named_button(self, "saveCarePolicy")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        columns = QHBoxLayout()
        columns.addWidget(self.contact_box)
        columns.addWidget(self.complaint_box)
        columns.addWidget(self.keeper_box)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslateUi()

    def refresh(self) -> None:
        policy = care_policy(self.context.store)
        for tier, box in self.days.items():
            box.setValue(policy.contact_days.get(tier, 0))
        for level, box in self.hours.items():
            box.setValue(policy.deadline_hours[level])
        self.ahead.setValue(policy.upcoming_days)
        self.weekends.setChecked(policy.skip_weekends)
        self.zone.setText(policy.time_zone)
        self.cap.setValue(policy.manager_cap)
        bands = {b.role: b.lower_bound for b in policy.bands}
        for role, edit in self.bounds.items():
            edit.setText(f"{bands[role]:.0f}" if role in bands else "")
        show_text(self.error, "")

    def policy(self) -> CarePolicy | None:
        """The policy as the form shows it; None (with the reason shown) for an amount that is not one."""
        bands = []
        for role, edit in self.bounds.items():
            raw = edit.text().strip().replace(",", "")
            if not raw:
                continue
            try:
                bound = Decimal(raw)
            except InvalidOperation:
                bound = None
            if bound is None or not bound.is_finite():
                show_text(self.error, self.tr("{role}: write an amount such as 200000").format(
                    role=role_label(Role(role))))
                return None
            bands.append(MaintenanceBand(bound, role))
        return CarePolicy(
            contact_days={t: b.value() for t, b in self.days.items() if b.value()},
            deadline_hours={level: b.value() for level, b in self.hours.items()},
            skip_weekends=self.weekends.isChecked(), manager_cap=self.cap.value(),
            upcoming_days=self.ahead.value(), time_zone=self.zone.text().strip(),
            bands=tuple(sorted(bands, key=lambda b: b.lower_bound)))

    def save(self) -> None:
        policy = self.policy()
        if policy is None:
            return
        try:
            self.command(lambda: save_policy(self.context.store, self.context.actor, policy))
        except ValidationError as error:
            show_text(self.error, error_text(error))
            return
        except UserError as error:
            if not self.handle_error(error):
                raise
            return
        show_text(self.error, "")
        self.context.dialogs.info(self, self.tr("Care policy"), self.tr("The care policy was saved."))

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr("Figures a bank sets for customer care; 0 days means no planned contact "
                                  "for that tier. Saving takes effect at once for everyone."))
        self.contact_box.setTitle(self.tr("Contact plan"))
        for tier, label in self.day_labels.items():
            label.setText(self.tr("{tier}: contact every (days)").format(tier=tier_text(tier)))
        self.ahead_label.setText(self.tr("Birthdays and dates shown ahead (days)"))
        self.complaint_box.setTitle(self.tr("Complaints"))
        for level, label in self.hour_labels.items():
            label.setText(self.tr("{level}: hours").format(level=level_text(level)))
        self.weekends.setText(self.tr("Weekends do not count towards deadlines and due dates"))
        self.zone_label.setText(self.tr("Branches' time zone"))
        self.keeper_box.setTitle(self.tr("Who looks after customers"))
        self.cap_label.setText(self.tr("Customers per keeper at most"))
        for role, label in self.bound_labels.items():
            label.setText(self.tr("{role} from AUM (CNY)").format(role=role_label(Role(role))))
        self.save_button.setText(self.tr("Save"))
