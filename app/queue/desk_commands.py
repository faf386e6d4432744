"""A counter's commands on PostgreSQL, each one statement: calling the next ticket, recall,
no-show, start and finish (migration 0033's ``vipdesk_queue_command``).

Calling the next customer is the branch's hottest path. The store does the whole command —
the account still allowed in, the counter signed in on this PC, the day rollover, the claim,
the audit event — in the statement this module sends, in autocommit: one round trip, no ORM
objects. When the command changed the branch's queue, the live views are told after the
commit, not in it (PostgreSQL holds one lock for the whole cluster from a notifying
transaction's commit until it is on disk, which lined every counter's commit up behind the
others', migration 0048), and off the counter's path, by the PC's announcer
(:mod:`app.queue.announce`). The rules stay the program's (:mod:`app.queue.rules`): the calling
order goes along as a *plan* (each call's preferred priorities over the policy's cycle, the
recall gap and limit) made from the branch's calling policy and the tier policy in force, and
kept until the store says it is stale (a policy saved, another day). A refusal comes back with
the facts, and the same rules and messages as on SQLite tell the user why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import func, select

from app.auth.permissions import Permission, require
from app.business_day import BUSINESS_TIME_ZONE, business_date
from app.errors import CHANGED_BY_SOMEONE_ELSE, ConflictError, UserError
from app.queue import refusals, rules
from app.queue.announce import announcer_of
from app.queue.common import TicketRow, policy_of, tier_codes
from app.store import account_disabled, account_locked
from db.models import QueuePolicy as PolicyRow, TierPolicyVersion
from app.actor import Actor
from app.store import Store

COMMAND = ("SELECT vipdesk_queue_command(%(action)s, %(counter)s, %(pc)s, %(ticket)s::integer, %(plan)s::text, "
           "%(preferences)s::integer[], %(tiers)s, %(time_zone)s, %(recall_gap)s, %(recalls_limit)s, "
           "%(from_state)s, %(to_state)s, %(now)s::timestamp, %(actor_id)s::integer, %(actor_name)s, "
           "%(actor_path)s)")
TOUCHES = ("queue_ticket", "queue_counter", "queue_counter_session", "audit_event")  # what the command may write
ATTEMPTS = 3  # a plan made again twice and still stale: the policy is being changed right now


@dataclass(frozen=True)
class Plan:
    """What a branch's calls need from its policies, and the versions it was made from."""

    key: str                      # "<queue policy version>:<tier policy version>:<day>"
    policy: rules.QueuePolicy
    preferences: tuple[int, ...]  # each call's preferred priorities over the cycle, one after another
    tiers: int


NO_PLAN = Plan("", rules.QueuePolicy(time_zone=BUSINESS_TIME_ZONE), (), 1)


def make_plan(store: Store, branch_id: int, now: datetime) -> Plan:
    """The plan of ``branch_id``'s calls on the business day at ``now`` (the store's clock)."""
    with store.read() as session:
        policy_version = session.scalar(select(PolicyRow.version).where(PolicyRow.branch_id == branch_id)) or 0
        policy = policy_of(session, branch_id)
        day = business_date(now, policy.time_zone)
        codes = tier_codes(session, day)
        tier_version = session.scalar(select(func.max(TierPolicyVersion.version))) or 0
    cycle = rules.preference_cycle(policy, codes)
    return Plan(f"{policy_version}:{tier_version}:{day.isoformat()}", policy,
                tuple(p for turn in cycle for p in turn), len(codes))


def call_next_postgresql(store: Store, actor: Actor, desk) -> TicketRow | None:
    """:func:`app.queue.calling.call_next` on PostgreSQL."""
    return _run(store, actor, desk, "call", None)


def step_postgresql(store: Store, actor: Actor, desk, ticket_id: int, action: str) -> TicketRow:
    """Recall, no-show, start or finish ``ticket_id`` at the desk's counter on PostgreSQL."""
    row = _run(store, actor, desk, action, ticket_id)
    assert row is not None, "the store answers a step on a ticket with that ticket (or a refusal)"
    return row


def _run(store: Store, actor: Actor, desk, action: str, ticket_id: int | None) -> TicketRow | None:
    require(actor, Permission.CALL_TICKETS)
    if ticket_id is not None and not isinstance(ticket_id, int):
        raise refusals.no_ticket()
    key = ("desk_commands", desk.counter_id)
    kept = store.plans.get(key)
    plan = kept if isinstance(kept, Plan) else NO_PLAN
    from_state = rules.ACTIONS[action][0]
    for _attempt in range(ATTEMPTS):
        raw = store.command(COMMAND, {
            "action": action, "counter": desk.counter_id, "pc": desk.pc, "ticket": ticket_id,
            "plan": plan.key or None, "preferences": list(plan.preferences), "tiers": plan.tiers,
            "time_zone": plan.policy.time_zone, "recall_gap": plan.policy.recall_gap_seconds,
            "recalls_limit": plan.policy.recalls_before_no_show, "from_state": from_state,
            "to_state": rules.ACTION_RESULTS[action], "now": store.clock(), "actor_id": actor.account_id,
            "actor_name": actor.username, "actor_path": actor.branch_path}, touches=TOUCHES)
        # the command's jsonb answer: an object, which the driver may hand over still as text
        answer = cast(dict[str, Any], json.loads(raw) if isinstance(raw, str) else raw)
        if answer.get("stale"):
            plan = store.plans[key] = make_plan(store, answer["branch_id"], _moment(answer["now"]))
            continue
        if answer.get("changed"):  # the live views told, off the counter's path
            announcer_of(store).announce(answer["branch_id"])
        if "refusal" in answer:
            raise _refusal(answer, action, plan.policy)
        return _row(answer["ticket"])
    raise ConflictError(CHANGED_BY_SOMEONE_ELSE)


def _refusal(answer: dict[str, Any], action: str, policy: rules.QueuePolicy) -> UserError:
    """The user's message for the store's refusal, from the program's own rules."""
    code = answer["refusal"]
    simple = {
        "disabled": account_disabled, "locked": account_locked,
        "no_counter": refusals.no_counter, "no_ticket": refusals.no_ticket,
        "not_signed_in": lambda: refusals.not_signed_in(answer["counter"]),
        "closed": lambda: refusals.closed(answer["counter"]),
        "no_service": lambda: refusals.no_service(answer["counter"]),
        "holds": lambda: refusals.holds(answer["counter"], answer["number"]),
        "not_held": lambda: refusals.not_held(answer["counter"], answer["number"]),
    }
    if code in simple:
        return simple[code]()
    checks = {
        "state": lambda: rules.check_action(action, answer["state"], answer["number"]),
        "recall": lambda: rules.check_recall(answer["recalls"], _moment(answer["called_at"]),
                                             _moment(answer["now"]), policy),
        "no_show": lambda: rules.check_no_show(answer["recalls"], policy),
    }
    try:
        checks[code]()
    except UserError as refused:
        return refused
    return ConflictError(CHANGED_BY_SOMEONE_ELSE)  # the store and the rules disagree: nothing was done


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _moment_or_none(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _row(t: dict[str, Any] | None) -> TicketRow | None:
    """The ticket as the store answered it (``to_jsonb`` of the row plus names)."""
    if t is None:
        return None
    return TicketRow(
        t["id"], t["number"], t["service_id"], t["service_prefix"], t["service_name"],
        date.fromisoformat(t["business_date"]), t["customer_id"], t["customer_label"], t["tier"],
        t["priority"], t["state"], _moment(t["issued_at"]), _moment(t["queued_at"]),
        _moment(t["deadline_at"]), t["front"], t["target_counter"], t["counter_id"], t["counter"],
        t["clerk_name"], _moment_or_none(t["called_at"]), t["recalls"], _moment_or_none(t["started_at"]),
        _moment_or_none(t["finished_at"]), t["note"], t["origin_id"] or t["id"])
