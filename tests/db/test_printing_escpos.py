"""Slips on ESC/POS thermal printers through python-escpos: the bytes (GB18030 Chinese in the
printer's Chinese mode, the printer's own QR code carrying the signed payload, the cut) from its
Dummy back-end; then the service end to end on both engines through the file back-end and a
network printer (a socket that answers like one: paper out, or switched off), where a failure
names the printer and leaves the ticket as it was, its slip printable again."""

from __future__ import annotations

import re
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

LONG = SlipContent("示范银行股份有限公司", "WUMART WAREHOUSE MANAGEMENT PLAZA 北京朝阳支行（望京·酒仙桥）",
                   "Private Banking 贵宾理财 “钻石”·“白金”——艾力·买买提专属 Consultation", "VP10240",
                   "2026-12-06 10:15", 1234, "VD1.T.42-VP10240.SIGNATURE")


class PrintedLines(Dummy):
    """A Dummy that keeps each line of text it is sent with the width the printer's type then
    has: 1, 2 (ESC ! with double width) or the GS ! multiplier, read from the command bytes."""

    SIZE = re.compile(rb"\x1d!(?P<custom>[\x00-\xff])|\x1b!(?P<mode>[\x00-\xff])")

    def __init__(self):
        super().__init__()
        self.scale, self.printed = 1, []

    def _raw(self, msg):
        super()._raw(msg)
        if msg.endswith(b"\n") and not set(msg) & {0x1b, 0x1c, 0x1d}:
            self.printed.append((self.scale, msg[:-1].decode("gb18030")))
        for size in self.SIZE.finditer(msg):
            custom, mode = size["custom"], size["mode"]
            self.scale = (custom[0] >> 4) + 1 if custom else 2 if mode[0] & 0x20 else 1


@pytest.mark.parametrize("width", [80, 58])
def test_a_slip_with_long_mixed_names_fits_the_paper_line_by_line(width):
    printer = PrintedLines()
    escpos.write_slip(printer, LONG, slip_words(), width)
    columns = escpos.COLUMNS[width]
    assert {scale for scale, _ in printer.printed} == {1, 2, 4}
    for scale, line in printer.printed:
        # what the printer itself counts: a one-byte code a half-width cell, a two-byte one a full
        assert len(line.encode("gb18030")) * scale <= columns, (scale, line)
    assert not bad_breaks([line for _, line in printer.printed])
    # the number whole, in the largest type it fits: four times on both papers
    assert (4, "VP10240") in printer.printed
    text = "".join(line for _, line in printer.printed).replace(" ", "")
    words = slip_words()
    for field in (LONG.branch, LONG.service, words["ahead"].format(ahead=LONG.ahead), words["footer"]):
        assert field.replace(" ", "") in text, field
    service = [line for scale, line in printer.printed if scale == 2]
    assert len(service) > 1 and "".join(service).replace(" ", "") == LONG.service.replace(" ", "")
    # English words are kept whole: each line's Latin words are words of the service's name
    assert {w for line in service for w in re.findall("[A-Za-z]+", line)} <= set(LONG.service.split())


@pytest.mark.parametrize(("number", "columns", "scale"), [
    ("V020", 32, 4), ("VP10240", 32, 4), ("VP102400", 32, 4), ("VP1024000", 32, 3), ("VP1024000", 24, 2),
    ("VP10240000000000", 32, 2), ("VP102400000000000", 32, 1)])
def test_the_number_is_printed_as_large_as_fits_on_one_line(number, columns, scale):
    assert escpos.number_scale(number, columns) == scale


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
