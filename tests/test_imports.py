"""Every module of the editor and the benchmark imports in the environment the tests run in.

In a fresh virtual environment that holds only what pyproject.toml declares, a module that
imports an undeclared package fails here, before any user meets it.
"""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from pathlib import Path

import pytest

import bench
import editor

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> list[str]:
    names = []
    for package in (editor, bench):
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
            names.append(info.name)
    return sorted(names)


def test_the_walk_finds_the_layers():
    names = _modules()
    assert {"editor.db.database", "editor.ui.main_window", "editor.cli.dispatch"} <= set(names)
    assert "bench.framework" in names


@pytest.mark.parametrize("name", _modules())
def test_module_imports(name):
    importlib.import_module(name)


def test_third_party_imports_are_declared():
    """Each top-level package imported by the code is a declared dependency (or stdlib)."""
    import ast
    import sys

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [dep for deps in declared.get("optional-dependencies", {}).values() for dep in deps]
    # An optional extra (the PostgreSQL driver of `server`) counts: the code imports it lazily
    # and says which extra to install when it is missing.
    requirements = " ".join([*declared["dependencies"], *extras]).lower().replace("-", "_")
    # Distribution names that differ from the module they provide.
    provided_by = {"PySide6": "pyside6", "python_calamine": "python_calamine", "isal": "isal"}
    imported: set[str] = set()
    for folder in ("editor", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    imported.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    imported.add(node.module.split(".")[0])
    third_party = {
        name
        for name in imported
        if name not in sys.stdlib_module_names and name not in {"editor", "bench", "tests"}
    }
    missing = sorted(
        name for name in third_party if provided_by.get(name, name).lower() not in requirements
    )
    assert missing == []
