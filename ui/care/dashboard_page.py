"""The care dashboard (客户维护看板) for branch managers and auditors: for a branch subtree,
VIPs by tier with how many were contacted within their plan, VIPs month by month, upgrades,
downgrades and tiers lost, complaints answered on time (VIP complaints weigh double), and the
same figures per child branch; exported as CSV. Loaded off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.care import dashboard
from app.customers.records import branch_choices
from app.errors import UserError
from ui.background import run_in_background
from ui.formatting import month_labels, month_span, round_ticks
from ui.care.common import CARE_TABLES, tier_text
from ui.columns import ColumnsModel
from ui.page import Page, PageContext
from ui.tables import fit_columns, read_only_view
from ui.widgets import named_button, styled_label

COLOURS = ("#c9a227", "#8c9aa8", "#3d6fb6", "#6b3fa0", "#2e7d32", "#b3261e")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _month(yyyymm: int) -> str:
    return f"{yyyymm // 100}-{yyyymm % 100:02d}"


def _chart(parent: QWidget, name: str) -> QChartView:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart, parent)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(230)
    return view


def _fill(view: QChartView, title: str, categories: list[str], series, sets: list[tuple[str, list[int]]],
          span: str = "") -> None:
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(title)
    for n, (label, values) in enumerate(sets):
        bar = QBarSet(label)
        bar.setColor(QColor(COLOURS[n % len(COLOURS)]))
        bar.append([float(v) for v in values])
        series.append(bar)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(categories)
    small = x.labelsFont()
    small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
    x.setLabelsFont(small)
    x.setTruncateLabels(False)   # a category's few characters fit; eliding cut 私人银行 short
    if span:  # months: the years they fall in
        x.setTitleText(span)
        x.setTitleFont(small)
    y = QValueAxis()
    y.setLabelFormat("%d")
    top = max([sum(col) for col in zip(*[v for _l, v in sets])] if isinstance(series, QStackedBarSeries)
              else [max(v) if v else 0 for _l, v in sets] or [0])
    end, ticks = round_ticks(top)
    y.setRange(0, end)
    y.setTickCount(ticks)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)


class DashboardPage(Page):
    watches = frozenset({"contact_record", "complaint", "customer", "customer_tier", "vip_card", "tier_change"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("dashboardPage")
        self.board: dashboard.Dashboard | None = None
        self.branch_label = QLabel(self)
        self.branch_box = QComboBox(self)
        self.branch_box.setObjectName("dashboardBranch")
        for choice in branch_choices(context.store, context.actor):
            self.branch_box.addItem(f"{choice.code} {choice.name}", choice.id)
        self.branch_box.setCurrentIndex(max(0, self.branch_box.findData(context.actor.branch_id)))
        self.reload_button = named_button(self, "reloadDashboard")
        self.export_button = named_button(self, "exportDashboard")
        self.headline = styled_label("section", self, wrap=True)
        self.headline.setObjectName("dashboardHeadline")
        self.tiers_chart = _chart(self, "vipChart")
        self.trend_chart = _chart(self, "trendChart")
        self.moves_chart = _chart(self, "movesChart")
        self.branches = ColumnsModel((
            (QT_TRANSLATE_NOOP("CareTables", "Branch"), lambda b: f"{b.code} {b.name}"),
            (QT_TRANSLATE_NOOP("CareTables", "VIPs"), lambda b: b.vips),
            (QT_TRANSLATE_NOOP("CareTables", "With a contact plan"), lambda b: b.plan_customers),
            (QT_TRANSLATE_NOOP("CareTables", "Contacted in time"), lambda b: b.plan_kept),
            (QT_TRANSLATE_NOOP("CareTables", "Plan kept"), lambda b: _percent(b.compliance)),
            (QT_TRANSLATE_NOOP("CareTables", "Complaints"), lambda b: b.complaints),
            (QT_TRANSLATE_NOOP("CareTables", "Answered on time"), lambda b: _percent(b.on_time_rate)),
            (QT_TRANSLATE_NOOP("CareTables", "Open past deadline"), lambda b: b.overdue_open),
        ), CARE_TABLES, self)
        self.branches_view = read_only_view(self, self.branches, "dashboardBranches")
        self.branches_view.setMaximumHeight(170)
        top = QHBoxLayout()
        top.addWidget(self.branch_label)
        top.addWidget(self.branch_box)
        top.addWidget(self.reload_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        charts = QGridLayout()
        charts.addWidget(self.tiers_chart, 0, 0)
        charts.addWidget(self.trend_chart, 0, 1)
        charts.addWidget(self.moves_chart, 0, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(charts, 1)
        layout.addWidget(self.branches_view)
        self.branch_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reload_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.retranslateUi()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        store, actor, branch = self.context.store, self.context.actor, self.branch_box.currentData()
        self.task = run_in_background(self, lambda _p: dashboard.care_dashboard(store, actor, branch),
                                      on_success=self.show_board, on_failure=self.show_error,
                                      busy=[self.reload_button, self.export_button, self.branch_box])

    def show_board(self, board: dashboard.Dashboard) -> None:
        self.board = board
        self.branches.set_rows(board.branches)
        fit_columns(self.branches_view, 280)
        self._draw()

    def _draw(self) -> None:
        b = self.board
        if b is None:
            return
        kept = sum(k for _p, k in b.compliance.values())
        planned = sum(p for p, _k in b.compliance.values())
        self.headline.setText(self.tr(
            "{branch}, {today}: {vips} VIPs; contact plan kept for {kept} of {planned} ({rate}); "
            "complaints since {since}: {complaints}, answered on time {on_time} ({weighted} with VIP "
            "complaints counted twice), {late} open past the deadline.").format(
            branch=f"{b.branch_code} {b.branch_name}", today=b.today.isoformat(), vips=b.vip_total, kept=kept,
            planned=planned, rate=_percent(kept / planned if planned else None),
            since=_month(b.trend[0][0]), complaints=b.complaints,
            on_time=_percent(b.on_time / b.complaints if b.complaints else None),
            weighted=_percent(b.weighted_on_time_rate), late=b.overdue_open))
        tiers = [tier_text(t) for t in b.vip_tiers]
        _fill(self.tiers_chart, self.tr("VIPs by tier and contact plan"), tiers, QBarSeries(), [
            (self.tr("VIPs"), [b.counts.get(t, 0) for t in b.vip_tiers]),
            (self.tr("Contacted in time"), [b.compliance.get(t, (0, 0))[1] for t in b.vip_tiers])])
        trend = [m for m, _c in b.trend]
        _fill(self.trend_chart, self.tr("VIPs at each month's end, last 12 months"), month_labels(trend),
              QStackedBarSeries(), [(tier_text(t), [c.get(t, 0) for _m, c in b.trend]) for t in b.vip_tiers],
              month_span(trend))
        moved = [m.month for m in b.moves]
        _fill(self.moves_chart, self.tr("Tier changes and cards cancelled by month"), month_labels(moved),
              QBarSeries(), [(self.tr("Upgrades"), [m.upgrades for m in b.moves]),
                             (self.tr("Downgrades"), [m.downgrades for m in b.moves]),
                             (self.tr("Tier lost"), [m.lost for m in b.moves]),
                             (self.tr("Cards cancelled"), [m.cancelled for m in b.moves])], month_span(moved))

    def export(self) -> None:
        if self.board is None:
            return
        path = self.context.dialogs.save_file(self, self.tr("Export the care dashboard"),
                                              f"care-{self.board.branch_code}-{self.board.today.isoformat()}.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        labels = {t: tier_text(t) for t in self.board.vip_tiers} | {
            "section": self.tr("Section"), "item": self.tr("Item"), "figure": self.tr("Figure"),
            "value": self.tr("Value"), "vips": self.tr("VIPs"), "trend": self.tr("VIPs at month end"),
            "moves": self.tr("Tier changes"), "upgrades": self.tr("Upgrades"), "downgrades": self.tr("Downgrades"),
            "lost": self.tr("Tier lost"), "cancelled": self.tr("Cards cancelled"), "compliance": self.tr("Contact plan"), "planned": self.tr("With a contact plan"),
            "kept": self.tr("Contacted in time"), "branches": self.tr("Branches"), "complaints": self.tr("Complaints"),
            "on_time": self.tr("Answered on time"), "overdue_open": self.tr("Open past deadline")}
        try:
            dashboard.export_dashboard(self.board, Path(path), labels)
        except OSError as error:
            self.context.dialogs.warn(self, self.tr("Export failed"),
                                      self.tr("The file could not be written: {reason}").format(reason=error.strerror))
            return
        except UserError as error:
            self.handle_error(error)
            return
        self.context.dialogs.info(self, self.tr("Export finished"), self.tr("Saved to {path}.").format(path=path))

    # -- words ------------------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.branch_label.setText(self.tr("Branch and its sub-branches"))
        self.reload_button.setText(self.tr("Reload"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.branches.retranslate()
        self._draw()
