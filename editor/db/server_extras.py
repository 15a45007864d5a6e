"""What a server catalogue keeps beside the records for several editors at once: a version per
record (a save never overwrites someone else's change silently) and change notifications (open
windows refresh when someone else wrote)."""

from __future__ import annotations

import uuid

from peewee import PostgresqlDatabase

# --- versions of records (concurrent editors) ------------------------------------------------

# A server catalogue counts the saves of every organisation and page, whoever writes them (the
# editor, an import, raw SQL): an editor saving a record whose count moved since it read it
# would overwrite someone else's change. Kept beside the records so that both backends share
# one table layout; a record never saved since has version 0.
VERSION_TABLE = "record_version"
SERVER_EXTRAS: tuple[str, ...] = (
    f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (entity TEXT NOT NULL, record_id INTEGER NOT"
    " NULL, version INTEGER NOT NULL, PRIMARY KEY (entity, record_id))",
    "CREATE OR REPLACE FUNCTION gp_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    f" INSERT INTO {VERSION_TABLE} VALUES (TG_TABLE_NAME, NEW.id, 1) ON CONFLICT (entity,"
    f" record_id) DO UPDATE SET version = {VERSION_TABLE}.version + 1; RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS gp_page_version ON page",
    "CREATE TRIGGER gp_page_version AFTER UPDATE ON page FOR EACH ROW"
    " EXECUTE FUNCTION gp_bump_version()",
    "DROP TRIGGER IF EXISTS gp_organization_version ON organization",
    "CREATE TRIGGER gp_organization_version AFTER UPDATE ON organization FOR EACH ROW"
    " EXECUTE FUNCTION gp_bump_version()",
)


# Every statement that changes records sends a notification on CHANNEL, its payload the
# writer's SESSION; open windows listen and refresh when someone else wrote. PostgreSQL folds
# equal notifications of one transaction into one, so an import sends one per table.
CHANNEL = "gospabliki_changes"
SESSION = uuid.uuid4().hex
_WATCHED = ("page", "organization", "territory", "sphere", "subscriber_count")
SERVER_EXTRAS += (
    "CREATE OR REPLACE FUNCTION gp_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    f" PERFORM pg_notify('{CHANNEL}', coalesce(current_setting('gospabliki.session', true), ''));"
    " RETURN NULL; END $$",
    *(
        statement
        for table in _WATCHED
        for statement in (
            f"DROP TRIGGER IF EXISTS gp_notify_{table} ON {table}",
            f"CREATE TRIGGER gp_notify_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION gp_notify_change()",
        )
    ),
)


def add_server_extras(database: PostgresqlDatabase) -> None:
    """Create the record versions and change notifications once (a role that may not write
    finds them or goes without)."""
    present = database.execute_sql("SELECT to_regproc('gp_notify_change') IS NOT NULL")
    if present.fetchone()[0] or database.read_only:
        return
    with database.atomic():
        for statement in SERVER_EXTRAS:
            database.execute_sql(statement)


class ChangeListener:
    """A connection of its own that hears other writers' change notifications (no Qt here:
    the window polls `poll()`, or watches `fileno()`)."""

    def __init__(self, database: PostgresqlDatabase) -> None:
        import psycopg

        password = database.connect_params.get("password")
        extra = {"password": password} if password is not None else {}
        self._connection = psycopg.connect(database.database, autocommit=True, **extra)
        self._connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self._connection.pgconn.socket

    def poll(self) -> bool:
        """True when another process changed the catalogue since the last poll."""
        pgconn = self._connection.pgconn
        pgconn.consume_input()
        foreign = False
        while (note := pgconn.notifies()) is not None:
            foreign = foreign or note.extra.decode() != SESSION
        return foreign

    def close(self) -> None:
        self._connection.close()
