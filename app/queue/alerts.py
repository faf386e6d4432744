"""Long-wait alerts for the lobby manager (大堂经理): the waiting tickets that have waited their
tier's alert time (the queue policy's ``alert_minutes``, by default two thirds of the tier's
maximum wait), so that the lobby manager can act — reserve a counter's next call, raise a
priority — before the maximum wait forces the ticket ahead of everyone. A ticket past its
maximum wait stays on the list, marked overdue, until it is called.

The tier whose alert time counts is the one of the ticket's priority, as for its deadline
(a priority raised by hand shortens the alert too); the wait counts from its place in the
queue (``queued_at``: a re-queued or transferred ticket keeps its arrival). Pure: no database,
no Qt; the lobby computes it over the board it already read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.queue.common import TicketRow
from app.queue.rules import WAITING, QueuePolicy, tier_at


@dataclass(frozen=True)
class LongWait:
    """A waiting ticket past its alert time: how long it has waited, and whether its maximum
    wait has passed too."""

    ticket: TicketRow
    waited: timedelta
    alert_after: timedelta
    overdue: bool


def long_waits(tickets: Iterable[TicketRow], now: datetime, policy: QueuePolicy,
               codes: Sequence[str]) -> list[LongWait]:
    """The waiting tickets at or past their alert time, the most urgent first: overdue ones
    (earliest deadline first), then by how far past their alert they are."""
    found = []
    for ticket in tickets:
        if ticket.state != WAITING:
            continue
        after = policy.alert_after(tier_at(ticket.priority, codes))
        waited = now - ticket.queued_at
        if waited >= after:
            found.append(LongWait(ticket, waited, after, now >= ticket.deadline_at))
    return sorted(found, key=lambda w: (not w.overdue, w.ticket.deadline_at if w.overdue else now,
                                        -(w.waited - w.alert_after), w.ticket.id))


__all__ = ["LongWait", "long_waits"]
