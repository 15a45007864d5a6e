"""The built-in territory and sphere dictionaries: completeness, codes, and agreement with real data."""

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from editor.core.seed import (
    SeedError,
    iter_spheres,
    iter_subjects,
    load_sphere_seed,
    load_territory_seed,
)

DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"

NEW_SUBJECTS_2022 = {
    "Донецкая Народная Республика",
    "Луганская Народная Республика",
    "Запорожская область",
    "Херсонская область",
}


def fold(text: str) -> str:
    """Case-fold, treat ё as е and collapse spaces, as the catalogue's matching does."""
    return " ".join(text.casefold().replace("ё", "е").split())


def shared_file(name: str) -> Path:
    path = DATA_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="module")
def territories():
    return load_territory_seed()


@pytest.fixture(scope="module")
def subjects(territories):
    return [subject for _district, subject in iter_subjects(territories)]


@pytest.fixture(scope="module")
def spheres():
    return load_sphere_seed()


def test_country_and_federal_districts_in_decree_order(territories):
    assert territories["country"]["name"] == "Российская Федерация"
    shorts = [d["short"] for d in territories["federal_districts"]]
    assert shorts == ["ЦФО", "СЗФО", "ЮФО", "СКФО", "ПФО", "УФО", "СФО", "ДФО"]
    assert all(d["name"].endswith(" федеральный округ") for d in territories["federal_districts"])


def test_eighty_nine_subjects_of_the_constitution(subjects):
    assert len(subjects) == 89
    assert len({fold(s["name"]) for s in subjects}) == 89
    kinds = Counter(s["kind"] for s in subjects)
    assert kinds == {
        "республика": 24,
        "край": 9,
        "область": 48,
        "город федерального значения": 3,
        "автономная область": 1,
        "автономный округ": 4,
    }


def test_oktmo_codes_are_unique_subject_level_codes(subjects):
    codes = [s["oktmo"] for s in subjects]
    assert len(set(codes)) == 89
    assert all(re.fullmatch(r"\d{8}", code) for code in codes)
    regions = {code[:2] for code in codes if code.endswith("000000")}
    for subject in subjects:
        code = subject["oktmo"]
        if code.endswith("000000"):
            continue
        # An autonomous okrug inside an oblast is coded within that oblast (71 8.. for Югра).
        assert subject["kind"] == "автономный округ", subject["name"]
        assert code[2] in "89" and code.endswith("00000"), subject["name"]
        assert code[:2] in regions, subject["name"]


def test_subjects_sorted_by_oktmo_inside_each_district(territories):
    for district in territories["federal_districts"]:
        codes = [s["oktmo"] for s in district["subjects"]]
        assert codes == sorted(codes), district["name"]


def test_well_known_codes_and_districts(territories):
    where = {s["name"]: (d["short"], s["oktmo"]) for d, s in iter_subjects(territories)}
    assert where["Курганская область"] == ("УФО", "37000000")
    assert where["Амурская область"] == ("ДФО", "10000000")
    assert where["Алтайский край"] == ("СФО", "01000000")
    assert where["Краснодарский край"] == ("ЮФО", "03000000")
    assert where["Москва"] == ("ЦФО", "45000000")
    assert {where[name][0] for name in NEW_SUBJECTS_2022} == {"ЮФО"}
    assert where["Республика Крым"][0] == where["Севастополь"][0] == "ЮФО"


def test_aliases_find_exactly_one_subject(subjects):
    owners: dict[str, set[str]] = {}
    for subject in subjects:
        for name in [subject["name"], *subject["aliases"]]:
            owners.setdefault(fold(name), set()).add(subject["name"])
    clashes = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert clashes == {}
    for alias, expected in [
        ("ХМАО", "Ханты-Мансийский автономный округ — Югра"),
        ("ЯНАО", "Ямало-Ненецкий автономный округ"),
        ("Кузбасс", "Кемеровская область — Кузбасс"),
        ("Якутия", "Республика Саха (Якутия)"),
        ("Чувашия", "Чувашская Республика — Чувашия"),
        ("ДНР", "Донецкая Народная Республика"),
        ("г. Москва", "Москва"),
        ("Белгородская обл.", "Белгородская область"),
    ]:
        assert owners[fold(alias)] == {expected}


def test_agrees_with_public_regions_classifier(territories):
    path = shared_file("regions_hflabs.csv")
    ours = {s["oktmo"]: (d["name"], s) for d, s in iter_subjects(territories)}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.DictReader(fh) if row["name"] != "Байконур"]
    assert len(rows) == 85
    theirs = {row["oktmo"][:8] for row in rows}
    for row in rows:
        code = row["oktmo"][:8]
        assert code in ours, f"{row['name']}: no subject with ОКТМО {code}"
        district, subject = ours[code]
        assert district == f"{row['federal_district']} федеральный округ", row["name"]
        # The classifier's short name ("Саха /Якутия/", "Кабардино-Балкарская") starts ours.
        first_word = re.split(r"[\s/]+", fold(row["name"]))[0]
        spelled = [fold(n) for n in [subject["name"], *subject["aliases"]]]
        assert any(first_word in name for name in spelled), (row["name"], subject["name"])
    assert {s["name"] for code, (_d, s) in ours.items() if code not in theirs} == NEW_SUBJECTS_2022


def test_sphere_dictionary_has_the_two_levels_of_the_design(spheres):
    by_name = {s["name"]: s for s in spheres}
    assert [c["name"] for c in by_name["Образование"]["children"]] == [
        "Школы",
        "Детские сады",
        "Дополнительное образование",
        "Ссузы",
        "Вузы",
    ]
    assert {c["name"] for c in by_name["Культура"]["children"]} == {
        "Дома культуры",
        "Библиотеки",
        "Музеи",
        "Театры",
    }
    assert "ОМСУ" in {c["name"] for c in by_name["Органы власти"]["children"]}
    assert spheres[-1]["name"] == "Прочее"


def test_every_sphere_name_and_alias_is_unambiguous(spheres):
    owners: dict[str, set[str]] = {}
    for _parent, sphere in iter_spheres(spheres):
        for name in [sphere["name"], *sphere["aliases"]]:
            owners.setdefault(fold(name), set()).add(sphere["name"])
    assert {alias: names for alias, names in owners.items() if len(names) > 1} == {}


def test_every_sphere_of_the_amur_registry_maps_to_an_entry(spheres):
    path = shared_file("amur_registry_2024.json")
    with path.open(encoding="utf-8") as fh:
        records = json.load(fh)
    used = {r[k] for r in records for k in ("sphere_1", "sphere_2", "sphere_3") if r.get(k)}
    assert len(used) > 20
    index = {
        fold(name): sphere["name"]
        for _parent, sphere in iter_spheres(spheres)
        for name in [sphere["name"], *sphere["aliases"]]
    }
    assert sorted(v for v in used if fold(v) not in index) == []
    assert index[fold("Социальное обслуживание и защита")] == "Социальная защита"
    assert index[fold("Муниципалитеты")] == "ОМСУ"
    assert index[fold("Молодежная политика")] == "Молодёжная политика"


def test_broken_dictionary_file_is_reported_in_russian(tmp_path):
    broken = tmp_path / "territories.json"
    broken.write_text('{"country": {"name": "Российская Федерация"}', encoding="utf-8")
    with pytest.raises(SeedError, match="повреждён"):
        load_territory_seed(broken)
    no_code = tmp_path / "no_code.json"
    no_code.write_text(
        json.dumps(
            {"country": {}, "federal_districts": [{"name": "X", "subjects": [{"name": "Y"}]}]}
        ),
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match="ОКТМО"):
        load_territory_seed(no_code)
    with pytest.raises(SeedError, match="прочитать"):
        load_sphere_seed(tmp_path / "absent.json")
