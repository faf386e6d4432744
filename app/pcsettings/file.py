"""The settings file and the override order.

The file is ``vipdesk.ini`` in the machine-wide configuration directory (platformdirs
``site_config_dir``: ``/etc/xdg/VIPDesk`` on Linux, ``C:\\ProgramData\\VIPDesk`` on Windows),
so one file serves whoever signs in to the PC's desktop and IT can push it with its own tools;
``VIPDESK_SETTINGS`` names another file. It is INI (one ``[vipdesk]`` section, ``key = value``):
plain text, written and read by the standard library, familiar to Windows IT.

Override order, lowest first: built-in defaults, the file, the environment variables in
:data:`~app.pcsettings.fields.ENVIRONMENT`, the command line (``--db``). A setting is read when
it is used, so a change saved on the settings page counts from the next use on.
"""

from __future__ import annotations

import configparser
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.pcsettings.fields import ENVIRONMENT, KEYS, LABELS, PcSettings, checked, checked_settings, parsed_url

SECTION = "vipdesk"
ENV_FILE = "VIPDESK_SETTINGS"
HEADER = ("# VIP Desk: this PC's settings (see README, \"Installing in a branch\").\n"
          "# Empty means the default. A PostgreSQL password does not belong here: it is kept in\n"
          "# the system keyring (or in a pgpass file where the PC has no keyring).\n")


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    """The settings file of this PC: ``$VIPDESK_SETTINGS`` or the machine-wide default."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_FILE):
        return Path(environ[ENV_FILE])
    from platformdirs import site_config_dir

    return Path(site_config_dir("VIPDesk", appauthor=False)) / "vipdesk.ini"


def read_file(path: Path) -> PcSettings:
    """The settings held in ``path`` (none when it does not exist); a bad file raises
    ValidationError naming the file and the line's setting."""
    parser = configparser.ConfigParser(interpolation=None, default_section="\0")
    try:
        with path.open(encoding="utf-8-sig") as handle:  # Notepad's BOM is welcome
            parser.read_file(handle)
    except FileNotFoundError:
        return PcSettings()
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "could not be read: {reason}"),
                              field=str(path), reason=exc.strerror or str(exc)) from None
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a settings file: {reason}"),
                              field=str(path), reason=str(exc).splitlines()[0]) from None
    extra = [name for name in parser.sections() if name != SECTION]
    if extra:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "has a section [{name}]; the settings go in [{section}]"),
                              field=str(path), name=extra[0], section=SECTION)
    values = dict(parser[SECTION]) if parser.has_section(SECTION) else {}
    for key, value in values.items():  # named as IT wrote it: the file and the key
        try:
            checked_settings({key: value})
        except ValidationError as exc:
            exc.field = f"{path}: {key}"
            raise
    return checked_settings(values)


def write_file(path: Path, settings: PcSettings) -> None:
    """Write ``settings`` to ``path`` whole (a new file renamed over the old one, so a reader
    never sees half a file). Values are checked again; a password in the store URL is refused:
    :func:`app.pcsettings.secret.keep_password` takes it out first."""
    settings = checked_settings(settings.as_dict())
    if settings.store_url and parsed_url(settings.store_url).password is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not hold a password in the settings file"),
                              field=LABELS["store_url"])
    parser = configparser.ConfigParser(interpolation=None)
    parser[SECTION] = settings.as_dict()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".vipdesk-",
                                         suffix=".ini", delete=False)
    try:
        with handle:
            handle.write(HEADER)
            parser.write(handle)
        os.chmod(handle.name, 0o644)  # readable by everyone at the PC: it holds no secret
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def from_environment(environ: Mapping[str, str]) -> PcSettings:
    """The settings the environment variables set. ``VIPDESK_LANG`` keeps its old leniency:
    ``en`` in any case is English, any other value Chinese."""
    values = {}
    for key in KEYS:
        value = environ.get(ENVIRONMENT[key], "").strip()
        if key == "language" and value:
            value = "en" if value.lower() == "en" else "zh_CN"
        if value:
            try:
                values[key] = checked(key, value)
            except ValidationError as exc:
                exc.field = ENVIRONMENT[key]
                raise
    return PcSettings(**values)


def load_settings(environ: Mapping[str, str] | None = None) -> PcSettings:
    """This PC's settings in force: the environment over the file over the defaults."""
    environ = os.environ if environ is None else environ
    return from_environment(environ).merged_over(read_file(settings_path(environ)))
