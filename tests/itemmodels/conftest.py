"""Fixtures of the item model tests: the sample catalogue, a store and an undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from editor.core.store import Store
from editor.db.database import close_catalogue
from tests.sample_catalogue import build_sample


@pytest.fixture
def sample(tmp_path, qapp):
    """The sample catalogue, open for this test."""
    built = build_sample(tmp_path / "sample.gpc")
    yield built
    close_catalogue()


@pytest.fixture
def store(sample, qapp):
    """The change notifications of the sample catalogue."""
    return Store(str(sample.path))


@pytest.fixture
def undo_stack(qapp):
    """The undo stack the models push their edits to."""
    stack = QUndoStack()
    yield stack
    stack.clear()
