"""柜员服务绩效报表: the figures per clerk and per counter on the page, the QR verifies; only a
holder of queue statistics makes it, and the register hides it from a clerk."""

from __future__ import annotations

import pytest

from app.documents.register import RegisterFilter, register_page, reprint
from app.errors import NotFound, PermissionDenied
from app.queue.performance_report import clerk_performance_report
from tests.db.helpers import actor_named
from tests.db.queuehelp import make_queue
from tests.db.test_queue_performance import rated_day
from tests.documents.support import pdf_text
from tests.documents.test_reports import check_document


def test_the_report_shows_each_clerk_and_counter(sqlite_demo_store):
    q = make_queue(sqlite_demo_store)
    rated_day(q)   # 李娜: 4 served, 5, 3, 10, 2 minutes, idle 22 of 42, rated 4, 3, 1 and not
    day = q.clock.now.date()
    made = clerk_performance_report(q.store, q.manager, start=day, end=day, grain="day")
    assert made.kind == "report_clerk_performance"
    check_document(q.store, q.manager, made, "柜员服务绩效报表", "北京朝阳支行", f"统计期间：{day.isoformat()}（按日）",
                   "按柜员统计", "按柜台统计", "网点负责人：",
                   "非常满意 1 笔，满意 1 笔，一般 0 笔，不满意 1 笔，未评价 1 笔；满意率 66.7%，未评价率 25.0%")
    cells = [line.strip() for page in pdf_text(made.pdf) for line in page.splitlines()]
    at = cells.index("柜员 李娜")
    assert cells[at + 1:at + 12] == ["4", "5.0", "10.0", "22.0", "1", "1", "0", "1", "1", "66.7%", "25.0%"]
    at = cells.index("T2")
    assert cells[at + 1:at + 5] == ["0", "—", "—", "41.0"]
    teller = q.teller
    with pytest.raises(PermissionDenied):
        clerk_performance_report(q.store, teller, start=day, end=day)
    assert not register_page(q.store, teller, RegisterFilter(kind="report_clerk_performance"))
    with pytest.raises(NotFound):
        reprint(q.store, teller, made.id)
    assert register_page(q.store, actor_named(q.store, "lobby"), RegisterFilter(kind="report_clerk_performance"))
