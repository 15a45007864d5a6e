"""The registry report: DESIGN §4 columns, layout a ministry expects, text safety, scope, and
the round trip through the importer."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from editor.core.search import PageFilter
from editor.db.database import close_catalogue
from editor.db.models import Organization, Page, Territory
from editor.exchange.columns import COLUMNS, field_label
from editor.exchange.reports.export import Scope, export_report
from tests.exchange.export_sample import (
    FORMULA,
    OGRN,
    TODAY,
    build_export_sample,
    by_header,
    read_calamine,
    read_openpyxl,
)


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


@pytest.fixture
def sample(tmp_path: Path):
    built = build_export_sample(tmp_path / "catalogue.gpc")
    yield built
    close_catalogue()


def _export(tmp_path: Path, scope: Scope | None = None, name: str = "registry.xlsx") -> Path:
    out = tmp_path / name
    export_report(out, "registry", scope, today=TODAY)
    return out


def test_registry_lists_every_live_page_and_each_pageless_organisation(sample, tmp_path):
    rows = by_header(read_calamine(_export(tmp_path))["Реестр"])
    live_pages = Page.select().where(Page.deleted_at.is_null()).count()
    pageless = 2  # the settlement library and the exempt commission
    assert len(rows) == live_pages + pageless
    ids = [row["ID"] for row in rows if row["ID"] != ""]
    assert sample.trashed_page not in ids
    exempt = [r for r in rows if r["Организация"] == "МКУ «Ликвидационная комиссия»"]
    assert len(exempt) == 1
    assert exempt[0]["Не ведется на основании"] == "Ликвидация"
    assert exempt[0]["Ссылка"] == "" and exempt[0]["ID"] == ""


def test_registry_headers_are_the_shared_column_table(sample, tmp_path):
    header = read_calamine(_export(tmp_path))["Реестр"][0]
    # The DESIGN §4 columns in order, less the responsible person's name (personal data).
    design_fields = [c.field for c in COLUMNS][:27]
    design_fields.remove("responsible")
    assert header[:26] == [field_label(f) for f in design_fields]
    assert not {"Ответственный", "Телефон", "E-mail"} & set(header)
    assert header[:4] == ["ID", "Код ОКТМО", "Территория", "Уровень"]


def test_registry_values_and_formats(sample, tmp_path):
    out = _export(tmp_path)
    rows = by_header(read_calamine(out)["Реестр"])
    row = next(r for r in rows if r["ID"] == sample.formula_page)
    assert row["Код ОКТМО"] == "37701000"
    assert row["Территория"] == "город Курган"
    assert row["ОГРН"] == OGRN
    assert row["Соцсеть"] == "ВКонтакте"
    assert row["Статус"] == "флагманский"
    assert (row["Госметка"], row["Подключение к «Госпабликам»"]) == ("да", "да")
    assert row["Виджеты"] == 2
    assert row["Оформление, %"] == 85.5
    assert row["Подписчики"] == 1_234_567
    assert row["Дата замера"] == dt.date(2024, 10, 15)
    assert row["Сфера 1"] == "Здравоохранение"

    book = openpyxl.load_workbook(out)
    sheet = book["Реестр"]
    assert sheet.freeze_panes == "A2"
    assert (
        sheet.auto_filter.ref
        == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    )
    headers = [c.value for c in sheet[1]]
    data_row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == sample.formula_page)
    assert data_row[headers.index("Подписчики")].number_format == "#,##0"
    assert data_row[headers.index("Дата замера")].number_format.replace("\\", "") == "dd.mm.yyyy"
    assert sheet[1][0].font.b
    widths = {
        h: sheet.column_dimensions[sheet.cell(1, i + 1).column_letter].width
        for i, h in enumerate(headers)
    }
    assert widths["Организация"] > widths["ID"]
    assert all(5 <= width <= 62 for width in widths.values())
    book.close()


def test_formula_like_text_comes_back_as_text(sample, tmp_path):
    out = _export(tmp_path)
    for rows in (read_calamine(out)["Реестр"], read_openpyxl(out)["Реестр"]):
        row = next(r for r in by_header(rows) if r["ID"] == sample.formula_page)
        assert row["Организация"] == FORMULA
        assert row["Краткое наименование"] == "+7 (3522) 00-00-00"
        assert row["Учредитель"] == "-Департамент- <здравоохранения> & «К°»"
        assert "Ответственный" not in row  # personal data stay in the editor
        assert row["Примечание"] == "-5 человек"
    with zipfile.ZipFile(out) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    book = openpyxl.load_workbook(out)
    cell = next(c for c in book["Реестр"]["E"] if c.value == FORMULA)
    assert cell.data_type == "s"
    book.close()


def test_control_characters_never_break_the_file(sample, tmp_path):
    Organization.update(full_name="Школа\x07 №\x0b1 ").where(
        Organization.id == sample.base.organizations[0]
    ).execute()
    rows = by_header(read_openpyxl(_export(tmp_path))["Реестр"])
    assert "Школа №1 " in {r["Организация"] for r in rows}


def test_rows_follow_the_territory_tree_then_the_organisation(sample, tmp_path):
    rows = by_header(read_calamine(_export(tmp_path))["Реестр"])
    territories = [r["Территория"] for r in rows]
    # Kurgan region before Tyumen region (position order); inside, Кетовский before город Курган.
    assert territories.index("Кетовский муниципальный округ") < territories.index("город Курган")
    assert territories[-1] == "Тюменская область"
    kurgan = [r["Организация"] for r in rows if r["Территория"] == "город Курган"]
    assert kurgan == sorted(kurgan, key=str.casefold)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (
            "region",
            {"Кетовский муниципальный округ", "город Курган", "Тетвихинский территориальный отдел"},
        ),
        ("kurgan", {"город Курган"}),
        ("health", {"город Курган"}),
        (
            "max",
            {
                "Тюменская область",
                "город Курган",
                "Кетовский муниципальный округ",
                "Тетвихинский территориальный отдел",
            },
        ),
    ],
)
def test_scope_limits_the_rows(sample, tmp_path, scope, expected):
    from editor.core.spheres import find

    scopes = {
        "region": Scope.of(sample.base.region),
        "kurgan": Scope.of(sample.base.kurgan),
        "health": Scope.of(spheres=[find("Здравоохранение")]),
        "max": Scope.of(networks=["max"]),
    }
    rows = by_header(read_calamine(_export(tmp_path, scopes[scope]))["Реестр"])
    assert {r["Территория"] for r in rows} == expected
    if scope == "max":
        # Only the philharmonic has a MAX page; everyone else is listed as lacking one.
        with_pages = [r for r in rows if r["Ссылка"]]
        assert [r["Ссылка"] for r in with_pages] == ["https://max.ru/philharmonic"]


def test_selection_keeps_its_order(sample, tmp_path):
    chosen = (sample.base.pages[5], sample.formula_page, sample.base.pages[0])
    scope = Scope(PageFilter(page_ids=chosen), "выбранные страницы")
    rows = by_header(read_calamine(_export(tmp_path, scope))["Реестр"])
    assert [r["ID"] for r in rows] == list(chosen)


def test_reimport_into_the_same_catalogue_changes_nothing(sample, tmp_path):
    from editor.exchange.importing.engine import ImportOptions, run_import

    out = _export(tmp_path)
    report = run_import([out], ImportOptions(dry_run=True, today=TODAY))
    assert report.rejected == 0, [r.reason for r in report.rejections]
    assert report.new == 0 and report.updated == 0
    assert report.unchanged == report.rows > 0


def test_reimport_into_a_fresh_catalogue_reproduces_the_records(sample, tmp_path):
    from editor.core.catalogue import init_catalogue
    from editor.core.territories import create
    from editor.exchange.importing.engine import ImportOptions, run_import

    out = _export(tmp_path, Scope.of(sample.base.region))
    expected = _snapshot(sample.base.region)
    close_catalogue()
    init_catalogue(tmp_path / "fresh.gpc")
    region = Territory.get(Territory.oktmo == "37000000").id
    ketovo = create(
        region,
        "Кетовский муниципальный округ",
        level="municipality",
        oktmo="37515000",
        custom=False,
    ).id
    create(region, "город Курган", level="municipality", oktmo="37701000", custom=False)
    create(ketovo, "Тетвихинский территориальный отдел", level="settlement")
    report = run_import([out], ImportOptions(target_id=region, today=TODAY))
    assert report.rejected == 0, [r.reason for r in report.rejections]
    assert _snapshot(region) == expected


def _snapshot(region: int) -> set[tuple]:
    from editor.core.territories import subtree_ids

    scope = subtree_ids(region)
    pages = {
        (
            p.organization.full_name,
            p.territory.name,
            p.network,
            p.url,
            p.status,
            p.gosmark,
            p.connected,
            p.widgets,
            p.subscribers,
            p.subscribers_date,
        )
        for p in Page.select().where(Page.deleted_at.is_null() & Page.territory.in_(scope))
    }
    orgs = {
        (o.full_name, o.territory.name, o.ogrn, o.exemption, o.sphere1_id and o.sphere1.name)
        for o in Organization.select().where(
            Organization.deleted_at.is_null() & Organization.territory.in_(scope)
        )
    }
    return pages | orgs
