"""The monthly AUM extract from core banking: ``cif_no, month, avg_daily_aum``.

Every line is checked first (CIF known and in the importer's scope, month, amount, no
duplicate CIF + month within the file); a bad line is reported by its number and reason. The
import is all or nothing unless the user asks to skip bad lines. Only values that differ from
what the store holds are written, so importing the same file twice changes nothing.

Built for a million customers: the CIF map is one query, the store's current values one query
per month, and the writes go in ONE transaction as large batches: new values inserted, changed
ones updated (SQLite: ``executemany``; PostgreSQL: ``INSERT ... SELECT FROM unnest(arrays)`` and
``UPDATE ... FROM unnest(arrays) WHERE`` the value differs). No ORM object per row. One audit event per import.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.csvio import (
    FILE, MAX_FIELD_CHARS, Column, LineProblem, decode, map_header, problem_from, read_file,
)
from app.customers.rules import CIF_NUMBER, clean_cif, parse_amount
from app.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from db.arrays import column_literals
from db.models import AumImport

MONTH = QT_TRANSLATE_NOOP("fields", "Month")
AVG_DAILY_AUM = QT_TRANSLATE_NOOP("fields", "Average daily AUM")

COLUMNS = (
    Column("cif_no", True, ("cif", "cif no", "cif number", "客户号", "客户编号", "客户号码")),
    Column("month", True, ("月份", "统计月份", "数据月份", "年月")),
    Column("avg_daily_aum", True, ("avg daily aum", "aum", "月日均资产", "日均AUM", "月日均AUM",
                                   "日均资产", "月日均金融资产")),
)
BATCH = 50_000
PROGRESS_EVERY = 20_000
MAX_REPORTED = 1000  # problems kept for the report (all are counted)

_MONTH = re.compile(r"(\d{4})(?:[-/.](\d{1,2})|(\d{2})|年(\d{1,2})月?)")
_PLAIN_AMOUNT = re.compile(r"\d{1,15}(?:\.\d{1,2})?")
_PLAIN_CIF = re.compile(r"[A-Z0-9]{6,32}")
CENT = Decimal("0.01")

Progress = Callable[[int, int], bool]


class AumImportRefused(ValidationError):
    """Bad lines and no permission to skip them: nothing was imported. ``problems`` lists them."""

    def __init__(self, problems: list[LineProblem], bad_lines: int):
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "{count} bad line(s), nothing was imported. First: {first}"),
            count=bad_lines, first=str(problems[0]) if problems else "")
        self.problems = problems
        self.bad_lines = bad_lines


@dataclass
class AumImportResult:
    file_name: str
    sha256: str
    rows_read: int                 # data lines read (good and bad)
    rows_changed: int              # (customer, month) values inserted or changed
    rows_unchanged: int            # good lines whose value the store already had
    rows_skipped: int              # bad lines left out (only with skip_bad)
    months: list[int] = field(default_factory=list)   # yyyymm present in the file
    problems: list[LineProblem] = field(default_factory=list)
    seen_before: bool = False      # a file with the same content was imported earlier


def parse_month(raw: str, *, today: date | None = None) -> int:
    """``2026-03``, ``202603``, ``2026/03`` (also ``2026-3``, ``2026年3月``) as yyyymm; a month
    after the current one is refused."""
    value = (raw or "").strip().translate(_FULLWIDTH)
    match = _MONTH.fullmatch(value)
    if not match:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a month like 2026-03, 202603 or 2026/03"),
                              field=MONTH)
    year = int(match.group(1))
    month = int(match.group(2) or match.group(3) or match.group(4))
    if not 1 <= month <= 12 or year < 1990:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not a valid month"),
                              field=MONTH, value=value)
    if today is not None and (year, month) > (today.year, today.month):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is in the future"),
                              field=MONTH, value=value)
    return year * 100 + month


_FULLWIDTH = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")} | {
    ord("－"): ord("-"), ord("／"): ord("/")}


def _cents(raw: str) -> int:
    """The amount in whole cents (exact): plain digits on a fast path, else ``parse_amount``."""
    value = raw.strip()
    if _PLAIN_AMOUNT.fullmatch(value):
        whole, _, frac = value.partition(".")
        return int(whole) * 100 + int(frac.ljust(2, "0") or 0)
    return int(parse_amount(raw, field=AVG_DAILY_AUM) * 100)


def _text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _cif(raw: str) -> str:
    value = raw.strip().upper()
    if _PLAIN_CIF.fullmatch(value):
        return value
    return clean_cif(raw)


def _raw(session, sql: str, params: tuple) -> list[tuple]:
    """Rows straight from the driver (no per-value conversion): for the big reads."""
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        cursor.execute(sql if session.bind.dialect.name == "sqlite" else sql.replace("?", "%s"), params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _customer_ids(session, actor) -> dict[str, int]:
    if actor.branch_path == "/":
        return dict(_raw(session, "SELECT cif_no, id FROM customer", ()))
    return dict(_raw(session, "SELECT c.cif_no, c.id FROM customer c JOIN branch b ON b.id = c.branch_id "
                              "WHERE b.path LIKE ?", (actor.branch_path + "%",)))


def _stored(session, month: int) -> dict[int, int]:
    """The store's values for ``month`` in whole cents, rounded by the database."""
    return dict(_raw(session, "SELECT customer_id, CAST(ROUND(avg_daily_aum * 100) AS BIGINT) "
                              "FROM aum_month WHERE month = ?", (month,)))


def _lines(data: bytes) -> Iterator[tuple[int, list[str] | tuple[int, int]]]:
    """The extract's data lines as (line number, [cif, month, amount]) or, for a line with the
    wrong number of fields, (line number, (fields found, fields in the header)):
    the shared reader's rules (encodings, header aliases, blank lines, field counts) on a fast
    path that skips building a dict per line."""
    text = decode(data)
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is empty"), field=FILE) from None
    except csv.Error as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"), field=FILE,
                              line=1, reason=str(exc)) from None
    positions = {key: index for index, key in map_header(header, COLUMNS).items()}
    order = (positions["cif_no"], positions["month"], positions["avg_daily_aum"])
    width = len(header)
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"), field=FILE,
                                  line=reader.line_num, reason=str(exc)) from None
        if len(fields) == width:
            picked = [fields[i] for i in order]
            if picked[0].strip() or picked[1].strip() or picked[2].strip() or any(f.strip() for f in fields):
                yield reader.line_num, picked
        elif any(f.strip() for f in fields):
            yield reader.line_num, (len(fields), width)


def import_aum(store, actor, path: Path, *, skip_bad: bool = False,
               progress: Progress | None = None) -> AumImportResult:
    """Import the AUM extract at ``path`` (IMPORT_DATA). Raises :class:`AumImportRefused` when
    there are bad lines and ``skip_bad`` is false; :class:`app.errors.Cancelled` when
    ``progress`` returns False (nothing is written then)."""
    require(actor, Permission.IMPORT_DATA)
    path = Path(path)
    data = read_file(path)
    sha = hashlib.sha256(data).hexdigest()
    today = store.clock().date()

    def report(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    with store.read() as session:
        ids = _customer_ids(session, actor)
    problems: list[LineProblem] = []
    bad = 0
    read = 0
    values: dict[int, dict[int, tuple[int, int]]] = {}   # month -> customer_id -> (cents, line)
    months: dict[str, int] = {}                          # month as written -> yyyymm
    for number, fields in _lines(data):
        read += 1
        if read % PROGRESS_EVERY == 0:
            report(read, 0)
        try:
            if isinstance(fields, tuple):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "has {found} fields where the header has {expected}"),
                    found=fields[0], expected=fields[1])
            raw_cif, raw_month, raw_amount = fields
            cif = raw_cif
            customer_id = ids.get(cif)     # the usual case: written exactly as stored
            if customer_id is None:
                cif = _cif(raw_cif)
                customer_id = ids.get(cif)
                if customer_id is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{cif} is not a known customer"),
                                          field=CIF_NUMBER, cif=cif)
            month = months.get(raw_month)
            if month is None:
                month = months[raw_month] = parse_month(raw_month, today=today)
            whole, dot, frac = raw_amount.partition(".")
            if (whole.isascii() and whole.isdigit() and len(whole) <= 15
                    and (not dot or (frac.isascii() and frac.isdigit() and len(frac) <= 2))):
                cents = int(whole) * 100 + (int(frac) * (10 if len(frac) == 1 else 1) if dot else 0)
            else:
                cents = _cents(raw_amount)
            by_customer = values.get(month)
            if by_customer is None:
                by_customer = values[month] = {}
            earlier = by_customer.get(customer_id)
            if earlier is not None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "repeats customer {cif} for month {month} (first on line {first})"),
                    cif=cif, month=f"{month // 100}-{month % 100:02d}", first=earlier[1])
        except ValidationError as error:
            bad += 1
            if len(problems) < MAX_REPORTED:
                problems.append(problem_from(number, error))
            continue
        by_customer[customer_id] = (cents, number)
    if bad and not skip_bad:
        raise AumImportRefused(problems, bad)
    report(read, read)

    result = AumImportResult(path.name, sha, read, 0, 0, bad, sorted(values), problems)
    with store.write(actor) as uow:
        session = uow.session
        result.seen_before = session.scalar(
            select(AumImport.id).where(AumImport.file_sha256 == sha).limit(1)) is not None
        new: list[tuple[int, int, str]] = []
        changed: list[tuple[int, int, str]] = []
        for month, by_customer in values.items():
            stored = _stored(session, month)
            for customer_id, (cents, _line) in by_customer.items():
                old = stored.get(customer_id)
                if old is None:
                    new.append((customer_id, month, _text(cents)))
                elif old != cents:
                    changed.append((customer_id, month, _text(cents)))
        result.rows_changed = len(new) + len(changed)
        result.rows_unchanged = read - bad - result.rows_changed
        if new or changed:
            if store.kind == "postgresql":
                _write_postgresql(session, new, changed)
            else:
                _write_sqlite(session, new, changed)
        session.add(AumImport(file_name=path.name[:255], file_sha256=sha, rows_read=read,
                              rows_changed=result.rows_changed, rows_skipped=bad,
                              imported_at=uow.now, imported_by=actor.username))
        uow.audit("aum.import", "aum_import", sha[:16], after={
            "file": path.name, "sha256": sha, "rows_read": read, "rows_changed": result.rows_changed,
            "rows_skipped": bad, "months": result.months})
    return result


def _write_sqlite(session, new, changed) -> None:
    cursor = session.connection().connection.driver_connection.cursor()
    try:
        for start in range(0, len(new), BATCH):
            cursor.executemany("INSERT INTO aum_month (customer_id, month, avg_daily_aum) VALUES (?, ?, ?)",
                               new[start:start + BATCH])
        for start in range(0, len(changed), BATCH):
            cursor.executemany("UPDATE aum_month SET avg_daily_aum = ? WHERE customer_id = ? AND month = ?",
                               [(a, c, m) for c, m, a in changed[start:start + BATCH]])
    finally:
        cursor.close()


def _write_postgresql(session, new, changed) -> None:
    """Per batch, one ``INSERT ... SELECT FROM unnest(arrays)`` for the new values and one
    ``UPDATE ... FROM unnest(arrays) ... WHERE`` the value differs for the changed ones. Arrays
    rather than ``COPY`` into a temporary table: staff login roles may not create temporary
    tables, and ``COPY FROM`` is refused on tables with row-level security. Each column goes as
    one array literal (:mod:`db.arrays`)."""
    conn = session.connection().connection.driver_connection
    with conn.cursor() as cursor:
        for start in range(0, len(new), BATCH * 4):
            cursor.execute(
                "INSERT INTO aum_month (customer_id, month, avg_daily_aum) "
                "SELECT * FROM unnest(%s::integer[], %s::integer[], %s::numeric[])",
                column_literals(new[start:start + BATCH * 4]))
        for start in range(0, len(changed), BATCH * 4):
            cursor.execute(
                "UPDATE aum_month a SET avg_daily_aum = u.value "
                "FROM unnest(%s::integer[], %s::integer[], %s::numeric[]) AS u(customer_id, month, value) "
                "WHERE a.customer_id = u.customer_id AND a.month = u.month "
                "AND a.avg_daily_aum IS DISTINCT FROM u.value",
                column_literals(changed[start:start + BATCH * 4]))


@dataclass(frozen=True)
class ImportRow:
    id: int
    file_name: str
    file_sha256: str
    rows_read: int
    rows_changed: int
    rows_skipped: int
    imported_at: object
    imported_by: str


def list_imports(store, actor, limit: int = 100) -> list[ImportRow]:
    """The latest AUM imports, newest first (IMPORT_DATA)."""
    require(actor, Permission.IMPORT_DATA)
    with store.read() as session:
        rows = session.scalars(select(AumImport).order_by(AumImport.id.desc()).limit(limit)).all()
        return [ImportRow(r.id, r.file_name, r.file_sha256, r.rows_read, r.rows_changed,
                          r.rows_skipped, r.imported_at, r.imported_by) for r in rows]
