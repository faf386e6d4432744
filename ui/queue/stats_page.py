"""The queue statistics page: a period and a grouping (day, hour, service, tier, counter,
clerk), the figures as a table and as a chart (average and 90th-percentile wait per group,
QtCharts), the period's report as a registered PDF (by service, tier and counter; made by the
documents capability, previewed, printed or saved there) and the tickets export (CSV, masked)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from app.queue import stats, views
from ui.dialogs import file_name
from ui.formatting import round_ticks
from ui.queue.models import CONTEXT, sorted_table
from ui.columns import ColumnsModel
from ui.page import Page, PageContext
from ui.period import PeriodPicker
from ui.tier_labels import tier_label
from ui.widgets import styled_label
from ui.messages import translate


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"


STAT_COLUMNS = (
    (QT_TRANSLATE_NOOP("QueueTables", "Group"), lambda r: r.label, lambda r: r.key),
    (QT_TRANSLATE_NOOP("QueueTables", "Tickets"), lambda r: r.tickets, None),
    (QT_TRANSLATE_NOOP("QueueTables", "Served"), lambda r: r.served, None),
    (QT_TRANSLATE_NOOP("QueueTables", "No-shows"), lambda r: r.no_shows, None),
    (QT_TRANSLATE_NOOP("QueueTables", "Avg wait (min)"), lambda r: _minutes(r.avg_wait), lambda r: r.avg_wait or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "P90 wait (min)"), lambda r: _minutes(r.p90_wait), lambda r: r.p90_wait or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Avg service (min)"), lambda r: _minutes(r.avg_service),
     lambda r: r.avg_service or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "P90 service (min)"), lambda r: _minutes(r.p90_service),
     lambda r: r.p90_service or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Longest wait (min)"), lambda r: _minutes(r.longest_wait),
     lambda r: r.longest_wait or 0),
    (QT_TRANSLATE_NOOP("QueueTables", "Idle (min)"), lambda r: _minutes(r.idle), lambda r: r.idle or 0),
)


class _Line:
    """A statistics row with the label the screen shows for its group."""

    def __init__(self, row: stats.StatRow, label: str):
        self.__dict__.update(row.__dict__)
        self.id, self.label = row.key, label


class QueueStatsPage(Page):
    watches = frozenset({"queue_ticket", "queue_service", "queue_counter"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        today = views.board(context.store, context.actor).day
        self.period = PeriodPicker("stats", today - timedelta(days=6), today, self)   # the last seven days
        self.by_box = QComboBox(self)
        self.by_box.setObjectName("statsBy")
        for key in stats.DIMENSIONS:
            self.by_box.addItem("", key)
        self.by_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)   # follows a language switch
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("showStats")
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("queueReport")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportTickets")
        self.by_label = QLabel(self)
        top = QHBoxLayout()
        for widget in (self.period, self.by_label, self.by_box, self.show_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.report_button)
        top.addWidget(self.export_button)
        self.model = ColumnsModel(STAT_COLUMNS, CONTEXT, self, two_line_titles=True)   # fits 1366 pixels
        self.view = sorted_table(self, self.model, "statsTable")
        self.empty_hint = styled_label("hint", self, wrap=True)  # what to do when there is nothing
        self.empty_hint.setObjectName("statsEmpty")
        self.empty_hint.setVisible(False)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("statsChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart_view)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(splitter, 1)
        self.show_button.clicked.connect(self.refresh)
        self.by_box.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.report_button.clicked.connect(self.make_report)
        self.rows: list[_Line] = []
        self.printing = None        # the print service of the report's preview (tests put a fake)
        self.document_viewer = None
        self.retranslateUi()

    def refresh(self) -> None:
        start, end = self.period.dates()
        by = self.by_box.currentData()
        try:
            rows = stats.ticket_stats(self.context.store, self.context.actor, start=start, end=end, by=by)
        except Exception as error:
            self.show_error(error)
            return
        self.rows = [_Line(r, tier_label(r.key) if by == "tier" else r.key) for r in rows]
        self.model.set_rows(self.rows)
        self.empty_hint.setText(self.tr(
            "No ticket was taken from {start} to {end}: choose other dates and press Show.").format(
            start=start.isoformat(), end=end.isoformat()))
        self.empty_hint.setVisible(not self.rows)
        self._draw()

    def _draw(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        average = QBarSet(QCoreApplication.translate("QueueStatsPage", "Average wait (min)"))
        p90 = QBarSet(QCoreApplication.translate("QueueStatsPage", "90th percentile wait (min)"))
        for row in self.rows:
            average.append((row.avg_wait or 0) / 60)
            p90.append((row.p90_wait or 0) / 60)
        series = QBarSeries()
        series.append(average)
        series.append(p90)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([row.label for row in self.rows])
        values = QValueAxis()
        values.setLabelFormat("%d")
        end, ticks = round_ticks(max([(row.p90_wait or 0) / 60 for row in self.rows] or [0]))
        values.setRange(0, end)
        values.setTickCount(ticks)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitle(self.tr("Waiting time by {group}").format(group=self.by_box.currentText()))

    def make_report(self) -> None:
        """The period's statistics as a registered PDF, made off the GUI thread, then previewed."""
        from app.queue.day_report import queue_day
        from ui.document_viewer import preview_when_made

        store, actor = self.context.store, self.context.actor
        start, end = self.period.dates()
        preview_when_made(self, lambda progress: queue_day(store, actor, start=start, end=end, progress=progress),
                          printing=self.printing, busy=[self.report_button])

    def export(self) -> None:
        start, end = self.period.dates()
        path = self.context.dialogs.save_file(self, self.tr("Export tickets"), file_name(
            self.tr("Tickets"), self.context.actor.branch_code, start.isoformat(), end.isoformat(),
            suffix=".csv"), self.tr("CSV (*.csv)"))
        if not path:
            return
        store, actor = self.context.store, self.context.actor
        self.run_command(lambda progress: stats.export_tickets(store, actor, Path(path), say=translate, progress=progress),
                         lambda count: self.context.dialogs.info(
                             self, self.tr("Export tickets"), self.tr("{count} tickets written.").format(count=count)),
                         label=self.tr("Exporting tickets…"), cancellable=True, busy=[self.export_button])

    def retranslateUi(self) -> None:  # noqa: N802
        self.by_label.setText(self.tr("Group by"))
        for i, key in enumerate(stats.DIMENSIONS):
            self.by_box.setItemText(i, QCoreApplication.translate("queue_stats", stats.DIMENSION_LABELS[key]))
        self.show_button.setText(self.tr("Show"))
        self.report_button.setText(self.tr("Report as PDF…"))
        self.export_button.setText(self.tr("Export tickets…"))
        self.model.retranslate()
        if self.rows:
            self._draw()
