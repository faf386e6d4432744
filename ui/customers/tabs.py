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


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str                # English source text, context "CustomerTabs"
    factory: str              # "package.module:Class"
    permission: Permission | None = None

    def tab_class(self):
        module, _, name = self.factory.partition(":")
        return getattr(importlib.import_module(module), name)

    def translated_title(self) -> str:
        return QCoreApplication.translate("CustomerTabs", self.title)


CUSTOMER_TABS: tuple[TabSpec, ...] = (
    TabSpec("tier", QT_TRANSLATE_NOOP("CustomerTabs", "Tier && AUM"), "ui.tiers.customer_tab:TierTab",
            Permission.VIEW_CUSTOMERS),
    TabSpec("care", QT_TRANSLATE_NOOP("CustomerTabs", "Contacts && complaints"), "ui.care.customer_tab:CareTab",
            Permission.VIEW_CUSTOMERS),
    TabSpec("viewers", QT_TRANSLATE_NOOP("CustomerTabs", "Viewed by"), "ui.customers.viewers_tab:ViewersTab",
            Permission.VIEW_AUDIT),
    TabSpec("cards", QT_TRANSLATE_NOOP("CustomerTabs", "VIP cards"), "ui.cards.customer_tab:CardsTab",
            Permission.VIEW_CUSTOMERS),
)
