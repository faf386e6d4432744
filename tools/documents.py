"""Render the first page of every document kind to docs/screenshots/documents/ (PNG, by pdftoppm).

    python tools/documents.py [--out DIR] [--dpi N]

Builds a demo store in a temporary folder and makes one document of each kind there, as the
typography test does (tests/documents/every_kind.py): the service agreement, each card letter,
a renewal batch, every report and the ticket slip. What a compliance officer looks at.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "documents")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is not installed", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))

    from app.demo import build_demo
    from app.opening import open_store
    from tests.documents.every_kind import every_document

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vipdesk-docs-") as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'demo.sqlite3'}", migrate=True)
        build_demo(store)
        for kind, data in every_document(store).items():
            source = Path(folder) / f"{kind}.pdf"
            source.write_bytes(data)
            dpi = args.dpi * 2 if kind == "ticket_slip" else args.dpi  # a small page: sharper
            subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(source), str(args.out / kind)], check=True, timeout=120)
            print(f"wrote {(args.out / kind).with_suffix('.png')}")
        store.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
