"""The database guards the queue's tables against a staff login's raw writes.

Revision ID: 0025
Revises: 0024

On both engines: a ticket's steps with the permission each needs (``state_transition`` rows;
``app.queue.rules`` ACTIONS, ACTION_RESULTS and ACTION_PERMISSIONS, held equal by a test).

On PostgreSQL a row trigger on each queue table (the owner passes; calling the next ticket is
the hottest path, so each check reads at most one counter row):

* ``queue_ticket``: a ticket is made waiting, not at a counter, by a holder of ``issue_tickets``
  (or as a transfer of a ticket, keeping its number, customer, tier and priority unless the
  lobby manager moves it); every state change is an allowed step for a permission the login
  holds; it is called only to a counter the login is signed in at, in their own name, and a
  ticket at a counter is acted on only by that counter's clerk or the lobby manager; its
  priority, deadline, front place and reservation change only for ``manage_queue`` (the lobby
  manager's audited step, never a teller's); its number, branch, service, day, customer, tier
  and issue time never change; nothing is deleted.
* ``queue_counter``: set up by ``manage_queue``; a clerk signs in and is seen only as themselves.
* ``queue_counter_session``: opened in the clerk's own name, only ever closed.
* ``queue_service`` and ``queue_policy``: ``manage_queue`` only. ``queue_number`` only counts up.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run


revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None

TRANSITIONS = [
    ('queue_ticket', '', 'waiting', 'issue_tickets'),
    ('queue_ticket', 'called', 'cancelled', 'call_tickets'),
    ('queue_ticket', 'called', 'cancelled', 'issue_tickets'),
    ('queue_ticket', 'called', 'cancelled', 'manage_queue'),
    ('queue_ticket', 'called', 'expired', 'call_tickets'),
    ('queue_ticket', 'called', 'expired', 'issue_tickets'),
    ('queue_ticket', 'called', 'no_show', 'call_tickets'),
    ('queue_ticket', 'called', 'serving', 'call_tickets'),
    ('queue_ticket', 'called', 'transferred', 'call_tickets'),
    ('queue_ticket', 'called', 'transferred', 'issue_tickets'),
    ('queue_ticket', 'called', 'transferred', 'manage_queue'),
    ('queue_ticket', 'called', 'waiting', 'manage_queue'),
    ('queue_ticket', 'no_show', 'waiting', 'manage_queue'),
    ('queue_ticket', 'serving', 'done', 'call_tickets'),
    ('queue_ticket', 'serving', 'expired', 'call_tickets'),
    ('queue_ticket', 'serving', 'expired', 'issue_tickets'),
    ('queue_ticket', 'serving', 'transferred', 'call_tickets'),
    ('queue_ticket', 'serving', 'transferred', 'issue_tickets'),
    ('queue_ticket', 'serving', 'transferred', 'manage_queue'),
    ('queue_ticket', 'waiting', 'called', 'call_tickets'),
    ('queue_ticket', 'waiting', 'cancelled', 'call_tickets'),
    ('queue_ticket', 'waiting', 'cancelled', 'issue_tickets'),
    ('queue_ticket', 'waiting', 'cancelled', 'manage_queue'),
    ('queue_ticket', 'waiting', 'expired', 'call_tickets'),
    ('queue_ticket', 'waiting', 'expired', 'issue_tickets'),
    ('queue_ticket', 'waiting', 'transferred', 'call_tickets'),
    ('queue_ticket', 'waiting', 'transferred', 'issue_tickets'),
    ('queue_ticket', 'waiting', 'transferred', 'manage_queue'),
]

GUARDS = r"""
CREATE FUNCTION vipdesk_private.refuse_queue(p_message text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'refused: %', p_message USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION vipdesk_guard_queue_ticket() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
    o queue_ticket%ROWTYPE;
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse_queue('a ticket is never deleted');
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'waiting' OR NEW.counter_id IS NOT NULL OR NEW.clerk_id IS NOT NULL
           OR NEW.recalls <> 0 OR NEW.called_at IS NOT NULL OR NEW.started_at IS NOT NULL
           OR NEW.finished_at IS NOT NULL THEN
            PERFORM vipdesk_private.refuse_queue('a ticket is made waiting, not at a counter');
        END IF;
        IF NEW.origin_id IS NULL THEN  -- handed out in the lobby
            PERFORM vipdesk_transition('queue_ticket', '', 'waiting');
            IF NEW.front OR NEW.target_counter_id IS NOT NULL OR NEW.issued_by_name IS DISTINCT FROM (
                    SELECT username FROM staff_account WHERE id = v_me) THEN
                PERFORM vipdesk_private.refuse_queue('a new ticket joins the queue in its issuer''s name');
            END IF;
        ELSE  -- a transfer: the customer's ticket goes on, as it was
            SELECT * INTO o FROM queue_ticket
                WHERE (id = NEW.origin_id OR origin_id = NEW.origin_id) AND state IN ('waiting', 'called', 'serving')
                ORDER BY id DESC LIMIT 1;
            IF o.id IS NULL
               OR o.branch_id <> NEW.branch_id OR o.number <> NEW.number OR o.tier <> NEW.tier
               OR o.customer_id IS DISTINCT FROM NEW.customer_id OR o.issued_at <> NEW.issued_at
               OR (o.priority <> NEW.priority AND NOT vipdesk_may('manage_queue'))
               OR NOT (vipdesk_may('call_tickets') OR vipdesk_may('issue_tickets') OR vipdesk_may('manage_queue')) THEN
                PERFORM vipdesk_private.refuse_queue('a transfer carries an open ticket on as it was');
            END IF;
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY[
        'state', 'counter_id', 'clerk_id', 'clerk_name', 'called_at', 'first_called_at', 'started_at',
        'finished_at', 'recalls', 'front', 'target_counter_id', 'priority', 'deadline_at', 'note',
        'wait_from', 'transferred_to_id', 'origin_id']);
    IF NEW.origin_id IS DISTINCT FROM OLD.origin_id AND (OLD.origin_id IS NOT NULL OR NEW.origin_id <> NEW.id) THEN
        PERFORM vipdesk_private.refuse_queue('a ticket''s origin is set once, to itself');
    END IF;
    IF (NEW.priority IS DISTINCT FROM OLD.priority OR NEW.deadline_at IS DISTINCT FROM OLD.deadline_at
        OR (NEW.front AND NOT OLD.front)
        OR (NEW.target_counter_id IS NOT NULL AND NEW.target_counter_id IS DISTINCT FROM OLD.target_counter_id))
       AND NOT vipdesk_may('manage_queue') THEN
        PERFORM vipdesk_private.refuse_queue('a ticket''s priority and place are the lobby manager''s to change');
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        PERFORM vipdesk_transition('queue_ticket', OLD.state, NEW.state);
        IF NEW.state = 'expired' AND OLD.business_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date THEN
            PERFORM vipdesk_private.refuse_queue('only tickets of an earlier day expire');
        END IF;
        IF NEW.state = 'transferred' AND (NEW.transferred_to_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM queue_ticket t WHERE t.id = NEW.transferred_to_id
                  AND t.origin_id = coalesce(OLD.origin_id, OLD.id))) THEN
            PERFORM vipdesk_private.refuse_queue('a ticket is transferred to the ticket that carries it on');
        END IF;
    END IF;
    -- called to a counter: the login's own, in their own name
    IF NEW.counter_id IS NOT NULL AND (NEW.counter_id IS DISTINCT FROM OLD.counter_id
                                       OR NEW.clerk_id IS DISTINCT FROM OLD.clerk_id) THEN
        IF NEW.clerk_id IS DISTINCT FROM v_me OR NOT EXISTS (
                SELECT 1 FROM queue_counter c WHERE c.id = NEW.counter_id AND c.account_id = v_me) THEN
            PERFORM vipdesk_private.refuse_queue('a ticket is called to the counter one is signed in at, in one''s own name');
        END IF;
    ELSIF OLD.counter_id IS NOT NULL AND OLD.state IN ('called', 'serving') AND NEW.state <> 'expired'
          AND (NEW.state IS DISTINCT FROM OLD.state OR NEW.recalls IS DISTINCT FROM OLD.recalls)
          AND NOT vipdesk_may('manage_queue') AND NOT EXISTS (
              SELECT 1 FROM queue_counter c WHERE c.id = OLD.counter_id AND c.account_id = v_me) THEN
        PERFORM vipdesk_private.refuse_queue('a ticket at a counter is acted on by that counter or the lobby manager');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_queue_counter() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse_queue('a counter is never deleted');
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_require('manage_queue');
        IF NEW.account_id IS NOT NULL OR NEW.reserved_ticket_id IS NOT NULL THEN
            PERFORM vipdesk_private.refuse_queue('a new counter is empty');
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.branch_id <> OLD.branch_id OR NEW.id <> OLD.id OR ((NEW.number, NEW.name, NEW.service_ids, NEW.open)
            IS DISTINCT FROM (OLD.number, OLD.name, OLD.service_ids, OLD.open)
        OR (NEW.reserved_ticket_id IS NOT NULL AND NEW.reserved_ticket_id IS DISTINCT FROM OLD.reserved_ticket_id))
       AND NOT vipdesk_may('manage_queue') THEN
        PERFORM vipdesk_private.refuse_queue('a counter is set up by the lobby manager');
    END IF;
    IF NEW.account_id IS DISTINCT FROM OLD.account_id THEN
        IF NEW.account_id IS NOT NULL AND (NEW.account_id <> v_me OR NOT vipdesk_may('call_tickets')) THEN
            PERFORM vipdesk_private.refuse_queue('a clerk signs in at a counter as themselves');
        END IF;
        IF NEW.account_id IS NOT NULL AND OLD.account_id IS NOT NULL AND OLD.seen_at IS NOT NULL
           AND OLD.seen_at > vipdesk_clock(NULL) - make_interval(secs => coalesce((
               SELECT (p.value::jsonb ->> 'lost_after_seconds')::integer FROM queue_policy p
               WHERE p.branch_id = NEW.branch_id), 90)) THEN
            PERFORM vipdesk_private.refuse_queue('a counter another clerk''s PC is still heard from is not taken over');
        END IF;
        IF NEW.account_id IS NULL AND OLD.account_id <> v_me AND NOT vipdesk_may('manage_queue') THEN
            PERFORM vipdesk_private.refuse_queue('a clerk signs out only themselves');
        END IF;
    ELSIF (NEW.seen_at, NEW.pc, NEW.clerk_name, NEW.signed_in_at) IS DISTINCT FROM
          (OLD.seen_at, OLD.pc, OLD.clerk_name, OLD.signed_in_at) AND NEW.account_id IS DISTINCT FROM v_me THEN
        PERFORM vipdesk_private.refuse_queue('a counter is seen only by its own clerk');
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_queue_setup() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        PERFORM vipdesk_private.refuse_queue('the queue''s set-up and books are never deleted');
    END IF;
    IF TG_TABLE_NAME IN ('queue_service', 'queue_policy') THEN
        PERFORM vipdesk_require('manage_queue');
    ELSIF TG_TABLE_NAME = 'queue_number' THEN
        IF NOT (vipdesk_may('issue_tickets') OR vipdesk_may('call_tickets') OR vipdesk_may('manage_queue'))
           OR (TG_OP = 'INSERT' AND NEW.last <> 1)
           OR (TG_OP = 'UPDATE' AND ((NEW.branch_id, NEW.service_id, NEW.business_date)
                IS DISTINCT FROM (OLD.branch_id, OLD.service_id, OLD.business_date) OR NEW.last <> OLD.last + 1)) THEN
            PERFORM vipdesk_private.refuse_queue('the day''s numbers count up one by one');
        END IF;
    ELSIF TG_TABLE_NAME = 'queue_counter_session' THEN
        IF TG_OP = 'INSERT' AND (NEW.account_id IS DISTINCT FROM v_me OR NEW.ended_at IS NOT NULL
                                 OR NOT vipdesk_may('call_tickets')) THEN
            PERFORM vipdesk_private.refuse_queue('a counter session is opened by the clerk, in their own name');
        END IF;
        IF TG_OP = 'UPDATE' THEN
            PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW), ARRAY['ended_at']);
            IF OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL THEN
                PERFORM vipdesk_private.refuse_queue('a counter session is closed once');
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.branch_id <> OLD.branch_id THEN
        PERFORM vipdesk_private.refuse_queue('the queue''s set-up stays in its branch');
    END IF;
    RETURN NEW;
END
$$;
"""
GUARDED = {
    "queue_ticket": "vipdesk_guard_queue_ticket", "queue_counter": "vipdesk_guard_queue_counter",
    "queue_service": "vipdesk_guard_queue_setup", "queue_policy": "vipdesk_guard_queue_setup",
    "queue_number": "vipdesk_guard_queue_setup", "queue_counter_session": "vipdesk_guard_queue_setup",
}
FUNCTIONS = ["vipdesk_private.refuse_queue(text)", "vipdesk_guard_queue_ticket()",
             "vipdesk_guard_queue_counter()", "vipdesk_guard_queue_setup()"]


def upgrade() -> None:
    table = sa.table('state_transition', sa.column('entity'), sa.column('from_state'),
                     sa.column('to_state'), sa.column('permission'))
    op.bulk_insert(table, [dict(zip(("entity", "from_state", "to_state", "permission"), row))
                           for row in TRANSITIONS])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    run(bind, ";\n".join(
        [GUARDS, "REVOKE EXECUTE ON FUNCTION " + ", ".join(FUNCTIONS) + " FROM PUBLIC"]
        + [f"CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON {t} "
           f"FOR EACH ROW EXECUTE FUNCTION {f}()" for t, f in GUARDED.items()]))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        run(bind, ";\n".join([f"DROP TRIGGER vipdesk_guard ON {t}" for t in GUARDED]
                             + ["DROP FUNCTION " + ", ".join(reversed(FUNCTIONS))]))
    op.execute(sa.text("DELETE FROM state_transition WHERE entity = 'queue_ticket'"))
