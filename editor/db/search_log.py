"""The log of pages whose searchable state changed, so that the search index follows edits.

The in-memory search index (`editor.core.text_index`) holds each page's search key, liveness,
territory and subscribers. Rather than reading all 300,000 pages again after every commit, it
reads the ids logged here since its last look, and the pages appended after its highest id.
Triggers keep the log, so every writer (the editor, imports, raw SQL) is covered; appended pages
are not logged (the index finds them by id), only a page inserted below the highest id is.
The log is trimmed when a catalogue is opened; an index that missed trimmed entries reads
everything again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from peewee import SqliteDatabase

LOG_TABLE = "page_search_log"
KEEP_ENTRIES = 50_000  # entries kept by `trim` (older readers reload in full)
_WATCHED = ("search_key", "deleted_at", "subscribers", "territory_id")

STATEMENTS: tuple[str, ...] = (
    # AUTOINCREMENT: a sequence number is never reused, even after trimming.
    f"CREATE TABLE IF NOT EXISTS {LOG_TABLE}"
    " (seq INTEGER PRIMARY KEY AUTOINCREMENT, page_id INTEGER NOT NULL)",
    f"CREATE TRIGGER IF NOT EXISTS {LOG_TABLE}_update AFTER UPDATE OF {', '.join(_WATCHED)}"
    " ON page WHEN "
    + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _WATCHED)
    + f" BEGIN INSERT INTO {LOG_TABLE} (page_id) VALUES (NEW.id); END",
    f"CREATE TRIGGER IF NOT EXISTS {LOG_TABLE}_delete AFTER DELETE ON page"
    f" BEGIN INSERT INTO {LOG_TABLE} (page_id) VALUES (OLD.id); END",
    f"CREATE TRIGGER IF NOT EXISTS {LOG_TABLE}_insert AFTER INSERT ON page"
    " WHEN NEW.id < (SELECT max(id) FROM page)"
    f" BEGIN INSERT INTO {LOG_TABLE} (page_id) VALUES (NEW.id); END",
)


def logged_pages(execute: Callable, after: int, limit: int) -> list[int]:
    """The pages logged after entry `after`, at most `limit` of them; `execute` runs SQL on
    the connection that reads (an index catching up asks its own)."""
    return [
        page_id
        for (page_id,) in execute(
            f"SELECT DISTINCT page_id FROM {LOG_TABLE} WHERE seq > ? LIMIT ?", (after, limit)
        )
    ]


def _server_statements() -> tuple[str, ...]:
    """The same on a server: a sequence for the numbers, the triggers in PL/pgSQL.

    The insert trigger stands aside for a bulk writer (`tally_bulk`): it numbers its new pages
    after every page there was, and a server runs the trigger once its whole statement is done,
    when all but the last of its rows would seem to lie below the highest id."""
    from editor.db import dialect, tally_bulk

    return (
        f"CREATE TABLE IF NOT EXISTS {LOG_TABLE}"
        " (seq BIGSERIAL PRIMARY KEY, page_id INTEGER NOT NULL)",
        *(
            statement
            for trigger in STATEMENTS[1:]
            for statement in dialect.trigger_ddl(
                trigger,
                {},
                {},
                pause=tally_bulk.PAUSE_SETTING if f"{LOG_TABLE}_insert " in trigger else None,
            )
        ),
    )


def server_triggers(database: SqliteDatabase) -> None:
    """Migration: a server's log triggers made again (the insert trigger learnt to stand aside
    for a bulk writer); a file's are as they were."""
    from editor.db import dialect

    if isinstance(database, dialect.ServerDatabase):
        for statement in _server_statements()[1:]:
            database.execute_sql(statement)


def create_search_log(database: SqliteDatabase) -> None:
    """Migration: the log table and its triggers (the caller holds the transaction)."""
    from editor.db import dialect

    server = isinstance(database, dialect.ServerDatabase)
    for statement in _server_statements() if server else STATEMENTS:
        database.execute_sql(statement)


def logged_on_server(database) -> bool:
    """True when a server catalogue has the log's triggers (one made by an early version of
    the editor has the table alone)."""
    found = database.execute_sql(f"SELECT to_regproc('{LOG_TABLE}_update') IS NOT NULL")
    return bool(found.fetchone()[0])


def trim(database: SqliteDatabase) -> None:
    """Drop all but the last KEEP_ENTRIES entries (when a catalogue is opened); a catalogue
    that cannot be written now (read-only file, another writer) keeps them until next time."""
    (last,) = database.execute_sql(f"SELECT coalesce(max(seq), 0) FROM {LOG_TABLE}").fetchone()
    if last <= KEEP_ENTRIES:
        return
    try:
        with database.atomic():
            database.execute_sql(f"DELETE FROM {LOG_TABLE} WHERE seq <= ?", (last - KEEP_ENTRIES,))
    except sqlite3.OperationalError:
        pass
