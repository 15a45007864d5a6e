"""Real clients read the reports the same way: LibreOffice Calc (converted to CSV headless),
openpyxl and calamine."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.db.database import close_catalogue
from editor.exchange.reports.export import REPORTS, export_report
from tests.exchange.export_sample import TODAY, build_export_sample, read_calamine, read_openpyxl

# Filter options: comma, double quotes, UTF-8, from row 1, US locale (so dates read m/d/y),
# raw values rather than as shown, every sheet into its own file.
_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    build_export_sample(folder / "catalogue.gpc")
    try:
        paths = {}
        for report in REPORTS:
            paths[report] = folder / f"{report}.xlsx"
            export_report(paths[report], report, today=TODAY)
        return paths
    finally:
        close_catalogue()


def _normal(value: object) -> str:
    """One cell as text, the way all three readers can agree on it."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.month:02d}/{value.day:02d}/{value.year}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return repr(float(value))
    text = str(value)
    leading_zero = len(text) > 1 and text[0] == "0" and text[1].isdigit()  # a code, not a number
    try:
        return text if leading_zero or text.strip() != text else repr(float(text))
    except ValueError:
        return text


def _table(rows: list[list[object]]) -> list[list[str]]:
    table = [[_normal(v) for v in row] for row in rows]
    for row in table:
        while row and row[-1] == "":
            row.pop()
    while table and not table[-1]:
        table.pop()
    return table


def test_openpyxl_reads_what_calamine_reads(reports):
    for path in reports.values():
        by_calamine, by_openpyxl = read_calamine(path), read_openpyxl(path)
        assert list(by_calamine) == list(by_openpyxl)
        for name in by_calamine:
            assert _table(by_openpyxl[name]) == _table(by_calamine[name]), (path.name, name)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_every_report_with_the_same_values(reports, tmp_path):
    out = tmp_path / "csv"
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            _CSV,
            "--outdir",
            str(out),
            *map(str, reports.values()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for path in reports.values():
        sheets = read_calamine(path)
        for name, rows in sheets.items():
            converted = out / f"{path.stem}-{name}.csv"
            assert converted.exists(), (converted, done.stdout, done.stderr)
            with converted.open(encoding="utf-8", newline="") as handle:
                by_calc = list(csv.reader(handle))
            assert _table(by_calc) == _table(rows), (path.name, name)
