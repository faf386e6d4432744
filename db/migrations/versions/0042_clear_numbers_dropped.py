"""Personal data no longer stored in clear: the clear columns and their reversed copies dropped.

Revision ID: 0042
Revises: 0041

Migration 0039 sealed ID numbers, phones and card numbers beside their clear columns. From
here on only the sealed values (``sealed_value``), the keyed blind indexes and masked copies
are kept:

* ``customer.id_masked`` / ``phone_masked`` and ``vip_card.card_masked``: the masked forms
  lists, letters and exports show (first 3 and last 4 of an ID number or phone, first 6 and
  last 4 of a card number, at least 4 characters hidden: the default mask policy), written
  here from the clear values, then by the services on the way in, so that no list needs a key;
* ``customer_tail.field``: which number a tail is of, so that an edit of the phone replaces
  the phone's tails without opening the ID number ('' for tails written before);
* ``customer.id_number``, ``id_rev``, ``phone``, ``phone_rev`` and ``vip_card.card_number``
  dropped; ID numbers (per ID type) and card numbers stay unique on their blind indexes, which
  are now required.

A store with a customer or card not sealed yet is refused here (the program seals it first:
``db upgrade`` with the master key, or ``python main.py pii encrypt``, which then completes
the upgrade). SQLite rebuilds the two tables (a column in a UNIQUE constraint cannot be
dropped in place), with the foreign keys checked once at the end; the program then vacuums
the file so that no page keeps a clear value (app.opening).

On PostgreSQL the VIP card guard (migration 0024) checked the clear card number's length, BIN
and Luhn digit; it now checks the masked copy's shape and BIN and that the blind index is
there: a Luhn digit cannot be checked by a database that never sees the number (the app checks
it before sealing).

Downgrade restores the columns, but not the clear values, which are not in the store any more:
each row gets a placeholder that keeps the old unique constraints (``SEALED`` and the row id;
a card ``S`` and its id); the sealed values stay, so an upgrade again (which seals the
placeholders) is the only use of such a store. It exists for the migration tests and for
going back to an older program in a disaster, never to recover numbers.
"""
import re

from alembic import op
import sqlalchemy as sa


revision = '0042'
down_revision = '0041'
branch_labels = None
depends_on = None

NOT_SEALED = ("{customers} customers and {cards} VIP cards are not sealed yet: run "
              "`python main.py pii encrypt --key-file PATH`, which seals them and completes the upgrade")
CLEAR = {"customer": ("id_number", "id_rev", "phone", "phone_rev"), "vip_card": ("card_number",)}
MIN_HIDDEN = 4

OLD_CARD_CHECK = r"""        IF NEW.card_number !~ '^[0-9]{16}([0-9]{3})?$' THEN
            PERFORM vipdesk_private.refuse('a card number has 16 or 19 digits');
        END IF;"""
NEW_CARD_CHECK = r"""        IF NEW.card_masked !~ '^[0-9]{6}[*]{6}([*]{3})?[0-9]{4}$' OR NEW.card_number_index IS NULL THEN
            PERFORM vipdesk_private.refuse('a card number is kept sealed, masked (first 6 and last 4 of 16 or 19 digits) and indexed');
        END IF;"""
OLD_BIN_CHECK = r"""                                           WHERE starts_with(NEW.card_number, b))
           OR (coalesce(v_product ->> 'luhn', 'enforce') = 'enforce' AND NOT vipdesk_private.luhn_ok(NEW.card_number)) THEN
            PERFORM vipdesk_private.refuse('a card number begins with its product''s BIN and passes the product''s Luhn rule');"""
NEW_BIN_CHECK = r"""                                           WHERE starts_with(NEW.card_masked, b)) THEN
            PERFORM vipdesk_private.refuse('a card number begins with its product''s BIN');"""


def _mask(column: str, keep_start: int, keep_end: int, dialect: str) -> str:
    """SQL for app.customers.rules.mask of ``column`` as of this revision: all but the kept
    start and end replaced by ``*``, at least MIN_HIDDEN characters hidden, the end kept first."""
    n = f"length({column})"
    may = f"(CASE WHEN {n} > {MIN_HIDDEN} THEN {n} - {MIN_HIDDEN} ELSE 0 END)"
    end = f"(CASE WHEN {may} < {keep_end} THEN {may} ELSE {keep_end} END)"
    start = f"(CASE WHEN {may} - {end} < {keep_start} THEN {may} - {end} ELSE {keep_start} END)"
    hidden = f"({n} - {start} - {end})"
    stars = f"repeat('*', {hidden})" if dialect == "postgresql" else f"replace(hex(zeroblob({hidden})), '00', '*')"
    return f"substr({column}, 1, {start}) || {stars} || substr({column}, {n} - {end} + 1, {end})"


def _fill_masks(bind) -> None:
    dialect = bind.dialect.name
    bind.exec_driver_sql(f"UPDATE customer SET id_masked = {_mask('id_number', 3, 4, dialect)}, "
                         f"phone_masked = {_mask('phone', 3, 4, dialect)}")
    bind.exec_driver_sql(f"UPDATE vip_card SET card_masked = {_mask('card_number', 6, 4, dialect)}")


def _refuse_unsealed(bind) -> None:
    customers = bind.exec_driver_sql("SELECT count(*) FROM customer WHERE id_number_index IS NULL").scalar()
    cards = bind.exec_driver_sql("SELECT count(*) FROM vip_card WHERE card_number_index IS NULL").scalar()
    if customers or cards:
        raise RuntimeError(NOT_SEALED.format(customers=customers, cards=cards))


def _words(sql: str) -> list[str]:
    return re.findall(r"\w+", sql)


def _sqlite_rebuild(bind, table: str, drop: tuple[str, ...], required: tuple[str, ...] = (),
                    optional: tuple[str, ...] = ()) -> None:
    """Rebuild ``table`` without the ``drop`` columns (and the constraints and indexes naming
    them), ``required`` columns NOT NULL and ``optional`` ones nullable, keeping its other
    indexes and its triggers."""
    create = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).scalar()
    kept = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        (table,)).scalars().all()
    kept = [sql for sql in kept if not set(drop) & set(_words(sql))]
    head, _, body = create.partition("(")
    parts, depth, current = [], 0, ""
    for ch in body.rstrip()[:-1]:          # up to the table's closing parenthesis
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    columns = [p.split()[0] for p in parts if not p.upper().startswith("CONSTRAINT")]
    keep_parts = []
    for p in parts:
        words = _words(p)
        if set(drop) & set(words):
            continue
        if words[0] in required and "NOT NULL" not in p:
            p += " NOT NULL"
        if words[0] in optional:
            p = p.replace(" NOT NULL", "")
        keep_parts.append(p)
    keep = [c for c in columns if c not in drop]
    bind.exec_driver_sql(f"CREATE TABLE _new_{table} ({', '.join(keep_parts)})")
    bind.exec_driver_sql(f"INSERT INTO _new_{table} ({', '.join(keep)}) SELECT {', '.join(keep)} FROM {table}")
    bind.exec_driver_sql(f"DROP TABLE {table}")
    bind.exec_driver_sql(f"ALTER TABLE _new_{table} RENAME TO {table}")
    for sql in kept:
        bind.exec_driver_sql(sql)


def _without_foreign_keys(bind, work) -> None:
    """Run ``work()`` on SQLite in a transaction of its own with foreign keys off (they cannot be
    switched off inside a transaction, and dropping a table other rows reference fails with them
    on), checked with foreign_key_check before it commits. The migrations before this one are
    committed first and the revision is stamped in the next transaction: a crash between the two
    leaves the schema changed but the stamp behind (the README's upgrade notes)."""
    raw = bind.connection.driver_connection
    assert raw is not None
    raw.execute("COMMIT")
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("PRAGMA legacy_alter_table = ON")
    raw.execute("BEGIN IMMEDIATE")
    try:
        work()
        if bind.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
            raise RuntimeError("rebuilding customer and vip_card broke a foreign key")
    except BaseException:
        raw.execute("ROLLBACK")
        raw.execute("PRAGMA legacy_alter_table = OFF")
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("BEGIN")
        raise
    raw.execute("COMMIT")
    raw.execute("PRAGMA legacy_alter_table = OFF")
    raw.execute("PRAGMA foreign_keys = ON")
    raw.execute("BEGIN IMMEDIATE")


def _sqlite_upgrade(bind) -> None:
    def work() -> None:
        _refuse_unsealed(bind)
        bind.exec_driver_sql("ALTER TABLE customer ADD COLUMN id_masked VARCHAR(32) NOT NULL DEFAULT ''")
        bind.exec_driver_sql("ALTER TABLE customer ADD COLUMN phone_masked VARCHAR(24) NOT NULL DEFAULT ''")
        bind.exec_driver_sql("ALTER TABLE vip_card ADD COLUMN card_masked VARCHAR(19) NOT NULL DEFAULT ''")
        bind.exec_driver_sql("ALTER TABLE customer_tail ADD COLUMN field VARCHAR(16) NOT NULL DEFAULT ''")
        _fill_masks(bind)
        _sqlite_rebuild(bind, "customer", CLEAR["customer"], ("id_number_index",))
        _sqlite_rebuild(bind, "vip_card", CLEAR["vip_card"], ("card_number_index",))

    _without_foreign_keys(bind, work)


def _run(bind, sql: str) -> None:
    """Run a function's text as written (no parameters: its ``%`` signs stay as they are)."""
    raw = bind.connection.driver_connection
    assert raw is not None
    raw.execute(sql)


def _guard_text(bind, old_new: list[tuple[str, str]]) -> str:
    text = bind.exec_driver_sql("SELECT pg_get_functiondef('vipdesk_guard_vip_card()'::regprocedure)").scalar()
    for old, new in old_new:
        old_body = "\n".join("    " + line if line else line for line in old.split("\n"))
        if old_body in text:
            text = text.replace(old_body, "\n".join("    " + line if line else line for line in new.split("\n")))
        elif old in text:
            text = text.replace(old, new)
        else:
            raise RuntimeError("vipdesk_guard_vip_card is not as migration 0024 left it")
    return text


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite_upgrade(bind)
        return
    _refuse_unsealed(bind)
    op.add_column('customer', sa.Column('id_masked', sa.String(length=32), nullable=False, server_default=''))
    op.add_column('customer', sa.Column('phone_masked', sa.String(length=24), nullable=False, server_default=''))
    op.add_column('vip_card', sa.Column('card_masked', sa.String(length=19), nullable=False, server_default=''))
    op.add_column('customer_tail', sa.Column('field', sa.String(length=16), nullable=False, server_default=''))
    _fill_masks(bind)
    for table, column in (("customer", "id_masked"), ("customer", "phone_masked"), ("vip_card", "card_masked")):
        op.alter_column(table, column, server_default=None)
    _run(bind, _guard_text(bind, [(OLD_CARD_CHECK, NEW_CARD_CHECK), (OLD_BIN_CHECK, NEW_BIN_CHECK)]))
    op.drop_constraint('uq_customer_id_type', 'customer', type_='unique')
    op.drop_constraint('uq_vip_card_card_number', 'vip_card', type_='unique')
    op.drop_index('ix_customer_id_rev', table_name='customer')
    op.drop_index('ix_customer_phone_rev', table_name='customer')
    for table, columns in CLEAR.items():
        for column in columns:
            op.drop_column(table, column)
    op.alter_column('customer', 'id_number_index', nullable=False)
    op.alter_column('vip_card', 'card_number_index', nullable=False)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _run(bind, _guard_text(bind, [(NEW_CARD_CHECK, OLD_CARD_CHECK), (NEW_BIN_CHECK, OLD_BIN_CHECK)]))
    op.drop_column('customer_tail', 'field')
    if bind.dialect.name == "sqlite":
        def work() -> None:
            for table, columns in CLEAR.items():
                for column in columns:
                    size = 19 if column == "card_number" else 24 if column.startswith("phone") else 32
                    bind.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR({size}) NOT NULL DEFAULT ''")
            bind.exec_driver_sql("UPDATE customer SET id_number = 'SEALED' || id")
            bind.exec_driver_sql("UPDATE vip_card SET card_number = 'S' || substr('000000000000000000' || id, -18)")
            _sqlite_rebuild(bind, "customer", ("id_masked", "phone_masked"), optional=("id_number_index",))
            _sqlite_rebuild(bind, "vip_card", ("card_masked",), optional=("card_number_index",))
            bind.exec_driver_sql("CREATE UNIQUE INDEX uq_customer_id_type ON customer (id_type, id_number)")
            bind.exec_driver_sql("CREATE UNIQUE INDEX uq_vip_card_card_number ON vip_card (card_number)")

        _without_foreign_keys(bind, work)
    else:
        for table, columns in CLEAR.items():
            for column in columns:
                size = 19 if column == "card_number" else 24 if column.startswith("phone") else 32
                op.add_column(table, sa.Column(column, sa.String(length=size), nullable=False, server_default=''))
                op.alter_column(table, column, server_default=None)
        bind.exec_driver_sql("UPDATE customer SET id_number = 'SEALED' || id")
        bind.exec_driver_sql("UPDATE vip_card SET card_number = 'S' || lpad(id::text, 18, '0')")
        op.drop_column('customer', 'id_masked')
        op.drop_column('customer', 'phone_masked')
        op.drop_column('vip_card', 'card_masked')
        op.alter_column('customer', 'id_number_index', nullable=True)
        op.alter_column('vip_card', 'card_number_index', nullable=True)
        op.create_unique_constraint('uq_customer_id_type', 'customer', ['id_type', 'id_number'])
        op.create_unique_constraint('uq_vip_card_card_number', 'vip_card', ['card_number'])
    op.create_index('ix_customer_id_rev', 'customer', ['id_rev'], postgresql_ops={'id_rev': 'text_pattern_ops'})
    op.create_index('ix_customer_phone_rev', 'customer', ['phone_rev'], postgresql_ops={'phone_rev': 'text_pattern_ops'})
