"""Pure rules of the VIP card lifecycle (docs/domain.md "VIP cards", docs/architecture.md state machines).

- Card applications: submitted → approved | rejected; approved → fulfilled | cancelled (a
  submitted one may be cancelled too). Kinds: new, renewal, upgrade, downgrade, replace-lost,
  replace-damaged; :func:`check_eligibility` says whether a customer may have what is asked
  and, when not, why.
- VIP cards: active → lost | expired | replaced | cancelled; an expired card may still be
  replaced by its renewal. At most one active card per customer (the schema keeps it too).
- Card numbers: 16 or 19 digits beginning with one of the card product's BINs; the Luhn check
  digit is enforced or only warned about, per card product (:class:`CardPolicy`, a bank's own
  policy with defaults). Validity: expiry a number of whole years after issue (default two).

No database and no Qt here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from stdnum import luhn

from app.auth.permissions import Permission
from app.swipe import CARD_NUMBER, card_number_field
from app.errors import QT_TRANSLATE_NOOP, ConflictError, ValidationError
from app.text import compact
from app.tiers.rules import CARD_TYPE, CARD_TYPES, card_rank

KIND = QT_TRANSLATE_NOOP("fields", "Application kind")
COMMENT = QT_TRANSLATE_NOOP("fields", "Comment")
APPROVED_BY = QT_TRANSLATE_NOOP("fields", "Approved by")
REASON = QT_TRANSLATE_NOOP("fields", "Reason")
NOTE = QT_TRANSLATE_NOOP("fields", "Note")
SIGNED_ON = QT_TRANSLATE_NOOP("fields", "Signed on")
WITNESS = QT_TRANSLATE_NOOP("fields", "Agreement witness")
OLD_CARD = QT_TRANSLATE_NOOP("fields", "Old card")
BINS = QT_TRANSLATE_NOOP("fields", "BINs")
LUHN = QT_TRANSLATE_NOOP("fields", "Luhn check")
VALIDITY_YEARS = QT_TRANSLATE_NOOP("fields", "Validity (years)")
EXPIRING_DAYS = QT_TRANSLATE_NOOP("fields", "Expiring within (days)")

# ----------------------------------------------------------------------------- applications

NEW, RENEWAL, UPGRADE, DOWNGRADE, REPLACE_LOST, REPLACE_DAMAGED = (
    "new", "renewal", "upgrade", "downgrade", "replace_lost", "replace_damaged")
KINDS = (NEW, RENEWAL, UPGRADE, DOWNGRADE, REPLACE_LOST, REPLACE_DAMAGED)
KIND_LABELS = {
    NEW: QT_TRANSLATE_NOOP("card_kinds", "New card"),
    RENEWAL: QT_TRANSLATE_NOOP("card_kinds", "Renewal"),
    UPGRADE: QT_TRANSLATE_NOOP("card_kinds", "Upgrade"),
    DOWNGRADE: QT_TRANSLATE_NOOP("card_kinds", "Downgrade"),
    REPLACE_LOST: QT_TRANSLATE_NOOP("card_kinds", "Replace lost card"),
    REPLACE_DAMAGED: QT_TRANSLATE_NOOP("card_kinds", "Replace damaged card"),
}
# Kinds whose new card takes the place of the customer's active (or expired) card, which is
# handed back (returned to stock for destruction) or recorded as not returned.
REPLACING_KINDS = (RENEWAL, UPGRADE, DOWNGRADE, REPLACE_DAMAGED)

SUBMITTED, APPROVED, REJECTED, FULFILLED, CANCELLED = (
    "submitted", "approved", "rejected", "fulfilled", "cancelled")
APPLICATION_STATUSES = (SUBMITTED, APPROVED, REJECTED, FULFILLED, CANCELLED)
OPEN_STATUSES = (SUBMITTED, APPROVED)
APPLICATION_STATUS_LABELS = {
    SUBMITTED: QT_TRANSLATE_NOOP("card_status", "Awaiting approval"),
    APPROVED: QT_TRANSLATE_NOOP("card_status", "Approved"),
    REJECTED: QT_TRANSLATE_NOOP("card_status", "Rejected"),
    FULFILLED: QT_TRANSLATE_NOOP("card_status", "Issued"),
    CANCELLED: QT_TRANSLATE_NOOP("card_status", "Cancelled"),
}
APPROVE, REJECT, FULFIL, WITHDRAW = "approve", "reject", "fulfil", "withdraw"
APPLICATION_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    APPROVE: ((SUBMITTED,), APPROVED),
    REJECT: ((SUBMITTED,), REJECTED),
    FULFIL: ((APPROVED,), FULFILLED),
    WITHDRAW: ((SUBMITTED, APPROVED), CANCELLED),
}

# Who may take each step (the services require these; on PostgreSQL the database checks a staff
# login's raw writes by the same table, migration 0024's state_transition rows). SUBMIT is the
# application's creation.
SUBMIT = "submit"
APPLICATION_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    SUBMIT: (Permission.APPLY_FOR_CARD,),
    APPROVE: (Permission.APPROVE_CARD,),
    REJECT: (Permission.APPROVE_CARD,),
    FULFIL: (Permission.ISSUE_CARD,),
    WITHDRAW: (Permission.APPLY_FOR_CARD, Permission.APPROVE_CARD),
}

_APPLICATION_REFUSALS = {
    APPROVE: QT_TRANSLATE_NOOP("errors", "This application is {status}; only one awaiting approval can be approved."),
    REJECT: QT_TRANSLATE_NOOP("errors", "This application is {status}; only one awaiting approval can be rejected."),
    FULFIL: QT_TRANSLATE_NOOP("errors", "This application is {status}; a card is issued only on an approved application."),
    WITHDRAW: QT_TRANSLATE_NOOP("errors", "This application is {status}; only an open application can be cancelled."),
}


def next_application_status(action: str, status: str) -> str:
    """The status after ``action``; :class:`ConflictError` when ``status`` does not allow it
    (someone else decided, issued or cancelled it first)."""
    allowed, after = APPLICATION_TRANSITIONS[action]
    if status not in allowed:
        raise ConflictError(_APPLICATION_REFUSALS[action], status=status)
    return after


# ----------------------------------------------------------------------------- cards

ACTIVE, LOST, EXPIRED, REPLACED = "active", "lost", "expired", "replaced"
CARD_STATUSES = (ACTIVE, LOST, EXPIRED, REPLACED, CANCELLED)
CARD_STATUS_LABELS = {
    ACTIVE: QT_TRANSLATE_NOOP("card_status", "Active"),
    LOST: QT_TRANSLATE_NOOP("card_status", "Lost"),
    EXPIRED: QT_TRANSLATE_NOOP("card_status", "Expired"),
    REPLACED: QT_TRANSLATE_NOOP("card_status", "Replaced"),
    CANCELLED: QT_TRANSLATE_NOOP("card_status", "Cancelled"),
}
REPORT_LOSS, EXPIRE, REPLACE, CANCEL = "report_loss", "expire", "replace", "cancel"
CARD_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    REPORT_LOSS: ((ACTIVE,), LOST),
    EXPIRE: ((ACTIVE,), EXPIRED),
    REPLACE: ((ACTIVE, EXPIRED), REPLACED),
    CANCEL: ((ACTIVE,), CANCELLED),
}
# Who may take each step of a card (ISSUE is its creation at the counter).
ISSUE = "issue"
CARD_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    ISSUE: (Permission.ISSUE_CARD,),
    REPORT_LOSS: (Permission.SERVICE_CARDS,),
    EXPIRE: (Permission.SERVICE_CARDS,),
    REPLACE: (Permission.ISSUE_CARD,),
    CANCEL: (Permission.SERVICE_CARDS,),
}
_CARD_REFUSALS = {
    REPORT_LOSS: QT_TRANSLATE_NOOP("errors", "This card is {status}; only an active card can be reported lost."),
    EXPIRE: QT_TRANSLATE_NOOP("errors", "This card is {status}; only an active card expires."),
    REPLACE: QT_TRANSLATE_NOOP("errors", "This card is {status}; only an active or expired card can be replaced."),
    CANCEL: QT_TRANSLATE_NOOP("errors", "This card is {status}; only an active card can be cancelled."),
}


def next_card_status(action: str, status: str) -> str:
    """The card's status after ``action``; :class:`ConflictError` when it does not allow it."""
    allowed, after = CARD_TRANSITIONS[action]
    if status not in allowed:
        raise ConflictError(_CARD_REFUSALS[action], status=status)
    return after


# ----------------------------------------------------------------------------- paperwork

AGREEMENT, WELCOME, UPGRADE_LETTER, DOWNGRADE_LETTER, REPLACEMENT, RENEWAL_LETTER, RENEWAL_DUE = (
    "agreement", "welcome", "upgrade", "downgrade", "replacement", "renewal", "renewal_due")
PAPERWORK_KINDS = (AGREEMENT, WELCOME, UPGRADE_LETTER, DOWNGRADE_LETTER, REPLACEMENT, RENEWAL_LETTER,
                   RENEWAL_DUE)
PAPERWORK_LABELS = {
    AGREEMENT: QT_TRANSLATE_NOOP("paperwork", "Service agreement"),
    WELCOME: QT_TRANSLATE_NOOP("paperwork", "Welcome letter"),
    UPGRADE_LETTER: QT_TRANSLATE_NOOP("paperwork", "Upgrade letter"),
    DOWNGRADE_LETTER: QT_TRANSLATE_NOOP("paperwork", "Downgrade letter"),
    REPLACEMENT: QT_TRANSLATE_NOOP("paperwork", "Replacement letter"),
    RENEWAL_LETTER: QT_TRANSLATE_NOOP("paperwork", "Renewal letter"),
    RENEWAL_DUE: QT_TRANSLATE_NOOP("paperwork", "Renewal-due letter"),
}
LETTER_FOR_KIND = {NEW: WELCOME, RENEWAL: RENEWAL_LETTER, UPGRADE: UPGRADE_LETTER,
                   DOWNGRADE: DOWNGRADE_LETTER, REPLACE_LOST: REPLACEMENT, REPLACE_DAMAGED: REPLACEMENT}


def paperwork_on_issue(kind: str) -> tuple[str, str]:
    """What an issue of ``kind`` records for printing: the service agreement (signed on every
    issue and re-issue) and the letter that goes with the card."""
    return AGREEMENT, LETTER_FOR_KIND[kind]


# ----------------------------------------------------------------------------- policy

# Message parameters that name a card type (the GUI shows them as card-type labels).
CARD_PARAMS = ("card", "held", "lost", "other", "entitled")
NO_CARD = "none"

ENFORCE, WARN = "enforce", "warn"
LUHN_MODES = (ENFORCE, WARN)


@dataclass(frozen=True)
class CardProduct:
    """One VIP card product: its card type, the BINs its numbers begin with, and whether a
    number failing the Luhn check digit is refused (``enforce``) or accepted with a warning
    (``warn``: some Chinese banks' debit ranges carry no Luhn digit)."""

    card_type: str
    bins: tuple[str, ...]
    luhn: str = ENFORCE

    def __post_init__(self) -> None:
        object.__setattr__(self, "bins", tuple(self.bins))


@dataclass(frozen=True)
class CardPolicy:
    """The bank's card policy: one product per card type, the validity in years and the
    default window of the expiring-cards worklist."""

    products: tuple[CardProduct, ...]
    validity_years: int = 2
    expiring_days: int = 60

    def __post_init__(self) -> None:
        object.__setattr__(self, "products", tuple(self.products))

    def product(self, card_type: str) -> CardProduct:
        for product in self.products:
            if product.card_type == card_type:
                return product
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{card} is not a known card type"),
                              field=CARD_TYPE, card=card_type)

    @property
    def luhn_optional_bins(self) -> tuple[str, ...]:
        """The BINs of the products whose numbers may fail the Luhn check digit (``warn``)."""
        return tuple(b for p in self.products if p.luhn == WARN for b in p.bins)

    def validate(self) -> None:
        """Refuse a policy an administrator edited into something unusable, naming the field:
        a card type missing or twice, a BIN not of 4 to 10 digits, a BIN shared by two
        products or the prefix of another, an unknown Luhn mode, validity outside 1–10 years,
        a worklist window outside 1–366 days."""
        types = [p.card_type for p in self.products]
        if sorted(types) != sorted(CARD_TYPES):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "every card type needs exactly one product"),
                                  field=CARD_TYPE)
        seen: list[tuple[str, str]] = []
        for product in self.products:
            if not product.bins:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "the {card} card needs at least one BIN"),
                                      field=BINS, card=product.card_type)
            for bin_ in product.bins:
                if not (isinstance(bin_, str) and bin_.isascii() and bin_.isdigit() and 4 <= len(bin_) <= 10):
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{bin} is not a BIN of 4 to 10 digits"),
                                          field=BINS, bin=str(bin_)[:20])
                for other_bin, other_type in seen:
                    if bin_.startswith(other_bin) or other_bin.startswith(bin_):
                        raise ValidationError(QT_TRANSLATE_NOOP(
                            "errors", "{bin} overlaps {other} of the {card} card"), field=BINS,
                            bin=bin_, other=other_bin, card=other_type)
                seen.append((bin_, product.card_type))
            if product.luhn not in LUHN_MODES:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be enforce or warn"), field=LUHN)
        if isinstance(self.validity_years, bool) or not isinstance(self.validity_years, int) \
                or not 1 <= self.validity_years <= 10:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                                  field=VALIDITY_YEARS, low=1, high=10)
        if isinstance(self.expiring_days, bool) or not isinstance(self.expiring_days, int) \
                or not 1 <= self.expiring_days <= 366:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                                  field=EXPIRING_DAYS, low=1, high=366)

    def to_dict(self) -> dict:
        return {"products": [asdict(p) | {"bins": list(p.bins)} for p in self.products],
                "validity_years": self.validity_years, "expiring_days": self.expiring_days}

    @classmethod
    def from_dict(cls, data: dict) -> CardPolicy:
        """The policy stored in ``data``, validated."""
        try:
            products = tuple(CardProduct(p["card_type"], tuple(p["bins"]), p.get("luhn", ENFORCE))
                             for p in data["products"])
        except (KeyError, TypeError) as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "every card type needs exactly one product"),
                                  field=CARD_TYPE) from exc
        policy = cls(products, data.get("validity_years", 2), data.get("expiring_days", 60))
        policy.validate()
        return policy


# The policy until an administrator saves the bank's own on the card products page: one product
# per card type with a six-digit BIN of debit-card shape, each enforcing Luhn. The BINs are the
# bank's to set (they identify its card ranges), so these are the demo bank's.
DEFAULT_CARD_POLICY = CardPolicy(products=(
    CardProduct("gold", ("622202",)),
    CardProduct("platinum", ("622203",)),
    CardProduct("diamond", ("622208",)),
))


# ----------------------------------------------------------------------------- card numbers

LUHN_WARNING = QT_TRANSLATE_NOOP(
    "errors", "{number} fails the Luhn check digit; this card product accepts it, check the number on the card")


@dataclass(frozen=True)
class CardNumberCheck:
    """A card number that passed: its digits, and warnings the clerk should see."""

    number: str
    warnings: tuple[str, ...] = field(default=())


def check_card_number(raw: str, card_type: str, policy: CardPolicy = DEFAULT_CARD_POLICY) -> CardNumberCheck:
    """The card number typed, scanned or swiped (spaces and dashes between groups allowed; a
    swipe's tracks read by :mod:`app.swipe`), checked for the product of ``card_type``:
    digits only, 16 or 19 of them, beginning with one of the product's BINs (a BIN of another
    card type says so), and the Luhn digit enforced or warned.
    """
    product = policy.product(card_type)
    number = compact(card_number_field(raw or "", policy.luhn_optional_bins)).replace("-", "")
    if not number:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=CARD_NUMBER)
    if not (number.isascii() and number.isdigit()):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be digits only"), field=CARD_NUMBER)
    if len(number) not in (16, 19):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 16 or 19 digits, not {count}"),
                              field=CARD_NUMBER, count=len(number))
    if not number.startswith(product.bins):
        other = next((p for p in policy.products if p.card_type != card_type and number.startswith(p.bins)), None)
        if other is not None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "begins with the BIN of the {other} card, not of the {card} card ({bins})"),
                field=CARD_NUMBER, other=other.card_type, card=card_type, bins=", ".join(product.bins))
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must begin with the {card} card's BIN ({bins})"),
                              field=CARD_NUMBER, card=card_type, bins=", ".join(product.bins))
    warnings: tuple[str, ...] = ()
    if not luhn.is_valid(number):
        if product.luhn == ENFORCE:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "fails the Luhn check digit: a digit was mistyped or misread"), field=CARD_NUMBER)
        warnings = (LUHN_WARNING,)
    return CardNumberCheck(number, warnings)


def with_check_digit(body: str) -> str:
    """``body`` followed by its Luhn check digit (demo data and tests make valid numbers)."""
    return body + luhn.calc_check_digit(body)


# ----------------------------------------------------------------------------- validity


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expiry_for(issued_on: date, policy: CardPolicy = DEFAULT_CARD_POLICY) -> date:
    """The last day a card issued on ``issued_on`` is valid: the policy's years later."""
    return add_years(issued_on, policy.validity_years)


def days_left(expires_on: date, today: date) -> int:
    """Days until expiry (0 on the day itself, negative once expired)."""
    return (expires_on - today).days


# ----------------------------------------------------------------------------- eligibility


@dataclass(frozen=True)
class Holding:
    """What a customer holds now: the active card's type (``None`` without one), and, without
    an active card, the type of their last card when it was lost or expired and nothing has
    replaced it yet (``None`` when there is none)."""

    active_type: str | None = None
    lost_type: str | None = None
    expired_type: str | None = None


@dataclass(frozen=True)
class Eligibility:
    """Whether an application may be entered; ``reason`` (an English template, "errors"
    context, with ``params``) says why not."""

    eligible: bool
    reason: str = ""
    params: dict = field(default_factory=dict)

    def refusal(self) -> ValidationError:
        return ValidationError(self.reason, field=KIND, **self.params)


def _no(reason: str, **params: object) -> Eligibility:
    return Eligibility(False, reason, params)


def check_eligibility(kind: str, card_type: str, holding: Holding, entitled: str | None, *,
                      tier_label: str = "") -> Eligibility:
    """May a customer who holds ``holding`` and whose tier on record entitles them to
    ``entitled`` (a card type, ``None`` for no VIP card) apply for ``kind`` of ``card_type``?

    - new: no card held, lost or expired (those are replaced or renewed); the tier's card at or
      above the one asked for (a lower card may be chosen: the card is voluntary).
    - renewal: an active or expired card of the type asked for, the tier still reaching it (a
      customer below standard renews by a downgrade, after review).
    - upgrade: an active card below the one asked for, the tier reaching it.
    - downgrade: an active card above the one asked for (voluntary, or after review).
    - replace-lost: a lost card not yet replaced, at its original type (docs/domain.md).
    - replace-damaged: an active card of the type asked for.
    """
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{kind} is not an application kind"),
                              field=KIND, kind=str(kind)[:30])
    if card_type not in CARD_TYPES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{card} is not a known card type"),
                              field=CARD_TYPE, card=str(card_type)[:30])
    asked, held, may = card_rank(card_type), card_rank(holding.active_type), card_rank(entitled)
    below_tier = QT_TRANSLATE_NOOP(
        "errors", "the customer's tier ({tier}) entitles to {entitled}, below the {card} card asked for")
    entitled_name = entitled or NO_CARD
    if kind == NEW:
        if held:
            return _no(QT_TRANSLATE_NOOP(
                "errors", "the customer already holds an active {held} card: apply for a renewal, "
                          "upgrade, downgrade or replacement instead"), held=holding.active_type)
        if holding.lost_type:
            return _no(QT_TRANSLATE_NOOP(
                "errors", "the customer's {lost} card was reported lost: apply for a lost-card "
                          "replacement (at the original type) instead"), lost=holding.lost_type)
        if holding.expired_type:
            return _no(QT_TRANSLATE_NOOP(
                "errors", "the customer's {held} card has expired: apply for a renewal instead"),
                held=holding.expired_type)
        if may < asked:
            return _no(below_tier, tier=tier_label, entitled=entitled_name, card=card_type)
        return Eligibility(True)
    if kind == REPLACE_LOST:
        if held:
            return _no(QT_TRANSLATE_NOOP("errors", "the customer holds an active {held} card; no card is lost"),
                       held=holding.active_type)
        if not holding.lost_type:
            return _no(QT_TRANSLATE_NOOP("errors", "no lost card awaits replacement: report the loss first"))
        if card_type != holding.lost_type:
            return _no(QT_TRANSLATE_NOOP(
                "errors", "a lost card is replaced at its original type ({lost}), not {card}"),
                lost=holding.lost_type, card=card_type)
        return Eligibility(True)
    current = holding.active_type or (holding.expired_type if kind == RENEWAL else None)
    held = card_rank(current)
    if not held:
        return _no(QT_TRANSLATE_NOOP(
            "errors", "the customer holds no active VIP card to renew, upgrade, downgrade or replace"))
    if kind in (RENEWAL, REPLACE_DAMAGED):
        if card_type != current:
            return _no(QT_TRANSLATE_NOOP(
                "errors", "the card is re-issued at its own type ({held}), not {card}: apply for an "
                          "upgrade or downgrade instead"), held=current, card=card_type)
        if kind == RENEWAL and may < asked:
            return _no(QT_TRANSLATE_NOOP(
                "errors", "the customer's tier ({tier}) no longer reaches the {card} card (below "
                          "standard): review it and apply for a downgrade"), tier=tier_label, card=card_type)
        return Eligibility(True)
    if kind == UPGRADE:
        if asked <= held:
            return _no(QT_TRANSLATE_NOOP("errors", "an upgrade is to a card above the {held} card held"),
                       held=holding.active_type)
        if may < asked:
            return _no(below_tier, tier=tier_label, entitled=entitled_name, card=card_type)
        return Eligibility(True)
    # downgrade
    if asked >= held:
        return _no(QT_TRANSLATE_NOOP("errors", "a downgrade is to a card below the {held} card held"),
                   held=holding.active_type)
    return Eligibility(True)
