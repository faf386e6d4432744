"""Personal-data encryption without a store: sealing bound to its place, blind indexes, key
wrapping and the master key's custody (app.crypto)."""

from __future__ import annotations

import os

import pytest

from app.crypto import blind, cipher, custody
from app.crypto.keys import KeyRing, KeyUnavailable, new_keys, rewrap

ID = "11010519491231002X"
PHONE = "13800138000"


@pytest.fixture(params=cipher.ALGORITHMS)
def ring(request):
    master = custody.new_master_key()
    return KeyRing(master, new_keys(master, request.param))


def test_a_sealed_value_opens_only_where_it_was_sealed(ring):
    sealed = ring.seal("customer", "id_number", 7, ID)
    assert ID.encode() not in sealed and ID[-8:].encode() not in sealed
    assert ring.open("customer", "id_number", 7, sealed) == ID
    for table, column, row in (("customer", "id_number", 8), ("customer", "phone", 7), ("vip_card", "id_number", 7)):
        with pytest.raises(cipher.DecryptError):
            ring.open(table, column, row, sealed)


def test_swapped_ciphertexts_between_customers_fail(ring):
    a, b = ring.seal("customer", "phone", 1, PHONE), ring.seal("customer", "phone", 2, "13900139000")
    with pytest.raises(cipher.DecryptError):
        ring.open("customer", "phone", 1, b)
    with pytest.raises(cipher.DecryptError):
        ring.open("customer", "phone", 2, a)


def test_an_altered_byte_fails(ring):
    sealed = bytearray(ring.seal("customer", "phone", 1, PHONE))
    sealed[-1] ^= 1
    with pytest.raises(cipher.DecryptError):
        ring.open("customer", "phone", 1, bytes(sealed))


def test_the_same_value_seals_differently_each_time(ring):
    assert ring.seal("customer", "phone", 1, PHONE) != ring.seal("customer", "phone", 1, PHONE)


def test_blind_indexes_match_what_a_clerk_types_and_nothing_else(ring):
    assert ring.index("id_number", ID) == ring.index("id_number", ID.lower())
    assert ring.index("id_number", ID) != ring.index("phone", ID)
    tails = ring.tails("id_number", ID)
    assert [ring.tail("id_number", ID[-n:]) for n in range(4, 9)] == tails
    assert ring.tail("id_number", "002x") in tails
    assert ring.tail("phone", ID[-4:]) not in tails          # the field is part of the index
    assert ring.tail("id_number", ID[-9:]) not in tails      # clerks type 4 to 8 digits
    assert ring.tails("phone", "8000") == [ring.tail("phone", "8000")]


def test_blind_indexes_depend_on_the_key():
    key_a, key_b = os.urandom(32), os.urandom(32)
    assert blind.blind_index(key_a, "phone", PHONE) != blind.blind_index(key_b, "phone", PHONE)
    assert len(blind.blind_index(key_a, "phone", PHONE)) == blind.DIGEST_BYTES


def test_rotation_rewraps_the_same_data_keys():
    old, new = custody.new_master_key(), custody.new_master_key()
    wrapped = new_keys(old)
    before = KeyRing(old, wrapped)
    sealed = before.seal("customer", "id_number", 3, ID)
    rotated = rewrap(old, new, wrapped)
    after = KeyRing(new, rotated)
    assert after.open("customer", "id_number", 3, sealed) == ID
    assert after.index("phone", PHONE) == before.index("phone", PHONE)
    with pytest.raises(KeyUnavailable, match="did not wrap"):
        KeyRing(old, rotated)


def test_a_wrong_or_damaged_master_key_is_named():
    master = custody.new_master_key()
    with pytest.raises(KeyUnavailable, match="did not wrap"):
        KeyRing(custody.new_master_key(), new_keys(master))
    with pytest.raises(KeyUnavailable, match="no data keys"):
        KeyRing(master, [])


def test_two_custodians_parts_make_the_key_and_neither_alone_does():
    master = custody.new_master_key()
    a, b = custody.split(master)
    assert custody.combine(a, b) == master
    assert custody.encode(master) not in (a, b)
    assert custody.combine(a.lower(), " ".join([b[:10], b[10:]])) == master     # as typed
    typo = ("B" if a[0] != "B" else "C") + a[1:]
    with pytest.raises(custody.CustodyError, match="key part A is mistyped"):
        custody.combine(typo, b)


def test_a_key_file_others_can_read_is_refused(tmp_path):
    master = custody.new_master_key()
    path = tmp_path / "master.key"
    custody.write_key_file(path, master)
    assert path.stat().st_mode & 0o777 == 0o600
    assert custody.read_key_file(path) == master
    path.chmod(0o644)
    with pytest.raises(custody.CustodyError, match="may be read by others"):
        custody.read_key_file(path)
    with pytest.raises(custody.CustodyError, match="master key file"):
        custody.read_key_file(tmp_path / "missing.key")


def test_the_keyring_keeps_the_key_per_store(memory_keyring):
    master = custody.new_master_key()
    custody.to_keyring("store-a", master)
    assert custody.from_keyring("store-a") == master
    with pytest.raises(custody.CustodyError, match="no master key"):
        custody.from_keyring("store-b")
