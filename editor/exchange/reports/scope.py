"""What a report covers: the territory tree in display order, the scope of a page filter, and
the catalogue rows of that scope streamed in blocks (never all rows in memory).

Shared by the four reports of :mod:`editor.exchange.reports.export`. No widgets, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from peewee import SQL, fn

from editor.core import normalize as nz
from editor.core.fields import ORGANIZATION_SHEET_FIELDS, PAGE_SHEET_FIELDS
from editor.core.i18n import tr
from editor.core.search import (
    PageFilter,
    base_query,
    sphere_ids_with_children,
    territory_condition,
)
from editor.db.models import LEVEL_INDEX, Organization, Page, Sphere, db

# Columns of a page row and of its organisation (tuples, for speed): the id (and the
# organisation's territory), then the fields a spreadsheet carries, from editor.core.fields.
PAGE_COLUMNS = (Page.id, *(getattr(Page, spec.name) for spec in PAGE_SHEET_FIELDS))
_PAGE_INDEX = {spec.name: index for index, spec in enumerate(PAGE_SHEET_FIELDS, start=1)}
P_ID = 0
P_NETWORK = _PAGE_INDEX["network"]
P_URL = _PAGE_INDEX["url"]
P_NETWORK_ID = _PAGE_INDEX["network_id"]
P_STATUS = _PAGE_INDEX["status"]
P_CONNECTED = _PAGE_INDEX["connected"]
P_GOSMARK = _PAGE_INDEX["gosmark"]
P_WIDGETS = _PAGE_INDEX["widgets"]
P_DESIGN = _PAGE_INDEX["design"]
P_ACTIVITY = _PAGE_INDEX["activity"]
P_SUBSCRIBERS = _PAGE_INDEX["subscribers"]
P_DATE = _PAGE_INDEX["subscribers_date"]
P_WEEKLY = _PAGE_INDEX["weekly_reach"]
P_POST = _PAGE_INDEX["post_reach"]
P_NOTES = _PAGE_INDEX["notes"]
P_TITLE = _PAGE_INDEX["title"]
ORG_COLUMNS = (
    Organization.id,
    Organization.territory,
    *(getattr(Organization, spec.name) for spec in ORGANIZATION_SHEET_FIELDS),
)
_ORG_INDEX = {spec.name: index for index, spec in enumerate(ORGANIZATION_SHEET_FIELDS, start=2)}
O_ID, O_TERRITORY = 0, 1
O_NAME = _ORG_INDEX["full_name"]
O_SHORT = _ORG_INDEX["short_name"]
O_OGRN = _ORG_INDEX["ogrn"]
O_INN = _ORG_INDEX["inn"]
O_FOUNDER = _ORG_INDEX["founder"]
O_TYPE = _ORG_INDEX["org_type"]
O_SPHERE1 = _ORG_INDEX["sphere1"]
O_SPHERE2 = _ORG_INDEX["sphere2"]
O_SPHERE3 = _ORG_INDEX["sphere3"]
O_EXEMPTION = _ORG_INDEX["exemption"]
O_RESPONSIBLE = _ORG_INDEX["responsible"]
O_POSITION = _ORG_INDEX["responsible_position"]
O_PHONE = _ORG_INDEX["responsible_phone"]
O_EMAIL = _ORG_INDEX["responsible_email"]

_NETWORK_ORDER = {network: index for index, network in enumerate(nz.NETWORKS)}
_BLOCK_ROWS = 5000  # rows fetched and sorted at a time
_BLOCK_TERRITORIES = 500
_ID_CHUNK = 20000  # page ids per IN (…) of a selection; SQLite allows 32,766 parameters
MUNICIPALITY = LEVEL_INDEX["municipality"]


class Cancelled(Exception):
    """The user cancelled the export; nothing is written."""


@dataclass
class Tree:
    """The territorial tree, loaded once per export: names, codes and the display order."""

    parent: dict[int, int | None]
    name: dict[int, str]
    oktmo: dict[int, str]
    level: dict[int, int]
    order: list[int]  # depth-first, siblings by position then name
    index: dict[int, int] = field(default_factory=dict)
    depth: dict[int, int] = field(default_factory=dict)  # number of ancestors
    ambiguous: set[int] = field(default_factory=set)  # nodes whose name alone is not unique

    @classmethod
    def load(cls) -> Tree:
        """Read the whole tree (tens of thousands of small rows at most)."""
        parent, name, oktmo, level = {}, {}, {}, {}
        kids: dict[int | None, list[tuple[int, str, int]]] = defaultdict(list)
        keys: dict[str, int] = defaultdict(int)
        for tid, pid, lvl, position, tname, code, key in db.execute_sql(
            "SELECT id, parent_id, level, position, name, oktmo, name_key FROM territory"
        ):
            parent[tid], name[tid], oktmo[tid], level[tid] = pid, tname, code or "", lvl
            kids[pid].append((position, tname, tid))
            keys[key] += 1
        order: list[int] = []
        stack = [tid for _, _, tid in sorted(kids[None], reverse=True)]
        while stack:
            tid = stack.pop()
            order.append(tid)
            stack.extend(child for _, _, child in sorted(kids.get(tid, ()), reverse=True))
        tree = cls(parent, name, oktmo, level, order)
        tree.index = {tid: i for i, tid in enumerate(order)}
        for tid in order:  # parents come first
            up = parent[tid]
            tree.depth[tid] = 0 if up is None else tree.depth[up] + 1
        duplicated = {key for key, count in keys.items() if count > 1}
        if duplicated:
            tree.ambiguous = {
                tid
                for (tid, key) in db.execute_sql("SELECT id, name_key FROM territory")
                if key in duplicated
            }
        return tree

    def subtree(self, root: int) -> list[int]:
        """The root and its descendants, in display order."""
        start = self.index[root]
        depth, end = self.depth[root], start + 1
        while end < len(self.order) and self.depth[self.order[end]] > depth:
            end += 1
        return self.order[start:end]

    def label(self, tid: int) -> str:
        """The territory's name, or its path below the region when the name alone is ambiguous
        and there is no ОКТМО code to tell it apart on import."""
        if tid in self.ambiguous and not self.oktmo[tid]:
            chain = []
            node: int | None = tid
            while node is not None and self.level[node] >= LEVEL_INDEX["region"]:
                chain.append(self.name[node])
                node = self.parent[node]
            return "/".join(reversed(chain))
        return self.name[tid]


@dataclass
class Context:
    """One export run: the filter, the date, progress and cancel hooks, the tree."""

    filter: PageFilter
    today: dt.date
    stale_days: int
    scope_text: str
    tree: Tree
    progress: Callable[..., None] = lambda done, total, text="": None
    is_cancelled: Callable[[], bool] = lambda: False
    roots: list[int] = field(default_factory=list)
    territories: list[int] = field(default_factory=list)  # every territory in scope, in order

    def __post_init__(self) -> None:
        tree, territory = self.tree, self.filter.territory_id
        if territory is not None:
            self.roots = [territory]
            self.territories = tree.subtree(territory) if self.filter.descendants else [territory]
        else:
            self.roots = [tid for tid in tree.order if tree.parent[tid] is None]
            self.territories = list(tree.order)

    def check(self) -> None:
        """Stop here when the user has cancelled."""
        if self.is_cancelled():
            raise Cancelled

    @property
    def with_pageless(self) -> bool:
        """Whether organisations without pages belong to the scope: only when the filter narrows
        by territory, sphere and network, not by page properties or an explicit selection."""
        f = self.filter
        return not (
            f.text.strip()
            or f.statuses
            or f.no_gosmark
            or f.no_widgets
            or f.not_connected
            or f.stale_days is not None
            or f.trash
            or f.page_ids is not None
        )

    def filters(self) -> Iterator[PageFilter]:
        """The filter, split so that an explicit selection never exceeds SQLite's parameters."""
        ids = self.filter.page_ids
        if ids is None or len(ids) <= _ID_CHUNK:
            yield self.filter
            return
        for start in range(0, len(ids), _ID_CHUNK):
            yield self.filter.with_(page_ids=tuple(ids[start : start + _ID_CHUNK]))

    def organization_condition(self, territory_ids: list[int] | None = None):
        """Live organisations of the scope's territories (or of `territory_ids`) and spheres."""
        condition = Organization.deleted_at.is_null()
        if territory_ids is not None:
            condition &= Organization.territory.in_(territory_ids)
        else:
            scope = territory_condition(
                Organization.territory, self.filter.territory_id, self.filter.descendants
            )
            if scope is not None:
                condition &= scope
        if self.filter.spheres:
            ids = sphere_ids_with_children(self.filter.spheres)
            condition &= (
                Organization.sphere1.in_(ids)
                | Organization.sphere2.in_(ids)
                | Organization.sphere3.in_(ids)
            )
        return condition

    def without_pages(self):
        """Organisations with no live page (in the scope's networks)."""
        pages = Page.select(Page.id).where(
            (Page.organization == Organization.id) & Page.deleted_at.is_null()
        )
        if self.filter.networks:
            pages = pages.where(Page.network.in_(list(self.filter.networks)))
        return ~fn.EXISTS(pages)

    def stale_before(self) -> dt.date:
        """Counts taken before this date are out of date."""
        return self.today - dt.timedelta(days=self.stale_days)


def sphere_names() -> dict[int, str]:
    """Sphere id → its own name (what import matches)."""
    return {sphere.id: sphere.name for sphere in Sphere.select(Sphere.id, Sphere.name)}


# --- counts per territory ---------------------------------------------------------------------


def page_groups(ctx: Context, *columns) -> Iterator[tuple]:
    """(territory, *columns, pages, subscribers) of the scope's pages, grouped."""
    for page_filter in ctx.filters():
        join = any(getattr(column, "model", None) is Organization for column in columns)
        query = base_query(
            page_filter,
            Page.territory,
            *columns,
            fn.COUNT(Page.id),
            fn.TOTAL(Page.subscribers),
            join_organization=join,
        )
        # By position: a column that is an expression with a bound value (`widgets > 0`) is
        # two different parameters to a server in SELECT and in GROUP BY, and it refuses.
        query = query.group_by(*(SQL(str(n)) for n in range(1, len(columns) + 2)))
        yield from raw_rows(query)


def organization_counts(
    ctx: Context, *, only_without_pages: bool = False, without_exemption: bool = False
) -> dict[int, int]:
    """Organisations per territory: all of the scope, or only those without pages."""
    counts: dict[int, int] = defaultdict(int)
    if not ctx.with_pageless:
        if only_without_pages:
            return counts
        for page_filter in ctx.filters():
            query = (
                base_query(page_filter, Page.territory, fn.COUNT(Page.organization.distinct()))
                .group_by(Page.territory)
                .tuples()
            )
            for territory, count in query:
                counts[territory] += count
        return counts
    condition = ctx.organization_condition()
    if only_without_pages:
        condition &= ctx.without_pages()
    if without_exemption:
        condition &= Organization.exemption.is_null() | (fn.TRIM(Organization.exemption) == "")
    query = (
        Organization.select(Organization.territory, fn.COUNT(Organization.id))
        .where(condition)
        .group_by(Organization.territory)
        .tuples()
    )
    for territory, count in query:
        counts[territory] += count
    return counts


def roll_up(ctx: Context, own: dict[int, list[float]], width: int) -> dict[int, list[float]]:
    """Each territory's vector plus those of all its descendants in scope."""
    in_scope = set(ctx.territories)
    totals = {tid: list(own.get(tid, [0] * width)) for tid in ctx.territories}
    parent = ctx.tree.parent
    for tid in reversed(ctx.territories):  # children come after their parent in the order
        up = parent[tid]
        if up in in_scope and tid not in ctx.roots:
            target, values = totals[up], totals[tid]
            for i in range(width):
                target[i] += values[i]
    return totals


def shown_territories(ctx: Context, totals: dict[int, list[float]]) -> list[tuple[int, int]]:
    """(territory, outline depth) of the rows of an aggregate report: the scope's root(s), every
    territory down to municipalities, and deeper ones that have something to count."""
    tree = ctx.tree
    rows: list[tuple[int, int]] = []
    base = set(ctx.roots)
    depth_of: dict[int, int] = {}
    for tid in ctx.territories:
        up = tree.parent[tid]
        depth_of[tid] = 0 if tid in base else depth_of.get(up, 0) + 1
        if tid in base or tree.level[tid] <= MUNICIPALITY or any(totals[tid]):
            rows.append((tid, depth_of[tid]))
    return rows


# --- the rows themselves ----------------------------------------------------------------------


def has_records(ctx: Context) -> bool:
    """Whether the scope holds anything to report: a page, or an organisation."""
    for page_filter in ctx.filters():
        if base_query(page_filter, Page.id).limit(1).exists():
            return True
    if ctx.with_pageless:
        return Organization.select(Organization.id).where(ctx.organization_condition()).exists()
    return False


def count_records(ctx: Context) -> tuple[int, int]:
    """(pages, organisations without pages) in scope: the registry's row count."""
    pages = sum(row[-2] for row in page_groups(ctx))
    pageless = sum(organization_counts(ctx, only_without_pages=True).values())
    return int(pages), int(pageless)


def iter_records(
    ctx: Context, *, with_pageless: bool | None = None, with_pages: bool = True
) -> Iterator[tuple[tuple | None, tuple]]:
    """(page columns or None, organisation columns) of the scope, in tree order (territory, then
    organisation name, network); a selection keeps its own order. Streams in blocks."""
    if with_pageless is None:
        with_pageless = ctx.with_pageless
    if ctx.filter.page_ids is not None:
        if with_pages:
            yield from _selection_records(ctx)
        return
    sizes: dict[int, int] = defaultdict(int)
    if with_pages:
        for row in page_groups(ctx):
            sizes[row[0]] += row[-2]
    if with_pageless:
        for tid, count in organization_counts(ctx, only_without_pages=True).items():
            sizes[tid] += count
    block: list[int] = []
    rows = 0
    for tid in ctx.territories:
        if not sizes.get(tid):
            continue
        block.append(tid)
        rows += sizes[tid]
        if rows >= _BLOCK_ROWS or len(block) >= _BLOCK_TERRITORIES:
            yield from _block(ctx, block, with_pageless, with_pages)
            block, rows = [], 0
    if block:
        yield from _block(ctx, block, with_pageless, with_pages)


def _block(
    ctx: Context, territory_ids: list[int], with_pageless: bool, with_pages: bool
) -> Iterator[tuple[tuple | None, tuple]]:
    ctx.check()
    width = len(PAGE_COLUMNS)
    records: list[tuple[tuple | None, tuple]] = []
    if with_pages:
        query = base_query(
            ctx.filter.with_(territory_id=None), *PAGE_COLUMNS, *ORG_COLUMNS, join_organization=True
        ).where(Page.territory.in_(territory_ids))
        records = [(row[:width], row[width:]) for row in raw_rows(query)]
    if with_pageless:
        org_query = Organization.select(*ORG_COLUMNS).where(
            ctx.organization_condition(territory_ids) & ctx.without_pages()
        )
        records.extend((None, org) for org in raw_rows(org_query))
    index = ctx.tree.index
    records.sort(
        key=lambda r: (
            index[r[1][O_TERRITORY]],
            r[1][O_NAME].casefold(),
            r[1][O_ID],
            -1 if r[0] is None else _NETWORK_ORDER.get(r[0][P_NETWORK], 9),
            0 if r[0] is None else r[0][P_ID],
        )
    )
    yield from records


def _selection_records(ctx: Context) -> Iterator[tuple[tuple | None, tuple]]:
    width = len(PAGE_COLUMNS)
    ids = list(ctx.filter.page_ids or ())
    for start in range(0, len(ids), _BLOCK_ROWS):
        ctx.check()
        chunk = ids[start : start + _BLOCK_ROWS]
        query = base_query(
            ctx.filter.with_(page_ids=tuple(chunk)),
            *PAGE_COLUMNS,
            *ORG_COLUMNS,
            join_organization=True,
        )
        found = {row[0]: row for row in raw_rows(query)}
        for page_id in chunk:
            row = found.get(page_id)
            if row is not None:
                yield row[:width], row[width:]


def raw_rows(query) -> list[tuple]:
    """The rows of a peewee query as the database driver returns them.

    Hundreds of thousands of rows pass through here; peewee's per-field conversion would cost
    more than writing them. Booleans stay 0/1 and dates may stay ISO text: see `as_date`.
    """
    sql, params = query.sql()
    return db.execute_sql(sql, params).fetchall()


def as_date(value: object) -> dt.date | None:
    """A date column's value as a date (SQLite hands back ISO text)."""
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value)[:10])


def yes_no(value: object) -> str | None:
    """«да» / «нет» / empty, as spreadsheets say it (for True/False or 1/0)."""
    if value is None:
        return None
    return tr("да") if value else tr("нет")
