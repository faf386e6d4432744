"""Staff accounts of the administrator's subtree: create, edit, disable/enable, reset, unlock.

There is deliberately no delete: an account that leaves is disabled, so the audit trail keeps
pointing at someone. Every change carries the version the administrator saw; a change made
meanwhile by someone else is refused with the "changed by someone else" message and the table
reloads, so nobody's work is silently overwritten.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from app.auth.accounts import AccountRow, list_accounts, set_disabled, unlock
from app.auth.branches import list_branches
from app.auth.policy import load_policy
from app.errors import UserError
from ui.accounts.dialogs import AccountDialog, ResetPasswordDialog
from ui.accounts.model import AccountsModel, make_proxy
from ui.itemroles import ROW_ROLE
from ui.page import Page, PageContext
from ui.widgets import with_mnemonic


class AccountsPage(Page):
    watches = frozenset({"staff_account", "staff_role", "branch"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.model = AccountsModel(context.store.clock, self)
        self.proxy = make_proxy(self.model, self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("accountFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(280)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setObjectName("accountTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: branch, name
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newAccount")
        self.new_button.setProperty("primary", True)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editAccount")
        self.disable_button = QPushButton(self)
        self.disable_button.setObjectName("disableAccount")
        self.reset_button = QPushButton(self)
        self.reset_button.setObjectName("resetPassword")
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockAccount")
        self.reload_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.disable_button)
        top.addWidget(self.reset_button)
        top.addWidget(self.unlock_button)
        top.addStretch(1)
        top.addWidget(self.filter, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self.new_account)
        self.edit_button.clicked.connect(self.edit_selected)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.reset_button.clicked.connect(self.reset_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.reload_button.clicked.connect(self.refresh)
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter or double-click
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.proxy.modelReset.connect(self._update_buttons)
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        try:
            rows = list_accounts(self.context.store, self.context.actor)
        except UserError as error:
            self.handle_error(error)
            return
        self.model.set_rows(rows)
        self._fit_columns()
        if selected is not None:
            self.select_username(selected.username)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Fit every column but the last to its contents; the last one takes the rest."""
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_username(self, username: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).username == username:
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.disable_button, self.reset_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and self.model.is_locked(row))
        self._disable_text(row)

    def _disable_text(self, row: AccountRow | None) -> None:
        self.disable_button.setText(with_mnemonic(
            self.tr("Enable") if row is not None and row.disabled else self.tr("Disable"), "B"))

    # -- actions ----------------------------------------------------------------------------
    def _context(self):
        store, actor = self.context.store, self.context.actor
        branches = list_branches(store, actor)
        with store.read() as db:
            policy = load_policy(db)
        return store, actor, branches, policy

    def new_account(self) -> AccountDialog:
        store, actor, branches, policy = self._context()
        return self.open_form(AccountDialog(store, actor, branches, policy, parent=self), self._saved)

    def edit_selected(self) -> AccountDialog | None:
        row = self.selected()
        if row is None:
            return None
        store, actor, branches, policy = self._context()
        return self.open_form(AccountDialog(store, actor, branches, policy, account=row, parent=self),
                              self._saved)

    def reset_selected(self) -> ResetPasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        store, actor, _branches, policy = self._context()
        return self.open_form(ResetPasswordDialog(store, actor, row, policy, parent=self), self._saved)

    def toggle_disabled(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = f"{row.display_name} ({row.username})"
        if row.disabled:
            title, question = self.tr("Enable account"), self.tr(
                "Enable the account of {name}? The person can sign in again.").format(name=name)
        else:
            title, question = self.tr("Disable account"), self.tr(
                "Disable the account of {name}? The person can no longer sign in; their "
                "records stay.").format(name=name)
        if not self.context.dialogs.confirm(self, title, question):
            return
        self._change(lambda: set_disabled(self.context.store, self.context.actor, row.id,
                                          expected_version=row.version, disabled=not row.disabled))

    def unlock_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._change(lambda: unlock(self.context.store, self.context.actor, row.id,
                                    expected_version=row.version))

    def _change(self, work) -> None:
        try:
            changed = self.command(work)
        except UserError as error:
            self.handle_error(error)
            self.refresh()  # a conflict: show what is there now
            return
        self._saved(changed)

    def _saved(self, row: AccountRow) -> None:
        self.refresh()
        self.select_username(row.username)
        if row.id == self.context.actor.account_id:
            self.tell_own_account_changed()

    def tell_own_account_changed(self) -> None:
        """My own account changed (name, branch or roles): the window shows the new details
        after the next sign-in; say so once here."""
        self.context.dialogs.info(self, self.tr("Your own account"), self.tr(
            "You changed your own account. The change applies from your next sign-in."))

    def retranslateUi(self) -> None:  # noqa: N802
        self.filter.setPlaceholderText(self.tr("Filter: name, user name, branch, role…"))
        self.new_button.setText(with_mnemonic(self.tr("New account…"), "N"))
        self.edit_button.setText(with_mnemonic(self.tr("Edit…"), "E"))
        self.reset_button.setText(with_mnemonic(self.tr("Reset password…"), "R"))
        self.unlock_button.setText(with_mnemonic(self.tr("Unlock"), "U"))
        self.reload_button.setText(with_mnemonic(self.tr("Reload"), "L"))
        self._disable_text(self.selected())
        self.model.retranslate()
        self._fit_columns()  # translated texts have other widths
