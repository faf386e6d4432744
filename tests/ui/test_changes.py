"""Pages refresh from what the store reported changed (ui.changes): every page watches tables
that exist, and a form's save reports its tables to the other pages, not to its own."""

from __future__ import annotations

from db.models import Base
from ui.changes import ChangeBus
from ui.shell.pages import PAGES


def test_every_page_watches_tables_of_the_store():
    tables = set(Base.metadata.tables)
    for spec in PAGES:
        watched = spec.page_class().watches
        assert watched <= tables, (spec.key, sorted(watched - tables))


def test_the_bus_says_nothing_when_nothing_changed(qtbot):
    bus = ChangeBus()
    heard = []
    bus.changed.connect(lambda tables, origin: heard.append((tables, origin)))
    bus.publish([])
    bus.publish(["vip_card", "vip_card"], origin=None)
    assert heard == [(frozenset({"vip_card"}), None)]


def test_a_page_reloads_when_a_table_it_shows_changed_elsewhere(main_window):
    window = main_window("manager")
    customers = window.open_page("customers")
    audit = window.open_page("audit")
    window.open_page("customers")
    window.context.changes.publish({"customer"}, origin=customers)   # its own command: no reload
    assert not customers._stale and not audit._stale  # nor for a page that does not show it
    window.context.changes.publish({"audit_event", "customer"}, origin=customers)
    assert audit._stale  # hidden: reloads when shown
    window.open_page("audit")
    assert not audit._stale


def test_a_form_saves_off_the_gui_thread_and_reports_what_changed(qtbot, demo_store):
    """The fields are read on the GUI thread; the service runs on a worker; the form says what
    the store saw change before it says it saved."""
    import threading

    from PySide6.QtWidgets import QLineEdit

    from sqlalchemy import select

    from app.auth.branches import create_branch
    from db.models import Branch
    from tests.db.helpers import actor_named
    from tests.ui.saving import submit
    from ui.forms import FormDialog

    admin = actor_named(demo_store, "admin")
    with demo_store.read() as session:
        parent = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    ran_on, heard = [], []

    class NewBranch(FormDialog):
        def __init__(self):
            super().__init__()
            self.code = self.add_row("code", QLineEdit("BJ0199", self))

        def submit(self):
            self.save(work, self.code.text())

    def work(code):
        ran_on.append(threading.current_thread())
        return create_branch(demo_store, admin, code=code, name="测试网点", level="outlet", parent_id=parent)

    dialog = NewBranch()
    qtbot.addWidget(dialog)
    dialog.committed.connect(lambda tables: heard.append(("committed", tables)))
    dialog.saved.connect(lambda result: heard.append(("saved", result.code)))
    submit(dialog)
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert heard[0][0] == "committed" and {"branch", "audit_event"} <= heard[0][1]
    assert heard[1] == ("saved", "BJ0199")
