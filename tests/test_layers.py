"""The layer rules of docs/architecture.md, checked by import-linter: ui -> app -> db, Qt only in ui, the
ui capabilities independent of each other, the documents' rendering engine below the
capabilities that print with it. The contracts see every module on disk (a folder without an
``__init__.py`` would be invisible to them), and a planted forbidden import breaks them."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "db", "ui")


def _lint(root: Path) -> subprocess.CompletedProcess:
    beside = Path(sys.executable).parent / "lint-imports"  # the venv's own, not a shim
    exe = str(beside) if beside.exists() else shutil.which("lint-imports")
    return subprocess.run([exe, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(root)})


def _contracts() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [c["name"] for c in config["tool"]["importlinter"]["contracts"]]


def test_import_linter_contracts_hold():
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(_contracts())} kept, 0 broken" in done.stdout


def test_the_contracts_see_every_module_on_disk():
    on_disk = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            on_disk.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    seen = grimp.build_graph(*PACKAGES, cache_dir=None).modules
    assert on_disk == seen, f"on disk only: {sorted(on_disk - seen)}; seen only: {sorted(seen - on_disk)}"


PLANTED = [  # (module file, the import planted at its end, the contract it must break)
    ("app/cards/rules.py", "from PySide6 import QtCore", "app and db never import Qt"),
    ("app/care/rules.py", "import shiboken6", "app and db never import Qt"),
    ("db/migrations/env.py", "from PySide6.QtWidgets import QWidget", "app and db never import Qt"),
    ("ui/queue/counter.py", "from ui.stock.models import state_text",
     "ui capabilities never import each other"),
    ("ui/care/page.py", "from ui.tiers import models", "ui capabilities never import each other"),
    ("app/documents/pdf.py", "from app.cards import rules",
     "the documents' rendering engine stays below"),
]


@pytest.mark.parametrize("module, planted, contract", PLANTED, ids=[p[0] for p in PLANTED])
def test_a_planted_import_breaks_its_contract(tmp_path, module, planted, contract):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{planted}\n")
    done = _lint(tmp_path)
    assert done.returncode != 0
    broken = [line for line in done.stdout.splitlines() if " BROKEN" in line]  # "BROKEN (4 ignored imports)"
    assert len(broken) == 1 and broken[0].startswith(contract), done.stdout


def test_importing_main_builds_no_engine_and_no_qt():
    code = ("import sys, sqlalchemy; made = []; "
            "sqlalchemy.create_engine = lambda *a, **k: made.append(a); "
            "import main, app.store, app.opening, app.auth.accounts, app.audit.trail, db.engine; "
            "assert 'PySide6' not in sys.modules, 'Qt imported'; "
            "assert not made, 'engine built at import'; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
