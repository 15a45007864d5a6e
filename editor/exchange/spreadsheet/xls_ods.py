"""Excel 97-2003 (.xls), binary Excel (.xlsb) and OpenDocument (.ods) workbooks, read by
python-calamine into the same cleaned rows as the .xlsx readers give.

calamine expands a whole sheet in memory, so each format is bounded before it is opened: an
.xls or .xlsb by its file size, an .ods by the unpacked size of its content.xml (and by the zip
bomb checks every zip workbook gets). calamine does not report the merged ranges of an .ods, so
they are read here from content.xml (only when it spans rows at all).

Sizes are not enough: calamine lays a sheet out as a dense grid from its first to its last cell,
so a small .xls with one cell in its far corner asks for half a gigabyte, and an allocation that
fails aborts the whole process. So (where the platform can limit a process's memory) the
workbook is first opened by calamine in a child process under a memory limit; a file that does
not fit there is refused before this process touches it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from editor.core.i18n import tr
from editor.exchange.spreadsheet.sniff import ReadError, check_zip, read_error
from editor.exchange.spreadsheet.xlsx import Book, EngineError, calamine_rows

KINDS = ("xls", "xlsb", "ods")
# About 0.5-1 KB of calamine's memory per row of a 9-25 column sheet: these keep a sheet well
# under the import's memory budget (an .xls holds at most 65,536 rows anyway).
MAX_FILE_BYTES = {"xls": 192 * 1024**2, "xlsb": 96 * 1024**2}
MAX_ODS_CONTENT_BYTES = 384 * 1024**2
# The address space the trial opening may use: Python and calamine take ~250 MB of it, a dense
# 65,536 × 30 .xls another ~100 MB; a sheet calamine would spread over 16 million cells does not fit.
PROBE_ADDRESS_SPACE = 768 * 1024**2
PROBE_SECONDS = 120
_PROBE = (
    "import resource, sys\n"
    "limit = int(sys.argv[2])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
    "from python_calamine import CalamineWorkbook\n"
    "with open(sys.argv[1], 'rb') as stream:\n"
    "    book = CalamineWorkbook.from_filelike(stream)\n"
    "for name in book.sheet_names:\n"
    "    book.get_sheet_by_name(name)\n"
)
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ROWS_SPANNED = re.compile(rb'number-rows-spanned="(?!1")\d+"')


def _damaged(path: Path) -> ReadError:
    return read_error(path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import"))


def _too_big(path: Path, kind: str) -> ReadError:
    return read_error(
        path,
        tr(
            "файл .{kind} слишком велик для этого формата: сохраните его как .xlsx", "import"
        ).format(kind=kind),
    )


def check_size(path: Path, kind: str, max_uncompressed: int) -> None:
    """Refuse a file whose sheet calamine could not hold in memory, and zip bombs in an .ods
    or .xlsb; ReadError with one Russian line."""
    if kind in MAX_FILE_BYTES:
        if path.stat().st_size > MAX_FILE_BYTES[kind]:
            raise _too_big(path, kind)
    if kind == "xls":
        _probe(path, kind)
        return
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(path, zf, max_uncompressed)
            if kind == "ods":
                content = zf.getinfo("content.xml").file_size
                if content > MAX_ODS_CONTENT_BYTES:
                    raise _too_big(path, kind)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError) as error:
        raise _damaged(path) from error
    _probe(path, kind)


def _probe(path: Path, kind: str) -> None:
    """Open the workbook with calamine in a child process under PROBE_ADDRESS_SPACE; refuse it
    when it runs out of memory or time there. Other failures are left to the real opening,
    which reports them. Skipped where processes cannot be limited (no `resource` module)."""
    try:
        import resource  # noqa: F401 - POSIX only
    except ImportError:  # pragma: no cover - Windows
        return
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, str(path), str(PROBE_ADDRESS_SPACE)],
            capture_output=True,
            timeout=PROBE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise _too_big(path, kind) from error
    except OSError:
        return  # no child process here: the opening itself stays the only check
    if done.returncode < 0 or b"memory allocation" in done.stderr or b"MemoryError" in done.stderr:
        raise _too_big(path, kind)


class CalamineOtherBook(Book):
    """An .xls, .xlsb or .ods workbook through python-calamine (no .xlsx package behind it)."""

    engine = "calamine"

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.path = path
        self.kind = kind
        try:
            from python_calamine import CalamineWorkbook, SheetTypeEnum

            if path.suffix.lower() == "." + kind:
                self._workbook = CalamineWorkbook.from_path(str(path))
            else:  # calamine picks the format by the extension, else by trying each in turn
                with path.open("rb") as stream:
                    self._workbook = CalamineWorkbook.from_filelike(stream)
            self._names = [
                m.name for m in self._workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet
            ]
        except BaseException as error:  # noqa: BLE001 - pyo3 panics are BaseException
            if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
                raise
            raise EngineError(str(error) or type(error).__name__) from error
        self._loaded: tuple[str, object] | None = None
        self._ods_merges: dict[str, list[tuple[int, int, int]]] | None = None

    def sheet_names(self) -> list[str]:
        return list(self._names)

    def _sheet(self, name: str):
        if self._loaded is None or self._loaded[0] != name:
            self._loaded = None  # let the previous sheet go before the next one is expanded
            try:
                self._loaded = (name, self._workbook.get_sheet_by_name(name))
            except BaseException as error:  # noqa: BLE001
                if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
                    raise
                raise EngineError(str(error) or type(error).__name__) from error
        return self._loaded[1]  # type: ignore[index]

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        yield from calamine_rows(self._sheet(sheet), width)

    def estimated_rows(self, sheet: str) -> int | None:
        end = self._sheet(sheet).end
        return None if end is None else end[0] + 1

    def merges(self, sheet: str) -> list[tuple[int, int, int]]:
        if self.kind == "ods":
            if self._ods_merges is None:
                self._ods_merges = ods_merges(self.path)
            return self._ods_merges.get(sheet, [])
        ranges = self._sheet(sheet).merged_cell_ranges or []
        return [(r1 + 1, c1, r2 + 1) for (r1, c1), (r2, _c2) in ranges]

    def close(self) -> None:
        self._loaded = None
        self._workbook.close()


def ods_merges(path: Path) -> dict[str, list[tuple[int, int, int]]]:
    """Each sheet's vertically merged cells of an .ods as (first row, column, last row): rows
    1-based, column 0-based; only ranges over more than one row matter to the reader."""
    with zipfile.ZipFile(path) as zf:
        if not _spans_rows(zf):
            return {}
        return _merges(zf)


def _spans_rows(zf: zipfile.ZipFile) -> bool:
    """Whether content.xml merges any cells over rows (a plain scan, far cheaper than parsing)."""
    tail = b""
    with zf.open("content.xml") as stream:
        while chunk := stream.read(1 << 20):
            if _ROWS_SPANNED.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _merges(zf: zipfile.ZipFile) -> dict[str, list[tuple[int, int, int]]]:
    found: dict[str, list[tuple[int, int, int]]] = {}
    table_tag = f"{{{_TABLE}}}table"
    row_tag = f"{{{_TABLE}}}table-row"
    cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    name_key = f"{{{_TABLE}}}name"
    rows_repeated = f"{{{_TABLE}}}number-rows-repeated"
    columns_repeated = f"{{{_TABLE}}}number-columns-repeated"
    rows_spanned = f"{{{_TABLE}}}number-rows-spanned"
    sheet = ""
    row = 0
    column = 0
    with zf.open("content.xml") as stream:
        events = etree.iterparse(
            stream,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
        )
        for event, element in events:
            tag = element.tag
            if event == "start":
                if tag == table_tag:
                    sheet = element.get(name_key) or ""
                    row = 0
                elif tag == row_tag:
                    column = 0
                elif tag in cell_tags:
                    spanned = int(element.get(rows_spanned) or 1)
                    if spanned > 1:
                        found.setdefault(sheet, []).append((row + 1, column, row + spanned))
                    column += int(element.get(columns_repeated) or 1)
            elif tag == row_tag:
                row += int(element.get(rows_repeated) or 1)
                element.clear()
    return found
