"""Big imports read their rows in a reader process.

That must be invisible to the user: the same report and the same catalogue as a plain import,
the same message when the file is bad, and nothing left behind by a cancel.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from editor.exchange.importing import engine as importer
from editor.exchange.importing import feed as import_feed
from editor.exchange.importing.engine import ImportCancelled, ImportOptions, run_import
from editor.exchange.spreadsheet.reader import ReadError
from tests.exchange.import_helpers import HEADERS, TODAY, add_region, counts, write_xlsx

ROWS = [
    [
        "Кетовский район" if n % 3 else "г. Курган",
        f"МКОУ «Школа № {n}»",
        None,
        "Школы" if n % 2 else "Библиотеки",
        "ВКонтакте",
        f"vk.com/school_{n}" if n % 50 else "https://ok.ru/wrong_network",
        "активный",
        "да" if n % 4 else "нет",
        f"{n * 7} 000" if n % 40 else "много",
        "01.03.2025",
    ]
    for n in range(1, 401)
]
ROWS.append(ROWS[10])  # a repeated row: reported, the first wins


@pytest.fixture
def region(catalogue):
    return add_region()


@pytest.fixture
def through_reader_process(monkeypatch):
    """Every xlsx import reads its rows in a reader process; yields the processes started."""
    started: list[import_feed._ReaderProcess] = []
    original = import_feed._ReaderProcess.__init__

    def record(self, *args, **kwargs):
        original(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setenv(import_feed.PARALLEL_ENV, "always")
    monkeypatch.setattr(import_feed._ReaderProcess, "__init__", record)
    import_feed.last_reader.clear()
    return started


def _summary(report) -> tuple:
    return (
        (report.rows, report.new, report.updated, report.unchanged, report.rejected),
        [(c.kind, c.row) for c in report.changes],
        [(r.row, r.reason) for r in report.rejections],
        [(n.row, n.message) for n in report.notices],
    )


def _import(path: Path, target: int, **options) -> object:
    return run_import([path], ImportOptions(target_id=target, today=TODAY, **options))


def test_rows_read_in_a_reader_process_import_exactly_as_in_process(
    region, tmp_path, monkeypatch, through_reader_process
):
    path = write_xlsx(tmp_path / "реестр.xlsx", HEADERS, ROWS)
    monkeypatch.setenv(import_feed.PARALLEL_ENV, "0")
    plain = _summary(_import(path, region.region, dry_run=True))
    monkeypatch.setenv(import_feed.PARALLEL_ENV, "always")
    parallel = _import(path, region.region)
    assert len(through_reader_process) == 1 and import_feed.last_reader["cpu_seconds"] > 0
    assert _summary(parallel) == plain
    assert parallel.rejected == 16  # 8 links to the wrong network, 8 counts that are words
    assert parallel.new == 384 and counts()["pages"] >= 384
    again = _import(path, region.region)
    assert (again.new, again.updated, again.rejected) == (0, 0, 16)


def test_an_error_found_by_the_reader_process_reads_as_in_process(
    region, tmp_path, monkeypatch, through_reader_process
):
    path = write_xlsx(tmp_path / "битый.xlsx", HEADERS, ROWS)
    _break_sheet_after_the_first_rows(path)
    before = counts()
    monkeypatch.setenv(import_feed.PARALLEL_ENV, "0")
    with pytest.raises(ReadError) as plain:
        _import(path, region.region)
    monkeypatch.setenv(import_feed.PARALLEL_ENV, "always")
    with pytest.raises(ReadError) as parallel:
        _import(path, region.region)
    assert through_reader_process, "the reader process was not used"
    assert str(parallel.value) == str(plain.value)
    assert "битый.xlsx" in str(parallel.value) and "строка" in str(parallel.value)
    assert counts() == before


def _break_sheet_after_the_first_rows(path: Path) -> None:
    """Cut the sheet XML in the middle of row 300: the rows before it read, then it fails."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet]
    parts[sheet] = xml[: xml.index(b'<row r="300"')] + b'<row r="300"><c r="A300" t="inlineStr">'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_cancelling_stops_the_reader_process_and_writes_nothing(
    region, tmp_path, monkeypatch, through_reader_process
):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 20)
    path = write_xlsx(tmp_path / "реестр.xlsx", HEADERS, ROWS)
    before = counts()
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ImportCancelled):
        run_import(
            [path], ImportOptions(target_id=region.region, today=TODAY), is_cancelled=cancelled
        )
    assert counts() == before
    (reader,) = through_reader_process
    assert reader.process.poll() is not None  # stopped, not left reading


def test_the_errors_file_of_a_reader_process_import_is_the_same(
    region, tmp_path, monkeypatch, through_reader_process
):
    from openpyxl import load_workbook

    from editor.exchange.importing.rejected import write_rejections

    rows = [*ROWS, ["Нигдеевский район", "Школа-призрак", None, None, None, "vk.com/ghost"]]
    path = write_xlsx(tmp_path / "реестр.xlsx", HEADERS, rows)

    def errors_file(name: str) -> list[tuple]:
        report = _import(path, region.region, dry_run=True)
        out = tmp_path / name
        write_rejections(report, out)
        book = load_workbook(out, read_only=True)
        try:
            return list(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()

    monkeypatch.setenv(import_feed.PARALLEL_ENV, "0")
    plain = errors_file("plain.xlsx")
    monkeypatch.setenv(import_feed.PARALLEL_ENV, "always")
    parallel = errors_file("parallel.xlsx")
    assert through_reader_process
    assert parallel == plain
    assert len(plain) == 1 + 17 and any("Школа-призрак" in str(row) for row in plain)


def test_imported_pages_are_found_by_quick_search_like_edited_ones(region, tmp_path, monkeypatch):
    """The search key an import writes equals the one an edit of the page would write."""
    from editor.core import records
    from editor.core.records import search_key
    from editor.db.models import Organization, Page

    rows = [
        ["Кетовский район", "МКОУ «Школа № 1»", None, "Школы", "ВКонтакте", "vk.com/School_1"],
        ["Кетовский район", "МКОУ «Школа № 1»", None, "Школы", "Telegram", "t.me/school_1"],
        ["г. Курган", "Библиотека «Ёлка»", "1024500000029", None, None, "https://vk.com/club0042"],
    ]
    rows.append(["г. Курган", "Дом культуры", None, None, None, "ok.ru/dk_kurgan"])
    path = write_xlsx(tmp_path / "реестр.xlsx", HEADERS[:6], rows)
    for setting in ("0", "always"):
        monkeypatch.setenv(import_feed.PARALLEL_ENV, setting)
        # An organisation the catalogue already has, with a short name the file does not give.
        records.create_organization(
            region.kurgan, {"full_name": "Дом культуры", "short_name": "ДК «Юность»"}
        )
        assert _import(path, region.region).rejected == 0
        pages = list(Page.select().join(Organization))
        assert len(pages) == 4
        assert "юность" in Page.get(Page.url == "https://ok.ru/dk_kurgan").search_key
        for page in pages:
            assert page.search_key == search_key(page.title, page.organization, page.url)
        Page.delete().execute()
        Organization.delete().execute()
