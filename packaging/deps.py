"""Print VIP Desk's run-time dependencies from pyproject.toml, one requirement a line: what the
build resolves, downloads and bundles, and what the wheel-resolution check resolves.

    python packaging/deps.py > requirements.txt
"""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def dependencies() -> list[str]:
    with PYPROJECT.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


if __name__ == "__main__":
    print("\n".join(dependencies()))
