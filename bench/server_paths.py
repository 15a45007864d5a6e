"""The generated catalogue on a throwaway PostgreSQL server, for the server cases.

The catalogue file is loaded into a new server database with COPY (triggers off, tallies
recomputed once, the search index built after, as a team moving its file to a server would get
them); the core hot paths then run unchanged against it. A case that writes gets a copy of that
database (`writable_copy`). Without server binaries or psycopg the cases say why and skip.
"""

from __future__ import annotations

import atexit
import sqlite3
from dataclasses import replace

from bench import core_paths
from bench.framework import Context


def skip_reason() -> str | None:
    """Why no server can be started here, or None."""
    from tests.pg_server import skip_reason as reason

    return reason()


# The servers this process started: a case's process leaves through os._exit, which skips
# atexit, and stops them itself (`stop_servers`); each left running kept 2 GB in /tmp.
_STARTED: list = []


def stop_servers() -> None:
    """Stop the servers this process started (before it leaves through os._exit)."""
    while _STARTED:
        _STARTED.pop().stop()


def load(ctx: Context) -> Context:
    """Setup: the server holding a copy of the generated catalogue, opened; a Context whose
    state is the server's own (so the file cases' cached figures are not mixed in)."""
    if "server_ctx" in ctx.state:
        return ctx.state["server_ctx"]
    from editor.db import dialect, dynamics_schema
    from editor.db.database import end_bulk_write, fill_tallies, open_catalogue
    from editor.db.models import MODELS, db
    from tests.pg_server import PgServer

    server = PgServer().start()
    atexit.register(server.stop)
    _STARTED.append(server)
    url = server.url(server.new_database())
    database = open_catalogue(url, create=True)
    source = sqlite3.connect(f"{ctx.catalogue.resolve().as_uri()}?mode=ro", uri=True)
    raw = database.connection()._connection  # psycopg's own, for COPY
    # Built after the load: a GIN index takes the rows faster at once than one by one.
    database.execute_sql(f"DROP INDEX IF EXISTS {dialect.SEARCH_INDEX}")
    with db.atomic():
        database.execute_sql("SET LOCAL session_replication_role = replica")  # no triggers
        for model in MODELS:
            table = model._meta.table_name
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(columns)
            with raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
        fill_tallies(database)
        end_bulk_write()
    with db.atomic():  # with the triggers, which keep the whole catalogue's total
        dynamics_schema.fill(database)
    source.close()
    dialect.add_search_index(database)
    database.execute_sql("VACUUM ANALYZE")
    server_ctx = replace(ctx, state={"core_opened": True, "server": server, "url": url})
    ctx.state["server_ctx"] = server_ctx
    return server_ctx


def writable_copy(ctx: Context) -> str:
    """The URL of a new database holding a copy of the loaded catalogue (for a case that
    writes); the loaded one stays open."""
    from editor.db.database import close_catalogue, open_catalogue

    server_ctx = load(ctx)
    server, url = server_ctx.state["server"], server_ctx.state["url"]
    close_catalogue()  # a database is copied while nobody is connected to it
    name = f"copy_{len(server_ctx.state.setdefault('copies', [])) + 1}"
    with server.admin() as connection:
        connection.execute(f"CREATE DATABASE {name} TEMPLATE {url.rsplit('/', 1)[1]}")
    server_ctx.state["copies"].append(name)
    open_catalogue(url)
    return server.url(name)


def _on_server(path, prepare):
    """A core case run against the server copy (its setup first)."""

    def setup(ctx: Context) -> None:
        prepare(load(ctx))

    def run(ctx: Context) -> object:
        return path(ctx.state["server_ctx"])

    return setup, run


def paths() -> dict[str, tuple]:
    """Name → (setup, fn) of the core hot paths on the server."""
    return {
        "tree_totals": _on_server(core_paths.tree_totals, core_paths.prepare_totals),
        "region_stats": _on_server(core_paths.region_stats, core_paths.prepare_region),
        "search_count": _on_server(core_paths.search_count, core_paths.prepare_search),
        "search_ids": _on_server(core_paths.search_ids, core_paths.prepare_search),
        "whole_stats": _on_server(core_paths.whole_stats, core_paths.prepare_totals),
        "check": _on_server(core_paths.check, lambda ctx: None),
    }
