"""The streaming .xlsx reader on lxml.iterparse: one row in memory at a time, and the shared
strings packed in one buffer. The fallback of the regex reader (`xlsx_fast`) and of calamine."""

from __future__ import annotations

import datetime as dt
import zipfile
from array import array
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from editor.exchange.spreadsheet.xlsx import (
    _ESCAPE,
    _INT_LIMIT,
    Book,
    EngineError,
    Package,
    _xml,
    clean_value,
    column_index,
    open_member,
)


class _Strings:
    """Shared strings packed into one UTF-8 buffer (half the memory of a list of str), read
    from the part only as far as the cells asked so far need: Excel writes them in order of
    first use, so finding the header costs a few hundred strings, not the whole table."""

    _BATCH = 4096

    def __init__(self, zf: zipfile.ZipFile, member: str | None) -> None:
        self._buffer = bytearray()
        self._offsets = array("Q", [0])
        self._stream = open_member(zf, member) if member is not None else None
        self._parse = _iterparse(self._stream, "{*}si") if self._stream is not None else None

    def _load(self, index: int) -> None:
        parse, buffer, offsets = self._parse, self._buffer, self._offsets
        if parse is None:
            raise IndexError(index)
        target = index + self._BATCH
        for _, si in parse:
            ns = si.tag[:-2]
            if len(si) == 1 and si[0].tag == ns + "t":
                text = si[0].text or ""
                if "_x" in text:
                    text = _unescape(text)
            else:
                text = _rich_text(si, ns + "t", ns + "r")
            buffer += text.encode("utf-8", "surrogatepass")
            offsets.append(len(buffer))
            _drop(si)
            if len(offsets) > target:
                return
        self.close()
        if index + 1 >= len(offsets):
            raise IndexError(index)

    def __getitem__(self, index: int) -> str:
        offsets = self._offsets
        if index + 1 >= len(offsets):
            self._load(index)
        return self._buffer[offsets[index] : offsets[index + 1]].decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._parse = None
        if self._stream is not None:
            self._stream.close()
            self._stream = None


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)


def _rich_text(element: etree._Element, t_tag: str, r_tag: str) -> str:
    """The text of an <si>/<is>: its <t>, or its runs' <t>; phonetic runs (<rPh>) left out."""
    parts = []
    for child in element:
        if child.tag == t_tag:
            parts.append(child.text or "")
        elif child.tag == r_tag:
            parts.extend(t.text or "" for t in child.iterchildren(t_tag))
    text = "".join(parts)
    return _unescape(text) if "_x" in text else text


def _iterparse(stream, tag: str):
    return etree.iterparse(
        stream,
        events=("end",),
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )


def _drop(element: etree._Element) -> None:
    """Free a parsed element and its finished siblings: what keeps iterparse's memory flat."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        return int(value) if value.is_integer() and -_INT_LIMIT < value < _INT_LIMIT else value


class StreamBook(Book):
    """A streaming reader on lxml.iterparse: one row in memory at a time."""

    engine = "stream"

    def __init__(self, path: Path, package: Package) -> None:
        super().__init__(package)
        if package.error is not None or not package.sheets:
            raise EngineError(package.error or "no worksheets")
        self._strings: _Strings | None = None
        self._date_styles: dict[int, bool] | None = None

    def _load_date_styles(self) -> dict[int, bool]:
        """Style index → True for a duration format, False for a date; absent for the rest."""
        if self._date_styles is None:
            from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
            from openpyxl.styles.numbers import is_timedelta_format as is_duration

            styles: dict[int, bool] = {}
            if self.package.styles is not None:
                root = _xml(self.package.zf, self.package.styles)
                formats = dict(BUILTIN_FORMATS)
                for fmt in root.iter("{*}numFmt"):
                    formats[int(fmt.get("numFmtId") or -1)] = fmt.get("formatCode") or ""
                for xfs in root.iter("{*}cellXfs"):
                    for index, xf in enumerate(xfs):
                        fmt_id = int(xf.get("numFmtId") or 0)
                        code = formats.get(fmt_id, "")
                        # 27-36 and 50-58 are locale-specific (East Asian) date formats.
                        if is_date_format(code) or 27 <= fmt_id <= 36 or 50 <= fmt_id <= 58:
                            styles[index] = is_duration(code)
            self._date_styles = styles
        return self._date_styles

    def _prepare(self, sheet: str, width: int | None):
        """What reading a sheet needs: its part, shared strings, date styles, epoch, width limit."""
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        part = self.package.part(sheet)
        if part is None:
            raise EngineError(sheet)
        if self._strings is None:
            self._strings = _Strings(self.package.zf, self.package.shared_strings)
        epoch = CALENDAR_MAC_1904 if self.package.date1904 else CALENDAR_WINDOWS_1900
        limit = width if width is not None else 1 << 20
        return part, self._strings, self._load_date_styles(), epoch, limit

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        from openpyxl.utils.datetime import from_excel

        part, strings, date_styles, epoch, limit = self._prepare(sheet, width)
        clean = clean_value
        columns: dict[str, int] = {}
        number = 0
        c_tag = v_tag = is_tag = t_tag = r_tag = ""
        with open_member(self.package.zf, part.member) as stream:
            for _, row in _iterparse(stream, "{*}row"):
                if not c_tag:
                    ns = row.tag[:-3]
                    c_tag, v_tag, is_tag, t_tag, r_tag = (
                        ns + s for s in ("c", "v", "is", "t", "r")
                    )
                ref = row.get("r")
                number = int(ref) if ref else number + 1
                values: list[object] = []
                column = 0
                for cell in row:
                    if cell.tag != c_tag:
                        continue
                    ref = cell.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        column = columns.get(letters, -1)
                        if column < 0:
                            column = columns[letters] = column_index(letters)
                    if column >= limit:
                        break
                    # <v> is the cell's last child (after <f>); findtext() costs twice as much.
                    text = None
                    if len(cell):
                        last = cell[-1]
                        if last.tag == v_tag:
                            text = last.text
                    kind = cell.get("t")
                    value: object = None
                    if kind is None or kind == "n":
                        if text:
                            value = _number(text)
                            if date_styles:
                                style = cell.get("s")
                                if style is not None:
                                    duration = date_styles.get(int(style))
                                    if duration is not None:
                                        value = clean(from_excel(value, epoch, timedelta=duration))
                    elif kind == "s":
                        if text:
                            value = clean(strings[int(text)])
                    elif kind == "inlineStr":
                        inline = cell.find(is_tag)
                        if inline is not None:
                            value = clean(_rich_text(inline, t_tag, r_tag))
                    elif kind == "b":
                        value = None if not text else text.strip() in ("1", "true")
                    elif kind == "d":
                        value = clean(dt.datetime.fromisoformat(text)) if text else None
                    elif kind != "e":  # "str": a formula's text result; "e": an error, no value
                        value = clean(text)
                    if column == len(values):
                        values.append(value)
                    elif column > len(values):
                        values.extend([None] * (column - len(values)))
                        values.append(value)
                    else:
                        values[column] = value
                    column += 1
                _drop(row)
                yield number, values

    def close(self) -> None:
        if self._strings is not None:
            self._strings.close()
