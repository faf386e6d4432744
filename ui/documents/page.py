"""The documents page: one tab each for the register (reprint as a copy, attach a signed scan),
card paperwork to print, the verify box a handheld scanner types into, the reports and, for
administrators, the template editor. Every document opens in the preview, where it is printed
or saved."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.auth.permissions import Permission
from ui.document_viewer import DocumentViewer
from ui.documents.paperwork_tab import PaperworkTab
from ui.documents.register_tab import RegisterTab
from ui.documents.reports_tab import ReportsTab
from ui.documents.templates_tab import TemplatesTab
from ui.documents.verify_tab import VerifyTab
from ui.page import Page, PageContext


class DocumentsPage(Page):
    watches = frozenset({"document", "document_template", "card_paperwork"})

    def __init__(self, context: PageContext, parent: QWidget | None = None, printing=None):
        super().__init__(context, parent)
        actor = context.actor
        self.printing = printing
        self.viewer: DocumentViewer | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentsTabs")
        self.register_tab = RegisterTab(self, self.tabs)
        self.paperwork_tab = PaperworkTab(self, self.tabs)
        self.verify_tab = VerifyTab(self, self.tabs)
        self.reports_tab = ReportsTab(self, self.tabs)
        self.templates_tab = TemplatesTab(self, self.tabs)
        self.tabs.addTab(self.register_tab, "")
        self.paperwork_index = self.tabs.addTab(self.paperwork_tab, "")
        self.tabs.setTabVisible(self.paperwork_index, actor.may(Permission.VIEW_CUSTOMERS))
        self.verify_index = self.tabs.addTab(self.verify_tab, "")
        self.reports_index = self.tabs.addTab(self.reports_tab, "")
        self.tabs.setTabVisible(self.reports_index, self.reports_tab.shows_any)
        self.templates_index = self.tabs.addTab(self.templates_tab, "")
        self.may_edit = actor.may(Permission.EDIT_TEMPLATES)
        self.tabs.setTabVisible(self.templates_index, self.may_edit)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs, 1)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        for index, label in enumerate((self.tr("Register"), self.tr("Card paperwork"), self.tr("Verify"),
                                       self.tr("Reports"), self.tr("Templates"))):
            self.tabs.setTabText(index, label)
        for tab in (self.register_tab, self.paperwork_tab, self.verify_tab, self.reports_tab):
            tab.retranslateUi()
        if self.may_edit:
            self.templates_tab.retranslateUi()

    def refresh(self) -> None:
        self.register_tab.reload()
        if self.context.actor.may(Permission.VIEW_CUSTOMERS):
            self.paperwork_tab.reload()
        if self.may_edit:
            self.templates_tab.reload()

    def made(self, made) -> None:
        """A document was made here: the register shows it, the preview opens it."""
        self.register_tab.reload()
        self.open_viewer(made)

    def open_viewer(self, made) -> DocumentViewer:
        self.viewer = DocumentViewer(self.context.store, self.context.actor, made, self.context.dialogs,
                                     self.printing, self)
        self.viewer.committed.connect(self.publish)
        self.viewer.finished.connect(self.register_tab.reload)
        self.viewer.open()
        return self.viewer
