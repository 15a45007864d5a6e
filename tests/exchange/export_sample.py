"""A catalogue for the export tests: the shared Kurgan sample plus the awkward cases of a real
registry (formula-like text, XML specials, an exempt organisation, stale and missing counts, the
trash, a second region) and helpers to read a written workbook back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import python_calamine

from editor.core import records, spheres
from editor.db.models import Territory
from tests.sample_catalogue import Sample, build_sample

TODAY = dt.date(2024, 11, 1)
FORMULA = '=HYPERLINK("http://x","y")'
OGRN = "1024500512343"


@dataclass
class ExportSample:
    """Ids of the sample and of the extra records."""

    base: Sample
    formula_org: int
    formula_page: int
    exempt_org: int
    trashed_page: int
    stale_page: int
    tyumen: int
    tyumen_page: int


def build_export_sample(path: Path) -> ExportSample:
    """Create the catalogue at `path` (left open)."""
    base = build_sample(path)
    health = spheres.find("Здравоохранение")
    formula = records.create_organization(
        base.kurgan,
        {
            "full_name": FORMULA,
            "short_name": "+7 (3522) 00-00-00",
            "founder": "-Департамент- <здравоохранения> & «К°»",
            "ogrn": OGRN,
            "inn": "4501012345",
            "sphere1": health,
            "responsible": "@ivanov",
        },
    )
    formula_page = records.create_page(
        formula.id,
        {
            "network": "vk",
            "url": "https://vk.com/club123456",
            "title": "@hospital\tline",
            "notes": "-5 человек",
            "status": "flagship",
            "gosmark": True,
            "connected": True,
            "widgets": 2,
            "design": 85.5,
            "activity": 40,
            "weekly_reach": 12345,
            "post_reach": 678,
            "subscribers": 1_234_567,
            "subscribers_date": dt.date(2024, 10, 15),
        },
    )
    exempt = records.create_organization(
        base.kurgan, {"full_name": "МКУ «Ликвидационная комиссия»", "exemption": "Ликвидация"}
    )
    trashed = records.create_page(
        formula.id, {"network": "telegram", "url": "https://t.me/trashed_channel"}
    )
    records.delete_pages([trashed.id])
    stale = records.create_page(
        formula.id,
        {
            "network": "ok",
            "url": "https://ok.ru/group/555",
            "subscribers": 10,
            "subscribers_date": dt.date(2023, 1, 1),
        },
    )
    tyumen = Territory.get(Territory.oktmo == "71000000").id
    tyumen_org = records.create_organization(tyumen, {"full_name": "ГАУК «Тюменская филармония»"})
    tyumen_page = records.create_page(
        tyumen_org.id,
        {"network": "max", "url": "https://max.ru/philharmonic", "subscribers": 50},
    )
    return ExportSample(
        base,
        formula.id,
        formula_page.id,
        exempt.id,
        trashed.id,
        stale.id,
        tyumen,
        tyumen_page.id,
    )


def read_calamine(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's values as python-calamine reads them."""
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def read_openpyxl(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's values as openpyxl (read-only, cached values) reads them."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def by_header(rows: list[list[object]], header_row: int = 0) -> list[dict[str, object]]:
    """Data rows below the header as dicts keyed by header text."""
    headers = [str(h) for h in rows[header_row]]
    return [dict(zip(headers, row, strict=False)) for row in rows[header_row + 1 :]]
