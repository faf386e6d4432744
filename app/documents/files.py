"""Writing a PDF to disk so that a full disk or a crash never leaves a corrupt file behind.

The bytes go to a temporary file in the target's folder, are flushed to disk, and only then
replace the target in one rename; on any failure the temporary file is removed and the target
is untouched (an earlier file of the same name survives).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from app.errors import QT_TRANSLATE_NOOP, ValidationError

FILE = QT_TRANSLATE_NOOP("fields", "File")


def save_pdf(data: bytes, target: Path) -> Path:
    """Write ``data`` to ``target`` atomically; a clear ValidationError when it cannot."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp = -1, ""
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
        temp = ""
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "the disk is full; nothing was saved to {path}"), field=FILE, path=str(target)) from None
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "could not be written to {path}: {reason}"),
                              field=FILE, path=str(target), reason=exc.strerror or str(exc)) from None
    finally:
        if fd != -1:
            os.close(fd)
        if temp:
            try:
                os.unlink(temp)
            except OSError:
                pass
    return target
