"""The database guards the AUM figures, the tiers and the tier exceptions against raw writes.

Revision ID: 0026
Revises: 0025

AUM figures and tiers change only through the import and the evaluation, and only for the roles
allowed to run them. These tables are written in bulk (a million customers), so they are guarded
per statement: a staff login's INSERT, UPDATE or DELETE of ``aum_month`` or ``aum_import`` needs
``import_data``; of ``customer_tier``, ``tier_evaluation``, ``tier_change`` or ``tier_worklist``
``run_tier_evaluation``; and in either case the transaction must write an audit event of its own
(``vipdesk_audit``) before it commits, as the import and the evaluation do, or the commit is
refused: a figure changed from a SQL tool is both permission-checked and in the trail under the
login's name. The store's own code (the customer trigger that makes a new customer's tier row,
running as the owner) and the owner pass. Tier history is evidence: staff may not UPDATE or
DELETE ``tier_change`` rows, nor DELETE the others.

``tier_exception`` gets a row guard: proposed by the signed-in person with
``propose_tier_exception``; approved or rejected by a holder of ``approve_tier_exception`` who is
not the proposer, in their own name; withdrawn only by the proposer; nothing else rewritten. The
steps are ``app.tiers.exceptions.TRANSITIONS`` (``state_transition`` rows, held equal by a test).
``tier_policy`` versions are added by ``edit_policy`` holders and never rewritten.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

TRANSITIONS = [
    ('tier_exception', '', 'proposed', 'propose_tier_exception'),
    ('tier_exception', 'proposed', 'approved', 'approve_tier_exception'),
    ('tier_exception', 'proposed', 'rejected', 'approve_tier_exception'),
    ('tier_exception', 'proposed', 'withdrawn', 'propose_tier_exception'),
]
BULK = {  # table -> the permission its writes need
    "aum_month": "import_data", "aum_import": "import_data",
    "customer_tier": "run_tier_evaluation", "tier_evaluation": "run_tier_evaluation",
    "tier_change": "run_tier_evaluation", "tier_worklist": "run_tier_evaluation",
}

FUNCTIONS = r"""
-- Transactions that must write an audit event of their own before they commit.
CREATE TABLE vipdesk_private.expected_event (
    xact xid8 PRIMARY KEY,
    what text NOT NULL
);
REVOKE ALL ON vipdesk_private.expected_event FROM PUBLIC;

-- Asks that the calling transaction write its own audit event before it commits.
CREATE FUNCTION vipdesk_expect_own_event(p_what text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    INSERT INTO vipdesk_private.expected_event (xact, what)
    VALUES (pg_current_xact_id(), left(coalesce(p_what, ''), 200)) ON CONFLICT (xact) DO NOTHING
$$;

-- At the commit: the transaction wrote its event, or it is refused.
CREATE FUNCTION vipdesk_private.check_expected_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    DELETE FROM vipdesk_private.expected_event WHERE xact = NEW.xact;
    IF NOT vipdesk_in_command() THEN
        RAISE EXCEPTION 'refused: % changes % only in a command that writes its own audit event',
            session_user, NEW.what USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

-- Per statement on the bulk tables: the permission, and an event before the commit. Not a
-- definer function, so that the store's own definer code (running as the owner) passes.
CREATE FUNCTION vipdesk_guard_bulk() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF pg_has_role(current_user, @OWNER_LIT@, 'MEMBER') THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' OR (TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('tier_change', 'aum_import')) THEN
        RAISE EXCEPTION 'refused: % rows are not rewritten or deleted', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_require(TG_ARGV[0]);
    PERFORM vipdesk_expect_own_event(TG_OP || ' ' || TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE FUNCTION vipdesk_guard_tier_exception() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: a tier exception is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM vipdesk_transition('tier_exception', '', NEW.status);
        IF NEW.proposed_by IS DISTINCT FROM v_me OR NEW.decided_by IS NOT NULL OR NEW.decided_at IS NOT NULL THEN
            RAISE EXCEPTION 'refused: an exception is proposed, undecided, by the signed-in person'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    PERFORM vipdesk_transition('tier_exception', OLD.status, NEW.status);
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                              ARRAY['status', 'decided_by', 'decided_at', 'decision_comment', 'version']);
    IF NEW.status = OLD.status OR NEW.decided_at IS NULL
       OR (NEW.status = 'withdrawn' AND (OLD.proposed_by IS DISTINCT FROM v_me OR NEW.decided_by IS NOT NULL))
       OR (NEW.status IN ('approved', 'rejected')
           AND (NEW.decided_by IS DISTINCT FROM v_me OR OLD.proposed_by = v_me)) THEN
        RAISE EXCEPTION 'refused: an exception is decided by someone other than its proposer, in their own name, or withdrawn by its proposer'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_tier_policy() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    PERFORM vipdesk_require('edit_policy');
    IF TG_OP <> 'INSERT' OR NEW.created_by IS DISTINCT FROM (
            SELECT username FROM staff_account WHERE id = vipdesk_account_id()) THEN
        RAISE EXCEPTION 'refused: a tier policy version is added in its author''s name, never rewritten'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
"""
SIGNATURES = ["vipdesk_expect_own_event(text)", "vipdesk_private.check_expected_event()",
              "vipdesk_guard_bulk()", "vipdesk_guard_tier_exception()", "vipdesk_guard_tier_policy()"]


def upgrade() -> None:
    table = sa.table('state_transition', sa.column('entity'), sa.column('from_state'),
                     sa.column('to_state'), sa.column('permission'))
    op.bulk_insert(table, [dict(zip(("entity", "from_state", "to_state", "permission"), row))
                           for row in TRANSITIONS])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    owner = bind.execute(sa.text("SELECT quote_literal(current_user)")).scalar_one()
    statements = [FUNCTIONS.replace("@OWNER_LIT@", owner),
                  "REVOKE EXECUTE ON FUNCTION " + ", ".join(SIGNATURES) + " FROM PUBLIC",
                  f"GRANT EXECUTE ON FUNCTION vipdesk_expect_own_event(text) TO {roles['STAFF']}",
                  "CREATE CONSTRAINT TRIGGER vipdesk_expected_event AFTER INSERT ON vipdesk_private.expected_event "
                  "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vipdesk_private.check_expected_event()",
                  "CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON tier_exception "
                  "FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_tier_exception()",
                  "CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON tier_policy "
                  "FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_tier_policy()"]
    statements += [f"CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON {t} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION vipdesk_guard_bulk('{p}')" for t, p in BULK.items()]
    run(bind, ";\n".join(statements))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        run(bind, ";\n".join(
            [f"DROP TRIGGER vipdesk_guard ON {t}" for t in [*BULK, "tier_exception", "tier_policy"]]
            + ["DROP TABLE vipdesk_private.expected_event",
               "DROP FUNCTION " + ", ".join(reversed(SIGNATURES))]))
    op.execute(sa.text("DELETE FROM state_transition WHERE entity = 'tier_exception'"))
