"""A server catalogue keeps the dated subscriber tally and the search log like a file does: one
made before they had triggers there gets them (and the tally filled) when a writer opens it;
quick search on a server reads a trigram index, or scans when the role may not create one; a
query written for SQLite (`x IN cte`) answers there as it does on a file."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from editor.core import dynamics, records, territories
from editor.core.catalogue import init_catalogue
from editor.core.integrity import check_catalogue
from editor.core.search import PageFilter, count_and_total, ordered_ids
from editor.db import dialect, dynamics_bulk, dynamics_schema
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import db

ROOT = Path(__file__).resolve().parents[1]


def _stats(url: str, *options: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "stats", url, "--json", *options],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _history() -> list[int]:
    """Two pages of the region with counts in January and June 2025; their ids."""
    region = territories.resolve("37000000").id
    organization = records.create_organization(region, {"full_name": "Школа № 7"})
    pages = [
        records.create_page(organization.id, {"url": f"https://vk.com/school7_{n}"}).id
        for n in range(2)
    ]
    for page, (january, june) in zip(pages, ((100, 160), (40, 30)), strict=True):
        records.set_count(page, dt.date(2025, 1, 10), january)
        records.set_count(page, dt.date(2025, 6, 10), june)
    return pages


def _triggers(pg_server, dbname: str) -> set[str]:
    with pg_server.admin(dbname) as connection:
        rows = connection.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {name for (name,) in rows}


def test_an_early_server_catalogue_gets_the_dated_tally_when_a_writer_opens_it(pg_server, pg_url):
    init_catalogue(pg_url)
    _history()
    close_catalogue()
    dbname = pg_url.rsplit("/", 1)[1]
    # As an earlier editor left it: the tables without triggers, the tally empty.
    with pg_server.admin(dbname) as connection:
        names = [statement.split()[5] for statement in dynamics_schema.TRIGGERS]
        names += [f"page_search_log_{event}" for event in ("update", "delete", "insert")]
        for name in names:
            connection.execute(f"DROP FUNCTION {name}() CASCADE")
        connection.execute("DELETE FROM dynamics_day")
        connection.execute("DELETE FROM dynamics_total")
    assert not {"dynamics_count_insert", "page_search_log_update"} & _triggers(pg_server, dbname)
    figures = _stats(pg_url, "--as-of", "2025-03-01")
    assert figures["subscribers"] == 140
    assert {"dynamics_count_insert", "page_search_log_update"} <= _triggers(pg_server, dbname)
    assert _stats(pg_url, "--as-of", "2025-06-30")["subscribers"] == 190
    open_catalogue(pg_url)
    try:
        assert check_catalogue().ok
        series = dynamics.month_series(PageFilter(), "2024-12", "2025-06")
        assert series.subscribers == [0, 140, 140, 140, 140, 140, 190]
    finally:
        close_catalogue()


def test_edits_on_a_server_are_logged_for_the_search_index(backend_catalogue):
    pages = _history()
    (before,) = db.execute_sql("SELECT coalesce(max(seq), 0) FROM page_search_log").fetchone()
    records.delete_pages(pages[:1])
    logged = db.execute_sql("SELECT page_id FROM page_search_log WHERE seq > ?", (before,))
    assert [row[0] for row in logged] == pages[:1]


def test_in_a_named_cte_answers_as_on_sqlite_nulls_included(backend_catalogue):
    # The server compares with an array of the CTE's rows (see dialect._IN_TABLE); a NULL among
    # them must leave NOT IN unknown, as SQLite does.
    rows = db.execute_sql(
        "WITH v(x) AS (SELECT 1 UNION ALL SELECT 3), s(id) AS (SELECT 1 UNION ALL SELECT 2),"
        " n(id) AS (SELECT 1 UNION ALL SELECT NULL)"
        " SELECT x, x IN s, x NOT IN s, x IN n, x NOT IN n FROM v ORDER BY x"
    ).fetchall()
    found = [tuple(None if value is None else int(value) for value in row) for row in rows]
    assert found == [(1, 1, 0, 1, 0), (3, 0, 1, None, None)]


def test_quick_search_without_the_trigram_index_gives_the_same_answers(pg_server, pg_url):
    init_catalogue(pg_url)
    pages = _history()
    wanted = (ordered_ids(PageFilter(text="школа № 7")), count_and_total(PageFilter(text="№ 7")))
    assert wanted == (pages, (2, 190))
    close_catalogue()
    dbname = pg_url.rsplit("/", 1)[1]
    with pg_server.admin(dbname) as connection:
        connection.execute(f"DROP INDEX {dialect.SEARCH_INDEX}")
        connection.execute("DROP EXTENSION pg_trgm")
        # A role that may write the records but create nothing in the database.
        connection.execute("CREATE ROLE clerk LOGIN PASSWORD 'clerk-secret-5'")
        connection.execute("REVOKE CREATE ON DATABASE " + dbname + " FROM PUBLIC")
        connection.execute(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clerk"
        )
        connection.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO clerk")
    open_catalogue(pg_server.url(dbname, user="clerk", password="clerk-secret-5"))
    try:
        found = db.execute_sql("SELECT to_regclass(%s) IS NULL", (dialect.SEARCH_INDEX,))
        assert found.fetchone()[0]
        assert (
            ordered_ids(PageFilter(text="школа № 7")),
            count_and_total(PageFilter(text="№ 7")),
        ) == wanted
    finally:
        close_catalogue()


class _OtherEditor:
    """Another editor, on a connection of its own (peewee keeps one per thread), who writes
    `page`'s count of 10 March 2025 (500 subscribers) once `go` is set."""

    def __init__(self, page: int) -> None:
        self.go, self.done = threading.Event(), threading.Event()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._write, args=(page,))
        self.thread.start()

    def _write(self, page: int) -> None:
        try:
            self.go.wait(10)
            records.set_count(page, dt.date(2025, 3, 10), 500)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            self.errors.append(error)
        finally:
            self.done.set()
            db.close()

    def finished_cleanly(self) -> bool:
        """Whether the editor's write ended, without an error."""
        self.thread.join(30)
        return not self.errors and not self.thread.is_alive()


def test_a_count_written_during_an_import_of_its_page_waits_and_stays_exact(pg_url):
    from tests.test_dynamics import _expected, _stored

    init_catalogue(pg_url)
    page = _history()[0]
    other = _OtherEditor(page)
    with db.atomic():  # what an import does with the page: noted, its counts rewritten
        dynamics_bulk.pause(db)
        dynamics_bulk.touch(db, [page])
        db.execute_sql("UPDATE subscriber_count SET count = count + 5 WHERE page_id = ?", (page,))
        other.go.set()
        time.sleep(0.5)  # the editor's count is on its way meanwhile
        dynamics_bulk.resume(db)
    assert other.finished_cleanly()
    assert _stored() == _expected()
    assert dynamics.totals_on(PageFilter(), dt.date(2025, 3, 31)).subscribers == 500 + 40
    close_catalogue()


@pytest.mark.parametrize("editor_first", [True, False], ids=["editor-first", "import-first"])
def test_a_count_added_by_an_import_and_another_editors_count_stay_exact(pg_url, editor_first):
    """add_counts does not note the page: the count it wrote keeps the page locked (the foreign
    key's check), so the other editor's count of the page is added before it or after the
    commit, never beside it with neighbours that do not see each other."""
    from tests.test_dynamics import _expected, _stored

    init_catalogue(pg_url)
    page = _history()[0]
    other = _OtherEditor(page)
    with db.atomic():  # what a monthly import does with the page: one new count, not noted
        dynamics_bulk.pause(db)
        if editor_first:
            other.go.set()
            assert other.done.wait(10)
        db.execute_sql(
            "INSERT INTO subscriber_count (page_id, date, count) VALUES (?, ?, ?)",
            (page, dt.date(2025, 3, 20), 70),
        )
        dynamics_bulk.add_counts(db, [(page, "2025-03-20", 70)])
        if not editor_first:
            other.go.set()
            time.sleep(0.5)  # the editor's count is on its way meanwhile
            assert not other.done.is_set()  # it waits for the import's commit
        dynamics_bulk.resume(db)
    assert other.finished_cleanly()
    assert _stored() == _expected()
    assert dynamics.totals_on(PageFilter(), dt.date(2025, 3, 31)).subscribers == 70 + 40
    close_catalogue()
