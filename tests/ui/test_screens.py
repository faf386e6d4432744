"""Every page of every role at a counter PC's 1366x768: nothing a person must read is cut."""

from __future__ import annotations

import pytest

from tests.ui.screens import dressed, COUNTER_PC, ROLES, cut_short, visible_tables, visit


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
