"""The rating after service (评价器) on screen (app/visit/ratings.py).

When the counter page finishes a ticket it calls :func:`ask_for_rating`: a customer-facing
window opens full-size on the counter PC's second monitor (or the one this PC's settings name),
else on the only one, turned to the customer, with large touch buttons: 非常满意 / 满意 / 一般 /
不满意; 不满意 asks for a reason from a short list and/or typed. It shows only the bank's name,
the counter, the clerk as the bank's queue policy allows and the ticket number — nothing of any
customer. A touch stores the rating (off the GUI thread); left untouched for the policy's time,
the window closes and nothing is stored. An 不满意 with its reason offers the clerk, on the
clerk's own screen, to open a complaint prefilled with it (the care capability's intake), linked
to the rating.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.visit import rating_rules as rules
from app.visit import ratings
from app.visit.ratings import RatingRow, RatingWindow as Shown
from ui.care.dialogs import ComplaintDialog
from ui.messages import error_text
from ui.this_pc import this_pc_settings
from ui.widgets import error_label, show_text

THANKS_MS = 3000   # the thanks stay this long before the window closes
STYLE = """
QWidget#ratingWindow { background: #f4f7fb; }
QLabel#ratingBank { font-size: 30pt; font-weight: bold; color: #9b1c1c; }
QLabel#ratingCounter, QLabel#ratingClerk { font-size: 18pt; color: #333; }
QLabel#ratingAsk { font-size: 24pt; font-weight: bold; }
QLabel#ratingCountdown { font-size: 13pt; color: #666; }
QLabel#ratingThanks { font-size: 36pt; font-weight: bold; color: #1b5e20; }
QPushButton { font-size: 20pt; min-height: 64px; border-radius: 12px; border: 2px solid #b0bec5;
              background: white; padding: 8px 4px; }
QPushButton[score="true"] { font-size: 26pt; min-height: 140px; }
QPushButton:checked { background: #ffe0b2; border-color: #e65100; }
QPushButton#score1 { color: #b71c1c; }
QPushButton#score4 { color: #1b5e20; }
QPushButton#reasonSubmit { background: #1565c0; color: white; border-color: #1565c0; }
QLineEdit { font-size: 20pt; min-height: 56px; padding: 4px 12px; }
"""


def _wide(button: QPushButton) -> None:
    """Buttons share the screen's width whatever their text's length (a small monitor clips a
    long word rather than pushing the window past the screen)."""
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)


def customer_screen(screens: Sequence, primary, wanted: str = ""):
    """Where the customer's window opens: the monitor this PC's settings name (by number,
    1 = first, or by name) when the PC has it, else the second one, else the only one."""
    named = [screen for number, screen in enumerate(screens, start=1)
             if wanted and (wanted == str(number) or screen.name() == wanted)]
    if named:
        return named[0]
    if len(screens) > 1:
        return screens[1]
    return screens[0] if screens else primary


class RatingWindow(QWidget):
    """The customer-facing window: four scores, then (for 不满意) the reasons; ``chosen`` says
    the customer's touch, ``timedOut`` that the time ran out untouched."""

    chosen = Signal(int, object)   # score, reason (None but for 不满意)
    timedOut = Signal()

    def __init__(self, shown: Shown, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("ratingWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self.shown = shown
        self.left = shown.seconds
        self.bank = QLabel(shown.bank_name, self)
        self.bank.setObjectName("ratingBank")
        self.counter = QLabel(self)
        self.counter.setObjectName("ratingCounter")
        self.clerk = QLabel(self)
        self.clerk.setObjectName("ratingClerk")
        self.clerk.setVisible(bool(shown.clerk))
        self.ask = QLabel(self)
        self.ask.setObjectName("ratingAsk")
        self.countdown = QLabel(self)
        self.countdown.setObjectName("ratingCountdown")
        for label in (self.bank, self.counter, self.clerk, self.ask, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)

        self.pages = QStackedWidget(self)
        scores = QWidget(self.pages)
        row = QHBoxLayout(scores)
        row.setSpacing(28)
        self.score_buttons: dict[int, QPushButton] = {}
        for score in rules.SCORES:
            button = QPushButton(scores)
            button.setObjectName(f"score{score}")
            button.setProperty("score", True)
            _wide(button)
            button.clicked.connect(lambda _checked=False, s=score: self.choose(s))
            row.addWidget(button)
            self.score_buttons[score] = button
        reasons = QWidget(self.pages)
        grid = QGridLayout(reasons)
        grid.setSpacing(14)
        self.reason_buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(rules.REASONS):
            button = QPushButton(reasons)
            button.setObjectName(f"reason{i}")
            button.setCheckable(True)
            _wide(button)
            grid.addWidget(button, i // 3, i % 3)
            self.reason_buttons[key] = button
        self.reason_edit = QLineEdit(reasons)
        self.reason_edit.setObjectName("reasonTyped")
        self.reason_edit.setMaxLength(rules.MAX_REASON)
        grid.addWidget(self.reason_edit, 2, 0, 1, 3)
        self.reason_error = error_label(reasons)
        self.reason_error.setStyleSheet("font-size: 16pt;")
        grid.addWidget(self.reason_error, 3, 0, 1, 3)
        self.back_button = QPushButton(reasons)
        self.back_button.setObjectName("reasonBack")
        _wide(self.back_button)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.submit_button = QPushButton(reasons)
        self.submit_button.setObjectName("reasonSubmit")
        _wide(self.submit_button)
        self.submit_button.clicked.connect(self.submit_reason)
        grid.addWidget(self.back_button, 4, 0)
        grid.addWidget(self.submit_button, 4, 2)
        self.thanks = QLabel(self.pages)
        self.thanks.setObjectName("ratingThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        for page in (scores, reasons, self.thanks):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 20)
        layout.setSpacing(12)
        layout.addWidget(self.bank)
        layout.addWidget(self.counter)
        layout.addWidget(self.clerk)
        layout.addStretch(1)
        layout.addWidget(self.ask)
        layout.addWidget(self.pages)
        layout.addStretch(1)
        layout.addWidget(self.countdown)

        self.timer = QTimer(self)   # the policy's time for a touch
        self.timer.setSingleShot(True)
        self.timer.setInterval(shown.seconds * 1000)
        self.timer.timeout.connect(self.time_out)
        self.ticker = QTimer(self)  # the seconds left, as the customer sees them
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.retranslateUi()

    # -- the customer's touches ---------------------------------------------------------------
    def choose(self, score: int) -> None:
        if score == rules.DISSATISFIED:
            self.pages.setCurrentIndex(1)
            self.retranslateUi()
            return
        self._chosen(score, None)

    def submit_reason(self) -> None:
        chosen = [key for key, button in self.reason_buttons.items() if button.isChecked()]
        try:
            _score, reason = rules.check_rating(rules.DISSATISFIED,
                                                rules.reason_text(chosen, self.reason_edit.text()))
        except UserError:
            show_text(self.reason_error, QCoreApplication.translate("RatingWindow", "Please choose or type a reason."))
            return
        self._chosen(rules.DISSATISFIED, reason)

    def _chosen(self, score: int, reason: str | None) -> None:
        self.timer.stop()
        self.ticker.stop()
        self.countdown.setText("")
        self.pages.setEnabled(False)
        self.chosen.emit(score, reason)

    def thank(self) -> None:
        """The rating is stored: thanks, then the window closes."""
        self.thanks.setText(QCoreApplication.translate("RatingWindow", "Thank you for your rating!"))
        self.pages.setEnabled(True)
        self.pages.setCurrentIndex(2)
        self.ask.setText("")
        QTimer.singleShot(THANKS_MS, self.close)

    def time_out(self) -> None:
        """Untouched for the policy's time: nothing is stored."""
        self.ticker.stop()
        self.timedOut.emit()
        self.close()

    def _tick(self) -> None:
        self.left = max(0, self.left - 1)
        self._show_left()

    def _show_left(self) -> None:
        self.countdown.setText(QCoreApplication.translate("RatingWindow", "This window closes in {seconds} s").format(seconds=self.left))

    # -- showing ----------------------------------------------------------------------------
    def open_for_customer(self) -> None:
        """Full-size on the customer's monitor (see :func:`customer_screen`), the timer running."""
        screen = customer_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen(),
                                 this_pc_settings().rating_screen)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self._show_left()
        self.timer.start()
        self.ticker.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802
        shown = self.shown
        self.setWindowTitle(QCoreApplication.translate("RatingWindow", "Rate our service"))
        self.counter.setText(QCoreApplication.translate("RatingWindow", "Counter {number} {name}").format(number=shown.counter_number,
                                                                    name=shown.counter_name).strip())
        self.clerk.setText(QCoreApplication.translate("RatingWindow", "Served by {clerk}").format(clerk=shown.clerk))
        for score, button in self.score_buttons.items():
            button.setText(QCoreApplication.translate("ratings", rules.SCORE_LABELS[score]))
        for key, button in self.reason_buttons.items():
            button.setText(QCoreApplication.translate("ratings", key))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("RatingWindow", "Or tell us in your own words"))
        self.back_button.setText(QCoreApplication.translate("RatingWindow", "Back"))
        self.submit_button.setText(QCoreApplication.translate("RatingWindow", "Submit"))
        if self.pages.currentIndex() == 1:
            self.ask.setText(QCoreApplication.translate("RatingWindow", "Sorry! What went wrong?"))
        elif self.pages.currentIndex() == 0:
            self.ask.setText(QCoreApplication.translate("RatingWindow", "Ticket {number}: how was our service?").format(number=shown.ticket_number))
        if self.countdown.text():
            self._show_left()
        if self.pages.currentIndex() == 2:
            self.thanks.setText(QCoreApplication.translate("RatingWindow", "Thank you for your rating!"))


class RatingComplaintDialog(ComplaintDialog):
    """The care capability's complaint intake, prefilled with an 不满意's reason; accepting it
    links the complaint to the rating (one transaction)."""

    def __init__(self, store, actor, rating: RatingRow, parent: QWidget | None = None):
        super().__init__(store, actor, rating.customer_id or 0, rating.customer_label, parent)
        self.setObjectName("ratingComplaintDialog")
        self.rating = rating
        self.channel.setCurrentIndex(max(0, self.channel.findData("counter")))
        self.content.setPlainText(rating.reason or "")

    def submit(self) -> None:
        self.save(ratings.complain_from_rating, self.store, self.actor, self.rating.id,
                  channel=self.channel.currentData(), content=self.content.toPlainText(),
                  level=self.level.currentData())


def ask_for_rating(page, ticket) -> RatingWindow | None:
    """After ``page`` (the counter page) finished ``ticket``: the customer's window, with the
    rating saved off the GUI thread and, for an 不满意, the clerk's complaint offer. A window
    still open from the previous customer closes unrated. None when no rating can be taken
    (said on the clerk's screen)."""
    owner = page.window()
    for earlier in owner.findChildren(RatingWindow):
        earlier.time_out()
    store, actor = page.context.store, page.context.actor
    try:
        shown = ratings.rating_window(store, actor, ticket.id)
    except UserError as error:
        page.context.dialogs.info(page, QCoreApplication.translate("RatingWindow", "Rating"), error_text(error))
        return None
    window = RatingWindow(shown, owner)

    def saved(row: RatingRow) -> None:
        window.thank()
        if row.score == rules.DISSATISFIED:
            _offer_complaint(page, row)

    def failed(error: BaseException) -> None:
        window.close()
        page.show_error(error)

    def chosen(score: int, reason: str | None) -> None:
        page.run_command(lambda _progress: ratings.record_rating(store, actor, ticket.id, score=score, reason=reason),
                         saved, on_failure=failed)

    window.chosen.connect(chosen)
    window.open_for_customer()
    return window


def _offer_complaint(page, row: RatingRow) -> None:
    """On the clerk's screen: open a complaint with the customer's reason?"""
    title = QCoreApplication.translate("RatingWindow", "Customer dissatisfied")
    if row.customer_id is None:
        page.context.dialogs.info(page, title, QCoreApplication.translate("RatingWindow", 
            "Ticket {number} was rated dissatisfied: {reason}. It was issued to nobody known: if the customer "
            "wishes to complain, accept it from their record.").format(number=row.ticket_number, reason=row.reason))
        return
    if page.context.dialogs.confirm(page, title, QCoreApplication.translate("RatingWindow", 
            "Ticket {number} was rated dissatisfied: {reason}. Open a complaint with this reason?").format(
            number=row.ticket_number, reason=row.reason)):
        page.open_form(RatingComplaintDialog(page.context.store, page.context.actor, row, page), lambda _r: None)
