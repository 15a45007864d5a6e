"""An applied import is one undo step: undo takes exactly the batch out, redo puts it back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from editor.commands.base import push
from editor.commands.import_batch import ImportBatchCommand
from editor.core import records
from editor.core.integrity import check_catalogue
from editor.core.store import Store
from editor.db.models import ImportBatch, db
from tests.exchange.import_helpers import OGRN_CLUB, OGRN_SCHOOL, add_region, run, write_xlsx


@pytest.fixture
def catalogue(backend_catalogue):
    """Every test here runs on a catalogue file and on a server catalogue."""
    return backend_catalogue


def _state() -> dict[str, set[tuple]]:
    """Every organisation, page and count as rows (the change log aside). A count is known by
    its page and date: a server never hands out an id twice, so a redone count gets a new one."""
    columns = {
        "organization": "*",
        "page": "*",
        "subscriber_count": "page_id, date, count, batch_id",
    }
    return {
        table: set(db.execute_sql(f"SELECT {names} FROM {table}").fetchall())
        for table, names in columns.items()
    }


@pytest.fixture
def imported(catalogue, tmp_path, qapp):
    region = add_region()
    school = records.create_organization(region.ketovo, {"full_name": "Школа", "ogrn": OGRN_SCHOOL})
    page = records.create_page(
        school.id,
        {
            "url": "https://vk.com/school",
            "status": "card",
            "subscribers": 50,
            "subscribers_date": dt.date(2025, 1, 1),
        },
    )
    records.set_count(page.id, dt.date(2025, 2, 1), 60)
    before = _state()
    header = ["Организация", "ОГРН", "Ссылка", "Статус", "Подписчики", "Дата замера", "Учредитель"]
    rows = [
        [
            "Школа (новое название)",
            OGRN_SCHOOL,
            "vk.com/school",
            "активный",
            70,
            "01.03.2025",
            "Отдел образования",
        ],
        # The same page again with a count of another date: it joins the history.
        ["Школа (новое название)", OGRN_SCHOOL, "vk.com/school", None, 65, "01.02.2025", None],
        ["Клуб", OGRN_CLUB, "vk.com/club_kurgan", "визитка", 10, "01.03.2025", None],
    ]
    report = run([write_xlsx(tmp_path / "a.xlsx", header, rows)], region.ketovo)
    assert (report.new, report.updated, report.rejected) == (1, 2, 0)
    return before, _state(), report.batch_id, page.id


def test_undo_removes_what_the_batch_added_and_restores_what_it_changed(imported):
    before, after, batch_id, page_id = imported
    store = Store()
    stack = QUndoStack()
    assert push(stack, ImportBatchCommand(store, batch_id)) is None
    assert _state() == after  # the first redo does nothing: the worker already wrote it
    stack.undo()
    assert _state() == before
    assert records.count_history(page_id) == [(dt.date(2025, 1, 1), 50), (dt.date(2025, 2, 1), 60)]
    assert ImportBatch.get_by_id(batch_id).undone
    assert check_catalogue().ok
    stack.redo()
    assert _state() == after
    assert not ImportBatch.get_by_id(batch_id).undone
    stack.undo()
    assert _state() == before
    assert check_catalogue().ok
    stack.clear()


def test_undo_and_redo_announce_a_reset(imported, qtbot):
    _, _, batch_id, _ = imported
    store = Store()
    stack = QUndoStack()
    stack.push(ImportBatchCommand(store, batch_id))
    with qtbot.waitSignal(store.reset, timeout=1000):
        stack.undo()
    with qtbot.waitSignal(store.reset, timeout=1000):
        stack.redo()
    stack.clear()


def test_each_new_record_has_its_create_entry_in_the_history(imported):
    """What the history shows of an import: every record it created, named, from its batch."""
    _before, _after, batch_id, _page_id = imported
    created = db.execute_sql(
        "SELECT entity, new, origin FROM change WHERE action = 'create' AND batch_id = ?"
        " ORDER BY entity",
        (batch_id,),
    ).fetchall()
    assert created == [
        ("organization", "Клуб", "import"),
        ("page", "https://vk.com/club_kurgan", "import"),
    ]
