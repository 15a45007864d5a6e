"""Opening the spreadsheets municipalities send: file kind, safety checks, header row, data rows.

`open_table` recognises the file by its content (xlsx, xls, xlsb, ods, CSV in UTF-8/UTF-16/
windows-1251; a password-protected workbook, a zip or XML bomb are refused with a clear message), picks
the sheet and the header row under title rows, maps headers to catalogue fields and then streams
the data rows, skipping empty and totals rows. Pure Python: no Qt widgets, no database.
"""

from __future__ import annotations

import csv
import re
import weakref
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from editor.core.i18n import tr
from editor.exchange.columns import header_key, map_headers
from editor.exchange.spreadsheet.header import Header, find_header, is_numbering
from editor.exchange.spreadsheet.sniff import (
    Kind,
    ReadError,
    check_zip,
    read_error,
    sniff,
)
from editor.exchange.spreadsheet.xls_ods import KINDS as OTHER_KINDS
from editor.exchange.spreadsheet.xls_ods import CalamineOtherBook, check_size
from editor.exchange.spreadsheet.xlsx import (
    Book,
    CalamineBook,
    EngineError,
    OpenpyxlBook,
    Package,
)
from editor.exchange.spreadsheet.xlsx_fast import FastBook
from editor.exchange.spreadsheet.xlsx_stream import StreamBook

# calamine expands the whole sheet in memory: 300,000 rows × 25 cells peak at 635 MB (the
# streaming reader: 136 MB, openpyxl: 342 MB), about 1-3 bytes per byte of sheet XML. Sheets
# above this size go to the streaming readers (the regex one, then lxml as its fallback) to keep
# an import within its memory budget.
CALAMINE_MAX_SHEET_BYTES = 48 * 1024**2
# calamine expands a whole sheet even to find its header: for sheets above this size (about
# 10,000 rows) the header is found by the streaming reader, which stops after the first rows,
# and calamine is left to the one full read (`Table.bulk_engine`, the reader process's engine).
SCAN_STREAM_SHEET_BYTES = 2 * 1024**2
ENGINES = ("auto", "calamine", "openpyxl", "stream", "fast")
SCAN_ROWS = 30  # non-empty rows searched for the header on each sheet
_TOTALS = re.compile(r"(итого|всего|total)\b", re.IGNORECASE)
_TOTALS_FIRST = frozenset("ИиВвTt")


# --- CSV ---------------------------------------------------------------------------------------


class _CsvBook(Book):
    """A CSV file as a one-sheet book; values stay text (normalisation comes later)."""

    engine = "csv"

    def __init__(self, path: Path, kind: Kind) -> None:
        self.path = path
        self.kind = kind

    def sheet_names(self) -> list[str | None]:  # type: ignore[override]
        return [None]

    def rows(self, sheet, width=None) -> Iterator[tuple[int, list[object]]]:
        encoding = self.kind.encoding
        stream: IO[Any]
        if encoding == "utf-16":
            stream = self.path.open(encoding=encoding, newline="")
            lines: Iterator[str] = stream
        else:
            # Decoded line by line, so that a stray byte is reported at its own row.
            stream = self.path.open("rb")
            lines = (line.decode(encoding) for line in stream)
        with stream:
            records = csv.reader(lines, delimiter=self.kind.delimiter)
            try:
                for number, record in enumerate(records, 1):
                    if width is not None:
                        del record[width:]
                    yield number, [value.strip() or None for value in record]
            except csv.Error as error:
                if "field larger" not in str(error):
                    raise
                raise ValueError(
                    tr(
                        "ячейка длиннее {limit} знаков — похоже, незакрытая кавычка", "import"
                    ).format(limit=csv.field_size_limit())
                ) from error

    def merges(self, sheet) -> list[tuple[int, int, int]]:
        return []

    def estimated_rows(self, sheet) -> int | None:
        sample = self.kind.sample
        lines = sample.count("\n") + 1
        size = self.path.stat().st_size
        sample_bytes = max(len(sample.encode(self.kind.encoding, "replace")), 1)
        return max(lines, round(size * lines / sample_bytes))


# --- the table ------------------------------------------------------------------------------------


@dataclass
class Table:
    """An opened sheet (or CSV file): where its header is, how columns map, and its data rows."""

    path: Path
    sheet: str | None
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    estimated_rows: int | None = None
    engine: str = ""  # "calamine", "openpyxl", "stream", "fast" or "csv"
    title_rows: list[str] = field(default_factory=list)  # text of the rows above the header
    bulk_engine: str = ""  # the engine best for reading every row, when not `engine`
    _book: Book | None = field(default=None, repr=False, compare=False)
    _data_start: int = field(default=0, repr=False, compare=False)
    _zip: zipfile.ZipFile | None = field(default=None, repr=False, compare=False)
    _active: weakref.WeakSet = field(default_factory=weakref.WeakSet, repr=False, compare=False)

    def rows(self) -> Iterator[tuple[int, list[object]]]:
        """(1-based sheet row, values padded to len(headers)) for each data row, streamed.

        Empty rows, totals rows («Итого», «Всего», «Total»), the column-number row under the
        header and repeated header rows are skipped; vertically merged cells repeat their value
        down the merged rows. Each call starts from the top again.
        """
        if self._book is None:
            raise read_error(self.path, tr("файл уже закрыт", "import"), self.sheet)
        generator = self._generate(self._book)
        self._active.add(generator)
        return generator

    def _generate(self, book: Book) -> Iterator[tuple[int, list[object]]]:
        width = len(self.headers)
        start = self._data_start
        number = start - 1
        source = book.rows(self.sheet, width)  # type: ignore[arg-type]
        try:
            fills: dict[int, list[tuple[int, int]]] = {}
            for first, column, last in book.merges(self.sheet):  # type: ignore[arg-type]
                if first >= start and last > first and column < width:
                    fills.setdefault(first, []).append((column, last))
            active: list[tuple[int, int, object]] = []  # (column, last row, value)
            key_column, key_text = self._key_column()
            key_limit = 2 * len(key_text) + 16  # longer texts cannot be the header repeated
            numbering_checked = False
            for number, cells in source:
                if number < start:
                    continue
                if len(cells) < width:
                    cells.extend([None] * (width - len(cells)))
                if cells.count(None) == width:
                    continue
                # Judged on the row as written, before merged values are copied into it.
                text = next((v for v in cells if isinstance(v, str)), None)
                if active:
                    active = [a for a in active if a[1] >= number]
                    for column, _last, value in active:
                        if cells[column] is None:
                            cells[column] = value
                if number in fills:
                    active += [
                        (c, last, cells[c]) for c, last in fills[number] if cells[c] is not None
                    ]
                if not numbering_checked:
                    numbering_checked = True
                    if is_numbering(cells):
                        continue
                if text is not None and text[0] in _TOTALS_FIRST and _TOTALS.match(text):
                    continue
                value = cells[key_column] if key_column is not None else None
                if (
                    isinstance(value, str)
                    and len(value) < key_limit
                    and header_key(value) == key_text
                    and self._repeat(cells)
                ):
                    continue
                yield number, cells
        except ReadError:
            raise
        except UnicodeDecodeError as error:
            raise read_error(
                self.path,
                tr("текст не в кодировке {encoding}: сохраните файл в UTF-8", "import").format(
                    encoding=error.encoding.upper()
                ),
                self.sheet,
                number + 1,
            ) from error
        except Exception as error:
            raise read_error(
                self.path,
                tr("не удалось прочитать: {detail}", "import").format(detail=_line(error)),
                self.sheet,
                number + 1,
            ) from error
        finally:
            source.close()  # type: ignore[attr-defined]

    def _key_column(self) -> tuple[int | None, str]:
        for wanted in ("organization", "url"):
            for column, name in self.mapping.items():
                if name == wanted:
                    return column, header_key(self.headers[column])
        return None, ""

    def _repeat(self, cells: list[object]) -> bool:
        """A copy of the header inside the data (headers repeated on every printed page)."""
        same = sum(
            isinstance(cells[c], str) and header_key(cells[c]) == header_key(self.headers[c])
            for c in self.mapping
        )
        return same >= 2

    def close(self) -> None:
        """Stop any row iteration and release the file."""
        for generator in list(self._active):
            generator.close()
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
    max_uncompressed: int = 2 * 1024**3,
    engine: str = "auto",
    header_finder: Callable[..., Header | None] = find_header,
) -> Table:
    """Open an xlsx, xls, xlsb, ods or CSV file and find its header; ReadError (a Russian line) when impossible.

    `sheet` picks a sheet by name (otherwise the sheet whose header names most fields);
    `overrides` as in `columns.map_headers` (ValueError for an unknown field); `engine` forces
    an xlsx reader ("calamine", "openpyxl", "stream", "fast"), "auto" chooses by sheet size
    (calamine, or "fast" then "stream" for big sheets) and falls back to openpyxl when those
    cannot read the file. `header_finder` replaces the catalogue's header search (another
    column table, such as the training registration lists).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    map_headers([], overrides)  # validate overrides before touching the file
    path = Path(path)
    kind = sniff(path)
    if kind.kind == "catalogue":
        raise read_error(path, tr("это файл каталога, а не таблица Excel или CSV", "import"))
    if kind.kind == "csv":
        try:
            return _detect(path, _CsvBook(path, kind), sheet, overrides, header_finder)
        except EngineError as error:
            raise read_error(
                path,
                tr("не удалось прочитать: {detail}", "import").format(detail=_line(error)),
                row=error.row,
            ) from error
    if kind.kind in OTHER_KINDS:
        return _open_other(path, kind.kind, sheet, overrides, max_uncompressed)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise read_error(
            path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
        ) from error
    try:
        try:
            check_zip(path, zf, max_uncompressed)
            package = Package(zf)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise read_error(
                path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
            ) from error
        bulk = ""
        if engine == "auto":
            size = package.worksheet_bytes
            if size > CALAMINE_MAX_SHEET_BYTES:
                engines = ["fast", "stream", "openpyxl"]
            elif size > SCAN_STREAM_SHEET_BYTES:
                engines, bulk = ["fast", "stream", "calamine", "openpyxl"], "calamine"
            else:
                engines = ["calamine", "openpyxl"]
        else:
            engines = [engine]
        failure = ""
        for name in engines:
            try:
                book = open_book(path, package, name)
            except EngineError as error:
                failure = _line(error)
                continue
            try:
                table = _detect(path, book, sheet, overrides, header_finder)
            except EngineError as error:
                book.close()
                failure = _line(error)
                continue
            except BaseException:
                book.close()
                raise
            table._zip = zf
            if bulk and bulk != table.engine:
                table.bulk_engine = bulk
            return table
    except BaseException:
        zf.close()
        raise
    zf.close()
    raise read_error(
        path, tr("файл повреждён или не читается: {detail}", "import").format(detail=failure)
    )


def _open_other(path: Path, kind: str, sheet, overrides, max_uncompressed: int) -> Table:
    """An .xls, .xlsb or .ods workbook: calamine is its only reader."""
    check_size(path, kind, max_uncompressed)
    try:
        book = CalamineOtherBook(path, kind)
    except EngineError as error:
        raise read_error(
            path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
        ) from error
    try:
        return _detect(path, book, sheet, overrides)
    except EngineError as error:
        book.close()
        raise read_error(
            path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
        ) from error
    except BaseException:
        book.close()
        raise


def _line(error: BaseException) -> str:
    """An exception as a short single line for a message."""
    return (str(error).splitlines() or [type(error).__name__])[0][:200]


def _scan(book: Book, sheet: str | None) -> list[tuple[int, list[object]]]:
    """The first SCAN_ROWS non-empty rows of a sheet."""
    scanned: list[tuple[int, list[object]]] = []
    number = 0
    source = book.rows(sheet)  # type: ignore[arg-type]
    try:
        for number, cells in source:
            if any(v is not None for v in cells):
                scanned.append((number, cells))
                if len(scanned) >= SCAN_ROWS:
                    break
    except EngineError:
        raise
    except Exception as error:
        raise EngineError(_line(error), row=number + 1) from error
    finally:
        source.close()  # type: ignore[attr-defined]
    return scanned


def _detect(path: Path, book: Book, sheet: str | None, overrides, finder=find_header) -> Table:
    names = book.sheet_names()
    if sheet is not None:
        if sheet not in names:
            raise read_error(
                path,
                tr("лист «{sheet}» не найден; листы в файле: {names}", "import").format(
                    sheet=sheet, names=", ".join(f"«{n}»" for n in names)
                ),
            )
        names = [sheet]
    best: tuple[str | None, Header] | None = None
    for name in names:
        header = finder(_scan(book, name), overrides)
        if header is not None and (best is None or header.score > best[1].score):
            best = (name, header)
    if best is None:
        raise read_error(
            path,
            tr(
                "не найдена строка заголовков (ожидаются столбцы «Организация», «Ссылка» …)",
                "import",
            ),
            sheet,
        )
    found, header = best
    estimate = book.estimated_rows(found)  # type: ignore[arg-type]
    return Table(
        path=path,
        sheet=found,
        header_row=header.first,
        headers=header.headers,
        mapping=header.mapping,
        estimated_rows=None if estimate is None else max(estimate - header.last, 0),
        engine=book.engine,
        title_rows=header.titles,
        _book=book,
        _data_start=header.last + 1,
    )


def open_book(path: Path, package: Package, engine: str) -> Book:
    """Open the workbook with `engine` ("calamine", "openpyxl", "stream" or "fast");
    EngineError if it cannot."""
    if engine == "calamine":
        return CalamineBook(path, package)
    if engine == "openpyxl":
        return OpenpyxlBook(path, package)
    if engine == "stream":
        return StreamBook(path, package)
    if engine == "fast":
        return FastBook(path, package)
    raise ValueError(f"unknown engine {engine!r}")
