"""Loading the real public classifiers of ../shared/data (skipped when the folder is absent)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from editor.core import territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue
from editor.db.models import LEVEL_INDEX, Territory, db
from editor.exchange.classifiers.load import load_files

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ROSSTAT = DATA / "oktmo_rosstat_01_03.csv"
MUNICIPALITIES = DATA / "municipalities_sberindex.xlsx"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent")


@pytest.fixture
def catalogue(tmp_path):
    path = tmp_path / "catalogue.gpc"
    init_catalogue(path)
    yield path
    close_catalogue()


def current_municipality_rows() -> list[tuple]:
    """The municipality list's rows still in force, read with openpyxl (not the loader's reader)."""
    workbook = openpyxl.load_workbook(MUNICIPALITIES, read_only=True)
    try:
        rows = workbook.active.iter_rows(values_only=True)
        header = next(rows)
        year_to = header.index("year_to")
        return [row for row in rows if row[year_to] == 9999]
    finally:
        workbook.close()


def test_kurgan_gets_its_26_current_municipalities_and_old_names(catalogue):
    result = load_files([MUNICIPALITIES])

    assert result.created == len(current_municipality_rows())
    kurgan = territories.resolve("Курганская область")
    municipalities = territories.children(kurgan.id)
    assert len(municipalities) == 26
    assert Counter(m.kind for m in municipalities) == {
        "муниципальный округ": 24,
        "городской округ": 2,
    }
    okrug = territories.resolve("Кетовский район", within=kurgan.id)
    assert okrug.name == "Кетовский муниципальный округ"
    assert okrug.oktmo == "37514000"
    assert "Кетовский муниципальный район" in territories.aliases(okrug.id)
    # Every okrug remembers the district it replaced.
    okrugs = [m for m in municipalities if m.kind == "муниципальный округ"]
    assert all(
        any(alias.endswith("муниципальный район") for alias in territories.aliases(m.id))
        for m in okrugs
    )
    assert not Territory.select().where(Territory.oktmo == "37614000").exists()


def test_second_load_of_the_municipality_list_changes_nothing(catalogue):
    load_files([MUNICIPALITIES])
    before = db.execute_sql("SELECT * FROM territory ORDER BY id").fetchall()

    again = load_files([MUNICIPALITIES])

    assert (again.created, again.updated, again.aliases_added) == (0, 0, 0)
    assert db.execute_sql("SELECT * FROM territory ORDER BY id").fetchall() == before


def expected_rosstat_counts(region: str) -> dict[str, int]:
    """Counts by level from the Rosstat file by the names of its rows, not their codes."""
    counts = Counter()
    with ROSSTAT.open(encoding="utf-8", newline="") as handle:
        for ter, _kod1, kod2, _kod3, _kc, part, name, *_ in csv.reader(handle, delimiter=";"):
            if ter != region or name.endswith("/"):
                continue
            if part == "2":
                counts["locality"] += not name.startswith("Населенные пункты")
            elif kod2 == "000":
                counts["municipality"] += not name.startswith("Муниципальные ")
            else:
                counts["settlement"] += 1
    return dict(counts)


@pytest.mark.parametrize(
    ("region", "name", "expected"),
    [
        ("01", "Алтайский край", {"municipality": 69, "settlement": 648, "locality": 1605}),
        ("03", "Краснодарский край", {"municipality": 45, "settlement": 381, "locality": 1765}),
    ],
)
def test_rosstat_regions_get_every_level(catalogue, region, name, expected):
    assert expected_rosstat_counts(region) == expected

    load_files([ROSSTAT])

    counts = territories.level_counts(territories.resolve(name).id)
    assert {level: counts[level] for level in expected} == expected


def test_rosstat_nodes_hang_under_the_right_parents(catalogue):
    load_files([ROSSTAT])
    parent_level = dict(
        db.execute_sql(
            "SELECT c.id, p.level FROM territory c JOIN territory p ON c.parent_id = p.id"
            " WHERE c.oktmo LIKE '01%' OR c.oktmo LIKE '03%'"
        ).fetchall()
    )
    settlements = Territory.select().where(Territory.level == LEVEL_INDEX["settlement"])
    assert {parent_level[s.id] for s in settlements} == {LEVEL_INDEX["municipality"]}
    localities = Territory.select().where(Territory.level == LEVEL_INDEX["locality"])
    under_municipality = [
        t for t in localities if parent_level[t.id] == LEVEL_INDEX["municipality"]
    ]
    # Localities of urban okrugs (code …000xxx) have no settlement between them and the okrug.
    assert all(t.oktmo[5:8] == "000" for t in under_municipality)
    assert len(under_municipality) == 62 + 254
    village = territories.resolve("01601402106")
    assert territories.path_of(village.id).endswith(
        "Алтайский край/Алейский муниципальный район/Алейский сельсовет/с Малахово"
    )
    assert (village.kind, territories.resolve("03731000051").name) == ("село", "пгт Сириус")
