"""Slips on ESC/POS thermal printers through python-escpos: the bytes (GB18030 Chinese in the
printer's Chinese mode, the printer's own QR code carrying the signed payload, the cut) from its
Dummy back-end; then the service end to end on both engines through the file back-end and a
network printer (a socket that answers like one: paper out, or switched off), where a failure
names the printer and leaves the ticket as it was, its slip printable again."""

from __future__ import annotations

import socket
import threading

import pytest
from escpos.printer import Dummy

from app.documents.linebreak import bad_breaks
from app.documents.linebreak import width as width_of
from app.pcsettings.fields import PcSettings
from app.printing import escpos
from app.printing.failures import PrinterFailed
from app.printing.slips import print_slip
from app.queue import tickets
from app.queue.slip import SlipContent, slip_words
from tests.db.queuehelp import make_queue

QR_STORE = b"\x1d(k"            # GS ( k: the printer's own QR code
CUT = b"\x1dV"                  # GS V: cut
CHINESE = b"\x1c&"              # FS &: Chinese character mode

CONTENT = SlipContent("示范银行股份有限公司", "北京朝阳支行", "贵宾理财", "V020", "2026-12-06 10:15", 15,
                      "VD1.T.42-V020.SIGNATURE")


@pytest.mark.parametrize("width", [80, 58])
def test_slip_bytes_gb18030_native_qr_and_cut(width):
    printer = Dummy()
    escpos.write_slip(printer, CONTENT, slip_words(), width)
    data = printer.output
    assert CHINESE in data
    for text in ("北京朝阳支行", "贵宾理财", "前面还有 15 位客户等候", "取号时间 2026-12-06 10:15"):
        assert text.encode("gb18030") in data, text
    assert b"V020" in data
    assert QR_STORE in data and CONTENT.payload.encode("ascii") in data
    assert data.rstrip(b"\x00").find(CUT) > data.find(QR_STORE)
    assert "钻石".encode("gb18030") not in data
    # the footer broken for the paper's width, never before a closing mark
    footer = slip_words()["footer"]
    lines = escpos.break_lines(footer, escpos.COLUMNS[width])
    assert "".join(lines) == footer and all(width_of(line) <= escpos.COLUMNS[width] for line in lines)
    assert not bad_breaks(lines) and b"\n".join(line.encode("gb18030") for line in lines) in data
    assert (len(lines) > 1) == (width == 58)

def _issue(demo_store):
    q = make_queue(demo_store)
    return q, tickets.issue_ticket(q.store, q.lobby, service_id=q.service)


def test_file_printer_gets_the_slip_and_a_missing_one_is_named(demo_store, tmp_path):
    q, ticket = _issue(demo_store)
    device = tmp_path / "lp0"
    settings = PcSettings(slip_printer_kind="escpos_file", slip_printer=str(device), paper_width="58")
    assert print_slip(q.store, q.lobby, ticket.id, settings) == str(device)
    data = device.read_bytes()
    assert ticket.number.encode() in data and "测试业务".encode("gb18030") in data and CUT in data
    missing = PcSettings(slip_printer_kind="escpos_file", slip_printer=str(tmp_path / "gone" / "lp0"))
    with pytest.raises(PrinterFailed) as raised:
        print_slip(q.store, q.lobby, ticket.id, missing)
    assert str(tmp_path / "gone" / "lp0") in str(raised.value)
    # nothing lost: printed again once the printer is there
    assert print_slip(q.store, q.lobby, ticket.id, settings) and ticket.number.encode() in device.read_bytes()


class FakeNetworkPrinter:
    """A TCP printer on localhost: answers the paper status query with ``status`` and keeps
    what it was sent."""

    def __init__(self, status: bytes):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.status, self.received = status, b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                self.received += chunk
                if chunk.endswith(b"\x10\x04\x04"):  # DLE EOT 4: the paper sensor
                    conn.sendall(self.status)

    def close(self) -> str:
        self.thread.join(10)
        self.server.close()
        return self.received


def test_network_printer_prints_refuses_without_paper_and_when_off(demo_store):
    q, ticket = _issue(demo_store)
    ready = FakeNetworkPrinter(bytes([0x12]))
    settings = PcSettings(slip_printer_kind="escpos_network", slip_printer=f"127.0.0.1:{ready.port}")
    assert print_slip(q.store, q.lobby, ticket.id, settings) == f"127.0.0.1:{ready.port}"
    received = ready.close()
    assert ticket.number.encode() in received and QR_STORE in received and CUT in received

    empty = FakeNetworkPrinter(bytes([0x72]))
    settings = PcSettings(slip_printer_kind="escpos_network", slip_printer=f"127.0.0.1:{empty.port}")
    with pytest.raises(PrinterFailed, match="out of paper"):
        print_slip(q.store, q.lobby, ticket.id, settings)
    assert ticket.number.encode() not in empty.close()

    off = socket.create_server(("127.0.0.1", 0))
    port = off.getsockname()[1]
    off.close()
    with pytest.raises(PrinterFailed, match=f"127.0.0.1:{port}"):
        print_slip(q.store, q.lobby, ticket.id,
                   PcSettings(slip_printer_kind="escpos_network", slip_printer=f"127.0.0.1:{port}"))
    with q.store.read() as session:
        from db.models import QueueTicket
        assert session.get(QueueTicket, ticket.id).state == "waiting"
