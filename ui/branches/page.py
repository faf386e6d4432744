"""The branch tree of the signed-in administrator's subtree: add child branches, edit them."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from app.auth.branches import LEVEL_ORDER, BranchRow, list_branches
from ui.branches.dialog import BranchDialog
from ui.itemroles import ROW_ROLE
from ui.messages import level_label
from ui.page import Page, PageContext
from ui.widgets import styled_label

INACTIVE = QColor("#8a949e")


class BranchesPage(Page):
    watches = frozenset({"branch"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.rows: list[BranchRow] = []
        self.hint = styled_label("hint", self, wrap=True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("branchTree")
        self.tree.setColumnCount(6)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addBranch")
        self.add_button.setProperty("primary", True)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editBranch")
        self.reload_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.add_button.clicked.connect(self.add_child)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reload_button.clicked.connect(self.refresh)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.edit_selected())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected()
        try:
            self.rows = list_branches(self.context.store, self.context.actor)
        except Exception as error:
            if not self.handle_error(error):
                raise
            return
        self._fill(selected.id if selected else None)

    def _fill(self, select_id: int | None) -> None:
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for row in self.rows:  # tree order: parents come first
            item = QTreeWidgetItem()
            item.setData(0, ROW_ROLE, row)
            self._set_texts(item, row)
            parent = items.get(row.parent_id) if row.parent_id is not None else None
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[row.id] = item
        self.tree.expandAll()
        for column in range(5):
            self.tree.resizeColumnToContents(column)
        target = items.get(select_id) if select_id is not None else None
        if target is None and self.tree.topLevelItemCount():
            target = self.tree.topLevelItem(0)
        if target is not None:
            self.tree.setCurrentItem(target)
        self._update_buttons()

    def _set_texts(self, item: QTreeWidgetItem, row: BranchRow) -> None:
        values = (row.name, row.code, level_label(row.level), row.address, row.phone,
                  self.tr("Open") if row.active else self.tr("Inactive"))
        for column, value in enumerate(values):
            item.setText(column, value)
            if not row.active:
                item.setForeground(column, QBrush(INACTIVE))

    def selected(self) -> BranchRow | None:
        item = self.tree.currentItem()
        return item.data(0, ROW_ROLE) if item is not None else None

    def select_code(self, code: str) -> bool:
        """Select the branch with ``code``; False if it is not in the tree."""
        for item in self._items():
            if item.data(0, ROW_ROLE).code == code:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _update_buttons(self) -> None:
        row = self.selected()
        lowest = LEVEL_ORDER[-1]
        self.add_button.setEnabled(row is not None and row.active and row.level is not lowest)
        self.edit_button.setEnabled(row is not None)

    # -- actions ----------------------------------------------------------------------------
    def add_child(self) -> BranchDialog | None:
        parent_row = self.selected()
        if parent_row is None or parent_row.level is LEVEL_ORDER[-1]:
            return None
        return self.open_form(BranchDialog(self.context.store, self.context.actor,
                                           parent_row=parent_row, parent=self), self._saved)

    def edit_selected(self) -> BranchDialog | None:
        row = self.selected()
        if row is None:
            return None
        return self.open_form(BranchDialog(self.context.store, self.context.actor, branch=row,
                                           parent=self), self._saved)

    def _saved(self, row: BranchRow) -> None:
        self.refresh()
        self.select_code(row.code)

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "Branches of your part of the bank. Branches are never deleted: mark a closed one "
            "inactive."))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Code"), self.tr("Level"),
                                   self.tr("Address"), self.tr("Phone"), self.tr("Status")])
        self.add_button.setText(self.tr("Add child branch…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.reload_button.setText(self.tr("Reload"))
        for item in self._items():
            self._set_texts(item, item.data(0, ROW_ROLE))

