"""The slip's "people ahead" is the customer's real wait: compared, on both engines and for
both calling modes, with the order in which the counters then really call — counters that serve
several services, tickets of other services with a higher tier, a counter that cannot call the
ticket (which does not make it wait). And the slip names no tier."""

import pytest
from pypdf import PdfReader

from app.queue import calling, rules, setup, slip, tickets
from tests.db.queuehelp import make_queue


def _calls_until(q, target_id, desks) -> int:
    """Let the desks call in turn until one calls ``target_id``; how many were called first."""
    called = 0
    while True:
        for desk, clerk in desks:
            row = calling.call_next(q.store, clerk, desk)
            if row is None:
                continue
            if row.id == target_id:
                return called
            calling.start_service(q.store, clerk, desk, row.id)
            calling.finish_service(q.store, clerk, desk, row.id)
            called += 1


@pytest.mark.parametrize("mode", [rules.STRICT, rules.INTERLEAVED])
@pytest.mark.parametrize("both_counters", [False, True])
def test_slip_ahead_is_what_the_counters_then_call(demo_store, tmp_path, mode, both_counters):
    q = make_queue(demo_store)
    setup.save_policy(q.store, q.manager, rules.make_policy(mode=mode))
    # Counter 1 calls both services; counter 2 only the test service, or is closed.
    setup.set_counter(q.store, q.manager, q.desk1.counter_id, service_ids=[q.service, q.other_service])
    if not both_counters:
        setup.set_counter(q.store, q.manager, q.desk2.counter_id, open=False)
    # A third counter of the other service alone: it never calls the test service's tickets.
    setup.add_counter(q.store, q.manager, number="T9", name="其他", service_ids=[q.other_service])

    def issue(service, tier=None):
        customer = q.customer_of_tier(tier) if tier else None
        q.clock.tick(seconds=20)
        return tickets.issue_ticket(q.store, q.lobby, service_id=service, customer_id=customer)

    for service, tier in [(q.other_service, None), (q.service, None), (q.other_service, "diamond"),
                          (q.service, "gold"), (q.other_service, "platinum"), (q.other_service, "gold")]:
        issue(service, tier)
    target = issue(q.service)
    issue(q.other_service, "diamond")  # issued later, but called first: the customer waits for it too
    q.clock.tick(seconds=20)

    text = PdfReader(slip.write_slip(q.store, q.lobby, target.id, tmp_path / "slip.pdf")).pages[0].extract_text()
    ahead = slip.slip_content(q.store, q.lobby, target.id).ahead
    same_service_only = 2
    assert ahead > same_service_only
    assert f"前面还有 {ahead} 位" in text
    desks = [(q.desk1, q.teller)] + ([(q.desk2, q.teller2)] if both_counters else [])
    assert _calls_until(q, target.id, desks) == ahead


def test_slip_shows_no_tier_or_name(demo_store, tmp_path):
    q = make_queue(demo_store)
    diamond = tickets.issue_ticket(q.store, q.lobby, service_id=q.service,
                                   customer_id=q.customer_of_tier("diamond"))
    text = PdfReader(slip.write_slip(q.store, q.lobby, diamond.id, tmp_path / "d.pdf")).pages[0].extract_text()
    assert diamond.number in text and "前面还有 0 位" in text
    for word in ("钻石", "客户等级", "私人银行", "白金", "金卡", diamond.customer_label):
        assert word not in text
