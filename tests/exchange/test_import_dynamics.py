"""An import writes the dated subscriber tally in bulk: after new pages, next-month counts,
changed counts, earlier counts, changed flags, undo and redo the tally equals a recomputation
from the count histories, and the tally's row triggers are back for the next writer."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core import records
from editor.core.integrity import check_catalogue
from editor.db import dialect, dynamics_schema
from editor.db.models import db
from editor.exchange.importing import apply
from editor.exchange.importing import engine as importer
from editor.exchange.importing.apply import redo_batch, undo_batch
from tests.exchange.import_helpers import HEADERS, TODAY, add_region, ogrn, run, write_csv
from tests.test_dynamics import _expected, _stored


def _assert_exact() -> None:
    assert _stored() == _expected()
    assert dynamics_schema.stale_territories(db) == set()
    report = check_catalogue()
    assert report.ok, report.problems


def _row(territory: str, n: int, count: int | str, date: str, gosmark: str = "") -> list:
    network, url = ("ВКонтакте", f"https://vk.com/club{n}")
    if n % 3 == 1:
        network, url = "Одноклассники", f"https://ok.ru/group/{n}"
    return [
        territory,
        f"МБОУ «Школа № {n}»",
        ogrn(102450000100 + n),
        "Школы",
        network,
        url,
        "активный",
        gosmark,
        count,
        date,
    ]


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


@pytest.fixture
def region(catalogue):
    return add_region()


def _active_triggers() -> set[str]:
    """The triggers that fire for the next writer (a server's are never dropped, only paused
    inside an import's own transaction)."""
    if dialect.is_server(db.obj.database):
        rows = db.execute_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O'"
            " AND current_setting(%s, true) IS DISTINCT FROM 'on'",
            (dynamics_schema.PAUSE_SETTING,),
        )
    else:
        rows = db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {name for (name,) in rows}


def _first_import(tmp_path) -> int:
    territories = ("Кетовский муниципальный округ", "город Курган", "Лесниковский сельсовет")
    rows = [
        _row(territories[n % 3], n, 100 * n, "01.01.2025", ("да", "нет", "")[n % 3])
        for n in range(1, 13)
    ]
    report = run([write_csv(tmp_path / "january.csv", HEADERS, rows)], None)
    assert report.new == 12 and report.batch_id is not None
    return report.batch_id


def test_new_pages_enter_the_tally_on_their_first_count(region, tmp_path):
    before = _stored()
    _first_import(tmp_path)
    assert _stored() != before  # the import did reach the tally
    _assert_exact()
    day = db.execute_sql(
        "SELECT sum(subscribers), sum(pages), sum(gosmark) FROM dynamics_total"
        " WHERE day = '2025-01-01'"
    ).fetchone()
    assert day == (sum(100 * n for n in range(1, 13)), 12, 4)


def test_next_month_changed_and_earlier_counts_with_undo_and_redo(region, tmp_path):
    first = _first_import(tmp_path)
    # A page edited by hand between the imports: its own counts stay in the history.
    page_id = db.execute_sql("SELECT id FROM page WHERE url LIKE ?", ("%club2",)).fetchone()[0]
    records.set_count(page_id, dt.date(2025, 1, 15), 250)
    _assert_exact()
    after_first = _stored()
    territory = "Кетовский муниципальный округ"
    rows = [
        _row(territory, 1, 150, "01.02.2025"),  # next month (moves the territory too)
        _row("город Курган", 2, 180, "01.01.2025", "да"),  # changed count, gosmark set
        _row("Лесниковский сельсовет", 3, 40, "01.12.2024"),  # before the first count
        _row("Лесниковский сельсовет", 6, 600, "15.01.2025", "нет"),  # between, flag cleared
        _row(territory, 20, 2000, "01.02.2025", "да"),  # a new page
        _row(territory, 21, 0, "01.02.2025"),  # a new page with zero subscribers
    ]
    report = run([write_csv(tmp_path / "february.csv", HEADERS, rows)], None)
    assert report.batch_id is not None and report.new == 2 and report.updated >= 4
    _assert_exact()
    after_second = _stored()
    moved = db.execute_sql(
        "SELECT territory_id FROM page WHERE url LIKE ?", ("%group/1",)
    ).fetchone()
    assert moved == (region.ketovo,)
    assert after_second != after_first

    snapshot = undo_batch(report.batch_id)
    _assert_exact()
    assert _stored() == after_first
    redo_batch(report.batch_id, snapshot)
    _assert_exact()
    assert _stored() == after_second
    undo_batch(report.batch_id)
    _assert_exact()
    undo_batch(first)
    _assert_exact()
    # Only the count entered by hand remains, on a page the first batch created and took back.
    assert _stored() == set()


def test_the_row_triggers_are_back_after_an_import(region, tmp_path):
    batch = _first_import(tmp_path)
    names = _active_triggers()
    assert {statement.split()[5] for statement in dynamics_schema.TRIGGERS} <= names
    # Writers after the import (the editor, raw SQL) are tallied by the triggers again.
    page_id = db.execute_sql("SELECT id FROM page WHERE url LIKE ?", ("%club5",)).fetchone()[0]
    records.set_count(page_id, dt.date(2025, 3, 1), 777)
    db.execute_sql("UPDATE page SET gosmark = ? WHERE id = ?", (True, page_id))
    db.execute_sql("UPDATE page SET network = 'telegram' WHERE id = ?", (page_id,))
    _assert_exact()
    undo_batch(batch)
    _assert_exact()


def test_a_dry_run_leaves_the_tally_and_its_triggers_as_they_were(region, tmp_path):
    _first_import(tmp_path)
    before = _stored()
    rows = [_row("город Курган", 5, 999, "01.03.2025", "да"), _row("город Курган", 30, 5, "")]
    report = run([write_csv(tmp_path / "march.csv", HEADERS, rows)], None, dry_run=True)
    assert report.dry_run
    assert _stored() == before
    page_id = db.execute_sql("SELECT id FROM page WHERE url LIKE ?", ("%club5",)).fetchone()[0]
    records.set_count(page_id, dt.date(2025, 4, 1), 5)
    _assert_exact()


@pytest.mark.parametrize("settle", [1, 3, 20_000])
def test_pages_written_again_in_a_later_chunk_are_tallied_once(
    region, tmp_path, monkeypatch, settle
):
    _first_import(tmp_path)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    monkeypatch.setattr(apply, "SETTLE_PAGES", settle)  # settled between the chunks, or not
    kurgan = "город Курган"
    rows = [
        _row(kurgan, 2, 210, "01.02.2025"),
        _row(kurgan, 40, 4, "01.02.2025"),  # a new page, counted again two chunks later
        _row(kurgan, 5, 510, "01.02.2025"),
        _row(kurgan, 8, 810, "01.02.2025", "да"),
        _row(kurgan, 2, 220, "01.03.2025"),  # the same page, a chunk later, another month
        _row(kurgan, 40, 44, "01.03.2025"),
        _row("Лесниковский сельсовет", 5, 520, "01.03.2025"),  # and moved
    ]
    report = run([write_csv(tmp_path / "spring.csv", HEADERS, rows)], None)
    assert report.batch_id is not None and report.new == 1
    _assert_exact()
    snapshot = undo_batch(report.batch_id)
    _assert_exact()
    redo_batch(report.batch_id, snapshot)
    _assert_exact()


def test_a_cancelled_import_leaves_the_tally_and_its_triggers(region, tmp_path, monkeypatch):
    _first_import(tmp_path)
    before = _stored()
    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    rows = [_row("город Курган", n, 1000 + n, "01.04.2025", "да") for n in range(1, 10)]
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2  # after two chunks were written inside the transaction

    with pytest.raises(importer.ImportCancelled):
        importer.run_import(
            [write_csv(tmp_path / "april.csv", HEADERS, rows)],
            importer.ImportOptions(target_id=None, today=TODAY),
            is_cancelled=cancelled,
        )
    assert _stored() == before
    page_id = db.execute_sql("SELECT id FROM page WHERE url LIKE ?", ("%club3",)).fetchone()[0]
    records.set_count(page_id, dt.date(2025, 4, 1), 3)
    _assert_exact()
