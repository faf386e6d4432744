"""Writing a PDF to disk so that a full disk or a crash never leaves a corrupt file behind.

The bytes go to a part file in the target's folder, are flushed to disk, and only then
replace the target in one rename (:mod:`app.outfile`); on any failure the part file is removed
and the target is untouched (an earlier file of the same name survives).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from app.outfile import published


def save_pdf(data: bytes, target: Path) -> Path:
    """Write ``data`` to ``target`` atomically; a clear ValidationError when it cannot."""
    def fill(handle: IO[bytes]) -> None:
        handle.write(data)

    with published(Path(target), fill) as placed:
        return placed
