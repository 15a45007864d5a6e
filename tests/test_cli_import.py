"""`main.py import`: the change set, --dry-run, --strict, --map, --errors, --json, bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from editor.cli import main
from editor.db.database import close_catalogue
from editor.db.models import Page
from tests.exchange.import_helpers import HEADERS, OGRN_SCHOOL, add_region, counts, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
ROWS = [
    [
        "Кетовский район",
        "МКОУ «Школа»",
        OGRN_SCHOOL,
        "Школы",
        "ВКонтакте",
        "vk.com/school",
        "активный",
        "да",
        "1 200",
        "01.03.2025",
    ],
    ["Кетовский район", "ДК", None, "Дом культуры", None, "vk.com/dk", None, None, -3, None],
    [
        "Кетовский район",
        "=ДК «Юность»",
        None,
        None,
        "Одноклассники",
        "vk.com/youth",
        None,
        None,
        None,
        None,
    ],
]


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


@pytest.fixture
def region(catalogue):
    add_region()
    return catalogue


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["import", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_reports_every_row(region, tmp_path, capsys):
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    status, out, err = _cli(capsys, str(region), str(path), "--into", "37000000", "--json")
    assert status == 0, err
    result = json.loads(out)
    assert (
        result["rows"],
        result["new"],
        result["updated"],
        result["unchanged"],
        result["rejected"],
    ) == (3, 1, 0, 0, 2)
    assert result["rows"] == (
        result["new"] + result["updated"] + result["unchanged"] + result["rejected"]
    )
    assert isinstance(result["batch"], int)
    problems = [p for r in result["rejections"] for p in r["problems"]]
    assert {"column": "Подписчики", "value": -3} == {k: problems[0][k] for k in ("column", "value")}
    assert result["rejections"][1]["row"] == 6


def test_dry_run_prints_the_change_set_and_writes_nothing(region, tmp_path, capsys):
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    before = counts()
    status, out, _ = _cli(
        capsys, str(region), str(path), "--into", "Курганская область", "--dry-run"
    )
    assert status == 0
    assert counts() == before
    assert "+ кетово.xlsx, лист «Реестр», строка 4: МКОУ «Школа» (https://vk.com/school)" in out
    assert "Отклонено: кетово.xlsx, лист «Реестр», строка 5, столбец «Подписчики»" in out
    assert "новых: 1" in out and "отклонено: 2" in out
    assert "Каталог не изменён" in out


def test_strict_aborts_with_one_line_and_nothing_written(region, tmp_path, capsys):
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    before = counts()
    status, _, err = _cli(capsys, str(region), str(path), "--into", "37000000", "--strict")
    assert status == 1
    assert err.strip().count("\n") == 0 and "--strict" in err
    assert counts() == before


def test_rejected_rows_are_saved_laid_out_like_the_input(region, tmp_path, capsys):
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    errors = tmp_path / "ошибки.xlsx"
    status, _, _ = _cli(
        capsys, str(region), str(path), "--into", "37000000", "--errors", str(errors)
    )
    assert status == 0
    book = load_workbook(errors)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    assert list(rows[0]) == [*HEADERS, "Причина"]
    assert rows[1][1] == "ДК" and "отрицательн" in rows[1][-1]
    assert rows[2][1] == "=ДК «Юность»"  # text, not a formula
    assert sheet.cell(3, 2).data_type == "s"
    assert len(rows) == 3


def test_map_option_names_columns(region, tmp_path, capsys):
    path = write_xlsx(
        tmp_path / "a.xlsx", ["Учреждение образования", "Группа ВК"], [["Школа", "vk.com/a"]]
    )
    status, out, err = _cli(
        capsys,
        str(region),
        str(path),
        "--into",
        "Кетовский район",
        "--map",
        "Учреждение образования=organization",
        "--map",
        "Группа ВК=url",
        "--json",
    )
    assert status == 0, err
    assert json.loads(out)["new"] == 1
    assert Page.get(Page.url == "https://vk.com/a").organization.full_name == "Школа"
    status, _, err = _cli(capsys, str(region), str(path), "--map", "Группа ВК=nonsense")
    assert status == 1 and "nonsense" in err


def test_an_unknown_target_is_one_line(region, tmp_path, capsys):
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, ROWS)
    status, _, err = _cli(capsys, str(region), str(path), "--into", "Нигдея")
    assert status == 1 and "Нигдея" in err and err.count("\n") == 1


def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input with a word its message must contain."""
    files: dict[str, tuple[Path, str]] = {}
    png = folder / "photo.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    files["not a spreadsheet"] = (png, "не таблица")
    xls = folder / "old.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    files["damaged xls renamed"] = (xls, "повреждён")
    locked = folder / "locked.xlsx"
    locked.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 500
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 500
    )
    files["password"] = (locked, "паролем")
    good = write_xlsx(folder / "good.xlsx", HEADERS, ROWS)
    corrupt = folder / "corrupt.xlsx"
    corrupt.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["corrupt"] = (corrupt, "повреждён")
    empty = folder / "empty.xlsx"
    empty.write_bytes(b"")
    files["empty"] = (empty, "пуст")
    headless = write_xlsx(folder / "headless.xlsx", ["Фамилия", "Имя"], [["Иванов", "Иван"]])
    files["no header"] = (headless, "заголовков")
    bomb = folder / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            zf.writestr(item, source.read(item))
        zf.writestr("xl/media/zeros.bin", b"\x00" * (60 * 1024**2))
    files["zip bomb"] = (bomb, "zip-бомб")
    entity = folder / "entity.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(entity, "w") as zf:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + data
            zf.writestr(item, data)
    files["xml bomb"] = (entity, "ENTITY")
    return files


def test_bad_input_is_one_line_naming_the_file_and_changes_nothing(region, tmp_path, capsys):
    files = _bad_files(tmp_path)
    good = tmp_path / "good.xlsx"
    before = counts()
    for case, (path, word) in files.items():
        # A good file before the bad one: nothing of it may be written either.
        status, _, err = _cli(capsys, str(region), str(good), str(path), "--into", "37000000")
        assert status == 1, case
        assert err.count("\n") == 1 and path.name in err and word in err, (case, err)
        assert counts() == before, case


@pytest.mark.parametrize("reader", ["in-process", "reader process"])
def test_a_killed_import_leaves_the_catalogue_as_it_was(region, tmp_path, reader):
    rows = [
        [None, f"Школа № {n}", None, "Школы", None, f"vk.com/school_{n}", None, None, n, None]
        for n in range(1500)
    ]
    path = write_xlsx(tmp_path / "big.xlsx", HEADERS, rows)
    before = counts()
    close_catalogue()
    env = dict(os.environ, GOSPABLIKI_IMPORT_TEST_SLEEP="60")
    if reader == "reader process":
        env["GOSPABLIKI_IMPORT_PARALLEL"] = "always"
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "import",
            str(region),
            str(path),
            "--into",
            "Кетовский район",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()  # type: ignore[union-attr]
        assert "first chunk written" in line
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()  # type: ignore[union-attr]
    check = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(region)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    from editor.db.database import open_catalogue

    open_catalogue(region)
    assert counts() == before


def test_a_file_without_territories_needs_a_target(region, tmp_path, capsys):
    path = write_xlsx(tmp_path / "a.xlsx", ["Организация", "Ссылка"], [["Школа", "vk.com/a"]])
    before = counts()
    status, _, err = _cli(capsys, str(region), str(path))
    assert status == 1 and "a.xlsx" in err and "--into" in err
    assert counts() == before


def _pages_in(path: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM page").fetchone()[0]
    finally:
        connection.close()


def test_the_backup_holds_the_catalogue_as_it_was_before_the_import(
    file_catalogue, tmp_path, capsys
):
    from editor.core.backup import list_backups

    add_region()
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    assert _cli(capsys, str(file_catalogue), str(path), "--into", "37000000")[0] == 0
    gymnasium = ["Кетовский район", "МКОУ «Гимназия»", None, "Школы", "ВКонтакте"]
    gymnasium += ["vk.com/gymnasium", "активный", "да", "300", "01.03.2025"]
    second = write_xlsx(tmp_path / "гимназия.xlsx", HEADERS, [gymnasium])
    assert _cli(capsys, str(file_catalogue), str(second), "--into", "37000000")[0] == 0
    copies = list_backups(file_catalogue, "import")
    # Newest first: before the second import one page, before the first none; the catalogue
    # itself has both (the copy is written while the import runs, from the snapshot before it).
    assert [_pages_in(copy) for copy in copies] == [1, 0]
    assert counts()["pages"] == 2


def test_a_backup_that_cannot_be_written_leaves_the_catalogue_unchanged(
    file_catalogue, tmp_path, capsys, monkeypatch
):
    from editor.core import backup

    add_region()
    before = counts()

    def fail(*_args, **_kwargs):
        raise backup.BackupError("Не удалось сохранить копию: диск заполнен")

    monkeypatch.setattr(backup, "copy_catalogue", fail)
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADERS, ROWS)
    status, _, err = _cli(capsys, str(file_catalogue), str(path), "--into", "37000000")
    assert status == 1
    assert "диск заполнен" in err and err.strip().count("\n") == 0
    assert counts() == before
