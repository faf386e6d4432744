"""One document of every kind the program makes, from a demo store: the card documents
(agreement and each letter), the renewal batch, every report, and the ticket slip. The
typography test reads them all; ``tools/documents.py`` renders them for the README."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.documents import reports
from app.documents.letters import TEMPLATE_FOR, make_card_document, renewal_letters
from app.queue import day_report, slip, tickets
from app.queue.performance_report import clerk_performance_report
from app.tiers.evaluation import latest_evaluation, worklist_counts
from db.models import VipCard
from tests.db.helpers import actor_named
from tests.db.queuehelp import known_day, make_queue


def _card(store, status: str) -> int:
    with store.read() as session:
        return session.scalar(select(VipCard.id).where(VipCard.status == status).order_by(VipCard.id))


def every_document(store) -> dict[str, bytes]:
    """Kind → PDF bytes, one of each kind."""
    teller, manager = actor_named(store, "teller"), actor_named(store, "manager")
    custodian = actor_named(store, "custodian")
    today = store.today()
    made: dict[str, bytes] = {}
    for kind in sorted(TEMPLATE_FOR):
        card = _card(store, "expired" if kind == "expired" else "active")
        made[kind] = make_card_document(store, teller, card, kind).made.pdf
    for ahead in range(1, 4):
        year, month = today.year + (today.month + ahead - 1) // 12, (today.month + ahead - 1) % 12 + 1
        try:
            made["renewal_batch"] = renewal_letters(store, manager, branch_code="BJ0101", year=year,
                                                    month=month).pdf
            break
        except Exception:  # a month without expiring cards: try the next
            continue
    made["report_stock_reconciliation"] = reports.stock_reconciliation(
        store, manager, business_date=today - timedelta(days=1)).pdf
    made["report_stock_count"] = reports.stock_counts(store, manager, start=today - timedelta(days=60),
                                                      end=today).pdf
    made["report_destruction"] = reports.destruction_register(store, custodian, start=today - timedelta(days=60),
                                                              end=today).pdf
    evaluation = latest_evaluation(store, manager)
    counts = worklist_counts(store, manager, evaluation.id)
    made["report_tier_worklist"] = reports.tier_worklist(store, manager, evaluation_id=evaluation.id,
                                                         kind=max(counts, key=counts.get)).pdf
    q = make_queue(store)
    known_day(q)
    made["report_queue_day"] = day_report.queue_day(q.store, q.manager, start=q.clock.now.date()).pdf
    made["report_clerk_performance"] = clerk_performance_report(
        q.store, q.manager, start=q.clock.now.date(), end=q.clock.now.date(), grain="day").pdf
    for _ in range(3):
        tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    last = tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=q.customer_of_tier("diamond"))
    made["ticket_slip"] = slip.render_slip(slip.slip_content(q.store, q.lobby, last.id))
    return made
