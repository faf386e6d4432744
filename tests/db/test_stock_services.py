"""Blank-card stock services on SQLite and PostgreSQL: receipt with confirmation, transfers,
issue in order, spoilage, returns, destruction, day-end reconciliation, counts, alerts, CLI,
and every refusal of the issue's "Bad input and faults"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.outfile import zoned
from app.errors import ConflictError, NotFound, PermissionDenied, StoreUnavailable, ValidationError
from app.stock import books, moves, views
from db.models import AuditEvent, BlankCard, StaffAccount, StockDay, StockMove, StockMovement
from tests.db.helpers import actor_named


@pytest.fixture
def people(demo_store):
    names = ("custodian", "custodian2", "teller", "teller2", "manager", "sh_teller", "lobby")
    return {name: actor_named(demo_store, name) for name in names}


def _vault(store, custodian):
    return books.vault_id(store, custodian)


def _drawer(store, custodian, holder_name):
    return dict((name, i) for i, name in views.drawers_of_branch(store, custodian))[holder_name]


def _stocked(store, people, serials="A00001000-A00001009"):
    """Received, confirmed, and handed out to teller's drawer."""
    c, c2, t = people["custodian"], people["custodian2"], people["teller"]
    receipt = moves.receive(store, c, card_type="gold", serials=serials, count=None)
    moves.confirm(store, c2, receipt.id)
    drawer = _drawer(store, c, t.display_name)
    transfer = moves.request_transfer(store, c, card_type="gold", serials=serials,
                                      from_location_id=_vault(store, c), to_location_id=drawer)
    moves.confirm(store, t, transfer.id)
    return drawer


def _count(store, **where):
    """Gold cards only: the demo stock is platinum and diamond."""
    with store.read() as session:
        query = select(func.count()).select_from(BlankCard).where(BlankCard.card_type == "gold")
        for key, value in where.items():
            query = query.where(getattr(BlankCard, key) == value)
        return session.scalar(query)


def test_a_receipt_counts_only_once_a_second_person_confirms(demo_store, people):
    c, c2 = people["custodian"], people["custodian2"]
    receipt = moves.receive(demo_store, c, card_type="gold", serials="A00001000-A00001099", count=100)
    assert receipt.status == "pending" and receipt.count == 100
    assert _count(demo_store, state="in_stock") == 0
    assert receipt.id in [m.id for m in views.pending_moves(demo_store, c2)]
    with pytest.raises(PermissionDenied, match="someone other"):
        moves.confirm(demo_store, c, receipt.id)
    moves.confirm(demo_store, c2, receipt.id)
    assert _count(demo_store, state="in_stock") == 100
    with pytest.raises(ConflictError):
        moves.confirm(demo_store, people["manager"], receipt.id)
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(StockMovement).where(
            StockMovement.move_id == receipt.id)) == 100
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"stock.receive", "stock.receive.confirm"} <= actions


def test_receipt_refusals_change_nothing(demo_store, people):
    c = people["custodian"]
    moves.receive(demo_store, c, card_type="gold", serials="A00001000-A00001009", count=10)
    cases = [
        (dict(card_type="gold", serials="A00001005-A00001015", count=None), "already in the stock books"),
        (dict(card_type="gold", serials="A00002009-A00002000", count=None), "backwards"),
        (dict(card_type="gold", serials="A00002000-A00002009", count=11), "Count"),
        (dict(card_type="black", serials="A00002000", count=None), "not a known card type"),
        (dict(card_type="platinum", serials="A00002000", count=None), "not a serial of this card type"),
        (dict(card_type="gold", serials="A0002000-A00002001", count=None), "widths"),
    ]
    for kwargs, message in cases:
        with pytest.raises(ValidationError, match=message):
            moves.receive(demo_store, c, **kwargs)
    assert _count(demo_store) == 10
    with pytest.raises(PermissionDenied):
        moves.receive(demo_store, people["teller"], card_type="gold", serials="A00003000", count=1)


def test_a_rejected_receipt_leaves_the_books(demo_store, people):
    receipt = moves.receive(demo_store, people["custodian"], card_type="gold", serials="A00001000-A00001004", count=5)
    moves.reject(demo_store, people["manager"], receipt.id, reason="箱数不符")
    assert _count(demo_store) == 0
    again = moves.receive(demo_store, people["custodian"], card_type="gold", serials="A00001000-A00001004", count=5)
    assert again.status == "pending"


def test_transfers_need_the_second_person_and_the_serials_where_they_are(demo_store, people):
    c, t, t2 = people["custodian"], people["teller"], people["teller2"]
    drawer = _stocked(demo_store, people)
    assert _count(demo_store, location_id=drawer, state="in_stock") == 10
    vault = _vault(demo_store, c)
    with pytest.raises(ValidationError, match="not in stock at"):
        moves.request_transfer(demo_store, c, card_type="gold", serials="A00001000",
                               from_location_id=vault, to_location_id=drawer)
    # teller hands back two (上缴); teller2 may not confirm someone else's drawer
    back = moves.request_transfer(demo_store, t, card_type="gold", serials="A00001008-A00001009",
                                  from_location_id=drawer, to_location_id=vault)
    with pytest.raises(PermissionDenied):
        moves.confirm(demo_store, t2, back.id)
    with pytest.raises(ConflictError, match="another move"):
        moves.request_transfer(demo_store, t, card_type="gold", serials="A00001009",
                               from_location_id=drawer, to_location_id=vault)
    moves.confirm(demo_store, c, back.id)
    assert _count(demo_store, location_id=vault, state="in_stock") == 2
    other = _drawer(demo_store, c, t2.display_name)
    with pytest.raises(PermissionDenied):
        moves.request_transfer(demo_store, t2, card_type="gold", serials="A00001000",
                               from_location_id=drawer, to_location_id=vault)
    with pytest.raises(ValidationError, match="between the branch vault and a drawer"):
        moves.request_transfer(demo_store, c, card_type="gold", serials="A00001000",
                               from_location_id=drawer, to_location_id=other)


def test_issue_in_order_never_twice_and_spoilage_explains_a_gap(demo_store, people):
    t, t2 = people["teller"], people["teller2"]
    _stocked(demo_store, people)
    with pytest.raises(ValidationError, match="issue A00001000 first"):
        moves.issue_serial(demo_store, t, card_type="gold", serial="A00001001")
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001000")
    with pytest.raises(ValidationError, match="not in stock in your drawer"):
        moves.issue_serial(demo_store, t, card_type="gold", serial="A00001000")
    with pytest.raises(ValidationError, match="not in stock in your drawer"):
        moves.issue_serial(demo_store, t2, card_type="gold", serial="A00001001")
    with pytest.raises(ValidationError, match="not a serial of this card type"):
        moves.issue_serial(demo_store, t, card_type="diamond", serial="A00001001")
    with pytest.raises(PermissionDenied, match="own drawer"):
        moves.spoil(demo_store, t2, card_type="gold", serial="A00001001", reason="印刷错误")
    with pytest.raises(ValidationError, match="Reason"):
        moves.spoil(demo_store, t, card_type="gold", serial="A00001001", reason=" ")
    moves.spoil(demo_store, t, card_type="gold", serial="A00001001", reason="印刷错误")
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001002")
    moves.spoil(demo_store, t, card_type="gold", serial="A00001002", reason="客户当场更换")  # issued today
    card, history = views.serial_history(demo_store, t, "A00001002")
    assert card.state == "spoiled"
    assert [h.kind for h in history] == ["confirm_receipt", "transfer", "issue", "spoil"] or \
        [h.to_state for h in history] == ["in_stock", "in_stock", "issued", "spoiled"]


def test_an_issued_card_of_another_day_is_returned_not_spoiled(demo_store, people):
    t = people["teller"]
    _stocked(demo_store, people)
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001000")
    later = demo_store.clock
    demo_store.clock = lambda: later() + timedelta(days=1)
    with pytest.raises(ValidationError, match="another day"):
        moves.spoil(demo_store, t, card_type="gold", serial="A00001000", reason="损坏")
    result = moves.record_return(demo_store, t, card_type="gold", serial="A00001000", reason="升级换卡")
    assert result.kind == "return"
    assert views.serial_history(demo_store, t, "A00001000")[0].state == "returned"


def test_destruction_needs_two_witnesses_and_lists_every_serial(demo_store, people):
    c, t = people["custodian"], people["teller"]
    _stocked(demo_store, people)
    for serial in ("A00001000", "A00001001", "A00001002"):
        moves.spoil(demo_store, t, card_type="gold", serial=serial, reason="磁条损坏")
    manager, c2 = people["manager"].account_id, people["custodian2"].account_id
    with pytest.raises(ValidationError, match="two different people"):
        moves.destroy(demo_store, c, card_type="gold", serials="A00001000-A00001002", witnesses=(manager, manager))
    with pytest.raises(ValidationError, match="not allowed"):
        moves.destroy(demo_store, c, card_type="gold", serials="A00001000-A00001003", witnesses=(manager, c2))
    session_move = moves.destroy(demo_store, c, card_type="gold", serials="A00001000-A00001002",
                                 witnesses=(manager, c2), count=3)
    assert _count(demo_store, state="destroyed") == 3
    with demo_store.read() as session:
        move = session.get(StockMove, session_move.id)
        assert move.serials == "A00001000–A00001002" and move.witness_name == "manager, custodian2"


def test_day_end_reconciles_and_sign_off_closes_the_day(demo_store, people):
    c, t = people["custodian"], people["teller"]
    drawer = _stocked(demo_store, people)
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001000")
    today = demo_store.today()
    lines = {(line.location_kind, line.result.card_type): line
             for line in books.reconcile_day(demo_store, c, business_date=today)}
    vault_line, drawer_line = lines[("vault", "gold")], lines[("drawer", "gold")]
    assert vault_line.result.figures() == (0, 10, 10, 0) and vault_line.result.balanced
    assert drawer_line.result.figures() == (0, 10, 1, 9) and drawer_line.result.balanced
    assert drawer_line.result.sent == ("A00001000",)
    books.sign_off(demo_store, t, location_id=drawer, card_type="gold", business_date=today)
    with pytest.raises(ValidationError, match="closed to back-dated moves"):
        moves.issue_serial(demo_store, t, card_type="gold", serial="A00001001")
    with pytest.raises(ConflictError, match="already signed off"):
        books.sign_off(demo_store, t, location_id=drawer, card_type="gold", business_date=today)


def test_a_difference_blocks_sign_off_until_explained(demo_store, people):
    c = people["custodian"]
    drawer = _stocked(demo_store, people)
    with demo_store.engine.begin() as conn:  # a card that vanished without a register entry
        conn.execute(BlankCard.__table__.update().where(BlankCard.serial == "A00001005").values(state="destroyed"))
    today = demo_store.today()
    line = next(line for line in books.reconcile_day(demo_store, c, business_date=today)
                if line.location_id == drawer)
    assert line.result.difference == -1 and line.result.missing == {"A00001005"} and line.unexplained
    with pytest.raises(ValidationError, match="explain the difference"):
        books.sign_off(demo_store, c, location_id=drawer, card_type="gold", business_date=today)
    books.sign_off(demo_store, c, location_id=drawer, card_type="gold", business_date=today,
                   explanation="卡片遗失，已报告")


def test_a_blind_count_lists_missing_and_unexpected_serials(demo_store, people):
    c, t = people["custodian"], people["teller"]
    drawer = _stocked(demo_store, people)
    with pytest.raises(ValidationError, match="someone other"):
        books.record_count(demo_store, t, location_id=drawer, card_type="gold", serials="A00001000",
                           witness_id=t.account_id)
    result = books.record_count(demo_store, t, location_id=drawer, card_type="gold",
                                serials="A00001000-A00001008, A00009999", witness_id=c.account_id)
    assert (result.expected, result.counted) == (10, 10)
    assert result.missing == ("A00001009",) and result.unexpected == ("A00009999",)
    with pytest.raises(PermissionDenied):
        books.record_count(demo_store, people["teller2"], location_id=drawer, card_type="gold",
                           serials="A00001000", witness_id=c.account_id)


def test_minimum_alert_with_weeks_left(demo_store, people):
    c, t = people["custodian"], people["teller"]
    _stocked(demo_store, people)
    books.set_minimum(demo_store, c, card_type="gold", minimum=20)
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001000")
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001001")
    [alert] = [a for a in books.stock_alerts(demo_store, c) if a.card_type == "gold"]
    assert (alert.card_type, alert.on_hand, alert.minimum) == ("gold", 8, 20)
    assert alert.weeks_left == pytest.approx(16.0)  # 2 issued in 4 weeks: 0.5 a week


def test_scope_other_branches_stock_is_invisible(demo_store, people):
    _stocked(demo_store, people)
    sh = people["sh_teller"]
    assert views.stock_by_location(demo_store, sh) == []
    assert views.serial_history(demo_store, sh, "A00001000") == (None, [])
    with pytest.raises(ValidationError):
        moves.spoil(demo_store, sh, card_type="gold", serial="A00001000", reason="x")
    with pytest.raises(NotFound):
        books.reconcile_day(demo_store, sh, branch_code="BJ0101", business_date=demo_store.today())


def test_a_connection_lost_in_the_middle_of_a_move_leaves_nothing_half_done(demo_store, people, monkeypatch):
    c, t = people["custodian"], people["teller"]
    _stocked(demo_store, people)
    for serial in ("A00001000", "A00001001", "A00001002"):
        moves.spoil(demo_store, t, card_type="gold", serial=serial, reason="磁条损坏")
    from sqlalchemy.exc import OperationalError

    calls = {"n": 0}
    real = moves.record_movement

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("INSERT", {}, Exception("server closed the connection"), connection_invalidated=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(moves, "record_movement", failing)
    witnesses = (people["manager"].account_id, people["custodian2"].account_id)
    with pytest.raises(StoreUnavailable):
        moves.destroy(demo_store, c, card_type="gold", serials="A00001000-A00001002", witnesses=witnesses)
    assert _count(demo_store, state="spoiled") == 3 and _count(demo_store, state="destroyed") == 0
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(StockMove).where(
            StockMove.kind == "destroy", StockMove.card_type == "gold")) == 0
    monkeypatch.setattr(moves, "record_movement", real)
    moves.destroy(demo_store, c, card_type="gold", serials="A00001000-A00001002", witnesses=witnesses)
    assert _count(demo_store, state="destroyed") == 3


def test_a_large_receipt_is_confirmed_in_one_set_based_step(demo_store, people):
    receipt = moves.receive(demo_store, people["custodian"], card_type="gold", serials="A00100000-A00104999",
                            count=5000)
    moves.confirm(demo_store, people["custodian2"], receipt.id)
    assert _count(demo_store, state="in_stock") == 5000
    card, history = views.serial_history(demo_store, people["custodian"], "A00104999")
    assert card.state == "in_stock" and [h.to_state for h in history] == ["in_stock"]


def test_export_and_cli(demo_store, people, tmp_path, capsys):
    import main

    _stocked(demo_store, people)
    moves.issue_serial(demo_store, people["teller"], card_type="gold", serial="A00001000")
    url = demo_store.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "stock.csv"
    assert main.main(["export", "stock", str(out), "--db", url]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("空白卡序号,卡种,状态")
    gold = [line for line in lines if ",金卡," in line]          # codes as staff read them
    assert len(gold) == 10 and gold[0].startswith("A00001000,金卡,已出库,BJ0101")
    assert lines[0].endswith(",更新时间")
    with demo_store.read() as session:
        stored = session.scalar(select(BlankCard.updated_at).where(BlankCard.serial == "A00001000"))
    assert gold[0].endswith("," + zoned(stored)) and gold[0].endswith("+08:00")   # Beijing clocks, said so
    today = demo_store.today().isoformat()
    assert main.main(["stock", "reconcile", "--branch", "BJ0101", "--date", today, "--db", url]) == 0
    printed = capsys.readouterr().out
    assert "opening 0" in printed and "balanced" in printed
    with demo_store.engine.begin() as conn:
        conn.execute(BlankCard.__table__.update().where(BlankCard.serial == "A00001005").values(state="destroyed"))
    assert main.main(["stock", "reconcile", "--branch", "BJ0101", "--date", today, "--db", url]) == 1
    assert "A00001005" in capsys.readouterr().out
    assert main.main(["stock", "reconcile", "--branch", "XX", "--date", today, "--db", url]) == 2
    assert main.main(["stock", "reconcile", "--branch", "BJ0101", "--date", "2026-13-01", "--db", url]) == 2


def test_a_back_dated_move_into_a_signed_off_day_is_refused(demo_store, people):
    c = people["custodian"]
    today = demo_store.today()
    yesterday = today - timedelta(days=1)
    vault = _vault(demo_store, c)
    books.sign_off(demo_store, c, location_id=vault, card_type="gold", business_date=yesterday)
    with pytest.raises(ValidationError, match="closed to back-dated moves") as caught:
        moves.receive(demo_store, c, card_type="gold", serials="A00001000", count=1, business_date=yesterday)
    assert caught.value.field == "Business date"
    with pytest.raises(ValidationError, match="future"):
        moves.receive(demo_store, c, card_type="gold", serials="A00001000", count=1,
                      business_date=today + timedelta(days=1))
    assert _count(demo_store) == 0
    moves.receive(demo_store, c, card_type="gold", serials="A00001000", count=1)  # today is open


def test_sign_off_refuses_while_a_move_of_the_location_awaits_its_second_person(demo_store, people):
    c, c2, t = people["custodian"], people["custodian2"], people["teller"]
    today = demo_store.today()
    for waiting in views.pending_moves(demo_store, c):   # the demo's own, sent back first
        moves.reject(demo_store, c2 if waiting.made_by == c.account_id else c, waiting.id, reason="演示")
    receipt = moves.receive(demo_store, c, card_type="gold", serials="A00001000-A00001009", count=None)
    moves.confirm(demo_store, c2, receipt.id)
    drawer = _drawer(demo_store, c, t.display_name)
    vault = _vault(demo_store, c)
    hand_out = moves.request_transfer(demo_store, c, card_type="gold", serials="A00001000-A00001004",
                                      from_location_id=vault, to_location_id=drawer)
    for location in (vault, drawer):
        with pytest.raises(ConflictError, match="await a second person") as caught:
            books.sign_off(demo_store, c, location_id=location, card_type="gold", business_date=today)
        assert caught.value.params["count"] == 1
        assert f"#{hand_out.id} A00001000–A00001004 ({c.display_name})" == caught.value.params["moves"]
    with demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(StockDay)) == 0
    # another location is not held up; a move sent back no longer holds its location up
    other = _drawer(demo_store, c, people["teller2"].display_name)
    books.sign_off(demo_store, c, location_id=other, card_type="gold", business_date=today)
    moves.reject(demo_store, t, hand_out.id, reason="数量不对")
    hand_out = moves.request_transfer(demo_store, c, card_type="gold", serials="A00001000-A00001004",
                                      from_location_id=vault, to_location_id=drawer)
    moves.confirm(demo_store, t, hand_out.id)          # confirmed: nothing strands
    books.sign_off(demo_store, t, location_id=drawer, card_type="gold", business_date=today)
    books.sign_off(demo_store, c, location_id=vault, card_type="gold", business_date=today)


def test_the_confirmation_list_holds_only_moves_the_person_may_confirm(demo_store, people):
    c, c2, t, t2 = people["custodian"], people["custodian2"], people["teller"], people["teller2"]
    receipt = moves.receive(demo_store, c, card_type="gold", serials="A00001000-A00001009", count=None)
    moves.confirm(demo_store, c2, receipt.id)
    hand_out = moves.request_transfer(demo_store, c, card_type="gold", serials="A00001000-A00001004",
                                      from_location_id=_vault(demo_store, c),
                                      to_location_id=_drawer(demo_store, c, t.display_name))
    listed = {name: {m.id for m in views.moves_to_confirm(demo_store, people[name])}
              for name in ("custodian", "custodian2", "teller", "teller2")}
    assert hand_out.id not in listed["custodian"]                      # the maker's own
    assert hand_out.id in listed["custodian2"] and hand_out.id in listed["teller"]
    assert hand_out.id not in listed["teller2"]                        # another's drawer
    for name, ids in listed.items():                                   # the list never offers a refusal
        for move_id in ids - {hand_out.id}:
            assert move_id in {m.id for m in views.pending_moves(demo_store, people[name])}
    assert hand_out.id in {m.id for m in views.my_moves_awaiting(demo_store, c)}
    assert hand_out.id not in {m.id for m in views.my_moves_awaiting(demo_store, t)}
    with pytest.raises(PermissionDenied, match="your own drawer"):
        moves.confirm(demo_store, t2, hand_out.id)


def _lock(store, username):
    with store.engine.begin() as conn:
        conn.execute(StaffAccount.__table__.update().where(StaffAccount.username == username)
                     .values(locked_until=store.clock() + timedelta(minutes=30)))


def test_a_move_is_authorised_on_the_spot_with_the_checkers_own_credentials(demo_store, people):
    from app.auth.countersign import AUTHORISED_BY
    from app.demo import DEMO_PASSWORD
    from app.errors import AuthError

    c = people["custodian"]
    receipt = moves.receive(demo_store, c, card_type="gold", serials="A00001000-A00001009", count=None)
    with pytest.raises(PermissionDenied, match="signed in on this PC") as caught:
        moves.confirm_on_the_spot(demo_store, c, receipt.id, username=" Custodian ", password=DEMO_PASSWORD)
    assert caught.value.field == AUTHORISED_BY
    with pytest.raises(ValidationError, match="required"):
        moves.confirm_on_the_spot(demo_store, c, receipt.id, username="", password=DEMO_PASSWORD)
    _lock(demo_store, "manager")
    with pytest.raises(AuthError, match="locked"):
        moves.confirm_on_the_spot(demo_store, c, receipt.id, username="manager", password=DEMO_PASSWORD)
    with demo_store.engine.begin() as conn:
        conn.execute(StaffAccount.__table__.update().where(StaffAccount.username == "custodian2")
                     .values(must_change_password=True))
    with pytest.raises(PermissionDenied, match="temporary password"):
        moves.confirm_on_the_spot(demo_store, c, receipt.id, username="custodian2", password=DEMO_PASSWORD)
    with demo_store.engine.begin() as conn:
        conn.execute(StaffAccount.__table__.update().where(StaffAccount.username == "custodian2")
                     .values(must_change_password=False))
    with pytest.raises(PermissionDenied, match="confirm_stock_move"):  # a lobby manager confirms no stock
        moves.confirm_on_the_spot(demo_store, c, receipt.id, username="lobby", password=DEMO_PASSWORD)
    if demo_store.kind == "sqlite":  # the shared test server trusts every login: see test_pg_countersign
        with pytest.raises(AuthError, match="Wrong user name or password"):
            moves.confirm_on_the_spot(demo_store, c, receipt.id, username="custodian2", password="wrong-one")
        with demo_store.read() as session:       # counted against the checker's own lock-out
            assert session.scalar(select(StaffAccount.failed_signins)
                                  .where(StaffAccount.username == "custodian2")) == 1
    assert receipt.id in {m.id for m in views.my_moves_awaiting(demo_store, c)}
    done = moves.confirm_on_the_spot(demo_store, c, receipt.id, username="custodian2", password=DEMO_PASSWORD)
    assert done.status == "done" and _count(demo_store, state="in_stock") == 10
    with demo_store.read() as session:
        move = session.get(StockMove, receipt.id)
        assert (move.made_by_name, move.checked_by_name) == ("custodian", "custodian2")
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "stock.receive.confirm")
                                .order_by(AuditEvent.id.desc())).first()
        assert event.actor_name == "custodian2" and '"on_the_spot_at":"custodian"' in event.after


def test_stock_by_location_shows_runs_and_leaves_issued_cards_out(demo_store, people):
    c, t = people["custodian"], people["teller"]
    drawer = _stocked(demo_store, people)
    moves.issue_serial(demo_store, t, card_type="gold", serial="A00001000")
    moves.spoil(demo_store, t, card_type="gold", serial="A00001005", reason="印刷错误")
    rows = {r.state: r for r in views.stock_by_location(demo_store, c)
            if r.location_id == drawer and r.card_type == "gold"}
    assert set(rows) == {"in_stock", "spoiled"}                        # the issued card is the customer's
    assert (rows["in_stock"].count, rows["in_stock"].serials) == (8, "A00001001–A00001004, A00001006–A00001009")
    assert (rows["spoiled"].count, rows["spoiled"].serials) == (1, "A00001005")
    scattered = ",".join(f"A{n:08d}" for n in range(2000, 2016, 2))  # eight runs of one
    moves.receive(demo_store, c, card_type="gold", serials=scattered, count=None)
    [pending] = [r for r in views.stock_by_location(demo_store, c) if r.state == "pending" and r.card_type == "gold"]
    assert pending.count == 8 and pending.serials.endswith("A00002010, … +2")
