"""The permission table every service checks: which role may do what.

Roles are what an administrator assigns; permissions are what services ask for. Keeping the
mapping in one table makes "who may" reviewable at a glance and testable.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from app.errors import PermissionDenied, QT_TRANSLATE_NOOP


class Role(StrEnum):
    COUNTER_STAFF = "counter_staff"
    LOBBY_MANAGER = "lobby_manager"
    RELATIONSHIP_MANAGER = "relationship_manager"
    BRANCH_MANAGER = "branch_manager"
    CUSTODIAN = "custodian"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"
    SYSTEM = "system"  # command-line batch jobs; never assigned to a person


STAFF_ROLES = tuple(role for role in Role if role is not Role.SYSTEM)
# Who may look after customers (docs/domain.md: maintenance by AUM band, seed 003): the customer's
# "relationship manager" field names one of them.
KEEPER_ROLES = (Role.RELATIONSHIP_MANAGER, Role.LOBBY_MANAGER, Role.COUNTER_STAFF)

ROLE_LABELS = {
    Role.COUNTER_STAFF: QT_TRANSLATE_NOOP("roles", "Counter staff"),
    Role.LOBBY_MANAGER: QT_TRANSLATE_NOOP("roles", "Lobby manager"),
    Role.RELATIONSHIP_MANAGER: QT_TRANSLATE_NOOP("roles", "Relationship manager"),
    Role.BRANCH_MANAGER: QT_TRANSLATE_NOOP("roles", "Branch manager"),
    Role.CUSTODIAN: QT_TRANSLATE_NOOP("roles", "Custodian"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("roles", "Auditor"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("roles", "Administrator"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("roles", "Batch job"),
}


class Permission(StrEnum):
    MANAGE_BRANCHES = "manage_branches"
    MANAGE_ACCOUNTS = "manage_accounts"
    EDIT_POLICY = "edit_policy"              # sign-in, tier and masking policy
    VIEW_AUDIT = "view_audit"
    EXPORT_AUDIT = "export_audit"
    VIEW_CUSTOMERS = "view_customers"        # find and open customer records (masked)
    EDIT_CUSTOMERS = "edit_customers"        # create, edit, mark inactive
    REVEAL_PII = "reveal_pii"                # show one masked field in full (audited)
    IMPORT_DATA = "import_data"              # core-banking customer and AUM extracts
    EXPORT_CUSTOMERS = "export_customers"
    RUN_TIER_EVALUATION = "run_tier_evaluation"
    PROPOSE_TIER_EXCEPTION = "propose_tier_exception"
    APPROVE_TIER_EXCEPTION = "approve_tier_exception"
    VIEW_STOCK = "view_stock"                # blank-card stock, registers, a serial's history
    RECEIVE_STOCK = "receive_stock"          # receipt into the vault, transfers out of it, destruction
    CONFIRM_STOCK_MOVE = "confirm_stock_move"  # the second person of a dual-control stock move
    MANAGE_STOCK = "manage_stock"            # counts, day-end sign-off of any location, minimum levels
    USE_DRAWER = "use_drawer"                # one's own drawer: issue, spoil, hand back, sign off
    CARE_FOR_CUSTOMERS = "care_for_customers"  # today's worklist, contact records, complaints
    ASSIGN_CUSTOMERS = "assign_customers"    # assign customers and complaints, hand a book over
    VIEW_CARE_DASHBOARD = "view_care_dashboard"
    VIEW_DOCUMENTS = "view_documents"        # the document register, reprints, verifying a QR code
    EDIT_TEMPLATES = "edit_templates"        # the wording of documents (new template versions)
    APPLY_FOR_CARD = "apply_for_card"        # enter a VIP card application
    APPROVE_CARD = "approve_card"            # approve or reject another person's card application
    ISSUE_CARD = "issue_card"                # issue an approved card at the counter
    SERVICE_CARDS = "service_cards"          # report a loss, cancel, mark an agreement signed
    ISSUE_TICKETS = "issue_tickets"          # hand out queue numbers in the lobby
    CALL_TICKETS = "call_tickets"            # sign in at a counter, call and serve tickets
    MANAGE_QUEUE = "manage_queue"            # priorities, reservations, re-queue, counters, policy
    VIEW_QUEUE_STATS = "view_queue_stats"    # queue statistics and the tickets export


_FRONT_DESK = {Permission.VIEW_CUSTOMERS, Permission.EDIT_CUSTOMERS, Permission.VIEW_DOCUMENTS}
_CARE = Permission.CARE_FOR_CUSTOMERS
_STOCK_KEEPING = {Permission.VIEW_STOCK, Permission.RECEIVE_STOCK, Permission.CONFIRM_STOCK_MOVE,
                  Permission.MANAGE_STOCK, Permission.VIEW_DOCUMENTS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNTER_STAFF: frozenset(
        _FRONT_DESK | {Permission.VIEW_STOCK, Permission.CONFIRM_STOCK_MOVE, Permission.USE_DRAWER, _CARE,
                       Permission.APPLY_FOR_CARD, Permission.ISSUE_CARD, Permission.SERVICE_CARDS,
                       Permission.CALL_TICKETS}),
    Role.LOBBY_MANAGER: frozenset({Permission.VIEW_CUSTOMERS, _CARE, Permission.VIEW_DOCUMENTS,
                                   Permission.ISSUE_TICKETS, Permission.MANAGE_QUEUE, Permission.VIEW_QUEUE_STATS}),
    Role.RELATIONSHIP_MANAGER: frozenset(
        _FRONT_DESK | {Permission.REVEAL_PII, Permission.PROPOSE_TIER_EXCEPTION, _CARE, Permission.APPLY_FOR_CARD,
                       Permission.CALL_TICKETS}),
    Role.BRANCH_MANAGER: frozenset(
        _FRONT_DESK | {Permission.VIEW_AUDIT, Permission.REVEAL_PII, Permission.EXPORT_CUSTOMERS,
                       Permission.RUN_TIER_EVALUATION, Permission.APPROVE_TIER_EXCEPTION,
                       Permission.VIEW_STOCK, Permission.CONFIRM_STOCK_MOVE, Permission.MANAGE_STOCK,
                       _CARE, Permission.ASSIGN_CUSTOMERS, Permission.VIEW_CARE_DASHBOARD,
                       Permission.APPLY_FOR_CARD, Permission.APPROVE_CARD, Permission.SERVICE_CARDS,
                       Permission.ISSUE_TICKETS, Permission.MANAGE_QUEUE, Permission.VIEW_QUEUE_STATS}),
    Role.CUSTODIAN: frozenset(_STOCK_KEEPING),
    Role.AUDITOR: frozenset({Permission.VIEW_AUDIT, Permission.EXPORT_AUDIT, Permission.VIEW_CUSTOMERS,
                             Permission.VIEW_STOCK, Permission.VIEW_CARE_DASHBOARD, Permission.VIEW_DOCUMENTS,
                             Permission.VIEW_QUEUE_STATS}),
    Role.ADMINISTRATOR: frozenset(
        {Permission.MANAGE_BRANCHES, Permission.MANAGE_ACCOUNTS, Permission.EDIT_POLICY,
         Permission.IMPORT_DATA, Permission.EXPORT_CUSTOMERS, Permission.RUN_TIER_EVALUATION,
         Permission.VIEW_DOCUMENTS, Permission.EDIT_TEMPLATES}),
    Role.SYSTEM: frozenset(Permission),
}


def permissions_of(roles: frozenset[Role]) -> frozenset[Permission]:
    """Everything the holder of ``roles`` may do."""
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


class MayAct(Protocol):
    """Whoever acts (app.actor.Actor): all that :func:`require` asks of them."""

    def may(self, permission: Permission) -> bool: ...


def require(actor: MayAct, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` holds ``permission``."""
    if not actor.may(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "You do not have the permission to {action}."),
            action=permission.value)
