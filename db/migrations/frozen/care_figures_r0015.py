"""The care dashboard's figure triggers as revisions 0015 to 0019 install them (frozen: never
edited; see db/migrations/frozen/__init__.py).

Two sets of definitions: :data:`FIGURES_0015`, for stores whose customer row held the tier
(0015 to 0018, and 0019's downgrade), and :data:`FIGURES_0019`, which read the tier from
``customer_tier``. Each is installed counting by a calendar ``offset_hours`` from UTC: 0 (the UTC
calendar) until 0018, 8 (Beijing) from then on. How the figures are kept (slots, statement
triggers, the fold) is told in db/care_figures.py, which holds the definitions the running app
recounts and bulk-writes by; a change to those needs a revision that installs the triggers
again from a frozen module of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.migrations.frozen.pg_scope_r0003 import run, store_roles

Parts = Callable[[str, "Dialect", str], tuple[str, ...]]


# Beijing time, UTC+8 all year: the calendar of the figures from revision 0018 on. The database
# works with a fixed offset because SQLite knows no named zones.
BEIJING_UTC_OFFSET_HOURS = 8


class Dialect:
    """The few SQL expressions that differ between the engines, and the offset from UTC of the
    calendar the figures count months and days by (0: the UTC calendar of stores before
    migration 0018)."""

    def __init__(self, name: str, offset_hours: int):
        self.pg = name == "postgresql"
        self.offset_hours = offset_hours

    def _local(self, column: str) -> str:
        if not self.offset_hours:
            return column
        return f"{column} + interval '{self.offset_hours} hours'" if self.pg else f"{column}, '+{self.offset_hours} hours'"

    def month(self, column: str) -> str:
        """yyyymm of a naive UTC timestamp, on the figures' calendar."""
        if self.pg:
            return f"CAST(to_char({self._local(column)}, 'YYYYMM') AS integer)"
        return f"CAST(strftime('%Y%m', {self._local(column)}) AS INTEGER)"

    def day(self, column: str) -> str:
        """yyyymmdd of a naive UTC timestamp, on the figures' calendar."""
        if self.pg:
            return f"CAST(to_char({self._local(column)}, 'YYYYMMDD') AS integer)"
        return f"CAST(strftime('%Y%m%d', {self._local(column)}) AS INTEGER)"

    @property
    def slot(self) -> str:
        """The writing statement's slot: the trigger function's variable on PostgreSQL."""
        return "statement_slot" if self.pg else "0"


@dataclass(frozen=True)
class Source:
    """How rows of ``table`` contribute to a figure: per row (its alias, the dialect and the
    alias of the row of ``join`` looked into are given to ``keys`` etc.), the figure's key and
    measures when ``where`` holds."""

    table: str
    watched: tuple[str, ...]        # the columns whose change moves the contribution
    keys: Parts
    measures: Parts
    where: Callable[[str, Dialect, str], str]
    join: str = ""                  # a table to look into (the where says which row)
    on_insert: bool = True          # a new row can contribute (false: only its later updates)


@dataclass(frozen=True)
class Figure:
    table: str
    keys: tuple[str, ...]
    measures: tuple[str, ...]
    sources: tuple[Source, ...]     # the first one alone gives the recount


def _one(r: str, d: Dialect, j: str) -> tuple[str, ...]:
    return ("1",)


def _cancelled_where(r: str, d: Dialect, j: str) -> str:
    return f"{r}.status = 'cancelled' AND {r}.ended_at IS NOT NULL"   # app.cards.rules.CANCELLED


# active customers by branch and tier (every tier: the policy decides which are VIP): a tier
# row moves the figure by its customer's branch, a customer by its tier row's tier (a new
# customer counts once its tier row is made, by revision 0019's trigger)
_TIER_COUNT = Figure("care_tier_count", ("branch_id", "tier"), ("count",), (
    Source("customer_tier", ("tier",), lambda r, d, j: (f"{j}.branch_id", f"{r}.tier"), _one,
           lambda r, d, j: f"{j}.id = {r}.id AND {j}.active", join="customer"),
    Source("customer", ("branch_id", "active"), lambda r, d, j: (f"{r}.branch_id", f"{j}.tier"), _one,
           lambda r, d, j: f"{j}.id = {r}.id AND {r}.active", join="customer_tier", on_insert=False)))
# active customers by branch, tier and day of their latest contact (contact-plan compliance)
_CONTACT_COUNT = Figure("care_contact_count", ("branch_id", "tier", "day"), ("count",), (
    Source("customer_tier", ("tier",), lambda r, d, j: (f"{j}.branch_id", f"{r}.tier", d.day(f"{j}.last_contact_at")),
           _one, lambda r, d, j: f"{j}.id = {r}.id AND {j}.active AND {j}.last_contact_at IS NOT NULL",
           join="customer"),
    Source("customer", ("branch_id", "active", "last_contact_at"),
           lambda r, d, j: (f"{r}.branch_id", f"{j}.tier", d.day(f"{r}.last_contact_at")), _one,
           lambda r, d, j: f"{j}.id = {r}.id AND {r}.active AND {r}.last_contact_at IS NOT NULL",
           join="customer_tier", on_insert=False)))
# tier changes by month, the customer's branch now, and (from, to): they move with a transfer
_MOVE_COUNT = Figure("care_move_count", ("month", "branch_id", "from_tier", "to_tier"), ("count",), (
    Source("tier_change", ("customer_id", "from_tier", "to_tier", "changed_at"),
           lambda r, d, j: (d.month(f"{r}.changed_at"), f"{j}.branch_id", f"{r}.from_tier", f"{r}.to_tier"),
           _one, lambda r, d, j: f"{j}.id = {r}.customer_id", join="customer"),
    Source("customer", ("branch_id",),
           lambda r, d, j: (d.month(f"{j}.changed_at"), f"{r}.branch_id", f"{j}.from_tier", f"{j}.to_tier"),
           _one, lambda r, d, j: f"{j}.customer_id = {r}.id", join="tier_change", on_insert=False)))
# VIP cards cancelled, by month of the cancellation and the card's branch (churn)
_CANCEL_COUNT = Figure("care_cancel_count", ("month", "branch_id"), ("count",), (
    Source("vip_card", ("status", "ended_at", "branch_id"),
           lambda r, d, j: (d.month(f"{r}.ended_at"), f"{r}.branch_id"), _one, _cancelled_where),))
# complaints by month accepted, branch and VIP flag, and those answered by their deadline
_COMPLAINT_COUNT = Figure("care_complaint_count", ("month", "branch_id", "vip"), ("count", "on_time"), (
    Source("complaint", ("accepted_at", "branch_id", "vip", "resolved_at", "deadline_at"),
           lambda r, d, j: (d.month(f"{r}.accepted_at"), f"{r}.branch_id", f"{r}.vip"),
           lambda r, d, j: ("1", f"CASE WHEN {r}.resolved_at IS NOT NULL AND {r}.resolved_at <= {r}.deadline_at "
                                 "THEN 1 ELSE 0 END"),
           lambda r, d, j: "1 = 1"),))

# The definitions of revision 0019 on: the tier in customer_tier.
FIGURES_0019: tuple[Figure, ...] = (_TIER_COUNT, _CONTACT_COUNT, _MOVE_COUNT, _CANCEL_COUNT, _COMPLAINT_COUNT)

# The definitions of revisions 0015 to 0018, whose customer rows held the tier (0019's downgrade
# installs them again).
FIGURES_0015: tuple[Figure, ...] = (
    Figure("care_tier_count", ("branch_id", "tier"), ("count",), (
        Source("customer", ("branch_id", "tier", "active"), lambda r, d, j: (f"{r}.branch_id", f"{r}.tier"), _one,
               lambda r, d, j: f"{r}.active"),)),
    Figure("care_contact_count", ("branch_id", "tier", "day"), ("count",), (
        Source("customer", ("branch_id", "tier", "active", "last_contact_at"),
               lambda r, d, j: (f"{r}.branch_id", f"{r}.tier", d.day(f"{r}.last_contact_at")), _one,
               lambda r, d, j: f"{r}.active AND {r}.last_contact_at IS NOT NULL"),)),
    _MOVE_COUNT, _CANCEL_COUNT, _COMPLAINT_COUNT)


def source_tables(figures: tuple[Figure, ...]) -> tuple[str, ...]:
    """The tables whose rows the figures count, in a fixed order."""
    return tuple(dict.fromkeys(s.table for f in figures for s in f.sources))


def _side(source: Source, row: str, rows_from: str, sign: str, d: Dialect, carried: bool = False,
          weight: str = "") -> str:
    """One side of a change: the contribution of ``row`` (read from ``rows_from``), signed; the
    source's joined table is looked into, unless ``row`` ``carried`` its columns along. With a
    ``weight`` column, each row stands for that many like rows."""
    joined = row if carried or not source.join else "j"
    times = f" * {row}.{weight}" if weight else ""
    columns = [f"{k} AS k{i}" for i, k in enumerate(source.keys(row, d, joined))]
    columns += [f"{sign}({m}){times} AS m{i}" for i, m in enumerate(source.measures(row, d, joined))]
    tables = [t for t in (rows_from, "" if joined == row else f"{source.join} j") if t]
    return (f"SELECT {', '.join(columns)}" + (f" FROM {', '.join(tables)}" if tables else "")
            + f" WHERE {source.where(row, d, joined)}")


def _add(figure: Figure, sides: list[str], slot: str) -> str:
    """Add the summed sides into the figure's rows of ``slot`` (keys whose sum is zero skipped)."""
    ks = ", ".join(f"k{i}" for i in range(len(figure.keys)))
    sums = ", ".join(f"sum(m{i})" for i in range(len(figure.measures)))
    nonzero = " OR ".join(f"sum(m{i}) <> 0" for i in range(len(figure.measures)))
    key_cols = ", ".join(figure.keys)
    updates = ", ".join(f"{m} = {figure.table}.{m} + excluded.{m}" for m in figure.measures)
    return (f"INSERT INTO {figure.table} ({key_cols}, slot, {', '.join(figure.measures)}) "
            f"SELECT {ks}, {slot}, {sums} FROM ({' UNION ALL '.join(sides)}) AS s GROUP BY {ks} HAVING {nonzero} "
            f"ON CONFLICT ({key_cols}, slot) DO UPDATE SET {updates}")


def recount_query(figure: Figure, d: Dialect) -> str:
    """The figure from scratch: ``k0.., m0..`` by key, zero keys left out."""
    source = figure.sources[0]
    ks = ", ".join(f"k{i}" for i in range(len(figure.keys)))
    sums = ", ".join(f"sum(m{i}) AS m{i}" for i in range(len(figure.measures)))
    nonzero = " OR ".join(f"sum(m{i}) <> 0" for i in range(len(figure.measures)))
    return (f"SELECT {ks}, {sums} FROM ({_side(source, 'r', f'{source.table} r', '', d)}) AS s "
            f"GROUP BY {ks} HAVING {nonzero}")


def rebuild_statements(d: Dialect, figures: tuple[Figure, ...]) -> list[str]:
    """Every figure recounted from scratch into slot 0 (the caller holds off writers)."""
    statements = []
    for figure in figures:
        key_cols = ", ".join(figure.keys)
        ks = ", ".join(f"k{i}" for i in range(len(figure.keys)))
        ms = ", ".join(f"m{i}" for i in range(len(figure.measures)))
        statements += [f"DELETE FROM {figure.table}",
                       f"INSERT INTO {figure.table} ({key_cols}, slot, {', '.join(figure.measures)}) "
                       f"SELECT {ks}, 0, {ms} FROM ({recount_query(figure, d)}) AS recount"]
    return statements


def _fold_statements(figures: tuple[Figure, ...]) -> list[str]:
    statements = []
    for figure in figures:
        key_cols = ", ".join(figure.keys)
        sums = ", ".join(f"sum({m})" for m in figure.measures)
        updates = ", ".join(f"{m} = {figure.table}.{m} + excluded.{m}" for m in figure.measures)
        zero = " AND ".join(f"{m} = 0" for m in figure.measures)
        statements += [
            f"WITH gone AS (DELETE FROM {figure.table} WHERE slot <> 0 RETURNING *) "
            f"INSERT INTO {figure.table} ({key_cols}, slot, {', '.join(figure.measures)}) "
            f"SELECT {key_cols}, 0, {sums} FROM gone GROUP BY {key_cols} "
            f"ON CONFLICT ({key_cols}, slot) DO UPDATE SET {updates}",
            f"DELETE FROM {figure.table} WHERE slot = 0 AND {zero}"]
    return statements


# ------------------------------------------------------------------------------- SQLite

def _insert_trigger(table: str) -> str:
    return f"care_figures_{table}_insert"


def _update_trigger(figure: Figure, table: str) -> str:
    return f"{figure.table}_{table}_update"


def _sqlite_triggers(d: Dialect, figures: tuple[Figure, ...]) -> list[str]:
    statements = []
    for table in source_tables(figures):
        inserts = [_add(f, [_side(s, "NEW", "", "", d)], d.slot)
                   for f in figures for s in f.sources if s.table == table and s.on_insert]
        deletes = [_add(f, [_side(s, "OLD", "", "-", d)], d.slot)
                   for f in figures for s in f.sources if s.table == table]
        if inserts:
            statements.append(f"CREATE TRIGGER {_insert_trigger(table)} AFTER INSERT ON {table} BEGIN "
                              + "; ".join(inserts) + "; END")
        statements.append(f"CREATE TRIGGER care_figures_{table}_delete AFTER DELETE ON {table} BEGIN "
                          + "; ".join(deletes) + "; END")
        for figure in figures:
            for source in (s for s in figure.sources if s.table == table):
                statements.append(
                    f"CREATE TRIGGER {_update_trigger(figure, table)} AFTER UPDATE OF {', '.join(source.watched)} "
                    f"ON {table} WHEN {_sqlite_update_when(source, d)} BEGIN "
                    + _add(figure, [_side(source, "OLD", "", "-", d), _side(source, "NEW", "", "", d)], d.slot)
                    + "; END")
    return statements


def _sqlite_update_when(source: Source, d: Dialect) -> str:
    """When an update can move the figure: a watched column changed and, unless the source
    joins another table, the old or the new row contributes (SQLite's triggers run once per
    row: a tier evaluation changing half a million customers, most never contacted, skips the
    contact figure's trigger for those)."""
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in source.watched)
    if source.join:
        return changed
    return f"({changed}) AND ({source.where('OLD', d, 'OLD')} OR {source.where('NEW', d, 'NEW')})"


def _sqlite_trigger_names(figures: tuple[Figure, ...]) -> list[str]:
    names = []
    for table in source_tables(figures):
        if any(s.table == table and s.on_insert for f in figures for s in f.sources):
            names.append(_insert_trigger(table))
        names.append(f"care_figures_{table}_delete")
        names += [_update_trigger(f, table) for f in figures for s in f.sources if s.table == table]
    return names


# ---------------------------------------------------------------------------- PostgreSQL

_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
# The triggers' statements read transition tables of a statement's few rows, but the plans
# PL/pgSQL keeps for them are costed for large ones: above jit_above_cost, so PostgreSQL compiled
# them with LLVM on every single-row update (about 0.4 s each; the drill's demo build of 20,000
# customers took over ten minutes). No JIT for them (0016 set it for the functions 0015 had made).
# And random reads costed as the in-memory index lookups they are: with the default cost the
# planner scanned the whole customer table to find the branch of the 50,000 tier changes an
# evaluation statement writes (0.5 s where looking each up takes 0.1 s).
_TRIGGER = _DEFINER + " SET jit = off SET random_page_cost = 1.1"


def _pg_changed(source: Source, this: str, other: str) -> str:
    """The rows of transition table ``this`` whose watched columns differ in ``other``."""
    mine = ", ".join(f"r.{c}" for c in source.watched)
    theirs = ", ".join(f"x.{c}" for c in source.watched)
    return f"{this} r JOIN {other} x ON x.id = r.id AND ({mine}) IS DISTINCT FROM ({theirs})"


def _pg_update_sides(source: Source, d: Dialect) -> list[str]:
    """An update statement's change to a figure. A row's contribution depends on the row alone
    unless the source joins another table: then every old row is subtracted and every new one
    added, unchanged rows cancelling in the sum (no join of the transition tables: an evaluation
    updating 100,000 customers reads each once). With a join, only the rows whose watched
    columns changed are looked up in it."""
    if not source.join:
        return [_side(source, "r", "old_rows r", "-", d), _side(source, "r", "new_rows r", "", d)]
    return [_side(source, "r", _pg_changed(source, "old_rows", "new_rows"), "-", d),
            _side(source, "r", _pg_changed(source, "new_rows", "old_rows"), "", d)]


def _pg_function(table: str, d: Dialect, figures: tuple[Figure, ...]) -> str:
    mine = [(f, s) for f in figures for s in f.sources if s.table == table]
    inserts = [_add(f, [_side(s, "r", "new_rows r", "", d)], d.slot) for f, s in mine if s.on_insert]
    updates = [_add(f, _pg_update_sides(s, d), d.slot) for f, s in mine]
    deletes = [_add(f, [_side(s, "r", "old_rows r", "-", d)], d.slot) for f, s in mine]
    body = (f"IF TG_OP = 'INSERT' THEN {'; '.join(inserts) or 'NULL'};\n"
            f"ELSIF TG_OP = 'UPDATE' THEN {'; '.join(updates)};\n"
            f"ELSE {'; '.join(deletes)};\nEND IF;\nRETURN NULL;")
    return (f"CREATE FUNCTION care_figures_{table}() RETURNS trigger LANGUAGE plpgsql {_TRIGGER} AS $$\n"
            f"DECLARE statement_slot bigint := nextval('care_figure_slot');\nBEGIN\n{body}\nEND $$;\n"
            f"REVOKE ALL ON FUNCTION care_figures_{table}() FROM PUBLIC;\n"
            f"CREATE TRIGGER care_figures_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION care_figures_{table}();\n"
            f"CREATE TRIGGER care_figures_update AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows "
            f"NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION care_figures_{table}();\n"
            f"CREATE TRIGGER care_figures_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION care_figures_{table}();\n")


def _pg_install(staff: str, admin: str, d: Dialect, figures: tuple[Figure, ...]) -> str:
    locks = f"LOCK TABLE {', '.join(source_tables(figures))} IN SHARE MODE"
    return ("CREATE SEQUENCE care_figure_slot MINVALUE 1;\n"
            "REVOKE ALL ON SEQUENCE care_figure_slot FROM PUBLIC;\n"
            + "".join(_pg_function(t, d, figures) for t in source_tables(figures))
            + f"CREATE FUNCTION care_fold_figures() RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$\nBEGIN\n"
            + ";\n".join(_fold_statements(figures)) + ";\nEND $$;\n"
            + "REVOKE ALL ON FUNCTION care_fold_figures() FROM PUBLIC;\n"
            + f"GRANT EXECUTE ON FUNCTION care_fold_figures() TO {staff};\n"
            # writers wait (SHARE lock) while the figures are recounted, so none is counted twice
            + f"CREATE FUNCTION care_rebuild_figures() RETURNS void LANGUAGE plpgsql {_DEFINER} AS $$\nBEGIN\n"
            + ";\n".join([locks, *rebuild_statements(d, figures)]) + ";\nEND $$;\n"
            + "REVOKE ALL ON FUNCTION care_rebuild_figures() FROM PUBLIC;\n"
            + f"GRANT EXECUTE ON FUNCTION care_rebuild_figures() TO {admin};\n")


def install(bind, offset_hours: int, figures: tuple[Figure, ...]) -> None:
    """Create the triggers (and on PostgreSQL the fold and rebuild functions) on ``bind`` for
    ``figures``, counting by the calendar ``offset_hours`` from UTC."""
    d = Dialect(bind.dialect.name, offset_hours)
    if d.pg:
        roles = store_roles(bind)
        run(bind, _pg_install(roles["STAFF"], roles["ADMIN"], d, figures))
    else:
        for statement in _sqlite_triggers(d, figures):
            bind.exec_driver_sql(statement)


def uninstall(bind, figures: tuple[Figure, ...]) -> None:
    """Drop what :func:`install` made for ``figures``."""
    if bind.dialect.name == "postgresql":
        run(bind, "".join(f"DROP FUNCTION care_figures_{t}() CASCADE;\n" for t in source_tables(figures))
            + "DROP FUNCTION care_fold_figures();\nDROP FUNCTION care_rebuild_figures();\n"
            + "DROP SEQUENCE IF EXISTS care_figure_slot;\n")
    else:
        for name in _sqlite_trigger_names(figures):
            bind.exec_driver_sql(f"DROP TRIGGER {name}")


def rebuild(bind, offset_hours: int, figures: tuple[Figure, ...]) -> None:
    """Recount every figure from scratch, by the definitions and calendar the triggers were
    installed with (PostgreSQL's rebuild function has them)."""
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("SELECT care_rebuild_figures()")
    else:
        for statement in rebuild_statements(Dialect("sqlite", offset_hours), figures):
            bind.exec_driver_sql(statement)


def fold(bind) -> None:
    """Fold committed transactions' slots into slot 0 (PostgreSQL; nothing to do on SQLite)."""
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("SELECT care_fold_figures()")
