"""Tier worklists: the latest evaluation's three lists (eligible for upgrade, below standard,
newly eligible for a first card), customers of the user's scope, masked; run an evaluation
(with progress) and export a list as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from app.errors import UserError
from app.tiers.evaluation import (
    WORKLIST_KINDS, EvaluationRow, evaluate_tiers, export_worklist, last_month, latest_evaluation,
    worklist_counts, worklist_page,
)
from app.tiers.policy_store import policy_version
from ui.background import Task
from ui.page import Page, PageContext
from ui.tables import read_only_view
from ui.tier_labels import month_text, worklist_label
from ui.tiers.models import WorklistModel
from ui.formatting import local_time
from ui.widgets import show_text, styled_label
from ui.messages import translate



class TierWorklistsPage(Page):
    watches = frozenset({"tier_evaluation", "tier_worklist", "tier_change", "customer_tier", "tier_policy"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.evaluation: EvaluationRow | None = None
        self.counts: dict[str, int] = {}
        self.task: Task | None = None
        self.summary = styled_label("hint", self, wrap=True)
        self.summary.setObjectName("evaluationSummary")
        self.as_of_label = QLabel(self)
        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("asOf")
        self.as_of.setDisplayFormat("yyyy-MM")
        self.as_of_label.setBuddy(self.as_of)
        self.evaluate_button = QPushButton(self)
        self.evaluate_button.setObjectName("runEvaluation")
        self.evaluate_button.setProperty("primary", True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportWorklist")
        self.reload_button = QPushButton(self)
        may_run = context.actor.may(Permission.RUN_TIER_EVALUATION)
        for widget in (self.as_of_label, self.as_of, self.evaluate_button):
            widget.setVisible(may_run)
        self.export_button.setVisible(context.actor.may(Permission.EXPORT_CUSTOMERS))
        bar = QHBoxLayout()
        bar.addWidget(self.as_of_label)
        bar.addWidget(self.as_of)
        bar.addWidget(self.evaluate_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.reload_button)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("worklistTabs")
        self.models: dict[str, WorklistModel] = {}
        self.views = {}
        for kind in WORKLIST_KINDS:
            model = WorklistModel(parent=self)
            model.loadFailed.connect(self.show_error)
            view = read_only_view(self, model, f"worklist_{kind}")
            for column, width in enumerate((110, 90, 80, 110, 170, 110, 110)):
                view.setColumnWidth(column, width)
            self.models[kind], self.views[kind] = model, view
            self.tabs.addTab(view, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.evaluate_button.clicked.connect(self.run_evaluation)
        self.export_button.clicked.connect(self.export_current)
        self.reload_button.clicked.connect(self.refresh)
        year, month = last_month(context.store.today())
        self.as_of.setDate(QDate(year, month, 1))
        self.retranslateUi()

    def refresh(self) -> None:
        store, actor = self.context.store, self.context.actor
        try:
            self.evaluation = latest_evaluation(store, actor)
            policy = None
            self.counts = {}
            if self.evaluation is not None:
                with store.read() as session:
                    policy = policy_version(session, self.evaluation.policy_version)
                self.counts = worklist_counts(store, actor, self.evaluation.id)
        except UserError as error:
            self.handle_error(error)
            return
        for kind, model in self.models.items():
            if self.evaluation is None:
                model.reset(lambda _after, _limit: [], policy)
                continue
            evaluation_id = self.evaluation.id

            def fetch(after, limit, kind=kind, evaluation_id=evaluation_id):
                return worklist_page(store, actor, evaluation_id, kind, after_customer=after, limit=limit)
            model.reset(fetch, policy)
        self._show_summary()

    def _show_summary(self) -> None:
        e = self.evaluation
        if e is None:
            show_text(self.summary, self.tr("No tier evaluation has been run for your branches yet."))
        else:
            show_text(self.summary, self.tr(
                "Evaluation of {as_of} (policy version {version}), run {when} by {who}: "
                "{customers} customers, {changed} tier changes.").format(
                as_of=month_text(e.as_of), version=e.policy_version,
                when=local_time(e.run_at), who=e.run_by,
                customers=e.counts.get("customers", 0), changed=e.counts.get("changed", 0)))
        for i, kind in enumerate(WORKLIST_KINDS):
            count = self.counts.get(kind, 0)
            self.tabs.setTabText(i, f"{worklist_label(kind)} ({count})")

    # -- actions ----------------------------------------------------------------------------
    def run_evaluation(self) -> Task:
        store, actor = self.context.store, self.context.actor
        qdate = self.as_of.date()
        as_of = (qdate.year(), qdate.month())
        self.task = self.run_command(
            lambda progress: evaluate_tiers(store, actor, as_of, progress=progress), self._evaluated,
            label=self.tr("Evaluating tiers…"), cancellable=True,
            busy=[self.evaluate_button, self.export_button])
        return self.task

    def _evaluated(self, result) -> None:
        self.refresh()

    def current_kind(self) -> str:
        return WORKLIST_KINDS[self.tabs.currentIndex()]

    def export_current(self) -> Task | None:
        if self.evaluation is None:
            return None
        kind = self.current_kind()
        path = self.context.dialogs.save_file(
            self, self.tr("Export worklist"), f"worklist-{kind}-{month_text(self.evaluation.as_of)}.csv",
            self.tr("CSV files (*.csv)"))
        if not path:
            return None
        store, actor, evaluation_id = self.context.store, self.context.actor, self.evaluation.id
        self.task = self.run_command(
            lambda _progress: export_worklist(store, actor, evaluation_id, kind, Path(path), say=translate),
            lambda count: self.context.dialogs.info(
                self, self.tr("Export worklist"),
                self.tr("{count} customers written to {file}.").format(count=count, file=Path(path).name)),
            label=self.tr("Exporting…"), busy=[self.export_button])
        return self.task

    def retranslateUi(self) -> None:  # noqa: N802
        self.as_of_label.setText(self.tr("As of month"))
        self.evaluate_button.setText(self.tr("Run evaluation"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.reload_button.setText(self.tr("Reload"))
        for model in self.models.values():
            model.retranslate()
        self._show_summary()
