"""The pre-sign-in login's password, kept in the system keyring rather than in the settings file.

Every PC connects to a PostgreSQL store as the pre-sign-in login until someone signs in, so its
password must be on the PC. Where the platform has a keyring (Windows Credential Manager, the
macOS Keychain, the Secret Service of a Linux desktop session) the password is kept there,
under the service "VIPDesk" and the login's ``user@host:port/database``; the settings file
holds the URL without it. Where there is none (a Linux PC without a Secret Service), the
password is not written anywhere by VIP Desk: IT puts it in a pgpass file readable only by the
desktop's account (``PGPASSFILE``), which PostgreSQL's client library reads itself.
"""

from __future__ import annotations

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.pcsettings.fields import LABELS, checked, parsed_url

SERVICE = "VIPDesk"


def _postgres(url):
    return url.drivername.split("+")[0] == "postgresql"




def keyring_entry(url) -> str:
    """The keyring's user name for a store URL: which login on which store (every server of a
    multi-host URL, in its order)."""
    from db.urls import servers

    hosts = ",".join(servers(url)) if url.query.get("host") else f"{url.host or ''}:{url.port or 5432}"
    return f"{url.username or ''}@{hosts}/{url.database or ''}"


def _keyring():
    """The platform's keyring, or None where it has no usable one."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    return None if isinstance(backend, fail.Keyring) else backend


def keyring_name() -> str:
    """What keeps the password on this PC, for the settings page: the keyring's name or ""."""
    backend = _keyring()
    return getattr(backend, "name", type(backend).__name__) if backend is not None else ""


def keep_password(store_url: str) -> str:
    """Put the password of ``store_url`` in the keyring and return the URL without it.

    A URL without a password is returned as it is. A password on a PC without a keyring is
    refused (nothing is stored): use a pgpass file there, see the module's docstring."""
    store_url = checked("store_url", store_url)
    if not store_url:
        return store_url
    url = parsed_url(store_url)
    if url.password is None:
        return store_url
    if not _postgres(url):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "only a PostgreSQL store takes a password"),
                              field=LABELS["store_url"])
    backend = _keyring()
    if backend is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "holds a password, and this PC has no system keyring to keep it in: leave the "
                      "password out and put it in a pgpass file (PGPASSFILE) readable only by this PC's account"),
            field=LABELS["store_url"])
    backend.set_password(SERVICE, keyring_entry(url), str(url.password))
    return url._replace(password=None).render_as_string(hide_password=False)  # set() keeps a None


def with_password(store_url: str) -> str:
    """``store_url`` with the keyring's password for its login added when the URL has none and
    the keyring holds one; otherwise unchanged (PostgreSQL then asks its pgpass file)."""
    try:
        url = parsed_url(store_url)
    except ValidationError:  # opening the store says so, naming the URL
        return store_url
    if not _postgres(url) or url.password is not None:
        return store_url
    backend = _keyring()
    if backend is None:
        return store_url
    from keyring.errors import KeyringError

    try:
        password = backend.get_password(SERVICE, keyring_entry(url))
    except KeyringError:  # a locked or broken keyring: connect without, as on a PC without one
        return store_url
    if password is None:
        return store_url
    return url.set(password=password).render_as_string(hide_password=False)
