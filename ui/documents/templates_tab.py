"""The documents page's template editor (administrators): the wording of every document, each
saved as a new version that new documents use from then on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from app.documents import templates as tpl
from app.errors import UserError
from ui.messages import translate
from ui.widgets import named_button, styled_label


class TemplatesTab(QWidget):
    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        self.template_list = QListWidget(self)
        self.template_list.setObjectName("templateList")
        self.template_list.setMaximumWidth(260)
        self.template_edit = QPlainTextEdit(self)
        self.template_edit.setObjectName("templateText")
        self.template_hint = styled_label("hint", self, wrap=True)
        self.template_hint.setObjectName("templateHint")
        self.save_button = named_button(self, "saveTemplate")
        self.revert_button = named_button(self, "revertTemplate")
        right = QVBoxLayout()
        right.addWidget(self.template_edit, 1)
        right.addWidget(self.template_hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        right.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.template_list)
        layout.addLayout(right, 1)
        self.template_list.currentItemChanged.connect(self.show_template)
        self.save_button.clicked.connect(self.save_template)
        self.revert_button.clicked.connect(self.show_template)

    def retranslateUi(self) -> None:  # noqa: N802
        self.save_button.setText(self.tr("Save as new version"))
        self.revert_button.setText(self.tr("Undo changes"))
        self.reload()

    def reload(self) -> None:
        """List the templates again, keeping the one chosen."""
        item = self.template_list.currentItem()
        current = item.data(Qt.ItemDataRole.UserRole) if item else None
        try:
            rows = tpl.list_templates(self.page.context.store, self.page.context.actor)
        except UserError as error:
            self.page.show_error(error)
            return
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for row in rows:
            source = self.tr("edited") if row.source == "edited" else self.tr("shipped")
            item = QListWidgetItem(self.tr("{name} (v{version}, {source})").format(
                name=translate("documents", tpl.TEMPLATE_LABELS[row.key]), version=row.version, source=source))
            item.setData(Qt.ItemDataRole.UserRole, row.key)
            self.template_list.addItem(item)
            if row.key == current:
                self.template_list.setCurrentItem(item)
        self.template_list.blockSignals(False)
        if self.template_list.currentItem() is None and self.template_list.count():
            self.template_list.setCurrentRow(0)
        else:
            self.show_template()

    def template_key(self) -> str | None:
        item = self.template_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_template(self, *_args) -> None:
        key = self.template_key()
        if key is None:
            return
        try:
            self.template_edit.setPlainText(tpl.template_text(self.page.context.store, self.page.context.actor, key))
        except UserError as error:
            self.page.show_error(error)
            return
        allowed = " ".join("{" + name + "}" for name in sorted(tpl.FIELDS[key])) or self.tr("none")
        self.template_hint.setText(self.tr("Placeholders this template may use: {names}").format(names=allowed))

    def save_template(self) -> None:
        key = self.template_key()
        if key is None:
            return
        context = self.page.context
        try:
            saved = self.page.command(lambda: tpl.save_template(context.store, context.actor, key,
                                                                self.template_edit.toPlainText()))
        except UserError as error:
            self.page.show_error(error)
            return
        context.dialogs.info(self, self.tr("Template saved"), self.tr(
            "Version {version} of this template is used for new documents from now on; documents already made "
            "keep the version they were made with.").format(version=saved.version))
        self.reload()
