"""This PC's master key setting: a store opens with the key file the settings name; a missing or
wrong key still lets people sign in, and the login screen says why ID numbers, phones and card
numbers are unavailable on this PC (a searched tail is refused with the same reason)."""

from __future__ import annotations

import pytest

from app.crypto import custody
from app.crypto.keys import KeyUnavailable
from app.customers.search import search_customers
from app.pcsettings.fields import PcSettings
from app.pcsettings.file import write_file
from tests.conftest import TEST_MASTER_KEY
from tests.db.helpers import actor_named
from tests.ui.test_flow import make_flow  # noqa: F401 - the fixture
from ui.startup import open_for_gui


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """This PC keeps no key of its own: an empty key folder."""
    folder = tmp_path / "no-keys"
    folder.mkdir()
    monkeypatch.setenv("VIPDESK_KEY_DIR", str(folder))
    return folder


def _set_key_file(settings_file, path) -> None:
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    write_file(settings_file, PcSettings(master_key_file=str(path)))


def test_the_key_file_named_in_this_pcs_settings_opens_the_store(demo_path, settings_file, elsewhere, tmp_path):
    key = tmp_path / "master.key"
    custody.write_key_file(key, TEST_MASTER_KEY)
    _set_key_file(settings_file, key)
    opened = open_for_gui(f"sqlite:///{demo_path}", False)
    try:
        assert opened.store.keys is not None and opened.key_problem == ""
        teller = actor_named(opened.store, "teller")
        assert search_customers(opened.store, teller, "8000") is not None
    finally:
        opened.close()


@pytest.mark.parametrize("case", ["wrong key", "missing file", "none at all"])
def test_without_the_key_the_store_opens_and_the_login_says_why(qtbot, make_flow, demo_path,  # noqa: F811
                                                               settings_file, elsewhere, tmp_path, case):
    key = tmp_path / "master.key"
    if case == "wrong key":
        custody.write_key_file(key, custody.new_master_key())
    if case != "none at all":
        _set_key_file(settings_file, key)
    flow = make_flow(f"sqlite:///{demo_path}")
    qtbot.waitUntil(lambda: flow.login.ready)
    shown = flow.login.error.text()
    expected = {"wrong key": "did not wrap", "missing file": "master key file",
                "none at all": "master key"}[case]
    assert expected.lower() in shown.lower(), shown
    assert flow.opened.store.keys is None
    with pytest.raises(KeyUnavailable):
        search_customers(flow.opened.store, actor_named(flow.opened.store, "teller"), "8000")

