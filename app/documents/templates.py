"""Document templates: the wording of every document, with placeholders, editable and versioned.

A template is plain UTF-8 text. Lines before ``---`` are its header (``version: N``,
``title: ...``; lines starting with ``#`` are notes for the editor and never printed). The body
after ``---`` is read line by line:

- a blank line ends a paragraph; lines in a row form one paragraph, each on its own line;
- ``= text``  a heading (an article title);
- ``> text``  a line set to the right (a letter's sender and date);
- ``[table: A | B | ...]`` where a report's table goes, with its column titles (as many as
  the report has columns); a report with several tables has one such line for each, in order;
- ``[signatures: A | B]`` signature and date blocks for the parties A and B.

``{name}`` is a placeholder, filled from the document's data; ``{{`` and ``}}`` print braces.
Each template key allows its own placeholders (:data:`FIELDS`); a template naming another one
is refused when saved, naming it. Shipped templates live in ``resources/templates/KEY.txt``;
an administrator's edit is stored as a new version in the store and is used from then on.
Every document records the template version it used, and a snapshot of a shipped version is
stored the first time it is used, so a reprint finds the same wording after an upgrade.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.auth.permissions import Permission, require
from app.documents.fonts import resources_dir
from app.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from db.models import DocumentTemplate
from app.actor import Actor
from app.store import Store

TEMPLATE = QT_TRANSLATE_NOOP("fields", "Template")
MAX_TEMPLATE_CHARS = 20_000

_BRANCH = ("branch_name", "branch_code", "branch_address", "branch_phone")
_COMMON = ("document_number", "made_on") + _BRANCH
_CUSTOMER = ("customer_name", "salutation", "customer_address", "customer_postcode")
_CARD = ("card_type_name", "card_masked", "tier_name", "valid_from", "valid_until")

# Placeholders each template may use. ``tier_rights`` expands to one paragraph per right.
FIELDS: dict[str, frozenset[str]] = {
    "letterhead": frozenset(_BRANCH),
    "tier_rights": frozenset(),
    "agreement": frozenset(_COMMON + _CUSTOMER + _CARD + ("id_type_name", "id_masked", "tier_rights",
                                                          "application_kind")),
    "letter_welcome": frozenset(_COMMON + _CUSTOMER + _CARD + ("tier_rights",)),
    "letter_upgrade": frozenset(_COMMON + _CUSTOMER + _CARD + ("previous_card_type_name", "tier_rights")),
    "letter_downgrade": frozenset(_COMMON + _CUSTOMER + _CARD + ("previous_card_type_name", "tier_rights")),
    "letter_replacement": frozenset(_COMMON + _CUSTOMER + _CARD + ("previous_card_masked", "replacement_reason")),
    "letter_renewal": frozenset(_COMMON + _CUSTOMER + _CARD + ("tier_rights",)),
    "letter_renewal_due": frozenset(_COMMON + _CUSTOMER + _CARD),
    "letter_expired": frozenset(_COMMON + _CUSTOMER + _CARD),
    "report_stock_reconciliation": frozenset(_COMMON + ("business_date", "line_count", "difference_count",
                                                        "signed_count", "audit_anchor")),
    "report_stock_count": frozenset(_COMMON + ("count_from", "count_to", "count_total", "disagree_count")),
    "report_destruction": frozenset(_COMMON + ("period_from", "period_to", "destroyed_total")),
    "report_tier_worklist": frozenset(_COMMON + ("worklist_name", "as_of", "evaluation_number",
                                                 "entry_count")),
    "report_queue_day": frozenset(_COMMON + ("period", "ticket_total", "served_total", "no_show_total",
                                             "avg_wait", "p90_wait", "avg_service", "p90_service",
                                             "longest_wait")),
    "report_clerk_performance": frozenset(_COMMON + ("period", "grain_name", "served_total", "finished_total",
                                                     "very_satisfied", "satisfied", "fair", "dissatisfied",
                                                     "unrated_total", "satisfied_share", "unrated_share")),
}
MULTI_PARAGRAPH = frozenset({"tier_rights"})
# A line a document prints even when an edited template leaves its placeholder out (placed
# before the signatures): the audit anchor is what the reconciliation's paper is kept for.
REQUIRED_LINES = {"report_stock_reconciliation": ("audit_anchor", "审计锚点：{audit_anchor}")}
# How many columns each of a report's tables has, in order (its ``[table: ...]`` lines name them).
TABLE_COLUMNS = {"report_stock_reconciliation": (12,), "report_stock_count": (9,), "report_destruction": (8,),
                 "report_tier_worklist": (8,), "report_queue_day": (9, 9, 10),
                 "report_clerk_performance": (13, 13)}
TEMPLATE_KEYS = tuple(FIELDS)

# What the template editor and the register call each template (English source, "documents").
TEMPLATE_LABELS = {
    "letterhead": QT_TRANSLATE_NOOP("documents", "Letterhead"),
    "tier_rights": QT_TRANSLATE_NOOP("documents", "Rights of each card type"),
    "agreement": QT_TRANSLATE_NOOP("documents", "Service agreement"),
    "letter_welcome": QT_TRANSLATE_NOOP("documents", "Welcome letter"),
    "letter_upgrade": QT_TRANSLATE_NOOP("documents", "Upgrade letter"),
    "letter_downgrade": QT_TRANSLATE_NOOP("documents", "Downgrade letter"),
    "letter_replacement": QT_TRANSLATE_NOOP("documents", "Replacement letter"),
    "letter_renewal": QT_TRANSLATE_NOOP("documents", "Renewal letter"),
    "letter_renewal_due": QT_TRANSLATE_NOOP("documents", "Renewal-due letter"),
    "letter_expired": QT_TRANSLATE_NOOP("documents", "Expiry letter"),
    "report_stock_reconciliation": QT_TRANSLATE_NOOP("documents", "Stock reconciliation"),
    "report_stock_count": QT_TRANSLATE_NOOP("documents", "Physical count"),
    "report_destruction": QT_TRANSLATE_NOOP("documents", "Destruction register"),
    "report_tier_worklist": QT_TRANSLATE_NOOP("documents", "Tier worklist"),
    "report_queue_day": QT_TRANSLATE_NOOP("documents", "Queue statistics"),
    "report_clerk_performance": QT_TRANSLATE_NOOP("documents", "Clerk performance"),
}

_HEADER = re.compile(r"^(version|title)\s*:\s*(.*)$")
_DIRECTIVE = re.compile(r"^\[(table|signatures)\s*(?::\s*(.*))?\]$")


@dataclass(frozen=True)
class Block:
    """One piece of a template body: ``kind`` is para, heading, right, table or signatures."""

    kind: str
    text: str = ""
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    key: str
    version: int
    title: str
    blocks: tuple[Block, ...]
    body: str
    source: str = "shipped"
    used: frozenset[str] = frozenset()

    def fields_used(self) -> set[str]:
        """The placeholders the printed text uses (notes after ``#`` are not printed)."""
        return set(self.used)


def shipped_dir() -> Path:
    return resources_dir() / "templates"


def placeholders(text: str) -> set[str]:
    """Every placeholder name in ``text`` (ValidationError on unbalanced braces)."""
    names: set[str] = set()
    try:
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is None:
                continue
            if not name.isidentifier() or spec or conversion:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "“{{{name}}}” is not a placeholder (write a name between braces, "
                              "or {{{{ and }}}} for a brace)"), field=TEMPLATE, name=name)
            names.add(name)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "has a brace that is not closed (write {{{{ and }}}} for a brace)"),
            field=TEMPLATE) from None
    return names


def parse(key: str, text: str, *, source: str = "shipped") -> Template:
    """Read and check a template: header, body blocks, and only the placeholders ``key`` allows."""
    if key not in FIELDS:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no template called {key}."), key=key)
    if len(text) > MAX_TEMPLATE_CHARS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is longer than {limit} characters"),
                              field=TEMPLATE, limit=MAX_TEMPLATE_CHARS)
    head, sep, body = text.replace("\r\n", "\n").partition("\n---\n")
    if not sep:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "needs a header (version: and title:) and a line with --- before the text"),
            field=TEMPLATE)
    values: dict[str, str] = {}
    for line in head.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _HEADER.match(line)
        if not match:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "header line “{line}” is not version: or title:"), field=TEMPLATE, line=line)
        values[match.group(1)] = match.group(2).strip()
    try:
        version = int(values.get("version", ""))
    except ValueError:
        version = 0
    if version < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "needs a version: line with a number from 1"),
                              field=TEMPLATE)
    printed = "\n".join(line for line in body.splitlines() if not line.strip().startswith("#"))
    used = placeholders(values.get("title", "") + "\n" + printed)
    unknown = sorted(used - FIELDS[key])
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "uses the unknown placeholder {{{name}}}; this template may use: {allowed}"),
            field=TEMPLATE, name=unknown[0], allowed=", ".join(sorted(FIELDS[key])) or "-")
    blocks = tuple(_blocks(body))
    columns = TABLE_COLUMNS.get(key)
    tables = [len(b.parties) for b in blocks if b.kind == "table"]
    if columns is not None and tables != list(columns):
        if len(columns) == 1:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "needs one [table: ...] line naming its {count} columns, separated by |"),
                field=TEMPLATE, count=columns[0])
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "needs {tables} [table: ...] lines, in order naming {counts} columns, separated by |"),
            field=TEMPLATE, tables=len(columns), counts=" / ".join(map(str, columns)))
    if columns is None and tables:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "this document has no table; remove the [table] line"),
                              field=TEMPLATE)
    return Template(key, version, values.get("title", ""), blocks, text, source, frozenset(used))


def _blocks(body: str) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", "\n".join(para)))
            para.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            flush()
            continue
        directive = _DIRECTIVE.match(line)
        if directive:
            flush()
            parties = tuple(p.strip() for p in (directive.group(2) or "").split("|") if p.strip())
            blocks.append(Block(directive.group(1), parties=parties))
        elif line.startswith("= "):
            flush()
            blocks.append(Block("heading", line[2:].strip()))
        elif line.startswith("> "):
            flush()
            blocks.append(Block("right", line[2:].strip()))
        else:
            para.append(line)
    flush()
    return blocks


_shipped_cache: dict[str, tuple[float, Template]] = {}


def shipped(key: str) -> Template:
    """The template file shipped in ``resources/templates`` (NotFound when it is missing);
    parsed once per process and again when the file changes."""
    path = shipped_dir() / f"{key}.txt"
    try:
        stamp = path.stat().st_mtime
        cached = _shipped_cache.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "The template file {path} is missing."),
                       path=str(path)) from None
    template = parse(key, text)
    _shipped_cache[key] = (stamp, template)
    return template


def _stored(session, key: str, version: int | None = None) -> DocumentTemplate | None:
    query = select(DocumentTemplate).where(DocumentTemplate.key == key)
    if version is None:
        query = query.where(DocumentTemplate.source == "edited").order_by(DocumentTemplate.version.desc())
    else:
        query = query.where(DocumentTemplate.version == version)
    return session.scalars(query.limit(1)).first()


def current(session, key: str) -> Template:
    """The template in use: the latest edited version in the store, else the shipped file."""
    row = _stored(session, key)
    if row is not None:
        return parse(key, row.body, source="edited")
    return shipped(key)


def current_many(session, keys) -> dict[str, Template]:
    """:func:`current` for several keys with one query (a document needs three)."""
    keys = list(keys)
    newest: dict[str, DocumentTemplate] = {}
    for row in session.scalars(select(DocumentTemplate).where(
            DocumentTemplate.key.in_(keys), DocumentTemplate.source == "edited")
            .order_by(DocumentTemplate.version.desc())):
        newest.setdefault(row.key, row)
    return {key: parse(key, newest[key].body, source="edited") if key in newest else shipped(key)
            for key in keys}


def version_of(session, key: str, version: int) -> Template:
    """The exact version a document was made with (stored, or the shipped file if it is that one)."""
    row = _stored(session, key, version)
    if row is not None:
        return parse(key, row.body, source=row.source)
    template = shipped(key)
    if template.version != version:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Version {version} of template {key} is not kept."),
                       key=key, version=version)
    return template


def keep_snapshots(uow, used) -> None:
    """Store each shipped version the first time a document uses it (reprints need its words),
    with one query to see which are kept already."""
    from sqlalchemy import tuple_
    from sqlalchemy.exc import IntegrityError

    shipped_ones = [t for t in used if t.source == "shipped"]
    if not shipped_ones:
        return
    kept = set(uow.session.execute(select(DocumentTemplate.key, DocumentTemplate.version).where(
        tuple_(DocumentTemplate.key, DocumentTemplate.version).in_([(t.key, t.version) for t in shipped_ones]))))
    for template in shipped_ones:
        if (template.key, template.version) in kept:
            continue
        try:
            with uow.session.begin_nested():
                uow.session.add(DocumentTemplate(
                    key=template.key, version=template.version, source="shipped", body=template.body,
                    created_at=uow.now, created_by=uow.actor.username))
        except IntegrityError:
            pass  # another counter stored the same snapshot a moment ago


def save_template(store: Store, actor: Actor, key: str, text: str) -> Template:
    """An administrator's new wording for ``key``: checked (unknown placeholders refused, named),
    stored as the next version, and used for documents from now on."""
    require(actor, Permission.EDIT_TEMPLATES)
    text = text.replace("\r\n", "\n")
    parse(key, text)  # refuse before anything is written
    with store.write(actor) as uow:
        newest = uow.session.scalar(select(func.max(DocumentTemplate.version))
                                    .where(DocumentTemplate.key == key)) or 0
        version = max(newest, shipped(key).version) + 1
        text = _with_version(text, version)
        template = parse(key, text, source="edited")
        row = DocumentTemplate(key=key, version=version, source="edited", body=text,
                               created_at=uow.now, created_by=actor.username)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("documents.template.save", "document_template", f"{key}:{version}",
                  after={"key": key, "version": version, "title": template.title})
        return template


def _with_version(text: str, version: int) -> str:
    head, _, body = text.partition("\n---\n")
    lines = [line for line in head.splitlines() if not line.strip().startswith("version")]
    return "\n".join([f"version: {version}", *lines]) + "\n---\n" + body


@dataclass(frozen=True)
class TemplateRow:
    key: str
    version: int
    source: str
    title: str


def list_templates(store: Store, actor: Actor) -> list[TemplateRow]:
    """Every template key with the version in use and where it comes from."""
    require(actor, Permission.EDIT_TEMPLATES)
    with store.read() as session:
        rows = []
        for key in TEMPLATE_KEYS:
            template = current(session, key)
            rows.append(TemplateRow(key, template.version, template.source, template.title))
        return rows


def template_text(store: Store, actor: Actor, key: str) -> str:
    """The text of the version in use, for the editor."""
    require(actor, Permission.EDIT_TEMPLATES)
    with store.read() as session:
        return current(session, key).body
