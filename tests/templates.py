"""Files built once per test run and copied by the tests that need them (a migrated store, the
demo), shared by the run's pytest-xdist workers: the first worker to ask builds the file while
holding a lock, the others wait for it and use the same file.

Without xdist (``pytest`` alone) the file is built in the run's temporary folder as before. On
a system without ``fcntl`` (Windows) each worker builds its own.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no POSIX locks: nothing to share, nothing to wait for
        yield
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The file ``name`` that ``build(path)`` writes, built once for the whole run.

    Under xdist the workers' temporary folders share a parent; the file is built there, under a
    lock, once. ``build`` must leave the file complete (a SQLite store checkpointed into its file).
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        path = tmp_path_factory.mktemp("template") / name
        build(path)
        return path
    shared = tmp_path_factory.getbasetemp().parent / "templates"
    shared.mkdir(exist_ok=True)
    path = shared / name
    with _locked(shared / f"{name}.lock"):
        done = shared / f"{name}.done"
        if not done.exists():
            build(path)
            done.touch()
    return path
