"""A PDF to the system's print spooler where it is CUPS (Linux, macOS): the PDF itself goes to
the queue with CUPS's own ``lp``, so the text stays text and the printer's driver rasterises it
at its own resolution; the paper is named (``media``), so a receipt printer's queue whose
default is A4 still prints an 80 mm slip at 80 mm; copies are collated (two complete agreements,
not two of each page). Windows' spooler takes no PDF: :mod:`ui.printing` paints the pages
through QPrinter there."""

from __future__ import annotations

import shutil
import subprocess
import sys

from app.printing.failures import printer_failed

A4_MM = (210, 297)
TIMEOUT_SECONDS = 30


def has_cups() -> bool:
    """Whether this PC prints through CUPS (its ``lp`` is on the path, and it is not Windows)."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def media(width_mm: float, height_mm: float) -> str:
    """CUPS's name of a page ``width_mm`` × ``height_mm``: A4, or a custom size."""
    size = (round(width_mm), round(height_mm))
    return "A4" if size == A4_MM else f"Custom.{size[0]}x{size[1]}mm"


def _queue_state(printer: str) -> str:
    """Why CUPS would hold a job for ``printer`` rather than print it ("" when it is ready)."""
    found = subprocess.run(["lpstat", "-p", printer], capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    if found.returncode != 0:
        return (found.stderr or found.stdout).strip() or "no such printer"
    return "disabled" if "disabled" in found.stdout else ""


def spool_pdf(data: bytes, printer: str, *, copies: int, title: str, page_mm: tuple[float, float]) -> str:
    """Print ``data`` on CUPS queue ``printer``, ``copies`` times; returns CUPS's job id.
    PrinterFailed, with CUPS's words, when the queue is missing, stopped or refuses the job."""
    try:
        state = _queue_state(printer)
        if state:
            raise printer_failed(printer, state.splitlines()[0])
        done = subprocess.run(
            ["lp", "-d", printer, "-n", str(max(1, copies)), "-o", "collate=true",
             "-o", f"media={media(*page_mm)}", "-t", title, "-"],
            input=data, capture_output=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise printer_failed(printer, str(error)) from None
    if done.returncode != 0:
        raise printer_failed(printer, done.stderr.decode(errors="replace").strip().splitlines()[0]
                             if done.stderr.strip() else f"lp exit {done.returncode}")
    words = done.stdout.decode(errors="replace").split()
    return words[3] if len(words) > 3 and words[0] == "request" else ""
