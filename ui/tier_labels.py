"""Tier, card type, worklist and exception-status names in the current language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.tiers.evaluation import WORKLIST_LABELS
from app.tiers.exceptions import STATUS_LABELS
from app.tiers.rules import CARD_TYPE_LABELS, DEFAULT_TIER_POLICY, TierPolicy

CAUSE_LABELS = {
    "evaluation": QT_TRANSLATE_NOOP("tier_causes", "Evaluation"),
    "exception": QT_TRANSLATE_NOOP("tier_causes", "Exception"),
    "exception_expired": QT_TRANSLATE_NOOP("tier_causes", "Exception ended"),
}


def tier_label(code: str, policy: TierPolicy | None = None) -> str:
    """A tier's name: the policy's label (translated when it is one of ours), else the code."""
    for candidate in (policy, DEFAULT_TIER_POLICY):
        if candidate is not None and code in candidate.codes:
            return QCoreApplication.translate("tiers", candidate.band(code).label)
    return code or "—"


def card_label(card_type: str | None) -> str:
    if not card_type:
        return QCoreApplication.translate("card_types", "No VIP card")
    return QCoreApplication.translate("card_types", CARD_TYPE_LABELS.get(card_type, card_type))


def worklist_label(kind: str) -> str:
    return QCoreApplication.translate("worklists", WORKLIST_LABELS[kind])


def status_label(status: str) -> str:
    return QCoreApplication.translate("exception_status", STATUS_LABELS.get(status, status))


def cause_label(cause: str) -> str:
    return QCoreApplication.translate("tier_causes", CAUSE_LABELS.get(cause, cause))


def month_text(yyyymm: int) -> str:
    return f"{yyyymm // 100}-{yyyymm % 100:02d}"


def day_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        from ui.formatting import local_time

        return local_time(value)
    return value.isoformat()
