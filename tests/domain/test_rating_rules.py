"""The rating after service, pure rules: the four scores, the reason only an 不满意 needs (and
only it carries), the reasons' stored words, the time a rating may still be stored, and the
queue policy's rating settings."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.queue.rules import CLERK_BY_NUMBER, RATING_CLERK, RATING_WITHIN, QueuePolicy, make_policy
from app.visit import rating_rules as rules

FINISHED = datetime(2026, 11, 27, 2, 0)


@pytest.mark.parametrize("score", [rules.VERY_SATISFIED, rules.SATISFIED, rules.NEUTRAL])
def test_a_good_or_middling_score_stores_no_reason(score):
    assert rules.check_rating(score, None) == (score, None)
    assert rules.check_rating(score, "  ") == (score, None)
    with pytest.raises(ValidationError) as refused:
        rules.check_rating(score, "服务态度")
    assert refused.value.field == rules.REASON


@pytest.mark.parametrize("reason", [None, "", " \n "])
def test_dissatisfied_needs_a_reason(reason):
    with pytest.raises(ValidationError) as refused:
        rules.check_rating(rules.DISSATISFIED, reason)
    assert refused.value.field == rules.REASON


@given(st.one_of(st.integers(), st.booleans(), st.none(), st.text(max_size=3), st.floats()))
def test_only_the_four_scores_are_taken(score):
    if not isinstance(score, bool) and score in (1, 2, 3, 4):
        assert rules.check_score(score) == score
    else:
        with pytest.raises(ValidationError):
            rules.check_score(score)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=rules.MAX_REASON))
def test_a_dissatisfied_reason_in_words_is_kept_trimmed(words):
    if not words.strip():
        with pytest.raises(ValidationError):
            rules.check_rating(rules.DISSATISFIED, words)
        return
    try:
        score, reason = rules.check_rating(rules.DISSATISFIED, words)
    except ValidationError as error:   # normalised to nothing visible (format characters alone)
        assert error.field == rules.REASON
        return
    assert score == 1 and reason and reason == reason.strip() and len(reason) <= rules.MAX_REASON


def test_a_reason_with_control_characters_or_too_long_is_refused():
    for bad in ("等候\x07太长", "很" * (rules.MAX_REASON * 3)):
        with pytest.raises(ValidationError):
            rules.check_rating(rules.DISSATISFIED, bad)


@given(st.lists(st.sampled_from(list(rules.REASON_TEXTS)), unique=True), st.text(max_size=20))
def test_chosen_reasons_are_stored_in_the_banks_words_then_the_typed_ones(chosen, typed):
    text = rules.reason_text(chosen, typed)
    parts = [rules.REASON_TEXTS[key] for key in chosen] + ([typed.strip()] if typed.strip() else [])
    assert text == "、".join(parts)


def test_every_listed_reason_has_its_stored_words_and_unknown_ones_are_refused():
    assert set(rules.REASONS) == set(rules.REASON_TEXTS)
    with pytest.raises(ValidationError):
        rules.reason_text(["Rude"], "")


@given(st.integers(min_value=10, max_value=120), st.integers(min_value=-600, max_value=600))
def test_a_rating_is_taken_until_the_window_and_its_grace_have_passed(seconds, after):
    now = FINISHED + timedelta(seconds=after)
    assert rules.may_still_rate(FINISHED, now, seconds) == (after <= seconds + rules.GRACE_SECONDS)
    assert not rules.may_still_rate(None, now, seconds)


def test_the_queue_policy_holds_the_rating_window_and_what_it_says_of_the_clerk():
    policy = make_policy(rating_seconds=45, rating_clerk=CLERK_BY_NUMBER)
    again = QueuePolicy.from_json(policy.to_json())
    assert (again.rating_seconds, again.rating_clerk) == (45, CLERK_BY_NUMBER)
    stored = json.loads(QueuePolicy().to_json())
    del stored["rating_seconds"], stored["rating_clerk"]   # a policy saved before ratings existed
    assert (QueuePolicy.from_json(json.dumps(stored)).rating_seconds, QueuePolicy().rating_seconds) == (30, 30)
    for bad, field in (({"rating_seconds": 5}, RATING_WITHIN), ({"rating_seconds": 121}, RATING_WITHIN),
                       ({"rating_clerk": "photo"}, RATING_CLERK)):
        with pytest.raises(ValidationError) as refused:
            make_policy(**bad)
        assert refused.value.field == field
