"""The offline copy of a server catalogue: a catalogue file to take on a trip.

«Сохранить копию» of a server catalogue writes a SQLite catalogue with the same records (ids
included). Importing that file into the server later brings what changed offline back as one
import batch, with the file named as its source (a catalogue file is an import source).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from editor.core.i18n import tr
from editor.db.database import is_server_catalogue, migrate
from editor.db.models import MODELS, db

# Rows per round trip from the server.
_FETCH = 5000


class OfflineCopyError(OSError):
    """A copy that could not be written; str() is a Russian message."""


def _create_schema(path: Path) -> None:
    """An empty catalogue file at `path` with the current schema (the same migrations)."""
    target = SqliteDatabase(str(path))
    try:
        # The models point at the server: for the schema they point at the new file a moment.
        with target.bind_ctx(MODELS):
            migrate(target)
    finally:
        target.close()


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def copy_server_catalogue(target: str | Path) -> Path:
    """Write the open server catalogue to the file `target` (replaced atomically)."""
    if not is_server_catalogue():
        raise OfflineCopyError(tr("Открытый каталог не на сервере"))
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _create_schema(partial)
        writer = sqlite3.connect(str(partial))
        try:
            with db.atomic():  # one snapshot of the server for every table
                db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                for model in MODELS:
                    table = model._meta.table_name
                    names = ", ".join(_columns(writer, table))
                    marks = ", ".join("?" * len(_columns(writer, table)))
                    cursor = db.execute_sql(f"SELECT {names} FROM {table} ORDER BY id")
                    while rows := cursor.fetchmany(_FETCH):
                        writer.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            writer.commit()
        finally:
            writer.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise OfflineCopyError(
            tr("Не удалось сохранить копию в {path}: {error}").format(path=target, error=error)
        ) from error
    return target
