"""Printing's pure rules: the copies a document states, the slip printer's address per kind of
connection (a bad one refused naming the setting), and Chinese line breaking."""

import pytest

from app.documents.linebreak import bad_breaks, break_lines, width
from app.errors import ValidationError
from app.pcsettings.fields import PcSettings, checked_settings
from app.documents.copies import copies_stated
from app.printing.targets import FILE, NETWORK, SERIAL, SYSTEM, USB, slip_target


@pytest.mark.parametrize(("text", "copies"), [
    ("本协议一式两份，甲乙双方各执一份。", 2), ("一式三份", 3), ("一式2份", 2), ("本协议自签署之日起生效。", 1)])
def test_copies_stated(text, copies):
    assert copies_stated(text) == copies


@pytest.mark.parametrize(("kind", "address", "expected"), [
    ("", "Lobby-80mm", dict(kind=SYSTEM, name="Lobby-80mm")),
    ("escpos_network", "192.168.1.60", dict(kind=NETWORK, name="192.168.1.60", port=9100)),
    ("escpos_network", "printer.branch:9101", dict(kind=NETWORK, name="printer.branch", port=9101)),
    ("escpos_usb", "0416:5011", dict(kind=USB, vendor=0x0416, product=0x5011)),
    ("escpos_serial", "/dev/ttyUSB0@19200", dict(kind=SERIAL, name="/dev/ttyUSB0", baud=19200)),
    ("escpos_serial", "COM3", dict(kind=SERIAL, name="COM3", baud=9600)),
    ("escpos_file", "/dev/usb/lp0", dict(kind=FILE, name="/dev/usb/lp0")),
])
def test_slip_printer_addresses(kind, address, expected):
    target = slip_target(PcSettings(slip_printer_kind=kind, slip_printer=address, paper_width="58"))
    assert target.width_mm == 58
    for key, value in expected.items():
        assert getattr(target, key) == value


@pytest.mark.parametrize(("kind", "address"), [
    ("escpos_network", "192.168.1.60:99999"), ("escpos_network", "two words"),
    ("escpos_usb", "printer"), ("escpos_usb", "416:5011")])
def test_a_bad_slip_printer_address_names_the_setting(kind, address):
    with pytest.raises(ValidationError) as raised:
        slip_target(PcSettings(slip_printer_kind=kind, slip_printer=address))
    assert raised.value.field == "Slip printer"


def test_no_slip_printer_and_bad_kinds_or_widths():
    assert slip_target(PcSettings()) is None
    for values in ({"slip_printer_kind": "bluetooth"}, {"paper_width": "76"}):
        with pytest.raises(ValidationError):
            checked_settings(values)
    assert checked_settings({"paper_width": "58", "slip_printer_kind": "escpos_usb"}).paper_width == "58"


def test_chinese_line_breaking():
    text = "感谢您一直以来对我行的信任与支持，您已成为我行钻石客户，可享受（贵宾通道）等服务。"
    for columns in range(8, 40):
        lines = break_lines(text, columns)
        assert "".join(lines) == text
        assert not bad_breaks(lines), (columns, lines)
        assert all(width(line) <= columns for line in lines)
    assert break_lines("取号时间 2026-12-06 10:00", 16) == ["取号时间", "2026-12-06 10:00"]
    assert bad_breaks(["好的", "，然后"]) == ["，然后"] and bad_breaks(["见（", "附件）"]) == ["见（"]
