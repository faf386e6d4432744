"""The blank-card stock page (空白卡 / 重要空白凭证), one tab per class: stock by location and
card type with the minimum-level alerts (ui.stock.stock_tab); moves awaiting a second person
(待复核, ui.stock.pending_tab); day-end reconciliation with sign-off (ui.stock.day_tab); a
serial's history (ui.stock.history_tab) and the movement register with the CSV export
(ui.stock.register_tab). Every action says what it did. Custodians and managers see every
location of their branches; counter staff see the vault and their drawer."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.stock import books, views
from ui.page import Page, PageContext
from ui.stock.day_tab import DayEndTab
from ui.stock.history_tab import HistoryTab
from ui.stock.pending_tab import PendingTab
from ui.stock.register_tab import MovementRegisterTab
from ui.stock.stock_tab import StockTab
from ui.stock.models import card_type_text


class StockPage(Page):
    watches = frozenset({"blank_card", "stock_move", "stock_movement", "stock_day", "stock_count",
                         "stock_minimum", "stock_location", "staff_account"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.locations: list = []
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stockTabs")
        self.stock_tab = StockTab(self, self.tabs)
        self.pending_tab = PendingTab(self, self.tabs)
        self.day_tab = DayEndTab(self, self.tabs)
        self.history_tab = HistoryTab(self, self.tabs)
        self.register_tab = MovementRegisterTab(self, self.tabs)
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs, 1)
        self.retranslateUi()

    def _tabs(self) -> tuple[QWidget, ...]:
        return self.stock_tab, self.pending_tab, self.day_tab, self.history_tab, self.register_tab

    def retranslateUi(self) -> None:  # noqa: N802
        for index, text in enumerate((self.tr("Stock"), self.tr("Awaiting confirmation"), self.tr("Day end"),
                                      self.tr("Serial history"), self.tr("Movement register"))):
            self.tabs.setTabText(index, text)
        for tab in self._tabs():
            tab.retranslateUi()

    def refresh(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            self.locations = views.locations(store, actor)
            stock = views.stock_by_location(store, actor)
            to_confirm, own = views.moves_to_confirm(store, actor), views.my_moves_awaiting(store, actor)
            alerts = books.stock_alerts(store, actor)
        except Exception as error:
            self.show_error(error)
            return
        self.stock_tab.show_stock(stock, alerts)
        self.pending_tab.show_moves(to_confirm, own)
        self.day_tab.reconcile()
        self.register_tab.reload()

    def done(self, _result=None) -> None:
        """A move was recorded: show its effect everywhere on the page."""
        self.refresh()

    def said(self, title: str, text: str) -> None:
        """Say what an action did, then show its effect."""
        self.context.dialogs.info(self, title, text)
        self.done()

    def made(self, result) -> None:
        """A receipt or transfer is recorded: say so, and offer the natural next step, the
        second person's authorisation on this PC when they are at hand."""
        self.done()
        move = self.pending_tab.own_move(result.id)
        if move is None:
            return
        text = self.tr("No. {id} is recorded: {card} ×{count}. It takes effect once a second person "
                       "confirms it.").format(id=move.id, card=card_type_text(move.card_type), count=move.count)
        question = self.tr("Is the second person here? They can authorise it on this PC now.")
        if self.context.dialogs.confirm(self, self.tr("Awaiting a second person"), text + "\n\n" + question):
            self.pending_tab.countersign(move)
