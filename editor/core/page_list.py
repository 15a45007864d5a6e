"""The page table's queries: ordered id lists with their subscriber total, in one raw cursor pass.

Reading 300k ids through peewee's row objects costs about three times the query itself, so the
rows come straight from the cursor. A `limit` gives the first screenful at once while the whole
list is still being read. The territory scope is a recursive subquery for large subtrees.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from peewee import JOIN, SQL, OperationalError, fn

from editor.core import search, text_index, text_scan
from editor.core.search import SORT_COLUMNS, PageFilter
from editor.core.territories import SUBTREE_SQL, subtree_ids
from editor.db.models import Organization, Page, Territory, db

_POLL_STEPS = 20_000  # SQLite instructions between two cancellation checks
_INLINE_IDS = 500  # larger subtrees are a recursive subquery instead of a parameter list


# Names sort by their folded keys: SQLite compares bytes, which would put «город Курган» after
# every capitalised name and «ёлка» after «я».
_SORT_KEYS = {"organization": Organization.name_key, "territory": Territory.name_key}


@dataclass(frozen=True)
class PageList:
    """Matching page ids in display order, and the sum of their subscribers."""

    ids: list[int]
    subscribers: int
    complete: bool = True  # False when cut at a limit


def scope_condition(territory_id: int | None, descendants: bool = True):
    """Pages of a territory (and its descendants), or None for the whole catalogue."""
    if territory_id is None:
        return None
    if not descendants:
        return Page.territory == territory_id
    node = Territory.get_or_none(Territory.id == territory_id)
    if (
        node is not None
        and node.parent_id is None
        and Territory.select().where(Territory.parent.is_null()).count() == 1
    ):
        return None  # the single root holds everything
    ids = subtree_ids(territory_id)
    if len(ids) <= _INLINE_IDS:
        return Page.territory.in_(ids)
    return Page.territory.in_(SQL(f"({SUBTREE_SQL})", (territory_id,)))


def filter_query(page_filter: PageFilter, *columns, join_organization: bool = False):
    """SELECT columns FROM page [JOIN organization] WHERE the filter."""
    query = Page.select(*columns)
    if join_organization or page_filter.spheres:
        query = query.join(Organization, on=Page.organization == Organization.id)
    scope = scope_condition(page_filter.territory_id, page_filter.descendants)
    if scope is not None:
        query = query.where(scope)
    for part in search.conditions(page_filter.with_(territory_id=None)):
        query = query.where(part)
    return query


def ordered_ids(
    page_filter: PageFilter,
    order_by: str = "id",
    descending: bool = False,
    limit: int | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> PageList:
    """The ids of matching pages in display order with their subscriber total.

    `is_cancelled` is polled while SQLite works; when it turns true the query stops at once and
    `Cancelled` is raised (a newer filter made this list useless).
    """
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()  # a newer keystroke came before this one was started
    try:
        quick = search.quick_ids(page_filter, order_by, descending, limit, is_cancelled)
    except text_scan.Cancelled:
        raise Cancelled() from None
    if quick is not None:
        # Text, scope and trash alone: the search index answers (a first screen apart when the
        # whole answer would read every key).
        return PageList(*quick)
    key = _SORT_KEYS.get(order_by) or SORT_COLUMNS.get(order_by, Page.id)
    query = filter_query(
        page_filter, Page.id, Page.subscribers, join_organization=key.model is Organization
    )
    if key.model is Territory:
        query = query.join(Territory, on=Page.territory == Territory.id, join_type=JOIN.INNER)
    ordering = key.desc(nulls="LAST") if descending else key.asc(nulls="LAST")
    query = query.order_by(ordering, Page.id) if key is not Page.id else query.order_by(ordering)
    if limit is not None:
        query = query.limit(limit)
    rows = _fetch(query, is_cancelled)
    ids = [row[0] for row in rows]
    total = sum(filter(None, (row[1] for row in rows)))
    return PageList(ids, total, limit is None or len(ids) < limit)


class Cancelled(Exception):
    """A query stopped because its result was no longer wanted."""


def _fetch(query, is_cancelled: Callable[[], bool] | None) -> list[tuple]:
    if is_cancelled is None:
        return db.execute(query).fetchall()
    connection = db.connection()
    connection.set_progress_handler(lambda: int(is_cancelled()), _POLL_STEPS)
    try:
        return db.execute(query).fetchall()
    except (OperationalError, sqlite3.OperationalError):
        if is_cancelled():
            raise Cancelled() from None
        raise
    finally:
        connection.set_progress_handler(None, 0)


def count(page_filter: PageFilter) -> int:
    """How many pages match (the status bar's «из M» for a scope without other filters)."""
    whole = PageFilter(territory_id=page_filter.territory_id, descendants=page_filter.descendants)
    index = text_index.current(read=False) if page_filter == whole else None
    if index is not None and scope_condition(whole.territory_id, whole.descendants) is None:
        return index.live_count()  # every live page: no pass over the table
    return filter_query(page_filter, fn.COUNT(Page.id)).scalar() or 0
