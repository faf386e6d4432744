"""Printing a PDF with no dialog on a named printer of the system: through CUPS where this PC
has it (:mod:`app.printing.spooler`, the PDF itself to the queue), else (Windows) through
QPrinter, each page rendered by QtPdf at the printer's resolution on a page of the PDF's size.
Both take the copies and the page size from the caller and fail with PrinterFailed naming the
printer, so a slip or an agreement can be printed again once the printer is back."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.printing.failures import printer_failed
from app.printing.spooler import has_cups, spool_pdf


def spool(data: bytes, printer: str, *, copies: int, title: str, page_mm: tuple[float, float]) -> str:
    """Print ``data`` on ``printer``, ``copies`` collated copies, on paper ``page_mm``."""
    if has_cups():
        return spool_pdf(data, printer, copies=copies, title=title, page_mm=page_mm)
    return paint_on_printer(data, printer, copies=copies, title=title, page_mm=page_mm)


def paint_on_printer(data: bytes, printer: str, *, copies: int, title: str, page_mm: tuple[float, float],
                     output_file: str = "") -> str:
    """The Windows spooler's path (and, with ``output_file``, the same painting into a PDF
    file, which is how the tests see it on Linux)."""
    from ui.documents.printing import load_pdf, paint_pages

    device = QPrinter(QPrinter.PrinterMode.HighResolution)
    if output_file:
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(output_file)
    else:
        if printer not in QPrinterInfo.availablePrinterNames():
            raise printer_failed(printer, "not installed on this PC")
        device.setPrinterName(printer)
    device.setDocName(title)
    device.setCopyCount(max(1, copies))
    device.setCollateCopies(True)
    device.setFullPage(True)
    device.setPageSize(QPageSize(QSizeF(*page_mm), QPageSize.Unit.Millimeter, title,
                                 QPageSize.SizeMatchPolicy.ExactMatch))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    document, buffer = load_pdf(data)
    try:
        paint_pages(document, device)
    except OSError as error:
        raise printer_failed(printer or output_file, str(error)) from None
    finally:
        document.close()
        buffer.close()
    return ""
