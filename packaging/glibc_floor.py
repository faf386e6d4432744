"""Check the glibc floor of a built Linux bundle: which glibc version every bundled shared
object and executable needs at the least, from its ELF version references (objdump -p).

Objects come from two places. Those inside a package folder (PySide6/, psycopg_binary.libs/,
...) come from the wheels, resolved for the floor's manylinux tag: each must need no glibc newer
than the floor, or the check fails. The others (the Python interpreter, its lib-dynload modules
and the system libraries PyInstaller copies beside them) come from the build host: they need
what the host's glibc offered, so the bundle's real floor is the newest of all, printed last
(``needs glibc X``) and written into the .deb's ``Depends: libc6 (>= X)``. With ``--strict`` the
host's objects must meet the floor too: a package for glibc 2.28 is built on a 2.28 host.

    python packaging/glibc_floor.py DIST/vipdesk --floor 2.28 [--strict]
Exit 0 when the floor holds, 1 naming every object that needs more, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

GLIBC = re.compile(r"\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b")


def version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def shown(v: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in v)


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def needed_glibc(path: Path) -> tuple[int, ...]:
    """The newest GLIBC_x.y version ``path`` references ((0,) when none)."""
    out = subprocess.run(["objdump", "-p", str(path)], check=True, capture_output=True, text=True).stdout
    refs = out.partition("Version References:")[2]
    found = [tuple(int(p) for p in m.groups() if p is not None) for m in GLIBC.finditer(refs)]
    return max(found, default=(0,))


def from_host(bundle: Path, path: Path) -> bool:
    """Whether PyInstaller took ``path`` from the build host: the executable, the libraries at
    the top of ``_internal`` (libpython and the system libraries) and Python's lib-dynload."""
    inner = bundle / "_internal"
    if not path.is_relative_to(inner):
        return True
    relative = path.relative_to(inner)
    return len(relative.parts) == 1 or "lib-dynload" in relative.parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--floor", required=True, help="the oldest glibc the package is for, e.g. 2.28")
    parser.add_argument("--strict", action="store_true", help="the build host's objects must meet the floor too")
    args = parser.parse_args(argv)
    if shutil.which("objdump") is None:
        print("glibc_floor: error: objdump not found (Debian: apt-get install binutils)", file=sys.stderr)
        return 2
    if not args.bundle.is_dir():
        print(f"glibc_floor: error: {args.bundle} is not a folder", file=sys.stderr)
        return 2
    floor = version(args.floor)
    objects = [p for p in sorted(args.bundle.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)]
    if not objects:
        print(f"glibc_floor: error: no ELF object in {args.bundle}", file=sys.stderr)
        return 2
    needs = {p: needed_glibc(p) for p in objects}
    wheels = {p: v for p, v in needs.items() if not from_host(args.bundle, p)}
    host = {p: v for p, v in needs.items() if from_host(args.bundle, p)}
    failed = False
    for label, group, enforced in (("from the wheels", wheels, True), ("from the build host", host, args.strict)):
        over = {p: v for p, v in group.items() if v > floor}
        newest = max(group.values(), default=(0,))
        print(f"{len(group)} objects {label}: newest glibc needed {shown(newest)}"
              + (f"; {len(over)} above the floor {args.floor}:" if over else f" (floor {args.floor} holds)"))
        for path, v in sorted(over.items(), key=lambda item: item[1], reverse=True):
            print(f"  {'ABOVE' if enforced else 'above'} {shown(v):<6} {path.relative_to(args.bundle)}")
        failed |= enforced and bool(over)
    print(f"needs glibc {shown(max(needs.values()))}")
    if failed:
        print(f"glibc_floor: error: objects need a glibc newer than {args.floor} (listed above)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
