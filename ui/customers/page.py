"""The Customers page: one search box (results as the clerk types), the lazy customer list,
the customer view on double-click or Enter, new customer, import and export.

Typing restarts a short timer (``DEBOUNCE_MS``); when it fires the search runs off the GUI
thread and its rows replace the list, unless the clerk has typed on meanwhile (a generation
counter drops stale answers). With the box empty the list browses every customer of the
subtree a keyset page at a time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from app.csvio import ImportRefused
from app.auth.permissions import Permission
from app.swipe import is_swipe
from app.customers import (
    CustomerImportResult, customer_page, export_customers, import_customers, search_customers,
)
from app.errors import UserError
from ui.background import Task, run_in_background
from ui.customers.form import CustomerForm
from ui.customers.model import CustomerModel
from ui.customers.view import CustomerView
from ui.dialogs import file_name
from ui.messages import error_text, translate
from ui.page import Page, PageContext
from ui.import_problems import PROBLEM_COLUMNS
from ui.tables import fit_tables, read_only_view
from ui.columns import ColumnsModel
from ui.swipe import SwipeCatcher
from ui.widgets import error_label, show_text, styled_label

DEBOUNCE_MS = 200


class CustomerTable(QTableView):
    """The result list; Enter opens the current customer like a double-click."""

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CustomersPage(Page):
    watches = frozenset({"customer", "customer_tier", "vip_card"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        actor = context.actor
        self.generation = 0
        self.search_task: Task | None = None
        self.task: Task | None = None
        self.view_dialog: CustomerView | None = None
        self.last_import: CustomerImportResult | None = None
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("customerSearch")
        self.search_box.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        # A card swiped is searched at the reader's Enter, not half-read as it is typed.
        self.search_box.textChanged.connect(lambda text: self.timer.stop() if is_swipe(text) else self.timer.start())
        self.search_box.returnPressed.connect(self.search_and_open)
        self.search_box.installEventFilter(self)
        SwipeCatcher(self.search_box, context.store).refused.connect(self.show_error)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newCustomer")
        self.new_button.setProperty("primary", True)
        self.new_button.setVisible(actor.may(Permission.EDIT_CUSTOMERS))
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importCustomers")
        self.skip_bad = QCheckBox(self)
        self.skip_bad.setObjectName("skipBad")
        for widget in (self.import_button, self.skip_bad):
            widget.setVisible(actor.may(Permission.IMPORT_DATA))
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCustomers")
        self.export_button.setVisible(actor.may(Permission.EXPORT_CUSTOMERS))
        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.skip_bad)
        bar.addWidget(self.export_button)
        self.hint = styled_label("hint", self, wrap=True)
        self.status = styled_label("hint", self)
        self.status.setObjectName("customerStatus")
        self.error = error_label(self)
        self.error.setObjectName("customerError")
        self.model = CustomerModel(parent=self)
        self.model.loadFailed.connect(self.show_error)
        self.table = CustomerTable(self)
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self.open_index)
        self.table.doubleClicked.connect(self.open_index)
        self.problems_title = styled_label("section", self)
        self.problems = ColumnsModel(PROBLEM_COLUMNS, "TierTables", self)
        self.problems_view = read_only_view(self, self.problems, "customerImportProblems")
        self.problems_view.setColumnWidth(0, 70)
        self.problems_view.setMaximumHeight(160)
        for widget in (self.problems_title, self.problems_view):
            widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.hint)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems_view)
        # An administrator imports and exports without reading records: no list, no search.
        self.can_view = actor.may(Permission.VIEW_CUSTOMERS)
        for widget in (self.search_box, self.table, self.hint):
            widget.setVisible(self.can_view)
        if not self.can_view:
            layout.addStretch(1)
        self.new_button.clicked.connect(self.new_customer)
        self.import_button.clicked.connect(self.choose_and_import)
        self.export_button.clicked.connect(self.choose_and_export)
        self.retranslateUi()

    # -- listing and searching --------------------------------------------------------------
    def refresh(self) -> None:
        self.run_search()

    def focus_widget(self) -> QWidget | None:
        return self.search_box if self.can_view else None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Down in the search box moves into the results, on the first one."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def search_and_open(self) -> None:
        """Enter in the search box: search now, and open the customer if there is exactly one."""
        self.run_search(open_single=True)

    def run_search(self, open_single: bool = False) -> Task | None:
        """Show what the box asks for: the search's results, or the browse list when empty;
        ``open_single``: a search that finds exactly one customer opens them."""
        self.timer.stop()
        if not self.can_view:
            return None
        self.generation += 1
        generation = self.generation
        query = self.search_box.text()
        store, actor = self.context.store, self.context.actor
        show_text(self.error, "")
        if not query.strip():
            self.model.reset(lambda after, limit: customer_page(store, actor, "", after, limit).rows)
            show_text(self.status, "")
            return None

        def done(rows) -> None:
            if generation != self.generation:
                return  # the clerk typed on; a newer search is coming
            self.model.show_rows(rows)
            show_text(self.status, self.tr("No customer found.") if not rows else
                      self.tr("{count} customers found.").format(count=len(rows)))
            if open_single and len(rows) == 1:
                self.open_customer(rows[0].id)

        self.search_task = run_in_background(
            self, lambda _progress: search_customers(store, actor, query),
            on_success=done, on_failure=self.show_error)
        return self.search_task

    def open_index(self, index: QModelIndex) -> CustomerView | None:
        if not index.isValid():
            return None
        return self.open_customer(self.model.row_at(index.row()).id)

    def open_customer(self, customer_id: int) -> CustomerView:
        dialog = CustomerView(self.context.store, self.context.actor, self.context.dialogs,
                              customer_id, self)
        dialog.changed.connect(self._customer_changed)
        dialog.sessionEnded.connect(self.sessionEnded)
        dialog.finished.connect(dialog.deleteLater)
        self.view_dialog = dialog
        fit_tables(dialog)   # its tabs' lists (card numbers, tiers, contacts) read whole, as on the pages
        dialog.open()
        return dialog

    def _customer_changed(self, tables: frozenset[str]) -> None:
        self.publish(tables)
        self.run_search()

    def new_customer(self) -> CustomerForm:
        form = CustomerForm(self.context.store, self.context.actor, parent=self)
        return self.open_form(form, self._created)

    def _created(self, detail) -> None:
        self.search_box.setText(detail.cif_no)
        self.run_search()

    # -- import and export ------------------------------------------------------------------
    def choose_and_import(self) -> Task | None:
        path = self.context.dialogs.open_file(self, self.tr("Import customers"),
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        return self.import_file(Path(path)) if path else None

    def import_file(self, path: Path) -> Task:
        store, actor, skip = self.context.store, self.context.actor, self.skip_bad.isChecked()
        show_text(self.error, "")
        self._show_problems([])
        self.task = self.run_command(
            lambda progress: import_customers(store, actor, path, skip_bad=skip, progress=progress),
            self._imported, on_failure=self._import_failed,
            on_cancel=lambda: show_text(self.status, self.tr("Import cancelled; nothing was imported.")),
            label=self.tr("Importing {file}…").format(file=path.name), cancellable=True,
            busy=[self.import_button])
        return self.task

    def _imported(self, result: CustomerImportResult) -> None:
        self.last_import = result
        show_text(self.status, self.tr(
            "{file}: {read} lines read, {new} new, {updated} updated, {unchanged} unchanged, "
            "{skipped} bad lines skipped.").format(
            file=result.file_name, read=result.rows_read, new=result.inserted,
            updated=result.updated, unchanged=result.unchanged, skipped=result.rows_skipped))
        self._show_problems(result.problems)
        self.search_box.clear()
        self.run_search()

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRefused):
            show_text(self.error, self.tr(
                "{count} bad lines: nothing was imported. Correct them, or tick “Skip bad lines” "
                "to import the good ones.").format(count=error.bad_lines))
            self._show_problems(error.problems)
            return
        if isinstance(error, UserError) and error.field:
            show_text(self.error, error_text(error))
            return
        self.show_error(error)

    def _show_problems(self, problems) -> None:
        self.problems.set_rows(problems)
        for widget in (self.problems_title, self.problems_view):
            widget.setVisible(bool(problems))

    def choose_and_export(self) -> Task | None:
        path = self.context.dialogs.save_file(self, self.tr("Export customers"), file_name(
            self.tr("Customers"), self.context.actor.branch_code, suffix=".csv", day=self.context.store.today()),
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return None
        store, actor = self.context.store, self.context.actor
        self.task = self.run_command(
            lambda progress: export_customers(store, actor, Path(path), say=translate, progress=progress),
            lambda count: show_text(self.status, self.tr(
                "{count} customers written to {file} (ID numbers and phones masked).").format(
                count=count, file=Path(path).name)),
            label=self.tr("Exporting customers…"), cancellable=True,
            busy=[self.export_button])
        return self.task

    # -- language ---------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "Type a name (张三), its pinyin or initials (zhangsan, zs), the last 4 to 8 digits of "
            "an ID number or phone, a whole ID number or mobile number, or a CIF number. "
            "Double-click or press Enter to open a customer."))
        self.search_box.setPlaceholderText(self.tr("Find a customer…"))
        self.new_button.setText(self.tr("New customer…"))
        self.import_button.setText(self.tr("Import customers…"))
        self.skip_bad.setText(self.tr("Skip bad lines"))
        self.export_button.setText(self.tr("Export…"))
        self.problems_title.setText(self.tr("Bad lines"))
        self.model.retranslate()
        self.problems.retranslate()
