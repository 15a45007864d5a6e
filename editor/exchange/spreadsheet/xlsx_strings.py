"""The shared strings table of the regex reader: read with a regular expression, not lxml.

Excel and LibreOffice keep every text of a workbook in xl/sharedStrings.xml, one <si> per
string, and a 300,000-row registry has over a million of them: lxml's iterparse took 1.6 s of
the read, the expression below 0.35 s. A plain string (<si><t>text</t></si>, no entity) is
copied into the packed buffer as the UTF-8 it already is; any other <si> (runs, phonetic text,
entities) is parsed with lxml on its own. Anything the expression does not expect — another
encoding, namespace prefixes, text between the elements, bytes XML forbids — hands the table
to the lxml reader (`xlsx_stream._Strings`), which reads it from the start and reports what is
wrong with it, so the strings and the errors are those of that reader.
"""

from __future__ import annotations

import re
import zipfile
from array import array
from itertools import accumulate

from lxml import etree

from editor.exchange.spreadsheet.xlsx import open_member
from editor.exchange.spreadsheet.xlsx_stream import _rich_text, _Strings, _unescape

CHUNK = 2 << 20  # bytes inflated per step
_BATCH = 4096  # strings read past the one asked for (as _Strings does)
_HEAD_LIMIT = 1 << 20
_ROOT = re.compile(rb"<sst(?=[\s>])[^>]*>")
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding=[\"']([\w.-]+)[\"']")
_SI = re.compile(
    rb'<si>(?:<t(?: xml:space="preserve")?>([^<&\r]*)</t>|(.*?))</si>|<si/>', re.DOTALL
)
_PLAIN = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<&\r]*)</t></si>')
_ALLOWED = bytes(range(0x20, 0x100)) + b"\t\n\r"  # the bytes XML allows in text
_SPACE = b" \t\r\n"


class _Unsupported(Exception):
    """The table holds XML the expression does not read: the lxml reader takes over."""


class FastStrings:
    """Shared strings by index, read as far as asked (see the module docstring)."""

    def __init__(self, zf: zipfile.ZipFile, member: str | None) -> None:
        self._zf, self._member = zf, member
        self._buffer = bytearray()
        self._offsets = array("Q", [0])
        self._stream = open_member(zf, member) if member is not None else None
        self._rest = b""
        self._started = False
        self._fallback: _Strings | None = None

    def __getitem__(self, index: int) -> str:
        if self._fallback is not None:
            return self._fallback[index]
        offsets = self._offsets
        if index + 1 >= len(offsets):
            try:
                self._load(index)
            except _Unsupported:
                self.close()
                self._buffer = bytearray()
                self._fallback = _Strings(self._zf, self._member)
                return self._fallback[index]
        return self._buffer[offsets[index] : offsets[index + 1]].decode("utf-8", "surrogatepass")

    def _load(self, index: int) -> None:
        target = index + _BATCH
        while len(self._offsets) <= target and self._stream is not None:
            self._step()
        if index + 1 >= len(self._offsets):
            raise IndexError(index)

    def _step(self) -> None:
        data = self._stream.read(CHUNK)  # type: ignore[union-attr]
        text = self._rest + data
        if not self._started:
            text = self._start(text, final=not data)
            if text is None:
                return
        if not data:
            self.close()
            if text.strip(_SPACE) != b"</sst>":
                raise _Unsupported("the table does not end with </sst>")
            return
        cut = max(text.rfind(b"</si>"), text.rfind(b"<si/>"))
        if cut < 0:
            self._rest = text
            return
        cut += 5
        self._rest = text[cut:]
        self._read(text[:cut])

    def _start(self, text: bytes, *, final: bool) -> bytes | None:
        """The text after the root element's start tag; None while it is not all read yet."""
        match = _ROOT.search(text)
        if match is None:
            if final or len(text) > _HEAD_LIMIT or b":sst" in text:
                raise _Unsupported("no unprefixed <sst>")
            self._rest = text
            return None
        head = text[: match.start()]
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            raise _Unsupported("not UTF-8")
        declared = _DECLARATION.search(head)
        if declared is not None and declared[1].lower() not in (b"utf-8", b"utf8"):
            raise _Unsupported("not UTF-8")
        if match[0].endswith(b"/>"):
            raise _Unsupported("an empty table")  # no strings: the lxml reader says so
        self._started = True
        return text[match.end() :]

    def _read(self, piece: bytes) -> None:
        try:
            piece.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _Unsupported("not UTF-8") from error
        if piece.translate(None, _ALLOWED):  # what is left are the control bytes
            raise _Unsupported("a character XML forbids")
        buffer, offsets = self._buffer, self._offsets
        if b"&" not in piece and b"_x" not in piece:
            # Usually every string is plain: all of them at once, if nothing else is there.
            texts = _PLAIN.findall(piece)
            # Nothing else is there when the matches add up to the whole piece ("<" is never
            # in text, so each start tag counted is one of theirs).
            markup = 16 * len(texts) + 21 * piece.count(b'<si><t xml:space="preserve">')
            if len(texts) == piece.count(b"<si") and len(piece) == markup + sum(map(len, texts)):
                offsets.extend(accumulate(map(len, texts), initial=len(buffer)))
                del offsets[-len(texts) - 1]  # the start, already there
                buffer += b"".join(texts)
                return
        position = 0
        for match in _SI.finditer(piece):
            if match.start() != position and piece[position : match.start()].strip(_SPACE):
                raise _Unsupported("text between the strings")
            plain, body = match.groups()
            if plain is not None:
                if b"_x" in plain:
                    plain = _unescape(plain.decode("utf-8")).encode("utf-8", "surrogatepass")
                buffer += plain
            elif body:
                buffer += _parsed(body).encode("utf-8", "surrogatepass")
            offsets.append(len(buffer))
            position = match.end()
        if piece[position:].strip(_SPACE):
            raise _Unsupported("text between the strings")

    def close(self) -> None:
        """Stop reading the part (what was read stays)."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        if self._fallback is not None:
            self._fallback.close()


def _parsed(body: bytes) -> str:
    """The text of one <si> that is not a plain string, as the lxml reader reads it."""
    if b":" in body and re.search(rb"</?[\w.-]+:", body):
        raise _Unsupported("namespace prefix")
    try:
        element = etree.fromstring(
            b"<si>" + body + b"</si>",
            etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False),
        )
    except etree.XMLSyntaxError as error:
        raise _Unsupported(str(error)) from error
    if len(element) == 1 and element[0].tag == "t":
        text = element[0].text or ""
        return _unescape(text) if "_x" in text else text
    return _rich_text(element, "t", "r")
