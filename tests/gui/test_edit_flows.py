"""Editing flows in the real main window: bulk edit, trash, duplicates, change log, territories.

Dialogs are filled in by the test instead of a user: `EditActions._exec` is replaced by a
function that sets the dialog's widgets and answers OK or Cancel.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from editor.core import spheres, territories
from editor.db.database import CatalogueLock, close_catalogue
from editor.db.models import Change, Organization, Page, Territory
from editor.itemmodels.roles import IdRole
from editor.ui.text_table import TextTableModel
from tests.commands.small_catalogue import Template
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window

pytestmark = QT_LOG_IGNORE

ACTION_NAMES = (
    "actionAddPage",
    "actionAddOrganization",
    "actionDeletePages",
    "actionBulkEdit",
    "actionFindDuplicates",
    "actionChangeLog",
    "actionTrash",
    "actionAddTerritory",
    "actionRenameTerritory",
    "actionDeleteTerritory",
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return Template(tmp_path_factory.mktemp("edit_flows"))


@pytest.fixture
def small(template, tmp_path, qapp):
    built = template.copy_to(tmp_path / "small.gpc")
    close_catalogue()
    return built


@pytest.fixture
def window(qtbot, small, tmp_path):
    window = open_window(qtbot, small.path, tmp_path / "settings.ini")
    yield window
    # Emptied while the window lives: the stack announces `cleanChanged` as it goes.
    window.undo_stack.clear()
    window.close()


def answer(window, monkeypatch, fill):
    """Dialogs opened by the edit actions are handed to `fill`, which returns OK or not."""
    seen = []

    def fake_exec(dialog):
        seen.append(dialog)
        return fill(dialog)

    monkeypatch.setattr(window.edit_actions, "_exec", fake_exec)
    return seen


def action(window, name) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def table_ids(window) -> list[int]:
    model = window.page_model
    return [model.page_id(row) for row in range(model.rowCount())]


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_actions_are_in_the_menus_and_disabled_when_read_only(qtbot, window, small, tmp_path):
    edit_menu = {a.objectName() for a in window.menu_edit.actions()}
    tree_menu = {a.objectName() for a in window.menu_territory.actions()}
    assert {"actionAddPage", "actionDeletePages", "actionBulkEdit", "actionTrash"} <= edit_menu
    assert {"actionAddTerritory", "actionRenameTerritory", "actionDeleteTerritory"} <= tree_menu
    window.select_pages(table_ids(window)[:2])
    assert action(window, "actionDeletePages").isEnabled()
    window.close()

    with CatalogueLock(small.path):  # another program writes: this window must only read
        second = open_window(qtbot, small.path, tmp_path / "second.ini")
        second.select_pages(table_ids(second)[:2])
        second.edit_actions.update_enabled()
        assert second.read_only
        assert [n for n in ACTION_NAMES if action(second, n).isEnabled()] == []
        second.close()


def test_bulk_edit_of_selected_rows_then_undo(qtbot, window, small, monkeypatch):
    window.select_territory(small.kurgan)
    ids = table_ids(window)[:5]
    window.select_pages(ids)
    before = {p.id: p.status for p in Page.select().where(Page.id.in_(ids))}
    summaries = []

    def fill(dialog):
        dialog.checks["status"].setChecked(True)
        editor = dialog.editors["status"]
        editor.setCurrentIndex(editor.findData("flagship"))
        dialog.refresh_count()
        summaries.append(dialog.summary.text())
        return ok_button(dialog).isEnabled()

    answer(window, monkeypatch, fill)
    action(window, "actionBulkEdit").trigger()
    assert summaries == ["Будет изменено 5 из 5"]
    assert {Page.get_by_id(i).status for i in ids} == {"flagship"}
    status_column = next(i for i, c in enumerate(window.page_model.columns) if c.key == "status")
    row = window.page_model.row_of(ids[0])
    qtbot.waitUntil(
        lambda: window.page_model.index(row, status_column).data() == "флагманский", timeout=3000
    )

    window.undo_stack.undo()
    assert {p.id: p.status for p in Page.select().where(Page.id.in_(ids))} == before


def test_bulk_edit_shows_how_many_will_change(window, small, monkeypatch):
    ids = table_ids(window)[:6]  # school 1 and 2: VK, OK, Telegram each
    window.select_pages(ids)
    texts = []

    def fill(dialog):
        dialog.checks["network"].setChecked(True)
        dialog.editors["network"].setCurrentIndex(
            dialog.editors["network"].findData(Page.get_by_id(ids[0]).network)
        )
        dialog.refresh_count()
        texts.append(dialog.summary.text())
        return False

    answer(window, monkeypatch, fill)
    action(window, "actionBulkEdit").trigger()
    same = sum(1 for i in ids if Page.get_by_id(i).network == Page.get_by_id(ids[0]).network)
    assert texts == [f"Будет изменено {len(ids) - same} из {len(ids)}"]
    assert window.undo_stack.count() == 0


def test_delete_to_trash_with_del_then_restore(qtbot, window, small, monkeypatch):
    ids = table_ids(window)[:3]
    total = window.page_model.rowCount()
    window.select_pages(ids)
    window.page_table.setFocus()
    qtbot.keyClick(window.page_table, Qt.Key.Key_Delete)
    assert all(Page.get_by_id(i).deleted_at is not None for i in ids)
    qtbot.waitUntil(lambda: window.page_model.rowCount() == total - 3, timeout=3000)

    def fill(dialog):
        assert sorted(dialog.pages_model.ids) == sorted(ids)
        selection = dialog.pages_view.selectionModel()
        for row in range(2):
            selection.select(
                dialog.pages_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        dialog.restore_button.click()
        assert len(dialog.pages_model.ids) == 1
        return False

    answer(window, monkeypatch, fill)
    action(window, "actionTrash").trigger()
    assert sum(1 for i in ids if Page.get_by_id(i).deleted_at is None) == 2
    qtbot.waitUntil(lambda: window.page_model.rowCount() == total - 1, timeout=3000)
    window.undo_stack.undo()  # the restore
    window.undo_stack.undo()  # the deletion
    assert all(Page.get_by_id(i).deleted_at is None for i in ids)


def test_merge_duplicates_field_by_field(qtbot, window, small, monkeypatch):
    keep, other = small.url_twins

    def fill(dialog):
        assert dialog.groups_model.rowCount() >= 2
        index = next(
            dialog.groups_model.index(r, 0)
            for r in range(dialog.groups_model.rowCount())
            if dialog.groups_model.index(r, 0).data(IdRole) == tuple(sorted((keep, other)))
        )
        dialog.groups_view.setCurrentIndex(index)
        assert dialog.keep.currentData() == keep and dialog.other.currentData() == other
        # The kept page's title wins by default (the other has none); take the other's instead.
        assert dialog.findChild(object, "take_title_keep").isChecked()
        dialog.findChild(object, "take_title_other").setChecked(True)
        dialog.merge_button.click()
        return False

    answer(window, monkeypatch, fill)
    action(window, "actionFindDuplicates").trigger()
    assert Page.get_by_id(other).deleted_at is not None
    assert Page.get_by_id(keep).title == ""
    window.undo_stack.undo()
    assert Page.get_by_id(other).deleted_at is None
    assert Page.get_by_id(keep).title == "Школа 1 (vk)"


def test_change_log_shows_an_edit(window, small, monkeypatch):
    page = small.pages[0]
    status_column = next(i for i, c in enumerate(window.page_model.columns) if c.key == "status")
    row = window.page_model.row_of(page)
    assert window.page_model.setData(
        window.page_model.index(row, status_column), "flagship", Qt.ItemDataRole.EditRole
    )
    window.select_pages([page])
    rows = []
    answer(window, monkeypatch, lambda dialog: rows.extend(dialog.model.rows) or False)
    action(window, "actionChangeLog").trigger()
    edit = next(r for r in rows if r[1] == "Статус")
    assert edit[2:] == ["активный", "флагманский", "вручную"]
    assert any(r[1] == "страница: создание" for r in rows)


def test_territory_drop_that_breaks_the_level_order_is_refused(window, small):
    model = window.tree_model
    window.select_territory(small.kurgan)
    window.select_territory(small.ketovo)
    source, target = model.index_of(small.ketovo), model.index_of(small.kurgan)
    data = model.mimeData([source])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert territories.get(small.ketovo).parent_id == small.region
    assert "не может входить" in window.last_error
    assert window.undo_stack.count() == 0


def test_add_rename_and_delete_territory(qtbot, window, small, monkeypatch):
    window.select_territory(small.ketovo)

    def add(dialog):
        dialog.name.setText("Введенский территориальный отдел")
        return True

    answer(window, monkeypatch, add)
    action(window, "actionAddTerritory").trigger()
    added = Territory.get(Territory.name == "Введенский территориальный отдел")
    assert added.parent_id == small.ketovo

    window.select_territory(small.kurgan)
    window.territory_tree.setFocus()

    def rename(dialog):
        dialog.name.setText("Курган")
        return True

    answer(window, monkeypatch, rename)
    qtbot.keyClick(window.territory_tree, Qt.Key.Key_F2)
    assert territories.get(small.kurgan).name == "Курган"

    def delete(dialog):
        assert dialog.target is not None  # Курган holds organisations: where do they go?
        dialog.target.setCurrentIndex(dialog.target.findData(small.ketovo))
        return True

    answer(window, monkeypatch, delete)
    action(window, "actionDeleteTerritory").trigger()
    assert Territory.get_or_none(Territory.id == small.kurgan) is None
    assert {o.territory_id for o in Organization.select()} == {small.ketovo}
    window.undo_stack.undo()
    assert territories.get(small.kurgan).name == "Курган"
    assert Organization.select().where(Organization.territory == small.kurgan).count() == 4


def test_add_organization_refuses_a_wrong_value_next_to_the_field(window, small, monkeypatch):
    window.select_territory(small.kurgan)
    states = []

    def fill(dialog):
        dialog.organization.editors["full_name"].setText("МБУК «Курганский театр»")
        dialog.organization.editors["ogrn"].setText("123")
        states.append(
            (
                ok_button(dialog).isEnabled(),
                dialog.organization.messages["ogrn"].isVisibleTo(dialog),
            )
        )
        dialog.organization.editors["ogrn"].setText("")
        dialog.page.editors["url"].setText("t.me/kurgan_theatre")
        states.append((ok_button(dialog).isEnabled(), dialog.page.editors["network"].value()))
        return True

    answer(window, monkeypatch, fill)
    action(window, "actionAddOrganization").trigger()
    assert states == [(False, True), (True, "telegram")]
    organization = Organization.get(Organization.full_name == "МБУК «Курганский театр»")
    assert organization.territory_id == small.kurgan
    assert [p.url for p in organization.pages] == ["https://t.me/kurgan_theatre"]
    window.undo_stack.undo()
    assert Organization.get_or_none(Organization.id == organization.id) is None


def test_add_and_duplicate_page(window, small, monkeypatch):
    window.select_pages([small.pages[0]])

    def fill(dialog):
        dialog.page.editors["url"].setText("https://ok.ru/group/555")
        return True

    answer(window, monkeypatch, fill)
    action(window, "actionAddPage").trigger()
    organization = Page.get_by_id(small.pages[0]).organization_id
    added = Page.get(Page.url == "https://ok.ru/group/555")
    assert (added.organization_id, added.network) == (organization, "ok")

    action(window, "actionDuplicatePage").trigger()
    copies = Page.select().where((Page.organization == organization) & (Page.url == ""))
    assert [p.title for p in copies] == ["Школа 1 (vk)"]
    assert Change.select().where(Change.entity == "page", Change.action == "create").count() >= 2


def test_sphere_dictionary_dialog(window, monkeypatch):
    def fill(dialog):
        dialog.name.setText("Кинотеатры")
        culture = dialog.model.ids.index(spheres.find("Культура"))
        dialog.view.setCurrentIndex(dialog.model.index(culture, 0))
        dialog.add_child.click()
        dialog.name.setText("Культура")
        dialog.add_top.click()  # a taken name is refused under the list
        assert "уже есть" in dialog.problem.text()
        return False

    answer(window, monkeypatch, fill)
    action(window, "actionSpheres").trigger()
    created = spheres.find("Кинотеатры")
    assert created is not None
    assert spheres.labels()[created] == "Культура / Кинотеатры"
    window.undo_stack.undo()
    assert spheres.find("Кинотеатры") is None


def test_dialog_list_model_passes_the_model_tester(qtmodeltester, qapp):
    model = TextTableModel(["A", "B"], [("1", "2"), ("3", "4")], [10, 20])
    qtmodeltester.check(model)
    model.set_rows([("5", "6")], [30])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "6" and model.index(0, 0).data(IdRole) == 30
