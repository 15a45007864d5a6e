"""The hot paths on a team catalogue on PostgreSQL (issue 17): core, import and the window,
against the file targets (`python -m bench --only pg:`).

The generated catalogue is copied to a throwaway local server first (see server_paths). Without
a server the module has one case that reports why it skipped.
"""

from __future__ import annotations

from bench import server_gui, server_import, server_paths
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
        Case(
            "pg: import: spreadsheet of --pages rows / openpyxl read_only iteration",
            None,
            server_import.ratio,
            repeat=1,
            target_text=f"ratio ≤ {server_import.RATIO_TARGET}, ≤ {server_import.RSS_LIMIT_MB} MB",
            setup=server_import.setup,
        ),
    ]
    _GUI = server_gui.paths()

    def _gui(name: str, label: str, target: float, repeat: int = 5, **extra) -> Case:
        setup, run = _GUI[name]
        return Case(f"pg: gui: {label}", target, run, repeat=repeat, setup=setup, **extra)

    CASES += [
        _gui(
            "startup",
            "start-up to tree and first rows",
            2.0,
            repeat=3,
            target_text="≤ 2 s from process start",
        ),
        _gui("select_root", "select Российская Федерация → first rows", 0.5),
        _gui("quick_filter", "quick-filter keystroke → updated table", 0.3),
    ]
