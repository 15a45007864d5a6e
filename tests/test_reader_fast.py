"""The regex .xlsx reader: same values as the lxml reader on the XML writers produce, and a
fallback to it for XML it does not read."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from editor.exchange import reader
from editor.exchange.reader import ReadError, open_table
from editor.exchange.reader_fast import FastBook
from editor.exchange.reader_xlsx import EngineError, Package, StreamBook
from tests.test_reader import write_raw_xlsx

HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Организация</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Ссылка</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Подписчики</t></is></c>'
    '<c r="D1" t="inlineStr"><is><t>Дата замера</t></is></c></row>'
)
STYLES = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'


def sheet_rows(path: Path, book_class, chunk: int | None = None) -> list:
    """All rows of the first sheet as `book_class` reads them (`chunk`: bytes per step)."""
    with zipfile.ZipFile(path) as zf:
        book = book_class(path, Package(zf))
        if chunk is not None:
            book.chunk = chunk
        try:
            return list(book.rows(book.sheet_names()[0]))
        finally:
            book.close()


def workbook(tmp_path: Path, rows: str, shared=("<t>общая строка</t>",)) -> Path:
    body = f'<dimension ref="A1:D9"/><sheetData>{HEADER_ROW}{rows}</sheetData>'
    return write_raw_xlsx(tmp_path / "book.xlsx", [("Лист1", body)], shared, STYLES)


def test_chunk_boundaries_anywhere_in_a_row_give_the_same_rows(tmp_path):
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Школа &#8470; {i} &amp; сад</t></is></c>'
        f'<c r="B{i}" t="s"><v>0</v></c><c r="C{i}"><v>{i * 10}</v></c>'
        f'<c r="D{i}" s="1"><v>{45000 + i}</v></c></row>'
        for i in range(2, 60)
    )
    path = workbook(tmp_path, rows)
    expected = sheet_rows(path, StreamBook)
    assert expected[1] == (2, ["Школа № 2 & сад", "общая строка", 20, dt.date(2023, 3, 17)])
    for chunk in (1, 7, 64, 1000, 1 << 22):
        assert sheet_rows(path, FastBook, chunk) == expected


def test_attributes_in_any_order_and_self_closing_cells_and_rows(tmp_path):
    rows = (
        '<row r="2" spans="1:4" xmlns:x14ac="urn:x14ac" x14ac:dyDescent="0.25">'
        '<c t="inlineStr" r="A2"><is><t>МБОУ «СОШ № 1»</t></is></c>'
        '<c s="0" t="s" r="B2"><v>0</v></c><c r="C2" s="1"/><c s="1" r="D2"><v>45413</v></c></row>'
        '<row r="4" ht="15" customHeight="1"/>'
        '<row><c r="C5" t="n" s="0"><v>7.25</v></c><c t="b"><v>1</v></c></row>'
    )
    path = write_raw_xlsx(
        tmp_path / "book.xlsx",
        [("Лист1", f"<sheetData>{HEADER_ROW}{rows}</sheetData>")],
        ["<t>vk.com/school1</t>"],
        STYLES,
    )
    got = sheet_rows(path, FastBook)
    assert got == sheet_rows(path, StreamBook)
    assert got[1:] == [
        (2, ["МБОУ «СОШ № 1»", "vk.com/school1", None, dt.date(2024, 5, 1)]),
        (4, []),
        (5, [None, None, 7.25, True]),
    ]


def test_entities_references_escapes_and_line_ends_are_resolved(tmp_path):
    rows = (
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">'
        "  &quot;Рога &amp; копыта&quot; &lt;ООО&gt; &apos;x&apos; &#1057;&#x41F;&#38;lt;  </t>"
        '</is></c><c r="B2" t="str"><f>A1</f><v>a &amp;amp; b</v></c>'
        '<c r="C2" t="inlineStr"><is><t>Строка_x000D_два&#13;три\r\nчетыре\rпять</t></is></c>'
        '<c r="D2" t="e"><v>#N/A</v></c></row>'
    )
    path = workbook(tmp_path, rows)
    got = sheet_rows(path, FastBook)
    assert got == sheet_rows(path, StreamBook)
    assert got[1] == (
        2,
        [
            "\"Рога & копыта\" <ООО> 'x' СП&lt;",
            "a &amp; b",
            "Строка\rдва\rтри\nчетыре\nпять",
            None,
        ],
    )


def test_rich_text_runs_are_joined_without_phonetic_runs(tmp_path):
    rows = (
        '<row r="2"><c r="A2" t="inlineStr"><is>'
        '<r><rPr><b/><color rgb="FFFF0000"/><charset val="204"/></rPr><t>Школа</t></r>'
        '<r><t xml:space="preserve"> № 1</t></r><rPh sb="0" eb="1"><t>ガ</t></rPh>'
        '<phoneticPr fontId="1"/></is></c><c r="B2" t="inlineStr"><is><t/></is></c></row>'
    )
    path = workbook(tmp_path, rows)
    got = sheet_rows(path, FastBook)
    assert got == sheet_rows(path, StreamBook)
    assert got[1] == (2, ["Школа № 1", None])


@pytest.mark.parametrize(
    ("oddity", "value"),
    [
        (
            '<x:c r="B2" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<x:v>5</x:v></x:c>",
            5,
        ),
        (
            '<c r="B2"><x:v xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "5</x:v></c>",
            5,
        ),
        ('<!-- a note --><c r="B2"><v>5</v></c>', 5),
        ('<c r="B2" t="inlineStr"><is><t><![CDATA[<5>]]></t></is></c>', "<5>"),
        ("<c r='B2'><v>5</v></c>", 5),
        ('<c r="B2"><v xml:space="preserve">5</v></c>', 5),
    ],
)
def test_xml_the_regexes_do_not_read_is_left_to_the_lxml_reader(
    tmp_path, monkeypatch, oddity, value
):
    # In the first row: the engine refuses, and open_table falls back to the lxml reader.
    first = f'<row r="1"><c r="A1" t="inlineStr"><is><t>Организация</t></is></c>{oddity}</row>'
    body = f"<sheetData>{first.replace('B2', 'B1')}</sheetData>"
    path = write_raw_xlsx(tmp_path / "first.xlsx", [("Лист1", body)])
    with pytest.raises(EngineError):
        sheet_rows(path, FastBook)
    with pytest.raises(ReadError):
        open_table(path, engine="fast")
    # Further down: the rest of the sheet comes from the lxml reader, with the same values.
    rows = f'<row r="2"><c r="A2" t="inlineStr"><is><t>Школа</t></is></c>{oddity}</row>'
    path = workbook(tmp_path, rows)
    assert sheet_rows(path, FastBook, chunk=64) == sheet_rows(path, StreamBook)
    monkeypatch.setattr(reader, "CALAMINE_MAX_SHEET_BYTES", 100)
    with open_table(path) as table:
        assert [(n, cells[:2]) for n, cells in table.rows()] == [(2, ["Школа", value])]


def test_odd_xml_deep_in_the_sheet_hands_the_rest_to_the_lxml_reader(tmp_path):
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Школа {i}</t></is></c>'
        f'<c r="C{i}"><v>{i}</v></c></row>'
        for i in range(2, 200)
    )
    rows += '<row r="200"><c r="A200"><v>1</v></c><!-- note --><c r="C200"><v>2</v></c></row>'
    path = workbook(tmp_path, rows)
    expected = sheet_rows(path, StreamBook)
    assert sheet_rows(path, FastBook, chunk=2048) == expected
    assert expected[-1] == (200, [1, None, 2])


def test_a_workbook_not_in_utf8_is_left_to_the_lxml_reader(tmp_path):
    path = tmp_path / "utf16.xlsx"
    with zipfile.ZipFile(workbook(tmp_path, "")) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.decode().replace("UTF-8", "UTF-16").encode("utf-16")
            target.writestr(info, data)
    with pytest.raises(EngineError, match="UTF-8"):
        sheet_rows(path, FastBook)
