"""ui/resources.py: shipped CJK font, style sheet, translators, language choice."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.pcsettings.file import load_settings
from ui import resources
from ui.resources import (
    install_translators,
    language_of,
    load_style,
    register_fonts,
    resource_path,
)

SAMPLE = "贵宾卡 张三 璩"  # 璩: a rare surname, outside many CJK fonts' common set


@pytest.fixture
def app_state(qapp):
    """Give the test the app and restore its font and style sheet afterwards."""
    font, style = QFont(qapp.font()), qapp.styleSheet()
    yield qapp
    qapp.setFont(font)
    qapp.setStyleSheet(style)


@pytest.fixture
def resources_in(monkeypatch, tmp_path):
    """Point resource_path() at an empty tmp folder."""
    monkeypatch.setattr(resources, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    return tmp_path


def test_resource_path_is_resources_beside_repo_root():
    root = resource_path()
    assert root.name == "resources"
    assert (root.parent / "pyproject.toml").is_file()
    assert resource_path("fonts", "wqy-microhei.ttc") == root / "fonts" / "wqy-microhei.ttc"


def test_font_and_licence_are_shipped():
    assert resource_path("fonts", "wqy-microhei.ttc").is_file()
    licence = resource_path("fonts", "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache-2.0" in licence and "GPL-3+" in licence


def test_register_fonts_returns_a_family_known_to_qt(app_state):
    family = register_fonts(app_state)
    assert family == "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families()
    assert app_state.font().family() == family
    assert app_state.font().pointSize() == 10


def test_shipped_font_has_every_sample_glyph(app_state):
    family = register_fonts(app_state)
    font = QFont(family, 10)
    assert QFontInfo(font).family() == family  # resolved to the shipped font, not a fallback
    metrics = QFontMetrics(font)
    missing = [ch for ch in SAMPLE if not metrics.inFontUcs4(ord(ch))]
    assert missing == []


def test_register_fonts_names_a_missing_file(app_state, resources_in):
    expected = resources_in / "fonts" / "wqy-microhei.ttc"
    with pytest.raises(RuntimeError, match=re.escape(f"font file missing: {expected}")):
        register_fonts(app_state)


def test_register_fonts_names_an_unloadable_file(app_state, resources_in):
    bad = resources_in / "fonts" / "wqy-microhei.ttc"
    bad.parent.mkdir()
    bad.write_bytes(b"not a font")
    with pytest.raises(RuntimeError, match=re.escape(str(bad))):
        register_fonts(app_state)


def test_load_style_applies_the_sheet_without_parse_errors(app_state, qtbot, qtlog):
    text = load_style(app_state)
    assert text.strip()
    assert app_state.styleSheet() == text
    widget = QWidget()  # polishing widgets makes Qt parse the sheet
    layout = QVBoxLayout(widget)
    title = QLabel("贵宾卡")
    title.setProperty("role", "title")
    button = QPushButton("OK")
    button.setProperty("primary", True)
    layout.addWidget(title)
    layout.addWidget(button)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    problems = [r.message for r in qtlog.records if "style" in r.message.lower()]
    assert problems == []


def test_a_month_box_steps_with_the_spin_boxes_arrows(app_state, qtbot):
    """A date edit without its calendar (the tier worklists' month) draws the same up and
    down buttons as a spin box, not the drop-down's arrow squeezed into the lower half."""
    from PySide6.QtWidgets import QDateEdit, QSpinBox

    load_style(app_state)
    month, spin = QDateEdit(), QSpinBox()
    grabs = []
    for box in (month, spin):
        qtbot.addWidget(box)
        box.setFixedSize(140, 32)
        box.show()
        grabs.append(box.grab().toImage().copy(140 - 20, 0, 20, 32))
    assert grabs[0] == grabs[1]


def test_load_style_names_a_missing_sheet(app_state, resources_in):
    with pytest.raises(RuntimeError, match=re.escape(str(resources_in / "style.qss"))):
        load_style(app_state)


def test_english_installs_no_translator(qapp):
    assert install_translators(qapp, "en") == []


def test_unknown_language_is_refused(qapp):
    with pytest.raises(ValueError, match="fr_FR"):
        install_translators(qapp, "fr_FR")


def test_missing_app_translation_is_named(qapp, resources_in):
    expected = resources_in / "i18n" / "vipdesk_zh_CN.qm"
    with pytest.raises(RuntimeError, match=re.escape(str(expected))):
        install_translators(qapp, "zh_CN")


def test_chinese_installs_app_and_qt_translators(qapp, resources_in):
    # Stand-in for the app's .qm (the real one is built from the .ts): Qt's own zh_CN file.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = os.path.join(qt_dir, "qtbase_zh_CN.qm")
    if not os.path.isfile(qtbase):
        pytest.skip("this Qt ships no qtbase_zh_CN.qm")
    (resources_in / "i18n").mkdir()
    shutil.copy(qtbase, resources_in / "i18n" / "vipdesk_zh_CN.qm")
    translators = install_translators(qapp)
    try:
        assert len(translators) == 2
        assert all(t.language() == "zh_CN" for t in translators)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "zh_CN"),
        ("", "zh_CN"),
        ("en", "en"),
        (" EN ", "en"),
        ("zh_CN", "zh_CN"),
        ("fr", "zh_CN"),
        ("english", "zh_CN"),
    ],
)
def test_language_from_env(tmp_path, value, expected):
    environ = {"VIPDESK_SETTINGS": str(tmp_path / "none.ini")}
    if value is not None:
        environ["VIPDESK_LANG"] = value
    assert language_of(load_settings(environ)) == expected


@pytest.mark.parametrize(("env", "expected"), [(None, "en"), ("zh_CN", "zh_CN")])
def test_the_settings_file_chooses_the_language_and_the_environment_overrides_it(tmp_path, env, expected):
    path = tmp_path / "vipdesk.ini"
    path.write_text("[vipdesk]\nlanguage = en\n", encoding="utf-8")
    environ = {"VIPDESK_SETTINGS": str(path)} | ({"VIPDESK_LANG": env} if env else {})
    assert language_of(load_settings(environ)) == expected


def test_a_capability_catalogue_that_cannot_load_is_named(qapp, resources_in):
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = os.path.join(qt_dir, "qtbase_zh_CN.qm")
    if not os.path.isfile(qtbase):
        pytest.skip("this Qt ships no qtbase_zh_CN.qm")
    (resources_in / "i18n").mkdir()
    shutil.copy(qtbase, resources_in / "i18n" / "vipdesk_zh_CN.qm")
    broken = resources_in / "i18n" / "cards_zh_CN.qm"
    broken.write_bytes(b"not a catalogue")
    with pytest.raises(RuntimeError, match=re.escape(str(broken))):
        install_translators(qapp)
