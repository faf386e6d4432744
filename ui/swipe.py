"""A line edit that a magnetic-stripe reader may type a card's tracks into.

The reader is a keyboard: it types the tracks, then Enter. :class:`SwipeCatcher` watches that
Enter: when the line holds a swipe, it is read (``app.swipe``) and the line's text is
replaced by the card number alone, before the field's own Enter handling runs, so that the
name, expiry and discretionary data never stay on screen or in the line's undo history
(``setText`` clears it). The Luhn check digit is waived as the store's card policy says. A
damaged swipe clears the line and is reported through ``refused``.
With ``consume`` the Enter stops there and ``swiped`` carries the number to whoever acts on
it (the lobby issues a ticket); without, Enter goes on to the field as if the number had been
typed (a search box searches).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit

from app.cards.policy import card_policy
from app.swipe import is_swipe, swiped_number
from app.errors import ValidationError

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SwipeCatcher(QObject):
    """Reads a swipe typed into ``edit`` at its Enter (see the module text)."""

    swiped = Signal(str)        # the card number
    refused = Signal(object)    # the ValidationError of a damaged swipe

    def __init__(self, edit: QLineEdit, store, *, consume: bool = False):
        super().__init__(edit)
        self.edit = edit
        self.store = store
        self.consume = consume
        edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and event.key() in _ENTER \
                and is_swipe(self.edit.text()):
            return self.read()
        return False

    def read(self) -> bool:
        """Read the line's swipe; True when its Enter is to stop here."""
        try:
            number = swiped_number(self.edit.text(), card_policy(self.store).luhn_optional_bins)
        except ValidationError as error:
            self.edit.setText("")
            self.refused.emit(error)
            return True
        self.edit.setText(number)
        self.swiped.emit(number)
        return self.consume
