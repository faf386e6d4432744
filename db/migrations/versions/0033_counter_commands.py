"""A counter's commands in one statement: calling the next ticket, recall, no-show, start and
finish run in the store.

Revision ID: 0033
Revises: 0032

Calling the next customer is the hottest path of a branch. Done from the program it took about
twelve statements, each a round trip with the ORM around it; under load the round trips and the
clients' Python queued for the processors. On PostgreSQL ``vipdesk_queue_command`` now does a
counter's command whole, in the one statement the program sends (in autocommit: one round trip):
the account still allowed in, the counter signed in on this PC, the day rollover, the claim, the
audit event and the notification.

It runs as the owner (SECURITY DEFINER), so that the branch scope is checked once, on the
counter, instead of by the row-level security of each of its statements (measured: 18 lookups
of the login's branch path per command, a third of the server's time). Every row it writes is
still checked by the queue guards of migration 0025, which judge the connected login
(``session_user``), not the function's owner: it can do nothing that login could not do with
plain SQL. It writes its audit event on the lanes as ``vipdesk_audit`` does (the login is the
actor, the server's clock the time; the event's branch is the counter's, checked above). A counter's ``seen_at`` is rewritten by a command only when more than 5 s old
(the heartbeat's step is 15 s, a counter is flagged lost after 30 s at the least), so that a busy
counter's commands do not each rewrite its row.

The calling order and the recall rules are the program's
(``app.queue.rules``): the caller passes its plan (the preference lists of the branch's calling
policy, the number of tiers, the time zone, the recall gap and limit) with a key naming the
versions it was made from (queue policy version : tier policy version : business day); when the
store's key differs the function changes nothing and answers ``stale``, and the program makes
the plan again. A refused command changes nothing and answers why, with the facts the
program's own rules turn into the message the user reads.

On both engines two partial indexes keep the per-call lookups off the day's history: the open
tickets of a branch by day (the rollover's probe) and the tickets at a counter (the counter's
held ticket).
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None

OPEN = "state IN ('waiting', 'called', 'serving')"
AT_COUNTER = "state IN ('called', 'serving')"

SIGNATURE = ("vipdesk_queue_command(text, integer, text, integer, text, integer[], integer, text, integer, "
             "integer, text, text, timestamp, integer, text, text)")
SEEN_SECONDS = 5  # a counter's seen_at is rewritten by a command when older than this
FUNCTION = r"""
-- A counter's command as one statement: p_action 'call' (the next ticket) or 'recall',
-- 'no_show', 'start', 'finish' on p_ticket (from state p_from to p_to). Answers
-- {"ticket": {...}} (null: nobody to call), {"stale": true, ...} or {"refusal": code, facts}.
-- p_now, p_actor_id, p_actor_name and p_actor_path count only for the owner (tests, batch jobs).
CREATE FUNCTION vipdesk_queue_command(
    p_action text, p_counter integer, p_pc text, p_ticket integer, p_plan text,
    p_preferences integer[], p_tiers integer, p_time_zone text, p_recall_gap integer,
    p_recalls_limit integer, p_from text, p_to text, p_now timestamp DEFAULT NULL,
    p_actor_id integer DEFAULT NULL, p_actor_name text DEFAULT NULL, p_actor_path text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_owner boolean := vipdesk_is_owner();
    v_now timestamp := vipdesk_clock(p_now);
    v_me integer;
    v_locked timestamp;
    v_scope text;
    v_name text := coalesce(p_actor_name, session_user::text);
    c queue_counter%ROWTYPE;
    t queue_ticket%ROWTYPE;
    v_other queue_ticket%ROWTYPE;
    v_day date;
    v_services integer[];
    v_turns integer;
    v_turn integer := 0;
    v_pref integer[];
    v_before jsonb;
    v_expired integer := 0;
    v_events jsonb := '[]';
    s queue_service%ROWTYPE;
BEGIN
    IF p_action NOT IN ('call', 'recall', 'no_show', 'start', 'finish') THEN
        RAISE EXCEPTION 'not a counter command: %', p_action USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- the person, still allowed in, and the subtree they act in: a staff login's own account
    -- and its branch; the owner's p_actor_id and p_actor_path (none: the whole tree)
    IF NOT v_owner THEN
        SELECT a.id, a.locked_until, a.username, b.path INTO v_me, v_locked, v_name, v_scope
            FROM staff_account a JOIN branch b ON b.id = a.branch_id
            WHERE a.db_role = session_user AND NOT a.disabled;
    ELSE
        v_scope := coalesce(p_actor_path, '');
        SELECT a.id, a.locked_until INTO v_me, v_locked FROM staff_account a
            WHERE a.id = p_actor_id AND NOT a.disabled;
    END IF;
    IF v_me IS NULL AND (NOT v_owner OR p_actor_id IS NOT NULL) THEN
        RETURN jsonb_build_object('refusal', 'disabled');
    ELSIF v_locked > v_now THEN
        RETURN jsonb_build_object('refusal', 'locked');
    END IF;
    -- the counter, in the login's subtree (the owner's: p_actor_path), signed in by this
    -- person on this PC
    SELECT * INTO c FROM queue_counter WHERE id = p_counter FOR UPDATE;
    IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM branch b WHERE b.id = c.branch_id AND starts_with(b.path, v_scope)) THEN
        RETURN jsonb_build_object('refusal', 'no_counter');
    END IF;
    IF c.account_id IS DISTINCT FROM v_me OR c.pc IS DISTINCT FROM p_pc THEN
        RETURN jsonb_build_object('refusal', 'not_signed_in', 'counter', c.number);
    END IF;
    -- the caller's plan must be made from what is in force today
    v_day := ((v_now AT TIME ZONE 'UTC') AT TIME ZONE p_time_zone)::date;
    IF p_plan IS DISTINCT FROM coalesce((SELECT p.version FROM queue_policy p WHERE p.branch_id = c.branch_id), 0)
            || ':' || coalesce((SELECT max(v.version) FROM tier_policy v), 0) || ':' || to_char(v_day, 'YYYY-MM-DD') THEN
        RETURN jsonb_build_object('stale', true, 'branch_id', c.branch_id, 'now', v_now);
    END IF;

    IF p_action = 'call' THEN
        IF NOT c.open THEN
            RETURN jsonb_build_object('refusal', 'closed', 'counter', c.number);
        END IF;
        SELECT coalesce(array_agg(btrim(part)::integer), '{}') INTO v_services
            FROM unnest(string_to_array(c.service_ids, ',')) part WHERE btrim(part) <> '';
        IF cardinality(v_services) = 0 AND c.reserved_ticket_id IS NULL THEN
            RETURN jsonb_build_object('refusal', 'no_service', 'counter', c.number);
        END IF;
        SELECT * INTO v_other FROM queue_ticket WHERE counter_id = c.id AND state IN ('called', 'serving') LIMIT 1;
        IF FOUND THEN
            RETURN jsonb_build_object('refusal', 'holds', 'counter', c.number, 'number', v_other.number);
        END IF;
        -- the day rollover: the branch's tickets still open from an earlier day close as
        -- expired (those another call is closing right now are skipped, not waited for)
        UPDATE queue_ticket q SET state = 'expired', note = 'expired at day end'
            WHERE q.id IN (SELECT o.id FROM queue_ticket o WHERE o.branch_id = c.branch_id
                           AND o.business_date < v_day AND o.state IN ('waiting', 'called', 'serving')
                           FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS v_expired = ROW_COUNT;
        IF v_expired > 0 THEN
            v_events := v_events || jsonb_build_object(
                'action', 'queue.expire', 'entity', 'queue_day', 'entity_id', c.branch_id || ':' || v_day,
                'before', '', 'after', jsonb_build_object('before', v_day, 'tickets', v_expired)::text,
                'branch_id', c.branch_id);
        END IF;
        IF c.reserved_ticket_id IS NOT NULL THEN  -- the lobby manager's reservation comes first
            UPDATE queue_ticket SET state = 'called', counter_id = c.id, clerk_id = c.account_id,
                    clerk_name = c.clerk_name, called_at = v_now,
                    first_called_at = coalesce(first_called_at, v_now), recalls = 0, front = false,
                    target_counter_id = NULL
                WHERE id = (SELECT r.id FROM queue_ticket r WHERE r.id = c.reserved_ticket_id
                            AND r.state = 'waiting' AND r.business_date = v_day FOR UPDATE SKIP LOCKED)
                  AND state = 'waiting'
                RETURNING * INTO t;
        END IF;
        IF t.id IS NULL AND cardinality(v_services) > 0 THEN
            v_turns := cardinality(p_preferences) / p_tiers;
            IF v_turns > 1 THEN  -- interleaved: whose turn it is after today's calls
                SELECT count(*) % v_turns INTO v_turn FROM queue_ticket k
                    WHERE k.branch_id = c.branch_id AND k.business_date = v_day AND k.first_called_at IS NOT NULL;
            END IF;
            v_pref := p_preferences[v_turn * p_tiers + 1 : (v_turn + 1) * p_tiers];
            UPDATE queue_ticket SET state = 'called', counter_id = c.id, clerk_id = c.account_id,
                    clerk_name = c.clerk_name, called_at = v_now,
                    first_called_at = coalesce(first_called_at, v_now), recalls = 0, front = false,
                    target_counter_id = NULL
                WHERE id = (
                    SELECT w.id FROM queue_ticket w
                    WHERE w.branch_id = c.branch_id AND w.business_date = v_day AND w.state = 'waiting'
                      AND ((w.service_id = ANY (v_services) AND w.target_counter_id IS NULL)
                           OR w.target_counter_id = c.id)
                      AND w.id NOT IN (SELECT o.reserved_ticket_id FROM queue_counter o
                                       WHERE o.branch_id = c.branch_id AND o.reserved_ticket_id IS NOT NULL
                                         AND o.id <> c.id)
                    ORDER BY w.front DESC, CASE WHEN w.deadline_at <= v_now THEN 0 ELSE 1 END,
                             CASE WHEN w.deadline_at <= v_now THEN w.deadline_at END ASC NULLS LAST,
                             coalesce(array_position(v_pref, w.priority), p_tiers + 1), w.queued_at, w.id
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                  AND state = 'waiting'
                RETURNING * INTO t;
        END IF;
        IF c.reserved_ticket_id IS NOT NULL OR c.seen_at IS NULL OR c.seen_at < v_now - interval '@SEEN_SECONDS@ seconds' THEN
            UPDATE queue_counter SET seen_at = v_now, reserved_ticket_id = NULL WHERE id = c.id;
        END IF;
        IF t.id IS NOT NULL THEN
            v_events := v_events || jsonb_build_object(
                'action', 'queue.call', 'entity', 'queue_ticket', 'entity_id', t.id::text, 'before', '',
                'after', jsonb_build_object('number', t.number, 'state', t.state, 'priority', t.priority,
                    'tier', t.tier, 'service_id', t.service_id, 'counter_id', t.counter_id,
                    'counter', c.number)::text,
                'branch_id', t.branch_id);
        END IF;
    ELSE
        SELECT * INTO t FROM queue_ticket WHERE id = p_ticket FOR UPDATE;
        IF NOT FOUND OR (t.branch_id <> c.branch_id AND NOT EXISTS (
                SELECT 1 FROM branch b WHERE b.id = t.branch_id AND starts_with(b.path, v_scope))) THEN
            RETURN jsonb_build_object('refusal', 'no_ticket');
        END IF;
        IF t.counter_id IS DISTINCT FROM c.id THEN
            RETURN jsonb_build_object('refusal', 'not_held', 'counter', c.number, 'number', t.number);
        END IF;
        IF t.state IS DISTINCT FROM p_from THEN
            RETURN jsonb_build_object('refusal', 'state', 'state', t.state, 'number', t.number);
        END IF;
        IF (p_action = 'recall' AND (t.recalls >= p_recalls_limit
                                     OR t.called_at + make_interval(secs => p_recall_gap) > v_now))
           OR (p_action = 'no_show' AND t.recalls < p_recalls_limit) THEN
            RETURN jsonb_build_object('refusal', p_action, 'recalls', t.recalls, 'called_at', t.called_at,
                                      'now', v_now);
        END IF;
        v_before := jsonb_build_object('number', t.number, 'state', t.state, 'priority', t.priority,
            'tier', t.tier, 'service_id', t.service_id, 'counter_id', t.counter_id);
        UPDATE queue_ticket SET state = p_to,
                recalls = recalls + CASE WHEN p_action = 'recall' THEN 1 ELSE 0 END,
                called_at = CASE WHEN p_action = 'recall' THEN v_now ELSE called_at END,
                started_at = CASE WHEN p_action = 'start' THEN v_now ELSE started_at END,
                finished_at = CASE WHEN p_action = 'finish' THEN v_now ELSE finished_at END
            WHERE id = t.id
            RETURNING * INTO t;
        IF c.seen_at IS NULL OR c.seen_at < v_now - interval '@SEEN_SECONDS@ seconds' THEN
            UPDATE queue_counter SET seen_at = v_now WHERE id = c.id;
        END IF;
        v_events := v_events || jsonb_build_object(
            'action', 'queue.' || p_action, 'entity', 'queue_ticket', 'entity_id', t.id::text,
            'before', v_before::text,
            'after', jsonb_build_object('number', t.number, 'state', t.state, 'priority', t.priority,
                'tier', t.tier, 'service_id', t.service_id, 'counter_id', t.counter_id,
                'counter', c.number)::text,
            'branch_id', t.branch_id);
    END IF;

    IF jsonb_array_length(v_events) > 0 THEN
        PERFORM vipdesk_private.audit_write(v_now, v_me, v_name, v_events, true);
        PERFORM pg_notify('vipdesk_queue', c.branch_id::text);
    END IF;
    IF t.id IS NULL THEN
        RETURN jsonb_build_object('ticket', NULL);
    END IF;
    SELECT * INTO s FROM queue_service WHERE id = t.service_id;
    RETURN jsonb_build_object('ticket', to_jsonb(t) || jsonb_build_object(
        'service_prefix', coalesce(s.prefix, ''), 'service_name', coalesce(s.name, ''), 'counter', c.number,
        'target_counter', coalesce((SELECT o.number FROM queue_counter o WHERE o.id = t.target_counter_id), '')));
END
$$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table('queue_ticket', schema=None) as batch_op:
        batch_op.create_index('ix_queue_ticket_open', ['branch_id', 'business_date'], unique=False,
                              postgresql_where=sa.text(OPEN), sqlite_where=sa.text(OPEN))
        batch_op.create_index('ix_queue_ticket_at_counter', ['counter_id'], unique=False,
                              postgresql_where=sa.text(AT_COUNTER), sqlite_where=sa.text(AT_COUNTER))
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, ";\n".join([FUNCTION.replace("@SEEN_SECONDS@", str(SEEN_SECONDS)),
                          f"REVOKE EXECUTE ON FUNCTION {SIGNATURE} FROM PUBLIC",
                          f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {roles['STAFF']}"]))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        run(bind, f"DROP FUNCTION {SIGNATURE}")
    with op.batch_alter_table('queue_ticket', schema=None) as batch_op:
        batch_op.drop_index('ix_queue_ticket_at_counter')
        batch_op.drop_index('ix_queue_ticket_open')
