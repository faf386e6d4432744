"""Branches page: the subtree as a tree, add a child branch, edit, conflicts."""

import pytest

from app.auth.branches import BranchLevel, list_branches, update_branch
from tests.ui.saving import submit


@pytest.fixture
def page(main_window):
    return main_window("admin").open_page("branches")


def test_the_tree_shows_the_subtree(page):
    assert page.tree.topLevelItemCount() == 1
    top = page.tree.topLevelItem(0)
    assert (top.text(0), top.text(1), top.text(2)) == ("总行", "HO", "Head office")
    assert len(list(page._items())) == 8


def test_add_a_child_branch(qtbot, page, demo_store, login_as):
    assert page.select_code("BJ0101")
    dialog = page.add_child()
    assert [dialog.level.itemText(i) for i in range(dialog.level.count())] == ["Outlet"]
    dialog.code.setText("bj 0103")
    dialog.name.setText("三里屯网点")
    submit(dialog)
    assert dialog.error.text() == "Branch code: must be 2 to 16 letters or digits"
    assert dialog.code.property("invalid") is True
    dialog.code.setText("BJ010103")
    dialog.address.setText("北京市朝阳区三里屯路 1 号")
    with qtbot.waitSignal(dialog.saved):
        submit(dialog)
    assert page.selected().code == "BJ010103"
    assert page.tree.currentItem().parent().text(1) == "BJ0101"
    created = next(b for b in list_branches(demo_store, login_as("admin").actor) if b.code == "BJ010103")
    assert created.level is BranchLevel.OUTLET and created.address == "北京市朝阳区三里屯路 1 号"


def test_an_outlet_has_no_children(page):
    page.select_code("BJ010101")
    assert not page.add_button.isEnabled()


def test_edit_a_branch_and_mark_it_inactive(qtbot, page):
    page.select_code("BJ0102")
    dialog = page.edit_selected()
    assert dialog.code.isReadOnly()
    dialog.name.setText("北京海淀中关村支行")
    dialog.phone.setText("010-8888 0000")
    dialog.active.setChecked(False)
    with qtbot.waitSignal(dialog.saved):
        submit(dialog)
    item = page.tree.currentItem()
    assert (item.text(0), item.text(4), item.text(5)) == ("北京海淀中关村支行", "010-8888 0000", "Inactive")


def test_a_conflicting_edit_says_reload(qtbot, page, demo_store, login_as):
    admin = login_as("admin").actor
    page.select_code("SH0101")
    dialog = page.edit_selected()
    row = page.selected()
    update_branch(demo_store, admin, row.id, expected_version=row.version, name="上海陆家嘴支行")
    dialog.name.setText("上海浦东新区支行")
    with qtbot.waitSignal(dialog.conflicted):
        submit(dialog)
    assert "changed by someone else" in dialog.error.text()
    assert dialog.name.text() == "上海浦东新区支行"
    assert page.selected().name == "上海陆家嘴支行"
