"""The benchmark's nationwide catalogue: deterministic for a seed, written in bulk.

``generate(path)`` starts from ``init_catalogue`` (the 89 real subjects) and adds ~2,600
municipalities, ~17,000 settlements and a few hundred custom nodes (`bench.places`), ~150,000
organisations (`bench.organizations`), 300,000 pages (`bench.pages`) and 12 monthly subscriber
counts per page. Each table goes in with one prepared INSERT in one transaction; the file is
built under a temporary name and renamed when complete, so an interrupted run leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bench import organizations
from bench import pages as page_module
from bench.organizations import OrganizationRows
from bench.places import Place, PlaceBuilder
from editor.core import normalize as nz
from editor.core.catalogue import init_catalogue
from editor.core.changelog import SYSTEM, record
from editor.db import dynamics_schema
from editor.db.database import close_catalogue
from editor.db.models import (
    LEVEL_INDEX,
    Organization,
    Page,
    Sphere,
    SubscriberCount,
    Territory,
    db,
)

# Bump when the generated content changes, so that cached catalogues are rebuilt.
GENERATOR_VERSION = 4
# The latest monthly count; fixed so that the file does not depend on the day it is built.
END_DATE = dt.date(2025, 11, 1)

Progress = Callable[[str], None]


def generate(
    path: str | Path,
    *,
    regions: int = 89,
    pages: int = 300_000,
    months: int = 12,
    seed: int = 1,
    progress: Progress | None = None,
) -> dict:
    """Build the catalogue file at `path` (replacing it); return counts and stage timings."""
    if pages < 1 or months < 1 or regions < 1:
        raise ValueError("regions, pages and months must be positive")
    path = Path(path)
    temporary = path.with_name(path.name + ".tmp")
    _remove(temporary)
    say = progress or (lambda message: None)
    started, cpu_started = time.perf_counter(), time.process_time()
    stages: dict[str, float] = {}
    cpu_stages: dict[str, float] = {}
    cpu_mark = cpu_started

    def stage(name: str, since: float) -> float:
        # CPU time beside wall time: on a shared machine the wall clock also measures the others.
        nonlocal cpu_mark
        now, cpu_now = time.perf_counter(), time.process_time()
        stages[name] = round(now - since, 3)
        cpu_stages[name] = round(cpu_now - cpu_mark, 3)
        cpu_mark = cpu_now
        say(f"{name}: {stages[name]:.1f} s (CPU {cpu_stages[name]:.1f} s)")
        return now

    init_catalogue(temporary)
    try:
        connection = db.connection()
        # Nothing else reads the file before it is renamed: durability and key checks can wait
        # until the end (check_catalogue() in the tests verifies the keys).
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA foreign_keys = OFF")
        rng = random.Random(seed)
        mark = time.perf_counter()
        places = _territories(rng, regions)
        mark = stage("territories", mark)
        fold = _Folds()
        planner = OrganizationRows(
            rng, places, max(1, pages // 2), dict(Sphere.select(Sphere.name, Sphere.id).tuples()),
            fold,
        )  # fmt: skip
        _insert(Organization, organizations.COLUMNS, planner.rows())
        planner.assign_pages(pages)
        mark = stage("organizations", mark)
        rows = page_module.page_rows(planner.infos, rng, fold, END_DATE.isoformat())
        _insert(Page, page_module.COLUMNS, rows)
        mark = stage("pages", mark)
        # The dated tally's triggers look up each count's neighbours through the index that
        # the bulk insert drops: filled once at the end instead.
        with db.atomic(), dynamics_schema.paused(db):
            _insert_counts(rng, months)
        mark = stage("subscriber counts", mark)
        counts = {
            "regions": len(places),
            "municipalities": planner.municipalities,
            "settlements": planner.settlements,
            "custom": planner.custom,
            "organizations": len(planner.infos),
            "pages": pages,
            "subscriber_counts": pages * months,
        }
        summary = f"generated: seed {seed}, {regions} regions, {pages} pages, {months} months"
        with db.atomic():  # one entry for the whole file, not one per row
            record("catalogue", 0, "create", SYSTEM, "bench", None, summary)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_catalogue()
    _remove(path)
    os.replace(temporary, path)
    stage("finish", mark)
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "stages": stages,
        "cpu_stages": cpu_stages,
        "counts": counts,
        "params": {"regions": regions, "pages": pages, "months": months, "seed": seed},
        "generator_version": GENERATOR_VERSION,
    }


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _insert(model, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """INSERT every row through one prepared statement, in one transaction.

    Rows are positional tuples in `columns` order, which must be the model's own: a changed
    model stops the generator instead of filling the wrong columns.
    """
    _check_columns(model, columns)
    sql, _ = model.insert({f: None for f in model._meta.sorted_fields}).sql()
    with db.atomic(), _indexes_rebuilt(model):
        cursor = db.connection().executemany(sql, rows)
    return cursor.rowcount


def _insert_select(model, columns: Sequence[str], sql: str) -> int:
    """Run an INSERT … SELECT into `model`'s table in one transaction."""
    _check_columns(model, columns)
    with db.atomic(), _indexes_rebuilt(model):
        cursor = db.connection().execute(sql)
    return cursor.rowcount


def _check_columns(model, columns: Sequence[str]) -> None:
    found = [f.column_name for f in model._meta.sorted_fields]
    if found != list(columns):
        raise RuntimeError(
            f"bench is out of date with the {model.__name__} model: {found} != {list(columns)}"
        )


@contextmanager
def _indexes_rebuilt(model) -> Iterator[None]:
    """Drop a table's secondary indexes for a bulk insert and build them again afterwards.

    Measured here: one sort per index costs a quarter less CPU than millions of random B-tree
    inserts (38 s instead of 51 s for the whole catalogue).
    """
    connection = db.connection()
    indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
        " AND sql IS NOT NULL",
        (model._meta.table_name,),
    ).fetchall()
    for name, _ in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    yield
    for _, create in indexes:
        connection.execute(create)


def _territories(rng: random.Random, regions: int) -> list[Place]:
    """Add municipalities, settlements and custom nodes under the first `regions` subjects."""
    subjects = list(
        Territory.select(Territory.id, Territory.name, Territory.kind, Territory.oktmo)
        .where(Territory.level == LEVEL_INDEX["region"])
        .order_by(Territory.id)
        .tuples()
    )[:regions]
    last_id = Territory.select(Territory.id).order_by(Territory.id.desc()).scalar()
    builder = PlaceBuilder(rng, last_id + 1)
    roots = [builder.region(*subject) for subject in subjects]
    columns = "id parent_id level kind name name_key oktmo position custom".split()
    rows = (
        (p.id, p.parent_id, p.level, p.kind, p.name, nz.territory_key(p.name), p.oktmo,
         p.position, int(p.custom))
        for p in builder.places
    )  # fmt: skip
    _insert(Territory, columns, rows)
    return roots


class _Folds:
    """fold_text with a cache: organisation names and titles repeat across municipalities."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        folded = self.cache.get(text)
        if folded is None:
            folded = self.cache[text] = nz.fold_text(text)
        return folded


def _insert_counts(rng: random.Random, months: int) -> None:
    """Insert `months` monthly counts per page, the last equal to the page's subscribers.

    One INSERT … SELECT: a page's curve is a straight line from its start (its count divided
    by a growth factor hashed from its id) plus one of 64 seeded wobble shapes; the rows
    never pass through Python.
    """
    connection = db.connection()
    connection.execute(
        "CREATE TEMP TABLE bench_month (k INTEGER PRIMARY KEY, date TEXT, step REAL)"
    )
    connection.executemany(
        "INSERT INTO temp.bench_month VALUES (?, ?, ?)",
        [
            (
                k,
                _month(END_DATE, months - 1 - k).isoformat(),
                k / (months - 1) if months > 1 else 1.0,
            )
            for k in range(months)
        ],
    )
    connection.execute(
        "CREATE TEMP TABLE bench_shape (s INTEGER, k INTEGER, w REAL, PRIMARY KEY (s, k))"
    )
    connection.executemany(
        "INSERT INTO temp.bench_shape VALUES (?, ?, ?)",
        [
            (shape, k, 0.0 if k == months - 1 else rng.uniform(-1, 1))
            for shape in range(64)
            for k in range(months)
        ],
    )
    _insert_select(
        SubscriberCount,
        "id page_id date count batch_id".split(),
        """
        INSERT INTO subscriber_count (page_id, date, count, batch_id)
        SELECT p.id, m.date, max(0, CAST(round(p.start + (p.subscribers - p.start) * m.step
                                               + 0.02 * p.subscribers * w.w) AS INTEGER)),
               NULL
        FROM (SELECT id, subscribers,
                     subscribers / (0.85 + 0.5 * (id * 2654435761 % 1000) / 1000.0) AS start
              FROM page) AS p
        CROSS JOIN temp.bench_month AS m
        JOIN temp.bench_shape AS w ON w.s = p.id % 64 AND w.k = m.k
        ORDER BY p.id, m.k""",
    )
    connection.execute("DROP TABLE temp.bench_month")
    connection.execute("DROP TABLE temp.bench_shape")


def _month(end: dt.date, back: int) -> dt.date:
    index = end.year * 12 + end.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)
