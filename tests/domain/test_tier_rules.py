"""Tier rules: policy bands and their validation, the rolling quarterly daily average,
evaluation with cards and exceptions, and the below-standard rule. Pure functions: no database,
no Qt."""

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from app.errors import ValidationError
from db.customer_tier import FIRST_TIER
from app.tiers.rules import (
    CARD_TYPE_LABELS, CARD_TYPES, DEFAULT_TIER_POLICY, BelowStandardRule, ExceptionOutcome, TierBand,
    TierException, TierPolicy, card_rank, evaluate, make_exception, month_end, parse_tolerance,
    policy_in_force, quarter_window, rolling_quarterly_average, tier_for)

D = Decimal
POLICY = DEFAULT_TIER_POLICY
FAST = settings(max_examples=80, deadline=None)
AS_OF = (2024, 3)  # evaluation as of the end of March 2024


# --------------------------------------------------------------------------- the default policy

def test_default_policy_is_domain_md():
    assert [(b.code, b.lower_bound, b.card_type) for b in POLICY.bands] == [
        ("ordinary", D("0"), None),
        ("gold", D("100000"), "gold"),
        ("platinum", D("500000"), "platinum"),
        ("diamond", D("1000000"), "diamond"),
        ("private", D("6000000"), "diamond"),
    ]
    assert [b.label for b in POLICY.bands] == ["Ordinary", "Gold", "Platinum", "Diamond",
                                               "Private banking"]
    POLICY.validate()


@pytest.mark.parametrize("average, tier", [
    ("0.00", "ordinary"),
    ("99999.99", "ordinary"),
    ("100000.00", "gold"),
    ("100000.01", "gold"),
    ("499999.99", "gold"),
    ("500000.00", "platinum"),
    ("999999.99", "platinum"),
    ("1000000.00", "diamond"),
    ("5999999.99", "diamond"),
    ("6000000.00", "private"),
    ("999999999999999.99", "private"),
    ("-0.01", "ordinary"),
])
def test_every_band_boundary(average, tier):
    assert tier_for(D(average), POLICY).code == tier


@FAST
@given(st.decimals(min_value=0, max_value=D("99999999999.99"), places=2))
def test_an_average_falls_in_exactly_its_band(average):
    band = tier_for(average, POLICY)
    rank = POLICY.rank(band.code)
    assert band.lower_bound <= average
    if rank + 1 < len(POLICY.bands):
        assert average < POLICY.bands[rank + 1].lower_bound


def test_ranks_order_the_queue():
    assert [POLICY.rank(code) for code in POLICY.codes] == [0, 1, 2, 3, 4]
    assert [card_rank(c) for c in (None, "gold", "platinum", "diamond")] == [0, 1, 2, 3]
    assert set(CARD_TYPE_LABELS) == set(CARD_TYPES)
    with pytest.raises(ValidationError):
        card_rank("black")
    with pytest.raises(ValidationError) as info:
        POLICY.rank("bronze")
    assert info.value.field == "Tier"


# --------------------------------------------------------------------------- other banks' policies

def bank_policy(*bands, version=2, effective=date(2025, 1, 1)):
    return TierPolicy(version, effective, tuple(
        TierBand(code, code.title(), D(bound), card) for code, bound, card in bands))


OTHER_BANK = bank_policy(("ordinary", "0", None), ("gold", "50000", "gold"),
                         ("platinum", "300000", "platinum"), ("diamond", "1000000", "diamond"),
                         ("private", "6000000", "diamond"))


def test_a_policy_naming_its_lowest_band_otherwise_is_refused():
    """The store gives every new customer FIRST_TIER before any evaluation: a policy whose
    lowest band is called otherwise would leave them with a tier the policy does not have."""
    basic = bank_policy(("basic", "0", None), ("gold", "50000", "gold"))
    with pytest.raises(ValidationError) as caught:
        basic.validate()
    assert caught.value.field == "Tier code"
    assert caught.value.params == {"tier": FIRST_TIER}
    bank_policy((FIRST_TIER, "0", None), ("basic", "50000", None)).validate()


def test_another_banks_bands():
    OTHER_BANK.validate()
    assert tier_for(D("49999.99"), OTHER_BANK).code == "ordinary"
    assert tier_for(D("50000"), OTHER_BANK).code == "gold"
    assert tier_for(D("300000"), OTHER_BANK).code == "platinum"


def test_policy_round_trips_through_json():
    for policy in (POLICY, OTHER_BANK):
        data = json.loads(json.dumps(policy.to_dict()))
        assert data["bands"][1]["lower_bound"] in ("100000.00", "50000.00")
        assert TierPolicy.from_dict(data) == policy


def test_from_dict_accepts_what_a_bank_writes():
    data = POLICY.to_dict()
    data["bands"][1]["lower_bound"] = "100,000"
    data["bands"][2]["lower_bound"] = 500000
    data["bands"][3]["label"] = "  Diamond  "
    assert TierPolicy.from_dict(data) == POLICY


def _edited(**changes):
    data = POLICY.to_dict()
    for path, value in changes.items():
        if path in data:
            data[path] = value
        else:
            index, key = path.split("__")[0][1:], path.split("__")[1]
            data["bands"][int(index)][key] = value
    return data


@pytest.mark.parametrize("data, field", [
    ({"version": 3, "effective_from": "2025-01-01",
      "bands": [{"code": "ordinary", "label": "O", "lower_bound": "0", "card_type": None}]},
     "Tiers"),
    (_edited(b0__lower_bound="1"), "Lower bound"),
    (_edited(b0__code="basic"), "Tier code"),                     # not the tier a customer is born with
    (_edited(b2__lower_bound="100000"), "Lower bound"),           # not strictly increasing
    (_edited(b2__lower_bound="99999.99"), "Lower bound"),         # decreasing
    (_edited(b2__lower_bound="-1"), "Lower bound"),
    (_edited(b2__lower_bound="500000.001"), "Lower bound"),
    (_edited(b2__lower_bound=500000.5), "Lower bound"),           # a float
    (_edited(b2__lower_bound=None), "Lower bound"),
    (_edited(b2__code="gold"), "Tier code"),                      # duplicate
    (_edited(b2__code="Platinum!"), "Tier code"),
    (_edited(b2__code=None), "Tier code"),
    (_edited(b2__label=""), "Tier name"),
    (_edited(b2__label=7), "Tier name"),
    (_edited(b2__card_type="black"), "Card type"),
    (_edited(b2__card_type="gold", b1__card_type="platinum"), "Card type"),  # card goes down
    (_edited(version=0), "Policy version"),
    (_edited(version="1"), "Policy version"),
    (_edited(effective_from="next year"), "Effective from"),
    (_edited(effective_from=None), "Effective from"),
    ({"bands": "gold"}, "Tiers"),
    ({"bands": ["gold"], "effective_from": "2025-01-01", "version": 1}, "Tiers"),
    (None, "Tiers"),
])
def test_policy_validation_refusals(data, field):
    with pytest.raises(ValidationError) as info:
        TierPolicy.from_dict(data)
    assert info.value.field == field


def test_validate_refuses_a_constructed_policy_too():
    with pytest.raises(ValidationError):
        replace(POLICY, bands=POLICY.bands[:1]).validate()
    with pytest.raises(ValidationError):
        replace(POLICY, bands=(POLICY.bands[0], replace(POLICY.bands[1], lower_bound=D("1.5")),
                               replace(POLICY.bands[2], lower_bound=D("1.5")))).validate()


def test_policy_in_force():
    newer = replace(OTHER_BANK, version=3, effective_from=date(2025, 7, 1))
    policies = [POLICY, OTHER_BANK, newer]
    assert policy_in_force(policies, date(2024, 12, 31)) is POLICY
    assert policy_in_force(policies, date(2025, 1, 1)) is OTHER_BANK
    assert policy_in_force(policies, date(2026, 1, 1)) is newer
    assert policy_in_force([OTHER_BANK], date(2024, 1, 1)) is None


# --------------------------------------------------------------------------- rolling average

def test_window_is_three_months_ending_with_as_of_across_years():
    assert quarter_window((2024, 3)) == [(2024, 1), (2024, 2), (2024, 3)]
    assert quarter_window((2024, 2)) == [(2023, 12), (2024, 1), (2024, 2)]
    assert quarter_window((2024, 1)) == [(2023, 11), (2023, 12), (2024, 1)]
    with pytest.raises(ValueError):
        quarter_window((2024, 13))


def test_months_are_weighted_by_their_days():
    # January 31 days, February 28 (2023), March 31: (31*100 + 28*200 + 31*300) / 90
    monthly = {(2023, 1): D("100"), (2023, 2): D("200"), (2023, 3): D("300")}
    assert rolling_quarterly_average(monthly, (2023, 3)) == D("200.00")
    # a plain mean of the months would be 200 too; a lopsided quarter tells them apart
    monthly = {(2023, 1): D("0"), (2023, 2): D("900000"), (2023, 3): D("0")}
    assert rolling_quarterly_average(monthly, (2023, 3)) == D("280000.00")  # 900000*28/90


def test_leap_year_february_has_29_days():
    monthly = {(2024, 1): D("0"), (2024, 2): D("910000"), (2024, 3): D("0")}
    assert rolling_quarterly_average(monthly, (2024, 3)) == D("290000.00")  # 910000*29/91
    monthly_2023 = {(2023, 1): D("0"), (2023, 2): D("910000"), (2023, 3): D("0")}
    assert rolling_quarterly_average(monthly_2023, (2023, 3)) == D("283111.11")  # *28/90


def test_missing_months_count_as_zero_and_no_months_as_no_data():
    assert rolling_quarterly_average({(2024, 3): D("910000")}, AS_OF) == D("310000.00")  # *31/91
    assert rolling_quarterly_average({}, AS_OF) is None
    assert rolling_quarterly_average({(2023, 12): D("1000000"), (2024, 4): D("1")}, AS_OF) is None
    assert rolling_quarterly_average({(2024, 1): None}, AS_OF) is None


def test_rounding_is_half_up_to_cents():
    same = {(2023, m): D("100.005") for m in (1, 2, 3)}
    assert rolling_quarterly_average(same, (2023, 3)) == D("100.01")  # half-even would give 100.00
    same = {(2023, m): D("100.0049") for m in (1, 2, 3)}
    assert rolling_quarterly_average(same, (2023, 3)) == D("100.00")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        rolling_quarterly_average({(2024, 3): 1.5}, AS_OF)


month_values = st.decimals(min_value=0, max_value=D("999999999999.99"), places=2)


@FAST
@given(st.integers(2000, 2100), st.integers(1, 12),
       st.lists(st.one_of(st.none(), month_values), min_size=3, max_size=3))
def test_average_lies_between_the_smallest_and_largest_month(year, month, values):
    window = quarter_window((year, month))
    monthly = {ym: v for ym, v in zip(window, values) if v is not None}
    average = rolling_quarterly_average(monthly, (year, month))
    if not monthly:
        assert average is None
        return
    counted = [v if v is not None else D(0) for v in values]
    assert min(counted) <= average <= max(counted)
    assert average.as_tuple().exponent == -2


@FAST
@given(st.integers(2000, 2100), st.integers(1, 12), month_values)
def test_a_steady_balance_averages_to_itself(year, month, value):
    window = quarter_window((year, month))
    assert rolling_quarterly_average(dict.fromkeys(window, value), (year, month)) == value


# --------------------------------------------------------------------------- evaluation

def exception(tier="platinum", until=date(2024, 3, 31)):
    return TierException(tier, "Notable entrepreneur", "branch.manager", until)


def test_month_end():
    assert month_end((2024, 2)) == date(2024, 2, 29)
    assert month_end((2023, 2)) == date(2023, 2, 28)
    assert month_end((2024, 12)) == date(2024, 12, 31)


def test_plain_evaluation_records_the_computed_tier():
    result = evaluate("ordinary", None, D("120000"), None, POLICY, AS_OF)
    assert (result.computed.code, result.effective.code) == ("gold", "gold")
    assert result.tier_changed and result.has_data
    assert result.as_of == date(2024, 3, 31) and result.policy_version == 1
    assert result.newly_eligible_for_first_card
    assert not result.eligible_for_upgrade and not result.below_standard


def test_active_exception_above_computed_wins():
    result = evaluate("ordinary", None, D("20000"), exception(), POLICY, AS_OF)
    assert result.computed.code == "ordinary"
    assert result.effective.code == "platinum"
    assert result.exception_outcome is ExceptionOutcome.APPLIED
    assert result.newly_eligible_for_first_card


def test_exception_is_active_through_its_last_day_only():
    on_last_day = evaluate("platinum", "platinum", D("20000"), exception(until=date(2024, 3, 31)),
                           POLICY, date(2024, 3, 31))
    assert on_last_day.effective.code == "platinum" and not on_last_day.below_standard
    day_after = evaluate("platinum", "platinum", D("20000"), exception(until=date(2024, 3, 31)),
                         POLICY, date(2024, 4, 1))
    assert day_after.exception_outcome is ExceptionOutcome.EXPIRED
    assert day_after.effective.code == "ordinary"
    assert day_after.below_standard and day_after.tier_changed  # flagged, not a silent downgrade


def test_expired_exception_is_ignored_for_a_month_as_of():
    result = evaluate("platinum", None, D("150000"), exception(until=date(2024, 3, 30)),
                      POLICY, AS_OF)
    assert result.exception_outcome is ExceptionOutcome.EXPIRED
    assert result.effective.code == "gold"


@pytest.mark.parametrize("tier", ["gold", "platinum"])
def test_exception_at_or_below_computed_is_ignored(tier):
    result = evaluate("platinum", "platinum", D("700000"), exception(tier), POLICY, AS_OF)
    assert result.exception_outcome is ExceptionOutcome.NOT_ABOVE
    assert result.effective.code == "platinum" and not result.tier_changed


def test_exception_for_a_tier_the_policy_no_longer_has_is_ignored():
    result = evaluate("ordinary", None, D("20000"), exception("vip_plus"), POLICY, AS_OF)
    assert result.exception_outcome is ExceptionOutcome.UNKNOWN_TIER
    assert result.effective.code == "ordinary"


def test_below_standard_flags_for_review_and_never_touches_the_card():
    result = evaluate("diamond", "diamond", D("800000"), None, POLICY, AS_OF)
    assert result.effective.code == "platinum"
    assert result.below_standard and not result.eligible_for_upgrade
    assert result.card_type_held == "diamond"


def test_card_above_and_no_card_at_all():
    result = evaluate("gold", "gold", D("99999.99"), None, POLICY, AS_OF)
    assert result.below_standard  # a gold card with an ordinary tier
    result = evaluate("ordinary", None, D("99999.99"), None, POLICY, AS_OF)
    assert not (result.below_standard or result.eligible_for_upgrade
                or result.newly_eligible_for_first_card)


def test_upgrade_flag_when_the_tier_entitles_to_a_higher_card():
    result = evaluate("gold", "gold", D("500000.00"), None, POLICY, AS_OF)
    assert result.effective.code == "platinum"
    assert result.eligible_for_upgrade and not result.below_standard
    assert not result.newly_eligible_for_first_card


def test_private_banking_with_a_diamond_card_is_neither_upgradable_nor_below():
    result = evaluate("diamond", "diamond", D("6000000"), None, POLICY, AS_OF)
    assert result.effective.code == "private" and result.tier_changed
    assert not (result.eligible_for_upgrade or result.below_standard)
    down = evaluate("private", "diamond", D("1000000"), None, POLICY, AS_OF)
    assert down.effective.code == "diamond" and not down.below_standard


def test_no_aum_data_changes_nothing():
    result = evaluate("gold", "gold", None, None, POLICY, AS_OF)
    assert not result.has_data and result.computed is None
    assert result.effective.code == "gold" and not result.tier_changed
    assert not (result.below_standard or result.eligible_for_upgrade
                or result.newly_eligible_for_first_card)
    newcomer = evaluate(None, None, None, None, POLICY, AS_OF)
    assert newcomer.effective.code == "ordinary"
    granted = evaluate(None, None, None, exception("gold"), POLICY, AS_OF)
    assert granted.effective.code == "gold" and granted.newly_eligible_for_first_card


def test_first_card_is_listed_when_the_customer_moves_into_a_card_tier_only():
    stays = evaluate("gold", None, D("300000"), None, POLICY, AS_OF)
    assert stays.effective.code == "gold" and not stays.newly_eligible_for_first_card
    moves_up = evaluate("gold", None, D("800000"), None, POLICY, AS_OF)
    assert moves_up.effective.code == "platinum" and not moves_up.newly_eligible_for_first_card
    moves_down = evaluate("diamond", None, D("150000"), None, POLICY, AS_OF)
    assert moves_down.effective.code == "gold" and not moves_down.newly_eligible_for_first_card
    unknown = evaluate("vip_plus", None, D("150000"), None, POLICY, AS_OF)   # a tier the policy dropped
    assert unknown.newly_eligible_for_first_card
    rerun = evaluate("gold", None, D("800000"), None, POLICY, AS_OF, listed_this_month=True)
    assert rerun.newly_eligible_for_first_card          # the month's earlier run listed the customer
    carded = evaluate("gold", "gold", D("300000"), None, POLICY, AS_OF, listed_this_month=True)
    assert not carded.newly_eligible_for_first_card     # a card issued since


def test_unknown_card_held_is_refused():
    with pytest.raises(ValidationError):
        evaluate("gold", "black", D("100000"), None, POLICY, AS_OF)


@FAST
@given(st.decimals(min_value=0, max_value=D("20000000"), places=2),
       st.sampled_from([None, *CARD_TYPES]),
       st.one_of(st.none(), st.builds(TierException, st.sampled_from(POLICY.codes),
                                      st.just("r"), st.just("m"),
                                      st.dates(date(2024, 1, 1), date(2024, 12, 31)))))
def test_evaluation_invariants(average, held, granted):
    result = evaluate(None, held, average, granted, POLICY, AS_OF)
    assert POLICY.rank(result.effective.code) >= POLICY.rank(result.computed.code)
    entitled, held_rank = card_rank(result.effective.card_type), card_rank(held)
    assert result.below_standard == (held_rank > entitled)
    assert result.eligible_for_upgrade == (0 < held_rank < entitled)
    assert result.newly_eligible_for_first_card == (held_rank == 0 < entitled)   # no tier before
    assert sum([result.below_standard, result.eligible_for_upgrade,
                result.newly_eligible_for_first_card]) <= 1
    if result.exception_outcome is not ExceptionOutcome.APPLIED:
        assert result.effective == result.computed


@FAST
@given(st.sampled_from([None, "vip_plus", *POLICY.codes]),
       st.decimals(min_value=0, max_value=D("20000000"), places=2),
       st.sampled_from([None, *CARD_TYPES]), st.booleans())
def test_newly_eligible_means_moved_into_a_card_tier_without_a_card(current, average, held, listed):
    result = evaluate(current, held, average, None, POLICY, AS_OF, listed_this_month=listed)
    before = card_rank(POLICY.band(current).card_type) if current in POLICY.codes else 0
    entitled = card_rank(result.effective.card_type)
    assert result.newly_eligible_for_first_card == (card_rank(held) == 0 < entitled and (before == 0 or listed))
    assert not result.newly_eligible_for_first_card or result.tier_changed or listed


# --------------------------------------------------------------------------- making an exception

def test_make_exception_checks_what_it_records():
    made = make_exception("gold", "  High-potential  entrepreneur ", "manager.li",
                          date(2024, 12, 31), today=date(2024, 4, 1), proposed_by="rm.wang")
    assert made == TierException("gold", "High-potential entrepreneur", "manager.li",
                                 date(2024, 12, 31))


@pytest.mark.parametrize("args, field", [
    (("ordinary", "r", "m", date(2024, 12, 31)), "Tier"),
    (("bronze", "r", "m", date(2024, 12, 31)), "Tier"),
    (("gold", " ", "m", date(2024, 12, 31)), "Reason"),
    (("gold", "r", "", date(2024, 12, 31)), "Approved by"),
    (("gold", "r", "rm.wang", date(2024, 12, 31)), "Approved by"),  # the proposer
    (("gold", "r", "m", date(2024, 3, 31)), "Valid until"),
])
def test_make_exception_refusals(args, field):
    with pytest.raises(ValidationError) as info:
        make_exception(*args, today=date(2024, 4, 1), proposed_by="rm.wang")
    assert info.value.field == field


# --------------------------------------------------------------------------- the below-standard rule

def _rule(months=1, tolerance="0"):
    return replace(POLICY, below_standard=BelowStandardRule(months, D(tolerance)))


def test_default_rule_is_at_once_without_tolerance():
    assert POLICY.below_standard == BelowStandardRule(1, D("0.00"))
    assert POLICY.card_bound("gold") == D("100000") and POLICY.card_bound("diamond") == D("1000000")
    assert OTHER_BANK.card_bound("gold") == D("50000")


@pytest.mark.parametrize("average, below", [
    ("95000.00", False),    # exactly 5 % under the gold band: still standard
    ("94999.99", True),
    ("99999.99", False),
])
def test_tolerance_boundary(average, below):
    result = evaluate("gold", "gold", D(average), None, _rule(tolerance="5"), AS_OF)
    assert result.effective.code == "ordinary"          # the tier follows the AUM regardless
    assert result.below_standard is below
    assert not result.eligible_for_upgrade


def test_consecutive_months_before_review():
    policy = _rule(months=3)
    low = D("80000")
    assert not evaluate("gold", "gold", low, None, policy, AS_OF).below_standard   # no history
    assert not evaluate("gold", "gold", low, None, policy, AS_OF, [low]).below_standard
    assert not evaluate("gold", "gold", low, None, policy, AS_OF, [low, D("100000")]).below_standard
    assert not evaluate("gold", "gold", low, None, policy, AS_OF, [low, None]).below_standard
    assert evaluate("gold", "gold", low, None, policy, AS_OF, [low, low]).below_standard
    # only as far back as the rule looks
    assert evaluate("gold", "gold", low, None, policy, AS_OF, [low, low, D("9000000")]).below_standard


def test_card_no_band_carries_any_more_is_below_whatever_the_average():
    no_diamond = replace(POLICY, bands=POLICY.bands[:3])
    assert no_diamond.card_bound("diamond") is None
    assert evaluate("platinum", "diamond", D("900000"), None, no_diamond, AS_OF).below_standard


def test_exception_without_figures_is_judged_by_tiers_alone():
    granted = evaluate("gold", "platinum", None, exception("gold"), _rule(months=3, tolerance="10"), AS_OF)
    assert granted.effective.code == "gold" and granted.below_standard


@pytest.mark.parametrize("rule, field", [
    ({"months": 0, "tolerance_percent": "0"}, "Months below standard before review"),
    ({"months": 13, "tolerance_percent": "0"}, "Months below standard before review"),
    ({"months": "2", "tolerance_percent": "0"}, "Months below standard before review"),
    ({"months": True, "tolerance_percent": "0"}, "Months below standard before review"),
    ({"months": 2, "tolerance_percent": "50.01"}, "Below-standard tolerance"),
    ({"months": 2, "tolerance_percent": "-1"}, "Below-standard tolerance"),
    ({"months": 2, "tolerance_percent": "2.555"}, "Below-standard tolerance"),
    ({"months": 2, "tolerance_percent": 2.5}, "Below-standard tolerance"),
    ({"months": 2, "tolerance_percent": "five"}, "Below-standard tolerance"),
    ("at once", "Months below standard before review"),
])
def test_rule_validation_refusals(rule, field):
    data = POLICY.to_dict()
    data["below_standard"] = rule
    with pytest.raises(ValidationError) as info:
        TierPolicy.from_dict(data)
    assert info.value.field == field


def test_rule_round_trips_and_old_versions_read_as_the_default():
    policy = _rule(months=3, tolerance="2.5")
    data = json.loads(json.dumps(policy.to_dict()))
    assert data["below_standard"] == {"months": 3, "tolerance_percent": "2.50"}
    assert TierPolicy.from_dict(data) == policy
    del data["below_standard"]
    assert TierPolicy.from_dict(data).below_standard == BelowStandardRule()


@pytest.mark.parametrize("raw, value", [("5", "5.00"), ("2.5 %", "2.50"), ("０.５％", "0.50"), (3, "3.00")])
def test_parse_tolerance_accepts_what_an_administrator_types(raw, value):
    assert parse_tolerance(raw) == D(value)


@FAST
@given(st.sampled_from(CARD_TYPES), st.decimals(min_value=0, max_value=50, places=2),
       st.integers(min_value=1, max_value=12), st.integers(min_value=-200, max_value=200))
def test_rule_boundary_is_exact_to_the_cent(card, tolerance, months, offset_cents):
    """Around the threshold (band bound less the tolerance), to the cent, for any run length:
    at or above it is standard, below it listed once every month-end of the run is below."""
    policy = _rule(months=months, tolerance=str(tolerance))
    threshold = POLICY.card_bound(card) * (100 - tolerance) / 100
    average = max(D("0"), (threshold + D(offset_cents).scaleb(-2)).quantize(D("0.01")))
    result = evaluate(None, card, average, None, policy, AS_OF, [average] * (months - 1))
    entitled = card_rank(result.effective.card_type)
    assert result.below_standard == (card_rank(card) > entitled and average < threshold)
    shorter = evaluate(None, card, average, None, policy, AS_OF, [average] * (months - 2))
    assert not (months > 1 and shorter.below_standard)


@FAST
@given(st.decimals(min_value=0, max_value=D("20000000"), places=2), st.sampled_from(CARD_TYPES),
       st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=D("20000000"), places=2)),
                max_size=12))
def test_the_default_rule_ignores_history(average, held, earlier):
    assert evaluate(None, held, average, None, POLICY, AS_OF, earlier).below_standard == \
        evaluate(None, held, average, None, POLICY, AS_OF).below_standard
