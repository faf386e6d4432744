"""Migrations are frozen: a revision imports nothing of the live code.

A revision that called today's generators (``db.care_figures``, ``db.pg_scope`` ...) installed
whatever those generated on the day it ran, so one revision number could mean two schemas. Every
module under ``db/migrations/versions/`` may import only the standard library, Alembic,
SQLAlchemy and the frozen helpers of ``db/migrations/frozen/``; those helpers likewise, and they
are never edited once a revision uses them (a revision that needs another behaviour adds a module
of its own). See docs/architecture.md, "Migrations and the schema".
"""

from __future__ import annotations

import ast
import hashlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "db" / "migrations"
FROZEN_PACKAGE = "db.migrations.frozen"
ALLOWED_TOP = {"alembic", "sqlalchemy", "__future__"}

# The frozen helpers' text, which no change may touch (line ends normalised).
FROZEN = {
    "__init__.py": "88724570aa0187601ab7e0a80374cad391c62e23c9b348e61f5a19d0b7d92851",
    "pg_scope_r0003.py": "81b8d26526aa4661a8b20046ea0cb4f07134aca0cfa114d7794913fdde6fb339",
    "care_figures_r0015.py": "ce8084f5e70b2e7f21e46b02affe1c753e1e873aa515485f9e0cd3d5d540d0ca",
    "pg_rewrite_r0047.py": "7f8cf41e47b19dde60b60aaeb0ec92c0b63f0e78b6db4fc579bf51248f77e83b",
}


def _allowed(module: str) -> bool:
    top = module.split(".")[0]
    return (top in ALLOWED_TOP or top in sys.stdlib_module_names
            or module == FROZEN_PACKAGE or module.startswith(FROZEN_PACKAGE + "."))


def live_imports(source: str, filename: str = "<migration>") -> list[str]:
    """The modules ``source`` imports that a migration may not: anything but the standard
    library, Alembic, SQLAlchemy and the frozen helpers (relative imports and imports by name
    through importlib or ``__import__`` included)."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if not _allowed(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append("." * node.level + (node.module or ""))
            elif not _allowed(node.module or ""):
                found.append(f"{node.module} ({', '.join(alias.name for alias in node.names)})")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                target = node.args[0]
                if not (isinstance(target, ast.Constant) and isinstance(target.value, str)
                        and _allowed(target.value)):
                    found.append(ast.unparse(target))
    return found


def _modules() -> list[Path]:
    return sorted([*(MIGRATIONS / "versions").glob("*.py"), *(MIGRATIONS / "frozen").glob("*.py")])


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_migration_imports_no_live_code(path):
    assert live_imports(path.read_text(encoding="utf-8"), str(path)) == []


@pytest.mark.parametrize("planted", [
    "from db import care_figures",
    "from db.pg_scope import run",
    "import app.tiers.rules",
    "from app.cards.rules import CANCELLED",
    "from . import sibling",
    "import importlib\nimportlib.import_module('db.care_figures')",
    "__import__('app')",
])
def test_the_check_refuses_a_planted_live_import(planted):
    source = f"from alembic import op\nimport sqlalchemy as sa\nimport json\n{planted}\n"
    assert live_imports(source)


def test_the_check_lets_the_allowed_imports_through():
    source = ("from __future__ import annotations\nimport secrets\nfrom alembic import op\n"
              "from sqlalchemy import text\nfrom db.migrations.frozen.pg_scope_r0003 import run\n"
              "from db.migrations.frozen import care_figures_r0015 as care_figures\n")
    assert live_imports(source) == []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_text(encoding="utf-8").replace("\r\n", "\n").encode()).hexdigest()


def test_the_frozen_helpers_are_never_edited():
    """Each frozen module is the text revisions used: a changed helper would change what an
    old revision installs. Add a module of your own instead (and list it here)."""
    on_disk = {p.name: _digest(p) for p in (MIGRATIONS / "frozen").glob("*.py")}
    assert on_disk == FROZEN
