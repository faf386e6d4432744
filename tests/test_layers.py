"""The layer rules of docs/architecture.md, checked by import-linter: ui -> app -> db, Qt only in ui."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    beside = Path(sys.executable).parent / "lint-imports"  # the venv's own, not a shim
    exe = str(beside) if beside.exists() else shutil.which("lint-imports")
    done = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_importing_main_builds_no_engine_and_no_qt():
    code = ("import sys, sqlalchemy; made = []; "
            "sqlalchemy.create_engine = lambda *a, **k: made.append(a); "
            "import main, app.store, app.opening, app.auth.accounts, app.audit.trail, db.engine; "
            "assert 'PySide6' not in sys.modules, 'Qt imported'; "
            "assert not made, 'engine built at import'; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
