"""The UI language, switchable while the app runs.

Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget;
each window and page answers it with its ``retranslateUi()``, so a switch needs no restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication

from ui.resources import DEFAULT_LANGUAGE, LANGUAGES, install_translators

# Each language is named in itself, so a reader of either can find their own.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
# The locale Qt's own widgets use for day and month names, numbers and the file dialog.
LOCALES = {"zh_CN": "zh_CN", "en": "en_US"}


class Language(QObject):
    """Owns the installed translators; ``changed`` fires after a switch."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, language: str = DEFAULT_LANGUAGE):
        super().__init__(app)
        self._app = app
        self._translators: list = []
        self.current = ""
        self.set(language)

    def set(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language == self.current:
            return
        installed = install_translators(self._app, language)  # raises before changing anything
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = installed
        self.current = language
        QLocale.setDefault(QLocale(LOCALES[language]))
        self._retranslate_windows()
        self.changed.emit(language)

    @staticmethod
    def _retranslate_windows() -> None:
        """Deliver LanguageChange to every window now.

        Qt sends it only while the event loop runs (and posts it to some windows), which would
        leave a window half translated until the next loop turn; sending it here makes a
        switch complete when ``set`` returns. A widget passes it on to all its children.
        """
        QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
        for window in QApplication.topLevelWidgets():
            QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))

    def name(self) -> str:
        return LANGUAGE_NAMES[self.current]

    def uninstall(self) -> None:
        """Remove the translators (tests: leave the application as it was)."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.current = ""
        QLocale.setDefault(QLocale.system())
        self._retranslate_windows()
