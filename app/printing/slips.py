"""A ticket's slip on this PC's slip printer, the moment the number is issued or again on
request: through the system spooler as the 80 (or 58) mm PDF, or as ESC/POS commands straight to
a thermal printer. A printer that is off, missing or out of paper raises PrinterFailed: the
ticket is issued all the same and its slip can be printed again."""

from __future__ import annotations

from collections.abc import Callable

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.pcsettings.fields import LABELS, PcSettings
from app.printing import escpos, spooler
from app.printing.targets import SYSTEM, slip_target
from app.queue.slip import render_slip, slip_content, slip_size_mm, slip_words
from app.actor import Actor
from app.store import Store


def print_slip(store: Store, actor: Actor, ticket_id: int, settings: PcSettings, spool: Callable | None = None) -> str:
    """Print ticket ``ticket_id``'s slip on the slip printer ``settings`` name; returns the
    printer as messages name it. ``spool(data, printer, copies=, title=, page_mm=)`` sends a PDF
    to the system spooler (default: CUPS, :func:`app.printing.spooler.spool_pdf`)."""
    target = slip_target(settings)
    if target is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not set on this PC: choose it in this PC's settings"),
                              field=LABELS["slip_printer"])
    content = slip_content(store, actor, ticket_id)
    if target.kind == SYSTEM:
        (spool or spooler.spool_pdf)(render_slip(content, target.width_mm), target.name, copies=1,
                                     title=f"{content.number} {content.service}",
                                     page_mm=slip_size_mm(target.width_mm))
    else:
        escpos.print_slip(target, content, slip_words())
    return target.label
