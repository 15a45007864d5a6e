"""Shared fixtures: a fresh catalogue in a temp file, and the path of the real public data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# GUI tests run without a display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def data_dir() -> Path:
    """../shared/data, or skip when this checkout has none beside it."""
    if not DATA_DIR.is_dir():
        pytest.skip("../shared/data is absent")
    return DATA_DIR


@pytest.fixture
def catalogue(tmp_path: Path):
    """A new catalogue file (Russia, districts, subjects, spheres), open for this test."""
    from editor.core.catalogue import init_catalogue
    from editor.db.database import close_catalogue

    path = tmp_path / "test.gpc"
    init_catalogue(path)
    yield path
    close_catalogue()
