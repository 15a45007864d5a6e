"""The offline copy of a server catalogue: a catalogue file to take on a trip.

«Сохранить копию» of a server catalogue (or `import COPY.gpc postgresql://…`) writes a SQLite
catalogue with the same records (ids included), seminars and participants too. Importing that
file into the server later brings what changed offline back as one import batch, with the file
named as its source (a catalogue file is an import source).

The copy also remembers what it was made from, so that deletions come back too: every record
live at copy time with its version and matching key (`OFFLINE_LIVE`), and where and when it was
copied (`OFFLINE_ORIGIN`). A record live then and trashed or gone in the copy was deleted
offline; the server trashes it unless someone changed it there since (its version moved).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from editor.core.i18n import tr
from editor.db.database import is_server_catalogue, migrate
from editor.db.models import MODELS, db
from editor.db.server_extras import VERSION_TABLE
from editor.db.training_models import TRAINING_MODELS

# Rows per round trip from the server.
_FETCH = 5000
OFFLINE_ORIGIN = "offline_origin"  # key → value: database, copied_at, change_id
OFFLINE_LIVE = "offline_live"  # (entity, record_id, version, key) of the records live at copy
# The key that tells the same record from another with the same id (a copy imported into
# another catalogue): a page's canonical URL, an organisation's folded name.
OFFLINE_KEYS = {"page": "coalesce(url_key, url)", "organization": "name_key"}


class OfflineCopyError(OSError):
    """A copy that could not be written; str() is a Russian message."""


def _create_schema(path: Path) -> None:
    """An empty catalogue file at `path` with the current schema (the same migrations)."""
    target = SqliteDatabase(str(path))
    try:
        # The models point at the server: for the schema they point at the new file a moment.
        with target.bind_ctx(MODELS + TRAINING_MODELS):
            migrate(target)
    finally:
        target.close()


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _copy_table(writer: sqlite3.Connection, table: str) -> int:
    names = _columns(writer, table)
    columns, marks = ", ".join(names), ", ".join("?" * len(names))
    cursor = db.execute_sql(f"SELECT {columns} FROM {table} ORDER BY id")
    copied = 0
    while rows := cursor.fetchmany(_FETCH):
        writer.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        copied += len(rows)
    return copied


def _remember_origin(writer: sqlite3.Connection) -> None:
    """What the copy was made from: the live records with their versions, the database."""
    writer.execute(f"CREATE TABLE {OFFLINE_ORIGIN} (key TEXT PRIMARY KEY, value TEXT)")
    writer.execute(
        f"CREATE TABLE {OFFLINE_LIVE} (entity TEXT NOT NULL, record_id INTEGER NOT NULL,"
        " version INTEGER NOT NULL, key TEXT, PRIMARY KEY (entity, record_id)) WITHOUT ROWID"
    )
    database, copied_at, change_id = db.execute_sql(
        "SELECT current_database(), now(), (SELECT coalesce(max(id), 0) FROM change)"
    ).fetchone()
    writer.executemany(
        f"INSERT INTO {OFFLINE_ORIGIN} VALUES (?, ?)",
        [
            ("database", database),
            ("copied_at", copied_at.isoformat()),
            # The change log's last entry at copy time: later entries were made offline (in the
            # copy) or by others (on the server).
            ("change_id", str(change_id)),
        ],
    )
    for entity, key in OFFLINE_KEYS.items():
        cursor = db.execute_sql(
            f"SELECT r.id, coalesce(v.version, 0), {key} FROM {entity} r"
            f" LEFT JOIN {VERSION_TABLE} v ON v.entity = ? AND v.record_id = r.id"
            " WHERE r.deleted_at IS NULL",
            (entity,),
        )
        while rows := cursor.fetchmany(_FETCH):
            writer.executemany(
                f"INSERT INTO {OFFLINE_LIVE} VALUES (?, ?, ?, ?)",
                [(entity, *row) for row in rows],
            )


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
                for model in MODELS + TRAINING_MODELS:
                    _copy_table(writer, model._meta.table_name)
                _remember_origin(writer)
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
