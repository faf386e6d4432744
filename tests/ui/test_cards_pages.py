"""The VIP card screens, driven as people use them: a relationship manager enters an
application (eligibility shown), the branch manager approves it from the inbox (its count on
the navigation), and the clerk issues at the counter: a new card, a renewal, an upgrade with
the old card handed back, a loss reported from the customer view and its replacement.
qtmodeltester on the card model; the card policy page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.cards import views
from app.cards.rules import DEFAULT_CARD_POLICY
from db.models import BlankCard, Customer
from tests.db.carddata import card_number, set_tier, stock_drawer
from tests.db.helpers import actor_named, sealed_number
from tests.db.tierdata import add_customers
from ui.cards.models import CONTEXT
from ui.columns import ColumnsModel
from tests.ui.saving import saved, submit


def _select(view, predicate):
    model = view.model()
    while model.canFetchMore():
        model.fetchMore()
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
def card_store(demo_store):
    stock_drawer(demo_store)   # gold blanks A00001000–A00001019 in teller's drawer
    return demo_store


def _apply(main_window, cif, kind, card_type):
    """The relationship manager enters an application on the cards page."""
    page = main_window("advisor").open_page("cards")
    page.new_button.click()
    dialog = page.dialog
    dialog.cif.setText(cif)
    dialog.cif.editingFinished.emit()
    _pick(dialog.kind, kind)
    _pick(dialog.card_type, card_type)
    assert "Eligible" in dialog.verdict.text(), dialog.verdict.text()
    assert "Tier:" in dialog.facts.text()
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    return dialog.result_value


def _approve(main_window, application_id):
    window = main_window("manager")
    assert any("Card approvals (" in window.navigation.item(i).text() for i in range(window.navigation.count()))
    page = window.open_page("card_approvals")
    page.refresh()
    _select(page.view, lambda r: r.id == application_id)
    page.approve_button.click()
    dialog = page.dialog
    submit(dialog)
    assert "Comment" in dialog.error.text()   # a decision needs a comment
    dialog.comment.setText("同意")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()


def _issue(teller_page, application_id, serial, number, *, returned=None):
    teller_page.refresh()
    row = _select(teller_page.queue_view, lambda r: r.id == application_id)
    teller_page.issue_button.click()
    wizard = teller_page.dialog
    assert wizard.serial.text() == serial     # the drawer's lowest serial is suggested
    wizard.card_number.setText(number)
    assert wizard.number_check.text().startswith("✓")
    if returned is not None:
        (wizard.old_card.returned if returned else wizard.old_card.kept).setChecked(True)
    submit(wizard)                          # step 1 -> the confirmation
    assert wizard.confirming and row.customer_name in wizard.summary.text()
    submit(wizard)                          # issue
    assert not wizard.isVisible(), wizard.error.text()
    return wizard.result_value


def test_a_clerk_issues_a_new_card_then_renews_and_upgrades_it(main_window, card_store):
    store = card_store
    customer = add_customers(store, "BJ010101", ["GUICARD001"], tier="gold")["GUICARD001"]
    application = _apply(main_window, "GUICARD001", "new", "gold")
    _approve(main_window, application.id)
    teller = main_window("teller").open_page("cards")
    assert "Gold card 20" in teller.drawer.text()
    first = _issue(teller, application.id, "A00001000", card_number())
    assert views.card_history(store, actor_named(store, "teller"), customer)[0].id == first.card_id

    # renewal: the old card handed back
    renewal = _apply(main_window, "GUICARD001", "renewal", "gold")
    _approve(main_window, renewal.id)
    second = _issue(teller, renewal.id, "A00001001", card_number(), returned=True)

    # upgrade to platinum, the old card handed back to stock for destruction
    set_tier(store, customer, "platinum")
    upgrade = _apply(main_window, "GUICARD001", "upgrade", "platinum")
    _approve(main_window, upgrade.id)
    lowest = next(d.next_serial for d in views.my_drawer(store, actor_named(store, "teller"))
                  if d.card_type == "platinum")
    third = _issue(teller, upgrade.id, lowest, card_number("platinum"), returned=True)
    history = views.card_history(store, actor_named(store, "teller"), customer)
    assert [(c.id, c.status) for c in history] == [
        (third.card_id, "active"), (second.card_id, "replaced"), (first.card_id, "replaced")]
    with store.read() as session:
        assert session.scalar(select(BlankCard.state).where(BlankCard.serial == "A00001001")) == "returned"
    # the issued cards wait for their signed agreements
    teller.refresh()
    unsigned = _select(teller.unsigned_view, lambda r: r.card_id == third.card_id)
    teller.sign_button.click()
    dialog = teller.dialog
    dialog.witness.setText("柜员 王磊")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert unsigned.card_id not in [r.card_id for r in teller.unsigned_model.rows()]


def test_bad_input_in_the_wizard_names_the_field_and_issues_nothing(main_window, card_store):
    add_customers(card_store, "BJ010101", ["GUICARD002"], tier="gold")
    application = _apply(main_window, "GUICARD002", "new", "gold")
    _approve(main_window, application.id)
    teller = main_window("teller").open_page("cards")
    teller.refresh()
    _select(teller.queue_view, lambda r: r.id == application.id)
    teller.issue_button.click()
    wizard = teller.dialog
    wizard.card_number.setText(card_number("platinum"))
    assert wizard.number_check.text().startswith("✗") and "BIN" in wizard.number_check.text()
    assert "Card number" not in wizard.number_check.text()      # the reason, under the field it is about
    submit(wizard)
    assert "Card number" in wizard.error.text() and not wizard.confirming
    wizard.card_number.setText(card_number())
    wizard.serial.setText("A00009999")
    submit(wizard)
    submit(wizard)
    assert "Serial" in wizard.error.text() and wizard.isVisible()
    assert views.card_history(card_store, actor_named(card_store, "teller"),
                              application.customer_id) == []


def test_loss_reported_from_the_customer_view_then_replaced(main_window, card_store, qtbot):
    from ui.cards.customer_tab import CardsTab

    store = card_store
    customer = add_customers(store, "BJ010101", ["GUICARD003"], tier="gold")["GUICARD003"]
    application = _apply(main_window, "GUICARD003", "new", "gold")
    _approve(main_window, application.id)
    teller = main_window("teller").open_page("cards")
    first = _issue(teller, application.id, "A00001000", card_number())
    teller_actor = actor_named(store, "teller")
    tab = CardsTab(store, teller_actor, customer)
    qtbot.addWidget(tab)
    assert tab.cards.rowCount() == 1 and tab.apps.rowCount() == 1
    tab.loss_button.click()
    tab.dialog.reason.setText("客户电话挂失")
    submit(tab.dialog)
    assert tab.cards.row_at(0).status == "lost"
    advisor_tab = CardsTab(store, actor_named(store, "advisor"), customer)
    qtbot.addWidget(advisor_tab)
    advisor_tab.apply_button.click()
    dialog = advisor_tab.dialog
    assert dialog.kind.currentData() == "replace_lost" and dialog.card_type.currentData() == "gold"
    assert "Eligible" in dialog.verdict.text()
    _pick(dialog.card_type, "platinum")
    assert "original type" in dialog.verdict.text()
    _pick(dialog.card_type, "gold")
    submit(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    _approve(main_window, dialog.result_value.id)
    replacement = _issue(teller, dialog.result_value.id, "A00001001", card_number())
    tab.load(customer)
    assert [(r.id, r.status, r.replaces_id) for r in tab.cards.rows()] == [
        (replacement.card_id, "active", first.card_id), (first.card_id, "lost", None)]


def test_the_customer_view_shows_a_card_number_whole(main_window, card_store):
    """The customer view's lists are fitted like a page's: the masked card number is not elided."""
    from ui.cards.customer_tab import CardsTab

    customer = add_customers(card_store, "BJ010101", ["GUICARD008"], tier="gold")["GUICARD008"]
    application = _apply(main_window, "GUICARD008", "new", "gold")
    _approve(main_window, application.id)
    _issue(main_window("teller").open_page("cards"), application.id, "A00001000", card_number())
    view = main_window("manager").open_page("customers").open_customer(customer)
    tab = view.findChild(CardsTab)
    assert tab.cards.rowCount() == 1
    cards = tab.cards_view
    number = [cards.model().headerData(c, Qt.Orientation.Horizontal) for c in range(cards.model().columnCount())
              ].index("Card number")
    assert "****" in cards.model().index(0, number).data()
    assert cards.columnWidth(number) >= cards.sizeHintForColumn(number)
    view.reject()


def test_the_author_cannot_approve_and_the_inbox_excludes_them(main_window, card_store):
    add_customers(card_store, "BJ010101", ["GUICARD004"], tier="gold")
    window = main_window("manager")
    before = window.navigation.item(window.page_keys().index("card_approvals")).text()
    page = window.open_page("cards")
    page.new_button.click()
    page.dialog.cif.setText("GUICARD004")
    page.dialog.cif.editingFinished.emit()
    submit(page.dialog)
    assert not page.dialog.isVisible()
    assert window.navigation.item(window.page_keys().index("card_approvals")).text() == before


def test_the_card_policy_page_saves_and_refuses(main_window, card_store):
    page = main_window("admin").open_page("card_policy")
    assert page.bins["gold"].text() == ", ".join(DEFAULT_CARD_POLICY.product("gold").bins)
    page.luhn["gold"].setCurrentIndex(page.luhn["gold"].findData("warn"))
    page.bins["gold"].setText("622202, 62558801")
    page.save()
    assert page.error.text() == ""
    page.bins["platinum"].setText("62a")
    page.save()
    assert "BIN" in page.error.text()
    from app.cards.policy import card_policy

    assert card_policy(card_store).product("gold").luhn == "warn"
    assert card_policy(card_store).product("platinum").bins == ("622203",)


def test_card_model_passes_the_model_tester(qtmodeltester, card_store):
    from ui.cards.page import APPLICATION_COLUMNS, application_pages

    model = ColumnsModel(APPLICATION_COLUMNS, CONTEXT, page_size=3)
    model.reset(application_pages(card_store, actor_named(card_store, "manager"), None))
    assert model.rowCount() == 3 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    ids = [r.id for r in model.rows()]
    assert ids == sorted(ids), str(ids)


def test_the_card_screens_speak_chinese(main_window, language, card_store, qtbot):
    from tests.ui.test_translations import english_words, strip_data, texts_on
    from ui.cards.customer_tab import CardsTab
    from ui.cards.dialogs import CancelCardDialog, LossDialog, SignedDialog

    language.set("zh_CN")
    widgets = []
    teller_window = main_window("teller")
    teller = teller_window.open_page("cards")
    teller.refresh()
    widgets.append(teller)
    for tab in range(teller.tabs.count()):
        teller.tabs.setCurrentIndex(tab)
        widgets.append(teller.tabs.currentWidget())
    teller.queue_view.selectRow(0)
    teller.issue_selected()
    wizard = teller.dialog
    wizard.card_number.setText("6222")
    widgets.append(wizard)
    teller.new_button.click()
    widgets.append(teller.dialog)
    manager = main_window("manager").open_page("card_approvals")
    manager.refresh()
    manager.view.selectRow(0)
    manager._show_detail()
    widgets.append(manager)
    manager.approve_button.click()
    widgets.append(manager.dialog)
    card = next(c for c in views.expiring_cards(card_store, actor_named(card_store, "teller"), within_days=400))
    tab = CardsTab(card_store, actor_named(card_store, "teller"), card.customer_id)
    qtbot.addWidget(tab)
    widgets.append(tab)
    for dialog in (LossDialog(card_store, tab.actor, card), CancelCardDialog(card_store, tab.actor, card),
                   SignedDialog(card_store, tab.actor, card.id, "")):
        qtbot.addWidget(dialog)
        dialog.show()
        widgets.append(dialog)
    widgets.append(main_window("admin").open_page("card_policy"))
    problems = []
    for widget in widgets:
        for text in texts_on(widget):
            leftover = english_words(strip_data(text, card_store.describe()))
            if leftover:
                problems.append((widget.objectName(), text, leftover))
    assert problems == [], "\n".join(map(str, problems))
    assert "贵宾卡" in "".join(texts_on(teller_window))


def test_the_wizard_is_keyboard_and_scanner_ready_and_ends_with_an_issued_offer(
        main_window, card_store, dialogs, qtbot):
    from PySide6.QtCore import Qt

    add_customers(card_store, "BJ010101", ["GUICARD006"], tier="gold")
    application = _apply(main_window, "GUICARD006", "new", "gold")
    _approve(main_window, application.id)
    teller = main_window("teller").open_page("cards")
    teller.refresh()
    view = teller.queue_view
    view.setFocus()

    def current_id():
        index = view.currentIndex()
        return teller.queue_model.row_at(index.row()).id if index.isValid() else None

    for _ in range(teller.queue_model.rowCount() + 1):               # arrow down to the application
        if current_id() == application.id:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert current_id() == application.id
    qtbot.keyClick(teller.queue_view, Qt.Key.Key_Return)           # Enter opens the wizard
    wizard = teller.dialog
    assert wizard.objectName() == "issueDialog" and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.focusWidget() is wizard.serial)
    qtbot.keyClicks(wizard.serial, "A00001005")                     # a scan replaces the suggestion
    qtbot.keyClick(wizard.serial, Qt.Key.Key_Return)                # the scanner's Enter
    assert wizard.serial.text() == "A00001005" and not wizard.confirming
    assert wizard.focusWidget() is wizard.card_number
    number = card_number()
    qtbot.keyClicks(wizard.card_number, number)
    qtbot.keyClick(wizard.card_number, Qt.Key.Key_Return)           # Next
    assert wizard.confirming
    qtbot.keyClick(wizard.card_number, Qt.Key.Key_Return)           # Issue
    saved(wizard)
    assert "Serial" in wizard.error.text() and "A00001000" in wizard.error.text()   # lowest first
    wizard.serial.setText("A00001000")                              # fixed: the refusal goes
    assert not wizard.error.isVisible()
    dialogs.confirm_answer = False
    submit(wizard)
    submit(wizard)
    assert not wizard.isVisible(), wizard.error.text()
    title, text = dialogs.of("confirm")[-1][1:]
    assert title == "Card issued" and "A00001000" in text and "Welcome letter" in text


def test_a_drawer_without_the_card_type_is_said_at_step_one(main_window, demo_store):
    add_customers(demo_store, "BJ010101", ["GUICARD007"], tier="gold")   # the demo's drawers: no gold
    application = _apply(main_window, "GUICARD007", "new", "gold")
    _approve(main_window, application.id)
    teller = main_window("teller").open_page("cards")
    teller.refresh()
    _select(teller.queue_view, lambda r: r.id == application.id)
    teller.issue_button.click()
    wizard = teller.dialog
    assert "no blank Gold card" in wizard.error.text() and wizard.error.isVisible()
    assert "Gold card" not in teller.drawer.text()                 # the drawer line names what it holds
    assert not wizard.ok_button.isEnabled()


def test_the_application_finds_the_customer_by_name_phone_id_tail_card_or_cif(main_window, card_store, qtbot):
    from PySide6.QtCore import Qt

    add_customers(card_store, "BJ010101", ["GUICARD008"], tier="gold")
    with card_store.read() as session:
        guicard = session.scalar(select(Customer.id).where(Customer.cif_no == "GUICARD008"))
        phone = sealed_number(card_store, "customer", guicard, "phone")
        from db.models import Branch

        demo = session.scalars(select(Customer).join(Branch, Branch.id == Customer.branch_id).where(
            Customer.active.is_(True), Branch.code == "BJ010101", Customer.cif_no != "GUICARD008")
            .order_by(Customer.id)).first()
        name, demo_cif = demo.name, demo.cif_no
    page = main_window("advisor").open_page("cards")
    page.new_button.click()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.cif)         # typing goes to the find field
    qtbot.keyClicks(dialog.cif, "GUICARD008")
    qtbot.keyClick(dialog.cif, Qt.Key.Key_Return)                    # Enter finds; it does not submit
    assert dialog.isVisible() and dialog.result_value is None and "GUICARD008" in dialog.customer.text()
    for typed in (phone, "guicard008"):
        dialog.cif.setText(typed)
        dialog.cif.editingFinished.emit()
        assert "GUICARD008" in dialog.customer.text() and "Tier:" in dialog.facts.text(), typed
    dialog.card_type.setCurrentIndex(dialog.card_type.findData("diamond"))   # not eligible: said whole
    qtbot.waitExposed(dialog)
    assert "Not eligible" in dialog.verdict.text()
    for label in (dialog.verdict, dialog.facts):
        qtbot.waitUntil(lambda label=label: label.height() >= label.heightForWidth(label.width()))
    dialog.card_type.setCurrentIndex(dialog.card_type.findData("gold"))
    dialog.cif.setText(name)                                        # by name: one, or a choice
    dialog.cif.editingFinished.emit()
    assert name in dialog.customer.text(), dialog.error.text()
    if dialog.matches.isVisible():
        assert any(demo_cif in dialog.matches.itemText(i) for i in range(dialog.matches.count()))
    from db.models import Branch, VipCard

    with card_store.read() as session:                               # a demo cardholder
        holder, card_id = session.execute(
            select(Customer, VipCard.id).join(VipCard, VipCard.customer_id == Customer.id)
            .join(Branch, Branch.id == Customer.branch_id)
            .where(Branch.code == "BJ010101", Customer.id_type == "resident_id", Customer.active.is_(True))
            .order_by(Customer.id)).first()
        holder_cif, holder_id = holder.cif_no, holder.id
    number = sealed_number(card_store, "vip_card", card_id, "card_number")
    id_tail = sealed_number(card_store, "customer", holder_id, "id_number")[-6:]
    for typed in (number, id_tail):
        dialog.cif.setText(typed)
        dialog.cif.editingFinished.emit()
        assert holder_cif in dialog.customer.text() or any(
            holder_cif in dialog.matches.itemText(i) for i in range(dialog.matches.count())), typed
    dialog.cif.setText("NOSUCHCIF99")                               # unknown: the customer goes
    dialog.cif.editingFinished.emit()
    assert dialog.customer.text() == "" and dialog.customer_id is None and dialog.facts.text() == ""
    assert "No customer found" in dialog.error.text()
    submit(dialog)
    assert dialog.isVisible()


def test_yes_to_the_issued_offer_makes_the_agreement_and_the_welcome_letter(main_window, card_store, dialogs,
                                                                           qtbot):
    from db.models import DocumentRecord

    add_customers(card_store, "BJ010101", ["GUICARD009"], tier="gold")
    application = _apply(main_window, "GUICARD009", "new", "gold")
    _approve(main_window, application.id)
    teller = main_window("teller").open_page("cards")
    dialogs.confirm_answer = True
    issued = _issue(teller, application.id, "A00001000", card_number())
    assert dialogs.of("confirm")[-1][1] == "Card issued"

    def made():
        with card_store.read() as session:
            return set(session.scalars(select(DocumentRecord.kind).where(
                DocumentRecord.subject_ref == f"card:{issued.card_id}")))

    qtbot.waitUntil(lambda: made() == {"agreement", "letter_welcome"}, timeout=20000)


def test_the_manager_decides_with_the_keyboard_and_is_told_what_follows(main_window, card_store, dialogs, qtbot):
    from PySide6.QtCore import Qt

    add_customers(card_store, "BJ010101", ["GUICARD010"], tier="gold")
    application = _apply(main_window, "GUICARD010", "new", "gold")
    page = main_window("manager").open_page("card_approvals")
    page.refresh()
    view = page.view
    view.setFocus()

    def current_id():
        index = view.currentIndex()
        return page.model.row_at(index.row()).id if index.isValid() else None

    for _ in range(page.model.rowCount() + 1):
        if current_id() == application.id:
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert current_id() == application.id and "Tier when entered" in page.detail.text()   # arrows show it
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.objectName() == "decisionDialog" and dialog.isVisible()
    qtbot.keyClicks(dialog.comment, "OK, agreed")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
    saved(dialog)
    assert not dialog.isVisible(), dialog.error.text()
    title, text = dialogs.of("info")[-1][1:]
    assert title == "Decision recorded" and f"No. {application.id}" in text and "can issue" in text


def test_documents_list_the_paperwork_of_a_card_issued_meanwhile(main_window, card_store):
    """The stale-screen reproduction of issue 30: a teller looks at 文档 (card paperwork), issues
    a card, goes back to 文档, and 卡片文书 lists every row the store holds, because the issue
    reported the tables it wrote and the documents page shows one of them."""
    from app.cards.paperwork import paperwork_due

    store = card_store
    add_customers(store, "BJ010101", ["GUICARD009"], tier="gold")
    application = _apply(main_window, "GUICARD009", "new", "gold")
    _approve(main_window, application.id)
    window = main_window("teller")
    documents = window.open_page("documents")
    teller = actor_named(store, "teller")
    before = [r.id for r in paperwork_due(store, teller, limit=10_000)]
    assert _ids(documents.paperwork_tab.model) == before

    issued = _issue(window.open_page("cards"), application.id, "A00001000", card_number())
    documents = window.open_page("documents")
    held = [r.id for r in paperwork_due(store, teller, limit=10_000)]
    assert len(held) == len(before) + 2 and set(issued.paperwork_ids) <= set(held)
    assert _ids(documents.paperwork_tab.model) == held


def _ids(model) -> list[int]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.row_at(row).id for row in range(model.rowCount())]
