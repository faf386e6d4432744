"""Print VIP Desk's run-time dependencies from pyproject.toml, one requirement a line: what the
build resolves, downloads and bundles, and what the wheel-resolution check resolves; with
``--extra NAME`` an optional group's instead (``test``: what the suite needs besides).

    python packaging/deps.py [--extra test] > requirements.txt
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def dependencies(extra: str | None = None) -> list[str]:
    with PYPROJECT.open("rb") as handle:
        project = tomllib.load(handle)["project"]
    return list(project["optional-dependencies"][extra] if extra else project["dependencies"])


if __name__ == "__main__":
    args = sys.argv[1:]
    if args not in ([], ["--extra", "test"]):
        sys.exit("usage: deps.py [--extra test]")
    print("\n".join(dependencies(args[1] if args else None)))
