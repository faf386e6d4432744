"""A capability's public surface, declared in its package's ``__init__.py`` and loaded lazily.

A package lists, module by module, the names it offers (docs/architecture.md, "Layers": its
services, the rows, inputs and results they pass, its errors); ``from app.cards import
issue_card`` then imports ``app.cards.issue`` at that moment and no other module of the package.

Why lazily (PEP 562) rather than by imports at the top of ``__init__.py``: Python runs a
package's ``__init__`` before any of its modules, and the foundations import single modules of
the capabilities (``app.store`` the audit chain, every service ``app.auth.permissions``). Top
imports there made 114 of app's 135 modules fail to import first (a partially initialised
``app.store``), and would load a whole capability (its PDFs, its printers' libraries) wherever
one of its modules is needed, against the start-up budget.

Inside ``app`` a module imports its dependencies from their modules, not from a package's
surface, so that the layer contracts and the cycle checks see the real edge
(``tests/test_public_services.py`` holds both rules).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_surface(package: str, modules: Mapping[str, tuple[str, ...]]
                 ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``__all__``, ``__getattr__`` and ``__dir__`` for ``package``, whose module ``m`` (a key of
    ``modules``, relative to the package) offers the names ``modules[m]``. A name is imported
    from its module on first access and kept in the package's namespace."""
    home = {name: f"{package}.{module}" for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:  # noqa: N807 - PEP 562's module hook
        if name not in home:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's module hook
        return sorted(set(vars(sys.modules[package])) | set(home))

    return [name for names in modules.values() for name in names], __getattr__, __dir__
