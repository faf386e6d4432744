"""What runs before the login window shows (docs/architecture.md's start-up budget, measured in the bench
suite): none of the store's code, and not PySide6's ``Qt`` namespace, which PySide6 builds as a
whole on first use (about 17 ms, a tenth of the start)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore as core
from PySide6.QtWidgets import QWidget

def shown(self):
    loaded = [name for name in ("sqlalchemy", "app.store", "app.opening", "ui.startup") if name in sys.modules]
    print(loaded, "Qt" in core.__dict__, flush=True)
    os._exit(0)

QWidget.show = shown
sys.path.insert(0, {root!r})
import main
main.main(["--db", {url!r}])
"""


def test_the_login_window_shows_before_the_store_and_the_qt_namespace_load(tmp_path):
    url = f"sqlite:///{tmp_path / 'never-opened.sqlite3'}"
    done = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT), url=url)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[] False", done.stdout + done.stderr
