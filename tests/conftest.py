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
def file_catalogue(tmp_path: Path):
    """A new catalogue file (Russia, districts, subjects, spheres), open for this test; also
    in modules whose `catalogue` is both backends (a backup, say, is a copy of a file)."""
    from editor.core.catalogue import init_catalogue
    from editor.db.database import close_catalogue

    path = tmp_path / "test.gpc"
    init_catalogue(path)
    yield path
    close_catalogue()


@pytest.fixture
def catalogue(file_catalogue: Path):
    """A new catalogue file (see `file_catalogue`)."""
    return file_catalogue


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for this test session, or skip with the reason."""
    from tests.pg_server import PgServer, skip_reason

    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new empty database on the test server (as its superuser)."""
    return pg_server.url(pg_server.new_database())


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_catalogue(request, tmp_path: Path):
    """A new catalogue, once as a file and once on the PostgreSQL test server.

    A test module runs on both backends by overriding `catalogue` with this fixture.
    """
    from editor.core.catalogue import init_catalogue
    from editor.db.database import close_catalogue

    if request.param == "sqlite":
        target = tmp_path / "test.gpc"
    else:
        target = request.getfixturevalue("pg_url")
    init_catalogue(target)
    yield target
    close_catalogue()
