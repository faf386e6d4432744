"""Words for the audit trail, from the glossary (:mod:`app.glossary`), in the current language:
actions, records, the fields of an event's detail and who acted. An unknown code is shown as
it is (the glossary test keeps every code the app writes known)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from app.glossary import ACTION_FAMILIES, AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_FIELDS, SETTINGS, signin_user
from ui.messages import role_label

CONTEXT = "audit"
ACTIONS, ACTION_GROUPS, ENTITIES = AUDIT_ACTIONS, ACTION_FAMILIES, AUDIT_ENTITIES


def action_label(code: str) -> str:
    text = ACTIONS.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code


def entity_label(code: str) -> str:
    text = ENTITIES.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code


def record_id_label(entity: str, entity_id: str) -> str:
    """A record's ID as shown; a setting by its name (its key is a code)."""
    if entity == "setting" and entity_id in SETTINGS:
        return QCoreApplication.translate(CONTEXT, SETTINGS[entity_id])
    return entity_id


def group_label(prefix: str) -> str:
    return QCoreApplication.translate(CONTEXT, ACTION_GROUPS[prefix])


def field_label(key: str) -> str:
    text = AUDIT_FIELDS.get(key)
    return QCoreApplication.translate("audit_fields", text) if text else key


def actor_label(actor_name: str, display_name: str) -> str:
    """Who acted, by name: "柜员 李娜"; a sign-in attempt "Sign-in as 柜员 李娜" (the typed
    user name when no account has it); a batch job by its name."""
    typed = signin_user(actor_name)
    if typed is not None:
        return QCoreApplication.translate("audit", "Sign-in as {name}").format(name=display_name or typed)
    return display_name or actor_name


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("audit", "yes") if value else QCoreApplication.translate("audit", "no")
    if isinstance(value, list):
        return "、".join(_value(v) for v in value) if value else "—"
    if isinstance(value, dict):
        return "; ".join(_one(field_label(k), _value(v)) for k, v in value.items()) if value else "—"
    return str(value)


def _named(fields: dict) -> dict:
    """Values with a name of their own (roles) by that name."""
    if isinstance(fields.get("roles"), list):
        return {**fields, "roles": [_role(code) for code in fields["roles"]]}
    return fields


def _role(code) -> str:
    try:
        return role_label(code)
    except (KeyError, ValueError):
        return str(code)


def _one(field: str, value: str) -> str:
    return QCoreApplication.translate("audit", "{field}: {value}").format(field=field, value=value)


def _fields(text: str) -> dict | None:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else {"value": value}


def change_lines(before: str, after: str) -> list[str]:
    """An event's before and after as one line per field, "Status: submitted → approved"; a
    field only written, "Status: approved". Anything stored that is not a JSON object is shown as it is."""
    old, new = _fields(before), _fields(after)
    if old is None or new is None:
        return [text for text in (before, after) if text]
    old, new = _named(old), _named(new)
    lines = []
    for key in list(old) + [k for k in new if k not in old]:
        label = field_label(key)
        if key in old and key in new:
            if old[key] == new[key]:
                lines.append(_one(label, _value(new[key])))
            else:
                lines.append(QCoreApplication.translate("audit", "{field}: {before} → {after}").format(
                    field=label, before=_value(old[key]), after=_value(new[key])))
        elif key in new:
            lines.append(_one(label, _value(new[key])))
        else:
            lines.append(QCoreApplication.translate("audit", "{field}: {value} (removed)").format(
                field=label, value=_value(old[key])))
    return lines
