"""The main window's flows: node → table, filters, cell and form edits with undo, status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from editor.db.models import Organization, Page
from editor.itemmodels.page_columns import COLUMN_INDEX
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window, sample_file

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def sample(tmp_path):
    return sample_file(tmp_path)


@pytest.fixture
def window(qtbot, sample, tmp_path):
    return open_window(qtbot, sample.path, tmp_path / "settings.ini")


def test_window_has_the_stable_object_names(window):
    for name in ("territoryTree", "pageTable", "pageForm", "quickFilter"):
        assert window.findChild(object, name) is not None, name
    for name in (
        "actionUndo",
        "actionRedo",
        "actionImport",
        "actionExport",
        "actionNewCatalogue",
        "actionOpenCatalogue",
    ):
        assert window.findChild(QAction, name) is not None, name


def test_start_shows_all_pages_of_the_root(window):
    assert window.territory_tree.currentIndex().data() == "Российская Федерация"
    assert window.page_model.rowCount() == 30
    assert window.status_label.text().startswith("30 страниц из 30, выделено 0")


def test_selecting_a_node_shows_its_pages_and_descendants(window, sample):
    assert window.select_territory(sample.kurgan)
    assert window.page_model.rowCount() == 15
    window.select_territory(sample.ketovo)
    assert window.page_model.rowCount() == 15
    window.actions_.descendants.setChecked(False)
    assert window.page_model.rowCount() == 15  # the pages sit on the municipality itself
    window.select_territory(sample.region)
    assert window.page_model.rowCount() == 0
    assert window.status_label.text().startswith("0 страниц из 0")


def test_quick_filter_narrows_the_table_and_the_status_bar(qtbot, window):
    for letter in "школа № 10":  # QTest cannot type Cyrillic keys; insert() edits the same way
        window.filter_bar.quick.insert(letter)
    assert window.page_model.rowCount() == 30  # debounced: nothing ran per keystroke
    qtbot.waitUntil(lambda: window.page_model.rowCount() == 3, timeout=3000)
    assert window.status_label.text().startswith("3 страниц из 30")
    window.filter_bar.clear()
    assert window.page_model.rowCount() == 30


def test_network_and_flag_filters(window):
    window.filter_bar._network_actions["vk"].setChecked(True)
    assert window.page_model.rowCount() == 10
    window.filter_bar._flag_actions["no_gosmark"].setChecked(True)
    assert window.page_model.rowCount() == 5
    assert "(1)" in window.filter_bar.network_button.text()


def test_saved_filter_comes_back(window):
    window.filter_bar._status_actions["card"].setChecked(True)
    window.filter_bar.save_current("Визитки")
    window.filter_bar.clear()
    assert window.page_model.rowCount() == 30
    assert window.filter_bar.apply_saved("Визитки")
    assert window.page_model.rowCount() == 9  # schools 3, 6, 9 × three networks


def test_edit_a_cell_then_undo_and_redo(qtbot, window):
    page_id = window.page_model.page_id(0)
    index = window.page_model.index(0, COLUMN_INDEX["status"])
    window.page_table.setCurrentIndex(index)
    window.page_table.edit(index)
    editor = window.page_table.indexWidget(index) or window.page_table.focusWidget()
    editor.set_value("flagship")
    editor.activated.emit(editor.currentIndex())
    assert Page.get_by_id(page_id).status == "flagship"
    assert index.data() == "флагманский"
    assert window.page_form.rows["page.status"].editor.value() == "flagship"
    window.actions_.undo.trigger()
    assert Page.get_by_id(page_id).status == "active"
    assert index.data() == "активный"
    window.actions_.redo.trigger()
    assert Page.get_by_id(page_id).status == "flagship"


def test_invalid_cell_value_is_refused_with_a_message(window):
    index = window.page_model.index(0, COLUMN_INDEX["activity"])
    assert not window.page_model.setData(index, "очень много")
    assert "Активность" in window.last_error
    assert window.undo_stack.count() == 0


def test_form_edit_is_stored_and_a_bad_value_explained_next_to_the_field(qtbot, window):
    window.page_table.setCurrentIndex(window.page_model.index(0, 0))
    form = window.page_form
    page_id = window.current_page_id()
    subscribers = form.rows["page.subscribers"].editor
    subscribers.setText("2 500")
    subscribers.committed.emit()
    assert Page.get_by_id(page_id).subscribers == 2500
    assert window.page_model.index(0, COLUMN_INDEX["subscribers"]).data() == "2\u2009500"
    ogrn = form.rows["organization.ogrn"].editor
    ogrn.setText("1234567890123")  # wrong check digit
    ogrn.committed.emit()
    error = form.rows["organization.ogrn"].error
    assert not error.isHidden() and "ОГРН" in error.text()
    assert Organization.get_by_id(window.current_organization_id()).ogrn is None
    url = form.rows["page.url"].editor
    url.setText("https://ok.ru/group/1")  # an OK link on a VK page
    assert url.problem()
    assert not form.rows["page.url"].error.isHidden()


@pytest.mark.parametrize("link", ["https://vk.com/public", "vk.com/club", "https://vk.com/"])
def test_form_refuses_a_template_link_with_no_page(window, link):
    window.page_table.setCurrentIndex(window.page_model.index(0, 0))
    page_id = window.current_page_id()
    before = Page.get_by_id(page_id).url
    row = window.page_form.rows["page.url"]
    row.editor.setText(link)
    assert "без адреса страницы" in row.editor.problem()
    row.editor.committed.emit()
    assert not row.error.isHidden() and "без адреса страницы" in row.error.text()
    assert Page.get_by_id(page_id).url == before


def test_form_jumps_to_the_pages_territory(window, sample):
    window.page_table.setCurrentIndex(window.page_model.index(0, 0))
    window.page_form.jump_button.click()
    assert window.current_territory_id() == sample.ketovo


def test_status_bar_counts_the_selection(window):
    window.page_table.selectAll()
    assert "выделено 30" in window.status_label.text()
    assert len(window.selected_page_ids()) == 30


def test_column_chooser_hides_and_shows_columns(window):
    menu = window.findChild(QAction, "actionUndo")  # any action: the menu is built on demand
    assert menu is not None
    from editor.ui.window_actions import column_menu

    chooser = column_menu(window)
    ogrn = next(a for a in chooser.actions() if a.text() == "ОГРН")
    assert not ogrn.isChecked()
    ogrn.setChecked(True)
    assert not window.page_table.isColumnHidden(COLUMN_INDEX["ogrn"])


def test_layout_persists_between_sessions(qtbot, sample, tmp_path):
    settings = tmp_path / "layout.ini"
    first = open_window(qtbot, sample.path, settings)
    first.page_table.setColumnHidden(COLUMN_INDEX["ogrn"], False)
    first.page_table.sortByColumn(COLUMN_INDEX["subscribers"], Qt.SortOrder.DescendingOrder)
    first.close()
    second = open_window(qtbot, sample.path, settings)
    assert not second.page_table.isColumnHidden(COLUMN_INDEX["ogrn"])
    assert second.page_model.sort_key() == ("subscribers", True)
    assert second.settings.last_catalogue == str(sample.path.resolve())
    second.close()


def test_shortcuts_are_listed_under_help(window):
    from editor.ui.window_actions import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    texts = dict(dialog.rows)
    assert "Ctrl+Z" in texts["Отменить"]
    assert "Ctrl+Shift+Z" in texts["Повторить"]
    assert texts["Найти"] == "Ctrl+F"
    dialog.close()


def test_drag_a_territory_then_undo_from_the_menu(window, sample):
    from editor.db.models import Territory

    model = window.tree_model
    window.select_territory(sample.settlement)
    data = model.mimeData([window.territory_tree.currentIndex()])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(sample.kurgan))
    assert Territory.get_by_id(sample.settlement).parent_id == sample.kurgan
    assert window.undo_stack.undoText().startswith("Перемещение")
    window.actions_.undo.trigger()
    assert Territory.get_by_id(sample.settlement).parent_id == sample.ketovo


def test_drop_breaking_the_level_order_is_refused_with_a_message(window, sample):
    from editor.db.models import Territory

    model = window.tree_model
    data = model.mimeData([model.index_of(sample.kurgan)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(sample.settlement))
    assert "не может входить" in window.last_error
    assert Territory.get_by_id(sample.kurgan).parent_id == sample.region


def test_keyboard_reaches_every_pane(qtbot, window):
    window.actions_.find.trigger()
    assert window.filter_bar.quick.hasFocus()
    window.actions_.focus_table.trigger()
    assert window.page_table.hasFocus()
    window.actions_.focus_tree.trigger()
    assert window.territory_tree.hasFocus()
    window.page_table.setCurrentIndex(window.page_model.index(0, 0))
    window.actions_.focus_form.trigger()
    assert window.page_form.rows["page.network"].editor.hasFocus()
    for widget in (window.territory_tree, window.page_table, window.filter_bar.quick):
        assert widget.accessibleName()


def test_undo_is_right_after_the_table_reloaded(window, sample):
    page_id = window.page_model.page_id(0)
    index = window.page_model.index(0, COLUMN_INDEX["subscribers"])
    assert window.page_model.setData(index, "5000")
    window.select_territory(sample.kurgan)  # another node: the table reloads
    window.store.reset.emit()  # and the models rebuild from scratch
    window.actions_.undo.trigger()
    assert Page.get_by_id(page_id).subscribers == 102
    window.select_territory(sample.region)
    row = window.page_model.row_of(page_id)
    assert window.page_model.index(row, COLUMN_INDEX["subscribers"]).data() == "102"
