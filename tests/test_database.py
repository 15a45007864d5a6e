"""Opening catalogue files: new, migrated, newer, foreign, corrupt, locked."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from editor.db.database import (
    SCHEMA_VERSION,
    CatalogueError,
    CatalogueLock,
    close_catalogue,
    open_catalogue,
)
from editor.db.models import Territory


def _bytes(path):
    return path.read_bytes()


def test_new_catalogue_has_schema_version_and_wal(catalogue):
    connection = sqlite3.connect(catalogue)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_reopening_keeps_the_data(catalogue):
    close_catalogue()
    open_catalogue(catalogue)
    assert Territory.select().count() == 1 + 8 + 89


def test_schema_2_file_loses_the_duplicate_indexes_and_keeps_its_records(catalogue):
    close_catalogue()
    connection = sqlite3.connect(catalogue)
    # What a schema-2 file looks like: two partial twins of the foreign-key indexes.
    connection.execute(
        "CREATE INDEX page_live_organization ON page (organization_id) WHERE deleted_at IS NULL"
    )
    connection.execute(
        "CREATE INDEX organization_live_territory ON organization (territory_id)"
        " WHERE deleted_at IS NULL"
    )
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    open_catalogue(catalogue)
    close_catalogue()
    connection = sqlite3.connect(catalogue)
    try:
        indexes = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    finally:
        connection.close()
    assert "page_live_organization" not in indexes
    assert "organization_live_territory" not in indexes
    # The foreign keys keep their plain indexes (deleting a record checks them).
    assert {"page_organization_id", "organization_territory_id", "page_live_rollup"} <= indexes
    open_catalogue(catalogue)
    assert Territory.select().count() == 1 + 8 + 89


def test_newer_file_is_refused_untouched(catalogue):
    close_catalogue()
    connection = sqlite3.connect(catalogue)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = _bytes(catalogue)
    with pytest.raises(CatalogueError, match="более новой версией"):
        open_catalogue(catalogue)
    assert _bytes(catalogue) == before


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = _bytes(path)
    with pytest.raises(CatalogueError, match="не является каталогом"):
        open_catalogue(path)
    assert _bytes(path) == before


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.gpc"
    path.write_text("это не каталог", encoding="utf-8")
    with pytest.raises(CatalogueError, match="не является каталогом"):
        open_catalogue(path)
    assert path.read_text(encoding="utf-8") == "это не каталог"


def test_corrupt_catalogue_gives_clear_error(catalogue):
    close_catalogue()
    data = bytearray(_bytes(catalogue))
    # Keep the SQLite header, wreck the schema page.
    data[100:4096] = b"\xff" * (4096 - 100)
    catalogue.write_bytes(bytes(data))
    (catalogue.parent / (catalogue.name + "-wal")).unlink(missing_ok=True)
    with pytest.raises(CatalogueError):
        open_catalogue(catalogue)


def test_missing_catalogue(tmp_path):
    with pytest.raises(CatalogueError, match="не найден"):
        open_catalogue(tmp_path / "absent.gpc")


def test_second_process_cannot_take_the_write_lock(catalogue):
    with CatalogueLock(catalogue):
        code = (
            "import sys; from editor.db.database import CatalogueLock; "
            f"sys.exit(0 if CatalogueLock({str(catalogue)!r}).acquire() else 3)"
        )
        result = subprocess.run([sys.executable, "-c", code], check=False)
        assert result.returncode == 3
    result = subprocess.run([sys.executable, "-c", code], check=False)
    assert result.returncode == 0
