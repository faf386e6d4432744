"""Building blocks for form dialogs: labelled rows, an error line that names the field, saving.

A :class:`FormDialog` keeps what the user typed when a save fails: the translated reason is
shown under the form, the field it names is outlined, and the dialog stays open. Base classes
here translate with an explicit context (PySide's ``self.tr`` takes the context from the
runtime class, which would not match in a subclass). A save runs off the GUI thread (a store
that takes seconds to answer never freezes the window) and reports the tables it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.changes import Outcome, recorded
from app.errors import ConflictError, SessionExpired, UserError, ValidationErrors
from ui.background import Task, run_in_background
from ui.messages import error_text
from ui.widgets import error_label, set_invalid


class FormDialog(QDialog):
    """A form with an error line and OK/Cancel; subclasses build rows and implement ``submit``."""

    conflicted = Signal()        # someone else changed the record first: the page reloads
    sessionEnded = Signal(str)   # the signed-in account was disabled or locked meanwhile
    saved = Signal(object)       # the service's result, after a successful save
    committed = Signal(object)   # frozenset[str]: the tables the save changed (before ``saved``)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(True)
        self.setMinimumWidth(460)
        self.columns = QHBoxLayout()
        self.columns.setSpacing(28)
        self.form = self._new_column()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.columns)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.result_value: Any = None
        self.saving: Task | None = None   # the save under way, if any
        self._focused: QWidget | None = None

    # -- building -------------------------------------------------------------------------
    def _new_column(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        self.columns.addLayout(form, 1)
        return form

    def next_column(self) -> None:
        """Put the rows added from now on in a new column to the right (a long form still fits
        a 1366×768 screen)."""
        self.form = self._new_column()

    def add_row(self, key: str, widget: QWidget, field: str | None = None) -> QWidget:
        """Add ``widget`` with a label keyed ``key``; ``field`` is the app's field label that
        a ValidationError names for it (so the widget gets outlined)."""
        if isinstance(widget, QComboBox):  # combo boxes do not grow in a form by themselves
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        elif isinstance(widget, QLabel):   # nor do labels: a wrapped one would wrap at its hint
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label = QLabel(self)
        label.setBuddy(widget)
        self._labels[key] = label
        self.form.addRow(label, widget)
        if field:
            self._fields[field] = widget
        return widget

    def set_label(self, key: str, text: str) -> None:
        self._labels[key].setText(text)

    def set_ok_text(self, text: str) -> None:
        self.ok_button.setText(text)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))
        self.fit_contents()

    def fit_contents(self) -> None:
        """Grow (never shrink) so that every message shows whole: a wrapped reason or verdict
        needs more height at the dialog's width than the layout asked for when it opened."""
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        width = max(self.width(), layout.minimumSize().width())
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if needed > self.height() or width > self.width():
            self.resize(width, max(needed, self.height()))

    # -- errors -----------------------------------------------------------------------------
    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)
        for widget in self._fields.values():
            set_invalid(widget, False)

    def show_error(self, problem: UserError | str, widget: QWidget | None = None) -> None:
        """Show ``problem`` (an app error or a ready text) and outline the field it names; for
        several bad fields (:class:`ValidationErrors`) every one, a line each, the first focused."""
        self.clear_error()
        problems = problem.problems if isinstance(problem, ValidationErrors) else [problem]
        self.error.setText(problem if isinstance(problem, str) else error_text(problem))
        self.error.setVisible(True)
        self.fit_contents()
        widgets = [widget] if widget is not None else [
            self._fields.get(p.field) for p in problems if isinstance(p, UserError) and p.field]
        widgets = [w for w in widgets if w is not None]
        for outlined in widgets:
            set_invalid(outlined, True)
        if widgets:
            widgets[0].setFocus()

    def failed(self, error: BaseException) -> None:
        """What a failed save does: conflicts and ended sessions are signalled to the page."""
        if isinstance(error, SessionExpired):
            self.sessionEnded.emit(error_text(error))
            self.reject()
            return
        if not isinstance(error, UserError):
            raise error
        self.show_error(error)
        if isinstance(error, ConflictError):
            self.conflicted.emit()

    # -- saving -----------------------------------------------------------------------------
    def save(self, service: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Call ``service(*args, **kwargs)`` off the GUI thread; then accept with its result,
        having reported what it changed, or show why it failed. The arguments are read from the
        fields here, on the GUI thread (the worker never touches a widget); the form is disabled
        until the answer is back."""
        self.clear_error()
        self._focused = self.focusWidget()   # disabling the form takes the focus away
        self.saving = run_in_background(self, lambda _progress: recorded(lambda: service(*args, **kwargs)),
                                        on_success=self._succeeded, on_failure=self._failed_saving, busy=[self])
        return self.saving

    def _succeeded(self, outcome: Outcome) -> None:
        self.saving = None
        self.result_value = outcome.result
        self.committed.emit(outcome.changes)
        self.saved.emit(outcome.result)
        self.accept()

    def _failed_saving(self, error: BaseException) -> None:
        self.saving = None
        if self._focused is not None:
            self._focused.setFocus()   # where the person was typing, unless the error names a field
        self.failed(error)

    def submit(self) -> None:
        """Every dialog overrides this: clean its fields and call :meth:`save` with the service call."""

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        """Subclasses set every text here; the base only names the buttons it owns."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Open with the keyboard in the first field the person fills, not on OK (Qt's choice
        for a dialog nobody focused): typed or scanned characters land in the form, and Enter
        does not send it empty."""
        if self.focusWidget() is None:
            first = self._first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def _first_field(self) -> QWidget | None:
        widget = self.nextInFocusChain()
        while widget is not self:
            editable = not (isinstance(widget, QLineEdit) and widget.isReadOnly())
            if (editable and not self.buttons.isAncestorOf(widget) and widget.isVisibleTo(self)
                    and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                return widget
            widget = widget.nextInFocusChain()
        return None


def passwords_differ_text() -> str:
    return QCoreApplication.translate("FormDialog", "The two passwords are not the same.")
