"""Fixtures of the command tests: a copy of the small catalogue, a store and an undo stack."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QUndoStack

from editor.core.store import Store
from editor.db.database import close_catalogue
from tests.commands.small_catalogue import SmallCatalogue, Template

# Read when pytest-qt creates the application, after collection.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory) -> Template:
    """The small catalogue, built once."""
    return Template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def catalogue(catalogue_template, tmp_path, qapp) -> SmallCatalogue:
    """A fresh copy of the small catalogue, open for the test."""
    built = catalogue_template.copy_to(tmp_path / "catalogue.gpc")
    yield built
    close_catalogue()


@pytest.fixture
def store(catalogue) -> Store:
    """The change notifications of the open catalogue."""
    return Store(str(catalogue.path))


@pytest.fixture
def stack() -> QUndoStack:
    """One undo stack, as the window has."""
    stack = QUndoStack()
    yield stack
    stack.clear()
