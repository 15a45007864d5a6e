"""The dynamics report, `stats --as-of`, `digest`, and the print setup of every report."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from editor.cli import main
from editor.core import records
from editor.core.territories import resolve, subtree_ids
from editor.db.database import close_catalogue, open_catalogue
from editor.db.models import Page, db
from tests.exchange.export_sample import build_export_sample


@pytest.fixture(params=["sqlite", "postgresql"])
def catalogue(request, tmp_path: Path):
    """The export sample plus monthly counts for the Kurgan city pages, Aug–Oct 2024, in a
    catalogue file and on the test server."""
    if request.param == "sqlite":
        path = tmp_path / "region.gpc"
    else:
        path = request.getfixturevalue("pg_url")
    sample = build_export_sample(path)
    city = [p.id for p in Page.select().where(Page.territory == sample.base.kurgan)]
    for page in city:
        records.set_count(page, dt.date(2024, 8, 20), 10)
        records.set_count(page, dt.date(2024, 9, 20), 20)
    close_catalogue()
    yield path
    close_catalogue()


def _brute(day: str, territory_ids: set[int] | None = None) -> int:
    """Sum of the live pages' latest counts on or before `day`, straight from the rows."""
    total = 0
    for pid, territory in db.execute_sql(
        "SELECT id, territory_id FROM page WHERE deleted_at IS NULL"
    ).fetchall():
        if territory_ids is not None and territory not in territory_ids:
            continue
        row = db.execute_sql(
            "SELECT count FROM subscriber_count WHERE page_id = ? AND date <= ?"
            " ORDER BY date DESC LIMIT 1",
            (pid, day),
        ).fetchone()
        total += row[0] if row else 0
    return total


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_dynamics_report_rows_months_totals_and_native_chart(catalogue, tmp_path, capsys):
    out = tmp_path / "dynamics.xlsx"
    status, stdout, stderr = _run(
        capsys, "export", str(catalogue), "--report", "dynamics", "--territory", "37000000",
        "--from", "2024-07", "--to", "2024-10", "--out", str(out),
    )  # fmt: skip
    assert status == 0, stderr
    assert "Динамика подписчиков" in stdout
    book = openpyxl.load_workbook(out)
    sheet = book["Динамика"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = rows[2]
    assert header[:6] == ["Территория", "Код ОКТМО", "07.2024", "08.2024", "09.2024", "10.2024"]
    names = [r[0] for r in rows[3:]]
    # As in the summary: the scope's root, its municipalities, deeper nodes only with counts.
    assert names == ["Курганская область", "Кетовский муниципальный округ", "город Курган", "Итого"]
    total = rows[-1]
    open_catalogue(catalogue)
    scope = set(subtree_ids(resolve("37000000").id))
    days = ("2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31")
    expected = [_brute(day, scope) for day in days]
    assert total[2:6] == expected
    city = Page.select().where(
        (Page.territory == resolve("37701000").id) & Page.deleted_at.is_null()
    )
    assert expected[2] - expected[1] == 10 * city.count()  # the city's pages: 10 → 20
    assert total[6] == expected[-1] - expected[0]
    # A native chart part (not a picture) whose series reads the totals row.
    assert len(sheet._charts) == 1
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        chart = archive.read("xl/charts/chart1.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
    assert {"xl/drawings/drawing1.xml", "xl/worksheets/_rels/sheet1.xml.rels"} <= names
    assert not any(name.startswith("xl/media/") for name in names)
    total_row = rows.index(total) + 1
    assert f"'Динамика'!$C${total_row}:$F${total_row}" in chart
    assert "drawingml.chart+xml" in types


def test_bad_periods_are_usage_errors_and_write_nothing(catalogue, tmp_path, capsys):
    out = tmp_path / "dynamics.xlsx"
    for options in (("--from", "2023-13"), ("--from", "2024-05", "--to", "2024-01"),
                    ("--to", "май")):  # fmt: skip
        status, _, stderr = _run(
            capsys, "export", str(catalogue), "--report", "dynamics", "--out", str(out), *options
        )
        assert status == 2, options
        assert "ГГГГ-ММ" in stderr or "позже" in stderr
        assert not out.exists()


def test_stats_as_of_takes_each_pages_latest_count_on_or_before(catalogue, capsys):
    results = {}
    for day in ("2024-08-31", "01.09.2024", "2024-09-20", "2024-12-31"):
        status, stdout, stderr = _run(capsys, "stats", str(catalogue), "--as-of", day, "--json")
        assert status == 0, stderr
        results[day] = json.loads(stdout)["subscribers"]
    open_catalogue(catalogue)
    assert results["2024-08-31"] == _brute("2024-08-31") == results["01.09.2024"]
    assert results["2024-09-20"] == _brute("2024-09-20")  # a count dated that very day counts
    assert results["2024-12-31"] == _brute("2024-12-31")
    city = Page.select().where(
        (Page.territory == resolve("37701000").id) & Page.deleted_at.is_null()
    )
    assert results["2024-09-20"] - results["2024-08-31"] == 10 * city.count()
    # Without --as-of: the pages' current figures, undated ones included (one page has 50).
    status, stdout, _ = _run(capsys, "stats", str(catalogue), "--json")
    assert json.loads(stdout)["subscribers"] == results["2024-12-31"] + 50


@pytest.mark.parametrize("day", ["2024-02-30", "вчера", "1.9.2024"])
def test_stats_as_of_a_non_date_is_a_usage_error(catalogue, capsys, day):
    status, stdout, stderr = _run(capsys, "stats", str(catalogue), "--as-of", day)
    assert status == 2 and not stdout
    assert "дат" in stderr


def test_digest_paragraph(catalogue, capsys):
    status, stdout, stderr = _run(
        capsys, "digest", str(catalogue), "--territory", "город Курган",
        "--as-of", "2024-09-30", "--since", "2024-08-31",
    )  # fmt: skip
    assert status == 0, stderr
    nbsp = "\u00a0"
    # The city's 17 live pages: 10 subscribers each at the end of August, 20 in September.
    assert stdout.startswith(
        "Число подписчиков госпабликов города Курган на 30.09.2024 достигло 340;"
    )
    assert f"прирост с 31.08.2024 составил 170{nbsp}подписчиков (+100,0{nbsp}%)" in stdout
    assert f"Всего действует 17{nbsp}госпабликов." in stdout
    status, _, stderr = _run(
        capsys, "digest", str(catalogue), "--as-of", "2024-01-01", "--since", "2024-06-01"
    )
    assert status == 2 and "позже" in stderr


REPORTS = ("registry", "summary", "spheres", "compliance", "dynamics")


@pytest.mark.parametrize("report", REPORTS)
def test_every_report_prints_one_page_wide_with_titles_and_footer(
    catalogue, tmp_path, capsys, report
):
    out = tmp_path / f"{report}.xlsx"
    status, _, stderr = _run(
        capsys, "export", str(catalogue), "--report", report, "--out", str(out)
    )
    assert status == 0, stderr
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
    assert '<pageSetUpPr fitToPage="1"/>' in sheet
    setup = re.search(r"<pageSetup [^>]*/>", sheet).group(0)
    assert 'fitToWidth="1"' in setup and 'fitToHeight="0"' in setup and 'paperSize="9"' in setup
    assert 'orientation="landscape"' in setup  # every report here is wider than portrait A4
    assert re.search(
        r"<oddFooter>&amp;LДата: \d\d\.\d\d\.\d{4}&amp;RСтраница &amp;P из &amp;N", sheet
    )
    assert "_xlnm.Print_Titles" in workbook
    book = openpyxl.load_workbook(out)
    first = book.worksheets[0]
    assert first.print_title_rows
    assert first.page_setup.fitToWidth == 1 and first.sheet_properties.pageSetUpPr.fitToPage
    if report != "registry":
        # The title is merged across the used width and wraps, so that it is never cut.
        assert any(str(m).startswith("A1:") for m in first.merged_cells.ranges)
        assert first["A1"].alignment.wrap_text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_summary_on_one_page(catalogue, tmp_path, capsys):
    out = tmp_path / "summary.xlsx"
    status = _run(capsys, "export", str(catalogue), "--report", "summary", "--territory", "37000000",
                  "--out", str(out))[0]  # fmt: skip
    assert status == 0
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = (tmp_path / "summary.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
