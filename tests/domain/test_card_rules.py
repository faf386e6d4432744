"""Pure VIP card rules: every application and card transition and every refusal, card numbers
(length, BIN, Luhn enforced or warned), validity, policy validation and eligibility by kind;
hypothesis: transitions follow their tables, any valid number passes and any one-digit change
is caught, expiry is the policy's years later."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import luhn

from app.cards import rules
from app.cards.rules import (
    ACTIVE, APPLICATION_STATUSES, APPLICATION_TRANSITIONS, CARD_STATUSES, CARD_TRANSITIONS, DEFAULT_CARD_POLICY,
    CardPolicy, CardProduct, Holding, check_card_number, check_eligibility, next_application_status,
    next_card_status, with_check_digit,
)
from app.errors import ConflictError, ValidationError

WARN_POLICY = CardPolicy((CardProduct("gold", ("622202",), "warn"), CardProduct("platinum", ("622203",)),
                          CardProduct("diamond", ("622208", "62558800"))))


# ----------------------------------------------------------------------------- transitions


@pytest.mark.parametrize("action", sorted(APPLICATION_TRANSITIONS))
@pytest.mark.parametrize("status", APPLICATION_STATUSES)
def test_every_application_transition_and_refusal(action, status):
    allowed, after = APPLICATION_TRANSITIONS[action]
    if status in allowed:
        assert next_application_status(action, status) == after
    else:
        with pytest.raises(ConflictError, match=status):
            next_application_status(action, status)


def test_application_machine_as_designed():
    assert next_application_status("approve", "submitted") == "approved"
    assert next_application_status("reject", "submitted") == "rejected"
    assert next_application_status("fulfil", "approved") == "fulfilled"
    assert next_application_status("withdraw", "approved") == "cancelled"
    with pytest.raises(ConflictError, match="only on an approved application"):
        next_application_status("fulfil", "submitted")   # no card without an approval


@pytest.mark.parametrize("action", sorted(CARD_TRANSITIONS))
@pytest.mark.parametrize("status", CARD_STATUSES)
def test_every_card_transition_and_refusal(action, status):
    allowed, after = CARD_TRANSITIONS[action]
    if status in allowed:
        assert next_card_status(action, status) == after
    else:
        with pytest.raises(ConflictError):
            next_card_status(action, status)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(sorted(CARD_TRANSITIONS)), max_size=8))
def test_a_card_leaves_active_once_and_never_comes_back(actions):
    status = ACTIVE
    for action in actions:
        try:
            status = next_card_status(action, status)
        except ConflictError:
            continue
        assert status != ACTIVE
    assert status in CARD_STATUSES


# ----------------------------------------------------------------------------- card numbers


def test_valid_numbers_of_16_and_19_digits_with_spaces():
    sixteen = with_check_digit("622202123456789")
    assert check_card_number(f"{sixteen[:4]} {sixteen[4:8]} {sixteen[8:12]} {sixteen[12:]}", "gold").number == sixteen
    nineteen = with_check_digit("622203" + "1" * 12)
    assert len(nineteen) == 19 and check_card_number(nineteen, "platinum").warnings == ()


@pytest.mark.parametrize("raw, card_type, message", [
    ("", "gold", "is required"),
    ("6222 02AB 0000 0001", "gold", "digits only"),
    ("62220212345678", "gold", "16 or 19 digits, not 14"),
    ("62220212345678901", "gold", "16 or 19 digits, not 17"),
    (with_check_digit("622203123456789"), "gold", "BIN of the platinum card"),
    (with_check_digit("999999123456789"), "gold", "must begin with the gold card's BIN"),
    ("6222021234567890", "gold", "Luhn"),
])
def test_bad_card_numbers_name_the_field(raw, card_type, message):
    if message == "Luhn":
        assert not luhn.is_valid(raw)
    with pytest.raises(ValidationError, match=message) as caught:
        check_card_number(raw, card_type)
    assert caught.value.field == "Card number"


def test_luhn_only_warned_where_the_product_says_so():
    bad = "6222021234567890"
    check = check_card_number(bad, "gold", WARN_POLICY)
    assert check.number == bad and check.warnings == (rules.LUHN_WARNING,)
    good = with_check_digit("622203000000001")
    with pytest.raises(ValidationError, match="Luhn"):  # platinum enforces it in the same policy
        check_card_number(good[:-1] + str((int(good[-1]) + 1) % 10), "platinum", WARN_POLICY)
    # a second BIN of a product is accepted
    assert check_card_number(with_check_digit("62558800" + "0" * 7), "diamond", WARN_POLICY).warnings == ()


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(["gold", "platinum", "diamond"]), st.sampled_from([16, 19]),
       st.integers(min_value=0, max_value=10 ** 12 - 1))
def test_any_number_with_the_right_bin_and_check_digit_passes(card_type, length, n):
    bin_ = DEFAULT_CARD_POLICY.product(card_type).bins[0]
    body = f"{bin_}{n:0{length - len(bin_) - 1}d}"[:length - 1]
    number = with_check_digit(body)
    assert check_card_number(number, card_type).number == number


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 9 - 1), st.integers(min_value=6, max_value=15),
       st.integers(min_value=1, max_value=9))
def test_one_mistyped_digit_is_caught_where_luhn_is_enforced(n, position, delta):
    number = with_check_digit(f"622202{n:09d}")
    digit = (int(number[position]) + delta) % 10
    typo = number[:position] + str(digit) + number[position + 1:]
    with pytest.raises(ValidationError, match="Luhn"):
        check_card_number(typo, "gold")


# ----------------------------------------------------------------------------- validity and policy


def test_expiry_two_years_after_issue_and_leap_days():
    assert rules.expiry_for(date(2026, 11, 27)) == date(2028, 11, 27)
    assert rules.expiry_for(date(2028, 2, 29)) == date(2030, 2, 28)
    three = CardPolicy(DEFAULT_CARD_POLICY.products, validity_years=3)
    assert rules.expiry_for(date(2026, 1, 1), three) == date(2029, 1, 1)
    assert rules.days_left(date(2026, 12, 1), date(2026, 11, 27)) == 4


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 10))
def test_expiry_is_whole_years_later(day, years):
    policy = CardPolicy(DEFAULT_CARD_POLICY.products, validity_years=years)
    expiry = rules.expiry_for(day, policy)
    assert expiry.year == day.year + years and expiry.month == day.month
    assert 0 <= day.day - expiry.day <= 1
    assert timedelta(days=365 * years - 1) <= expiry - day <= timedelta(days=366 * years)


@pytest.mark.parametrize("policy, field", [
    (CardPolicy(DEFAULT_CARD_POLICY.products[:2]), "Card type"),
    (CardPolicy((CardProduct("gold", ()),) + DEFAULT_CARD_POLICY.products[1:]), "BINs"),
    (CardPolicy((CardProduct("gold", ("62a202",)),) + DEFAULT_CARD_POLICY.products[1:]), "BINs"),
    (CardPolicy((CardProduct("gold", ("6222",)),) + DEFAULT_CARD_POLICY.products[1:]), "BINs"),  # prefix of another
    (CardPolicy((CardProduct("gold", ("622202",), "sometimes"),) + DEFAULT_CARD_POLICY.products[1:]), "Luhn check"),
    (CardPolicy(DEFAULT_CARD_POLICY.products, validity_years=0), "Validity (years)"),
    (CardPolicy(DEFAULT_CARD_POLICY.products, expiring_days=0), "Expiring within (days)"),
])
def test_bad_policies_are_refused_naming_the_field(policy, field):
    with pytest.raises(ValidationError) as caught:
        policy.validate()
    assert caught.value.field == field


def test_policy_round_trips():
    DEFAULT_CARD_POLICY.validate()
    assert CardPolicy.from_dict(WARN_POLICY.to_dict()) == WARN_POLICY
    with pytest.raises(ValidationError):
        CardPolicy.from_dict({"products": [{"bins": ["1234"]}]})


# ----------------------------------------------------------------------------- eligibility

NONE, GOLD, PLAT, DIAM = Holding(), Holding("gold"), Holding("platinum"), Holding("diamond")


@pytest.mark.parametrize("kind, card, holding, entitled, ok, message", [
    ("new", "gold", NONE, "gold", True, ""),
    ("new", "gold", NONE, "platinum", True, ""),                      # a lower card by choice
    ("new", "platinum", NONE, "gold", False, "entitles to"),
    ("new", "gold", NONE, None, False, "entitles to"),
    ("new", "gold", GOLD, "gold", False, "already holds an active"),
    ("new", "gold", Holding(lost_type="gold"), "gold", False, "reported lost"),
    ("renewal", "gold", GOLD, "gold", True, ""),
    ("renewal", "gold", Holding(expired_type="gold"), "gold", True, ""),
    ("new", "gold", Holding(expired_type="gold"), "gold", False, "apply for a renewal"),
    ("upgrade", "platinum", Holding(expired_type="gold"), "platinum", False, "holds no active"),
    ("renewal", "gold", NONE, "gold", False, "holds no active"),
    ("renewal", "platinum", GOLD, "platinum", False, "its own type"),
    ("renewal", "platinum", PLAT, "gold", False, "below standard"),
    ("upgrade", "platinum", GOLD, "platinum", True, ""),
    ("upgrade", "diamond", GOLD, "platinum", False, "entitles to"),
    ("upgrade", "gold", PLAT, "diamond", False, "above the"),
    ("upgrade", "gold", NONE, "gold", False, "holds no active"),
    ("downgrade", "gold", PLAT, None, True, ""),
    ("downgrade", "platinum", PLAT, "gold", False, "below the"),
    ("downgrade", "diamond", GOLD, "gold", False, "below the"),
    ("replace_lost", "gold", Holding(lost_type="gold"), None, True, ""),   # original type, whatever the tier
    ("replace_lost", "platinum", Holding(lost_type="gold"), "platinum", False, "original type"),
    ("replace_lost", "gold", NONE, "gold", False, "report the loss first"),
    ("replace_lost", "gold", GOLD, "gold", False, "no card is lost"),
    ("replace_damaged", "diamond", DIAM, "gold", True, ""),
    ("replace_damaged", "gold", DIAM, "gold", False, "its own type"),
])
def test_eligibility_by_kind(kind, card, holding, entitled, ok, message):
    verdict = check_eligibility(kind, card, holding, entitled, tier_label="Gold")
    assert verdict.eligible is ok
    if not ok:
        refusal = verdict.refusal()
        assert message in str(refusal) and refusal.field == "Application kind"


def test_unknown_kind_or_card_type():
    with pytest.raises(ValidationError, match="not an application kind"):
        check_eligibility("steal", "gold", NONE, "gold")
    with pytest.raises(ValidationError, match="not a known card type") as caught:
        check_eligibility("new", "black", NONE, "gold")
    assert caught.value.field == "Card type"


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(rules.KINDS), st.sampled_from(["gold", "platinum", "diamond"]),
       st.sampled_from([None, "gold", "platinum", "diamond"]), st.sampled_from([None, "gold", "platinum", "diamond"]),
       st.sampled_from([None, "gold", "platinum", "diamond"]), st.booleans())
def test_eligibility_keeps_the_domain_rules(kind, card, active, lost, entitled, expired):
    holding = Holding(active, None if active or expired else lost, lost if expired and not active else None)
    verdict = check_eligibility(kind, card, holding, entitled)
    if verdict.eligible:
        if kind == "new":
            assert active is None and holding.lost_type is None   # at most one active card
        elif kind == "renewal":
            assert card in (active, holding.expired_type)
        else:
            assert (active is not None) != (kind == "replace_lost")
        if kind == "replace_lost":
            assert card == lost     # a lost card is replaced at its original type
        if kind in ("new", "upgrade", "renewal"):
            assert rules.card_rank(entitled) >= rules.card_rank(card)


def test_every_issue_records_an_agreement_and_a_letter():
    for kind in rules.KINDS:
        agreement, letter = rules.paperwork_on_issue(kind)
        assert agreement == "agreement" and letter in rules.PAPERWORK_KINDS
