"""The dated subscriber tally (DESIGN §10): what a month's or a day's totals need, kept by triggers.

`dynamics_day` holds, per own territory, network and day, the *changes* that the live pages' count
histories make on that day: the sum over the rows of a day gives how the total moved, so the
total on any date is the sum of the rows dated on or before it (each page's latest count on or
before the date, telescoped). A page enters the page counters on the day of its first count,
with its current госметка / «Госпаблики» / ПОС flags (the flags have no history of their own).

Kept exact by triggers on `subscriber_count` (insert, delete, update) and on `page` (a change
of territory, network, flags or trash moves the page's whole contribution), so that every
writer, raw SQL included, keeps it right. Rows whose counters fell to zero may stay.

The statements are written once for both backends: truth values become 0/1 through CASE (a
server's booleans do not multiply) and days are text (`day`, as SQLite stores dates); a server
catalogue gets the triggers as PL/pgSQL through `dialect.trigger_ddl`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from peewee import SqliteDatabase

COUNTERS: tuple[str, ...] = ("subscribers", "pages", "gosmark", "connected", "widgets")

TABLE = (
    "CREATE TABLE IF NOT EXISTS dynamics_day (territory_id INTEGER NOT NULL,"
    " network TEXT NOT NULL, day TEXT NOT NULL, "
    + ", ".join(f"{c} BIGINT NOT NULL" for c in COUNTERS)
    + ", PRIMARY KEY (territory_id, network, day)) WITHOUT ROWID"
)

# Counters are BIGINT: a server's INTEGER has 32 bits, and a whole catalogue's subscribers
# counted on one day may pass 2^31 (SQLite's INTEGER has 64 bits whatever it is called).

# The same per network and day for the whole catalogue (the country's dashboard reads a few
# hundred rows instead of every territory's), kept from dynamics_day by its own triggers.
TOTAL_TABLE = (
    "CREATE TABLE IF NOT EXISTS dynamics_total (network TEXT NOT NULL, day TEXT NOT NULL, "
    + ", ".join(f"{c} BIGINT NOT NULL" for c in COUNTERS)
    + ", PRIMARY KEY (network, day)) WITHOUT ROWID"
)

# The conflict targets of the upserts (a server needs them named).
KEYS: dict[str, tuple[str, ...]] = {
    "dynamics_day": ("territory_id", "network", "day"),
    "dynamics_total": ("network", "day"),
}
# Set to 'on' in a server transaction, the row triggers stand aside (dynamics_bulk).
PAUSE_SETTING = "gospabliki.dynamics_paused"
# The same for the total's triggers: a server writing many day rows at once adds them to the
# total in one grouped statement (`add_to_total`); row by row, every day row would rewrite one
# of a few dozen total rows, each rewrite leaving a dead row version behind for the next.
TOTAL_PAUSE_SETTING = "gospabliki.dynamics_total_paused"

_UPSERT = " ON CONFLICT DO UPDATE SET " + ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTERS)
_INSERT = f"INSERT INTO dynamics_day (territory_id, network, day, {', '.join(COUNTERS)})"


def one_if(condition: str) -> str:
    """1 where `condition` holds, else 0 (NULL included), in both dialects."""
    return f"CASE WHEN {condition} THEN 1 ELSE 0 END"


def day_text(expression: str) -> str:
    """A date as the tally's text day (a no-op on SQLite, ISO text on a server)."""
    return f"CAST({expression} AS TEXT)"


# What a page's flags add to the page counters (0/1), {row} being a page row.
FLAGS = {
    "gosmark": one_if("{row}.gosmark"),
    "connected": one_if("{row}.connected"),
    "widgets": one_if("{row}.widgets > 0"),
}


def _flags(page: str, first: str) -> str:
    """The page counters of a page row `page` entering (first = 1) or leaving (-1)."""
    return f"{first}, " + ", ".join(f"{first} * {e.format(row=page)}" for e in FLAGS.values())


def _page_contribution(page: str, sign: str) -> str:
    """Add (`sign` 1) or take away (-1) everything a live page's count history contributes."""
    return (
        f"{_INSERT} SELECT {page}.territory_id, {page}.network, {day_text('c.date')},"
        f" {sign} * (c.count - coalesce(lag(c.count) OVER w, 0)),"
        f" {_flags(page, f'{sign} * ' + one_if('row_number() OVER w = 1'))}"
        f" FROM subscriber_count c WHERE c.page_id = {page}.id"
        f" AND {page}.deleted_at IS NULL WINDOW w AS (ORDER BY c.date){_UPSERT};"
    )


def neighbours(row: str, exclude: str = "") -> tuple[str, str]:
    """The page's count before the count row `row` and the day of its count after it (two
    subqueries); `exclude` leaves the row itself out."""
    others = f"c.page_id = {row}.page_id{exclude}"
    return (
        f"(SELECT c.count FROM subscriber_count c WHERE {others} AND c.date < {row}.date"
        " ORDER BY c.date DESC LIMIT 1)",
        f"(SELECT c.date FROM subscriber_count c WHERE {others} AND c.date > {row}.date"
        " ORDER BY c.date LIMIT 1)",
    )


def _count_contribution(row: str, sign: int, exclude: str = "") -> str:
    """Add or take away what one count row contributes, given the page's other counts.

    With the row, its day moves by (count − previous count) and the next count's day by the
    opposite; when it is the page's first count, the page enters on its day instead of on the
    next count's day. `exclude` leaves the row itself out of the neighbour lookups (an UPDATE).
    """
    previous, following = neighbours(row, exclude)
    first = one_if("d.previous IS NULL")
    return (
        f"{_INSERT} SELECT p.territory_id, p.network,"
        f" {day_text(f'CASE v.k WHEN 1 THEN {row}.date ELSE d.following END')},"
        f" {sign} * v.k * ({row}.count - coalesce(d.previous, 0)),"
        f" {_flags('p', f'{sign} * v.k * {first}')}"
        f" FROM page p, (SELECT {previous} AS previous, {following} AS following) d,"
        " (SELECT 1 AS k UNION ALL SELECT -1) v"
        f" WHERE p.id = {row}.page_id AND p.deleted_at IS NULL"
        f" AND (v.k = 1 OR d.following IS NOT NULL){_UPSERT};"
    )


def add_to_total(source: str) -> str:
    """Add the rows of `source` (dynamics_day columns) to the catalogue's total, grouped."""
    sums = ", ".join(f"sum({c})" for c in COUNTERS)
    return (
        f"INSERT INTO dynamics_total (network, day, {', '.join(COUNTERS)}) SELECT network, day,"
        f" {sums} FROM {source} GROUP BY network, day HAVING "
        + " OR ".join(f"sum({c}) != 0" for c in COUNTERS)
        + _UPSERT
    )


def _total(row: str, sign: str) -> str:
    """Add (sign '') or take away ('-') a dynamics_day row in the catalogue's total."""
    values = ", ".join(f"{sign}{row}.{c}" for c in COUNTERS)
    return (
        f"INSERT INTO dynamics_total (network, day, {', '.join(COUNTERS)})"
        f" SELECT {row}.network, {row}.day, {values} WHERE true{_UPSERT};"
    )


# A page that moves (territory, network) or enters or leaves the trash moves its whole history;
# a page whose flags alone change only corrects the day it entered (its first count).
_PAGE_KEYS = ("territory_id", "network")
_PAGE_MOVED = (
    "(OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL) AND ("
    "(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR "
    + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _PAGE_KEYS)
    + ")"
)
_FLAGS_ONLY = (
    "OLD.deleted_at IS NULL AND NEW.deleted_at IS NULL AND "
    + " AND ".join(f"OLD.{c} IS NEW.{c}" for c in _PAGE_KEYS)
    + " AND ("
    + " OR ".join(f"{e.format(row='OLD')} IS NOT {e.format(row='NEW')}" for e in FLAGS.values())
    + ")"
)
_FLAG_CHANGE = (
    f"{_INSERT} SELECT NEW.territory_id, NEW.network, {day_text('c.date')}, 0, 0, "
    + ", ".join(f"{e.format(row='NEW')} - {e.format(row='OLD')}" for e in FLAGS.values())
    + f" FROM subscriber_count c WHERE c.page_id = NEW.id ORDER BY c.date LIMIT 1{_UPSERT};"
)

TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER IF NOT EXISTS dynamics_count_insert AFTER INSERT ON subscriber_count"
    f" BEGIN {_count_contribution('NEW', 1)} END",
    "CREATE TRIGGER IF NOT EXISTS dynamics_count_delete AFTER DELETE ON subscriber_count"
    f" BEGIN {_count_contribution('OLD', -1)} END",
    "CREATE TRIGGER IF NOT EXISTS dynamics_count_update AFTER UPDATE OF page_id, date, count"
    " ON subscriber_count WHEN OLD.page_id IS NOT NEW.page_id OR OLD.date IS NOT NEW.date"
    " OR OLD.count IS NOT NEW.count"
    f" BEGIN {_count_contribution('OLD', -1, ' AND c.id != OLD.id')}"
    f" {_count_contribution('NEW', 1, ' AND c.id != NEW.id')} END",
    # Before: the page's counts are gone (cascade) by the time an AFTER trigger runs.
    "CREATE TRIGGER IF NOT EXISTS dynamics_page_delete BEFORE DELETE ON page"
    f" WHEN OLD.deleted_at IS NULL BEGIN {_page_contribution('OLD', '-1')} END",
    f"CREATE TRIGGER IF NOT EXISTS dynamics_page_update AFTER UPDATE OF"
    f" {', '.join(_PAGE_KEYS)}, deleted_at ON page WHEN {_PAGE_MOVED}"
    f" BEGIN {_page_contribution('OLD', '-1')} {_page_contribution('NEW', '1')} END",
    f"CREATE TRIGGER IF NOT EXISTS dynamics_page_flags AFTER UPDATE OF {', '.join(FLAGS)}"
    f" ON page WHEN {_FLAGS_ONLY} BEGIN {_FLAG_CHANGE} END",
    "CREATE TRIGGER IF NOT EXISTS dynamics_total_insert AFTER INSERT ON dynamics_day BEGIN"
    f" {_total('NEW', '')} END",
    "CREATE TRIGGER IF NOT EXISTS dynamics_total_update AFTER UPDATE ON dynamics_day BEGIN"
    f" {_total('OLD', '-')} {_total('NEW', '')} END",
    "CREATE TRIGGER IF NOT EXISTS dynamics_total_delete AFTER DELETE ON dynamics_day BEGIN"
    f" {_total('OLD', '-')} END",
    # A deleted territory holds no pages any more (foreign keys), so its rows are all zero.
    "CREATE TRIGGER IF NOT EXISTS dynamics_territory_delete AFTER DELETE ON territory BEGIN"
    " DELETE FROM dynamics_day WHERE territory_id = OLD.id; END",
)

# The tally recomputed from the records: what the migration fills in and what tests compare.
RECOMPUTE = (
    f"SELECT p.territory_id AS territory_id, p.network AS network, {day_text('c.date')} AS day,"
    " sum(c.delta) AS subscribers, sum(c.first) AS pages, "
    + ", ".join(f"sum(c.first * {e.format(row='p')}) AS {name}" for name, e in FLAGS.items())
    + " FROM (SELECT page_id, date, count - coalesce(lag(count) OVER w, 0) AS delta,"
    f" {one_if('row_number() OVER w = 1')} AS first FROM subscriber_count"
    " WINDOW w AS (PARTITION BY page_id ORDER BY date)) c"
    " JOIN page p ON p.id = c.page_id WHERE p.deleted_at IS NULL"
    " GROUP BY p.territory_id, p.network, c.date"
)


# The row triggers that a bulk writer replaces (dynamics_bulk); those on dynamics_day (the
# total) and on territory stay.
ROW_TRIGGERS: tuple[str, ...] = tuple(
    statement
    for statement in TRIGGERS
    if statement.split()[5].startswith(("dynamics_count_", "dynamics_page_"))
)


def _server(database) -> bool:
    from editor.db import dialect

    return isinstance(getattr(database, "obj", database), dialect.ServerDatabase)


# On a server, a trigger on counts first locks their page: two transactions writing counts of
# one page (or an import that noted the page, see dynamics_bulk) then take turns, and the later
# one reads the neighbouring counts as the earlier one committed them.
_LOCK_PAGES = {
    "INSERT": "NEW.page_id",
    "DELETE": "OLD.page_id",
    "UPDATE": "OLD.page_id, NEW.page_id",
}


def server_triggers() -> tuple[str, ...]:
    """The triggers as a server runs them (PL/pgSQL); the row triggers can be paused."""
    from editor.db import dialect

    statements: list[str] = []
    for trigger in TRIGGERS:
        on_counts = " ON subscriber_count" in trigger
        pages = _LOCK_PAGES.get(trigger.split()[7], "")  # AFTER INSERT|DELETE|UPDATE
        statements += dialect.trigger_ddl(
            trigger,
            {},
            KEYS,
            pause=(
                PAUSE_SETTING
                if trigger in ROW_TRIGGERS
                else TOTAL_PAUSE_SETTING
                if " ON dynamics_day " in trigger
                else None
            ),
            # They read the page's other counts (see trigger_ddl).
            before=on_counts,
            prelude=(
                f"PERFORM 1 FROM page WHERE id IN ({pages}) ORDER BY id FOR UPDATE; "
                if on_counts
                else ""
            ),
        )
    return tuple(statements)


def install(database: SqliteDatabase) -> None:
    """Create the tally with its triggers and fill it from the records (caller holds atomic())."""
    triggers = server_triggers() if _server(database) else TRIGGERS
    for statement in (TABLE, TOTAL_TABLE, *triggers):
        database.execute_sql(statement)
    if _server(database):  # tables made by an earlier version had INTEGER counters
        for table in ("dynamics_day", "dynamics_total"):
            widen = ", ".join(f"ALTER COLUMN {c} TYPE BIGINT" for c in COUNTERS)
            database.execute_sql(f"ALTER TABLE {table} {widen}")
    fill(database)


def installed_on_server(database) -> bool:
    """True when a server catalogue has the tally's triggers (one made by an early version of
    the editor has the tables alone)."""
    found = database.execute_sql("SELECT to_regproc('dynamics_count_insert') IS NOT NULL")
    return bool(found.fetchone()[0])


def stale_territories(database: SqliteDatabase) -> set[int]:
    """Territories whose stored rows differ from a recomputation from the count histories."""
    columns = ", ".join(("territory_id", "network", "day", *COUNTERS))
    nonzero = " OR ".join(f"{c} != 0" for c in COUNTERS)
    # A row that agrees appears once on each side; any difference leaves a lone row.
    rows = database.execute_sql(
        f"WITH fresh({columns}) AS ({RECOMPUTE}) SELECT territory_id FROM"
        f" (SELECT {columns} FROM fresh WHERE {nonzero} UNION ALL"
        f" SELECT {columns} FROM dynamics_day WHERE {nonzero}) AS both_sides"
        f" GROUP BY {columns} HAVING count(*) = 1"
    )
    return {territory_id for (territory_id,) in rows}


def fill(database: SqliteDatabase) -> None:
    """Recompute the tally from the records (the total follows through its triggers; on a
    server, in one statement)."""
    database.execute_sql("DELETE FROM dynamics_day")
    database.execute_sql("DELETE FROM dynamics_total")
    if not _server(database):
        database.execute_sql(f"{_INSERT} {RECOMPUTE}")
        return
    from editor.db import dialect

    dialect.pause_triggers(database, TOTAL_PAUSE_SETTING)
    database.execute_sql(f"{_INSERT} {RECOMPUTE}")
    database.execute_sql(dialect.upsert_sql(add_to_total("dynamics_day"), KEYS))
    dialect.pause_triggers(database, TOTAL_PAUSE_SETTING, paused=False)


@contextmanager
def paused(database: SqliteDatabase) -> Iterator[None]:
    """Bulk loading without the triggers (each would look up a page's neighbouring counts),
    then one recomputation; the caller holds the write transaction."""
    if _server(database):
        from editor.db import dialect

        dialect.pause_triggers(database, PAUSE_SETTING)
        try:
            yield
        finally:
            dialect.pause_triggers(database, PAUSE_SETTING, paused=False)
            fill(database)
        return
    names = [statement.split()[5] for statement in TRIGGERS]
    for name in names:
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield
    finally:
        for statement in TRIGGERS:
            database.execute_sql(statement)
        fill(database)
