"""The documents page's verify tab: the box a handheld scanner types a printed QR code into,
and the verdict (genuine, with what the document is; altered; unknown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.documents.qr import Status
from app.documents.verify import verify_document
from app.errors import UserError
from ui.documents.models import kind_text
from ui.formatting import local_time
from ui.widgets import named_button, styled_label


class VerifyTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.label = QLabel(self)
        self.payload_edit = QLineEdit(self)
        self.payload_edit.setObjectName("verifyPayload")
        self.verify_button = named_button(self, "verifyDocument")
        self.verdict = styled_label("title", self, wrap=True)
        self.verdict.setObjectName("verifyVerdict")
        self.verdict_details = QLabel(self)
        self.verdict_details.setObjectName("verifyDetails")
        self.verdict_details.setWordWrap(True)
        self.verdict_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.payload_edit, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.verdict_details)
        layout.addStretch(1)
        self.payload_edit.returnPressed.connect(self.verify_payload)
        self.verify_button.clicked.connect(self.verify_payload)

    def retranslateUi(self) -> None:  # noqa: N802
        self.label.setText(self.tr("Scan the QR code of a printed document (or type what it says), then press Enter."))
        self.payload_edit.setPlaceholderText(self.tr("The text of the QR code"))
        self.verify_button.setText(self.tr("Verify"))

    def verify_payload(self) -> None:
        text = self.payload_edit.text()
        if not text.strip():
            return
        try:
            verdict = verify_document(self.page.context.store, self.page.context.actor, text)
        except UserError as error:
            self.page.show_error(error)
            return
        self.show_verdict(verdict)
        self.payload_edit.selectAll()

    def show_verdict(self, verdict) -> None:
        titles = {Status.GENUINE: self.tr("Genuine"), Status.ALTERED: self.tr("Altered or damaged"),
                  Status.UNKNOWN: self.tr("Unknown")}
        self.verdict.setText(titles[verdict.status])
        self.verdict.setProperty("role", "title" if verdict.genuine else "error")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        d = verdict.described
        if verdict.genuine and d is not None:
            lines = [self.tr("What: {kind} — {subject}").format(kind=kind_text(d.kind), subject=d.subject)]
            if d.number:
                number = d.number + (self.tr(" (item {item} of {items})").format(item=d.item, items=d.items)
                                     if d.item else "")
                lines.append(self.tr("Document No.: {number}").format(number=number))
            if d.copy:
                lines.append(self.tr("This is a reprinted copy."))
            if d.made_at is not None:
                lines.append(self.tr("Made {time} by {person} at {branch}").format(
                    time=local_time(d.made_at), person=d.made_by, branch=d.branch_code))
            if d.template:
                lines.append(self.tr("Template: {template}").format(template=d.template))
            self.verdict_details.setText("\n".join(lines))
        else:
            self.verdict_details.setText(QCoreApplication.translate("errors", verdict.reason).format(
                kind=verdict.kind))
