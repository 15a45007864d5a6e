"""Two editors save the same page of a server catalogue: the second sees both values and
chooses; nothing is overwritten silently."""

from __future__ import annotations

import pytest

from editor.db.database import close_catalogue
from editor.db.models import Page
from editor.ui import page_form
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window
from tests.sample_catalogue import build_sample

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def window(qtbot, pg_server, pg_url, tmp_path):
    build_sample(pg_url)
    close_catalogue()
    window = open_window(qtbot, pg_url, tmp_path / "settings.ini")
    window.page_table.selectRow(0)
    page_id = window.page_model.page_id(0)
    qtbot.waitUntil(lambda: window.page_form.page_id == page_id)
    # Another editor saves the same page after this window read it.
    with pg_server.admin(pg_url.rsplit("/", 1)[1]) as other:
        other.execute("UPDATE page SET title = 'Их заголовок' WHERE id = %s", (page_id,))
    yield window, page_id
    window.close()


def _type_title(window, text: str) -> None:
    window.page_form.rows["page.title"].editor.set_value(text)
    window.page_form._commit("page.title")


@pytest.mark.parametrize("mine", [True, False])
def test_the_second_save_shows_both_values_and_the_user_chooses(window, monkeypatch, mine):
    window, page_id = window
    shown = []

    def choose(parent, conflict):
        shown.append(conflict.fields["title"])
        return mine

    monkeypatch.setattr(page_form, "keep_mine", choose)
    _type_title(window, "Мой заголовок")
    assert shown == [("Мой заголовок", "Их заголовок")]
    stored = Page.get_by_id(page_id).title
    form_value = window.page_form.rows["page.title"].editor.value()
    if mine:
        assert stored == "Мой заголовок"
    else:
        assert stored == "Их заголовок" and form_value == "Их заголовок"
    # The form now knows the current version: the next save goes through without a question.
    _type_title(window, "Ещё один заголовок")
    assert len(shown) == 1 and Page.get_by_id(page_id).title == "Ещё один заголовок"
