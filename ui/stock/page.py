"""The blank-card stock page (空白卡 / 重要空白凭证): stock by location and card type with the
minimum-level alerts; moves awaiting a second person (待复核: those the signed-in person may
confirm or send back, and their own, to withdraw or have authorised on the spot by a colleague
at this PC); day-end reconciliation with sign-off; a serial's history and the movement register
(lazy, filtered, CSV export). Every action says what it did. Custodians and managers see every
location of their branches; counter staff see the vault and their drawer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from app.auth.permissions import Permission
from app.stock import books, moves, views
from app.stock.rules import MOVE_LABELS, describe_runs
from app.tiers.rules import CARD_TYPES
from ui.background import run_in_background
from ui.shell.pages import Page, PageContext
from ui.countersign import CountersignDialog
from ui.stock.dialogs import (
    CountDialog, DestroyDialog, MinimumDialog, ReceiveDialog, SendBackDialog, SignOffDialog, SpoilDialog,
    TransferDialog, move_summary,
)
from ui.stock.models import (
    RegisterModel, StockRowsModel, card_type_text, location_kind_text, move_text, state_text, status_text,
)
from ui.widgets import styled_label
from ui.messages import translate

STOCK_TOPIC = "stock"

STOCK_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "Branch"), lambda r: r.branch_code),
    (QT_TRANSLATE_NOOP("StockTables", "Location"), lambda r: r.location_name),
    (QT_TRANSLATE_NOOP("StockTables", "Kind"), lambda r: location_kind_text(r.location_kind)),
    (QT_TRANSLATE_NOOP("StockTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("StockTables", "State"), lambda r: state_text(r.state)),
    (QT_TRANSLATE_NOOP("StockTables", "Count"), lambda r: r.count),
    (QT_TRANSLATE_NOOP("StockTables", "Serials"), lambda r: r.serials),
)
MOVE_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "No."), lambda r: r.id),
    (QT_TRANSLATE_NOOP("StockTables", "Date"), lambda r: r.business_date.isoformat()),
    (QT_TRANSLATE_NOOP("StockTables", "Move"), lambda r: move_text(r.kind)),
    (QT_TRANSLATE_NOOP("StockTables", "Status"), lambda r: status_text(r.status)),
    (QT_TRANSLATE_NOOP("StockTables", "Card type"), lambda r: card_type_text(r.card_type)),
    (QT_TRANSLATE_NOOP("StockTables", "From"), lambda r: r.from_name),
    (QT_TRANSLATE_NOOP("StockTables", "To"), lambda r: r.to_name),
    (QT_TRANSLATE_NOOP("StockTables", "Count"), lambda r: r.count),
    (QT_TRANSLATE_NOOP("StockTables", "Serials"), lambda r: r.serials),
    (QT_TRANSLATE_NOOP("StockTables", "Made by"), lambda r: r.made_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Confirmed or witnessed by"),
     lambda r: r.witness_name or r.checked_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Reason"), lambda r: r.reason),
)
# The moves awaiting a second person: all pending, none confirmed yet, so no status or checker.
PENDING_COLUMNS = tuple(column for column in MOVE_COLUMNS if column[0] not in (
    "Status", "Confirmed or witnessed by", "Reason"))
DAY_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "Location"), lambda r: r.location_name),
    (QT_TRANSLATE_NOOP("StockTables", "Card type"), lambda r: card_type_text(r.result.card_type)),
    (QT_TRANSLATE_NOOP("StockTables", "Opening"), lambda r: len(r.result.opening)),
    (QT_TRANSLATE_NOOP("StockTables", "In"), lambda r: len(r.result.received)),
    (QT_TRANSLATE_NOOP("StockTables", "Out"), lambda r: len(r.result.sent)),
    (QT_TRANSLATE_NOOP("StockTables", "Closing"), lambda r: len(r.result.closing)),
    (QT_TRANSLATE_NOOP("StockTables", "Difference"), lambda r: r.result.difference),
    (QT_TRANSLATE_NOOP("StockTables", "Missing / unexpected"),
     lambda r: " / ".join(filter(None, [describe_runs(r.result.missing), describe_runs(r.result.unexpected)]))),
    (QT_TRANSLATE_NOOP("StockTables", "Signed off by"), lambda r: r.signed_by),
    (QT_TRANSLATE_NOOP("StockTables", "Explanation"), lambda r: r.explanation),
)
HISTORY_COLUMNS = (
    (QT_TRANSLATE_NOOP("StockTables", "Date"), lambda r: r.business_date.isoformat()),
    (QT_TRANSLATE_NOOP("StockTables", "Move"), lambda r: move_text(r.kind)),
    (QT_TRANSLATE_NOOP("StockTables", "From"), lambda r: r.from_name),
    (QT_TRANSLATE_NOOP("StockTables", "To"), lambda r: r.to_name),
    (QT_TRANSLATE_NOOP("StockTables", "State"), lambda r: state_text(r.to_state)),
    (QT_TRANSLATE_NOOP("StockTables", "Made by"), lambda r: r.made_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Confirmed or witnessed by"), lambda r: r.checked_by_name),
    (QT_TRANSLATE_NOOP("StockTables", "Reason"), lambda r: r.reason),
)


def _table(parent: QWidget, model, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(104)
    return view


def _selected(view: QTableView):
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return view.model().row_at(rows[0].row()) if rows else None


def _button(parent: QWidget, name: str, visible: bool = True) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setVisible(visible)
    return button


class StockPage(Page):
    watches = frozenset({STOCK_TOPIC})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        actor = context.actor
        keeper = actor.may(Permission.RECEIVE_STOCK)
        self.may_manage = actor.may(Permission.MANAGE_STOCK)
        self.drawer_user = actor.may(Permission.USE_DRAWER)
        self.locations: list = []
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stockTabs")

        # -- stock
        stock = QWidget(self)
        self.alerts = styled_label("warning", stock, wrap=True)
        self.alerts.setObjectName("stockAlerts")
        self.receive_button = _button(stock, "receiveStock", keeper)
        self.transfer_button = _button(stock, "transferStock", keeper or self.drawer_user)
        self.spoil_button = _button(stock, "spoilCard", keeper or self.drawer_user)
        self.return_button = _button(stock, "returnCard", keeper or self.drawer_user)
        self.destroy_button = _button(stock, "destroyCards", keeper)
        self.count_button = _button(stock, "countStock", keeper or self.may_manage or self.drawer_user)
        self.minimum_button = _button(stock, "stockMinimum", self.may_manage)
        self.stock_model = StockRowsModel(STOCK_COLUMNS, self)
        self.stock_view = _table(stock, self.stock_model, "stockTable")
        buttons = QHBoxLayout()
        for button in (self.receive_button, self.transfer_button, self.spoil_button, self.return_button,
                       self.destroy_button, self.count_button, self.minimum_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(stock)
        layout.addWidget(self.alerts)
        layout.addLayout(buttons)
        layout.addWidget(self.stock_view, 1)
        self.tabs.addTab(stock, "")

        # -- awaiting confirmation (待复核): what this person may confirm, and their own moves
        pending = QWidget(self)
        self.pending_label = styled_label("section", pending)
        self.pending_label.setObjectName("pendingStockCount")
        may_confirm = actor.may(Permission.CONFIRM_STOCK_MOVE)
        self.confirm_button = _button(pending, "confirmMove", may_confirm)
        self.reject_button = _button(pending, "rejectMove", may_confirm)
        self.pending_model = StockRowsModel(PENDING_COLUMNS, self)
        self.pending_view = _table(pending, self.pending_model, "pendingMoves")
        self.own_label = styled_label("section", pending)
        self.own_label.setObjectName("ownPendingCount")
        self.countersign_button = _button(pending, "countersignMove")
        self.withdraw_button = _button(pending, "withdrawMove")
        self.own_model = StockRowsModel(PENDING_COLUMNS, self)
        self.own_view = _table(pending, self.own_model, "ownPendingMoves")
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
        layout = QVBoxLayout(pending)
        layout.addLayout(row)
        layout.addWidget(self.pending_view, 3)
        layout.addLayout(own_row)
        layout.addWidget(self.own_view, 2)
        self.tabs.addTab(pending, "")

        # -- day end
        day = QWidget(self)
        self.day_label = QLabel(day)
        self.day_edit = QDateEdit(day)
        self.day_edit.setObjectName("dayEndDate")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        today = context.store.today()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.day_label.setBuddy(self.day_edit)
        self.reconcile_button = _button(day, "reconcileDay")
        self.sign_button = _button(day, "signOffDay", self.may_manage or self.drawer_user)
        self.day_status = styled_label("section", day, wrap=True)
        self.day_status.setObjectName("dayStatus")
        self.day_model = StockRowsModel(DAY_COLUMNS, self)
        self.day_view = _table(day, self.day_model, "dayEndTable")
        row = QHBoxLayout()
        row.addWidget(self.day_label)
        row.addWidget(self.day_edit)
        row.addWidget(self.reconcile_button)
        row.addWidget(self.sign_button)
        row.addStretch(1)
        layout = QVBoxLayout(day)
        layout.addLayout(row)
        layout.addWidget(self.day_status)
        layout.addWidget(self.day_view, 1)
        self.tabs.addTab(day, "")

        # -- serial history
        history = QWidget(self)
        self.serial_edit = QLineEdit(history)
        self.serial_edit.setObjectName("historySerial")
        self.history_button = _button(history, "showHistory")
        self.history_status = styled_label("section", history, wrap=True)
        self.history_status.setObjectName("historyStatus")
        self.history_model = StockRowsModel(HISTORY_COLUMNS, self)
        self.history_view = _table(history, self.history_model, "historyTable")
        row = QHBoxLayout()
        row.addWidget(self.serial_edit)
        row.addWidget(self.history_button)
        row.addStretch(1)
        layout = QVBoxLayout(history)
        layout.addLayout(row)
        layout.addWidget(self.history_status)
        layout.addWidget(self.history_view, 1)
        self.tabs.addTab(history, "")

        # -- register
        register = QWidget(self)
        self.kind_filter = QComboBox(register)
        self.kind_filter.setObjectName("registerKind")
        self.kind_filter.addItem("", "")
        for kind in MOVE_LABELS:
            self.kind_filter.addItem("", kind)
        self.type_filter = QComboBox(register)
        self.type_filter.setObjectName("registerCardType")
        self.type_filter.addItem("", "")
        for card_type in CARD_TYPES:
            self.type_filter.addItem("", card_type)
        self.export_button = _button(register, "exportStock")
        self.register_model = RegisterModel(MOVE_COLUMNS, parent=self)
        self.register_model.loadFailed.connect(self.show_error)
        self.register_view = _table(register, self.register_model, "registerTable")
        row = QHBoxLayout()
        row.addWidget(self.kind_filter)
        row.addWidget(self.type_filter)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(register)
        layout.addLayout(row)
        layout.addWidget(self.register_view, 1)
        self.tabs.addTab(register, "")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs, 1)

        self.receive_button.clicked.connect(self.receive)
        self.transfer_button.clicked.connect(self.transfer)
        self.spoil_button.clicked.connect(lambda: self.spoil(returned=False))
        self.return_button.clicked.connect(lambda: self.spoil(returned=True))
        self.destroy_button.clicked.connect(self.destroy)
        self.count_button.clicked.connect(self.count)
        self.minimum_button.clicked.connect(self.set_minimum)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.countersign_button.clicked.connect(self.countersign_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.reconcile_button.clicked.connect(self.reconcile)
        self.sign_button.clicked.connect(self.sign_off_selected)
        self.history_button.clicked.connect(self.show_history)
        self.serial_edit.returnPressed.connect(self.show_history)
        self.kind_filter.currentIndexChanged.connect(self.reload_register)
        self.type_filter.currentIndexChanged.connect(self.reload_register)
        self.export_button.clicked.connect(self.export)
        self.retranslateUi()

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            self.locations = views.locations(store, actor)
            self.stock_model.set_rows(views.stock_by_location(store, actor))
            self.pending_model.set_rows(views.moves_to_confirm(store, actor))
            self.own_model.set_rows(views.my_moves_awaiting(store, actor))
            alerts = books.stock_alerts(store, actor)
        except Exception as error:
            self.show_error(error)
            return
        for view in (self.stock_view, self.pending_view, self.own_view):  # short lists: fit the content
            view.resizeColumnsToContents()
        self.alerts.setText("\n".join(self._alert_text(a) for a in alerts))
        self.alerts.setVisible(bool(alerts))
        self._count_pending()
        self.reconcile()
        self.reload_register()

    def _alert_text(self, alert) -> str:
        text = self.tr("{branch} {card}: {on_hand} in stock, below the minimum of {minimum}.").format(
            branch=alert.branch_code, card=card_type_text(alert.card_type), on_hand=alert.on_hand,
            minimum=alert.minimum)
        if alert.weeks_left is not None:
            text += " " + self.tr("About {weeks:.1f} weeks of issuing left at the recent rate.").format(
                weeks=alert.weeks_left)
        return text

    def reload_register(self) -> None:
        store, actor = self.context.store, self.context.actor
        f = views.RegisterFilter(kind=self.kind_filter.currentData() or "",
                                 card_type=self.type_filter.currentData() or "")
        self.register_model.reset(lambda before, limit: views.register_page(
            store, actor, f, before_id=before, limit=limit))

    def business_date(self) -> date:
        q = self.day_edit.date()
        return date(q.year(), q.month(), q.day())

    def reconcile(self) -> None:
        try:
            lines = books.reconcile_day(self.context.store, self.context.actor, business_date=self.business_date())
        except Exception as error:
            self.show_error(error)
            return
        self.day_model.set_rows(lines)
        self.day_view.resizeColumnsToContents()
        unexplained = sum(1 for line in lines if line.unexplained)
        if unexplained:
            self.day_status.setText(self.tr("{count} unexplained difference(s): explain each before signing off.")
                                    .format(count=unexplained))
        else:
            self.day_status.setText(self.tr("The books balance: opening + in − out = closing."))

    def show_history(self) -> None:
        card, rows = views.serial_history(self.context.store, self.context.actor, self.serial_edit.text())
        self.history_model.set_rows(rows)
        if card is None:
            self.history_status.setText(self.tr("No such serial in your scope."))
        else:
            self.history_status.setText(self.tr("{serial}: {card}, {state}, at {location} ({branch})").format(
                serial=card.serial, card=card_type_text(card.card_type), state=state_text(card.state),
                location=card.location_name, branch=card.branch_code))

    # -- actions ------------------------------------------------------------------------------
    def _done(self, _result=None) -> None:
        self.announce(STOCK_TOPIC)
        self.refresh()

    def _people(self):
        return views.colleagues(self.context.store, self.context.actor)

    def receive(self) -> None:
        self.open_form(ReceiveDialog(self.context.store, self.context.actor, self), self._made)

    def transfer(self) -> None:
        locations = self.locations
        if self.context.actor.may(Permission.RECEIVE_STOCK):
            drawers = views.drawers_of_branch(self.context.store, self.context.actor)
            known = {loc[0] for loc in locations}
            locations = locations + [(i, "", name, "drawer") for i, name in drawers if i not in known]
        self.open_form(TransferDialog(self.context.store, self.context.actor, locations, self), self._made)

    def _made(self, result) -> None:
        """A receipt or transfer is recorded: say so, and offer the natural next step, the
        second person's authorisation on this PC when they are at hand."""
        self._done()
        move = next((self.own_model.row_at(r) for r in range(self.own_model.rowCount())
                     if self.own_model.row_at(r).id == result.id), None)
        if move is None:
            return
        text = self.tr("No. {id} is recorded: {card} ×{count}. It takes effect once a second person "
                       "confirms it.").format(id=move.id, card=card_type_text(move.card_type), count=move.count)
        question = self.tr("Is the second person here? They can authorise it on this PC now.")
        if self.context.dialogs.confirm(self, self.tr("Awaiting a second person"), text + "\n\n" + question):
            self._countersign(move)

    def spoil(self, returned: bool) -> None:
        self.open_form(SpoilDialog(self.context.store, self.context.actor, returned=returned, parent=self),
                       lambda result: self._said(self.tr("Card recorded"), (
                           self.tr("{card} {serial} is recorded as handed back by the customer; it is held for "
                                   "destruction.") if returned else
                           self.tr("{card} {serial} is spoiled; it is held for destruction."))
                           .format(card=card_type_text(result.card_type), serial=result.serials)))

    def destroy(self) -> None:
        self.open_form(DestroyDialog(self.context.store, self.context.actor, self._people(), self),
                       lambda result: self._said(self.tr("Destruction recorded"), self.tr(
                           "No. {id}: {card} ×{count} destroyed ({serials}); the destruction register lists "
                           "every serial.").format(id=result.id, card=card_type_text(result.card_type),
                                                   count=result.count, serials=result.serials)))

    def _said(self, title: str, text: str) -> None:
        """Say what an action did, then show its effect."""
        self.context.dialogs.info(self, title, text)
        self._done()

    def set_minimum(self) -> None:
        self.open_form(MinimumDialog(self.context.store, self.context.actor, self), self._done)

    def count(self) -> None:
        self.open_form(CountDialog(self.context.store, self.context.actor, self.locations, self._people(), self),
                       self._counted)

    def _counted(self, result) -> None:
        title = self.tr("Count recorded")
        text = self.tr("Expected {expected}, counted {counted}.").format(
            expected=result.expected, counted=result.counted)
        if result.agrees:
            text += " " + self.tr("The count agrees with the books.")
        else:
            text += " " + self.tr("Missing: {missing}. Unexpected: {unexpected}.").format(
                missing=describe_runs(result.missing) or "—", unexpected=describe_runs(result.unexpected) or "—")
        self.context.dialogs.info(self, title, text)
        self._done()

    def confirm_selected(self) -> None:
        move = _selected(self.pending_view)
        if move is None:
            return
        try:
            moves.confirm(self.context.store, self.context.actor, move.id)
        except Exception as error:
            self.show_error(error)
            return
        self._confirmed(move, self.context.actor.display_name)

    def _confirmed(self, move, who: str) -> None:
        if move.kind == "receive":
            text = self.tr("No. {id} confirmed by {who}: {card} ×{count} now in {target}.")
        else:
            text = self.tr("No. {id} confirmed by {who}: {card} ×{count} moved from {source} to {target}.")
        self.context.dialogs.info(self, self.tr("Move confirmed"), text.format(
            id=move.id, who=who, count=move.count, card=card_type_text(move.card_type), source=move.from_name,
            target=move.to_name))
        self._done()

    def reject_selected(self) -> None:
        self._send_back(_selected(self.pending_view))

    def withdraw_selected(self) -> None:
        self._send_back(_selected(self.own_view))

    def _send_back(self, move) -> None:
        """退回: asks for the reason (a confirmation too), then says what it did."""
        if move is None:
            return
        self.open_form(SendBackDialog(self.context.store, self.context.actor, move, self),
                       lambda _r: self._sent_back(move))

    def _sent_back(self, move) -> None:
        own = move.made_by == self.context.actor.account_id
        if move.kind == "receive":
            outcome = self.tr("Nothing was received; its serials left the books.")
        else:
            outcome = self.tr("Nothing moved; the cards stay at {source}.").format(source=move.from_name)
        text = (self.tr("No. {id} withdrawn.") if own else self.tr("No. {id} sent back to {maker}.")).format(
            id=move.id, maker=move.made_by_name)
        self.context.dialogs.info(self, self.tr("Move sent back"), text + " " + outcome)
        self._done()

    def countersign_selected(self) -> None:
        """现场授权: the second person authorises one's own move here with their credentials."""
        move = _selected(self.own_view)
        if move is not None:
            self._countersign(move)

    def _countersign(self, move) -> None:
        store, actor = self.context.store, self.context.actor
        self.open_form(CountersignDialog(move_summary(move), lambda username, password: moves.confirm_on_the_spot(
            store, actor, move.id, username=username, password=password), self),
            lambda result: self._confirmed(move, result.confirmed_by))

    def sign_off_selected(self) -> None:
        line = _selected(self.day_view)
        if line is None:
            return
        day = self.business_date()
        self.open_form(SignOffDialog(self.context.store, self.context.actor, line, day, self),
                       lambda _r: (self.context.dialogs.info(self, self.tr("Day signed off"), self.tr(
                           "{location}, {card}, {day} is signed off: the day is closed to back-dated moves.")
                           .format(location=line.location_name, card=card_type_text(line.result.card_type),
                                   day=day.isoformat())), self.reconcile()))

    def export(self) -> None:
        path = self.context.dialogs.save_file(self, self.tr("Export stock"), "stock.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        store, actor = self.context.store, self.context.actor
        run_in_background(self, lambda progress: views.export_stock(store, actor, Path(path), say=translate, progress=progress),
                          on_success=lambda count: self.context.dialogs.info(
                              self, self.tr("Export stock"),
                              self.tr("{count} serials written to {file}.").format(count=count, file=path)),
                          on_failure=self.show_error, label=self.tr("Exporting the stock…"), cancellable=True,
                          busy=[self.export_button])

    # -- language -----------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        for index, text in enumerate((self.tr("Stock"), self.tr("Awaiting confirmation"), self.tr("Day end"),
                                      self.tr("Serial history"), self.tr("Movement register"))):
            self.tabs.setTabText(index, text)
        self.receive_button.setText(self.tr("Receive…"))
        self.transfer_button.setText(self.tr("Transfer…"))
        self.spoil_button.setText(self.tr("Spoil…"))
        self.return_button.setText(self.tr("Customer return…"))
        self.destroy_button.setText(self.tr("Destruction…"))
        self.count_button.setText(self.tr("Physical count…"))
        self.minimum_button.setText(self.tr("Minimum stock…"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.reject_button.setText(self.tr("Send back…"))
        self.countersign_button.setText(self.tr("Authorise on the spot…"))
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.day_label.setText(self.tr("Business date"))
        self.reconcile_button.setText(self.tr("Reconcile"))
        self.sign_button.setText(self.tr("Sign off…"))
        self.serial_edit.setPlaceholderText(self.tr("Serial, e.g. A00001000"))
        self.history_button.setText(self.tr("Show history"))
        self.kind_filter.setItemText(0, self.tr("Every move"))
        for index, kind in enumerate(MOVE_LABELS, start=1):
            self.kind_filter.setItemText(index, move_text(kind))
        self.type_filter.setItemText(0, self.tr("Every card type"))
        for index, card_type in enumerate(CARD_TYPES, start=1):
            self.type_filter.setItemText(index, card_type_text(card_type))
        self.export_button.setText(self.tr("Export stock (CSV)…"))
        for model in (self.stock_model, self.pending_model, self.own_model, self.day_model, self.history_model,
                      self.register_model):
            model.retranslate()
        if self.pending_model.rowCount() or self.own_model.rowCount() or self.locations:
            self._count_pending()

    def _count_pending(self) -> None:
        mine, own = self.pending_model.rowCount(), self.own_model.rowCount()
        self.pending_label.setText(
            self.tr("For you to confirm as the second person: {count}").format(count=mine) if mine else
            self.tr("Nothing awaits your confirmation: moves that others make into or out of a place you "
                    "keep appear here."))
        self.own_label.setText(
            self.tr("Your moves awaiting a second person: {count}").format(count=own) if own else
            self.tr("None of your moves awaits a second person."))
        for button in (self.confirm_button, self.reject_button):
            button.setEnabled(self.pending_model.rowCount() > 0)
        for button in (self.countersign_button, self.withdraw_button):
            button.setEnabled(self.own_model.rowCount() > 0)
