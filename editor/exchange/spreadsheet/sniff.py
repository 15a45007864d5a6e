"""What kind of file a spreadsheet is, by its content, and the safety checks made before it is
expanded (zip and XML bombs, passwords); `ReadError` is the error every reader raises.
"""

from __future__ import annotations

import codecs
import csv
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from editor.core.i18n import tr

_SNIFF_BYTES = 64 * 1024
_BOMB_MEMBER_BYTES = 50 * 1024**2
_BOMB_RATIO = 200
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SQLITE = b"SQLite format 3\x00"
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


def read_error(
    path: Path, text: str, sheet: str | None = None, row: int | None = None
) -> ReadError:
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
class Kind:
    kind: str  # "xlsx" | "xls" | "xlsb" | "ods" | "csv" | "catalogue"
    encoding: str = ""
    delimiter: str = ""
    sample: str = ""  # the decoded start of a CSV file


def sniff_kind(path: str | Path) -> str:
    """ "xlsx", "xls", "xlsb", "ods", "csv" or "catalogue" (an SQLite file) by content;
    ReadError for anything else."""
    return sniff(Path(path)).kind


def sniff(path: Path) -> Kind:
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            whole = not stream.read(1)
    except FileNotFoundError:
        raise read_error(path, tr("файл не найден", "import")) from None
    except IsADirectoryError:
        raise read_error(path, tr("это папка, а не файл", "import")) from None
    except OSError as error:
        raise read_error(
            path, tr("нет доступа к файлу (он открыт в другой программе?)", "import")
        ) from error
    if not head:
        raise read_error(path, tr("файл пуст", "import"))
    if head.startswith(_SQLITE):
        return Kind("catalogue")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(path)
    if head.startswith(_OLE2):
        if _ole_encrypted(path):
            raise read_error(
                path, tr("файл защищён паролем: снимите пароль и сохраните заново", "import")
            )
        return Kind("xls")
    if not head.startswith((b"%PDF", b"{\\rtf", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")):
        kind = _sniff_text(path, head, whole)
        if kind is not None:
            return kind
    raise read_error(path, tr("не таблица Excel или CSV", "import"))


def _sniff_zip(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as zf:
            names = {name.lower() for name in zf.namelist()}
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise read_error(
            path, tr("файл повреждён: откройте его в Excel и сохраните заново", "import")
        ) from error
    if "xl/workbook.xml" in names:
        return Kind("xlsx")
    if "xl/workbook.bin" in names:
        return Kind("xlsb")
    if mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
        return Kind("ods")
    if b"spreadsheet" in mimetype:  # a template or flat variant calamine does not read
        raise read_error(path, tr("формат .ods: сохраните файл как .xlsx", "import"))
    raise read_error(path, tr("не таблица Excel или CSV", "import"))


def _ole_encrypted(path: Path) -> bool:
    """An OLE2 file holding an EncryptionInfo stream is an xlsx locked with a password (an .xls
    otherwise: a damaged or foreign OLE2 file is then refused by the reader as damaged)."""
    with path.open("rb") as stream:
        data = stream.read(64 * 1024**2)
    return "EncryptionInfo".encode("utf-16-le") in data or b"EncryptionInfo" in data


def _sniff_text(path: Path, head: bytes, whole: bool) -> Kind | None:
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
            raise read_error(
                path,
                tr(
                    "это веб-страница (HTML), а не таблица: откройте её в Excel"
                    " и сохраните как .xlsx",
                    "import",
                ),
            )
        if "excel.sheet" in start or "urn:schemas-microsoft-com:office:spreadsheet" in text:
            raise read_error(
                path, tr("формат «Таблица XML 2003»: сохраните файл как .xlsx", "import")
            )
        return None
    lines = text.splitlines()
    if not whole and len(lines) > 1:
        lines.pop()  # cut in the middle
    return Kind("csv", encoding, _sniff_delimiter(lines[:100]), "\n".join(lines))


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


def check_zip(path: Path, zf: zipfile.ZipFile, max_uncompressed: int) -> None:
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
        raise read_error(
            path,
            tr(
                "файл распаковывается в {size} — похоже на zip-бомбу, импорт отменён", "import"
            ).format(size=_size_text(size)),
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise read_error(
                path, tr("файл защищён паролем: снимите пароль и сохраните заново", "import")
            )
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with zf.open(info) as stream:
            head = stream.read(_SNIFF_BYTES)
        if head[:4].count(b"\x00"):  # UTF-16 XML
            head = head.decode("utf-16", "ignore").encode()
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise read_error(
                path,
                tr(
                    "в файле есть DOCTYPE/ENTITY ({part}) — так устроены XML-бомбы, импорт отменён",
                    "import",
                ).format(part=info.filename),
            )
