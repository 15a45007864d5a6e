"""Roll-ups: counts and subscriber totals of a territory with all its descendants.

The figures come from the stored tallies (per own territory, kept exact by triggers, see
editor.db.models); `_reference_stats` and `_reference_tree_totals` compute the same from the
records themselves and serve the tests as the yardstick.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from editor.core.normalize import NETWORKS, STATUSES
from editor.core.territories import SUBTREE_CTE, SUBTREE_SQL, level_counts
from editor.db.models import LEVELS, NETWORK_COUNTERS, TALLY_STATUSES, db


@dataclass(slots=True)
class Totals:
    """What the territory tree shows for a node: pages and subscribers, descendants included."""

    pages: int = 0
    subscribers: int = 0


def tree_totals() -> dict[int, Totals]:
    """Totals for every territory at once: the tallies per own territory, summed upwards."""
    return _roll_up(
        db.execute_sql(
            "SELECT territory_id, pages, subscribers FROM tally_territory WHERE pages != 0"
        )
    )


def _reference_tree_totals() -> dict[int, Totals]:
    """tree_totals() computed from the pages themselves (the yardstick of the tallies)."""
    return _roll_up(
        db.execute_sql(
            "SELECT territory_id, count(*), total(subscribers) FROM page"
            " WHERE deleted_at IS NULL GROUP BY territory_id"
        )
    )


def _roll_up(own_rows) -> dict[int, Totals]:
    """Add each territory's own (id, pages, subscribers) into all its ancestors."""
    pages: dict[int, int] = {}
    subscribers: dict[int, float] = {}
    for territory_id, count, total in own_rows:
        pages[territory_id] = count
        subscribers[territory_id] = total
    # Deepest first, so that each node is complete before it is added to its parent.
    nodes = db.execute_sql("SELECT id, parent_id FROM territory ORDER BY level DESC").fetchall()
    get_pages, get_subscribers = pages.get, subscribers.get
    for territory_id, parent_id in nodes:
        if parent_id is not None:
            count = get_pages(territory_id)
            if count:
                pages[parent_id] = get_pages(parent_id, 0) + count
                subscribers[parent_id] = get_subscribers(parent_id, 0) + subscribers[territory_id]
    return {
        territory_id: Totals(get_pages(territory_id, 0), int(get_subscribers(territory_id, 0)))
        for territory_id, _ in nodes
    }


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


def _scope(territory_id: int | None) -> tuple[str, tuple]:
    """SQL text selecting the territory ids of the scope, for `territory_id IN (...)`."""
    if territory_id is None:
        return "SELECT id FROM territory", ()
    return SUBTREE_SQL, (territory_id,)


def _network_columns() -> str:
    parts = []
    for network in NETWORKS:
        parts.append(f"sum(network = '{network}')")
        parts.append(f"total(CASE WHEN network = '{network}' THEN subscribers END)")
    for status in STATUSES:
        parts.append(f"sum(status = '{status}')")
    return ", ".join(parts)


# One pass over the covering index page_live_rollup gives every page figure of a scope.
_PAGE_FIGURES = (
    "SELECT count(*), total(subscribers), sum(gosmark = 1), sum(connected = 1), sum(widgets > 0),"
    " sum(network NOT IN ({known})), total(CASE WHEN network NOT IN ({known}) THEN subscribers END),"
    " sum(status IS NULL), {columns} FROM page WHERE deleted_at IS NULL AND territory_id IN ({scope})"
)


def _reference_stats(territory_id: int | None = None, *, with_territories: bool = True) -> Stats:
    """stats() computed from the records themselves (the yardstick of the tallies)."""
    result = Stats()
    scope, params = _scope(territory_id)
    known = ", ".join(f"'{network}'" for network in NETWORKS)
    row = db.execute_sql(
        _PAGE_FIGURES.format(known=known, columns=_network_columns(), scope=scope), params
    ).fetchone()
    result.pages, result.subscribers = row[0], int(row[1])
    result.gosmark, result.connected, result.with_widgets = (int(v or 0) for v in row[2:5])
    other_pages, other_subscribers, no_status = int(row[5] or 0), int(row[6]), int(row[7] or 0)
    values = iter(row[8:])
    for network in NETWORKS:
        count, subscribers = int(next(values) or 0), int(next(values))
        if network == "other":
            count, subscribers = count + other_pages, subscribers + other_subscribers
        if count:
            result.by_network[network] = count
            result.subscribers_by_network[network] = subscribers
    for status in STATUSES:
        count = int(next(values) or 0)
        if count:
            result.by_status[status] = count
    if no_status:
        result.by_status["none"] = no_status
    result.organizations = db.execute_sql(
        f"SELECT count(*) FROM organization WHERE deleted_at IS NULL AND territory_id IN ({scope})",
        params,
    ).fetchone()[0]
    # Pages per sphere 1, driven from the organisations (their pages share their territory).
    sphere_rows = db.execute_sql(
        "SELECT s.name, sum(n) FROM (SELECT o.sphere1_id AS sphere, count(*) AS n"
        " FROM organization o JOIN page p ON p.organization_id = o.id AND p.deleted_at IS NULL"
        f" WHERE o.territory_id IN ({scope}) GROUP BY o.sphere1_id) AS g JOIN sphere s ON s.id = g.sphere"
        " GROUP BY s.name",
        params,
    )
    result.by_sphere = {name: int(count) for name, count in sphere_rows}
    # Pages per level: group by territory first (index only), then map territories to levels.
    levels: Counter[str] = Counter()
    for level, count in db.execute_sql(
        "SELECT t.level, sum(n) FROM (SELECT territory_id, count(*) AS n FROM page"
        f" WHERE deleted_at IS NULL AND territory_id IN ({scope}) GROUP BY territory_id) g"
        " JOIN territory t ON t.id = g.territory_id GROUP BY t.level",
        params,
    ):
        levels[LEVELS[level]] += int(count)
    result.by_level = dict(levels)
    if with_territories:
        result.territories = level_counts(territory_id)
    return result


def stats(territory_id: int | None = None, *, with_territories: bool = True) -> Stats:
    """Counts of organisations and pages (by network, status, flags, sphere, level) in a scope."""
    result = Stats()
    # One statement, the subtree walked inside it: on a server every statement is a round trip
    # (this took five). The whole catalogue needs no scope: every tally row belongs to an
    # existing territory.
    if territory_id is None:
        rows = db.execute_sql(_tallies_sql(scoped=False)).fetchall()
    else:
        rows = db.execute_sql(_tallies_sql(scoped=True), (territory_id,)).fetchall()
    _add_page_figures(result, [row[1:] for row in rows if row[0] == "network"])
    result.organizations = sum(int(row[3] or 0) for row in rows if row[0] == "organizations")
    spheres: Counter[str] = Counter()
    for row in rows:
        if row[0] == "sphere":
            spheres[row[2]] += row[3]  # a name may stand for several spheres
    result.by_sphere = {name: spheres[name] for name in sorted(spheres) if spheres[name]}
    if with_territories:
        result.territories = level_counts(territory_id)
    return result


@functools.cache
def _tallies_sql(*, scoped: bool) -> str:
    """The three tallies of a scope in one statement, each row marked with the tally it sums.

    Every branch has the network tally's columns (kind, level, network, counters...): the
    organisations and a sphere's pages sit in the first counter, a sphere's name in `network`.
    """

    def scope(column: str) -> str:
        return f" WHERE {column} IN sub" if scoped else ""

    sums = ", ".join(
        "total(x.subscribers)" if column == "subscribers" else f"sum(x.{column})"
        for column in NETWORK_COUNTERS
    )
    pad = ", NULL" * (len(NETWORK_COUNTERS) - 1)
    # sum(), not total(), in the first counter of every branch: PostgreSQL gives a column one
    # type for the whole UNION, and a float there would turn the page counts into floats.
    # The scope filters the territories, which are then looked up in the tally by key (filtered
    # on the tally's column, PostgreSQL read the tally row by row, and each row's territory).
    return (
        (f"WITH RECURSIVE {SUBTREE_CTE} " if scoped else "")
        + f"SELECT 'network', t.level, x.network, {sums} FROM territory t"
        f" JOIN tally_network x ON x.territory_id = t.id{scope('t.id')}"
        " GROUP BY t.level, x.network"
        f" UNION ALL SELECT 'organizations', NULL, NULL, sum(x.organizations){pad}"
        f" FROM tally_territory x{scope('x.territory_id')}"
        # Names are joined to the few sums per sphere rather than to every tally row.
        f" UNION ALL SELECT 'sphere', NULL, s.name, g.pages{pad} FROM (SELECT x.sphere_id,"
        f" sum(x.pages) AS pages FROM tally_sphere x{scope('x.territory_id')}"
        " GROUP BY x.sphere_id) g JOIN sphere s ON s.id = g.sphere_id"
    )


def _add_page_figures(result: Stats, rows: list[tuple]) -> None:
    """Page counts by network, status, flag and level from the network tally's rows of the
    scope (level, network, counters...)."""
    known = set(NETWORKS)
    networks: Counter[str] = Counter()
    network_subscribers: dict[str, float] = {}
    levels: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    subscribers = 0.0
    for level, network, pages, total, gosmark, connected, widgets, *by_status in rows:
        if not pages:
            continue
        network = network if network in known else "other"
        networks[network] += pages
        network_subscribers[network] = network_subscribers.get(network, 0.0) + total
        levels[LEVELS[level]] += pages
        subscribers += total
        result.pages += pages
        result.gosmark += gosmark
        result.connected += connected
        result.with_widgets += widgets
        statuses.update(dict(zip((*TALLY_STATUSES, "none"), by_status, strict=True)))
    result.subscribers = int(subscribers)
    for network in NETWORKS:
        if networks[network]:
            result.by_network[network] = networks[network]
            result.subscribers_by_network[network] = int(network_subscribers[network])
    result.by_status = {
        status: statuses[status] for status in (*STATUSES, "none") if statuses[status]
    }
    result.by_level = {level: levels[level] for level in LEVELS if levels[level]}
