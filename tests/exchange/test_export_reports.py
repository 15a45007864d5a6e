"""Summary, spheres and compliance reports: the figures a ministry reads, their totals and the
row grouping."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from editor.core.rollup import stats
from editor.core.spheres import find
from editor.db.database import close_catalogue
from editor.exchange.reports.export import Scope, export_report
from tests.exchange.export_sample import TODAY, build_export_sample, by_header, read_calamine


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


@pytest.fixture
def sample(tmp_path: Path):
    built = build_export_sample(tmp_path / "catalogue.gpc")
    yield built
    close_catalogue()


def _report(tmp_path: Path, report: str, scope: Scope | None = None, **options):
    out = tmp_path / f"{report}.xlsx"
    export_report(out, report, scope, today=TODAY, **options)
    return out, read_calamine(out)


def _totals(rows: list[list[object]]) -> dict[str, object]:
    header = next(i for i, row in enumerate(rows) if row[0] == "Территория")
    table = by_header(rows, header)
    return next(row for row in table if row["Территория"] == "Итого")


@pytest.mark.parametrize("where", ["all", "region"])
def test_summary_totals_equal_stats(sample, tmp_path, where):
    territory = None if where == "all" else sample.base.region
    _, sheets = _report(tmp_path, "summary", Scope.of(territory))
    total = _totals(sheets["Сводка"])
    expected = stats(territory)
    assert total["Организаций"] == expected.organizations
    assert total["Страниц"] == expected.pages
    assert total["Подписчиков"] == expected.subscribers
    assert total["С госметкой"] == expected.gosmark
    assert total["Подключено к «Госпабликам»"] == expected.connected
    assert total["С виджетами ПОС"] == expected.with_widgets
    for network, label in (("vk", "ВКонтакте"), ("ok", "Одноклассники"), ("max", "MAX")):
        assert total[f"Страниц: {label}"] == expected.by_network.get(network, 0)
    assert total["Доля с госметкой, %"] == round(100 * expected.gosmark / expected.pages, 1)


def test_summary_title_rows_and_outline(sample, tmp_path):
    out, sheets = _report(tmp_path, "summary", Scope.of(sample.base.region))
    rows = sheets["Сводка"]
    assert rows[0][0] == "Госпаблики по территориям: Курганская область по состоянию на 01.11.2024"
    table = by_header(rows, 2)
    names = [row["Территория"] for row in table]
    assert names == [
        "Курганская область",
        "Кетовский муниципальный округ",
        "Тетвихинский территориальный отдел",
        "город Курган",
        "Итого",
    ]
    ketovo = table[1]
    assert ketovo["Код ОКТМО"] == "37515000"
    # Ketovo has the odd-numbered schools: 5 organisations × 3 pages, plus the library below it.
    assert (ketovo["Организаций"], ketovo["Страниц"]) == (6, 15)
    book = openpyxl.load_workbook(out)
    sheet = book["Сводка"]
    levels = [sheet.row_dimensions[r].outline_level for r in range(4, 8)]
    assert levels == [0, 1, 2, 1]
    assert sheet.freeze_panes == "A4"
    assert sheet.sheet_properties.outlinePr.summaryBelow is False
    book.close()


def test_summary_of_one_network_counts_only_its_pages(sample, tmp_path):
    _, sheets = _report(tmp_path, "summary", Scope.of(networks=["vk"]))
    header = sheets["Сводка"][2]
    assert "Страниц: ВКонтакте" in header and "Страниц: MAX" not in header
    total = _totals(sheets["Сводка"])
    assert total["Страниц"] == stats().by_network["vk"]
    assert "соцсети: ВКонтакте" in sheets["Сводка"][0][0]


def test_spheres_pivot_sums_pages_and_subscribers(sample, tmp_path):
    _, sheets = _report(tmp_path, "spheres", Scope.of(sample.base.region))
    rows = sheets["Сферы"]
    spheres_row, kinds_row = rows[2], rows[3]
    assert spheres_row[:2] == ["Территория", "Код ОКТМО"]
    # Dictionary order; each sphere spans two columns.
    assert [s for s in spheres_row[2:] if s] == ["Образование / Школы", "Здравоохранение", "Всего"]
    assert kinds_row[2:4] == ["Страниц", "Подписчиков"]
    total = rows[-1]
    assert total[0] == "Итого"
    expected = stats(sample.base.region)
    assert total[-2:] == [expected.pages, expected.subscribers]
    column = spheres_row.index("Образование / Школы")
    assert total[column] == 30  # 10 schools × 3 pages


def test_compliance_counts_and_lists(sample, tmp_path):
    _, sheets = _report(tmp_path, "compliance", Scope.of(sample.base.region), stale_days=90)
    total = _totals(sheets["Нарушения"])
    assert total["Организаций без страницы и без основания"] == 1  # the library; not the exempt
    assert total["Страниц"] == 32
    assert total["Подписчики не обновлялись более 90 дн."] == 1  # the 2023 count
    assert total["Без госметки"] == 16  # 15 odd schools' pages + the OK page with no mark
    orgs = by_header(sheets["Организации без страниц"])
    assert [o["Организация"] for o in orgs] == ["Ёлкинская сельская библиотека"]
    pages = by_header(sheets["Страницы с замечаниями"])
    stale = next(p for p in pages if p["Ссылка"] == "https://ok.ru/group/555")
    assert "подписчики не обновлялись более 90 дн." in stale["Замечания"]
    assert "https://vk.com/club123456" not in {p["Ссылка"] for p in pages}  # nothing wrong


def test_compliance_subtitle_names_the_stale_limit(sample, tmp_path):
    _, sheets = _report(tmp_path, "compliance", stale_days=30)
    assert sheets["Нарушения"][1][0].startswith("Данные о подписчиках считаются устаревшими")
    assert "30 дн. (до 02.10.2024)" in sheets["Нарушения"][1][0]


def test_sphere_scope_counts_organisations_of_that_sphere(sample, tmp_path):
    _, sheets = _report(tmp_path, "summary", Scope.of(spheres=[find("Образование")]))
    total = _totals(sheets["Сводка"])
    assert (total["Организаций"], total["Страниц"]) == (10, 30)
