"""The .xlsx package (its parts, sheets and styles) and two row sources: calamine and openpyxl.

Each source yields ``(1-based sheet row, cell values)`` for every row of a sheet, with values
already cleaned the same way (see `clean_value`), so the three are interchangeable. calamine is
the fastest but expands the whole sheet in memory (about 2 KB per 25-cell row), so the reader
keeps it for sheets of moderate size; the streaming reader holds one row at a time and the shared
strings packed in one buffer; openpyxl is the fallback when the others cannot read a file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from posixpath import join, normpath
from typing import Any

from lxml import etree

try:  # ISA-L's inflate: 300,000 rows of sheet XML (547 MB) in 0.2 s against zlib's 1.1 s
    from isal import isal_zlib as _inflate_library
except ImportError:  # pragma: no cover - a platform without isal wheels reads through zlib
    _inflate_library = zlib

# Excel's cached results of failed formulas: they carry no value.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*\d*(?::[A-Z]+(\d+))?\"")
# A literal "<" in cell text is always escaped, so this only finds the element itself.
_MERGE_START = re.compile(rb"<(?:\w+:)?mergeCells[\s>/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?(?<![\w:])ref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>]")
_INT_LIMIT = 2**53
_CHUNK = 1 << 20


class EngineError(Exception):
    """This engine cannot read the workbook (another one may); `row` where it stopped, if known."""

    def __init__(self, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.row = row


def clean_value(value: Any) -> object:
    """A cell value as the importer gets it: stripped text or None, int for whole numbers, date
    for a midnight datetime, text for times and durations, None for empty cells and #N/A-like
    formula errors."""
    kind = type(value)
    if kind is str:
        value = value.strip()
        if not value or (value[0] == "#" and value in EXCEL_ERRORS):
            return None
        return value
    if kind is float:
        if value.is_integer() and -_INT_LIMIT < value < _INT_LIMIT:
            return int(value)
        return value
    if value is None or kind is int or kind is bool or kind is dt.date:
        return value
    if kind is dt.datetime:
        if value.tzinfo is None and value.time() == dt.time():
            return value.date()
        return value
    return str(value)


def clean_text_value(value: Any) -> object:
    """`clean_value` for engines that leave Excel's _xHHHH_ escapes (control characters) in text."""
    if type(value) is str and "_x" in value:
        value = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), value)
    return clean_value(value)


def column_index(letters: str) -> int:
    """0-based index of a column given by its letters (A → 0, AA → 26)."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


@dataclass
class SheetPart:
    """One worksheet of the package: its name and zip member."""

    name: str
    member: str


class _DeflatedMember:
    """A deflated zip member inflated by `_inflate_library`, checked as zipfile checks it: never
    more than its declared size (the bomb guard in reader.py bounds that) and its CRC at the end.
    Sheet parts are inflated once or twice per import, so the faster inflate pays off there."""

    _INPUT = 1 << 18  # compressed bytes fed per step

    def __init__(self, path: str, info: zipfile.ZipInfo) -> None:
        self.name = info.filename
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        try:
            self._file.seek(info.header_offset)
            header = self._file.read(zipfile.sizeFileHeader)
            if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
                raise zipfile.BadZipFile(f"Bad magic number for file header: {self.name}")
            fields = struct.unpack(zipfile.structFileHeader, header)
            self._file.seek(
                fields[zipfile._FH_FILENAME_LENGTH] + fields[zipfile._FH_EXTRA_FIELD_LENGTH], 1
            )
        except BaseException:
            self._file.close()
            raise
        self._compressed_left = info.compress_size
        self._left = info.file_size
        self._expected_crc = info.CRC
        self._crc = 0
        self._inflate = _inflate_library.decompressobj(-15)
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        """Up to `size` inflated bytes (all that is left when negative); b"" at the end."""
        want = self._left if size is None or size < 0 else min(size, self._left)
        parts: list[bytes] = []
        while want > 0:
            data = self._tail
            if not data and self._compressed_left > 0:
                data = self._file.read(min(self._INPUT, self._compressed_left))
                if not data:
                    raise EOFError(f"Truncated zip member {self.name}")
                self._compressed_left -= len(data)
            # With all input fed, an empty call drains what the inflater still holds.
            try:
                out = self._inflate.decompress(data, want)
            except _inflate_library.error as error:
                raise zlib.error(str(error)) from error
            self._tail = self._inflate.unconsumed_tail
            if out:
                parts.append(out)
                want -= len(out)
            elif not data:
                raise EOFError(f"Compressed file ended before the end of {self.name}")
        result = parts[0] if len(parts) == 1 else b"".join(parts)
        if result:
            self._crc = _inflate_library.crc32(result, self._crc)
            self._left -= len(result)
            if self._left == 0 and self._crc != self._expected_crc:
                raise zipfile.BadZipFile(f"Bad CRC-32 for file {self.name!r}")
        return result

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> _DeflatedMember:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_member(zf: zipfile.ZipFile, member: str):
    """A zip member as a binary stream: a plain deflated member of a workbook on disk through
    `_DeflatedMember`, anything else (stored, encrypted, in memory) through zipfile."""
    info = zf.getinfo(member)
    path = zf.filename
    if (
        _inflate_library is not zlib
        and info.compress_type == zipfile.ZIP_DEFLATED
        and not info.flag_bits & 0x1
        and isinstance(path, str)
        and os.path.isfile(path)
    ):
        return _DeflatedMember(path, info)
    return zf.open(info)


def _xml(zf: zipfile.ZipFile, member: str) -> etree._Element:
    # A parser per call: lxml parsers must not be shared between threads.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zf.open(member) as stream:
        return etree.parse(stream, parser).getroot()


def _attr(element: etree._Element, local: str) -> str | None:
    """An attribute by local name, whatever its namespace (transitional or strict OOXML)."""
    for key, value in element.attrib.items():
        if key == local or key.endswith("}" + local):
            return value
    return None


class Package:
    """What the zip says about a workbook: worksheets in order, their parts, strings, styles."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self._members = {name.lower(): name for name in zf.namelist()}
        self.worksheet_bytes = max(
            (i.file_size for i in zf.infolist() if i.filename.lower().startswith("xl/worksheets/")),
            default=0,
        )
        self.sheets: list[SheetPart] = []
        self.shared_strings: str | None = None
        self.styles: str | None = None
        self.date1904 = False
        try:
            self._read_parts()
        except (
            KeyError,
            ValueError,
            etree.XMLSyntaxError,
            zipfile.BadZipFile,
            zlib.error,
        ) as error:
            self.error: str | None = str(error) or type(error).__name__
        else:
            self.error = None

    def _member(self, path: str) -> str | None:
        return self._members.get(path.lower())

    def _read_parts(self) -> None:
        workbook = self._member("xl/workbook.xml")
        if workbook is None:
            raise KeyError("xl/workbook.xml")
        root = _xml(self.zf, workbook)
        targets: dict[str, tuple[str, str]] = {}
        rels = self._member("xl/_rels/workbook.xml.rels")
        if rels is not None:
            for rel in _xml(self.zf, rels):
                target = rel.get("Target") or ""
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                path = target[1:] if target.startswith("/") else normpath(join("xl", target))
                targets[rel.get("Id") or ""] = (kind, path)
                if kind == "sharedStrings":
                    self.shared_strings = self._member(path)
                elif kind == "styles":
                    self.styles = self._member(path)
        for element in root.iter("{*}workbookPr"):
            self.date1904 = (element.get("date1904") or "").lower() in ("1", "true")
        for element in root.iter("{*}sheet"):
            kind, path = targets.get(_attr(element, "id") or "", ("", ""))
            member = self._member(path)
            if kind == "worksheet" and member is not None:
                self.sheets.append(SheetPart(element.get("name") or "", member))

    def part(self, sheet: str) -> SheetPart | None:
        """The worksheet named `sheet`, if the package lists it."""
        return next((p for p in self.sheets if p.name == sheet), None)

    def dimension_rows(self, sheet: str) -> int | None:
        """The sheet's row count: its declared <dimension>, or (when absent, as some generators
        write) the part's size over the bytes per row at its start; None if unknown."""
        part = self.part(sheet)
        if part is None:
            return None
        with open_member(self.zf, part.member) as stream:
            head = stream.read(_CHUNK // 4)
        match = _DIMENSION.search(head, 0, 16384)
        if match is not None and match[1] is not None:
            return int(match[1])
        rows = len(_ROW_START.findall(head))
        if not rows:
            return None
        size = self.zf.getinfo(part.member).file_size
        return rows if len(head) >= size else round(size * rows / len(head))

    def merges(self, sheet: str) -> list[tuple[int, int, int]]:
        """(first row, column, last row) of the sheet's merged ranges: rows 1-based, column 0-based.

        <mergeCells> follows the cell data, so this inflates the whole part once (about 2 s for
        300,000 rows) without parsing it.
        """
        part = self.part(sheet)
        if part is None:
            return []
        collected: list[bytes] | None = None
        tail = b""
        with open_member(self.zf, part.member) as stream:
            while chunk := stream.read(_CHUNK):
                if collected is not None:
                    collected.append(chunk)
                    continue
                text = tail + chunk
                at = text.find(b"mergeCells")  # a plain find first: a regex scan is 5x slower
                while at >= 0:
                    start = text.rfind(b"<", max(at - 32, 0), at)
                    if start >= 0 and _MERGE_START.match(text, start):
                        collected = [text[start:]]
                        break
                    at = text.find(b"mergeCells", at + 1)
                else:
                    tail = text[-64:]
        data = b"".join(collected or ())
        return [(int(m[2]), column_index(m[1].decode()), int(m[4])) for m in _MERGE.finditer(data)]


class Book:
    """A workbook opened by one engine: sheet names, rows of a sheet, merged ranges."""

    engine = ""

    def __init__(self, package: Package) -> None:
        self.package = package

    def sheet_names(self) -> list[str]:
        """Worksheet names in workbook order (chart sheets left out)."""
        return [p.name for p in self.package.sheets]

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        """(1-based row, cleaned values) for each row; `width` limits the cells read per row."""
        raise NotImplementedError

    def merges(self, sheet: str) -> list[tuple[int, int, int]]:
        """Merged ranges as (first row, column, last row)."""
        return self.package.merges(sheet)

    def estimated_rows(self, sheet: str) -> int | None:
        """The sheet's declared row count, for progress."""
        return self.package.dimension_rows(sheet)

    def close(self) -> None:
        """Release the engine's handles."""


def _raise_engine_error(error: BaseException) -> None:
    # pyo3 turns a Rust panic into PanicException, a BaseException: still just a failed read.
    if isinstance(error, Exception) or type(error).__name__ == "PanicException":
        raise EngineError(str(error) or type(error).__name__) from error
    raise error


def calamine_rows(data, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
    """(1-based sheet row, cleaned cells) of a calamine sheet, cells from column A."""
    start = data.start
    if start is None:
        return
    pad: list[object] = [None] * start[1]
    clean = clean_value
    # iter_rows yields sheet rows from the first one, cells from the range's first column.
    for number, raw in enumerate(data.iter_rows(), 1):
        cells = pad + raw
        if width is not None:
            del cells[width:]
        yield number, [clean(v) for v in cells]


class CalamineBook(Book):
    """python-calamine: fast, but a loaded sheet lives whole in memory; one sheet at a time."""

    engine = "calamine"

    def __init__(self, path: Path, package: Package) -> None:
        super().__init__(package)
        try:
            from python_calamine import CalamineWorkbook, SheetTypeEnum

            self._workbook = CalamineWorkbook.from_path(str(path))
            self._names = [
                m.name for m in self._workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet
            ]
        except BaseException as error:  # noqa: BLE001 - see _raise_engine_error
            _raise_engine_error(error)
        self._loaded: tuple[str, object] | None = None

    def sheet_names(self) -> list[str]:
        return list(self._names)

    def _sheet(self, name: str):
        if self._loaded is None or self._loaded[0] != name:
            self._loaded = None  # let the previous sheet go before the next one is expanded
            try:
                self._loaded = (name, self._workbook.get_sheet_by_name(name))
            except BaseException as error:  # noqa: BLE001
                _raise_engine_error(error)
        return self._loaded[1]  # type: ignore[index]

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        yield from calamine_rows(self._sheet(sheet), width)

    def estimated_rows(self, sheet: str) -> int | None:
        end = self._sheet(sheet).end
        return super().estimated_rows(sheet) or (None if end is None else end[0] + 1)

    def merges(self, sheet: str) -> list[tuple[int, int, int]]:
        ranges = self._sheet(sheet).merged_cell_ranges or []
        return [(r1 + 1, c1, r2 + 1) for (r1, c1), (r2, _c2) in ranges]

    def close(self) -> None:
        self._loaded = None
        self._workbook.close()


class OpenpyxlBook(Book):
    """openpyxl in read-only mode: slow but streaming and tolerant; the fallback engine."""

    engine = "openpyxl"

    def __init__(self, path: Path, package: Package) -> None:
        super().__init__(package)
        try:
            import openpyxl

            # Real files trip openpyxl's warnings about styles and extensions it drops.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._workbook = openpyxl.load_workbook(
                    path, read_only=True, data_only=True, keep_links=False
                )
        except Exception as error:
            raise EngineError(str(error) or type(error).__name__) from error

    def sheet_names(self) -> list[str]:
        return [ws.title for ws in self._workbook.worksheets]

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        worksheet = self._workbook[sheet]
        worksheet.reset_dimensions()  # read-only mode trusts the declared size otherwise
        clean = clean_text_value
        for number, raw in enumerate(worksheet.iter_rows(values_only=True, max_col=width), 1):
            yield number, [clean(v) for v in raw]

    def estimated_rows(self, sheet: str) -> int | None:
        rows = self.package.dimension_rows(sheet)
        if rows is None and sheet in self._workbook.sheetnames:
            rows = self._workbook[sheet].max_row
        return rows

    def close(self) -> None:
        self._workbook.close()
