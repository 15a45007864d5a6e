"""New rows of an import written in bulk: staged in a TEMP table and moved in one statement.

New rows are staged in a TEMP table without indexes or triggers and moved with one
INSERT … SELECT per chunk: the table's indexes are then updated inside one statement instead of
one statement (and one statement journal) per row, which measured 270,000 page inserts at
7.3–8.8 s row by row against 4.5–4.9 s staged. A server receives the rows through COPY.
"""

from __future__ import annotations

import functools

from editor.core.changelog import Origin
from editor.db import dialect
from editor.db.database import is_server_catalogue
from editor.db.models import now

# The field a "create" entry of the change log names (the record's name or link).
_CREATED_FIELD = {"organization": "full_name", "page": "url"}


@functools.cache
def _staging_sql(table: str, columns: tuple[str, ...]) -> tuple[str, str, str]:
    names = ", ".join(columns)
    return (
        f"CREATE TEMP TABLE IF NOT EXISTS import_{table} AS SELECT {names} FROM main.{table}"
        " WHERE 0",
        f"INSERT INTO temp.import_{table} ({names}) VALUES ({', '.join('?' * len(columns))})",
        f"INSERT INTO main.{table} ({names}) SELECT {names} FROM temp.import_{table} ORDER BY id",
    )


def insert_rows(connection, table: str, columns: tuple[str, ...], insert: str, rows) -> None:
    """`rows` into `table`: COPY on a server (see SqliteStyleConnection.copy_rows), the
    statement `insert` once per row on a file."""
    copy_rows = getattr(connection, "copy_rows", None)
    if copy_rows is None:
        connection.executemany(insert, rows)
    else:
        copy_rows(table, columns, rows)


def insert_staged(
    connection, table: str, columns: tuple[str, ...], rows: list[tuple], origin: Origin
) -> None:
    """Insert new rows (values in the order of `columns`, the id first) through the staging
    table, with their "create" entries in the log."""
    create, stage, move = _staging_sql(table, columns)
    connection.execute(create)
    insert_rows(connection, f"temp.import_{table}", columns, stage, rows)
    connection.execute(move)
    field_name = _CREATED_FIELD[table]
    # Written by the database from the staged rows: 300,000 log tuples need not pass through
    # Python.
    connection.execute(
        "INSERT INTO change (at, entity, entity_id, action, field, old, new, origin, batch_id)"
        f" SELECT ?, '{table}', id, 'create', '{field_name}', NULL, {field_name}, ?, ?"
        f" FROM temp.import_{table} ORDER BY id",
        (now(), origin.kind, origin.batch_id),
    )
    for statement in dialect.emptied((f"import_{table}",), is_server_catalogue()):
        connection.execute(statement)
