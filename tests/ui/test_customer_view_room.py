"""The customer view on a 1366x768 counter PC: opened at its own size (what fits that screen
with the task bar), every list of every tab shows several rows, not one and a half. The
screenshot review found the tier tab's lists at 1½–3 rows under the customer's record."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView
from sqlalchemy import func, select

from db.models import Branch, Customer, TierChange
from tests.db.helpers import actor_named
from tests.ui.screens import COUNTER_PC, dressed  # noqa: F401 - dressed is a fixture

pytestmark = pytest.mark.usefixtures("dressed")   # the shipped font and style sheet: rows as tall as a person sees them
MIN_ROWS = 5   # a list shows at least this many rows (1½ to 3 when the record stood above the tabs)


def visible_rows(view: QTableView) -> float:
    """How many rows of ``view`` its viewport holds, at the height its rows have."""
    return view.viewport().height() / view.verticalHeader().defaultSectionSize()


def _busiest_customer(store, branch_path: str) -> int:
    """The demo customer under ``branch_path`` with the most tier changes (the fullest tier tab)."""
    with store.read() as session:
        return session.execute(select(TierChange.customer_id).join(Customer, Customer.id == TierChange.customer_id)
                               .join(Branch, Branch.id == Customer.branch_id)
                               .where(Branch.path.startswith(branch_path))
                               .group_by(TierChange.customer_id)
                               .order_by(func.count().desc(), TierChange.customer_id).limit(1)).scalar_one()


@pytest.mark.parametrize("tongue", ["zh_CN", "en"])
def test_every_list_of_the_customer_view_shows_rows_at_1366x768(main_window, demo_store, language, qtbot, tongue):
    language.set(tongue)
    page = main_window("manager").open_page("customers")
    view = page.open_customer(_busiest_customer(demo_store, actor_named(demo_store, "manager").branch_path))
    assert view.tabs.count() >= 3
    assert view.width() <= COUNTER_PC.width() and view.height() <= COUNTER_PC.height() - 68   # task bar and title bar
    qtbot.waitExposed(view)
    short = {}
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        for listing in view.tabs.widget(index).findChildren(QTableView):
            if listing.isVisible() and visible_rows(listing) < MIN_ROWS:
                short[f"{view.tabs.tabText(index)}/{listing.objectName()}"] = round(visible_rows(listing), 1)
    assert not short, short
    view.reject()
