"""The regex .xlsx reader: same values as the lxml reader on the XML writers produce, and a
fallback to it for XML it does not read."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.exchange.importing.rows import RowParser
from editor.exchange.spreadsheet import reader
from editor.exchange.spreadsheet.reader import ReadError, open_table
from editor.exchange.spreadsheet.xlsx import EngineError, Package
from editor.exchange.spreadsheet.xlsx_fast import FastBook
from editor.exchange.spreadsheet.xlsx_stream import StreamBook
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


# --- the fast paths against the lxml reader on generated sheets ---------------------------------

_LETTERS = ("A", "B", "C", "D", "AA")
_TEXTS = (
    "Школа",
    "  с пробелами  ",
    "&#1052;&#1054; &#1052;&#1054;",
    "&#x41F;&#x440;&#1080; &#171;&#1048;&#187;",
    "a &amp; b &lt;c&gt; &quot;d&quot; &#38;lt;",
    "Строка_x000D_два",
    "",
    " ",
    "12 345",
    "#N/A",
    "https://vk.com/club1",
    "перевод\r\nстроки\rи&#13;",
    "> и ' и \"",
)
_NUMBERS = ("0", "61", "-5", "7.25", "1e3", " 12 ", "&#49;2", "3.0", "45000")


def _cell(kind: str, letters: str, digits: str, pick: int) -> str:
    ref = f'r="{letters}{digits}"'
    text, number = _TEXTS[pick % len(_TEXTS)], _NUMBERS[pick % len(_NUMBERS)]
    return {
        "inline": f'<c {ref} t="inlineStr"><is><t>{text}</t></is></c>',
        "preserve": f'<c {ref} s="0" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>',
        "rich": f'<c {ref} t="inlineStr"><is><r><t>{text}</t></r><r><t>!</t></r></is></c>',
        "empty inline": f'<c {ref} t="inlineStr"><is><t/></is></c>',
        "number": f"<c {ref}><v>{number}</v></c>",
        "typed number": f'<c {ref} t="n"><v>{number}</v></c>',
        "date": f'<c {ref} s="1"><v>{45000 + pick}</v></c>',
        "shared": f'<c {ref} s="0" t="s"><v>{pick % 2}</v></c>',
        "bool": f'<c {ref} t="b"><v>{pick % 2}</v></c>',
        "iso date": f'<c {ref} t="d"><v>2024-05-0{1 + pick % 9}T00:00:00</v></c>',
        "formula": f'<c {ref} t="str"><f>A1&amp;"x"</f><v>{text}</v></c>',
        "error": f'<c {ref} t="e"><v>#N/A</v></c>',
        "blank": f"<c {ref}/>",
        "styled blank": f'<c {ref} s="1"/>',
        "empty v": f"<c {ref}><v></v></c>",
        "attributes reordered": f'<c t="n" {ref}><v>{number}</v></c>',
        "no reference": f'<c t="inlineStr"><is><t>{text}</t></is></c>',
    }[kind]


_cells = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "inline",
                "inline",
                "inline",
                "typed number",
                "number",
                "preserve",
                "rich",
                "empty inline",
                "date",
                "shared",
                "bool",
                "iso date",
                "formula",
                "error",
                "blank",
                "styled blank",
                "empty v",
                "attributes reordered",
                "no reference",
            ]
        ),
        st.sampled_from(_LETTERS),
        st.integers(0, 50),
    ),
    max_size=7,
)
_rows = st.lists(
    st.tuples(
        st.sampled_from(["r first", "r later", "no r", "self-closing", "other row number"]),
        _cells,
        st.sampled_from(["", "", "\n  "]),  # between rows
        st.sampled_from(["", "", "", "\n    "]),  # between cells
    ),
    min_size=1,
    max_size=12,
)


def _sheet(rows: list) -> str:
    parts = []
    for index, (head, cells, gap, indent) in enumerate(rows):
        number = 2 * index + 2  # rows in between left out
        digits = str(number + 7) if head == "other row number" else str(number)
        body = "".join(indent + _cell(kind, letters, digits, pick) for kind, letters, pick in cells)
        if head == "self-closing":
            parts.append(f'{gap}<row r="{number}" spans="1:4"/>')
        elif head == "r later":
            parts.append(f'{gap}<row spans="1:4" r="{number}">{body}</row>')
        elif head == "no r":
            parts.append(f"{gap}<row>{body}</row>")
        else:
            parts.append(f'{gap}<row r="{number}">{body}</row>')
    return "".join(parts)


def _read(data: io.BytesIO, width: int | None, chunk: int) -> tuple[list, list]:
    """The rows as the regexes alone read them, and as the lxml reader does, with types."""
    with zipfile.ZipFile(data) as zf:
        fast, stream = (
            FastBook(Path("book.xlsx"), Package(zf)),
            StreamBook(Path("book.xlsx"), Package(zf)),
        )
        fast.chunk = chunk
        try:
            sheet = fast.sheet_names()[0]
            got = list(fast._fast_rows(sheet, width))  # no fallback to the lxml reader
            expected = list(stream.rows(sheet, width))
        finally:
            fast.close()
            stream.close()
    typed = [(n, [(type(v), v) for v in values]) for n, values in got]
    return typed, [(n, [(type(v), v) for v in values]) for n, values in expected]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows, st.sampled_from([None, 1, 2, 4, 30]), st.sampled_from([16, 300, 1 << 20]))
def test_generated_sheets_read_as_the_lxml_reader_reads_them(rows, width, chunk):
    data = io.BytesIO()
    body = f"<sheetData>{HEADER_ROW}{_sheet(rows)}</sheetData>"
    write_raw_xlsx(
        data, [("Лист1", body)], ("<t>общая</t>", "<t xml:space='preserve'> x </t>"), STYLES
    )
    got, expected = _read(data, width, chunk)
    assert got == expected


# --- parsing the rows read: the cases RowParser.parse handles inline ----------------------------

_PARSER_HEADERS = [
    "ОКТМО",
    "Организация",
    "Ссылка",
    "Статус",
    "Подписчики",
    "Подключение",
    "Сфера 1",
]
_PARSER_MAPPING = dict(
    enumerate(["oktmo", "organization", "url", "status", "subscribers", "connected", "sphere1"])
)


def _parsed(parser: RowParser, row: int, cells: list) -> dict:
    """What the importer gets of a parsed row, after the trip from the reader process."""
    parsed = pickle.loads(pickle.dumps(parser.parse(row, cells), protocol=5))
    return {
        "oktmo": parsed.oktmo,
        "org": parsed.org,
        "page": parsed.page,
        "count": parsed.count,
        "problems": [(p.column, p.value) for p in parsed.problems],
        "dropped": list(parsed.dropped),
    }


def test_rows_parse_the_same_however_often_their_values_repeat():
    parser = RowParser(_PARSER_HEADERS, _PARSER_MAPPING, {"образование": 7})
    link = "https://vk.com/school1"
    good = [1401000, "  Школа № 1 ", link, "активный", 0, "да", "Образование"]
    for row in (2, 3, 4):  # the second and third time the values come from the caches
        assert _parsed(parser, row, list(good)) == {
            "oktmo": "01401000",
            "org": {"full_name": "Школа № 1", "sphere1": 7},
            "page": {"url": link, "status": "active", "connected": True, "network": "vk"},
            "count": 0,
            "problems": [],
            "dropped": [],
        }
        # A wrong value is a problem on every row that has it, not only on the first.
        bad = ["14", " ", link, "закрыт", -5, 1, "Нет такой сферы"]
        got = _parsed(parser, row, bad)
        assert got["problems"] == [
            ("Статус", "закрыт"),
            ("Подписчики", -5),
            ("Сфера 1", "Нет такой сферы"),
        ]
        assert (got["oktmo"], got["org"], got["page"]) == (
            "14",
            {},
            {"url": link, "network": "vk", "connected": True},
        )
        # Blank text in a column that converts is no value, every time.
        blank = _parsed(parser, row, [None, "Школа", link, "  ", None, " "])
        assert blank["page"] == {"url": link, "network": "vk"}
    # Thousands separators in a count; a short row leaves the rest empty.
    assert _parsed(parser, 5, [None, "Школа", link, None, "12 345"])["count"] == 12345
    # Without a link the page values are dropped and reported.
    got = _parsed(parser, 6, [None, "Школа", "нет", "визитка", 10, "нет"])
    assert (got["page"], got["count"], got["dropped"]) == ({}, None, ["connected", "subscribers"])
