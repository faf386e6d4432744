"""The core-banking customer extract in, and the masked customer list out.

Import: every line is cleaned by the same rules as the form; bad lines are reported by line
number and reason; all or nothing unless ``skip_bad``; a known CIF is updated, never
duplicated, and a line equal to the stored record changes nothing (the same file twice: 0
changed). One transaction, existing customers pre-loaded in one query, inserts and updates in
batches; one summary audit event (counts and the file name, no personal data).
Export: CIF, name, branch code, tier, masked ID and phone, UTF-8 with BOM.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError

from app.auth.permissions import Permission, require
from app.crypto.sealing import customer_indexes, reseal_customers, ring_of
from app.csvio import Column, ImportRefused, LineProblem, problem_from, read_file, read_rows
from app.customers.fields import CustomerInput, clean_input
from app.customers.records import (
    ID_TAKEN, duplicate_refusal, mask_policy, scope_branches,
)
from app.customers.rules import CIF_NUMBER, ID_NUMBER, IdType, mask_id, mask_phone
from app.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from app.glossary import TIER_LABELS
from app.outfile import Codes, Say, export_csv
from db.bulk import insert_rows
from db.models import Customer
from db.session_limits import allow_long_job
from db.turns import take_turn
from app.actor import Actor
from app.store import Store

Progress = Callable[[int, int], bool]

BRANCH_CODE = QT_TRANSLATE_NOOP("fields", "Branch code")
BATCH = 5_000
PROGRESS_EVERY = 2_000
MAX_REPORTED = 1000

COLUMNS = (
    Column("cif_no", True, ("cif", "客户号", "客户编号", "CIF号")),
    Column("name", True, ("姓名", "客户姓名", "客户名称")),
    Column("id_type", True, ("证件类型",)),
    Column("id_number", True, ("证件号码", "证件号", "身份证号")),
    Column("phone", True, ("手机号", "手机号码", "电话", "联系电话", "mobile")),
    Column("branch_code", True, ("branch", "网点号", "机构号", "网点代码", "开户网点")),
    Column("gender", False, ("性别", "sex")),
    Column("birthday", False, ("出生日期", "生日", "birth_date")),
    Column("email", False, ("电子邮箱", "邮箱", "e-mail")),
    Column("address", False, ("地址", "联系地址")),
    Column("postcode", False, ("邮编", "邮政编码")),
    Column("employer", False, ("工作单位", "单位")),
    Column("department", False, ("部门",)),
    Column("title", False, ("职务",)),
    Column("occupation", False, ("职业",)),
    Column("notes", False, ("备注",)),
)
_COMPARED = ("name", "name_pinyin", "name_initials", "gender", "id_type", "id_masked", "id_number_index",
             "birthday", "phone_masked", "phone_index", "email", "address", "postcode", "employer",
             "department", "title", "occupation", "notes", "branch_id")
_OPTIONAL = {c.key for c in COLUMNS if not c.required}
_SOURCE = {"id_masked": "id_number", "id_number_index": "id_number", "phone_masked": "phone", "phone_index": "phone"}


@dataclass
class CustomerImportResult:
    file_name: str
    rows_read: int = 0         # data lines read (good and bad)
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rows_skipped: int = 0
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def rows_changed(self) -> int:
        return self.inserted + self.updated


def _problem(line: int, template: str, **params) -> LineProblem:
    return LineProblem(line, template, params)


def import_customers(store: Store, actor: Actor, path: Path, *, skip_bad: bool = False, progress: Progress | None = None,
                     encoding: str | None = None, keep_problems: int | None = MAX_REPORTED) -> CustomerImportResult:
    """Import the customer extract at ``path`` (IMPORT_DATA). Raises
    :class:`ImportRefused` for bad lines without ``skip_bad``; :class:`Cancelled`
    when ``progress`` returns False (nothing is written then). ``encoding``: the user's word
    for the file's encoding (None: decided from the file, :mod:`app.encoding`). Every bad line
    is counted; the first ``keep_problems`` (None: all) are kept with their reasons."""
    require(actor, Permission.IMPORT_DATA)
    path = Path(path)
    data = read_file(path)
    today = store.today()
    total = max(1, data.count(b"\n"))
    result = CustomerImportResult(path.name)
    bad = 0

    def report(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    ring = ring_of(store)
    with store.write(actor) as uow:
        session = uow.session
        allow_long_job(session)
        take_turn(session, "customer_import")   # a second import of the same file waits (db/turns.py)
        branches = scope_branches(session, actor)
        by_code = {code: bid for bid, (code, _name) in branches.items()}
        existing: dict[str, Row[Any]] = {}    # CIF -> the stored id, CIF and compared columns
        ids_taken: dict[tuple[str, bytes], str] = {}
        columns = [getattr(Customer, k) for k in ("id", "cif_no", *_COMPARED)]
        for row in session.execute(select(*columns)).yield_per(20_000):
            existing[row.cif_no] = row
            ids_taken[(row.id_type, bytes(row.id_number_index))] = row.cif_no
        seen_cifs: dict[str, int] = {}
        seen_ids: dict[tuple[str, bytes], int] = {}
        inserts: list[dict] = []
        updates: list[dict] = []
        numbers: dict[str, tuple[str | None, str | None]] = {}   # CIF -> the clear ID number and phone to seal
        for line in read_rows(data, COLUMNS, encoding=encoding):
            result.rows_read += 1
            if result.rows_read % PROGRESS_EVERY == 0:
                report(line.number)
            problem = None
            old = existing.get((line.values.get("cif_no") or "").strip().upper())
            if old is not None and _same_as_stored(line.values, old, by_code, ring) \
                    and old.cif_no not in seen_cifs and (old.id_type, bytes(old.id_number_index)) not in seen_ids:
                seen_cifs[old.cif_no] = line.number       # fast path: a repeated line, nothing to clean
                seen_ids[(old.id_type, bytes(old.id_number_index))] = line.number
                result.unchanged += 1
                continue
            try:
                if "__fields__" in line.values:
                    raise _LineRefused(_problem(
                        line.number, QT_TRANSLATE_NOOP("errors", "has {found} fields, the header has {expected}"),
                        found=line.values["__fields__"], expected=_width(data)))
                values = _clean_line(line.values, today)
                clear = (values.pop("id_number"), values.pop("phone"))
                values |= customer_indexes(ring, *clear)
                code = (line.values.get("branch_code") or "").strip().upper()
                if code not in by_code:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "is not a branch in your scope"), field=BRANCH_CODE)
                values["branch_id"] = by_code[code]
                cif = values["cif_no"]
                if cif in seen_cifs:
                    raise _LineRefused(_problem(line.number, QT_TRANSLATE_NOOP(
                        "errors", "CIF number {cif} is also on line {other}"), cif=cif, other=seen_cifs[cif]))
                key = (values["id_type"], values["id_number_index"])
                if key in seen_ids:
                    raise _LineRefused(_problem(line.number, QT_TRANSLATE_NOOP(
                        "errors", "the same ID number is also on line {other}"), other=seen_ids[key]))
                owner = ids_taken.get(key)
                if owner is not None and owner != cif:
                    raise ValidationError(ID_TAKEN, field=ID_NUMBER)
            except ValidationError as error:
                problem = problem_from(line.number, error)
            except _LineRefused as refused:
                problem = refused.problem
            if problem is not None:
                bad += 1
                if keep_problems is None or len(result.problems) < keep_problems:
                    result.problems.append(problem)
                continue
            seen_cifs[cif] = line.number
            seen_ids[key] = line.number
            old = existing.get(cif)
            if old is None:
                inserts.append(values)
                numbers[cif] = clear
            else:
                optional_given = {k for k in _OPTIONAL if k in line.values}
                new = {k: values[k] for k in _COMPARED
                       if _SOURCE.get(k, k) not in _OPTIONAL or _SOURCE.get(k, k) in optional_given
                       or k in ("gender", "birthday")}
                changed = {k: v for k, v in new.items() if getattr(old, k) != v}
                if changed:
                    updates.append({**{k: getattr(old, k) for k in _COMPARED}, **changed, "b_id": old.id})
                    if "id_number_index" in changed or "phone_index" in changed:
                        numbers[cif] = (clear[0] if "id_number_index" in changed else None,
                                        clear[1] if "phone_index" in changed else None)
                else:
                    result.unchanged += 1
        if bad and not skip_bad:
            raise ImportRefused(result.problems, bad)
        result.rows_skipped = bad
        report(total)
        _write(session, inserts, updates, uow.now)
        _reseal(session, ring, numbers)
        result.inserted, result.updated = len(inserts), len(updates)
        if result.rows_changed or bad:
            uow.audit("customer.import", "customer_import", path.name, after={
                "file": path.name, "read": result.rows_read, "inserted": result.inserted,
                "updated": result.updated, "unchanged": result.unchanged, "skipped": bad})
    return result


_FAST_TEXT = ("email", "address", "postcode", "employer", "department", "title", "occupation", "notes")


def _same_as_stored(values: dict[str, str], old, by_code: dict[str, int], ring) -> bool:
    """True when a line repeats the stored record exactly as stored (the canonical forms, the
    numbers by their blind indexes), so cleaning it again could not change anything: what makes
    a repeated import fast."""
    if "__fields__" in values or values.get("gender", "").strip() or values.get("birthday", "").strip():
        return False
    id_number, phone = (values.get("id_number") or "").strip(), (values.get("phone") or "").strip()
    if (values.get("name") or "").strip() != old.name or id_number != id_number.upper() \
            or customer_indexes(ring, id_number, phone) != {"id_number_index": bytes(old.id_number_index),
                                                          "phone_index": bytes(old.phone_index) if old.phone_index else None} \
            or by_code.get((values.get("branch_code") or "").strip().upper()) != old.branch_id:
        return False
    try:
        if IdType.parse(values.get("id_type") or "").value != old.id_type:
            return False
    except ValidationError:
        return False
    return all((values[k] or "").strip() == getattr(old, k) for k in _FAST_TEXT if k in values)


class _LineRefused(Exception):
    def __init__(self, problem: LineProblem):
        self.problem = problem


def _width(data: bytes) -> int:
    first = data.split(b"\n", 1)[0]
    return first.count(b",") + 1


def _clean_line(values: dict[str, str], today: date) -> dict:
    """A line's values cleaned as the form's are: a column the extract lacks is empty."""
    def text(key: str) -> str:
        return values.get(key, "") or ""

    raw = CustomerInput(
        cif_no=text("cif_no"), name=text("name"), id_type=text("id_type"), id_number=text("id_number"),
        gender=text("gender"), birthday=text("birthday"), phone=text("phone"), email=text("email"),
        address=text("address"), postcode=text("postcode"), employer=text("employer"),
        department=text("department"), title=text("title"), occupation=text("occupation"), notes=text("notes"))
    return clean_input(raw, today=today)


def _write(session, inserts: list[dict], updates: list[dict], now) -> None:
    table = cast(Table, Customer.__table__)  # typed FromClause by DeclarativeBase
    try:
        for start in range(0, len(inserts), BATCH):
            chunk = [{**row, "active": True, "important_dates": "[]",
                      "relatives": "[]", "created_at": now, "updated_at": now, "version": 1,
                      "relationship_manager_id": None}
                     for row in inserts[start:start + BATCH]]
            insert_rows(session.connection(), table, chunk)
        if updates:
            stmt = (update(table).where(table.c.id == bindparam("b_id"))
                    .values(**{k: bindparam(k) for k in _COMPARED}, updated_at=now,
                            version=table.c.version + 1))
            for start in range(0, len(updates), BATCH):
                session.connection().execute(stmt, updates[start:start + BATCH])
    except IntegrityError as error:  # a CIF or ID held by a customer outside the actor's scope
        refusal = duplicate_refusal(error)
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "is already used by a customer outside your branch scope; nothing was imported"),
            field=refusal.field if refusal else CIF_NUMBER) from None


def _reseal(session, ring, numbers: dict[str, tuple[str | None, str | None]]) -> None:
    """Seal the imported customers' new or changed ID numbers and phones (app.crypto.sealing)."""
    cifs = list(numbers)
    for start in range(0, len(cifs), BATCH):
        ids = session.execute(select(Customer.cif_no, Customer.id).where(Customer.cif_no.in_(cifs[start:start + BATCH])))
        reseal_customers(session, ring, [(i, *numbers[cif]) for cif, i in ids])


# --------------------------------------------------------------------------- export

EXPORT_HEADER = (
    QT_TRANSLATE_NOOP("exports", "CIF number"),
    QT_TRANSLATE_NOOP("exports", "Name"),
    QT_TRANSLATE_NOOP("exports", "Branch code"),
    QT_TRANSLATE_NOOP("exports", "Tier"),
    QT_TRANSLATE_NOOP("exports", "ID number (masked)"),
    QT_TRANSLATE_NOOP("exports", "Phone (masked)"),
)


def export_customers(store: Store, actor: Actor, path: Path, *, say: Say | None = None,
                     progress: Progress | None = None) -> int:
    """Write the customers of the actor's subtree to ``path`` (EXPORT_CUSTOMERS), masked, as a CSV
    export (:func:`app.outfile.export_csv`); returns the number of customers written."""
    require(actor, Permission.EXPORT_CUSTOMERS)
    return export_csv(store, actor, path, header=EXPORT_HEADER, rows=_export_rows(store, actor),
                      action="customer.export", entity="customer_export", entity_id=Path(path).name, say=say,
                      progress=None if progress is None else lambda count: progress(count, 0),
                      codes={3: Codes("tiers", TIER_LABELS)})


def _export_rows(store: Store, actor: Actor):
    """The customers of the actor's subtree as export lines, masked."""
    with store.read() as session:
        branches = scope_branches(session, actor)
        policy = mask_policy(session)
        stmt = (select(Customer.cif_no, Customer.name, Customer.branch_id, Customer.tier,
                       Customer.id_masked, Customer.phone_masked)
                .where(Customer.branch_id.in_(list(branches))).order_by(Customer.id))
        for row in session.execute(stmt).yield_per(10_000):
            yield (row.cif_no, row.name, branches[row.branch_id][0], row.tier,
                   mask_id(row.id_masked, policy), mask_phone(row.phone_masked, policy))
