"""The municipal reform on the real versioned municipality list (Kurgan region, 2020 → today).

Skipped when ../shared/data is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import records, territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue
from editor.db.models import Page
from editor.exchange.classifiers.load import load_files

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MUNICIPALITIES = DATA / "municipalities_sberindex.xlsx"

pytestmark = pytest.mark.skipif(not MUNICIPALITIES.is_file(), reason="../shared/data is absent")


@pytest.fixture
def catalogue(tmp_path):
    init_catalogue(tmp_path / "catalogue.gpc")
    yield
    close_catalogue()


def test_kurgan_districts_of_2020_become_todays_okrugs(catalogue):
    load_files([MUNICIPALITIES], year=2020)
    kurgan = territories.resolve("Курганская область")
    old_units = territories.children(kurgan.id)
    assert len(old_units) == 26
    pages = {}
    for code in ("37614000", "37642000", "37701000"):
        unit = territories.resolve(code)
        organization = records.create_organization(unit.id, {"full_name": f"Администрация {code}"})
        pages[code] = records.create_page(organization.id, {"url": f"https://vk.com/adm{code}"}).id

    result = load_files([MUNICIPALITIES])

    in_kurgan = [item for item in result.transformed if item.old_code.startswith("37")]
    assert len(in_kurgan) == 24
    assert all(item.new_code[2] == "5" for item in in_kurgan)
    municipalities = territories.children(kurgan.id)
    assert len(municipalities) == 26
    ketovo = territories.resolve("37514000")
    assert Page.get_by_id(pages["37614000"]).territory_id == ketovo.id
    assert Page.get_by_id(pages["37642000"]).territory_id == territories.resolve("37542000").id
    assert Page.get_by_id(pages["37701000"]).territory_id == territories.resolve("37701000").id
    assert territories.resolve("37614000").id == ketovo.id
    # Across Russia, units abolished with no successor by territory_id stay and are reported.
    assert result.kept and all(unit.code for unit in result.kept)
    again = load_files([MUNICIPALITIES])
    assert (again.created, again.updated, again.transformed) == (0, 0, [])
