from __future__ import annotations

from pathlib import Path

import pytest

from editor.db.database import close_catalogue
from tests.directory.sample import build_directory_sample


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """The directory sample catalogue (a region with hostile and personal data), closed."""
    path = tmp_path / "region.gpc"
    build_directory_sample(path)
    close_catalogue()
    yield path
    close_catalogue()
