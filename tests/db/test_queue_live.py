"""The live feed: quiet while nothing changes, wakes when a ticket is issued elsewhere."""

from app.queue import calling, tickets
from app.queue.live import open_feed
from tests.db.queuehelp import make_queue


def test_feed_wakes_on_a_commit_and_stays_quiet_otherwise(demo_store):
    q = make_queue(demo_store)
    feed = open_feed(q.store.engine)
    try:
        assert feed.wait(0.3) is False
        tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
        assert feed.wait(5) is True
        assert feed.wait(0.3) is False  # one change, one wake-up
    finally:
        feed.close()


def test_feed_wakes_on_each_counter_command_that_changed_the_queue(demo_store):
    """On PostgreSQL the counter's commands announce after their commit (migration 0048); a
    call that finds nobody changes nothing and wakes nobody."""
    q = make_queue(demo_store)
    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    feed = open_feed(q.store.engine)
    try:
        called = calling.call_next(q.store, q.teller, q.desk1)
        assert called is not None and called.id == ticket.id
        assert feed.wait(5) is True
        calling.start_service(q.store, q.teller, q.desk1, called.id)
        assert feed.wait(5) is True
        calling.finish_service(q.store, q.teller, q.desk1, called.id)
        assert feed.wait(5) is True
        assert calling.call_next(q.store, q.teller, q.desk1) is None
        assert feed.wait(0.5) is False
    finally:
        feed.close()
