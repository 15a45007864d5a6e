"""Another catalogue file as a source: a municipality's catalogue merged into the region's."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core import records, territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import Organization, Page, Territory
from editor.exchange.spreadsheet.reader import ReadError
from tests.exchange.import_helpers import OGRN_CLUB, OGRN_SCHOOL, add_region, run


@pytest.fixture
def municipal(tmp_path):
    """A municipality's own catalogue: Кетовский округ with a custom node and three records."""
    path = tmp_path / "кетово.gpc"
    init_catalogue(path)
    region = Territory.get(Territory.oktmo == "37000000").id
    ketovo = territories.create(
        region,
        "Кетовский муниципальный округ",
        level="municipality",
        oktmo="37515000",
        custom=False,
    ).id
    village = territories.create(ketovo, "Лесниковский сельсовет", level="settlement").id
    school = records.create_organization(ketovo, {"full_name": "Школа", "ogrn": OGRN_SCHOOL})
    records.create_page(
        school.id,
        {
            "url": "https://vk.com/school",
            "status": "active",
            "subscribers": 300,
            "subscribers_date": dt.date(2025, 2, 1),
        },
    )
    club = records.create_organization(village, {"full_name": "Клуб", "ogrn": OGRN_CLUB})
    records.create_page(club.id, {"url": "https://t.me/club", "gosmark": True})
    records.create_organization(village, {"full_name": "Библиотека", "exemption": "Ликвидация"})
    close_catalogue()
    return path


def test_a_catalogue_merges_with_territories_by_code_and_path(municipal, catalogue):
    open_catalogue(catalogue)
    region = add_region()
    report = run([municipal], region.region)
    assert (report.rows, report.new, report.rejected) == (3, 3, 0)
    assert report.files[0].kind == "catalogue"
    school = Organization.get(Organization.full_name == "Школа")
    assert school.territory_id == region.ketovo  # by ОКТМО
    club = Organization.get(Organization.full_name == "Клуб")
    assert club.territory_id == region.lesnikovo  # by path, the node has no code
    page = Page.get(Page.url == "https://vk.com/school")
    assert (page.status, page.subscribers, page.subscribers_date) == (
        "active",
        300,
        dt.date(2025, 2, 1),
    )
    assert Page.get(Page.url == "https://t.me/club").gosmark is True
    assert Organization.get(Organization.full_name == "Библиотека").exemption == "Ликвидация"
    again = run([municipal], region.region)
    assert again.unchanged == 3


def test_the_open_catalogue_cannot_be_imported_into_itself(catalogue):
    add_region()
    with pytest.raises(ReadError, match="самого себя"):
        run([catalogue], None)
