"""The package's checks can fail: packaging/glibc_floor.py refuses a wheel's object that needs a
glibc newer than the floor, lets the build host's through unless --strict, and prints the
bundle's real need (what the .deb declares); packaging/deps.py lists what pyproject.toml says."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ROOT / "packaging" / "glibc_floor.py"


def _newest_object() -> tuple[Path, str]:
    """A shared object of this Python's and the newest glibc it needs (objdump's view)."""
    sys.path.insert(0, str(FLOOR.parent))
    try:
        from glibc_floor import needed_glibc, shown
    finally:
        sys.path.pop(0)
    found = sorted(Path(sysconfig.get_config_var("DESTSHARED")).glob("*.so"))
    best = max(found, key=needed_glibc)
    return best, shown(needed_glibc(best))


def check(bundle: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FLOOR), str(bundle), *args], capture_output=True, text=True)


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="Linux with binutils (objdump) only")
def test_the_glibc_floor_refuses_a_wheel_object_above_it(tmp_path):
    source, needs = _newest_object()
    below = ".".join(needs.split(".")[:1] + [str(int(needs.split(".")[1]) - 1)])  # just under it
    wheel = tmp_path / "bundle" / "_internal" / "somepackage"
    wheel.mkdir(parents=True)
    shutil.copy(source, wheel / source.name)

    done = check(tmp_path / "bundle", "--floor", below)
    assert done.returncode == 1 and "need a glibc newer than" in done.stderr
    assert f"ABOVE {needs}" in done.stdout and f"somepackage/{source.name}" in done.stdout
    assert done.stdout.strip().endswith(f"needs glibc {needs}")
    assert check(tmp_path / "bundle", "--floor", needs).returncode == 0

    shutil.move(wheel / source.name, wheel.parent / source.name)  # now as if from the build host
    done = check(tmp_path / "bundle", "--floor", below)
    assert done.returncode == 0 and f"above {needs}" in done.stdout
    assert done.stdout.strip().endswith(f"needs glibc {needs}")
    assert check(tmp_path / "bundle", "--floor", below, "--strict").returncode == 1


def test_the_glibc_floor_names_a_usage_error(tmp_path):
    done = check(tmp_path / "missing", "--floor", "2.28")
    assert done.returncode == 2 and "is not a folder" in done.stderr


def test_deps_lists_the_project_dependencies():
    listed = subprocess.run([sys.executable, str(ROOT / "packaging" / "deps.py")], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert "keyring>=24" in listed and not any(line.lower().startswith("pyside6-pdf") for line in listed)
    assert "PySide6-Addons>=6.6,<6.12" in listed
