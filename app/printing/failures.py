"""What a person reads when a printer does not take a job: which printer, what it said, what to
do. Nothing is lost by a failed print: the ticket or document stays in the store and is
printed again from the screen once the printer is back."""

from __future__ import annotations

from app.errors import QT_TRANSLATE_NOOP, UserError

PRINTER = QT_TRANSLATE_NOOP("fields", "Printer")


class PrinterFailed(UserError):
    """A printer is off, missing, out of paper or refused the job."""


def printer_failed(printer: str, reason: str) -> PrinterFailed:
    return PrinterFailed(QT_TRANSLATE_NOOP(
        "errors", "{printer} did not print ({reason}). Check that it is switched on, connected and has "
                  "paper, then print again."), field=PRINTER, printer=printer, reason=reason.strip() or "?")


def out_of_paper(printer: str) -> PrinterFailed:
    return PrinterFailed(QT_TRANSLATE_NOOP("errors", "{printer} is out of paper: load a new roll, then print again."),
                         field=PRINTER, printer=printer)
