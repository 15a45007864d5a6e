"""A fast streaming .xlsx sheet reader: regular expressions over the inflated sheet XML.

The sheet part is inflated in chunks of a few MiB, cut after the last complete ``</row>``, split
into rows at ``</row>`` and the cells picked out with compiled regexes instead of an XML parser.
A cell's markup after its column reference (``t="n"><v>2</v></c>``) is a key to its cleaned
value: columns of categories, flags and small numbers repeat down a sheet, so most cells cost a
dict lookup. It understands the XML that spreadsheet writers produce (unprefixed SpreadsheetML
in UTF-8); anything else in the cell data (namespace prefixes, comments, CDATA, odd attribute
quoting, unknown entities) stops it before a wrong value could come out: with EngineError when
no row has been given yet (open_table then tries the lxml reader), else the lxml reader reads
the rest of the sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from itertools import islice
from operator import itemgetter

from editor.exchange.spreadsheet.xlsx import (
    EngineError,
    clean_value,
    column_index,
    open_member,
)
from editor.exchange.spreadsheet.xlsx_stream import StreamBook, _number, _unescape
from editor.exchange.spreadsheet.xlsx_strings import FastStrings

CHUNK = 2 << 20  # bytes of sheet XML inflated per step
_HEAD_LIMIT = 64 << 20  # <cols>, <sheetViews> … before the cell data: never near this
_CACHE_LIMIT = 1 << 14  # distinct inline texts remembered (categories repeat down a column)
_MISSING = object()
_SHEET_DATA = re.compile(rb"<([\w.-]+:)?sheetData(?=[\s/>])[^>]*?(/?)>")
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding=[\"']([\w.-]+)[\"']")
_PREFIXED = re.compile(r"</?[\w.-]+:")
_PREFIXED_ROW_OR_CELL = re.compile(r":(?:row|c)[\s/>]")
_DECIMAL_REF = re.compile(r"&#([0-9]{1,7});")
_HEX_REF = re.compile(r"&#x([0-9A-Fa-f]{1,6});")
_BAD_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)")
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The start of a row after any text between rows (which XML ignores, and "<" cannot be in): its
# number when r comes first, its other attributes, and "/" for an empty row written as <row …/>.
# A row's end is its first "</row>".
_ROW_HEAD = re.compile(r'[^<]*<row(?: r="([0-9]+)")?((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>')
_ROW_NUMBER = re.compile(r'\sr="([0-9]+)"')
# A cell: attributes strictly double-quoted, r / s / t in any order (a group inside a repeat
# keeps its value from the round that matched it), then <f>?, then one of <v> or <is>; an <is>
# with one plain <t> gets its own group. A cell that does not fit fails to match, and its "<"
# then lands in the last group, as does any other element in a row.
_CELL = re.compile(
    r"<c"
    r'(?:\s+(?:r="([A-Z]{1,3})[0-9]*"|s="([0-9]+)"|t="(\w+)"|[\w:.-]+="[^"]*"))*\s*'
    r"(?:/>|>\s*"
    r"(?:<f(?:\s[^>]*?)?(?:/>|>[^<]*</f>)\s*)?"
    r"(?:<is>\s*<t(?:\s[^>]*)?>([^<]*)</t>\s*</is>\s*|<v>([^<]*)</v>\s*"
    r"|<is>(.*?)</is>\s*|<v/>\s*|<is/>\s*)?"
    r"</c>)|(<)",
    re.DOTALL,
)
# What splits a row of the cells most writers produce (r, s, t in this order; a <v>, or an <is>
# with one plain <t>) into the column letters and the rest of each cell: several times fewer
# regex steps than reading the cells with _CELL. Each rest must be one such cell's rest, read
# with _SIMPLE_REST; a row with anything else is read again with _CELL.
_CELL_START = re.compile(r'<c r="([A-Z]{1,3})[0-9]*"')
_SIMPLE_REST = re.compile(
    r'(?: s="([0-9]+)")?(?: t="(\w+)")?'
    r'(?:/>|>(?:<is><t(?: xml:space="preserve")?>([^<]*)</t></is>|<v>([^<]*)</v>)?</c>)'
)
# The rests most cells have (a plain inline text, an unstyled number), read without a regex.
_INLINE_HEAD, _INLINE_TAIL = ' t="inlineStr"><is><t>', "</t></is></c>"
_NUMBER_HEADS, _NUMBER_TAIL = (' t="n"><v>', "><v>"), "</v></c>"
_INLINE_START, _INLINE_END, _NUMBER_END = len(_INLINE_HEAD), -len(_INLINE_TAIL), -len(_NUMBER_TAIL)
# A shared string's rest, after its style if any (as Excel and LibreOffice write text).
_SHARED_HEAD = ' t="s"><v>'
_PHONETIC = re.compile(r"<rPh(?=[\s/>]).*?</rPh>|<rPh(?=[\s/>])[^>]*/>", re.DOTALL)
_ANY_T = re.compile(r"<t(?=[\s/>])[^>]*?(?:/>|>([^<]*)</t>)")
# References to the characters that delimit markup stay escaped until the named entities go.
_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


class _Unsupported(Exception):
    """The sheet holds XML these regexes do not read."""


class _References(dict):
    """Words of raw text → the words with character references resolved (markup characters
    kept escaped). Text is resolved a word at a time because words repeat: a file written
    with every Cyrillic letter as a reference would otherwise cost a dict lookup per letter."""

    def __init__(self) -> None:
        super().__init__()
        self.characters = _Characters()

    def __missing__(self, raw: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        parts = _DECIMAL_REF.split(raw)
        parts[1::2] = map(self.characters.__getitem__, parts[1::2])
        word = "".join(parts)
        if "&#x" in word:
            word = _HEX_REF.sub(_hex_reference, word)
        self[raw] = word
        return word


class _Characters(dict):
    """The digits of a decimal character reference → its character (markup kept escaped)."""

    def __missing__(self, digits: str) -> str:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        char = self[digits] = _character(int(digits))
        return char


def _character(code: int) -> str:
    try:
        char = chr(code)
    except (ValueError, OverflowError) as error:
        raise _Unsupported(f"character reference {code}") from error
    if _BAD_CHAR.match(char):
        raise _Unsupported(f"character reference {code}")
    return _MARKUP.get(char, char)


def _hex_reference(match: re.Match) -> str:
    return _character(int(match[1], 16))


def _resolve(raw: str, references: _References) -> str:
    """Character data of an element as an XML parser reports it: references and the five
    predefined entities resolved; anything else with "&", or a character XML forbids, refused."""
    if "&" in raw:
        if "&#" in raw:
            raw = " ".join(map(references.__getitem__, raw.split(" ")))
        if "&" in raw:
            if _BAD_AMPERSAND.search(raw):
                raise _Unsupported("unknown entity or malformed character reference")
            raw = (
                raw.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", '"')
                .replace("&apos;", "'")
                .replace("&amp;", "&")
            )
    if not raw.isprintable() and _BAD_CHAR.search(raw):  # printable text has none of them
        raise _Unsupported("character not allowed in XML")
    return raw


def _inline(raw: str, references: _References) -> str:
    """The text of a plain <is><t>: resolved, with Excel's _xHHHH_ escapes undone."""
    text = _resolve(raw, references)
    return _unescape(text) if "_x" in text else text


def _rich(body: str, references: _References) -> str:
    """The text of an <is> of runs: its <t>, or its runs' <t>; phonetic runs (<rPh>) left out."""
    if ":" in body and _PREFIXED.search(body):
        raise _Unsupported("namespace prefix in rich text")
    if "<rPh" in body:
        body = _PHONETIC.sub("", body)
    return _inline("".join(_ANY_T.findall(body)), references)


def _check(text: str) -> None:
    """Refuse what the regexes would misread or skip: comments, CDATA, processing instructions
    and namespace-prefixed rows or cells (looked for from their colon, which is rare in sheet
    data, so that the scan stays fast; a colon in text that merely looks like one only costs
    the slower reader)."""
    # "!" and "?" are found by memchr; "<!" is slow to find where every other byte is "<".
    if ("!" in text and "<!" in text) or ("?" in text and "<?" in text):
        raise _Unsupported("comment, CDATA or processing instruction in the cell data")
    if _PREFIXED_ROW_OR_CELL.search(text):
        raise _Unsupported("namespace prefix")


def _decode(data: bytes) -> str:
    """A piece of sheet data as checked text with line ends normalised as a parser does."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Unsupported(f"not UTF-8: {error}") from error
    _check(text)
    if "\r" in text:  # a literal CR is a line end to XML (only &#13; stays a CR)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    rest = head[match.end() :]
    while True:
        end = rest.find(b"</sheetData>")
        if end >= 0:
            yield _decode(rest[:end])
            return
        cut = rest.rfind(b"</row>")
        if cut >= 0:
            cut += 6
            yield _decode(rest[:cut])
            rest = rest[cut:]
        data = stream.read(chunk)
        if not data:
            raise _Unsupported("the sheet ends inside <sheetData>")
        rest += data


class _NotSimple(Exception):
    """A row holds something else than the cells _CELL_START and _SIMPLE_REST read."""


class _Cells(dict):
    """The rest of a simple cell's markup (after its column letters) → its cleaned value.

    A row's cells are mostly the same markup as in the rows above (categories, flags, small
    numbers, one date), so a row's values come from one map over this dict; a miss is read here
    and remembered. When the dict is full its entries become the previous generation, which a
    miss looks in first: what repeats survives, while the cells that never repeat (names, links)
    pass through.
    """

    def __init__(self, strings, date_styles: dict[int, bool], epoch: dt.datetime) -> None:
        from openpyxl.utils.datetime import from_excel

        super().__init__()
        self.previous: dict[str, object] = {}
        self.strings = strings
        self.date_styles = date_styles
        self.epoch = epoch
        self.from_excel = from_excel
        self.references = _References()
        self.texts: dict[str, object] = {}  # raw plain inline text → cleaned value
        self.shared: dict[str, object] = {}  # shared string index as written → cleaned value
        self.columns: dict[str, int] = {}  # column letters → index

    def __missing__(self, rest: str) -> object:
        value = self.previous.get(rest, _MISSING)
        if value is _MISSING:
            # The two rests most cells have are read here, anything else with _SIMPLE_REST.
            if rest.startswith(_INLINE_HEAD) and rest.endswith(_INLINE_TAIL):
                raw = rest[_INLINE_START:_INLINE_END]
                if "<" not in raw:
                    if "&" in raw or not raw.isprintable():
                        raw = _resolve(raw, self.references)
                    value = clean_value(_unescape(raw) if "_x" in raw else raw)
            elif rest.endswith(_NUMBER_TAIL) and _SHARED_HEAD in rest:
                head, _, raw = rest[:_NUMBER_END].partition(_SHARED_HEAD)
                if raw.isascii() and raw.isdigit() and _plain_style(head):
                    value = self.shared.get(raw, self.shared)
                    if value is self.shared:
                        if len(self.shared) >= _CACHE_LIMIT:
                            self.shared.clear()
                        value = self.shared[raw] = clean_value(self.strings[int(raw)])
            elif rest.endswith(_NUMBER_TAIL) and rest.startswith(_NUMBER_HEADS):
                raw = rest[rest.index(">") + 4 : _NUMBER_END]
                if raw and "<" not in raw:
                    try:
                        value = _number(raw)
                    except ValueError:
                        value = _number(_resolve(raw, self.references))
            if value is _MISSING:
                value = self._read(rest)
        if len(self) >= _CACHE_LIMIT:
            self.previous = dict(self)
            self.clear()
        self[rest] = value
        return value

    def _read(self, rest: str) -> object:
        """The value of a cell from the rest of its markup; _NotSimple if that is not one."""
        match = _SIMPLE_REST.fullmatch(rest)
        if match is None:
            raise _NotSimple
        style, kind, plain, text = match.groups("")
        return self.value(style, kind, plain, text, "")

    def value(self, style: str, kind: str, plain: str, text: str, rich: str) -> object:
        """The cleaned value of a cell from its regex groups ("" for those it lacks)."""
        clean = clean_value
        if kind == "inlineStr":
            if plain:
                value = self.texts.get(plain, self.texts)
                if value is self.texts:
                    if len(self.texts) >= _CACHE_LIMIT:
                        self.texts.clear()
                    value = self.texts[plain] = clean(_inline(plain, self.references))
                return value
            return clean(_rich(rich, self.references)) if rich else None
        if not text:
            return None
        if not kind or kind == "n":
            try:
                value = _number(text)
            except ValueError:
                value = _number(_resolve(text, self.references))
            if self.date_styles and style:
                duration = self.date_styles.get(int(style))
                if duration is not None:
                    value = clean(self.from_excel(value, self.epoch, timedelta=duration))
            return value
        if kind == "s":
            value = self.shared.get(text, self.shared)
            if value is self.shared:
                if len(self.shared) >= _CACHE_LIMIT:
                    self.shared.clear()
                value = self.shared[text] = clean(self.strings[int(text)])
            return value
        if kind == "b":
            return _resolve(text, self.references).strip() in ("1", "true")
        if kind == "d":
            return clean(dt.datetime.fromisoformat(_resolve(text, self.references)))
        if kind == "e":  # an error: no value
            return None
        return clean(_resolve(text, self.references))  # "str": a formula's text result

    def row(self, body: str, number: int, limit: int) -> list[object]:
        """The values of a row with a cell the simple regex does not read, cell by cell."""
        columns = self.columns
        values: list[object] = []
        column = 0
        for letters, style, kind, plain, text, rich, odd in _CELL.findall(body):
            if letters:
                column = columns.get(letters, -1)
                if column < 0:
                    column = columns[letters] = column_index(letters)
            if column >= limit:
                break
            if odd:
                raise _Unsupported(f"unreadable cell in row {number}")
            value = self.value(style, kind, plain, text, rich)
            if column == len(values):
                values.append(value)
            elif column > len(values):
                values.extend([None] * (column - len(values)))
                values.append(value)
            else:
                values[column] = value
            column += 1
        return values


def _plain_style(head: str) -> bool:
    """Whether the attributes before t="s" are none or a style alone (s="12")."""
    return not head or (
        head.startswith(' s="')
        and head.endswith('"')
        and head[4:-1].isascii()
        and head[4:-1].isdigit()
    )


def _layout(letters: tuple[str, ...], limit: int) -> tuple[int, Callable[[list], tuple] | None]:
    """How cells in the columns `letters` fill a row, as reading them one by one does: how many
    are read (reading stops at the first beyond `limit`) and, unless they are the first columns
    in order, what picks the row from their values with a None appended (each column takes the
    last cell written there, or the None)."""
    columns = [column_index(column) for column in letters]
    count = next((i for i, column in enumerate(columns) if column >= limit), len(columns))
    del columns[count:]
    if columns == list(range(count)):
        return count, None
    sources = [count] * (max(columns) + 1)
    for cell, column in enumerate(columns):
        sources[column] = cell
    if len(sources) == 1:  # itemgetter of one index gives the item, not a tuple
        return count, lambda values: (values[sources[0]],)
    return count, itemgetter(*sources)


class FastBook(StreamBook):
    """The regex reader; shared strings and date styles as the lxml reader reads them."""

    engine = "fast"
    chunk = CHUNK

    def _prepare(self, sheet: str, width: int | None):
        if self._strings is None:  # the regex reader of the shared strings too
            self._strings = FastStrings(self.package.zf, self.package.shared_strings)  # type: ignore[assignment]
        return StreamBook._prepare(self, sheet, width)

    def rows(self, sheet: str, width: int | None = None) -> Iterator[tuple[int, list[object]]]:
        """(1-based row, cleaned values). XML these regexes do not read raises EngineError if
        no row has been yielded yet; after that, the lxml reader yields the rest of the sheet."""
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
        part, strings, date_styles, epoch, limit = self._prepare(sheet, width)
        cells = _Cells(strings, date_styles, epoch)
        layouts: dict[tuple[str, ...], tuple[int, Callable[[list], tuple] | None]] = {}
        number = 0
        row_head, row_number, split_cells = _ROW_HEAD.match, _ROW_NUMBER.search, _CELL_START.split
        value_of = cells.__getitem__
        with open_member(self.package.zf, part.member) as stream:
            for piece in _pieces(stream, self.chunk):
                # Each text but the last ends a row ("<" is never literal in XML text).
                texts = piece.split("</row>")
                last = len(texts) - 1
                for index, text in enumerate(texts):
                    start = 0
                    while (head := row_head(text, start)) is not None:
                        first, attributes, empty = head.groups()
                        if first:
                            number = int(first)
                        else:
                            ref = row_number(attributes) if "r=" in attributes else None
                            number = int(ref[1]) if ref else number + 1
                        start = head.end()
                        if empty:
                            yield number, []
                            continue
                        if index == last:
                            raise _Unsupported(f"row {number} has no end")
                        # [text up to the first cell, letters, rest, letters, rest, …]
                        parts = split_cells(text)
                        try:
                            if len(parts[0]) != start:  # something before the first cell
                                raise _NotSimple
                            letters = tuple(parts[1::2])
                            layout = layouts.get(letters)
                            if layout is None:
                                if len(layouts) >= _CACHE_LIMIT:
                                    layouts.clear()
                                layout = layouts[letters] = _layout(letters, limit)
                            count, pick = layout
                            rests = (
                                parts[2::2]
                                if count == len(letters)
                                else parts[2 : 2 * count + 1 : 2]
                            )
                            values: list[object] = list(map(value_of, rests))
                        except _NotSimple:
                            values = cells.row(text[start:], number, limit)
                        else:
                            if pick is not None:
                                values.append(None)
                                values = list(pick(values))
                        yield number, values
                        start = len(text)
                        break
                    if text.find("<", start) >= 0:
                        raise _Unsupported(f"unreadable markup after row {number}")
