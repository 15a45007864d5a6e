"""Subscriber dynamics: the dated tally stays equal to a recomputation from the count histories,
and month totals, totals on a date and movers agree with a brute-force computation."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest

from editor.core import dynamics, records, territories
from editor.core.search import PageFilter
from editor.db.models import db
from tests.test_tally import OPERATIONS, Catalogue


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


def _stored() -> set[tuple]:
    rows = db.execute_sql("SELECT * FROM dynamics_day").fetchall()
    # The catalogue's total per network and day follows the territories' rows.
    totals = db.execute_sql("SELECT * FROM dynamics_total").fetchall()
    grouped: dict[tuple, list[int]] = defaultdict(lambda: [0] * 5)
    for _territory, network, day, *values in rows:
        grouped[(network, day)] = [
            a + b for a, b in zip(grouped[(network, day)], values, strict=True)
        ]
    assert {r for r in totals if any(r[2:])} == {(*k, *v) for k, v in grouped.items() if any(v)}
    return {row for row in rows if any(row[3:])}


def _histories() -> dict[int, tuple[tuple, list[tuple[str, int]]]]:
    """Live page → ((territory, network, gosmark, connected, widgets), sorted counts)."""
    pages = {
        pid: rest
        for pid, *rest in db.execute_sql(
            "SELECT id, territory_id, network, gosmark, connected, widgets FROM page"
            " WHERE deleted_at IS NULL"
        )
    }
    counts: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for pid, day, count in db.execute_sql("SELECT page_id, date, count FROM subscriber_count"):
        if pid in pages:
            counts[pid].append((day, count))
    return {pid: (tuple(pages[pid]), sorted(counts[pid])) for pid in pages}


def _expected() -> set[tuple]:
    cells: dict[tuple, list[int]] = defaultdict(lambda: [0] * 5)
    for (territory, network, gosmark, connected, widgets), history in _histories().values():
        previous = 0
        for index, (day, count) in enumerate(history):
            cell = cells[(territory, network, day)]
            cell[0] += count - previous
            previous = count
            if index == 0:
                cell[1] += 1
                cell[2] += gosmark == 1
                cell[3] += connected == 1
                cell[4] += (widgets or 0) > 0
    return {(*key, *values) for key, values in cells.items() if any(values)}


def _brute_total(scope: set[int] | None, day: str) -> int:
    """Sum over live pages of the latest count dated on or before `day`."""
    total = 0
    for (territory, *_), history in _histories().values():
        if scope is not None and territory not in scope:
            continue
        before = [count for date, count in history if date <= day]
        total += before[-1] if before else 0
    return total


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_random_operations_keep_the_dated_tally_exact(catalogue, tmp_path, seed):
    rng = random.Random(seed)
    state = Catalogue(rng, tmp_path)
    names, weights = zip(*OPERATIONS, strict=True)
    weights = [w * (6 if n == "counts" else 1) for n, w in zip(names, weights, strict=True)]
    done = []
    for _ in range(90):
        done.append(rng.choices(names, weights)[0])
        getattr(state, done[-1])()
        assert _stored() == _expected(), done[-3:]
    assert db.execute_sql("SELECT count(*) FROM subscriber_count").fetchone()[0] > 5
    # Month-end totals and totals on a day against the brute force, for a few scopes.
    first, last = "2023-01", "2025-12"
    for scope_id in state.scopes:
        page_filter = PageFilter(territory_id=scope_id)
        scope = None if scope_id is None else set(territories.subtree_ids(scope_id))
        series = dynamics.month_series(page_filter, first, last)
        expected = [
            _brute_total(scope, dynamics.month_end(month).isoformat()) for month in series.months
        ]
        assert series.subscribers == expected
        assert [sum(column) for column in zip(*series.by_network.values(), strict=True)] == (
            expected if series.by_network else []
        )
        for day in ("2023-03-15", "2024-06-30", "2025-09-01"):
            totals = dynamics.totals_on(page_filter, dt.date.fromisoformat(day))
            assert totals.subscribers == _brute_total(scope, day)


def test_a_filtered_scope_is_computed_from_the_histories(catalogue):
    region = territories.resolve("37000000").id
    org = records.create_organization(region, {"full_name": "Школа № 1"})
    vk = records.create_page(org.id, {"url": "https://vk.com/school1"}).id
    ok = records.create_page(org.id, {"url": "https://ok.ru/group/77", "gosmark": True}).id
    for page, values in ((vk, (100, 150, 90)), (ok, (10, 20, 40))):
        for month, count in zip((1, 2, 3), values, strict=True):
            records.set_count(page, dt.date(2025, month, 10), count)
    simple = dynamics.month_series(PageFilter(territory_id=region), "2024-12", "2025-03")
    assert simple.subscribers == [0, 110, 170, 130]
    assert simple.by_network == {"vk": [0, 100, 150, 90], "ok": [0, 10, 20, 40]}
    assert simple.pages == [0, 2, 2, 2] and simple.gosmark == [0, 1, 1, 1]
    assert simple.share("gosmark") == [None, 50.0, 50.0, 50.0]
    # A text filter is not in the tally: the same figures come from the pages' own counts.
    narrowed = PageFilter(territory_id=region, no_gosmark=True)
    assert not dynamics.is_simple(narrowed)
    series = dynamics.month_series(narrowed, "2025-01", "2025-03")
    assert series.subscribers == [100, 150, 90]
    assert dynamics.totals_on(narrowed, dt.date(2025, 2, 9)).subscribers == 100
    # Trash takes the page out of every month; restoring brings its history back.
    records.delete_pages([vk])
    assert dynamics.month_series(PageFilter(), "2025-03", "2025-03").subscribers == [40]
    records.restore_pages([vk])
    assert dynamics.month_series(PageFilter(), "2025-03", "2025-03").subscribers == [130]
    grew, fell = dynamics.movers(PageFilter(), dt.date(2025, 1, 31), dt.date(2025, 3, 31))
    assert [(m.page_id, m.change) for m in grew] == [(ok, 30)]
    assert [(m.page_id, m.change) for m in fell] == [(vk, -10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025-02-28", dt.date(2025, 2, 28)), ("28.02.2025", dt.date(2025, 2, 28))],
)
def test_dates_in_both_forms(text, expected):
    assert dynamics.parse_day(text) == expected


@pytest.mark.parametrize("text", ["2025-02-30", "31.13.2025", "вчера", "2025/02/01", ""])
def test_a_date_that_is_none_is_refused(text):
    with pytest.raises(dynamics.DynamicsError):
        dynamics.parse_day(text)


@pytest.mark.parametrize("text", ["2023-13", "2023-00", "23-01", "2023-1"])
def test_a_month_that_is_none_is_refused(text):
    with pytest.raises(dynamics.DynamicsError):
        dynamics.parse_month(text)


def test_month_helpers():
    assert dynamics.month_end("2024-02") == dt.date(2024, 2, 29)
    assert dynamics.month_end("2024-12") == dt.date(2024, 12, 31)
    assert dynamics.months_between("2024-11", "2025-02") == [
        "2024-11",
        "2024-12",
        "2025-01",
        "2025-02",
    ]
    with pytest.raises(dynamics.DynamicsError):
        dynamics.check_period("2025-03", "2025-01")


def test_check_reports_a_dated_tally_that_disagrees_with_the_counts(catalogue):
    from editor.core.integrity import check_catalogue

    region = territories.resolve("37000000").id
    org = records.create_organization(region, {"full_name": "Администрация"})
    page = records.create_page(org.id, {"url": "https://vk.com/adm"}).id
    records.set_count(page, dt.date(2025, 1, 10), 100)
    assert check_catalogue().ok
    db.execute_sql("UPDATE dynamics_day SET subscribers = subscribers + 1")
    assert check_catalogue().problems == [
        "Территорий, у которых сводные счётчики расходятся с пересчётом: 1"
    ]
