"""UI test fixtures: a demo store per test (copied from one built per run), fake dialogs,
an English UI by default, signed-in sessions and main windows.

Password hashing uses cheap argon2 parameters here: the UI does not care what a hash costs,
and the real parameters would spend most of the run hashing demo passwords.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

import pytest
from argon2 import PasswordHasher

from app.auth.signin import sign_in
from app.demo import DEMO_PASSWORD
from tests.conftest import TEST_MASTER_KEY, keyed
from db.engine import make_engine
from ui.background import wait_for_background


@pytest.fixture(scope="package", autouse=True)
def _cheap_hashing():
    import app.auth.passwords as passwords

    patch = pytest.MonkeyPatch()
    patch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield
    patch.undo()


@pytest.fixture(scope="package")
def demo_template(tmp_path_factory, _cheap_hashing):
    """A demo store file built once for the package; tests get copies."""
    from app.demo import build_demo
    from app.opening import open_store
    from tests.templates import built_once

    def build(path) -> None:
        store = open_store(f"sqlite:///{path}", migrate=True, master=TEST_MASTER_KEY)
        build_demo(store)
        store.engine.dispose()  # the last connection checkpoints the WAL into the file

    return built_once(tmp_path_factory, "ui-demo.sqlite3", build)


@pytest.fixture
def demo_path(demo_template, tmp_path):
    path = tmp_path / "store.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_path):
    store = keyed(make_engine(f"sqlite:///{demo_path}"))
    yield store
    wait_for_background()
    store.engine.dispose()


@dataclass
class FakeDialogs:
    """Answers like a person would, records what was asked; nothing blocks."""

    confirm_answer: bool = True
    save_path: str | None = None
    open_path: str | None = None
    calls: list[tuple] = field(default_factory=list)

    def info(self, parent, title, text):
        self.calls.append(("info", title, text))

    def warn(self, parent, title, text):
        self.calls.append(("warn", title, text))

    def error(self, parent, title, text, details=""):
        self.calls.append(("error", title, text, details))

    def confirm(self, parent, title, text):
        self.calls.append(("confirm", title, text))
        return self.confirm_answer

    def save_file(self, parent, title, suggested, filters):
        self.calls.append(("save_file", title, suggested))
        return self.save_path

    def open_file(self, parent, title, filters):
        self.calls.append(("open_file", title))
        return self.open_path

    def of(self, kind: str) -> list[tuple]:
        return [call for call in self.calls if call[0] == kind]


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def language(qapp):
    """The UI language object, English to start with; translators removed afterwards."""
    from ui.language import Language

    lang = Language(qapp, "en")
    yield lang
    lang.uninstall()


@pytest.fixture
def login_as(demo_store):
    def login(username: str, password: str = DEMO_PASSWORD):
        return sign_in(demo_store, username, password)

    return login


@pytest.fixture
def main_window(qtbot, login_as, dialogs, language):
    """``main_window("admin")``: a shown main window for that demo login."""
    from ui.shell.window import MainWindow

    windows = []

    def make(username: str, **kwargs):
        window = MainWindow(login_as(username), dialogs=dialogs, language=language, **kwargs)
        window.show()
        windows.append(window)
        return window

    yield make
    wait_for_background()
    for window in windows:
        try:
            window.idle.stop()
            window.close()  # deletes itself (WA_DeleteOnClose)
        except RuntimeError:  # signed out: already closed and deleted
            pass
    # ... now, not at some later turn of the event loop: the language fixture's teardown sends
    # LanguageChange to every top-level window, and Qt 6.9 crashes on one closed but not yet deleted.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

