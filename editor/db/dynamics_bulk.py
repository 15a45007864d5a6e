"""Bulk writes that keep the dated subscriber tally (`dynamics_schema`) exact in a few statements.

The tally's triggers on `subscriber_count` and `page` look up a page's neighbouring counts and
upsert the day rows (and through them the catalogue's total) once per written row. A bulk
writer that knows which pages it touches instead drops those row triggers (`pause`), takes each
page's whole contribution away before its first write (`touch`, set-based from the count
history) and adds the contributions back once at the end (`resume`): one grouped upsert of only
the day rows whose sum changed, so the total's triggers (left in place) fire once per changed
day row. A new count that is its page's only change (a monthly import's) is instead added as
the trigger would add it, a chunk at once (`add_counts`). `bulk()` is the three in one block.
Everything happens in the caller's transaction: a rollback also brings the dropped triggers
back.

A server catalogue does the same without dropping anything: dropping a trigger would lock the
table against every other editor until the import commits, so its row triggers stand aside in
the writer's own transaction only (`dialect.pause_triggers`); other editors' writes meanwhile
keep the tally through them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from peewee import SqliteDatabase

from editor.db import dialect
from editor.db.dynamics_schema import (
    COUNTERS,
    FLAGS,
    KEYS,
    PAUSE_SETTING,
    ROW_TRIGGERS,
    TOTAL_PAUSE_SETTING,
    add_to_total,
    day_text,
    neighbours,
    one_if,
)

_KEYS = KEYS["dynamics_day"]
_COLUMNS = ", ".join((*_KEYS, *COUNTERS))
_TYPED = ", ".join(
    f"{c} {'TEXT' if c in ('network', 'day') else 'BIGINT'}" for c in (*_KEYS, *COUNTERS)
)
_SETUP = (
    "CREATE TEMP TABLE IF NOT EXISTS dynamics_pages (id INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS dynamics_fresh (id INTEGER PRIMARY KEY)",
    f"CREATE TEMP TABLE IF NOT EXISTS dynamics_before ({_TYPED})",
    f"CREATE TEMP TABLE IF NOT EXISTS dynamics_delta ({_TYPED})",  # a server's (_apply)
    "CREATE TEMP TABLE IF NOT EXISTS dynamics_counts AS"
    " SELECT page_id, date, count FROM main.subscriber_count WHERE 1 = 0",
)
_TEMP = ("dynamics_pages", "dynamics_fresh", "dynamics_before", "dynamics_delta", "dynamics_counts")


def clear(database, connection, tables: tuple[str, ...] = _TEMP) -> None:
    """Empty a bulk writer's TEMP `tables` (see dialect.emptied)."""
    for statement in dialect.emptied(tables, server_of(database) is not None):
        connection.execute(statement)


def switch_triggers(
    database, connection, triggers: tuple[str, ...], setting: str, *, on: bool
) -> None:
    """Turn the row `triggers` (their SQLite statements) off for a bulk writer, or back on: a
    file drops them inside the writer's transaction (a rollback brings them back); a server
    keeps them, standing aside through `setting` in that transaction only."""
    server = server_of(database)
    if server is not None:
        dialect.pause_triggers(server, setting, paused=not on)
        return
    for statement in triggers:
        connection.execute(statement if on else f"DROP TRIGGER IF EXISTS {statement.split()[5]}")


def _contribution(sign: str, table: str) -> str:
    """What the live pages listed in `table` contribute, per territory, network and day (the
    same computation as dynamics_schema.RECOMPUTE, limited to those pages)."""
    flags = ", ".join(f"{sign} sum(c.first * {e.format(row='p')})" for e in FLAGS.values())
    return (
        f"SELECT p.territory_id, p.network, {day_text('c.date')}, {sign} sum(c.delta),"
        f" {sign} sum(c.first), {flags}"
        " FROM (SELECT page_id, date, count - coalesce(lag(count) OVER w, 0) AS delta,"
        f" {one_if('row_number() OVER w = 1')} AS first FROM subscriber_count"
        f" WHERE page_id IN (SELECT id FROM temp.{table})"
        " WINDOW w AS (PARTITION BY page_id ORDER BY date)) c"
        " JOIN page p ON p.id = c.page_id WHERE p.deleted_at IS NULL"
        # Said again for the page: without it a server, which has no statistics of a TEMP
        # table, joins the pages by scanning all of them (230 ms per 1,000 pages against 54).
        f" AND p.id IN (SELECT id FROM temp.{table})"
        " GROUP BY p.territory_id, p.network, c.date"
    )


def _added_counts() -> str:
    """What the counts in temp.dynamics_counts (each its page's one new count, already written)
    add to the day rows, as the count trigger adds a count (dynamics_schema._count_contribution),
    for a whole chunk at once: kept with the contributions taken away until the writer settles.
    Noted pages are left out: their whole history is given back then."""
    previous, following = neighbours("x")
    first = f"v.k * {one_if('n.previous IS NULL')}"
    flags = ", ".join(f"sum({first} * {e.format(row='p')})" for e in FLAGS.values())
    # Materialised: else each use of `previous` would look it up again.
    return (
        "INSERT INTO temp.dynamics_before WITH n AS MATERIALIZED (SELECT x.page_id, x.date,"
        f" x.count, {previous} AS previous, {following} AS following FROM temp.dynamics_counts x"
        " WHERE NOT EXISTS (SELECT 1 FROM temp.dynamics_pages d WHERE d.id = x.page_id))"
        " SELECT p.territory_id, p.network,"
        f" {day_text('CASE v.k WHEN 1 THEN n.date ELSE n.following END')},"
        f" sum(v.k * (n.count - coalesce(n.previous, 0))), sum({first}), {flags}"
        " FROM n JOIN page p ON p.id = n.page_id CROSS JOIN (SELECT 1 AS k UNION ALL SELECT -1) v"
        " WHERE p.deleted_at IS NULL AND (v.k = 1 OR n.following IS NOT NULL)"
        " GROUP BY p.territory_id, p.network, 3"
    )


_ADDED_COUNTS = _added_counts()
_UPSERT = " ON CONFLICT DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTERS)
# How the day rows move: the contributions taken away and those given back, summed.
_DELTAS = (
    f"SELECT {', '.join(_KEYS)},"
    + ", ".join(f" sum({c})" for c in COUNTERS)
    + f" FROM (SELECT * FROM temp.dynamics_before UNION ALL {_contribution('', 'dynamics_pages')})"
    f" AS x GROUP BY {', '.join(_KEYS)} HAVING " + " OR ".join(f"sum({c}) != 0" for c in COUNTERS)
)
_APPLY = f"INSERT INTO dynamics_day ({_COLUMNS}) {_DELTAS}{_UPSERT}"
# A server keeps the moves, adds them to the day rows and, grouped, to the total, whose row
# triggers stand aside meanwhile (see dynamics_schema.TOTAL_PAUSE_SETTING).
_APPLY_SERVER = (
    f"INSERT INTO temp.dynamics_delta {_DELTAS}",
    dialect.upsert_sql(
        f"INSERT INTO dynamics_day ({_COLUMNS}) SELECT * FROM temp.dynamics_delta WHERE true"
        + _UPSERT,
        KEYS,
    ),
    dialect.upsert_sql(add_to_total("temp.dynamics_delta"), KEYS),
    *dialect.emptied(("dynamics_delta",), server=True),
)


def server_of(database) -> dialect.ServerDatabase | None:
    """The server database behind `database` (a proxy or the database), or None for a file."""
    found = getattr(database, "obj", database)
    return found if isinstance(found, dialect.ServerDatabase) else None


def _apply(database, connection) -> None:
    server = server_of(database)
    if server is None:
        connection.execute(_APPLY)
        return
    dialect.pause_triggers(server, TOTAL_PAUSE_SETTING)
    for statement in _APPLY_SERVER:
        connection.execute(statement)
    dialect.pause_triggers(server, TOTAL_PAUSE_SETTING, paused=False)


def pause(database: SqliteDatabase) -> None:
    """Turn the tally's row triggers off until `resume()`; `touch()` every page before writing
    it."""
    connection = database.connection()
    for statement in _SETUP:
        connection.execute(statement)
    clear(database, connection)
    switch_triggers(database, connection, ROW_TRIGGERS, PAUSE_SETTING, on=False)


def note_ids(connection, table: str, ids: Iterable[int], source: str = "") -> None:
    """Add `ids` to the TEMP table `table` (or, with `source` like "SELECT id FROM page WHERE
    organization_id", the ids it selects for them) in one statement: on a server, one row
    per statement would be one round trip each."""
    listed = json.dumps(list(ids))
    if listed == "[]":
        return
    values = "SELECT value FROM json_each(?)"
    if source:
        values = f"{source} IN ({values})"
    connection.execute(f"INSERT OR IGNORE INTO temp.{table} (id) {values}", (listed,))


def keep_first_notes(database, connection, notes: tuple[tuple[str, str, str], ...]) -> None:
    """For each (fresh, noted, table) of `notes` (TEMP tables of ids, and the table the ids are
    of): keep in `fresh` only the ids not yet in `noted`, whose contribution is still to be
    taken away. On a server their rows stay locked until the commit: another editor's change
    of such a record waits for it (its trigger locks the record too), so what is taken away
    now stays the record's."""
    for fresh, noted, table in notes:
        # EXISTS, not IN: an IN list would be built from everything noted so far, every time.
        connection.execute(
            f"DELETE FROM temp.{fresh} WHERE EXISTS"
            f" (SELECT 1 FROM temp.{noted} n WHERE n.id = {fresh}.id)"
        )
        if server_of(database) is not None:
            connection.execute(
                f"SELECT 1 FROM {table} WHERE id IN (SELECT id FROM temp.{fresh})"
                " ORDER BY id FOR UPDATE"
            )


def move_notes(database, connection, notes: tuple[tuple[str, str, str], ...]) -> None:
    """After their contributions were taken away: each `fresh` of `notes` joins its `noted`."""
    for fresh, noted, _table in notes:
        connection.execute(f"INSERT INTO temp.{noted} SELECT id FROM temp.{fresh}")
    clear(database, connection, tuple(fresh for fresh, _noted, _table in notes))


_NOTES = (("dynamics_fresh", "dynamics_pages", "page"),)


def touch(
    database: SqliteDatabase, pages: Iterable[int] = (), organizations: Iterable[int] = ()
) -> None:
    """Note `pages` and every page of `organizations` as about to change: a page noted for the
    first time since `pause()` has its contribution taken away now, while it is unchanged.

    Pages that do not exist yet may be given (they contribute nothing until they do).
    """
    connection = database.connection()
    note_ids(connection, "dynamics_fresh", pages)
    note_ids(
        connection, "dynamics_fresh", organizations, "SELECT id FROM page WHERE organization_id"
    )
    keep_first_notes(database, connection, _NOTES)
    connection.execute(f"INSERT INTO temp.dynamics_before {_contribution('-', 'dynamics_fresh')}")
    move_notes(database, connection, _NOTES)


def add_counts(database: SqliteDatabase, counts: list[tuple]) -> None:
    """Account for new counts (page_id, ISO day, count), already written, without noting their
    pages: a monthly import's counts cost two index lookups each this way, instead of reading
    every page's whole history twice. Pages noted so far are left out (their history is given
    back whole), so `touch()` first every page whose territory, network, flags or trash state
    the caller changed; a page with two of `counts` must be touched instead (each count's
    neighbours would include the other). On a server, writing a count locked its page (the
    foreign key's check): another editor's count of the page waits for the commit, or was
    committed before, so the neighbours each side reads include the other's."""
    if not counts:
        return
    connection = database.connection()
    dialect.insert_rows(
        connection,
        "temp.dynamics_counts",
        ("page_id", "date", "count"),
        "INSERT INTO temp.dynamics_counts (page_id, date, count) VALUES (?, ?, ?)",
        counts,
    )
    if server_of(database) is not None:
        # Known to be few, the counts are looked up in the notes (which grow to every page an
        # import touched) by key, instead of the notes being hashed whole for each chunk.
        connection.execute("ANALYZE temp.dynamics_counts")
    connection.execute(_ADDED_COUNTS)
    clear(database, connection, ("dynamics_counts",))


def settle(database: SqliteDatabase) -> None:
    """Give the touched pages their contribution as it is now, in one upsert of the day rows
    that changed, and start noting afresh (the row triggers stay off): a long bulk write
    settles now and then, so that what it notes in memory stays small."""
    connection = database.connection()
    _apply(database, connection)
    clear(database, connection)


def resume(database: SqliteDatabase, *, apply: bool = True) -> None:
    """Settle and put the row triggers back (`apply` False: only the triggers, when the
    caller is about to roll back)."""
    connection = database.connection()
    if apply:
        _apply(database, connection)
    switch_triggers(database, connection, ROW_TRIGGERS, PAUSE_SETTING, on=True)
    clear(database, connection)


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
