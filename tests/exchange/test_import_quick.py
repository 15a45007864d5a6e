"""The quick path of a re-import decides every row as the full path does, row by row."""

from __future__ import annotations

import pytest

from editor.core.integrity import check_catalogue
from editor.db.models import Organization, Page, SubscriberCount
from editor.exchange.importing import engine as importer
from editor.exchange.importing.plan import Planner
from editor.exchange.importing.quick import Quick
from tests.exchange.import_helpers import (
    HEADERS,
    OGRN_CLUB,
    OGRN_LIBRARY,
    OGRN_SCHOOL,
    add_region,
    run,
    write_xlsx,
)


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


KETOVO, KURGAN = "Кетовский район", "г. Курган"
MARCH, APRIL = "01.03.2025", "01.04.2025"


def _row(place, name, ogrn, url, status="активный", count=None, date=MARCH, mark=None):
    return [place, name, ogrn, "Школы", None, url, status, mark, count, date]


BASE = [
    _row(KETOVO, "Школа А", OGRN_SCHOOL, "vk.com/a", count=100, mark="да"),
    _row(KETOVO, "Клуб Б", None, "vk.com/b", count=200, mark="нет"),
    _row(KURGAN, "Библиотека В", OGRN_LIBRARY, "t.me/lib_v", count=300, date=None),
    _row(KETOVO, "Клуб Г", None, "vk.com/g", count=400),
    _row(KETOVO, "Клуб Д", None, "vk.com/d1", count=10),
    _row(KETOVO, "Клуб Д", None, "vk.com/d2", count=20),
    _row(KETOVO, "Дом Е", OGRN_CLUB, "vk.com/e", count=50),
]
# Three rows a chunk: each line of cases shares a chunk.
NEXT = [
    _row(KETOVO, "Школа А", OGRN_SCHOOL, "vk.com/a", count=100, mark="да"),  # unchanged
    _row(KETOVO, "ШКОЛА  А", OGRN_SCHOOL, "https://vk.com/a", count=100),  # the same again
    _row(KETOVO, "Клуб Б", None, "vk.com/b", count=250, date=APRIL),  # a new dated count
    _row(KETOVO, "Клуб Б", None, "vk.com/b", count=260, date=APRIL),  # contradicts it
    _row(KETOVO, "Клуб Г", OGRN_CLUB, "vk.com/e", count=50),  # renames Дом Е to Клуб Г
    _row(KETOVO, "Клуб Г", None, "vk.com/g", count=400),  # now two «Клуб Г» in the district
    _row(KETOVO, "Клуб Д", None, "vk.com/d1", status="визитка", count=10),  # a changed status
    _row(KETOVO, "Клуб Д", None, "vk.com/d2", count=20),  # its organisation met above
    _row(KURGAN, "Библиотека В", OGRN_LIBRARY, "t.me/lib_v", count=300, date=None),
    _row(KURGAN, "Библиотека В", OGRN_LIBRARY, "t.me/lib_v", count=333, date=None),
    _row(KETOVO, "Клуб Б", None, "vk.com/b_new", count=5),  # a new page of Клуб Б
    _row(KETOVO, "Школа А", OGRN_SCHOOL, "vk.com/a", count=120, date=APRIL, mark="нет"),
    _row(KETOVO, "Новый клуб", None, "vk.com/new", count=7),  # a new organisation
    _row(KURGAN, "Школа А", OGRN_SCHOOL, "vk.com/a", count=100),  # another territory
    _row(KETOVO, "Библиотека В", OGRN_LIBRARY, "t.me/lib_v", count=300, date=None),
]


def _outcome(report):
    return (
        (report.rows, report.new, report.updated, report.unchanged, report.rejected),
        report.changes,
        report.notices,
        [(r.file_index, r.row, r.problems) for r in report.rejections],
    )


def _full_path(monkeypatch):
    monkeypatch.setattr(Planner, "_probe", lambda self, work, parser: {})


@pytest.mark.parametrize("chunk", [3, 1000])
def test_the_quick_path_decides_every_row_as_the_full_path(region, tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(importer, "CHUNK_ROWS", chunk)
    quick = []
    original = Quick._quick_row
    monkeypatch.setattr(
        Quick,
        "_quick_row",
        lambda self, *args: quick.append(original(self, *args)) or quick[-1],
    )
    base = write_xlsx(tmp_path / "base.xlsx", HEADERS, BASE)
    assert run([base], region.region).new == len(BASE)
    following = write_xlsx(tmp_path / "next.xlsx", HEADERS, NEXT)
    for path in (base, following):
        with monkeypatch.context() as full:
            _full_path(full)
            expected = _outcome(run([path], region.region, dry_run=True))
        del quick[:]
        assert _outcome(run([path], region.region, dry_run=True)) == expected
        assert any(quick) and not all(quick)  # both paths were taken
    applied = run([following], region.region)
    assert _outcome(applied) == expected
    assert applied.updated and applied.rejected and applied.unchanged
    with monkeypatch.context() as full:
        _full_path(full)
        expected = _outcome(run([following], region.region, dry_run=True))
    assert _outcome(run([following], region.region)) == expected
    assert check_catalogue().ok


def test_a_new_dated_count_is_written_as_the_full_path_writes_it(region, tmp_path):
    base = write_xlsx(tmp_path / "base.xlsx", HEADERS, BASE)
    run([base], region.region)
    later = [[*row[:8], row[8] + 1, APRIL] for row in BASE]
    report = run([write_xlsx(tmp_path / "april.xlsx", HEADERS, later)], region.region)
    assert (report.updated, report.unchanged, report.rejected) == (len(BASE), 0, 0)
    school = Page.get(Page.url == "https://vk.com/a")
    assert (school.subscribers, str(school.subscribers_date)) == (101, "2025-04-01")
    history = SubscriberCount.select().where(SubscriberCount.page == school.id)
    assert sorted((str(c.date), c.count) for c in history) == [
        ("2025-03-01", 100),
        ("2025-04-01", 101),
    ]
    assert Organization.select().count() == 6
    assert check_catalogue().ok


@pytest.fixture
def region(catalogue):
    return add_region()


def test_marks_of_many_records_already_in_the_catalogue_keep_the_first_row():
    from editor.exchange.importing.marks import FirstRows

    marks = FirstRows(base=64)  # past 4 old marks they move from a dict to an array
    for record_id in range(1, 64, 2):
        marks.setdefault(record_id, record_id * 10)
    for record_id in range(1, 64):
        marks.setdefault(record_id, 999)  # touched again: the first row stays
    marks.setdefault(64, 5)
    assert [marks.get(i) for i in (1, 2, 3, 62, 63, 64, 65)] == [10, 999, 30, 999, 630, 5, None]
    assert 2 in marks and 65 not in marks


@pytest.mark.parametrize("updated", [0, 999, 2500])
def test_the_json_report_is_written_in_pieces_as_one_object(updated):
    import io
    import json

    from editor.exchange.importing.report import (
        UPDATED,
        Diff,
        ImportReport,
        RowChange,
        SourceFile,
    )

    report = ImportReport(dry_run=False)
    report.files.append(SourceFile(path="a.xlsx", name="a.xlsx", sha256="0"))
    for row in range(updated):
        change = Diff("count", "subscribers", "Подписчики", None, row)
        report.changes.append(
            RowChange(UPDATED, 0, row, "Школа «1»", "https://vk.com/a", (change,))
        )
    report.changes.append(RowChange("new", 0, 1, "Клуб"))
    out = io.StringIO()
    report.write_json(out)
    assert out.getvalue() == json.dumps(report.as_json(), ensure_ascii=False) + "\n"
    assert len(json.loads(out.getvalue())["updates"]) == updated
