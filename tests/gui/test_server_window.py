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
