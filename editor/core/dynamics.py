"""Subscriber dynamics (DESIGN §10): month series per node and network, totals on a date,
compliance shares over time, the pages that grew or fell most.

The figures come from the dated tally `dynamics_day` (editor.db.dynamics_schema): a row holds how
a day moved the totals of one own territory and network, so a total on a date is a sum of rows
dated on or before it. A filter beyond territory and network (text, spheres, flags...) is
answered from the count histories of the matching pages instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from peewee import fn

from editor.core import normalize as nz
from editor.core.i18n import tr
from editor.core.search import PageFilter, base_query
from editor.core.territories import subtree_ids
from editor.db.dynamics_schema import COUNTERS, RECOMPUTE
from editor.db.models import Page, db

# Counter positions in a delta vector (the order of dynamics_schema.COUNTERS).
SUBSCRIBERS, PAGES, GOSMARK, CONNECTED, WIDGETS = range(len(COUNTERS))
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RU_DAY = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


class DynamicsError(ValueError):
    """Bad input (a date or month that is none, a period that ends before it starts)."""


def parse_day(text: str) -> dt.date:
    """A date written `YYYY-MM-DD` or `ДД.ММ.ГГГГ` (DESIGN §7); DynamicsError otherwise."""
    text = text.strip()
    if match := _ISO_DAY.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _RU_DAY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise DynamicsError(
            tr("«{text}» — не дата (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)").format(text=text)
        )
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DynamicsError(tr("«{text}» — нет такой даты").format(text=text)) from error


def parse_month(text: str) -> str:
    """A month written `YYYY-MM`, returned as such; DynamicsError otherwise."""
    match = _MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise DynamicsError(tr("«{text}» — не месяц (ожидается ГГГГ-ММ)").format(text=text))
    return text.strip()


def check_period(first: str | None, last: str | None) -> None:
    """DynamicsError when the period ends before it starts."""
    if first and last and first > last:
        raise DynamicsError(
            tr("Начало периода {first} позже его конца {last}").format(first=first, last=last)
        )


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_end(month: str) -> dt.date:
    """The last day of a `YYYY-MM` month."""
    year, number = int(month[:4]), int(month[5:7])
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def shift_month(month: str, by: int) -> str:
    """The month `by` months after (before, when negative) `month`."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """The months from `first` to `last` inclusive."""
    index, end = int(first[:4]) * 12 + int(first[5:7]) - 1, int(last[:4]) * 12 + int(last[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index, end + 1)]


def month_label(month: str) -> str:
    """«11.2025» for the month `2025-11` (the way reports head their columns)."""
    return f"{month[5:7]}.{month[:4]}"


# --- the scope --------------------------------------------------------------------------------


def is_simple(page_filter: PageFilter) -> bool:
    """True when the tally answers the filter: a territory (subtree) and networks only."""
    plain = PageFilter(
        territory_id=page_filter.territory_id,
        descendants=page_filter.descendants,
        networks=page_filter.networks,
    )
    return page_filter == plain


def _whole(page_filter: PageFilter) -> bool:
    """True when the filter's territory scope is the whole catalogue (no node, or the root)."""
    if page_filter.territory_id is None:
        return True
    if not page_filter.descendants:
        return False
    roots = db.execute_sql("SELECT id FROM territory WHERE parent_id IS NULL LIMIT 2").fetchall()
    return roots == [(page_filter.territory_id,)]


def _tally_where(page_filter: PageFilter) -> tuple[str, list[object]]:
    """WHERE text over dynamics_day (alias x) for a simple filter."""
    parts, params = [], []
    if not _whole(page_filter):
        if page_filter.descendants:
            parts.append("x.territory_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(subtree_ids(page_filter.territory_id)))
        else:
            parts.append("x.territory_id = ?")
            params.append(page_filter.territory_id)
    if page_filter.networks:
        parts.append(f"x.network IN ({', '.join('?' * len(page_filter.networks))})")
        params.extend(page_filter.networks)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _delta_source(
    page_filter: PageFilter, *, by_territory: bool = False
) -> tuple[str, list[object]]:
    """A FROM clause (alias x, the dynamics_day columns; without the territory for the whole
    catalogue unless `by_territory`) and its parameters for any filter."""
    if is_simple(page_filter):
        where, params = _tally_where(page_filter)
        table = "dynamics_day" if by_territory or not _whole(page_filter) else "dynamics_total"
        return f"{table} x{where}", params
    # The matching pages' own count histories (a filtered scope is small compared to the whole).
    ids = [row[0] for row in base_query(page_filter, Page.id).tuples()]
    recompute = RECOMPUTE.replace(
        "FROM subscriber_count WINDOW",
        "FROM subscriber_count WHERE page_id IN (SELECT value FROM json_each(?)) WINDOW",
    )
    return f"({recompute}) x", [json.dumps(ids)]


# --- series -----------------------------------------------------------------------------------


@dataclass
class Series:
    """Month-end totals of a scope: `months[i]` ends at `month_end(months[i])`."""

    months: list[str] = field(default_factory=list)
    subscribers: list[int] = field(default_factory=list)
    by_network: dict[str, list[int]] = field(default_factory=dict)
    pages: list[int] = field(default_factory=list)  # pages counted by the month's end
    new_pages: list[int] = field(default_factory=list)
    gosmark: list[int] = field(default_factory=list)
    connected: list[int] = field(default_factory=list)
    widgets: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when no page had a count by the end of the period."""
        return not any(self.pages)

    def share(self, counter: str) -> list[float | None]:
        """Percent of the counted pages that have the flag, month by month."""
        part = getattr(self, counter)
        return [
            round(100.0 * p / n, 1) if n else None for p, n in zip(part, self.pages, strict=True)
        ]


def data_months(page_filter: PageFilter | None = None) -> tuple[str, str] | None:
    """The first and last month with counts in the scope (None when it has none)."""
    source, params = _delta_source(page_filter or PageFilter())
    row = db.execute_sql(f"SELECT min(x.day), max(x.day) FROM {source}", params).fetchone()
    if row[0] is None:
        return None
    return row[0][:7], row[1][:7]


def default_period(page_filter: PageFilter | None = None, months: int = 12) -> tuple[str, str]:
    """The last `months` months up to the latest count (or up to this month)."""
    found = data_months(page_filter)
    last = found[1] if found else month_of(dt.date.today())
    return shift_month(last, 1 - months), last


def month_series(page_filter: PageFilter, first: str, last: str) -> Series:
    """Month-end totals from `first` to `last`, per network and for the flags."""
    source, params = _delta_source(page_filter)
    sums = ", ".join(f"sum(x.{c})" for c in COUNTERS)
    rows = db.execute_sql(
        f"SELECT x.network, substr(x.day, 1, 7) AS m, {sums} FROM {source}{_and(source)}"
        " x.day <= ? GROUP BY m, x.network",
        [*params, month_end(last).isoformat()],
    ).fetchall()
    months = months_between(first, last)
    slot = {month: i for i, month in enumerate(months)}
    width = len(months)
    totals = [[0] * width for _ in COUNTERS]
    networks: dict[str, list[int]] = defaultdict(lambda: [0] * width)
    opening = [0] * len(COUNTERS)
    opening_network: dict[str, int] = defaultdict(int)
    new_pages = [0] * width
    for network, month, *values in rows:
        network = network if network in nz.NETWORKS else "other"
        index = slot.get(month)
        if index is None:  # before the period: part of the opening balance
            for c, value in enumerate(values):
                opening[c] += value
            opening_network[network] += values[SUBSCRIBERS]
            continue
        for c, value in enumerate(values):
            totals[c][index] += value
        networks[network][index] += values[SUBSCRIBERS]
        new_pages[index] += values[PAGES]
    cumulative = [_running(opening[c], totals[c]) for c in range(len(COUNTERS))]
    by_network = {
        network: _running(opening_network[network], networks[network])
        for network in nz.NETWORKS
        if network in networks or opening_network.get(network)
    }
    return Series(
        months=months,
        subscribers=cumulative[SUBSCRIBERS],
        by_network={n: v for n, v in by_network.items() if any(v)},
        pages=cumulative[PAGES],
        new_pages=new_pages,
        gosmark=cumulative[GOSMARK],
        connected=cumulative[CONNECTED],
        widgets=cumulative[WIDGETS],
    )


def _and(source: str) -> str:
    """The word joining one more condition to a FROM clause that may have a WHERE already."""
    return (
        " AND"
        if source.startswith(("dynamics_day x WHERE", "dynamics_total x WHERE"))
        else " WHERE"
    )


def _running(start: int, steps: list[int]) -> list[int]:
    out, total = [], start
    for step in steps:
        total += step
        out.append(total)
    return out


@dataclass
class Totals:
    """Totals of a scope on a date: pages counted by then, their subscribers and flags."""

    subscribers: int = 0
    pages: int = 0
    gosmark: int = 0
    connected: int = 0
    widgets: int = 0
    by_network: dict[str, int] = field(default_factory=dict)


def totals_on(page_filter: PageFilter, day: dt.date) -> Totals:
    """Each page's latest count dated on or before `day`, summed over the scope."""
    source, params = _delta_source(page_filter)
    sums = ", ".join(f"total(x.{c})" for c in COUNTERS)
    result = Totals()
    for network, *values in db.execute_sql(
        f"SELECT x.network, {sums} FROM {source}{_and(source)} x.day <= ? GROUP BY x.network",
        [*params, day.isoformat()],
    ):
        subscribers, pages, gosmark, connected, widgets = (int(v) for v in values)
        network = network if network in nz.NETWORKS else "other"
        result.subscribers += subscribers
        result.pages += pages
        result.gosmark += gosmark
        result.connected += connected
        result.widgets += widgets
        if pages or subscribers:
            result.by_network[network] = result.by_network.get(network, 0) + subscribers
    return result


# --- per territory (the dynamics report) ------------------------------------------------------


def territory_months(page_filter: PageFilter, first: str, last: str) -> dict[int, list[int]]:
    """Subscribers at each month's end per OWN territory (descendants not included)."""
    source, params = _delta_source(page_filter, by_territory=True)
    months = months_between(first, last)
    slot = {month: i for i, month in enumerate(months)}
    width = len(months)
    steps: dict[int, list[int]] = {}
    opening: dict[int, int] = defaultdict(int)
    for territory, month, subscribers in db.execute_sql(
        f"SELECT x.territory_id, substr(x.day, 1, 7) AS m, sum(x.subscribers) FROM {source}"
        f"{_and(source)} x.day <= ? GROUP BY x.territory_id, m",
        [*params, month_end(last).isoformat()],
    ):
        index = slot.get(month)
        if index is None:
            opening[territory] += subscribers
        else:
            row = steps.get(territory)
            if row is None:
                row = steps[territory] = [0] * width
            row[index] += subscribers
    result = {}
    for territory in set(steps) | set(opening):
        result[territory] = _running(opening.get(territory, 0), steps.get(territory, [0] * width))
    return result


# --- growers and fallers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Mover:
    """A page's change over a period."""

    page_id: int
    organization: str
    territory: str
    network: str
    url: str
    start: int
    end: int

    @property
    def change(self) -> int:
        return self.end - self.start


def movers(
    page_filter: PageFilter, first_day: dt.date, last_day: dt.date, limit: int = 10
) -> tuple[list[Mover], list[Mover]]:
    """The pages that grew most and that fell most from `first_day` to `last_day`.

    A page's figure on a day is its latest count on or before it (0 before its first count).
    """
    query = base_query(page_filter, Page.id)
    # The query's WHERE is compiled by peewee; its parameters go first.
    sql, params = query.sql()
    rows = db.execute_sql(
        "SELECT s.id, coalesce((SELECT c.count FROM subscriber_count c WHERE c.page_id = s.id"
        " AND c.date <= ? ORDER BY c.date DESC LIMIT 1), 0),"
        " coalesce((SELECT c.count FROM subscriber_count c WHERE c.page_id = s.id"
        " AND c.date <= ? ORDER BY c.date DESC LIMIT 1), 0)"
        f" FROM ({sql}) s",
        [first_day.isoformat(), last_day.isoformat(), *params],
    ).fetchall()
    changed = [row for row in rows if row[1] != row[2]]
    up = sorted((r for r in changed if r[2] > r[1]), key=lambda r: (r[1] - r[2], r[0]))[:limit]
    down = sorted((r for r in changed if r[2] < r[1]), key=lambda r: (r[2] - r[1], r[0]))[:limit]
    return _describe(up), _describe(down)


def _describe(rows: list[tuple[int, int, int]]) -> list[Mover]:
    if not rows:
        return []
    ids = [row[0] for row in rows]
    info = {
        pid: (org, territory, network, url)
        for pid, org, territory, network, url in db.execute_sql(
            "SELECT p.id, o.full_name, t.name, p.network, p.url FROM page p"
            " JOIN organization o ON o.id = p.organization_id"
            " JOIN territory t ON t.id = p.territory_id"
            f" WHERE p.id IN ({', '.join('?' * len(ids))})",
            ids,
        )
    }
    return [Mover(pid, *info[pid], start, end) for pid, start, end in rows if pid in info]


# --- the dashboard ----------------------------------------------------------------------------


@dataclass
class Dashboard:
    """What the dashboard draws for a scope and period (computed in a worker thread)."""

    first: str
    last: str
    series: Series
    by_sphere: dict[str, int] = field(default_factory=dict)
    grew: list[Mover] = field(default_factory=list)
    fell: list[Mover] = field(default_factory=list)
    with_movers: bool = False


def pages_by_sphere(page_filter: PageFilter) -> dict[str, int]:
    """Live pages per sphere 1 of their organisation (the tally for a simple filter)."""
    from editor.core import rollup
    from editor.db.models import Organization, Sphere

    if page_filter == PageFilter(territory_id=page_filter.territory_id):
        return dict(rollup.stats(page_filter.territory_id, with_territories=False).by_sphere)
    names = dict(Sphere.select(Sphere.id, Sphere.name).tuples())
    query = (
        base_query(page_filter, Organization.sphere1, fn.COUNT(Page.id), join_organization=True)
        .group_by(Organization.sphere1)
        .tuples()
    )
    return {names[sphere]: count for sphere, count in query if sphere in names}


def dashboard(
    page_filter: PageFilter,
    period: tuple[str | None, str | None] = (None, None),
    *,
    with_movers: bool = True,
    limit: int = 10,
    progress=None,
    is_cancelled=None,
) -> Dashboard:
    """The dashboard's figures: month series, pages by sphere, and (optionally) the movers."""
    first, last = period
    if first is None or last is None:
        default_first, default_last = default_period(page_filter)
        first, last = first or default_first, last or default_last
    check_period(first, last)
    result = Dashboard(first, last, month_series(page_filter, first, last))
    result.by_sphere = pages_by_sphere(page_filter)
    if with_movers:
        # As the report's «Изменение за период»: from the first month's end to the last's.
        result.grew, result.fell = movers(page_filter, month_end(first), month_end(last), limit)
        result.with_movers = True
    return result
