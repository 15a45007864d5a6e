"""Excel 97-2003 (.xls), OpenDocument (.ods) and binary Excel (.xlsb) workbooks: recognised by
their content, read like an .xlsx (title rows, merged cells, numbers kept as text), hostile files
refused with one line, and the real Amur registry in each format imports to the same catalogue."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from editor.cli import main
from editor.core.rollup import stats
from editor.core.territories import resolve
from editor.db.database import close_catalogue
from editor.exchange.spreadsheet.reader import ReadError, open_table
from editor.exchange.spreadsheet.sniff import sniff_kind
from tests.amur_registry import AMUR_HEADERS, write_amur_registry
from tests.legacy_books import write_ods, write_xls

TITLE = "Реестр госпабликов Ивановского района на 01.03.2024"
HEADER = ["Организация", "Ссылка на страницу", "Подписчики", "ОГРН", "Дата"]
SHEET = [
    [TITLE, None, None, None, None],
    HEADER,
    [1, 2, 3, 4, 5],  # the column numbers printed under the header
    ["Школа № 1", "https://vk.com/school1", 120, "0012345678901", dt.date(2024, 3, 1)],
    [None, "https://ok.ru/group/5", 30, "0012345678901", None],  # organisation merged down
    ["Итого", None, 150, None, None],
    [None, None, None, None, None],
    ["Больница", "https://vk.com/hospital", 7, "1022800000000", None],
]
MERGES = [(0, 0, 0, 4), (3, 0, 4, 0)]
EXPECTED = [
    (4, ["Школа № 1", "https://vk.com/school1", 120, "0012345678901", dt.date(2024, 3, 1)]),
    (5, ["Школа № 1", "https://ok.ru/group/5", 30, "0012345678901", None]),
    (8, ["Больница", "https://vk.com/hospital", 7, "1022800000000", None]),
]


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Реестр"
    for row in SHEET:
        sheet.append(row)
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("A4:A5")
    book.save(path)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        open_table(path)
    message = str(caught.value)
    assert message.startswith(path.name + ": ") and "\n" not in message
    return message[len(path.name) + 2 :]


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_a_workbook_reads_as_its_xlsx_twin(tmp_path, kind):
    writer = write_ods if kind == "ods" else write_xls
    # the wrong extension on purpose: the kind is told by the content
    path = writer(tmp_path / "реестр.xlsx", {"Реестр": SHEET}, {"Реестр": MERGES})
    assert sniff_kind(path) == kind
    with open_table(path) as table, open_table(_xlsx(tmp_path / "twin.xlsx")) as twin:
        assert (table.sheet, table.header_row, table.headers, table.title_rows) == (
            twin.sheet,
            twin.header_row,
            twin.headers,
            twin.title_rows,
        )
        assert table.mapping == twin.mapping
        assert list(table.rows()) == list(twin.rows()) == EXPECTED


def test_the_sheet_with_the_header_is_chosen(tmp_path):
    sheets = {"Пояснения": [["Заполните лист «Данные»"]], "Данные": SHEET[1:]}
    for path in (write_ods(tmp_path / "a.ods", sheets), write_xls(tmp_path / "a.xls", sheets)):
        with open_table(path) as table:
            assert table.sheet == "Данные"
            assert [row for _, row in table.rows()][-1][0] == "Больница"


def test_xlsb_is_recognised_and_a_broken_one_refused(tmp_path):
    path = tmp_path / "книга.xlsb"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert sniff_kind(path) == "xlsb"
    assert _refused(path).startswith("файл повреждён")


def test_hostile_ods_and_xls_are_refused_in_one_line(tmp_path):
    good_ods = write_ods(tmp_path / "good.ods", {"Реестр": SHEET})
    good_xls = write_xls(tmp_path / "good.xls", {"Реестр": SHEET})
    for good in (good_ods, good_xls):
        cut = tmp_path / f"cut{good.suffix}"
        cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        assert _refused(cut).startswith("файл повреждён")

    noise = tmp_path / "noise.xls"
    noise.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(8192))
    assert _refused(noise).startswith("файл повреждён")

    bomb = tmp_path / "bomb.ods"
    with zipfile.ZipFile(good_ods) as source, zipfile.ZipFile(bomb, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), source.read("mimetype"))
        zf.writestr("META-INF/manifest.xml", source.read("META-INF/manifest.xml"))
        content = source.read("content.xml")
        padded = content.replace(b"<office:body>", b"<office:body>" + b" " * (80 * 1024**2))
        zf.writestr("content.xml", padded, zipfile.ZIP_DEFLATED)
    assert "zip-бомб" in _refused(bomb)

    entity = tmp_path / "entity.ods"
    with zipfile.ZipFile(good_ods) as source, zipfile.ZipFile(entity, "w") as zf:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            zf.writestr(item, data)
    assert "ENTITY" in _refused(entity)

    corner = tmp_path / "corner.xls"  # one cell in the far corner: calamine's grid would be 1 GB
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Реестр")
    for column, title in enumerate(HEADER):
        sheet.write(0, column, title)
    sheet.write(65535, 255, "x")
    book.save(str(corner))
    assert "слишком велик" in _refused(corner)

    huge = tmp_path / "huge.xls"  # sparse: claims 300 MB without taking the space
    with huge.open("wb") as handle:
        handle.write(good_xls.read_bytes())
        handle.truncate(300 * 1024**2)
    assert "слишком велик" in _refused(huge)


def test_a_password_protected_workbook_is_still_refused_as_such(tmp_path):
    locked = tmp_path / "locked.xls"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    locked.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512)
    assert _refused(locked) == "файл защищён паролем: снимите пароль и сохраните заново"


# --- the real registry --------------------------------------------------------------------------


def _registry_rows(records: list[dict]) -> list[list[object]]:
    title = "Реестр официальных страниц органов власти Амурской области"
    rows: list[list[object]] = [[title], list(AMUR_HEADERS.values())]
    rows += [[record.get(key) for key in AMUR_HEADERS] for record in records]
    return rows


def _imported(catalogue: Path, path: Path, capsys) -> tuple[dict, tuple]:
    close_catalogue()
    catalogue.unlink()
    from editor.core.catalogue import init_catalogue

    init_catalogue(catalogue)
    assert main(["import", str(catalogue), str(path), "--into", "10000000", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    amur = stats(resolve("10000000").id)
    return result, (
        amur.organizations,
        amur.pages,
        amur.subscribers,
        amur.by_sphere,
        amur.by_status,
        amur.gosmark,
    )


def _same_as_xlsx(catalogue, records, paths, tmp_path, capsys) -> None:
    xlsx = write_amur_registry(records, tmp_path / "реестр.xlsx", "Реестр")
    expected, totals = _imported(catalogue, xlsx, capsys)
    assert expected["rejected"] == 0 and expected["rows"] == len(records)
    for path in paths:
        result, found = _imported(catalogue, path, capsys)
        counts = ("rows", "new", "updated", "unchanged", "rejected")
        assert {k: result[k] for k in counts} == {k: expected[k] for k in counts}, path.name
        assert found == totals, path.name


def test_the_amur_registry_as_ods_and_xls_imports_like_the_xlsx(
    catalogue, data_dir, tmp_path, capsys
):
    with (data_dir / "amur_registry_2024.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    rows = _registry_rows(records)
    paths = [
        write_ods(tmp_path / "реестр.ods", {"Реестр": rows}),
        write_xls(tmp_path / "реестр.xls", {"Реестр": rows}),
    ]
    _same_as_xlsx(catalogue, records, paths, tmp_path, capsys)


@pytest.mark.slow
def test_the_amur_registry_saved_by_libreoffice_imports_like_the_xlsx(
    catalogue, data_dir, tmp_path, capsys
):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    with (data_dir / "amur_registry_2024.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    (tmp_path / "source").mkdir()
    xlsx = write_amur_registry(records, tmp_path / "source" / "реестр.xlsx", "Реестр")
    paths = []
    for kind in ("xls", "ods"):
        subprocess.run(
            [soffice, "--headless", "--convert-to", kind, "--outdir", str(tmp_path), str(xlsx)],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        paths.append(tmp_path / f"реестр.{kind}")
    _same_as_xlsx(catalogue, records, paths, tmp_path, capsys)
