"""Loading territory classifiers from small files: every layout, idempotency, aliases, bad input."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from editor.core import territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue
from editor.db.models import Change, Territory, db
from editor.exchange.classifiers import load as classifiers
from editor.exchange.classifiers.load import ClassifierError, LoadCancelled, load_files

ALTAI = "01000000"


@pytest.fixture
def catalogue(tmp_path):
    """A fresh catalogue (Russia → districts → subjects) bound for the test."""
    path = tmp_path / "catalogue.gpc"
    init_catalogue(path)
    yield path
    close_catalogue()


def dump() -> tuple[list, list, int]:
    """Everything a load may touch: territories, aliases and the size of the change log."""
    nodes = db.execute_sql("SELECT * FROM territory ORDER BY id").fetchall()
    aliases = db.execute_sql("SELECT * FROM territory_alias ORDER BY id").fetchall()
    return nodes, aliases, Change.select().count()


def rosstat_line(code: str, part: int, name: str, status: str = "0") -> str:
    """One row of the Rosstat open-data layout for an 8- or 11-digit code."""
    code = code.ljust(11, "0")
    fields = [code[:2], code[2:5], code[5:8], code[8:], "0", str(part), name]
    quoted = ";".join(f'"{field}"' for field in fields)
    return f'{quoted};;;"000";"{status}";14.06.2013;01.01.2014'


ROSSTAT_ROWS = [
    ("01000000", 1, "Муниципальные образования Алтайского края"),
    ("01600000", 1, "Муниципальные районы Алтайского края"),
    ("01602000", 1, "Алтайский муниципальный район"),
    ("01601000", 1, "Алейский муниципальный район"),
    ("01601400", 1, "Сельские поселения Алейского муниципального района/"),
    ("01601408", 1, "Безголосовский сельсовет"),
    ("01601402", 1, "Алейский сельсовет"),
    (
        "01601402000",
        2,
        "Населенные пункты, входящие в состав сельского поселения Алейский сельсовет",
    ),
    ("01601402106", 2, "с Малахово"),
    ("01601402101", 2, "п Алейский"),
    ("01700000", 1, "Городские округа Алтайского края/"),
    ("01703000", 1, "город Алейск"),
    ("01703000000", 2, "Населенные пункты, входящие в состав городского округа город Алейск"),
    ("01703000001", 2, "г Алейск"),
    ("01605151", 1, "Благовещенский поссовет"),
]


def write_rosstat(path: Path, rows=ROSSTAT_ROWS, encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(rosstat_line(*row) for row in rows).encode(encoding) + b"\r\n")
    return path


def node(code: str) -> Territory:
    return Territory.get(Territory.oktmo == code)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_rosstat_file_builds_the_tree_below_the_region(catalogue, tmp_path, encoding):
    source = write_rosstat(tmp_path / "oktmo.csv", encoding=encoding)

    result = load_files([source])

    assert result.created == 9
    assert result.by_level == {"municipality": 3, "settlement": 3, "locality": 3}
    district = node("01601000")
    assert (district.name, district.kind, district.parent.oktmo) == (
        "Алейский муниципальный район",
        "муниципальный район",
        ALTAI,
    )
    assert node("01601402").parent_id == district.id
    assert node("01601402").kind == "сельское поселение"
    village = node("01601402106")
    assert (village.name, village.kind, village.parent.oktmo) == ("с Малахово", "село", "01601402")
    town = node("01703000001")
    assert (town.kind, town.parent.oktmo, town.parent.kind) == (
        "город",
        "01703000",
        "городской округ",
    )
    # No municipality 01605000 in the file: the settlement hangs on the region itself.
    assert node("01605151").parent.oktmo == ALTAI
    assert node("01605151").kind == "городское поселение"
    assert not Territory.select().where(Territory.name.endswith("/")).exists()
    assert not Territory.select().where(Territory.name.startswith("Населенные пункты")).exists()


def test_children_are_ordered_by_code(catalogue, tmp_path):
    load_files([write_rosstat(tmp_path / "oktmo.csv")])
    altai = node(ALTAI)
    codes = [child.oktmo for child in territories.children(altai.id)]
    assert codes == ["01601000", "01602000", "01605151", "01703000"]
    village_codes = [c.oktmo for c in territories.children(node("01601402").id)]
    assert village_codes == ["01601402101", "01601402106"]


def test_new_codes_are_inserted_among_loaded_ones_by_code(catalogue, tmp_path):
    first = tmp_path / "first.csv"
    first.write_text(
        "01601000;Алейский муниципальный район\n01605000;Благовещенский район\n", encoding="utf-8"
    )
    second = tmp_path / "second.csv"
    second.write_text("01602000;Алтайский муниципальный район\n", encoding="utf-8")
    load_files([first])
    load_files([second])
    names = [child.name for child in territories.children(node(ALTAI).id)]
    assert names == [
        "Алейский муниципальный район",
        "Алтайский муниципальный район",
        "Благовещенский район",
    ]


def test_second_load_changes_nothing(catalogue, tmp_path):
    source = write_rosstat(tmp_path / "oktmo.csv")
    load_files([source])
    before = dump()

    again = load_files([source])

    assert (again.created, again.updated, again.aliases_added) == (0, 0, 0)
    assert again.unchanged == 9
    assert dump() == before


def test_renamed_code_keeps_its_former_name_as_alias(catalogue, tmp_path):
    old = tmp_path / "old.csv"
    old.write_text("37614000;Кетовский муниципальный район\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text("37614000;Кетовский муниципальный округ\n", encoding="utf-8")
    load_files([old])

    result = load_files([new])

    assert (result.created, result.updated, result.aliases_added) == (0, 1, 1)
    renamed = node("37614000")
    assert renamed.name == "Кетовский муниципальный округ"
    assert territories.aliases(renamed.id) == ["Кетовский муниципальный район"]
    assert territories.resolve("Кетовский муниципальный район").id == renamed.id
    change = (
        Change.select()
        .where(
            (Change.entity_id == renamed.id)
            & (Change.field == "name")
            & (Change.action == "update")
        )
        .get()
    )
    assert (change.old, change.new, change.origin) == (
        "Кетовский муниципальный район",
        "Кетовский муниципальный округ",
        "classifier",
    )


def test_created_nodes_are_in_the_change_log(catalogue, tmp_path):
    load_files([write_rosstat(tmp_path / "oktmo.csv")])
    created = Change.select().where((Change.origin == "classifier") & (Change.action == "create"))
    assert created.count() == 9
    assert node("01601402106").id in {change.entity_id for change in created}


def test_hand_made_nodes_are_kept(catalogue, tmp_path):
    altai = node(ALTAI).id
    own = territories.create(
        altai, "Наш Алейский район", level="municipality", oktmo="01601000", custom=True
    )
    office = territories.create(altai, "Территориальный отдел", level="municipality")

    result = load_files([write_rosstat(tmp_path / "oktmo.csv")])

    assert result.created == 8 and result.unchanged == 1
    kept = Territory.get_by_id(own.id)
    assert (kept.name, kept.custom) == ("Наш Алейский район", True)
    assert territories.aliases(own.id) == []
    assert Territory.get_by_id(office.id).name == "Территориальный отдел"
    # The hand-made node still receives the settlements coded below it.
    assert node("01601402").parent_id == own.id


MUNICIPALITY_HEADER = [
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
MUNICIPALITY_ROWS = [
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
        None,
    ],
    [
        "Шумихинский",
        "37-542-000-000",
        "муниципальный округ Шумихинский",
        "муниципальный округ",
        2021,
        9999,
        30,
    ],
    ["Шадринск", "37-705-000-000", "городской округ Шадринский", "городской округ", 2018, 2020, 4],
    [
        "Шадринск",
        "37-705-000-000",
        "городской округ город Шадринск",
        "городской округ",
        2020,
        9999,
        4,
    ],
    # Two current municipalities share the key «целинный»: the old district is not guessed.
    ["Целинный", "37-634-000-000", "Целинный район", "муниципальный район", 2018, 2022, None],
    [
        "Целинный",
        "37-534-000-000",
        "Целинный муниципальный округ",
        "муниципальный округ",
        2022,
        9999,
        40,
    ],
    ["Целинный", "37-735-000-000", "городской округ Целинный", "городской округ", 2022, 9999, 41],
]


def write_municipalities(path: Path, rows=MUNICIPALITY_ROWS) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(MUNICIPALITY_HEADER)
    for row in rows:
        sheet.append([*row, 45, "Курганская область"])
    workbook.save(path)
    workbook.close()
    return path


def test_municipality_list_loads_current_rows_with_old_names_as_aliases(catalogue, tmp_path):
    source = write_municipalities(tmp_path / "municipalities.xlsx")

    result = load_files([source])

    assert result.created == 6 and result.by_level["municipality"] == 6
    assert result.aliases_added == 3
    kurgan = territories.resolve("Курганская область")
    kinds = sorted(child.kind for child in territories.children(kurgan.id))
    assert kinds == ["городской округ"] * 3 + ["муниципальный округ"] * 3
    assert not Territory.select().where(Territory.oktmo == "37614000").exists()
    # The old district's name and code stay with its successor (same territory_id) ...
    assert territories.aliases(node("37514000").id) == ["37614000", "Кетовский муниципальный район"]
    assert territories.resolve("37614000").oktmo == "37514000"
    # ... but a predecessor without territory_id is never linked by its name.
    assert territories.aliases(node("37542000").id) == []
    assert territories.aliases(node("37705000").id) == ["городской округ Шадринский"]
    assert territories.aliases(node("37534000").id) == []
    assert territories.aliases(node("37735000").id) == []
    assert territories.resolve("Кетовский район").oktmo == "37514000"
    assert load_files([source]).as_json()["aliases_added"] == 0


def test_all_years_also_creates_abolished_municipalities(catalogue, tmp_path):
    source = write_municipalities(tmp_path / "municipalities.xlsx")

    result = load_files([source], current_only=False)

    assert result.created == 9
    assert node("37614000").name == "Кетовский муниципальный район"
    assert territories.aliases(node("37514000").id) == []
    assert territories.aliases(node("37705000").id) == ["городской округ Шадринский"]


def test_municipality_list_as_csv(catalogue, tmp_path):
    source = tmp_path / "municipalities.csv"
    lines = [";".join(MUNICIPALITY_HEADER)]
    lines += [
        ";".join(str(v) if v is not None else "" for v in [*row, 45, "Курганская область"])
        for row in MUNICIPALITY_ROWS
    ]
    source.write_text("\n".join(lines), encoding="utf-8")
    assert load_files([source]).created == 6


def test_two_column_csv_with_header(catalogue, tmp_path):
    source = tmp_path / "codes.csv"
    source.write_text(
        "ОКТМО;Наименование\n01601000;Алейский муниципальный район\n"
        "01601402;Алейский сельсовет\n01601402106;с Малахово\n\n",
        encoding="cp1251",
    )

    result = load_files([source])

    assert result.by_level == {"municipality": 1, "settlement": 1, "locality": 1}
    assert node("01601402106").parent.oktmo == "01601402"


def test_two_column_table_skips_rosstat_group_headings(catalogue, tmp_path):
    source = tmp_path / "codes.csv"
    source.write_text(
        "01601402;Алейский сельсовет\n"
        "01601402000;Населенные пункты, входящие в состав сельского поселения Алейский сельсовет\n"
        "01601402106;с Малахово\n",
        encoding="utf-8",
    )

    result = load_files([source])

    assert (result.created, node("01601402").name) == (2, "Алейский сельсовет")


def test_two_column_xlsx_restores_codes_taken_for_numbers(catalogue, tmp_path):
    source = tmp_path / "codes.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append([1601000, "Алейский муниципальный район"])
    workbook.active.append([1601402106, "с Малахово"])
    workbook.active.append(["37-701-000-000", "город Курган"])
    workbook.save(source)
    workbook.close()

    result = load_files([source])

    assert result.created == 3
    assert node("01601402106").parent.oktmo == "01601000"
    assert node("37701000").kind == "городской округ"


def test_progress_and_summary(catalogue, tmp_path):
    calls: list[tuple[int, int]] = []
    result = load_files(
        [write_rosstat(tmp_path / "oktmo.csv")],
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls and calls[-1] == (9, 9)
    assert all(0 <= done <= total for done, total in calls)
    assert "Создано территорий: 9" in result.summary()
    assert result.as_json() == {
        "created": 9,
        "renamed": 0,
        "updated": 0,
        "unchanged": 0,
        "aliases": 0,
        "aliases_added": 0,
        "transformed": [],
        "abolished_without_successor": [],
        "dry_run": False,
        "files": [str(tmp_path / "oktmo.csv")],
        "by_level": {"municipality": 3, "settlement": 3, "locality": 3},
    }


@pytest.mark.parametrize("cancel_at", [1, 4])
def test_cancel_leaves_the_catalogue_unchanged(catalogue, tmp_path, monkeypatch, cancel_at):
    # Small chunks, so that the fourth question comes after rows were already inserted.
    monkeypatch.setattr(classifiers, "CHUNK", 2)
    asked = []

    def is_cancelled() -> bool:
        asked.append(True)
        return len(asked) >= cancel_at

    before = dump()
    with pytest.raises(LoadCancelled, match="отменена"):
        load_files([write_rosstat(tmp_path / "oktmo.csv")], is_cancelled=is_cancelled)
    assert dump() == before
    assert len(asked) == cancel_at


def test_annulled_positions_are_loaded_with_all_years_only(catalogue, tmp_path):
    rows = [
        rosstat_line("01601000", 1, "Алейский муниципальный район"),
        rosstat_line("01602000", 1, "Упразднённый район", status="1"),
    ]
    source = tmp_path / "oktmo.csv"
    source.write_text("\n".join(rows), encoding="utf-8")

    assert load_files([source]).created == 1
    assert load_files([source], current_only=False).created == 1
    assert node("01602000").name == "Упразднённый район"


def _truncated_xlsx(path: Path) -> Path:
    write_municipalities(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


BAD_INPUTS = {
    "unknown layout": (
        lambda p: p.write_text("name,type\nАдыгея,Респ\n", encoding="utf-8"),
        "формат не распознан",
        1,
    ),
    "utf-16": (
        lambda p: p.write_text("01601000;Алейский район\n", encoding="utf-16"),
        "кодировка",
        None,
    ),
    "undefined cp1251 byte": (
        lambda p: p.write_bytes("01601000;Алейский район\n".encode("cp1251") + b"01602000;\x98\n"),
        "кодировка",
        2,
    ),
    "rosstat row cut short": (
        lambda p: p.write_text(
            rosstat_line("01601000", 1, "Алейский муниципальный район") + '\n"01";"601";"402"\n',
            encoding="utf-8",
        ),
        "неполная запись",
        2,
    ),
    "rosstat cut inside a quote": (
        lambda p: p.write_text(
            rosstat_line("01601000", 1, "Алейский муниципальный район") + '\n"01";"601";"402";"1',
            encoding="utf-8",
        ),
        "обрезан",
        2,
    ),
    "truncated xlsx": (_truncated_xlsx, "повреждена или обрезана", None),
    "duplicate code": (
        lambda p: p.write_text(
            "01601000;Алейский район\n01602000;Алтайский район\n01601000;Другой район\n",
            encoding="utf-8",
        ),
        "повторяется",
        3,
    ),
    "region not in catalogue": (
        lambda p: p.write_text(
            "01601000;Алейский район\n55701000;город Байконур\n", encoding="utf-8"
        ),
        "субъекта РФ с кодом 55000000 нет",
        2,
    ),
    "not a code": (
        lambda p: p.write_text("01601000;Алейский район\nитого;2\n", encoding="utf-8"),
        "не код ОКТМО",
        2,
    ),
    "empty": (lambda p: p.write_bytes(b"\n\n"), "пуст", None),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_naming_file_and_line_and_loads_nothing(catalogue, tmp_path, case):
    make, message, line = BAD_INPUTS[case]
    good = write_rosstat(tmp_path / "good.csv")
    bad = tmp_path / "bad.xlsx"  # the extension is never trusted
    make(bad)
    before = dump()

    with pytest.raises(ClassifierError) as error:
        load_files([good, bad])

    text = str(error.value)
    assert "\n" not in text
    assert str(bad) in text and message in text
    if line is not None:
        assert f"строка {line}:" in text
    assert dump() == before


def test_missing_file_is_reported(catalogue, tmp_path):
    with pytest.raises(ClassifierError, match="не удалось прочитать файл"):
        load_files([tmp_path / "absent.csv"])
