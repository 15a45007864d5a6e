"""A fast streaming .xlsx sheet reader: regular expressions over the inflated sheet XML.

The sheet part is inflated in chunks of a few MiB, cut after the last complete ``</row>``, and
rows and cells are picked out with compiled regexes instead of an XML parser: several times
faster than lxml.iterparse and just as flat in memory. It understands the XML that spreadsheet
writers produce (unprefixed SpreadsheetML in UTF-8); anything else in the cell data (namespace
prefixes, comments, CDATA, odd attribute quoting, unknown entities) stops it with EngineError
before a wrong value could come out, and the lxml reader takes over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import islice

from editor.exchange.reader_xlsx import (
    EngineError,
    StreamBook,
    _number,
    _Strings,
    _unescape,
    clean_value,
    column_index,
)

CHUNK = 4 << 20  # bytes of sheet XML inflated per step
_HEAD_LIMIT = 64 << 20  # <cols>, <sheetViews> … before the cell data: never near this
_SHEET_DATA = re.compile(rb"<([\w.-]+:)?sheetData(?=[\s/>])[^>]*?(/?)>")
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding=[\"']([\w.-]+)[\"']")
# Constructs the regexes below do not handle: comments, CDATA, processing instructions,
# namespace-prefixed elements. They send the sheet to the XML parser.
_UNSUPPORTED = re.compile(r"<[!?]|</?[\w.-]+:")
_DECIMAL_REF = re.compile(r"&#([0-9]{1,7});")
_HEX_REF = re.compile(r"&#x([0-9A-Fa-f]{1,6});")
_BAD_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)")
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ROW = re.compile(r'<row((?:\s+[\w:.-]+="[^"]*")*)\s*(?:/>|>(.*?)</row>)', re.DOTALL)
_ROW_NUMBER = re.compile(r'\sr="(\d+)"')
# A cell: r / s / t picked by lookaheads (any order), then the whole tag with strictly
# double-quoted attributes, then <f>?, then one of <v> or <is>. A cell that does not fit fails
# to match, and the per-row count of "<c" catches it.
_CELL = re.compile(
    r"<c(?=[\s/>])"
    r'(?=(?:[^>]*?\sr="([A-Z]{1,3})[0-9]*")?)'
    r'(?=(?:[^>]*?\ss="([0-9]+)")?)'
    r'(?=(?:[^>]*?\st="(\w+)")?)'
    r'(?:\s+[\w:.-]+="[^"]*")*\s*'
    r"(?:/>|>\s*"
    r"(?:<f(?:\s[^>]*?)?(?:/>|>[^<]*</f>)\s*)?"
    r"(?:<v>([^<]*)</v>\s*|<v/>\s*|<is>(.*?)</is>\s*|<is/>\s*)?"
    r"</c>)",
    re.DOTALL,
)
_CELL_START = re.compile(r"<c[\s/>]")
_PLAIN_T = re.compile(r"<t(?:\s[^>]*)?>([^<]*)</t>|<t/>")
_PHONETIC = re.compile(r"<rPh(?=[\s/>]).*?</rPh>|<rPh(?=[\s/>])[^>]*/>", re.DOTALL)
_ANY_T = re.compile(r"<t(?=[\s/>])[^>]*?(?:/>|>([^<]*)</t>)")
# Numeric references to the characters that delimit markup stay escaped until a text is cut out.
_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


class _Unsupported(Exception):
    """The chunk holds XML these regexes do not read."""


class _References(dict):
    """Decimal character reference digits → the character (markup characters kept escaped)."""

    def __missing__(self, digits: str) -> str:
        try:
            char = chr(int(digits))
        except (ValueError, OverflowError) as error:
            raise _Unsupported(f"&#{digits};") from error
        value = self[digits] = _MARKUP.get(char, char)
        return value


def _hex_reference(match: re.Match) -> str:
    try:
        char = chr(int(match[1], 16))
    except ValueError as error:
        raise _Unsupported(match[0]) from error
    return _MARKUP.get(char, char)


def _text(raw: str) -> str:
    """Character data of an element with the five predefined entities resolved."""
    if "&" in raw:
        raw = (
            raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&apos;", "'")
            .replace("&amp;", "&")
        )
    return raw


def _inline(body: str) -> str:
    """The text of an <is>: its <t>, or its runs' <t>, phonetic runs (<rPh>) left out."""
    match = _PLAIN_T.fullmatch(body)
    if match is not None:
        text = _text(match[1] or "")
    else:
        if "<rPh" in body:
            body = _PHONETIC.sub("", body)
        text = "".join(_text(t) for t in _ANY_T.findall(body))
    return _unescape(text) if "_x" in text else text


def _decode(data: bytes, references: _References) -> str:
    """A piece of sheet data as text with line ends and character references resolved."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Unsupported(f"not UTF-8: {error}") from error
    if _UNSUPPORTED.search(text):
        raise _Unsupported(f"unsupported XML: {_UNSUPPORTED.search(text)[0]!r}")
    if "\r" in text:  # as an XML parser normalises line ends (a &#13; stays a CR)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&#" in text:
        parts = _DECIMAL_REF.split(text)
        if len(parts) > 1:
            parts[1::2] = map(references.__getitem__, parts[1::2])
            text = "".join(parts)
        if "&#x" in text:
            text = _HEX_REF.sub(_hex_reference, text)
    if "&" in text and _BAD_AMPERSAND.search(text):
        raise _Unsupported("unknown entity or malformed character reference")
    if _BAD_CHAR.search(text):
        raise _Unsupported("character not allowed in XML")
    return text


def _pieces(stream, chunk: int) -> Iterator[str]:
    """The <sheetData> content in pieces of whole rows, decoded."""
    head = b""
    while True:
        data = stream.read(chunk)
        head += data
        match = _SHEET_DATA.search(head)
        if match is not None or not data or len(head) > _HEAD_LIMIT:
            break
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        raise _Unsupported("not UTF-8")
    declared = _DECLARATION.match(head.removeprefix(b"\xef\xbb\xbf"))
    if declared is not None and declared[1].lower() not in (b"utf-8", b"utf8"):
        raise _Unsupported(f"encoding {declared[1].decode('ascii')}")
    if match is None:
        if b"sheetData" in head:
            raise _Unsupported("unreadable <sheetData>")
        return
    if match[1]:
        raise _Unsupported("namespace prefix")
    if match[2]:  # <sheetData/>
        return
    references = _References()
    rest = head[match.end() :]
    while True:
        end = rest.find(b"</sheetData>")
        if end >= 0:
            yield _decode(rest[:end], references)
            return
        cut = rest.rfind(b"</row>")
        if cut >= 0:
            cut += 6
            yield _decode(rest[:cut], references)
            rest = rest[cut:]
        data = stream.read(chunk)
        if not data:
            raise _Unsupported("the sheet ends inside <sheetData>")
        rest += data


class FastBook(StreamBook):
    """The regex reader; shared strings and date styles as the lxml reader reads them."""

    engine = "fast"
    chunk = CHUNK

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        """(1-based row, cleaned values); a construct found past the first rows hands the rest
        of the sheet to the lxml reader, one found before them raises EngineError."""
        done = 0
        try:
            for item in self._fast_rows(sheet, width):
                yield item
                done += 1
        except _Unsupported as error:
            if not done:
                raise EngineError(f"fast reader: {error}", row=1) from error
        else:
            return
        yield from islice(StreamBook.rows(self, sheet, width), done, None)

    def _fast_rows(self, sheet: str, width: int | None) -> Iterator[tuple[int, list[object]]]:
        part = self.package.part(sheet)
        if part is None:
            raise EngineError(sheet)
        if self._strings is None:
            self._strings = _Strings(self.package.zf, self.package.shared_strings)
        strings = self._strings
        date_styles = self._load_date_styles()
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        epoch = CALENDAR_MAC_1904 if self.package.date1904 else CALENDAR_WINDOWS_1900
        limit = width if width is not None else 1 << 20
        clean = clean_value
        columns: dict[str, int] = {}
        number = 0
        find_rows, find_cells, row_number = _ROW.findall, _CELL.findall, _ROW_NUMBER.search
        with self.package.zf.open(part.member) as stream:
            for piece in _pieces(stream, self.chunk):
                found = find_rows(piece)
                if len(found) != piece.count("<row"):
                    raise _Unsupported(f"unreadable row after row {number}")
                for attributes, body in found:
                    ref = row_number(attributes) if "r=" in attributes else None
                    number = int(ref[1]) if ref else number + 1
                    values: list[object] = []
                    if not body:
                        yield number, values
                        continue
                    cells = find_cells(body)
                    if len(cells) != body.count("<c") and len(cells) != len(
                        _CELL_START.findall(body)
                    ):
                        raise _Unsupported(f"unreadable cell in row {number}")
                    column = 0
                    for letters, style, kind, text, inline in cells:
                        if letters:
                            column = columns.get(letters, -1)
                            if column < 0:
                                column = columns[letters] = column_index(letters)
                        if column >= limit:
                            break
                        value: object = None
                        if not kind or kind == "n":
                            if text:
                                value = _number(text)
                                if date_styles and style:
                                    duration = date_styles.get(int(style))
                                    if duration is not None:
                                        value = clean(from_excel(value, epoch, timedelta=duration))
                        elif kind == "inlineStr":
                            if inline:
                                value = clean(_inline(inline))
                        elif kind == "s":
                            if text:
                                value = clean(strings[int(text)])
                        elif kind == "b":
                            value = None if not text else text.strip() in ("1", "true")
                        elif kind == "d":
                            value = clean(dt.datetime.fromisoformat(_text(text))) if text else None
                        elif kind != "e":  # "str": a formula's text result; "e": an error
                            value = clean(_text(text)) if text else None
                        if column == len(values):
                            values.append(value)
                        elif column > len(values):
                            values.extend([None] * (column - len(values)))
                            values.append(value)
                        else:
                            values[column] = value
                        column += 1
                    yield number, values
