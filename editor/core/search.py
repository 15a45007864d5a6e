"""Finding pages: one filter object turned into SQL (scope, folded text, spheres, flags, order).

The folded text is looked up in the in-memory index (`editor.core.text_index`), which is several
times faster than SQLite's ``instr`` over every page. A filter of text, scope and trash alone is
answered by the index without SQL; otherwise the matching ids join the other SQL conditions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from peewee import JOIN, SQL, fn

from editor.core import normalize as nz
from editor.core import text_index
from editor.core.territories import SUBTREE_SQL, subtree_ids
from editor.db import dialect
from editor.db.database import fetch_ids, is_server_catalogue
from editor.db.models import Organization, Page, Sphere, Territory

# Subtrees larger than this are written as a recursive subquery instead of a parameter list.
_INLINE_IDS = 2000
# More matching page ids than this go to SQLite as one JSON array parameter (json_each): a
# parameter list that long costs more to bind than the array to parse, and may pass the limit.
_INLINE_PAGE_IDS = 5000


@dataclass(frozen=True)
class PageFilter:
    """What the page table shows; every part is optional."""

    territory_id: int | None = None
    descendants: bool = True
    text: str = ""
    spheres: tuple[int, ...] = ()  # a top-level sphere includes its children
    networks: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    no_gosmark: bool = False
    no_widgets: bool = False
    not_connected: bool = False
    stale_days: int | None = None  # subscriber count older than this, or missing
    trash: bool = False
    page_ids: tuple[int, ...] | None = None  # an explicit selection
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def with_(self, **changes: object) -> PageFilter:
        """A copy with some parts changed."""
        return replace(self, **changes)


def territory_condition(column, territory_id: int | None, descendants: bool = True):
    """A condition keeping rows whose territory is in the scope."""
    if territory_id is None:
        return None
    if not descendants:
        return column == territory_id
    node = Territory.get_or_none(Territory.id == territory_id)
    if (
        node is not None
        and node.parent_id is None
        and Territory.select().where(Territory.parent.is_null()).count() == 1
    ):
        return None  # the single root: everything
    ids = subtree_ids(territory_id)
    if len(ids) <= _INLINE_IDS:
        return column.in_(ids)
    return column.in_(SQL(f"({SUBTREE_SQL})", (territory_id,)))


def sphere_ids_with_children(sphere_ids: tuple[int, ...]) -> list[int]:
    """Sphere ids plus the children of any top-level sphere among them."""
    if not sphere_ids:
        return []
    ids = set(sphere_ids)
    ids.update(s.id for s in Sphere.select(Sphere.id).where(Sphere.parent.in_(list(sphere_ids))))
    return sorted(ids)


def conditions(page_filter: PageFilter) -> list:
    """The WHERE parts of a filter (the query must join Organization)."""
    parts = []
    parts.append(Page.deleted_at.is_null(False) if page_filter.trash else Page.deleted_at.is_null())
    scope = territory_condition(Page.territory, page_filter.territory_id, page_filter.descendants)
    if scope is not None:
        parts.append(scope)
    needle = nz.fold_text(page_filter.text)
    if needle:
        parts.append(text_condition(needle, page_filter.trash))
    if page_filter.spheres:
        ids = sphere_ids_with_children(page_filter.spheres)
        parts.append(
            Organization.sphere1.in_(ids)
            | Organization.sphere2.in_(ids)
            | Organization.sphere3.in_(ids)
        )
    if page_filter.networks:
        parts.append(Page.network.in_(list(page_filter.networks)))
    if page_filter.statuses:
        parts.append(Page.status.in_(list(page_filter.statuses)))
    if page_filter.no_gosmark:
        parts.append(Page.gosmark.is_null() | (Page.gosmark == False))  # noqa: E712
    if page_filter.not_connected:
        parts.append(Page.connected.is_null() | (Page.connected == False))  # noqa: E712
    if page_filter.no_widgets:
        parts.append(Page.widgets.is_null() | (Page.widgets == 0))
    if page_filter.stale_days is not None:
        limit = dt.date.today() - dt.timedelta(days=page_filter.stale_days)
        parts.append(Page.subscribers_date.is_null() | (Page.subscribers_date < limit))
    if page_filter.page_ids is not None:
        parts.append(Page.id.in_(list(page_filter.page_ids)))
    return parts


def prepare_text_search() -> None:
    """Read the search index now (~0.5 s for 300k pages) rather than at the first keystroke;
    nothing to do for a server catalogue (searched in SQL) or when it is read already."""
    if not is_server_catalogue():
        text_index.current()


def text_condition(needle: str, trash: bool = False):
    """Pages whose search_key contains the folded `needle`: ids from the index, else ``instr``
    (on a server, LIKE, which its trigram index answers)."""
    index = text_index.current()
    if index is None:  # in-memory catalogue, server, or uncommitted writes that only SQL sees
        if is_server_catalogue():
            return Page.search_key % dialect.contains_pattern(needle)
        return fn.instr(Page.search_key, needle) > 0
    return ids_condition(index.search(needle, trash=trash).ids)


def ids_condition(ids: list[int]):
    """``Page.id IN ids``, passed as one JSON parameter when the list is long."""
    if len(ids) <= _INLINE_PAGE_IDS:
        return Page.id.in_(ids)
    return Page.id.in_(SQL("(SELECT value FROM json_each(?))", (json.dumps(ids),)))


def _scope_territories(page_filter: PageFilter) -> set[int] | None:
    """The territory ids of the filter's scope, or None for the whole catalogue."""
    if page_filter.territory_id is None:
        return None
    if not page_filter.descendants:
        return {page_filter.territory_id}
    if territory_condition(Page.territory, page_filter.territory_id) is None:
        return None  # the single root
    return set(subtree_ids(page_filter.territory_id))


def _text_only(page_filter: PageFilter) -> bool:
    """A filter of text, scope and trash alone (the search index answers it)."""
    return bool(nz.fold_text(page_filter.text)) and not (
        page_filter.spheres
        or page_filter.networks
        or page_filter.statuses
        or page_filter.no_gosmark
        or page_filter.no_widgets
        or page_filter.not_connected
        or page_filter.stale_days is not None
        or page_filter.page_ids is not None
    )


def _text_only_hits(
    page_filter: PageFilter, is_cancelled: Callable[[], bool] | None = None
) -> text_index.Hits | None:
    """The index's answer for a filter of text, scope and trash alone; None for any other."""
    if not _text_only(page_filter):
        return None
    index = text_index.current()
    if index is None:
        return None
    return index.search(
        nz.fold_text(page_filter.text),
        trash=page_filter.trash,
        territories=_scope_territories(page_filter),
        is_cancelled=is_cancelled,
    )


def quick_ids(
    page_filter: PageFilter,
    order_by: str = "id",
    descending: bool = False,
    limit: int | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> tuple[list[int], int, bool] | None:
    """Matching ids in display order, their subscriber total, and whether that is every match,
    when the index alone can tell: a filter of text, scope and trash ordered by id; else None.

    With a `limit`, a needle whose whole answer costs a pass over every key gives only its first
    `limit` ids (subscribers 0, not every match): the table shows them while the rest is read.
    A pass stops with `text_scan.Cancelled` once `is_cancelled()` is true.
    """
    if SORT_COLUMNS.get(order_by, Page.id) is not Page.id:
        return None
    whole = limit is not None and _text_only(page_filter)
    if whole and _scope_territories(page_filter) is None:  # the whole catalogue's pages
        index = text_index.current()
        first = None
        if index is not None:
            needle = nz.fold_text(page_filter.text)
            first = index.first(
                needle,
                limit,
                trash=page_filter.trash,
                descending=descending,
                is_cancelled=is_cancelled,
            )
        if first is not None:
            hits, complete = first
            return hits.ids, hits.subscribers, complete
    hits = _text_only_hits(page_filter, is_cancelled)
    if hits is None:
        return None
    return (hits.ids[::-1] if descending else hits.ids), hits.subscribers, True


def _needs_organization(page_filter: PageFilter) -> bool:
    return bool(page_filter.spheres)


def base_query(page_filter: PageFilter, *columns, join_organization: bool = False):
    """SELECT columns FROM page [JOIN organization] WHERE the filter."""
    query = Page.select(*columns) if columns else Page.select()
    if join_organization or _needs_organization(page_filter):
        query = query.join(Organization, on=Page.organization == Organization.id)
    for part in conditions(page_filter):
        query = query.where(part)
    return query


def count_and_total(page_filter: PageFilter) -> tuple[int, int]:
    """How many pages match and their subscribers."""
    hits = _text_only_hits(page_filter)
    if hits is not None:
        return len(hits.ids), hits.subscribers
    row = base_query(page_filter, fn.COUNT(Page.id), fn.TOTAL(Page.subscribers)).tuples().get()
    return int(row[0]), int(row[1])


# Sort keys of the page table: column name → SQL expression.
SORT_COLUMNS = {
    "id": Page.id,
    "organization": Organization.full_name,
    "territory": Territory.name,
    "network": Page.network,
    "url": Page.url,
    "title": Page.title,
    "status": Page.status,
    "connected": Page.connected,
    "gosmark": Page.gosmark,
    "widgets": Page.widgets,
    "design": Page.design,
    "activity": Page.activity,
    "weekly_reach": Page.weekly_reach,
    "post_reach": Page.post_reach,
    "subscribers": Page.subscribers,
    "subscribers_date": Page.subscribers_date,
    "ogrn": Organization.ogrn,
    "sphere1": Organization.sphere1,
    "notes": Page.notes,
}


def ordered_ids(
    page_filter: PageFilter, order_by: str = "id", descending: bool = False
) -> list[int]:
    """The ids of matching pages in display order (a 300k list costs ~0.1 s; rows load lazily)."""
    quick = quick_ids(page_filter, order_by, descending)
    if quick is not None:
        return quick[0]
    key = SORT_COLUMNS.get(order_by, Page.id)
    join_org = key.model is Organization or _needs_organization(page_filter)
    query = base_query(page_filter, Page.id, join_organization=join_org)
    if key.model is Territory:
        query = query.join(Territory, on=Page.territory == Territory.id, join_type=JOIN.INNER)
    if key is Page.id and page_filter.text and is_server_catalogue():
        # Asked for id order, a server walks the primary key and tests every page's text;
        # unordered, it reads the trigram index, and the ids sort here in a few ms.
        ids = fetch_ids(query)
        ids.sort(reverse=descending)
        return ids
    ordering = key.desc(nulls="LAST") if descending else key.asc(nulls="LAST")
    if key is not Page.id:
        query = query.order_by(ordering, Page.id)
    else:
        query = query.order_by(ordering)
    return [row[0] for row in query.tuples().iterator()]


def rows_by_ids(ids: list[int]) -> dict[int, dict]:
    """Display rows (page, organisation and territory columns) for a block of page ids."""
    if not ids:
        return {}
    query = (
        Page.select(
            Page,
            Organization.full_name.alias("organization_name"),
            Organization.ogrn.alias("ogrn"),
            Organization.short_name.alias("short_name"),
            Organization.sphere1.alias("sphere1"),
            Organization.sphere2.alias("sphere2"),
            Organization.sphere3.alias("sphere3"),
            Organization.founder.alias("founder"),
            Organization.inn.alias("inn"),
            Organization.exemption.alias("exemption"),
            Territory.name.alias("territory_name"),
            Territory.oktmo.alias("oktmo"),
            Territory.level.alias("territory_level"),
        )
        .join(Organization, on=Page.organization == Organization.id)
        .switch(Page)
        .join(Territory, on=Page.territory == Territory.id)
        .where(Page.id.in_(ids))
        .dicts()
    )
    return {row["id"]: row for row in query}
