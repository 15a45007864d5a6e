"""The rejected rows of an import as an .xlsx laid out like the input, plus a «Причина» column.

A municipality gets its own rows back with the reason next to each, corrects them and sends
the file again; the reason column has no recognised header, so re-importing ignores it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from editor.core.i18n import tr
from editor.exchange.importing.report import ImportReport, SourceFile

REASON_HEADER = "Причина"
_MAX_TEXT = 32767


def cell(sheet, value: object, *, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:_MAX_TEXT]
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # a text starting with «=» stays text, never a formula
    if bold:
        cell.font = Font(bold=True)
    return cell


def sheet_name(text: str, taken: set[str]) -> str:
    name = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip().strip("'")[:31]
    name = name or "Лист"
    base, number = name, 2
    while name in taken:
        name = f"{base[:26]} ({number})"
        number += 1
    taken.add(name)
    return name


def _reread(source: SourceFile, rows: set[int]) -> dict[int, tuple[object, ...]]:
    """The cells of some rows of an input file, read again (the report kept too many to hold)."""
    from editor.exchange.importing.engine import open_source

    found: dict[int, tuple[object, ...]] = {}
    _kind, table = open_source(Path(source.path), source.overrides)
    try:
        for row, cells in table.rows():
            if row in rows:
                found[row] = tuple(cells)
                if len(found) == len(rows):
                    break
    finally:
        table.close()
    return found


def write_rejections(report: ImportReport, path: str | Path) -> int:
    """Write the rejected rows (one sheet per input file); return how many rows were written."""
    path = Path(path)
    book = Workbook(write_only=True)
    taken: set[str] = set()
    by_file: dict[int, list] = {}
    for rejection in [*report.rejections, *report.skipped_rows]:
        by_file.setdefault(rejection.file_index, []).append(rejection)
    written = 0
    for file_index, source in enumerate(report.files):
        rejections = by_file.get(file_index, [])
        if not rejections and by_file:
            continue
        stem = Path(source.name).stem
        sheet = book.create_sheet(
            sheet_name(
                f"{stem} — {source.sheet}"
                if source.sheet and len(report.files) > 1
                else (source.sheet or stem),
                taken,
            )
        )
        width = len(source.headers)
        sheet.append([cell(sheet, h, bold=True) for h in [*source.headers, REASON_HEADER]])
        missing = {r.row for r in rejections if r.cells is None}
        reread = _reread(source, missing) if missing else {}
        for rejection in sorted(rejections, key=lambda r: r.row):
            found = (
                rejection.cells if rejection.cells is not None else reread.get(rejection.row, ())
            )
            cells = list(found[:width]) + [None] * (width - len(found))
            sheet.append([cell(sheet, v) for v in [*cells, rejection.reason]])
            written += 1
    if not report.files:
        book.create_sheet(tr("Ошибки", "import"))
    save_book(book, path)
    return written


def save_book(book: Workbook, path: Path) -> None:
    """Save a workbook under a temporary name beside `path`, then put it in place: the file is
    replaced whole, never left half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
