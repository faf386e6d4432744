"""Each role's main job walked with the keyboard alone: pages reached by Ctrl+1…9 (named in the
navigation's tooltips), buttons pressed by their Alt mnemonics, fields filled by typing and Tab,
forms sent with Enter. Nothing is clicked and no page method is called to do the work."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from app.auth.accounts import list_accounts
from tests.db.helpers import actor_named
from tests.ui.saving import saved


def press(qtbot, keys: str) -> None:
    """``keys`` ("Ctrl+3", "Alt+N", "Tab") pressed wherever the keyboard is now. An Alt
    mnemonic clicks its button as an animation: what it starts is waited for on its outcome."""
    combo = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def type_text(qtbot, text: str) -> None:
    """Typed where the keyboard is: Chinese arrives as an input method commits it."""
    target = QApplication.focusWidget()
    if text.isascii():
        qtbot.keyClicks(target, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def signed_in(qtbot, main_window, username: str):
    window = main_window(username)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window


def go_to(qtbot, window, key: str):
    """The page ``key`` by its Ctrl+digit, the one its navigation tooltip names."""
    row = window.page_keys().index(key)
    shortcut = f"Ctrl+{row + 1}"
    assert window.navigation.item(row).toolTip().endswith(f"({shortcut})")
    press(qtbot, shortcut)
    assert window.current_page() is window.page(key)
    return window.page(key)


def active_dialog(qtbot, over=None):
    """The dialog that opened (over ``over``, the one that was already open), once active."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() not in (None, over), timeout=5_000)
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def test_every_page_is_reachable_from_the_keyboard(qtbot, main_window):
    window = signed_in(qtbot, main_window, "manager")
    for row, key in enumerate(window.page_keys()):
        if row < 9:
            press(qtbot, f"Ctrl+{row + 1}")
        else:  # past the ninth: Ctrl+0 into the navigation list, then the arrows
            press(qtbot, "Ctrl+0")
            assert QApplication.focusWidget() is window.navigation
            for _ in range(row - window.navigation.currentRow()):
                press(qtbot, "Down")
        assert window.current_page() is window.page(key), key
        assert window.page(key).isAncestorOf(QApplication.focusWidget()) or \
            QApplication.focusWidget() is window.navigation, key


def test_administrator_creates_a_staff_account_with_a_role(qtbot, main_window, demo_store):
    window = signed_in(qtbot, main_window, "admin")
    page = go_to(qtbot, window, "accounts")
    press(qtbot, "Alt+N")
    dialog = active_dialog(qtbot)
    assert dialog.objectName() == "accountDialog"
    assert QApplication.focusWidget() is dialog.username, QApplication.focusWidget()
    type_text(qtbot, "wang_fang")
    press(qtbot, "Tab")
    type_text(qtbot, "柜员 王芳")
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is dialog.branch
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is next(iter(dialog.roles.boxes.values()))
    press(qtbot, "Space")  # the first role: counter staff
    while QApplication.focusWidget() is not dialog.password:
        press(qtbot, "Tab")
    type_text(qtbot, "Wang-Fang-2026")
    press(qtbot, "Tab")
    type_text(qtbot, "Wang-Fang-2026")
    press(qtbot, "Return")
    saved(dialog)
    created = [row for row in list_accounts(demo_store, actor_named(demo_store, "admin"))
               if row.username == "wang_fang"]
    assert created and created[0].display_name == "柜员 王芳"
    assert [str(role) for role in created[0].roles] == ["counter_staff"]
    assert page.selected().username == "wang_fang"


def test_lobby_manager_issues_a_ticket_for_a_found_customer_and_raises_its_priority(
        qtbot, main_window, demo_store):
    from app.customers.fields import CustomerInput
    from app.customers.records import create_customer
    from app.queue import views
    from tests.db.test_customers import ID_ZHANG

    customer = create_customer(demo_store, actor_named(demo_store, "teller"), CustomerInput(
        cif_no="CIF000001", name="张三丰", id_number=ID_ZHANG, phone="13800138000"))
    window = signed_in(qtbot, main_window, "lobby")
    page = go_to(qtbot, window, "lobby")
    assert QApplication.focusWidget() is page.find_edit
    type_text(qtbot, "张三丰")
    press(qtbot, "Return")
    assert page.customer_box.currentData() == customer.id
    press(qtbot, "Alt+I")  # a mnemonic clicks as an animation: the click lands a moment later
    qtbot.waitUntil(lambda: page.last_issued is not None, timeout=5_000)
    lobby = actor_named(demo_store, "lobby")
    issued = [t for t in views.board(demo_store, lobby).tickets if t.customer_id == customer.id]
    assert len(issued) == 1 and page.issued_label.text().startswith(issued[0].number)

    while QApplication.focusWidget() is not page.view:  # Tab on into the queue
        press(qtbot, "Tab")
    while page.selected() is None or page.selected().id != issued[0].id:
        press(qtbot, "Down")
    press(qtbot, "Alt+Y")
    dialog = active_dialog(qtbot)
    assert QApplication.focusWidget() is dialog.priority
    before = dialog.priority.currentData()
    press(qtbot, "Up")  # the list runs from the highest tier down
    wanted = dialog.priority.currentData()
    assert wanted != before
    press(qtbot, "Tab")
    type_text(qtbot, "老客户陪同家人办理")
    press(qtbot, "Return")
    saved(dialog)
    after = next(t for t in views.board(demo_store, lobby).tickets if t.id == issued[0].id)
    assert after.priority == wanted


def test_auditor_filters_who_viewed_a_customer_and_reads_an_event(qtbot, main_window, demo_store):
    from app.customers.fields import CustomerInput
    from app.customers.records import create_customer, open_customer
    from tests.db.test_customers import ID_ZHANG
    from ui.audit.labels import action_label

    customer = create_customer(demo_store, actor_named(demo_store, "teller"), CustomerInput(
        cif_no="CIF000001", name="张三丰", id_number=ID_ZHANG, phone="13800138000"))
    open_customer(demo_store, actor_named(demo_store, "advisor"), customer.id)
    window = signed_in(qtbot, main_window, "auditor")
    page = go_to(qtbot, window, "audit")
    press(qtbot, "Alt+C")  # the Action label's mnemonic: its box
    assert QApplication.focusWidget() is page.action_box
    while page.action_box.currentData() != "customer.view":
        press(qtbot, "Down")
    press(qtbot, "Alt+E")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0
                    and page.model.row_at(0).action == "customer.view", timeout=5_000)
    assert {page.model.row_at(row).action for row in range(page.model.rowCount())} == {"customer.view"}
    while QApplication.focusWidget() is not page.table:
        press(qtbot, "Tab")
    press(qtbot, "Return")
    assert QApplication.focusWidget() is page.details
    text = page.details.toPlainText()
    assert action_label("customer.view") in text and "理财经理 张静" in text


def test_relationship_manager_opens_a_customer_and_records_a_contact(qtbot, main_window, demo_store):
    from app.care.contacts import contacts_of
    from app.customers.fields import CustomerInput
    from app.customers.records import create_customer
    from tests.db.test_customers import ID_ZHANG

    customer = create_customer(demo_store, actor_named(demo_store, "teller"), CustomerInput(
        cif_no="CIF000001", name="张三丰", id_number=ID_ZHANG, phone="13800138000"))
    window = signed_in(qtbot, main_window, "advisor")
    page = go_to(qtbot, window, "customers")
    assert QApplication.focusWidget() is page.search_box
    type_text(qtbot, "CIF000001")
    press(qtbot, "Return")
    view = active_dialog(qtbot)
    assert view is page.view_dialog
    press(qtbot, "Alt+C")  # the "Contacts & complaints" tab
    care = view.tabs.currentWidget()
    assert care.objectName() == "careTab"
    press(qtbot, "Alt+R")
    form = active_dialog(qtbot, over=view)
    assert form.objectName() == "contactDialog"
    assert QApplication.focusWidget() is form.method
    while QApplication.focusWidget() is not form.place:
        press(qtbot, "Tab")
    type_text(qtbot, "贵宾室")
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is form.content
    type_text(qtbot, "客户关心大额存单到期续存")
    press(qtbot, "Tab")
    press(qtbot, "Tab")  # past the needs, onto the follow-up box: Enter there sends the form
    press(qtbot, "Return")
    saved(form)
    recorded = contacts_of(demo_store, actor_named(demo_store, "advisor"), customer.id)
    assert [(r.place, r.content, r.staff_name) for r in recorded] == [
        ("贵宾室", "客户关心大额存单到期续存", "理财经理 张静")]
    assert care.contacts.rowCount() == 1


def test_custodian_receives_blank_cards_and_the_second_custodian_authorises_on_the_spot(
        qtbot, main_window, demo_store, dialogs):
    from app.demo import DEMO_PASSWORD
    from app.stock import views

    window = signed_in(qtbot, main_window, "custodian")
    page = go_to(qtbot, window, "stock")
    press(qtbot, "Alt+R")
    form = active_dialog(qtbot)
    assert form.objectName() == "receiveDialog"
    assert QApplication.focusWidget() is form.card_type
    while form.card_type.currentData() != "gold":
        press(qtbot, "Down")
    press(qtbot, "Tab")
    assert QApplication.focusWidget() is form.serials
    type_text(qtbot, "A00003000-A00003004")
    press(qtbot, "Tab")  # on to the count, which may stay empty
    assert QApplication.focusWidget() is form.count
    press(qtbot, "Return")
    saved(form)
    # asked whether the second person is at hand (yes): their authorisation opens on this PC
    assert dialogs.of("confirm")[-1][1] == "Awaiting a second person"
    authorise = active_dialog(qtbot, over=form)
    assert authorise.objectName() == "countersignDialog"
    assert QApplication.focusWidget() is authorise.username
    type_text(qtbot, "custodian2")
    press(qtbot, "Return")
    assert QApplication.focusWidget() is authorise.password
    type_text(qtbot, DEMO_PASSWORD)
    press(qtbot, "Return")
    saved(authorise)
    assert "Gold card ×5 now in" in dialogs.of("info")[-1][2]
    custodian = actor_named(demo_store, "custodian")
    assert all(m.card_type != "gold" for m in views.my_moves_awaiting(demo_store, custodian))
    assert page.pending_tab.own_view.model().rowCount() == len(views.my_moves_awaiting(demo_store, custodian))


def test_enter_on_an_account_opens_it_for_editing(qtbot, main_window):
    window = signed_in(qtbot, main_window, "admin")
    page = go_to(qtbot, window, "accounts")
    while QApplication.focusWidget() is not page.table:
        press(qtbot, "Tab")
    press(qtbot, "Down")
    chosen = page.selected()
    press(qtbot, "Return")
    dialog = active_dialog(qtbot)
    assert dialog.objectName() == "accountDialog" and not dialog.creating
    assert dialog.username.text() == chosen.username
    assert QApplication.focusWidget() is dialog.full_name
    press(qtbot, "Escape")
    assert not dialog.isVisible()


def test_a_mnemonic_is_written_as_each_language_writes_it():
    from ui.widgets import with_mnemonic

    assert with_mnemonic("New account…", "N") == "&New account…"
    assert with_mnemonic("Disable", "B") == "Disa&ble"
    assert with_mnemonic("新建账户…", "N") == "新建账户(&N)…"
    assert with_mnemonic("发号", "i") == "发号(&I)"


def test_teller_issues_an_approved_card_from_the_keyboard(qtbot, main_window, demo_store, dialogs):
    from app.cards import views as card_views
    from tests.db.carddata import card_number, ready_to_issue

    application_id = ready_to_issue(demo_store, "A00001000-A00001004")
    dialogs.confirm_answer = False  # the paperwork offer after the issue: not now
    window = signed_in(qtbot, main_window, "teller")
    page = go_to(qtbot, window, "cards")
    page.refresh()
    assert QApplication.focusWidget() is page.queue_view
    while page.queue_view.currentIndex().row() < 0 or \
            page.queue_model.row_at(page.queue_view.currentIndex().row()).id != application_id:
        press(qtbot, "Down")
    press(qtbot, "Return")
    wizard = active_dialog(qtbot)
    assert wizard.objectName() == "issueDialog"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.serial)
    type_text(qtbot, "A00001000")  # the scanner: digits, then Enter
    press(qtbot, "Return")
    assert QApplication.focusWidget() is wizard.card_number
    number = card_number()
    type_text(qtbot, number)
    press(qtbot, "Return")  # Next: the summary to confirm
    assert wizard.confirming
    press(qtbot, "Return")  # Issue
    saved(wizard)
    assert not wizard.isVisible(), wizard.error.text()
    assert dialogs.of("confirm")[-1][1] == "Card issued"
    teller = actor_named(demo_store, "teller")
    assert [card.serial for card in card_views.card_history(demo_store, teller, wizard.row.customer_id)] \
        == ["A00001000"]



def test_branch_manager_approves_an_application_from_the_inbox(qtbot, main_window, demo_store, dialogs):
    from sqlalchemy import select

    from app.cards import applications
    from db.models import Branch, CardApplication, Customer, VipCard
    from tests.db.carddata import set_tier

    with demo_store.read() as session:
        branch = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
        customer_id = session.scalar(
            select(Customer.id).where(Customer.branch_id == branch, Customer.active.is_(True),
                                      ~Customer.id.in_(select(VipCard.customer_id)),
                                      ~Customer.id.in_(select(CardApplication.customer_id)))
            .order_by(Customer.id).limit(1))
    set_tier(demo_store, customer_id, "gold")
    submitted = applications.submit_application(demo_store, actor_named(demo_store, "advisor"), customer_id,
                                                kind="new", card_type="gold")
    window = signed_in(qtbot, main_window, "manager")
    page = go_to(qtbot, window, "card_approvals")
    page.refresh()
    assert QApplication.focusWidget() is page.view
    press(qtbot, "Down")
    while page.model.row_at(page.view.currentIndex().row()).id != submitted.id:
        press(qtbot, "Down")
    assert "Tier when entered" in page.detail.text()  # the facts the manager reads, under the list
    press(qtbot, "Return")
    dialog = active_dialog(qtbot)
    assert dialog.objectName() == "decisionDialog"
    assert QApplication.focusWidget() is dialog.comment
    type_text(qtbot, "同意办理")
    press(qtbot, "Return")
    saved(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert dialogs.of("info")[-1][1] == "Decision recorded"
    with demo_store.read() as session:
        decided = session.get(CardApplication, submitted.id)
        assert (decided.status, decided.decision_comment) == ("approved", "同意办理")
