"""Reading municipal spreadsheets: file kinds, safety checks, header detection, data rows."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Alignment

from editor.exchange.spreadsheet import reader
from editor.exchange.spreadsheet.reader import ReadError, open_table
from editor.exchange.spreadsheet.sniff import sniff_kind
from editor.exchange.spreadsheet.xlsx import CalamineBook, EngineError
from tests.amur_registry import AMUR_HEADERS, write_amur_registry

XLSX_ENGINES = ["calamine", "openpyxl", "stream", "fast"]
HEADER = ["№", "Территория", "Наименование учреждения", "Ссылка на страницу", "Подписчики", "ОГРН"]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def write_raw_xlsx(path: Path, sheets: list[tuple[str, str]], shared=(), styles="") -> Path:
    """A workbook written from hand-made XML, for what openpyxl cannot write (cached results)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        rels, entries = [], []
        for i, (name, body) in enumerate(sheets, 1):
            z.writestr(
                f"xl/worksheets/sheet{i}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?>'
                f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">{body}</worksheet>',
            )
            rels.append(
                f'<Relationship Id="rId{i}" Type="{RELS}/worksheet"'
                f' Target="worksheets/sheet{i}.xml"/>'
            )
            entries.append(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>')
        z.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'
            + "".join(f"<si>{s}</si>" for s in shared)
            + "</sst>",
        )
        rels.append(
            f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        z.writestr(
            "xl/styles.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">{styles}'
            "</styleSheet>",
        )
        rels.append(f'<Relationship Id="rIdY" Type="{RELS}/styles" Target="styles.xml"/>')
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
            f"<sheets>{''.join(entries)}</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            + "".join(rels)
            + "</Relationships>",
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' + "</Types>",
        )
    return path


def municipal_workbook(path: Path) -> Path:
    """A district's report as they come: titles over the header, merges, hidden parts, totals."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Госпаблики"
    ws["A1"] = "Реестр официальных страниц учреждений Кетовского округа"
    ws.merge_cells("A1:F1")
    ws["A2"] = "по состоянию на 01.05.2024"
    ws.append([])
    ws.append(
        ["№", "Территория", "Наименование\nучреждения", "Ссылка на страницу", "Подписчики", "ОГРН"]
    )
    ws["C4"].alignment = Alignment(wrap_text=True)
    ws.append(
        [
            1,
            "Кетовский округ",
            "  МКОУ «Кетовская СОШ»  ",
            "https://vk.com/club1",
            "1 234",
            1024500000017,
        ]
    )
    ws.append(
        [2, "Кетовский округ", "МКДОУ «Детский сад № 1»", "vk.com/public2", 87, "1024500000028"]
    )
    ws.append([])
    ws.append([3, "Кетовский округ", "Администрация округа", "https://vk.com/ketovo", 2500.0, None])
    ws.append([None, "Итого", None, None, 3821, None])
    ws.column_dimensions["F"].hidden = True
    ws.row_dimensions[6].hidden = True
    wb.save(path)
    wb.close()
    return path


@pytest.fixture(params=XLSX_ENGINES)
def engine(request) -> str:
    return request.param


def read_all(path: Path, **options) -> tuple[reader.Table, list[tuple[int, list[object]]]]:
    with open_table(path, **options) as table:
        rows = list(table.rows())
    return table, rows


# --- xlsx, each engine ---------------------------------------------------------------------------


def test_municipal_workbook_header_is_found_under_the_titles(tmp_path, engine):
    table, _ = read_all(municipal_workbook(tmp_path / "кетово.xlsx"), engine=engine)
    assert table.engine == engine
    assert table.sheet == "Госпаблики"
    assert table.header_row == 4
    assert table.headers[2] == "Наименование учреждения"  # the two-line cell in one line
    assert table.mapping == {
        1: "territory",
        2: "organization",
        3: "url",
        4: "subscribers",
        5: "ogrn",
    }
    assert table.title_rows == [
        "Реестр официальных страниц учреждений Кетовского округа",
        "по состоянию на 01.05.2024",
    ]
    assert table.estimated_rows == 5


def test_data_rows_skip_empty_and_totals_rows_and_keep_hidden_ones(tmp_path, engine):
    _, rows = read_all(municipal_workbook(tmp_path / "кетово.xlsx"), engine=engine)
    assert rows == [
        (
            5,
            [
                1,
                "Кетовский округ",
                "МКОУ «Кетовская СОШ»",
                "https://vk.com/club1",
                "1 234",
                1024500000017,
            ],
        ),
        (
            6,
            [
                2,
                "Кетовский округ",
                "МКДОУ «Детский сад № 1»",
                "vk.com/public2",
                87,
                "1024500000028",
            ],
        ),
        (8, [3, "Кетовский округ", "Администрация округа", "https://vk.com/ketovo", 2500, None]),
    ]


def test_formula_cells_give_their_cached_values(tmp_path, engine):
    body = (
        '<dimension ref="A1:F3"/><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>'
        '<c r="F1" t="s"><v>7</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2"><f>SUM(10,20)</f><v>30</v></c>'
        '<c r="C2" t="str"><f>"vk.com/"&amp;"club7"</f><v>vk.com/club7</v></c>'
        '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" s="1"><v>45413</v></c>'
        '<c r="F2" t="b"><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3"><v>1.5E3</v></c>'
        '<c r="C3" t="inlineStr"><is><r><t>vk.com/</t></r><r><t>club8</t></r></is></c>'
        '<c r="E3" s="1"><v>45413.5</v></c></row>'
        "</sheetData>"
    )
    shared = [
        "<t>Организация</t>",
        "<t>Подписчики</t>",
        "<t>Ссылка</t>",
        "<t>Активность, %</t>",
        "<t>Дата замера</t>",
        (
            '<r><t xml:space="preserve">Школа </t></r><r><t>№ 1</t></r>'
            '<rPh sb="0" eb="1"><t>x</t></rPh>'
        ),
        "<t>Строка_x000D_два</t>",
        "<t>Госметка</t>",
    ]
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    path = write_raw_xlsx(tmp_path / "f.xlsx", [("Лист1", body)], shared, styles)
    _, rows = read_all(path, engine=engine)
    assert rows == [
        (2, ["Школа № 1", 30, "vk.com/club7", None, dt.date(2024, 5, 1), True]),
        (3, ["Строка\rдва", 1500, "vk.com/club8", None, dt.datetime(2024, 5, 1, 12, 0), None]),
    ]


def test_the_sheet_with_the_header_is_chosen_and_can_be_named(tmp_path, engine):
    wb = openpyxl.Workbook()
    wb.active.title = "Инструкция"
    wb.active.append(["Заполните лист «Реестр»: организация, ссылка"])
    partial = wb.create_sheet("Свод")
    partial.append(["Территория", "Ссылка"])  # names fewer fields than the registry
    registry = wb.create_sheet("Реестр")
    registry.append(["Организация", "Ссылка", "Статус"])
    registry.append(["Школа № 5", "vk.com/school5", "активный"])
    wb.save(tmp_path / "book.xlsx")
    wb.close()
    table, rows = read_all(tmp_path / "book.xlsx", engine=engine)
    assert (table.sheet, rows) == ("Реестр", [(2, ["Школа № 5", "vk.com/school5", "активный"])])
    table, rows = read_all(tmp_path / "book.xlsx", engine=engine, sheet="Свод")
    assert (table.sheet, table.mapping, rows) == ("Свод", {0: "territory", 1: "url"}, [])
    with pytest.raises(
        ReadError, match=r"book\.xlsx: лист «Нет» не найден; листы в файле: «Инструкция»"
    ):
        open_table(tmp_path / "book.xlsx", engine=engine, sheet="Нет")
    with pytest.raises(ReadError, match="лист «Инструкция»: не найдена строка заголовков"):
        open_table(tmp_path / "book.xlsx", engine=engine, sheet="Инструкция")


def test_two_row_header_under_a_merged_group_header(tmp_path, engine):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Организация", "Страница ВКонтакте", None, None, "Примечание"])
    ws.append([None, "Ссылка", "Подписчики", "Госметка", None])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:D1")
    ws.merge_cells("E1:E2")
    ws.append(["Школа № 2", "vk.com/club2", 10, "да", "новая"])
    wb.save(tmp_path / "two.xlsx")
    wb.close()
    table, rows = read_all(tmp_path / "two.xlsx", engine=engine)
    assert table.mapping == {
        0: "organization",
        1: "url",
        2: "subscribers",
        3: "gosmark",
        4: "notes",
    }
    assert rows == [(3, ["Школа № 2", "vk.com/club2", 10, "да", "новая"])]


def test_vertically_merged_data_cells_repeat_their_value(tmp_path, engine):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Территория", "Организация", "Ссылка"])
    ws.append(["Варгашинский округ", "Школа № 1", "vk.com/a"])
    ws.append([None, "Школа № 2", "vk.com/b"])
    ws.append([None, "Школа № 3", None])
    ws.append([None, "Итого по округу", 3])
    ws.append(["Лебяжьевский округ", "Школа № 4", "vk.com/d"])
    ws.merge_cells("A2:A5")
    wb.save(tmp_path / "merged.xlsx")
    wb.close()
    _, rows = read_all(tmp_path / "merged.xlsx", engine=engine)
    assert [n for n, _ in rows] == [2, 3, 4, 6]
    assert [cells[0] for _, cells in rows] == ["Варгашинский округ"] * 3 + ["Лебяжьевский округ"]
    assert rows[2] == (4, ["Варгашинский округ", "Школа № 3", None])


def test_thousands_of_shared_strings_are_all_found(tmp_path, engine):
    wb = openpyxl.Workbook()  # the normal mode writes shared strings, as Excel does
    ws = wb.active
    ws.append(["Организация", "Ссылка"])
    for i in range(2500):
        ws.append([f"Школа № {i}", f"https://vk.com/school{i}"])
    wb.save(tmp_path / "many.xlsx")
    wb.close()
    _, rows = read_all(tmp_path / "many.xlsx", engine=engine)
    assert len(rows) == 2500
    assert rows[-1] == (2501, ["Школа № 2499", "https://vk.com/school2499"])


def test_cells_and_rows_without_references_are_placed_in_order(tmp_path, engine):
    body = (
        "<sheetData>"
        '<row><c t="inlineStr"><is><t>Организация</t></is></c>'
        '<c t="inlineStr"><is><t>Ссылка</t></is></c></row>'
        '<row><c t="inlineStr"><is><t>Школа № 1</t></is></c>'
        '<c t="inlineStr"><is><t>vk.com/a</t></is></c></row>'
        '<row r="4"><c r="B4" t="inlineStr"><is><t>vk.com/b</t></is></c></row>'
        "</sheetData>"
    )
    path = write_raw_xlsx(tmp_path / "noref.xlsx", [("Лист1", body)])
    _, rows = read_all(path, engine=engine)
    assert rows == [(2, ["Школа № 1", "vk.com/a"]), (4, [None, "vk.com/b"])]


def test_column_numbers_and_repeated_headers_are_not_data(tmp_path, engine):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Организация", "Ссылка", "Статус"])
    ws.append([1, 2, 3])
    ws.append(["Школа № 1", "vk.com/a", "визитка"])
    ws.append(["ОРГАНИЗАЦИЯ", "ссылка", "Статус"])
    ws.append(["Всего организаций: 2", None, None])
    ws.append(["Школа № 2", "vk.com/b", "активный"])
    ws.append(["Всеволожская школа", "vk.com/c", None])
    wb.save(tmp_path / "pages.xlsx")
    wb.close()
    _, rows = read_all(tmp_path / "pages.xlsx", engine=engine)
    assert [n for n, _ in rows] == [3, 6, 7]


def test_rows_can_be_read_again_and_stop_when_the_table_closes(tmp_path, engine):
    path = municipal_workbook(tmp_path / "кетово.xlsx")
    table = open_table(path, engine=engine)
    first = list(table.rows())
    assert list(table.rows()) == first
    partial = table.rows()
    assert next(partial)[0] == 5
    table.close()
    assert list(partial) == []
    with pytest.raises(ReadError, match="файл уже закрыт"):
        table.rows()


def test_a_sheet_without_a_header_is_reported_with_the_expected_columns(tmp_path, engine):
    wb = openpyxl.Workbook()
    wb.active.append(["Фамилия", "Имя"])
    wb.active.append(["Иванов", "Иван"])
    wb.save(tmp_path / "люди.xlsx")
    wb.close()
    with pytest.raises(ReadError) as caught:
        open_table(tmp_path / "люди.xlsx", engine=engine)
    assert str(caught.value) == (
        "люди.xlsx: не найдена строка заголовков (ожидаются столбцы «Организация», «Ссылка» …)"
    )


def test_overrides_let_a_custom_header_be_found(tmp_path, engine):
    wb = openpyxl.Workbook()
    wb.active.append(["Наименование ОУ", "Страница", "Охват"])
    wb.active.append(["Школа № 9", "vk.com/s9", 100])
    wb.save(tmp_path / "оу.xlsx")
    wb.close()
    overrides = {"Наименование ОУ": "organization", "Страница": "url", "Охват": "-"}
    table, rows = read_all(tmp_path / "оу.xlsx", engine=engine, overrides=overrides)
    assert table.mapping == {0: "organization", 1: "url"}
    assert rows == [(2, ["Школа № 9", "vk.com/s9", 100])]
    with pytest.raises(ValueError, match="Неизвестное поле «страница»"):
        open_table(tmp_path / "оу.xlsx", overrides={"Страница": "страница"})


# --- engine choice -------------------------------------------------------------------------------


def test_auto_uses_calamine_for_ordinary_sheets_and_streams_big_ones(tmp_path, monkeypatch):
    path = municipal_workbook(tmp_path / "кетово.xlsx")
    with open_table(path) as table:
        assert table.engine == "calamine"
    monkeypatch.setattr(reader, "CALAMINE_MAX_SHEET_BYTES", 100)
    with open_table(path) as table:
        assert table.engine == "fast"
        assert len(list(table.rows())) == 3


def test_auto_falls_back_to_openpyxl_when_calamine_cannot_read(tmp_path, monkeypatch):
    def broken(self, path, package):
        raise EngineError("calamine: unsupported")

    monkeypatch.setattr(CalamineBook, "__init__", broken)
    table, rows = read_all(municipal_workbook(tmp_path / "кетово.xlsx"))
    assert table.engine == "openpyxl"
    assert len(rows) == 3


# --- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ";"), ("cp1251", ";"), ("cp1251", ","), ("utf-8", ","), ("utf-16", "\t")],
)
def test_csv_in_the_encodings_and_delimiters_municipalities_use(tmp_path, encoding, delimiter):
    lines = [
        "Реестр госпабликов на 01.06.2024",
        delimiter.join(["Организация", "Ссылка", "Подписчики", "Примечание"]),
        delimiter.join(
            ['"МБОУ ""СОШ № 1"", г. Курган"', "vk.com/club1", "12 345", '"две\nстроки"']
        ),
        delimiter.join(["", "", "", ""]),
        delimiter.join(["Итого", "", "12 345", ""]),
    ]
    path = tmp_path / "реестр.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    assert sniff_kind(path) == "csv"
    table, rows = read_all(path)
    assert (table.sheet, table.header_row, table.engine) == (None, 2, "csv")
    assert table.mapping == {0: "organization", 1: "url", 2: "subscribers", 3: "notes"}
    assert rows == [(3, ['МБОУ "СОШ № 1", г. Курган', "vk.com/club1", "12 345", "две\nстроки"])]
    assert table.title_rows == ["Реестр госпабликов на 01.06.2024"]


def test_csv_estimated_rows_follow_the_file_size(tmp_path):
    path = tmp_path / "big.csv"
    body = "".join(f"Школа № {i};vk.com/club{i}\n" for i in range(20_000))
    path.write_text("Организация;Ссылка\n" + body, encoding="utf-8")
    with open_table(path) as table:
        assert 15_000 < table.estimated_rows < 25_000
        assert sum(1 for _ in table.rows()) == 20_000


def test_a_broken_byte_deep_in_a_utf8_csv_names_its_row(tmp_path):
    path = tmp_path / "смешанный.csv"
    rows = "".join(f"Школа № {i};vk.com/club{i}\n" for i in range(5000))
    path.write_bytes(("Организация;Ссылка\n" + rows).encode() + "Школа;vk\n".encode("cp1251"))
    with open_table(path) as table, pytest.raises(ReadError) as caught:
        list(table.rows())
    assert str(caught.value) == (
        "смешанный.csv, строка 5002: текст не в кодировке UTF-8: сохраните файл в UTF-8"
    )


def test_an_unclosed_quote_in_a_csv_is_explained(tmp_path):
    path = tmp_path / "кавычка.csv"
    rows = "".join(f"Школа № {i};vk.com/club{i}\n" for i in range(20_000))
    path.write_text('Организация;Ссылка\n"Школа;vk.com/a\n' + rows, encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_all(path)
    assert str(caught.value).startswith("кавычка.csv, строка 2: не удалось прочитать: ячейка")
    assert "незакрытая кавычка" in str(caught.value)


# --- refused files -------------------------------------------------------------------------------


def refused(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        open_table(path)
    message = str(caught.value)
    assert message.startswith(path.name + ": ")
    assert "\n" not in message
    return message[len(path.name) + 2 :]


def test_file_kind_is_told_by_content_not_extension(tmp_path):
    municipal_workbook(tmp_path / "a.xlsx").rename(tmp_path / "a.csv")
    assert sniff_kind(tmp_path / "a.csv") == "xlsx"
    (tmp_path / "b.xlsx").write_text("Организация;Ссылка\n", encoding="utf-8")
    assert sniff_kind(tmp_path / "b.xlsx") == "csv"
    sqlite3.connect(tmp_path / "c.xlsx").execute("CREATE TABLE t (x)").connection.close()
    assert sniff_kind(tmp_path / "c.xlsx") == "catalogue"
    assert refused(tmp_path / "c.xlsx") == "это файл каталога, а не таблица Excel или CSV"


def test_empty_file(tmp_path):
    (tmp_path / "пусто.xlsx").write_bytes(b"")
    assert refused(tmp_path / "пусто.xlsx") == "файл пуст"


def test_damaged_xls_and_password_protected_workbooks(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (tmp_path / "old.xls").write_bytes(ole + "Workbook".encode("utf-16-le") + b"\x00" * 512)
    assert refused(tmp_path / "old.xls").startswith("файл повреждён")
    locked = ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512
    (tmp_path / "locked.xlsx").write_bytes(locked)
    assert refused(tmp_path / "locked.xlsx") == (
        "файл защищён паролем: снимите пароль и сохраните заново"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("photo.xlsx", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("blob.csv", bytes(range(256)) * 4),
    ],
)
def test_files_that_are_not_tables(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    assert refused(tmp_path / name) == "не таблица Excel или CSV"


def test_a_word_document_is_not_a_table(tmp_path):
    with zipfile.ZipFile(tmp_path / "письмо.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    assert refused(tmp_path / "письмо.docx") == "не таблица Excel или CSV"


def test_an_html_page_saved_as_xls_gets_its_own_advice(tmp_path):
    page = "<html><body><table><tr><td>Организация</td></tr></table></body></html>"
    (tmp_path / "выгрузка.xls").write_text(page, encoding="utf-8")
    assert "веб-страница (HTML)" in refused(tmp_path / "выгрузка.xls")


def test_a_truncated_workbook_is_reported_as_damaged(tmp_path):
    data = municipal_workbook(tmp_path / "full.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    assert refused(tmp_path / "cut.xlsx").startswith("файл повреждён")


def test_a_member_declaring_a_huge_size_is_a_zip_bomb(tmp_path):
    path = municipal_workbook(tmp_path / "bomb.xlsx")
    with pytest.raises(
        ReadError, match=r"распаковывается в .* похоже на zip-бомбу, импорт отменён"
    ):
        open_table(path, max_uncompressed=4000)


def test_highly_compressed_zeros_are_a_zip_bomb(tmp_path):
    path = municipal_workbook(tmp_path / "zeros.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/media/zeros.bin", "w") as member:
            chunk = bytes(1024**2)
            for _ in range(60):
                member.write(chunk)
    message = refused(path)
    assert message == "файл распаковывается в 60 МБ — похоже на zip-бомбу, импорт отменён"


def test_an_xml_entity_declaration_is_refused(tmp_path):
    body = (
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Организация</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Ссылка</t></is></c></row></sheetData>'
    )
    path = write_raw_xlsx(tmp_path / "lol.xlsx", [("Лист1", body)])
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;">]><sst xmlns="' + MAIN.encode() + b'"/>'
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert "DOCTYPE/ENTITY (xl/sharedStrings.xml)" in refused(path)


def test_a_missing_file(tmp_path):
    assert refused(tmp_path / "нет.xlsx") == "файл не найден"


# --- real data -----------------------------------------------------------------------------------


def test_the_amur_registry_reads_back_from_a_workbook(tmp_path, data_dir):
    records = json.loads((data_dir / "amur_registry_2024.json").read_text(encoding="utf-8"))
    write_amur_registry(
        records, tmp_path / "amur.xlsx", "Реестр госпабликов Амурской области", cell=_cell
    )
    for engine in XLSX_ENGINES:
        table, rows = read_all(tmp_path / "amur.xlsx", engine=engine)
        assert table.header_row == 2
        fields = [table.mapping.get(i) for i in range(len(AMUR_HEADERS))]
        assert fields.count(None) == 1  # the address
        assert fields[2] == "organization" and fields[10] == "url"
        assert len(rows) == len(records)
        # write_only workbooks declare no size: the estimate comes from the bytes per row.
        assert table.estimated_rows == pytest.approx(len(records), rel=0.1)
        assert [cells[2] for _, cells in rows] == [r["name"].strip() for r in records]
        assert [cells[10] for _, cells in rows] == [_cell(r["url"]) for r in records]
        ogrn = "the_main_state_registration_number"
        assert [cells[4] for _, cells in rows] == [r[ogrn] for r in records]


def _cell(value: object) -> object:
    if isinstance(value, str):
        return value.strip() or None
    return value


# --- the inflating member stream -----------------------------------------------------------------


def test_member_stream_gives_exactly_what_zipfile_gives(tmp_path):
    import os

    from editor.exchange.spreadsheet.xlsx import open_member

    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(90_000)
    )
    noise = os.urandom(200_000)  # incompressible: stored blocks inside the deflate stream
    members = {"xl/worksheets/sheet1.xml": rows + noise + rows, "empty.xml": b""}
    path = tmp_path / "parts.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        z.writestr("stored.xml", rows[:5000], compress_type=zipfile.ZIP_STORED)
    members["stored.xml"] = rows[:5000]
    with zipfile.ZipFile(path) as zf:
        for name, data in members.items():
            for size in (1 << 20, 4093, -1):
                with open_member(zf, name) as stream:
                    parts = []
                    while chunk := stream.read(size):
                        parts.append(chunk)
                assert b"".join(parts) == data, (name, size)


def _break_central_crc(path: Path, member: str) -> None:
    data = bytearray(path.read_bytes())
    name = member.encode()
    central = data.rindex(name)  # the central directory comes after the local headers
    crc = central - 46 + 16  # the CRC field of the central directory header
    data[crc] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_sheet_whose_checksum_fails_is_refused_not_read(tmp_path, engine):
    path = tmp_path / "crc.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Организация", "Ссылка", "Подписчики"])
    for n in range(6000):  # well past the head that the safety check reads (and checks)
        sheet.append([f"Школа № {n}", f"https://vk.com/school{n}", n])
    book.save(path)
    book.close()
    _break_central_crc(path, "xl/worksheets/sheet1.xml")
    with pytest.raises(ReadError, match=r"crc\.xlsx"):
        read_all(path, engine=engine)


def test_a_sheet_cut_short_inside_the_zip_is_refused(tmp_path):
    from editor.exchange.spreadsheet.xlsx import open_member

    path = tmp_path / "short.zip"
    body = b"".join(b'<row r="%d"><c><v>%d</v></c></row>' % (n, n) for n in range(50_000))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("sheet.xml", body)
    data = bytearray(path.read_bytes())
    # The central directory declares twice the real size: the stream ends before it.
    central = data.rindex(b"sheet.xml") - 46
    declared = int.from_bytes(data[central + 24 : central + 28], "little")
    data[central + 24 : central + 28] = (declared * 2).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf, open_member(zf, "sheet.xml") as stream:
        with pytest.raises((EOFError, zipfile.BadZipFile)):
            while stream.read(1 << 16):
                pass
