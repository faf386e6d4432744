"""Every translation catalogue calls a glossary term what the glossary calls it, and every
page of every role shows actions by name, never by code."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from app.glossary import ACTION_FAMILIES, AUDIT_ACTIONS, HOMONYMS, SIGNIN_ACTOR_PREFIX, TERMS
from PySide6.QtCore import Qt

from tests.ui.screens import ROLES, dressed, visible_tables, visible_texts, visit  # noqa: F401 - fixture
from ui.resources import resource_path

CODE = re.compile(r"(?<![\w.])[a-z_]+(?:\.[a-z_]+)+(?![\w.])")  # customer.view, not a file name


def _messages():
    for ts in sorted(resource_path("i18n").glob("*_zh_CN.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                yield ts.name, name, message.findtext("source"), message.findtext("translation") or ""


def test_every_catalogue_uses_the_glossary_s_words():
    wrong = [f"{ts} [{context}] {source!r} → {translation!r}, glossary: {TERMS[source]!r}"
             for ts, context, source, translation in _messages()
             if source in TERMS and (context, source) not in HOMONYMS and translation != TERMS[source]]
    assert not wrong, "\n".join(wrong)


def test_every_audit_action_is_translated():
    translated = {source for _ts, context, source, translation in _messages() if context == "audit" and translation}
    assert set(AUDIT_ACTIONS.values()) <= translated, set(AUDIT_ACTIONS.values()) - translated


def _recent_actions(store) -> None:
    """The actions the issue found shown as codes, freshly written so the trail's first page
    holds them: a look at a customer, a reveal, a sign-in attempt with an unknown name."""
    from sqlalchemy import select

    from app.auth.signin import sign_in
    from app.customers.records import open_customer, reveal
    from app.errors import AuthError
    from db.models import Customer
    from tests.db.helpers import actor_named

    manager = actor_named(store, "manager")
    with store.read() as session:
        customer_id = session.scalars(select(Customer.id).where(Customer.branch_id == manager.branch_id)).first()
    open_customer(store, manager, customer_id)
    reveal(store, manager, customer_id, "phone")
    with pytest.raises(AuthError):
        sign_in(store, "nobody-here", "wrong")


@pytest.mark.parametrize("username", ROLES)
def test_no_page_shows_an_action_code(qtbot, dressed, main_window, language, demo_store, username):  # noqa: F811
    _recent_actions(demo_store)
    language.set("zh_CN")
    window = main_window(username)
    shown = set()
    for key, page in visit(window, qtbot):
        for text in visible_texts(page):
            if SIGNIN_ACTOR_PREFIX in text or any(code.startswith(tuple(ACTION_FAMILIES))
                                                  for code in CODE.findall(text)):
                shown.add(f"{key}: {text[:80]!r}")
    assert not shown, "\n".join(sorted(shown))


# The card and stock pages still show user names (录入人, 审批人, 发卡柜员, 经办人, 复核/监销人):
# their rows are the other half of issue 24's work (app.auth.names.names_of does the lookup).
# The lead drops this set when that half lands.
USERNAMES = {"admin", "auditor", "manager", "teller", "teller2", "lobby", "advisor", "custodian", "custodian2"}


@pytest.mark.parametrize("username", ROLES)
def test_no_table_names_a_person_by_user_name(qtbot, dressed, main_window, language, username):  # noqa: F811
    """Where a table names who did something it shows the person (柜员 李娜), not a login."""
    language.set("zh_CN")
    window = main_window(username)
    shown = set()
    for key, page in visit(window, qtbot):
        if key == "accounts":
            continue  # the accounts page is where user names belong
        for view in visible_tables(page):
            model = view.model()
            for row in range(min(model.rowCount(), 200)):
                for column in range(model.columnCount()):
                    if str(model.index(row, column).data() or "") in USERNAMES:
                        shown.add(f"{key}/{view.objectName()}: "
                                  f"{model.headerData(column, Qt.Orientation.Horizontal)}")
    assert not shown, "\n".join(sorted(shown))
