"""The per-PC settings, each checked as IT or an administrator types it.

A value is text; empty means "not set here" (the next source in the override order, or the
built-in default, decides). A bad value raises :class:`ValidationError` naming the setting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace

from app.errors import QT_TRANSLATE_NOOP, ValidationError

LANGUAGES = ("zh_CN", "en")
# How the lobby's slip printer is reached: the system's print spooler (CUPS, the Windows
# spooler) or ESC/POS straight to a thermal printer over the network, USB, a serial port or a
# device file (app.printing.targets reads the printer's address for each).
SLIP_PRINTER_KINDS = ("system", "escpos_network", "escpos_usb", "escpos_serial", "escpos_file")
PAPER_WIDTHS = ("80", "58")  # mm: the receipt printers' two paper rolls
STORE_DRIVERS = ("sqlite", "postgresql")
MAX_NAME = 64
MAX_PRINTER = 200
MAX_URL = 1000


@dataclass(frozen=True)
class PcSettings:
    """One PC's settings; the field names are the keys of the settings file."""

    store_url: str = ""     # SQLAlchemy URL of the store; a PostgreSQL password is kept in the keyring
    pc_name: str = ""       # how this PC is named at the counters (default: the host name)
    counter: str = ""       # the number of the counter this PC normally serves
    a4_printer: str = ""    # the printer A4 documents go to (agreements, letters, reports)
    slip_printer_kind: str = ""  # one of SLIP_PRINTER_KINDS (default: system)
    slip_printer: str = ""  # the ticket slips' printer: a queue name, host[:port], VID:PID, device[@baud], file
    paper_width: str = ""   # the slip printer's paper in mm: 80 or 58 (default 80)
    lobby_screen: str = ""  # the lobby display's monitor: its number (1 = first) or its name
    rating_screen: str = ""  # the customer's rating window at a counter: a monitor's number or name
    language: str = ""      # zh_CN or en (default zh_CN)
    master_key_file: str = ""   # the store's master key file on this PC (default: the user's key folder)

    def merged_over(self, lower: PcSettings) -> PcSettings:
        """These values where set, ``lower``'s elsewhere (one step of the override order)."""
        return replace(lower, **{k: v for k, v in self.as_dict().items() if v})

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


KEYS: tuple[str, ...] = tuple(f.name for f in fields(PcSettings))

# Environment variables that override the file, one per setting (VIPDESK_DB_URL and
# VIPDESK_LANG existed before the file did).
ENVIRONMENT = {
    "store_url": "VIPDESK_DB_URL",
    "pc_name": "VIPDESK_PC_NAME",
    "counter": "VIPDESK_COUNTER",
    "a4_printer": "VIPDESK_A4_PRINTER",
    "slip_printer_kind": "VIPDESK_SLIP_PRINTER_KIND",
    "slip_printer": "VIPDESK_SLIP_PRINTER",
    "paper_width": "VIPDESK_PAPER_WIDTH",
    "lobby_screen": "VIPDESK_LOBBY_SCREEN",
    "rating_screen": "VIPDESK_RATING_SCREEN",
    "language": "VIPDESK_LANG",
    "master_key_file": "VIPDESK_MASTER_KEY_FILE",
}

LABELS = {
    "store_url": QT_TRANSLATE_NOOP("fields", "Store URL"),
    "pc_name": QT_TRANSLATE_NOOP("fields", "PC name"),
    "counter": QT_TRANSLATE_NOOP("fields", "Counter"),
    "a4_printer": QT_TRANSLATE_NOOP("fields", "A4 printer"),
    "slip_printer_kind": QT_TRANSLATE_NOOP("fields", "Slip printer connection"),
    "slip_printer": QT_TRANSLATE_NOOP("fields", "Slip printer"),
    "paper_width": QT_TRANSLATE_NOOP("fields", "Slip paper width (mm)"),
    "lobby_screen": QT_TRANSLATE_NOOP("fields", "Lobby screen"),
    "rating_screen": QT_TRANSLATE_NOOP("fields", "Customer rating screen"),
    "language": QT_TRANSLATE_NOOP("fields", "Language"),
    "master_key_file": QT_TRANSLATE_NOOP("fields", "Master key file"),
}


def _plain(key: str, value: str, limit: int) -> str:
    if len(value) > limit:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be at most {limit} characters"),
                              field=LABELS[key], limit=limit)
    if any(unicodedata.category(ch).startswith("C") for ch in value):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not hold control or invisible characters"),
                              field=LABELS[key])
    return value


NOT_A_STORE_URL = QT_TRANSLATE_NOOP("errors", "is not a store URL (sqlite:///PATH or "
                                               "postgresql://USER@HOST/DATABASE)")
_URL = re.compile(r"(?P<driver>[a-z][a-z0-9+]*)://.*")


def _store_url(value: str) -> str:
    """The form only (which engine): SQLAlchemy parses the rest when the store is
    opened, off the GUI thread (importing it here would slow the start)."""
    _plain("store_url", value, MAX_URL)
    shape = _URL.fullmatch(value)
    if shape is None:
        raise ValidationError(NOT_A_STORE_URL, field=LABELS["store_url"])
    driver = shape["driver"]
    if driver.split("+")[0] not in STORE_DRIVERS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a SQLite or PostgreSQL URL, not {driver}"),
                              field=LABELS["store_url"], driver=driver)
    return value


def parsed_url(store_url: str):
    """SQLAlchemy's reading of a checked ``store_url`` (either multi-host form, :mod:`db.urls`);
    ValidationError where it cannot read it."""
    from sqlalchemy.exc import ArgumentError

    from db.urls import parse_url

    try:
        return parse_url(store_url)
    except (ArgumentError, ValueError):
        raise ValidationError(NOT_A_STORE_URL, field=LABELS["store_url"]) from None


# A counter's number as app.queue.setup accepts it (importing that would load the store's
# tables at start-up).
_COUNTER = re.compile(r"[0-9A-Z]{1,8}")


def _counter(value: str) -> str:
    value = value.upper()
    if not _COUNTER.fullmatch(value):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 1 to 8 letters or digits"),
                              field=LABELS["counter"])
    return value


def _screen(key: str):
    """The check of a setting that names a monitor: its number (1 to 16) or its name."""
    def check(value: str) -> str:
        if value.isascii() and value.isdigit() and not 1 <= int(value) <= 16:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                                  field=LABELS[key], low=1, high=16)
        return _plain(key, value, MAX_NAME)
    return check


def _one_of(key: str, choices: tuple[str, ...]):
    """The check of a setting that takes one of ``choices``."""
    def check(value: str) -> str:
        if value not in choices:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be one of {choices}"),
                                  field=LABELS[key], choices=", ".join(choices))
        return value
    return check


_CHECKS = {
    "store_url": _store_url,
    "pc_name": lambda v: _plain("pc_name", v, MAX_NAME),
    "counter": _counter,
    "a4_printer": lambda v: _plain("a4_printer", v, MAX_PRINTER),
    "slip_printer_kind": _one_of("slip_printer_kind", SLIP_PRINTER_KINDS),
    "slip_printer": lambda v: _plain("slip_printer", v, MAX_PRINTER),
    "paper_width": _one_of("paper_width", PAPER_WIDTHS),
    "lobby_screen": _screen("lobby_screen"),
    "rating_screen": _screen("rating_screen"),
    "language": _one_of("language", LANGUAGES),
    "master_key_file": lambda v: _plain("master_key_file", v, MAX_URL),
}


def checked(key: str, value: str) -> str:
    """``value`` for setting ``key``, stripped and normalised; raises ValidationError."""
    value = value.strip()
    return _CHECKS[key](value) if value else ""


def checked_settings(values: dict[str, str]) -> PcSettings:
    """A :class:`PcSettings` from text values (unknown keys refused, each value checked)."""
    for key in values:
        if key not in KEYS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a setting; the settings are {keys}"),
                                  field=key, keys=", ".join(KEYS))
    return PcSettings(**{key: checked(key, value) for key, value in values.items()})
