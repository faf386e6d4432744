"""The on-the-spot authorisation dialog (现场授权): the second person types their user name and
password on the signed-in person's PC. What they authorise is one service call that takes
those credentials (for example ``app.stock.moves.confirm_on_the_spot``), which checks them as
their own sign-in and acts as them; a refusal (wrong password, locked account, the same person)
stays in the dialog, the password cleared."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.auth.countersign import AUTHORISED_BY
from app.errors import AuthError
from ui.forms import FormDialog
from ui.messages import field_label
from ui.widgets import password_edit


class CountersignDialog(FormDialog):
    """``authorise(username, password)`` runs the action as the person who types them here."""

    def __init__(self, summary: str, authorise: Callable[[str, str], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("countersignDialog")
        self.summary, self.authorise = summary, authorise
        self.username = self.add_row("username", QLineEdit(self), AUTHORISED_BY)
        self.username.setObjectName("checkerUsername")
        self.password = self.add_row("password", password_edit(self))
        self.password.setObjectName("checkerPassword")
        self.retranslateUi()
        self.username.setFocus()

    def submit(self) -> None:
        """Enter after the user name goes on to the password (the line edit passes Enter to the
        dialog's default button, which would send the form without one); else authorise."""
        if self.username.hasFocus() and not self.password.text():
            self.password.setFocus()
            return
        self.save(self.authorise, self.username.text(), self.password.text())

    def failed(self, error: BaseException) -> None:
        self.password.clear()
        super().failed(error)
        if isinstance(error, AuthError):
            self.password.setFocus()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("Authorise on the spot"))
        self.set_intro(self.summary + "\n" + self.tr(
            "The second person enters their own user name and password here. It is checked as their "
            "sign-in and recorded in their name."))
        self.set_label("username", field_label(AUTHORISED_BY))
        self.set_label("password", self.tr("Their password"))
        self.set_ok_text(self.tr("Authorise"))
