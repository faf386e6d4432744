"""Printing through a real CUPS queue: the cups-pdf virtual printer that scripts/test.sh sets up
(scripts/cups_queue.sh), whose paper is a PDF. A slip comes out at 80 mm (58 mm when the PC says
so), not A4; an agreement comes out on A4 in the copies its text states (一式两份: two complete
sets); the text is still text; a missing queue is named. Skipped only outside CI where CUPS or
the queue is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents.letters import make_card_document
from app.pcsettings.fields import PcSettings
from app.printing.failures import PrinterFailed
from app.printing.slips import print_slip
from app.printing.spooler import spool_pdf
from app.queue import tickets
from tests.db.helpers import actor_named
from tests.db.queuehelp import make_queue
from tests.documents.support import page_images, qr_codes
from tests.documents.test_letters import _a_card

QUEUE = os.environ.get("VIPDESK_CUPS_QUEUE", "VIPDesk_PDF")
OUT = Path(os.environ.get("VIPDESK_CUPS_OUT", "/var/spool/vipdesk-pdf"))
WAIT_SECONDS = 60


@pytest.fixture
def cups_queue():
    ready = shutil.which("lp") is not None and subprocess.run(
        ["lpstat", "-p", QUEUE], capture_output=True).returncode == 0 and OUT.is_dir()
    if not ready:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CUPS queue {QUEUE} (cups-pdf into {OUT}) is missing: scripts/cups_queue.sh sets it up")
        pytest.skip(f"no CUPS queue {QUEUE}")
    return QUEUE


def _printed(job_title: str) -> Path:
    """The PDF cups-pdf wrote for the job titled ``job_title`` (waits for CUPS to finish it)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = [p for p in OUT.glob(f"{job_title}*.pdf") if p.stat().st_size]
        if found:
            done = found[0]
            size = -1
            while size != done.stat().st_size:  # cups-pdf may still be writing it
                size = done.stat().st_size
                time.sleep(0.2)
            return done
        time.sleep(0.2)
    raise AssertionError(f"CUPS did not print {job_title} within {WAIT_SECONDS} s")


def _mm(points: float) -> int:
    return round(float(points) / 72 * 25.4)


@pytest.mark.parametrize("width", ["80", "58"])
def test_a_slip_through_cups_is_receipt_sized(cups_queue, demo_store, width):
    q = make_queue(demo_store)
    ticket = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    settings = PcSettings(slip_printer_kind="system", slip_printer=cups_queue, paper_width=width)
    titles = []

    def spool(data, printer, **options):
        titles.append(f"vd-slip-{os.getpid()}-{ticket.id}-{width}")
        return spool_pdf(data, printer, **{**options, "title": titles[-1]})

    assert print_slip(q.store, q.lobby, ticket.id, settings, spool) == cups_queue
    reader = PdfReader(str(_printed(titles[0])))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (_mm(box.width), _mm(box.height)) == (int(width), round(120 * int(width) / 80))
    printed = _printed(titles[0])
    text = reader.pages[0].extract_text()
    assert "北京朝阳支行" in text and "测试业务" in text and "前面还有" in text and "钻石" not in text
    # The virtual printer's PostScript step (pdftocairo) keeps the Chinese text's Unicode but
    # not the Latin digits' (they come back as Type 3 glyphs): the number is read from the
    # printed QR code instead, which names this very ticket.
    codes = qr_codes(page_images(printed.read_bytes(), dpi=200)[0])
    assert len(codes) == 1 and f"-{ticket.number}." in codes[0]


def test_an_agreement_through_cups_in_its_stated_copies(cups_queue, sqlite_demo_store):
    teller = actor_named(sqlite_demo_store, "teller")
    made = make_card_document(sqlite_demo_store, teller, _a_card(sqlite_demo_store), "agreement").made
    assert made.copies == 2
    title = f"vd-agreement-{os.getpid()}-{made.number}"
    spool_pdf(made.pdf, cups_queue, copies=made.copies, title=title, page_mm=(210, 297))
    reader = PdfReader(str(_printed(title)))
    assert len(reader.pages) == 2 * made.pages
    for page in reader.pages:
        assert (_mm(page.mediabox.width), _mm(page.mediabox.height)) == (210, 297)
    texts = [page.extract_text() for page in reader.pages]
    assert "贵宾服务协议" in texts[0] and "贵宾服务协议" in texts[made.pages]  # collated: two whole sets
    assert "一式两份" in "".join(texts[:made.pages]).replace("\n", "")


def test_a_missing_queue_is_named(cups_queue):
    with pytest.raises(PrinterFailed, match="No-Such-Printer"):
        spool_pdf(b"%PDF-1.4", "No-Such-Printer", copies=1, title="x", page_mm=(80, 120))
