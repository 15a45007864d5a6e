"""The import hot path on a server catalogue (issue 17, item 7): the 300,000-row workbook of
`bench_import` imported into a copy of the benchmark catalogue on the throwaway server, against
openpyxl's bare reading of the same file, each side in a fresh process.

Run the server side alone: ``python -m bench.server_import URL FILE.xlsx``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench import bench_import, server_paths
from bench.framework import Context, peak_rss_kb

RATIO_TARGET = bench_import.RATIO_TARGET
RSS_LIMIT_MB = bench_import.RSS_LIMIT_MB


def setup(ctx: Context) -> None:
    """The workbook (cached beside the catalogue) and the server holding the catalogue."""
    ctx.state["file"] = bench_import.import_file(ctx)
    server_paths.load(ctx)


def ratio(ctx: Context) -> str:
    """Import into a fresh copy of the server catalogue / openpyxl read_only iteration."""
    path = ctx.state.get("file") or bench_import.import_file(ctx)
    url = server_paths.writable_copy(ctx)
    bare = bench_import._side(ctx, "openpyxl", path)  # noqa: SLF001 - the same baseline
    done = subprocess.run(
        [sys.executable, "-m", "bench.server_import", url, str(path)],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    if done.returncode != 0:
        raise AssertionError((done.stderr or done.stdout).strip().splitlines()[-1:])
    ours = json.loads(done.stdout.strip().splitlines()[-1])
    if ours["rows"] != bare["rows"] - 2:  # openpyxl also yields the title and header rows
        raise AssertionError(f"rows differ: ours {ours['rows']}, openpyxl {bare['rows']}")
    if ours["stale"]:
        raise AssertionError(f"the catalogue does not check: {ours['stale']}")
    result = ours["seconds"] / bare["seconds"]
    rss = ours["rss_mb"] + ours["reader_rss_mb"]
    note = (
        f"ratio {result:.2f}: import {ours['seconds']:.1f} s (CPU here {ours['cpu']:.1f} s"
        f" + reader process {ours['reader_cpu']:.1f} s; the server's own CPU not counted),"
        f" peak RSS {rss:.0f} MB; openpyxl read_only {bare['seconds']:.1f} s;"
        f" {ours['rows']:,} rows: {ours['new']:,} new, {ours['updated']:,} updated,"
        f" {ours['rejected']:,} rejected; tallies, dated tally included, exact"
    )
    if result > RATIO_TARGET or rss > RSS_LIMIT_MB:
        raise AssertionError(f"over the target: {note}")
    return note


def import_into(url: str, path: Path) -> dict:
    """Our import of the file into the server catalogue at `url`, then the tallies checked."""
    from editor.core.integrity import check_catalogue
    from editor.db.database import close_catalogue, open_catalogue
    from editor.exchange.importing.engine import ImportOptions, run_import
    from editor.exchange.importing.feed import last_reader

    open_catalogue(url)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = run_import([path], ImportOptions(row_limit=0, detail_limit=1000))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        stale = check_catalogue().problems  # untimed: the tallies against the records
    finally:
        close_catalogue()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "reader_cpu": last_reader.get("cpu_seconds", 0.0),
        "reader_rss_mb": last_reader.get("peak_rss_kb", 0) / 1024,
        "rows": report.rows,
        "new": report.new,
        "updated": report.updated,
        "rejected": report.rejected,
        "stale": stale,
    }


def main(argv: list[str]) -> int:
    result = import_into(argv[0], Path(argv[1]))
    result["rss_mb"] = peak_rss_kb() / 1024
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
