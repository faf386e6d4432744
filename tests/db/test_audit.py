"""The audit chain on both engines: written with the change, verified, tamper found."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from app.audit.trail import AuditFilter, audit_page, export_audit, verify_chain
from app.auth import branches
from app.errors import ValidationError
from db.models import AuditEvent, Branch
from tests.db.helpers import actor_named


def _count(store, model):
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_refused_action_writes_neither_change_nor_event(demo_store):
    admin = actor_named(demo_store, "admin")
    events, branch_count = _count(demo_store, AuditEvent), _count(demo_store, Branch)
    with pytest.raises(ValidationError):
        branches.create_branch(demo_store, admin, code="HO", name="重复", level="branch",
                               parent_id=admin.branch_id)
    assert (_count(demo_store, AuditEvent), _count(demo_store, Branch)) == (events, branch_count)


def test_an_error_after_the_change_rolls_back_both(demo_store):
    admin = actor_named(demo_store, "admin")
    events, branch_count = _count(demo_store, AuditEvent), _count(demo_store, Branch)
    with pytest.raises(RuntimeError):
        with demo_store.write(admin) as uow:
            uow.session.add(Branch(code="ZZ", name="半截", level="outlet", parent_id=admin.branch_id,
                                   path="/x/", address="", phone="", active=True))
            uow.session.flush()
            uow.audit("branch.create", "branch", "ZZ")
            raise RuntimeError("power cut")
    assert (_count(demo_store, AuditEvent), _count(demo_store, Branch)) == (events, branch_count)


def test_intact_chain_verifies(demo_store):
    result = verify_chain(demo_store)
    assert result.intact and result.checked == _count(demo_store, AuditEvent) > 10


def _busiest_lane(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT lane FROM audit_event GROUP BY lane ORDER BY count(*) DESC, lane "
                                 "LIMIT 1")).scalar()


@pytest.mark.parametrize("tamper, expected", [
    ("UPDATE audit_event SET after = '{\"name\":\"改过\"}' WHERE lane = :lane AND seq = 5", ["event 5 (id", "was changed"]),
    ("DELETE FROM audit_event WHERE lane = :lane AND seq = 7", ["event 7 is missing"]),
    ("UPDATE audit_event SET actor_name = 'someone' WHERE lane = :lane AND seq = 12", ["event 12 (id", "was changed"]),
    ("DELETE FROM audit_event WHERE lane = :lane AND seq = 1", ["event 1 is missing"]),
    ("UPDATE audit_event SET lane = 99 WHERE lane = :lane AND seq = 9", ["event 9 is missing"]),  # moved away
])
def test_verify_names_the_first_bad_event(demo_store, tamper, expected):
    lane = _busiest_lane(demo_store)
    with demo_store.engine.begin() as conn:
        conn.execute(text(tamper), {"lane": lane})
    result = verify_chain(demo_store)
    assert not result.intact and f"lane {lane}, " in result.problem
    assert all(part in result.problem for part in expected), result.problem


def test_a_forged_event_inserted_with_the_next_seq_is_found(demo_store):
    lane = _busiest_lane(demo_store)
    with demo_store.engine.begin() as conn:
        head = conn.execute(text("SELECT max(seq) FROM audit_event WHERE lane = :l"), {"l": lane}).scalar()
        conn.execute(text("UPDATE audit_event SET seq = seq + 1000 WHERE lane = :l AND seq = :s"),
                     {"l": lane, "s": head})
        conn.execute(text(
            "INSERT INTO audit_event (lane, seq, occurred_at, actor_id, actor_name, branch_id, action, entity,"
            " entity_id, before, after, prev_hash, hash) SELECT lane, :s, occurred_at, actor_id, 'forger',"
            " branch_id, action, entity, entity_id, before, after, prev_hash, hash FROM audit_event"
            " WHERE lane = :l AND seq = :moved"), {"l": lane, "s": head, "moved": head + 1000})
    result = verify_chain(demo_store)
    assert not result.intact and f"lane {lane}, event {head}" in result.problem


def test_many_writers_at_once_keep_one_unbroken_chain(pg_demo_store):
    admin = actor_named(pg_demo_store, "admin")
    parent = admin.branch_id
    before = _count(pg_demo_store, AuditEvent)

    def add(i):
        branches.create_branch(pg_demo_store, admin, code=f"CC{i:03d}", name=f"并发{i}",
                               level="branch", parent_id=parent)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(add, range(40)))
    result = verify_chain(pg_demo_store)
    assert result.intact and result.checked == before + 40
    assert result.lanes >= 2  # concurrent writers took lanes of their own instead of queueing


def test_page_filter_and_keyset(demo_store):
    auditor = actor_named(demo_store, "auditor")
    first = audit_page(demo_store, auditor, AuditFilter(), limit=5)
    assert [r.number for r in first] == sorted((r.number for r in first), reverse=True)
    second = audit_page(demo_store, auditor, AuditFilter(), before=first[-1].number, limit=5)
    assert second[0].number == first[-1].number - 1
    accounts_only = audit_page(demo_store, auditor, AuditFilter(action="account."))
    assert accounts_only and all(r.action.startswith("account.") for r in accounts_only)
    assert audit_page(demo_store, auditor, AuditFilter(actor="%")) == []  # LIKE wildcards are literal


def test_branch_auditor_sees_only_the_subtree(demo_store):
    manager = actor_named(demo_store, "manager")  # branch manager at BJ0101 may view audit
    codes = {r.branch_code for r in audit_page(demo_store, manager, AuditFilter(), limit=500)}
    assert codes and codes <= {"BJ0101", "BJ010101", "BJ010102"}


def test_export_writes_csv_and_is_itself_audited(demo_store, tmp_path):
    auditor = actor_named(demo_store, "auditor")
    out = tmp_path / "audit.csv"
    count = export_audit(demo_store, auditor, out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Event,Occurred at,Actor") and len(lines) == count + 1   # no translator: English
    assert lines[1].split(",")[1].endswith("+08:00")                                # Beijing clocks, said so
    assert audit_page(demo_store, auditor, AuditFilter(action="audit.export"))[0].actor_name == "auditor"
    assert not list(tmp_path.glob("*.part"))


def _sign_in_wrongly(store, username):
    from app.auth.signin import sign_in
    from app.errors import AuthError

    with pytest.raises(AuthError):
        sign_in(store, username, "not the password")


def test_events_without_a_branch_show_to_the_whole_tree_only(demo_store):
    _sign_in_wrongly(demo_store, "nobody-here")  # no account: the event has no branch
    unknown = AuditFilter(actor="nobody-here")
    seen = audit_page(demo_store, actor_named(demo_store, "auditor"), unknown)  # head office
    assert [(r.action, r.branch_code, r.actor_name) for r in seen] == [("signin.failed", "", "signin:nobody-here")]
    assert audit_page(demo_store, actor_named(demo_store, "manager"), unknown) == []


def test_rows_name_the_person_and_the_filter_finds_them_by_name(demo_store):
    auditor = actor_named(demo_store, "auditor")
    rows = audit_page(demo_store, auditor, AuditFilter(actor="李娜"))  # the teller's name, not user name
    assert rows and {r.actor_name for r in rows} == {"teller"}
    assert {r.actor_display for r in rows} == {"柜员 李娜"}
    assert audit_page(demo_store, auditor, AuditFilter(actor="teller2"))[0].actor_display == "柜员 王磊"
