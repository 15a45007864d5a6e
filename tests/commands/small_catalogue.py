"""A small catalogue for editing tests: Курганская область, two municipalities, 30 pages.

It holds one pair of pages with the same URL (written differently) and one organisation with
two VK pages, so that both kinds of duplicates are there to find.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from editor.core import records, territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import db

NETWORKS = ("vk", "ok", "telegram")
URL_PATTERNS = {
    "vk": "https://vk.com/club{n}",
    "ok": "https://ok.ru/group/{n}",
    "telegram": "https://t.me/kurgan_page{n}",
}


@dataclass
class SmallCatalogue:
    """Ids of the records the tests refer to."""

    path: Path
    region: int = 0
    ketovo: int = 0
    kurgan: int = 0
    organizations: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    url_twins: tuple[int, int] = (0, 0)  # same canonical URL, different organisations
    network_twins: tuple[int, int] = (0, 0)  # same organisation, both VK


def build(path: Path) -> SmallCatalogue:
    """Create the catalogue at `path` (left open, bound to the models)."""
    init_catalogue(path)
    built = SmallCatalogue(path)
    region = territories.resolve("Курганская область")
    built.region = region.id
    with db.atomic():
        built.ketovo = territories.create(
            region.id, "Кетовский муниципальный округ", level="municipality", oktmo="37514000"
        ).id
        built.kurgan = territories.create(
            region.id, "город Курган", level="municipality", oktmo="37701000"
        ).id
        n = 0
        for index in range(10):
            territory = built.ketovo if index < 6 else built.kurgan
            organization = records.create_organization(
                territory, {"full_name": f"МКОУ «Школа № {index + 1}»", "ogrn": None}
            )
            built.organizations.append(organization.id)
            for network in NETWORKS:
                n += 1
                page = records.create_page(
                    organization.id,
                    {
                        "network": network,
                        "url": URL_PATTERNS[network].format(n=1000 + n),
                        "title": f"Школа {index + 1} ({network})",
                        "status": "active" if n % 3 else "card",
                        "gosmark": n % 2 == 0,
                        "subscribers": 100 * n,
                        "subscribers_date": dt.date(2024, 3, 1),
                    },
                )
                built.pages.append(page.id)
        # The same VK group as page 1 (club1001), written as a public… link, in school 10.
        twin = records.create_page(
            built.organizations[9],
            {
                "network": "vk",
                "url": "http://m.vk.com/public1001/",
                "subscribers": 55,
                "subscribers_date": dt.date(2024, 2, 1),
            },
        )
        built.url_twins = (built.pages[0], twin.id)
        # A second VK page of school 2.
        second = records.create_page(
            built.organizations[1],
            {
                "network": "vk",
                "url": "https://vk.com/school2_kurgan",
                "title": "Школа 2 (вторая)",
                "subscribers": 40,
                "subscribers_date": dt.date(2024, 1, 15),
            },
        )
        built.network_twins = (built.pages[3], second.id)
        built.pages.extend([twin.id, second.id])
    return built


class Template:
    """Builds the catalogue once per session; each test gets its own copy."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: SmallCatalogue | None = None

    def copy_to(self, path: Path) -> SmallCatalogue:
        """Copy the template to `path`, open it and return its ids."""
        if self.built is None:
            self.built = build(self.folder / "template.gpc")
            close_catalogue()  # checkpoints the WAL into the file
        shutil.copyfile(self.built.path, path)
        open_catalogue(path)
        return SmallCatalogue(
            path,
            self.built.region,
            self.built.ketovo,
            self.built.kurgan,
            list(self.built.organizations),
            list(self.built.pages),
            self.built.url_twins,
            self.built.network_twins,
        )
