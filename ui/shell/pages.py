"""The page registry: every page of the main window, declared once, and what a page may do.

To add a capability's page, add one :class:`PageSpec` to :data:`PAGES`; the main window
shows it in the navigation to whoever holds ``permission`` and builds it (importing its
module) the first time it is opened. A page is a :class:`ui.page.Page`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.auth.permissions import Permission
from app.errors import UserError
from ui.page import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str               # English source text, context "Pages"
    factory: str             # "package.module:Class", imported when first opened
    permission: Permission | None = None  # None: every signed-in person
    any_of: frozenset[Permission] = frozenset()  # and, when set, at least one of these
    counter: str = ""        # "package.module:function(store, actor) -> int": a count shown beside the title

    def allowed(self, permissions: Iterable[Permission]) -> bool:
        held = set(permissions)
        return (self.permission is None or self.permission in held) and (
            not self.any_of or bool(held & self.any_of))

    def page_class(self) -> type[Page]:
        module, _, name = self.factory.partition(":")
        return getattr(importlib.import_module(module), name)

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    def count(self, store, actor) -> int:
        """What ``counter`` counts now (0 without one, or when the store cannot say)."""
        if not self.counter:
            return 0
        module, _, name = self.counter.partition(":")
        try:
            return int(getattr(importlib.import_module(module), name)(store, actor))
        except UserError:
            return 0


# Tier worklists and exceptions are for those who act on them (managers, relationship managers).
_TIER_WORK = frozenset({Permission.RUN_TIER_EVALUATION, Permission.PROPOSE_TIER_EXCEPTION,
                        Permission.APPROVE_TIER_EXCEPTION})
_CARD_WORK = frozenset({Permission.ISSUE_CARD, Permission.APPLY_FOR_CARD, Permission.SERVICE_CARDS,
                        Permission.APPROVE_CARD})

PAGES: tuple[PageSpec, ...] = (
    PageSpec("customers", QT_TRANSLATE_NOOP("Pages", "Customers"), "ui.customers.page:CustomersPage", None, frozenset({Permission.VIEW_CUSTOMERS, Permission.IMPORT_DATA, Permission.EXPORT_CUSTOMERS})),
    PageSpec("card_approvals", QT_TRANSLATE_NOOP("Pages", "Card approvals"), "ui.cards.page:ApprovalsPage",
             Permission.APPROVE_CARD, counter="app.cards.applications:awaiting_my_decision"),
    PageSpec("branches", QT_TRANSLATE_NOOP("Pages", "Branches"),
             "ui.branches.page:BranchesPage", Permission.MANAGE_BRANCHES),
    PageSpec("accounts", QT_TRANSLATE_NOOP("Pages", "Accounts"),
             "ui.accounts.page:AccountsPage", Permission.MANAGE_ACCOUNTS),
    PageSpec("audit", QT_TRANSLATE_NOOP("Pages", "Audit trail"),
             "ui.audit.page:AuditPage", Permission.VIEW_AUDIT),
    PageSpec("policy", QT_TRANSLATE_NOOP("Pages", "Sign-in policy"),
             "ui.policy.page:PolicyPage", Permission.EDIT_POLICY),
    PageSpec("tier_worklists", QT_TRANSLATE_NOOP("Pages", "Tier worklists"), "ui.tiers.worklists_page:TierWorklistsPage", Permission.VIEW_CUSTOMERS, _TIER_WORK),
    PageSpec("tier_exceptions", QT_TRANSLATE_NOOP("Pages", "Tier exceptions"), "ui.tiers.exceptions_page:TierExceptionsPage", Permission.VIEW_CUSTOMERS, _TIER_WORK),
    PageSpec("aum_import", QT_TRANSLATE_NOOP("Pages", "AUM import"), "ui.tiers.aum_page:AumImportPage", Permission.IMPORT_DATA),
    PageSpec("tier_policy", QT_TRANSLATE_NOOP("Pages", "Tier policy"), "ui.tiers.policy_page:TierPolicyPage", Permission.EDIT_POLICY),
    PageSpec("stock", QT_TRANSLATE_NOOP("Pages", "Blank-card stock"), "ui.stock.page:StockPage", Permission.VIEW_STOCK),
    PageSpec("care", QT_TRANSLATE_NOOP("Pages", "Customer care"), "ui.care.page:CarePage", Permission.CARE_FOR_CUSTOMERS),
    PageSpec("care_assignment", QT_TRANSLATE_NOOP("Pages", "Customer assignment"), "ui.care.assignment_page:AssignmentPage", Permission.ASSIGN_CUSTOMERS),
    PageSpec("care_dashboard", QT_TRANSLATE_NOOP("Pages", "Care dashboard"), "ui.care.dashboard_page:DashboardPage", Permission.VIEW_CARE_DASHBOARD),
    PageSpec("care_policy", QT_TRANSLATE_NOOP("Pages", "Care policy"), "ui.care.policy_page:CarePolicyPage", Permission.EDIT_POLICY),
    PageSpec("documents", QT_TRANSLATE_NOOP("Pages", "Documents"), "ui.documents.page:DocumentsPage", Permission.VIEW_DOCUMENTS),
    PageSpec("cards", QT_TRANSLATE_NOOP("Pages", "VIP cards"), "ui.cards.page:CardsPage", Permission.VIEW_CUSTOMERS, _CARD_WORK),
    PageSpec("card_policy", QT_TRANSLATE_NOOP("Pages", "Card products"), "ui.cards.page:CardPolicyPage", Permission.EDIT_POLICY),
    PageSpec("lobby", QT_TRANSLATE_NOOP("Pages", "Lobby queue"), "ui.queue.lobby:LobbyPage", None, frozenset({Permission.ISSUE_TICKETS, Permission.MANAGE_QUEUE})),
    PageSpec("counter", QT_TRANSLATE_NOOP("Pages", "Counter calling"), "ui.queue.counter:CounterPage", Permission.CALL_TICKETS),
    PageSpec("queue_stats", QT_TRANSLATE_NOOP("Pages", "Queue statistics"), "ui.queue.stats_page:QueueStatsPage", Permission.VIEW_QUEUE_STATS),
    PageSpec("clerk_performance", QT_TRANSLATE_NOOP("Pages", "Clerk performance"), "ui.queue.performance_page:ClerkPerformancePage", None, frozenset({Permission.VIEW_QUEUE_STATS, Permission.CALL_TICKETS})),
    PageSpec("queue_setup", QT_TRANSLATE_NOOP("Pages", "Queue setup"), "ui.queue.setup_page:QueueSetupPage", Permission.MANAGE_QUEUE),
    PageSpec("pc_settings", QT_TRANSLATE_NOOP("Pages", "This PC"), "ui.pcsettings.page:PcSettingsPage", Permission.EDIT_POLICY),
    PageSpec("me", QT_TRANSLATE_NOOP("Pages", "My account"), "ui.myaccount.page:MyAccountPage"),
)


def pages_for(permissions: Iterable[Permission], pages: Iterable[PageSpec] = PAGES) -> list[PageSpec]:
    """The pages someone holding ``permissions`` may open, in navigation order."""
    held = set(permissions)
    return [spec for spec in pages if spec.allowed(held)]
