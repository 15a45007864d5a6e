"""The layers of DESIGN §6 and the import graph: no cycles, no arrow against the layers.

Imports are read from the code with `ast`, every one of them: module level, inside functions
(lazy imports) and under `if TYPE_CHECKING:`, since each is a dependency all the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EDITOR = Path(__file__).resolve().parents[1] / "editor"
# db → core → exchange/tasks → commands/itemmodels → ui → cli: a module imports only its own
# layer and the layers before it.
LAYER_RANK = {
    "db": 0,
    "core": 1,
    "exchange": 2,
    "tasks": 2,
    "commands": 3,
    "itemmodels": 3,
    "ui": 4,
    "cli": 5,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(EDITOR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(EDITOR.rglob("*.py"))}


def _imported_names(name: str, path: Path) -> set[str]:
    """Every dotted name a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                names.add(full if full in MODULES else base)
    return names


def _owner(name: str) -> str | None:
    """The editor module a dotted name belongs to (a module, or the module defining the name)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = {_owner(n) for n in _imported_names(name, path) if n.startswith("editor")}
        graph[name] = {t for t in targets if t and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
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
    return found


def _layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYER_RANK else None


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_no_arrow_against_the_layers():
    offenders = []
    for name, targets in _graph().items():
        layer = _layer(name)
        if layer is None:
            continue
        for target in sorted(targets):
            other = _layer(target)
            if other is not None and LAYER_RANK[other] > LAYER_RANK[layer]:
                offenders.append(f"{name} → {target}")
    assert offenders == []


def test_every_package_says_what_lives_there():
    silent = [
        str(path.relative_to(EDITOR.parent))
        for path in EDITOR.rglob("__init__.py")
        if ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
    ]
    assert silent == []


def test_no_module_over_600_lines():
    long = {
        str(path.relative_to(EDITOR.parent)): n
        for path in EDITOR.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert long == {}


def _imports(path: Path) -> set[str]:
    return _imported_names(_module_name(path), path)


@pytest.mark.parametrize("layer", ["db", "core", "exchange"])
def test_lower_layers_import_no_widgets(layer):
    offenders = []
    for path in sorted((EDITOR / layer).rglob("*.py")):
        bad = {
            name
            for name in _imports(path)
            if name.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtCharts"))
        }
        if bad:
            offenders.append(f"{path.relative_to(EDITOR)}: {sorted(bad)}")
    assert offenders == []


def test_ui_has_no_sql_or_openpyxl():
    offenders = []
    for path in sorted((EDITOR / "ui").rglob("*.py")):
        names = _imports(path)
        bad = {
            n for n in names if n.startswith(("openpyxl", "sqlite3", "python_calamine", "peewee"))
        }
        bad |= {n for n in names if n.startswith(("editor.db.models", "editor.db.database"))}
        text = path.read_text(encoding="utf-8")
        if "execute_sql(" in text or ".executemany(" in text:
            bad.add("raw SQL")
        if bad:
            offenders.append(f"{path.relative_to(EDITOR)}: {sorted(bad)}")
    assert offenders == []


def test_core_uses_qtcore_only():
    for path in sorted((EDITOR / "core").rglob("*.py")):
        qt = {n for n in _imports(path) if n.startswith("PySide6")}
        assert all(n.startswith("PySide6.QtCore") for n in qt), path
