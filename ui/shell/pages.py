"""The page registry: every page of the main window, declared once, and what a page may do.

To add a capability's page, add one :class:`PageSpec` to :data:`PAGES`; the main window
shows it in the navigation to whoever holds ``permission`` and builds it (importing its
module) the first time it is opened. A page is a :class:`Page`: it gets a
:class:`PageContext` and talks to the rest of the window only through its signals:

- ``changed(topics)`` after it changed something, so other pages that ``watch`` one of the
  topics reload when they are next shown (every change is also an "audit" change);
- ``sessionEnded(message)`` when a service says the signed-in account may no longer act;
- ``actorChanged(actor)`` when the signed-in person's own details changed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QWidget

from app.auth.permissions import Permission
from app.auth.gate import SignedIn
from app.errors import SessionExpired, UserError
from ui.dialogs import Dialogs
from ui.messages import error_text
from ui.tables import fit_tables

# Topics a page's ``changed`` names and other pages ``watch``.
BRANCHES, ACCOUNTS, POLICY, AUDIT, ME = "branches", "accounts", "policy", "audit", "me"


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
    PageSpec("card_approvals", QT_TRANSLATE_NOOP("Pages", "Card approvals"), "ui.cards.page:ApprovalsPage",
             Permission.APPROVE_CARD, counter="app.cards.applications:awaiting_my_decision"),
    PageSpec("card_policy", QT_TRANSLATE_NOOP("Pages", "Card products"), "ui.cards.page:CardPolicyPage", Permission.EDIT_POLICY),
    PageSpec("lobby", QT_TRANSLATE_NOOP("Pages", "Lobby queue"), "ui.queue.lobby:LobbyPage", None, frozenset({Permission.ISSUE_TICKETS, Permission.MANAGE_QUEUE})),
    PageSpec("counter", QT_TRANSLATE_NOOP("Pages", "Counter calling"), "ui.queue.counter:CounterPage", Permission.CALL_TICKETS),
    PageSpec("queue_stats", QT_TRANSLATE_NOOP("Pages", "Queue statistics"), "ui.queue.stats_page:QueueStatsPage", Permission.VIEW_QUEUE_STATS),
    PageSpec("queue_setup", QT_TRANSLATE_NOOP("Pages", "Queue setup"), "ui.queue.setup_page:QueueSetupPage", Permission.MANAGE_QUEUE),
    PageSpec("pc_settings", QT_TRANSLATE_NOOP("Pages", "This PC"), "ui.pcsettings.page:PcSettingsPage", Permission.EDIT_POLICY),
    PageSpec("me", QT_TRANSLATE_NOOP("Pages", "My account"), "ui.myaccount.page:MyAccountPage"),
)


def pages_for(permissions: Iterable[Permission], pages: Iterable[PageSpec] = PAGES) -> list[PageSpec]:
    """The pages someone holding ``permissions`` may open, in navigation order."""
    held = set(permissions)
    return [spec for spec in pages if spec.allowed(held)]


@dataclass
class PageContext:
    """What a page needs: the signed-in session (replaced when the actor changes) and dialogs."""

    session: SignedIn
    dialogs: Dialogs

    @property
    def store(self):
        return self.session.store

    @property
    def actor(self):
        return self.session.actor


class Page(QWidget):
    """Base of every page. Subclasses build their widgets, implement ``refresh`` and
    ``retranslateUi``, and set ``watches`` to the topics they show."""

    changed = Signal(object)       # frozenset[str]
    sessionEnded = Signal(str)
    actorChanged = Signal(object)  # Actor

    watches: frozenset[str] = frozenset()

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.dialog = None  # the form dialog open on this page, if any
        self._stale = True

    def open_form(self, dialog, on_saved):
        """Open a :class:`ui.forms.FormDialog` window-modally: ``on_saved`` gets its result, a
        conflict reloads the page, an ended session is passed on."""
        dialog.saved.connect(on_saved)
        dialog.conflicted.connect(self.refresh)
        dialog.sessionEnded.connect(self.sessionEnded)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        fit_tables(dialog)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        """Reload what the page shows from the store."""

    def focus_widget(self) -> QWidget | None:
        """Where the keyboard starts when the page opens the session (the search box)."""
        return None

    def retranslateUi(self) -> None:  # noqa: N802 - Qt naming
        """Set every visible text in the current language."""

    def on_changed(self, topics: frozenset[str]) -> None:
        """Another page changed ``topics``: reload now if shown, else when next shown."""
        if topics & self.watches:
            self._stale = True
            if self.isVisible():
                self.activate()

    def activate(self) -> None:
        """The page is being shown: reload it if something it shows may have changed."""
        if self._stale:
            self._stale = False
            self.refresh()

    def announce(self, *topics: str) -> None:
        self.changed.emit(frozenset(topics) | {AUDIT})

    def handle_error(self, error: BaseException, title: str | None = None) -> bool:
        """Show an app error; an ended session is signalled. Returns False for a bug (re-raise)."""
        if isinstance(error, SessionExpired):
            self.sessionEnded.emit(error_text(error))
            return True
        if not isinstance(error, UserError):
            return False
        heading = title or QCoreApplication.translate("Page", "Could not complete the action")
        self.context.dialogs.warn(self, heading, error_text(error))
        return True

    def show_error(self, error: BaseException) -> None:
        """``on_failure`` for background work: shows app errors, re-raises anything else."""
        if not self.handle_error(error):
            raise error

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
