"""This PC's settings, for an administrator at the PC: the store, the PC's name, its counter,
the A4 printer, the slip printer (how it is reached, its address, its paper width), the lobby
screen and the language, saved to the settings file IT may also push.

The page shows and saves the file, not the environment: a setting an environment variable
overrides is marked, since a change to it in the file only counts where the variable is gone.
A password typed into the store URL goes to the system keyring, never into the file.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.errors import UserError
from app.pcsettings.fields import ENVIRONMENT, LABELS, LANGUAGES, PAPER_WIDTHS, SLIP_PRINTER_KINDS, PcSettings
from app.pcsettings.file import read_file, settings_path, write_file
from app.pcsettings.secret import keep_password, keyring_name
from app.printing.targets import slip_target
from ui.language import LANGUAGE_NAMES
from ui.messages import error_text, field_label
from ui.page import Page, PageContext
from ui.widgets import error_label, set_invalid, show_text, styled_label



class PcSettingsPage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.hint = styled_label("hint", self, wrap=True)
        self.where = styled_label("hint", self, wrap=True)
        self.where.setObjectName("settingsWhere")
        self.box = QGroupBox(self)
        self.box.setMaximumWidth(820)
        form = QFormLayout(self.box)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        for key in LABELS:
            widget = self._input(key)
            widget.setObjectName(key)
            label = QLabel(self.box)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.inputs[key], self.labels[key] = widget, label
        self.overridden = styled_label("hint", self, wrap=True)
        self.overridden.setObjectName("settingsOverridden")
        self.error = error_label(self)
        self.error.setObjectName("settingsError")
        self.saved_label = styled_label("hint", self, wrap=True)
        self.saved_label.setObjectName("settingsSaved")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setProperty("primary", True)
        self.reload_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for widget in (self.hint, self.where, self.box, self.overridden, self.error):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_label)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.refresh)
        self.retranslateUi()

    def _choices(self, key: str) -> dict[str, str] | None:
        """The settings chosen from a list: their values and what the list shows."""
        if key == "language":
            return {code: LANGUAGE_NAMES[code] for code in LANGUAGES}
        if key == "slip_printer_kind":  # "": not set here, the default (the system's queue)
            return dict(zip(("", *SLIP_PRINTER_KINDS), (
                self.tr("Default (the system's print queue)"),
                self.tr("System print queue (CUPS, Windows)"), self.tr("ESC/POS over the network"),
                self.tr("ESC/POS over USB"), self.tr("ESC/POS on a serial port"),
                self.tr("ESC/POS to a device file")), strict=True))
        if key == "paper_width":
            return {"": self.tr("Default (80 mm)"),
                    **{width: self.tr("{width} mm").format(width=width) for width in PAPER_WIDTHS}}
        return None

    def _input(self, key: str) -> QLineEdit | QComboBox:
        choices = self._choices(key)
        if choices is not None:
            box = QComboBox(self.box)
            for value, text in choices.items():
                box.addItem(text, value)
            return box
        if key in ("a4_printer", "slip_printer", "lobby_screen", "rating_screen"):  # this PC's printers and monitors, or typed
            box = QComboBox(self.box)
            box.setEditable(True)
            box.setMinimumWidth(320)
            return box
        edit = QLineEdit(self.box)
        edit.setMinimumWidth(480 if key == "store_url" else 240)
        return edit

    # -- what the page shows ----------------------------------------------------------------
    def refresh(self) -> None:
        self._clear_error()
        show_text(self.saved_label, "")
        self._fill_choices()
        try:
            settings = read_file(settings_path())
        except UserError as error:  # a broken file: show it empty, say why; saving replaces it
            show_text(self.error, error_text(error))
            settings = PcSettings()
        self._show(settings)
        self._show_where()

    def _fill_choices(self) -> None:
        for key in ("a4_printer", "slip_printer"):
            self.inputs[key].clear()
            self.inputs[key].addItems(["", *QPrinterInfo.availablePrinterNames()])
        found = QGuiApplication.screens()
        for key in ("lobby_screen", "rating_screen"):  # by number (1 = first) or by name, as the file takes it
            self.inputs[key].clear()
            self.inputs[key].addItems(["", *(str(n) for n in range(1, len(found) + 1)), *(s.name() for s in found)])

    def _show(self, settings: PcSettings) -> None:
        for key, value in settings.as_dict().items():
            widget = self.inputs[key]
            if self._choices(key) is not None:
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QComboBox):
                widget.setEditText(value)
            else:
                widget.setText(value)

    def _show_where(self) -> None:
        ring = keyring_name()
        self.where.setText(self.tr("Settings file: {path}").format(path=settings_path()) + "\n" + (
            self.tr("A store password is kept in the system keyring ({keyring}).").format(keyring=ring) if ring else
            self.tr("This PC has no system keyring: leave the password out of the store URL and put it "
                    "in a pgpass file (PGPASSFILE) that only this PC's account can read.")))
        overridden = [f"{field_label(LABELS[key])} ({name})" for key, name in ENVIRONMENT.items()
                      if os.environ.get(name, "").strip()]
        show_text(self.overridden, self.tr("Set by environment variables on this PC, which win over "
                                           "the file: {settings}").format(settings=", ".join(overridden))
                  if overridden else "")

    def edited(self) -> PcSettings:
        values = {}
        for key, widget in self.inputs.items():
            if self._choices(key) is not None:
                values[key] = widget.currentData()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentText()
            else:
                values[key] = widget.text()
        return PcSettings(**values)

    # -- saving -----------------------------------------------------------------------------
    def _clear_error(self) -> None:
        show_text(self.error, "")
        for widget in self.inputs.values():
            set_invalid(widget, False)

    def save(self) -> bool:
        """Check and write the file; the store URL's password, if any, into the keyring."""
        self._clear_error()
        show_text(self.saved_label, "")
        path = settings_path()
        settings = self.edited()
        try:
            slip_target(settings)
            settings = PcSettings(**{**settings.as_dict(), "store_url": keep_password(settings.store_url.strip())})
            write_file(path, settings)
        except UserError as error:
            show_text(self.error, error_text(error))
            for key, label in LABELS.items():
                if error.field == label:
                    set_invalid(self.inputs[key], True)
                    self.inputs[key].setFocus()
            return False
        except OSError as error:  # a file only IT may write: say so, nothing changed
            show_text(self.error, self.tr("{path} could not be written ({reason}). Ask IT to push the "
                                          "settings file, or to let administrators write it.").format(
                path=path, reason=error.strerror or error))
            return False
        self._show(settings)
        show_text(self.saved_label, self.tr("Saved. The store and the language count from the next start; "
                                            "the PC name, counter, printer and lobby screen from their next use."))
        return True

    def retranslateUi(self) -> None:  # noqa: N802
        self.hint.setText(self.tr(
            "The settings of this PC, in a file IT can also push to every PC. Empty means the default: "
            "the store in the user's data folder, the PC's host name, the second monitor for the lobby "
            "display, the system's default printer, slips on 80 mm paper through the system's print queue, "
            "and Chinese. With no slip printer, slips are printed or saved by hand."))
        self.box.setTitle(self.tr("This PC"))
        for key, label in self.labels.items():
            label.setText(field_label(LABELS[key]))
            for index, text in enumerate((self._choices(key) or {}).values()):
                self.inputs[key].setItemText(index, text)
        self.inputs["slip_printer"].lineEdit().setPlaceholderText(self.tr(
            "queue name · 192.168.1.60:9100 · USB 0416:5011 · /dev/ttyUSB0@19200 · /dev/usb/lp0"))
        self.save_button.setText(self.tr("Save"))
        self.reload_button.setText(self.tr("Reload"))
        if self.isVisible():
            self._show_where()
