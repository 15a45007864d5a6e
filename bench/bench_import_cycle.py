"""A month of imports as a ЦУР lives it: a registry imported, the same file again, next month's.

A 9-column registry of 60,000 or 300,000 rows is imported into a catalogue holding Russia's
municipalities (the benchmark catalogue's territories, no records): first into the empty
catalogue, then the same file again (every row unchanged), then next month's file (a newer date,
10 % of the counts changed). Each import is timed as a whole `main.py import` process against
openpyxl's bare read of the same file (`load_workbook(read_only=True)` iterating the rows), for a
workbook with inline strings (as openpyxl writes) and one with shared strings (as Excel and
LibreOffice save). Target: every import ≤ 0.3 × the bare read, the largest process ≤ 400 MB.

Files and the municipal catalogue are built once (untimed) and cached beside the catalogue.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from bench.framework import Case, Context

RATIO_TARGET = 0.3
RSS_LIMIT_MB = 400
FILE_VERSION = 1
CHANGED_SHARE = 0.1
ROOT = Path(__file__).resolve().parents[1]
HEADERS = (
    "Код ОКТМО", "Территория", "Организация", "ОГРН", "Сфера 1", "Соцсеть", "Ссылка", "Статус",
    "Подписчики",
)  # fmt: skip
_KINDS = (
    ("МБОУ «Средняя общеобразовательная школа № {n}»", "Школы"),
    ("МБДОУ «Детский сад № {n}»", "Детские сады"),
    ("МБУК «Дом культуры № {n}»", "Дома культуры"),
    ("МБУК «Библиотека № {n}»", "Библиотеки"),
    ("МБУ ДО «Спортивная школа № {n}»", "Спорт"),
)
_STATUSES = ("активный", "визитка", "флагманский")
_MONTHS = ("01.11.2025", "01.12.2025")


def _folder(ctx: Context) -> Path:
    folder = Path(getattr(ctx.args, "cache_dir", None) or ctx.workdir)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def municipal_catalogue(ctx: Context) -> Path:
    """A catalogue with the benchmark catalogue's municipalities and no records (cached)."""
    path = _folder(ctx) / f"municipal-{ctx.catalogue.stem}.gpc"
    if path.exists():
        return path
    temporary = path.with_name(path.name + ".tmp")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(ctx.catalogue, temporary)
    connection = sqlite3.connect(temporary)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        for table in ("subscriber_count", "change", "page", "organization", "import_batch"):
            connection.execute(f"DELETE FROM {table}")
        for table in ("tally_network", "tally_sphere", "tally_territory"):
            connection.execute(f"DELETE FROM {table}")
        connection.commit()
        connection.execute("VACUUM")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    os.replace(temporary, path)
    return path


def _rows(catalogue: Path, count: int, month: int) -> list[list[object]]:
    connection = sqlite3.connect(f"{catalogue.resolve().as_uri()}?mode=ro", uri=True)
    try:
        places = connection.execute(
            "SELECT oktmo, name FROM territory WHERE level = 3 AND oktmo IS NOT NULL ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    rng = random.Random(16)
    changed = random.Random(17 + month)
    rows: list[list[object]] = []
    for number in range(count):
        oktmo, place = places[number % len(places)]
        template, sphere = _KINDS[number % len(_KINDS)]
        followers = rng.randint(0, 40000)
        if month and changed.random() < CHANGED_SHARE:
            followers += changed.randint(1, 500)
        base = 1_249_900_000_000 // 10 + number
        rows.append([
            oktmo, place, f"{template.format(n=number + 1)} {place}", f"{base}{base % 11 % 10}",
            sphere, "ВКонтакте", f"https://vk.com/cycle_{number}", rng.choice(_STATUSES),
            followers,
        ])  # fmt: skip
    return rows


def _write_inline(path: Path, title: str, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Реестр")
    sheet.append([title])
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    book.save(path)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _write_shared(path: Path, title: str, rows: list[list[object]]) -> None:
    """An .xlsx laid out as Excel and LibreOffice save it: text in the shared strings table."""
    strings: dict[str, int] = {}
    order: list[str] = []
    parts: list[str] = []

    def text_cell(ref: str, value: str) -> str:
        index = strings.get(value)
        if index is None:
            index = strings[value] = len(order)
            order.append(value)
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    letters = [chr(65 + i) for i in range(len(HEADERS))]
    for number, row in enumerate([[title], list(HEADERS), *rows], 1):
        cells = []
        for letter, value in zip(letters, row, strict=False):
            ref = f"{letter}{number}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value is not None:
                cells.append(text_cell(ref, str(value)))
        parts.append(f'<row r="{number}">{"".join(cells)}</row>')
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN}"'
        f' xmlns:r="{_RELS}"><dimension ref="A1:I{len(rows) + 2}"/><sheetData>'
        + "".join(parts)
        + '</sheetData><mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells></worksheet>'
    )
    shared = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{_MAIN}"'
        f' count="{len(order)}" uniqueCount="{len(order)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in order)
        + "</sst>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_TYPES}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPE}.'
            'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="'
            f'{_SHEET_TYPE}.sharedStrings+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_RELS}">'
            '<sheets><sheet name="Реестр" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", shared)


def registry_files(ctx: Context, count: int, kind: str) -> tuple[Path, Path]:
    """This month's and next month's registry of `count` rows, `kind` "inline" or "shared"."""
    catalogue = municipal_catalogue(ctx)
    paths = []
    for month, date in enumerate(_MONTHS):
        path = _folder(ctx) / f"cycle-{count}-{kind}-m{month}-f{FILE_VERSION}.xlsx"
        if not path.exists():
            partial = path.with_name(path.name + ".partial")
            writer = _write_inline if kind == "inline" else _write_shared
            writer(partial, f"Реестр госпабликов на {date}", _rows(catalogue, count, month))
            partial.replace(path)
        paths.append(path)
    return paths[0], paths[1]


# Runs a command and reports on its last line of stderr the peak RSS (KiB) of the command or of
# any process it waited for (its reader process): the kernel keeps the maximum for us.
_WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]);"
    " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr);"
    " sys.exit(code)"
)


def _timed(command: list[str]) -> tuple[float, float, str]:
    """A command's wall seconds (the wrapper's start-up is under 20 ms), peak RSS (MB), output."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise AssertionError(f"{command[1:3]}: {done.stderr.strip().splitlines()[-2:]}")
    rss = int(done.stderr.strip().splitlines()[-1]) / 1024
    return seconds, rss, done.stdout


def _bare(path: Path) -> float:
    """openpyxl's bare read of the file, in a process of its own."""
    _, _, out = _timed([sys.executable, "-m", "bench.bench_import", "openpyxl", "-", str(path)])
    return json.loads(out.strip().splitlines()[-1])["seconds"]


def _import(catalogue: Path, path: Path) -> tuple[float, float, dict]:
    seconds, rss, out = _timed(
        [sys.executable, "main.py", "import", str(catalogue), str(path), "--json"]
    )
    return seconds, rss, json.loads(out)


def _cycle(ctx: Context, count: int, kind: str) -> str:
    first, following = registry_files(ctx, count, kind)
    target = ctx.workdir / f"cycle-{count}-{kind}.gpc"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(municipal_catalogue(ctx), target)
    bare = _bare(first)
    results = []
    try:
        for label, path in (("first", first), ("same", first), ("next month", following)):
            seconds, rss, report = _import(target, path)
            accounted = sum(report[k] for k in ("new", "updated", "unchanged", "rejected"))
            if report["rows"] != count or accounted != count or report["rejected"]:
                raise AssertionError(f"{label}: {report}")
            results.append((label, seconds, rss, report))
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(ctx.workdir / "backups", ignore_errors=True)
    if results[0][3]["new"] != count or results[1][3]["unchanged"] != count:
        raise AssertionError(f"unexpected accounting: {[r[3] for r in results]}")
    rss = max(r[2] for r in results)
    ratios = [seconds / bare for _, seconds, _, _ in results]
    note = (
        f"openpyxl {bare:.1f} s; "
        + "; ".join(
            f"{label} {seconds:.1f} s ({ratio:.2f})"
            for (label, seconds, _, _), ratio in zip(results, ratios, strict=True)
        )
        + f"; peak RSS {rss:.0f} MB; next month updated {results[2][3]['updated']:,}"
    )
    if max(ratios) > RATIO_TARGET or rss > RSS_LIMIT_MB:
        raise AssertionError(f"over the target: {note}")
    return note


def _case(count: int, kind: str) -> Case:
    return Case(
        f"import cycle: {count // 1000}k rows, {kind} strings (first / same / next month)",
        None,
        lambda ctx: _cycle(ctx, count, kind),
        repeat=1,
        target_text=f"each ≤ {RATIO_TARGET} × openpyxl, ≤ {RSS_LIMIT_MB} MB",
        setup=lambda ctx: registry_files(ctx, count, kind),
    )


CASES = [_case(count, kind) for count in (60_000, 300_000) for kind in ("inline", "shared")]
