"""Core hot paths of the catalogue (issue 2): roll-ups, quick search, stats and check.

Targets are for the nationwide catalogue on the reference 2-core machine.
"""

from __future__ import annotations

from bench import core_paths as paths
from bench.framework import Case

CASES = [
    Case("roll-up: whole tree (tree_totals)", 0.1, paths.tree_totals, setup=paths.prepare_totals),
    Case(
        "roll-up: one region (stats, no territories)",
        0.005,
        paths.region_stats,
        repeat=20,
        setup=paths.prepare_region,
    ),
    Case("search «школа»: count_and_total", 0.15, paths.search_count, setup=paths.prepare_search),
    Case("search «школа»: ordered_ids", 0.15, paths.search_ids, setup=paths.prepare_search),
    Case(
        "search «школа»: first after a change",
        None,
        paths.search_cold,
        repeat=3,
        setup=paths.prepare_search,
    ),
    Case("stats: whole catalogue", None, paths.whole_stats, repeat=3, setup=paths.prepare_totals),
    Case("check: whole catalogue", None, paths.check, repeat=1, setup=paths.open_for_reading),
]
