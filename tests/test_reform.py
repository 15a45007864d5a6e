"""The municipal reform through the classifier load: old districts with pages, then the new list.

The pair of files is hand-made in the layout of the versioned municipality list: the old list
(valid in 2020) and the current one, where two districts became okrugs under new codes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from editor.core import records, territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue
from editor.db.models import Change, Territory, db
from editor.exchange.classifiers.load import ClassifierError, Selection, load_files, redo_load
from editor.exchange.classifiers.undo import undo_load

ROOT = Path(__file__).resolve().parents[1]
HEADER = [
    "municipal_district_name_short",
    "oktmo",
    "municipal_district_name",
    "municipal_district_type",
    "year_from",
    "year_to",
    "territory_id",
    "region_code",
    "region_name",
]
# Кетовский and Шумихинский districts became okrugs (new codes, same territory_id); Курган
# stays; Звериноголовский was abolished with no successor in the file.
VERSIONS = [
    ["Курган", "37-701-000-000", "городской округ город Курган", "городской округ", 2018, 9999, 1],
    [
        "Кетовский",
        "37-614-000-000",
        "Кетовский муниципальный район",
        "муниципальный район",
        2018,
        2023,
        2,
    ],
    [
        "Кетовский",
        "37-514-000-000",
        "Кетовский муниципальный округ",
        "муниципальный округ",
        2023,
        9999,
        2,
    ],
    [
        "Шумихинский",
        "37-642-000-000",
        "Шумихинский муниципальный район",
        "муниципальный район",
        2018,
        2021,
        3,
    ],
    [
        "Шумихинский",
        "37-542-000-000",
        "муниципальный округ Шумихинский",
        "муниципальный округ",
        2021,
        9999,
        3,
    ],
    [
        "Звериноголовский",
        "37-610-000-000",
        "Звериноголовский муниципальный район",
        "муниципальный район",
        2018,
        2022,
        4,
    ],
]


def write_list(path: Path, rows=VERSIONS, region_of=lambda row: (45, "Курганская область")):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append([*row, *region_of(row)])
    workbook.save(path)
    workbook.close()
    return path


def snapshot() -> dict[str, list]:
    """Everything a load may touch (the change log only grows; its size is compared apart)."""
    tables = {
        "territory": "SELECT * FROM territory ORDER BY id",
        "alias": "SELECT territory_id, name FROM territory_alias ORDER BY territory_id, name",
        "organization": "SELECT id, territory_id FROM organization ORDER BY id",
        "page": "SELECT id, territory_id FROM page ORDER BY id",
        "tally": "SELECT * FROM tally_territory WHERE pages > 0 OR organizations > 0"
        " ORDER BY territory_id",
    }
    return {name: db.execute_sql(sql).fetchall() for name, sql in tables.items()}


@pytest.fixture
def old_catalogue(tmp_path):
    """A catalogue built on the 2020 units, with a settlement and pages in the old districts."""
    path = tmp_path / "catalogue.gpc"
    init_catalogue(path)
    source = write_list(tmp_path / "municipalities.xlsx")
    load_files([source], year=2020)
    ketovo = territories.resolve("37614000")
    settlement = territories.create(
        ketovo.id, "Введенский сельсовет", level="settlement", oktmo="37614404", custom=False
    )
    pages = {}
    for territory, name, url in [
        (ketovo.id, "Администрация Кетовского района", "https://vk.com/ketovo_adm"),
        (ketovo.id, "Кетовская СОШ", "https://vk.com/ketovo_school"),
        (settlement.id, "Администрация Введенского сельсовета", "https://vk.com/vvedenskoe"),
        (
            territories.resolve("37642000").id,
            "Администрация Шумихинского района",
            "https://vk.com/shumiha",
        ),
        (
            territories.resolve("37610000").id,
            "Администрация Звериноголовского района",
            "https://vk.com/zverinogolovskoe",
        ),
    ]:
        organization = records.create_organization(territory, {"full_name": name})
        pages[name] = records.create_page(organization.id, {"url": url}).id
    yield path, source, pages
    close_catalogue()


def test_old_districts_hand_over_to_their_okrugs(old_catalogue):
    _path, source, pages = old_catalogue
    kurgan = territories.resolve("Курганская область")
    assert len(territories.children(kurgan.id)) == 4

    result = load_files([source])

    transformed = {item["old_oktmo"]: item for item in result.as_json()["transformed"]}
    assert transformed == {
        "37614000": {
            "old": "Кетовский муниципальный район",
            "old_oktmo": "37614000",
            "new": "Кетовский муниципальный округ",
            "new_oktmo": "37514000",
            "pages": 3,
            "organizations": 3,
        },
        "37642000": {
            "old": "Шумихинский муниципальный район",
            "old_oktmo": "37642000",
            "new": "муниципальный округ Шумихинский",
            "new_oktmo": "37542000",
            "pages": 1,
            "organizations": 1,
        },
    }
    names = sorted(child.name for child in territories.children(kurgan.id))
    assert names == [
        "Звериноголовский муниципальный район",
        "Кетовский муниципальный округ",
        "городской округ город Курган",
        "муниципальный округ Шумихинский",
    ]
    # The abolished district without a successor stays, with its page, and is reported.
    assert [unit.as_json() for unit in result.kept] == [
        {
            "name": "Звериноголовский муниципальный район",
            "oktmo": "37610000",
            "pages": 1,
            "organizations": 1,
        }
    ]
    okrug = territories.resolve("Кетовский муниципальный округ")
    moved = records.Page.get_by_id(pages["Кетовская СОШ"])
    assert moved.territory_id == okrug.id and moved.organization.territory_id == okrug.id
    assert [c.name for c in territories.children(okrug.id)] == ["Введенский сельсовет"]
    # Old spreadsheets and old codes still find the successor.
    assert territories.resolve("Кетовский район").id == okrug.id
    assert territories.resolve("37614000").id == okrug.id
    assert not Territory.select().where(Territory.oktmo == "37614000").exists()
    changes = Change.select().where(Change.origin == "classifier")
    # The two district pages and Шумиха's moved (the settlement's page moved with its node).
    assert changes.where((Change.entity == "page") & (Change.field == "territory")).count() == 3


def test_the_command_line_finds_the_old_code_after_the_reform(old_catalogue):
    path, source, _pages = old_catalogue
    load_files([source])
    close_catalogue()
    done = subprocess.run(
        [sys.executable, "main.py", "stats", str(path), "--territory", "37614000", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pages"] == 3


def test_dry_run_reports_what_apply_does_and_writes_nothing(old_catalogue):
    _path, source, _pages = old_catalogue
    before, log = snapshot(), Change.select().count()

    preview = load_files([source], dry_run=True)

    assert snapshot() == before and Change.select().count() == log
    applied = load_files([source])
    preview_json, applied_json = preview.as_json(), applied.as_json()
    assert preview_json.pop("dry_run") and not applied_json.pop("dry_run")
    assert preview_json == applied_json
    assert preview.created_items == applied.created_items


def test_loading_the_same_file_again_changes_nothing(old_catalogue):
    _path, source, _pages = old_catalogue
    load_files([source])
    before, log = snapshot(), Change.select().count()

    again = load_files([source])

    assert (again.created, again.updated, again.aliases_added, again.transformed) == (0, 0, 0, [])
    assert snapshot() == before and Change.select().count() == log


def test_undo_restores_tree_pages_and_aliases_and_redo_repeats(old_catalogue):
    _path, source, _pages = old_catalogue
    before = snapshot()
    result = load_files([source])
    after = snapshot()
    assert after != before

    undo_load(result.undo)
    assert snapshot() == before
    assert territories.resolve("37614000").name == "Кетовский муниципальный район"

    redo_load(result.undo)
    assert snapshot() == after


def test_unticked_transformation_is_left_alone(old_catalogue):
    _path, source, _pages = old_catalogue
    result = load_files([source], selection=Selection(skip_transforms={"37614000"}))

    assert [item.old_code for item in result.transformed] == ["37642000"]
    kept = Territory.get(Territory.oktmo == "37614000")
    assert kept.name == "Кетовский муниципальный район" and len(territories.children(kept.id)) == 1


def test_successor_in_another_region_is_refused(old_catalogue, tmp_path):
    _path, _source, _pages = old_catalogue
    bad = write_list(
        tmp_path / "moved.xlsx",
        region_of=lambda row: (
            (46, "Курская область") if row[1] == "37-514-000-000" else (45, "Курганская область")
        ),
    )
    before = snapshot()
    with pytest.raises(ClassifierError, match="в другом субъекте РФ"):
        load_files([bad])
    assert snapshot() == before


def test_garbled_encoding_is_refused(old_catalogue, tmp_path):
    garbled = tmp_path / "garbled.csv"
    text = "37514000;Кетовский муниципальный округ\n".encode().decode("cp1251")
    garbled.write_text(text, encoding="utf-8")
    before = snapshot()
    with pytest.raises(ClassifierError, match="искажено"):
        load_files([garbled])
    assert snapshot() == before


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_command_dry_run_then_apply_report_the_same_transformations(old_catalogue, tmp_path):
    path, source, _pages = old_catalogue
    close_catalogue()

    preview = run_cli("territories", str(path), str(source), "--dry-run", "--json")
    applied = run_cli("territories", str(path), str(source), "--json")
    again = run_cli("territories", str(path), str(source), "--json")
    bad = run_cli("territories", str(path), str(tmp_path / "absent.csv"))

    assert preview.returncode == applied.returncode == again.returncode == 0, preview.stderr
    first, second = json.loads(preview.stdout), json.loads(applied.stdout)
    assert first["transformed"] == second["transformed"] and len(first["transformed"]) == 2
    assert json.loads(again.stdout)["transformed"] == []
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("bulk", [False, True])
def test_tallies_stay_exact_through_apply_and_undo(old_catalogue, monkeypatch, bulk):
    from editor.core import succession
    from editor.core.integrity import check_catalogue

    # Many hand-overs recompute the tallies instead of leaving them to the triggers.
    monkeypatch.setattr(succession, "BULK_REMOVALS", 1 if bulk else 100)
    _path, source, _pages = old_catalogue
    triggers = db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    result = load_files([source])
    assert check_catalogue().ok, check_catalogue().problems
    undo_load(result.undo)
    assert check_catalogue().ok, check_catalogue().problems
    redo_load(result.undo)
    assert check_catalogue().ok, check_catalogue().problems
    after = db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    assert sorted(after) == sorted(triggers)
    kurgan = territories.resolve("37514000")
    assert db.execute_sql(
        "SELECT pages FROM tally_territory WHERE territory_id = ?", (kurgan.id,)
    ).fetchone() == (2,)
