"""Bulk writes that keep the dated subscriber tally (`dynamics_schema`) exact in a few statements.

The tally's triggers on `subscriber_count` and `page` look up a page's neighbouring counts and
upsert the day rows (and through them the catalogue's total) once per written row. A bulk
writer that knows which pages it touches instead drops those row triggers (`pause`), takes each
page's whole contribution away before its first write (`touch`, set-based from the count
history) and adds the contributions back once at the end (`resume`): one grouped upsert of only
the day rows whose sum changed, so the total's triggers (left in place) fire once per changed
day row. `bulk()` is the three in one block. Everything happens in the caller's transaction: a
rollback also brings the dropped triggers back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from peewee import SqliteDatabase

from editor.db.dynamics_schema import COUNTERS, TRIGGERS

# The row triggers that a bulk write replaces; those on dynamics_day (the total) and on
# territory stay.
_ROW_TRIGGERS = tuple(
    statement
    for statement in TRIGGERS
    if statement.split()[5].startswith(("dynamics_count_", "dynamics_page_"))
)
_KEYS = ("territory_id", "network", "day")
_COLUMNS = ", ".join((*_KEYS, *COUNTERS))
_SETUP = (
    "CREATE TEMP TABLE IF NOT EXISTS dynamics_pages (id INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS dynamics_fresh (id INTEGER PRIMARY KEY)",
    f"CREATE TEMP TABLE IF NOT EXISTS dynamics_before ({_COLUMNS})",
)
_CLEAR = tuple(
    f"DELETE FROM temp.{table}" for table in ("dynamics_pages", "dynamics_fresh", "dynamics_before")
)


def _contribution(sign: str, table: str) -> str:
    """What the live pages listed in `table` contribute, per territory, network and day (the
    same computation as dynamics_schema.RECOMPUTE, limited to those pages)."""
    return (
        f"SELECT p.territory_id, p.network, c.date, {sign} sum(c.delta), {sign} sum(c.first),"
        f" {sign} sum(c.first * (p.gosmark IS 1)), {sign} sum(c.first * (p.connected IS 1)),"
        f" {sign} sum(c.first * coalesce(p.widgets > 0, 0))"
        " FROM (SELECT page_id, date, count - coalesce(lag(count) OVER w, 0) AS delta,"
        " row_number() OVER w = 1 AS first FROM subscriber_count"
        f" WHERE page_id IN (SELECT id FROM temp.{table})"
        " WINDOW w AS (PARTITION BY page_id ORDER BY date)) c"
        " JOIN page p ON p.id = c.page_id WHERE p.deleted_at IS NULL"
        " GROUP BY p.territory_id, p.network, c.date"
    )


_UPSERT = " ON CONFLICT DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTERS)
_APPLY = (
    f"INSERT INTO dynamics_day ({_COLUMNS}) SELECT {', '.join(_KEYS)},"
    + ", ".join(f" sum({c})" for c in COUNTERS)
    + f" FROM (SELECT * FROM temp.dynamics_before UNION ALL {_contribution('', 'dynamics_pages')})"
    f" GROUP BY {', '.join(_KEYS)} HAVING "
    + " OR ".join(f"sum({c}) != 0" for c in COUNTERS)
    + _UPSERT
)


def _on_server(database) -> bool:
    """A server catalogue keeps no dated tally yet (see dynamics_schema.install): nothing to do."""
    from editor.db import dialect

    return isinstance(getattr(database, "obj", database), dialect.ServerDatabase)


def pause(database: SqliteDatabase) -> None:
    """Drop the tally's row triggers until `resume()`; `touch()` every page before writing it."""
    if _on_server(database):
        return
    connection = database.connection()
    for statement in (*_SETUP, *_CLEAR):
        connection.execute(statement)
    for statement in _ROW_TRIGGERS:
        connection.execute(f"DROP TRIGGER IF EXISTS {statement.split()[5]}")


def touch(
    database: SqliteDatabase, pages: Iterable[int] = (), organizations: Iterable[int] = ()
) -> None:
    """Note `pages` and every page of `organizations` as about to change: a page noted for the
    first time since `pause()` has its contribution taken away now, while it is unchanged.

    Pages that do not exist yet may be given (they contribute nothing until they do).
    """
    if _on_server(database):
        return
    connection = database.connection()
    connection.executemany(
        "INSERT OR IGNORE INTO temp.dynamics_fresh (id) VALUES (?)", ((i,) for i in pages)
    )
    connection.executemany(
        "INSERT OR IGNORE INTO temp.dynamics_fresh (id)"
        " SELECT id FROM page WHERE organization_id = ?",
        ((i,) for i in organizations),
    )
    # EXISTS, not IN: an IN list would be built from all the pages noted so far, every time.
    connection.execute(
        "DELETE FROM temp.dynamics_fresh WHERE EXISTS"
        " (SELECT 1 FROM temp.dynamics_pages p WHERE p.id = dynamics_fresh.id)"
    )
    connection.execute(f"INSERT INTO temp.dynamics_before {_contribution('-', 'dynamics_fresh')}")
    connection.execute("INSERT INTO temp.dynamics_pages SELECT id FROM temp.dynamics_fresh")
    connection.execute("DELETE FROM temp.dynamics_fresh")


def settle(database: SqliteDatabase) -> None:
    """Give the touched pages their contribution as it is now, in one upsert of the day rows
    that changed, and start noting afresh (the row triggers stay off): a long bulk write
    settles now and then, so that what it notes in memory stays small."""
    if _on_server(database):
        return
    connection = database.connection()
    connection.execute(_APPLY)
    for statement in _CLEAR:
        connection.execute(statement)


def resume(database: SqliteDatabase, *, apply: bool = True) -> None:
    """Settle and put the row triggers back (`apply` False: only the triggers, when the
    caller is about to roll back)."""
    if _on_server(database):
        return
    connection = database.connection()
    if apply:
        connection.execute(_APPLY)
    for statement in _ROW_TRIGGERS:
        connection.execute(statement)
    for statement in _CLEAR:
        connection.execute(statement)


@contextmanager
def bulk(
    database: SqliteDatabase,
    pages: Iterable[int] = (),
    organizations: Iterable[int] = (),
) -> Iterator[None]:
    """Write inside the block without the tally's row triggers, then correct the tally for
    `pages` and every page of `organizations` (all the pages whose counts, territory, network,
    flags or trash state the block changes, created and deleted ones included).

    The caller holds the write transaction; on an exception it rolls back, the tally with it.
    """
    pause(database)
    touch(database, pages, organizations)
    done = False
    try:
        yield
        done = True
    finally:
        resume(database, apply=done)
