"""The core hot paths on a team catalogue on PostgreSQL (issue 17), against the file targets
(`python -m bench --only pg:`).

The generated catalogue is copied to a throwaway local server first (see server_paths). Without
a server the module has one case that reports why it skipped.
"""

from __future__ import annotations

from bench import server_paths
from bench.framework import Case

_REASON = server_paths.skip_reason()


def _skipped(ctx) -> str:
    return f"skipped: {_REASON}"


if _REASON:
    CASES = [Case("pg: PostgreSQL cases", None, _skipped, repeat=1)]
else:
    _PATHS = server_paths.paths()

    def _case(name: str, label: str, target: float | None, repeat: int = 5) -> Case:
        setup, run = _PATHS[name]
        return Case(f"pg: {label}", target, run, repeat=repeat, setup=setup)

    CASES = [
        # Named apart from the file cases, so that `--only` picks either set alone.
        _case("tree_totals", "tree totals (tree_totals)", 0.1),
        _case("region_stats", "one subject's figures (stats, no territories)", 0.005, repeat=20),
        _case("search_count", "quick search «школа», count_and_total", 0.15),
        _case("search_ids", "quick search «школа», ordered_ids", 0.15),
        _case("whole_stats", "figures of the whole catalogue", None, repeat=3),
        _case("check", "integrity of the whole catalogue", None, repeat=1),
    ]
