"""ruff and mypy run clean on app/ and db/ with the configuration in pyproject.toml (ruff:
pyflakes, pep8-naming, bugbear, no implicit namespace packages; mypy: its default strictness,
with the backlog of modules listed there)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name   # the venv's own
    return str(beside) if beside.exists() else shutil.which(name) or name


def test_ruff_is_clean():
    done = subprocess.run([_tool("ruff"), "check", "--no-cache", "app", "db"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean():
    done = subprocess.run([_tool("mypy"), "--cache-dir", "/dev/null"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
