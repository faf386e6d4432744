"""The VIP card pages.

- :class:`CardsPage`, the counter workspace: the clerk's queue of approved applications with
  their drawer stock and the issue wizard (Enter opens it; at the end it says what was issued
  and offers to print the agreement and the letter); every application in scope (enter, cancel); cards
  expiring within N days (renewal applications, renewal letters, marking expired cards); issued
  cards whose agreement is not marked signed.
- :class:`ApprovalsPage`, the branch manager's inbox of applications awaiting a decision (its
  count shows on the navigation).
- :class:`CardPolicyPage`, the administrator's card products: BINs, Luhn mode, validity.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from app.auth.permissions import Permission
from app.cards import applications, paperwork, servicing, views
from app.cards.policy import card_policy, save_card_policy
from app.cards.rules import (
    AGREEMENT, APPLICATION_STATUSES, APPROVED, BINS, ENFORCE, EXPIRING_DAYS, LUHN, LUHN_MODES, RENEWAL, SUBMITTED,
    VALIDITY_YEARS, CardPolicy, CardProduct, paperwork_on_issue,
)
from app.errors import UserError
from app.tiers.rules import CARD_TYPES
from ui.cards.dialogs import ApplicationDialog, DecisionDialog, IssueDialog, SignedDialog, WithdrawDialog
from ui.cards.models import (
    CONTEXT, application_status_text, card_type_text, kind_text, paperwork_text,
)
from ui.card_documents import print_agreement_label
from ui.columns import ColumnsModel
from ui.formatting import local_day
from ui.messages import error_text, field_label
from ui.page import Page, PageContext
from ui.tables import read_only_view, selected
from ui.tier_labels import tier_label
from ui.widgets import error_label, named_button, show_text, styled_label, with_mnemonic


APPLICATION_COLUMNS = (
    (QT_TRANSLATE_NOOP("CardTables", "No."), lambda r: r.id),
    (QT_TRANSLATE_NOOP("CardTables", "Customer"), lambda r: r.customer_name),
    (QT_TRANSLATE_NOOP("CardTables", "CIF number"), lambda r: r.cif_no),
    (QT_TRANSLATE_NOOP("CardTables", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("CardTables", "Kind"), lambda r: kind_text(r.kind)),
    (QT_TRANSLATE_NOOP("CardTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("CardTables", "Status"), lambda r: application_status_text(r.status)),
    (QT_TRANSLATE_NOOP("CardTables", "Entered by"), lambda r: r.entered_by_name),
    (QT_TRANSLATE_NOOP("CardTables", "Entered on"), lambda r: local_day(r.entered_at)),
    (QT_TRANSLATE_NOOP("CardTables", "Decided by"), lambda r: r.decided_by_name),
    (QT_TRANSLATE_NOOP("CardTables", "Comment"), lambda r: r.decision_comment),
)
CARD_COLUMNS = (
    (QT_TRANSLATE_NOOP("CardTables", "Customer"), lambda r: r.customer_name),
    (QT_TRANSLATE_NOOP("CardTables", "CIF number"), lambda r: r.cif_no),
    (QT_TRANSLATE_NOOP("CardTables", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("CardTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("CardTables", "Card number"), lambda r: r.card_number_masked),
    (QT_TRANSLATE_NOOP("CardTables", "Issued on"), lambda r: local_day(r.issued_on)),
    (QT_TRANSLATE_NOOP("CardTables", "Expires on"), lambda r: local_day(r.expires_on)),
    (QT_TRANSLATE_NOOP("CardTables", "Days left"), lambda r: r.days_left),
)
UNSIGNED_COLUMNS = (
    (QT_TRANSLATE_NOOP("CardTables", "Customer"), lambda r: r.customer_name),
    (QT_TRANSLATE_NOOP("CardTables", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("CardTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("CardTables", "Card number"), lambda r: r.card_number_masked),
    (QT_TRANSLATE_NOOP("CardTables", "Issued on"), lambda r: local_day(r.issued_on)),
    (QT_TRANSLATE_NOOP("CardTables", "Issued by"), lambda r: r.issued_by_name),
    (QT_TRANSLATE_NOOP("CardTables", "Overdue"), lambda r: "●" if r.overdue else ""),
)


def application_pages(store, actor, status: str | None):
    """A keyset fetch of applications in scope (after the last row shown)."""
    return lambda last, limit: applications.list_applications(
        store, actor, status=status or None, after_id=last.id if last else None, limit=limit)


class _CardsBase(Page):
    """What the card pages share: an error line, table selection, opening a form dialog."""

    watches = frozenset({"card_application", "vip_card", "card_paperwork", "blank_card", "customer_tier", "setting"})

    def _form(self, dialog) -> None:
        self.open_form(dialog, lambda _result: self._saved())

    def _saved(self) -> None:
        self.refresh()

    def _load_failed(self, error: BaseException) -> None:
        if not self.handle_error(error):
            raise error


class CardsPage(_CardsBase):
    """The counter workspace."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        actor = context.actor
        self.may_issue = actor.may(Permission.ISSUE_CARD)
        self.may_apply = actor.may(Permission.APPLY_FOR_CARD)
        self.may_service = actor.may(Permission.SERVICE_CARDS)
        self.may_decide = actor.may(Permission.APPROVE_CARD)
        self.stock: list = []
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cardTabs")

        # -- the counter: queue of approved applications, drawer stock, issue
        counter = QWidget(self)
        self.drawer = styled_label("section", counter, wrap=True)
        self.drawer.setObjectName("drawerStock")
        self.issue_button = named_button(counter, "issueCard", self.may_issue)
        self.queue_model = ColumnsModel(APPLICATION_COLUMNS, CONTEXT, self)
        self.queue_view = read_only_view(counter, self.queue_model, "queueTable")
        self.queue_view.activated.connect(lambda _i: self.issue_selected())  # Enter or double-click
        self.issue_button.clicked.connect(self.issue_selected)
        top = QHBoxLayout()
        top.addWidget(self.drawer, 1)
        top.addWidget(self.issue_button)
        layout = QVBoxLayout(counter)
        layout.addLayout(top)
        layout.addWidget(self.queue_view, 1)

        # -- every application
        apps = QWidget(self)
        self.status_box = QComboBox(apps)
        self.status_box.setObjectName("applicationStatus")
        self.status_box.addItem("", "")
        for status in APPLICATION_STATUSES:
            self.status_box.addItem(application_status_text(status), status)
        self.status_box.currentIndexChanged.connect(lambda _i: self.load_applications())
        self.new_button = named_button(apps, "newApplication", self.may_apply)
        self.withdraw_button = named_button(apps, "withdrawApplication", self.may_apply or self.may_decide)
        self.new_button.clicked.connect(lambda: self._form(ApplicationDialog(
            self.context.store, self.context.actor, parent=self)))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.apps_model = ColumnsModel(APPLICATION_COLUMNS, CONTEXT, self)
        self.apps_view = read_only_view(apps, self.apps_model, "applicationsTable")
        self.status_label = QLabel(apps)
        row = QHBoxLayout()
        row.addWidget(self.status_label)
        row.addWidget(self.status_box)
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.withdraw_button)
        layout = QVBoxLayout(apps)
        layout.addLayout(row)
        layout.addWidget(self.apps_view, 1)

        # -- expiring cards
        expiring = QWidget(self)
        self.days = QSpinBox(expiring)
        self.days.setObjectName("expiringDays")
        self.days.setRange(1, 366)
        self.days.setValue(card_policy(context.store).expiring_days)
        self.days.valueChanged.connect(lambda _v: self.load_expiring())
        self.days_label = QLabel(expiring)
        self.renew_button = named_button(expiring, "applyRenewal", self.may_apply)
        self.letters_button = named_button(expiring, "renewalLetters", self.may_service)
        self.expire_button = named_button(expiring, "markExpired", self.may_service)
        self.renew_button.clicked.connect(self.renew_selected)
        self.letters_button.clicked.connect(self.record_letters)
        self.expire_button.clicked.connect(self.mark_expired)
        self.expiring_model = ColumnsModel(CARD_COLUMNS, CONTEXT, self)
        self.expiring_view = read_only_view(expiring, self.expiring_model, "expiringTable")
        row = QHBoxLayout()
        row.addWidget(self.days_label)
        row.addWidget(self.days)
        row.addStretch(1)
        for widget in (self.renew_button, self.letters_button, self.expire_button):
            row.addWidget(widget)
        layout = QVBoxLayout(expiring)
        layout.addLayout(row)
        layout.addWidget(self.expiring_view, 1)

        # -- agreements not marked signed
        unsigned = QWidget(self)
        self.unsigned_hint = styled_label("hint", unsigned, wrap=True)
        self.sign_button = named_button(unsigned, "markSigned", self.may_service)
        self.sign_button.clicked.connect(self.sign_selected)
        self.print_agreement_button = named_button(unsigned, "printAgreement", actor.may(Permission.VIEW_DOCUMENTS))
        self.print_agreement_button.clicked.connect(self.print_agreement_selected)
        self.unsigned_model = ColumnsModel(UNSIGNED_COLUMNS, CONTEXT, self)
        self.unsigned_view = read_only_view(unsigned, self.unsigned_model, "unsignedTable")
        row = QHBoxLayout()
        row.addWidget(self.unsigned_hint, 1)
        row.addWidget(self.print_agreement_button)
        row.addWidget(self.sign_button)
        layout = QVBoxLayout(unsigned)
        layout.addLayout(row)
        layout.addWidget(self.unsigned_view, 1)

        self.tabs.addTab(counter, "")
        self.tabs.addTab(apps, "")
        self.tabs.addTab(expiring, "")
        self.tabs.addTab(unsigned, "")
        self.tabs.setTabVisible(0, self.may_issue)
        self.error = error_label(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.error)
        outer.addWidget(self.tabs, 1)
        for model in (self.queue_model, self.apps_model, self.expiring_model, self.unsigned_model):
            model.loadFailed.connect(self._load_failed)
        self.retranslateUi()

    # -- loading --------------------------------------------------------------------------
    def focus_widget(self):
        """At the counter the keyboard starts in the approved applications: arrows pick one,
        Enter opens the issue wizard."""
        return self.queue_view if self.may_issue and self.queue_view.isVisibleTo(self) else None

    def refresh(self) -> None:
        store, actor = self.context.store, self.context.actor
        show_text(self.error, "")
        try:
            if self.may_issue:
                self.queue_model.reset(application_pages(store, actor, APPROVED))
                self.stock = views.my_drawer(store, actor)
                self._show_drawer()
            self.load_applications()
            self.load_expiring()
            self.unsigned_model.set_rows(paperwork.unsigned_agreements(store, actor))
        except UserError as error:
            show_text(self.error, error_text(error))

    def _show_drawer(self) -> None:
        held = [d for d in self.stock if d.count]
        if not held:
            self.drawer.setText(self.tr("My drawer holds no blank cards: ask the custodian for a hand-out "
                                        "on the stock page."))
            return
        self.drawer.setText(self.tr("My drawer: {stock}").format(stock=self.tr(", ").join(
            self.tr("{card} {count} (next {serial})").format(
                card=card_type_text(d.card_type), count=d.count, serial=d.next_serial or "—")
            for d in held)))

    def load_applications(self) -> None:
        self.apps_model.reset(application_pages(self.context.store, self.context.actor,
                                                self.status_box.currentData()))

    def load_expiring(self) -> None:
        store, actor, days = self.context.store, self.context.actor, self.days.value()
        self.expiring_model.reset(lambda last, limit: views.expiring_cards(
            store, actor, within_days=days, after=(last.expires_on, last.id) if last else None, limit=limit))

    # -- actions --------------------------------------------------------------------------
    def issue_selected(self) -> None:
        row = selected(self.queue_view)
        if row is not None and self.may_issue:
            self.open_form(IssueDialog(self.context.store, self.context.actor, row, parent=self),
                           lambda result: self._issued(row, result))

    def _issued(self, row, result) -> None:
        """Say the card is issued, and offer to print its agreement and letter now."""
        self._saved()
        letter = paperwork_on_issue(row.kind)[1]
        text = self.tr("{card} {number} (serial {serial}) issued to {name}, valid until {expiry}.").format(
            card=card_type_text(row.card_type), number=result.card_number_masked, serial=result.serial,
            name=row.customer_name, expiry=local_day(result.expires_on))
        question = self.tr("Print them now: {agreement} and {letter}?").format(
            agreement=paperwork_text(AGREEMENT), letter=paperwork_text(letter))
        if self.context.dialogs.confirm(self, self.tr("Card issued"), text + "\n\n" + question):
            from ui.card_documents import print_card_document

            agreement_id, letter_id = (result.paperwork_ids + (None, None))[:2]
            print_card_document(self, result.card_id, "agreement", paperwork_id=agreement_id)
            print_card_document(self, result.card_id, letter, paperwork_id=letter_id)

    def withdraw_selected(self) -> None:
        row = selected(self.apps_view)
        if row is not None:
            self._form(WithdrawDialog(self.context.store, self.context.actor, row, parent=self))

    def renew_selected(self) -> None:
        card = selected(self.expiring_view)
        if card is not None:
            self._form(ApplicationDialog(self.context.store, self.context.actor, customer_id=card.customer_id,
                                         kind=RENEWAL, card_type=card.card_type, parent=self))

    def print_agreement_selected(self) -> None:
        """The selected card's service agreement, made and shown by the documents capability."""
        from ui.card_documents import print_card_document

        row = selected(self.unsigned_view)
        if row is not None:
            print_card_document(self, row.card_id, "agreement")

    def sign_selected(self) -> None:
        row = selected(self.unsigned_view)
        if row is not None:
            summary = f"{row.customer_name} · {card_type_text(row.card_type)} {row.card_number_masked}"
            self._form(SignedDialog(self.context.store, self.context.actor, row.card_id, summary, parent=self))

    def record_letters(self) -> None:
        try:
            count = self.command(lambda: paperwork.record_renewal_letters(
                self.context.store, self.context.actor, within_days=self.days.value()))
        except UserError as error:
            self.handle_error(error)
            return
        self.context.dialogs.info(self, self.tr("Renewal letters"), self.tr(
            "{count} renewal letters recorded for printing.").format(count=count))
        self._saved()

    def mark_expired(self) -> None:
        try:
            count = self.command(lambda: servicing.expire_cards(self.context.store, self.context.actor))
        except UserError as error:
            self.handle_error(error)
            return
        self.context.dialogs.info(self, self.tr("Expired cards"), self.tr(
            "{count} cards past their expiry date marked expired.").format(count=count))
        self._saved()

    def retranslateUi(self) -> None:  # noqa: N802
        self.tabs.setTabText(0, self.tr("Counter"))
        self.tabs.setTabText(1, self.tr("Applications"))
        self.tabs.setTabText(2, self.tr("Expiring cards"))
        self.tabs.setTabText(3, self.tr("Agreements not signed"))
        self.issue_button.setText(with_mnemonic(self.tr("Issue card…"), "I"))
        self.status_label.setText(self.tr("Status"))
        self.status_box.setItemText(0, self.tr("All"))
        for i, status in enumerate(APPLICATION_STATUSES, start=1):
            self.status_box.setItemText(i, application_status_text(status))
        self.new_button.setText(with_mnemonic(self.tr("New application…"), "N"))
        self.withdraw_button.setText(self.tr("Cancel application…"))
        self.days_label.setText(self.tr("Expiring within (days)"))
        self.renew_button.setText(self.tr("Apply for renewal…"))
        self.letters_button.setText(self.tr("Record renewal letters"))
        self.expire_button.setText(self.tr("Mark expired cards"))
        self.unsigned_hint.setText(self.tr(
            "Issued cards whose service agreement is not marked signed; marked ● once their day is over."))
        self.sign_button.setText(self.tr("Mark signed…"))
        self.print_agreement_button.setText(print_agreement_label())
        for model in (self.queue_model, self.apps_model, self.expiring_model, self.unsigned_model):
            model.retranslate()
        self._show_drawer()


class ApprovalsPage(_CardsBase):
    """The branch manager's inbox: applications awaiting a decision, with what was seen."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.hint = styled_label("hint", self, wrap=True)
        self.approve_button = named_button(self, "approveApplication")
        self.reject_button = named_button(self, "rejectApplication")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.model = ColumnsModel(APPLICATION_COLUMNS[:9], CONTEXT, self)
        self.model.loadFailed.connect(self._load_failed)
        self.view = read_only_view(self, self.model, "approvalsTable")
        self.detail = styled_label("hint", self, wrap=True)
        self.detail.setObjectName("approvalDetail")
        self.view.selectionModel().currentRowChanged.connect(lambda *_i: self._show_detail())  # arrows too
        self.view.activated.connect(lambda _i: self.decide(True))   # Enter: the decision, which asks a comment
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.retranslateUi()

    def focus_widget(self):
        """The inbox itself: arrows pick an application (its facts shown below), Enter decides."""
        return self.view

    def refresh(self) -> None:
        self.model.reset(application_pages(self.context.store, self.context.actor, SUBMITTED))
        self.detail.setText("")

    def _show_detail(self) -> None:
        row = selected(self.view)
        if row is None:
            return
        self.detail.setText(self.tr(
            "Tier when entered: {tier} · rolling quarterly average AUM: {average} · exception: {exception} · note: {note}")
            .format(tier=tier_label(row.tier), average="—" if row.average is None else f"{row.average:,.2f}",
                    exception=row.exception_note or "—", note=row.note or "—"))

    def decide(self, approve: bool) -> None:
        row = selected(self.view)
        if row is not None:
            self.open_form(DecisionDialog(self.context.store, self.context.actor, row, approve=approve, parent=self),
                           lambda decided: self._decided(decided))

    def _decided(self, decided) -> None:
        """Say what the decision did and what comes next."""
        text = (self.tr("No. {id} for {name} is approved: the counter can issue the {card} now.")
                if decided.status == APPROVED else
                self.tr("No. {id} for {name} is rejected; the relationship manager sees your comment."))
        self.context.dialogs.info(self, self.tr("Decision recorded"), text.format(
            id=decided.id, name=decided.customer_name, card=card_type_text(decided.card_type)))
        self._saved()

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr("Applications awaiting your decision. You cannot decide one you entered."))
        self.approve_button.setText(self.tr("Approve…"))
        self.reject_button.setText(self.tr("Reject…"))
        self.model.retranslate()
        self._show_detail()


class CardPolicyPage(Page):
    """Card products (BINs, Luhn enforced or warned), validity years and the expiring window."""

    watches = frozenset({"setting"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.hint = styled_label("hint", self, wrap=True)
        self.form = QFormLayout()
        self.bins: dict[str, QLineEdit] = {}
        self.luhn: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        for card_type in CARD_TYPES:
            bins, luhn = QLineEdit(self), QComboBox(self)
            bins.setObjectName(f"bins_{card_type}")
            luhn.setObjectName(f"luhn_{card_type}")
            for mode in LUHN_MODES:
                luhn.addItem("", mode)
            line = QHBoxLayout()
            line.addWidget(bins, 2)
            line.addWidget(luhn, 1)
            label = QLabel(self)
            self.form.addRow(label, line)
            self.bins[card_type], self.luhn[card_type], self.labels[card_type] = bins, luhn, label
        self.validity = QSpinBox(self)
        self.validity.setObjectName("validityYears")
        self.validity.setRange(1, 10)
        self.expiring = QSpinBox(self)
        self.expiring.setObjectName("expiringWindow")
        self.expiring.setRange(1, 366)
        self.validity_label, self.expiring_label = QLabel(self), QLabel(self)
        self.form.addRow(self.validity_label, self.validity)
        self.form.addRow(self.expiring_label, self.expiring)
        self.error = error_label(self)
        self.save_button = named_button(self, "saveCardPolicy")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslateUi()

    def refresh(self) -> None:
        policy = card_policy(self.context.store)
        for product in policy.products:
            self.bins[product.card_type].setText(", ".join(product.bins))
            box = self.luhn[product.card_type]
            box.setCurrentIndex(max(0, box.findData(product.luhn)))
        self.validity.setValue(policy.validity_years)
        self.expiring.setValue(policy.expiring_days)
        show_text(self.error, "")

    def policy(self) -> CardPolicy:
        products = tuple(CardProduct(t, tuple(b.strip() for b in self.bins[t].text().replace("，", ",").split(",")
                                               if b.strip()), self.luhn[t].currentData() or ENFORCE)
                         for t in CARD_TYPES)
        return CardPolicy(products, self.validity.value(), self.expiring.value())

    def save(self) -> None:
        try:
            self.command(lambda: save_card_policy(self.context.store, self.context.actor, self.policy()))
        except UserError as error:
            show_text(self.error, error_text(error))
            return
        show_text(self.error, "")
        self.context.dialogs.info(self, self.tr("Card products"), self.tr("The card policy was saved."))

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "Card numbers must begin with one of the product's BINs (separate several with commas). "
            "Where Luhn is only warned, a number failing it is accepted with a warning."))
        for card_type in CARD_TYPES:
            self.labels[card_type].setText(self.tr("{card}: {bins} / {luhn}").format(
                card=card_type_text(card_type), bins=field_label(BINS), luhn=field_label(LUHN)))
            box = self.luhn[card_type]
            box.setItemText(0, self.tr("Luhn enforced"))
            box.setItemText(1, self.tr("Luhn only warned"))
        self.validity_label.setText(field_label(VALIDITY_YEARS))
        self.expiring_label.setText(field_label(EXPIRING_DAYS))
        self.save_button.setText(self.tr("Save"))
