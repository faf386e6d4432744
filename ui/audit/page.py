"""The audit trail: newest events first, filters, details with before/after, export, verify."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from app.audit.trail import AuditFilter, AuditRow, audit_page, export_audit, verify_chain
from app.auth.permissions import Permission
from app.glossary import action_family
from ui.audit.labels import (
    ACTION_GROUPS, ACTIONS, ENTITIES, action_label, actor_label, change_lines, entity_label, group_label,
    record_id_label,
)
from ui.audit.model import AuditModel
from ui.background import Progress, Task, run_in_background
from ui.dialogs import file_name
from ui.formatting import local_seconds, utc_from_local_date
from ui.page import Page, PageContext
from ui.widgets import show_text, styled_label, with_mnemonic
from ui.messages import translate

NO_DATE = QDate(2000, 1, 1)
MONO_FAMILY = "WenQuanYi Micro Hei Mono"


class AuditPage(Page):
    watches = frozenset({"audit_event"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.task: Task | None = None
        self.last_export: tuple[Path, int] | None = None
        self.last_verify = None
        self.model = AuditModel(parent=self)
        self.model.loadFailed.connect(self.show_error)

        # filters
        self.filter_box = QGroupBox(self)
        self.since_label, self.since = QLabel(self), self._date_edit("since")
        self.until_label, self.until = QLabel(self), self._date_edit("until")
        self.actor_label, self.actor_edit = QLabel(self), QLineEdit(self)
        self.actor_edit.setObjectName("actorFilter")
        self.action_label, self.action_box = QLabel(self), QComboBox(self)
        self.action_box.setObjectName("actionFilter")
        self.action_box.addItem("", "")
        for prefix in ACTION_GROUPS:  # every action, under its family
            self.action_box.addItem("", prefix)
            for code in ACTIONS:
                if action_family(code) == prefix:
                    self.action_box.addItem("", code)
        self.entity_label, self.entity_box = QLabel(self), QComboBox(self)
        self.entity_box.setObjectName("entityFilter")
        self.entity_box.addItem("", "")
        for code in ENTITIES:
            self.entity_box.addItem("", code)
        self.entity_id_label, self.entity_id_edit = QLabel(self), QLineEdit(self)
        self.entity_id_edit.setObjectName("entityIdFilter")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyFilter")
        self.apply_button.setProperty("primary", True)
        self.clear_button = QPushButton(self)
        grid = QGridLayout(self.filter_box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        pairs = [(self.since_label, self.since), (self.until_label, self.until),
                 (self.action_label, self.action_box), (self.actor_label, self.actor_edit),
                 (self.entity_label, self.entity_box), (self.entity_id_label, self.entity_id_edit)]
        for i, (label, widget) in enumerate(pairs):
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        grid.addWidget(self.apply_button, 0, 6)
        grid.addWidget(self.clear_button, 1, 6)

        # table and details
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        header.setDefaultSectionSize(72)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # the anchor of the chain last verified intact, to copy or note down
        self.anchor_label = QLabel(self)
        self.anchor_edit = QLineEdit(self)
        self.anchor_edit.setObjectName("auditAnchor")
        self.anchor_edit.setReadOnly(True)
        self.anchor_label.setBuddy(self.anchor_edit)
        if MONO_FAMILY in QFontDatabase.families():  # the shipped font's fixed-width face
            mono = QFont(MONO_FAMILY)
            mono.setPointSize(self.font().pointSize())
            self.details.setFont(mono)
            self.anchor_edit.setFont(mono)
        self.details_title = styled_label("section", self)
        details_panel = QWidget(self)
        details_layout = QVBoxLayout(details_panel)
        details_layout.setContentsMargins(8, 0, 0, 0)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(details_panel)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 300])  # the events whole at 1366 wide; the details beside
        self.splitter.setChildrenCollapsible(False)

        # actions
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCsv")
        self.export_button.setVisible(context.actor.may(Permission.EXPORT_AUDIT))
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verifyChain")
        self.reload_button = QPushButton(self)
        self.result_label = styled_label("hint", self, wrap=True)
        self.result_label.setObjectName("auditResult")
        self.count_label = styled_label("hint", self)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addWidget(self.result_label, 1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.reload_button)
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(self.anchor_label)
        anchor_row.addWidget(self.anchor_edit, 1)
        self._show_anchor(None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addLayout(actions)
        layout.addLayout(anchor_row)
        layout.addWidget(self.splitter, 1)

        self.apply_button.clicked.connect(self.refresh)
        self.clear_button.clicked.connect(self.clear_filter)
        self.reload_button.clicked.connect(self.refresh)
        self.actor_edit.returnPressed.connect(self.refresh)
        self.entity_id_edit.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        self.verify_button.clicked.connect(self.verify)
        self.table.activated.connect(lambda _index: self.details.setFocus())  # Enter: read it
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_details(current.row()))
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.model.modelReset.connect(self._update_count)
        self.retranslateUi()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    # -- filter -----------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        since = self._date(self.since)
        until = self._date(self.until)
        return AuditFilter(
            since=utc_from_local_date(since) if since else None,
            until=utc_from_local_date(until + timedelta(days=1)) if until else None,
            actor=self.actor_edit.text().strip(),
            action=self.action_box.currentData() or "",
            entity=self.entity_box.currentData() or "",
            entity_id=self.entity_id_edit.text().strip(),
        )

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    def set_dates(self, since: date | None, until: date | None) -> None:
        self.since.setDate(QDate(since.year, since.month, since.day) if since else NO_DATE)
        self.until.setDate(QDate(until.year, until.month, until.day) if until else NO_DATE)

    def clear_filter(self) -> None:
        self.set_dates(None, None)
        self.actor_edit.clear()
        self.action_box.setCurrentIndex(0)
        self.entity_box.setCurrentIndex(0)
        self.entity_id_edit.clear()
        self.refresh()

    def refresh(self) -> None:
        store, actor, audit_filter = self.context.store, self.context.actor, self.current_filter()
        self.model.reset(lambda before, limit: audit_page(store, actor, audit_filter,
                                                          before=before, limit=limit))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_details(-1)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        self.count_label.setText(self.tr("{count}{more} events").format(count=count, more=more))

    def _show_details(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.details.setPlainText(self.tr("Select an event to see what changed."))
            return
        event: AuditRow = self.model.row_at(row)
        lines = [
            self.tr("Event No. {seq}").format(seq=event.number),
            self.tr("Time: {time}").format(time=local_seconds(event.occurred_at)),
            self.tr("By: {actor} ({user})").format(actor=actor_label(event.actor_name, event.actor_display),
                                                   user=event.actor_name),
            self.tr("Branch: {branch}").format(branch=event.branch_code or "—"),
            self.tr("Action: {label} ({code})").format(label=action_label(event.action), code=event.action),
            self.tr("Record: {label} {id}").format(label=entity_label(event.entity),
                                                   id=record_id_label(event.entity, event.entity_id)),
            "",
            self.tr("What was recorded:"),
            *(change_lines(event.before, event.after) or ["—"]),
        ]
        self.details.setPlainText("\n".join(lines))

    # -- export and verify ------------------------------------------------------------------
    def export_csv(self) -> Task | None:
        if not self.context.actor.may(Permission.EXPORT_AUDIT):
            return None
        suggested = file_name(self.tr("Audit trail"), self.context.actor.branch_code,
                              suffix=".csv", day=self.context.store.today())
        path = self.context.dialogs.save_file(self, self.tr("Export the audit trail"), suggested,
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".csv":
            out = out.with_name(out.name + ".csv")
        store, actor, audit_filter = self.context.store, self.context.actor, self.current_filter()
        show_text(self.result_label, "")
        self.task = self.run_command(
            lambda progress: export_audit(store, actor, out, audit_filter, say=translate, progress=progress),
            lambda count: self._exported(out, count), on_failure=self._export_failed,
            on_cancel=lambda: show_text(self.result_label, self.tr("Export cancelled; no file was written.")),
            label=self.tr("Exporting the audit trail…"), cancellable=True,
            busy=[self.export_button, self.verify_button])
        return self.task

    def _exported(self, out: Path, count: int) -> None:
        self.last_export = (out, count)
        text = self.tr("{count} events exported to {path}.").format(count=count, path=str(out))
        show_text(self.result_label, text)
        self.context.dialogs.info(self, self.tr("Export finished"), text)
        self.refresh()

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.context.dialogs.warn(self, self.tr("Export failed"), self.tr(
                "The file could not be written: {reason}").format(reason=error.strerror or str(error)))
            return
        self.show_error(error)

    def verify(self) -> Task:
        store = self.context.store

        def work(progress: Progress):
            result = verify_chain(store, progress=progress)
            progress.check()  # stopped early: not a verdict
            return result

        show_text(self.result_label, "")
        self._show_anchor(None)
        self.task = run_in_background(
            self, work, on_success=self._verified, on_failure=self.show_error,
            on_cancel=lambda: show_text(self.result_label, self.tr("Check cancelled.")),
            label=self.tr("Checking the audit chain…"), cancellable=True,
            busy=[self.export_button, self.verify_button])
        return self.task

    def _verified(self, result) -> None:
        self.last_verify = result
        if result.intact:
            text = self.tr("The audit chain is intact: {count} events checked.").format(count=result.checked)
            show_text(self.result_label, text)
            self._show_anchor(result.anchor)
            self.context.dialogs.info(self, self.tr("Audit chain"), text)
            return
        text = self.tr("The audit chain is broken at event No. {seq}: an event was changed, "
                       "removed or inserted after it was written. Tell the security officer.").format(
            seq=result.bad_event)
        show_text(self.result_label, text)
        self.context.dialogs.error(self, self.tr("Audit chain"), text, result.problem)

    def _show_anchor(self, anchor) -> None:
        """The anchor of the heads just verified (``app.audit.anchor``); hidden without one."""
        self.anchor_edit.setText(anchor.text() if anchor is not None else "")
        self.anchor_edit.setCursorPosition(0)
        for widget in (self.anchor_label, self.anchor_edit):
            widget.setVisible(anchor is not None)

    def retranslateUi(self) -> None:  # noqa: N802
        self.filter_box.setTitle(self.tr("Filter"))
        self.since_label.setText(with_mnemonic(self.tr("From"), "F"))
        self.until_label.setText(with_mnemonic(self.tr("To"), "T"))
        for edit in (self.since, self.until):
            edit.setSpecialValueText(self.tr("Any day"))
        self.actor_label.setText(with_mnemonic(self.tr("By"), "B"))
        self.actor_edit.setPlaceholderText(self.tr("Name or user name…"))
        self.action_label.setText(with_mnemonic(self.tr("Action"), "C"))
        for index in range(self.action_box.count()):
            code = self.action_box.itemData(index)
            if not code:
                text = self.tr("Any action")
            elif code in ACTION_GROUPS:
                text = group_label(code)
            else:
                text = "    " + action_label(code)
            self.action_box.setItemText(index, text)
        self.entity_label.setText(with_mnemonic(self.tr("Record"), "R"))
        for index in range(self.entity_box.count()):
            code = self.entity_box.itemData(index)
            self.entity_box.setItemText(index, entity_label(code) if code else self.tr("Any record"))
        self.entity_id_label.setText(with_mnemonic(self.tr("Record ID"), "I"))
        self.entity_id_edit.setPlaceholderText(self.tr("Exact ID"))
        self.apply_button.setText(with_mnemonic(self.tr("Search"), "E"))
        self.clear_button.setText(with_mnemonic(self.tr("Clear"), "L"))
        self.export_button.setText(with_mnemonic(self.tr("Export CSV…"), "X"))
        self.verify_button.setText(with_mnemonic(self.tr("Verify chain"), "V"))
        self.reload_button.setText(with_mnemonic(self.tr("Reload"), "D"))
        self.anchor_label.setText(self.tr("Audit anchor:"))
        self.anchor_edit.setToolTip(self.tr(
            "Note this anchor down, or keep the day's stock reconciliation report, which prints it: "
            "“python main.py audit verify --anchor …” then proves that the trail has only grown since."))
        self.details_title.setText(self.tr("Details"))
        self.model.retranslate()
        self._update_count()
        current = self.table.currentIndex()
        self._show_details(current.row() if current.isValid() else -1)
