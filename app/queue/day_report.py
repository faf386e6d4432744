"""贵宾排队服务统计报表: the queue's day report as a registered document.

The queue's own figures (:mod:`app.queue.stats`: its permission and branch scope) turned into
tables and made by the document engine (:func:`app.documents.register.make_document`). It lives
in the queue capability so that the engine in ``app/documents`` never imports a capability
that uses it.
"""

from __future__ import annotations

from datetime import date

from app.documents.pdf import Table
from app.documents.register import Made, PieceData, make_document
from app.documents.reports import Progress, report_branch
from app.documents.wording import TIER_NAMES, tier_name
from app.queue.stats import period_totals, ticket_stats
from app.actor import Actor
from app.store import Store


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}"


def _tier_rank(row) -> tuple[int, str]:
    """Tiers from ordinary up to private banking, as the bank lists them; unknown codes last."""
    ranks = list(TIER_NAMES)
    return (ranks.index(row.key) if row.key in ranks else len(ranks), row.key)


def _queue_line(label: str, row, idle: bool = False) -> list:
    line = [label, row.tickets, row.served, row.no_shows, _minutes(row.avg_wait), _minutes(row.p90_wait),
            _minutes(row.avg_service), _minutes(row.p90_service), _minutes(row.longest_wait)]
    return line + [_minutes(row.idle)] if idle else line


def queue_day(store: Store, actor: Actor, *, start: date, end: date | None = None, branch_code: str | None = None,
              progress: Progress = None) -> Made:
    """贵宾排队服务统计报表: one branch's tickets of one business day (or of a period, as on the
    statistics page) by service, by customer tier and by counter, each table closed by the
    period's totals (the queue capability's figures, permission and scope)."""
    end = end or start
    branch = report_branch(store, actor, branch_code)
    by = {key: ticket_stats(store, actor, start=start, end=end, by=key, branch_id=branch.id)
          for key in ("service", "tier", "counter")}
    total = period_totals(store, actor, start=start, end=end, branch_id=branch.id)
    idle = [r.idle for r in by["counter"] if r.idle is not None]
    counter_total = _queue_line("合计", total, idle=True)
    counter_total[-1] = _minutes(sum(idle)) if idle else "—"
    widths = (2.6, 1, 1, 1, 1.2, 1.2, 1.2, 1.2, 1.2)
    tables = (Table((), [_queue_line(r.key, r) for r in by["service"]] + [_queue_line("合计", total)], widths),
              Table((), [_queue_line(tier_name(r.key), r) for r in sorted(by["tier"], key=_tier_rank)]
                    + [_queue_line("合计", total)], widths),
              Table((), [_queue_line(r.key, r, idle=True) for r in by["counter"]] + [counter_total],
                    (1.6, *widths[1:], 1.2)))
    period = start.isoformat() if start == end else f"{start.isoformat()} 至 {end.isoformat()}"
    fields = {"period": period, "ticket_total": total.tickets, "served_total": total.served,
              "no_show_total": total.no_shows, "avg_wait": _minutes(total.avg_wait),
              "p90_wait": _minutes(total.p90_wait), "avg_service": _minutes(total.avg_service),
              "p90_service": _minutes(total.p90_service), "longest_wait": _minutes(total.longest_wait)}
    return make_document(store, actor, kind="report_queue_day", template_key="report_queue_day",
                         subject=f"排队服务统计报表 {branch.code} {period}", branch_id=branch.id,
                         subject_ref=f"queue_day:{branch.code}:{start.isoformat()}:{end.isoformat()}",
                         pieces=[PieceData(fields, tables)], progress=progress)
