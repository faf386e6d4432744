"""Tier rules: the versioned tier policy, the rolling quarterly daily-average AUM, and the
evaluation that turns an average, a card held and an exception into worklist flags.

docs/domain.md: the tier comes from the rolling quarterly daily-average AUM as of last month; bands,
tier names, how many tiers there are and the card type per tier are policy, versioned with an
effective date; cardholders below their card's band are *below standard* and go on a
downgrade-review list, never downgraded silently, by a below-standard rule that is part of the
same versioned policy (how many consecutive month-ends below, and a tolerance under the band); an approved exception may grant a tier above
the AUM band until its end date. A tier is voluntary: evaluation only flags, it never issues,
changes or cancels a card (that takes an application).

Pure: no database, no Qt, no I/O.
"""

from __future__ import annotations

import bisect
import calendar
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from app.customers.rules import MAX_INTEGER_DIGITS, parse_amount
from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.glossary import TIER_LABELS
from app.text import clean_text
from db.customer_tier import FIRST_TIER

CENT = Decimal("0.01")
QUARTER_MONTHS = 3

TIERS = QT_TRANSLATE_NOOP("fields", "Tiers")
TIER = QT_TRANSLATE_NOOP("fields", "Tier")
TIER_CODE = QT_TRANSLATE_NOOP("fields", "Tier code")
TIER_LABEL = QT_TRANSLATE_NOOP("fields", "Tier name")
LOWER_BOUND = QT_TRANSLATE_NOOP("fields", "Lower bound")
CARD_TYPE = QT_TRANSLATE_NOOP("fields", "Card type")
POLICY_VERSION = QT_TRANSLATE_NOOP("fields", "Policy version")
EFFECTIVE_FROM = QT_TRANSLATE_NOOP("fields", "Effective from")
REASON = QT_TRANSLATE_NOOP("fields", "Reason")
APPROVED_BY = QT_TRANSLATE_NOOP("fields", "Approved by")
VALID_UNTIL = QT_TRANSLATE_NOOP("fields", "Valid until")
BELOW_STANDARD_MONTHS = QT_TRANSLATE_NOOP("fields", "Months below standard before review")
BELOW_STANDARD_TOLERANCE = QT_TRANSLATE_NOOP("fields", "Below-standard tolerance")
MAX_BELOW_STANDARD_MONTHS = 12
MAX_TOLERANCE_PERCENT = Decimal("50")

# The VIP card types, lowest first: the order decides "upgrade" and "below standard".
CARD_TYPES = ("gold", "platinum", "diamond")
CARD_TYPE_LABELS = {
    "gold": QT_TRANSLATE_NOOP("card_types", "Gold card"),
    "platinum": QT_TRANSLATE_NOOP("card_types", "Platinum card"),
    "diamond": QT_TRANSLATE_NOOP("card_types", "Diamond card"),
}
_TIER_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")


def card_rank(card_type: str | None) -> int:
    """0 for no VIP card, then 1, 2, 3 for gold, platinum, diamond: the queue calls higher
    ranks first (docs/domain.md: diamond, platinum, gold, ordinary)."""
    if card_type is None:
        return 0
    if card_type not in CARD_TYPES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{card} is not a known card type"),
                              field=CARD_TYPE, card=card_type)
    return CARD_TYPES.index(card_type) + 1


# --------------------------------------------------------------------------- policy

@dataclass(frozen=True)
class TierBand:
    """One tier: AUM from ``lower_bound`` (inclusive) up to the next band's bound (exclusive).

    ``label`` is the English source text, translated by the GUI in the "tiers" context (a
    bank's own names pass through unchanged). ``card_type`` is the VIP card the tier entitles
    to, or ``None`` for a plain debit card.
    """

    code: str
    label: str
    lower_bound: Decimal
    card_type: str | None = None


@dataclass(frozen=True)
class BelowStandardRule:
    """When a cardholder whose card is above what their tier entitles to goes on the
    downgrade-review list (未达标, seed 000): after ``months`` consecutive month-ends whose
    rolling quarterly average lies below the held card's band, where an average within
    ``tolerance_percent`` under the band's lower bound still counts as standard.

    The default (1 month, 0 %) is the plain rule: listed at once when the average falls under
    the band. Review only: nobody's card is ever changed by the rule.
    """

    months: int = 1
    tolerance_percent: Decimal = Decimal("0.00")

    def validate(self) -> None:
        """Refuse a rule naming the field: months a whole number from 1 to 12, tolerance a
        percentage from 0 to 50 with at most 2 decimals (half a band under is no band at all)."""
        if (isinstance(self.months, bool) or not isinstance(self.months, int)
                or not 1 <= self.months <= MAX_BELOW_STANDARD_MONTHS):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from 1 to {max}"),
                                  field=BELOW_STANDARD_MONTHS, max=MAX_BELOW_STANDARD_MONTHS)
        tolerance = self.tolerance_percent
        if not (isinstance(tolerance, Decimal) and tolerance.is_finite()
                and 0 <= tolerance <= MAX_TOLERANCE_PERCENT and tolerance == tolerance.quantize(CENT)):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "must be a percentage from 0 to {max} with at most 2 decimals"),
                field=BELOW_STANDARD_TOLERANCE, max=MAX_TOLERANCE_PERCENT)

    def threshold(self, card_bound: Decimal) -> Decimal:
        """The lowest average still standard for a card whose band starts at ``card_bound``."""
        with localcontext() as ctx:
            ctx.prec = 50
            return card_bound * (100 - self.tolerance_percent) / 100

    def is_below(self, card_bound: Decimal | None, averages: Sequence[Decimal | None]) -> bool:
        """Whether the rule lists the holder of a card whose band starts at ``card_bound``
        (``None``: no band of the policy carries that card any more, so no average is enough),
        given the rolling quarterly averages at the latest month-ends, latest first.

        Each of the last ``months`` month-ends must have an average below the threshold; a
        month-end without any AUM figure is no evidence of being below, so it breaks the run,
        and so does a history shorter than ``months``.
        """
        window = list(averages[:self.months])
        if len(window) < self.months:
            return False
        limit = None if card_bound is None else self.threshold(card_bound)
        return all(a is not None and (limit is None or a < limit) for a in window)

    def to_dict(self) -> dict:
        return {"months": self.months, "tolerance_percent": f"{self.tolerance_percent:.2f}"}

    @classmethod
    def from_dict(cls, data: Mapping | None) -> BelowStandardRule:
        """The rule from :meth:`to_dict`'s shape; ``None`` (a policy stored before the rule was
        policy) is the default rule. Malformed values are a :class:`ValidationError`."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from 1 to {max}"),
                                  field=BELOW_STANDARD_MONTHS, max=MAX_BELOW_STANDARD_MONTHS)
        rule = cls(months=data.get("months", 1),
                   tolerance_percent=parse_tolerance(data.get("tolerance_percent", "0")))
        rule.validate()
        return rule


def parse_tolerance(raw: object) -> Decimal:
    """A tolerance as typed or stored: ``5``, ``2.5``, ``2.50 %`` (full-width digits too);
    anything else, a float included, is a :class:`ValidationError` naming the field."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, Decimal)):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a percentage written as text"),
                              field=BELOW_STANDARD_TOLERANCE)
    text = str(raw).strip().translate(_FULLWIDTH_PERCENT).removesuffix("%").strip()
    if not _PERCENT.fullmatch(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be a percentage from 0 to {max} with at most 2 decimals"),
            field=BELOW_STANDARD_TOLERANCE, max=MAX_TOLERANCE_PERCENT)
    return Decimal(text).quantize(CENT)


_PERCENT = re.compile(r"\d{1,3}(?:\.\d{1,2})?", re.ASCII)
_FULLWIDTH_PERCENT = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")} | {
    ord("．"): ord("."), ord("％"): ord("%")}


@dataclass(frozen=True)
class TierPolicy:
    """Tier bands and the below-standard rule in force from ``effective_from``, lowest band
    first; ``version`` identifies it so that an evaluation stays tied to the policy it used."""

    version: int
    effective_from: date
    bands: tuple[TierBand, ...]
    below_standard: BelowStandardRule = BelowStandardRule()

    def __post_init__(self) -> None:
        object.__setattr__(self, "bands", tuple(self.bands))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(band.code for band in self.bands)

    def band(self, code: str) -> TierBand:
        """The band called ``code``; :class:`ValidationError` naming "Tier" if there is none."""
        for band in self.bands:
            if band.code == code:
                return band
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{tier} is not a tier of this policy"),
                              field=TIER, tier=code)

    def rank(self, code: str) -> int:
        """The band's position, 0 for the lowest: a higher rank is a higher tier, served first."""
        return self.bands.index(self.band(code))

    def card_bound(self, card_type: str | None) -> Decimal | None:
        """The lower bound of the band a card belongs to: the lowest band whose card is that
        card or a higher one (``None`` when no band carries it any more; no VIP card: the
        lowest band's)."""
        rank = card_rank(card_type)
        return next((b.lower_bound for b in self.bands if card_rank(b.card_type) >= rank), None)

    def validate(self) -> None:
        """Refuse a policy a bank edited into something unusable, naming the field and reason:
        fewer than two bands, a lowest band not called :data:`FIRST_TIER` (the tier the store
        gives every new customer) or not starting at 0, bounds not strictly increasing,
        duplicate or malformed codes, unnamed tiers, unknown card types, card types that go
        down as the bands go up, or a below-standard rule out of range."""
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 1:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number of at least 1"),
                                  field=POLICY_VERSION)
        if not isinstance(self.effective_from, date):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a date"), field=EFFECTIVE_FROM)
        if len(self.bands) < 2:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at least two tiers"),
                                  field=TIERS)
        seen: set[str] = set()
        previous: TierBand | None = None
        for band in self.bands:
            if not isinstance(band.code, str) or not _TIER_CODE.fullmatch(band.code):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "must be 1 to 32 lower-case letters, digits or _, "
                                                "beginning with a letter"),
                    field=TIER_CODE)
            if band.code in seen:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "{tier} is used twice"),
                                      field=TIER_CODE, tier=band.code)
            seen.add(band.code)
            if not isinstance(band.label, str):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=TIER_LABEL)
            if clean_text(band.label, field=TIER_LABEL, max_length=40) != band.label:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "must not have surrounding or repeated spaces"),
                    field=TIER_LABEL)
            _check_bound(band.lower_bound)
            card_rank(band.card_type)
            if previous is None:
                if band.code != FIRST_TIER:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "must be {tier} for the lowest tier"),
                        field=TIER_CODE, tier=FIRST_TIER)
                if band.lower_bound != 0:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "must be 0 for the lowest tier"), field=LOWER_BOUND)
            else:
                if band.lower_bound <= previous.lower_bound:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "must increase from tier to tier ({tier} does not)"),
                        field=LOWER_BOUND, tier=band.code)
                if card_rank(band.card_type) < card_rank(previous.card_type):
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "must not go down from tier to tier ({tier} does)"),
                        field=CARD_TYPE, tier=band.code)
            previous = band
        if not isinstance(self.below_standard, BelowStandardRule):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from 1 to {max}"),
                                  field=BELOW_STANDARD_MONTHS, max=MAX_BELOW_STANDARD_MONTHS)
        self.below_standard.validate()

    def to_dict(self) -> dict:
        """Plain JSON values: bounds as text with 2 decimals, so that no float creeps in."""
        return {
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
            "bands": [{"code": b.code, "label": b.label, "lower_bound": f"{b.lower_bound:.2f}",
                       "card_type": b.card_type} for b in self.bands],
            "below_standard": self.below_standard.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> TierPolicy:
        """A validated policy from :meth:`to_dict`'s shape; anything malformed (missing keys,
        wrong types, a float or malformed bound) is a :class:`ValidationError`, never another
        exception. Labels are cleaned like typed text; bounds accept what ``parse_amount`` does.
        Without ``below_standard`` (versions stored before the rule was policy) the rule is
        the default one."""
        if not isinstance(data, Mapping) or not isinstance(data.get("bands"), Sequence) \
                or isinstance(data.get("bands"), str):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a list of tiers"), field=TIERS)
        try:
            effective_from = date.fromisoformat(_unchecked(data, "effective_from"))
        except (TypeError, ValueError):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a date (YYYY-MM-DD)"),
                                  field=EFFECTIVE_FROM) from None
        bands = []
        for item in data["bands"]:
            if not isinstance(item, Mapping):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a list of tiers"),
                                      field=TIERS)
            bound = item.get("lower_bound")
            if isinstance(bound, bool) or not isinstance(bound, (str, int, Decimal)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be an amount written as text"),
                                      field=LOWER_BOUND)
            label = item.get("label")
            bands.append(TierBand(
                code=_unchecked(item, "code"),
                label=clean_text(label if isinstance(label, str) else None, field=TIER_LABEL,
                                 max_length=40),
                lower_bound=parse_amount(str(bound), field=LOWER_BOUND),
                card_type=item.get("card_type")))
        policy = cls(version=_unchecked(data, "version"), effective_from=effective_from, bands=tuple(bands),
                     below_standard=BelowStandardRule.from_dict(data.get("below_standard")))
        policy.validate()
        return policy


def _unchecked(data: Mapping, key: str) -> Any:
    """A stored policy's value as it is (``None`` when missing): any type until
    :meth:`TierPolicy.validate` has refused the wrong ones."""
    return data.get(key)


def _check_bound(bound: object) -> None:
    ok = (isinstance(bound, Decimal) and bound.is_finite() and bound >= 0
          and len(str(int(bound))) <= MAX_INTEGER_DIGITS and bound == bound.quantize(CENT))
    if not ok:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be an amount of at least 0 with at most 2 decimals"),
            field=LOWER_BOUND)


DEFAULT_TIER_POLICY = TierPolicy(
    version=1,
    effective_from=date(2000, 1, 1),  # in force until a bank saves its own
    bands=(
        TierBand("ordinary", TIER_LABELS["ordinary"], Decimal("0.00"), None),
        TierBand("gold", TIER_LABELS["gold"], Decimal("100000.00"), "gold"),
        TierBand("platinum", TIER_LABELS["platinum"], Decimal("500000.00"), "platinum"),
        TierBand("diamond", TIER_LABELS["diamond"], Decimal("1000000.00"), "diamond"),
        TierBand("private", TIER_LABELS["private"], Decimal("6000000.00"), "diamond"),
    ),
)


def policy_in_force(policies: Sequence[TierPolicy], on: date) -> TierPolicy | None:
    """The policy a date falls under: the latest ``effective_from`` on or before ``on`` (the
    higher version if two share a date); ``None`` if every policy starts later."""
    candidates = [p for p in policies if p.effective_from <= on]
    return max(candidates, key=lambda p: (p.effective_from, p.version), default=None)


def tier_for(average: Decimal, policy: TierPolicy = DEFAULT_TIER_POLICY) -> TierBand:
    """The band ``average`` falls in: its bound inclusive, the next band's exclusive
    (100,000.00 is gold, 99,999.99 ordinary). Below 0 (an overdrawn customer) is the lowest."""
    bounds = [band.lower_bound for band in policy.bands]
    return policy.bands[max(0, bisect.bisect_right(bounds, Decimal(average)) - 1)]


# --------------------------------------------------------------------------- AUM average

def quarter_window(as_of: tuple[int, int]) -> list[tuple[int, int]]:
    """The three months ending with ``as_of`` (year, month), oldest first."""
    year, month = as_of
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    index = year * 12 + month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - QUARTER_MONTHS + 1, index + 1)]


def rolling_quarterly_average(monthly: Mapping[tuple[int, int], Decimal],
                              as_of: tuple[int, int]) -> Decimal | None:
    """The rolling quarterly daily-average AUM (滚动季日均) as of the end of month ``as_of``.

    ``monthly`` maps (year, month) to that month's average daily AUM, as the core-banking
    extract gives it. The result is the mean daily AUM over the three months ending with
    ``as_of`` ("last month" when evaluating), each month weighted by its number of days
    (February 28 or 29), rounded to 2 decimals half-up.

    A month missing from ``monthly`` counts as 0: the extract lists a customer for the months
    they held assets, so a customer who joined or emptied their accounts within the quarter
    averages over the whole quarter, as a daily average over the calendar window does. When
    none of the three months is present there is no evidence at all, and the result is
    ``None`` (not 0): evaluation then changes nothing (see :func:`evaluate`).
    """
    window = quarter_window(as_of)
    present = [ym for ym in window if monthly.get(ym) is not None]
    if not present:
        return None
    with localcontext() as ctx:
        ctx.prec = 50
        total = Decimal(0)
        days = 0
        for ym in window:
            n = calendar.monthrange(*ym)[1]
            value = monthly.get(ym)
            if isinstance(value, float):
                raise TypeError("monthly AUM must be Decimal, not float")
            total += (Decimal(value) if value is not None else Decimal(0)) * n
            days += n
        return (total / days).quantize(CENT, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------- exceptions

@dataclass(frozen=True)
class TierException:
    """A tier granted above the AUM band (a notable person, an executive, a high-potential
    customer), approved one by one by the branch above: who approved, why, and until when
    (inclusive). Not named ``Exception`` so as not to shadow the built-in."""

    tier: str
    reason: str
    approved_by: str
    valid_until: date

    def is_active(self, on: date) -> bool:
        """In force on ``on``: through the whole of its ``valid_until`` day."""
        return on <= self.valid_until


def make_exception(tier: str, reason: str, approved_by: str, valid_until: date, *,
                   policy: TierPolicy = DEFAULT_TIER_POLICY, today: date,
                   proposed_by: str | None = None) -> TierException:
    """A checked :class:`TierException`: a tier of ``policy`` above its lowest, a reason (at
    most 500 characters), an approver other than the proposer (maker-checker), and an end
    date not in the past."""
    if policy.rank(tier) == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be above the lowest tier"), field=TIER)
    reason = clean_text(reason, field=REASON, max_length=500)
    approved_by = clean_text(approved_by, field=APPROVED_BY, max_length=100)
    if proposed_by is not None and approved_by == proposed_by:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be someone other than the person who proposed it"),
            field=APPROVED_BY)
    if not isinstance(valid_until, date) or valid_until < today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a date from today on"),
                              field=VALID_UNTIL)
    return TierException(tier, reason, approved_by, valid_until)


# --------------------------------------------------------------------------- evaluation

class ExceptionOutcome(enum.StrEnum):
    """What became of a customer's exception in one evaluation (for the "why" of a tier)."""

    NONE = "none"                    # no exception
    APPLIED = "applied"              # active and above the computed tier: it decides
    EXPIRED = "expired"              # its end date is before the evaluation date
    NOT_ABOVE = "not_above"          # the AUM alone already reaches its tier or higher
    UNKNOWN_TIER = "unknown_tier"    # its tier is not in this policy (the policy changed)


@dataclass(frozen=True)
class TierEvaluation:
    """The outcome for one customer. ``computed`` is the band the average reaches (``None``
    without AUM data); ``effective`` is the tier to record: the exception's when it applies,
    else ``computed``, else (no data) the current tier unchanged.

    Flags for the branch's worklists, all about the VIP card (only an application changes a
    card):

    - ``eligible_for_upgrade``: holds a card below the one the effective tier entitles to;
    - ``below_standard``: holds a card above it (未达标): downgrade review, never automatic;
    - ``newly_eligible_for_first_card``: holds no VIP card, and the effective tier has one
      while the tier on record did not (or is none this policy has): the customer has just
      moved into a tier that carries a card; or an earlier evaluation of the same month listed
      the customer so and they still qualify (a re-run of the month keeps its list). A
      card-less customer who stays in such a tier is not listed again the months after: the
      card is voluntary, and the branch made its offer when the customer was first listed.
    """

    policy_version: int
    as_of: date
    average: Decimal | None
    computed: TierBand | None
    effective: TierBand
    current_tier: str | None
    card_type_held: str | None
    exception_outcome: ExceptionOutcome
    eligible_for_upgrade: bool
    below_standard: bool
    newly_eligible_for_first_card: bool

    @property
    def has_data(self) -> bool:
        """False when none of the quarter's three months had an AUM figure."""
        return self.average is not None

    @property
    def tier_changed(self) -> bool:
        """The effective tier differs from the one on record (to record with this evaluation)."""
        return self.effective.code != self.current_tier


def month_end(as_of: tuple[int, int]) -> date:
    """The last day of month ``as_of`` (year, month)."""
    year, month = as_of
    return date(year, month, calendar.monthrange(year, month)[1])


def evaluate(current_tier: str | None, card_type_held: str | None, average: Decimal | None,
             exception: TierException | None, policy: TierPolicy,
             as_of: date | tuple[int, int], earlier: Sequence[Decimal | None] = (), *,
             listed_this_month: bool = False) -> TierEvaluation:
    """Evaluate one customer under ``policy`` on ``as_of`` (a date, or a (year, month) meaning
    that month's last day; the exception must be active on it). ``earlier`` are the rolling
    quarterly averages at the month-ends before, latest first, as far back as the policy's
    below-standard rule looks (``None`` for a month-end without any figure).
    ``listed_this_month``: an earlier evaluation of the same month listed the customer as newly
    eligible for a first card.

    - computed tier: :func:`tier_for` the average; none without data.
    - effective tier: an active exception whose tier is above the computed one wins; an
      expired exception, or one at or below the computed tier, is ignored. Without AUM data
      (``average`` is ``None``) the current tier stays (absence of a figure is no evidence
      of a change), unless an active exception applies; a customer without a current tier
      (or with one the policy no longer has) then gets the lowest tier.
    - card flags compare card types by rank (gold < platinum < diamond), so a private-banking
      customer holding a diamond card is neither upgradable nor below standard.
    - below standard: the card held is above what the effective tier entitles to, and the
      policy's :class:`BelowStandardRule` lists the holder (enough consecutive month-ends under
      the card's band, less the tolerance). Without a figure this month (only reachable through
      an applied exception) the tiers alone decide, as the month's evidence is the exception.
    """
    on = month_end(as_of) if isinstance(as_of, tuple) else as_of
    held_rank = card_rank(card_type_held)
    computed = tier_for(average, policy) if average is not None else None

    outcome = ExceptionOutcome.NONE
    granted: TierBand | None = None
    if exception is not None:
        if exception.tier not in policy.codes:
            outcome = ExceptionOutcome.UNKNOWN_TIER
        elif not exception.is_active(on):
            outcome = ExceptionOutcome.EXPIRED
        elif computed is not None and policy.rank(exception.tier) <= policy.rank(computed.code):
            outcome = ExceptionOutcome.NOT_ABOVE
        else:
            outcome, granted = ExceptionOutcome.APPLIED, policy.band(exception.tier)

    if granted is not None:
        effective = granted
    elif computed is not None:
        effective = computed
    elif current_tier in policy.codes:
        effective = policy.band(current_tier)
    else:
        effective = policy.bands[0]

    entitled_rank = card_rank(effective.card_type)
    entitled_before = card_rank(policy.band(current_tier).card_type) if current_tier in policy.codes else 0
    has_data = average is not None or granted is not None
    below = has_data and held_rank > entitled_rank
    if below and average is not None:
        below = policy.below_standard.is_below(policy.card_bound(card_type_held), [average, *earlier])
    return TierEvaluation(
        policy_version=policy.version,
        as_of=on,
        average=average,
        computed=computed,
        effective=effective,
        current_tier=current_tier,
        card_type_held=card_type_held,
        exception_outcome=outcome,
        eligible_for_upgrade=has_data and held_rank > 0 and entitled_rank > held_rank,
        below_standard=below,
        newly_eligible_for_first_card=(has_data and held_rank == 0 and entitled_rank > 0
                                       and (entitled_before == 0 or listed_this_month)),
    )
