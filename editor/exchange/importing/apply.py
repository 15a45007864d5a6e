"""Writing an import into the catalogue, and taking a whole import batch back out again.

`BatchWriter` buffers the rows that the planner decides on and writes them chunk by chunk with
the connection's `executemany` (peewee's `insert_many` is several times slower at 300,000 rows),
all inside the one transaction the caller holds. Every write carries the batch: new records
have `batch_id`, every change-log entry has `Origin("import", batch)`.

`undo_batch` removes exactly what a batch added and restores what it changed, from the batch
column and the change log; `redo_batch` puts it back from the snapshot that undo returned.
"""

from __future__ import annotations

import datetime as dt
import pickle
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from editor.core import normalize as nz
from editor.core.changelog import Entry, Origin, record_many
from editor.core.fields import (
    ORGANIZATION_FIELD,
    ORGANIZATION_FIELDS,
    PAGE_FIELD,
    PAGE_SHEET_FIELDS,
    day_text,
)
from editor.core.records import refresh_search_keys
from editor.db import dynamics_bulk, tally_bulk
from editor.db.database import is_server_catalogue
from editor.db.dialect import insert_rows
from editor.db.dynamics_bulk import bulk
from editor.db.models import ImportBatch, db
from editor.exchange.importing import offline_back
from editor.exchange.importing.staging import insert_staged, update_rows

# The columns of a new record, derived from the one declaration in editor.core.fields; the
# values of the declared fields are picked by one itemgetter per record.
ORG_INSERT = (
    "id",
    "territory_id",
    "name_key",
    *(spec.column for spec in ORGANIZATION_FIELDS),
    "source",
    "batch_id",
)
_ORG_VALUES = itemgetter(*(spec.name for spec in ORGANIZATION_FIELDS))
_PAGE_PLAIN = tuple(
    spec for spec in PAGE_SHEET_FIELDS if spec.name not in ("subscribers", "subscribers_date")
)
PAGE_INSERT = (
    "id",
    "organization_id",
    "territory_id",
    "url_key",
    *(spec.column for spec in _PAGE_PLAIN),
    "subscribers",
    "subscribers_date",
    "source",
    "batch_id",
    "search_key",
)
_PAGE_VALUES = itemgetter(*(spec.name for spec in _PAGE_PLAIN))
_COUNT_COLUMNS = ("page_id", "date", "count", "batch_id")


# Field name → column name where they differ (foreign keys).
_COLUMN = {
    **{spec.name: spec.column for spec in ORGANIZATION_FIELDS if spec.column != spec.name},
    "territory": "territory_id",
    "organization": "organization_id",
}
_UPDATABLE = {
    "organization": set(ORGANIZATION_FIELD) | {"territory", "name_key"},
    "page": set(PAGE_FIELD) | {"url_key", "search_key"},
}


def db_value(value: object) -> object:
    """A Python value as SQLite stores it through peewee (dates as ISO text, booleans as 0/1)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def next_id(table: str) -> int:
    """The first free id of a table (ids of new rows are assigned here, not by SQLite)."""
    return (db.execute_sql(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1


# Pages noted for the dated tally before it is settled: the notes (TEMP tables, in memory) of a
# 300,000-row import at once cost about 70 MB of peak memory; settling every 20,000 pages keeps
# them small at the price of a few more upserts of the same day rows.
SETTLE_PAGES = 20_000
# The page columns the dated subscriber tally depends on, besides the counts.
_DYNAMICS_COLUMNS = frozenset(
    ("territory_id", "network", "deleted_at", "gosmark", "connected", "widgets")
)
# The page columns the roll-up tallies count (models.TALLY_TABLES), but for the subscribers
# (see BatchWriter.current).
_TALLY_COLUMNS = _DYNAMICS_COLUMNS | {"status", "organization_id"}


class BatchWriter:
    """Buffered writes of one import batch; `flush()` sends them in a few `executemany` calls,
    `finish()` after the last one completes the dated subscriber tally (dynamics_bulk)."""

    def __init__(self, batch_id: int) -> None:
        self.batch_id = batch_id
        self.origin = Origin("import", batch_id)
        self.next_org = next_id("organization")
        self.next_page = next_id("page")
        self._orgs: list[tuple] = []
        self._pages: list[tuple] = []
        # (entity, id) → column → new value: one UPDATE per record, however many fields change,
        # so that the row, its indexes and the tally triggers are rewritten once, not per field.
        self._updates: dict[tuple[str, int], dict[str, object]] = {}
        self._moves: list[tuple[int, int]] = []
        self._count_inserts: list[tuple] = []
        self._count_updates: list[tuple] = []
        self._log: list[Entry] = []
        self._renamed: set[int] = set()
        # Organisations whose pages all change tally rows (another sphere 1).
        self._resphered: set[int] = set()
        # Pages whose current subscriber count changes (the tallies sum it).
        self._recounted: set[int] = set()
        self._paused = False
        self._noted = 0  # pages noted for the dated tally since it was last settled

    def new_organization(self, values: dict[str, object], source: str) -> int:
        """Queue a new organisation (`values` by field name, complete); return its id."""
        org_id = self.next_org
        self.next_org += 1
        self._orgs.append(
            (
                org_id,
                values["territory"],
                values.get("name_key") or nz.fold_text(values["full_name"]),
                *_ORG_VALUES(values),
                source,
                self.batch_id,
            )
        )
        return org_id

    def new_page(self, values: dict[str, object], source: str, search_key: str) -> int:
        """Queue a new page (its first count included in `values`); return its id."""
        page_id = self.next_page
        self.next_page += 1
        count, date = values["subscribers"], values["subscribers_date"]
        day = db_value(date)
        # Booleans bind as 0/1 by themselves (bool is an int to sqlite3).
        self._pages.append(
            (
                page_id,
                values["organization"],
                values["territory"],
                values["url"] or None,
                *_PAGE_VALUES(values),
                count,
                day,
                source,
                self.batch_id,
                search_key,
            )
        )
        if count is not None:
            self._count_inserts.append((page_id, day, count, self.batch_id))
        return page_id

    def update(
        self,
        entity: str,
        record_id: int,
        field_name: str,
        old: object,
        new: object,
        *,
        logged: bool = True,
    ) -> None:
        """Queue one field change (logged old → new unless it is a derived key)."""
        assert field_name in _UPDATABLE[entity], field_name
        column = _COLUMN.get(field_name, field_name)
        self._columns(entity, record_id)[column] = db_value(new)
        if logged:
            self._log.append((entity, record_id, "update", field_name, old, new))
        if entity == "organization" and field_name in ("full_name", "short_name", "ogrn"):
            self._renamed.add(record_id)
        if entity == "organization" and field_name == "territory":
            self._moves.append((new, record_id))  # type: ignore[arg-type]
        if entity == "organization" and field_name == "sphere1":
            self._resphered.add(record_id)
        if entity == "page" and column == "subscribers":
            self._recounted.add(record_id)

    def count(self, page_id: int, date: dt.date, old: int | None, new: int) -> None:
        """Queue a dated subscriber count of an existing page (a new one, or a changed one)."""
        if old is None:
            self._count_inserts.append((page_id, date.isoformat(), new, self.batch_id))
        else:
            self._count_updates.append((new, page_id, date.isoformat()))
        self._log.append(("subscriber_count", page_id, "update", day_text(date), old, new))

    def current(self, page_id: int, count: int, date: dt.date, previous: int | None) -> None:
        """Queue the page's current count (the latest of its history; `previous`: the one it
        replaces)."""
        columns = self._columns("page", page_id)
        columns["subscribers"] = count
        columns["subscribers_date"] = date.isoformat()
        if count != previous:
            # A newer date with the same count leaves the roll-up tallies as they are: a
            # monthly import notes only the pages whose subscribers moved.
            self._recounted.add(page_id)

    def _columns(self, entity: str, record_id: int) -> dict[str, object]:
        columns = self._updates.get((entity, record_id))
        if columns is None:
            columns = self._updates[(entity, record_id)] = {}
        return columns

    def flush(self) -> None:
        """Write everything queued so far (inside the caller's transaction)."""
        # The tallies' row triggers stay off from the first flush to finish(): each page gives
        # up its contribution before its first write, and gets it back once at the end.
        if not self._paused:
            dynamics_bulk.pause(db)
            tally_bulk.pause(db)
            self._paused = True
        pages, added = self._dynamics_changes()
        moved = [org for _, org in self._moves]
        dynamics_bulk.touch(db, pages, moved)
        tallied = self._tally_pages()
        tally_bulk.touch(
            db,
            tallied,
            [*(row[0] for row in self._orgs), *moved],
            [*moved, *self._resphered],
        )
        self._write(db.connection())
        dynamics_bulk.add_counts(db, added)
        # The larger of the two notes sets when to settle.
        self._noted += max(len(pages) + len(moved), len(tallied) + len(self._orgs))
        # A server keeps the notes in its own TEMP tables, not in this process, and settling
        # reads the dated counts of every noted page (once it has many, the whole count table):
        # it settles once, at the end.
        if self._noted >= SETTLE_PAGES and not is_server_catalogue():
            dynamics_bulk.settle(db)
            tally_bulk.settle(db)
            self._noted = 0
        for organization_id in self._renamed:
            refresh_search_keys(organization_id)
        record_many(self._log, self.origin)
        self._orgs.clear()
        self._pages.clear()
        self._updates.clear()
        self._moves.clear()
        self._count_inserts.clear()
        self._count_updates.clear()
        self._log.clear()
        self._renamed.clear()
        self._resphered.clear()
        self._recounted.clear()

    def finish(self) -> None:
        """Bring the tallies up to date after the last flush (inside the transaction)."""
        if self._paused:
            dynamics_bulk.resume(db)
            tally_bulk.resume(db)
            self._paused = False

    def _dynamics_changes(self) -> tuple[set[int], list[tuple]]:
        """What the queued writes change in the dated tally: the pages to touch, and the new
        counts (page_id, day, count) of existing pages that are their page's only change of
        it, accounted for without touching (dynamics_bulk.add_counts). New pages are touched:
        they have no history to read, and their counts are given back at once when settled."""
        pages = {row[0] for row in self._pages}
        pages.update(row[1] for row in self._count_updates)
        pages.update(
            record_id
            for (entity, record_id), changed in self._updates.items()
            if entity == "page" and not _DYNAMICS_COLUMNS.isdisjoint(changed)
        )
        added: dict[int, tuple] = {}
        for page_id, day, count, _batch in self._count_inserts:
            if page_id in added:
                pages.add(page_id)
            added[page_id] = (page_id, day, count)
        return pages, [row for page_id, row in added.items() if page_id not in pages]

    def _tally_pages(self) -> set[int]:
        """The pages whose roll-up tallies the queued writes change (see tally_bulk)."""
        pages = {row[0] for row in self._pages}
        pages.update(
            record_id
            for (entity, record_id), changed in self._updates.items()
            if entity == "page" and not _TALLY_COLUMNS.isdisjoint(changed)
        )
        pages.update(self._recounted)
        return pages

    def _write(self, connection) -> None:
        """The queued inserts and updates (the tally is corrected by the caller)."""
        if self._orgs:
            insert_staged(connection, "organization", ORG_INSERT, self._orgs, self.origin)
        if self._pages:
            insert_staged(connection, "page", PAGE_INSERT, self._pages, self.origin)
        shapes: dict[tuple[str, tuple[str, ...]], list[tuple]] = defaultdict(list)
        for (entity, record_id), changed in self._updates.items():
            names = tuple(sorted(changed))
            shapes[(entity, names)].append((*map(changed.__getitem__, names), record_id))
        for (entity, names), rows in shapes.items():
            update_rows(connection, entity, names, rows)
        if self._moves:
            connection.executemany(
                "UPDATE page SET territory_id = ? WHERE organization_id = ?", self._moves
            )
        if self._count_inserts:
            insert_rows(
                connection,
                "subscriber_count",
                _COUNT_COLUMNS,
                "INSERT INTO subscriber_count (page_id, date, count, batch_id) VALUES (?, ?, ?, ?)",
                self._count_inserts,
            )
        if self._count_updates:
            connection.executemany(
                "UPDATE subscriber_count SET count = ? WHERE page_id = ? AND date = ?",
                self._count_updates,
            )


# --- undo / redo of a batch -------------------------------------------------------------------


@dataclass
class BatchSnapshot:
    """What undo took out, compressed, so that redo can put the same rows back with their ids."""

    data: bytes = b""
    counts: dict[str, int] = field(default_factory=dict)


def _from_log(entity: str, field_name: str, text: str | None) -> object:
    """A field value back from its change-log text (see fields.to_log_text)."""
    if text is None:
        return None
    if field_name in ("territory", "sphere1", "sphere2", "sphere3"):
        return int(text)
    spec = (ORGANIZATION_FIELD if entity == "organization" else PAGE_FIELD).get(field_name)
    kind = spec.kind if spec else "text"
    if kind == "bool":
        return nz.parse_bool(text)
    if kind in ("count", "widgets", "int"):
        return int(text)
    if kind == "percent":
        return float(text)
    if kind == "date":
        return nz.parse_date(text)
    return text


def _batch_updates(batch_id: int) -> list[tuple[str, int, str, str | None, str | None]]:
    """The first logged (old, new) of every field the batch changed on records it did not create."""
    rows = db.execute_sql(
        "SELECT entity, entity_id, field, old, new FROM change WHERE id IN ("
        " SELECT min(id) FROM change WHERE batch_id = ? AND origin = 'import'"
        " AND action = 'update' GROUP BY entity, entity_id, field)"
        " ORDER BY id",
        (batch_id,),
    ).fetchall()
    return rows


def _set_fields(entity: str, values: list[tuple[int, str, object]]) -> None:
    """Write field values (id, field, value) and refresh the derived keys."""
    connection = db.connection()
    grouped: dict[str, list[tuple[object, int]]] = defaultdict(list)
    renamed: set[int] = set()
    for record_id, field_name, value in values:
        grouped[_COLUMN.get(field_name, field_name)].append((db_value(value), record_id))
        if entity == "organization" and field_name == "full_name":
            grouped["name_key"].append((nz.fold_text(value), record_id))
        if entity == "organization" and field_name in ("full_name", "short_name", "ogrn"):
            renamed.add(record_id)
        if entity == "page" and field_name == "url":
            grouped["url_key"].append((value or None, record_id))
        if entity == "organization" and field_name == "territory":
            connection.execute(
                "UPDATE page SET territory_id = ? WHERE organization_id = ?", (value, record_id)
            )
    for column, rows in grouped.items():
        connection.executemany(f"UPDATE {entity} SET {column} = ? WHERE id = ?", rows)
    for organization_id in renamed:
        refresh_search_keys(organization_id)
    if entity == "page":
        _refresh_page_keys(
            [record_id for record_id, field_name, _ in values if field_name in ("url", "title")]
        )


def _refresh_page_keys(page_ids: list[int]) -> None:
    from editor.core.records import search_key
    from editor.db.models import Page

    for page in Page.select().where(Page.id.in_(page_ids)):
        page.search_key = search_key(page.title, page.organization, page.url)
        Page.update(search_key=page.search_key).where(Page.id == page.id).execute()


def _refresh_counts(page_ids: set[int]) -> None:
    db.connection().executemany(
        "UPDATE page SET (subscribers, subscribers_date) = (SELECT count, date FROM"
        " subscriber_count c WHERE c.page_id = page.id ORDER BY date DESC LIMIT 1)"
        " WHERE id = ?",
        [(i,) for i in page_ids],
    )


def _count_updates(batch_id: int) -> list[tuple[int, str, str | None, str | None]]:
    """The first logged count change per (page, date) of the batch: (page, date text, old, new)."""
    return db.execute_sql(
        "SELECT entity_id, field, old, new FROM change WHERE id IN ("
        " SELECT min(id) FROM change WHERE batch_id = ? AND origin = 'import'"
        " AND entity = 'subscriber_count' GROUP BY entity_id, field)",
        (batch_id,),
    ).fetchall()


def undo_batch(batch_id: int) -> BatchSnapshot:
    """Remove what the batch added and restore what it changed (one transaction)."""
    origin = Origin("undo", batch_id)
    connection = db.connection()
    with db.atomic():
        cursor = connection.execute("SELECT * FROM organization WHERE batch_id = ?", (batch_id,))
        org_columns = [d[0] for d in cursor.description]
        orgs = cursor.fetchall()
        cursor = connection.execute("SELECT * FROM page WHERE batch_id = ?", (batch_id,))
        page_columns = [d[0] for d in cursor.description]
        pages = cursor.fetchall()
        cursor = connection.execute(
            "SELECT * FROM subscriber_count WHERE batch_id = ?", (batch_id,)
        )
        count_columns = [d[0] for d in cursor.description]
        counts = cursor.fetchall()
        new_page_ids = {row[0] for row in pages}
        count_updates = _count_updates(batch_id)
        updates = _batch_updates(batch_id)
        new_org_ids = {row[0] for row in orgs}
        page_column = count_columns.index("page_id")
        with bulk(db, *_dynamics_scope(pages, counts, page_column, count_updates, updates)):
            # Counts first: those of existing pages were added by the batch, or changed by it.
            touched_pages: set[int] = set()
            connection.execute("DELETE FROM subscriber_count WHERE batch_id = ?", (batch_id,))
            for page_id, date_text, old, _new in count_updates:
                if page_id in new_page_ids:
                    continue
                touched_pages.add(page_id)
                if old is not None:
                    date = nz.parse_date(date_text)
                    connection.execute(
                        "INSERT INTO subscriber_count (page_id, date, count) VALUES (?, ?, ?)"
                        " ON CONFLICT (page_id, date) DO UPDATE SET count = excluded.count",
                        (page_id, date.isoformat(), int(old)),
                    )
            _restore(updates, new_org_ids, new_page_ids, use_old=True)
            connection.execute("DELETE FROM page WHERE batch_id = ?", (batch_id,))
            connection.execute("DELETE FROM organization WHERE batch_id = ?", (batch_id,))
            _refresh_counts(touched_pages)
        log: list[Entry] = [("page", row[0], "delete", "", None, None) for row in pages]
        log += [("organization", row[0], "delete", "", None, None) for row in orgs]
        log += [
            (entity, record_id, "update", field_name, new, old)
            for entity, record_id, field_name, old, new in updates
            if record_id not in (new_org_ids if entity == "organization" else new_page_ids)
        ]
        record_many(log, origin)
        offline_back.undo(batch_id)
        ImportBatch.update(undone=True).where(ImportBatch.id == batch_id).execute()
    payload = (org_columns, orgs, page_columns, pages, count_columns, counts)
    return BatchSnapshot(
        data=zlib.compress(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), 1),
        counts={"organizations": len(orgs), "pages": len(pages), "updates": len(updates)},
    )


def _dynamics_scope(
    pages: list[tuple], counts: list[tuple], page_column: int, count_updates, updates
) -> tuple[set[int], set[int]]:
    """The pages (and organisations, for their pages) whose dated tally undo or redo changes:
    the batch's own pages, those of its counts and count changes, and those it edited."""
    page_ids = {row[0] for row in pages} | {row[page_column] for row in counts}
    page_ids.update(page_id for page_id, *_ in count_updates)
    page_ids.update(record_id for entity, record_id, *_ in updates if entity == "page")
    organizations = {
        record_id
        for entity, record_id, field_name, *_ in updates
        if entity == "organization" and field_name == "territory"
    }
    return page_ids, organizations


def _restore(updates, new_org_ids: set[int], new_page_ids: set[int], *, use_old: bool) -> None:
    by_entity: dict[str, list[tuple[int, str, object]]] = defaultdict(list)
    for entity, record_id, field_name, old, new in updates:
        if entity == "organization" and record_id in new_org_ids:
            continue
        if entity == "page" and record_id in new_page_ids:
            continue
        if entity not in ("organization", "page"):
            continue
        value = _from_log(entity, field_name, old if use_old else new)
        if value is None and field_name in _TEXT_NOT_NULL.get(entity, ()):
            value = ""
        by_entity[entity].append((record_id, field_name, value))
    # Organisations first: a page's search text includes its organisation's names.
    for entity in ("organization", "page"):
        if by_entity[entity]:
            _set_fields(entity, by_entity[entity])


_TEXT_NOT_NULL = {
    "organization": {name for name, spec in ORGANIZATION_FIELD.items() if spec.kind == "text"},
    "page": {"url", "title", "notes", "network"},
}


def redo_batch(batch_id: int, snapshot: BatchSnapshot) -> None:
    """Put a batch back after undo_batch(): the same rows with their ids, the same changes."""
    org_columns, orgs, page_columns, pages, count_columns, counts = pickle.loads(
        zlib.decompress(snapshot.data)
    )
    origin = Origin("import", batch_id)
    connection = db.connection()
    with db.atomic():
        count_updates = _count_updates(batch_id)
        updates = _batch_updates(batch_id)
        page_column = count_columns.index("page_id")
        with bulk(db, *_dynamics_scope(pages, counts, page_column, count_updates, updates)):
            for table, columns, rows in (
                ("organization", org_columns, orgs),
                ("page", page_columns, pages),
            ):
                if rows:
                    connection.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)})"
                        f" VALUES ({', '.join('?' * len(columns))})",
                        rows,
                    )
            new_org_ids = {row[0] for row in orgs}
            new_page_ids = {row[0] for row in pages}
            _restore(updates, new_org_ids, new_page_ids, use_old=False)
            touched: set[int] = set()
            for page_id, date_text, old, new in count_updates:
                if page_id in new_page_ids or new is None:
                    continue
                touched.add(page_id)
                date = nz.parse_date(date_text)
                if old is not None:
                    connection.execute(
                        "UPDATE subscriber_count SET count = ? WHERE page_id = ? AND date = ?",
                        (int(new), page_id, date.isoformat()),
                    )
            if counts:
                no_id = [c for c in count_columns if c != "id"]
                positions = [count_columns.index(c) for c in no_id]
                connection.executemany(
                    f"INSERT INTO subscriber_count ({', '.join(no_id)})"
                    f" VALUES ({', '.join('?' * len(no_id))})",
                    [tuple(row[i] for i in positions) for row in counts],
                )
                touched |= {row[count_columns.index("page_id")] for row in counts}
            _refresh_counts(touched - new_page_ids)
        log: list[Entry] = [("organization", row[0], "restore", "", None, None) for row in orgs]
        log += [("page", row[0], "restore", "", None, None) for row in pages]
        record_many(log, origin)
        offline_back.redo(batch_id)
        ImportBatch.update(undone=False).where(ImportBatch.id == batch_id).execute()
