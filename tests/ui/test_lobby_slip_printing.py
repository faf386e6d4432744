"""The lobby prints the slip as soon as the number is issued, with no dialog, on the slip
printer this PC's settings name (here an ESC/POS printer reached through a device file); a
printer that is missing is named in a message, the ticket stays issued, and "Print slip"
prints it again once the printer is back. The settings page keeps the slip printer."""

from __future__ import annotations

from app.pcsettings.fields import PcSettings
from app.pcsettings.file import read_file, write_file
from tests.db.helpers import actor_named
from ui.background import wait_for_background
from tests.ui.saving import idle


def _lobby(main_window, demo_store):
    from app.queue import setup

    manager = actor_named(demo_store, "manager")
    service = setup.add_service(demo_store, manager, prefix="T", name="测试业务")
    setup.add_counter(demo_store, manager, number="T1", name="测试窗口", service_ids=[service])
    lobby = main_window("lobby").open_page("lobby")
    lobby.refresh()
    lobby.service_box.setCurrentIndex(lobby.service_box.findData(service))
    return lobby


def test_the_slip_prints_on_issue_and_again_after_a_failure(main_window, demo_store, settings_file,
                                                             dialogs, tmp_path, qtbot):
    device = tmp_path / "usb" / "lp0"  # the printer's device is not there yet
    write_file(settings_file, PcSettings(slip_printer_kind="escpos_file", slip_printer=str(device)))
    lobby = _lobby(main_window, demo_store)
    lobby.issue_button.click()
    qtbot.waitUntil(idle)
    wait_for_background()
    qtbot.waitUntil(lambda: any(call[0] == "warn" for call in dialogs.calls))
    warning = next(call for call in dialogs.calls if call[0] == "warn")
    assert str(device) in warning[2]
    issued = lobby.last_issued
    assert issued is not None and "T001" in lobby.issued_label.text()
    assert lobby.reprint_button.isEnabled()

    device.parent.mkdir()  # the printer is back
    lobby.reprint_button.click()
    wait_for_background()
    qtbot.waitUntil(lambda: device.exists() and b"T001" in device.read_bytes())
    assert "测试业务".encode("gb18030") in device.read_bytes()
    qtbot.waitUntil(lambda: str(device) in lobby.issued_label.text())

    lobby.issue_button.click()  # the next number prints at once
    qtbot.waitUntil(idle)
    wait_for_background()
    qtbot.waitUntil(lambda: b"T002" in device.read_bytes())


def test_the_settings_page_keeps_the_slip_printer(main_window, settings_file, monkeypatch, dialogs):
    page = main_window("admin").open_page("pc_settings")
    page.refresh()
    page.inputs["slip_printer_kind"].setCurrentIndex(page.inputs["slip_printer_kind"].findData("escpos_network"))
    page.inputs["slip_printer"].setEditText("192.168.1.60:99999")
    assert not page.save()
    assert "Slip printer" in page.error.text() and not settings_file.exists()
    page.inputs["slip_printer"].setEditText("192.168.1.60")
    page.inputs["paper_width"].setCurrentIndex(page.inputs["paper_width"].findData("58"))
    assert page.save()
    saved = read_file(settings_file)
    assert (saved.slip_printer_kind, saved.slip_printer, saved.paper_width) == ("escpos_network", "192.168.1.60", "58")
