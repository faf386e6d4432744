"""The stock page's first tab: stock by location and card type with the minimum-level alerts,
and the moves that start here (receive, transfer, spoil, customer return, destruction, count,
minimum stock)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.stock import views
from app.stock.rules import describe_runs
from ui.columns import ColumnsModel
from ui.stock.columns import STOCK_COLUMNS
from ui.stock.dialogs import CountDialog, DestroyDialog, MinimumDialog, ReceiveDialog, SpoilDialog, TransferDialog
from ui.stock.models import CONTEXT, card_type_text
from ui.tables import read_only_view
from ui.widgets import named_button, styled_label, with_mnemonic


class StockTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        actor = page.context.actor
        keeper, drawer = actor.may(Permission.RECEIVE_STOCK), actor.may(Permission.USE_DRAWER)
        manager = actor.may(Permission.MANAGE_STOCK)
        self.alerts = styled_label("warning", self, wrap=True)
        self.alerts.setObjectName("stockAlerts")
        self.receive_button = named_button(self, "receiveStock", keeper)
        self.transfer_button = named_button(self, "transferStock", keeper or drawer)
        self.spoil_button = named_button(self, "spoilCard", keeper or drawer)
        self.return_button = named_button(self, "returnCard", keeper or drawer)
        self.destroy_button = named_button(self, "destroyCards", keeper)
        self.count_button = named_button(self, "countStock", keeper or manager or drawer)
        self.minimum_button = named_button(self, "stockMinimum", manager)
        self.stock_model = ColumnsModel(STOCK_COLUMNS, CONTEXT, self)
        self.stock_view = read_only_view(self, self.stock_model, "stockTable")
        buttons = QHBoxLayout()
        for button in (self.receive_button, self.transfer_button, self.spoil_button, self.return_button,
                       self.destroy_button, self.count_button, self.minimum_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alerts)
        layout.addLayout(buttons)
        layout.addWidget(self.stock_view, 1)
        self.receive_button.clicked.connect(self.receive)
        self.transfer_button.clicked.connect(self.transfer)
        self.spoil_button.clicked.connect(lambda: self.spoil(returned=False))
        self.return_button.clicked.connect(lambda: self.spoil(returned=True))
        self.destroy_button.clicked.connect(self.destroy)
        self.count_button.clicked.connect(self.count)
        self.minimum_button.clicked.connect(self.set_minimum)

    def retranslateUi(self) -> None:  # noqa: N802
        self.receive_button.setText(with_mnemonic(self.tr("Receive…"), "R"))
        self.transfer_button.setText(with_mnemonic(self.tr("Transfer…"), "T"))
        self.spoil_button.setText(with_mnemonic(self.tr("Spoil…"), "P"))
        self.return_button.setText(with_mnemonic(self.tr("Customer return…"), "U"))
        self.destroy_button.setText(with_mnemonic(self.tr("Destruction…"), "D"))
        self.count_button.setText(with_mnemonic(self.tr("Physical count…"), "N"))
        self.minimum_button.setText(with_mnemonic(self.tr("Minimum stock…"), "M"))
        self.stock_model.retranslate()

    def show_stock(self, rows, alerts) -> None:
        """The stock by location and the alerts, as the page loaded them."""
        self.stock_model.set_rows(rows)
        self.stock_view.resizeColumnsToContents()   # a short list: fit the content
        self.alerts.setText("\n".join(self._alert_text(a) for a in alerts))
        self.alerts.setVisible(bool(alerts))

    def _alert_text(self, alert) -> str:
        text = self.tr("{branch} {card}: {on_hand} in stock, below the minimum of {minimum}.").format(
            branch=alert.branch_code, card=card_type_text(alert.card_type), on_hand=alert.on_hand,
            minimum=alert.minimum)
        if alert.weeks_left is not None:
            text += " " + self.tr("About {weeks:.1f} weeks of issuing left at the recent rate.").format(
                weeks=alert.weeks_left)
        return text

    def _people(self):
        return views.colleagues(self.page.context.store, self.page.context.actor)

    def receive(self) -> None:
        context = self.page.context
        self.page.open_form(ReceiveDialog(context.store, context.actor, self.page), self.page.made)

    def transfer(self) -> None:
        context, locations = self.page.context, self.page.locations
        if context.actor.may(Permission.RECEIVE_STOCK):
            drawers = views.drawers_of_branch(context.store, context.actor)
            known = {loc[0] for loc in locations}
            locations = locations + [(i, "", name, "drawer") for i, name in drawers if i not in known]
        self.page.open_form(TransferDialog(context.store, context.actor, locations, self.page), self.page.made)

    def spoil(self, returned: bool) -> None:
        context = self.page.context
        self.page.open_form(SpoilDialog(context.store, context.actor, returned=returned, parent=self.page),
                            lambda result: self.page.said(self.tr("Card recorded"), (
                                self.tr("{card} {serial} is recorded as handed back by the customer; it is held "
                                        "for destruction.") if returned else
                                self.tr("{card} {serial} is spoiled; it is held for destruction."))
                                .format(card=card_type_text(result.card_type), serial=result.serials)))

    def destroy(self) -> None:
        context = self.page.context
        self.page.open_form(DestroyDialog(context.store, context.actor, self._people(), self.page),
                            lambda result: self.page.said(self.tr("Destruction recorded"), self.tr(
                                "No. {id}: {card} ×{count} destroyed ({serials}); the destruction register lists "
                                "every serial.").format(id=result.id, card=card_type_text(result.card_type),
                                                        count=result.count, serials=result.serials)))

    def set_minimum(self) -> None:
        context = self.page.context
        self.page.open_form(MinimumDialog(context.store, context.actor, self.page), self.page.done)

    def count(self) -> None:
        context = self.page.context
        self.page.open_form(CountDialog(context.store, context.actor, self.page.locations, self._people(), self.page),
                            self._counted)

    def _counted(self, result) -> None:
        text = self.tr("Expected {expected}, counted {counted}.").format(
            expected=result.expected, counted=result.counted)
        if result.agrees:
            text += " " + self.tr("The count agrees with the books.")
        else:
            text += " " + self.tr("Missing: {missing}. Unexpected: {unexpected}.").format(
                missing=describe_runs(result.missing) or "—", unexpected=describe_runs(result.unexpected) or "—")
        self.page.said(self.tr("Count recorded"), text)
