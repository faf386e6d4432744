"""Printing a document on A4, behind one small object tests replace.

:class:`Printing` prints straight to this PC's A4 printer (its settings) in the copies the
document states (an agreement 一式两份: two), with no dialog; on a PC with no A4 printer set, or
one it does not have, it shows QtPrintSupport's print dialog with those copies filled in and,
when the person confirms, paints every page of the PDF (rendered by QtPdf at the printer's
resolution) onto the printer. It returns how many copies went to the printer (0: cancelled),
so the register can count them. Tests pass a fake with the same ``print_pdf`` method.

:func:`spool` prints with no dialog on a named printer of the system: through CUPS where this
PC has it (:mod:`app.printing.spooler`, the PDF itself to the queue), else (Windows) through
QPrinter, each page rendered by QtPdf at the printer's resolution on a page of the PDF's size.
Both take the copies and the page size from the caller and fail with PrinterFailed naming the
printer, so a slip or an agreement can be printed again once the printer is back.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from app.printing.failures import printer_failed
from app.printing.spooler import has_cups, spool_pdf


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over ``data`` (keep the buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


class Printing:
    """The real thing: a modal print dialog, then the pages painted on the chosen printer."""

    def print_pdf(self, parent: QWidget | None, data: bytes, title: str, copies: int = 1) -> int:
        """Print ``data``; PrinterFailed when the PC's A4 printer does not take it."""
        from ui.this_pc import chosen_printer, this_pc_settings

        name = chosen_printer(QPrinterInfo.availablePrinterNames(), this_pc_settings().a4_printer)
        if name:
            spool(data, name, copies=copies, title=title, page_mm=(210, 297))
            return copies
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setCopyCount(copies)
        printer.setCollateCopies(True)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        document, buffer = load_pdf(data)
        try:
            paint_pages(document, printer)
        finally:
            document.close()
            buffer.close()
        return max(1, printer.copyCount())


def paint_pages(document: QPdfDocument, printer: QPrinter) -> None:
    """Render each page at the printer's resolution and draw it to fill the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        dpi = printer.resolution()
        area = printer.pageLayout().paintRectPixels(dpi)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
            image = document.render(index, size)
            target = QRect(0, 0, area.width(), area.height())
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()


def spool(data: bytes, printer: str, *, copies: int, title: str, page_mm: tuple[float, float]) -> str:
    """Print ``data`` on ``printer``, ``copies`` collated copies, on paper ``page_mm``."""
    if has_cups():
        return spool_pdf(data, printer, copies=copies, title=title, page_mm=page_mm)
    return paint_on_printer(data, printer, copies=copies, title=title, page_mm=page_mm)


def paint_on_printer(data: bytes, printer: str, *, copies: int, title: str, page_mm: tuple[float, float],
                     output_file: str = "") -> str:
    """The Windows spooler's path (and, with ``output_file``, the same painting into a PDF
    file, which is how the tests see it on Linux)."""
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
