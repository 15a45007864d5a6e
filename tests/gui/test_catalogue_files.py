"""Catalogue files in the window: second instance, bad files, new/open/recent, copies, backups."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QStandardPaths, Qt

from editor.core import backup
from editor.db.database import CatalogueError, CatalogueLock
from editor.db.models import Page
from editor.itemmodels.page_columns import COLUMN_INDEX
from editor.ui import app as app_module
from editor.ui.settings import Settings
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window, sample_file

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def sample(tmp_path):
    return sample_file(tmp_path)


@pytest.fixture
def window(qtbot, sample, tmp_path):
    return open_window(qtbot, sample.path, tmp_path / "settings.ini")


def test_second_instance_opens_read_only_with_a_clear_message(qtbot, sample, tmp_path):
    other_program = CatalogueLock(sample.path)
    assert other_program.acquire()
    try:
        window = open_window(qtbot, sample.path, tmp_path / "second.ini")
        assert window.read_only
        assert not window.banner.isHidden()
        assert "только для чтения" in window.banner.text()
        assert "только чтение" in window.windowTitle()
        index = window.page_model.index(0, COLUMN_INDEX["subscribers"])
        assert not window.page_model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not window.page_model.setData(index, "5")
        assert not window.page_form.rows["page.subscribers"].editor.isEnabled()
        assert not window.actions_.import_.isEnabled()
        assert Page.get_by_id(window.page_model.page_id(0)).subscribers != 5
    finally:
        other_program.release()


def test_two_windows_of_one_process_never_both_write(qtbot, sample, tmp_path, window):
    second = open_window(qtbot, sample.path, tmp_path / "second.ini")
    assert not window.read_only
    assert second.read_only


def test_corrupt_file_is_refused_with_a_clear_message(qtbot, tmp_path):
    broken = tmp_path / "broken.gpc"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(CatalogueError, match=r"повреждён|не является"):
        open_window(qtbot, broken, tmp_path / "settings.ini")


def test_newer_file_is_refused_and_the_open_catalogue_stays(window, sample, tmp_path):
    newer = tmp_path / "newer.gpc"
    backup.copy_catalogue(sample.path, newer)
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    assert not window.files.switch_to(newer)
    assert "более новой версией" in window.last_error
    assert window.catalogue_path == sample.path
    assert window.page_model.rowCount() == 30


def test_new_catalogue_replaces_the_shown_one_and_undo_history(window, tmp_path):
    window.page_model.setData(window.page_model.index(0, COLUMN_INDEX["subscribers"]), "7")
    assert window.undo_stack.count() == 1
    assert window.files.new_catalogue(tmp_path / "fresh.gpc")
    assert window.catalogue_path == tmp_path / "fresh.gpc"
    assert window.undo_stack.count() == 0
    assert window.page_model.rowCount() == 0
    russia = window.tree_model.index(0, 0)
    assert window.territory_tree.currentIndex() == russia
    window.tree_model.fetchMore(russia)
    assert window.tree_model.rowCount(russia) == 8
    assert window.settings.recent_catalogues[0].endswith("fresh.gpc")


def test_open_recent_switches_back(window, sample, tmp_path):
    window.files.new_catalogue(tmp_path / "fresh.gpc")
    assert window.files.switch_to(window.settings.recent_catalogues[1])
    assert window.catalogue_path.resolve() == sample.path.resolve()
    assert window.page_model.rowCount() == 30
    # the lock moved with the window: another program may now take the fresh one
    other = CatalogueLock(tmp_path / "fresh.gpc")
    assert other.acquire()
    other.release()


def test_save_copy_writes_a_catalogue_that_opens(window, tmp_path):
    window.page_model.setData(window.page_model.index(0, COLUMN_INDEX["subscribers"]), "4321")
    copy = window.files.save_copy(tmp_path / "copy.gpc")
    assert copy is not None
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT max(subscribers) FROM page").fetchone()[0] == 4321
    finally:
        connection.close()


def test_removed_file_is_reported_and_can_still_be_saved(window, sample, tmp_path):
    moved = tmp_path / "moved-away.gpc"
    sample.path.rename(moved)
    window.files._watch()
    assert "удалён или перемещён" in window.last_error
    assert window.files.save_copy(tmp_path / "rescued.gpc") is not None


def test_failed_write_is_reported_and_nothing_is_lost(window, monkeypatch):
    from editor.core import records

    def disk_full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    before = Page.get_by_id(window.page_model.page_id(0)).subscribers
    monkeypatch.setattr(records, "update_page", disk_full)
    index = window.page_model.index(0, COLUMN_INDEX["subscribers"])
    assert not window.page_model.setData(index, "999")
    assert "disk is full" in window.last_error
    assert Page.get_by_id(window.page_model.page_id(0)).subscribers == before
    assert window.undo_stack.count() == 0


def test_backup_is_made_on_open_and_rotated(qtbot, sample, tmp_path):
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini")
    qtbot.waitUntil(lambda: len(backup.list_backups(sample.path, "auto")) == 1)
    window.close()
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini")
    qtbot.wait(50)  # the backup made on opening is due now
    assert len(backup.list_backups(sample.path, "auto")) == 1  # unchanged since: no new copy
    window.files.backup_now()
    assert len(backup.list_backups(sample.path)) == 2


def test_first_start_creates_the_default_catalogue(tmp_path, monkeypatch, qapp):
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "data"))
    settings = Settings.at(tmp_path / "first.ini")
    path = app_module.choose_catalogue(None, settings)
    assert path == tmp_path / "data" / "catalogue.gpc"
    assert path.stat().st_size > 0
    settings.add_recent(path)
    assert app_module.choose_catalogue(None, settings) == path.resolve()
