"""Where an import's time goes: the database's share, statement by statement.

``python -m bench.import_sql CATALOGUE FILE.xlsx`` imports the file into the catalogue (a file
path or a ``postgresql://`` URL; the catalogue is changed, so give it a copy) in this process;
``python -m bench.import_sql --server CATALOGUE.gpc FILE.xlsx`` first loads the catalogue file
into a throwaway PostgreSQL server as the server bench does (untimed) and imports into that;
timing every call into the database: sqlite3's execute, executemany and fetches on a file,
the statements and COPY streams sent to a server. It prints the import's wall seconds, the
seconds spent in the database writing (every statement but a SELECT, the commit included) and
reading, and the statements that took longest, grouped by their text.

What an import must write (the records, their indexes, the change log, the tallies) costs the
database this much whatever the code around it does: the figure bounds what any speed-up of
the Python side can reach.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path

_spent: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])


@functools.lru_cache(maxsize=4096)
def _label(text: str) -> str:
    return " ".join(text.split())[:100]


def _timed(label: str, call, *args):
    started = time.perf_counter()
    try:
        return call(*args)
    finally:
        entry = _spent[_label(str(label))]
        entry[0] += 1
        entry[1] += time.perf_counter() - started


class _Cursor(sqlite3.Cursor):
    _label = "fetch"

    def execute(self, sql, *args):
        self._label = sql
        return _timed(sql, super().execute, sql, *args)

    def executemany(self, sql, *args):
        self._label = sql
        return _timed(sql, super().executemany, sql, *args)

    def fetchone(self):
        return _timed(self._label, super().fetchone)

    def fetchmany(self, *args):
        return _timed(self._label, super().fetchmany, *args)

    def fetchall(self):
        return _timed(self._label, super().fetchall)

    def __next__(self):
        return _timed(self._label, super().__next__)


class _Connection(sqlite3.Connection):
    def cursor(self, factory=_Cursor):
        return super().cursor(factory)

    def execute(self, sql, *args):
        return self.cursor().execute(sql, *args)

    def executemany(self, sql, *args):
        return self.cursor().executemany(sql, *args)

    def commit(self):
        return _timed("COMMIT", super().commit)


def _time_files() -> None:
    connect = sqlite3.connect

    def timed_connect(*args, **kwargs):
        kwargs.setdefault("factory", _Connection)
        return connect(*args, **kwargs)

    sqlite3.connect = timed_connect


def _time_servers() -> None:
    from editor.db import dialect

    style = dialect.SqliteStyleConnection
    for name in ("execute", "executemany"):
        method = getattr(style, name)
        setattr(
            style,
            name,
            lambda self, sql, *args, _m=method: _timed(sql, _m, self, sql, *args),
        )
    copy_rows = style.copy_rows
    style.copy_rows = lambda self, table, *args: _timed(
        f"COPY {table}", copy_rows, self, table, *args
    )
    execute_sql = dialect.ServerDatabase.execute_sql
    dialect.ServerDatabase.execute_sql = lambda self, sql, *args: _timed(
        sql, execute_sql, self, sql, *args
    )


def _is_read(text: str) -> bool:
    return text.split(" ", 1)[0].upper() in ("SELECT", "WITH", "PRAGMA", "fetch")


def _on_server(catalogue: Path) -> str:
    """A throwaway server's copy of the catalogue file (see bench.server_paths), its URL."""
    import argparse
    import tempfile

    from bench import server_paths
    from bench.framework import Context
    from editor.db.database import close_catalogue

    workdir = Path(tempfile.mkdtemp(prefix="import-sql-"))
    ctx = Context(catalogue, workdir, argparse.Namespace(cache_dir=workdir))
    url = server_paths.writable_copy(ctx)
    close_catalogue()
    return url


def main(argv: list[str]) -> int:
    server = argv[:1] == ["--server"]
    argv = argv[1:] if server else argv
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    catalogue, path = argv[0], Path(argv[1])
    if server:
        catalogue = _on_server(Path(catalogue))
    _time_files()
    _time_servers()
    from editor.db.database import close_catalogue, open_catalogue
    from editor.exchange.importing.engine import ImportOptions, run_import

    open_catalogue(catalogue if "://" in catalogue else Path(catalogue))
    try:
        started = time.perf_counter()
        report = run_import([path], ImportOptions(row_limit=0, detail_limit=1000))
        seconds = time.perf_counter() - started
    finally:
        close_catalogue()
    ranked = sorted(_spent.items(), key=lambda item: -item[1][1])
    reads = sum(spent for text, (_, spent) in _spent.items() if _is_read(text))
    writes = sum(spent for text, (_, spent) in _spent.items() if not _is_read(text))
    for text, (calls, spent) in ranked[:15]:
        print(f"{spent:8.3f} s {calls:7d}  {text}", file=sys.stderr)
    print(
        json.dumps(
            {
                "seconds": round(seconds, 3),
                "write_seconds": round(writes, 3),
                "read_seconds": round(reads, 3),
                "rows": report.rows,
                "new": report.new,
                "updated": report.updated,
                "unchanged": report.unchanged,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))  # a server started here is stopped at exit
