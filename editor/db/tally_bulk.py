"""Bulk writes that keep the roll-up tallies (`models.TALLY_TABLES`) exact in a few statements.

The tallies' row triggers upsert one to three tally rows per page or organisation written: on a
server each is a PL/pgSQL call, and an import of 270,000 new pages spent 64 s of the server's
time in them. A bulk writer (an import) instead turns them off (`pause`), takes the whole
contribution of each page and organisation away before its first write (`touch`, from the
records as they are) and gives the contributions back in one grouped upsert per tally
(`settle`, `resume`): only the tally rows whose sums changed are written, once.

On a server the triggers stand aside in the writer's own transaction only (the setting
`PAUSE_SETTING`, see `dialect.trigger_ddl`), so other editors' writes meanwhile keep the tallies
through them; the noted pages and organisations are locked until the commit, so what was taken
away stays theirs. The search log's insert trigger stands aside as well: the writer's new pages
are numbered after every page there was (see `search_log`), which the log does not record.
A file catalogue drops the triggers inside the transaction instead (a rollback brings them back).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from editor.db import dialect
from editor.db.dynamics_bulk import (
    clear,
    keep_first_notes,
    move_notes,
    note_ids,
    server_of,
    switch_triggers,
)
from editor.db.models import (
    NETWORK_COUNTERS,
    TALLY_COUNTERS,
    TALLY_KEYS,
    TALLY_TRIGGERS,
)

PAUSE_SETTING = "gospabliki.tallies_paused"

# The triggers a bulk writer replaces: those on pages and organisations (a deleted territory's
# rows are still cleared by its own).
BULK_TRIGGERS: tuple[str, ...] = tuple(
    statement
    for statement in TALLY_TRIGGERS
    if re.search(r" ON (\w+)", statement)[1] in ("page", "organization")
)

_DELTAS = {table: f"temp.{table}_delta" for table in TALLY_KEYS}
_SETUP = (
    "CREATE TEMP TABLE IF NOT EXISTS tally_pages (id INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS tally_page_fresh (id INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS tally_organizations (id INTEGER PRIMARY KEY)",
    "CREATE TEMP TABLE IF NOT EXISTS tally_organization_fresh (id INTEGER PRIMARY KEY)",
    *(
        f"CREATE TEMP TABLE IF NOT EXISTS {table}_delta ("
        + ", ".join(
            [
                *(f"{key} {'TEXT' if key == 'network' else 'INTEGER'}" for key in keys),
                *(f"{counter} BIGINT" for counter in TALLY_COUNTERS[table]),
            ]
        )
        + ")"
        for table, keys in TALLY_KEYS.items()
    ),
)
_TEMP = (
    "tally_pages",
    "tally_page_fresh",
    "tally_organizations",
    "tally_organization_fresh",
    *(f"{table}_delta" for table in TALLY_KEYS),
)


def _contributions(sign: str, pages: str, organizations: str) -> tuple[str, ...]:
    """What the live pages listed in `pages` and the live organisations in `organizations`
    (TEMP tables) give each tally, as rows of its delta table (`sign` '-': taken away)."""
    noted = f"p.deleted_at IS NULL AND p.id IN (SELECT id FROM temp.{pages})"
    sums = ", ".join(f"{sign}sum({expr.format(row='p')})" for expr in NETWORK_COUNTERS.values())
    return (
        f"INSERT INTO {_DELTAS['tally_network']} SELECT p.territory_id, p.network, {sums}"
        f" FROM page p WHERE {noted} GROUP BY p.territory_id, p.network",
        f"INSERT INTO {_DELTAS['tally_sphere']} SELECT p.territory_id,"
        f" coalesce(o.sphere1_id, 0), {sign}count(*) FROM page p"
        f" JOIN organization o ON o.id = p.organization_id WHERE {noted}"
        " GROUP BY p.territory_id, coalesce(o.sphere1_id, 0)",
        f"INSERT INTO {_DELTAS['tally_territory']} SELECT p.territory_id, 0, {sign}count(*),"
        f" {sign}coalesce(sum(p.subscribers), 0) FROM page p WHERE {noted}"
        " GROUP BY p.territory_id",
        f"INSERT INTO {_DELTAS['tally_territory']} SELECT o.territory_id, {sign}count(*), 0, 0"
        f" FROM organization o WHERE o.deleted_at IS NULL"
        f" AND o.id IN (SELECT id FROM temp.{organizations}) GROUP BY o.territory_id",
    )


def _apply_sql(table: str) -> str:
    """One grouped upsert of the rows of `table` whose sums moved."""
    keys, counters = ", ".join(TALLY_KEYS[table]), TALLY_COUNTERS[table]
    return (
        f"INSERT INTO {table} ({keys}, {', '.join(counters)}) SELECT {keys}, "
        + ", ".join(f"sum({c})" for c in counters)
        + f" FROM {_DELTAS[table]} GROUP BY {keys} HAVING "
        + " OR ".join(f"sum({c}) != 0" for c in counters)
        + " ON CONFLICT DO UPDATE SET "
        + ", ".join(f"{c} = {c} + excluded.{c}" for c in counters)
    )


# (fresh, noted, table): the ids noted by the current chunk, those noted before, whose rows.
_NOTES = (
    ("tally_page_fresh", "tally_pages", "page"),
    ("tally_organization_fresh", "tally_organizations", "organization"),
)
_TAKE_AWAY = _contributions("-", "tally_page_fresh", "tally_organization_fresh")
_GIVE_BACK = _contributions("", "tally_pages", "tally_organizations")
_APPLY = tuple(_apply_sql(table) for table in TALLY_KEYS)


def _statements(database, statements: tuple[str, ...]) -> tuple[str, ...]:
    """`statements` in the dialect of `database`."""
    if server_of(database) is None:
        return statements
    return _server_statements(statements)


@functools.cache
def _server_statements(statements: tuple[str, ...]) -> tuple[str, ...]:
    # Translated once, not for every chunk of an import.
    return tuple(dialect.tally_sql(sql, NETWORK_COUNTERS, TALLY_KEYS) for sql in statements)


def server_triggers() -> tuple[str, ...]:
    """The tallies' triggers as a server runs them (PL/pgSQL), those on pages and
    organisations able to stand aside (PAUSE_SETTING)."""
    statements: list[str] = []
    for trigger in TALLY_TRIGGERS:
        statements += dialect.trigger_ddl(
            trigger,
            NETWORK_COUNTERS,
            TALLY_KEYS,
            pause=PAUSE_SETTING if trigger in BULK_TRIGGERS else None,
        )
    return tuple(statements)


def pause(database) -> None:
    """Turn the tallies' page and organisation triggers off until `resume()`; `touch()` every
    page and organisation before writing it."""
    connection = database.connection()
    for statement in _SETUP:
        connection.execute(statement)
    clear(database, connection, _TEMP)
    switch_triggers(database, connection, BULK_TRIGGERS, PAUSE_SETTING, on=False)


def touch(
    database,
    pages: Iterable[int] = (),
    organizations: Iterable[int] = (),
    organization_pages: Iterable[int] = (),
) -> None:
    """Note `pages`, `organizations` and every page of `organization_pages` as about to change
    (created, moved, or a field a tally counts changed): what each gives the tallies is taken
    away now, the first time it is noted since `pause()` or the last `settle()`.

    Records that do not exist yet may be given (they give nothing until they do).
    """
    connection = database.connection()
    note_ids(connection, "tally_page_fresh", pages)
    note_ids(
        connection,
        "tally_page_fresh",
        organization_pages,
        "SELECT id FROM page WHERE organization_id",
    )
    note_ids(connection, "tally_organization_fresh", organizations)
    keep_first_notes(database, connection, _NOTES)
    for statement in _statements(database, _TAKE_AWAY):
        connection.execute(statement)
    move_notes(database, connection, _NOTES)


def _apply(database, connection) -> None:
    for statement in _statements(database, (*_GIVE_BACK, *_APPLY)):
        connection.execute(statement)


def settle(database) -> None:
    """Give the noted records their contributions as they are now and start noting afresh
    (the triggers stay off): a long bulk write settles now and then, so that what it notes
    stays small."""
    connection = database.connection()
    _apply(database, connection)
    clear(database, connection, _TEMP)


def resume(database, *, apply: bool = True) -> None:
    """Settle and put the triggers back (`apply` False: only the triggers, when the caller is
    about to roll back)."""
    connection = database.connection()
    if apply:
        _apply(database, connection)
    switch_triggers(database, connection, BULK_TRIGGERS, PAUSE_SETTING, on=True)
    clear(database, connection, _TEMP)
