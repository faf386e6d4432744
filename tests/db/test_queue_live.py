"""The live feed: quiet while nothing changes, wakes when a ticket is issued elsewhere."""

from app.queue import tickets
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
