"""Classifier load (issue 12, item 7): a nationwide classifier previewed and applied.

Two files are generated from the benchmark catalogue (untimed, cached beside it): a «code;name»
table of every coded municipality and settlement (~2,600 and ~17,000), and a versioned
municipality list where every municipal district whose okrug code is free became a municipal
okrug in 2023 (a new code, the same territory_id), the reform Kurgan region went through. The
preview is the load's dry run (target ≤ 3 s); applying it moves the districts' pages,
organisations and settlements to the new okrugs on a fresh copy of the 300k-page catalogue
(target ≤ 10 s).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from bench.framework import Case, Context

FILE_VERSION = 1
PREVIEW_TARGET = 3.0
APPLY_TARGET = 10.0
HEADER = (
    "oktmo", "municipal_district_name", "municipal_district_type", "year_from", "year_to",
    "territory_id", "region_code",
)  # fmt: skip


def classifier_files(ctx: Context) -> list[Path]:
    """The generated table and municipality list for this catalogue (built once, cached)."""
    folder = Path(getattr(ctx.args, "cache_dir", None) or ctx.workdir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"classifier-{ctx.catalogue.stem}-f{FILE_VERSION}"
    table, municipalities = folder / f"{stem}-table.csv", folder / f"{stem}-list.csv"
    if not (table.exists() and municipalities.exists()):
        write_files(ctx.catalogue, table, municipalities)
    return [table, municipalities]


def write_files(catalogue: Path, table: Path, municipalities: Path) -> int:
    """Write both files; return the number of districts the list turns into okrugs."""
    connection = sqlite3.connect(f"{catalogue.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT level, oktmo, name, kind FROM territory WHERE oktmo IS NOT NULL"
            " AND custom = 0 AND level IN (3, 4) ORDER BY oktmo"
        ).fetchall()
    finally:
        connection.close()
    codes = {code for _level, code, _name, _kind in rows}
    table_lines = ["ОКТМО;Наименование"]
    list_lines = [";".join(HEADER)]
    transformed = 0
    for number, (level, code, name, kind) in enumerate(rows, 1):
        if level == 4:
            table_lines.append(f"{code};{name}")
            continue
        okrug = code[:2] + "5" + code[3:]
        if code[2] == "6" and okrug not in codes:
            codes.add(okrug)
            transformed += 1
            new_name = name.replace("муниципальный район", "муниципальный округ")
            list_lines.append(f"{code};{name};{kind};2018;2023;{number};{code[:2]}")
            list_lines.append(
                f"{okrug};{new_name};муниципальный округ;2023;9999;{number};{code[:2]}"
            )
        else:
            list_lines.append(f"{code};{name};{kind};2018;9999;{number};{code[:2]}")
    table.write_text("\n".join(table_lines) + "\n", encoding="utf-8")
    municipalities.write_text("\n".join(list_lines) + "\n", encoding="utf-8")
    return transformed


def _open_copy(ctx: Context, name: str) -> None:
    from editor.db.database import close_catalogue, open_catalogue

    close_catalogue()
    target = ctx.workdir / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(ctx.catalogue, target)
    open_catalogue(target)


def _preview_setup(ctx: Context) -> None:
    ctx.state["files"] = classifier_files(ctx)
    _open_copy(ctx, "classifier-preview.gpc")


def _preview(ctx: Context) -> str:
    from editor.exchange.classifiers.load import load_files

    result = load_files(ctx.state["files"], dry_run=True)
    if not result.transformed:
        raise AssertionError("the preview found no transformation")
    return (
        f"{result.created:,} new, {len(result.transformed):,} transformed"
        f" ({sum(t.pages for t in result.transformed):,} pages move),"
        f" {result.unchanged:,} unchanged"
    )


def _apply_setup(ctx: Context) -> None:
    ctx.state["files"] = classifier_files(ctx)
    _open_copy(ctx, "classifier-apply.gpc")


def _apply(ctx: Context) -> str:
    from editor.db.models import db
    from editor.exchange.classifiers.load import load_files

    result = load_files(ctx.state["files"])
    moved = sum(t.pages for t in result.transformed)
    left = db.execute_sql(
        "SELECT count(*) FROM territory WHERE oktmo IN (SELECT value FROM json_each(?))",
        ("[" + ",".join(f'"{t.old_code}"' for t in result.transformed) + "]",),
    ).fetchone()[0]
    if not result.transformed or left:
        raise AssertionError(f"{len(result.transformed)} transformed, {left} old units left")
    return f"{len(result.transformed):,} districts → okrugs, {moved:,} pages moved"


CASES = [
    Case(
        "classifier: preview of a nationwide classifier (dry run)",
        PREVIEW_TARGET,
        _preview,
        repeat=3,
        setup=_preview_setup,
    ),
    Case(
        "classifier: apply the nationwide reform to the catalogue",
        APPLY_TARGET,
        _apply,
        repeat=1,
        setup=_apply_setup,
    ),
]
