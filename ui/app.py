"""The GUI entry point: ``run_gui`` (called by ``main.py`` with no subcommand).

Only Qt and the small UI helpers load before the login window shows; the store, SQLAlchemy
and the services are imported off the GUI thread while the person types (start-up budget).
"""

from __future__ import annotations

import sys


def run_gui(store_url: str | None, demo: bool) -> int:
    """Open the desk on ``store_url`` (or a fresh demo store); returns the exit code."""
    from PySide6.QtWidgets import QApplication

    from app.errors import UserError
    from app.pcsettings.file import load_settings
    from ui.background import wait_for_background
    from ui.dialogs import Dialogs
    from ui.flow import DeskFlow
    from ui.language import Language
    from ui.resources import language_of, load_style, register_fonts

    try:
        settings = load_settings()
    except UserError as exc:  # a bad settings file or variable: IT must fix it, say where
        print(f"error: {exc}", file=sys.stderr)
        return 2

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("VIP Desk")
    app.setOrganizationName("VIPDesk")
    try:
        register_fonts(app)
        load_style(app)
        language = Language(app, language_of(settings))
    except RuntimeError as exc:  # a broken install: say which file is missing
        print(f"error: {exc}", file=sys.stderr)
        return 2
    flow = DeskFlow(store_url=store_url, demo=demo, dialogs=Dialogs(), language=language)
    exit_code = {"value": 0}

    def finish(code: int) -> None:
        exit_code["value"] = code
        if flow.problem:
            print(f"error: {flow.problem}", file=sys.stderr)
        app.exit(code)

    flow.finished.connect(finish)
    flow.start()
    code = app.exec()
    wait_for_background()
    flow.close()
    return exit_code["value"] or code
