"""Which printer a slip goes to and how it is reached, read from this PC's settings
(:mod:`app.pcsettings`): the kind of connection and the printer's address in the form that kind
takes. A bad address is refused naming the setting, when it is saved and when it is used.

==================  ==============================  ==========================
kind                address                          example
==================  ==============================  ==========================
``system``          the spooler's queue name         ``Lobby-80mm``
``escpos_network``  host, port 9100 unless given     ``192.168.1.60:9100``
``escpos_usb``      vendor and product id, in hex   ``0416:5011``
``escpos_serial``   device, 9600 baud unless given  ``/dev/ttyUSB0@19200``, ``COM3``
``escpos_file``     a device file (or any file)     ``/dev/usb/lp0``
==================  ==============================  ==========================
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.pcsettings.fields import LABELS, PAPER_WIDTHS, SLIP_PRINTER_KINDS, PcSettings

SYSTEM, NETWORK, USB, SERIAL, FILE = SLIP_PRINTER_KINDS
DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600
_HOST = re.compile(r"(?P<host>[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:]+\])(?::(?P<port>\d{1,5}))?")
_USB = re.compile(r"(?P<vendor>[0-9A-Fa-f]{4}):(?P<product>[0-9A-Fa-f]{4})")
_SERIAL = re.compile(r"(?P<device>[^@]+?)(?:@(?P<baud>\d{3,7}))?")


@dataclass(frozen=True)
class SlipTarget:
    """Where slips go: ``kind`` and its parts (``name`` a queue, host, device or file)."""

    kind: str
    name: str
    port: int = 0          # network
    vendor: int = 0        # USB
    product: int = 0       # USB
    baud: int = 0          # serial
    width_mm: int = 80

    @property
    def label(self) -> str:
        """The printer as messages name it."""
        if self.kind == USB:
            return f"USB {self.vendor:04x}:{self.product:04x}"
        if self.kind == NETWORK:
            return f"{self.name}:{self.port}"
        return self.name


def _refuse(reason: str, **params) -> ValidationError:
    return ValidationError(reason, field=LABELS["slip_printer"], **params)


def slip_target(settings: PcSettings) -> SlipTarget | None:
    """The slip printer ``settings`` name, or None when this PC has none (slips are then saved
    or reprinted by hand); ValidationError where the address does not fit its kind."""
    address = settings.slip_printer.strip()
    if not address:
        return None
    kind = settings.slip_printer_kind or SYSTEM
    width = int(settings.paper_width or PAPER_WIDTHS[0])
    if kind == NETWORK:
        found = _HOST.fullmatch(address)
        port = int(found["port"] or DEFAULT_PORT) if found else 0
        if found is None or not 1 <= port <= 65535:
            raise _refuse(QT_TRANSLATE_NOOP("errors", "must be a host name or address, and a port if not "
                                                      "9100 (192.168.1.60:9100)"))
        return SlipTarget(kind, found["host"].strip("[]"), port=port, width_mm=width)
    if kind == USB:
        found = _USB.fullmatch(address)
        if found is None:
            raise _refuse(QT_TRANSLATE_NOOP("errors", "must be the printer's USB vendor and product id "
                                                      "in hexadecimal (0416:5011)"))
        return SlipTarget(kind, address, vendor=int(found["vendor"], 16), product=int(found["product"], 16),
                          width_mm=width)
    if kind == SERIAL:
        found = _SERIAL.fullmatch(address)
        if found is None:
            raise _refuse(QT_TRANSLATE_NOOP("errors", "must be a serial port, and a speed if not 9600 "
                                                      "(/dev/ttyUSB0@19200 or COM3)"))
        return SlipTarget(kind, found["device"].strip(), baud=int(found["baud"] or DEFAULT_BAUD), width_mm=width)
    return SlipTarget(kind, address, width_mm=width)
