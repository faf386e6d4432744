"""Signed QR payloads: genuine, altered (any change, cut short), unknown (not ours, no key)."""

import pytest
from hypothesis import given, strategies as st

from app.documents.qr import Status, check, normalise, sign

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-"


def test_a_signed_payload_is_genuine_and_says_what_it_names():
    payload = sign(KEY, "D", "K3F9QX2M7A")
    assert payload.startswith("VD1.D.K3F9QX2M7A.") and len(payload) == len("VD1.D.K3F9QX2M7A.") + 16
    result = check(KEY, payload)
    assert (result.status, result.kind, result.ident) == (Status.GENUINE, "D", "K3F9QX2M7A")


def test_scanner_case_and_blanks_do_not_matter():
    payload = sign(KEY, "T", "BJ0101-20261127-A012")
    assert check(KEY, f"  {payload.lower()}\r\n").status is Status.GENUINE
    assert normalise(" vd1.d.x ") == "VD1.D.X"


@pytest.mark.parametrize("payload, status", [
    ("VD1.D.K3F9QX2M7A.AAAAAAAAAAAAAAAA", Status.ALTERED),   # wrong signature
    ("VD1.D.K3F9QX2M7A.ABC", Status.ALTERED),                # signature cut short
    ("VD1.D.K3F9QX2M7A", Status.ALTERED),                    # no signature at all
    ("VD1.D", Status.ALTERED),
    ("VD", Status.ALTERED),
    ("https://example.com/x", Status.UNKNOWN),
    ("", Status.UNKNOWN),
    ("6222021234567890", Status.UNKNOWN),
])
def test_altered_truncated_and_foreign_payloads(payload, status):
    result = check(KEY, payload)
    assert result.status is status and result.reason


def test_another_stores_key_does_not_verify_and_no_key_means_unknown():
    payload = sign(OTHER_KEY, "D", "K3F9QX2M7A")
    assert check(KEY, payload).status is Status.ALTERED
    assert check(None, payload).status is Status.UNKNOWN


@given(ident=st.text(ALPHABET, min_size=1, max_size=40), position=st.integers(min_value=0),
       replacement=st.sampled_from(ALPHABET + "."))
def test_any_single_change_is_never_genuine(ident, position, replacement):
    payload = sign(KEY, "D", ident)
    i = position % len(payload)
    changed = payload[:i] + replacement + payload[i + 1:]
    if changed != payload:
        assert check(KEY, changed).status is not Status.GENUINE


@given(ident=st.text(ALPHABET, min_size=1, max_size=40), keep=st.integers(min_value=0))
def test_any_truncation_is_never_genuine(ident, keep):
    payload = sign(KEY, "D", ident)
    assert check(KEY, payload[:keep % len(payload)]).status is not Status.GENUINE


@pytest.mark.parametrize("kind, ident", [("d", "X"), ("DOCS", "X"), ("D", "a.b"), ("D", ""), ("D", "X" * 41)])
def test_a_bad_kind_or_ident_is_a_programming_error(kind, ident):
    with pytest.raises(ValueError):
        sign(KEY, kind, ident)
