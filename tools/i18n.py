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

Catalogues: one .ts per capability package (``cards`` holds ``app/cards`` and ``ui/cards``),
listed in CATALOGUES, and ``vipdesk`` for everything else, so that work on two capabilities
never edits the same translation file. The app loads every ``*_zh_CN.qm`` it ships.

Commands (run from anywhere; paths are resolved from this file):

    python tools/i18n.py update [NAME...]  # pyside6-lupdate -> resources/i18n/NAME_zh_CN.ts
                                           #   (existing translations kept, -no-obsolete)
    python tools/i18n.py build [NAME...]   # pyside6-lrelease -> resources/i18n/NAME_zh_CN.qm

Without NAME every catalogue is updated or built.

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
SOURCE_DIRS = ("ui", "app")
MAIN_CATALOGUE = "vipdesk"
# Capability packages with a catalogue of their own: app/<name> and ui/<name>.
CATALOGUES = ("cards", "queue", "documents", "care", "crypto", "visit")
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


def ts_file(name: str) -> Path:
    return I18N_DIR / f"{name}_{TARGET_LANGUAGE}.ts"


def qm_file(name: str) -> Path:
    return I18N_DIR / f"{name}_{TARGET_LANGUAGE}.qm"


def catalogue_of(path: Path) -> str:
    """The catalogue a source file belongs to: its capability package's, or the main one."""
    parts = path.relative_to(ROOT).parts
    return parts[1] if len(parts) > 2 and parts[1] in CATALOGUES else MAIN_CATALOGUE


def source_files(name: str = MAIN_CATALOGUE) -> list[Path]:
    """Every .py file of catalogue ``name`` under ui/ and app/, sorted, skipping __pycache__."""
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        base = ROOT / folder
        if base.is_dir():
            files.extend(
                p for p in base.rglob("*.py")
                if "__pycache__" not in p.parts and catalogue_of(p) == name
            )
    return sorted(files)


def _run(cmd: list[str]) -> int:
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT)


def update(name: str = MAIN_CATALOGUE) -> int:
    """Create or update catalogue ``name``'s .ts from its sources; keeps translations, drops
    obsolete ones. A capability whose package does not exist yet has nothing to update."""
    files = source_files(name)
    if not files:
        if name != MAIN_CATALOGUE:
            return 0
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
                "-ts", str(ts_file(name)),
            ]
        )


def build(name: str = MAIN_CATALOGUE) -> int:
    """Compile catalogue ``name``'s .ts into the .qm the application loads."""
    ts = ts_file(name)
    if not ts.is_file():
        if name != MAIN_CATALOGUE:
            return 0
        raise ToolError(f"{ts} missing: run 'python tools/i18n.py update' first")
    lrelease = find_tool("pyside6-lrelease")
    return _run([lrelease, str(ts), "-qm", str(qm_file(name))])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``update`` or ``build``; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python tools/i18n.py",
        description="Update the VIP Desk .ts from the sources, or build the .qm.",
    )
    parser.add_argument("command", choices=("update", "build"))
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"catalogues: {', '.join((MAIN_CATALOGUE, *CATALOGUES))} (default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - {MAIN_CATALOGUE, *CATALOGUES}
    if unknown:
        parser.error(f"unknown catalogue: {', '.join(sorted(unknown))}")
    action = update if args.command == "update" else build
    try:
        return max(action(name) for name in args.names or (MAIN_CATALOGUE, *CATALOGUES))
    except ToolError as exc:
        print(f"i18n: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
