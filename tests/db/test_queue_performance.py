"""Performance by clerk on both engines: a fixed day of tickets (served, average and nearest-rank
90th-percentile service time, idle time) per clerk and per counter, by day and by month; the
ratings (count per score, satisfied share, unrated share); a clerk sees only their own figures;
the CSV export's header and values."""

from datetime import date, timedelta

import pytest

from app.errors import PermissionDenied, ValidationError
from app.queue import performance
from app.visit.ratings import record_rating
from tests.db.helpers import actor_named
from tests.db.queuehelp import make_queue, no_show, serve

LI_NA, WANG_LEI = "柜员 李娜", "柜员 王磊"


def rated_day(q):
    """李娜 at the first counter serves four customers after waits of 2, 4, 6 and 1 minutes for
    5, 3, 10 and 2 minutes, rated 非常满意, 满意, 不满意 and not at all; then 王磊 at the second
    calls one after 8 minutes, recalls twice 30 s apart and marks a no-show: now 42 minutes after
    both signed in."""
    for wait, minutes, score in [(2, 5, 4), (4, 3, 3), (6, 10, 1), (1, 2, None)]:
        ticket = serve(q, q.desk1, q.teller, wait, minutes)
        if score is not None:
            record_rating(q.store, q.teller, ticket.id, score=score, reason="等候时间太长" if score == 1 else None)
    no_show(q)


@pytest.fixture
def q(demo_store):
    queue = make_queue(demo_store)
    rated_day(queue)
    return queue


def _figures(q, actor, **kwargs):
    day = q.clock.now.date()
    return {(r.period, r.key): r for r in performance.clerk_performance(
        q.store, actor, start=kwargs.pop("start", day), end=kwargs.pop("end", day), **kwargs)}


def test_figures_per_clerk_and_counter_by_day_and_month(q):
    day = q.clock.now.date().isoformat()
    by_clerk = _figures(q, q.manager)
    li = by_clerk[(day, LI_NA)]
    # served 5, 3, 10, 2 minutes: average 5, nearest-rank 90th percentile the 4th of 4 = 10
    assert (li.served, li.finished) == (4, 4)
    assert li.avg_service == pytest.approx(5 * 60) and li.p90_service == pytest.approx(10 * 60)
    # signed in 42 minutes, with customers 5+3+10+2 = 20 of them
    assert li.idle == pytest.approx(22 * 60)
    # rated 4, 3 and 1, one not rated: satisfied 2 of 3 rated, unrated 1 of 4 finished
    assert (li.scores, li.rated, li.unrated) == ((1, 1, 0, 1), 3, 1)
    assert li.satisfied_share == pytest.approx(2 / 3) and li.unrated_share == pytest.approx(1 / 4)
    wang = by_clerk[(day, WANG_LEI)]
    # called once and recalled twice 30 s apart, then a no-show: with that customer 1 minute
    assert (wang.served, wang.finished, wang.avg_service, wang.p90_service) == (0, 0, None, None)
    assert (wang.scores, wang.satisfied_share, wang.unrated_share) == ((0, 0, 0, 0), None, None)
    assert wang.idle == pytest.approx(41 * 60)
    by_counter = _figures(q, q.manager, subject="counter")
    t1 = by_counter[(day, "T1")]
    assert (t1.served, t1.scores, t1.unrated) == (4, (1, 1, 0, 1), 1) and t1.idle == pytest.approx(22 * 60)
    month = _figures(q, q.manager, start=date(2026, 11, 1), end=date(2026, 11, 30), grain="month")
    assert month[("2026-11", LI_NA)].served == 4 and month[("2026-11", LI_NA)].scores == (1, 1, 0, 1)
    assert month[("2026-11", LI_NA)].idle == pytest.approx(22 * 60)


def test_a_clerk_sees_only_their_own_figures(q):
    mine = _figures(q, q.teller)
    assert {key for _, key in mine} == {LI_NA}
    assert {key for _, key in _figures(q, q.teller2, subject="counter")} == {"T2"}
    assert {key for _, key in _figures(q, q.manager)} >= {LI_NA, WANG_LEI}
    assert {key for _, key in _figures(q, actor_named(q.store, "lobby"))} >= {LI_NA, WANG_LEI}
    with pytest.raises(PermissionDenied):
        _figures(q, actor_named(q.store, "custodian"))


def test_bad_choices_are_refused(q):
    day = q.clock.now.date()
    with pytest.raises(ValidationError) as caught:
        _figures(q, q.manager, grain="week")
    assert caught.value.field == "Period by"
    with pytest.raises(ValidationError) as caught:
        _figures(q, q.manager, subject="service")
    assert caught.value.field == "Figures per"
    with pytest.raises(ValidationError) as caught:
        _figures(q, q.manager, start=day, end=day - timedelta(days=1))
    assert caught.value.field == "Period"


def test_periods_are_clipped_months():
    assert list(performance.periods(date(2026, 1, 30), date(2026, 3, 2), "month")) == [
        ("2026-01", date(2026, 1, 30), date(2026, 1, 31)), ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2026-03", date(2026, 3, 1), date(2026, 3, 2))]
    assert [p for p, _, _ in performance.periods(date(2026, 2, 27), date(2026, 3, 1), "day")] == [
        "2026-02-27", "2026-02-28", "2026-03-01"]


def test_export_in_chinese_by_default(q, tmp_path):
    from app.catalogue import translator

    out = tmp_path / "performance.csv"
    day = q.clock.now.date()
    assert performance.export_performance(q.store, q.teller, out, start=day, end=day, say=translator()) == 1
    header, line = out.read_text(encoding="utf-8-sig").splitlines()
    assert header.startswith("期间,柜员或柜台,办理笔数,平均办理时长（分钟）")
    assert line == f"{day.isoformat()},{LI_NA},4,5.0,10.0,22.0,1,1,0,1,1,66.7%,25.0%"
    english = tmp_path / "english.csv"
    performance.export_performance(q.store, q.teller, english, start=day, end=day)
    assert english.read_text(encoding="utf-8-sig").splitlines()[0].startswith(
        "Period,Clerk or counter,Tickets served,Average service (minutes)")


def test_export_from_the_command_line(sqlite_demo_store, tmp_path, capsys):
    from main import main

    rated_day(make_queue(sqlite_demo_store))
    url = sqlite_demo_store.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "performance.csv"
    assert main(["export", "performance", str(out), "--db", url, "--branch", "BJ0101", "--month", "2026-11",
                 "--by", "month", "--english"]) == 0
    header, *lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert header.startswith("Period,Clerk or counter,Tickets served")
    li = next(line.split(",") for line in lines if f",{LI_NA}," in line)
    assert li[:5] == ["2026-11", LI_NA, "4", "5.0", "10.0"] and li[6:] == ["1", "1", "0", "1", "1", "66.7%", "25.0%"]
    assert "rows written" in capsys.readouterr().out
    assert main(["export", "performance", str(out), "--db", url, "--month", "2026-11"]) == 2
    assert capsys.readouterr().err.strip() == "error: the performance export needs --branch CODE and --month YYYY-MM"
