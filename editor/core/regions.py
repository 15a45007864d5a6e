"""Subjects of Russia as the editor's first steps and the import wizard see them: the home region
to choose, the region each territory lies in, and whether the catalogue holds pages yet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from editor.db.models import LEVEL_INDEX, Page, Territory, db


def has_pages() -> bool:
    """Whether the catalogue holds any page (the trash included: it is not empty then)."""
    return Page.select(Page.id).limit(1).exists()


def regions() -> list[tuple[int, str, str]]:
    """The subjects of Russia as (id, name, ОКТМО), by name."""
    query = (
        Territory.select(Territory.id, Territory.name, Territory.oktmo)
        .where(Territory.level == LEVEL_INDEX["region"])
        .order_by(Territory.name)
        .tuples()
    )
    return [(tid, name, code or "") for tid, name, code in query]


def region_by_code(code: str) -> int | None:
    """The id of the subject with this ОКТМО code, or None."""
    found = Territory.get_or_none(
        (Territory.oktmo == code) & (Territory.level == LEVEL_INDEX["region"])
    )
    return found.id if found is not None else None


def region_of(territory_ids: Iterable[int]) -> dict[int, int]:
    """The subject each territory lies in (itself for a subject); territories above are left out."""
    ids = sorted(set(territory_ids))
    if not ids:
        return {}
    cursor = db.execute_sql(
        "WITH RECURSIVE up(start, id, parent_id, level) AS ("
        " SELECT t.id, t.id, t.parent_id, t.level FROM territory t"
        " WHERE t.id IN (SELECT value FROM json_each(?))"
        " UNION ALL SELECT up.start, p.id, p.parent_id, p.level FROM territory p"
        " JOIN up ON p.id = up.parent_id WHERE up.level > ?)"
        " SELECT start, id FROM up WHERE level = ?",
        (
            "[" + ",".join(str(int(i)) for i in ids) + "]",
            LEVEL_INDEX["region"],
            LEVEL_INDEX["region"],
        ),
    )
    return dict(cursor.fetchall())


def dominant_region(rows_by_territory: Mapping[int, int]) -> int | None:
    """The subject where most of the rows lie, when it holds more than half of them."""
    regions = region_of(rows_by_territory)
    counts: Counter[int] = Counter()
    for territory_id, rows in rows_by_territory.items():
        if territory_id in regions:
            counts[regions[territory_id]] += rows
    if not counts:
        return None
    region, rows = counts.most_common(1)[0]
    return region if rows * 2 > sum(rows_by_territory.values()) else None


def labels(territory_ids: Iterable[int]) -> dict[int, str]:
    """«unit — subject» for each territory («Тамбовский муниципальный округ — Амурская область»)."""
    ids = list(territory_ids)
    regions = region_of(ids)
    names = dict(
        Territory.select(Territory.id, Territory.name)
        .where(Territory.id.in_(ids + list(regions.values())))
        .tuples()
    )
    result = {}
    for territory_id in ids:
        region = regions.get(territory_id)
        name = names.get(territory_id, "")
        result[territory_id] = (
            f"{name} — {names[region]}" if region is not None and region != territory_id else name
        )
    return result


def territory_paths(deepest: str = "municipality") -> list[tuple[int, str]]:
    """(id, «Российская Федерация/…/Кетовский муниципальный округ») down to a level, for
    completing a territory typed by hand."""
    cursor = db.execute_sql(
        "WITH RECURSIVE down(id, path, level) AS ("
        " SELECT id, name, level FROM territory WHERE parent_id IS NULL"
        " UNION ALL SELECT t.id, down.path || '/' || t.name, t.level FROM territory t"
        " JOIN down ON t.parent_id = down.id WHERE t.level <= ?)"
        " SELECT id, path FROM down ORDER BY level, path",
        (LEVEL_INDEX[deepest],),
    )
    return [(row[0], row[1]) for row in cursor]
