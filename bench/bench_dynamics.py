"""Subscriber dynamics at the nationwide scale (3.6 million dated counts): the dashboard of the
whole country, the dynamics report of the whole country, `stats --as-of`.

The cross-checks are plain SQL over the pages and their counts, computed untimed in setup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

from bench.framework import Case, Context
from editor.core import dynamics
from editor.core.search import PageFilter
from editor.db.database import open_catalogue
from editor.db.models import Territory, db

AS_OF = dt.date(2025, 6, 30)


def _open(ctx: Context) -> None:
    if "dyn_opened" not in ctx.state:
        open_catalogue(ctx.catalogue)
        ctx.state["dyn_opened"] = True
        root = Territory.get(Territory.parent.is_null())
        ctx.state["dyn_root"] = root.id
        # The latest count of every page is its current figure (bench.generate), so the last
        # month of the series must be the sum of the live pages' subscribers.
        ctx.state["dyn_current"] = db.execute_sql(
            "SELECT total(subscribers) FROM page WHERE deleted_at IS NULL"
        ).fetchone()[0]


def prepare_as_of(ctx: Context) -> None:
    """Setup: the as-of total computed straight from the counts, page by page."""
    _open(ctx)
    ctx.state["dyn_as_of"] = db.execute_sql(
        "SELECT total((SELECT c.count FROM subscriber_count c WHERE c.page_id = p.id"
        " AND c.date <= ? ORDER BY c.date DESC LIMIT 1)) FROM page p WHERE p.deleted_at IS NULL",
        (AS_OF.isoformat(),),
    ).fetchone()[0]


def dashboard_country(ctx: Context) -> str:
    """What the dashboard draws when «Российская Федерация» is selected (charts, no movers)."""
    data = dynamics.dashboard(PageFilter(territory_id=ctx.state["dyn_root"]), with_movers=False)
    last = data.series.subscribers[-1]
    if last != ctx.state["dyn_current"]:
        raise AssertionError(f"last month {last} != live pages' subscribers")
    return f"{data.first}..{data.last}: {last} subscribers, {len(data.by_sphere)} spheres"


def movers_country(ctx: Context) -> str:
    """The dashboard's second pass: the pages that grew and fell most, whole country."""
    data = dynamics.dashboard(PageFilter(territory_id=ctx.state["dyn_root"]), with_movers=True)
    return (
        f"top grower +{data.grew[0].change}, top faller {data.fell[0].change if data.fell else 0}"
    )


def report_country(ctx: Context) -> str:
    """`export --report dynamics` of the whole catalogue (12 months, every territory row)."""
    from editor.exchange.reports.export import export_report

    result = export_report(ctx.workdir / "dynamics.xlsx", "dynamics", force=True)
    return f"{result.rows} rows"


def stats_as_of(ctx: Context) -> str:
    """`main.py stats CATALOGUE --as-of 2025-06-30 --json`, in process (opening included)."""
    from editor.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["stats", str(ctx.catalogue), "--as-of", AS_OF.isoformat(), "--json"])
    found = json.loads(out.getvalue())["subscribers"]
    if status != 0 or found != ctx.state["dyn_as_of"]:
        raise AssertionError(f"stats --as-of says {found}, the counts {ctx.state['dyn_as_of']}")
    return f"{found} subscribers on {AS_OF}"


CASES = [
    Case("dynamics: dashboard of Российская Федерация", 0.5, dashboard_country, setup=_open),
    Case("dynamics: movers of Российская Федерация", None, movers_country, repeat=3, setup=_open),
    Case("dynamics: report of the whole country", 5.0, report_country, repeat=3, setup=_open),
    Case("dynamics: stats --as-of", 1.0, stats_as_of, setup=prepare_as_of),
]
