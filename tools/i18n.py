"""Translation tooling for VIP Desk: ``python tools/i18n.py update|build``.

Finding (checked with pyside6-lupdate 6.12.0): lupdate's Python parser is lexical, so it DOES
extract ``QT_TRANSLATE_NOOP("Context", "text")`` from a .py file that never imports Qt, e.g.
an ``app/`` module with its own marker ``def QT_TRANSLATE_NOOP(context, text): return text``.
At run time ``ui`` translates such a text with ``QCoreApplication.translate(context, text)``
(same context, same source text) and only then fills placeholders with ``str.format``.
What works and what is silently skipped:

- extracted: ``QT_TRANSLATE_NOOP(...)`` and module-qualified ``i18n.QT_TRANSLATE_NOOP(...)``;
  single, double or triple quotes; a call split over several lines; implicit concatenation
  ``"a " "b"`` (stored as ``"a b"``); ``self.tr("x")`` in a class (context = class name);
  ``QCoreApplication.translate("Ctx", "x")``.
- NOT extracted, no warning: an alias (``from app.i18n import QT_TRANSLATE_NOOP as N``),
  a context that is a variable or constant instead of a string literal,
  ``QT_TRANSLATE_NOOP3``.
- trap: an f-string is extracted with its braces as literal text (``f"Phone {p}"`` gives the
  source ``Phone {p}``), which never matches at run time. Write ``"Phone {phone} is invalid"``
  and ``.format(phone=...)`` after translating.
- ``QT_TR_NOOP("x")`` gets an EMPTY context in Python (not the class name): use
  ``QT_TRANSLATE_NOOP`` with an explicit context.
- a .ts without ``language="zh_CN"`` is refused ("does not specify any target languages");
  ``update`` passes ``-target-language zh_CN`` so a new file gets it.

Commands (run from anywhere; paths are resolved from this file):

    python tools/i18n.py update   # pyside6-lupdate over ui/**/*.py and app/**/*.py
                                  #   -> resources/i18n/vipdesk_zh_CN.ts
                                  #   (existing translations kept, -no-obsolete)
    python tools/i18n.py build    # pyside6-lrelease -> resources/i18n/vipdesk_zh_CN.qm

The .qm is committed: the app loads it at start (``ui/resources.py``), nobody needs the Qt
tools to run the app. See ``resources/i18n/README.md`` for the translator's workflow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
TS_FILE = I18N_DIR / "vipdesk_zh_CN.ts"
QM_FILE = I18N_DIR / "vipdesk_zh_CN.qm"
SOURCE_DIRS = ("ui", "app")
TARGET_LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"


class ToolError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def find_tool(name: str) -> str:
    """Return the path of a Qt tool wrapper such as ``pyside6-lupdate``.

    Looked for next to ``sys.executable`` first (the venv's ``bin``/``Scripts``), then on
    ``PATH``. Raises ToolError naming the tool when neither has it.
    """
    candidates = [name + ".exe", name] if os.name == "nt" else [name]
    bindir = Path(sys.executable).parent
    for candidate in candidates:
        path = bindir / candidate
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    found = shutil.which(name)
    if found:
        return found
    raise ToolError(
        f"{name} not found next to {sys.executable} or on PATH (pip install PySide6)"
    )


def source_files() -> list[Path]:
    """Every .py file under ui/ and app/, sorted, skipping __pycache__."""
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        base = ROOT / folder
        if base.is_dir():
            files.extend(
                p for p in base.rglob("*.py") if "__pycache__" not in p.parts
            )
    return sorted(files)


def _run(cmd: list[str]) -> int:
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT)


def update() -> int:
    """Create or update the .ts from the sources; keeps translations, drops obsolete ones."""
    files = source_files()
    if not files:
        raise ToolError("no .py files under " + " or ".join(SOURCE_DIRS))
    lupdate = find_tool("pyside6-lupdate")
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    # A list file keeps the command line short (Windows limits it to 32k characters).
    with tempfile.TemporaryDirectory() as tmp:
        lst = Path(tmp) / "sources.lst"
        lst.write_text("\n".join(str(p) for p in files) + "\n", encoding="utf-8")
        return _run(
            [
                lupdate,
                "@" + str(lst),
                "-no-obsolete",
                "-locations", "relative",
                "-source-language", SOURCE_LANGUAGE,
                "-target-language", TARGET_LANGUAGE,
                "-ts", str(TS_FILE),
            ]
        )


def build() -> int:
    """Compile the .ts into the .qm the application loads."""
    if not TS_FILE.is_file():
        raise ToolError(f"{TS_FILE} missing: run 'python tools/i18n.py update' first")
    lrelease = find_tool("pyside6-lrelease")
    return _run([lrelease, str(TS_FILE), "-qm", str(QM_FILE)])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``update`` or ``build``; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python tools/i18n.py",
        description="Update the VIP Desk .ts from the sources, or build the .qm.",
    )
    parser.add_argument("command", choices=("update", "build"))
    args = parser.parse_args(argv)
    try:
        return update() if args.command == "update" else build()
    except ToolError as exc:
        print(f"i18n: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
