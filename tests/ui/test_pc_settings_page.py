"""This PC's settings in the GUI: the administrator's page writes the file (a password to the
keyring, never the file; a bad value named, nothing written), and the screens that use a
setting read it: the counter page's PC name and counter, the lobby display's monitor, the A4
printer."""

from __future__ import annotations


from app.pcsettings.fields import PcSettings
from app.pcsettings.file import read_file, write_file
from app.pcsettings.secret import SERVICE
from ui.this_pc import chosen_printer
from ui.queue.display import target_screen


def _page(main_window):
    page = main_window("admin").open_page("pc_settings")
    page.refresh()
    return page


def test_the_page_shows_the_file_and_saves_it(main_window, settings_file, memory_keyring, monkeypatch):
    write_file(settings_file, PcSettings(pc_name="VIP-PC-01", language="en"))
    monkeypatch.setenv("VIPDESK_LANG", "zh_CN")
    page = _page(main_window)
    assert page.inputs["pc_name"].text() == "VIP-PC-01"
    assert page.inputs["language"].currentData() == "en"
    assert str(settings_file) in page.where.text() and "MemoryKeyring" in page.where.text()
    assert "VIPDESK_LANG" in page.overridden.text() and page.overridden.isVisibleTo(page)

    page.inputs["store_url"].setText("postgresql://vipdesk_signin:pa55@db.branch/vipdesk?sslmode=verify-full")
    page.inputs["counter"].setText("t1")
    page.inputs["lobby_screen"].setEditText("1")
    page.inputs["language"].setCurrentIndex(page.inputs["language"].findData("zh_CN"))
    assert page.save()
    assert read_file(settings_file) == PcSettings(
        store_url="postgresql://vipdesk_signin@db.branch/vipdesk?sslmode=verify-full", pc_name="VIP-PC-01",
        counter="T1", lobby_screen="1", language="zh_CN")
    assert "pa55" not in settings_file.read_text(encoding="utf-8")
    assert memory_keyring.items == {(SERVICE, "vipdesk_signin@db.branch:5432/vipdesk"): "pa55"}
    assert page.inputs["store_url"].text().startswith("postgresql://vipdesk_signin@db.branch/")
    assert page.saved_label.isVisibleTo(page)


def test_a_bad_value_is_named_and_nothing_is_written(main_window, settings_file, memory_keyring):
    write_file(settings_file, PcSettings(counter="T1"))
    before = settings_file.read_text(encoding="utf-8")
    page = _page(main_window)
    page.inputs["counter"].setText("T 1")
    assert not page.save()
    assert page.error.text().startswith("Counter: ") and page.inputs["counter"].property("invalid")
    assert settings_file.read_text(encoding="utf-8") == before


def test_without_a_keyring_a_password_is_refused(main_window, settings_file):
    page = _page(main_window)  # the tests' PC has no keyring (tests/conftest.py)
    assert "no system keyring" in page.where.text()
    page.inputs["store_url"].setText("postgresql://vipdesk_signin:pa55@db.branch/vipdesk")
    assert not page.save()
    assert "pgpass" in page.error.text() and page.inputs["store_url"].property("invalid")
    assert not settings_file.exists()


def test_a_file_only_it_may_write_is_said_so(main_window, settings_file, monkeypatch):
    monkeypatch.setenv("VIPDESK_SETTINGS", str(settings_file.parent / "not-a-folder" / "vipdesk.ini"))
    settings_file.parent.mkdir()
    (settings_file.parent / "not-a-folder").write_text("a file where the folder should be")
    page = _page(main_window)
    page.inputs["pc_name"].setText("VIP-PC-02")
    assert not page.save()
    assert "could not be written" in page.error.text() and "Ask IT" in page.error.text()


def test_the_counter_page_uses_the_pc_name_and_its_counter(main_window, demo_store, settings_file):
    from app.queue import setup
    from tests.db.helpers import actor_named

    manager = actor_named(demo_store, "manager")
    service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[service])
    write_file(settings_file, PcSettings(pc_name="VIP-PC-07", counter="T1"))
    counter = main_window("teller").open_page("counter")
    counter.refresh()
    assert counter.pc == "VIP-PC-07"
    assert counter.counter_box.currentText().startswith("T1 ")


class Screen:
    def __init__(self, name):
        self._name = name

    def name(self):
        return self._name


def test_the_lobby_screen_by_number_or_name_else_the_second():
    one, two, three = Screen("HDMI-1"), Screen("DP-1"), Screen("DP-2")
    assert target_screen([one, two, three], one, "3") == (three, True)
    assert target_screen([one, two, three], one, "HDMI-1") == (one, True)
    assert target_screen([one, two, three], one, "") == (two, True)
    assert target_screen([one, two, three], one, "9") == (two, True)  # not on this PC: the usual choice
    assert target_screen([one], one, "DP-9") == (one, False)         # the only monitor stays the manager's
    assert target_screen([], None, "1") == (None, False)


def test_the_a4_printer_when_this_pc_has_it():
    assert chosen_printer(["HP M404", "EPSON"], "HP M404") == "HP M404"
    assert chosen_printer(["HP M404"], "Canon") is None
    assert chosen_printer(["HP M404"], "") is None
