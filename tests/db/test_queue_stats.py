"""Queue statistics on both engines: waits, service times, the 90th percentile, no-shows, the
longest wait, a reactivated no-show's wait from its last call, idle time per counter; the
tickets export and its command line."""

from datetime import timedelta

import pytest

from app.errors import ValidationError
from app.queue import calling, stats, tickets
from app.queue.stats import percentile_90
from main import main
from tests.db.queuehelp import known_day, make_queue


def test_percentile_is_nearest_rank():
    assert percentile_90([]) is None
    assert percentile_90([5.0]) == 5.0
    assert percentile_90([float(i) for i in range(1, 11)]) == 9.0
    assert percentile_90([float(i) for i in range(1, 12)]) == 10.0


@pytest.fixture
def q(demo_store):
    return make_queue(demo_store)


def test_waits_service_times_no_shows_and_idle(q):
    day = q.clock.now.date()
    gone = known_day(q)
    # the no-show comes back 10 minutes after the last call; called again 1 minute later
    q.clock.tick(minutes=10)
    tickets.reactivate(q.store, q.lobby, gone.id)
    q.clock.tick(minutes=1)
    assert calling.call_next(q.store, q.teller2, q.desk2).id == gone.id
    by_service = {r.key: r for r in stats.ticket_stats(q.store, q.manager, start=day, end=day, by="service")}
    row = by_service["T 测试业务"]
    assert row.tickets == 4 and row.served == 3 and row.no_shows == 0  # reactivated: no longer a no-show
    assert row.avg_service == pytest.approx((5 + 3 + 10) * 60 / 3)
    # waits: 2, 4, 6 minutes, and the reactivated one 11 minutes after its last call
    assert row.avg_wait == pytest.approx((2 + 4 + 6 + 11) * 60 / 4)
    assert row.longest_wait == pytest.approx(11 * 60)
    assert row.p90_wait == pytest.approx(11 * 60)
    by_counter = {r.key: r for r in stats.ticket_stats(q.store, q.manager, start=day, end=day, by="counter")}
    t1 = by_counter["T1"]
    busy = 5 + 3 + 10  # each called, started at once, served
    assert t1.tickets == 3 and t1.idle is not None and t1.idle >= 0
    assert t1.idle == pytest.approx((q.clock.now - _signed_in(q, q.desk1)).total_seconds() - busy * 60, abs=1)
    by_tier = stats.ticket_stats(q.store, q.manager, start=day, end=day, by="tier")
    assert sum(r.tickets for r in by_tier) >= 4


def _signed_in(q, desk):
    from sqlalchemy import select

    from db.models import QueueCounterSession

    with q.store.read() as session:
        return session.scalar(select(QueueCounterSession.started_at).where(
            QueueCounterSession.counter_id == desk.counter_id))


def test_a_no_show_counts_and_bad_periods_are_refused(q):
    day = q.clock.now.date()
    gone = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    calling.call_next(q.store, q.teller, q.desk1)
    for _ in range(2):
        q.clock.tick(seconds=31)
        calling.recall(q.store, q.teller, q.desk1, gone.id)
    calling.mark_no_show(q.store, q.teller, q.desk1, gone.id)
    row = [r for r in stats.ticket_stats(q.store, q.manager, start=day, end=day, by="service") if r.key.startswith("T ")][0]
    assert row.no_shows == 1 and row.served == 0
    with pytest.raises(ValidationError) as caught:
        stats.ticket_stats(q.store, q.manager, start=day, end=day - timedelta(days=1), by="day")
    assert caught.value.field == "Period"
    with pytest.raises(ValidationError) as caught:
        stats.ticket_stats(q.store, q.manager, start=day, end=day, by="weather")
    assert caught.value.field == "Group by"


def test_export_tickets_from_the_command_line(demo_store, tmp_path, capsys):
    out = tmp_path / "tickets.csv"
    url = demo_store.engine.url.render_as_string(hide_password=False)
    assert main(["export", "tickets", str(out), "--db", url]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("营业日期,号码,业务,客户等级")               # Chinese unless --english
    assert "取号时间,首次叫号时间,开始办理时间,办结时间" in lines[0]
    assert all(line.split(",")[7].endswith("+08:00") for line in lines[1:])  # the branch's clocks, said so
    assert len(lines) > 100 and "rows written" in capsys.readouterr().out
    assert not any(ch.isdigit() for line in lines[1:] for ch in line.split(",")[6])  # customers masked
