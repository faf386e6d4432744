"""The ticket slip: an 80 mm PDF whose text (number, service, time, people ahead) extracts with
pypdf and whose QR code, rendered by pdftoppm and read by zxing-cpp, opens the ticket; the code
is the documents' signed payload, so ``doc verify`` recognises a slip and refuses an altered one."""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from app.documents.verify import verify_document
from app.errors import ValidationError
from app.queue import slip, tickets, views
from main import main
from tests.db.queuehelp import make_queue


def test_slip_text_and_qr_open_the_ticket(sqlite_demo_store, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    import zxingcpp
    from PIL import Image

    q = make_queue(sqlite_demo_store)
    tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    diamond = tickets.issue_ticket(q.store, q.lobby, service_id=q.service, customer_id=q.customer_of_tier("diamond"))
    last = tickets.issue_ticket(q.store, q.lobby, service_id=q.service)
    path = slip.write_slip(q.store, q.lobby, last.id, tmp_path / "slip.pdf")
    reader = PdfReader(str(path))
    page = reader.pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 80  # 80 mm wide
    text = page.extract_text()
    assert last.number in text and "测试业务" in text and "前面还有 2 位" in text and "取号时间" in text
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert len(found) == 1
    payload = found[0].text
    assert payload.startswith("VD1.T.")
    opened = views.ticket_from_payload(q.store, q.teller, payload)
    assert opened.id == last.id and opened.number == last.number
    verdict = verify_document(q.store, q.teller, payload)
    assert verdict.genuine and last.number in verdict.described.subject
    url = q.store.engine.url.render_as_string(hide_password=False)
    assert main(["doc", "verify", payload, "--db", url]) == 0
    altered = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    assert main(["doc", "verify", altered, "--db", url]) != 0
    with pytest.raises(ValidationError):
        views.ticket_from_payload(q.store, q.teller, altered)
    diamond_text = PdfReader(slip.write_slip(q.store, q.lobby, diamond.id, tmp_path / "d.pdf")).pages[0].extract_text()
    assert "钻石" not in diamond_text and "前面还有 0 位" in diamond_text
