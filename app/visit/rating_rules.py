"""The rating after service (评价器), its pure rules: the four scores, the reason an 不满意 needs,
and how long after the finish a rating may still be stored.

The customer's window offers 非常满意 (4), 满意 (3), 一般 (2) and 不满意 (1); an 不满意 needs a
reason, chosen from :data:`REASONS` and/or typed, and no other score carries one. The window
waits the queue policy's ``rating_seconds`` for a touch; left untouched it closes and nothing is
stored (the ticket counts as unrated). A rating is stored no later than that time plus
:data:`GRACE_SECONDS` after the ticket's finish (the window opens after the finish commits and
the save runs after the touch); the PostgreSQL guard of migration 0041 holds the same limit.
Pure: no database, no Qt.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.text import clean_text

VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED = 4, 3, 2, 1
SCORES = (VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED)   # as the window shows them, best first
SCORE_LABELS = {
    VERY_SATISFIED: QT_TRANSLATE_NOOP("ratings", "Very satisfied"),
    SATISFIED: QT_TRANSLATE_NOOP("ratings", "Satisfied"),
    NEUTRAL: QT_TRANSLATE_NOOP("ratings", "Neutral"),
    DISSATISFIED: QT_TRANSLATE_NOOP("ratings", "Dissatisfied"),
}
# The short list an 不满意 chooses from (the customer may also type their own words).
REASONS = (
    QT_TRANSLATE_NOOP("ratings", "Waited too long"),
    QT_TRANSLATE_NOOP("ratings", "Service attitude"),
    QT_TRANSLATE_NOOP("ratings", "Not skilled enough"),
    QT_TRANSLATE_NOOP("ratings", "Problem not solved"),
    QT_TRANSLATE_NOOP("ratings", "Environment and facilities"),
)
# How a reason is stored: the chosen ones in the bank's working language (as the care history
# is kept), then the typed words.
REASON_TEXTS = {
    "Waited too long": "等候时间太长",
    "Service attitude": "服务态度",
    "Not skilled enough": "业务不熟练",
    "Problem not solved": "问题没有解决",
    "Environment and facilities": "环境与设施",
}
MAX_REASON = 500
GRACE_SECONDS = 60

SCORE = QT_TRANSLATE_NOOP("fields", "Rating")
REASON = QT_TRANSLATE_NOOP("fields", "Reason for the rating")


def check_score(score: object) -> int:
    if isinstance(score, bool) or score not in SCORES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose one of the four ratings"), field=SCORE)
    return int(score)  # type: ignore[call-overload]


def reason_text(chosen: list[str] | tuple[str, ...], typed: str) -> str:
    """The reason as stored: the chosen reasons (keys of :data:`REASON_TEXTS`) in the bank's
    working language, then the typed words, joined by "、" (NFKC, which stored text goes through, keeps it)."""
    unknown = [key for key in chosen if key not in REASON_TEXTS]
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose reasons from the list"), field=REASON)
    words = (typed or "").strip()
    return "、".join([REASON_TEXTS[key] for key in chosen] + ([words] if words else []))


def check_rating(score: object, reason: str | None) -> tuple[int, str | None]:
    """``(score, reason)`` as stored: an 不满意 needs a reason (at most :data:`MAX_REASON`
    characters, no control characters); another score stores none (a reason given with it is
    refused rather than dropped: it was typed for an 不满意)."""
    score = check_score(score)
    if score != DISSATISFIED:
        if reason is not None and reason.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "is asked only with a dissatisfied rating"),
                                  field=REASON)
        return score, None
    text = clean_text(reason or "", field=REASON, max_length=MAX_REASON, required=False, multiline=True)
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "choose or type why the customer is dissatisfied"),
                              field=REASON)
    return score, text


def rating_deadline(finished_at: datetime, rating_seconds: int) -> datetime:
    """The last moment a rating of a ticket finished at ``finished_at`` may be stored."""
    return finished_at + timedelta(seconds=rating_seconds + GRACE_SECONDS)


def may_still_rate(finished_at: datetime | None, now: datetime, rating_seconds: int) -> bool:
    return finished_at is not None and now <= rating_deadline(finished_at, rating_seconds)
