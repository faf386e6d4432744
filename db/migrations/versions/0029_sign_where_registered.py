"""Documents are signed where they are registered; the register and templates are guarded.

Revision ID: 0029
Revises: 0028

On PostgreSQL. ``vipdesk_qr_sign(text[])`` signed any VIP Desk payload a staff login sent, so a
teller could make codes in advance, e.g. for the queue slips of tickets not yet issued (their
ids and numbers are predictable), which would scan as genuine once those tickets exist. It is
dropped. In its place, the payload is derived by the store from a row it holds:

* ``vipdesk_qr_sign_document(document_id, batch)``: the signatures of a document's pieces
  (``VD1.D.<number>`` or ``VD1.D.<number>-<n>``), for a document the calling transaction has
  just registered, once: the register's guard notes each staff login's new document row, and
  signing takes that note away. A document is therefore registered before it is rendered, in
  the transaction that signs it; its SHA-256 and page count are filled in once, afterwards.
* ``vipdesk_qr_sign_ticket(ticket_id)``: the signature of an existing ticket's slip
  (``VD1.T.<id>-<number>``) in the caller's branch subtree, from the ticket row itself.

The owner may sign any registered document or existing ticket. ``document``: registered in
the signed-in person's name, unprinted, without a scan; its number, kind, subject, branch,
template and content never change; printed copies only count up; a scan is attached by a holder
of ``view_documents``; nothing is deleted. ``document_template``: a new version is added by a
holder of ``edit_templates`` in their own name (a shipped version is kept, as it is first used,
by whoever makes that document: the store cannot compare it with the shipped file); versions are
never rewritten or deleted.
"""
from alembic import op

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None

FUNCTIONS = r"""
-- The documents staff logins registered and have not yet signed, by transaction.
CREATE TABLE vipdesk_private.unsigned_document (
    document_id integer PRIMARY KEY,
    xact xid8 NOT NULL
);
REVOKE ALL ON vipdesk_private.unsigned_document FROM PUBLIC;

CREATE FUNCTION vipdesk_guard_document() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_me integer := vipdesk_account_id();
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF v_me IS NULL OR TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'refused: a registered document is never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM vipdesk_require('view_documents');
    IF TG_OP = 'INSERT' THEN
        IF NEW.made_by IS DISTINCT FROM v_me
           OR NEW.made_by_name IS DISTINCT FROM (SELECT username FROM staff_account WHERE id = v_me)
           OR NEW.printed <> 0 OR coalesce(NEW.scan_sha256, '') <> '' OR NEW.scan_attached_at IS NOT NULL
           OR NEW.sha256 <> '' OR NEW.pages <> 0 OR NEW.items < 1
           OR (NEW.copy_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM document d WHERE d.id = NEW.copy_of
                                                       AND vipdesk_in_subtree(d.branch_id))) THEN
            RAISE EXCEPTION 'refused: a document is registered, before it is made, in the signed-in person''s name'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO vipdesk_private.unsigned_document (document_id, xact) VALUES (NEW.id, pg_current_xact_id());
        RETURN NEW;
    END IF;
    PERFORM vipdesk_unchanged(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW),
                              ARRAY['sha256', 'pages', 'printed', 'scan_sha256', 'scan_name', 'scan_attached_at', 'version']);
    IF (NEW.sha256, NEW.pages) IS DISTINCT FROM (OLD.sha256, OLD.pages)
       AND (OLD.sha256 <> '' OR NEW.sha256 !~ '^[0-9a-f]{64}$' OR NEW.pages < 1) THEN
        RAISE EXCEPTION 'refused: a document''s fingerprint is recorded once, as it is made'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.printed < OLD.printed THEN
        RAISE EXCEPTION 'refused: printed copies only count up' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION vipdesk_guard_document_template() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    -- an edited version needs edit_templates; a shipped version is kept the first time a
    -- document uses it, by whoever makes that document
    PERFORM vipdesk_require(CASE WHEN TG_OP = 'INSERT' AND NEW.source = 'shipped'
                                 THEN 'view_documents' ELSE 'edit_templates' END);
    IF TG_OP <> 'INSERT' OR NEW.created_by IS DISTINCT FROM (
            SELECT username FROM staff_account WHERE id = vipdesk_account_id()) THEN
        RAISE EXCEPTION 'refused: a template version is added in its author''s name, never rewritten'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- A registered document's piece signatures (see the module's docstring).
CREATE FUNCTION vipdesk_qr_sign_document(p_document_id integer, p_batch boolean) RETURNS bytea[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    d document%ROWTYPE;
    v_noted integer;
BEGIN
    IF NOT vipdesk_qr_has_key() THEN
        RETURN NULL;
    END IF;
    IF NOT vipdesk_is_owner() THEN
        DELETE FROM vipdesk_private.unsigned_document
            WHERE document_id = p_document_id AND xact = pg_current_xact_id() RETURNING document_id INTO v_noted;
    END IF;
    IF NOT vipdesk_is_owner() AND v_noted IS NULL THEN
        RAISE EXCEPTION 'refused: the store signs a document only as it registers it, once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO d FROM document WHERE id = p_document_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no document %', p_document_id USING ERRCODE = 'no_data_found';
    END IF;
    IF d.items = 1 AND NOT coalesce(p_batch, false) THEN
        RETURN ARRAY[vipdesk_private.qr_mac('VD1.D.' || d.number)];
    END IF;
    RETURN ARRAY(SELECT vipdesk_private.qr_mac('VD1.D.' || d.number || '-' || n)
                 FROM generate_series(1, d.items) n ORDER BY n);
END
$$;

-- The signature of an existing ticket's slip, from the ticket row.
CREATE FUNCTION vipdesk_qr_sign_ticket(p_ticket_id integer) RETURNS bytea
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    t queue_ticket%ROWTYPE;
BEGIN
    SELECT * INTO t FROM queue_ticket WHERE id = p_ticket_id;
    IF NOT FOUND OR NOT vipdesk_in_subtree(t.branch_id) THEN
        RAISE EXCEPTION 'refused: no such ticket in your branch subtree' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT vipdesk_qr_has_key() THEN
        RETURN NULL;
    END IF;
    RETURN vipdesk_private.qr_mac('VD1.T.' || t.id || '-' || t.number);
END
$$;
"""
SIGNATURES = ["vipdesk_guard_document()", "vipdesk_guard_document_template()",
              "vipdesk_qr_sign_document(integer, boolean)", "vipdesk_qr_sign_ticket(integer)"]

# Migration 0013's signing function, put back by the downgrade.
SIGN_0013 = r"""
CREATE FUNCTION vipdesk_qr_sign(p_messages text[]) RETURNS bytea[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN vipdesk_qr_has_key() THEN
        ARRAY(SELECT vipdesk_private.qr_mac(m) FROM unnest(p_messages) WITH ORDINALITY AS t(m, n) ORDER BY n)
    END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_qr_sign(text[]) FROM PUBLIC;
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, ";\n".join([
        FUNCTIONS, "DROP FUNCTION vipdesk_qr_sign(text[])",
        "REVOKE EXECUTE ON FUNCTION " + ", ".join(SIGNATURES) + " FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION vipdesk_qr_sign_document(integer, boolean), vipdesk_qr_sign_ticket(integer) "
        f"TO {roles['STAFF']}",
        "CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON document "
        "FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_document()",
        "CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON document_template "
        "FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_document_template()"]))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, ";\n".join([
        "DROP TRIGGER vipdesk_guard ON document", "DROP TRIGGER vipdesk_guard ON document_template",
        "DROP FUNCTION " + ", ".join(reversed(SIGNATURES)), "DROP TABLE vipdesk_private.unsigned_document",
        SIGN_0013, f"GRANT EXECUTE ON FUNCTION vipdesk_qr_sign(text[]) TO {roles['STAFF']}"]))
