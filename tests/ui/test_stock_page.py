"""The blank-card stock page: receipt confirmed by a second person, transfer to a drawer
confirmed by the teller, spoilage, destruction, day-end reconciliation with sign-off, a blind
count with a discrepancy, a serial's history, the lazy register; qtmodeltester on the models."""

from __future__ import annotations

import pytest

from app.stock import views
from tests.db.helpers import actor_named
from tests.ui.saving import submit


def _select(view, predicate):
    model = view.model()
    for row in range(model.rowCount()):
        if predicate(model.row_at(row)):
            view.selectRow(row)
            return model.row_at(row)
    raise AssertionError("no such row")


def _pick(box, data):
    index = box.findData(data)
    assert index >= 0
    box.setCurrentIndex(index)


@pytest.fixture
def windows(main_window):
    opened = {}

    def page(username):
        if username not in opened:
            opened[username] = main_window(username).open_page("stock")
        opened[username].refresh()
        return opened[username]

    return page


def test_receipt_transfer_spoil_destroy_day_end_and_count(windows, demo_store, dialogs, qtmodeltester):
    custodian = windows("custodian")
    # receipt, pending until a second person confirms
    custodian.stock_tab.receive_button.click()
    dialog = custodian.dialog
    _pick(dialog.card_type, "gold")
    dialog.serials.setPlainText("A00001000-A00001019")
    dialog.count.setValue(21)
    submit(dialog)
    assert "Count" in dialog.error.text() and dialog.isVisible()
    dialog.count.setValue(20)
    submit(dialog)
    assert not dialog.isVisible()
    receipt = _select(custodian.pending_tab.own_view, lambda m: m.kind == "receive" and m.card_type == "gold")
    assert all(m.id != receipt.id for m in custodian.pending_tab.pending_model._rows)   # not the maker's to confirm
    assert receipt.made_by_name == actor_named(demo_store, "custodian").display_name   # a name, not a login
    second = windows("custodian2")
    _select(second.pending_tab.pending_view, lambda m: m.id == receipt.id)
    second.pending_tab.confirm_button.click()
    assert "Gold card ×20 now in" in dialogs.of("info")[-1][2]
    assert all(m.id != receipt.id for m in views.pending_moves(demo_store, actor_named(demo_store, "custodian")))

    # hand-out to teller's drawer, confirmed by the teller
    custodian.refresh()
    custodian.stock_tab.transfer_button.click()
    dialog = custodian.dialog
    drawer = dict((name, i) for i, name in views.drawers_of_branch(demo_store, actor_named(demo_store, "custodian")))
    teller_drawer = drawer["柜员 李娜"]
    _pick(dialog.target, teller_drawer)
    _pick(dialog.card_type, "gold")
    dialog.serials.setPlainText("A00001000-A00001009")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    teller = windows("teller")
    _select(teller.pending_tab.pending_view, lambda m: m.kind == "transfer")
    teller.pending_tab.confirm_button.click()
    teller.refresh()
    gold = [r for r in teller.stock_tab.stock_model._rows if r.card_type == "gold" and r.location_id == teller_drawer]
    assert gold and gold[0].count == 10 and gold[0].state == "in_stock"

    # spoilage at the counter
    teller.stock_tab.spoil_button.click()
    dialog = teller.dialog
    _pick(dialog.card_type, "gold")
    dialog.serial.setText("A00001000")
    dialog.reason.setText("印刷错误")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert "Gold card A00001000 is spoiled" in dialogs.of("info")[-1][2]

    # destruction before two witnesses
    custodian.stock_tab.destroy_button.click()
    dialog = custodian.dialog
    _pick(dialog.card_type, "gold")
    dialog.serials.setPlainText("A00001000")
    _pick(dialog.first, actor_named(demo_store, "manager").account_id)
    _pick(dialog.second, actor_named(demo_store, "custodian2").account_id)
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert "Gold card ×1 destroyed (A00001000)" in dialogs.of("info")[-1][2]
    custodian.history_tab.serial_edit.setText("a00001000")
    custodian.history_tab.show_history()
    assert "Destroyed" in custodian.history_tab.history_status.text()
    assert custodian.history_tab.history_model.rowCount() == 4

    # day end: balanced, signed off by the teller for the drawer
    teller.day_tab.reconcile()
    line = _select(teller.day_tab.day_view, lambda r: r.location_id == teller_drawer and r.result.card_type == "gold")
    assert line.result.figures() == (0, 10, 1, 9) and line.result.balanced
    assert "balance" in teller.day_tab.day_status.text()
    teller.day_tab.sign_button.click()
    submit(teller.dialog)
    assert not teller.dialog.isVisible(), teller.dialog.error.text()
    assert "is signed off" in dialogs.of("info")[-1][2]
    assert any(r.signed_by == "柜员 李娜" for r in teller.day_tab.day_model._rows)

    # blind count with a discrepancy
    teller.stock_tab.count_button.click()
    dialog = teller.dialog
    assert "Expected" not in dialog.intro.text()
    _pick(dialog.location, teller_drawer)
    _pick(dialog.card_type, "gold")
    dialog.serials.setPlainText("A00001001-A00001008\nA00009999")
    _pick(dialog.witness, actor_named(demo_store, "custodian").account_id)
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    info = dialogs.of("info")[-1][2]
    assert "Expected 9, counted 9" in info and "A00001009" in info and "A00009999" in info

    # the register, lazy, filtered
    custodian.refresh()
    _pick(custodian.register_tab.kind_filter, "destroy")
    assert custodian.register_tab.register_model.rowCount() >= 1
    assert all(custodian.register_tab.register_model.row_at(r).kind == "destroy"
               for r in range(custodian.register_tab.register_model.rowCount()))
    witnesses = custodian.register_tab.register_model.row_at(0).witness_name
    assert witnesses == ", ".join(actor_named(demo_store, n).display_name for n in ("manager", "custodian2"))
    for model in (custodian.stock_tab.stock_model, custodian.register_tab.register_model, custodian.day_tab.day_model,
                  custodian.pending_tab.pending_model, custodian.history_tab.history_model):
        qtmodeltester.check(model)


def test_a_difference_blocks_sign_off_until_explained(windows, demo_store):
    from db.models import BlankCard

    custodian = windows("custodian")
    with demo_store.engine.begin() as conn:  # a platinum card vanished without a register entry
        serial = conn.execute(BlankCard.__table__.select().where(
            BlankCard.card_type == "platinum", BlankCard.state == "in_stock").limit(1)).first().serial
        conn.execute(BlankCard.__table__.update().where(BlankCard.serial == serial).values(state="destroyed"))
    custodian.day_tab.reconcile()
    assert "unexplained" in custodian.day_tab.day_status.text()
    line = _select(custodian.day_tab.day_view, lambda r: not r.result.balanced)
    assert serial in custodian.day_tab.day_model.data(custodian.day_tab.day_model.index(
        custodian.day_tab.day_model._rows.index(line), 7))
    custodian.day_tab.sign_button.click()
    dialog = custodian.dialog
    assert "differ by -1" in dialog.intro.text()
    submit(dialog)
    assert "explain the difference" in dialog.error.text()
    dialog.explanation.setPlainText("卡片遗失，已上报")
    submit(dialog)
    assert not dialog.isVisible()


def test_counter_staff_see_their_drawer_and_the_alerts(windows):
    teller = windows("teller")
    assert not teller.stock_tab.receive_button.isVisibleTo(teller) and not teller.stock_tab.destroy_button.isVisibleTo(teller)
    kinds = {r.location_kind for r in teller.stock_tab.stock_model._rows}
    assert kinds <= {"vault", "drawer"}
    assert all(r.location_kind == "vault" or r.holder_id == teller.context.actor.account_id
               for r in teller.stock_tab.stock_model._rows)
    assert "below the minimum" in teller.stock_tab.alerts.text()


def test_a_manager_sets_a_minimum_and_the_alert_follows(windows):
    manager = windows("manager")
    assert "Diamond card: 32 in stock, below the minimum of 40" in manager.stock_tab.alerts.text()
    manager.stock_tab.minimum_button.click()
    dialog = manager.dialog
    _pick(dialog.card_type, "diamond")
    dialog.minimum.setValue(0)
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert manager.stock_tab.alerts.text() == "" and not manager.stock_tab.alerts.isVisibleTo(manager)


def test_the_stock_page_and_its_dialogs_speak_chinese(main_window, language, demo_store):
    from tests.ui.test_translations import english_words, strip_data, texts_on

    language.set("zh_CN")
    window = main_window("custodian")
    page = window.open_page("stock")
    page.refresh()
    widgets = [page]
    for button in (page.stock_tab.receive_button, page.stock_tab.transfer_button, page.stock_tab.spoil_button, page.stock_tab.return_button,
                   page.stock_tab.destroy_button, page.stock_tab.count_button, page.stock_tab.minimum_button):
        button.click()
        widgets.append(page.dialog)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
    problems = []
    for widget in widgets:
        for text in texts_on(widget):
            leftover = english_words(strip_data(text, demo_store.describe()))
            if leftover:
                problems.append((widget.objectName(), text, leftover))
    assert problems == []
    assert "空白卡" in window.windowTitle() + "".join(texts_on(window))


def _hand_out(custodian, demo_store, serials="A00001000-A00001009"):
    """Gold cards received and confirmed (services), then a hand-out to teller's drawer made on
    the custodian's page: it awaits the teller."""
    from app.stock import moves

    c, c2 = actor_named(demo_store, "custodian"), actor_named(demo_store, "custodian2")
    moves.confirm(demo_store, c2, moves.receive(demo_store, c, card_type="gold", serials=serials, count=None).id)
    drawer = dict((name, i) for i, name in views.drawers_of_branch(demo_store, c))["柜员 李娜"]
    custodian.refresh()
    custodian.stock_tab.transfer_button.click()
    dialog = custodian.dialog
    _pick(dialog.target, drawer)
    _pick(dialog.card_type, "gold")
    dialog.serials.setPlainText(serials)
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    custodian.refresh()
    return _select(custodian.pending_tab.own_view, lambda m: m.kind == "transfer" and m.card_type == "gold"), drawer


def test_sending_back_asks_for_the_reason_and_says_what_it_did(windows, demo_store, dialogs):
    custodian = windows("custodian")
    move, _drawer = _hand_out(custodian, demo_store)
    teller, other = windows("teller"), windows("teller2")
    assert all(m.id != move.id for m in other.pending_tab.pending_model._rows)      # not their drawer: not listed
    _select(teller.pending_tab.pending_view, lambda m: m.id == move.id)
    teller.pending_tab.reject_button.click()
    dialog = teller.dialog
    assert dialog.objectName() == "sendBackDialog" and dialog.isVisible()
    assert f"No. {move.id}" in dialog.intro.text() and "stay at" in dialog.intro.text()
    submit(dialog)                                                       # no reason: asked again
    assert "Reason" in dialog.error.text() and dialog.isVisible()
    assert move.id in {m.id for m in views.pending_moves(demo_store, actor_named(demo_store, "teller"))}
    dialog.reason.setText("数量不对")
    submit(dialog)
    assert not dialog.isVisible()
    title, text = dialogs.of("info")[-1][1:]
    assert title == "Move sent back" and f"No. {move.id} sent back to" in text and "stay at" in text
    assert all(m.id != move.id for m in teller.pending_tab.pending_model._rows)


def test_a_move_is_authorised_on_the_spot_at_the_makers_pc(windows, demo_store, dialogs):
    from app.demo import DEMO_PASSWORD
    from db.models import AuditEvent
    from sqlalchemy import select

    custodian = windows("custodian")
    move, _drawer = _hand_out(custodian, demo_store)
    assert custodian.pending_tab.countersign_button.isEnabled()
    custodian.pending_tab.countersign_button.click()
    dialog = custodian.dialog
    assert dialog.objectName() == "countersignDialog" and f"No. {move.id}" in dialog.intro.text()
    dialog.username.setText("custodian")
    dialog.password.setText(DEMO_PASSWORD)
    submit(dialog)
    assert "signed in on this PC" in dialog.error.text() and dialog.password.text() == ""
    dialog.username.setText("teller")
    dialog.password.setText("not-the-password")
    submit(dialog)
    assert "Wrong user name or password" in dialog.error.text() and dialog.isVisible()
    dialog.password.setText(DEMO_PASSWORD)
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert f"No. {move.id} confirmed by 柜员 李娜" in dialogs.of("info")[-1][2]
    assert custodian.pending_tab.own_model.rowCount() == len(views.my_moves_awaiting(
        demo_store, actor_named(demo_store, "custodian")))
    with demo_store.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "stock.transfer.confirm")
                                .order_by(AuditEvent.id.desc())).first()
        assert event.actor_name == "teller" and "custodian" in event.after


def test_sign_off_is_refused_while_a_hand_out_awaits_the_teller(windows, demo_store):
    custodian = windows("custodian")
    move, drawer = _hand_out(custodian, demo_store)
    custodian.day_tab.reconcile()
    _select(custodian.day_tab.day_view, lambda r: r.location_kind == "vault" and r.result.card_type == "gold")
    custodian.day_tab.sign_button.click()
    dialog = custodian.dialog
    assert "await a second person" in dialog.error.text() and not dialog.ok_button.isEnabled()  # at once
    assert f"#{move.id} A00001000–A00001009" in dialog.error.text()
    submit(dialog)                                   # and the service refuses it anyway
    assert dialog.isVisible() and "await a second person" in dialog.error.text()


def test_a_long_refusal_grows_the_dialog_and_is_never_clipped(windows, qtbot):
    custodian = windows("custodian")
    custodian.stock_tab.receive_button.click()
    dialog = custodian.dialog
    qtbot.waitExposed(dialog)
    before = dialog.height()
    dialog.serials.setPlainText("\n".join(f"Z{i:08d}" for i in range(3)) + " 不是号码 " * 20)
    submit(dialog)
    qtbot.waitUntil(lambda: dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width()))
    assert dialog.height() >= before and dialog.serials.height() == 70


def test_a_receipt_offers_the_second_persons_authorisation_at_once(windows, demo_store, dialogs):
    from app.demo import DEMO_PASSWORD

    custodian = windows("custodian")
    custodian.stock_tab.receive_button.click()
    dialog = custodian.dialog
    _pick(dialog.card_type, "gold")
    dialog.serials.setPlainText("A00003000-A00003004")
    submit(dialog)
    title, text = dialogs.of("confirm")[-1][1:]
    assert title == "Awaiting a second person" and "Gold card ×5" in text
    authorise = custodian.dialog                                     # asked yes: the dialog is open
    assert authorise.objectName() == "countersignDialog" and authorise.isVisible()
    authorise.username.setText("custodian2")
    authorise.password.setText(DEMO_PASSWORD)
    submit(authorise)
    assert not authorise.isVisible(), authorise.error.text()
    assert "Gold card ×5 now in" in dialogs.of("info")[-1][2]
    assert all(m.card_type != "gold" for m in views.my_moves_awaiting(demo_store, actor_named(demo_store, "custodian")))


def test_the_maker_withdraws_their_own_move_after_saying_why(windows, demo_store, dialogs):
    custodian = windows("custodian")
    move, _drawer = _hand_out(custodian, demo_store)
    _select(custodian.pending_tab.own_view, lambda m: m.id == move.id)
    custodian.pending_tab.withdraw_button.click()
    dialog = custodian.dialog
    assert dialog.objectName() == "sendBackDialog" and dialog.ok_button.text() == "Withdraw"
    dialog.reason.setText("调拨对象填错")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    title, text = dialogs.of("info")[-1][1:]
    assert title == "Move sent back" and f"No. {move.id} withdrawn." in text and "stay at" in text
    assert all(m.id != move.id for m in custodian.pending_tab.own_model._rows)
    assert move.id not in {m.id for m in views.pending_moves(demo_store, actor_named(demo_store, "custodian"))}
