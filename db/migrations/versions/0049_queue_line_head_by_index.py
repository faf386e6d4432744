"""The next ticket is found by index when nobody waiting is at the front or past their maximum
wait: a call no longer sorts the whole waiting line.

Revision ID: 0049
Revises: 0048

The calling order (app.queue.rules.order_key) is: front first, then those past their maximum
wait by how long past, then the call's preferred priorities in turn, each by queueing time. A
call sorted every waiting ticket of the branch's day by that key to take the first it could
lock, so its cost grew with the line (at 160 waiting about as much as the rest of the command).
While nobody the counter may call is at the front or overdue, the order is the preferred
priorities in turn, each by queueing time, which an index on the waiting tickets by
``(branch, day, priority, queued_at, id)`` hands out in order. The command now asks two index
probes whether anyone it may call is at the front or overdue, and if nobody is, takes the first
ticket it can lock from each preferred priority in turn (each probe locks only the ticket it
takes); when somebody is (a busy hour with maximum waits running out), or the probes find
nobody (a ticket of a priority the plan does not name), it sorts the whole line as before. The same ticket is called either way, and the same
``SKIP LOCKED`` rule lets two counters never take the same ticket.

Three partial indexes of the waiting tickets only (a ticket leaves them when called): the line
by priority, the deadlines, and the front. SQLite gets the same indexes (its unit of work reads
the line whole and sorts in Python, as before).
"""
import sqlalchemy as sa
from alembic import op

from db.migrations.frozen.pg_rewrite_r0047 import reversed_pieces, rewrite


revision = '0049'
down_revision = '0048'
branch_labels = None
depends_on = None

WAITING = "state = 'waiting'"
INDEXES = [  # name, columns, condition
    ("ix_queue_ticket_line", ["branch_id", "business_date", "priority", "queued_at", "id"], WAITING),
    ("ix_queue_ticket_deadline", ["branch_id", "business_date", "deadline_at"], WAITING),
    ("ix_queue_ticket_front", ["branch_id", "business_date"], f"{WAITING} AND front"),
]
COMMAND = ("vipdesk_queue_command(text, integer, text, integer, text, integer[], integer, text, integer, "
           "integer, text, text, timestamp, integer, text, text)")
MAY_CALL = """                      AND ((w.service_id = ANY (v_services) AND w.target_counter_id IS NULL)
                           OR w.target_counter_id = c.id)
                      AND w.id NOT IN (SELECT o.reserved_ticket_id FROM queue_counter o
                                       WHERE o.branch_id = c.branch_id AND o.reserved_ticket_id IS NOT NULL
                                         AND o.id <> c.id)
"""
SORTED = """            UPDATE queue_ticket SET state = 'called', counter_id = c.id, clerk_id = c.account_id,
                    clerk_name = c.clerk_name, called_at = v_now,
                    first_called_at = coalesce(first_called_at, v_now), recalls = 0, front = false,
                    target_counter_id = NULL
                WHERE id = (
                    SELECT w.id FROM queue_ticket w
                    WHERE w.branch_id = c.branch_id AND w.business_date = v_day AND w.state = 'waiting'
""" + MAY_CALL + """                    ORDER BY w.front DESC, CASE WHEN w.deadline_at <= v_now THEN 0 ELSE 1 END,
                             CASE WHEN w.deadline_at <= v_now THEN w.deadline_at END ASC NULLS LAST,
                             coalesce(array_position(v_pref, w.priority), p_tiers + 1), w.queued_at, w.id
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                  AND state = 'waiting'
                RETURNING * INTO t;
"""
BY_INDEX_FIRST = """            -- nobody this counter may call at the front or overdue: the line's head by index, one
            -- preferred priority after another (each probe locks only the ticket it takes); else,
            -- or when those find nobody, the whole line in the calling order
            IF NOT EXISTS (
                    SELECT 1 FROM queue_ticket w
                    WHERE w.branch_id = c.branch_id AND w.business_date = v_day AND w.state = 'waiting' AND w.front
""" + MAY_CALL.rstrip("\n") + """)
               AND NOT EXISTS (
                    SELECT 1 FROM queue_ticket w
                    WHERE w.branch_id = c.branch_id AND w.business_date = v_day AND w.state = 'waiting'
                      AND w.deadline_at <= v_now
""" + MAY_CALL.rstrip("\n") + """) THEN
                FOREACH v_priority IN ARRAY v_pref LOOP
                    SELECT w.id INTO v_pick FROM queue_ticket w
                    WHERE w.branch_id = c.branch_id AND w.business_date = v_day AND w.state = 'waiting'
                      AND w.priority = v_priority
""" + MAY_CALL + """                    ORDER BY w.queued_at, w.id
                    LIMIT 1 FOR UPDATE SKIP LOCKED;
                    EXIT WHEN v_pick IS NOT NULL;
                END LOOP;
            END IF;
            IF v_pick IS NULL THEN
                SELECT w.id INTO v_pick FROM queue_ticket w
                WHERE w.branch_id = c.branch_id AND w.business_date = v_day AND w.state = 'waiting'
""" + "".join(f"{line[4:]}\n" for line in MAY_CALL.splitlines()) + """                ORDER BY w.front DESC, CASE WHEN w.deadline_at <= v_now THEN 0 ELSE 1 END,
                         CASE WHEN w.deadline_at <= v_now THEN w.deadline_at END ASC NULLS LAST,
                         coalesce(array_position(v_pref, w.priority), p_tiers + 1), w.queued_at, w.id
                LIMIT 1 FOR UPDATE SKIP LOCKED;
            END IF;
            UPDATE queue_ticket SET state = 'called', counter_id = c.id, clerk_id = c.account_id,
                    clerk_name = c.clerk_name, called_at = v_now,
                    first_called_at = coalesce(first_called_at, v_now), recalls = 0, front = false,
                    target_counter_id = NULL
                WHERE id = v_pick AND state = 'waiting'
                RETURNING * INTO t;
"""
DECLARED = """    v_events jsonb := '[]';
"""
DECLARED_PICK = """    v_events jsonb := '[]';
    v_priority integer;
    v_pick integer;
"""
PIECES = [(DECLARED, DECLARED_PICK), (SORTED, BY_INDEX_FIRST)]


def upgrade() -> None:
    bind = op.get_bind()
    for name, columns, condition in INDEXES:
        op.create_index(name, "queue_ticket", columns, postgresql_where=sa.text(condition),
                        sqlite_where=sa.text(condition))
    if bind.dialect.name == "postgresql":
        rewrite(bind, COMMAND, PIECES)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        rewrite(bind, COMMAND, reversed_pieces(PIECES))
    for name, _columns, _condition in INDEXES:
        op.drop_index(name, "queue_ticket")
