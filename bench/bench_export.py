"""Export hot paths (issue 5, item 8): the nationwide registry against openpyxl's bare write.

The registry of the whole generated catalogue (300,000 pages) is written twice, each in a fresh
process so that peak memory is the export's own: by our exporter (styled: header, frozen pane,
autofilter, widths, number and date formats) and by openpyxl ``write_only`` with the very same
rows from the same queries but no styling at all. The case reports the ratio (target ≤ 1.0) and
our peak RSS (target ≤ 400 MB). The aggregate reports are timed for information.

Run a side alone: ``python -m bench.bench_export ours|openpyxl CATALOGUE OUT.xlsx``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.framework import Case, Context, peak_rss_kb

RSS_LIMIT_MB = 400


def _ratio(ctx: Context) -> str:
    ours = _side(ctx, "ours")
    bare = _side(ctx, "openpyxl")
    if ours["rows"] != bare["rows"]:
        raise AssertionError(f"rows differ: ours {ours['rows']}, openpyxl {bare['rows']}")
    ratio = ours["seconds"] / bare["seconds"]
    note = (
        f"ratio {ratio:.2f}: ours {ours['seconds']:.1f} s, peak RSS {ours['rss_mb']:.0f} MB; "
        f"openpyxl bare {bare['seconds']:.1f} s, {bare['rss_mb']:.0f} MB; "
        f"{ours['rows']:,} rows, {ours['size_mb']:.0f} MB vs {bare['size_mb']:.0f} MB"
    )
    if ratio > 1.0 or ours["rss_mb"] > RSS_LIMIT_MB:
        raise AssertionError(f"over the target: {note}")
    return note


def _side(ctx: Context, side: str) -> dict:
    out = ctx.workdir / f"registry-{side}.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_export", side, str(ctx.catalogue), str(out)],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if done.returncode != 0:
        raise AssertionError(f"{side}: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    return result


def _report(name: str):
    def run(ctx: Context) -> str:
        from editor.db.database import open_catalogue
        from editor.exchange.reports.export import export_report

        open_catalogue(ctx.catalogue)
        result = export_report(ctx.workdir / f"{name}.xlsx", name, force=True)
        return f"{result.rows:,} rows"

    return run


CASES = [
    Case(
        "export: registry 300k styled / openpyxl write_only bare",
        None,
        _ratio,
        repeat=1,
        target_text=f"ratio ≤ 1.0, ≤ {RSS_LIMIT_MB} MB",
    ),
    Case("export: summary of every territory", None, _report("summary"), repeat=1),
    Case("export: spheres pivot", None, _report("spheres"), repeat=1),
    Case("export: compliance (counts + lists)", None, _report("compliance"), repeat=1),
]


# --- the two sides, each run in its own process --------------------------------------------


def _rows(ctx):
    from editor.exchange.reports import scope as es
    from editor.exchange.reports.export import registry_row_maker

    make = registry_row_maker(ctx)
    for page, org in es.iter_records(ctx):
        yield make(page, org)


def _context():
    from editor.core.search import PageFilter
    from editor.exchange.reports import scope as es

    return es.Context(
        filter=PageFilter(), today=dt.date.today(), stale_days=180, scope_text="",
        tree=es.Tree.load(),
    )  # fmt: skip


def write_ours(out: Path) -> int:
    """The real export (styled) of the whole catalogue."""
    from editor.exchange.reports.export import export_report

    return export_report(out, "registry", force=True).rows


def write_openpyxl_bare(out: Path) -> int:
    """The same rows from the same queries, written by openpyxl write_only without any styling."""
    import openpyxl

    from editor.db.models import db
    from editor.exchange.columns import field_label
    from editor.exchange.reports.export import registry_fields

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Реестр")
    sheet.append([field_label(name) for name in registry_fields()])
    rows = 0
    with db.atomic():
        for row in _rows(_context()):
            sheet.append(row)
            rows += 1
    book.save(out)
    return rows


def main(argv: list[str]) -> int:
    """Run one side and print {seconds, rss_mb, rows, size_mb} as JSON."""
    side, catalogue, out = argv[0], Path(argv[1]), Path(argv[2])
    from editor.db.database import open_catalogue

    open_catalogue(catalogue)
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    rows = write_ours(out) if side == "ours" else write_openpyxl_bare(out)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "side": side,
                "seconds": seconds,
                "rows": rows,
                "rss_mb": peak_rss_kb() / 1024,
                "size_mb": os.path.getsize(out) / 1024**2,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
