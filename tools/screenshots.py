"""Save screenshots of the main screens to docs/screenshots/ (1366x768, the common branch PC; offscreen).

    python tools/screenshots.py [--out DIR]

Builds a demo store in a temporary folder, signs in as the demo staff and grabs: the login
window in Chinese and English, the administrator's accounts page in both languages and the
auditor's audit trail after a check (with its anchor) in Chinese, the branch manager's tier
worklists and the administrator's tier policy in Chinese, the branch manager's customer search
and one customer's view (phone revealed) in Chinese, the relationship manager's care worklist
and complaints and the branch manager's care dashboard in Chinese, the custodian's blank-card
stock, documents register, verify box, a register's preview and the day-end reconciliation (with
the trail's anchor), the administrator's template editor, the teller's VIP card counter
workspace and issue wizard, the branch manager's card approvals and a customer's VIP cards tab,
the lobby queue, a VIP's ticket issued by a card swipe at the lobby, a VIP's arrival told to
their manager, the day's appointments, a counter after a call and the lobby display, the
customer's rating window after a finish (its scores and an 不满意's reasons), this PC's settings
with a slip printer, the queue statistics and the first page of their report (PDF), the clerk
performance page and its report, and the lobby manager's Go menu (pages by Ctrl+digit).
Runs without a display (QT_QPA_PLATFORM=offscreen).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)


def _settle(app) -> None:
    """Let the commands started by clicks come back (they run off the GUI thread), then paint."""
    from ui.background import busy, wait_for_background

    while busy():
        wait_for_background()
        app.processEvents()
    for _ in range(3):
        app.processEvents()


def _grab(app, widget, path: Path, *, own_size: bool = False) -> None:
    """Save ``widget`` as ``path``: at 1366x768, or (``own_size``: a dialog) at the size it opens with."""
    if not own_size:
        widget.resize(*SIZE)
    _settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    _wrote(path)


def _wrote(path: Path) -> None:
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def _quiet_dialogs():
    """Dialogs whose information boxes are taken as read (what they say stays on the page): a
    box offscreen would wait for a click that never comes."""
    from ui.dialogs import Dialogs

    class Quiet(Dialogs):
        def info(self, parent, title: str, text: str) -> None:
            """Nothing to click: the page shows the same text."""

    return Quiet()


def _activity(store) -> None:
    """A morning's worth of events, so the audit trail has something to show."""
    from app.auth.accounts import list_accounts, reset_password, update_account
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.errors import AuthError

    admin = sign_in(store, "admin", DEMO_PASSWORD).actor
    for username in ("manager", "teller", "lobby", "advisor"):
        sign_in(store, username, DEMO_PASSWORD)
    for _ in range(2):
        try:
            sign_in(store, "teller2", "wrong password")
        except AuthError:
            pass
    accounts = {a.username: a for a in list_accounts(store, admin)}
    rm = accounts["advisor"]
    update_account(store, admin, rm.id, expected_version=rm.version, display_name=rm.display_name,
                   branch_id=rm.branch_id, roles=["relationship_manager", "lobby_manager"])
    custodian = accounts["custodian2"]
    reset_password(store, admin, custodian.id, expected_version=custodian.version,
                   new_password="Temporary-Vault-26")


def _tier_customers(store) -> None:
    """Customers with AUM histories for the tier screens. The demo makes its own customers once
    the customer capability provides them; until then a few plain ones are added here."""
    import random
    from datetime import datetime

    from sqlalchemy import func, insert, select

    from app.crypto.sealing import customer_indexes
    from app.customers.rules import mask_id, mask_phone, search_keys
    from app.demo.aum import add_demo_tiers
    from db.models import Branch, Customer

    with store.read() as session:
        if session.scalar(select(func.count()).select_from(Customer)):
            return
        branches = list(session.scalars(select(Branch.id).where(Branch.code.in_(["BJ010101", "BJ010102"]))))
    rnd = random.Random(8)
    surnames, given = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
    now = datetime(2026, 1, 5, 9, 0)
    rows = []
    for i in range(240):
        name = rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(rnd.choice((1, 2))))
        pinyin, initials = search_keys(name)
        phone = f"13{rnd.randrange(10**9):09d}"
        rows.append(dict(cif_no=f"6100{i:08d}", name=name, name_pinyin=pinyin, name_initials=initials,
                         gender="female", id_type="other", id_masked=mask_id(f"DEMO{i:06d}"),
                         phone_masked=mask_phone(phone), **customer_indexes(store.keys, f"DEMO{i:06d}", phone),
                         branch_id=branches[i % len(branches)],
                         active=True, created_at=now, updated_at=now, version=1))
    with store.engine.begin() as conn:
        conn.execute(insert(Customer), rows)
    add_demo_tiers(store)


def _customers(app, store, language, out: Path) -> None:
    """The branch manager's customer search (pinyin initials typed) and one customer's view."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from ui.background import wait_for_background
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    manager = MainWindow(sign_in(store, "manager", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    manager.show()
    page = manager.open_page("customers")
    page.search_box.setText("zh")
    page.run_search()
    wait_for_background()
    _settle(app)
    page.table.selectRow(0)
    page.table.setFocus()
    _grab(app, manager, out / "customers-zh.png")
    best = max(range(page.model.rowCount()), key=lambda r: page.model.row_at(r).tier != "ordinary")
    view = page.open_customer(page.model.row_at(best).id)
    view.reveal("phone")
    _grab(app, view, out / "customer-zh.png", own_size=True)
    view.reject()
    manager.idle.stop()
    manager.close()


def _stock(app, store, language, out: Path) -> None:
    """The custodian's blank-card stock page: stock by location, the minimum-level alert."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    custodian = MainWindow(sign_in(store, "custodian", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    custodian.show()
    custodian.open_page("stock")
    _grab(app, custodian, out / "stock-zh.png")
    custodian.idle.stop()
    custodian.close()


def _care(app, store, language, out: Path) -> None:
    """The relationship manager's worklist for today, the complaints with their countdown, and
    the branch manager's care dashboard (charts)."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from ui.background import wait_for_background
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    advisor = MainWindow(sign_in(store, "advisor", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    advisor.show()
    care = advisor.open_page("care")
    care.select_item(lambda item: item.kind == "overdue")
    _grab(app, advisor, out / "care-today-zh.png")
    care.tabs.setCurrentIndex(1)
    _grab(app, advisor, out / "care-complaints-zh.png")
    advisor.idle.stop()
    advisor.close()
    manager = MainWindow(sign_in(store, "manager", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    manager.show()
    manager.open_page("care_dashboard")
    wait_for_background()
    _settle(app)
    _grab(app, manager, out / "care-dashboard-zh.png")
    manager.idle.stop()
    manager.close()
def _documents(app, store, language, out: Path) -> None:
    """The custodian's documents page (register, verify box with a genuine code), the
    preview of a destruction register and the first page of the day-end reconciliation (with
    the audit trail's anchor); the administrator's template editor."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.documents import reports
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    session = sign_in(store, "custodian", DEMO_PASSWORD)
    today = store.clock().date()
    made = reports.destruction_register(store, session.actor, start=today.replace(day=1), end=today)
    reconciliation = reports.stock_reconciliation(store, session.actor, business_date=today)
    _first_page(reconciliation.pdf, out / "reconciliation-anchor.png")
    custodian = MainWindow(session, dialogs=Dialogs(), language=language)
    custodian.show()
    page = custodian.open_page("documents")
    _grab(app, custodian, out / "documents-zh.png")
    page.tabs.setCurrentIndex(page.verify_index)
    page.verify_tab.payload_edit.setText(made.payloads[0])
    page.verify_tab.verify_payload()
    _grab(app, custodian, out / "documents-verify-zh.png")
    viewer = page.open_viewer(made)
    viewer.resize(*SIZE)
    for _ in range(40):  # QtPdf renders pages on a worker thread: let it finish
        app.processEvents()
        time.sleep(0.05)
    _grab(app, viewer, out / "document-preview-zh.png")
    viewer.close()
    custodian.idle.stop()
    custodian.close()
    admin = MainWindow(sign_in(store, "admin", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    admin.show()
    page = admin.open_page("documents")
    page.tabs.setCurrentIndex(page.templates_index)
    keys = [page.templates_tab.template_list.item(i).data(256) for i in range(page.templates_tab.template_list.count())]
    page.templates_tab.template_list.setCurrentRow(keys.index("agreement"))
    _grab(app, admin, out / "templates-zh.png")
    admin.idle.stop()
    admin.close()
def _queue(app, store, language, out: Path) -> None:
    """The lobby manager's live queue, a teller's counter page after a call, the lobby display."""
    from PySide6.QtCore import Qt

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    lobby = MainWindow(sign_in(store, "lobby", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    lobby.show()
    page = lobby.open_page("lobby")
    _grab(app, lobby, out / "queue-lobby-zh.png")
    teller = MainWindow(sign_in(store, "teller", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    teller.show()
    counter = teller.open_page("counter")
    counter.counter_box.setCurrentIndex(counter.counter_box.findText("4", Qt.MatchFlag.MatchStartsWith))
    counter.sign_in_button.click()
    _settle(app)
    counter.call_button.click()
    _grab(app, teller, out / "queue-counter-zh.png")
    display = page.open_display()
    display.showNormal()
    _grab(app, display, out / "queue-display-zh.png")
    display.close()
    for window in (lobby, teller):
        window.idle.stop()
        window.close()


def _rating(app, store, language, out: Path) -> None:
    """The customer's rating window after a teller finishes a ticket at counter 4: the four
    scores, then the reasons an 不满意 asks for (nothing of the customer on either)."""
    from PySide6.QtCore import Qt

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow
    from ui.visit.rating import RatingWindow

    teller = MainWindow(sign_in(store, "teller", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    teller.show()
    counter = teller.open_page("counter")
    counter.counter_box.setCurrentIndex(counter.counter_box.findText("4", Qt.MatchFlag.MatchStartsWith))
    counter.sign_in_button.click()
    _settle(app)
    if counter.state.held is None:
        counter.call_button.click()
        _settle(app)
    if counter.state.held.state == "called":
        counter.start_button.click()
        _settle(app)
    counter.finish_button.click()
    _settle(app)
    [window] = teller.findChildren(RatingWindow)
    window.showNormal()  # full screen on the offscreen plugin's own screen size; grabbed at 1366x768
    _grab(app, window, out / "visit-rating-zh.png")
    window.choose(1)
    window.reason_buttons["Waited too long"].setChecked(True)
    _grab(app, window, out / "visit-rating-reason-zh.png")
    window.time_out()
    counter.sign_out_button.click()
    _settle(app)
    teller.idle.stop()
    teller.close()


def _pc_settings(app, store, language, out: Path) -> None:
    """The administrator's page of this PC's settings, with a slip printer set (ESC/POS over
    the network, 80 mm paper), from a settings file of its own."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.pcsettings.fields import PcSettings
    from app.pcsettings.file import write_file
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    with tempfile.TemporaryDirectory(prefix="vipdesk-pc-") as folder:
        path = Path(folder) / "vipdesk.ini"
        write_file(path, PcSettings(pc_name="大堂 PC 1", a4_printer="Lobby-A4", slip_printer_kind="escpos_network",
                                    slip_printer="192.168.1.60:9100", paper_width="80",
                                    master_key_file="D:\\VIPDesk\\keys\\branch.key"))
        before = os.environ.get("VIPDESK_SETTINGS")
        os.environ["VIPDESK_SETTINGS"] = str(path)
        try:
            admin = MainWindow(sign_in(store, "admin", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
            admin.show()
            admin.open_page("pc_settings").refresh()
            _grab(app, admin, out / "pc-settings-zh.png")
            admin.idle.stop()
            admin.close()
        finally:
            if before is None:
                os.environ.pop("VIPDESK_SETTINGS", None)
            else:
                os.environ["VIPDESK_SETTINGS"] = before


def _swipe(app, store, language, out: Path) -> None:
    """The lobby right after a VIP swiped their card: the ticket issued with their tier's
    priority (the reader typing key by key as it does), and the demo morning's long waits on
    the alert line above the queue."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from sqlalchemy import select

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from db.models import Customer, SealedValue, VipCard
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    actor = sign_in(store, "lobby", DEMO_PASSWORD).actor
    with store.read() as session:
        card_id = session.scalar(select(VipCard.id).join(Customer, Customer.id == VipCard.customer_id)
                                 .where(Customer.branch_id == actor.branch_id, Customer.active.is_(True),
                                        Customer.tier != "ordinary", VipCard.status == "active")
                                 .order_by(VipCard.id.desc()))
        sealed = session.scalar(select(SealedValue.sealed).where(
            SealedValue.entity == "vip_card", SealedValue.entity_id == card_id, SealedValue.field == "card_number"))
    number = store.keys.open("vip_card", "card_number", card_id, bytes(sealed))
    lobby = MainWindow(sign_in(store, "lobby", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    lobby.show()
    page = lobby.open_page("lobby")
    page.find_edit.setFocus()
    QTest.keyClicks(page.find_edit, f"%B{number}^ZHANG/SAN^2812101000000?;{number}=28121010000000000?")
    QTest.keyClick(page.find_edit, Qt.Key.Key_Return)
    _grab(app, lobby, out / "visit-swipe-lobby-zh.png")
    lobby.idle.stop()
    lobby.close()


def _arrival(app, store, language, out: Path) -> None:
    """A VIP's arrival: the advisor's VIP Desk telling of two customers just come in (the lobby
    issued their tickets), and the lobby's line once the advisor said "I'll receive them" to one."""
    from sqlalchemy import select

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.queue import tickets, views
    from db.models import Customer
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    lobby_actor = sign_in(store, "lobby", DEMO_PASSWORD).actor
    advisor_session = sign_in(store, "advisor", DEMO_PASSWORD)
    service = views.board(store, lobby_actor).services[0][0]
    with store.read() as session:
        kept = session.scalars(select(Customer.id).where(
            Customer.relationship_manager_id == advisor_session.actor.account_id, Customer.active.is_(True),
            Customer.branch_id == lobby_actor.branch_id).order_by(Customer.id).limit(2)).all()
    for customer_id in kept:
        tickets.issue_ticket(store, lobby_actor, service_id=service, customer_id=customer_id)
    advisor = MainWindow(advisor_session, dialogs=Dialogs(), language=language)
    advisor.show()
    _grab(app, advisor, out / "visit-arrival-advisor-zh.png")
    advisor.arrivals.receive(advisor.arrivals.rows[0].id)
    advisor.idle.stop()
    advisor.close()
    lobby = MainWindow(sign_in(store, "lobby", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    lobby.show()
    lobby.open_page("lobby")
    _grab(app, lobby, out / "visit-arrival-lobby-zh.png")
    lobby.idle.stop()
    lobby.close()


def _appointments(app, store, language, out: Path) -> None:
    """The lobby's appointments of the day: three booked by the advisor and a teller, one just
    checked in (its ticket issued with the appointment's priority)."""
    from datetime import timedelta

    from sqlalchemy import select

    from app.auth.signin import sign_in
    from app.business_day import wall_clock
    from app.demo import DEMO_PASSWORD
    from app.queue import views
    from app.visit.appointments import book_appointment
    from db.models import Customer
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    lobby_actor = sign_in(store, "lobby", DEMO_PASSWORD).actor
    service = views.board(store, lobby_actor).services[0][0]
    local = wall_clock(store.clock())
    start = max(9 * 60, local.hour * 60 + local.minute + 1)
    with store.read() as session:
        customers = session.scalars(select(Customer.id).where(
            Customer.branch_id == lobby_actor.branch_id, Customer.active.is_(True)).order_by(Customer.id).limit(3)).all()
    for who, customer_id, offset, note in zip(("advisor", "teller", "advisor"), customers, (0, 30, 60),
                                              ("理财产品到期续作", "大额存单", "贵宾卡换卡")):
        at = min(start + offset, 16 * 60)
        book_appointment(store, sign_in(store, who, DEMO_PASSWORD).actor, customer_id=customer_id,
                         day=local.date() if start < 16 * 60 else local.date() + timedelta(days=1),
                         starts=f"{at // 60:02d}:{at % 60:02d}", ends=f"{(at + 30) // 60:02d}:{(at + 30) % 60:02d}",
                         service_id=service, note=note)
    lobby = MainWindow(sign_in(store, "lobby", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    lobby.show()
    page = lobby.open_page("lobby")
    dialog = page.appointments.open()
    if dialog.rows:
        dialog.select(dialog.rows[0].id)
        dialog.check_in()
    _grab(app, dialog, out / "visit-appointments-zh.png", own_size=True)
    dialog.close()
    lobby.idle.stop()
    lobby.close()


def _cards(app, store, language, out: Path) -> None:
    """The teller's counter workspace (queue of approved applications, drawer stock), the
    issue wizard at its confirmation step, the branch manager's approvals inbox and one
    customer's VIP cards tab."""
    from app.auth.signin import sign_in
    from app.cards import views
    from app.cards.rules import DEFAULT_CARD_POLICY, with_check_digit
    from app.demo import DEMO_PASSWORD
    from ui.cards.customer_tab import CardsTab
    from ui.cards.dialogs import IssueDialog
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    teller = MainWindow(sign_in(store, "teller", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    teller.show()
    page = teller.open_page("cards")
    page.queue_view.selectRow(0)
    _grab(app, teller, out / "cards-zh.png")
    queue = [r for r in page.queue_model.rows() if r.kind == "new"] or page.queue_model.rows()
    wizard = IssueDialog(store, teller.session.actor, queue[0], parent=teller)
    wizard.card_number.setText(with_check_digit(DEFAULT_CARD_POLICY.product(queue[0].card_type).bins[0] + "0" * 9))
    wizard.submit()
    wizard.show()
    _grab(app, wizard, out / "card-issue-zh.png", own_size=True)
    wizard.reject()
    holders = {r.customer_id for r in views.expiring_cards(store, teller.session.actor, within_days=1000)}
    history_of = max(holders, key=lambda c: len(views.card_history(store, teller.session.actor, c)), default=None)
    teller.idle.stop()
    teller.close()
    manager = MainWindow(sign_in(store, "manager", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    manager.show()
    inbox = manager.open_page("card_approvals")
    inbox.view.selectRow(0)
    inbox._show_detail()
    _grab(app, manager, out / "card-approvals-zh.png")
    if history_of is not None:  # the customer view's cards tab, as the manager opens it
        view = manager.open_page("customers").open_customer(history_of)
        view.tabs.setCurrentWidget(view.findChild(CardsTab))
        _grab(app, view, out / "customer-cards-zh.png", own_size=True)
        view.reject()
    manager.idle.stop()
    manager.close()


def _first_page(pdf: bytes, png: Path) -> None:
    """Page 1 of ``pdf`` as ``png`` at 80 dpi, rendered by pdftoppm (poppler); skipped, and said
    so, where poppler-utils is not installed."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        print(f"skipped {png.name}: pdftoppm (poppler-utils) is not installed")
        return
    with tempfile.TemporaryDirectory(prefix="vipdesk-pdf-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(source),
                        str(png.with_suffix(""))], check=True, timeout=60)
    _wrote(png)


def _agreement(store, out: Path) -> None:
    """The first page of a demo card's service agreement, rendered by pdftoppm (poppler)."""
    from sqlalchemy import select

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.documents.letters import make_card_document
    from db.models import VipCard

    teller = sign_in(store, "teller", DEMO_PASSWORD).actor
    with store.read() as session:
        card_id = session.scalar(select(VipCard.id).where(VipCard.status == "active").order_by(VipCard.id))
    made = make_card_document(store, teller, card_id, "agreement").made
    _first_page(made.pdf, out / "agreement-page1.png")


def _queue_report(app, store, language, out: Path) -> None:
    """The manager's queue statistics page (with the report button) and the first page of the
    report it makes for the demo's yesterday, rendered by pdftoppm (poppler)."""
    from datetime import timedelta

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.queue.day_report import queue_day
    from app.queue import views
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    session = sign_in(store, "manager", DEMO_PASSWORD)
    manager = MainWindow(session, dialogs=Dialogs(), language=language)
    manager.show()
    stats = manager.open_page("queue_stats")
    stats.refresh()
    stats.view.setFocus()   # not the first date box, its text selected
    _grab(app, manager, out / "queue-stats-zh.png")
    manager.idle.stop()
    manager.close()
    yesterday = views.board(store, session.actor).day - timedelta(days=1)  # the branch's business day
    made = queue_day(store, session.actor, start=yesterday)
    _first_page(made.pdf, out / "queue-day-report.png")


def _performance(app, store, language, out: Path) -> None:
    """The manager's clerk performance page (yesterday and today, per clerk: the table and the
    ratings chart) and the first page of its report, rendered by pdftoppm (poppler)."""
    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from app.queue.performance_report import clerk_performance_report
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    session = sign_in(store, "manager", DEMO_PASSWORD)
    manager = MainWindow(session, dialogs=Dialogs(), language=language)
    manager.show()
    page = manager.open_page("clerk_performance")
    page.period.start_edit.setDate(page.period.end_edit.date().addDays(-1))
    page.refresh()
    start, end = page.period.dates()
    page.view.setFocus()   # not the first date box, its text selected
    _grab(app, manager, out / "clerk-performance-zh.png")
    manager.idle.stop()
    manager.close()
    made = clerk_performance_report(store, session.actor, start=start, end=end, grain="day")
    _first_page(made.pdf, out / "clerk-performance-report.png")


def _keyboard(app, store, language, out: Path) -> None:
    """The lobby manager's window with the Go menu open (every page and its Ctrl+digit) over the
    lobby page, whose buttons show their Alt letters."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from app.auth.signin import sign_in
    from app.demo import DEMO_PASSWORD
    from ui.dialogs import Dialogs
    from ui.shell.window import MainWindow

    language.set("zh_CN")
    lobby = MainWindow(sign_in(store, "lobby", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
    lobby.show()
    lobby.resize(*SIZE)
    lobby.go_to_row(lobby.page_keys().index("lobby"))
    _settle(app)
    shot = lobby.grab()
    bar = lobby.menuBar()
    at = bar.actionGeometry(lobby.goto_menu.menuAction()).bottomLeft()
    lobby.goto_menu.popup(bar.mapToGlobal(at))
    _settle(app)
    painter = QPainter(shot)
    painter.drawPixmap(bar.mapTo(lobby, at) + QPoint(0, 1), lobby.goto_menu.grab())
    painter.end()
    lobby.goto_menu.close()
    if not shot.save(str(out / "keyboard-zh.png")):
        raise SystemExit("could not write keyboard-zh.png")
    _wrote(out / "keyboard-zh.png")
    lobby.idle.stop()
    lobby.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from app.auth.signin import sign_in
    from app.crypto import custody
    from app.demo import DEMO_PASSWORD, build_demo
    from app.opening import open_store
    from ui.dialogs import Dialogs
    from ui.language import Language
    from ui.login.window import LoginWindow
    from ui.resources import load_style, register_fonts
    from ui.shell.window import MainWindow

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    load_style(app)
    language = Language(app, "zh_CN")
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="vipdesk-shots-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'demo.sqlite3'}", migrate=True,
                           master=custody.new_master_key())   # the demo's key lives in this process only
        logins = build_demo(store)
        _activity(store)

        login = LoginWindow(language)
        login.set_store(store, demo_logins=logins)
        login.show()
        login.fill_demo_login(0)
        _grab(app, login, out / "login-zh.png")
        language.set("en")
        _grab(app, login, out / "login-en.png")
        login.close()

        language.set("zh_CN")
        admin = MainWindow(sign_in(store, "admin", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
        admin.show()
        accounts = admin.open_page("accounts")
        accounts.select_username("teller")
        accounts.table.setFocus()
        _grab(app, admin, out / "main-zh.png")
        language.set("en")
        _grab(app, admin, out / "main-en.png")
        admin.idle.stop()
        admin.close()

        language.set("zh_CN")
        auditor = MainWindow(sign_in(store, "auditor", DEMO_PASSWORD), dialogs=_quiet_dialogs(), language=language)
        auditor.show()
        audit = auditor.open_page("audit")
        audit.verify()   # the chain checked: its verdict and anchor under the filters
        _settle(app)
        for row in range(audit.model.rowCount()):
            if audit.model.row_at(row).action == "account.update":
                audit.table.selectRow(row)
                break
        audit.table.setFocus()
        _grab(app, auditor, out / "audit-zh.png")
        auditor.idle.stop()
        auditor.close()

        _tier_customers(store)
        manager = MainWindow(sign_in(store, "manager", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
        manager.show()
        worklists = manager.open_page("tier_worklists")
        worklists.tabs.setCurrentIndex(0)
        worklist = worklists.tabs.currentWidget()
        worklist.selectRow(0)
        worklist.setFocus()   # not the month box, its text selected
        _grab(app, manager, out / "tiers-zh.png")
        manager.idle.stop()
        manager.close()
        admin = MainWindow(sign_in(store, "admin", DEMO_PASSWORD), dialogs=Dialogs(), language=language)
        admin.show()
        admin.open_page("tier_policy")
        _grab(app, admin, out / "tier-policy-zh.png")
        admin.idle.stop()
        admin.close()

        _customers(app, store, language, out)
        _stock(app, store, language, out)
        _cards(app, store, language, out)
        _care(app, store, language, out)
        _documents(app, store, language, out)
        _queue(app, store, language, out)
        _rating(app, store, language, out)
        _pc_settings(app, store, language, out)
        _swipe(app, store, language, out)
        _arrival(app, store, language, out)
        _appointments(app, store, language, out)
        _queue_report(app, store, language, out)
        _performance(app, store, language, out)
        _keyboard(app, store, language, out)
        _agreement(store, out)
        store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
