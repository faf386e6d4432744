"""Application resources: the shipped CJK font, the style sheet and the translators.

Everything lives in ``resources/`` beside the repository root (the project runs from a
checkout or an editable install). Call, once the QApplication exists and before the first
window is built::

    translators = install_translators(app, language_of(load_settings()))  # keep the list alive
    register_fonts(app)
    load_style(app)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from app.pcsettings.fields import LANGUAGES, PcSettings

FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FAMILY = "WenQuanYi Micro Hei"  # face 0 of the collection; face 1 is the "Mono" one
FONT_POINT_SIZE = 10
STYLE_FILE = ("style.qss",)
DEFAULT_LANGUAGE = LANGUAGES[0]
APP_QM_FILE = ("i18n", "vipdesk_zh_CN.qm")


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>`` beside the repository root.

    The path is not checked for existence; ``resource_path()`` is the folder itself.
    """
    return Path(__file__).resolve().parent.parent.joinpath("resources", *parts)


def register_fonts(app) -> str:
    """Register the shipped CJK font and make it the application's default font.

    Adds ``resources/fonts/wqy-microhei.ttc`` with ``QFontDatabase.addApplicationFont``,
    sets ``app``'s default font to its family at 10 pt and returns the family name
    ("WenQuanYi Micro Hei"). Raises RuntimeError naming the file when it is missing or Qt
    cannot load it, so a broken install fails at start instead of showing empty boxes.
    """
    path = resource_path(*FONT_FILE)
    if not path.is_file():
        raise RuntimeError(f"font file missing: {path}")
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id != -1 else []
    if not families:
        raise RuntimeError(f"font file could not be loaded: {path}")
    family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    app.setFont(QFont(family, FONT_POINT_SIZE))
    return family


def load_style(app) -> str:
    """Apply ``resources/style.qss`` to ``app`` and return the style sheet text.

    Raises RuntimeError naming the file when it is missing.
    """
    path = resource_path(*STYLE_FILE)
    if not path.is_file():
        raise RuntimeError(f"style sheet missing: {path}")
    text = path.read_text(encoding="utf-8")
    app.setStyleSheet(text)
    return text


def install_translators(app, language: str = DEFAULT_LANGUAGE) -> list:
    """Install the translators for ``language`` ("zh_CN" or "en") and return them.

    "en": the source texts are English, nothing is installed, returns ``[]``.
    "zh_CN": installs Qt's own ``qtbase_zh_CN`` (standard buttons and dialogs) when Qt ships
    it, then ``resources/i18n/vipdesk_zh_CN.qm``, which is required (RuntimeError naming it
    when it is missing), and each capability's ``<name>_zh_CN.qm`` beside it; a catalogue
    that cannot be loaded is a RuntimeError naming it. The app's translators are installed
    last, so they win over Qt's for the same text. Returns the QTranslator objects; the caller keeps the
    list for the life of the application (a translator collected by Python stops working).
    Any other language raises ValueError.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}: use one of {', '.join(LANGUAGES)}")
    if language == "en":
        return []

    app_qm = resource_path(*APP_QM_FILE)
    if not app_qm.is_file():
        raise RuntimeError(f"translation file missing: {app_qm}")
    catalogues = [app_qm, *sorted(p for p in app_qm.parent.glob(f"*_{language}.qm") if p != app_qm)]
    app_translators = []
    for qm in catalogues:
        translator = QTranslator(app)
        if not translator.load(str(qm)):
            raise RuntimeError(f"translation file could not be loaded: {qm}")
        app_translators.append(translator)

    translators = []
    qt_translator = QTranslator(app)
    if any(qt_translator.load(f"qtbase_{language}", str(folder)) for folder in qt_translation_dirs()):
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    for translator in app_translators:
        app.installTranslator(translator)
        translators.append(translator)
    return translators


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own catalogues may be: the folder Qt reports, then the one inside the
    PySide6 package (a wheel installed where Qt's built-in path does not point)."""
    import PySide6

    reported = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    shipped = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    return ([Path(reported)] if reported else []) + [shipped]


def language_of(settings: PcSettings) -> str:
    """The UI language this PC's settings choose (file, then ``VIPDESK_LANG``): "en" or
    "zh_CN" (the default)."""
    return settings.language or DEFAULT_LANGUAGE
