"""The login window's demo card (only with ``--demo``): every demo login with its name, roles and
branch; a click fills the form, a double-click signs in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui.widgets import styled_label


class DemoLoginsCard(QFrame):
    """``chosen(login)`` on a click, ``signInRequested(login)`` on a double-click."""

    chosen = Signal(object)            # DemoLogin
    signInRequested = Signal(object)   # DemoLogin

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setVisible(False)
        self.logins: list = []
        self.title = styled_label("section", self)
        self.hint = styled_label("hint", self, wrap=True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("demoLogins")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.cellClicked.connect(lambda row, _col: self._emit(self.chosen, row))
        self.table.cellDoubleClicked.connect(lambda row, _col: self._emit(self.signInRequested, row))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 22)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.setMinimumWidth(560)

    def _emit(self, signal, row: int) -> None:
        if 0 <= row < len(self.logins):
            signal.emit(self.logins[row])

    def set_logins(self, logins) -> None:
        """Show ``logins`` (none: the card stays hidden)."""
        from ui.messages import roles_text  # app code: imported once the store is open

        self.logins = list(logins)
        self.setVisible(bool(self.logins))
        self.table.setRowCount(len(self.logins))
        for row, login in enumerate(self.logins):
            values = (login.username, login.display_name, roles_text(login.roles), login.branch_code)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        # tall enough for every login without scrolling (there are about a dozen)
        rows = self.table.verticalHeader().length()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows + header + 2 * self.table.frameWidth() + 2)

    def retranslateUi(self) -> None:  # noqa: N802
        self.title.setText(self.tr("Demo logins"))
        if self.logins:
            self.hint.setText(self.tr(
                "This is a demo store with made-up data. Click a login to fill in the form; "
                "every demo account has the password {password}.").format(password=self.logins[0].password))
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Roles"),
                                              self.tr("Branch")])
        if self.logins:
            from ui.messages import roles_text

            for row, login in enumerate(self.logins):
                item = self.table.item(row, 2)
                if item is not None:
                    item.setText(roles_text(login.roles))
