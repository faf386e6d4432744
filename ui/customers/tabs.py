"""The customer view's tabs: every capability that shows something about one customer adds ONE
:class:`TabSpec` to :data:`CUSTOMER_TABS` (as pages do in ``ui.shell.pages``).

A tab is a ``QWidget`` built as ``Class(store, actor, customer_id, parent)`` (its module is
imported only when a customer view opens) that fills itself for that customer and has a
``load(customer_id)`` method the view calls to refresh it after the record changed. It is shown
to whoever holds ``permission``; its title is English source text in the "CustomerTabs"
context (mark it with ``QT_TRANSLATE_NOOP``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.auth.permissions import Permission
from ui.widgets import with_mnemonic


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str                # English source text, context "CustomerTabs"
    factory: str              # "package.module:Class"
    permission: Permission | None = None
    mnemonic: str = ""        # Alt+this letter shows the tab

    def tab_class(self):
        module, _, name = self.factory.partition(":")
        return getattr(importlib.import_module(module), name)

    def translated_title(self) -> str:
        title = QCoreApplication.translate("CustomerTabs", self.title)
        return with_mnemonic(title, self.mnemonic) if self.mnemonic else title


CUSTOMER_TABS: tuple[TabSpec, ...] = (
    TabSpec("tier", QT_TRANSLATE_NOOP("CustomerTabs", "Tier && AUM"), "ui.tiers.customer_tab:TierTab",
            Permission.VIEW_CUSTOMERS, "T"),
    TabSpec("care", QT_TRANSLATE_NOOP("CustomerTabs", "Contacts && complaints"), "ui.care.customer_tab:CareTab",
            Permission.VIEW_CUSTOMERS, "C"),
    TabSpec("viewers", QT_TRANSLATE_NOOP("CustomerTabs", "Viewed by"), "ui.customers.viewers_tab:ViewersTab",
            Permission.VIEW_AUDIT, "W"),
    TabSpec("cards", QT_TRANSLATE_NOOP("CustomerTabs", "VIP cards"), "ui.cards.customer_tab:CardsTab",
            Permission.VIEW_CUSTOMERS, "D"),
)
