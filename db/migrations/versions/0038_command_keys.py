"""Idempotency keys of the commands that create something, so that an outcome lost with the
connection at the commit is asked for, never guessed.

Revision ID: 0038
Revises: 0037

``command_key``: one row per key (the primary key is the UNIQUE constraint that decides),
written in the command's own transaction, or afterwards as ``lost`` by the PC that found it
absent (which fences the lost transaction out: it can no longer commit). On PostgreSQL a staff
login may add keys and read its own, nothing else: the guard sets the account (the login's)
and the time (the server's) on insert and refuses every update and delete; row-level security
shows a login only its own keys. A key says only that one of the person's commands committed.
"""
from alembic import op
import sqlalchemy as sa

from db.migrations.frozen.pg_scope_r0003 import protect, run


revision = '0038'
down_revision = '0037'
branch_labels = None
depends_on = None

GUARD = r"""
CREATE FUNCTION vipdesk_guard_command_key() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF vipdesk_is_owner() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'a command key is never changed or removed' USING ERRCODE = '42501';
    END IF;
    NEW.account_id := vipdesk_account_id();
    IF NEW.account_id IS NULL THEN
        RAISE EXCEPTION 'only a signed-in person writes command keys' USING ERRCODE = '42501';
    END IF;
    NEW.created_at := (now() AT TIME ZONE 'UTC');
    RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION vipdesk_guard_command_key() FROM PUBLIC;
CREATE TRIGGER vipdesk_guard BEFORE INSERT OR UPDATE OR DELETE ON command_key
    FOR EACH ROW EXECUTE FUNCTION vipdesk_guard_command_key();
"""
OWN = "{table}.account_id = vipdesk_account_id()"


def upgrade() -> None:
    op.create_table(
        'command_key',
        sa.Column('key', sa.String(length=36), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=True),
        sa.Column('lost', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['staff_account.id'],
                                name=op.f('fk_command_key_account_id_staff_account')),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_command_key')),
    )
    with op.batch_alter_table('command_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_command_key_account_id'), ['account_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    protect(bind, "command_key", grants=[("SELECT, INSERT", "STAFF")],
            policies=[("staff_own_keys", "SELECT", "STAFF", OWN), ("staff_add_own_key", "INSERT", "STAFF", OWN)],
            serial=False)
    run(bind, GUARD)


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_table('command_key')
    if bind.dialect.name == "postgresql":
        run(bind, "DROP FUNCTION vipdesk_guard_command_key()")
