"""The glossary knows every audit action the app, the database and a sign-in can write."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.glossary import ACTION_FAMILIES, AUDIT_ACTIONS, AUDIT_ENTITIES, action_family, signin_user

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"[a-z_]+(\.[a-z_]+)+")
NOT_ACTIONS = {"documents.qr_key"}  # a setting's key that looks like an action


def _audit_calls():
    """(file, first argument) of every ``<something>.audit(...)`` call in app/."""
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "audit" and node.args:
                yield path.relative_to(ROOT), node.args[0], node.args[1] if len(node.args) > 1 else None


def _pattern(node: ast.JoinedStr) -> re.Pattern:
    parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z_]+" for v in node.values]
    return re.compile("".join(parts))


def test_every_literal_action_the_app_writes_is_named():
    unnamed, seen = [], 0
    for path, action, entity in _audit_calls():
        if isinstance(action, ast.Constant):
            seen += 1
            if action.value not in AUDIT_ACTIONS:
                unnamed.append(f"{path}: {action.value}")
        if isinstance(entity, ast.Constant) and entity.value not in AUDIT_ENTITIES:
            unnamed.append(f"{path}: record {entity.value}")
    assert seen > 50 and not unnamed, unnamed


def test_every_built_action_has_named_codes():
    for path, action, _entity in _audit_calls():
        if isinstance(action, ast.JoinedStr):
            pattern = _pattern(action)
            assert any(pattern.fullmatch(code) for code in AUDIT_ACTIONS), f"{path}: {pattern.pattern}"


@pytest.mark.parametrize("code", [
    "queue.recall", "queue.no_show", "queue.start", "queue.finish",
    "card.report_loss", "card.expire", "card.cancel", "card_application.approve", "card_application.reject",
    "stock.receive.confirm", "stock.receive.reject", "stock.transfer.confirm", "stock.transfer.reject",
    "stock.spoil", "stock.return", "customer.assign", "customer.hand_over", "customer.assign_by_rule",
    "complaint.assign", "complaint.investigate", "complaint.resolve", "complaint.close",
])
def test_actions_built_from_a_variable_are_named(code):
    assert code in AUDIT_ACTIONS


def test_every_action_code_in_the_app_source_is_named():
    """Action codes handed around as values ("customer.assign" given to a helper) count too."""
    families = tuple(ACTION_FAMILIES)
    unnamed = set()
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value) \
                    and node.value.startswith(families) and not node.value.endswith(".id") \
                    and node.value not in NOT_ACTIONS:
                if node.value not in AUDIT_ACTIONS:
                    unnamed.add(f"{path.relative_to(ROOT)}: {node.value}")
    assert not unnamed, sorted(unnamed)


def test_the_database_s_own_actions_are_named():
    """Written by triggers and functions of the migrations (a row changed with a SQL tool, a
    sign-in checked by the database, a stalled session ended)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "db" / "migrations").rglob("*.py"))
    written = set(re.findall(r"'((?:signin|session|account)\.[a-z_]+)'", text))
    assert written and written <= set(AUDIT_ACTIONS), written - set(AUDIT_ACTIONS)
    assert "'sql.' || lower(TG_OP)" in text
    assert {"sql.insert", "sql.update", "sql.delete"} <= set(AUDIT_ACTIONS)


def test_every_action_belongs_to_a_family():
    assert [code for code in AUDIT_ACTIONS if action_family(code) is None] == []
    assert action_family("card_application.submit") == "card"
    assert action_family("customer.view") == "customer."


def test_a_sign_in_attempt_names_the_user_typed():
    assert signin_user("signin:teller") == "teller"
    assert signin_user("teller") is None
