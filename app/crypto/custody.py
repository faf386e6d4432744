"""Where the master key comes from: never the database, never its backups.

* a key file that only its owner may read (PostgreSQL: on the server, owned by the service
  account that runs the encrypting jobs; the loader refuses a file others can read);
* two custodians' key parts, combined only in memory (dual control, as for blank cards): each
  part alone says nothing of the key, and each carries a check so a mistyped part is named;
* the OS keyring of the PC's user (SQLite on one PC).
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import stat
from pathlib import Path

from app.crypto.keys import MASTER_KEY_BYTES
from app.errors import QT_TRANSLATE_NOOP, UserError

KEYRING_SERVICE = "vipdesk-master-key"


class CustodyError(UserError):
    """The master key could not be loaded; the message says why."""


def new_master_key() -> bytes:
    """A fresh random master key."""
    return secrets.token_bytes(MASTER_KEY_BYTES)


def encode(key: bytes) -> str:
    """A master key as text for a key file or the keyring."""
    return base64.b32encode(key).decode("ascii")


def decode(text: str) -> bytes:
    """A master key from its text; a clear error for anything else."""
    try:
        key = base64.b32decode("".join(text.split()).upper())
    except ValueError:
        raise CustodyError(QT_TRANSLATE_NOOP("errors", "the master key is not base 32 text")) from None
    if len(key) != MASTER_KEY_BYTES:
        raise CustodyError(QT_TRANSLATE_NOOP("errors", "a master key has {want} bytes, this one {got}"),
                           want=MASTER_KEY_BYTES, got=len(key))
    return key


def write_key_file(path: Path, key: bytes) -> None:
    """Write a key file readable by its owner only (created with mode 0600, never widened)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(encode(key) + "\n")


def read_key_file(path: Path) -> bytes:
    """The master key in ``path``; refused when group or others may read or write the file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise CustodyError(QT_TRANSLATE_NOOP("errors", "master key file {path}: {reason}"),
                           path=path, reason=exc.strerror) from None
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise CustodyError(QT_TRANSLATE_NOOP("errors", "master key file {path} may be read by others: chmod 600 it"),
                           path=path)
    return decode(path.read_text(encoding="ascii"))


# ---------------------------------------------------------------------- two custodians' parts

def _part_check(part: bytes) -> str:
    return hashlib.sha256(b"vipdesk key part" + part).hexdigest()[:4].upper()


def split(key: bytes) -> tuple[str, str]:
    """Two key parts for two custodians (escrow): random A, and B = key XOR A. Each is written
    as base 32 plus a 4-character check."""
    a = secrets.token_bytes(len(key))
    b = bytes(x ^ y for x, y in zip(key, a))
    return f"{encode(a)}-{_part_check(a)}", f"{encode(b)}-{_part_check(b)}"


def _part(text: str, which: str) -> bytes:
    body, _, check = "".join(text.split()).upper().rpartition("-")
    try:
        part = decode(body)
    except CustodyError:
        part = b""
    if not part or _part_check(part) != check:
        raise CustodyError(QT_TRANSLATE_NOOP("errors", "key part {which} is mistyped (its check does not match)"),
                           which=which)
    return part


def combine(part_a: str, part_b: str) -> bytes:
    """The master key from the two custodians' parts."""
    a, b = _part(part_a, "A"), _part(part_b, "B")
    return bytes(x ^ y for x, y in zip(a, b))


# ---------------------------------------------------------------------- one PC (SQLite)

def from_keyring(store_name: str) -> bytes:
    """The master key kept in the PC user's OS keyring under the store's name."""
    import keyring

    text = keyring.get_password(KEYRING_SERVICE, store_name)
    if text is None:
        raise CustodyError(QT_TRANSLATE_NOOP("errors", "no master key for {store} in this user's keyring"),
                           store=store_name)
    return decode(text)


def to_keyring(store_name: str, key: bytes) -> None:
    """Keep the master key in the PC user's OS keyring under the store's name."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, store_name, encode(key))


# ---------------------------------------------------------------------- the default custody

KEY_DIR_VARIABLE = "VIPDESK_KEY_DIR"
KEY_FILE_VARIABLE = "VIPDESK_MASTER_KEY_FILE"


def key_dir() -> Path:
    """Where this PC user's master key files live by default: the user's configuration folder
    (``platformdirs``), outside every store and its backups; ``$VIPDESK_KEY_DIR`` over it."""
    import platformdirs

    return Path(os.environ.get(KEY_DIR_VARIABLE) or platformdirs.user_config_path("vipdesk") / "keys")


def default_key_file(check: bytes) -> Path:
    """The default file of the master key whose fingerprint is ``check`` (keys.master_check):
    named by the fingerprint, so a store moved or copied still finds its key, and a rotation's
    new key gets a file of its own."""
    return key_dir() / f"{check.hex()}.key"


def keep_in_default_file(key: bytes, check: bytes) -> Path:
    """Write a new master key to its default file (mode 0600, folder 0700) and say where."""
    folder = key_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = default_key_file(check)
    write_key_file(path, key)
    return path


def find_master(check: bytes) -> bytes | None:
    """The master key with fingerprint ``check`` from this PC's custody, or None: the key file
    named by ``$VIPDESK_MASTER_KEY_FILE``, the default key file, the user's OS keyring."""
    from app.crypto.keys import master_check

    candidates = [Path(p) for p in (os.environ.get(KEY_FILE_VARIABLE), default_key_file(check)) if p]
    for path in candidates:
        if path.exists():
            key = read_key_file(path)
            if master_check(key) == check:
                return key
    try:
        import keyring

        text = keyring.get_password(KEYRING_SERVICE, check.hex())
    except Exception:  # no usable keyring backend on this PC: the other custodies remain
        text = None
    return decode(text) if text else None
