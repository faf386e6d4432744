"""The PC's settings as a screen reads them when it uses one, so that a change saved on the
settings page counts from the next use, without a restart."""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import UserError
from app.pcsettings.fields import PcSettings
from app.pcsettings.file import load_settings


def this_pc_settings() -> PcSettings:
    """The settings in force; the defaults when the file became unreadable after the start
    (the start refuses a bad file, naming it; a print or a display must not fail on it)."""
    try:
        return load_settings()
    except UserError:
        return PcSettings()


def chosen_printer(available: Sequence[str], wanted: str) -> str | None:
    """The printer for A4 documents: ``wanted`` when this PC has it, else None (the system's
    default stays selected in the print dialog)."""
    return wanted if wanted and wanted in available else None
