"""柜员服务绩效报表: performance by clerk as a registered document.

The figures of :mod:`app.queue.performance` for one branch and period, per clerk and per counter,
made by the document engine. Only a holder of ``view_queue_stats`` makes it: it names every
clerk's figures and ratings, and the register shows it only to such holders
(:data:`app.documents.register.KIND_PERMISSIONS`); a clerk reads their own on the screen.
"""

from __future__ import annotations

from datetime import date

from app.auth.permissions import Permission, require
from app.documents.pdf import Table
from app.documents.register import Made, PieceData, make_document
from app.documents.reports import Progress, report_branch
from app.queue.performance import PerformanceRow, clerk_performance, minutes, percent
from app.actor import Actor
from app.store import Store

WIDTHS = (1.6, 2.0, 1.0, 1.15, 1.15, 0.9, 1.15, 0.75, 0.75, 0.9, 0.9, 1.05, 1.1)


def _line(row: PerformanceRow) -> list:
    return [row.period, row.key, row.served, minutes(row.avg_service) or "—", minutes(row.p90_service) or "—",
            minutes(row.idle) or "—", *row.scores, row.unrated, percent(row.satisfied_share),
            percent(row.unrated_share)]


def clerk_performance_report(store: Store, actor: Actor, *, start: date, end: date, grain: str = "month",
                             branch_code: str | None = None, progress: Progress = None) -> Made:
    """柜员服务绩效报表: one branch's figures from ``start`` to ``end`` by day or month, a table
    per clerk and one per counter, with the period's ratings in the opening lines."""
    require(actor, Permission.VIEW_QUEUE_STATS)
    branch = report_branch(store, actor, branch_code)
    by_clerk = clerk_performance(store, actor, start=start, end=end, grain=grain, subject="clerk",
                                 branch_id=branch.id)
    by_counter = clerk_performance(store, actor, start=start, end=end, grain=grain, subject="counter",
                                   branch_id=branch.id)
    # the period's ratings over every clerk, with the shares as each row has them
    total = PerformanceRow("", "", sum(r.served for r in by_clerk), None, None, None,
                           sum(r.finished for r in by_clerk),
                           tuple(sum(r.scores[i] for r in by_clerk) for i in range(4)))  # type: ignore[arg-type]
    period = start.isoformat() if start == end else f"{start.isoformat()} 至 {end.isoformat()}"
    fields = {"period": period, "grain_name": "按日" if grain == "day" else "按月",
              "served_total": str(total.served), "finished_total": str(total.finished),
              "very_satisfied": str(total.scores[0]), "satisfied": str(total.scores[1]),
              "fair": str(total.scores[2]), "dissatisfied": str(total.scores[3]),
              "unrated_total": str(total.unrated), "satisfied_share": percent(total.satisfied_share),
              "unrated_share": percent(total.unrated_share)}
    tables = (Table((), [_line(r) for r in by_clerk], WIDTHS), Table((), [_line(r) for r in by_counter], WIDTHS))
    return make_document(store, actor, kind="report_clerk_performance", template_key="report_clerk_performance",
                         subject=f"柜员服务绩效报表 {branch.code} {period}", branch_id=branch.id,
                         subject_ref=f"clerk_performance:{branch.code}:{start.isoformat()}:{end.isoformat()}",
                         pieces=[PieceData(fields, tables)], progress=progress)
