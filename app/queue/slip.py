"""The ticket slip: a small PDF, 80 mm wide, for the lobby's receipt printer. Branch, service,
number in large type, time, people ahead, and a QR code a counter scans to open the ticket.
Nothing about who holds it: the customer carries the slip round the lobby, so it shows no tier,
name or other wealth signal. "People ahead" is what the customer will really wait for: the
tickets the counters that may call this one will call first, in their calling order, whatever
their service (:func:`app.queue.tickets.people_ahead`).

Rendered with reportlab through the documents infrastructure (:mod:`app.documents`): the CJK
font shipped in ``resources/fonts`` embedded, so the slip looks the same everywhere and its text
can be extracted, and a QR code signed with the store's document key (kind ``T``), so that
``doc verify`` and the GUI's verify box tell a genuine slip from an altered one. The wording
comes from ``resources/templates/ticket_slip.json``, which a bank may edit.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

from app.business_day import wall_clock
from app.queue import views
from app.queue.common import branch_in_scope, policy_of
from app.actor import Actor
from app.store import Store

TEMPLATE_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "templates" / "ticket_slip.json"
WIDTH_MM = 80
HEIGHT_MM = 120
MARGIN_MM = 4      # left and right, on either paper


@dataclass(frozen=True)
class SlipContent:
    bank: str
    branch: str
    service: str
    number: str
    issued_local: str
    ahead: int
    payload: str


def slip_words() -> dict[str, str]:
    """The slip's wording, as the bank edited it."""
    return json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))


def slip_size_mm(width_mm: int = WIDTH_MM) -> tuple[float, float]:
    """The slip's page for paper ``width_mm`` wide: 80 × 120 mm, 58 mm paper in proportion."""
    return float(width_mm), HEIGHT_MM * width_mm / WIDTH_MM


def render_slip(content: SlipContent, width_mm: int = WIDTH_MM) -> bytes:
    """The slip as PDF bytes, for paper ``width_mm`` wide (80 or 58)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.documents.cjkwrap import word_split
    from app.documents.fonts import register_font
    from app.documents.pdf import draw_qr, qr_matrix, set_metadata

    words = slip_words()
    font = register_font()
    out = io.BytesIO()
    scale = width_mm / WIDTH_MM
    width, height = (side * mm for side in slip_size_mm(width_mm))
    pdf = canvas.Canvas(out, pagesize=(width, height), initialFontName=font, invariant=False)
    set_metadata(pdf, f"{content.number} {content.service}", content.bank)
    centre, room = width / 2, width - 2 * MARGIN_MM * mm
    y = height - 10 * mm * scale

    def line(text: str, size: float, gap: float, whole: bool = False) -> None:
        """``text`` centred in lines that fit between the margins, broken by the documents'
        rule on the font's own widths (its Latin letters are not half a Chinese character
        wide: "W" is nearly a whole one); ``whole`` text in smaller type rather than broken."""
        nonlocal y
        size, gap = size * scale, gap * scale
        if whole:
            size = min(size, size * room / max(stringWidth(text, font, size), 1))
        for _, part in word_split(text, [room], font, size):
            pdf.setFont(font, size)
            pdf.drawCentredString(centre, y, part)
            y -= gap * mm

    line(words["heading"].format(branch=content.branch), 11, 7)
    line(words["service"].format(service=content.service), 13, 8)
    line(words["number_caption"], 9, 14)
    line(content.number, 40, 10, whole=True)
    line(words["ahead"].format(ahead=content.ahead), 10, 5.5)
    line(words["issued"].format(time=content.issued_local), 9, 5)
    size = 28 * mm * scale
    draw_qr(pdf, qr_matrix(content.payload), centre - size / 2, y - size, size)
    y -= size + 4 * mm * scale
    line(words["scan"], 8, 4.5)
    line(words["footer"], 7, 4)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def slip_content(store: Store, actor: Actor, ticket_id: int) -> SlipContent:
    """What the slip of ``ticket_id`` shows, read now (people ahead as the queue stands)."""
    from app.documents.register import bank_name
    from app.queue.tickets import people_ahead
    from app.queue.common import ticket_in_scope, tier_codes
    from db.models import QueueService

    with store.read() as session:
        ticket = ticket_in_scope(session, actor, ticket_id, lock=False)
        branch = branch_in_scope(session, actor, ticket.branch_id)
        policy = policy_of(session, ticket.branch_id)
        service = session.get_one(QueueService, ticket.service_id)
        ahead = people_ahead(session, ticket, policy, tier_codes(session, ticket.business_date), store.clock())
        issued = wall_clock(ticket.issued_at, policy.time_zone)
        content = (bank_name(session), branch.name, service.name, ticket.number, issued.strftime("%Y-%m-%d %H:%M"), ahead)
        ticket_id, number = ticket.id, ticket.number
    return SlipContent(*content, views.slip_payload(store, actor, ticket_id, number))


def write_slip(store: Store, actor: Actor, ticket_id: int, path: str | Path) -> Path:
    """Render the slip of ``ticket_id`` into ``path``."""
    target = Path(path)
    target.write_bytes(render_slip(slip_content(store, actor, ticket_id)))
    return target


__all__ = ["SlipContent", "render_slip", "slip_content", "slip_size_mm", "slip_words", "write_slip"]
