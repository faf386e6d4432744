"""The one place where texts that come from ``app`` become words on screen.

``app`` raises :class:`app.errors.UserError` with an English ``template`` (named ``{params}``)
and an English ``field`` label, and names roles and branch levels by enum. Each of these is
marked for translation in ``app`` with ``QT_TRANSLATE_NOOP(context, text)``; here they are
translated in that same context and only then formatted.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.auth.branches import LEVEL_LABELS, BranchLevel
from app.auth.permissions import ROLE_LABELS, Permission, Role
from app.cards.rules import APPLICATION_STATUS_LABELS, CARD_PARAMS, CARD_STATUS_LABELS, NO_CARD
from app.errors import UserError, ValidationErrors
from app.tiers.rules import CARD_TYPE_LABELS

ERRORS, FIELDS, ROLES, LEVELS = "errors", "fields", "roles", "levels"
CARD_STATUS_WORDS = {**APPLICATION_STATUS_LABELS, **CARD_STATUS_LABELS}

# PermissionDenied names the permission by its code in ``{action}``: say it in words.
PERMISSION_PHRASES = {
    Permission.MANAGE_BRANCHES: QT_TRANSLATE_NOOP("permissions", "manage branches"),
    Permission.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("permissions", "manage staff accounts"),
    Permission.EDIT_POLICY: QT_TRANSLATE_NOOP("permissions", "edit the sign-in policy"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("permissions", "view the audit trail"),
    Permission.EXPORT_AUDIT: QT_TRANSLATE_NOOP("permissions", "export the audit trail"),
    Permission.VIEW_CUSTOMERS: QT_TRANSLATE_NOOP("permissions", "find and open customer records"),
    Permission.EDIT_CUSTOMERS: QT_TRANSLATE_NOOP("permissions", "create and edit customer records"),
    Permission.REVEAL_PII: QT_TRANSLATE_NOOP("permissions", "show a masked ID number or phone in full"),
    Permission.EXPORT_CUSTOMERS: QT_TRANSLATE_NOOP("permissions", "export the customer list"),
    Permission.IMPORT_DATA: QT_TRANSLATE_NOOP("permissions", "import core-banking extracts"),
    Permission.RUN_TIER_EVALUATION: QT_TRANSLATE_NOOP("permissions", "run the tier evaluation"),
    Permission.PROPOSE_TIER_EXCEPTION: QT_TRANSLATE_NOOP("permissions", "propose a tier exception"),
    Permission.APPROVE_TIER_EXCEPTION: QT_TRANSLATE_NOOP("permissions", "approve a tier exception"),
    Permission.VIEW_STOCK: QT_TRANSLATE_NOOP("permissions", "view the blank-card stock"),
    Permission.RECEIVE_STOCK: QT_TRANSLATE_NOOP("permissions", "receive and hand out blank cards"),
    Permission.CONFIRM_STOCK_MOVE: QT_TRANSLATE_NOOP("permissions", "confirm a blank-card move"),
    Permission.MANAGE_STOCK: QT_TRANSLATE_NOOP("permissions", "count and sign off blank-card stock"),
    Permission.USE_DRAWER: QT_TRANSLATE_NOOP("permissions", "use a blank-card drawer"),
    Permission.CARE_FOR_CUSTOMERS: QT_TRANSLATE_NOOP("permissions", "record contacts and handle complaints"),
    Permission.ASSIGN_CUSTOMERS: QT_TRANSLATE_NOOP("permissions", "assign customers and complaints to staff"),
    Permission.VIEW_CARE_DASHBOARD: QT_TRANSLATE_NOOP("permissions", "view the care dashboard"),
    Permission.VIEW_DOCUMENTS: QT_TRANSLATE_NOOP("permissions", "see the document register and verify documents"),
    Permission.EDIT_TEMPLATES: QT_TRANSLATE_NOOP("permissions", "edit document templates"),
    Permission.APPLY_FOR_CARD: QT_TRANSLATE_NOOP("permissions", "enter a VIP card application"),
    Permission.APPROVE_CARD: QT_TRANSLATE_NOOP("permissions", "approve a VIP card application"),
    Permission.ISSUE_CARD: QT_TRANSLATE_NOOP("permissions", "issue a VIP card at the counter"),
    Permission.SERVICE_CARDS: QT_TRANSLATE_NOOP("permissions", "report a lost card, cancel a card or mark an agreement signed"),
    Permission.ISSUE_TICKETS: QT_TRANSLATE_NOOP("permissions", "issue queue tickets"),
    Permission.CALL_TICKETS: QT_TRANSLATE_NOOP("permissions", "call and serve queue tickets"),
    Permission.MANAGE_QUEUE: QT_TRANSLATE_NOOP("permissions", "manage the queue"),
    Permission.VIEW_QUEUE_STATS: QT_TRANSLATE_NOOP("permissions", "view queue statistics"),
}


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def field_label(field: str) -> str:
    """A field label from ``app`` (context "fields") in the current language."""
    return translate(FIELDS, field)


def role_label(role: Role | str) -> str:
    return translate(ROLES, ROLE_LABELS[Role(role)])


def roles_text(roles: Iterable[Role | str]) -> str:
    """Several roles on one line, in the current language's list style."""
    separator = translate("lists", ", ")
    return separator.join(role_label(r) for r in roles)


def level_label(level: BranchLevel | str) -> str:
    return translate(LEVELS, LEVEL_LABELS[BranchLevel(level)])


# Parameters that carry a text marked in ``app`` in a context of their own (a state's name...).
PARAM_CONTEXTS = {"state": "queue_states", "verb": "queue_actions"}


def _param(name: str, value: object) -> object:
    if name == "action" and value in {p.value for p in Permission}:
        phrase = PERMISSION_PHRASES.get(Permission(value))
        return translate("permissions", phrase) if phrase else value
    if name in CARD_PARAMS and value in CARD_TYPE_LABELS:  # a card type named by its code
        return translate("card_types", CARD_TYPE_LABELS[value])
    if name in CARD_PARAMS and value == NO_CARD:
        return translate("card_types", QT_TRANSLATE_NOOP("card_types", "no VIP card"))
    if name == "tier" and isinstance(value, str):  # a tier label of the policy
        return translate("tiers", value)
    if name == "status" and value in CARD_STATUS_WORDS:  # a card's or application's status
        return translate("card_status", CARD_STATUS_WORDS[value])
    if name in PARAM_CONTEXTS and isinstance(value, str):
        return translate(PARAM_CONTEXTS[name], value)
    return value


def error_text(error: UserError) -> str:
    """The whole message of ``error``, translated: "<field>: <reason>" or just the reason;
    several bad fields (:class:`ValidationErrors`) a line each."""
    if isinstance(error, ValidationErrors):
        return "\n".join(error_text(problem) for problem in error.problems)
    params = {name: _param(name, value) for name, value in error.params.items()}
    try:
        reason = translate(ERRORS, error.template).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        reason = error.template.format(**error.params)
    if not error.field:
        return reason
    return translate("errors", "{field}: {reason}").format(field=field_label(error.field), reason=reason)
