"""Every page of every role at a counter PC's 1366x768: nothing a person must read is cut."""

from __future__ import annotations

import pytest

from tests.ui.screens import (
    COUNTER_PC, ROLES, bare_usernames, cut_short, dialogs_of, dressed, untranslated_codes, visible_tables,  # noqa: F401 - dressed is a fixture
    visible_texts, visit,
)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("username", ROLES)
def test_no_header_or_masked_value_is_cut_short(qtbot, dressed, main_window, language, username, lang):
    language.set(lang)
    window = main_window(username)
    window.resize(COUNTER_PC)
    problems = []
    for key, page in visit(window, qtbot):
        for view in visible_tables(page):
            problems += [f"{key}/{view.objectName()}: {p}" for p in cut_short(view)]
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("username", ROLES)
def test_every_dialog_of_every_page_reads_whole(qtbot, dressed, main_window, language, demo_store,
                                                 username, lang):
    """Every dialog a page's "…" button opens, at 1366x768: no header or masked value cut, no
    audit action shown by its code, and (in Chinese) no person named by their user name alone."""
    from app.demo import STAFF
    from ui.audit.labels import ACTIONS

    language.set(lang)
    window = main_window(username)
    window.resize(COUNTER_PC)
    people = {login: name for login, name, _branch, _roles in STAFF}
    problems, opened = [], 0
    for key, page in visit(window, qtbot):
        for button, dialog in dialogs_of(page, qtbot):
            opened += 1
            where = f"{key}/{button}/{dialog.objectName()}"
            for view in visible_tables(dialog):
                problems += [f"{where}/{view.objectName()}: {p}" for p in cut_short(view)]
            texts = [dialog.windowTitle(), *visible_texts(dialog)]
            problems += [f"{where}: action code in {t!r}" for t in untranslated_codes(texts, ACTIONS)]
            if lang == "zh_CN":
                problems += [f"{where}: {p}" for p in bare_usernames(texts, people)]
    assert opened, "no dialog was opened"
    assert not problems, "\n".join(sorted(set(problems)))
