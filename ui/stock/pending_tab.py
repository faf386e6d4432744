"""The stock page's 待复核 tab: the moves the signed-in person may confirm or send back as the
second person, and their own moves awaiting one (withdraw, or have a colleague at this PC
authorise it on the spot)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.stock import moves
from ui.columns import ColumnsModel
from ui.countersign import CountersignDialog
from ui.stock.columns import PENDING_COLUMNS
from ui.stock.dialogs import SendBackDialog, move_summary
from ui.stock.models import CONTEXT, card_type_text
from ui.tables import read_only_view, selected
from ui.widgets import named_button, styled_label, with_mnemonic


class PendingTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.pending_label = styled_label("section", self)
        self.pending_label.setObjectName("pendingStockCount")
        may_confirm = page.context.actor.may(Permission.CONFIRM_STOCK_MOVE)
        self.confirm_button = named_button(self, "confirmMove", may_confirm)
        self.reject_button = named_button(self, "rejectMove", may_confirm)
        self.pending_model = ColumnsModel(PENDING_COLUMNS, CONTEXT, self)
        self.pending_view = read_only_view(self, self.pending_model, "pendingMoves")
        self.own_label = styled_label("section", self)
        self.own_label.setObjectName("ownPendingCount")
        self.countersign_button = named_button(self, "countersignMove")
        self.withdraw_button = named_button(self, "withdrawMove")
        self.own_model = ColumnsModel(PENDING_COLUMNS, CONTEXT, self)
        self.own_view = read_only_view(self, self.own_model, "ownPendingMoves")
        row = QHBoxLayout()
        row.addWidget(self.pending_label)
        row.addStretch(1)
        row.addWidget(self.reject_button)
        row.addWidget(self.confirm_button)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_label)
        own_row.addStretch(1)
        own_row.addWidget(self.withdraw_button)
        own_row.addWidget(self.countersign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.pending_view, 3)
        layout.addLayout(own_row)
        layout.addWidget(self.own_view, 2)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.countersign_button.clicked.connect(self.countersign_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)

    def retranslateUi(self) -> None:  # noqa: N802
        self.confirm_button.setText(with_mnemonic(self.tr("Confirm"), "C"))
        self.reject_button.setText(with_mnemonic(self.tr("Send back…"), "B"))
        self.countersign_button.setText(with_mnemonic(self.tr("Authorise on the spot…"), "U"))
        self.withdraw_button.setText(with_mnemonic(self.tr("Withdraw…"), "W"))
        for model in (self.pending_model, self.own_model):
            model.retranslate()
        self.count()

    def show_moves(self, to_confirm, own) -> None:
        """The moves awaiting a second person, as the page loaded them."""
        self.pending_model.set_rows(to_confirm)
        self.own_model.set_rows(own)
        for view in (self.pending_view, self.own_view):   # short lists: fit the content
            view.resizeColumnsToContents()
        self.count()

    def count(self) -> None:
        mine, own = self.pending_model.rowCount(), self.own_model.rowCount()
        self.pending_label.setText(
            self.tr("For you to confirm as the second person: {count}").format(count=mine) if mine else
            self.tr("Nothing awaits your confirmation: moves that others make into or out of a place you "
                    "keep appear here."))
        self.own_label.setText(
            self.tr("Your moves awaiting a second person: {count}").format(count=own) if own else
            self.tr("None of your moves awaits a second person."))
        for button in (self.confirm_button, self.reject_button):
            button.setEnabled(mine > 0)
        for button in (self.countersign_button, self.withdraw_button):
            button.setEnabled(own > 0)

    def own_move(self, move_id: int):
        """One of the person's own moves awaiting a second person, or None."""
        return next((row for row in self.own_model.rows() if row.id == move_id), None)

    def confirm_selected(self) -> None:
        move = selected(self.pending_view)
        if move is None:
            return
        context = self.page.context
        try:
            self.page.command(lambda: moves.confirm(context.store, context.actor, move.id))
        except Exception as error:
            self.page.show_error(error)
            return
        self._confirmed(move, context.actor.display_name)

    def _confirmed(self, move, who: str) -> None:
        if move.kind == "receive":
            text = self.tr("No. {id} confirmed by {who}: {card} ×{count} now in {target}.")
        else:
            text = self.tr("No. {id} confirmed by {who}: {card} ×{count} moved from {source} to {target}.")
        self.page.said(self.tr("Move confirmed"), text.format(
            id=move.id, who=who, count=move.count, card=card_type_text(move.card_type), source=move.from_name,
            target=move.to_name))

    def reject_selected(self) -> None:
        self._send_back(selected(self.pending_view))

    def withdraw_selected(self) -> None:
        self._send_back(selected(self.own_view))

    def _send_back(self, move) -> None:
        """退回: asks for the reason (a confirmation too), then says what it did."""
        if move is None:
            return
        context = self.page.context
        self.page.open_form(SendBackDialog(context.store, context.actor, move, self.page),
                            lambda _r: self._sent_back(move))

    def _sent_back(self, move) -> None:
        own = move.made_by == self.page.context.actor.account_id
        if move.kind == "receive":
            outcome = self.tr("Nothing was received; its serials left the books.")
        else:
            outcome = self.tr("Nothing moved; the cards stay at {source}.").format(source=move.from_name)
        text = (self.tr("No. {id} withdrawn.") if own else self.tr("No. {id} sent back to {maker}.")).format(
            id=move.id, maker=move.made_by_name)
        self.page.said(self.tr("Move sent back"), text + " " + outcome)

    def countersign_selected(self) -> None:
        """现场授权: the second person authorises one's own move here with their credentials."""
        move = selected(self.own_view)
        if move is not None:
            self.countersign(move)

    def countersign(self, move) -> None:
        store, actor = self.page.context.store, self.page.context.actor
        self.page.open_form(CountersignDialog(move_summary(move), lambda username, password: moves.confirm_on_the_spot(
            store, actor, move.id, username=username, password=password), self.page),
            lambda result: self._confirmed(move, result.confirmed_by))
