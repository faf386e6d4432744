"""Printing without a dialog where a branch expects it: ticket slips to the lobby's receipt
printer the moment a number is issued, documents to the PC's A4 printer in the number of copies
they state.

``targets`` (which printer and how it is reached, from the PC's settings), ``escpos`` (a slip
as ESC/POS commands for a thermal printer: GB18030 text, the printer's own QR code, the cut),
``spooler`` (a PDF to the system's print spooler, CUPS), ``copies`` (how many copies a document
says it is made in), ``failures`` (what a person reads when a printer does not answer). The
Windows spooler, which takes no PDF, is reached through Qt in :mod:`ui.printing`.
"""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "failures": ("PrinterFailed",),
    "slips": ("print_slip",),
})
