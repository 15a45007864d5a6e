"""Helpers of the import tests: spreadsheets written like municipalities write them, a small region."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from editor.core import territories
from editor.db.models import Change, ImportBatch, Organization, Page, SubscriberCount, Territory
from editor.exchange.importing.engine import ImportOptions, run_import
from editor.exchange.importing.report import ImportReport

TODAY = dt.date(2025, 3, 15)
HEADERS = [
    "Территория",
    "Организация",
    "ОГРН",
    "Сфера 1",
    "Соцсеть",
    "Ссылка",
    "Статус",
    "Госметка",
    "Подписчики",
    "Дата замера",
]


def ogrn(base: int) -> str:
    """A valid 13-digit ОГРН built from a 12-digit number (13th digit = mod 11 mod 10)."""
    return f"{base}{base % 11 % 10}"


OGRN_SCHOOL = ogrn(102450000001)
OGRN_LIBRARY = ogrn(102450000002)
OGRN_CLUB = ogrn(102450000003)


def write_xlsx(
    path: Path,
    header: list[str],
    rows: list[list[object]],
    *,
    title: str | None = "Реестр госпабликов муниципального округа",
    sheet: str = "Реестр",
) -> Path:
    """An .xlsx with a title row above the header, as real registries have."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    book.save(path)
    book.close()
    return path


def write_csv(
    path: Path,
    header: list[str],
    rows: list[list[object]],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
) -> Path:
    """A CSV file as Excel saves it."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    return path


@dataclass
class Region:
    """Ids of the small region the tests import into."""

    region: int
    ketovo: int
    kurgan: int
    lesnikovo: int


def add_region() -> Region:
    """Курганская область with two municipalities (one with its former name) and a settlement."""
    region = Territory.get(Territory.oktmo == "37000000").id
    ketovo = territories.create(
        region,
        "Кетовский муниципальный округ",
        level="municipality",
        oktmo="37515000",
        custom=False,
    ).id
    territories.add_alias(ketovo, "Кетовский район")
    kurgan = territories.create(
        region,
        "город Курган",
        level="municipality",
        kind="городской округ",
        oktmo="37701000",
        custom=False,
    ).id
    lesnikovo = territories.create(ketovo, "Лесниковский сельсовет", level="settlement").id
    return Region(region, ketovo, kurgan, lesnikovo)


def run(paths: list[Path], target: int | None, **options: object) -> ImportReport:
    """run_import with a fixed «today»."""
    options.setdefault("today", TODAY)
    return run_import(paths, ImportOptions(target_id=target, **options))  # type: ignore[arg-type]


def counts() -> dict[str, int]:
    """What a test compares to prove that nothing was written."""
    return {
        "organizations": Organization.select().count(),
        "pages": Page.select().count(),
        "counts": SubscriberCount.select().count(),
        "batches": ImportBatch.select().count(),
        "changes": Change.select().count(),
    }
