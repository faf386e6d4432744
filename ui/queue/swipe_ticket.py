"""The lobby's ticket screen with a stripe reader: a card swiped into its find box issues the
ticket at once, for the service chosen, to the customer holding the card, so that their tier's
priority holds from the first second (DOMAIN.md "Queue priority"). The swipe is read and
scrubbed by :class:`ui.swipe.SwipeCatcher`; a damaged swipe, an unknown or lost card say why
and issue nothing (the lobby manager may then issue anonymously or find the customer by ID).
After a ticket issued with the button, the find box takes the focus back: a reader types into
whatever has it, and the next VIP's swipe must land there."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.cards.holder import holder_of_card
from ui.swipe import SwipeCatcher
from ui.tier_labels import tier_label


class SwipeTicketing(QObject):
    """Wires a stripe reader to ``page`` (a LobbyPage: its find box, customer box and issue)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.catcher = SwipeCatcher(page.find_edit, page.context.store, consume=True)
        self.catcher.swiped.connect(self.issue_for)
        self.catcher.refused.connect(page.show_error)
        page.issue_button.clicked.connect(lambda: page.find_edit.setFocus())

    def issue_for(self, number: str) -> None:
        """Find the holder of card ``number`` and issue their ticket."""
        page = self.page
        try:
            holder = holder_of_card(page.context.store, page.context.actor, number)
        except Exception as error:  # noqa: BLE001 - shown, or re-raised when a bug
            page.find_edit.clear()
            page.show_error(error)
            return
        box = page.customer_box
        index = box.findData(holder.customer_id)
        if index < 0:
            box.addItem(f"{holder.name}  {holder.card_masked}  {tier_label(holder.tier)}", holder.customer_id)
            index = box.count() - 1
        box.setCurrentIndex(index)
        page.issue()
