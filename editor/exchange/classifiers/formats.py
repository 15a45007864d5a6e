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


def _non_empty(rows: Sequence[Row]) -> list[Row]:
    return [(line, cells) for line, cells in rows if any(cells)]


# ---------------------------------------------------------------- layouts


def read_file(path: Path, *, current_only: bool = True, year: int | None = None) -> ParsedFile:
    """Read and validate one classifier file of any supported layout.

    `year` takes a versioned municipality list as it stood in that year (units valid in it);
    by default the units in force now.
    """
    rows = _non_empty(read_rows(path))
    if not rows:
        raise fail(path, None, tr("файл пуст"))
    if _is_rosstat(rows[0][1]) or (
        len(rows) > 1 and _is_rosstat_header(rows[0][1]) and _is_rosstat(rows[1][1])
    ):
        parsed = _read_rosstat(path, rows, current_only)
    elif _municipality_columns(rows[0][1]) is not None:
        parsed = _read_municipalities(path, rows, current_only, year)
    elif _is_table(rows):
        parsed = _read_table(path, rows)
    else:
        raise fail(
            path,
            rows[0][0],
            tr(
                "формат не распознан: ожидается файл ОКТМО Росстата, список муниципальных "
                "образований или таблица «код ОКТМО; название»"
            ),
        )
    _check_duplicates(path, parsed.positions)
    _check_encoding(path, parsed.positions)
    return parsed


# «РђР»РµР№СЃРєРёР№»: windows-1251 text once decoded as UTF-8 (or the reverse) and saved so.
_MOJIBAKE = re.compile(r"(?:[РС][\u0400-\u045f\u201a-\u203a\u2116\u00a0-\u00bf]){3,}|\ufffd")


def _check_encoding(path: Path, positions: list[Position]) -> None:
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


def _check_duplicates(path: Path, positions: list[Position]) -> None:
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


_ROSSTAT_CODE = re.compile(r"\d{2};\d{3};\d{3};\d{3}")


def _is_rosstat(cells: list[str]) -> bool:
    return (
        len(cells) >= ROSSTAT_FIELDS
        and bool(_ROSSTAT_CODE.fullmatch(";".join(cells[:4])))
        and cells[5] in ("1", "2")
    )


def _is_rosstat_header(cells: list[str]) -> bool:
    return [cell.casefold() for cell in cells[:4]] == ["ter", "kod1", "kod2", "kod3"]


def _read_rosstat(path: Path, rows: list[Row], current_only: bool) -> ParsedFile:
    parsed = ParsedFile(path, "rosstat")
    annulled: list[Position] = []
    if _is_rosstat_header(rows[0][1]):
        rows = rows[1:]
    for line, cells in rows:
        if len(cells) < ROSSTAT_FIELDS:
            raise fail(
                path,
                line,
                tr(
                    "неполная запись ({count} полей из {expected}) — файл обрезан или повреждён"
                ).format(count=len(cells), expected=ROSSTAT_FIELDS),
            )
        if not _is_rosstat(cells):
            raise fail(
                path,
                line,
                tr("неверный код ОКТМО «{code}» или раздел «{part}»").format(
                    code=" ".join(cells[:4]), part=cells[5]
                ),
            )
        name = clean_name(cells[6])
        if not name:
            raise fail(path, line, tr("нет названия"))
        code = "".join(cells[:3]) if cells[5] == "1" else "".join(cells[:4])
        level = code_level(code)
        if level is None or is_heading_name(name):
            continue
        position = Position(code, name, level, kind_of(code, level, name), line)
        # Status 1 marks an annulled position: loaded with all years only, and never in place
        # of a position that uses the code now.
        (annulled if cells[10] == "1" else parsed.positions).append(position)
    if not current_only:
        in_force = {position.code for position in parsed.positions}
        parsed.positions.extend(p for p in annulled if p.code not in in_force)
    return parsed


# Column names of the municipality list (SberIndex municipal dictionary).
_MUNICIPALITY_REQUIRED = ("oktmo", "municipal_district_name")
_MUNICIPALITY_OPTIONAL = (
    "municipal_district_type",
    "year_from",
    "year_to",
    "territory_id",
    "region_code",
)


def _municipality_columns(cells: list[str]) -> dict[str, int] | None:
    header = {cell.strip().casefold(): index for index, cell in enumerate(cells) if cell}
    if not all(name in header for name in _MUNICIPALITY_REQUIRED):
        return None
    return {
        name: header[name]
        for name in _MUNICIPALITY_REQUIRED + _MUNICIPALITY_OPTIONAL
        if name in header
    }


@dataclass
class _Version:
    line: int
    code: str
    name: str
    kind: str
    year_to: int
    territory_id: str
    region: str
    year_from: int = 0


def _year(path: Path, line: int, text: str, column: str, default: int) -> int:
    try:
        return int(float(text)) if text else default
    except ValueError as error:
        raise fail(
            path,
            line,
            tr("неверный год «{value}» в столбце {column}").format(value=text, column=column),
        ) from error


def _read_municipalities(
    path: Path, rows: list[Row], current_only: bool, year: int | None = None
) -> ParsedFile:
    columns = _municipality_columns(rows[0][1])
    assert columns is not None
    width = max(columns.values()) + 1

    def cell(cells: list[str], name: str) -> str:
        return cells[columns[name]] if name in columns else ""

    versions: list[_Version] = []
    for line, cells in rows[1:]:
        if len(cells) < width:
            raise fail(path, line, tr("неполная строка — файл обрезан или повреждён"))
        raw_code = cell(cells, "oktmo")
        code = normalize_code(raw_code)
        if code is None or code_level(code) is None:
            raise fail(path, line, tr("неверный код ОКТМО «{code}»").format(code=raw_code))
        name = clean_name(cell(cells, "municipal_district_name"))
        if not name:
            raise fail(path, line, tr("нет названия"))
        year_to = _year(path, line, cell(cells, "year_to"), "year_to", CURRENT_YEAR_TO)
        year_from = _year(path, line, cell(cells, "year_from"), "year_from", 0)
        level = code_level(code) or "municipality"
        kind = cell(cells, "municipal_district_type")
        if kind.startswith("внутригородская территория"):
            kind = "внутригородская территория"
        versions.append(
            _Version(
                line,
                code,
                name,
                kind or kind_of(code, level, name),
                year_to,
                cell(cells, "territory_id"),
                cell(cells, "region_code") or code[:2],
                year_from,
            )
        )
    if year is not None:
        # Validity is half-open, [year_from, year_to): in the year of a reform the old unit's
        # year_to equals its successor's year_from, and only the successor is valid then.
        versions = [v for v in versions if v.year_from <= year]
        for version in versions:
            if version.year_to > year:
                version.year_to = CURRENT_YEAR_TO
    return _municipality_positions(path, versions, current_only)


def _municipality_positions(path: Path, versions: list[_Version], current_only: bool) -> ParsedFile:
    """Current rows become territories; names of abolished rows become aliases of successors."""
    parsed = ParsedFile(path, "municipalities")
    current = [v for v in versions if v.year_to >= CURRENT_YEAR_TO]
    current_codes = {v.code for v in current}
    by_territory_id: dict[str, list[_Version]] = {}
    for version in current:
        by_territory_id.setdefault(version.territory_id, []).append(version)
    for version in current:
        parsed.positions.append(
            Position(
                version.code,
                version.name,
                code_level(version.code) or "municipality",
                version.kind,
                version.line,
            )
        )
    abolished = sorted(
        (v for v in versions if v.year_to < CURRENT_YEAR_TO), key=lambda v: -v.year_to
    )
    created_abolished: set[str] = set()
    transformed: set[str] = set()
    reported_abolished: set[str] = set()
    for version in abolished:
        if version.code in current_codes:  # the same code under an earlier name
            parsed.former_names.append(FormerName(version.code, version.name, version.line))
            continue
        if not current_only:
            if version.code not in created_abolished:  # the latest version names the node
                created_abolished.add(version.code)
                parsed.positions.append(
                    Position(version.code, version.name, "municipality", version.kind, version.line)
                )
            else:
                parsed.former_names.append(FormerName(version.code, version.name, version.line))
            continue
        # The successor is the current unit of the same territory_id, never one of the same
        # name: codes change in a reform (376xx → 375xx) and names repeat across a region.
        successors = by_territory_id.get(version.territory_id, []) if version.territory_id else []
        if len(successors) != 1:  # none, or an ambiguous one that is never guessed
            if version.code not in reported_abolished:
                reported_abolished.add(version.code)
                parsed.abolished.append(
                    Position(version.code, version.name, "municipality", version.kind, version.line)
                )
            continue
        successor = successors[0]
        if successor.region != version.region:
            raise fail(
                path,
                version.line,
                tr(
                    "преемник «{new}» ({new_code}) упразднённого «{old}» ({old_code}) находится "
                    "в другом субъекте РФ"
                ).format(
                    new=successor.name,
                    new_code=successor.code,
                    old=version.name,
                    old_code=version.code,
                ),
            )
        parsed.former_names.append(FormerName(successor.code, version.name, version.line))
        if version.code not in transformed:
            transformed.add(version.code)
            parsed.transforms.append(
                Transform(version.code, version.name, successor.code, version.line)
            )
    # A code abolished under one territory_id may have a successor under another version.
    parsed.abolished = [p for p in parsed.abolished if p.code not in transformed]
    return parsed


def _is_table(rows: list[Row]) -> bool:
    start = 0 if normalize_code(rows[0][1][0]) else 1
    if start >= len(rows):
        return False
    cells = rows[start][1]
    return len(cells) >= 2 and normalize_code(cells[0]) is not None and bool(clean_name(cells[1]))


def _read_table(path: Path, rows: list[Row]) -> ParsedFile:
    parsed = ParsedFile(path, "table")
    if normalize_code(rows[0][1][0]) is None:
        rows = rows[1:]  # the header row
    for line, cells in rows:
        code = normalize_code(cells[0])
        if code is None:
            raise fail(
                path, line, tr("«{value}» не код ОКТМО (8 или 11 цифр)").format(value=cells[0])
            )
        name = clean_name(cells[1]) if len(cells) > 1 else ""
        if not name:
            raise fail(path, line, tr("нет названия для кода {code}").format(code=code))
        level = code_level(code)
        if level is None or is_heading_name(name):
            continue
        parsed.positions.append(Position(code, name, level, kind_of(code, level, name), line))
    return parsed
