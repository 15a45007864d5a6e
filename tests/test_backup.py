"""Backups and «Save a copy»: consistent copies, rotation, clear errors."""

from __future__ import annotations

import sqlite3

import pytest

from editor.core import records
from editor.core.backup import BackupError, copy_catalogue, list_backups, make_backup
from editor.core.backup import changed_since_backup as backup_due
from editor.db.models import Territory


def _pages(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM page").fetchone()[0]
    finally:
        connection.close()


def test_copy_holds_committed_writes_of_the_open_catalogue(catalogue, tmp_path):
    region = Territory.get(Territory.oktmo == "37000000").id
    organization = records.create_organization(region, {"full_name": "Администрация"})
    records.create_page(organization.id, {"url": "https://vk.com/club1"})
    copy = copy_catalogue(catalogue, tmp_path / "copy.gpc")
    assert _pages(copy) == 1


def test_rotation_keeps_the_last_copies_per_reason(catalogue):
    for _ in range(4):
        make_backup(catalogue, "auto", keep=3)
    make_backup(catalogue, "import", keep=3)
    assert len(list_backups(catalogue, "auto")) == 3
    assert len(list_backups(catalogue, "import")) == 1
    assert len(list_backups(catalogue)) == 4


def test_copy_onto_itself_or_into_a_missing_folder_is_refused(catalogue, tmp_path):
    with pytest.raises(BackupError, match="поверх"):
        copy_catalogue(catalogue, catalogue)
    with pytest.raises(BackupError, match="Не удалось сохранить копию"):
        copy_catalogue(catalogue, tmp_path / "missing" / "copy.gpc")
    assert not (tmp_path / "missing").exists()


def test_a_new_backup_is_due_only_after_a_change(catalogue):
    assert backup_due(catalogue)
    make_backup(catalogue)
    assert not backup_due(catalogue)
    region = Territory.get(Territory.oktmo == "37000000").id
    records.create_organization(region, {"full_name": "Администрация"})
    assert backup_due(catalogue)
