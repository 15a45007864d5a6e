"""A small real-looking catalogue for model and window tests: a region, 2 municipalities, 30 pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from editor.core import records, spheres, territories
from editor.core.catalogue import init_catalogue
from editor.db.models import Territory

SCHOOL_COUNT = 10


@dataclass
class Sample:
    """Ids of what `build_sample` created."""

    path: Path
    region: int
    ketovo: int
    kurgan: int
    settlement: int
    pages: list[int] = field(default_factory=list)
    organizations: list[int] = field(default_factory=list)


def build_sample(path: Path) -> Sample:
    """Create the catalogue at `path` (left open): Курганская область with 2 municipalities."""
    init_catalogue(path)
    region = Territory.get(Territory.oktmo == "37000000").id
    ketovo = territories.create(
        region,
        "Кетовский муниципальный округ",
        level="municipality",
        kind="муниципальный округ",
        oktmo="37515000",
        custom=False,
    ).id
    kurgan = territories.create(
        region,
        "город Курган",
        level="municipality",
        kind="городской округ",
        oktmo="37701000",
        custom=False,
    ).id
    settlement = territories.create(
        ketovo, "Тетвихинский территориальный отдел", level="settlement", custom=True
    ).id
    sample = Sample(path, region, ketovo, kurgan, settlement)
    school = spheres.find("Школы")
    culture = spheres.find("Культура")
    date = dt.date(2024, 10, 1)
    for number in range(1, SCHOOL_COUNT + 1):
        where = ketovo if number % 2 else kurgan
        org = records.create_organization(
            where,
            {
                "full_name": f"МБОУ «Средняя общеобразовательная школа № {number}»",
                "sphere1": school,
            },
        )
        sample.organizations.append(org.id)
        for network, url in (
            ("vk", f"https://vk.com/school{number}_kurgan"),
            ("ok", f"https://ok.ru/group/7000000{number:03d}"),
            ("telegram", f"https://t.me/school{number}_kurgan"),
        ):
            page = records.create_page(
                org.id,
                {
                    "network": network,
                    "url": url,
                    "status": "active" if number % 3 else "card",
                    "gosmark": number % 2 == 0,
                    "connected": number % 4 != 0,
                    "widgets": number % 3,
                    "subscribers": 100 * number + len(network),
                    "subscribers_date": date,
                },
            )
            sample.pages.append(page.id)
    library = records.create_organization(
        settlement, {"full_name": "Ёлкинская сельская библиотека", "sphere1": culture}
    )
    sample.organizations.append(library.id)
    return sample
