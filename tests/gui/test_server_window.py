"""The window on a catalogue on a PostgreSQL server: the password asked when the server wants
one and remembered nowhere, the server shown in the title, and a read-only role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from editor.db.database import close_catalogue
from editor.db.dialect import describe
from editor.itemmodels.page_columns import COLUMN_INDEX
from editor.ui.settings import Settings
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window
from tests.pg_server import ADMIN_PASSWORD
from tests.sample_catalogue import build_sample

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def server_sample(pg_server, pg_url, monkeypatch, tmp_path):
    build_sample(pg_url)
    close_catalogue()
    # No ~/.pgpass of the machine running the tests may answer for the user.
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    return pg_server, pg_url.rsplit("/", 1)[1]


def test_the_password_is_asked_and_kept_out_of_settings(
    qtbot, server_sample, monkeypatch, tmp_path
):
    server, dbname = server_sample
    asked = []

    def answer(parent, title, label, mode):
        asked.append(label)
        return (ADMIN_PASSWORD, True) if len(asked) > 1 else ("wrong", True)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    url = server.url(dbname, password=None)
    settings_file = tmp_path / "settings.ini"
    window = open_window(qtbot, url, settings_file)
    assert len(asked) == 2 and "gp_admin" in asked[0]
    assert describe(url) in window.windowTitle()
    assert window.page_model.rowCount() > 0
    assert not window.read_only
    assert Settings.at(settings_file).recent_catalogues[0] == url
    assert ADMIN_PASSWORD not in settings_file.read_text(encoding="utf-8")
    window.close()


def test_a_read_only_role_opens_read_only(qtbot, server_sample, tmp_path):
    server, dbname = server_sample
    with server.admin(dbname) as connection:
        connection.execute("CREATE ROLE reader LOGIN PASSWORD 'read-secret-5'")
        connection.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    url = server.url(dbname, user="reader", password="read-secret-5")
    window = open_window(qtbot, url, tmp_path / "settings.ini")
    assert window.read_only
    assert "только для чтения" in window.banner.text() and not window.banner.isHidden()
    index = window.page_model.index(0, COLUMN_INDEX["subscribers"])
    assert not window.page_model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert "read-secret-5" not in window.windowTitle() + window.banner.text()
    window.close()


def test_another_editors_change_appears_within_seconds(qtbot, server_sample, tmp_path):
    server, dbname = server_sample
    window = open_window(qtbot, server.url(dbname), tmp_path / "settings.ini")
    from editor.core import territories

    region = territories.resolve("37000000").id
    before = window.page_model.rowCount()
    pages_before = window.tree_model.totals(region).pages
    # Another editor (another process) adds a page through the command line.
    csv = tmp_path / "more.csv"
    csv.write_text(
        "Организация;Ссылка;Подписчики\nНовый клуб;https://vk.com/new_club_77;700\n",
        encoding="utf-8",
    )
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            str(root / "main.py"),
            "import",
            server.url(dbname),
            str(csv),
            "--into",
            "Курганская область",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    # Within seconds, without a restart: the table and the roll-up of the region.
    qtbot.waitUntil(lambda: window.page_model.rowCount() == before + 1, timeout=5000)
    qtbot.waitUntil(
        lambda: window.tree_model.totals(region).pages == pages_before + 1, timeout=5000
    )
    window.close()


def test_save_copy_of_a_server_catalogue_writes_a_catalogue_file(qtbot, server_sample, tmp_path):
    from editor.db.database import probe

    server, dbname = server_sample
    window = open_window(qtbot, server.url(dbname), tmp_path / "settings.ini")
    rows = window.page_model.rowCount()
    copy = window.files.save_copy(tmp_path / "trip.gpc")
    assert copy is not None and probe(copy) > 0
    import sqlite3

    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM page").fetchone()[0] == rows
    window.close()


def test_backup_of_a_server_catalogue_points_to_save_copy(qtbot, server_sample, tmp_path):
    server, dbname = server_sample
    window = open_window(qtbot, server.url(dbname), tmp_path / "settings.ini")
    shown = []
    window.show_error = shown.append
    assert window.files.backup_now() is None
    assert shown and "Сохранить копию" in shown[0]
    window.close()
