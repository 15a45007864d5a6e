"""Where a team catalogue on a PostgreSQL server differs from a catalogue file (SQLite).

The queries of the editor are written once, in SQLite's dialect. For a server catalogue this
module is the one place that knows the differences:
- the connection: `postgresql://user@host:port/dbname?sslmode=...` URLs (libpq reads the
  password from ~/.pgpass or PGPASSWORD; the editor may pass one it asked for), a password
  that never appears in a message, and one-line errors for the usual failures;
- the SQL: `translate()` rewrites a raw SQLite statement (placeholders, `IS` comparisons,
  INSERT OR IGNORE, json_each); `COMPAT_FUNCTIONS` gives the server SQLite's functions that the
  queries use (`total`, `instr`, `group_concat`, a sum of truth values);
- the schema: the version lives in a table (there is no PRAGMA user_version), and the tally
  triggers become PL/pgSQL functions (row-level, so concurrent writers keep them exact).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit, urlunsplit

from peewee import PostgresqlDatabase

from editor.db.server_extras import SESSION

SERVER_SCHEMES = ("postgresql://", "postgres://")
# The table that marks a database as a catalogue and holds its schema version.
MARK_TABLE = "gospabliki_catalogue"


class ServerError(Exception):
    """A server catalogue that cannot be opened. It carries what happened (`reason`:
    password_required, wrong_password, no_database, no_user, unreachable, connect_failed,
    no_driver), where (`where`: dbname @ host, never the password) and for whom; core words it."""

    def __init__(self, reason: str, where: str = "", *, user: str = "", error: str = "") -> None:
        super().__init__(reason, where)
        self.reason, self.where, self.user, self.error = reason, where, user, error

    def __str__(self) -> str:
        return f"{self.reason}: {self.where}" + (f" ({self.error})" if self.error else "")


class PasswordRequired(ServerError):
    """The server asks for a password that neither the URL nor ~/.pgpass gave, or refused the
    one given."""


def is_server(target: object) -> bool:
    """True when a catalogue argument names a server catalogue rather than a file."""
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def mask(url: str) -> str:
    """The URL as shown to the user: any password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def strip_password(url: str) -> str:
    """The URL as remembered (recent catalogues): the user name stays, the password goes."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=user + host))


def describe(url: str) -> str:
    """Short name of a server catalogue for titles and messages: dbname on host."""
    parts = urlsplit(url)
    dbname = unquote(parts.path.lstrip("/")) or "?"
    host = parts.hostname or "localhost"
    return f"{dbname} @ {host}" + (f":{parts.port}" if parts.port else "")


def _connect_error(url: str, error: Exception) -> ServerError:
    """A one-line message for a failed connection (libpq's text never holds the password)."""
    text = str(error)
    parts = urlsplit(url)
    where = describe(url)
    user = parts.username or ""
    if "no password supplied" in text or "fe_sendauth" in text:
        return PasswordRequired("password_required", where, user=user)
    if "password authentication failed" in text:
        return PasswordRequired("wrong_password", where, user=user)
    if "does not exist" in text and "database" in text:
        return ServerError("no_database", where)
    if "role" in text and "does not exist" in text:
        return ServerError("no_user", where, user=user)
    if "Connection refused" in text or "could not connect" in text or "timeout" in text:
        return ServerError("unreachable", where)
    first = " ".join(text.strip().splitlines()[-1:]).replace(parts.password or "\0", "***")
    return ServerError("connect_failed", where, error=first)


@functools.cache
def _untyped_int_dumper():
    from psycopg.types.numeric import Int8Dumper

    class UntypedIntDumper(Int8Dumper):
        oid = 0  # unknown: the server takes the type from the context

    return UntypedIntDumper


@functools.cache
def _number_loader():
    from psycopg.types.numeric import NumericLoader

    class SqliteNumberLoader(NumericLoader):
        def load(self, data):
            value = super().load(data)
            whole = value.is_finite() and value == value.to_integral_value()
            return int(value) if whole else float(value)

    return SqliteNumberLoader


class SqliteStyleConnection:
    """The parts of sqlite3.Connection that the editor's bulk paths use, over psycopg.

    `db.connection()` of a server catalogue returns this, so that a bulk write written for
    sqlite3 (execute/executemany with `?` placeholders) runs unchanged on the server.
    """

    def __init__(self, database: ServerDatabase, connection) -> None:
        self._database = database
        self._connection = connection

    def _cursor(self):
        cursor = self._connection.cursor()
        # sqlite3 callers write truth values as 0/1: sent as untyped literals, the server reads
        # them as whatever the column is (integer or boolean).
        cursor.adapters.register_dumper(int, _untyped_int_dumper())
        return cursor

    def execute(self, sql: str, params=()):
        from peewee import __exception_wrapper__

        cursor = self._cursor()
        with __exception_wrapper__:
            cursor.execute(translate(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows):
        from peewee import __exception_wrapper__

        cursor = self._cursor()
        with __exception_wrapper__:
            cursor.executemany(translate(sql), [tuple(row) for row in rows])
        return cursor

    def copy_rows(self, table: str, columns: Sequence[str], rows) -> None:
        """Insert `rows` (tuples in the order of `columns`) into `table` through COPY: one
        stream instead of a statement per row, which costs the server and psycopg several
        times more (sqlite3 has no such method: callers use executemany there)."""
        from peewee import __exception_wrapper__

        names = ", ".join(columns)
        target = _SCHEMA_TEMP.sub("pg_temp.", table)
        with __exception_wrapper__, self._cursor() as cursor:
            with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def set_progress_handler(self, handler, steps: int) -> None:
        """SQLite's cancellation hook; a server query runs to its end."""

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._connection.pgconn.transaction_status != TransactionStatus.IDLE

    def __getattr__(self, name: str):
        return getattr(self._connection, name)


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database (psycopg 3) that also runs the editor's SQLite-style SQL."""

    # Set at open: the role may only read (see open_server); writes then fail with one line.
    read_only = False

    def execute(self, query, commit=None, **context_options):
        # Statements built by peewee are in PostgreSQL's dialect, but may hold SQL() fragments
        # written for SQLite.
        ctx = self.get_sql_context(**context_options)
        sql, params = ctx.sql(query).query()
        return PostgresqlDatabase.execute_sql(self, translate(sql), params)

    def execute_sql(self, sql, params=None, commit=None):
        return PostgresqlDatabase.execute_sql(self, translate(sql), params)

    def _connect(self):
        connection = PostgresqlDatabase._connect(self)
        # Dates and times come back as ISO text, as SQLite gives them: raw queries parse them
        # where they need to, and peewee's fields convert text as they do for SQLite.
        from psycopg.types.string import TextLoader

        for name in ("date", "timestamp"):
            connection.adapters.register_loader(name, TextLoader)
        # A sum of BIGINTs is NUMERIC on a server: it comes back as SQLite's would, an int
        # (a float when not whole), not as a Decimal that JSON and the charts refuse.
        connection.adapters.register_loader("numeric", _number_loader())
        # Names this process in the change notifications its writes send (see CHANNEL).
        connection.execute("SELECT set_config('gospabliki.session', %s, false)", (SESSION,))
        return connection

    def connection(self) -> SqliteStyleConnection:
        return SqliteStyleConnection(self, PostgresqlDatabase.connection(self))


def open_server(url: str, password: str | None = None) -> ServerDatabase:
    """Connect to the server catalogue at `url`; raise ServerError with a clean message."""
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise ServerError("no_driver", describe(url)) from error
    params: dict[str, object] = {"prefer_psycopg3": True, "autoconnect": True}
    if password is not None:
        params["password"] = password
    database = ServerDatabase(url, **params)
    try:
        database.connect()
    except Exception as error:  # psycopg raises OperationalError; peewee may wrap it
        raise _connect_error(url, error) from None
    database.read_only = not database.execute_sql(
        "SELECT to_regclass('page') IS NULL OR has_table_privilege('page', 'INSERT')"
    ).fetchone()[0]
    return database


# --- the catalogue's identity and schema version ---------------------------------------------


def schema_version(database: ServerDatabase) -> int | None:
    """The schema version, 0 for an empty database, None for one that holds other tables."""
    marked = database.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (MARK_TABLE,)).fetchone()
    if marked[0]:
        row = database.execute_sql(f"SELECT version FROM {MARK_TABLE}").fetchone()
        return row[0] if row else 0
    others = database.execute_sql(
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    ).fetchone()[0]
    return 0 if others == 0 else None


def set_schema_version(database: ServerDatabase, version: int) -> None:
    """Record the schema version (creating the mark table on the first migration)."""
    database.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {MARK_TABLE} (version INTEGER NOT NULL,"
        " application TEXT NOT NULL DEFAULT 'gospabliki')"
    )
    database.execute_sql(f"DELETE FROM {MARK_TABLE}")
    database.execute_sql(f"INSERT INTO {MARK_TABLE} (version) VALUES (%s)", (version,))


# --- SQLite's functions on the server --------------------------------------------------------

COMPAT_FUNCTIONS: tuple[str, ...] = (
    "CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE"
    " PARALLEL SAFE AS 'SELECT strpos($1, $2)'",
    # total(): like sum() but 0.0 for no rows and NULLs skipped. The built-in float8pl is
    # strict, so a NULL row leaves the sum as it is; a step written in SQL would cost a
    # function call per row (half of a quick search's time over 80,000 pages).
    "CREATE OR REPLACE AGGREGATE total(double precision) (SFUNC = float8pl,"
    " STYPE = double precision, INITCOND = '0', COMBINEFUNC = float8pl, PARALLEL = SAFE)",
    # sum(flag = 1): a truth value counts as 0/1 as in SQLite.
    "CREATE OR REPLACE FUNCTION gp_bool_step(bigint, boolean) RETURNS bigint LANGUAGE sql"
    " IMMUTABLE PARALLEL SAFE AS 'SELECT $1 + coalesce($2::int, 0)'",
    "CREATE OR REPLACE AGGREGATE sum(boolean) (SFUNC = gp_bool_step, STYPE = bigint,"
    " INITCOND = '0')",
    "CREATE OR REPLACE FUNCTION gp_bool_eq_int(boolean, integer) RETURNS boolean LANGUAGE sql"
    " IMMUTABLE PARALLEL SAFE AS 'SELECT $1::int = $2'",
    "CREATE OR REPLACE FUNCTION gp_bool_ne_int(boolean, integer) RETURNS boolean LANGUAGE sql"
    " IMMUTABLE PARALLEL SAFE AS 'SELECT $1::int <> $2'",
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '='"
    " AND oprleft = 'boolean'::regtype AND oprright = 'integer'::regtype) THEN"
    " CREATE OPERATOR = (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = gp_bool_eq_int);"
    " CREATE OPERATOR <> (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = gp_bool_ne_int);"
    " END IF; END $$",
    # group_concat(x[, separator]) of any value.
    "CREATE OR REPLACE FUNCTION gp_concat_step(text, anyelement, text) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS"
    " 'SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2::text"
    " ELSE $1 || $3 || $2::text END'",
    "CREATE OR REPLACE FUNCTION gp_concat_step(text, anyelement) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT gp_concat_step($1, $2, '','')'",
    "CREATE OR REPLACE AGGREGATE group_concat(anyelement, text) (SFUNC = gp_concat_step,"
    " STYPE = text)",
    "CREATE OR REPLACE AGGREGATE group_concat(anyelement) (SFUNC = gp_concat_step, STYPE = text)",
    # `x IN (SELECT value FROM json_each(?))` with a JSON array of ids.
    "CREATE OR REPLACE FUNCTION gp_json_ids(text) RETURNS TABLE(value bigint) LANGUAGE sql"
    " IMMUTABLE PARALLEL SAFE AS 'SELECT v::bigint FROM json_array_elements_text($1::json) v'",
)


# --- quick search ------------------------------------------------------------------------------

# A trigram index lets `search_key LIKE '%needle%'` read the index instead of every page
# (pg_trgm ships with PostgreSQL; since version 13 any role that may create in the database may
# add it). Without it the same condition scans the table.
SEARCH_INDEX = "page_search_trgm"


def add_search_index(database: ServerDatabase) -> bool:
    """Create the trigram index of the search keys once; False when the role may not."""
    from peewee import DatabaseError

    found = database.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (SEARCH_INDEX,))
    if found.fetchone()[0]:
        return True
    try:
        with database.atomic():
            database.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            database.execute_sql(
                f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON page"
                " USING gin (search_key gin_trgm_ops)"
            )
    except DatabaseError:
        return False
    return True


def contains_pattern(needle: str) -> str:
    """A LIKE pattern matching text that contains `needle` as it is (the server's default
    escape character is the backslash)."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fetch_ids(database: ServerDatabase, sql: str, params: Sequence[object]) -> list[int]:
    """The values of the `id` column a query selects, in no set order, sent as one array.

    A quick search's 80,000 ids one row each cost more in psycopg and peewee than the search
    on the server; as one binary int array they take a few ms.
    """
    from peewee import __exception_wrapper__

    connection = PostgresqlDatabase.connection(database)
    with __exception_wrapper__, connection.cursor(binary=True) as cursor:
        cursor.execute(f"SELECT array_agg(q.id) FROM ({translate(sql)}) AS q", tuple(params))
        (ids,) = cursor.fetchone()
    return ids or []


# --- translating a SQLite statement ------------------------------------------------------------

_LITERAL = re.compile(r"('(?:[^']|'')*')")
_IS_NOT = re.compile(r"\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
_IS = re.compile(r"\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
# Anything that marks a statement as written for SQLite (others pass untouched).
_SQLITE_ONLY = re.compile(
    r"\?|\bIS\b|json_each|INSERT\s+OR|WITHOUT ROWID|\bmain\.|\btemp\.|WHERE 0\b|\bIN\s+\w",
    re.IGNORECASE,
)
# SQLite's schema names of the TEMP staging tables: PostgreSQL's are public and pg_temp.
_SCHEMA_MAIN = re.compile(r"\bmain\.(?=\w)")
_SCHEMA_TEMP = re.compile(r"\btemp\.(?=\w)")
_WHERE_0 = re.compile(r"\bWHERE 0\b")
# SQLite's `x IN sub` (a table or CTE name), as a comparison with an array of sub's rows: the
# planner guesses ten elements for an array it cannot see, and looks each up by index, where
# `x IN (SELECT * FROM sub)` of a recursive CTE (guessed at a thousand rows or more) made it
# read whole tables for a hash join (a subject's figures: 15 ms instead of 4).
_IN_TABLE = re.compile(r"\b(NOT\s+)?IN\s+(?!\()([A-Za-z_]\w*)\b", re.IGNORECASE)
# A literal % (not peewee's %s placeholder) must be doubled for psycopg.
_PERCENT = re.compile(r"%(?!s)")
# `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL ...)`: a bound integer may arrive as smallint,
# and the seed of a recursive query fixes the column's type.
_RECURSIVE_SEED = re.compile(r"\(SELECT %s UNION ALL")
_INSERT_OR_IGNORE = re.compile(r"\bINSERT\s+OR\s+IGNORE\b", re.IGNORECASE)


def _in_table(match: re.Match) -> str:
    test = "<> ALL" if match[1] else "= ANY"
    return f"{test}(ARRAY(SELECT * FROM {match[2]}))"


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """A raw SQLite statement in PostgreSQL's dialect (statements already in it pass as they are)."""
    if not _SQLITE_ONLY.search(sql):
        return sql
    pieces = _LITERAL.split(sql)
    ignore = False
    for index in range(0, len(pieces), 2):  # the even pieces lie outside string literals
        code = _PERCENT.sub("%%", pieces[index]).replace("?", "%s")
        code = _RECURSIVE_SEED.sub("(SELECT CAST(%s AS INTEGER) UNION ALL", code)
        code = _IS_NOT.sub("IS DISTINCT FROM ", code)
        code = _IS.sub("IS NOT DISTINCT FROM ", code)
        code = code.replace("json_each(", "gp_json_ids(").replace("WITHOUT ROWID", "")
        code = _SCHEMA_MAIN.sub("", _SCHEMA_TEMP.sub("pg_temp.", code))
        code = _WHERE_0.sub("WHERE false", code)
        code = _IN_TABLE.sub(_in_table, code)
        if _INSERT_OR_IGNORE.search(code):
            code, ignore = _INSERT_OR_IGNORE.sub("INSERT", code), True
        pieces[index] = code
    result = "".join(pieces)
    return result + " ON CONFLICT DO NOTHING" if ignore else result


# --- the tally triggers in PL/pgSQL ------------------------------------------------------------

# What one live page adds to each counter of tally_network, as PostgreSQL integers.
PG_NETWORK_COUNTERS: dict[str, str] = {
    "gosmark": "({row}.gosmark IS TRUE)::int",
    "connected": "({row}.connected IS TRUE)::int",
    "widgets": "coalesce(({row}.widgets > 0)::int, 0)",
    "status_none": "({row}.status IS NULL)::int",
}


def _pg_counters(sql: str, counters: dict[str, str]) -> str:
    """Swap the SQLite counter expressions of models.NETWORK_COUNTERS for integer ones."""
    for name, expr in counters.items():
        if name in ("pages", "subscribers"):
            continue
        if name.startswith("status_") and name != "status_none":
            status = name.removeprefix("status_")
            pg = f"({{row}}.status IS NOT DISTINCT FROM '{status}')::int"
        else:
            pg = PG_NETWORK_COUNTERS[name]
        for row in ("NEW", "OLD", "p"):
            sql = sql.replace(expr.format(row=row), pg.format(row=row))
    return sql


def _conflict_targets(sql: str, keys: dict[str, tuple[str, ...]]) -> str:
    """PostgreSQL's DO UPDATE needs the conflict columns (the tally's key), and a counter read
    in its SET must name its table (`pages = pages + 1` is ambiguous there)."""

    def add(match: re.Match) -> str:
        table, head, assignments = match.group(1), match.group(2), match.group(3)
        assignments = re.sub(r"= (\w+) ([+-])", rf"= {table}.\1 \2", assignments)
        target = ", ".join(keys[table])
        return f"INSERT INTO {table}{head}ON CONFLICT ({target}) DO UPDATE SET {assignments}"

    return re.sub(r"INSERT INTO (\w+)([^;]*?)ON CONFLICT DO UPDATE SET ([^;]*)", add, sql)


_TRIGGER = re.compile(
    r"CREATE TRIGGER IF NOT EXISTS (?P<name>\w+) (?P<event>(?P<time>AFTER|BEFORE)"
    r" (?P<action>INSERT|DELETE|UPDATE)(?: OF [\w, ]+?)?) ON (?P<table>\w+)"
    r"(?: WHEN (?P<when>.*?))? BEGIN (?P<body>.*) END$",
    re.DOTALL,
)


def recompute_sql(sql: str, counters: dict[str, str]) -> str:
    """A tally's recomputation (models.TALLY_RECOMPUTE) in PostgreSQL's dialect."""
    return translate(_pg_counters(sql, counters))


def tally_sql(sql: str, counters: dict[str, str], keys: dict[str, tuple[str, ...]]) -> str:
    """A statement writing a tally (its counter expressions, its upserts) in PostgreSQL's
    dialect."""
    return translate(_conflict_targets(_pg_counters(sql, counters), keys))


def trigger_ddl(
    sqlite_trigger: str,
    counters: dict[str, str],
    keys: dict[str, tuple[str, ...]],
    *,
    pause: str | None = None,
    before: bool = False,
    prelude: str = "",
) -> tuple[str, ...]:
    """The PL/pgSQL function and the row trigger doing what one SQLite trigger does.

    A WHEN condition that reads a table (PostgreSQL allows none there) moves into the body.
    `pause`: the name of a setting that, set to 'on' in a transaction (`pause_triggers`),
    makes the trigger stand aside there: a bulk writer that keeps the tally itself turns it off
    without DDL, which would lock the table against every other editor until it commits.
    `before`: run an AFTER trigger before each row's change instead. PostgreSQL runs AFTER row
    triggers once the whole statement is done, so a trigger that reads other rows of its table
    (a page's neighbouring counts) would see every row of a many-row statement changed, where
    SQLite's see the rows changed so far; a BEFORE trigger sees those, all but its own row.
    `prelude`: PL/pgSQL run first (a row lock that orders concurrent writers).
    """
    match = _TRIGGER.match(sqlite_trigger)
    if match is None:
        raise ValueError(f"not a trigger of the catalogue: {sqlite_trigger[:60]}")
    name, event, table = match["name"], match["event"], match["table"]
    timing = "BEFORE" if before else match["time"]
    event = timing + event.removeprefix(match["time"])
    body = prelude + tally_sql(match["body"], counters, keys)
    conditions = [f"current_setting('{pause}', true) IS DISTINCT FROM 'on'"] if pause else []
    if match["when"]:
        when = translate(_pg_counters(match["when"], counters))
        if re.search(r"\bSELECT\b", when, re.IGNORECASE):
            body = f"IF {when} THEN {body} END IF;"
        else:
            conditions.append(f"({when})")
    when = f" WHEN ({' AND '.join(conditions)})" if conditions else ""
    # A BEFORE trigger that returns NULL would cancel the row's own change.
    result = "NULL" if timing == "AFTER" else "OLD" if match["action"] == "DELETE" else "NEW"
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS"
        f" $$ BEGIN {body} RETURN {result}; END $$",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} {event} ON {table} FOR EACH ROW{when} EXECUTE FUNCTION {name}()",
    )


def upsert_sql(sql: str, keys: dict[str, tuple[str, ...]]) -> str:
    """A SQLite upsert (`ON CONFLICT DO UPDATE SET c = c + excluded.c`) in PostgreSQL's
    dialect: the conflict target named from `keys` (table → key columns)."""
    return translate(_conflict_targets(sql, keys))


def insert_rows(connection, table: str, columns: tuple[str, ...], insert: str, rows) -> None:
    """`rows` into `table`: COPY on a server (see SqliteStyleConnection.copy_rows), the
    statement `insert` once per row on a file (sqlite3's executemany)."""
    copy_rows = getattr(connection, "copy_rows", None)
    if copy_rows is None:
        connection.executemany(insert, rows)
    else:
        copy_rows(table, columns, rows)


def emptied(tables: tuple[str, ...], server: bool) -> tuple[str, ...]:
    """The statements emptying TEMP tables that a bulk writer fills and empties again and again.

    A server truncates them: a DELETE leaves their pages behind, and the planner, which has no
    statistics of a TEMP table, guesses its rows from its pages: after a few hundred chunks it
    took a thousand noted ids for a hundred thousand and scanned whole tables to join them.
    """
    if server:
        return ("TRUNCATE " + ", ".join(f"pg_temp.{table}" for table in tables),)
    return tuple(f"DELETE FROM temp.{table}" for table in tables)


def pause_triggers(database: ServerDatabase, setting: str, paused: bool = True) -> None:
    """Make the triggers made with `pause=setting` stand aside (or not) until the transaction
    ends; other transactions keep them."""
    database.execute_sql("SELECT set_config(%s, %s, true)", (setting, "on" if paused else ""))


def explain_write_error(error: BaseException) -> str | None:
    """A one-line message for a write the server refused to a read-only role, else None."""
    cause = error
    while cause is not None:
        name = type(cause).__name__
        if name in ("ReadOnlySqlTransaction", "InsufficientPrivilege"):
            return read_only_message()
        cause = cause.__cause__ or cause.__context__
    return None


READ_ONLY = "read_only"
"""The reason a write to a server catalogue opened by a read-only role is refused."""


def read_only_message() -> str:
    """The reason code of a refused write (worded by core.opening.describe_reason)."""
    return READ_ONLY


# --- bulk writers (imports) ------------------------------------------------------------------

_SEQUENCED = ("organization", "page", "subscriber_count", "change", "import_batch")


def begin_bulk_write(database: ServerDatabase) -> None:
    """Inside the writer's transaction: one bulk writer at a time (it numbers its new rows
    itself); ordinary edits go on meanwhile."""
    database.execute_sql("SELECT pg_advisory_xact_lock(7450001)")
    # Its statements over a chunk's rows are estimated costly enough for the server to compile
    # them to machine code each time, which takes longer than running them.
    database.execute_sql("SET LOCAL jit = off")
    # Its TEMP tables and the rows it looks up are in memory: priced as reads from a disk, a
    # thousand lookups by key cost more than hashing a whole 300k-row note of the import, and
    # the server chose that for every chunk (17 ms a statement, 15 s in all).
    database.execute_sql("SET LOCAL random_page_cost = 1.1")


def end_bulk_write(database: ServerDatabase) -> None:
    """Move the id sequences past the ids the bulk writer gave its new rows."""
    for table in _SEQUENCED:
        database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" greatest((SELECT max(id) FROM {table}), 1))"
        )
