"""The document-signing key out of staff reach on PostgreSQL.

Until now the key lay in the ``setting`` table, which every staff login may read, so any teller
could copy it and print "genuine" QR codes at home. From here on (PostgreSQL only; a SQLite
store is one PC and its key stays in the settings, guarded by the file's permissions):

* the key lives in ``vipdesk_private.document_signing_key`` (one row), in a schema on which no
  staff role has USAGE, a table with no grants, row-level security forced with the owner's
  policy only; the padded keys HMAC needs are generated columns;
* staff sign and verify through ``SECURITY DEFINER`` functions owned by the owner (pinned
  ``search_path``, EXECUTE for the store's staff group only): ``vipdesk_qr_sign(text[])``
  returns the 80-bit HMAC-SHA256 of each payload message (the client writes it in base 32, as
  ``app.documents.qr.sign`` does), ``vipdesk_qr_verify(text, bytea)`` says whether a signature
  matches, ``vipdesk_qr_has_key()`` whether there is a key; both return NULL without a key.
  They accept only payload messages (``VD1.<KIND>.<IDENT>``), so they cannot be used as a
  general HMAC oracle over other text;
* the key the settings held moves there unchanged (every code already printed still
  verifies) and the setting is deleted.

Revision ID: 0013
Revises: 0012
"""
import base64
import json
import secrets

from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import run, store_roles


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

QR_KEY_SETTING = "documents.qr_key"  # app.documents.qr.KEY_SETTING (db may not import app)
MESSAGE_RE = r"^VD1\.[A-Z]{1,3}\.[0-9A-Z-]{1,40}$"  # app.documents.qr: PREFIX, _KIND, _IDENT

SCHEMA = r"""
CREATE SCHEMA vipdesk_private;
REVOKE ALL ON SCHEMA vipdesk_private FROM PUBLIC;

-- HMAC's padded key: the key zero-filled to SHA-256's 64-byte block, every byte XOR p_byte.
CREATE FUNCTION vipdesk_private.hmac_pad(p_key bytea, p_byte integer) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v bytea := p_key || decode(repeat('00', 64 - length(p_key)), 'hex');
BEGIN
    FOR i IN 0..63 LOOP
        v := set_byte(v, i, get_byte(v, i) # p_byte);
    END LOOP;
    RETURN v;
END
$$;

CREATE TABLE vipdesk_private.document_signing_key (
    id integer PRIMARY KEY CHECK (id = 1),
    key bytea NOT NULL CHECK (length(key) BETWEEN 16 AND 64),
    inner_pad bytea GENERATED ALWAYS AS (vipdesk_private.hmac_pad(key, 54)) STORED,
    outer_pad bytea GENERATED ALWAYS AS (vipdesk_private.hmac_pad(key, 92)) STORED,
    created_at timestamp NOT NULL
);
REVOKE ALL ON vipdesk_private.document_signing_key FROM PUBLIC;
ALTER TABLE vipdesk_private.document_signing_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE vipdesk_private.document_signing_key FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON vipdesk_private.document_signing_key TO @OWNER@ USING (true) WITH CHECK (true);

-- The first 80 bits of HMAC-SHA256(key, message) (app.documents.qr._signature); NULL without a key.
CREATE FUNCTION vipdesk_private.qr_mac(p_message text) RETURNS bytea
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_message IS NULL OR p_message !~ '@MESSAGE_RE@' THEN
        RAISE EXCEPTION 'not a QR payload message: %', left(p_message, 60)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN (SELECT substring(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(p_message, 'UTF8')))
                             FROM 1 FOR 10)
            FROM vipdesk_private.document_signing_key k WHERE k.id = 1);
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_private.hmac_pad(bytea, integer), vipdesk_private.qr_mac(text) FROM PUBLIC;

CREATE FUNCTION vipdesk_qr_has_key() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM vipdesk_private.document_signing_key)
$$;

-- The signature of each message, in order; NULL when the store has no key.
CREATE FUNCTION vipdesk_qr_sign(p_messages text[]) RETURNS bytea[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN vipdesk_qr_has_key() THEN
        ARRAY(SELECT vipdesk_private.qr_mac(m) FROM unnest(p_messages) WITH ORDINALITY AS t(m, n) ORDER BY n)
    END
$$;

-- Does p_signature sign p_message? NULL when the store has no key.
CREATE FUNCTION vipdesk_qr_verify(p_message text, p_signature bytea) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN vipdesk_qr_has_key() THEN vipdesk_private.qr_mac(p_message) = p_signature END
$$;

REVOKE EXECUTE ON FUNCTION vipdesk_qr_has_key(), vipdesk_qr_sign(text[]), vipdesk_qr_verify(text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vipdesk_qr_has_key(), vipdesk_qr_sign(text[]), vipdesk_qr_verify(text, bytea) TO @STAFF@;
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    roles = store_roles(bind)
    run(bind, SCHEMA.replace("@OWNER@", roles["OWNER"]).replace("@STAFF@", roles["STAFF"])
        .replace("@MESSAGE_RE@", MESSAGE_RE))
    stored = bind.execute(sa.text("SELECT value FROM setting WHERE key = :k"), {"k": QR_KEY_SETTING}).scalar()
    key = base64.b32decode(json.loads(stored)["key"]) if stored else secrets.token_bytes(32)
    bind.execute(sa.text("INSERT INTO vipdesk_private.document_signing_key (id, key, created_at) "
                         "VALUES (1, :key, now() AT TIME ZONE 'UTC')"), {"key": key})
    bind.execute(sa.text("DELETE FROM setting WHERE key = :k"), {"k": QR_KEY_SETTING})


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    key = bind.execute(sa.text("SELECT key FROM vipdesk_private.document_signing_key")).scalar()
    if key is not None:
        bind.execute(sa.text("INSERT INTO setting (key, value, version) VALUES (:k, :v, 1) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {"k": QR_KEY_SETTING, "v": json.dumps({"key": base64.b32encode(bytes(key)).decode("ascii")})})
    run(bind, "DROP FUNCTION vipdesk_qr_verify(text, bytea); DROP FUNCTION vipdesk_qr_sign(text[]); "
              "DROP FUNCTION vipdesk_qr_has_key(); DROP SCHEMA vipdesk_private CASCADE")
