"""The layers of DESIGN §6: db, core and exchange never import widgets; ui holds no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EDITOR = Path(__file__).resolve().parents[1] / "editor"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", ["db", "core", "exchange"])
def test_lower_layers_import_no_widgets(layer):
    offenders = []
    for path in sorted((EDITOR / layer).rglob("*.py")):
        bad = {name for name in _imports(path)
               if name.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "editor.ui",
                                   "editor.itemmodels", "editor.commands"))}
        if bad:
            offenders.append(f"{path.relative_to(EDITOR)}: {sorted(bad)}")
    assert offenders == []


def test_ui_has_no_sql_or_openpyxl():
    offenders = []
    for path in sorted((EDITOR / "ui").rglob("*.py")):
        names = _imports(path)
        bad = {n for n in names if n.startswith(("openpyxl", "sqlite3", "python_calamine"))}
        text = path.read_text(encoding="utf-8")
        if "execute_sql(" in text or ".executemany(" in text:
            bad.add("raw SQL")
        if bad:
            offenders.append(f"{path.relative_to(EDITOR)}: {sorted(bad)}")
    assert offenders == []


def test_core_uses_qtcore_only():
    for path in sorted((EDITOR / "core").rglob("*.py")):
        qt = {n for n in _imports(path) if n.startswith("PySide6")}
        # Translations (QCoreApplication, QTranslator, QLocale) and signals, nothing graphical.
        assert qt <= {"PySide6.QtCore", "PySide6.QtCore.QObject", "PySide6.QtCore.Signal",
                      "PySide6.QtCore.QCoreApplication", "PySide6.QtCore.QTranslator",
                      "PySide6.QtCore.QLocale"}, path
