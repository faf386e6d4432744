"""The many-counters drill, CI-sized: a few counter processes against one PostgreSQL store for a
few seconds, then the books (the full-size runs are in the README; see tests/bench/drill.py)."""

from tests.bench.drill import format_report, run


def test_a_few_counters_at_once_leave_the_books_right(pg_server_url):
    report = run(clients=3, seconds=4, server=pg_server_url, customers=500, applications=2)
    assert report.passed, format_report(report)
    done = {o["operation"]: o["count"] for o in report.operations}
    assert all(done.get(op, 0) > 0 for op in ("ticket", "call", "search", "issue card")), format_report(report)
    assert not report.notes, format_report(report)
