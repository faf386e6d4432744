"""The document register: make a registered PDF, count its printings, reprint it as a copy,
attach a signed scan, list and describe what was made.

Making a document takes three short steps so that a long batch never holds the store's write
lock while it is laid out: read the templates and the branch's letterhead, render the PDF with
a fresh random document number in every QR code, then register it (kind, subject, template
versions, who, when, SHA-256 of the bytes, page count) in one write transaction with its audit
event. A document cancelled or failed before that last step was never registered, and its
number verifies as unknown.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.auth.permissions import Permission, require
from app.business_day import day_start
from app.documents import templates as tpl
from app.documents.pdf import Piece, PdfSpec, Table, render
from app.documents.qr import sign_registered, signing_key
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.documents.copies import copies_stated
from db.models import Branch, DocumentRecord
from app.actor import Actor
from app.store import Store

QR_KIND = "D"
DOCUMENT = QT_TRANSLATE_NOOP("fields", "Document")
SCAN = QT_TRANSLATE_NOOP("fields", "Scan")
MAX_SCAN_BYTES = 50 * 1024 * 1024

# What each register kind is called (English source, context "documents").
KIND_LABELS = {
    "agreement": QT_TRANSLATE_NOOP("documents", "Service agreement"),
    "letter_welcome": QT_TRANSLATE_NOOP("documents", "Welcome letter"),
    "letter_upgrade": QT_TRANSLATE_NOOP("documents", "Upgrade letter"),
    "letter_downgrade": QT_TRANSLATE_NOOP("documents", "Downgrade letter"),
    "letter_replacement": QT_TRANSLATE_NOOP("documents", "Replacement letter"),
    "letter_renewal": QT_TRANSLATE_NOOP("documents", "Renewal letter"),
    "letter_renewal_due": QT_TRANSLATE_NOOP("documents", "Renewal-due letter"),
    "letter_expired": QT_TRANSLATE_NOOP("documents", "Expiry letter"),
    "renewal_batch": QT_TRANSLATE_NOOP("documents", "Renewal-due letters (batch)"),
    "report_stock_reconciliation": QT_TRANSLATE_NOOP("documents", "Stock reconciliation"),
    "report_stock_count": QT_TRANSLATE_NOOP("documents", "Physical count"),
    "report_destruction": QT_TRANSLATE_NOOP("documents", "Destruction register"),
    "report_tier_worklist": QT_TRANSLATE_NOOP("documents", "Tier worklist"),
    "report_queue_day": QT_TRANSLATE_NOOP("documents", "Queue statistics"),
    "report_clerk_performance": QT_TRANSLATE_NOOP("documents", "Clerk performance"),
}
BATCH_KINDS = frozenset({"renewal_batch"})
# Kinds the register shows, reprints and counts only for holders of a further permission: a clerk
# performance report names every clerk's figures and ratings, which a clerk may not read (a
# clerk sees their own on the screen); on PostgreSQL the database hides them too (migration 0045).
KIND_PERMISSIONS = {"report_clerk_performance": Permission.VIEW_QUEUE_STATS}
# Kinds whose register entry is one person's paper (agreements, letters): a scan may be attached.
SIGNABLE = frozenset({"agreement"})


@dataclass(frozen=True)
class PieceData:
    """What one piece of a document says: its template's placeholders, and a report's tables
    (one for each ``[table]`` line of its template, in order)."""

    fields: Mapping[str, object]
    tables: Sequence[Table] = ()


@dataclass(frozen=True)
class Made:
    """A registered document and its bytes (hand them to preview, print or save)."""

    id: int
    number: str
    kind: str
    subject: str
    pdf: bytes
    sha256: str
    pages: int
    piece_pages: tuple[int, ...] = ()
    payloads: tuple[str, ...] = ()   # each piece's signed QR payload, in order
    copies: int = 1                  # the copies its text states (一式两份: 2), printed at once


@dataclass(frozen=True)
class DocumentRow:
    id: int
    number: str
    kind: str
    subject: str
    branch_code: str
    template_key: str
    template_version: int
    made_at: datetime
    made_by: str
    sha256: str
    pages: int
    items: int
    printed: int
    copy_of: str
    scan_sha256: str = ""
    scan_name: str = ""


@dataclass(frozen=True)
class RegisterFilter:
    kind: str | None = None
    text: str = ""
    made_from: date | None = None
    made_to: date | None = None
    copies: bool = True


def new_number() -> str:
    """A fresh document number: 10 base-32 characters (48 random bits)."""
    return base64.b32encode(secrets.token_bytes(6)).decode("ascii")[:10]


def payload_ident(number: str, index: int, count: int, batch: bool = False) -> str:
    """The QR ident of piece ``index`` of ``count``: the number, and ``-n`` inside a batch
    (a batch of letters numbers its letters even when it holds only one)."""
    return number if count == 1 and not batch else f"{number}-{index + 1}"


def chinese_date(day: date) -> str:
    """A date as formal Chinese letters write it: 2026年12月6日 (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


# ----------------------------------------------------------------------------- filling


def _one_line(value: object) -> str:
    return " ".join(str(value if value is not None else "").split())


def rights_for(rights: tpl.Template, card_type: str) -> list[str]:
    """The paragraphs under the heading ``= <card_type>`` of the tier-rights template."""
    found, inside = [], False
    for block in rights.blocks:
        if block.kind == "heading":
            inside = block.text.strip().lower() == card_type
        elif inside and block.kind == "para":
            found.append(block.text)
    return found


def fill(template: tpl.Template, fields: Mapping[str, object],
         multi: Mapping[str, Sequence[str]] | None = None) -> tuple[str, list[tpl.Block]]:
    """The template's title and blocks with every placeholder filled.

    ``fields`` values are put on one line each (so data can never add a heading or a table);
    a paragraph that is only ``{name}`` of a multi-paragraph field becomes one paragraph per
    item of ``multi[name]``. A required line (:data:`templates.REQUIRED_LINES`) whose
    placeholder the template leaves out is added before the signatures when its value is given
    (a document made before the line existed has none, and its reprint adds none)."""
    values = {k: _one_line(v) for k, v in fields.items()}
    multi = multi or {}
    for name in tpl.MULTI_PARAGRAPH:
        if name in multi:
            values.setdefault(name, "；".join(multi[name]))
    missing = template.fields_used() - set(values)
    if missing:
        raise KeyError(f"template {template.key} needs {sorted(missing)}")
    blocks: list[tpl.Block] = []
    for block in template.blocks:
        stripped = block.text.strip()
        if block.kind == "para" and stripped[1:-1] in multi and stripped == "{" + stripped[1:-1] + "}":
            blocks.extend(tpl.Block("para", f"{i}. {item}") for i, item in enumerate(multi[stripped[1:-1]], 1))
        elif block.text:
            blocks.append(tpl.Block(block.kind, block.text.format_map(values), block.parties))
        else:
            blocks.append(tpl.Block(block.kind, "", tuple(p.format_map(values) for p in block.parties)))
    required = tpl.REQUIRED_LINES.get(template.key)
    if required and required[0] in values and required[0] not in template.fields_used():
        at = next((i for i, b in enumerate(blocks) if b.kind == "signatures"), len(blocks))
        blocks.insert(at, tpl.Block("para", required[1].format_map(values)))
    return template.title.format_map(values), blocks


def _branch_fields(branch: Branch) -> dict[str, str]:
    return {"branch_name": branch.name, "branch_code": branch.code, "branch_address": branch.address or "",
            "branch_phone": branch.phone or ""}


def _letterhead(template: tpl.Template, branch_fields: Mapping[str, str]) -> list[str]:
    _, blocks = fill(template, branch_fields)
    return [b.text for b in blocks if b.text]


def bank_name(session) -> str:
    """The bank, as the first line of its letterhead names it (a PDF's author)."""
    lines = _letterhead(tpl.current(session, "letterhead"), dict.fromkeys(
        ("branch_name", "branch_code", "branch_address", "branch_phone"), ""))
    return lines[0] if lines else ""


# ----------------------------------------------------------------------------- making


@dataclass
class _Prepared:
    templates: dict[str, tpl.Template] = field(default_factory=dict)
    branch_fields: dict[str, str] = field(default_factory=dict)


def _prepare(store: Store, template_key: str, branch_id: int,
             versions: Mapping[str, int] | None = None) -> _Prepared:
    prepared = _Prepared()
    with store.read() as session:
        branch = session.get(Branch, branch_id)
        if branch is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such branch."))
        prepared.branch_fields = _branch_fields(branch)
        keys = (template_key, "letterhead", "tier_rights")
        if versions:
            for key in keys:
                prepared.templates[key] = tpl.version_of(session, key, versions[key]) if key in versions \
                    else tpl.current(session, key)
        else:
            prepared.templates = tpl.current_many(session, keys)
    return prepared


def make_document(store: Store, actor: Actor, *, kind: str, template_key: str, subject: str, branch_id: int,
                  pieces: Sequence[PieceData], subject_ref: str = "", batch: bool = False,
                  progress: Callable[[int, int], bool] | None = None,
                  registered: Callable[[object, int], None] | None = None,
                  deliver: Callable[[bytes], AbstractContextManager] | None = None,
                  _copy_of: DocumentRecord | None = None,
                  _versions: Mapping[str, int] | None = None,
                  _letterhead_fields: Mapping[str, str] | None = None,
                  _made_on: str | None = None) -> Made:
    """Render ``pieces`` with ``template_key`` on the branch's letterhead and register the PDF.

    The caller has checked the permission for the subject (stock, tiers, cards); this checks
    that there is something to print. Each piece gets its own QR code and page numbering;
    ``batch``: the pieces are separate letters, each QR names its place in the batch.
    ``registered(uow, document_id)`` runs in the transaction that registers the document (a
    batch of letters marks its cards' paperwork printed with it). ``deliver(pdf)`` puts the
    PDF where it goes in that same transaction (:func:`app.outfile.published`): a batch is
    registered, and its cards marked printed, only with its file written, and the file stays
    only when the registration commits. The document is registered
    before it is rendered, in the one transaction that signs its QR codes (on PostgreSQL the
    server signs only what it registers); a cancelled rendering leaves nothing."""
    if not pieces:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is nothing to print."), field=DOCUMENT)
    prepared = _prepare(store, template_key, branch_id, _versions)
    template = prepared.templates[template_key]
    rights = prepared.templates["tier_rights"]
    letterhead_fields = dict(_letterhead_fields or prepared.branch_fields)
    number = new_number()
    made_on = _made_on or store.today().isoformat()
    # letters and agreements are dated the formal way (2026年12月6日); the footer keeps ISO
    common = {"document_number": number, "made_on": chinese_date(date.fromisoformat(made_on)), **letterhead_fields}
    idents = [payload_ident(number, index, len(pieces), batch) for index in range(len(pieces))]
    content = {
        "pieces": [{"fields": dict(p.fields), "tables": [_table_json(t) for t in p.tables]} for p in pieces],
        "letterhead": letterhead_fields, "made_on": made_on,
        "templates": {k: t.version for k, t in prepared.templates.items()},
    }
    key = signing_key(store, actor)
    # registered first: the store signs what it registers
    with ExitStack() as delivered, store.write(actor, keyed=True) as uow:
        tpl.keep_snapshots(uow, prepared.templates.values())
        row = DocumentRecord(
            number=number, kind=kind, subject=subject[:200], subject_ref=subject_ref[:64], branch_id=branch_id,
            template_key=template_key, template_version=template.version, made_at=uow.now,
            made_by=actor.account_id, made_by_name=actor.username, sha256="", pages=0,
            items=len(pieces), printed=0, copy_of=_copy_of.id if _copy_of is not None else None,
            content=json.dumps(content, ensure_ascii=False, sort_keys=True))
        uow.session.add(row)
        uow.session.flush()
        payloads = sign_registered(uow.session, key, QR_KIND, row.id, idents, batch)
        rendered_pieces = []
        for index, piece in enumerate(pieces):
            multi = {}
            if "tier_rights" in template.fields_used():
                multi["tier_rights"] = rights_for(rights, str(piece.fields.get("card_type", "")))
            title, blocks = fill(template, {**common, **piece.fields}, multi)
            rendered_pieces.append(Piece(title, blocks, payloads[index], piece.tables))
        spec = PdfSpec(_letterhead(prepared.templates["letterhead"], letterhead_fields), rendered_pieces, number,
                       made_on, copy_of=_copy_of.number if _copy_of is not None else "")
        result = render(spec, progress)
        sha = hashlib.sha256(result.data).hexdigest()
        row.sha256, row.pages = sha, result.pages
        uow.session.flush()
        uow.audit("documents.reprint" if _copy_of is not None else "documents.make", "document", row.id,
                  branch_id=branch_id, after={
                      "number": number, "kind": kind, "subject": row.subject, "sha256": sha,
                      "pages": result.pages, "template": f"{template_key}:{template.version}",
                      "copy_of": _copy_of.number if _copy_of is not None else None})
        if registered is not None:
            registered(uow, row.id)
        if deliver is not None:
            delivered.enter_context(deliver(result.data))
        stated = copies_stated(" ".join(block.text for block in rendered_pieces[0].blocks))
        return Made(row.id, number, kind, row.subject, result.data, sha, result.pages, result.piece_pages,
                    tuple(payloads), stated)


def _table_json(table: Table) -> dict:
    return {"columns": list(table.columns), "rows": [list(r) for r in table.rows], "widths": list(table.widths)}


def _tables_from(piece: dict) -> tuple[Table, ...]:
    """A stored piece's tables (documents made before reports had several kept one ``table``)."""
    stored = piece.get("tables")
    if stored is None:
        stored = [piece["table"]] if piece.get("table") else []
    return tuple(Table(t["columns"], t["rows"], t.get("widths") or ()) for t in stored)


# ----------------------------------------------------------------------------- the register


def _hidden_kinds(actor: Actor) -> list[str]:
    """The register kinds ``actor`` may not see (:data:`KIND_PERMISSIONS`)."""
    return [kind for kind, permission in KIND_PERMISSIONS.items() if not actor.may(permission)]


def _scope(query, actor: Actor):
    if actor.branch_path != "/":
        query = query.where(Branch.path.startswith(actor.branch_path))
    hidden = _hidden_kinds(actor)
    return query.where(DocumentRecord.kind.not_in(hidden)) if hidden else query


def _document(session, actor: Actor, document_id: int) -> DocumentRecord:
    row = session.get(DocumentRecord, document_id)
    if row is not None and row.kind not in _hidden_kinds(actor):
        path = session.scalar(select(Branch.path).where(Branch.id == row.branch_id))
        if path is not None and actor.sees(path):
            return row
    raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such document in your branches."))


def reprint(store: Store, actor: Actor, document_id: int) -> Made:
    """A copy of a registered document: the same words from the same template versions and
    data, marked 副本 on every page, registered as a copy with its own number and hash."""
    require(actor, Permission.VIEW_DOCUMENTS)
    with store.read() as session:
        original = _document(session, actor, document_id)
        if original.copy_of is not None:
            original = _document(session, actor, original.copy_of)
        session.expunge(original)
    content = json.loads(original.content)
    pieces = [PieceData(p["fields"], _tables_from(p)) for p in content["pieces"]]
    return make_document(store, actor, kind=original.kind, template_key=original.template_key,
                         subject=original.subject, branch_id=original.branch_id, pieces=pieces,
                         subject_ref=original.subject_ref, batch=original.kind in BATCH_KINDS, _copy_of=original,
                         _versions=content.get("templates"), _letterhead_fields=content.get("letterhead"),
                         _made_on=content.get("made_on"))


def record_print(store: Store, actor: Actor, document_id: int, copies: int = 1, *,
                 then: Callable[[object], None] | None = None) -> int:
    """Count ``copies`` printings of a document; returns how often it has been printed.
    ``then(uow)`` runs in the same transaction (a card's paperwork marked printed with it)."""
    require(actor, Permission.VIEW_DOCUMENTS)
    with store.write(actor) as uow:
        row = _document(uow.session, actor, document_id)
        row.printed += copies
        uow.audit("documents.print", "document", row.id, branch_id=row.branch_id,
                  before={"printed": row.printed - copies}, after={"printed": row.printed})
        if then is not None:
            then(uow)
        return row.printed


_SCAN_MAGIC = ((b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"),
               (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))


def attach_scan(store: Store, actor: Actor, document_id: int, path: Path) -> str:
    """Record the SHA-256 of a signed copy's scan (PDF, PNG, JPEG or TIFF) on an agreement."""
    require(actor, Permission.VIEW_DOCUMENTS)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "cannot be read: {reason}"), field=SCAN,
                              reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_SCAN_BYTES or not any(data.startswith(m) for m, _ in _SCAN_MAGIC):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "must be a PDF or an image (PNG, JPEG, TIFF) of at most 50 MB"), field=SCAN)
    sha = hashlib.sha256(data).hexdigest()
    with store.write(actor) as uow:
        row = _document(uow.session, actor, document_id)
        if row.kind not in SIGNABLE:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "a signed scan belongs to an agreement, not to this document"), field=SCAN)
        before = {"scan_sha256": row.scan_sha256, "scan_name": row.scan_name}
        row.scan_sha256, row.scan_name, row.scan_attached_at = sha, Path(path).name[:255], uow.now
        uow.audit("documents.scan.attach", "document", row.id, branch_id=row.branch_id, before=before,
                  after={"scan_sha256": sha, "scan_name": row.scan_name})
    return sha


def _rows_query(actor: Actor, register_filter: RegisterFilter):
    original = DocumentRecord.__table__.alias("original")
    query = (select(DocumentRecord, Branch.code, original.c.number)
             .join(Branch, Branch.id == DocumentRecord.branch_id)
             .outerjoin(original, original.c.id == DocumentRecord.copy_of))
    query = _scope(query, actor)
    f = register_filter
    if f.kind:
        query = query.where(DocumentRecord.kind == f.kind)
    if f.text.strip():
        needle = f.text.strip()
        query = query.where(DocumentRecord.subject.contains(needle, autoescape=True)
                            | (DocumentRecord.number == needle.upper()))
    if f.made_from:
        query = query.where(DocumentRecord.made_at >= day_start(f.made_from))
    if f.made_to:
        query = query.where(DocumentRecord.made_at < day_start(f.made_to + timedelta(days=1)))
    if not f.copies:
        query = query.where(DocumentRecord.copy_of.is_(None))
    return query


def _row(doc: DocumentRecord, code: str, original: str | None) -> DocumentRow:
    return DocumentRow(doc.id, doc.number, doc.kind, doc.subject, code, doc.template_key, doc.template_version,
                       doc.made_at, doc.made_by_name, doc.sha256, doc.pages, doc.items, doc.printed,
                       original or "", doc.scan_sha256, doc.scan_name)


def register_page(store: Store, actor: Actor, register_filter: RegisterFilter = RegisterFilter(), *,
                  before_id: int | None = None, limit: int = 200) -> list[DocumentRow]:
    """One page of the register, newest first (keyset: pass the last row's id as ``before_id``)."""
    require(actor, Permission.VIEW_DOCUMENTS)
    query = _rows_query(actor, register_filter)
    if before_id is not None:
        query = query.where(DocumentRecord.id < before_id)
    query = query.order_by(DocumentRecord.id.desc()).limit(limit)
    with store.read() as session:
        return [_row(doc, code, original) for doc, code, original in session.execute(query)]


def document_row(store: Store, actor: Actor, document_id: int) -> DocumentRow:
    require(actor, Permission.VIEW_DOCUMENTS)
    with store.read() as session:
        query = _rows_query(actor, RegisterFilter()).where(DocumentRecord.id == document_id)
        found = session.execute(query).first()
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no such document in your branches."))
        return _row(*found)


def documents_for(store: Store, actor: Actor, subject_ref: str) -> list[DocumentRow]:
    """Every document made for one subject (e.g. ``card:17``), newest first."""
    require(actor, Permission.VIEW_DOCUMENTS)
    with store.read() as session:
        query = _rows_query(actor, RegisterFilter()).where(DocumentRecord.subject_ref == subject_ref)
        return [_row(*r) for r in session.execute(query.order_by(DocumentRecord.id.desc()))]


@dataclass(frozen=True)
class Described:
    """What a genuine code stands for: ``kind`` (a register kind, or the capability's own word),
    ``subject`` one line, and for a registered document its register facts."""

    kind: str
    subject: str
    number: str = ""
    branch_code: str = ""
    made_at: datetime | None = None
    made_by: str = ""
    item: int = 0
    items: int = 1
    copy: bool = False
    template: str = ""
    sha256: str = ""


def describe(session, ident: str) -> Described | None:
    """What a document code with a genuine signature stands for, or None if it is not registered
    (rendered but cancelled before registering, or from a store that lost it)."""
    number, _, part = ident.partition("-")
    row = session.scalars(select(DocumentRecord).where(DocumentRecord.number == number)).first()
    if row is None:
        return None
    item = 0
    subject = row.subject
    if part:
        if not part.isdigit() or not 1 <= int(part) <= row.items:
            return None
        item = int(part)
        pieces = json.loads(row.content).get("pieces", [])
        if item <= len(pieces):
            name = pieces[item - 1]["fields"].get("customer_name", "")
            card = pieces[item - 1]["fields"].get("card_masked", "")
            subject = " ".join(x for x in (name, card) if x) or subject
    code = session.scalar(select(Branch.code).where(Branch.id == row.branch_id)) or ""
    return Described(row.kind, subject, row.number, code, row.made_at, row.made_by_name, item, row.items,
                     row.copy_of is not None, f"{row.template_key} v{row.template_version}", row.sha256)
