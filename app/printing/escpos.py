"""A ticket slip as ESC/POS commands, for the thermal receipt printers lobbies use, through
python-escpos: its network, USB, serial and file back-ends (its Dummy in tests).

Chinese goes out as GB18030 bytes with the printer in its Chinese character mode (``FS &``), as
the Chinese-market printers read it; the number in large type; the QR code drawn by the printer
itself (``GS ( k``, model 2), as sharp as its head can print; then the paper is fed and cut. The
lines are broken for the paper's width (48 columns of font A on 80 mm paper, 32 on 58 mm; a
Chinese character takes two, :func:`app.documents.linebreak.width`) by the documents' one
line-breaking rule (:func:`app.documents.linebreak.break_lines`), text in double or larger type
in as many fewer columns. The ticket number is never broken: it is printed as large as it fits
on one line, four times the normal size on either paper for every number the queue issues.
"""

from __future__ import annotations

from app.documents.linebreak import break_lines, width
from app.printing.failures import out_of_paper, printer_failed
from app.printing.targets import FILE, NETWORK, SERIAL, USB, SlipTarget

CHINESE_MODE = b"\x1c\x26"       # FS &: two-byte (GB18030) characters
COLUMNS = {80: 48, 58: 32}       # characters of font A across the paper
NUMBER_SCALE = 4                 # the ticket number's type: four times as wide and high
TIMEOUT_SECONDS = 5


def number_scale(number: str, columns: int) -> int:
    """The largest type, up to :data:`NUMBER_SCALE` times the normal size, in which ``number``
    fits on one line of ``columns`` columns (the normal size when even that does not)."""
    return next((scale for scale in range(NUMBER_SCALE, 1, -1) if width(number) * scale <= columns), 1)


def write_slip(printer, content, words: dict[str, str], width_mm: int = 80) -> None:
    """Send ``content`` (:class:`app.queue.slip.SlipContent`) to ``printer``, a python-escpos
    printer, worded by ``words`` (the slip's template), for paper ``width_mm`` wide."""
    columns = COLUMNS.get(width_mm, COLUMNS[80])

    def lines(text: str, scale: int = 1) -> None:
        for line in break_lines(text, columns // scale):
            printer._raw(line.encode("gb18030") + b"\n")

    printer.hw("INIT")
    printer._raw(CHINESE_MODE)
    printer.set(align="center", bold=True)
    lines(words["heading"].format(branch=content.branch))
    printer.set(align="center", bold=False, double_width=True, double_height=True)
    lines(words["service"].format(service=content.service), 2)
    printer.set(align="center", normal_textsize=True)
    lines(words["number_caption"])
    scale = number_scale(content.number, columns)
    printer.set(align="center", custom_size=True, width=scale, height=scale)
    lines(content.number, scale)
    printer.set(align="center", normal_textsize=True)
    lines(words["ahead"].format(ahead=content.ahead))
    lines(words["issued"].format(time=content.issued_local))
    printer.qr(content.payload, size=6 if width_mm >= 80 else 4, native=True)
    lines(words["scan"])
    lines(words["footer"])
    printer.cut()


def open_printer(target: SlipTarget):
    """A python-escpos printer for ``target``, opened; PrinterFailed when it cannot be reached."""
    from escpos import printer as escpos_printer
    from escpos.exceptions import Error as EscposError

    made = {
        NETWORK: lambda: escpos_printer.Network(target.name, port=target.port, timeout=TIMEOUT_SECONDS),
        USB: lambda: escpos_printer.Usb(target.vendor, target.product, timeout=TIMEOUT_SECONDS * 1000),
        SERIAL: lambda: escpos_printer.Serial(target.name, baudrate=target.baud, timeout=TIMEOUT_SECONDS),
        FILE: lambda: escpos_printer.File(target.name),
    }[target.kind]()
    try:
        made.open()
    except (EscposError, OSError) as error:
        raise printer_failed(target.label, _first_line(error)) from None
    return made


def _first_line(error: BaseException) -> str:
    return next((line for line in str(error).splitlines() if line.strip()), type(error).__name__)


def check_paper(printer, target: SlipTarget) -> None:
    """Refuse before printing when a printer that answers status queries says it has no paper.
    A printer that does not answer (many do not) is printed to; a file has no status."""
    if target.kind == FILE:
        return
    try:
        status = printer.paper_status()
    except (OSError, NotImplementedError, AttributeError):
        # no answer in time (OSError), a back-end that cannot read (NotImplementedError), or a
        # python-escpos too old to ask (AttributeError): print, and let the print itself fail
        return
    if status == 0:
        raise out_of_paper(target.label)


def print_slip(target: SlipTarget, content, words: dict[str, str]) -> None:
    """Print the slip on the ESC/POS printer ``target``; PrinterFailed (nothing printed, the
    ticket unchanged) when it is off, missing or out of paper."""
    from escpos.exceptions import Error as EscposError

    printer = open_printer(target)
    try:
        check_paper(printer, target)
        write_slip(printer, content, words, target.width_mm)
    except (EscposError, OSError) as error:
        raise printer_failed(target.label, _first_line(error)) from None
    finally:
        printer.close()
