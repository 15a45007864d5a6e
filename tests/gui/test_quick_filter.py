"""The quick filter as a user types: every keystroke shows its rows without waiting for a pause,
the status bar's totals stay right after edits, and Ctrl+F reads the search index ahead."""

from __future__ import annotations

import pytest
from peewee import fn
from PySide6.QtCore import Qt

from editor.core import normalize as nz
from editor.core import text_index
from editor.db.models import Page
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window, sample_file

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def sample(tmp_path):
    yield sample_file(tmp_path)
    text_index.release()


@pytest.fixture
def window(qtbot, sample, tmp_path):
    return open_window(qtbot, sample.path, tmp_path / "settings.ini")


def _matching(text: str) -> list[int]:
    """Live pages whose search key holds the folded text, by SQL (not through the index)."""
    query = Page.select(Page.id).where(
        Page.deleted_at.is_null(), fn.instr(Page.search_key, nz.fold_text(text)) > 0
    )
    return sorted(page.id for page in query)


def _shown(window) -> list[int]:
    return sorted(window.page_model.page_ids())


def test_every_keystroke_shows_its_rows_at_once(qtbot, window):
    text = ""
    for letter in "школа № 1":  # QTest cannot type Cyrillic keys; insert() edits the same way
        window.filter_bar.quick.insert(letter)
        text += letter
        qtbot.wait(1)  # one turn of the event loop, far below any typing pause
        assert _shown(window) == _matching(text), text
    for _ in range(4):  # erasing back to «школа»
        window.filter_bar.quick.backspace()
        text = text[:-1]
        qtbot.wait(1)
        assert _shown(window) == _matching(text), text
    assert window.status_label.text().startswith(f"{len(_matching('школа'))} страниц из 30")


def test_keystrokes_arriving_together_make_one_query(qtbot, window):
    refreshed = []
    window.page_model.refreshed.connect(lambda: refreshed.append(window.page_model.rowCount()))
    for letter in "школа № 10":  # a paste, or typing while the window was busy
        window.filter_bar.quick.insert(letter)
    qtbot.waitUntil(lambda: bool(refreshed), timeout=3000)
    qtbot.wait(20)
    assert refreshed == [3]


def test_the_status_bar_follows_a_deletion_and_its_undo_while_filtering(qtbot, window):
    window.filter_bar.quick.setText("школа")
    window.filter_bar.flush()
    found = len(_matching("школа"))
    assert window.status_label.text().startswith(f"{found} страниц из 30")
    window.select_pages(window.page_model.page_ids()[:1])
    window.page_table.setFocus()
    qtbot.keyClick(window.page_table, Qt.Key.Key_Delete)
    qtbot.waitUntil(
        lambda: window.status_label.text().startswith(f"{found - 1} страниц из 29"), timeout=3000
    )
    window.undo_stack.undo()
    qtbot.waitUntil(
        lambda: window.status_label.text().startswith(f"{found} страниц из 30"), timeout=3000
    )


def test_ctrl_f_reads_the_search_index_before_the_first_keystroke(qtbot, sample, tmp_path):
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini", background=True)
    qtbot.waitUntil(lambda: not window.page_model.is_loading(), timeout=5000)
    text_index.release()  # as if no search had run since the catalogue was opened
    before = text_index.loads()
    window.activateWindow()
    window.actions_.find.trigger()
    assert window.filter_bar.quick.hasFocus()
    qtbot.waitUntil(lambda: text_index.loads() == before + 1, timeout=5000)
    with qtbot.waitSignal(window.page_model.refreshed, timeout=5000):
        window.filter_bar.quick.insert("ш")
    assert _shown(window) == _matching("ш")
    assert text_index.loads() == before + 1  # the keystroke found the index read


def test_a_letter_most_pages_hold_shows_a_first_screen_then_every_row(
    qtbot, sample, tmp_path, monkeypatch
):
    from editor.itemmodels import page_model

    monkeypatch.setattr(page_model, "FIRST_SCREEN", 3)  # the sample's 30 pages fill no screen
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini", background=True)
    qtbot.waitUntil(lambda: not window.page_model.is_loading(), timeout=5000)
    every = _matching("о")
    assert len(every) > 3
    events = []
    window.page_model.firstRowsShown.connect(lambda: events.append(_shown(window)))
    window.page_model.refreshed.connect(lambda: events.append(_shown(window)))
    window.filter_bar.quick.insert("о")
    qtbot.waitUntil(lambda: len(events) == 2, timeout=5000)
    assert events == [every[:3], every]
    assert window.status_label.text().startswith(f"{len(every)} страниц из 30")


def test_a_keystroke_drops_the_previous_letters_rest_unread(qtbot, sample, tmp_path, monkeypatch):
    from editor.itemmodels import page_model

    monkeypatch.setattr(page_model, "FIRST_SCREEN", 3)
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini", background=True)
    qtbot.waitUntil(lambda: not window.page_model.is_loading(), timeout=5000)
    texts = []
    window.page_model.refreshed.connect(lambda: texts.append(window.filter_bar.quick.text()))
    with qtbot.waitSignal(window.page_model.firstRowsShown, timeout=5000):
        window.filter_bar.quick.insert("о")
    window.filter_bar.quick.insert("л")  # before the pause after which «о» would be read whole
    qtbot.waitUntil(lambda: not window.page_model.is_loading(), timeout=5000)
    qtbot.wait(2 * page_model.READ_REST_MS)
    assert texts == ["ол"]
    assert _shown(window) == _matching("ол")
