"""Form dialogs of the card screens: an application with its eligibility shown as it is
chosen, a branch manager's decision, the counter's issue wizard (serial, card number, the old
card, then a confirmation), loss, cancellation and the signed agreement. Each calls one card
service; a refusal stays in the dialog naming the field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget,
)

from app.cards import applications, issue, paperwork, servicing
from app.cards.applications import ApplicationRow
from app.cards.issue import OldCard
from app.cards.rules import (
    CARD_NUMBER, COMMENT, KIND, KINDS, NOTE, OLD_CARD, REASON, REPLACING_KINDS, SIGNED_ON, WITNESS,
)
from app.cards.views import CardRow, my_drawer
from app.errors import UserError
from app.stock.rules import SERIAL
from app.customers.search import search_customers
from app.tiers.rules import CARD_TYPE, CARD_TYPES
from ui.cards.models import card_type_text, kind_text
from ui.formatting import local_day
from ui.forms import FormDialog
from ui.messages import error_text, field_label, translate
from ui.swipe import SwipeCatcher
from ui.tier_labels import tier_label
from ui.widgets import styled_label

CIF = "CIF number"
MATCH_LIMIT = 20


def _combo(dialog: FormDialog, key: str, field: str | None, items, text) -> QComboBox:
    box = dialog.add_row(key, QComboBox(dialog), field)
    box.setObjectName(key)
    for value in items:
        box.addItem(text(value), value)
    return box


def _line(dialog: FormDialog, key: str, field: str | None, text: str = "") -> QLineEdit:
    edit = dialog.add_row(key, QLineEdit(dialog), field)
    edit.setObjectName(key)
    edit.setText(text)
    return edit


def _pick(box: QComboBox, value) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def reason_text(error: UserError) -> str:
    """An error's translated reason without its field (where the field is plain to see)."""
    return error_text(type(error)(error.template, **error.params))


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def money(value) -> str:
    return "—" if value is None else f"{value:,.2f}"


class OldCardRow(QWidget):
    """Returned (to stock, for destruction) or not returned with a reason."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.returned = QRadioButton(self)
        self.returned.setObjectName("oldReturned")
        self.kept = QRadioButton(self)
        self.kept.setObjectName("oldKept")
        group = QButtonGroup(self)
        group.addButton(self.returned)
        group.addButton(self.kept)
        self.returned.setChecked(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.returned)
        layout.addWidget(self.kept)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.returned.setText(self.tr("Handed back (to stock, for destruction)"))
        self.kept.setText(self.tr("Not handed back"))


# ----------------------------------------------------------------------------- application


class ApplicationDialog(FormDialog):
    """Enter a card application; the eligibility (tier, AUM, exception, card held) and the
    reason when not eligible show as the customer, kind and card type are chosen."""

    def __init__(self, store, actor, *, customer_id: int | None = None, kind: str = "new",
                 card_type: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("applicationDialog")
        self.setMinimumWidth(560)
        self.store, self.actor, self.customer_id = store, actor, customer_id
        self._found_text = ""
        self.cif = _line(self, "cif", CIF)
        self.cif.setVisible(customer_id is None)
        self.matches = self.add_row("matches", QComboBox(self))
        self.matches.setObjectName("customerMatches")
        self.matches.setVisible(False)
        self._labels["matches"].setVisible(False)
        self.customer = styled_label("hint", self)
        self.customer.setObjectName("applicationCustomer")
        self.add_row("customer", self.customer)
        self.kind = _combo(self, "kind", KIND, KINDS, kind_text)
        self.card_type = _combo(self, "card_type", CARD_TYPE, CARD_TYPES, card_type_text)
        self.note = _line(self, "note", NOTE)
        self.facts = styled_label("hint", self, wrap=True)
        self.facts.setObjectName("eligibilityFacts")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("eligibilityVerdict")
        self.verdict.setWordWrap(True)
        self.add_row("facts", self.facts)
        self.add_row("verdict", self.verdict)
        _pick(self.kind, kind)
        if card_type:
            _pick(self.card_type, card_type)
        self.eligible = False
        self.cif.editingFinished.connect(self._find_customer)
        SwipeCatcher(self.cif, store).refused.connect(lambda error: self.show_error(error, self.cif))
        self.matches.currentIndexChanged.connect(
            lambda index: self._choose(self.matches.itemData(index)) if index >= 0 else None)
        self.kind.currentIndexChanged.connect(self.check)
        self.card_type.currentIndexChanged.connect(self.check)
        self.retranslateUi()
        if customer_id is not None:
            self.check()
        else:
            self.cif.setFocus()

    def _find_customer(self) -> None:
        """Find the customer by what was typed: name (or pinyin), ID or phone tail, card number
        or CIF number. One match is taken; several are offered to choose from; none clears the
        customer shown before, so an application never goes to the previous one."""
        self.clear_error()
        typed = self.cif.text().strip()
        if not typed or typed == self._found_text:
            return
        self._found_text = typed
        self.matches.clear()
        try:
            found = [row for row in search_customers(self.store, self.actor, typed, limit=MATCH_LIMIT)
                     if row.active]
        except UserError as error:
            found = []
            self.show_error(error, self.cif)
        self._show_matches(len(found) > 1)
        if not found:
            self._choose(None)
            if not self.error.isVisible():
                self.show_error(self.tr("No customer found for {text} in your scope: try the name, "
                                        "the last digits of the ID, a card number or the CIF number.")
                                .format(text=typed), self.cif)
            return
        self.matches.blockSignals(True)
        for row in found:
            self.matches.addItem(f"{row.name} · {row.cif_no} · {row.id_masked} · {row.branch_code}", row)
        self.matches.blockSignals(False)
        self._choose(found[0])
        if len(found) > 1:
            self.matches.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter in the find field finds the customer; it does not submit the application."""
        if _is_enter(event) and self.focusWidget() is self.cif:
            self._find_customer()
            return
        super().keyPressEvent(event)

    def _show_matches(self, visible: bool) -> None:
        self.matches.setVisible(visible)
        self._labels["matches"].setVisible(visible)

    def _choose(self, row) -> None:
        self.customer_id = row.id if row is not None else None
        self.customer.setText(f"{row.name} · {row.cif_no} · {row.branch_code}" if row is not None else "")
        self.check()

    def check(self) -> None:
        """Show the eligibility of what is chosen now (nothing is written)."""
        self.eligible = False
        if self.customer_id is None:
            self.facts.setText("")
            self.verdict.setText("")
            return
        try:
            facts = applications.check_application(self.store, self.actor, self.customer_id,
                                                    kind=self.kind.currentData(), card_type=self.card_type.currentData())
        except UserError as error:
            self.verdict.setText(error_text(error))
            self.verdict.setProperty("role", "error")
            return
        held = facts.holding.active_type or facts.holding.lost_type or facts.holding.expired_type
        self.facts.setText(self.tr(
            "Tier: {tier} (entitles to {entitled}) · rolling quarterly average AUM: {average} · "
            "exception: {exception} · card held: {held}").format(
            tier=tier_label(facts.tier),
            entitled=card_type_text(facts.entitled) if facts.entitled else self.tr("no VIP card"),
            average=money(facts.average), exception=facts.exception_note or self.tr("none"),
            held=card_type_text(held) if held else self.tr("none")))
        self.eligible = facts.verdict.eligible
        if facts.verdict.eligible:
            self.verdict.setText(self.tr("Eligible."))
            self.verdict.setStyleSheet("color: #1b7f3b; font-weight: 600;")
        else:
            self.verdict.setText(self.tr("Not eligible: {reason}").format(
                reason=reason_text(facts.verdict.refusal())))
            self.verdict.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.fit_contents()

    def submit(self) -> None:
        if self.cif.isVisible() and self.cif.text().strip() != self._found_text:
            self._find_customer()                     # typed, then OK at once: find first
            return
        if self.customer_id is None:
            self.show_error(self.tr("Find the customer first."), self.cif)
            return
        self.save(applications.submit_application, self.store, self.actor, self.customer_id,
                  kind=self.kind.currentData(), card_type=self.card_type.currentData(), note=self.note.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("New card application"))
        self.set_intro(self.tr("The branch manager approves it; the counter then issues the card."))
        self.set_label("cif", self.tr("Find customer"))
        self.cif.setPlaceholderText(self.tr("Name, ID tail, card number or CIF number; Enter"))
        self.set_label("matches", self.tr("Matches"))
        self.set_label("customer", self.tr("Customer"))
        self.set_label("kind", field_label(KIND))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("note", field_label(NOTE))
        self.set_label("facts", self.tr("Eligibility"))
        self.set_label("verdict", "")
        self.set_ok_text(self.tr("Submit for approval"))
        self.check()


def application_summary(row: ApplicationRow) -> str:
    return QCoreApplication.translate("CardDialogs", "{name} ({cif}) · {kind} · {card} · entered by {who} on {day}").format(
        name=row.customer_name, cif=row.cif_no, kind=kind_text(row.kind), card=card_type_text(row.card_type),
        who=row.entered_by_name, day=local_day(row.entered_at))


class DecisionDialog(FormDialog):
    """A branch manager approves or rejects an application, with a comment."""

    def __init__(self, store, actor, row: ApplicationRow, *, approve: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.store, self.actor, self.row, self.approve = store, actor, row, approve
        self.comment = _line(self, "comment", COMMENT)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(applications.decide_application, self.store, self.actor, self.row.id, approve=self.approve,
                  comment=self.comment.text(), expected_version=self.row.version)

    def retranslateUi(self) -> None:  # noqa: N802
        row = self.row
        self.setWindowTitle(self.tr("Approve card application") if self.approve else self.tr("Reject card application"))
        self.set_intro(application_summary(row) + "\n" + self.tr(
            "Tier when entered: {tier} · AUM: {average} · exception: {exception}").format(
            tier=tier_label(row.tier), average=money(row.average),
            exception=row.exception_note or self.tr("none")))
        self.set_label("comment", field_label(COMMENT))
        self.set_ok_text(self.tr("Approve") if self.approve else self.tr("Reject"))


class WithdrawDialog(FormDialog):
    """Cancel an open application, with the reason."""

    def __init__(self, store, actor, row: ApplicationRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("withdrawDialog")
        self.store, self.actor, self.row = store, actor, row
        self.reason = _line(self, "reason", REASON)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(applications.withdraw_application, self.store, self.actor, self.row.id, reason=self.reason.text(),
                  expected_version=self.row.version)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Cancel card application"))
        self.set_intro(application_summary(self.row))
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Cancel application"))


# ----------------------------------------------------------------------------- issue


class IssueDialog(FormDialog):
    """The issue wizard: step 1 takes the serial from one's own drawer (picked, or scanned over
    the suggested lowest one), the card number (checked as it is typed) and what became of the
    old card; step 2 shows it all to confirm, and issues in one transaction."""

    def __init__(self, store, actor, row: ApplicationRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("issueDialog")
        self.setMinimumWidth(560)
        self.store, self.actor, self.row = store, actor, row
        self.confirming = False
        drawer = {d.card_type: d for d in my_drawer(store, actor)}.get(row.card_type)
        self.in_drawer = drawer.count if drawer else 0
        self.serial = _line(self, "serial", SERIAL, drawer.next_serial if drawer and drawer.next_serial else "")
        self.card_number = _line(self, "card_number", CARD_NUMBER)
        self.number_check = styled_label("hint", self, wrap=True)
        self.number_check.setObjectName("numberCheck")
        self.add_row("number_check", self.number_check)
        self.form.setRowVisible(self.number_check, False)
        self.replacing = row.kind in REPLACING_KINDS
        self.old_card = OldCardRow(self)
        self.add_row("old_card", self.old_card, OLD_CARD)
        self.old_reason = _line(self, "old_reason", REASON)
        self.old_card.setVisible(self.replacing)
        self.old_reason.setVisible(self.replacing)
        self._labels["old_card"].setVisible(self.replacing)
        self._labels["old_reason"].setVisible(self.replacing)
        self.summary = QLabel(self)
        self.summary.setObjectName("issueSummary")
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.layout().insertWidget(2, self.summary)
        self.card_number.textChanged.connect(self._number_changed)
        SwipeCatcher(self.card_number, store).refused.connect(self.show_error)
        self.serial.textChanged.connect(self._serial_changed)
        self.old_card.kept.toggled.connect(lambda _on: self.retranslateUi())
        self.retranslateUi()
        self.serial.selectAll()          # a scanned serial replaces the suggested one
        self.serial.setFocus()
        if not self.in_drawer:           # said at once, not two steps in
            self.show_error(self.tr("Your drawer holds no blank {card}: ask the custodian for a hand-out "
                                    "(on the stock page) before issuing this card.")
                            .format(card=card_type_text(row.card_type)))
            self.ok_button.setEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """A scanner's Enter after the serial moves on to the card number (it does not press
        Next); Enter after the card number goes on as Next does."""
        if _is_enter(event) and self.focusWidget() is self.serial:
            self.card_number.setFocus()
            self.card_number.selectAll()
            return
        super().keyPressEvent(event)

    def _serial_changed(self, _text: str) -> None:
        """A new serial: back to the inputs, and a refusal of the old serial no longer stands."""
        self._back_to_inputs()
        if self.serial.property("invalid"):
            self.clear_error()

    def _number_changed(self, text: str) -> None:
        self._back_to_inputs()
        if self.card_number.property("invalid"):
            self.clear_error()
        digits = sum(ch.isdigit() for ch in text)
        if digits < 16:
            self._say_number("")
            return
        try:
            check = issue.check_number(self.store, self.actor, self.row.id, text)
        except UserError as error:
            self._say_number("✗ " + reason_text(error), bad=True)
            return
        warnings = [translate("errors", w).format(number=check.number) for w in check.warnings]
        self._say_number("✓ " + (" ".join(warnings) if warnings else self.tr("The number is valid.")))

    def _say_number(self, text: str, *, bad: bool = False) -> None:
        """The live check under the card number (red when the number is refused): its row shows
        only when it says something."""
        self.number_check.setText(text)
        if self.number_check.property("role") != ("error" if bad else "hint"):
            self.number_check.setProperty("role", "error" if bad else "hint")
            self.number_check.style().unpolish(self.number_check)
            self.number_check.style().polish(self.number_check)
        self.form.setRowVisible(self.number_check, bool(text))
        self.fit_contents()

    def _back_to_inputs(self) -> None:
        if self.confirming:
            self.confirming = False
            self.summary.setVisible(False)
            self.retranslateUi()

    def _old_card(self) -> OldCard | None:
        if not self.replacing:
            return None
        if self.old_card.returned.isChecked():
            return OldCard(True, self.tr("Handed back: {kind}, application {id}").format(
                kind=kind_text(self.row.kind), id=self.row.id))
        return OldCard(False, self.old_reason.text())

    def submit(self) -> None:
        if not self.confirming:
            self.clear_error()
            try:
                check = issue.check_number(self.store, self.actor, self.row.id, self.card_number.text())
            except UserError as error:
                self.show_error(error)
                return
            if self.replacing and self.old_card.kept.isChecked() and not self.old_reason.text().strip():
                self.show_error(self.tr("Say why the old card was not handed back."), self.old_reason)
                return
            old = self._old_card()
            self.summary.setText(self.tr(
                "Issue a {card} to {name} ({cif}) from serial {serial}, card number {number}.{old}\n"
                "An agreement and a letter will be recorded for printing.").format(
                card=card_type_text(self.row.card_type), name=self.row.customer_name, cif=self.row.cif_no,
                serial=self.serial.text().strip().upper(), number=check.number,
                old="" if old is None else " " + (self.tr("The old card is handed back.") if old.returned
                                                  else self.tr("The old card is not handed back."))))
            self.summary.setVisible(True)
            self.confirming = True
            self.retranslateUi()
            return
        self.save(issue.issue_card, self.store, self.actor, self.row.id, serial=self.serial.text(),
                  card_number=self.card_number.text(), old_card=self._old_card())

    def failed(self, error: BaseException) -> None:
        self._back_to_inputs()
        super().failed(error)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Issue a VIP card"))
        drawer = self.tr(
            "Your drawer holds {count} blank {card} cards; the lowest serial is suggested (scan to replace it).") \
            if self.in_drawer else ""
        self.set_intro("\n".join(filter(None, (application_summary(self.row), drawer.format(
            count=self.in_drawer, card=card_type_text(self.row.card_type))))))
        self.set_label("serial", field_label(SERIAL))
        self.set_label("card_number", field_label(CARD_NUMBER))
        self.set_label("number_check", "")
        self.set_label("old_card", field_label(OLD_CARD))
        self.set_label("old_reason", self.tr("Why not handed back"))
        self.old_card.retranslate()
        self.old_reason.setEnabled(self.old_card.kept.isChecked())
        self.set_ok_text(self.tr("Issue card") if self.confirming else self.tr("Next"))


# ----------------------------------------------------------------------------- after issue


def card_summary(card: CardRow) -> str:
    return QCoreApplication.translate("CardDialogs", "{name} ({cif}) · {card} {number} · expires {expiry}").format(
        name=card.customer_name, cif=card.cif_no, card=card_type_text(card.card_type),
        number=card.card_number_masked, expiry=card.expires_on.isoformat())


class LossDialog(FormDialog):
    """Report a card lost: it stops being valid at once."""

    def __init__(self, store, actor, card: CardRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lossDialog")
        self.store, self.actor, self.card = store, actor, card
        self.reason = _line(self, "reason", REASON)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(servicing.report_loss, self.store, self.actor, self.card.id, reason=self.reason.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Report a lost card"))
        self.set_intro(card_summary(self.card) + "\n" + self.tr(
            "The card stops being valid at once. A replacement at the same card type needs an application."))
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Report lost"))


class CancelCardDialog(FormDialog):
    """Cancel a card at the customer's wish; the tier stays."""

    def __init__(self, store, actor, card: CardRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cancelCardDialog")
        self.store, self.actor, self.card = store, actor, card
        self.reason = _line(self, "reason", REASON)
        self.old_card = OldCardRow(self)
        self.add_row("old_card", self.old_card, OLD_CARD)
        self.old_reason = _line(self, "old_reason", None)
        self.old_card.kept.toggled.connect(lambda _on: self.retranslateUi())
        self.retranslateUi()

    def submit(self) -> None:
        old = OldCard(True) if self.old_card.returned.isChecked() else OldCard(False, self.old_reason.text())
        self.save(servicing.cancel_card, self.store, self.actor, self.card.id, reason=self.reason.text(),
                  old_card=old)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Cancel a VIP card"))
        self.set_intro(card_summary(self.card) + "\n" + self.tr("The customer's tier stays as it is."))
        self.set_label("reason", field_label(REASON))
        self.set_label("old_card", field_label(OLD_CARD))
        self.set_label("old_reason", self.tr("Why not handed back"))
        self.old_card.retranslate()
        self.old_reason.setEnabled(self.old_card.kept.isChecked())
        self.set_ok_text(self.tr("Cancel card"))


class SignedDialog(FormDialog):
    """Mark a card's printed service agreement signed: the date and the witness."""

    def __init__(self, store, actor, card_id: int, summary: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signedDialog")
        self.store, self.actor, self.card_id, self.summary_text = store, actor, card_id, summary
        self.signed_on = self.add_row("signed_on", QDateEdit(self), SIGNED_ON)
        self.signed_on.setObjectName("signedOn")
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy-MM-dd")
        today = store.today()
        self.signed_on.setDate(QDate(today.year, today.month, today.day))
        self.witness = _line(self, "witness", WITNESS, actor.display_name)
        self.retranslateUi()

    def submit(self) -> None:
        qdate = self.signed_on.date()
        self.save(paperwork.mark_agreement_signed, self.store, self.actor, self.card_id,
                  signed_on=date(qdate.year(), qdate.month(), qdate.day()), witness=self.witness.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Service agreement signed"))
        self.set_intro(self.summary_text)
        self.set_label("signed_on", field_label(SIGNED_ON))
        self.set_label("witness", field_label(WITNESS))
        self.set_ok_text(self.tr("Mark signed"))
