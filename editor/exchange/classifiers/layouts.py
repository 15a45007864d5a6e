"""The layouts of classifier files and `read_file`, which tells them apart: Rosstat's ОКТМО
open-data CSV, the versioned municipality list (xlsx/csv) and a plain «code;name» table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from editor.core.i18n import tr
from editor.exchange.classifiers.formats import (
    CURRENT_YEAR_TO,
    ROSSTAT_FIELDS,
    FormerName,
    ParsedFile,
    Position,
    Row,
    Transform,
    check_duplicates,
    check_encoding,
    clean_name,
    code_level,
    fail,
    is_heading_name,
    kind_of,
    non_empty,
    normalize_code,
    read_rows,
)


def read_file(path: Path, *, current_only: bool = True, year: int | None = None) -> ParsedFile:
    """Read and validate one classifier file of any supported layout.

    `year` takes a versioned municipality list as it stood in that year (units valid in it);
    by default the units in force now.
    """
    rows = non_empty(read_rows(path))
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
    check_duplicates(path, parsed.positions)
    check_encoding(path, parsed.positions)
    return parsed


# «РђР»РµР№СЃРєРёР№»: windows-1251 text once decoded as UTF-8 (or the reverse) and saved so.
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
