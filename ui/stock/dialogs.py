"""Form dialogs of the stock page: receipt, transfer, spoilage or return, destruction, blind
count and day-end sign-off. Each calls one stock service; a refusal stays in the dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.stock import books, moves
from app.stock.common import LOCATION, WITNESS
from app.stock.rules import COUNT, EXPLANATION, REASON, SERIAL, SERIALS, SERIAL_FORMATS
from app.tiers.rules import CARD_TYPE, CARD_TYPES
from ui.forms import FormDialog
from ui.messages import field_label
from ui.stock.models import card_type_text


def _card_type_box(dialog: FormDialog) -> QComboBox:
    box = dialog.add_row("card_type", QComboBox(dialog), CARD_TYPE)
    box.setObjectName("cardType")
    for card_type in CARD_TYPES:
        box.addItem(card_type_text(card_type), card_type)
    return box


def _serials_edit(dialog: FormDialog, height: int = 70) -> QPlainTextEdit:
    edit = dialog.add_row("serials", QPlainTextEdit(dialog), SERIALS)
    edit.setObjectName("serials")
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)  # Enter ends a scanned serial's line; Tab goes on to the count
    return edit


def _count_box(dialog: FormDialog) -> QSpinBox:
    box = dialog.add_row("count", QSpinBox(dialog), COUNT)
    box.setObjectName("count")
    box.setRange(0, 100_000)
    box.setSpecialValueText("—")
    return box


def _people_box(dialog: FormDialog, key: str, people, field: str) -> QComboBox:
    box = dialog.add_row(key, QComboBox(dialog), field)
    box.setObjectName(key)
    for person in people:
        box.addItem(f"{person.display_name} ({person.username})", person.id)
    return box


class ReceiveDialog(FormDialog):
    """A custodian receives a batch into the vault; a second person confirms it later."""

    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("receiveDialog")
        self.store, self.actor = store, actor
        self.card_type = _card_type_box(self)
        self.serials = _serials_edit(self)
        self.count = _count_box(self)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(moves.receive, self.store, self.actor, card_type=self.card_type.currentData(),
                  serials=self.serials.toPlainText(), count=self.count.value() or None)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Receive blank cards into the vault"))
        example = SERIAL_FORMATS["gold"].example()
        self.set_intro(self.tr("A range such as {first}-{last}, or serials one per line (scanned). "
                               "The stock counts once a second person confirms.")
                       .format(first=example, last=example[:-1] + "9"))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("serials", field_label(SERIALS))
        self.set_label("count", field_label(COUNT))
        self.set_ok_text(self.tr("Receive"))


class TransferDialog(FormDialog):
    """Vault → drawer (领用) or drawer → vault (上缴); confirmed by the other side."""

    def __init__(self, store, actor, locations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.store, self.actor = store, actor
        self.source = self.add_row("from", QComboBox(self), LOCATION)
        self.source.setObjectName("fromLocation")
        self.target = self.add_row("to", QComboBox(self))
        self.target.setObjectName("toLocation")
        for location_id, _code, name, kind in locations:
            for box in (self.source, self.target):
                box.addItem(name, location_id)
        vaults = [i for i, (_id, _c, _n, kind) in enumerate(locations) if kind == "vault"]
        drawers = [i for i, (_id, _c, _n, kind) in enumerate(locations) if kind == "drawer"]
        if vaults and drawers:  # a custodian hands out; a clerk hands back
            out = self._keeper()
            self.source.setCurrentIndex(vaults[0] if out else drawers[0])
            self.target.setCurrentIndex(drawers[0] if out else vaults[0])
        self.card_type = _card_type_box(self)
        self.serials = _serials_edit(self)
        self.count = _count_box(self)
        self.retranslateUi()

    def _keeper(self) -> bool:
        from app.auth.permissions import Permission

        return self.actor.may(Permission.RECEIVE_STOCK)

    def submit(self) -> None:
        self.save(moves.request_transfer, self.store, self.actor, card_type=self.card_type.currentData(),
                  serials=self.serials.toPlainText(), from_location_id=self.source.currentData(),
                  to_location_id=self.target.currentData(), count=self.count.value() or None)

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Transfer blank cards"))
        self.set_intro(self.tr("From the vault to a drawer (hand-out) or from a drawer back to the vault "
                               "(hand-back). The cards move once the other side confirms."))
        self.set_label("from", self.tr("From"))
        self.set_label("to", self.tr("To"))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("serials", field_label(SERIALS))
        self.set_label("count", field_label(COUNT))
        self.set_ok_text(self.tr("Request transfer"))


class SpoilDialog(FormDialog):
    """Spoil a card (misprint, damaged) or record a customer's return; held for destruction."""

    def __init__(self, store, actor, *, returned: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("returnDialog" if returned else "spoilDialog")
        self.store, self.actor, self.returned = store, actor, returned
        self.card_type = _card_type_box(self)
        self.serial = self.add_row("serial", QLineEdit(self), SERIAL)
        self.serial.setObjectName("serial")
        self.reason = self.add_row("reason", QLineEdit(self), REASON)
        self.reason.setObjectName("reason")
        self.retranslateUi()

    def submit(self) -> None:
        service = moves.record_return if self.returned else moves.spoil
        self.save(service, self.store, self.actor, card_type=self.card_type.currentData(), serial=self.serial.text(),
                  reason=self.reason.text())

    def retranslateUi(self) -> None:  # noqa: N802
        if self.returned:
            self.setWindowTitle(self.tr("Record a returned card"))
            self.set_intro(self.tr("A card the customer gives back (replaced, upgraded, cancelled); "
                                   "it is held for destruction."))
            self.set_ok_text(self.tr("Record return"))
        else:
            self.setWindowTitle(self.tr("Spoil a card"))
            self.set_intro(self.tr("A card from your drawer that cannot be used (misprint, damaged); "
                                   "an issued card only on its day of issue. It is held for destruction."))
            self.set_ok_text(self.tr("Spoil"))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("serial", field_label(SERIAL))
        self.set_label("reason", field_label(REASON))


class DestroyDialog(FormDialog):
    """A destruction session: spoiled and returned cards, two witnesses, every serial listed."""

    def __init__(self, store, actor, people, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("destroyDialog")
        self.store, self.actor = store, actor
        self.card_type = _card_type_box(self)
        self.serials = _serials_edit(self)
        self.count = _count_box(self)
        self.first = _people_box(self, "witness1", people, WITNESS)
        self.second = _people_box(self, "witness2", people, WITNESS)
        if self.second.count() > 1:
            self.second.setCurrentIndex(1)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(moves.destroy, self.store, self.actor, card_type=self.card_type.currentData(),
                  serials=self.serials.toPlainText(), count=self.count.value() or None,
                  witnesses=(self.first.currentData(), self.second.currentData()))

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Destruction session"))
        self.set_intro(self.tr("Spoiled and returned cards are destroyed before two witnesses; "
                               "the destruction register lists every serial."))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("serials", field_label(SERIALS))
        self.set_label("count", field_label(COUNT))
        self.set_label("witness1", self.tr("First witness"))
        self.set_label("witness2", self.tr("Second witness"))
        self.set_ok_text(self.tr("Destroy"))


class CountDialog(FormDialog):
    """A blind count: the expected figure is not shown; enter or scan what is there."""

    def __init__(self, store, actor, locations, people, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("countDialog")
        self.store, self.actor = store, actor
        self.location = self.add_row("location", QComboBox(self), LOCATION)
        self.location.setObjectName("countLocation")
        for location_id, _code, name, _kind in locations:
            self.location.addItem(name, location_id)
        self.card_type = _card_type_box(self)
        self.serials = _serials_edit(self, 110)
        self.witness = _people_box(self, "witness", people, WITNESS)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(books.record_count, self.store, self.actor, location_id=self.location.currentData(),
                  card_type=self.card_type.currentData(), serials=self.serials.toPlainText(),
                  witness_id=self.witness.currentData())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Physical count"))
        self.set_intro(self.tr("A blind count: enter or scan every serial physically present. The "
                               "books are shown only after the count is recorded."))
        self.set_label("location", field_label(LOCATION))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("serials", self.tr("Serials counted"))
        self.set_label("witness", field_label(WITNESS))
        self.set_ok_text(self.tr("Record count"))


def move_summary(move) -> str:
    """One line naming a pending move: number, kind, card type, count, serials, from, to, maker."""
    from ui.stock.models import move_text

    return QCoreApplication.translate(
        "StockDialogs", "No. {id}: {move}, {card} ×{count} ({serials}), {source} → {target}, "
                        "made by {maker}").format(
        id=move.id, move=move_text(move.kind), count=move.count, card=card_type_text(move.card_type),
        serials=move.serials, source=move.from_name or "—", target=move.to_name or "—", maker=move.made_by_name)


class SendBackDialog(FormDialog):
    """Send a pending move back (退回) with the reason: asked, never done on one click. The
    maker withdraws their own move the same way."""

    def __init__(self, store, actor, move, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sendBackDialog")
        self.store, self.actor, self.move = store, actor, move
        self.own = move.made_by == actor.account_id
        self.reason = self.add_row("reason", QLineEdit(self), REASON)
        self.reason.setObjectName("sendBackReason")
        self.retranslateUi()
        self.reason.setFocus()

    def submit(self) -> None:
        self.save(moves.reject, self.store, self.actor, self.move.id, reason=self.reason.text())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Withdraw the move") if self.own else self.tr("Send the move back"))
        if self.move.kind == "receive":
            outcome = self.tr("Nothing is received: the serials leave the books.")
        else:
            outcome = self.tr("Nothing moves: the cards stay at {source}.").format(source=self.move.from_name)
        self.set_intro(move_summary(self.move) + "\n" + outcome)
        self.set_label("reason", field_label(REASON))
        self.set_ok_text(self.tr("Withdraw") if self.own else self.tr("Send back"))


class SignOffDialog(FormDialog):
    """Sign off one location and card type for the day; a difference needs an explanation."""

    def __init__(self, store, actor, line, business_date: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signOffDialog")
        self.store, self.actor, self.line, self.business_date = store, actor, line, business_date
        self.explanation = self.add_row("explanation", QPlainTextEdit(self), EXPLANATION)
        self.explanation.setObjectName("explanation")
        self.explanation.setFixedHeight(70)
        self.retranslateUi()
        blocker = books.sign_off_blocker(store, actor, location_id=line.location_id, business_date=business_date)
        if blocker is not None:   # said at once; the sign-off would be refused
            self.show_error(blocker)
            self.ok_button.setEnabled(False)

    def submit(self) -> None:
        self.save(books.sign_off, self.store, self.actor, location_id=self.line.location_id,
                  card_type=self.line.result.card_type, business_date=self.business_date,
                  explanation=self.explanation.toPlainText())

    def retranslateUi(self) -> None:  # noqa: N802
        r = self.line.result
        opening, received, sent, closing = r.figures()
        self.setWindowTitle(self.tr("Sign off the day"))
        text = self.tr("{location}, {card}, {day}: opening {opening} + in {received} − out {sent} = "
                       "{expected}; on hand {closing}.").format(
            location=self.line.location_name, card=card_type_text(r.card_type),
            day=self.business_date.isoformat(), opening=opening, received=received, sent=sent,
            expected=len(r.expected), closing=closing)
        if not r.balanced:
            text += " " + self.tr("The books differ by {difference}: explain the difference.").format(
                difference=r.difference)
        self.set_intro(text)
        self.set_label("explanation", field_label(EXPLANATION))
        self.set_ok_text(self.tr("Sign off"))


class MinimumDialog(FormDialog):
    """The minimum stock of one card type for the branch; below it the page warns."""

    def __init__(self, store, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("minimumDialog")
        self.store, self.actor = store, actor
        self.card_type = _card_type_box(self)
        self.minimum = self.add_row("minimum", QSpinBox(self), books.MINIMUM)
        self.minimum.setObjectName("minimum")
        self.minimum.setRange(0, 1_000_000)
        self.retranslateUi()

    def submit(self) -> None:
        self.save(books.set_minimum, self.store, self.actor, card_type=self.card_type.currentData(),
                  minimum=self.minimum.value())

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Minimum stock"))
        self.set_intro(self.tr("Below this level the stock page warns, with the weeks of issuing "
                               "left at the rate of the last four weeks."))
        self.set_label("card_type", field_label(CARD_TYPE))
        self.set_label("minimum", field_label(books.MINIMUM))
        self.set_ok_text(self.tr("Save"))
