"""Store URLs with several PostgreSQL servers (a primary and its standbys).

A bank gives every PC all the addresses of its store and lets the client find the one that
takes writes: ``target_session_attrs=read-write`` makes libpq try the hosts in turn and skip a
standby (after a failover the promoted standby is the one that answers). People write that in
either of two forms, and both are read here into the one SQLAlchemy keeps:

- SQLAlchemy's: ``postgresql+psycopg://u@/db?host=a:5432&host=b:5433&target_session_attrs=read-write``
- libpq's URI:  ``postgresql://u@a:5432,b:5433/db?target_session_attrs=read-write``

This module imports SQLAlchemy's URL only, so the settings page may use it at start-up.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from sqlalchemy.engine import URL, make_url

DEFAULT_PORT = 5432


def parse_url(url: str | URL) -> URL:
    """SQLAlchemy's reading of a store URL, the libpq multi-host form included (its hosts go
    to repeated ``host=HOST:PORT`` parameters, which the psycopg dialect hands to libpq).
    Raises what :func:`sqlalchemy.engine.make_url` raises for a URL it cannot read."""
    if isinstance(url, URL):
        return url
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres") or "," not in parts.netloc:
        return make_url(url)
    userinfo, _, hostlist = parts.netloc.rpartition("@")
    username, _, password = userinfo.partition(":")
    query: dict[str, str | tuple[str, ...]] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        query[key] = (*_as_tuple(query[key]), value) if key in query else value
    hosts = tuple(_with_port(unquote(host)) for host in hostlist.split(",") if host)
    query["host"] = (*_as_tuple(query.get("host", ())), *hosts)
    scheme = parts.scheme.replace("postgres+", "postgresql+")
    return URL.create(
        "postgresql" if scheme == "postgres" else scheme,
        username=unquote(username) or None,
        password=unquote(password) if userinfo and ":" in userinfo else None,
        database=unquote(parts.path.lstrip("/")) or None,
        query=query,
    )


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def _with_port(host: str) -> str:
    """``HOST:PORT``: the dialect wants a port on every host or on none, so a bare one gets
    PostgreSQL's (a socket folder, starting with ``/``, stays as it is)."""
    if host.startswith("/") or host.rsplit(":", 1)[-1].isdigit() and not host.endswith("]"):
        return host
    return f"{host}:{DEFAULT_PORT}"


def servers(url: URL) -> list[str]:
    """The servers of a PostgreSQL store URL as ``HOST:PORT``, in the order they are tried."""
    listed = url.query.get("host")
    if listed:
        return list(_as_tuple(listed))
    return [f"{url.host or 'localhost'}:{url.port or DEFAULT_PORT}"]


def where(url: URL) -> str:
    """Servers and database of a PostgreSQL store URL, for people: ``a:5432,b:5433/vipdesk``."""
    return f"{','.join(servers(url))}/{url.database or ''}"
