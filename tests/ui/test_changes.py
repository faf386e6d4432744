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
