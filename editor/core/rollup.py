"""Roll-ups: counts and subscriber totals of a territory with all its descendants."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from peewee import SQL, fn

from editor.core.territories import subtree_ids
from editor.db.models import LEVELS, Organization, Page, Sphere, Territory, db


@dataclass
class Totals:
    """What the territory tree shows for a node: pages and subscribers, descendants included."""

    pages: int = 0
    subscribers: int = 0


def tree_totals() -> dict[int, Totals]:
    """Totals for every territory at once: one grouped scan of the covering index, summed upwards."""
    parent_of: dict[int, int | None] = {}
    level_of: dict[int, int] = {}
    for territory_id, parent_id, level in db.execute_sql(
        "SELECT id, parent_id, level FROM territory"
    ):
        parent_of[territory_id] = parent_id
        level_of[territory_id] = level
    totals = {territory_id: Totals() for territory_id in parent_of}
    for territory_id, pages, subscribers in db.execute_sql(
        "SELECT territory_id, count(*), total(subscribers) FROM page"
        " WHERE deleted_at IS NULL GROUP BY territory_id"
    ):
        node = totals[territory_id]
        node.pages += pages
        node.subscribers += int(subscribers)
    # Deepest first, so that each node is complete before it is added to its parent.
    for territory_id in sorted(parent_of, key=level_of.__getitem__, reverse=True):
        parent_id = parent_of[territory_id]
        if parent_id is not None:
            parent, node = totals[parent_id], totals[territory_id]
            parent.pages += node.pages
            parent.subscribers += node.subscribers
    return totals


@dataclass
class Stats:
    """The full roll-up of a scope (DESIGN §7 `stats`)."""

    organizations: int = 0
    pages: int = 0
    subscribers: int = 0
    by_network: dict[str, int] = field(default_factory=dict)
    subscribers_by_network: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_sphere: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    gosmark: int = 0
    connected: int = 0
    with_widgets: int = 0
    territories: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        """The `stats --json` object."""
        return {
            "pages": self.pages,
            "organizations": self.organizations,
            "subscribers": self.subscribers,
            "by_network": self.by_network,
            "subscribers_by_network": self.subscribers_by_network,
            "by_status": self.by_status,
            "by_sphere": self.by_sphere,
            "by_level": self.by_level,
            "gosmark": self.gosmark,
            "connected": self.connected,
            "with_widgets": self.with_widgets,
            "territories": self.territories,
        }


def _scope_condition(column, territory_id: int | None):
    if territory_id is None:
        return SQL("1 = 1")
    return column.in_(subtree_ids(territory_id))


def stats(territory_id: int | None = None, *, with_territories: bool = True) -> Stats:
    """Counts of organisations and pages (by network, status, flags, sphere, level) in a scope."""
    result = Stats()
    page_scope = _scope_condition(Page.territory, territory_id)
    live = Page.deleted_at.is_null()
    query = (
        Page.select(Page.network, Page.status, Page.gosmark, Page.connected,
                    Page.widgets > 0, fn.COUNT(Page.id), fn.TOTAL(Page.subscribers))
        .where(live & page_scope)
        .group_by(Page.network, Page.status, Page.gosmark, Page.connected, Page.widgets > 0)
        .tuples()
    )
    by_network: Counter[str] = Counter()
    subscribers_by_network: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for network, status, gosmark, connected, widgets, count, subscribers in query:
        result.pages += count
        result.subscribers += int(subscribers)
        by_network[network] += count
        subscribers_by_network[network] += int(subscribers)
        by_status[status or "none"] += count
        result.gosmark += count if gosmark else 0
        result.connected += count if connected else 0
        result.with_widgets += count if widgets else 0
    result.by_network = dict(by_network)
    result.subscribers_by_network = dict(subscribers_by_network)
    result.by_status = dict(by_status)
    result.organizations = (
        Organization.select(fn.COUNT(Organization.id))
        .where(Organization.deleted_at.is_null() & _scope_condition(Organization.territory, territory_id))
        .scalar()
    )
    sphere_query = (
        Page.select(Sphere.name, fn.COUNT(Page.id))
        .join(Organization, on=Page.organization == Organization.id)
        .join(Sphere, on=Organization.sphere1 == Sphere.id)
        .where(live & page_scope)
        .group_by(Sphere.name)
        .tuples()
    )
    result.by_sphere = dict(sphere_query)
    level_query = (
        Page.select(Territory.level, fn.COUNT(Page.id))
        .join(Territory, on=Page.territory == Territory.id)
        .where(live & page_scope)
        .group_by(Territory.level)
        .tuples()
    )
    result.by_level = {LEVELS[level]: count for level, count in level_query}
    if with_territories:
        from editor.core.territories import level_counts

        result.territories = level_counts(territory_id)
    return result
