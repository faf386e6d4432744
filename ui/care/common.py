"""What the care screens share: words for the care codes, the context their column titles
translate in, and small helpers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.care.rules import (
    CHANNEL_LABELS, FOLLOW_UP_LABELS, LEVEL_LABELS, METHOD_LABELS, SATISFACTION_LABELS, STATE_LABELS,
    countdown_text, to_local,
)
from ui.formatting import overdue_text
from ui.tier_labels import tier_label

CARE_TABLES = "CareTables"   # the translation context of the care tables' column titles

KIND_LABELS = {
    "overdue": QT_TRANSLATE_NOOP("CareKinds", "Contact overdue"),
    "due": QT_TRANSLATE_NOOP("CareKinds", "Contact due today"),
    "birthday": QT_TRANSLATE_NOOP("CareKinds", "Birthday"),
    "date": QT_TRANSLATE_NOOP("CareKinds", "Important date"),
    "follow_up": QT_TRANSLATE_NOOP("CareKinds", "Follow-up due"),
    "complaint": QT_TRANSLATE_NOOP("CareKinds", "Complaint"),
    "card_expiry": QT_TRANSLATE_NOOP("CareKinds", "VIP card expiring"),
}
REASON_LABELS = {
    "no_manager": QT_TRANSLATE_NOOP("CareKinds", "No relationship manager"),
    "manager_disabled": QT_TRANSLATE_NOOP("CareKinds", "Manager's account disabled"),
    "no_phone": QT_TRANSLATE_NOOP("CareKinds", "No valid phone (lost contact)"),
}


def care_text(labels: dict, code) -> str:
    text = labels.get(code)
    return QCoreApplication.translate("care", text) if text else str(code)


def method_text(code: str) -> str:
    return care_text(METHOD_LABELS, code)


def channel_text(code: str) -> str:
    return care_text(CHANNEL_LABELS, code)


def state_text(code: str) -> str:
    return care_text(STATE_LABELS, code)


def level_text(level: int) -> str:
    return care_text(LEVEL_LABELS, level)


def satisfaction_text(code: str) -> str:
    return care_text(SATISFACTION_LABELS, code) if code else ""


def follow_up_text(code: str) -> str:
    return care_text(FOLLOW_UP_LABELS, code)


def kind_text(code: str) -> str:
    return QCoreApplication.translate("CareKinds", KIND_LABELS.get(code, code))


def reasons_text(codes: Sequence[str]) -> str:
    return QCoreApplication.translate("lists", ", ").join(
        QCoreApplication.translate("CareKinds", REASON_LABELS.get(c, c)) for c in codes)


def tier_text(code: str) -> str:
    return tier_label(code) if code else ""


def local_text(utc: datetime | None, policy) -> str:
    """A stored UTC time as the branch's wall clock, to the minute."""
    return to_local(utc, policy).strftime("%Y-%m-%d %H:%M") if utc else ""


def left_text(deadline: datetime, now: datetime) -> str:
    """Time left as a countdown ("4:59:59"); past the deadline, how long overdue ("overdue 1 d 2 h")."""
    return countdown_text(deadline - now) if deadline >= now else overdue_text(now - deadline)
