"""The streaming .xlsx writer: what a reader gets back for awkward values and layouts."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import openpyxl

from editor.exchange.spreadsheet.writer import Workbook, column_letter
from tests.exchange.export_sample import read_calamine, read_openpyxl


def _write(path: Path, fill) -> Path:
    with path.open("wb") as handle:
        book = Workbook(handle, title="Проба")
        fill(book)
        book.close()
    return path


def test_values_read_back_with_both_readers(tmp_path):
    values = [
        "  пробелы по краям  ",
        "строка\nвторая",
        "управляющие\x01\x0b символы",
        '=SUM(A1:A2) & <b>"x"</b>',
        "x" * 40_000,
        12345678901,
        2.5,
        math.nan,
        dt.date(2024, 2, 29),
        True,
        None,
        "",
    ]

    def fill(book):
        sheet = book.add_sheet("Лист", ["text"] * 8 + ["date", "text", "text", "text"])
        sheet.header([f"h{i}" for i in range(len(values))])
        sheet.append(values)

    out = _write(tmp_path / "values.xlsx", fill)
    expected = [
        "  пробелы по краям  ",
        "строка\nвторая",
        "управляющие символы",
        '=SUM(A1:A2) & <b>"x"</b>',
        "x" * 32_767,
        12345678901,
        2.5,
    ]
    by_openpyxl = read_openpyxl(out)["Лист"][1]
    assert by_openpyxl[:7] == expected
    assert by_openpyxl[7] is None  # NaN has no cell
    assert by_openpyxl[8] == dt.datetime(2024, 2, 29)
    assert by_openpyxl[9] is True
    by_calamine = read_calamine(out)["Лист"][1]
    assert by_calamine[:7] == expected
    assert by_calamine[8] == dt.date(2024, 2, 29)


def test_layout_outline_merges_and_late_widths(tmp_path):
    def fill(book):
        sheet = book.add_sheet("Сводка", ["text", "int"], outline_levels=2, sample_rows=3)
        sheet.title("Заголовок отчёта")
        top = sheet.header(["Территория", "Страниц"])
        sheet.merge(1, 0, 1, 1)
        for index in range(10):
            sheet.append([f"Территория {index}", index], outline=index % 3)
        assert top == 2

    out = _write(tmp_path / "layout.xlsx", fill)
    book = openpyxl.load_workbook(out)
    sheet = book["Сводка"]
    assert sheet.freeze_panes == "A3"
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:B1"]
    assert [sheet.row_dimensions[r].outline_level for r in range(3, 13)] == [0, 1, 2] * 3 + [0]
    assert sheet.cell(12, 1).value == "Территория 9" and sheet.cell(12, 2).value == 9
    assert sheet.cell(3, 2).number_format == "#,##0"
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["B"].width
    book.close()


def test_sheet_names_are_made_valid_and_unique(tmp_path):
    def fill(book):
        for name in ("Итоги: 2024/11 [черновик]", "Итоги: 2024/11 [черновик]", "x" * 40):
            sheet = book.add_sheet(name, ["text"])
            sheet.append(["a"])

    names = list(read_calamine(_write(tmp_path / "names.xlsx", fill)))
    assert len(set(names)) == 3
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_every_sheet_declares_its_size_so_read_only_readers_see_all_rows(tmp_path):
    def fill(book):
        sheet = book.add_sheet("Реестр", ["text"] * 5)
        sheet.title("Реестр госпабликов")
        sheet.header(["A", "B", "C", "D", "E"])
        for n in range(1, 1001):
            sheet.append([f"строка {n}", n, None, "x", n * 2])
        book.add_sheet("Пустой", ["text"])

    path = _write(tmp_path / "size.xlsx", fill)
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book["Реестр"]
    assert (sheet.max_row, sheet.max_column) == (1002, 5)
    assert sheet.calculate_dimension() == "A1:E1002"
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1002 and all(len(row) == 5 for row in rows)
    assert rows[-1] == ("строка 1000", 1000, None, "x", 2000)
    assert book["Пустой"].calculate_dimension() == "A1:A1"
