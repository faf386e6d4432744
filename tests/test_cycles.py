"""No import cycles: between modules anywhere in app, db and ui, nor between the capability
packages of app (docs/architecture.md, "Layers"). A cycle hides an order of start-up that only
works by accident (a deferred import moved to the top once broke start-up in app/queue); shared
pieces move down into a module both sides import instead."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan, iterative), each sorted:
    every group of nodes that import each other round a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges.get(successor, ())))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found)


def _graph() -> grimp.ImportGraph:
    sys.path.insert(0, str(ROOT))
    try:
        return grimp.build_graph("app", "db", "ui", cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))


def test_the_cycle_finder_finds_a_planted_cycle():
    planted = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(planted) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_round_a_loop():
    graph = _graph()
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert cycles(edges) == []


def test_no_capability_package_of_app_imports_itself_round_a_loop():
    """Between app's packages (auth, queue, documents, ...): an import from a module of one into a
    module of another is an edge of the two packages; app's top-level modules are not packages."""
    graph = _graph()
    packages = {m for m in graph.modules if m.count(".") == 1 and m.startswith("app.")
                and (ROOT / m.replace(".", "/")).is_dir()}

    def package_of(module: str) -> str | None:
        name = ".".join(module.split(".")[:2])
        return name if name in packages else None

    edges: dict[str, set[str]] = {p: set() for p in packages}
    for module in graph.modules:
        source = package_of(module)
        for imported in graph.find_modules_directly_imported_by(module) if source else ():
            target = package_of(imported)
            if target and target != source:
                edges[source].add(target)
    assert cycles(edges) == []
