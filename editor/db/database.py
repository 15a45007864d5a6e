"""Opening, creating and migrating a catalogue (a file, or a database on a PostgreSQL server),
and the single-writer lock of a file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from editor.db import dialect, search_log, server_extras, tally_bulk
from editor.db.directory_words import create_word_index
from editor.db.models import (
    DROPPED_INDEXES,
    EXTRA_INDEXES,
    MODELS,
    NETWORK_COUNTERS,
    TALLY_RECOMPUTE,
    TALLY_TABLES,
    TALLY_TRIGGERS,
    db,
    sqlite_db,
)
from editor.db.search_log import create_search_log, logged_on_server, trim
from editor.db.training_models import TRAINING_MODELS

# Marks a SQLite file as ours (PRAGMA application_id), so that any other SQLite file is refused.
APPLICATION_ID = 0x47505542  # "GPUB"
SQLITE_MAGIC = b"SQLite format 3\x00"

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -64 * 1024,  # 64 MiB
    "temp_store": "memory",
    "busy_timeout": 5000,
    # So that rows removed by INSERT OR REPLACE fire the delete triggers of the tallies too.
    "recursive_triggers": 1,
}


class CatalogueError(Exception):
    """A catalogue that cannot be opened or locked. It carries what happened (`reason`: missing,
    no_folder, unreadable, not_catalogue, corrupt, newer, open_failed, locked, exists), the path
    and the details; the layer that speaks to the user sets `message` (core.catalogue.describe).
    """

    def __init__(self, reason: str, path: str | Path, **details: object) -> None:
        super().__init__(reason, str(path))
        self.reason = reason
        # A server catalogue is named by its location (dbname @ host), a file by its path.
        self.path: Path | str = path if isinstance(path, str) and " @ " in path else Path(path)
        self.details = details
        self.message = ""

    def __str__(self) -> str:
        if self.message:
            return self.message
        extra = "; ".join(f"{key}={value}" for key, value in self.details.items())
        return f"{self.reason}: {self.path}" + (f" ({extra})" if extra else "")


class CataloguePasswordRequired(CatalogueError):
    """A server catalogue that needs a (another) password to open (`reason`: password_required
    or wrong_password)."""


def _server(database) -> bool:
    return isinstance(database, dialect.ServerDatabase)


def _migration_1(database: SqliteDatabase) -> None:
    if _server(database):
        for statement in dialect.COMPAT_FUNCTIONS:
            database.execute_sql(statement)
    database.create_tables(MODELS)
    for statement in EXTRA_INDEXES:
        database.execute_sql(statement)


def _migration_2(database: SqliteDatabase) -> None:
    """The stored roll-up tallies with their triggers, filled from the records."""
    if _server(database):
        for statement in TALLY_TABLES:
            database.execute_sql(statement)
        for statement in tally_bulk.server_triggers():
            database.execute_sql(statement)
    else:
        for statement in (*TALLY_TABLES, *TALLY_TRIGGERS):
            database.execute_sql(statement)
    fill_tallies(database)


def fill_tallies(database: SqliteDatabase) -> None:
    """Recompute every tally from the records (one statement per table); caller holds atomic()."""
    for table, recompute in tally_recompute(database).items():
        database.execute_sql(f"DELETE FROM {table}")
        database.execute_sql(f"INSERT INTO {table} {recompute}")


def tally_recompute(database=None) -> dict[str, str]:
    """models.TALLY_RECOMPUTE in the dialect of `database` (by default the one in use)."""
    if _server(database if database is not None else db.obj):
        return {
            table: dialect.recompute_sql(sql, NETWORK_COUNTERS)
            for table, sql in TALLY_RECOMPUTE.items()
        }
    return TALLY_RECOMPUTE


def _migration_3(database: SqliteDatabase) -> None:
    """Two partial indexes that duplicated foreign-key indexes go (see DROPPED_INDEXES)."""
    for name in DROPPED_INDEXES:
        database.execute_sql(f"DROP INDEX IF EXISTS {name}")


def _migration_4(database: SqliteDatabase) -> None:
    """The training records (DESIGN §8): seminars, participants, attendances."""
    database.create_tables(TRAINING_MODELS)


def _migration_dynamics(database: SqliteDatabase) -> None:
    """The dated subscriber tally of the dynamics (editor.db.dynamics_schema)."""
    from editor.db import dynamics_schema

    dynamics_schema.install(database)


def _migration_bulk_pause(database: SqliteDatabase) -> None:
    """A server's tally triggers and the search log's insert trigger made again, able to stand
    aside for an import (tally_bulk); a file's drop out during an import instead."""
    if _server(database):
        for statement in tally_bulk.server_triggers():
            database.execute_sql(statement)
    search_log.server_triggers(database)


# Ordered migrations: MIGRATIONS[i] brings a file from user_version i to i + 1.
MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    create_search_log,  # the log the search index follows edits by
    _migration_dynamics,
    create_word_index,  # the public directory's word index, for `lookup`
    _migration_bulk_pause,
]
SCHEMA_VERSION = len(MIGRATIONS)


def probe(path: Path) -> int:
    """Validate a catalogue file without changing it; return its schema version."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise CatalogueError("unreadable", path, error=error.strerror) from error
    if head != SQLITE_MAGIC:
        raise CatalogueError("not_catalogue", path)
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CatalogueError("corrupt", path, error=str(error)) from error
    if application_id != APPLICATION_ID:
        raise CatalogueError("not_catalogue", path)
    if version > SCHEMA_VERSION:
        raise CatalogueError("newer", path, version=version, supported=SCHEMA_VERSION)
    return version


def open_catalogue(path: str | Path, *, create: bool = False, password: str | None = None):
    """Bind the models to the catalogue at `path` (a file or a postgresql:// URL), creating or
    migrating its schema."""
    if dialect.is_server(path):
        return _open_server(str(path), create=create, password=password)
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise CatalogueError("missing", path)
    if exists:
        probe(path)
    elif path.parent and not path.parent.exists():
        raise CatalogueError("no_folder", path.parent)
    close_thread_connection()
    db.initialize(sqlite_db)
    db.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect(reuse_if_open=True)
        migrate(db)
        trim(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise CatalogueError("open_failed", path, error=str(error)) from error
    return db


def _open_server(url: str, *, create: bool, password: str | None):
    """Bind the models to a catalogue on a PostgreSQL server (see editor.db.dialect)."""
    try:
        database = dialect.open_server(url, password)
    except dialect.PasswordRequired as error:
        raise CataloguePasswordRequired(error.reason, error.where, user=error.user) from None
    except dialect.ServerError as error:
        raise CatalogueError(
            error.reason, error.where, user=error.user, error=error.error
        ) from None
    where = dialect.describe(url)
    try:
        version = dialect.schema_version(database)
        if version is None:
            raise CatalogueError("other_program", where)
        if version == 0 and not create:
            raise CatalogueError("empty_server", where)
        if version > SCHEMA_VERSION:
            raise CatalogueError("newer", where, version=version, supported=SCHEMA_VERSION)
        if version < SCHEMA_VERSION and database.read_only:
            raise CatalogueError("needs_upgrade_read_only", where)
        close_thread_connection()
        db.initialize(database)
        migrate(database)
        server_extras.add_server_extras(database)
        _server_catch_up(database)
    except CatalogueError:
        database.close()
        raise
    except Exception as error:
        database.close()
        raise CatalogueError("open_failed", where, error=" ".join(str(error).split())) from None
    return database


def _server_catch_up(database) -> None:
    """What a server catalogue made by an earlier version of the editor lacks at its schema
    version (the dated tally's and the search log's triggers, total() on a built-in step, the
    search index), added once by a role that may write; the search log is trimmed."""
    from editor.db import dynamics_schema

    if database.read_only:
        return
    steps = []
    if not dynamics_schema.installed_on_server(database):
        steps.append(dynamics_schema.install)
    if not logged_on_server(database):
        steps.append(create_search_log)
    if steps:
        with database.atomic():
            for statement in dialect.COMPAT_FUNCTIONS:
                database.execute_sql(statement)
            for step in steps:
                step(database)
    dialect.add_search_index(database)
    trim(database)


def is_read_only() -> bool:
    """True when the catalogue in use may only be read (a server role without write rights)."""
    return bool(getattr(db.obj, "read_only", False))


def is_server_catalogue() -> bool:
    """True when the models are bound to a catalogue on a PostgreSQL server."""
    return _server(db.obj)


def fetch_ids(query) -> list[int]:
    """The ids a query of one `id` column selects, in no set order (a server sends them as one
    array, see dialect.fetch_ids)."""
    if _server(db.obj):
        return dialect.fetch_ids(db.obj, *query.sql())
    return [row[0] for row in query.tuples().iterator()]


def begin_bulk_write() -> None:
    """A bulk writer (import) starts inside its transaction; see dialect.begin_bulk_write."""
    if _server(db.obj):
        dialect.begin_bulk_write(db.obj)


def end_bulk_write() -> None:
    """A bulk writer is about to commit; see dialect.end_bulk_write."""
    if _server(db.obj):
        dialect.end_bulk_write(db.obj)


def migrate(database: SqliteDatabase) -> None:
    """Apply the pending migrations, each in its own transaction."""
    if _server(database):
        for index in range(dialect.schema_version(database) or 0, SCHEMA_VERSION):
            with database.atomic():
                MIGRATIONS[index](database)
                dialect.set_schema_version(database, index + 1)
        return
    version = database.execute_sql("PRAGMA user_version").fetchone()[0]
    for index in range(version, SCHEMA_VERSION):
        with database.atomic():
            MIGRATIONS[index](database)
            database.execute_sql(f"PRAGMA user_version = {index + 1}")
            database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


# Caches that read the catalogue through a connection of their own (the search index) let go
# of it when the catalogue closes, so that the last close checkpoints the WAL.
_close_hooks: list[Callable[[], None]] = []


def on_close(hook: Callable[[], None]) -> None:
    """Call `hook` whenever close_catalogue() runs."""
    _close_hooks.append(hook)


def close_catalogue() -> None:
    """Close the catalogue: the caches' connections and this thread's (WAL is checkpointed on
    the last close)."""
    for hook in _close_hooks:
        hook()
    close_thread_connection()


def close_thread_connection() -> None:
    """Close this thread's connection only (a worker thread that is done with the catalogue)."""
    if not db.is_closed():
        db.close()


def catalogue_path() -> Path | None:
    """The file the models are bound to, or None (also for a server catalogue)."""
    if _server(db.obj):
        return None
    return Path(db.database) if db.database else None


class CatalogueLock:
    """An advisory lock beside the catalogue so that only one process writes to it.

    The operating system drops the lock when the process dies, so a crash never leaves a
    stale lock behind.
    """

    def __init__(self, path: str | Path) -> None:
        # A server catalogue takes many writers at once (the server orders them): no lock file.
        self.server = dialect.is_server(path)
        self.path = Path(str(path) + ".lock")
        self._handle: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        if self.server:
            return True
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock_file(handle)
        except OSError:
            os.close(handle)
            return False
        os.ftruncate(handle, 0)
        os.write(handle, str(os.getpid()).encode())
        self._handle = handle
        return True

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
            # The file stays: unlinking it would let a waiting process lock an orphaned inode.

    def __enter__(self) -> CatalogueLock:
        if self.server and is_read_only():
            raise CatalogueError(dialect.READ_ONLY, str(self.path)[: -len(".lock")])
        if not self.acquire():
            raise CatalogueError("locked", str(self.path)[: -len(".lock")])
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lock_file(handle: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
