"""The documents page: the register (lazy, filtered; reprint as a copy, attach a signed scan),
the verify box a handheld scanner types into, the reports, and, for administrators, the
template editor. Every document opens in the preview, where it is printed or saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.auth.permissions import Permission
from app.documents import reports
from app.documents import templates as tpl
from app.documents.qr import Status
from app.documents.register import KIND_LABELS, SIGNABLE, RegisterFilter, attach_scan, register_page, reprint
from app.documents.verify import verify
from app.errors import UserError
from app.tiers.evaluation import WORKLIST_LABELS as WORKLISTS
from ui.columns import KeysetColumnsModel
from ui.documents.models import COLUMNS, CONTEXT, PAPERWORK_COLUMNS, kind_text
from ui.document_viewer import DocumentViewer
from ui.formatting import local_time
from ui.messages import translate
from ui.page import Page, PageContext
from ui.widgets import styled_label

_TIER_WORK = (Permission.RUN_TIER_EVALUATION, Permission.PROPOSE_TIER_EXCEPTION, Permission.APPROVE_TIER_EXCEPTION)


def _date_edit(parent: QWidget, name: str, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def _button(parent: QWidget, name: str, visible: bool = True) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setVisible(visible)
    return button


class DocumentsPage(Page):
    watches = frozenset({"document", "document_template", "card_paperwork"})

    def __init__(self, context: PageContext, parent: QWidget | None = None, printing=None):
        super().__init__(context, parent)
        actor = context.actor
        self.printing = printing
        self.viewer: DocumentViewer | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentsTabs")
        today = context.store.today()

        # -- register
        register = QWidget(self)
        self.kind_filter = QComboBox(register)
        self.kind_filter.setObjectName("documentKind")
        self.kind_filter.addItem("", "")
        for kind in KIND_LABELS:
            self.kind_filter.addItem("", kind)
        self.text_filter = QLineEdit(register)
        self.text_filter.setObjectName("documentText")
        self.copies_box = QCheckBox(register)
        self.copies_box.setObjectName("documentCopies")
        self.copies_box.setChecked(True)
        self.reprint_button = _button(register, "reprintDocument")
        self.scan_button = _button(register, "attachScan")
        self.model = KeysetColumnsModel(COLUMNS, CONTEXT, parent=self)
        self.model.loadFailed.connect(self.show_error)
        self.view = QTableView(register)
        self.view.setObjectName("documentsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setDefaultSectionSize(96)
        for column, width in ((0, 110), (1, 150), (2, 330), (4, 130)):
            self.view.setColumnWidth(column, width)
        row = QHBoxLayout()
        row.addWidget(self.kind_filter)
        row.addWidget(self.text_filter, 1)
        row.addWidget(self.copies_box)
        row.addWidget(self.reprint_button)
        row.addWidget(self.scan_button)
        layout = QVBoxLayout(register)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.tabs.addTab(register, "")

        # -- card paperwork due
        paper = QWidget(self)
        self.paperwork_all = QCheckBox(paper)
        self.paperwork_all.setObjectName("paperworkAll")
        self.print_paperwork_button = _button(paper, "printPaperwork")
        self.paperwork_model = KeysetColumnsModel(PAPERWORK_COLUMNS, CONTEXT, parent=self)
        self.paperwork_model.loadFailed.connect(self.show_error)
        self.paperwork_view = QTableView(paper)
        self.paperwork_view.setObjectName("paperworkTable")
        self.paperwork_view.setModel(self.paperwork_model)
        self.paperwork_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.paperwork_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.paperwork_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.paperwork_view.verticalHeader().setVisible(False)
        self.paperwork_view.horizontalHeader().setStretchLastSection(True)
        self.paperwork_view.horizontalHeader().setDefaultSectionSize(130)
        row = QHBoxLayout()
        row.addWidget(self.paperwork_all)
        row.addStretch(1)
        row.addWidget(self.print_paperwork_button)
        layout = QVBoxLayout(paper)
        layout.addLayout(row)
        layout.addWidget(self.paperwork_view, 1)
        self.paperwork_index = self.tabs.addTab(paper, "")
        self.tabs.setTabVisible(self.paperwork_index, actor.may(Permission.VIEW_CUSTOMERS))

        # -- verify
        check = QWidget(self)
        self.verify_label = QLabel(check)
        self.payload_edit = QLineEdit(check)
        self.payload_edit.setObjectName("verifyPayload")
        self.verify_button = _button(check, "verifyDocument")
        self.verdict = styled_label("title", check, wrap=True)
        self.verdict.setObjectName("verifyVerdict")
        self.verdict_details = QLabel(check)
        self.verdict_details.setObjectName("verifyDetails")
        self.verdict_details.setWordWrap(True)
        self.verdict_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.payload_edit, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(check)
        layout.addWidget(self.verify_label)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.verdict_details)
        layout.addStretch(1)
        self.verify_index = self.tabs.addTab(check, "")

        # -- reports
        made = QWidget(self)
        stock = actor.may(Permission.VIEW_STOCK)
        tiers = actor.may(Permission.VIEW_CUSTOMERS) and any(actor.may(p) for p in _TIER_WORK)
        self.stock_box = QGroupBox(made)
        self.stock_box.setVisible(stock)
        self.day_edit = _date_edit(self.stock_box, "reportDay", today)
        self.from_edit = _date_edit(self.stock_box, "reportFrom", today.replace(day=1))
        self.to_edit = _date_edit(self.stock_box, "reportTo", today)
        self.reconciliation_button = _button(self.stock_box, "reportReconciliation")
        self.count_button = _button(self.stock_box, "reportCounts")
        self.destruction_button = _button(self.stock_box, "reportDestruction")
        self.day_label, self.period_label = QLabel(self.stock_box), QLabel(self.stock_box)
        form = QFormLayout(self.stock_box)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_edit)
        day_row.addWidget(self.reconciliation_button)
        day_row.addStretch(1)
        form.addRow(self.day_label, day_row)
        period_row = QHBoxLayout()
        period_row.addWidget(self.from_edit)
        period_row.addWidget(QLabel("–", self.stock_box))
        period_row.addWidget(self.to_edit)
        period_row.addWidget(self.count_button)
        period_row.addWidget(self.destruction_button)
        period_row.addStretch(1)
        form.addRow(self.period_label, period_row)
        self.tier_box = QGroupBox(made)
        self.tier_box.setVisible(tiers)
        self.worklist_combo = QComboBox(self.tier_box)
        self.worklist_combo.setObjectName("reportWorklist")
        for kind in WORKLISTS:
            self.worklist_combo.addItem("", kind)
        self.worklist_button = _button(self.tier_box, "reportWorklist")
        self.worklist_label = QLabel(self.tier_box)
        form = QFormLayout(self.tier_box)
        row = QHBoxLayout()
        row.addWidget(self.worklist_combo)
        row.addWidget(self.worklist_button)
        row.addStretch(1)
        form.addRow(self.worklist_label, row)
        letters = actor.may(Permission.VIEW_CUSTOMERS)
        self.letters_box = QGroupBox(made)
        self.letters_box.setVisible(letters)
        self.letters_branch = QLineEdit(actor.branch_code, self.letters_box)
        self.letters_branch.setObjectName("renewalBranch")
        self.letters_branch.setMaximumWidth(120)
        self.letters_month = _date_edit(self.letters_box, "renewalMonth", today)
        self.letters_month.setDisplayFormat("yyyy-MM")
        self.letters_button = _button(self.letters_box, "renewalLetters")
        self.letters_label = QLabel(self.letters_box)
        form = QFormLayout(self.letters_box)
        row = QHBoxLayout()
        row.addWidget(self.letters_branch)
        row.addWidget(self.letters_month)
        row.addWidget(self.letters_button)
        row.addStretch(1)
        form.addRow(self.letters_label, row)
        layout = QVBoxLayout(made)
        layout.addWidget(self.letters_box)
        layout.addWidget(self.stock_box)
        layout.addWidget(self.tier_box)
        layout.addStretch(1)
        self.reports_index = self.tabs.addTab(made, "")
        self.tabs.setTabVisible(self.reports_index, stock or tiers or letters)

        # -- templates
        editor = QWidget(self)
        self.may_edit = actor.may(Permission.EDIT_TEMPLATES)
        self.template_list = QListWidget(editor)
        self.template_list.setObjectName("templateList")
        self.template_list.setMaximumWidth(260)
        self.template_edit = QPlainTextEdit(editor)
        self.template_edit.setObjectName("templateText")
        self.template_hint = styled_label("hint", editor, wrap=True)
        self.template_hint.setObjectName("templateHint")
        self.save_template_button = _button(editor, "saveTemplate")
        self.revert_template_button = _button(editor, "revertTemplate")
        right = QVBoxLayout()
        right.addWidget(self.template_edit, 1)
        right.addWidget(self.template_hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_template_button)
        row.addWidget(self.save_template_button)
        right.addLayout(row)
        layout = QHBoxLayout(editor)
        layout.addWidget(self.template_list)
        layout.addLayout(right, 1)
        self.templates_index = self.tabs.addTab(editor, "")
        self.tabs.setTabVisible(self.templates_index, self.may_edit)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs, 1)

        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.text_filter.returnPressed.connect(self.reload)
        self.copies_box.toggled.connect(self.reload)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.paperwork_all.toggled.connect(self.reload_paperwork)
        self.print_paperwork_button.clicked.connect(self.print_paperwork_selected)
        self.scan_button.clicked.connect(self.attach_scan_selected)
        self.payload_edit.returnPressed.connect(self.verify_payload)
        self.verify_button.clicked.connect(self.verify_payload)
        self.reconciliation_button.clicked.connect(self.make_reconciliation)
        self.count_button.clicked.connect(self.make_counts)
        self.destruction_button.clicked.connect(self.make_destruction)
        self.worklist_button.clicked.connect(self.make_worklist)
        self.letters_button.clicked.connect(self.make_renewal_letters)
        self.template_list.currentItemChanged.connect(self.show_template)
        self.save_template_button.clicked.connect(self.save_template)
        self.revert_template_button.clicked.connect(self.show_template)
        self.retranslateUi()

    # -- texts --------------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        for index, label in enumerate((self.tr("Register"), self.tr("Card paperwork"), self.tr("Verify"),
                                       self.tr("Reports"), self.tr("Templates"))):
            self.tabs.setTabText(index, label)
        self.paperwork_all.setText(self.tr("Show what was printed too"))
        self.print_paperwork_button.setText(self.tr("Print…"))
        self.paperwork_model.retranslate()
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for index in range(1, self.kind_filter.count()):
            self.kind_filter.setItemText(index, kind_text(self.kind_filter.itemData(index)))
        self.text_filter.setPlaceholderText(self.tr("Subject or document number…"))
        self.copies_box.setText(self.tr("Show copies"))
        self.reprint_button.setText(self.tr("Reprint as copy…"))
        self.scan_button.setText(self.tr("Attach signed scan…"))
        self.verify_label.setText(self.tr("Scan the QR code of a printed document (or type what it says), then press Enter."))
        self.payload_edit.setPlaceholderText(self.tr("The text of the QR code"))
        self.verify_button.setText(self.tr("Verify"))
        self.letters_box.setTitle(self.tr("Renewal-due letters"))
        self.letters_label.setText(self.tr("Branch and month the cards expire"))
        self.letters_button.setText(self.tr("Make all the letters"))
        self.stock_box.setTitle(self.tr("Blank-card stock"))
        self.day_label.setText(self.tr("Business day"))
        self.period_label.setText(self.tr("Period"))
        self.reconciliation_button.setText(self.tr("Day-end reconciliation"))
        self.count_button.setText(self.tr("Physical counts"))
        self.destruction_button.setText(self.tr("Destruction register"))
        self.tier_box.setTitle(self.tr("Tier evaluation"))
        self.worklist_label.setText(self.tr("Worklist of the latest evaluation"))
        for index in range(self.worklist_combo.count()):
            self.worklist_combo.setItemText(index, translate("worklists", WORKLISTS[self.worklist_combo.itemData(index)]))
        self.worklist_button.setText(self.tr("Make the worklist"))
        self.save_template_button.setText(self.tr("Save as new version"))
        self.revert_template_button.setText(self.tr("Undo changes"))
        self.model.retranslate()
        self._fill_template_list()

    # -- register -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()
        if self.context.actor.may(Permission.VIEW_CUSTOMERS):
            self.reload_paperwork()
        if self.may_edit:
            self._fill_template_list()

    def reload(self) -> None:
        store, actor = self.context.store, self.context.actor
        f = RegisterFilter(kind=self.kind_filter.currentData() or None, text=self.text_filter.text(),
                           copies=self.copies_box.isChecked())
        self.model.reset(lambda before, limit: register_page(store, actor, f, before_id=before, limit=limit))

    def reload_paperwork(self) -> None:
        from app.cards.paperwork import paperwork_due

        store, actor, every = self.context.store, self.context.actor, self.paperwork_all.isChecked()
        self.paperwork_model.reset(lambda after, limit: paperwork_due(
            store, actor, include_printed=every, after_id=after, limit=limit))

    def print_paperwork_selected(self) -> None:
        from ui.card_documents import print_card_document

        rows = self.paperwork_view.selectionModel().selectedRows()
        if not rows:
            self.context.dialogs.info(self, self.tr("Card paperwork"), self.tr("Select a document first."))
            return
        row = self.paperwork_model.row_at(rows[0].row())
        print_card_document(self, row.card_id, row.kind, paperwork_id=row.id, printing=self.printing)

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def reprint_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.context.dialogs.info(self, self.tr("Reprint"), self.tr("Select a document first."))
            return
        store, actor = self.context.store, self.context.actor
        self.run_command(lambda _progress: reprint(store, actor, row.id), self._made,
                         label=self.tr("Making the copy…"), busy=[self.reprint_button])

    def attach_scan_selected(self) -> None:
        row = self.selected()
        if row is None or row.kind not in SIGNABLE:
            self.context.dialogs.info(self, self.tr("Signed scan"), self.tr("Select a service agreement first."))
            return
        path = self.context.dialogs.open_file(self, self.tr("The scan of the signed agreement"),
                                              self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
        if not path:
            return
        try:
            sha = self.command(lambda: attach_scan(self.context.store, self.context.actor, row.id, Path(path)))
        except UserError as error:
            self.show_error(error)
            return
        self.context.dialogs.info(self, self.tr("Signed scan"), self.tr(
            "The scan {name} is recorded with the agreement (SHA-256 {sha}).").format(name=Path(path).name, sha=sha))
        self.reload()

    # -- verify -------------------------------------------------------------------------------
    def verify_payload(self) -> None:
        text = self.payload_edit.text()
        if not text.strip():
            return
        try:
            verdict = verify(self.context.store, self.context.actor, text)
        except UserError as error:
            self.show_error(error)
            return
        self.show_verdict(verdict)
        self.payload_edit.selectAll()

    def show_verdict(self, verdict) -> None:
        titles = {Status.GENUINE: self.tr("Genuine"), Status.ALTERED: self.tr("Altered or damaged"),
                  Status.UNKNOWN: self.tr("Unknown")}
        self.verdict.setText(titles[verdict.status])
        self.verdict.setProperty("role", "title" if verdict.genuine else "error")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        d = verdict.described
        if verdict.genuine and d is not None:
            lines = [self.tr("What: {kind} — {subject}").format(kind=kind_text(d.kind), subject=d.subject)]
            if d.number:
                number = d.number + (self.tr(" (item {item} of {items})").format(item=d.item, items=d.items)
                                     if d.item else "")
                lines.append(self.tr("Document No.: {number}").format(number=number))
            if d.copy:
                lines.append(self.tr("This is a reprinted copy."))
            if d.made_at is not None:
                lines.append(self.tr("Made {time} by {person} at {branch}").format(
                    time=local_time(d.made_at), person=d.made_by, branch=d.branch_code))
            if d.template:
                lines.append(self.tr("Template: {template}").format(template=d.template))
            self.verdict_details.setText("\n".join(lines))
        else:
            self.verdict_details.setText(QCoreApplication.translate("errors", verdict.reason).format(
                kind=verdict.kind))

    # -- reports ------------------------------------------------------------------------------
    def _run_report(self, work, button: QPushButton) -> None:
        self.run_command(work, self._made, label=self.tr("Making the document…"), cancellable=True, busy=[button])

    def make_reconciliation(self) -> None:
        store, actor, day = self.context.store, self.context.actor, _day(self.day_edit)
        self._run_report(lambda progress: reports.stock_reconciliation(store, actor, business_date=day,
                                                                        progress=progress), self.reconciliation_button)

    def make_counts(self) -> None:
        store, actor, start, end = self.context.store, self.context.actor, _day(self.from_edit), _day(self.to_edit)
        self._run_report(lambda progress: reports.stock_counts(store, actor, start=start, end=end, progress=progress),
                         self.count_button)

    def make_destruction(self) -> None:
        store, actor, start, end = self.context.store, self.context.actor, _day(self.from_edit), _day(self.to_edit)
        self._run_report(lambda progress: reports.destruction_register(store, actor, start=start, end=end,
                                                                        progress=progress), self.destruction_button)

    def make_worklist(self) -> None:
        from app.tiers.evaluation import latest_evaluation

        store, actor, kind = self.context.store, self.context.actor, self.worklist_combo.currentData()
        try:
            evaluation = latest_evaluation(store, actor)
        except UserError as error:
            self.show_error(error)
            return
        if evaluation is None:
            self.context.dialogs.info(self, self.tr("Tier worklist"), self.tr("No evaluation has been run yet."))
            return
        self._run_report(lambda progress: reports.tier_worklist(store, actor, evaluation_id=evaluation.id,
                                                                 kind=kind, progress=progress), self.worklist_button)

    def make_renewal_letters(self) -> None:
        from app.documents.letters import renewal_letters

        store, actor = self.context.store, self.context.actor
        code, month = self.letters_branch.text().strip(), self.letters_month.date()
        self._run_report(lambda progress: renewal_letters(store, actor, branch_code=code, year=month.year(),
                                                           month=month.month(), progress=progress),
                         self.letters_button)

    def _made(self, made) -> None:
        self.reload()
        self.open_viewer(made)

    def open_viewer(self, made) -> DocumentViewer:
        self.viewer = DocumentViewer(self.context.store, self.context.actor, made, self.context.dialogs,
                                     self.printing, self)
        self.viewer.committed.connect(self.publish)
        self.viewer.finished.connect(self.reload)
        self.viewer.open()
        return self.viewer

    # -- templates ----------------------------------------------------------------------------
    def _fill_template_list(self) -> None:
        if not self.may_edit:
            return
        current = self.template_list.currentItem().data(Qt.ItemDataRole.UserRole) if \
            self.template_list.currentItem() else None
        try:
            rows = tpl.list_templates(self.context.store, self.context.actor)
        except UserError as error:
            self.show_error(error)
            return
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for row in rows:
            source = self.tr("edited") if row.source == "edited" else self.tr("shipped")
            item = QListWidgetItem(self.tr("{name} (v{version}, {source})").format(
                name=translate("documents", tpl.TEMPLATE_LABELS[row.key]), version=row.version, source=source))
            item.setData(Qt.ItemDataRole.UserRole, row.key)
            self.template_list.addItem(item)
            if row.key == current:
                self.template_list.setCurrentItem(item)
        self.template_list.blockSignals(False)
        if self.template_list.currentItem() is None and self.template_list.count():
            self.template_list.setCurrentRow(0)
        else:
            self.show_template()

    def template_key(self) -> str | None:
        item = self.template_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_template(self, *_args) -> None:
        key = self.template_key()
        if key is None:
            return
        try:
            self.template_edit.setPlainText(tpl.template_text(self.context.store, self.context.actor, key))
        except UserError as error:
            self.show_error(error)
            return
        allowed = " ".join("{" + name + "}" for name in sorted(tpl.FIELDS[key])) or self.tr("none")
        self.template_hint.setText(self.tr("Placeholders this template may use: {names}").format(names=allowed))

    def save_template(self) -> None:
        key = self.template_key()
        if key is None:
            return
        try:
            saved = self.command(lambda: tpl.save_template(self.context.store, self.context.actor, key,
                                                           self.template_edit.toPlainText()))
        except UserError as error:
            self.show_error(error)
            return
        self.context.dialogs.info(self, self.tr("Template saved"), self.tr(
            "Version {version} of this template is used for new documents from now on; documents already made "
            "keep the version they were made with.").format(version=saved.version))
        self._fill_template_list()
