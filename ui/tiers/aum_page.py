"""AUM import: pick the core-banking extract, import it with progress (cancellable); bad lines
are listed by line number and reason; the latest imports below."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.csvio import ImportRefused
from app.errors import UserError
from app.tiers.aum_import import AumImportResult, import_aum, list_imports
from ui.background import Task
from ui.import_problems import PROBLEM_COLUMNS
from ui.messages import error_text
from ui.page import Page, PageContext
from ui.tables import read_only_view
from ui.tier_labels import day_text
from ui.columns import ColumnsModel
from ui.widgets import error_label, show_text, styled_label


IMPORT_COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Imported at"), lambda r: day_text(r.imported_at)),
    (QT_TRANSLATE_NOOP("TierTables", "File"), lambda r: r.file_name),
    (QT_TRANSLATE_NOOP("TierTables", "Lines"), lambda r: str(r.rows_read)),
    (QT_TRANSLATE_NOOP("TierTables", "Changed"), lambda r: str(r.rows_changed)),
    (QT_TRANSLATE_NOOP("TierTables", "Skipped"), lambda r: str(r.rows_skipped)),
    (QT_TRANSLATE_NOOP("TierTables", "By"), lambda r: r.imported_by),
    (QT_TRANSLATE_NOOP("TierTables", "SHA-256"), lambda r: r.file_sha256[:16] + "…"),
)


class AumImportPage(Page):
    watches = frozenset({"aum_import", "aum_month"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.task: Task | None = None
        self.last_result: AumImportResult | None = None
        self.hint = styled_label("hint", self, wrap=True)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("chooseAumFile")
        self.choose_button.setProperty("primary", True)
        self.skip_bad = QCheckBox(self)
        self.skip_bad.setObjectName("skipBad")
        bar = QHBoxLayout()
        bar.addWidget(self.choose_button)
        bar.addWidget(self.skip_bad)
        bar.addStretch(1)
        self.result_label = styled_label("hint", self, wrap=True)
        self.result_label.setObjectName("aumResult")
        self.error = error_label(self)
        self.error.setObjectName("aumError")
        self.problems_title = styled_label("section", self)
        self.problems = ColumnsModel(PROBLEM_COLUMNS, "TierTables", self)
        self.problems_view = read_only_view(self, self.problems, "aumProblems")
        self.problems_view.setColumnWidth(0, 70)
        self.history_title = styled_label("section", self)
        self.history = ColumnsModel(IMPORT_COLUMNS, "TierTables", self)
        self.history_view = read_only_view(self, self.history, "aumImports")
        for column, width in enumerate((140, 200, 80, 80, 80, 140)):
            self.history_view.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.hint)
        layout.addLayout(bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems_view, 1)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_view, 1)
        self.choose_button.clicked.connect(self.choose_and_import)
        self.retranslateUi()

    def refresh(self) -> None:
        try:
            self.history.set_rows(list_imports(self.context.store, self.context.actor))
        except UserError as error:
            self.handle_error(error)

    def choose_and_import(self) -> Task | None:
        path = self.context.dialogs.open_file(self, self.tr("Import AUM extract"),
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        return self.import_file(Path(path)) if path else None

    def import_file(self, path: Path) -> Task:
        store, actor, skip = self.context.store, self.context.actor, self.skip_bad.isChecked()
        show_text(self.result_label, "")
        show_text(self.error, "")
        self.problems.set_rows([])
        self.task = self.run_command(
            lambda progress: import_aum(store, actor, path, skip_bad=skip, progress=progress),
            self._imported, on_failure=self._failed, on_cancel=self._cancelled,
            label=self.tr("Importing {file}…").format(file=path.name), cancellable=True,
            busy=[self.choose_button])
        return self.task

    def _imported(self, result: AumImportResult) -> None:
        self.last_result = result
        text = self.tr("{file}: {read} lines read, {changed} values changed, {unchanged} unchanged, "
                       "{skipped} bad lines skipped.").format(
            file=result.file_name, read=result.rows_read, changed=result.rows_changed,
            unchanged=result.rows_unchanged, skipped=result.rows_skipped)
        if result.seen_before:
            text += " " + self.tr("This file had been imported before.")
        show_text(self.result_label, text)
        self.problems.set_rows(result.problems)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRefused):
            show_text(self.error, self.tr(
                "{count} bad lines: nothing was imported. Correct them, or tick “Skip bad lines” "
                "to import the good ones.").format(count=error.bad_lines))
            self.problems.set_rows(error.problems)
            return
        if isinstance(error, UserError) and not isinstance(error, type(None)):
            if error.field:
                show_text(self.error, error_text(error))
                return
        self.show_error(error)

    def _cancelled(self) -> None:
        show_text(self.result_label, self.tr("Import cancelled; nothing was imported."))

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "The monthly extract from core banking: columns cif_no, month, avg_daily_aum (headers "
            "in English or Chinese), UTF-8 or GB18030. The import is all or nothing unless bad lines are "
            "skipped; importing the same file again changes nothing."))
        self.choose_button.setText(self.tr("Import AUM file…"))
        self.skip_bad.setText(self.tr("Skip bad lines"))
        self.problems_title.setText(self.tr("Bad lines"))
        self.history_title.setText(self.tr("Latest imports"))
        self.problems.retranslate()
        self.history.retranslate()
