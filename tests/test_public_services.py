"""Each capability of app exports its public surface from its package (docs/architecture.md,
"Layers"): every service (a public function whose first two parameters are ``store: Store,
actor: Actor``), every class of the capability a service takes or returns, and every error the
capability defines is in the package's ``__all__`` and resolves to the very object its module
defines. Inside app, modules import from modules, never from a capability's surface, so that
the layer contracts and the cycle checks see the real edge."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
CAPABILITIES = sorted(p.name for p in (ROOT / "app").iterdir() if (p / "__init__.py").is_file())
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def _modules(package: ModuleType) -> list[ModuleType]:
    return [importlib.import_module(f"{package.__name__}.{info.name}")
            for info in pkgutil.iter_modules(package.__path__)]


def _defined(module: ModuleType, kind) -> list:
    """The public objects of ``kind`` that ``module`` defines (not those it imports)."""
    return [value for name, value in vars(module).items()
            if not name.startswith("_") and kind(value) and value.__module__ == module.__name__]


def _is_service(function) -> bool:
    first_two = list(inspect.signature(function).parameters.values())[:2]
    return ([(p.name, str(getattr(p.annotation, "__name__", p.annotation))) for p in first_two]
            == [("store", "Store"), ("actor", "Actor")])


def _names_in(annotation) -> set[str]:
    """The identifiers an annotation mentions (a string under postponed evaluation, else its repr)."""
    return set(IDENTIFIER.findall(annotation if isinstance(annotation, str) else repr(annotation)))


def public_surface_gaps(package: ModuleType) -> list[str]:
    """What ``package`` ought to export and does not: each as "module.name (why)"."""
    exported = set(getattr(package, "__all__", ()))
    modules = _modules(package)
    classes = {cls.__name__: cls for module in modules for cls in _defined(module, inspect.isclass)}
    owed: dict[object, str] = {}
    for module in modules:
        for function in filter(_is_service, _defined(module, inspect.isfunction)):
            owed[function] = "service"
            signature = inspect.signature(function)
            mentioned = set().union(*(_names_in(p.annotation) for p in signature.parameters.values()),
                                    _names_in(signature.return_annotation))
            owed.update({classes[name]: f"passed by {function.__name__}"
                         for name in mentioned & set(classes) if classes[name] not in owed})
    owed.update({cls: "error" for cls in classes.values() if issubclass(cls, BaseException)})
    return sorted(f"{item.__module__}.{item.__name__} ({why})" for item, why in owed.items()
                  if item.__name__ not in exported or getattr(package, item.__name__) is not item)


@pytest.mark.parametrize("capability", CAPABILITIES)
def test_a_capability_exports_its_services_the_types_they_pass_and_its_errors(capability):
    assert public_surface_gaps(importlib.import_module(f"app.{capability}")) == []


@pytest.mark.parametrize("capability", CAPABILITIES)
def test_every_exported_name_resolves_once_and_shadows_no_module(capability):
    package = importlib.import_module(f"app.{capability}")
    exported = list(getattr(package, "__all__", ()))
    submodules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    assert len(exported) == len(set(exported)), "a name exported twice"
    assert set(exported) & submodules == set(), "an export would hide the module of that name"
    for name in exported:
        assert getattr(package, name) is not None
        assert name in dir(package)


def test_a_service_left_out_of_the_surface_is_found(tmp_path, monkeypatch):
    """The check above can fail: a planted package exports one service and forgets another."""
    planted = tmp_path / "planted_capability"
    planted.mkdir()
    (planted / "__init__.py").write_text(
        "from app.surface import lazy_surface\n"
        "__all__, __getattr__, __dir__ = lazy_surface(__name__, {'work': ('listed',)})\n")
    (planted / "work.py").write_text(
        "from __future__ import annotations\n"
        "from app.actor import Actor\nfrom app.store import Store\n"
        "class Row: ...\n"
        "class Refused(Exception): ...\n"
        "def listed(store: Store, actor: Actor) -> None: ...\n"
        "def forgotten(store: Store, actor: Actor) -> list[Row]: ...\n"
        "def helper(session, actor: Actor) -> None: ...\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert public_surface_gaps(importlib.import_module("planted_capability")) == [
            "planted_capability.work.Refused (error)",
            "planted_capability.work.Row (passed by forgotten)",
            "planted_capability.work.forgotten (service)",
        ]
    finally:
        for name in ("planted_capability", "planted_capability.work"):
            sys.modules.pop(name, None)


def test_the_surface_imports_a_module_only_when_one_of_its_names_is_used():
    code = ("import sys, app.cards as cards; assert 'app.cards.issue' not in sys.modules; "
            "cards.issue_card; assert 'app.cards.issue' in sys.modules; "
            "assert 'app.cards.servicing' not in sys.modules; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "ok", done.stderr


def test_no_module_of_app_imports_from_a_capability_surface():
    sys.path.insert(0, str(ROOT))
    try:
        graph = grimp.build_graph("app", cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))
    through_surface = {(importer, f"app.{capability}") for capability in CAPABILITIES
                       for importer in graph.find_modules_that_directly_import(f"app.{capability}")}
    assert through_surface == set()
