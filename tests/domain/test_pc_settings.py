"""Per-PC settings: the file IT pushes, the override order, the password kept in the keyring."""

from __future__ import annotations

import os

import pytest

from app.errors import ValidationError
from app.locations import default_store_path, resolve_store_url
from app.pcsettings.fields import PcSettings
from app.pcsettings.file import load_settings, read_file, settings_path, write_file
from app.pcsettings.secret import SERVICE, keep_password, with_password

PG = "postgresql://vipdesk_signin@db.branch:5433/vipdesk?sslmode=verify-full"


def test_without_a_file_the_defaults_hold(settings_file):
    assert load_settings() == PcSettings()
    assert resolve_store_url(None) == f"sqlite:///{default_store_path()}"


def test_the_default_file_is_machine_wide():
    assert settings_path({}).name == "vipdesk.ini"
    assert "VIPDesk" in settings_path({}).parts
    assert settings_path({"VIPDESK_SETTINGS": "/srv/x.ini"}) == type(settings_path({}))("/srv/x.ini")


def test_override_order_defaults_file_environment_command_line(settings_file, monkeypatch):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("[vipdesk]\nstore_url = sqlite:////srv/file.sqlite3\ncounter = 7\n"
                             "pc_name = VIP-PC-07\nlanguage = en\n", encoding="utf-8")
    assert resolve_store_url(None) == "sqlite:////srv/file.sqlite3"
    assert load_settings().counter == "7" and load_settings().language == "en"

    monkeypatch.setenv("VIPDESK_DB_URL", "sqlite:////srv/env.sqlite3")
    monkeypatch.setenv("VIPDESK_LANG", "zh")  # the old leniency: anything but "en" is Chinese
    monkeypatch.setenv("VIPDESK_COUNTER", "12")
    now = load_settings()
    assert (now.store_url, now.language, now.counter, now.pc_name) == (
        "sqlite:////srv/env.sqlite3", "zh_CN", "12", "VIP-PC-07")
    assert resolve_store_url(None) == "sqlite:////srv/env.sqlite3"
    assert resolve_store_url("sqlite:////srv/flag.sqlite3") == "sqlite:////srv/flag.sqlite3"


def test_a_command_line_store_never_reads_a_broken_file(settings_file):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("[vipdesk]\ncounter = seven eight\n", encoding="utf-8")
    assert resolve_store_url("sqlite:////srv/flag.sqlite3") == "sqlite:////srv/flag.sqlite3"
    with pytest.raises(ValidationError, match=r"vipdesk.ini: counter: must be 1 to 8 letters"):
        resolve_store_url(None)


@pytest.mark.parametrize("text, field, reason", [
    ("[vipdesk]\ncountr = 7\n", "countr", "is not a setting"),
    ("[vipdesk]\ncounter = 0-1\n", "counter", "1 to 8 letters or digits"),
    ("[vipdesk]\nlanguage = fr\n", "language", "one of zh_CN, en"),
    ("[vipdesk]\nstore_url = mysql://x@y/z\n", "store_url", "not mysql"),
    ("[vipdesk]\nstore_url = not a url\n", "store_url", "is not a store URL"),
    ("[vipdesk]\npc_name = a\u200bb\n", "pc_name", "invisible"),
    ("[vipdesk]\nlobby_screen = 40\n", "lobby_screen", "from 1 to 16"),
    ("[printers]\na4 = x\n", "vipdesk.ini", "section [printers]"),
    ("counter = 7\n", "vipdesk.ini", "is not a settings file"),
])
def test_a_bad_file_names_the_file_the_setting_and_the_reason(settings_file, text, field, reason):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_settings()
    assert str(settings_file) in str(caught.value)
    assert field in str(caught.value) and reason in str(caught.value)


def test_a_bad_environment_variable_is_named(settings_file, monkeypatch):
    monkeypatch.setenv("VIPDESK_COUNTER", "A 1")
    with pytest.raises(ValidationError, match="VIPDESK_COUNTER: must be 1 to 8 letters or digits"):
        load_settings()


def test_written_file_reads_back_and_is_replaced_whole(settings_file):
    wanted = PcSettings(store_url="sqlite:///C:/Users/Public/My Documents/vipdesk.sqlite3", pc_name="柜台 PC 3", counter="v3", a4_printer="HP LaserJet M404", lobby_screen="2", language="zh_CN")
    write_file(settings_file, wanted)
    assert read_file(settings_file) == PcSettings(**{**wanted.as_dict(), "counter": "V3"})
    assert oct(settings_file.stat().st_mode & 0o777) == "0o644"
    write_file(settings_file, PcSettings(counter="4"))
    assert read_file(settings_file) == PcSettings(counter="4")
    assert os.listdir(settings_file.parent) == ["vipdesk.ini"]  # no temporary file left behind


def test_a_password_never_goes_into_the_file(settings_file):
    with pytest.raises(ValidationError, match="Store URL: must not hold a password"):
        write_file(settings_file, PcSettings(store_url="postgresql://u:secret@h/d"))
    assert not settings_file.exists()


def test_the_password_goes_to_the_keyring_and_comes_back(settings_file, memory_keyring):
    kept = keep_password("postgresql://vipdesk_signin:s3cr%40t@db.branch:5433/vipdesk?sslmode=verify-full")
    assert kept == PG
    assert memory_keyring.items == {(SERVICE, "vipdesk_signin@db.branch:5433/vipdesk"): "s3cr@t"}
    write_file(settings_file, PcSettings(store_url=kept))
    assert "s3cr" not in settings_file.read_text(encoding="utf-8")
    assert resolve_store_url(None) == "postgresql://vipdesk_signin:s3cr%40t@db.branch:5433/vipdesk?sslmode=verify-full"
    other = "postgresql://vipdesk_signin@db.other/vipdesk"
    assert with_password(other) == other  # another store's login: nothing from the keyring


def test_a_multi_host_url_keeps_its_password_for_all_its_servers(settings_file, memory_keyring):
    kept = keep_password("postgresql://vipdesk_signin:s3cr%40t@db-a:5432,db-b/vipdesk?target_session_attrs=read-write")
    assert "s3cr" not in kept
    assert memory_keyring.items == {(SERVICE, "vipdesk_signin@db-a:5432,db-b:5432/vipdesk"): "s3cr@t"}
    assert "s3cr%40t" in with_password(kept) and "db-b" in with_password(kept)


def test_without_a_keyring_a_password_is_refused_and_pgpass_decides(settings_file):
    with pytest.raises(ValidationError, match="no system keyring.*pgpass"):
        keep_password("postgresql://vipdesk_signin:secret@db.branch/vipdesk")
    assert with_password(PG) == PG
    assert keep_password(PG) == PG


def test_a_url_sqlalchemy_cannot_read_is_named_and_left_to_the_opening(settings_file, memory_keyring):
    with pytest.raises(ValidationError, match="Store URL: is not a store URL"):
        keep_password("postgresql://vipdesk_signin:pw@db.branch:notaport/vipdesk")
    with pytest.raises(ValidationError, match="Store URL: is not a store URL"):
        write_file(settings_file, PcSettings(store_url="postgresql://vipdesk_signin@db.branch:notaport/vipdesk"))
    assert memory_keyring.items == {} and not settings_file.exists()
    assert resolve_store_url("not a url") == "not a url"  # opening the store names it (tests/db/test_cli.py)
