"""The regex reader's shared strings table: the strings of the lxml reader, or its reader."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from editor.exchange.spreadsheet import xlsx_strings
from editor.exchange.spreadsheet.xlsx_stream import _Strings
from editor.exchange.spreadsheet.xlsx_strings import FastStrings

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="9">'
ITEMS = [
    "<si><t>Школа № 1</t></si>",
    '<si><t xml:space="preserve">  с пробелами  </t></si>',
    "<si><t>&lt;Клуб&gt; &amp; «Библиотека» &#1046;&#x416;</t></si>",
    '<si><r><t>Жирный</t></r><r><rPr><b/></rPr><t xml:space="preserve"> и нет</t></r></si>',
    '<si><t>かな</t><rPh sb="0" eb="1"><t>カナ</t></rPh></si>',
    "<si><t>tab_x0009_escaped</t></si>",
    "<si><t>line\r\nend</t></si>",
    "<si/>",
    "<si><t></t></si>",
    "<si><t><![CDATA[a<b]]></t></si>",
]


def _book(path: Path, sst: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", sst.encode("utf-8"))
    return path


def _both(path: Path, count: int) -> tuple[list, list]:
    with zipfile.ZipFile(path) as zf:
        slow, fast = _Strings(zf, "xl/sharedStrings.xml"), FastStrings(zf, "xl/sharedStrings.xml")
        try:
            return [slow[i] for i in range(count)], [fast[i] for i in range(count)]
        finally:
            slow.close()
            fast.close()


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
@pytest.mark.parametrize("separator", ["", "\n  "])
def test_every_kind_of_string_reads_as_the_lxml_reader_reads_it(
    tmp_path, monkeypatch, chunk, separator
):
    monkeypatch.setattr(xlsx_strings, "CHUNK", chunk)
    items = ITEMS * 50 + [f"<si><t>строка {n}</t></si>" for n in range(3000)]
    path = _book(tmp_path / "a.xlsx", HEAD + separator.join(items) + "</sst>")
    slow, fast = _both(path, len(items))
    assert fast == slow
    assert fast[2] == "<Клуб> & «Библиотека» ЖЖ" and fast[3] == "Жирный и нет"
    assert fast[-1] == "строка 2999"
    with zipfile.ZipFile(path) as zf, pytest.raises(IndexError):
        FastStrings(zf, "xl/sharedStrings.xml")[len(items)]


@pytest.mark.parametrize(
    "sst",
    [
        HEAD.replace("UTF-8", "windows-1251") + "<si><t>a</t></si></sst>",
        f'<x:sst xmlns:x="{MAIN}"><x:si><x:t>prefixed</x:t></x:si></x:sst>',
        HEAD + "<si><t>a</t></si><!-- a comment --><si><t>b</t></si></sst>",
        HEAD + "<si><t>a</t></si><foo/><si><t>b</t></si></sst>",
        HEAD + "<si><t>a</t></si><si><t>b</t></si>",  # cut short
    ],
)
def test_what_the_expression_does_not_read_goes_to_the_lxml_reader(tmp_path, sst):
    path = _book(tmp_path / "a.xlsx", sst)
    with zipfile.ZipFile(path) as zf:
        slow = _Strings(zf, "xl/sharedStrings.xml")
        fast = FastStrings(zf, "xl/sharedStrings.xml")
        try:
            for index in range(3):
                try:
                    expected = slow[index]
                except Exception as error:  # noqa: BLE001 - the same failure is expected
                    with pytest.raises(type(error)):
                        fast[index]
                    break
                assert fast[index] == expected
            assert fast._fallback is not None
        finally:
            slow.close()
            fast.close()


def test_a_table_with_a_forbidden_byte_fails_as_in_the_lxml_reader(tmp_path):
    path = _book(tmp_path / "a.xlsx", HEAD + "<si><t>a\x01b</t></si></sst>")
    with zipfile.ZipFile(path) as zf:
        slow = _Strings(zf, "xl/sharedStrings.xml")
        fast = FastStrings(zf, "xl/sharedStrings.xml")
        try:
            with pytest.raises(Exception) as failure:
                slow[0]
            with pytest.raises(type(failure.value)):
                fast[0]
        finally:
            slow.close()
            fast.close()
