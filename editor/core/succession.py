"""A territory handed over to its successor (a municipal reform), and the way back for undo.

The successor takes the old unit's organisations, pages (trashed ones too), child territories,
aliases and the import batches aimed at it; the old unit leaves the tree, and its name and
ОКТМО code stay as aliases of the successor, so old spreadsheets and `--territory 37614000` still
find it. Everything is bulk SQL inside the caller's transaction; :func:`take_back` undoes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from editor.core.changelog import Entry, Origin, record_many
from editor.core.normalize import territory_key
from editor.db.models import NETWORK_COUNTERS, TALLY_TRIGGERS, db, now


@dataclass
class Handover:
    """What hand_over() changed, so that take_back() can restore it exactly."""

    old: dict  # the old territory's row (column → value)
    successor_id: int
    organizations: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    children: list[tuple[int, int]] = field(default_factory=list)  # (child id, old position)
    batches: list[int] = field(default_factory=list)
    moved_aliases: list[int] = field(default_factory=list)  # alias ids now on the successor
    dropped_aliases: list[tuple] = field(default_factory=list)  # rows the successor had already
    added_aliases: list[str] = field(default_factory=list)  # names added to the successor


def _column(sql: str, params: Iterable = ()) -> list:
    return [row[0] for row in db.execute_sql(sql, tuple(params))]


def _ids_json(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(value)) for value in ids) + "]"


def _update_ids(table: str, assignment: str, ids: list[int], value: object) -> None:
    if ids:
        db.execute_sql(
            f"UPDATE {table} SET {assignment} = ? WHERE id IN (SELECT value FROM json_each(?))",
            (value, _ids_json(ids)),
        )


def _log_moves(entity: str, ids: list[int], source: int, target: int, origin: Origin) -> None:
    """One change-log entry per moved record, written by SQLite (a reform moves 100,000 pages)."""
    if ids:
        db.execute_sql(
            "INSERT INTO change (at, entity, entity_id, action, field, old, new, origin, batch_id)"
            " SELECT ?, ?, value, 'update', 'territory', ?, ?, ?, ? FROM json_each(?)",
            (
                now().isoformat(" "),
                entity,
                str(source),
                str(target),
                origin.kind,
                origin.batch_id,
                _ids_json(ids),
            ),
        )


# Removing a territory makes SQLite look for pages that still refer to it (a foreign key), and
# page.territory_id is indexed only by two partial indexes, which that check cannot use: each
# removal would scan every page. Many hand-overs at once get a plain index for the transaction,
# and the tallies of the territories involved are recomputed once instead of by a trigger for
# each moved page.
BULK_REMOVALS = 8
_BULK_INDEX = "territory_removal_page_territory"
_MOVE_TRIGGERS = (
    "tally_page_network",
    "tally_page_sphere",
    "tally_page_territory",
    "tally_organization_update",
)


@contextmanager
def removing_territories(count: int) -> Iterator[set[int] | None]:
    """Around `count` hand-overs (or their undo) inside the caller's transaction.

    With many, it yields a set that the caller fills with every territory whose records moved;
    their tallies are recomputed at the end. With few, it yields None and triggers keep them.
    """
    if count < BULK_REMOVALS:
        yield None
        return
    touched: set[int] = set()
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS {_BULK_INDEX} ON page (territory_id)")
    for name in _MOVE_TRIGGERS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield touched
        _recompute_tallies(touched)
    finally:
        for statement in TALLY_TRIGGERS:
            if any(f" {name} " in statement for name in _MOVE_TRIGGERS):
                db.execute_sql(statement)
        db.execute_sql(f"DROP INDEX IF EXISTS {_BULK_INDEX}")


def _recompute_tallies(territory_ids: set[int]) -> None:
    """The stored tallies of some territories, recomputed from their records."""
    ids = _ids_json(territory_ids)
    inside = "territory_id IN (SELECT value FROM json_each(?))"
    sums = ", ".join(f"sum({expr.format(row='p')})" for expr in NETWORK_COUNTERS.values())
    for table in ("tally_network", "tally_sphere", "tally_territory"):
        db.execute_sql(f"DELETE FROM {table} WHERE {inside}", (ids,))
    db.execute_sql(
        f"INSERT INTO tally_network SELECT p.territory_id, p.network, {sums} FROM page p"
        f" WHERE p.deleted_at IS NULL AND p.{inside} GROUP BY p.territory_id, p.network",
        (ids,),
    )
    db.execute_sql(
        "INSERT INTO tally_sphere SELECT p.territory_id, coalesce(o.sphere1_id, 0), count(*)"
        " FROM page p JOIN organization o ON o.id = p.organization_id"
        f" WHERE p.deleted_at IS NULL AND p.{inside} GROUP BY 1, 2",
        (ids,),
    )
    db.execute_sql(
        "INSERT INTO tally_territory SELECT territory_id, sum(o), sum(n), sum(s) FROM ("
        " SELECT territory_id, count(*) AS o, 0 AS n, 0 AS s FROM organization"
        f" WHERE deleted_at IS NULL AND {inside} GROUP BY territory_id UNION ALL"
        " SELECT territory_id, 0, count(*), coalesce(sum(subscribers), 0) FROM page"
        f" WHERE deleted_at IS NULL AND {inside} GROUP BY territory_id) GROUP BY territory_id",
        (ids, ids),
    )


def successor_aliases(old_name: str, old_code: str | None) -> list[str]:
    """The names under which the successor keeps being found: the old name and the old code."""
    return [name for name in (old_name, old_code) if name]


def hand_over(old_id: int, successor_id: int, origin: Origin) -> Handover:
    """Move everything of territory `old_id` to `successor_id` and remove it from the tree."""
    cursor = db.execute_sql("SELECT * FROM territory WHERE id = ?", (old_id,))
    columns = [column[0] for column in cursor.description]
    old = dict(zip(columns, cursor.fetchone(), strict=True))
    done = Handover(old, successor_id)
    done.organizations = _column("SELECT id FROM organization WHERE territory_id = ?", (old_id,))
    # Pages are indexed by territory only in two partial indexes (live, trashed): ask both.
    done.pages = _column(
        "SELECT id FROM page WHERE territory_id = ? AND deleted_at IS NULL UNION ALL"
        " SELECT id FROM page WHERE territory_id = ? AND deleted_at IS NOT NULL",
        (old_id, old_id),
    )
    done.batches = _column("SELECT id FROM import_batch WHERE target_id = ?", (old_id,))
    done.children = [
        (row[0], row[1])
        for row in db.execute_sql(
            "SELECT id, position FROM territory WHERE parent_id = ? ORDER BY position, name",
            (old_id,),
        )
    ]
    _update_ids("organization", "territory_id", done.organizations, successor_id)
    _update_ids("page", "territory_id", done.pages, successor_id)
    _update_ids("import_batch", "target_id", done.batches, successor_id)
    # The old unit's settlements follow the successor's own, in their former order.
    top = db.execute_sql(
        "SELECT max(position) FROM territory WHERE parent_id = ?", (successor_id,)
    ).fetchone()[0]
    start = -1 if top is None else top
    db.connection().executemany(
        "UPDATE territory SET parent_id = ?, position = ? WHERE id = ?",
        [(successor_id, start + 1 + n, child) for n, (child, _pos) in enumerate(done.children)],
    )
    _move_aliases(done, old_id, successor_id)
    db.execute_sql("DELETE FROM territory WHERE id = ?", (old_id,))
    record_many(_entries(done, forward=True), origin)
    _log_moves("organization", done.organizations, old_id, successor_id, origin)
    _log_moves("page", done.pages, old_id, successor_id, origin)
    return done


def _move_aliases(done: Handover, old_id: int, successor_id: int) -> None:
    known = {
        row[0]
        for row in db.execute_sql(
            "SELECT name FROM territory_alias WHERE territory_id = ?", (successor_id,)
        )
    }
    for row in db.execute_sql(
        "SELECT id, territory_id, name, name_key FROM territory_alias WHERE territory_id = ?",
        (old_id,),
    ).fetchall():
        if row[2] in known:
            done.dropped_aliases.append(tuple(row))
            db.execute_sql("DELETE FROM territory_alias WHERE id = ?", (row[0],))
        else:
            done.moved_aliases.append(row[0])
            known.add(row[2])
    _update_ids("territory_alias", "territory_id", done.moved_aliases, successor_id)
    successor_name = db.execute_sql(
        "SELECT name FROM territory WHERE id = ?", (successor_id,)
    ).fetchone()[0]
    for name in successor_aliases(done.old["name"], done.old["oktmo"]):
        if name in known or name == successor_name:
            continue
        db.execute_sql(
            "INSERT INTO territory_alias (territory_id, name, name_key) VALUES (?, ?, ?)",
            (successor_id, name, territory_key(name)),
        )
        done.added_aliases.append(name)
        known.add(name)


def take_back(done: Handover, origin: Origin) -> None:
    """Undo hand_over(): the old territory returns with its records, children and aliases."""
    old_id, successor_id = done.old["id"], done.successor_id
    for name in done.added_aliases:
        db.execute_sql(
            "DELETE FROM territory_alias WHERE territory_id = ? AND name = ?", (successor_id, name)
        )
    names = ", ".join(done.old)
    marks = ", ".join("?" * len(done.old))
    db.execute_sql(f"INSERT INTO territory ({names}) VALUES ({marks})", tuple(done.old.values()))
    _update_ids("territory_alias", "territory_id", done.moved_aliases, old_id)
    db.connection().executemany(
        "INSERT INTO territory_alias (id, territory_id, name, name_key) VALUES (?, ?, ?, ?)",
        done.dropped_aliases,
    )
    db.connection().executemany(
        "UPDATE territory SET parent_id = ?, position = ? WHERE id = ?",
        [(old_id, position, child) for child, position in done.children],
    )
    _update_ids("organization", "territory_id", done.organizations, old_id)
    _update_ids("page", "territory_id", done.pages, old_id)
    _update_ids("import_batch", "target_id", done.batches, old_id)
    record_many(_entries(done, forward=False), origin)
    _log_moves("organization", done.organizations, successor_id, old_id, origin)
    _log_moves("page", done.pages, successor_id, old_id, origin)


def _entries(done: Handover, *, forward: bool) -> Iterable[Entry]:
    old_id, new_id = done.old["id"], done.successor_id
    source, target = (old_id, new_id) if forward else (new_id, old_id)
    if forward:
        yield ("territory", old_id, "delete", "name", done.old["name"], None)
    else:
        yield ("territory", old_id, "restore", "name", None, done.old["name"])
    for child, _position in done.children:
        yield ("territory", child, "move", "parent", source, target)
    for name in done.added_aliases:
        yield (
            ("territory", new_id, "update", "alias", None, name)
            if forward
            else ("territory", new_id, "update", "alias", name, None)
        )
