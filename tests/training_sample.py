"""A small region for the training tests, and registration lists written as ЦУРs receive them."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from editor.core import records, territories
from editor.db.models import db


def ogrn(base: int) -> str:
    """A valid 13-digit ОГРН from a 12-digit number."""
    return f"{base}{base % 11 % 10}"


OGRN_KETOVO_SCHOOL = ogrn(102450000011)
INN_LIBRARY = "4510000017"


@dataclass
class Region:
    """Ids of the sample records."""

    region: int = 0
    ketovo: int = 0
    kurgan: int = 0
    orgs: dict[str, int] = field(default_factory=dict)


def build_region() -> Region:
    """Курганская область with two municipalities and five organisations (four with pages)."""
    built = Region()
    region = territories.resolve("Курганская область")
    built.region = region.id
    with db.atomic():
        built.ketovo = territories.create(
            region.id, "Кетовский муниципальный округ", level="municipality", oktmo="37514000"
        ).id
        built.kurgan = territories.create(
            region.id, "город Курган", level="municipality", oktmo="37701000"
        ).id
        specs = [
            ("ketovo_school", built.ketovo, "МКОУ «Кетовская СОШ»", OGRN_KETOVO_SCHOOL, None, 1),
            ("ketovo_1", built.ketovo, "МКОУ «Школа № 1»", None, None, 1),
            ("kurgan_1", built.kurgan, "МКОУ «Школа № 1»", None, None, 1),
            ("library", built.kurgan, "МКУК «Городская библиотека»", None, INN_LIBRARY, 2),
            ("no_pages", built.kurgan, "МКУ «Архив»", None, None, 0),
        ]
        for key, territory, name, code, inn, pages in specs:
            org = records.create_organization(
                territory,
                {
                    "full_name": name,
                    "ogrn": code,
                    "inn": inn,
                    "responsible": "Ответственная Ольга Олеговна",
                    "responsible_phone": "+7 912 345-67-89",
                    "responsible_email": "responsible.secret@example.ru",
                },
            )
            built.orgs[key] = org.id
            for n in range(pages):
                records.create_page(org.id, {"network": "vk", "url": f"https://vk.com/{key}_{n}"})
    return built


LIST_HEADER = [
    "ФИО",
    "Должность",
    "Организация",
    "ОГРН",
    "ИНН",
    "Муниципальное образование",
    "E-mail",
    "Телефон",
]


def write_list(
    path: Path,
    rows: list[list[object]],
    header: list[str] | None = None,
    title: str | None = "Список участников семинара",
) -> Path:
    """An .xlsx registration list with a title row above the header."""
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header or LIST_HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(
    path: Path, rows: list[list[object]], header: list[str], encoding: str = "cp1251"
) -> Path:
    """A «;»-separated CSV list as Excel saves it on a Russian Windows."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path
