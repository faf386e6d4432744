"""The administrators' tables on PostgreSQL, tried with raw SQL as the demo logins (migration
0031): branches, staff accounts, their roles and the settings change from a SQL tool only as the
app's services change them, and those services still work as the signed-in person's login."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, replace

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from app.actor import Actor
from app.auth import accounts, branches, policy
from app.auth.accounts import USERNAME_PATTERN, change_own_password, create_account
from app.auth.branches import CODE_PATTERN, LEVEL_ORDER, clean_name
from app.auth.permissions import STAFF_ROLES, Role
from app.auth.signin import sign_in
from app.cards.policy import card_policy, save_card_policy
from app.cards.rules import DEFAULT_CARD_POLICY, CardPolicy
from app.care import common as care
from app.settings import StoredPolicyInvalid
from app.errors import PermissionDenied, ValidationError
from app.tiers.rules import CARD_TYPES
from tests.db.lastline import Refused, one, signed_in
from tests.db.test_pg_security import connect_as, demo  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.pg

PASSWORD = "Probe-Key-4711"       # the probe accounts' own passwords (policy: 12+ characters)
NEW_PASSWORD = "Other-Key-0815!"


TOO_LONG = psycopg.errors.StringDataRightTruncation   # the column's own length refuses it first


def refused(conn, statement: str, params=(), error=Refused) -> None:
    """The store refuses ``statement`` (at the statement or at its commit); nothing stays."""
    with pytest.raises(error), conn.transaction():
        conn.execute(statement, params)


def tried(conn, statement: str, params=()) -> int:
    """``statement`` goes through (rows touched); rolled back."""
    with conn.transaction(force_rollback=True):
        return conn.execute(statement, params).rowcount


def verifier(conn, role: str, password: str) -> str:
    return conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()


def last_event(demo) -> tuple:  # noqa: F811
    actor, action, entity, after = one(demo, "SELECT actor_name, action, entity, after FROM audit_event"
                                             " ORDER BY id DESC LIMIT 1")
    return actor, action, entity, json.loads(after) if after else None


def probe_account(demo, username: str, roles=(Role.COUNTER_STAFF,), branch: str = "BJ0101") -> int:  # noqa: F811
    """A fresh account (made as the app makes one, by the owner's batch actor) with its login;
    it must change its password at first sign-in."""
    create_account(demo.store, Actor.batch("test"), username=username, display_name=username,
                   branch_id=demo.branches[branch], roles=list(roles), password=PASSWORD)
    return one(demo, "SELECT id FROM staff_account WHERE username = %s", (username,))[0]


def connect_probe(demo, username: str, password: str = PASSWORD):  # noqa: F811
    return psycopg.connect(make_conninfo(demo.url, user=demo.prefix + username, password=password),
                           autocommit=True)


def account(demo, username: str) -> tuple:  # noqa: F811
    return one(demo, "SELECT display_name, branch_id, disabled, must_change_password, failed_signins, locked_until,"
                     " password_changed_at, version FROM staff_account WHERE username = %s", (username,))


# ----------------------------------------------------------------------------- staff_account

def test_a_person_lifts_the_must_change_mark_only_by_setting_their_own_password(demo):  # noqa: F811
    me = probe_account(demo, "probe_new")
    before = account(demo, "probe_new")
    with connect_probe(demo, "probe_new") as conn:
        refused(conn, "UPDATE staff_account SET must_change_password = false, version = version + 1 WHERE id = %s", (me,))
        refused(conn, "UPDATE staff_account SET password_changed_at = now(), version = version + 1 WHERE id = %s", (me,))
        refused(conn, "UPDATE staff_account SET must_change_password = false, password_changed_at = now(),"
                      " version = 1 WHERE id = %s", (me,))   # the version turned back, too
        refused(conn, "UPDATE staff_account SET display_name = 'Boss' WHERE id = %s", (me,))     # no grant
        refused(conn, "UPDATE staff_account SET failed_signins = 0 WHERE id = %s", (me,))        # no grant
        refused(conn, "DELETE FROM staff_account WHERE id = %s", (me,))
        assert account(demo, "probe_new") == before
        # the app's way, by hand: a new password through VIP Desk, then the mark, in one transaction
        with conn.transaction():
            conn.execute("SELECT vipdesk_set_password(%s, %s)",
                         (me, verifier(conn, demo.prefix + "probe_new", NEW_PASSWORD)))
            conn.execute("UPDATE staff_account SET must_change_password = false, password_changed_at ="
                         " (now() AT TIME ZONE 'UTC')::timestamp, version = version + 1 WHERE id = %s", (me,))
    actor, action, entity, after = last_event(demo)
    assert (actor, action, entity, after["must_change_password"]) == ("probe_new", "sql.update", "staff_account", False)
    with connect_probe(demo, "probe_new", NEW_PASSWORD) as conn:
        # cleared, it is not set again by the person (that is an administrator's reset)
        refused(conn, "UPDATE staff_account SET must_change_password = true, version = version + 1 WHERE id = %s", (me,))


def test_another_persons_mark_and_password_time_are_not_the_administrators_to_clear(demo):  # noqa: F811
    target = probe_account(demo, "probe_reset")
    before = account(demo, "probe_reset")
    with connect_as(demo, "admin") as conn:
        refused(conn, "UPDATE staff_account SET must_change_password = false, version = version + 1 WHERE id = %s",
                (target,))
        with pytest.raises(Refused), conn.transaction():  # even with a new password of the admin's choosing
            conn.execute("SELECT vipdesk_set_password(%s, %s)",
                         (target, verifier(conn, demo.prefix + "probe_reset", NEW_PASSWORD)))
            conn.execute("UPDATE staff_account SET must_change_password = false, version = version + 1 WHERE id = %s",
                         (target,))
        refused(conn, "UPDATE staff_account SET password_changed_at = '2000-01-01', version = version + 1"
                      " WHERE id = %s", (target,))
        # setting the mark goes with a reset (a new password in the same transaction)
        demo.owner.execute("UPDATE staff_account SET must_change_password = false WHERE id = %s", (target,))
        refused(conn, "UPDATE staff_account SET must_change_password = true, version = version + 1 WHERE id = %s",
                (target,))
        with conn.transaction(force_rollback=True):
            conn.execute("SELECT vipdesk_set_password(%s, %s)",
                         (target, verifier(conn, demo.prefix + "probe_reset", NEW_PASSWORD)))
            assert conn.execute("UPDATE staff_account SET must_change_password = true, failed_signins = 0,"
                                " locked_until = NULL, password_changed_at = now(), version = version + 1"
                                " WHERE id = %s", (target,)).rowcount == 1
    demo.owner.execute("UPDATE staff_account SET must_change_password = true WHERE id = %s", (target,))
    assert account(demo, "probe_reset") == before


def test_an_administrator_only_lifts_lockouts_and_keeps_the_version_moving(demo):  # noqa: F811
    teller = demo.accounts["teller"]
    before = account(demo, "teller")
    with connect_as(demo, "admin") as conn:
        refused(conn, "UPDATE staff_account SET locked_until = '2999-01-01', version = version + 1 WHERE id = %s", (teller,))
        refused(conn, "UPDATE staff_account SET failed_signins = 4, version = version + 1 WHERE id = %s", (teller,))
        refused(conn, "UPDATE staff_account SET failed_signins = -1, version = version + 1 WHERE id = %s", (teller,))
        refused(conn, "UPDATE staff_account SET display_name = 'Mole' WHERE id = %s", (teller,))       # no new version
        refused(conn, "UPDATE staff_account SET display_name = 'Mole', version = version + 7 WHERE id = %s", (teller,))
        refused(conn, "UPDATE staff_account SET version = version - 1 WHERE id = %s", (teller,))
        refused(conn, "UPDATE staff_account SET display_name = %s, version = version + 1 WHERE id = %s", ("x" * 61, teller),
                TOO_LONG)
        for name in ("", "  Mole", "Mole ", "Mo\tle", "Mo\nle", "Mo  le", None):
            refused(conn, "UPDATE staff_account SET display_name = %s, version = version + 1 WHERE id = %s", (name, teller))
        refused(conn, "UPDATE staff_account SET disabled = NULL, version = version + 1 WHERE id = %s", (teller,))
        # columns no service changes: not even granted
        for column, value in (("username", "mole"), ("db_role", "postgres"), ("created_at", "2000-01-01"),
                              ("last_signin_at", "2000-01-01"), ("password_hash", "x")):
            refused(conn, f"UPDATE staff_account SET {column} = %s, version = version + 1 WHERE id = %s", (value, teller))
        # what the app does: unlock, rename, move within the subtree
        assert tried(conn, "UPDATE staff_account SET failed_signins = 0, locked_until = NULL, version = version + 1"
                           " WHERE id = %s", (teller,)) == 1
        assert tried(conn, "UPDATE staff_account SET display_name = %s, branch_id = %s, version = version + 1"
                           " WHERE id = %s", ("柜员 李娜", demo.branches["BJ010101"], teller)) == 1
        assert tried(conn, "UPDATE staff_account SET display_name = display_name WHERE id = %s", (teller,)) == 1
    assert account(demo, "teller") == before


def test_an_administrator_disables_neither_themselves_nor_a_keeper_of_customers(demo):  # noqa: F811
    keeper = one(demo, "SELECT relationship_manager_id FROM customer WHERE relationship_manager_id IS NOT NULL"
                       " GROUP BY 1 ORDER BY 1 LIMIT 1")[0]
    idle = one(demo, "SELECT a.id FROM staff_account a WHERE a.username = 'custodian2'"
                     " AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.relationship_manager_id = a.id)")[0]
    with connect_as(demo, "admin") as conn:
        refused(conn, "UPDATE staff_account SET disabled = true, version = version + 1 WHERE username = 'admin'")
        refused(conn, "UPDATE staff_account SET disabled = true, version = version + 1 WHERE id = %s", (keeper,))
        with conn.transaction():
            conn.execute("UPDATE staff_account SET disabled = true, version = version + 1 WHERE id = %s", (idle,))
    actor, action, entity, after = last_event(demo)
    assert (actor, action, entity, after["disabled"]) == ("admin", "sql.update", "staff_account", True)
    demo.owner.execute("UPDATE staff_account SET disabled = false WHERE id = %s", (idle,))
    assert not one(demo, "SELECT disabled FROM staff_account WHERE username = 'admin'")[0]
    assert not one(demo, "SELECT disabled FROM staff_account WHERE id = %s", (keeper,))[0]


def test_accounts_are_created_as_the_app_creates_them(demo):  # noqa: F811
    insert = ("INSERT INTO staff_account (username, display_name, branch_id, db_role, password_hash,"
              " must_change_password, disabled, failed_signins, locked_until, last_signin_at, created_at,"
              " password_changed_at, version) VALUES (%(u)s, %(d)s, %(b)s, %(r)s, %(h)s, %(m)s, %(x)s, %(f)s,"
              " %(l)s, %(s)s, now(), now(), %(v)s)")
    good = dict(u="probe_mole", d="Mole", b=demo.branches["BJ0101"], r=demo.prefix + "probe_mole", h=None, m=True,
                x=False, f=0, l=None, s=None, v=1)
    count = one(demo, "SELECT count(*) FROM staff_account")[0]
    with connect_as(demo, "admin") as conn:
        for change in (dict(m=False), dict(x=True), dict(f=3), dict(l="2999-01-01"), dict(s="2020-01-01"),
                       dict(h="$argon2id$forged"), dict(v=9), dict(u="Mole", r=demo.prefix + "Mole"),
                       dict(u="mo", r=demo.prefix + "mo"), dict(d=""), dict(d=" Mole"),
                       dict(d="Mo\nle"), dict(b=-1), dict(b=None), dict(m=None)):
            refused(conn, insert, good | change)
        refused(conn, insert, good | dict(d="x" * 61), TOO_LONG)
        assert tried(conn, insert, good) == 1
    with connect_as(demo, "teller") as conn:
        refused(conn, insert, good)                                                 # no grant
    with connect_as(demo, "bj_admin") as conn:
        refused(conn, insert, good | dict(b=demo.branches["SH0101"]))                # outside the subtree
    assert one(demo, "SELECT count(*) FROM staff_account")[0] == count


# ----------------------------------------------------------------------------- staff_role

def test_roles_are_staff_roles_and_the_administrator_role_stays(demo):  # noqa: F811
    admin, teller2 = demo.accounts["admin"], demo.accounts["teller2"]
    roles = demo.owner.execute("SELECT account_id, role FROM staff_role ORDER BY 1, 2").fetchall()
    with connect_as(demo, "admin") as conn:
        refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, %s)", (teller2, "x" * 5000), TOO_LONG)
        for role in ("system", "king", "", None, "administrator'; --"):
            refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, %s)", (teller2, role))
        for account_id in (-1, 0, None, 2147483647):
            refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'auditor')", (account_id,))
        refused(conn, "DELETE FROM staff_role WHERE account_id = %s AND role = 'administrator'", (admin,))
        refused(conn, "UPDATE staff_role SET role = 'auditor' WHERE account_id = %s", (teller2,))
        # what the app does: give a role, take one; an administrator may also add to their own roles
        assert tried(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'auditor')", (teller2,)) == 1
        assert tried(conn, "DELETE FROM staff_role WHERE account_id = %s", (teller2,)) == 1
        assert tried(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'branch_manager')", (admin,)) == 1
    with connect_as(demo, "bj_admin") as conn:
        assert conn.execute("DELETE FROM staff_role WHERE account_id = %s", (admin,)).rowcount == 0   # not seen
    with connect_as(demo, "manager") as conn:
        refused(conn, "INSERT INTO staff_role (account_id, role) VALUES (%s, 'administrator')",
                (demo.accounts["manager"],))                                          # no grant
    assert demo.owner.execute("SELECT account_id, role FROM staff_role ORDER BY 1, 2").fetchall() == roles


def test_two_administrators_taking_each_other_out_at_once_leave_one(demo):  # noqa: F811
    """Each is another administrator for the other's check; the row each check holds makes the
    second wait for the first and find itself the last."""
    other = probe_account(demo, "probe_admin", roles=(Role.ADMINISTRATOR,), branch="HO")
    demo.owner.execute("UPDATE staff_account SET must_change_password = false WHERE id = %s", (other,))
    # for this test, admin and probe_admin are the store's only enabled administrators
    demo.owner.execute("UPDATE staff_account SET disabled = true WHERE username = 'bj_admin'")
    outcome = {}
    try:
        with connect_as(demo, "admin") as first, connect_probe(demo, "probe_admin") as second:
            first.execute("BEGIN")
            first.execute("UPDATE staff_account SET disabled = true, version = version + 1 WHERE id = %s", (other,))

            def take_admin_out():
                try:
                    with second.transaction():
                        second.execute("UPDATE staff_account SET disabled = true, version = version + 1"
                                       " WHERE username = 'admin'")
                    outcome["second"] = "done"
                except psycopg.Error as exc:
                    outcome["second"] = exc.sqlstate

            thread = threading.Thread(target=take_admin_out)
            thread.start()
            thread.join(1.0)
            assert thread.is_alive()            # waits for the first to commit
            first.execute("COMMIT")
            thread.join(10)
        assert outcome["second"] in ("42501", "40P01")
        assert one(demo, "SELECT count(*) FROM staff_account a JOIN staff_role r ON r.account_id = a.id"
                         " WHERE r.role = 'administrator' AND NOT a.disabled")[0] >= 1
    finally:
        demo.owner.execute("UPDATE staff_account SET disabled = false WHERE username IN ('admin', 'bj_admin')")
        demo.owner.execute("UPDATE staff_account SET disabled = true WHERE id = %s", (other,))


# ----------------------------------------------------------------------------- branch

def test_branches_are_added_and_changed_as_the_app_does(demo):  # noqa: F811
    bj01, bj0101 = demo.branches["BJ01"], demo.branches["BJ0101"]
    rows = demo.owner.execute("SELECT * FROM branch ORDER BY id").fetchall()
    name, version = one(demo, "SELECT name, version FROM branch WHERE id = %s", (bj0101,))
    insert = ("INSERT INTO branch (code, name, level, parent_id, path, address, phone, active, version)"
              " VALUES (%(c)s, %(n)s, %(l)s, %(p)s, '', %(a)s, %(t)s, %(x)s, %(v)s)")
    good = dict(c="ZZ09", n="新网点", l="outlet", p=bj0101, a="", t="", x=True, v=1)
    with connect_as(demo, "bj_admin") as conn:
        for change in (dict(l="sub_branch"), dict(l="branch", p=bj01), dict(l="head_office"),
                       dict(l="palace"), dict(l=None), dict(c="zz09"), dict(c="Z"), dict(c="ZZ-09"), dict(c=None),
                       dict(n=""), dict(n="a\tb"), dict(n=" a"), dict(t="1  2"), dict(x=False), dict(v=3),
                       dict(p=demo.branches["SH0101"]), dict(p=None), dict(p=-1)):
            refused(conn, insert, good | change)
        for change in (dict(n="x" * 101), dict(a="x" * 201), dict(t="1" * 41)):
            refused(conn, insert, good | change, TOO_LONG)
        refused(conn, "UPDATE branch SET active = false, version = version + 1 WHERE id = %s", (bj01,))   # own
        refused(conn, "UPDATE branch SET name = 'x' WHERE id = %s", (bj0101,))                            # no version
        refused(conn, "UPDATE branch SET name = '  x', version = version + 1 WHERE id = %s", (bj0101,))
        refused(conn, "UPDATE branch SET code = 'XX01', version = version + 1 WHERE id = %s", (bj0101,))  # no grant
        refused(conn, "UPDATE branch SET level = 'branch', version = version + 1 WHERE id = %s", (bj0101,))
        refused(conn, "UPDATE branch SET parent_id = %s, version = version + 1 WHERE id = %s", (bj01, bj0101))
        refused(conn, "DELETE FROM branch WHERE id = %s", (bj0101,))
        assert tried(conn, insert, good) == 1
        assert tried(conn, insert, good | dict(l="sub_branch", p=bj01)) == 1
        with conn.transaction():
            conn.execute("UPDATE branch SET name = %s, active = false, version = version + 1 WHERE id = %s",
                         ("x'); DROP TABLE customer; --", bj0101))
    actor, action, entity, after = last_event(demo)
    assert (actor, action, entity, after["active"]) == ("bj_admin", "sql.update", "branch", False)
    demo.owner.execute("UPDATE branch SET name = %s, active = true, version = %s WHERE id = %s",
                       (name, version, bj0101))
    with connect_as(demo, "teller") as conn:
        refused(conn, "UPDATE branch SET name = 'x', version = version + 1 WHERE id = %s", (bj0101,))
    assert demo.owner.execute("SELECT * FROM branch ORDER BY id").fetchall() == rows


# ----------------------------------------------------------------------------- setting

SIGNIN = asdict(policy.SignInPolicy())


def test_settings_hold_only_what_their_policy_pages_save(demo):  # noqa: F811
    settings = demo.owner.execute("SELECT * FROM setting ORDER BY key").fetchall()
    upsert = ("INSERT INTO setting (key, value, version) VALUES (%s, %s, 1)"
              " ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = setting.version + 1")
    card = DEFAULT_CARD_POLICY.to_dict()
    with connect_as(demo, "admin") as conn:
        for key, value in [
            ("signin_policy", SIGNIN | {"max_failed_signins": 1_000_000}),
            ("signin_policy", SIGNIN | {"min_password_length": 1}),
            ("signin_policy", SIGNIN | {"lockout_minutes": 0}),
            ("signin_policy", SIGNIN | {"idle_lock_minutes": 5.5}),
            ("signin_policy", SIGNIN | {"max_failed_signins": True}),
            ("signin_policy", {k: v for k, v in SIGNIN.items() if k != "max_failed_signins"}),
            ("signin_policy", SIGNIN | {"extra": 1}),
            ("signin_policy", [SIGNIN]),
            ("card_policy", card | {"products": [p | {"bins": [""]} for p in card["products"]]}),
            ("card_policy", card | {"products": [p | {"luhn": "off"} for p in card["products"]]}),
            ("card_policy", card | {"products": card["products"][:2]}),
            ("card_policy", card | {"products": card["products"] + card["products"][:1]}),
            ("card_policy", card | {"validity_years": 0}),
            ("card_policy", card | {"expiring_days": 400}),
            ("card_policy", "not an object"),
            ("care_policy", ["a list"]),
            ("documents.qr_key", {"key": "A" * 52}),
            ("x'); DROP TABLE customer; --", {}),
        ]:
            refused(conn, upsert, (key, json.dumps(value)))
        for text in ("not json", "", "{", None):
            refused(conn, upsert, ("signin_policy", text))
        with conn.transaction():
            conn.execute(upsert, ("signin_policy", json.dumps(SIGNIN)))
    actor, action, entity, _after = last_event(demo)
    assert (actor, action, entity) == ("admin", "sql.insert", "setting")
    with connect_as(demo, "admin") as conn:
        refused(conn, "UPDATE setting SET value = %s WHERE key = 'signin_policy'",
                (json.dumps(SIGNIN | {"lockout_minutes": 31}),))                        # no new version
        refused(conn, "DELETE FROM setting WHERE key = 'signin_policy'")
        refused(conn, "UPDATE setting SET key = 'card_policy', version = version + 1 WHERE key = 'signin_policy'")
    for login in ("manager", "teller", "auditor"):
        with connect_as(demo, login) as conn:
            refused(conn, "UPDATE setting SET value = '{}', version = version + 1 WHERE key = 'signin_policy'")
    demo.owner.execute("DELETE FROM setting WHERE key = 'signin_policy'")
    assert demo.owner.execute("SELECT * FROM setting ORDER BY key").fetchall() == settings


def test_a_care_policy_from_a_sql_tool_the_app_would_refuse_is_reported(demo):  # noqa: F811
    """The store keeps any object as the care policy (only the app reads it); one the app would
    not have saved (a band at NaN, which Python cannot even sort) is reported as what it is, a
    stored policy an administrator must save again, never silently read as the defaults (a bank's
    tighter rules loosened behind its back). Stored by the administrator: allowed and audited."""
    bands = [{"lower_bound": "NaN", "role": "counter_staff"}, {"lower_bound": "sNaN", "role": "counter_staff"}]
    try:
        with connect_as(demo, "admin") as conn, conn.transaction():
            conn.execute("INSERT INTO setting (key, value, version) VALUES ('care_policy', %s, 1)",
                         (json.dumps({"bands": bands}),))
        assert last_event(demo)[:3] == ("admin", "sql.insert", "setting")
        with pytest.raises(StoredPolicyInvalid) as caught:
            care.care_policy(demo.store)
        assert caught.value.field == "Care policy" and caught.value.setting == "care_policy"
    finally:
        demo.owner.execute("DELETE FROM setting WHERE key = 'care_policy'")


# ----------------------------------------------------------------------------- the app, as the logins

def test_the_apps_own_administration_still_works_as_the_signed_in_logins(demo):  # noqa: F811
    """Every service that writes these tables, run as the person's own login: the guards let
    each step through, and the app's refusals still reach the user as before."""
    with signed_in(demo, "admin", "bj_admin") as [(admin_store, admin), (bj_store, bj_admin)]:
        row = accounts.create_account(admin_store, admin, username="probe_app", display_name="探针 甲",
                                      branch_id=demo.branches["BJ0101"], roles=[Role.COUNTER_STAFF],
                                      password=PASSWORD)
        row = accounts.update_account(admin_store, admin, row.id, expected_version=row.version,
                                      display_name="探针 乙", branch_id=demo.branches["BJ010101"],
                                      roles=[Role.COUNTER_STAFF, Role.AUDITOR])
        row = accounts.update_account(admin_store, admin, row.id, expected_version=row.version,
                                      display_name="探针 乙", branch_id=demo.branches["BJ010101"],
                                      roles=[Role.AUDITOR])
        row = accounts.set_disabled(admin_store, admin, row.id, expected_version=row.version, disabled=True)
        row = accounts.set_disabled(admin_store, admin, row.id, expected_version=row.version, disabled=False)
        demo.owner.execute("UPDATE staff_account SET failed_signins = 4, locked_until = now() + interval '1 hour'"
                           " WHERE id = %s", (row.id,))
        row = accounts.unlock(admin_store, admin, row.id, expected_version=row.version)
        row = accounts.reset_password(admin_store, admin, row.id, expected_version=row.version,
                                      new_password=NEW_PASSWORD)
        assert account(demo, "probe_app")[3:5] == (True, 0)
        with pytest.raises(PermissionDenied):
            accounts.set_disabled(admin_store, admin, admin.account_id,
                                  expected_version=one(demo, "SELECT version FROM staff_account WHERE id = %s",
                                                       (admin.account_id,))[0], disabled=True)
        branch = branches.create_branch(bj_store, bj_admin, code="ZZ11", name="探针网点", level="outlet",
                                        parent_id=demo.branches["BJ0101"], address="北京路 1 号", phone="010-1")
        branch = branches.update_branch(bj_store, bj_admin, branch.id, expected_version=branch.version,
                                        name="探针网点 二", active=False)
        policy.save_policy(admin_store, admin, policy.SignInPolicy(min_password_length=14))
        policy.save_policy(admin_store, admin, policy.SignInPolicy())
        save_card_policy(admin_store, admin, replace(DEFAULT_CARD_POLICY, expiring_days=90))
        assert card_policy(admin_store).expiring_days == 90
        care.save_policy(admin_store, admin, replace(care.care_policy(admin_store), manager_cap=700))
    session = sign_in(demo.store, "probe_app", NEW_PASSWORD)   # the reset password, to be changed now
    try:
        change_own_password(session.store, session.actor, new_password=PASSWORD + "x")
    finally:
        session.store.engine.dispose()
    assert account(demo, "probe_app")[3] is False
    assert one(demo, "SELECT actor_name FROM audit_event WHERE action = 'account.change_password'"
                     " ORDER BY id DESC LIMIT 1")[0] == "probe_app"
    demo.owner.execute("DELETE FROM setting WHERE key IN ('signin_policy', 'card_policy', 'care_policy')")


# ----------------------------------------------------------------------------- one rule set

def _signin_candidates():
    yield SIGNIN
    limits = {"min_password_length": (8, 64), "max_failed_signins": (1, 20), "lockout_minutes": (1, 1440),
              "idle_lock_minutes": (1, 120)}
    for name, (low, high) in limits.items():
        for value in (low - 1, low, high, high + 1, 0, -5, 10 ** 15, True, 12.5, "12", None):
            yield SIGNIN | {name: value}
        yield {k: v for k, v in SIGNIN.items() if k != name}
    yield SIGNIN | {"extra": 1}


def _signin_ok(value: dict) -> bool:
    """What save_policy stores: all four fields, valid. (validate alone would take True for 1: the
    page's spin boxes never give a boolean, and the store refuses one.)"""
    if set(value) != set(SIGNIN) or any(isinstance(v, bool) for v in value.values()):
        return False
    try:
        policy.SignInPolicy(**value).validate()
    except ValidationError:
        return False
    return True


def _card_candidates():
    base = DEFAULT_CARD_POLICY.to_dict()
    products = base["products"]

    def with_products(*changed):
        return base | {"products": [p | c for p, c in zip(products, changed)] + products[len(changed):]}

    yield base
    yield {"products": products}                                   # validity and window by default
    yield with_products({"luhn": "warn"}, {"luhn": "warn"}, {"luhn": "warn"})
    yield with_products({"luhn": "off"})
    yield with_products({"luhn": None})
    yield with_products({"bins": ["6222", "622202"]})               # a BIN beginning another
    yield with_products({"bins": ["622202", "622203"]})             # shared with another product
    yield with_products({"bins": ["622202", "622202"]})
    yield with_products({"bins": ["123"]}, {"bins": ["1234567890"]}, {"bins": ["12345678901"]})
    yield with_products({"bins": ["１２３４５６"]})
    yield with_products({"bins": []})
    yield with_products({"bins": "622202"})
    yield with_products({"card_type": "black"})
    yield with_products({"card_type": "platinum"})
    yield base | {"products": products[:2]}
    yield base | {"products": products + [{"card_type": "black", "bins": ["999999"]}]}
    for years in (0, 1, 10, 11, True, 2.5, None):
        yield base | {"validity_years": years}
    for days in (0, 1, 366, 367, "60"):
        yield base | {"expiring_days": days}
    yield {"products": "none"}
    yield {}


def _card_ok(value: dict) -> bool:
    try:
        CardPolicy.from_dict(value)
    except (ValidationError, TypeError):
        return False
    return True


# Policies as an administrator might type them in psql: numbers spelled as floats or with an
# exponent (Python reads 12.0 and 12e0 as floats, which the policies refuse; jsonb would read 12),
# a key written twice (Python keeps the last).
SIGNIN_TEXTS = ['{"min_password_length": %s, "max_failed_signins": 5, "lockout_minutes": 30, "idle_lock_minutes": 15}' % n
                for n in ("12", "12.0", "12e0", "1.2E1", "-0")] + [
    '{"min_password_length": 1, "max_failed_signins": 5, "lockout_minutes": 30, "idle_lock_minutes": 15,'
    ' "min_password_length": 12}',
    '{"min_password_length": 12, "max_failed_signins": 5, "lockout_minutes": 30, "idle_lock_minutes": 15,'
    ' "min_password_length": 1}',
]
CARD_TEXTS = [json.dumps(DEFAULT_CARD_POLICY.to_dict())[:-1] + ', "validity_years": %s}' % n
              for n in ("3", "3.0", "3e0", "30E-1", "0.3e1")]


def test_the_stores_administration_rules_are_the_apps(demo):  # noqa: F811
    def sql_ok(function: str, text: str) -> bool:
        return one(demo, f"SELECT vipdesk_private.{function}(%s::json)", (text,))[0]

    signin = [json.dumps(v) for v in _signin_candidates()] + SIGNIN_TEXTS
    assert {t: sql_ok("signin_policy_ok", t) for t in signin} == {t: _signin_ok(json.loads(t)) for t in signin}
    cards = [json.dumps(v) for v in _card_candidates()] + CARD_TEXTS
    assert {t: sql_ok("card_policy_ok", t) for t in cards} == {t: _card_ok(json.loads(t)) for t in cards}
    assert sum(_card_ok(json.loads(t)) for t in cards) >= 5 and sum(_signin_ok(json.loads(t)) for t in signin) >= 5
    # the other rules the guards copy
    roles = {r for (r,) in demo.owner.execute("SELECT DISTINCT role FROM role_permission")}
    assert roles == {r.value for r in STAFF_ROLES}
    source = one(demo, "SELECT prosrc FROM pg_proc WHERE proname = 'vipdesk_guard_branch'")[0]
    assert f"ARRAY[{', '.join(repr(level.value) for level in LEVEL_ORDER)}]" in source
    assert CODE_PATTERN.pattern in source
    assert USERNAME_PATTERN.pattern in \
        one(demo, "SELECT prosrc FROM pg_proc WHERE proname = 'vipdesk_guard_staff_account'")[0]
    assert f"ARRAY[{', '.join(repr(t) for t in sorted(CARD_TYPES))}]" in \
        one(demo, "SELECT prosrc FROM pg_proc WHERE proname = 'card_policy_ok'")[0]
    # text as the app cleans it: every one of Python's white space characters but the space is
    # refused inside a stored name, and whatever the cleaning leaves is taken
    white = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    raws = ["北京 朝阳 支行", "  a  b ", "x" * 100, "x" * 101, "ab\x01", "a\u200bb"] + [f"a{c}b" for c in white]
    for raw in raws:
        try:
            cleaned = clean_name(raw)
        except ValidationError:
            continue
        assert one(demo, "SELECT vipdesk_private.clean_text(%s, 100, true)", (cleaned,))[0], repr(cleaned)
        assert one(demo, "SELECT vipdesk_private.clean_text(%s, 100, true)", (raw,))[0] == (raw == cleaned), repr(raw)


def test_0031_goes_down_and_up(pg_server_url):
    from alembic import command

    from app.store import Store
    from db.engine import make_engine
    from db.migrate import _config as migrate_config, upgrade
    from tests.pg_support import create_database, drop_database

    guards = ("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'vipdesk_guard'"
              " AND c.relname IN ('branch', 'staff_account', 'staff_role', 'setting')")
    url = create_database(pg_server_url)
    engine = make_engine(url)
    try:
        upgrade(engine)
        create_account(Store(engine), Actor.batch("test"), username="probe_down", display_name="x",
                       branch_id=_head_office(url), roles=[Role.ADMINISTRATOR], password=PASSWORD)
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute(guards).fetchone()[0] == 4
        command.downgrade(migrate_config(engine), "0030")
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute(guards).fetchone()[0] == 0
            assert conn.execute("SELECT to_regprocedure('vipdesk_private.card_policy_ok(json)')").fetchone()[0] is None
            assert conn.execute("SELECT count(*) FROM staff_account").fetchone()[0] == 1
        upgrade(engine)
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute(guards).fetchone()[0] == 4
    finally:
        engine.dispose()
        drop_database(pg_server_url, url.rsplit("/", 1)[1])


def _head_office(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("INSERT INTO branch (code, name, level, parent_id, path, address, phone, active, version)"
                            " VALUES ('HO', '总行', 'head_office', NULL, '', '', '', true, 1) RETURNING id").fetchone()[0]
