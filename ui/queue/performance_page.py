"""The clerk performance page (柜员绩效): a period, by day or by month, per clerk or per counter;
the figures as a table (tickets served, average and 90th-percentile service time, idle time,
the satisfied and unrated shares, then the ratings per score) and the ratings as a chart (QtCharts, one
stacked bar per clerk or counter over the period); the CSV export; for managers the report as a
registered PDF. A clerk sees only their own figures (the service decides, not this page)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from app.queue import performance, views
from ui.columns import ColumnsModel
from ui.dialogs import file_name
from ui.formatting import round_ticks
from ui.messages import translate
from ui.page import Page, PageContext
from ui.period import PeriodPicker
from ui.queue.models import CONTEXT, sorted_table
from ui.widgets import styled_label


def _share(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


PERFORMANCE_COLUMNS = (
    (QT_TRANSLATE_NOOP("QueueTables", "Period"), lambda r: r.period, None),
    (QT_TRANSLATE_NOOP("QueueTables", "Clerk or counter"), lambda r: r.key, lambda r: r.key),
    (QT_TRANSLATE_NOOP("QueueTables", "Served"), lambda r: r.served, None),
    (QT_TRANSLATE_NOOP("QueueTables", "Avg service (min)"), lambda r: performance.minutes(r.avg_service),
     lambda r: r.avg_service or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "P90 service (min)"), lambda r: performance.minutes(r.p90_service),
     lambda r: r.p90_service or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Idle (min)"), lambda r: performance.minutes(r.idle), lambda r: r.idle or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Satisfied share"), lambda r: _share(r.satisfied_share),
     lambda r: r.satisfied_share or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Unrated share"), lambda r: _share(r.unrated_share),
     lambda r: r.unrated_share or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Very satisfied"), lambda r: r.scores[0], None),
    (QT_TRANSLATE_NOOP("QueueTables", "Satisfied"), lambda r: r.scores[1], None),
    (QT_TRANSLATE_NOOP("QueueTables", "Neutral"), lambda r: r.scores[2], None),
    (QT_TRANSLATE_NOOP("QueueTables", "Dissatisfied"), lambda r: r.scores[3], None),
    (QT_TRANSLATE_NOOP("QueueTables", "Unrated"), lambda r: r.unrated, None),
)
# The chart's stacks, best first, in the colours a bank's appraisal sheet uses.
RATING_SETS = (
    (QT_TRANSLATE_NOOP("ClerkPerformancePage", "Very satisfied"), "#2e7d32"),
    (QT_TRANSLATE_NOOP("ClerkPerformancePage", "Satisfied"), "#8bc34a"),
    (QT_TRANSLATE_NOOP("ClerkPerformancePage", "Neutral"), "#ffb300"),
    (QT_TRANSLATE_NOOP("ClerkPerformancePage", "Dissatisfied"), "#d32f2f"),
    (QT_TRANSLATE_NOOP("ClerkPerformancePage", "Unrated"), "#9e9e9e"),
)


class _Line:
    """A performance row with an id for the table (period and key)."""

    def __init__(self, row: performance.PerformanceRow):
        self.row = row
        self.id = (row.period, row.key)

    def __getattr__(self, name: str):
        return getattr(self.row, name)


class ClerkPerformancePage(Page):
    watches = frozenset({"queue_ticket", "queue_counter", "service_rating"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        today = views.board(context.store, context.actor).day
        self.period = PeriodPicker("performance", today.replace(day=1), today, self)   # this month so far
        self.grain_box = QComboBox(self)
        self.grain_box.setObjectName("performanceGrain")
        for key in performance.GRAINS:
            self.grain_box.addItem("", key)
        self.subject_box = QComboBox(self)
        self.subject_box.setObjectName("performanceSubject")
        for key in performance.SUBJECTS:
            self.subject_box.addItem("", key)
        for box in (self.grain_box, self.subject_box):   # wide enough again after a language switch
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showPerformance")
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("performanceReport")
        self.report_button.setVisible(performance.sees_everyone(context.actor))
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportPerformance")
        top = QHBoxLayout()
        for widget in (self.period, self.grain_box, self.subject_box, self.show_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.report_button)
        top.addWidget(self.export_button)
        self.scope_hint = styled_label("hint", self, wrap=True)  # whose figures these are
        self.scope_hint.setObjectName("performanceScope")
        self.model = ColumnsModel(PERFORMANCE_COLUMNS, CONTEXT, self, two_line_titles=True)   # fits 1366 pixels
        self.view = sorted_table(self, self.model, "performanceTable")
        self.empty_hint = styled_label("hint", self, wrap=True)
        self.empty_hint.setObjectName("performanceEmpty")
        self.empty_hint.setVisible(False)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("performanceChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart_view)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scope_hint)
        layout.addWidget(self.empty_hint)
        layout.addWidget(splitter, 1)
        self.show_button.clicked.connect(self.refresh)
        self.grain_box.currentIndexChanged.connect(self.refresh)
        self.subject_box.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.report_button.clicked.connect(self.make_report)
        self.rows: list[_Line] = []
        self.printing = None        # the print service of the report's preview (tests put a fake)
        self.retranslateUi()

    def refresh(self) -> None:
        start, end = self.period.dates()
        try:
            rows = performance.clerk_performance(self.context.store, self.context.actor, start=start, end=end,
                                                 grain=self.grain_box.currentData(),
                                                 subject=self.subject_box.currentData())
        except Exception as error:
            self.show_error(error)
            return
        self.rows = [_Line(r) for r in rows]
        self.model.set_rows(self.rows)
        self.empty_hint.setText(self.tr(
            "Nobody served a ticket from {start} to {end}: choose other dates and press Show.").format(
            start=start.isoformat(), end=end.isoformat()))
        self.empty_hint.setVisible(not self.rows)
        self._draw()

    def _draw(self) -> None:
        """One stacked bar per clerk or counter: their ratings over the whole period."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        totals: dict[str, list[int]] = defaultdict(lambda: [0] * len(RATING_SETS))
        for line in self.rows:
            for i, count in enumerate((*line.scores, line.unrated)):
                totals[line.key][i] += count
        keys = sorted(totals, key=lambda k: (len(k), k) if self.subject_box.currentData() == "counter" else k)
        series = QStackedBarSeries()
        for i, (label, colour) in enumerate(RATING_SETS):
            bars = QBarSet(QCoreApplication.translate("ClerkPerformancePage", label))
            bars.setColor(QColor(colour))
            for key in keys:
                bars.append(totals[key][i])
            series.append(bars)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(keys)
        values = QValueAxis()
        values.setLabelFormat("%d")
        end, ticks = round_ticks(max([sum(counts) for counts in totals.values()] or [0]))
        values.setRange(0, end)
        values.setTickCount(ticks)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitle(self.tr("Customers' ratings by {subject}").format(subject=self.subject_box.currentText()))

    def make_report(self) -> None:
        """The period's figures as a registered PDF, made off the GUI thread, then previewed."""
        from app.queue.performance_report import clerk_performance_report
        from ui.document_viewer import preview_when_made

        store, actor = self.context.store, self.context.actor
        (start, end), grain = self.period.dates(), self.grain_box.currentData()
        preview_when_made(self, lambda progress: clerk_performance_report(
            store, actor, start=start, end=end, grain=grain, progress=progress),
            printing=self.printing, busy=[self.report_button])

    def export(self) -> None:
        start, end = self.period.dates()
        path = self.context.dialogs.save_file(self, self.tr("Export performance"), file_name(
            self.tr("Clerk performance"), self.context.actor.branch_code, start.isoformat(), end.isoformat(),
            suffix=".csv"), self.tr("CSV (*.csv)"))
        if not path:
            return
        store, actor = self.context.store, self.context.actor
        grain, subject = self.grain_box.currentData(), self.subject_box.currentData()
        self.run_command(lambda progress: performance.export_performance(
            store, actor, Path(path), start=start, end=end, grain=grain, subject=subject, say=translate,
            progress=progress),
            lambda count: self.context.dialogs.info(
                self, self.tr("Export performance"), self.tr("{count} rows written.").format(count=count)),
            label=self.tr("Exporting performance…"), cancellable=True, busy=[self.export_button])

    def retranslateUi(self) -> None:  # noqa: N802
        for i, key in enumerate(performance.GRAINS):
            self.grain_box.setItemText(i, QCoreApplication.translate("queue_stats", performance.GRAIN_LABELS[key]))
        for i, key in enumerate(performance.SUBJECTS):
            self.subject_box.setItemText(i, QCoreApplication.translate("queue_stats",
                                                                       performance.SUBJECT_LABELS[key]))
        self.show_button.setText(self.tr("Show"))
        self.report_button.setText(self.tr("Report as PDF…"))
        self.export_button.setText(self.tr("Export…"))
        self.scope_hint.setText(self.tr("Every clerk of your branch.") if performance.sees_everyone(self.context.actor)
                                else self.tr("Your own figures: the tickets you served and the ratings they got."))
        self.model.retranslate()
        if self.rows:
            self._draw()
