"""The customer view's "VIP cards" tab: every card the customer has held (newest first, with
what replaced what), their card applications, and the actions on them: a new application
(eligibility shown), report a loss, cancel a card, mark the agreement signed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.cards import applications, views
from app.cards.rules import ACTIVE, EXPIRED, LOST, NEW, RENEWAL, REPLACE_LOST
from app.errors import UserError
from ui.cards.dialogs import ApplicationDialog, CancelCardDialog, LossDialog, SignedDialog, card_summary
from ui.cards.models import CONTEXT, application_status_text, card_status_text, card_type_text, kind_text
from ui.columns import ColumnsModel
from ui.formatting import local_day
from ui.messages import error_text
from ui.tables import read_only_view, selected
from ui.widgets import error_label, show_text, styled_label

HISTORY_COLUMNS = (
    (QT_TRANSLATE_NOOP("CardTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("CardTables", "Card number"), lambda r: r.card_number_masked),
    (QT_TRANSLATE_NOOP("CardTables", "Status"), lambda r: card_status_text(r.status)),
    (QT_TRANSLATE_NOOP("CardTables", "Issued on"), lambda r: local_day(r.issued_on)),
    (QT_TRANSLATE_NOOP("CardTables", "Expires on"), lambda r: local_day(r.expires_on)),
    (QT_TRANSLATE_NOOP("CardTables", "Serial"), lambda r: r.serial),
    (QT_TRANSLATE_NOOP("CardTables", "Agreement signed"), lambda r: local_day(r.agreement_signed_on)),
    (QT_TRANSLATE_NOOP("CardTables", "Ended"), lambda r: local_day(r.ended_at)),
    (QT_TRANSLATE_NOOP("CardTables", "Reason"), lambda r: r.ended_reason),
)
APPLICATION_COLUMNS = (
    (QT_TRANSLATE_NOOP("CardTables", "No."), lambda r: r.id),
    (QT_TRANSLATE_NOOP("CardTables", "Kind"), lambda r: kind_text(r.kind)),
    (QT_TRANSLATE_NOOP("CardTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("CardTables", "Status"), lambda r: application_status_text(r.status)),
    (QT_TRANSLATE_NOOP("CardTables", "Entered by"), lambda r: r.entered_by_name),
    (QT_TRANSLATE_NOOP("CardTables", "Entered on"), lambda r: local_day(r.entered_at)),
    (QT_TRANSLATE_NOOP("CardTables", "Decided by"), lambda r: r.decided_by_name),
    (QT_TRANSLATE_NOOP("CardTables", "Comment"), lambda r: r.decision_comment),
)


class CardsTab(QWidget):
    """One customer's VIP cards and applications; ``load(customer_id)`` (re)fills it. ``committed(tables)``
    after a form of the tab saved (the customer view passes it on to the pages)."""

    committed = Signal(object)   # frozenset[str]

    def __init__(self, store, actor, customer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cardsTab")
        self.store, self.actor, self.customer_id = store, actor, customer_id
        self.dialog = None
        self.error = error_label(self)
        self.cards_title = styled_label("section", self)
        self.cards = ColumnsModel(HISTORY_COLUMNS, CONTEXT, self)
        self.cards_view = read_only_view(self, self.cards, "cardHistory")
        self.apps_title = styled_label("section", self)
        self.apps = ColumnsModel(APPLICATION_COLUMNS, CONTEXT, self)
        self.apps_view = read_only_view(self, self.apps, "cardApplications")
        self.apply_button = self._button("applyCard", Permission.APPLY_FOR_CARD)
        self.loss_button = self._button("reportLoss", Permission.SERVICE_CARDS)
        self.cancel_button = self._button("cancelCard", Permission.SERVICE_CARDS)
        self.sign_button = self._button("markSigned", Permission.SERVICE_CARDS)
        self.apply_button.clicked.connect(self.apply)
        self.loss_button.clicked.connect(lambda: self._on_card(LossDialog))
        self.cancel_button.clicked.connect(lambda: self._on_card(CancelCardDialog))
        self.sign_button.clicked.connect(self.sign)
        bar = QHBoxLayout()
        for widget in (self.apply_button, self.loss_button, self.cancel_button, self.sign_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        layout.addWidget(self.cards_title)
        layout.addWidget(self.cards_view, 3)
        layout.addWidget(self.apps_title)
        layout.addWidget(self.apps_view, 2)
        self.retranslateUi()
        if customer_id is not None:
            self.load(customer_id)

    def _button(self, name: str, permission: Permission) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setVisible(self.actor.may(permission))
        return button

    def load(self, customer_id: int) -> None:
        self.customer_id = customer_id
        try:
            self.cards.set_rows(views.card_history(self.store, self.actor, customer_id))
            self.apps.set_rows(list(reversed(applications.list_applications(
                self.store, self.actor, customer_id=customer_id))))
        except UserError as error:
            show_text(self.error, error_text(error))
            return
        show_text(self.error, "")

    def _reload(self, _result=None) -> None:
        self.load(self.customer_id)

    def _open(self, dialog) -> None:
        dialog.committed.connect(self.committed)
        dialog.saved.connect(self._reload)
        dialog.conflicted.connect(self._reload)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _chosen_card(self):
        """The selected card, else the customer's active one."""
        card = selected(self.cards_view)
        if card is None:
            card = next((c for c in self.cards.rows() if c.status == ACTIVE), None)
        return card

    def apply(self) -> None:
        """A new application; the kind suggested by what the customer holds."""
        cards = self.cards.rows()
        latest = cards[0] if cards else None
        kind, card_type = NEW, None
        if latest is not None and latest.replaced_by_id is None:
            if latest.status == LOST:
                kind, card_type = REPLACE_LOST, latest.card_type
            elif latest.status in (ACTIVE, EXPIRED):
                kind, card_type = RENEWAL, latest.card_type
        self._open(ApplicationDialog(self.store, self.actor, customer_id=self.customer_id, kind=kind,
                                     card_type=card_type, parent=self))

    def _on_card(self, dialog_class) -> None:
        card = self._chosen_card()
        if card is not None:
            self._open(dialog_class(self.store, self.actor, card, parent=self))

    def sign(self) -> None:
        card = self._chosen_card()
        if card is not None:
            self._open(SignedDialog(self.store, self.actor, card.id, card_summary(card), parent=self))

    def retranslateUi(self) -> None:  # noqa: N802
        self.cards_title.setText(self.tr("VIP cards"))
        self.apps_title.setText(self.tr("Card applications"))
        self.apply_button.setText(self.tr("New application…"))
        self.loss_button.setText(self.tr("Report lost…"))
        self.cancel_button.setText(self.tr("Cancel card…"))
        self.sign_button.setText(self.tr("Agreement signed…"))
        self.cards.retranslate()
        self.apps.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
