"""Opening the spreadsheets municipalities send: file kind, safety checks, header row, data rows.

`open_table` recognises the file by its content (xlsx, CSV in UTF-8/UTF-16/windows-1251; an old
.xls, a password-protected workbook, a zip or XML bomb are refused with a clear message), picks
the sheet and the header row under title rows, maps headers to catalogue fields and then streams
the data rows, skipping empty and totals rows. Pure Python: no Qt widgets, no database.
"""

from __future__ import annotations

import codecs
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
from editor.exchange.reader_header import Header, find_header, is_numbering
from editor.exchange.reader_xlsx import Book, EngineError, Package, open_book

# calamine expands the whole sheet in memory: 300,000 rows × 25 cells peak at 635 MB (the
# streaming reader: 136 MB, openpyxl: 342 MB), about 1-3 bytes per byte of sheet XML. Sheets
# above this size go to the streaming readers (the regex one, then lxml as its fallback) to keep
# an import within its memory budget.
CALAMINE_MAX_SHEET_BYTES = 48 * 1024**2
ENGINES = ("auto", "calamine", "openpyxl", "stream", "fast")
SCAN_ROWS = 30  # non-empty rows searched for the header on each sheet
_SNIFF_BYTES = 64 * 1024
_BOMB_MEMBER_BYTES = 50 * 1024**2
_BOMB_RATIO = 200
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SQLITE = b"SQLite format 3\x00"
_TOTALS = re.compile(r"(итого|всего|total)\b", re.IGNORECASE)
_TOTALS_FIRST = frozenset("ИиВвTt")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


class ReadError(Exception):
    """A file that cannot be read as a table; str() is one Russian line naming the file."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        sheet: str | None = None,
        row: int | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.sheet = sheet
        self.row = row


def _error(path: Path, text: str, sheet: str | None = None, row: int | None = None) -> ReadError:
    where = path.name
    if sheet is not None:
        where += tr(", лист «{sheet}»", "import").format(sheet=sheet)
    if row is not None:
        where += tr(", строка {row}", "import").format(row=row)
    return ReadError(f"{where}: {text}", path=path, sheet=sheet, row=row)


def _size_text(size: int) -> str:
    if size >= 1024**3:
        return tr("{size} ГБ", "import").format(size=f"{size / 1024**3:.1f}".replace(".", ","))
    return tr("{size} МБ", "import").format(size=max(1, round(size / 1024**2)))


# --- what kind of file ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    kind: str  # "xlsx" | "csv" | "catalogue"
    encoding: str = ""
    delimiter: str = ""
    sample: str = ""  # the decoded start of a CSV file


def sniff_kind(path: str | Path) -> str:
    """ "xlsx", "csv" or "catalogue" (an SQLite file) by content; ReadError for anything else."""
    return _sniff(Path(path)).kind


def _sniff(path: Path) -> _Kind:
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            whole = not stream.read(1)
    except FileNotFoundError:
        raise _error(path, tr("файл не найден", "import")) from None
    except IsADirectoryError:
        raise _error(path, tr("это папка, а не файл", "import")) from None
    except OSError as error:
        raise _error(
            path, tr("нет доступа к файлу (он открыт в другой программе?)", "import")
        ) from error
    if not head:
        raise _error(path, tr("файл пуст", "import"))
    if head.startswith(_SQLITE):
        return _Kind("catalogue")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(path)
    if head.startswith(_OLE2):
        if _ole_encrypted(path):
            raise _error(
                path, tr("файл защищён паролем: снимите пароль и сохраните заново", "import")
            )
        raise _error(path, tr("старый формат .xls: сохраните файл как .xlsx", "import"))
    if not head.startswith((b"%PDF", b"{\\rtf", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")):
        kind = _sniff_text(path, head, whole)
        if kind is not None:
            return kind
    raise _error(path, tr("не таблица Excel или CSV", "import"))


def _sniff_zip(path: Path) -> _Kind:
    try:
        with zipfile.ZipFile(path) as zf:
            names = {name.lower() for name in zf.namelist()}
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise _error(
            path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
        ) from error
    if "xl/workbook.xml" in names:
        return _Kind("xlsx")
    if "xl/workbook.bin" in names:
        raise _error(path, tr("формат .xlsb: сохраните файл как .xlsx", "import"))
    if b"spreadsheet" in mimetype:
        raise _error(path, tr("формат .ods: сохраните файл как .xlsx", "import"))
    raise _error(path, tr("не таблица Excel или CSV", "import"))


def _ole_encrypted(path: Path) -> bool:
    """An OLE2 file holding an EncryptionInfo stream is an xlsx locked with a password."""
    with path.open("rb") as stream:
        data = stream.read(64 * 1024**2)
    return "EncryptionInfo".encode("utf-16-le") in data or b"EncryptionInfo" in data


def _sniff_text(path: Path, head: bytes, whole: bool) -> _Kind | None:
    """A CSV kind (encoding, delimiter) if the start of the file is text, else None."""
    if head.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]  # Excel's «Текст Юникод»: UTF-16 with tabs
    elif b"\x00" in head:
        return None
    else:
        encodings = ["utf-8", "cp1251"]
    for encoding in encodings:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=whole)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    if len(_CONTROL.findall(text)) > len(text) / 100:
        return None
    start = text.lstrip("\ufeff \t\r\n")[:4096].lower()
    if start.startswith("<"):
        if "<html" in start or "<table" in start or "<!doctype html" in start:
            raise _error(
                path,
                tr(
                    "это веб-страница (HTML), а не таблица: откройте её в Excel"
                    " и сохраните как .xlsx",
                    "import",
                ),
            )
        if "excel.sheet" in start or "urn:schemas-microsoft-com:office:spreadsheet" in text:
            raise _error(path, tr("формат «Таблица XML 2003»: сохраните файл как .xlsx", "import"))
        return None
    lines = text.splitlines()
    if not whole and len(lines) > 1:
        lines.pop()  # cut in the middle
    return _Kind("csv", encoding, _sniff_delimiter(lines[:100]), "\n".join(lines))


def _sniff_delimiter(lines: list[str]) -> str:
    """`;`, `,` or tab: csv.Sniffer's guess, else the most frequent of them outside quotes."""
    sample = "\n".join(lines)
    try:
        found = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        found = ""
    counts = dict.fromkeys(";,\t", 0)
    for line in lines:
        quoted = False
        for char in line:
            if char == '"':
                quoted = not quoted
            elif not quoted and char in counts:
                counts[char] += 1
    if counts.get(found):
        return found
    best = max(counts, key=lambda char: counts[char])
    return best if counts[best] else ";"


# --- safety of a workbook ---------------------------------------------------------------------


def _check_zip(path: Path, zf: zipfile.ZipFile, max_uncompressed: int) -> None:
    """Refuse zip and XML bombs before anything is expanded; also zip-level passwords."""
    infos = zf.infolist()
    total = sum(info.file_size for info in infos)
    suspicious = [
        info
        for info in infos
        if info.file_size > _BOMB_MEMBER_BYTES
        and info.file_size > _BOMB_RATIO * max(info.compress_size, 1)
    ]
    if total > max_uncompressed or suspicious:
        size = total if total > max_uncompressed else suspicious[0].file_size
        raise _error(
            path,
            tr(
                "файл распаковывается в {size} — похоже на zip-бомбу, импорт отменён", "import"
            ).format(size=_size_text(size)),
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise _error(
                path, tr("файл защищён паролем: снимите пароль и сохраните заново", "import")
            )
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with zf.open(info) as stream:
            head = stream.read(_SNIFF_BYTES)
        if head[:4].count(b"\x00"):  # UTF-16 XML
            head = head.decode("utf-16", "ignore").encode()
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise _error(
                path,
                tr(
                    "в файле есть DOCTYPE/ENTITY ({part}) — так устроены XML-бомбы, импорт отменён",
                    "import",
                ).format(part=info.filename),
            )


# --- CSV ---------------------------------------------------------------------------------------


class _CsvBook(Book):
    """A CSV file as a one-sheet book; values stay text (normalisation comes later)."""

    engine = "csv"

    def __init__(self, path: Path, kind: _Kind) -> None:
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
            raise _error(self.path, tr("файл уже закрыт", "import"), self.sheet)
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
            raise _error(
                self.path,
                tr("текст не в кодировке {encoding}: сохраните файл в UTF-8", "import").format(
                    encoding=error.encoding.upper()
                ),
                self.sheet,
                number + 1,
            ) from error
        except Exception as error:
            raise _error(
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
    """Open an xlsx or CSV file and find its header; ReadError (a Russian line) when impossible.

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
    kind = _sniff(path)
    if kind.kind == "catalogue":
        raise _error(path, tr("это файл каталога, а не таблица Excel или CSV", "import"))
    if kind.kind == "csv":
        try:
            return _detect(path, _CsvBook(path, kind), sheet, overrides, header_finder)
        except EngineError as error:
            raise _error(
                path,
                tr("не удалось прочитать: {detail}", "import").format(detail=_line(error)),
                row=error.row,
            ) from error
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _error(
            path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
        ) from error
    try:
        try:
            _check_zip(path, zf, max_uncompressed)
            package = Package(zf)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise _error(
                path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
            ) from error
        if engine == "auto":
            big = package.worksheet_bytes > CALAMINE_MAX_SHEET_BYTES
            engines = ["fast", "stream", "openpyxl"] if big else ["calamine", "openpyxl"]
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
            return table
    except BaseException:
        zf.close()
        raise
    zf.close()
    raise _error(
        path, tr("файл повреждён или не читается: {detail}", "import").format(detail=failure)
    )


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
            raise _error(
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
        raise _error(
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
