"""Reading territory classifier files: the Rosstat ОКТМО layout, municipality lists, code tables.

Each reader turns a file into :class:`ParsedFile` (classifier positions with their level and
kind, plus former names) or raises :class:`ClassifierError` naming the file and line. The
layout and the encoding are recognised from the content, never from the file extension.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.i18n import tr
from editor.core.normalize import fold_text

# TER;KOD1;KOD2;KOD3;KC;RAZDEL;NAME1;Centrum;NomDescr;NomAkt;Status;DateUtv;DateVved
ROSSTAT_FIELDS = 13
CURRENT_YEAR_TO = 9999  # the municipality list marks rows still in force with year_to = 9999
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls

MUNICIPALITY_KINDS = {
    "7": "городской округ",
    "5": "муниципальный округ",
    "6": "муниципальный район",
    "3": "внутригородская территория",
}
SETTLEMENT_KINDS = {
    "1": "городское поселение",
    "4": "сельское поселение",
    "7": "межселенная территория",
    "3": "внутригородской район",
}
# Locality type abbreviations of ОКТМО names («г Алейск», «ст-ца Каневская»).
LOCALITY_KINDS = {
    "г": "город",
    "пгт": "посёлок городского типа",
    "рп": "рабочий посёлок",
    "кп": "курортный посёлок",
    "дп": "дачный посёлок",
    "гп": "городской посёлок",
    "п": "посёлок",
    "пос": "посёлок",
    "с": "село",
    "д": "деревня",
    "х": "хутор",
    "ст-ца": "станица",
    "ст": "станция",
    "рзд": "разъезд",
    "аул": "аул",
    "сл": "слобода",
    "м": "местечко",
    "нп": "населённый пункт",
    "у": "улус",
    "высел": "выселки",
    "мкр": "микрорайон",
    "починок": "починок",
    "заимка": "заимка",
    "кордон": "кордон",
    "тер": "территория",
    "пст": "посёлок при станции",
    "п/ст": "посёлок при станции",
    "ж/д ст": "железнодорожная станция",
    "ж/д рзд": "железнодорожный разъезд",
    "ж/д будка": "железнодорожная будка",
    "ж/д казарм": "железнодорожная казарма",
    "ж/д платф": "железнодорожная платформа",
    "ж/д оп": "железнодорожный остановочный пункт",
    "ж/д пост": "железнодорожный пост",
}
LOCALITY_DEFAULT_KIND = "населённый пункт"
# Rosstat group headings that do not end in "/" («Населенные пункты, входящие в состав …»).
_HEADING_PREFIXES = ("населенные пункты, входящие в состав", "муниципальные образования ")


class ClassifierError(ValueError):
    """A classifier file that cannot be loaded; str() is one Russian line naming file and line."""


@dataclass(frozen=True)
class Position:
    """One territory of a classifier: its ОКТМО code (8 or 11 digits), name, level and kind."""

    code: str
    name: str
    level: str  # municipality | settlement | locality
    kind: str
    line: int


@dataclass(frozen=True)
class FormerName:
    """An earlier name of the territory that bears `code` now (recorded as an alias)."""

    code: str
    name: str
    line: int


@dataclass(frozen=True)
class Transform:
    """A unit the file shows abolished into a successor (same territory_id, a later version)."""

    old_code: str
    old_name: str
    new_code: str
    line: int


@dataclass
class ParsedFile:
    """What one classifier file holds, validated but not yet compared with the catalogue."""

    path: Path
    layout: str  # rosstat | municipalities | table
    positions: list[Position] = field(default_factory=list)
    former_names: list[FormerName] = field(default_factory=list)
    transforms: list[Transform] = field(default_factory=list)
    # Abolished units the file names no successor for: kept in the catalogue and reported.
    abolished: list[Position] = field(default_factory=list)


def fail(path: Path, line: int | None, message: str) -> ClassifierError:
    """The error «file, строка N: message» (the line is left out when unknown)."""
    where = tr("{file}, строка {line}").format(file=path, line=line) if line else str(path)
    return ClassifierError(f"{where}: {message}")


# ---------------------------------------------------------------- codes


def normalize_code(value: object) -> str | None:
    """An 8- or 11-digit ОКТМО code from a cell («37-701-000-000», 1601000.0), or None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"[\s\-.]", "", str(value if value is not None else ""))
    if not text.isdigit():
        return None
    # A spreadsheet that took the code for a number dropped the leading zero (region 01–09).
    if len(text) in (7, 10):
        text = "0" + text
    if len(text) == 11 and text.endswith("000"):
        text = text[:8]
    return text if len(text) in (8, 11) else None


def code_level(code: str) -> str | None:
    """The level of a code (municipality / settlement / locality), None for a group heading."""
    if len(code) == 11:
        return None if code[8:] == "000" else "locality"
    municipality, settlement = code[2:5], code[5:8]
    if settlement == "000":
        # X00 codes head a group («Муниципальные районы …»); 000 is the region itself.
        return None if municipality.endswith("00") else "municipality"
    return None if settlement.endswith("00") else "settlement"


def kind_of(code: str, level: str, name: str) -> str:
    """The finer type of a territory, from its code (DESIGN §2) or, for localities, its name."""
    if level == "municipality":
        kind = MUNICIPALITY_KINDS.get(code[2], "")
        return kind or _kind_from_name(name)
    if level == "settlement":
        return SETTLEMENT_KINDS.get(code[5], "поселение")
    return locality_kind(name)


def _kind_from_name(name: str) -> str:
    # Special series (8xx/9xx: autonomous okrugs, new Moscow) carry the type in the name only.
    folded = fold_text(name)
    for kind in ("городской округ", "муниципальный округ", "муниципальный район"):
        if kind in folded:
            return kind
    if folded.startswith(("город ", "г ", "г.")):
        return "городской округ"
    if folded.endswith(" район"):
        return "муниципальный район"
    return ""


def locality_kind(name: str) -> str:
    """The type of a locality from its ОКТМО prefix: «с Мохнатушка» → село."""
    words = name.split()
    for size in (2, 1):
        prefix = " ".join(words[:size]).casefold()
        if len(words) > size and prefix in LOCALITY_KINDS:
            return LOCALITY_KINDS[prefix]
    return LOCALITY_DEFAULT_KIND


def is_heading_name(name: str) -> bool:
    """Group headings of classifier files are not territories."""
    if name.endswith("/"):
        return True
    # Folding is the slow part of a 200k-row load; only «Н…»/«М…» names can be headings.
    return name[:1] in "НнМм" and fold_text(name).startswith(_HEADING_PREFIXES)


def clean_name(value: object) -> str:
    """A cell's text with runs of spaces collapsed."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value if value is not None else "").split())


# ---------------------------------------------------------------- reading cells


Row = tuple[int, list[str]]  # (line number, cells)


def read_rows(path: Path) -> list[Row]:
    """The rows of a CSV or spreadsheet file, encoding and container recognised by content."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise fail(
            path,
            None,
            tr("не удалось прочитать файл: {error}").format(error=error.strerror or error),
        ) from error
    if not data.strip():
        raise fail(path, None, tr("файл пуст"))
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return _spreadsheet_rows(path, data)
    return _text_rows(path, _decode(path, data))


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise fail(path, None, tr("кодировка не распознана (ожидается UTF-8 или windows-1251)"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise fail(
            path, line, tr("кодировка не распознана (ожидается UTF-8 или windows-1251)")
        ) from error


def _text_rows(path: Path, text: str) -> list[Row]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    try:
        for cells in reader:
            rows.append((reader.line_num, [cell.strip() for cell in cells]))
    except csv.Error as error:
        raise fail(
            path,
            reader.line_num,
            tr("запись оборвана или кавычки не закрыты — файл обрезан или повреждён"),
        ) from error
    return rows


def _spreadsheet_rows(path: Path, data: bytes) -> list[Row]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            sheet = workbook.get_sheet_by_index(0)
            values = sheet.to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except Exception as error:  # calamine raises its own zip/xml errors for damaged files
        raise fail(
            path,
            None,
            tr("книга Excel повреждена или обрезана ({error})").format(
                error=" ".join(str(error).split())[:120]
            ),
        ) from error
    return [(index + 1, [_cell_text(cell) for cell in cells]) for index, cells in enumerate(values)]


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def non_empty(rows: Sequence[Row]) -> list[Row]:
    return [(line, cells) for line, cells in rows if any(cells)]


# ---------------------------------------------------------------- layouts


_MOJIBAKE = re.compile(r"(?:[РС][\u0400-\u045f\u201a-\u203a\u2116\u00a0-\u00bf]){3,}|\ufffd")


def check_encoding(path: Path, positions: list[Position]) -> None:
    """Names garbled by a wrong encoding would be loaded as nonsense: refuse the file."""
    for position in positions:
        if _MOJIBAKE.search(position.name) and not re.search(r"[а-яё]{3}", position.name[:12]):
            raise fail(
                path,
                position.line,
                tr(
                    "название «{name}» искажено: файл в кодировке windows-1251 был прочитан "
                    "как UTF-8 (или наоборот) и сохранён; возьмите исходный файл"
                ).format(name=position.name[:40]),
            )


def check_duplicates(path: Path, positions: list[Position]) -> None:
    """One name per code; an identical repeated row is dropped, a different name is an error."""
    seen: dict[str, Position] = {}
    unique: list[Position] = []
    for position in positions:
        earlier = seen.get(position.code)
        if earlier is None:
            seen[position.code] = position
            unique.append(position)
        elif earlier.name != position.name:
            raise fail(
                path,
                position.line,
                tr(
                    "код ОКТМО {code} повторяется с другим названием: «{name}», а в строке {line} — "
                    "«{earlier}»"
                ).format(
                    code=position.code, name=position.name, line=earlier.line, earlier=earlier.name
                ),
            )
    positions[:] = unique
